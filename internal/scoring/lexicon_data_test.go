package scoring

import (
	"os"
	"testing"
)

// TestLexiconDataMatchesFiles keeps lexicon_data.go (generated) equal to
// the data files it is generated from: run `go generate ./internal/scoring`
// after editing data/*.txt.
func TestLexiconDataMatchesFiles(t *testing.T) {
	for _, tc := range []struct{ file, got string }{
		{"data/value.txt", valueTxt},
		{"data/pitch.txt", pitchTxt},
		{"data/hooks.txt", hooksTxt},
		{"data/generations.txt", generationsTxt},
		{"data/stopwords.txt", stopwordsTxt},
		{"data/languages.txt", languagesTxt},
		{"data/traits.txt", traitsTxt},
	} {
		want, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if tc.got != string(want) {
			t.Errorf("lexicon_data.go is stale for %s: run `go generate ./internal/scoring`", tc.file)
		}
	}
}
