//go:build js && wasm

// Command wasm is the editor widget's WebAssembly entry point: the scoring
// engine (internal/scoring) compiled for the browser plus its JS and DOM
// glue. It talks to JavaScript only through github.com/hack-pad/safejs, so a
// JS exception becomes a Go error instead of a crashed Go program (jsguard
// enforces that in `make test`).
//
// It defines one global object, Sweetspot, with:
//
//	Sweetspot.score(content, audience) -> result | {error, field}
//	Sweetspot.mount(target, options)    -> {error} on failure
//
// The loader (site/widget.js) fetches this program and calls mount; pages
// may call score directly. Inputs are plain JS objects (already parsed by
// the browser's JSON.parse), walked field by field: importing encoding/json
// would cost ~100 KB brotli of the size budget (BENCHMARKS.md).
package main
