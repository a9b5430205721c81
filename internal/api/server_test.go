package api

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// TestLimitInFlight: beyond n requests at once the rest are answered 503
// with Retry-After and the JSON error object, without waiting.
func TestLimitInFlight(t *testing.T) {
	cases := []struct {
		name     string
		limit    int
		inFlight int
		want     int
	}{
		{"under the cap", 2, 1, http.StatusOK},
		{"at the cap", 2, 2, http.StatusServiceUnavailable},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			release := make(chan struct{})
			var started sync.WaitGroup
			h := LimitInFlight(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/hold" {
					started.Done()
					<-release
				}
				w.WriteHeader(http.StatusOK)
			}), c.limit)
			var done sync.WaitGroup
			for range c.inFlight {
				started.Add(1)
				done.Add(1)
				go func() {
					defer done.Done()
					h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/hold", nil))
				}()
			}
			started.Wait()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/now", nil))
			close(release)
			done.Wait()
			if rec.Code != c.want {
				t.Fatalf("status %d, want %d", rec.Code, c.want)
			}
			if c.want == http.StatusServiceUnavailable {
				if rec.Header().Get("Retry-After") == "" || rec.Header().Get("Content-Type") != "application/json" {
					t.Fatalf("headers %v", rec.Header())
				}
			}
		})
	}
}

func TestNewServerSetsEveryTimeout(t *testing.T) {
	s := NewServer(http.NotFoundHandler())
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 || s.MaxHeaderBytes == 0 {
		t.Fatalf("%+v", s)
	}
}
