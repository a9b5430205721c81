package scoring

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	for _, c := range communities {
		p := compileFixture(t, c)
		files, _ := filepath.Glob("testdata/drafts/" + c + "/*.txt")
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".txt")
			r := p.Score(loadDraft(t, c, name))
			t.Logf("== %s/%s overall %d %s", c, name, r.Score, r.Rating)
			for _, ch := range r.Checks {
				t.Logf("   %-11s %3d %-4s %s | %s", ch.ID, ch.Score, ch.Rating, ch.Message, ch.Suggestion)
			}
			for _, g := range r.Generations {
				t.Logf("   gen %s %.2f %d", g.ID, g.Share, g.Score)
			}
		}
		r := p.Score(rambling(t, c))
		t.Logf("== %s/rambling overall %d", c, r.Score)
		for _, ch := range r.Checks {
			t.Logf("   %-11s %3d %-4s %s | %s", ch.ID, ch.Score, ch.Rating, ch.Message, ch.Suggestion)
		}
	}
}
