package evaluation

import (
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Ratings in the order the confusion matrix uses (rows: label, columns:
// rating given). RatingNone is the neutral state of a draft with nothing to
// score yet.
var Ratings = []string{scoring.RatingGood, scoring.RatingOK, scoring.RatingPoor, scoring.RatingNone}

func ratingIndex(r string) int {
	for i, x := range Ratings {
		if x == r {
			return i
		}
	}
	return len(Ratings) - 1
}

// Scored is one corpus draft with the result the model gave it.
type Scored struct {
	Draft
	Result scoring.Result
}

// Report is the model's record on a corpus.
type Report struct {
	Version string
	// Confusion[label][rating] counts drafts, in Ratings order.
	Confusion [4][4]int
	Drafts    int
	// Agree counts drafts rated as labelled.
	Agree int
	// GoodAsPoor and PoorAsGood count the two errors a writer cannot
	// forgive: praise for a deal-breaker, or a verdict of poor on a good
	// draft.
	GoodAsPoor, PoorAsGood int
	// PairsRight counts pairs whose better draft scored strictly higher.
	PairsRight, Pairs int
	Scored            []Scored
	WrongPairs        []Pair
	// Languages breaks the record down by the language of each draft's
	// community (its declared language, English when none).
	Languages map[string]*LanguageRecord
}

// LanguageRecord is the model's record on one language's drafts and pairs.
type LanguageRecord struct {
	Drafts, Agree     int
	PairsRight, Pairs int
	// Modelled counts the drafts detected in their community's language
	// and scored by its model (all seven checks applicable).
	Modelled int
}

// Accuracy is the share of the language's drafts rated as labelled.
func (l LanguageRecord) Accuracy() float64 { return ratio(l.Agree, l.Drafts) }

// PairwiseAccuracy is the share of the language's pairs ranked as labelled.
func (l LanguageRecord) PairwiseAccuracy() float64 { return ratio(l.PairsRight, l.Pairs) }

// CommunityLanguage is the language an audience is written in.
func CommunityLanguage(a scoring.Audience) string {
	if a.Language == "" {
		return "en"
	}
	return a.Language
}

// Accuracy is the share of drafts rated as labelled.
func (r Report) Accuracy() float64 { return ratio(r.Agree, r.Drafts) }

// PairwiseAccuracy is the share of pairs ranked as labelled.
func (r Report) PairwiseAccuracy() float64 { return ratio(r.PairsRight, r.Pairs) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate scores every draft of the corpus against its community.
func Evaluate(c *Corpus) (Report, error) {
	rep := Report{Version: scoring.Version, Languages: map[string]*LanguageRecord{}}
	lang := func(community string) *LanguageRecord {
		code := CommunityLanguage(c.Communities[community])
		if rep.Languages[code] == nil {
			rep.Languages[code] = &LanguageRecord{}
		}
		return rep.Languages[code]
	}
	profiles := map[string]*scoring.Profile{}
	for name, a := range c.Communities {
		p, err := scoring.Compile(a)
		if err != nil {
			return rep, err
		}
		profiles[name] = p
	}
	score := map[string]int{}
	for _, d := range c.Drafts {
		res := profiles[d.Community].Score(d.Content)
		rep.Scored = append(rep.Scored, Scored{Draft: d, Result: res})
		rep.Confusion[ratingIndex(d.Label)][ratingIndex(res.Rating)]++
		rep.Drafts++
		lr := lang(d.Community)
		lr.Drafts++
		if res.Language.Modelled && res.Language.Code == CommunityLanguage(c.Communities[d.Community]) {
			lr.Modelled++
		}
		if res.Rating == d.Label {
			rep.Agree++
			lr.Agree++
		}
		if d.Label == scoring.RatingGood && res.Rating == scoring.RatingPoor {
			rep.GoodAsPoor++
		}
		if d.Label == scoring.RatingPoor && res.Rating == scoring.RatingGood {
			rep.PoorAsGood++
		}
		score[d.ID] = res.Score
	}
	community := map[string]string{}
	for _, d := range c.Drafts {
		community[d.ID] = d.Community
	}
	for _, p := range c.Pairs {
		rep.Pairs++
		lr := lang(community[p.Better])
		lr.Pairs++
		if score[p.Better] > score[p.Worse] {
			rep.PairsRight++
			lr.PairsRight++
		} else {
			rep.WrongPairs = append(rep.WrongPairs, p)
		}
	}
	return rep, nil
}
