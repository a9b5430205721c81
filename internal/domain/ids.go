package domain

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
)

// ID prefixes say what an id names, so a community id pasted where an
// offer id belongs is simply not found.
const (
	WorkspacePrefix = "ws_"
	KeyPrefix       = "key_"
	CommunityPrefix = "com_"
	PartnerPrefix   = "par_"
	OfferPrefix     = "off_"
)

// idEncoding is lowercase base32 without padding: URL- and key-safe.
var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// idRandomBytes gives ids 80 random bits: unguessable and collision-free in
// practice (creates are conditional anyway, so a collision is a 409, not a
// silent overwrite).
const idRandomBytes = 10

// NewID returns a fresh random id with the given prefix.
func NewID(prefix string) string {
	b := make([]byte, idRandomBytes)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error()) // cannot happen on Linux (Go 1.24+ never returns an error)
	}
	return prefix + idEncoding.EncodeToString(b)
}

// ValidID reports whether id is well formed for prefix: the prefix, then
// 1..MaxIDLen characters of [a-z0-9_-]. It does not say the id exists.
func ValidID(prefix, id string) bool {
	if len(id) > MaxIDLen || !strings.HasPrefix(id, prefix) || len(id) == len(prefix) {
		return false
	}
	for _, c := range id[len(prefix):] {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
