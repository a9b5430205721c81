package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// callCounter counts the DynamoDB calls that reach the store.
type callCounter struct{ calls atomic.Int64 }

func (c *callCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.calls.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// TestAuthFailureLimit: after AuthFailBurst failed authentications from one
// address, every request from it that needs a key is refused 429 with
// Retry-After without reading the store, even with a valid key; another
// address is not affected.
func TestAuthFailureLimit(t *testing.T) {
	e := newEnv(t, api.Options{})
	counter := &callCounter{}
	st, err := store.Open(context.Background(), store.Config{Endpoint: storetest.Endpoint(), Table: e.st.Table(),
		HTTPClient: &http.Client{Transport: counter}})
	if err != nil {
		t.Fatal(err)
	}
	const burst = 3
	h, err := api.New(api.Options{Store: st, Rate: 1e6, Burst: 1e6, AuthFailRate: 0.001, AuthFailBurst: burst})
	if err != nil {
		t.Fatal(err)
	}
	wrong := e.admin[:strings.LastIndexByte(e.admin, '.')+1] + strings.Repeat("A", 43)
	send := func(addr, key string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/v1/partners", nil)
		req.RemoteAddr = addr + ":40000"
		req.Header.Set("Authorization", "Bearer "+key)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	cases := []struct {
		name      string
		addr, key string
		status    int
		reads     bool
	}{
		{"first wrong key", "192.0.2.1", wrong, 401, true},
		{"second wrong key", "192.0.2.1", wrong, 401, true},
		{"malformed key counts too", "192.0.2.1", "nonsense", 401, false},
		{"over the limit", "192.0.2.1", wrong, 429, false},
		{"a valid key from the same address", "192.0.2.1", e.admin, 429, false},
		{"another address", "198.51.100.7", e.admin, 200, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := counter.calls.Load()
			rec := send(c.addr, c.key)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if c.status == 429 && rec.Header().Get("Retry-After") == "" {
				t.Fatal("429 without Retry-After")
			}
			if read := counter.calls.Load() > before; read != c.reads {
				t.Fatalf("store read: %v, want %v", read, c.reads)
			}
		})
	}
}
