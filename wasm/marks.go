//go:build js && wasm

package main

import "github.com/hack-pad/safejs"

// mark records a User Timing mark ("sweetspot:" + name): the breakdown of
// the first score that make bench-widget prints (e2e/bench_test.go).
func mark(name string) {
	perf, err := safejs.Global().Get("performance")
	if err == nil {
		_, _ = perf.Call("mark", "sweetspot:"+name)
	}
}
