//go:build !widgetlang

package scoring

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLexiconDataMatchesFiles keeps lexicon_data.go and lexicon_text_<code>_test.go (generated) equal to
// the data files they are generated from: run `go generate
// ./internal/scoring` after editing data/. Every language directory must be
// a registered language (with no build tags, all are compiled in).
func TestLexiconDataMatchesFiles(t *testing.T) {
	check := func(file, got string) {
		t.Helper()
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("lexicon_data*.go is stale for %s: run `go generate ./internal/scoring`", file)
		}
	}
	check("data/languages.txt", languagesTxt)
	dirs, err := os.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		n++
		l := language(d.Name())
		if l == nil {
			t.Errorf("data/%s has no registered language (lang_%s.go)", d.Name(), d.Name())
			continue
		}
		text := langTexts[l.code]
		for _, f := range []struct{ name, got string }{
			{"value.txt", text.value}, {"pitch.txt", text.pitch}, {"hooks.txt", text.hooks},
			{"generations.txt", text.generations}, {"stopwords.txt", text.stopwords}, {"traits.txt", text.traits},
		} {
			check(filepath.Join("data", d.Name(), f.name), f.got)
		}
	}
	if n != len(Languages()) {
		t.Errorf("%d language directories, %d registered languages %v", n, len(Languages()), Languages())
	}
}
