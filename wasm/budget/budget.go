// Package budget holds the editor widget's budgets (issue 3), checked by
// `make bench-widget`: the size ledger (`go run ./wasm/sizes`) fails when
// the wasm is over a size budget, and the browser benchmark (e2e,
// BenchmarkWidget) checks all of them. KB are 1,000 bytes.
package budget

const (
	// WasmBrotliKB bounds the wasm's transfer size with brotli (quality 11,
	// as build/widget serves it).
	WasmBrotliKB = 700
	// WasmGzipKB bounds the wasm's transfer size with gzip (level 9), the
	// fallback for clients without brotli.
	WasmGzipKB = 900
	// LoaderGzipKB bounds the loader, build/widget/widget.js, gzip -9.
	LoaderGzipKB = 3
	// FirstScoreMs bounds the time from navigation start to the first
	// score on screen (median of 7 cold loads on localhost; issue 14).
	FirstScoreMs = 300
	// RescoreMs bounds the median time of one Sweetspot.score of a
	// 1,500-word draft inside Chromium.
	RescoreMs = 5
)
