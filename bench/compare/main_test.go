package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goOutput = `goos: linux
goarch: amd64
pkg: github.com/sweetspot/sweetspot/internal/scoring
cpu: AMD EPYC
BenchmarkScore1500-2    	     900	   1300000 ns/op	  250000 B/op	    1200 allocs/op
BenchmarkScore1500-2    	     900	   1100000 ns/op	  250000 B/op	    1200 allocs/op
BenchmarkScore1500-2    	     900	   1200000 ns/op	  250000 B/op	    1200 allocs/op
BenchmarkScore10000-2   	     100	  10000000 ns/op	 1500000 B/op	    8000 allocs/op
BenchmarkScore10000-2   	     100	  12000000 ns/op	 1500000 B/op	    8000 allocs/op
PASS
ok  	github.com/sweetspot/sweetspot/internal/scoring	12.3s
`

const yoastOutput = `{"tool":"yoastseo","version":"3.6.0","node":"v20.20.2","file":"draft1500.txt","words":1639,"runs":5,"median_ms":600,"min_ms":500,"max_ms":700}
{"tool":"yoastseo","version":"3.6.0","node":"v20.20.2","file":"draft10000.txt","words":10012,"runs":5,"median_ms":5500,"min_ms":5000,"max_ms":6000}
`

// TestCompare checks medians, the pairing of sizes and the ratio.
func TestCompare(t *testing.T) {
	dir := t.TempDir()
	goFile, yoastFile := filepath.Join(dir, "go.txt"), filepath.Join(dir, "yoast.jsonl")
	if err := os.WriteFile(goFile, []byte(goOutput), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(yoastFile, []byte(yoastOutput), 0o600); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := compare(&b, goFile, yoastFile); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a title, a header and two rows:\n%s", b.String())
	}
	tests := []struct {
		line   string
		fields []string
	}{
		// 1500: median 1.2 ms; 600 / 1.2 = 500x.
		{lines[2], []string{"draft1500.txt", "1639", "1200000", "1.200", "250000", "1200", "600.0", "500x"}},
		// 10000: median of two runs 11 ms; 5500 / 11 = 500x.
		{lines[3], []string{"draft10000.txt", "10012", "11000000", "11.000", "1500000", "8000", "5500.0", "500x"}},
	}
	for _, tt := range tests {
		if got := strings.Fields(tt.line); strings.Join(got, " ") != strings.Join(tt.fields, " ") {
			t.Errorf("row %q, want %q", got, tt.fields)
		}
	}
	if !strings.Contains(lines[0], "median of 3 runs") || !strings.Contains(lines[0], "yoastseo 3.6.0") {
		t.Errorf("title %q lacks the run count or the Yoast version", lines[0])
	}
}

// TestCompareErrors checks missing results are reported, not printed as an
// empty table.
func TestCompareErrors(t *testing.T) {
	tests := []struct {
		name, goOut, yoastOut, want string
	}{
		{"no go results", "PASS\n", yoastOutput, "no BenchmarkScore results"},
		{"no yoast results", goOutput, "", "no Yoast results"},
		{"bad yoast json", goOutput, "{", "unexpected EOF"},
		{"no common size", "BenchmarkScore42-2 1 5 ns/op\n", yoastOutput, "no draft size measured by both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			g, y := filepath.Join(dir, "g"), filepath.Join(dir, "y")
			os.WriteFile(g, []byte(tt.goOut), 0o600)
			os.WriteFile(y, []byte(tt.yoastOut), 0o600)
			err := compare(&strings.Builder{}, g, y)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
