package api

import (
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/routes"
)

// MinOriginSecretLen is the shortest origin secret accepted: the secret is
// the only thing that tells CloudFront's requests from a caller who found
// the execute-api endpoint, so it must not be guessable. The stack
// generates 32 characters.
const MinOriginSecretLen = 16

// checkOriginSecrets refuses short secrets, so a placeholder or an empty
// "previous" value can never be what lets a request in.
func checkOriginSecrets(secrets []string) error {
	for i, s := range secrets {
		if len(s) < MinOriginSecretLen {
			return fmt.Errorf("api: origin secret %d is %d characters, want at least %d", i, len(s), MinOriginSecretLen)
		}
	}
	return nil
}

// fromOrigin lets a request through only if it carries one of the origin
// secrets in routes.OriginVerifyHeader. Several secrets are accepted at
// once so that the secret can be rotated without downtime: while
// CloudFront's edges move from the old value to the new one, both pass.
// With no secrets (sweetspot serve, tests) every request passes.
//
// A request that passes came through CloudFront, which overwrites
// routes.ViewerAddressHeader with the viewer's address: from here on that
// address is the request's RemoteAddr (API Gateway's is CloudFront's
// edge), so the log line and anything keyed by client address (limits)
// see the viewer, whom a client cannot impersonate.
func (a *API) fromOrigin(next http.Handler) http.Handler {
	if len(a.originSecrets) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get(routes.OriginVerifyHeader))
		ok := false
		for _, s := range a.originSecrets {
			// Every secret is compared, in constant time, so the answer's
			// timing says nothing about which one (or how much) matched.
			if subtle.ConstantTimeCompare(got, s) == 1 {
				ok = true
			}
		}
		if !ok {
			infoFrom(r.Context()).route = "origin"
			a.writeError(w, r, domain.Errorf(domain.Forbidden, "", "requests must come through the site's CDN"))
			return
		}
		if ip := net.ParseIP(strings.TrimSpace(r.Header.Get(routes.ViewerAddressHeader))); ip != nil {
			infoFrom(r.Context()).client = ip.String()
			r = r.Clone(r.Context())
			r.RemoteAddr = net.JoinHostPort(ip.String(), "0")
		}
		next.ServeHTTP(w, r)
	})
}

// peerAddress is the host of the request's TCP peer (RemoteAddr): the
// client under sweetspot serve, CloudFront's edge under Lambda until
// fromOrigin replaces it with the viewer's.
func peerAddress(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}
