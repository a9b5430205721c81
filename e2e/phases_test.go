//go:build browser && phases

package e2e

import (
	"cmp"
	"os"
	"slices"
	"strconv"
	"testing"
)

// TestFirstScorePhases is a diagnostic, not a check, so it builds only with
// the tag phases (go test -tags browser,phases -run TestFirstScorePhases
// ./e2e; SWEETSPOT_PHASES=<loads>, default 7): the median time of each step between
// navigation start and the first score over that many cold loads, from the
// User Timing marks the loader and the wasm set (make bench-widget prints
// one load's timeline; this is for comparing builds on a busy machine).
// PHASES_PAGE picks the page (default /demo.html, which preloads the English
// build; /lang.html?html=en is the same page without the preload).
func TestFirstScorePhases(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SWEETSPOT_PHASES"))
	if n <= 0 {
		n = 7
	}
	s := serve(t)
	var run struct {
		FirstScoreMs []float64
		Timelines    []map[string]any
	}
	drive(t, map[string]any{"scenario": "bench", "url": s.host + cmp.Or(os.Getenv("PHASES_PAGE"), "/demo.html"), "loads": n, "loadsOnly": true}, &run)
	steps := []string{"mark:sweetspot:loader", "mark:sweetspot:fetch", "instantiated", "mark:sweetspot:run", "mark:sweetspot:main",
		"mark:sweetspot:mount", "mark:sweetspot:read", "mark:sweetspot:compiled", "mark:sweetspot:built", "mark:sweetspot:content",
		"mark:sweetspot:scored", "firstScore"}
	at := func(tl map[string]any, k string) float64 { f, _ := tl[k].(float64); return f }
	prev := "0"
	for i, k := range steps {
		var d, abs []float64
		for _, tl := range run.Timelines {
			p := 0.0
			if i > 0 {
				p = at(tl, steps[i-1])
			}
			d = append(d, at(tl, k)-p)
			abs = append(abs, at(tl, k))
		}
		slices.Sort(d)
		slices.Sort(abs)
		t.Logf("%-26s at %4.0f  (+%3.0f since %s)", k, abs[len(abs)/2], d[len(d)/2], prev)
		prev = k
	}
	for _, tl := range run.Timelines {
		t.Logf("widget.js %v wasm %v css %v dcl %v loader %v inst %v first %v", tl["widget.js"], tl["sweetspot-en.wasm"], tl["demo.css"], tl["domContentLoaded"], tl["mark:sweetspot:loader"], tl["instantiated"], tl["firstScore"])
	}
	t.Logf("first score: median %.0f of %v; load average %.2f", median(run.FirstScoreMs), run.FirstScoreMs, loadAverage())
}
