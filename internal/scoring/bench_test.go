package scoring

import (
	"os"
	"path/filepath"
	"testing"
)

// benchScore scores a draft of testdata/bench against the IT administrators
// community, the way the widget does: the profile compiled once, the draft
// scored on every call (so after the first call its words' stems are
// cached). With cold set, every call compiles a fresh profile first: the
// API's path, which scores each draft once.
func benchScore(b *testing.B, file string, cold bool) {
	body, err := os.ReadFile(filepath.Join("testdata", "bench", file))
	if err != nil {
		b.Fatal(err)
	}
	a := loadAudience(b, "itadmins")
	p, err := Compile(a)
	if err != nil {
		b.Fatal(err)
	}
	c := Content{Title: "The 3-2-1 Backup Checklist", Body: string(body), Network: "blog", Kind: "checklist"}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if cold {
			p, _ = Compile(a)
		}
		_ = p.Score(c)
	}
}

// BenchmarkScore1500 is the full analysis of a ~1,500-word draft (target
// on the 2-core reference machine: 2 ms).
func BenchmarkScore1500(b *testing.B) { benchScore(b, "draft1500.txt", false) }

// BenchmarkScore10000 is the full analysis of a ~10,000-word draft (target:
// 15 ms).
func BenchmarkScore10000(b *testing.B) { benchScore(b, "draft10000.txt", false) }

// BenchmarkScoreCold1500 and BenchmarkScoreCold10000 compile a fresh
// profile for every draft: no stem is cached.
func BenchmarkScoreCold1500(b *testing.B) { benchScore(b, "draft1500.txt", true) }

// BenchmarkScoreCold10000: see BenchmarkScoreCold1500.
func BenchmarkScoreCold10000(b *testing.B) { benchScore(b, "draft10000.txt", true) }

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
