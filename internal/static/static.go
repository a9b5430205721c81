// Package static serves the site (site/) and the built widget (build/widget)
// over HTTP with the headers the widget needs: application/wasm, CORS for
// cross-origin embedding, precompressed brotli/gzip and cache control.
// `sweetspot serve` mounts it for every path the API does not own; the
// browser tests mount it on two origins.
package static

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Cache lifetimes. Content-hashed files (sweetspot.3f2a9c0d1e.wasm) never
// change under their name, so browsers and CDNs keep them for a year; every
// other file (widget.js, the manifest, pages, audiences) is revalidated on
// each use so a release shows up at once.
const (
	CacheImmutable  = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// hashedName matches the content hash the widget build puts in file names.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{10,64}\.[a-z0-9]+$`)

// encodings are the precompressed variants looked for next to a file, in
// order of preference (brotli is ~24% smaller than gzip -9 for the wasm).
var encodings = [...]struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// New returns a handler serving siteDir at / and widgetDir at /widget/.
// /widget.js is widgetDir's widget.js when the build wrote one (the loader
// stamped with the content-hashed file names), else siteDir's.
func New(siteDir, widgetDir string) http.Handler {
	mux := http.NewServeMux()
	widget := files{os.DirFS(widgetDir)}
	site := files{os.DirFS(siteDir)}
	mux.Handle("/widget/", http.StripPrefix("/widget", widget))
	mux.Handle("/", site)
	mux.HandleFunc("/widget.js", func(w http.ResponseWriter, r *http.Request) {
		if _, err := fs.Stat(widget.root, "widget.js"); err == nil {
			widget.ServeHTTP(w, r)
			return
		}
		site.ServeHTTP(w, r)
	})
	return mux
}

// files serves one folder.
type files struct{ root fs.FS }

func (f files) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions {
		w.Header().Set("Allow", "GET, HEAD, OPTIONS")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	// Anyone may embed the widget and read the public audiences: the files
	// are the same for every origin and carry no credentials.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", "GET, HEAD")
		h.Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if strings.HasPrefix(path.Base(name), ".") && name != "." {
		http.NotFound(w, r) // dotfiles are never published
		return
	}
	st, err := fs.Stat(f.root, name)
	if err != nil || st.IsDir() {
		// Folders (index.html, listings) and misses keep FileServer's rules.
		h.Set("Cache-Control", CacheRevalidate)
		http.FileServerFS(f.root).ServeHTTP(w, r)
		return
	}
	if hashedName.MatchString(name) {
		h.Set("Cache-Control", CacheImmutable)
	} else {
		h.Set("Cache-Control", CacheRevalidate)
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if path.Ext(name) == ".wasm" {
		ctype = "application/wasm" // streaming instantiation requires it
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)

	served := name
	for _, enc := range encodings {
		if _, err := fs.Stat(f.root, name+enc.ext); err != nil {
			continue
		}
		// A variant exists, so caches must key on Accept-Encoding.
		h.Set("Vary", "Accept-Encoding")
		if served == name && accepts(r.Header.Get("Accept-Encoding"), enc.token) {
			served = name + enc.ext
			h.Set("Content-Encoding", enc.token)
		}
	}
	file, err := f.root.Open(served)
	if err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, fs.ErrNotExist) {
			status = http.StatusNotFound
		}
		h.Del("Content-Encoding")
		http.Error(w, http.StatusText(status), status)
		return
	}
	defer file.Close()
	fst, err := file.Stat()
	if err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	rs, ok := file.(interface {
		Read([]byte) (int, error)
		Seek(int64, int) (int64, error)
	})
	if !ok {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	if h.Get("Content-Encoding") != "" && r.Header.Get("Range") == "" {
		// ServeContent omits the length of encoded bodies; it is known here.
		h.Set("Content-Length", strconv.FormatInt(fst.Size(), 10))
	}
	http.ServeContent(w, r, name, fst.ModTime(), rs)
}

// accepts reports whether an Accept-Encoding header allows a coding
// (present and not refused with q=0).
func accepts(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(token), coding) && strings.TrimSpace(token) != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		if q == "q=0" || strings.HasPrefix(q, "q=0.0") && strings.Trim(q[len("q=0."):], "0") == "" {
			return false
		}
		return true
	}
	return false
}
