package stack

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/routes"
)

func TestContentTypeOf(t *testing.T) {
	tests := []struct {
		name, wantType, wantEncoding string
	}{
		{"sweetspot.wasm", "application/wasm", ""},
		{"sweetspot.wasm.br", "application/wasm", EncodingBrotli},
		{"sweetspot.wasm.gz", "application/wasm", EncodingGzip},
		{"wasm_exec.js", "text/javascript; charset=utf-8", ""},
		{"index.html", "text/html; charset=utf-8", ""},
		{"INDEX.HTML", "text/html; charset=utf-8", ""},
		{"communities/c1.json", "application/json", ""},
		{"logo.svg", "image/svg+xml", ""},
		{"style.css.gz", "text/css; charset=utf-8", EncodingGzip},
		{"LICENSE", defaultContentType, ""},
		{"data.unknownext", defaultContentType, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, enc := ContentTypeOf(tt.name)
			if ct != tt.wantType || enc != tt.wantEncoding {
				t.Errorf("ContentTypeOf(%q) = %q, %q; want %q, %q", tt.name, ct, enc, tt.wantType, tt.wantEncoding)
			}
		})
	}
}

func TestCacheControlOf(t *testing.T) {
	tests := []struct{ key, want string }{
		{"index.html", CacheShort},
		{"widget.js", CacheShort},
		{"widget/sweetspot.wasm", CacheShort},
		{"widget/sweetspot.wasm.br", CacheShort},
		{"widget/wasm_exec.js", CacheShort},
		{"assets/app.3f9c2b1a.js", CacheImmutable},
		{"widget/sweetspot-0a1b2c3d4e5f.wasm", CacheImmutable},
		{"widget/sweetspot.0a1b2c3d.wasm.br", CacheImmutable},
		{"assets/app.3f9c2b1.js", CacheShort},      // seven digits: not a hash
		{"assets/deadbeefcafe/app.js", CacheShort}, // a hash in a folder name does not change the file's name
	}
	for _, tt := range tests {
		if got := CacheControlOf(tt.key); got != tt.want {
			t.Errorf("CacheControlOf(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func writeFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("content of "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestListStatic(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "sweetspot.wasm", "sweetspot.wasm.br", "wasm_exec.js", "sub/page.html", ".hidden", ".git/config")
	files, err := ListStatic(dir, "widget/")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, f := range files {
		keys = append(keys, f.Key)
	}
	want := []string{"widget/sub/page.html", "widget/sweetspot.wasm", "widget/sweetspot.wasm.br", "widget/wasm_exec.js"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys = %v, want %v (hidden files skipped, sorted)", keys, want)
	}
	if files[1].Rel != "sweetspot.wasm" || files[1].ContentType != "application/wasm" {
		t.Errorf("wasm entry = %+v", files[1])
	}
}

func TestListStaticErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "a[1].js")
	if _, err := ListStatic(dir, ""); err == nil || !strings.Contains(err.Error(), "a[1].js") {
		t.Errorf("glob characters: err = %v, want one naming the file", err)
	}
	if _, err := ListStatic(filepath.Join(dir, "missing"), ""); err == nil {
		t.Error("missing folder: no error")
	}
}

func TestGroupUploads(t *testing.T) {
	files := []StaticFile{
		{Key: "a.html", ContentType: "text/html", CacheControl: CacheShort},
		{Key: "b.html", ContentType: "text/html", CacheControl: CacheShort},
		{Key: "x.wasm", ContentType: "application/wasm", CacheControl: CacheShort},
		{Key: "x.wasm.br", ContentType: "application/wasm", ContentEncoding: EncodingBrotli, CacheControl: CacheShort},
		{Key: "app.0123abcd.js", ContentType: "text/javascript", CacheControl: CacheImmutable},
	}
	groups := groupUploads(files)
	if len(groups) != 4 {
		t.Fatalf("%d groups, want 4: %+v", len(groups), groups)
	}
	seen := map[string]int{}
	for _, g := range groups {
		for _, f := range g.Files {
			seen[f.Key]++
			if f.ContentType != g.ContentType || f.ContentEncoding != g.ContentEncoding || f.CacheControl != g.CacheControl {
				t.Errorf("%s is in a group with other headers: %+v", f.Key, g)
			}
		}
	}
	for _, f := range files {
		if seen[f.Key] != 1 {
			t.Errorf("%s uploaded %d times, want once", f.Key, seen[f.Key])
		}
	}
}

func TestPrecompressed(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "sweetspot.wasm", "sweetspot.wasm.br", "sweetspot.wasm.gz", "wasm_exec.js", "only.js.gz")
	files, err := ListStatic(dir, "widget/")
	if err != nil {
		t.Fatal(err)
	}
	got := Precompressed(files)
	want := map[string]Twins{"/widget/sweetspot.wasm": {Brotli: true, Gzip: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Precompressed = %v, want %v (a twin without its original is not served)", got, want)
	}
}

func TestCheckOrigin(t *testing.T) {
	for _, ok := range []string{"*", "https://www.example.com", "http://localhost:8080"} {
		if err := checkOrigin(ok); err != nil {
			t.Errorf("checkOrigin(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"", "www.example.com", "https://www.example.com/", "https://x.com/path", "ftp://x.com", "https://x.com?a=1", "https://u@x.com"} {
		if err := checkOrigin(bad); err == nil {
			t.Errorf("checkOrigin(%q) = nil, want an error", bad)
		}
	}
}

func TestAPIPathPatterns(t *testing.T) {
	rs := []routes.Route{
		{Method: "GET", Path: "/v1/health"},
		{Method: "POST", Path: "/v1/events"},
		{Method: "GET", Path: "/r/{code}"},
		{Method: "GET", Path: "/v1/offers/{id}"},
	}
	want := []string{"/r/*", "/v1/*"}
	if got := APIPathPatterns(rs); !reflect.DeepEqual(got, want) {
		t.Errorf("APIPathPatterns = %v, want %v", got, want)
	}
}
