package scoring

import (
	"math"
	"strconv"
	"strings"
)

// Calibration is a model learned from a community's own outcomes (its
// imported post history, scored and ranked by engagement; see
// internal/calibration and docs/scoring.md, "Calibration"). It travels inside
// the audience, so the API, the CLI and the widget give the same calibrated
// score. With it, the overall score is the draft's expected engagement rank
// among the community's past posts (0–100, a percentile of Quantiles), still
// held under good by a poor check and capped by any deal-breaker: learning
// what works never overrides the principles.
type Calibration struct {
	// Version is the scoring model the calibration was fitted with; a
	// calibration of another model is ignored (the features changed).
	Version string `json:"version"`
	// Posts, Train and Test count the history: all posts, the older ones it
	// was validated on and the newer ones it was tested on (time-ordered).
	Posts int `json:"posts"`
	Train int `json:"train"`
	Test  int `json:"test"`
	// Rho is Spearman's rho between the calibrated score and engagement on
	// the test posts; BaselineRho the uncalibrated score's on the same posts.
	Rho         float64 `json:"rho"`
	BaselineRho float64 `json:"baseline_rho"`
	// Features are the linear model over standardised features (names:
	// FeatureNames).
	Features []Feature `json:"features"`
	// Terms are the learned term weights: word stems whose presence went
	// with more (positive) or less (negative) engagement in this community.
	Terms []TermWeight `json:"terms,omitempty"`
	// Quantiles are the model's predictions on the history at 0%, 5%, …,
	// 100%: a prediction's place among them is the calibrated score.
	Quantiles []float64 `json:"quantiles"`
}

// Feature is one input of the calibration's linear model: its weight on
// (value − Mean) / Scale.
type Feature struct {
	Name   string  `json:"name"`
	Mean   float64 `json:"mean"`
	Scale  float64 `json:"scale"`
	Weight float64 `json:"weight"`
}

// TermWeight is a learned term: a lower-case word (matched on its stem, so
// "tips" also counts "tip") and its weight.
type TermWeight struct {
	Term   string  `json:"term"`
	Weight float64 `json:"weight"`
}

// Calibrated says that a result's overall score is calibrated, on how many
// posts, with which hold-out rho, and what the uncalibrated score was.
type Calibrated struct {
	Posts        int     `json:"posts"`
	Rho          float64 `json:"rho"`
	BaselineRho  float64 `json:"baseline_rho"`
	Uncalibrated int     `json:"uncalibrated"`
}

// Calibration features, in the order FeatureValues returns them.
const (
	FeatureScore       = "score"        // the uncalibrated overall score
	FeatureTitleWords  = "title_words"  // words in the title
	FeatureBodyWords   = "body_words"   // words in the body
	FeatureTitleNumber = "title_number" // 1 when the title has a number
	FeatureQuestion    = "question"     // 1 when the draft asks a question
	FeatureTerms       = "terms"        // the sum of the learned terms' weights present
)

// FeatureNames lists every calibration feature: the overall score, one per
// check (its id), the structure features and the learned terms.
func FeatureNames() []string {
	out := []string{FeatureScore}
	out = append(out, checkIDs[:]...)
	return append(out, FeatureTitleWords, FeatureBodyWords, FeatureTitleNumber, FeatureQuestion, FeatureTerms)
}

// Limits on a calibration block, enforced by Compile.
const (
	MaxCalibrationTerms = 500
	MaxQuantiles        = 101
)

// calibration is a compiled Calibration.
type calibration struct {
	src      *Calibration
	weights  [numFeatures]Feature
	has      [numFeatures]bool
	terms    map[string]float64 // stem (or lower-case word) → weight
	quantile []float64
}

const numFeatures = 1 + numChecks + 5

func featureIndex(name string) int {
	for i, n := range FeatureNames() {
		if n == name {
			return i
		}
	}
	return -1
}

