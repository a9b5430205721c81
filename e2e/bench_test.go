//go:build browser

package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/wasm/budget"
)

// Measurement sizes: page loads (each in a fresh browser context, so with a
// cold HTTP cache) and Sweetspot.score calls on the 1,500-word draft: the
// warm-up calls (about a second of scoring, while V8 optimizes the hot
// functions, as in a writer's first seconds of typing) and the timed ones.
const (
	benchLoads  = 7
	benchWarmup = 60
	benchRuns   = 101
)

func fileSize(b *testing.B, path string) int64 {
	b.Helper()
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return st.Size()
}

func gzipSize(b *testing.B, path string) int {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkWidget measures the widget's budgets: transfer sizes of the
// built files, page load to first score on screen (the demo page on one
// loopback origin, the widget on another, brotli, cold cache), and one
// Sweetspot.score of a 1,500-word draft inside Chromium (audience read,
// compile, score and result conversion: everything one re-score does
// before rendering). It runs once whatever b.N: the browser loop is inside.
func BenchmarkWidget(b *testing.B) {
	var manifest map[string]string
	raw, err := os.ReadFile(filepath.Join(widgetDir, "manifest.json"))
	if err != nil {
		b.Fatalf("the widget is not built (run `make wasm`): %v", err)
	}
	if err := json.Unmarshal(raw, &manifest); err != nil {
		b.Fatal(err)
	}
	// One wasm per language (sweetspot-<code>.wasm): every one is held to
	// the size budgets; the demo page (lang="en") loads the English one.
	var langs []string
	for plain := range manifest {
		if code, ok := strings.CutPrefix(plain, "sweetspot-"); ok && strings.HasSuffix(code, ".wasm") {
			langs = append(langs, strings.TrimSuffix(code, ".wasm"))
		}
	}
	slices.Sort(langs)
	if !slices.Contains(langs, "en") {
		b.Fatalf("manifest.json has no English build: %v", manifest)
	}
	wasm := filepath.Join(widgetDir, manifest["sweetspot-en.wasm"])
	exec := filepath.Join(widgetDir, manifest["wasm_exec.js"])
	draft, err := os.ReadFile("../internal/scoring/testdata/bench/draft1500.txt")
	if err != nil {
		b.Fatal(err)
	}

	// Timings are judged only on a machine that is not already busy (the
	// 1-minute load average before the browser starts, against the CPUs):
	// on a shared 2-core machine other work can double them. Sizes are
	// always judged.
	load, busy := loadAverage(), false
	if load > float64(runtime.NumCPU()) {
		busy = true
	}

	s := serve(b)
	var run struct {
		FirstScoreMs, LoadEventMs, ScoreMs, WarmupMs []float64
		RepeatFirstScoreMs                           []float64
		Timeline                                     map[string]any
	}
	drive(b, map[string]any{
		"scenario": "bench", "url": s.host + "/demo.html", "loads": benchLoads, "warmup": benchWarmup, "runs": benchRuns,
		"draft": string(draft), "audienceURL": s.host + "/communities/itadmins.json",
	}, &run)

	// "First score on screen": from navigation start to the first score in
	// the panel, per cold load. The budget is judged on that (issue 14);
	// the time after the page's load event is reported next to it.
	afterLoad := make([]float64, len(run.FirstScoreMs))
	for i := range afterLoad {
		afterLoad[i] = run.FirstScoreMs[i] - run.LoadEventMs[i]
	}
	kb := func(n int64) float64 { return float64(n) / 1000 }
	m := map[string]float64{
		"wasm-raw-KB":        kb(fileSize(b, wasm)),
		"wasm-br-KB":         kb(fileSize(b, wasm+".br")),
		"wasm-gz-KB":         kb(fileSize(b, wasm+".gz")),
		"wasm_exec-br-KB":    kb(fileSize(b, exec+".br")),
		"loader-gz-KB":       kb(int64(gzipSize(b, filepath.Join(widgetDir, "widget.js")))),
		"first-score-ms":     median(run.FirstScoreMs),
		"after-load-ms":      median(afterLoad),
		"first-score-max-ms": slices.Max(run.FirstScoreMs),
		"rescore-ms":         median(run.ScoreMs),
		"rescore-p90-ms":     func() float64 { s := slices.Clone(run.ScoreMs); slices.Sort(s); return s[len(s)*9/10] }(),
	}
	for name, v := range m {
		b.ReportMetric(v, name)
	}
	type verdict struct {
		name          string
		value, budget float64
		timing        bool
	}
	// The largest build of each encoding stands for all of them in the
	// first lines; any build over budget is named.
	var biggestBr, biggestGz verdict
	for _, l := range langs {
		f := filepath.Join(widgetDir, manifest["sweetspot-"+l+".wasm"])
		br, gz := kb(fileSize(b, f+".br")), kb(fileSize(b, f+".gz"))
		if br > biggestBr.value {
			biggestBr = verdict{"wasm brotli KB (largest: " + l + ")", br, budget.WasmBrotliKB, false}
		}
		if gz > biggestGz.value {
			biggestGz = verdict{"wasm gzip KB (largest: " + l + ")", gz, budget.WasmGzipKB, false}
		}
		if br > budget.WasmBrotliKB || gz > budget.WasmGzipKB {
			b.Errorf("wasm %s: %.1f KB brotli, %.1f KB gzip: OVER BUDGET (%d, %d)", l, br, gz, budget.WasmBrotliKB, budget.WasmGzipKB)
		}
	}
	for _, c := range []verdict{
		biggestBr,
		biggestGz,
		{"loader gzip KB", m["loader-gz-KB"], budget.LoaderGzipKB, false},
		{"first score from nav start ms (median)", m["first-score-ms"], budget.FirstScoreMs, true},
		{"re-score 1,500 words ms (median)", m["rescore-ms"], budget.RescoreMs, true},
	} {
		const line = "%-40s %8.1f  budget %5.0f  %s"
		switch {
		case c.value <= c.budget:
			b.Logf(line, c.name, c.value, c.budget, "within budget")
		case c.timing && busy:
			b.Logf(line, c.name, c.value, c.budget, "over budget, not judged: the machine was busy")
		default:
			b.Errorf(line, c.name, c.value, c.budget, "OVER BUDGET")
		}
	}
	// The testing package keeps only the first 10 lines a benchmark logs:
	// the verdicts come first, then 4 lines of detail.
	b.Logf("machine: %d CPUs, 1-minute load average %.2f before the run, %.2f after", runtime.NumCPU(), load, loadAverage())
	b.Logf("per cold load, ms since navigation start: first score %.0f (median %.1f), load event %.0f (first score after it: median %.1f)",
		run.FirstScoreMs, m["first-score-ms"], run.LoadEventMs, m["after-load-ms"])
	if len(run.RepeatFirstScoreMs) > 0 && len(run.WarmupMs) >= 40 {
		b.Logf("not counted: first score on repeat visits (warm caches) median %.0f ms %.0f; warm-up re-score medians, calls 1-20 and 21-%d: %.1f %.1f ms",
			median(run.RepeatFirstScoreMs), run.RepeatFirstScoreMs, len(run.WarmupMs), median(run.WarmupMs[:20]), median(run.WarmupMs[20:]))
	}
	b.Logf("last load's timeline (ms since navigation start; resources: [start, end]): %v", run.Timeline)
}

// loadAverage is the 1-minute load average (0 where /proc is missing).
func loadAverage() float64 {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _ := strconv.ParseFloat(strings.Fields(string(raw))[0], 64)
	return f
}
