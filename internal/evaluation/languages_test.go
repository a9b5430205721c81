package evaluation

import (
	"testing"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Per-language floors (issue 14): every modelled language has at least
// langMinDrafts labelled drafts and langMinPairs pairs in the team's corpus,
// its drafts are detected in their community's language and scored by its
// model, and at least floorLanguage of them are rated as labelled and of its
// pairs ranked right.
const (
	langMinDrafts = 10
	langMinPairs  = 10
	floorLanguage = 0.90
)

func TestEvalCorpusLanguages(t *testing.T) {
	c, err := LoadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range scoring.ModelledLanguages() {
		t.Run(code, func(t *testing.T) {
			l := rep.Languages[code]
			if l == nil || l.Drafts < langMinDrafts || l.Pairs < langMinPairs {
				t.Fatalf("too few drafts or pairs: %+v", l)
			}
			t.Logf("%s: %d/%d as labelled (%.1f%%), pairs %d/%d", code, l.Agree, l.Drafts, 100*l.Accuracy(), l.PairsRight, l.Pairs)
			if l.Modelled != l.Drafts {
				for _, s := range rep.Scored {
					if CommunityLanguage(c.Communities[s.Community]) == code && (!s.Result.Language.Modelled || s.Result.Language.Code != code) {
						t.Errorf("%s: detected as %+v", s.ID, s.Result.Language)
					}
				}
			}
			if l.Accuracy() < floorLanguage {
				t.Errorf("rated as labelled %.1f%%, floor %.0f%%", 100*l.Accuracy(), 100*floorLanguage)
			}
			if l.PairwiseAccuracy() < floorLanguage {
				t.Errorf("pairs ranked right %.1f%%, floor %.0f%%", 100*l.PairwiseAccuracy(), 100*floorLanguage)
			}
			for _, s := range rep.Scored {
				if CommunityLanguage(c.Communities[s.Community]) != code || s.Label == s.Result.Rating {
					continue
				}
				if s.Label != scoring.RatingOK && s.Result.Rating != scoring.RatingOK {
					t.Errorf("%s: labelled %s, rated %s (%d)", s.ID, s.Label, s.Result.Rating, s.Result.Score)
				}
			}
		})
	}
}
