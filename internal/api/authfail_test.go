package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/routes"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// TestAuthFailuresLimitedPerAddress: an address that keeps failing to
// authenticate gets 429 (with Retry-After, without a store read) after
// AuthFailureBurst failures; another address is unaffected; the bucket
// refills with time. Behind CloudFront the address is the viewer's.
func TestAuthFailuresLimitedPerAddress(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	h, err := api.New(api.Options{Store: storetest.New(t), Now: func() time.Time { return now },
		OriginSecrets: []string{currentSecret}})
	if err != nil {
		t.Fatal(err)
	}
	send := func(client string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/v1/workspace", nil)
		req.Header.Set("Authorization", "Bearer ss.ws_nope.key_nope.nope")
		req.Header.Set(routes.OriginVerifyHeader, currentSecret)
		req.Header.Set(routes.ViewerAddressHeader, client)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for i := range api.AuthFailureBurst {
		if rec := send("203.0.113.1"); rec.Code != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d, want 401", i+1, rec.Code)
		}
	}
	rec := send("203.0.113.1")
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("after %d failures: status %d, Retry-After %q; want 429 with Retry-After", api.AuthFailureBurst, rec.Code, rec.Header().Get("Retry-After"))
	}
	if rec := send("203.0.113.2"); rec.Code != http.StatusUnauthorized {
		t.Errorf("another address: status %d, want 401", rec.Code)
	}
	// Health needs no key: never limited.
	req := httptest.NewRequest("GET", "/v1/health", nil)
	req.Header.Set(routes.OriginVerifyHeader, currentSecret)
	req.Header.Set(routes.ViewerAddressHeader, "203.0.113.1")
	hr := httptest.NewRecorder()
	h.ServeHTTP(hr, req)
	if hr.Code != http.StatusOK {
		t.Errorf("health from a limited address: %d", hr.Code)
	}
	now = now.Add(time.Duration(float64(time.Second) / api.AuthFailureRate))
	if rec := send("203.0.113.1"); rec.Code != http.StatusUnauthorized {
		t.Errorf("after refill: status %d, want 401 again", rec.Code)
	}
}
