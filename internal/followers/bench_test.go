package followers

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// BenchmarkAnalyse10000 analyses 10,000 varied bios against the IT admins'
// twelve interests (docs/FOLLOWERS.md, "Performance").
func BenchmarkAnalyse10000(b *testing.B) {
	a := itAdmins(b)
	fs := benchBios(10_000)
	now := mustDate("2026-07-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Analyse(b.Context(), a, fs, now); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/10_000, "µs/bio")
}

// BenchmarkAnalyseReaderCSV10000 is the same bios as an uploaded CSV file:
// parsing and analysis together, as the API runs them.
func BenchmarkAnalyseReaderCSV10000(b *testing.B) {
	a := itAdmins(b)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"bio", "network", "age_bracket"})
	for _, f := range benchBios(10_000) {
		w.Write([]string{f.Bio, f.Network, f.Age.String()})
	}
	w.Flush()
	data := buf.Bytes()
	now := mustDate("2026-07-01")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AnalyseReader(b.Context(), a, bytes.NewReader(data), FormatCSV, now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCloudSVG(b *testing.B) {
	r, err := Analyse(b.Context(), itAdmins(b), benchBios(10_000), mustDate("2026-07-01"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		CloudSVG(r.Terms)
	}
}
