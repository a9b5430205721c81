package api

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
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

// TestRejectBadPaths: a path with a control character or invalid UTF-8
// is a 400 JSON error naming the path; ordinary paths pass.
func TestRejectBadPaths(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := httptest.NewServer(RejectBadPaths(ok))
	defer srv.Close()
	cases := []struct {
		path string
		want int
	}{
		{"/", http.StatusNoContent},
		{"/v1/health", http.StatusNoContent},
		{"/caf%C3%A9", http.StatusNoContent},
		{"/%00", http.StatusBadRequest},
		{"/v1/offers/%00", http.StatusBadRequest},
		{"/r/%0d%0aSet-Cookie:x", http.StatusBadRequest},
		{"/%c3%28", http.StatusBadRequest},
		{"/%7f", http.StatusBadRequest},
		{"/%zz", http.StatusBadRequest}, // refused by net/http itself
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			req, err := http.NewRequest("GET", srv.URL, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.URL.Opaque = c.path // sent as written
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			if res.StatusCode != c.want {
				t.Fatalf("status %d, want %d", res.StatusCode, c.want)
			}
			if c.want == http.StatusBadRequest && c.path != "/%zz" && res.Header.Get("Content-Type") != "application/json" {
				t.Fatalf("content type %q", res.Header.Get("Content-Type"))
			}
		})
	}
}

// TestJSONBadRequests: a request line net/http cannot parse (a malformed
// %-escape) is answered with the JSON error shape, not plain text; good
// requests on the same listener are untouched.
func TestJSONBadRequests(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("fine"))
	})}
	go func() { _ = srv.Serve(JSONBadRequests(ln)) }()
	defer srv.Close()
	cases := []struct {
		line   string
		status int
		ctype  string
	}{
		{"GET /%zz HTTP/1.1", 400, "application/json"},
		{"GET /a%2 HTTP/1.1", 400, "application/json"},
		{"GET /fine HTTP/1.1", 200, "text/plain"},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "%s\r\nHost: x\r\nConnection: close\r\n\r\n", c.line)
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != c.status || res.Header.Get("Content-Type") != c.ctype {
				t.Fatalf("%d %q: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
			}
			if c.status == 400 && !json.Valid(body) {
				t.Fatalf("not JSON: %s", body)
			}
		})
	}
}
