package scoring

import (
	"os"
	"path/filepath"
	"testing"
)

// benchScore scores a draft of testdata/bench against the IT administrators
// community, the way the widget does: the profile compiled once, the draft
// scored on every call.
func benchScore(b *testing.B, file string) {
	body, err := os.ReadFile(filepath.Join("testdata", "bench", file))
	if err != nil {
		b.Fatal(err)
	}
	p := compileFixture(b, "itadmins")
	c := Content{Title: "The 3-2-1 Backup Checklist", Body: string(body), Network: "blog", Kind: "checklist"}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = p.Score(c)
	}
}

// BenchmarkScore1500 is the full analysis of a ~1,500-word draft (target
// on the 2-core reference machine: 2 ms).
func BenchmarkScore1500(b *testing.B) { benchScore(b, "draft1500.txt") }

// BenchmarkScore10000 is the full analysis of a ~10,000-word draft (target:
// 15 ms).
func BenchmarkScore10000(b *testing.B) { benchScore(b, "draft10000.txt") }

// BenchmarkCompile is compiling the audience (done once per community).
func BenchmarkCompile(b *testing.B) {
	a := loadAudience(b, "itadmins")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(a); err != nil {
			b.Fatal(err)
		}
	}
}
