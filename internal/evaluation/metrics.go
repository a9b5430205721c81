package evaluation

import (
	"math"
	"sort"

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
	rep := Report{Version: scoring.Version}
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
		if res.Rating == d.Label {
			rep.Agree++
		}
		if d.Label == scoring.RatingGood && res.Rating == scoring.RatingPoor {
			rep.GoodAsPoor++
		}
		if d.Label == scoring.RatingPoor && res.Rating == scoring.RatingGood {
			rep.PoorAsGood++
		}
		score[d.ID] = res.Score
	}
	for _, p := range c.Pairs {
		rep.Pairs++
		if score[p.Better] > score[p.Worse] {
			rep.PairsRight++
		} else {
			rep.WrongPairs = append(rep.WrongPairs, p)
		}
	}
	return rep, nil
}

// Spearman is Spearman's rank correlation of x and y (ties get their mean
// rank), or NaN when either has no spread or fewer than 3 values.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) || len(x) < 3 {
		return math.NaN()
	}
	return pearson(ranks(x), ranks(y))
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mean
		}
		i = j + 1
	}
	return r
}

func pearson(x, y []float64) float64 {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Median is the median of the values that are not NaN (NaN when none are).
func Median(v []float64) float64 {
	var s []float64
	for _, x := range v {
		if !math.IsNaN(x) {
			s = append(s, x)
		}
	}
	if len(s) == 0 {
		return math.NaN()
	}
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
