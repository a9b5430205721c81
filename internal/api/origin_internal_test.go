package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/sweetspot/sweetspot/internal/routes"
)

// TestFromOriginSetsRemoteAddr: past the origin check, handlers see the
// viewer's address as RemoteAddr (what per-address limits key on), IPv6
// included; a header that is not an address leaves the peer's.
func TestFromOriginSetsRemoteAddr(t *testing.T) {
	const secret = "0123456789abcdef0123"
	a := &API{originSecrets: [][]byte{[]byte(secret)}}
	for _, tc := range []struct{ header, want string }{
		{"203.0.113.7", "203.0.113.7:0"},
		{"2001:db8::1", "[2001:db8::1]:0"},
		{"not an address", "192.0.2.1:1234"},
		{"", "192.0.2.1:1234"},
	} {
		var seen string
		h := a.fromOrigin(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = r.RemoteAddr }))
		req := httptest.NewRequest("GET", "/v1/health", nil)
		req.Header.Set(routes.OriginVerifyHeader, secret)
		req.Header.Set(routes.ViewerAddressHeader, tc.header)
		h.ServeHTTP(httptest.NewRecorder(), req)
		if seen != tc.want {
			t.Errorf("viewer header %q: handler saw RemoteAddr %q, want %q", tc.header, seen, tc.want)
		}
	}
}
