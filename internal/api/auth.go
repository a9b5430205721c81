package api

import (
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/routes"
)

// Principal is the authenticated caller: a key of one workspace.
type Principal struct {
	WorkspaceID string
	KeyID       string
	Scope       string
	// Origin is the browser origin an ingest key was used from (empty for
	// admin keys); responses echo it in Access-Control-Allow-Origin.
	Origin string
}

// Admin reports whether the caller holds an admin key.
func (p *Principal) Admin() bool { return p != nil && p.Scope == domain.ScopeAdmin }

// errUnauthorized is the same for every failure to authenticate, so the
// answer never tells whether a workspace or key id exists.
func errUnauthorized() error {
	return domain.Errorf(domain.Unauthorized, "Authorization", "send a valid API key as 'Authorization: Bearer <key>'")
}

// authenticate checks the request's key against what the route needs.
// Keys are read with one strongly consistent GetItem (the token carries
// workspace and key ids), so a deleted key fails at once. A client address
// with too many failed attempts is refused (429, Retry-After on w) before
// any store read, and every failure counts against its address.
func (a *API) authenticate(r *http.Request, need routes.Auth, w http.ResponseWriter) (*Principal, error) {
	if need == routes.None {
		return nil, nil
	}
	addr := clientAddr(r)
	if wait, blocked := a.authFails.blocked(addr); blocked {
		w.Header().Set("Retry-After", strconv.Itoa(wait))
		return nil, domain.Errorf(domain.RateLimited, "Authorization", "too many failed authentications from this address: retry in %d s", wait)
	}
	p, err := a.checkKey(r, need)
	if domain.ErrorCode(err) == domain.Unauthorized {
		a.authFails.take(addr)
	}
	return p, err
}

// clientAddr is the address the request came from as this process sees
// it (under Lambda, the source address API Gateway reports).
func clientAddr(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// checkKey is authenticate without the failure limit.
func (a *API) checkKey(r *http.Request, need routes.Auth) (*Principal, error) {
	h := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	fromQuery := false
	if h == "" && need == routes.Ingest && r.URL.Query().Has("key") {
		// The offer widget's CORS "simple" requests (no preflight) cannot
		// carry Authorization; an ingest key is public and origin-bound.
		token, ok, fromQuery = r.URL.Query().Get("key"), true, true
	}
	if !ok {
		return nil, errUnauthorized()
	}
	ws, id, secret, ok := domain.ParseToken(strings.TrimSpace(token))
	if !ok {
		return nil, errUnauthorized()
	}
	key, hash, err := a.store.GetKey(r.Context(), ws, id)
	if domain.ErrorCode(err) == domain.NotFound {
		return nil, errUnauthorized()
	}
	if err != nil {
		return nil, err
	}
	if !domain.SecretMatches(secret, hash) {
		return nil, errUnauthorized()
	}
	if fromQuery && key.Scope != domain.ScopeIngest {
		// URLs end up in browser history, proxy and CDN logs: an admin
		// secret there would be a leak, so only ingest keys may travel in one.
		return nil, errUnauthorized()
	}
	p := &Principal{WorkspaceID: ws, KeyID: id, Scope: key.Scope}
	switch key.Scope {
	case domain.ScopeAdmin:
		return p, nil
	case domain.ScopeIngest:
		if need != routes.Ingest {
			return nil, domain.Errorf(domain.Forbidden, "Authorization", "an ingest key cannot use this route: it needs an admin key")
		}
		origin := r.Header.Get("Origin")
		if origin == "" || !key.AllowsOrigin(origin) {
			return nil, domain.Errorf(domain.Forbidden, "Origin", "an ingest key works only from its allowed origins")
		}
		p.Origin = origin
		return p, nil
	}
	return nil, errUnauthorized()
}

// preflightMaxAge lets browsers cache a CORS preflight for 10 minutes.
const preflightMaxAge = "600"

// preflight answers CORS preflight requests for ingest routes. It cannot
// check the key (browsers send none on preflight); the real request is
// checked against the key's allowed origins.
func (a *API) preflight(methods []string) http.Handler {
	allow := strings.Join(methods, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		infoFrom(r.Context()).route = "OPTIONS " + r.Pattern[len("OPTIONS "):]
		if o := r.Header.Get("Origin"); o != "" {
			w.Header().Set("Access-Control-Allow-Origin", o)
			w.Header().Add("Vary", "Origin")
			w.Header().Set("Access-Control-Allow-Methods", allow)
			w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
			w.Header().Set("Access-Control-Max-Age", preflightMaxAge)
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
