package evaluation

import (
	"math"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Aggregation is one way to combine the check scores into the overall
// score, compared on the corpus so that the engine's choice rests on data
// (docs/scoring.md, "Overall score").
type Aggregation struct {
	Name string
	Fn   func(checks []scoring.Check) float64
}

// Aggregations are the candidates: the weighted arithmetic mean (model 1),
// the weighted geometric mean (a weak check pulls harder), and the
// min-aware mean the engine uses since model 2 (the arithmetic mean, held
// under the good threshold while any check rates poor).
var Aggregations = []Aggregation{
	{"weighted mean", weightedMean},
	{"geometric mean", geometricMean},
	{"min-aware mean", minAware},
}

func weightedMean(cs []scoring.Check) float64 {
	var s, w float64
	for _, c := range cs {
		s += c.Weight * float64(c.Score)
		w += c.Weight
	}
	if w == 0 {
		return 0
	}
	return s / w
}

func geometricMean(cs []scoring.Check) float64 {
	var s, w float64
	for _, c := range cs {
		s += c.Weight * math.Log(math.Max(1, float64(c.Score)))
		w += c.Weight
	}
	if w == 0 {
		return 0
	}
	return math.Exp(s / w)
}

// minAware mirrors the engine (default thresholds): with a check rated
// poor, means from good − SqueezeBand up are squeezed under good.
func minAware(cs []scoring.Check) float64 {
	m := weightedMean(cs)
	lo, hi := float64(scoring.DefaultGood-scoring.SqueezeBand), float64(scoring.DefaultGood-1)
	for _, c := range cs {
		if c.Rating == scoring.RatingPoor && m > lo {
			return lo + (m-lo)*(hi-lo)/(100-lo)
		}
	}
	return m
}

// AggregationResult is one aggregation's record on the corpus.
type AggregationResult struct {
	Name                   string
	Agree, Drafts          int
	GoodAsPoor, PoorAsGood int
	PairsRight, Pairs      int
}

// CompareAggregations re-rates every scored draft of a report with each
// aggregation (the caps the engine found still apply; default thresholds).
func CompareAggregations(c *Corpus, rep Report) []AggregationResult {
	var out []AggregationResult
	for _, ag := range Aggregations {
		res := AggregationResult{Name: ag.Name}
		score := map[string]float64{}
		for _, s := range rep.Scored {
			if s.Result.Empty {
				continue
			}
			v := ag.Fn(s.Result.Checks)
			for _, cp := range s.Result.Caps {
				v = math.Min(v, float64(cp.Cap))
			}
			v = math.Round(v)
			score[s.ID] = v
			rating := scoring.RatingPoor
			switch {
			case v >= scoring.DefaultGood:
				rating = scoring.RatingGood
			case v >= scoring.DefaultOK:
				rating = scoring.RatingOK
			}
			res.Drafts++
			if rating == s.Label {
				res.Agree++
			}
			if s.Label == scoring.RatingGood && rating == scoring.RatingPoor {
				res.GoodAsPoor++
			}
			if s.Label == scoring.RatingPoor && rating == scoring.RatingGood {
				res.PoorAsGood++
			}
		}
		for _, p := range c.Pairs {
			res.Pairs++
			if score[p.Better] > score[p.Worse] {
				res.PairsRight++
			}
		}
		out = append(out, res)
	}
	return out
}
