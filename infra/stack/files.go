package stack

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Cache-Control values of the static files. Browsers keep a file for
// max-age; CloudFront keeps it for s-maxage, and every deploy invalidates
// exactly the files it uploads, so edges never serve a stale file for long.
const (
	// CacheShort is for files whose name does not change when their content
	// does (the html pages, widget.js, the widget's manifest.json): a
	// browser re-checks them after five minutes (a cheap 304 thanks to the
	// ETag), so a deploy reaches every visitor within five minutes.
	CacheShort = "public, max-age=300, s-maxage=86400"
	// CacheImmutable is for content-hashed names (the widget build's
	// sweetspot.<12 hex>.wasm and wasm_exec.<12 hex>.js): a new content is a
	// new name, so the old one may be kept for a year. Old hashed files are
	// not pruned from the bucket (no deployment includes their name), so a
	// page holding a five-minute-old manifest.json still finds its wasm.
	CacheImmutable = "public, max-age=31536000, immutable"
)

// Content-Encoding values of precompressed files.
const (
	EncodingBrotli = "br"
	EncodingGzip   = "gzip"
)

// contentHashed matches names that carry a content hash of at least eight
// hex digits between dots or after a dash: app.3f9c2b1a.js, chunk-0a1b2c3d4e.wasm.
var contentHashed = regexp.MustCompile(`[.-][0-9a-f]{8,}\.[^/]+$`)

// contentTypeOfExt maps extensions to the Content-Type the browser needs.
// The table is fixed (not the build machine's /etc/mime.types, not the
// guess of the upload tool) so a synth is the same everywhere and the wasm
// always goes out as application/wasm, which streaming instantiation
// requires.
func contentTypeOfExt(ext string) (string, bool) {
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8", true
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8", true
	case ".css":
		return "text/css; charset=utf-8", true
	case ".json", ".map":
		return "application/json", true
	case ".webmanifest":
		return "application/manifest+json", true
	case ".txt":
		return "text/plain; charset=utf-8", true
	case ".md":
		return "text/markdown; charset=utf-8", true
	case ".xml":
		return "application/xml", true
	case ".svg":
		return "image/svg+xml", true
	case ".png":
		return "image/png", true
	case ".jpg", ".jpeg":
		return "image/jpeg", true
	case ".gif":
		return "image/gif", true
	case ".webp":
		return "image/webp", true
	case ".avif":
		return "image/avif", true
	case ".ico":
		return "image/x-icon", true
	case ".woff":
		return "font/woff", true
	case ".woff2":
		return "font/woff2", true
	case ".wasm":
		return "application/wasm", true
	}
	return "", false
}

// defaultContentType is sent for an extension the table does not know.
const defaultContentType = "application/octet-stream"

// StaticFile is one file to upload and the headers it is stored with.
type StaticFile struct {
	// Key is the object key (the URL path without its leading slash).
	Key string
	// Rel is the path relative to the folder it comes from.
	Rel             string
	ContentType     string
	ContentEncoding string
	CacheControl    string
}

// ContentTypeOf returns the Content-Type and Content-Encoding for a file
// name. A precompressed twin (sweetspot.wasm.br, sweetspot.wasm.gz) has the
// type of the file it compresses and the matching encoding.
func ContentTypeOf(name string) (contentType, encoding string) {
	switch {
	case strings.HasSuffix(name, ".br"):
		name, encoding = strings.TrimSuffix(name, ".br"), EncodingBrotli
	case strings.HasSuffix(name, ".gz"):
		name, encoding = strings.TrimSuffix(name, ".gz"), EncodingGzip
	}
	if t, ok := contentTypeOfExt(strings.ToLower(path.Ext(name))); ok {
		return t, encoding
	}
	return defaultContentType, encoding
}

// CacheControlOf returns the Cache-Control value for an object key.
func CacheControlOf(key string) string {
	base := path.Base(key)
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".br"), ".gz")
	if contentHashed.MatchString(base) {
		return CacheImmutable
	}
	return CacheShort
}

// globChars are the characters `aws s3 sync --include` treats as patterns;
// a file name containing one could not be selected exactly.
const globChars = "*?[]\\"

// ListStatic walks dir and returns every regular file with the key it is
// stored under (prefix + relative path) and its headers, sorted by key.
// A missing dir is an error: the caller decides whether that is allowed.
func ListStatic(dir, prefix string) ([]StaticFile, error) {
	var files []StaticFile
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if strings.ContainsAny(rel, globChars) {
			return fmt.Errorf("static file %q: name contains one of %q, which the upload cannot select exactly", rel, globChars)
		}
		ct, enc := ContentTypeOf(rel)
		key := prefix + rel
		files = append(files, StaticFile{Key: key, Rel: rel, ContentType: ct, ContentEncoding: enc, CacheControl: CacheControlOf(key)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list static files in %s: %w", dir, err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Key < files[j].Key })
	return files, nil
}

// uploadGroup is a set of files stored with the same headers: one
// BucketDeployment each, because a deployment sets one Content-Type,
// Content-Encoding and Cache-Control for everything it uploads.
type uploadGroup struct {
	ContentType     string
	ContentEncoding string
	CacheControl    string
	Files           []StaticFile
}

// groupUploads groups files by their headers, in a stable order.
func groupUploads(files []StaticFile) []uploadGroup {
	byKey := map[string]*uploadGroup{}
	var order []string
	for _, f := range files {
		k := f.ContentType + "\x00" + f.ContentEncoding + "\x00" + f.CacheControl
		g, ok := byKey[k]
		if !ok {
			g = &uploadGroup{ContentType: f.ContentType, ContentEncoding: f.ContentEncoding, CacheControl: f.CacheControl}
			byKey[k] = g
			order = append(order, k)
		}
		g.Files = append(g.Files, f)
	}
	sort.Strings(order)
	groups := make([]uploadGroup, 0, len(order))
	for _, k := range order {
		groups = append(groups, *byKey[k])
	}
	return groups
}

// Precompressed returns, for every file that has a brotli or gzip twin, the
// URL path of the file and which twins exist. The edge function uses it to
// serve the twin to browsers that accept it: CloudFront compresses many
// types itself but not application/wasm.
func Precompressed(files []StaticFile) map[string]Twins {
	keys := map[string]bool{}
	for _, f := range files {
		keys[f.Key] = true
	}
	out := map[string]Twins{}
	for _, f := range files {
		if f.ContentEncoding != "" {
			continue
		}
		t := Twins{Brotli: keys[f.Key+".br"], Gzip: keys[f.Key+".gz"]}
		if t.Brotli || t.Gzip {
			out["/"+f.Key] = t
		}
	}
	return out
}

// Twins says which precompressed variants of a file exist.
type Twins struct {
	Brotli bool `json:"br,omitempty"`
	Gzip   bool `json:"gz,omitempty"`
}