func compileCalibration(c *Calibration) (*calibration, error) {
	if c.Version != Version {
		// Fitted on another model's checks: ignored, not an error, so an
		// upgrade never breaks a stored community (the API refits it).
		return nil, nil
	}
	cc := &calibration{src: c, terms: map[string]float64{}}
	for i, f := range c.Features {
		path := "calibration.features[" + strconv.Itoa(i) + "]"
		k := featureIndex(f.Name)
		switch {
		case k < 0:
			return nil, inputErr(path+".name", "unknown feature "+strconv.Quote(f.Name))
		case cc.has[k]:
			return nil, inputErr(path+".name", "feature "+strconv.Quote(f.Name)+" given twice")
		case !finite(f.Mean) || !finite(f.Weight) || !finite(f.Scale) || f.Scale <= 0:
			return nil, inputErr(path, "mean, scale and weight must be finite numbers, scale above 0")
		}
		cc.weights[k], cc.has[k] = f, true
	}
	if len(c.Terms) > MaxCalibrationTerms {
		return nil, inputErr("calibration.terms", "more than "+strconv.Itoa(MaxCalibrationTerms)+" terms")
	}
	for i, t := range c.Terms {
		w := strings.ToLower(strings.TrimSpace(t.Term))
		if w == "" || len(w) > MaxTermBytes || !finite(t.Weight) {
			return nil, inputErr("calibration.terms["+strconv.Itoa(i)+"]", "a term of 1 to "+strconv.Itoa(MaxTermBytes)+" bytes with a finite weight")
		}
		st := w
		if isASCIIWord(w) {
			st = stem(w) // as prepareWords stems a draft's words
		}
		cc.terms[st] += t.Weight
	}
	if len(c.Quantiles) < 2 || len(c.Quantiles) > MaxQuantiles {
		return nil, inputErr("calibration.quantiles", "between 2 and "+strconv.Itoa(MaxQuantiles)+" values")
	}
	for i, q := range c.Quantiles {
		if !finite(q) || i > 0 && q < c.Quantiles[i-1] {
			return nil, inputErr("calibration.quantiles["+strconv.Itoa(i)+"]", "must be finite and not below the one before")
		}
	}
	cc.quantile = c.Quantiles
	return cc, nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// FeatureValues returns the calibration features of a scored draft, in
// FeatureNames order: what internal/calibration fits and what Score applies.
// A check that was not applied counts as missing (NaN): it adds nothing.
func (p *Profile) FeatureValues(c Content, r Result) []float64 {
	a := p.analyse(c)
	return a.features(r, p.calib)
}

func (a *analysis) features(r Result, cc *calibration) []float64 {
	f := make([]float64, numFeatures)
	f[0] = float64(r.Score)
	if r.Calibrated != nil {
		f[0] = float64(r.Calibrated.Uncalibrated)
	}
	for i := range checkIDs {
		f[1+i] = math.NaN()
	}
	for _, ch := range r.Checks {
		f[1+checkIndex(ch.ID)] = float64(ch.Score)
	}
	k := 1 + numChecks
	f[k] = float64(a.title.words)
	f[k+1] = float64(a.body.words)
	if a.title.numbers > 0 {
		f[k+2] = 1
	}
	for _, fl := range []*field{&a.title, &a.body} {
		for i := range fl.sents {
			if fl.sents[i].term == '?' {
				f[k+3] = 1
			}
		}
	}
	if cc != nil {
		f[k+4] = a.termScore(cc.terms)
	}
	return f
}

// termScore sums the weights of the learned terms the draft uses (each
// distinct word once).
func (a *analysis) termScore(terms map[string]float64) float64 {
	s := 0.0
	seen := map[string]bool{}
	for i := range a.words {
		w := &a.words[i]
		if seen[w.stem] {
			continue
		}
		if v, ok := terms[w.stem]; ok {
			s += v
			seen[w.stem] = true
		}
	}
	return s
}

// Term is one distinct content word of a draft: its stem (what matches) and
// the word as the draft wrote it, lower-cased (what a person reads).
type Term struct {
	Stem, Word string
}

// DraftTerms returns the distinct content words of a draft (title and
// body), the vocabulary internal/calibration learns term weights over, so
// that training and scoring read text the same way.
func (p *Profile) DraftTerms(c Content) []Term {
	a := p.analyse(c)
	var out []Term
	seen := map[string]bool{}
	for i := range a.words {
		w := &a.words[i]
		if w.letters < 3 || seen[w.stem] || !isWordStem(w.stem) {
			continue
		}
		seen[w.stem] = true
		out = append(out, Term{Stem: w.stem, Word: w.lower})
	}
	return out
}

// isWordStem keeps letters-only stems: numbers and codes are not terms.
func isWordStem(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r > 127 && r != '\'') {
			return false
		}
	}
	return true
}

// predict is the calibration's linear model on a draft's features.
func (cc *calibration) predict(f []float64) float64 {
	v := 0.0
	for k, w := range cc.weights {
		if !cc.has[k] || math.IsNaN(f[k]) {
			continue
		}
		v += w.Weight * (f[k] - w.Mean) / w.Scale
	}
	return v
}

// percentile places a prediction among the quantiles: 0–100, linear
// between neighbouring quantiles.
func (cc *calibration) percentile(v float64) float64 {
	q := cc.quantile
	n := len(q) - 1
	if v <= q[0] {
		return 0
	}
	if v >= q[n] {
		return 100
	}
	for i := 1; i <= n; i++ {
		if v <= q[i] {
			lo, hi := q[i-1], q[i]
			frac := 0.5
			if hi > lo {
				frac = (v - lo) / (hi - lo)
			}
			return 100 * (float64(i-1) + frac) / float64(n)
		}
	}
	return 100
}
