package static

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHandler(t *testing.T) {
	site, widget := t.TempDir(), t.TempDir()
	writeFiles(t, site, map[string]string{
		"index.html":             "<!doctype html><title>home</title>",
		"widget.js":              "/* loader */",
		"communities/demo.json":  `{"name":"demo"}`,
		".hidden":                "secret",
		"editor.html":            "<!doctype html><title>editor</title>",
		"communities/other.json": `{}`,
	})
	const wasm = "sweetspot.0123456789abcdef.wasm"
	writeFiles(t, widget, map[string]string{
		wasm:            "wasm-raw",
		wasm + ".br":    "wasm-br",
		wasm + ".gz":    "wasm-gz",
		"manifest.json": `{"wasm":"` + wasm + `"}`,
		"plain.js":      "plain",
	})
	srv := httptest.NewServer(New(site, widget))
	defer srv.Close()

	for _, tc := range []struct {
		name, method, path, acceptEncoding string
		status                             int
		body                               string
		headers                            map[string]string // "" means must be absent
	}{
		{name: "wasm prefers brotli", path: "/widget/" + wasm, acceptEncoding: "gzip, deflate, br, zstd", status: 200, body: "wasm-br",
			headers: map[string]string{"Content-Encoding": "br", "Content-Type": "application/wasm", "Vary": "Accept-Encoding",
				"Cache-Control": CacheImmutable, "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "cross-origin"}},
		{name: "wasm gzip fallback", path: "/widget/" + wasm, acceptEncoding: "gzip", status: 200, body: "wasm-gz",
			headers: map[string]string{"Content-Encoding": "gzip", "Content-Type": "application/wasm", "Vary": "Accept-Encoding"}},
		{name: "brotli refused with q=0", path: "/widget/" + wasm, acceptEncoding: "br;q=0, gzip;q=0.8", status: 200, body: "wasm-gz",
			headers: map[string]string{"Content-Encoding": "gzip"}},
		{name: "no encoding accepted", path: "/widget/" + wasm, acceptEncoding: "identity", status: 200, body: "wasm-raw",
			headers: map[string]string{"Content-Encoding": "", "Vary": "Accept-Encoding", "Content-Type": "application/wasm"}},
		{name: "HEAD", method: "HEAD", path: "/widget/" + wasm, acceptEncoding: "br", status: 200,
			headers: map[string]string{"Content-Encoding": "br", "Content-Length": "7"}},
		{name: "manifest is revalidated", path: "/widget/manifest.json", status: 200, body: `{"wasm":"` + wasm + `"}`,
			headers: map[string]string{"Cache-Control": CacheRevalidate, "Content-Type": "application/json", "Vary": "", "Access-Control-Allow-Origin": "*"}},
		{name: "loader is revalidated", path: "/widget.js", acceptEncoding: "br", status: 200, body: "/* loader */",
			headers: map[string]string{"Cache-Control": CacheRevalidate, "Content-Type": "text/javascript; charset=utf-8", "Content-Encoding": "", "Access-Control-Allow-Origin": "*"}},
		{name: "page", path: "/editor.html", status: 200, body: "<!doctype html><title>editor</title>",
			headers: map[string]string{"Cache-Control": CacheRevalidate, "Content-Type": "text/html; charset=utf-8"}},
		{name: "index", path: "/", status: 200, body: "<!doctype html><title>home</title>",
			headers: map[string]string{"Cache-Control": CacheRevalidate}},
		{name: "audience", path: "/communities/demo.json", status: 200, body: `{"name":"demo"}`,
			headers: map[string]string{"Access-Control-Allow-Origin": "*", "Content-Type": "application/json"}},
		{name: "missing", path: "/widget/nope.wasm", status: 404},
		{name: "dotfile hidden", path: "/.hidden", status: 404},
		{name: "traversal stays inside", path: "/widget/../../etc/passwd", status: 404},
		{name: "preflight", method: "OPTIONS", path: "/widget/" + wasm, status: 204,
			headers: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD"}},
		{name: "no writes", method: "POST", path: "/widget.js", status: 405, headers: map[string]string{"Allow": "GET, HEAD, OPTIONS"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = "GET"
			}
			req, err := http.NewRequest(method, srv.URL+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			// An explicit header stops net/http from adding gzip and
			// decompressing transparently.
			ae := tc.acceptEncoding
			if ae == "" {
				ae = "identity"
			}
			req.Header.Set("Accept-Encoding", ae)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != tc.status {
				t.Fatalf("status = %d, want %d (%s)", res.StatusCode, tc.status, body)
			}
			if tc.body != "" && string(body) != tc.body {
				t.Errorf("body = %q, want %q", body, tc.body)
			}
			for k, want := range tc.headers {
				if got := res.Header.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
		})
	}
}

func TestAccepts(t *testing.T) {
	for _, tc := range []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip", "br", false},
		{"BR", "br", true},
		{"br;q=0", "br", false},
		{"br; q=0.000", "br", false},
		{"br;q=0.5", "br", true},
		{"*", "gzip", true},
		{"", "gzip", false},
	} {
		if got := accepts(tc.header, tc.coding); got != tc.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tc.header, tc.coding, got, tc.want)
		}
	}
}

// TestStampedLoaderWins checks that /widget.js is the build's stamped
// loader when there is one, with the loader's headers.
func TestStampedLoaderWins(t *testing.T) {
	site, widget := t.TempDir(), t.TempDir()
	writeFiles(t, site, map[string]string{"widget.js": "source"})
	writeFiles(t, widget, map[string]string{"widget.js": "stamped"})
	srv := httptest.NewServer(New(site, widget))
	defer srv.Close()
	res, err := http.Get(srv.URL + "/widget.js")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if string(body) != "stamped" || res.Header.Get("Cache-Control") != CacheRevalidate || res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("got %q with headers %v", body, res.Header)
	}
}
