// Command compare prints the scoring engine's Go benchmarks next to Yoast's
// analysis of the same drafts, with the ratio, for `make bench-scoring`.
//
//	go run ./bench/compare -go scoring-go.txt -yoast scoring-yoast.jsonl
//
// The Go file is `go test -bench 'BenchmarkScore' -benchmem` output (any
// -count: the median is taken); BenchmarkScoreN is matched with the Yoast
// line whose file is draftN.txt. The Yoast file holds the JSON lines that
// bench/yoast/bench.js prints.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// goBench is the median of one Go benchmark's runs.
type goBench struct {
	runs        int
	nsPerOp     float64
	bytesPerOp  float64
	allocsPerOp float64
}

// yoastRun is one line of bench.js's output.
type yoastRun struct {
	Tool     string  `json:"tool"`
	Version  string  `json:"version"`
	Node     string  `json:"node"`
	File     string  `json:"file"`
	Words    int     `json:"words"`
	Runs     int     `json:"runs"`
	MedianMS float64 `json:"median_ms"`
	MinMS    float64 `json:"min_ms"`
	MaxMS    float64 `json:"max_ms"`
}

func main() {
	goFile := flag.String("go", "", "go test -bench output")
	yoastFile := flag.String("yoast", "", "bench/yoast/bench.js output (JSON lines)")
	flag.Parse()
	if *goFile == "" || *yoastFile == "" {
		fmt.Fprintln(os.Stderr, "usage: compare -go go-bench.txt -yoast yoast.jsonl")
		os.Exit(2)
	}
	if err := compare(os.Stdout, *goFile, *yoastFile); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

// compare reads both outputs and writes the table.
func compare(w io.Writer, goFile, yoastFile string) error {
	gf, err := os.Open(goFile)
	if err != nil {
		return err
	}
	defer gf.Close()
	gb, err := parseGo(gf)
	if err != nil {
		return fmt.Errorf("%s: %w", goFile, err)
	}
	yf, err := os.Open(yoastFile)
	if err != nil {
		return err
	}
	defer yf.Close()
	yr, err := parseYoast(yf)
	if err != nil {
		return fmt.Errorf("%s: %w", yoastFile, err)
	}
	return writeTable(w, gb, yr)
}

// parseGo collects the BenchmarkScoreN lines by N and takes the median of
// each column over the runs.
func parseGo(r io.Reader) (map[string]goBench, error) {
	samples := map[string][][3]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkScore") {
			continue
		}
		size := strings.TrimPrefix(f[0], "BenchmarkScore")
		if i := strings.IndexByte(size, '-'); i >= 0 {
			size = size[:i] // the -GOMAXPROCS suffix
		}
		var s [3]float64
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%q: %w", sc.Text(), err)
			}
			switch f[i+1] {
			case "ns/op":
				s[0] = v
			case "B/op":
				s[1] = v
			case "allocs/op":
				s[2] = v
			}
		}
		samples[size] = append(samples[size], s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(samples) == 0 {
		return nil, errors.New("no BenchmarkScore results (did the benchmarks run?)")
	}
	out := map[string]goBench{}
	for size, ss := range samples {
		col := func(i int) float64 {
			xs := make([]float64, len(ss))
			for j, s := range ss {
				xs[j] = s[i]
			}
			return median(xs)
		}
		out[size] = goBench{runs: len(ss), nsPerOp: col(0), bytesPerOp: col(1), allocsPerOp: col(2)}
	}
	return out, nil
}

// parseYoast reads bench.js's JSON lines, keyed by the N of draftN.txt.
func parseYoast(r io.Reader) (map[string]yoastRun, error) {
	out := map[string]yoastRun{}
	dec := json.NewDecoder(r)
	for {
		var y yoastRun
		if err := dec.Decode(&y); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		size := strings.TrimSuffix(strings.TrimPrefix(y.File, "draft"), ".txt")
		out[size] = y
	}
	if len(out) == 0 {
		return nil, errors.New("no Yoast results (did bench.js run?)")
	}
	return out, nil
}

// writeTable prints one row per draft size found on both sides.
func writeTable(w io.Writer, gb map[string]goBench, yr map[string]yoastRun) error {
	sizes := make([]string, 0, len(gb))
	for s := range gb {
		if _, ok := yr[s]; ok {
			sizes = append(sizes, s)
		}
	}
	if len(sizes) == 0 {
		return errors.New("no draft size measured by both the Go benchmarks and Yoast")
	}
	slices.SortFunc(sizes, func(a, b string) int {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return x - y
	})
	y0, g0 := yr[sizes[0]], gb[sizes[0]]
	fmt.Fprintf(w, "Scoring engine (Go, median of %d runs) vs Yoast (yoastseo %s on node %s, readability + SEO assessors, median of %d warm runs)\n",
		g0.runs, y0.Version, y0.Node, y0.Runs)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "draft\twords\tGo ns/op\tGo ms\tGo B/op\tGo allocs/op\tYoast ms\tYoast/Go\t")
	for _, s := range sizes {
		g, y := gb[s], yr[s]
		goMS := g.nsPerOp / 1e6
		ratio := "n/a"
		if g.nsPerOp > 0 {
			ratio = fmt.Sprintf("%.0fx", y.MedianMS/goMS)
		}
		fmt.Fprintf(tw, "draft%s.txt\t%d\t%.0f\t%.3f\t%.0f\t%.0f\t%.1f\t%s\t\n",
			s, y.Words, g.nsPerOp, goMS, g.bytesPerOp, g.allocsPerOp, y.MedianMS, ratio)
	}
	return tw.Flush()
}

// median of a non-empty slice.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}
