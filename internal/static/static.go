// Package static serves the site (site/) and the built widget (build/widget)
// over HTTP with the headers the widget needs: application/wasm, CORS for
// cross-origin embedding, precompressed brotli/gzip and cache control.
// `sweetspot serve` mounts it for every path the API does not own; the
// browser tests mount it on two origins.
package static

import "net/http"

// New returns a handler serving siteDir at / and widgetDir at /widget/.
func New(siteDir, widgetDir string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/widget/", http.StripPrefix("/widget/", http.FileServer(http.Dir(widgetDir))))
	mux.Handle("/", http.FileServer(http.Dir(siteDir)))
	return mux
}
