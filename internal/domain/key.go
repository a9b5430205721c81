package domain

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// Key scopes.
const (
	// ScopeAdmin may do everything within its workspace.
	ScopeAdmin = "admin"
	// ScopeIngest is a public site key: it records events and reads live
	// offers of its workspace, and only from the key's allowed origins.
	ScopeIngest = "ingest"
)

// Scopes lists the valid key scopes.
func Scopes() []string { return []string{ScopeAdmin, ScopeIngest} }

// APIKey is a credential of one workspace. Its secret is random, shown once
// at creation and stored only as a SHA-256 hash (see HashSecret): a leaked
// table does not leak usable keys.
type APIKey struct {
	ID          string `json:"id"`
	WorkspaceID string `json:"workspace_id"`
	Name        string `json:"name"`
	Scope       string `json:"scope"`
	// Origins are the web origins (https://shop.example) an ingest key may
	// be used from; an ingest key needs at least one. Admin keys have none:
	// they belong on servers, never in a page.
	Origins []string `json:"origins,omitempty"`
	// Hint is the secret's last four characters, to tell keys apart.
	Hint string `json:"hint"`
	Meta
}

// Validate checks the rules a key must satisfy.
func (k *APIKey) Validate() error {
	if err := checkText("name", k.Name, MaxNameLen, true); err != nil {
		return err
	}
	if err := checkEnum("scope", k.Scope, Scopes()); err != nil {
		return err
	}
	if k.Scope == ScopeAdmin && len(k.Origins) > 0 {
		return Errorf(Invalid, "origins", "admin keys have no origins: they must never be used from a browser")
	}
	if k.Scope == ScopeIngest && len(k.Origins) == 0 {
		return Errorf(Invalid, "origins", "an ingest key needs at least one allowed origin")
	}
	if len(k.Origins) > MaxOrigins {
		return Errorf(Invalid, "origins", "has %d entries, the limit is %d", len(k.Origins), MaxOrigins)
	}
	for i, o := range k.Origins {
		if err := checkOrigin(index("origins", i), o); err != nil {
			return err
		}
	}
	return nil
}

// AllowsOrigin reports whether a browser request from origin may use k.
func (k *APIKey) AllowsOrigin(origin string) bool {
	for _, o := range k.Origins {
		if strings.EqualFold(o, origin) {
			return true
		}
	}
	return false
}

// tokenPrefix starts every key token, so secret scanners can spot them.
const tokenPrefix = "ss"

// secretBytes is the secret's entropy: 256 bits.
const secretBytes = 32

// NewSecret returns a key token for key id of workspace ws, and the hash
// to store. The token reads ss.<workspace>.<key>.<secret>: the ids let the
// API fetch the one key record directly (a strongly consistent GetItem, so
// a deleted key stops working at once), the secret proves possession.
func NewSecret(ws, id string) (token, hash, hint string) {
	b := make([]byte, secretBytes)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	secret := base64.RawURLEncoding.EncodeToString(b)
	return tokenPrefix + "." + ws + "." + id + "." + secret, HashSecret(secret), secret[len(secret)-4:]
}

// HashSecret is the stored form of a secret: hex SHA-256. A fast hash is
// right here because the secret is 256 random bits, not a password: there is
// nothing to brute-force, so a slow KDF (bcrypt, argon2) would only add
// latency to every request.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// ParseToken splits a key token into workspace id, key id and secret.
func ParseToken(token string) (ws, id, secret string, ok bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 4 || parts[0] != tokenPrefix || !ValidID(WorkspacePrefix, parts[1]) ||
		!ValidID(KeyPrefix, parts[2]) || len(parts[3]) != base64.RawURLEncoding.EncodedLen(secretBytes) {
		return "", "", "", false
	}
	return parts[1], parts[2], parts[3], true
}

// SecretMatches compares a presented secret with a stored hash in
// constant time.
func SecretMatches(secret, hash string) bool {
	return subtle.ConstantTimeCompare([]byte(HashSecret(secret)), []byte(hash)) == 1
}
