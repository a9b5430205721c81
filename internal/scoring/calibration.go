package scoring

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Calibration is a model learned from a community's own outcomes (its
// imported post history, scored and ranked by engagement; see
// internal/calibration and docs/scoring.md, "Calibration"). It travels inside
// the audience, so the API, the CLI and the widget give the same calibrated
// score. With it, the overall score is the draft's expected engagement rank
// among the community's past posts (0–100, a percentile of Quantiles),
// still capped by any deal-breaker: learning what works never overrides the
// principles. (The min-aware squeeze is not applied: the learned model
// weighs every check itself.)
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
	// Works says what the model learned works in this community, for a
	// writer (at most MaxWorks phrases: "“restore”", "a question"); the
	// calibration writes it, Result.Calibrated repeats it.
	Works []string `json:"works,omitempty"`
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
	// Works is the calibration's Works: what it learned works in this
	// community. The panel shows it; it is the same for every draft.
	Works []string `json:"works,omitempty"`
}

// Calibration features, in the order FeatureValues returns them.
const (
	FeatureScore       = "score"        // the uncalibrated overall score
	FeatureTitleWords  = "title_words"  // words in the title
	FeatureBodyWords   = "body_words"   // words in the body
	FeatureTitleNumber = "title_number" // 1 when the title has a number
	FeatureQuestion    = "question"     // 1 when the draft asks a question
	FeatureTitleLead   = "title_lead"   // 1 when the title starts with a number ("7 ways …")
	FeatureTitleColon  = "title_colon"  // 1 when the title has a colon ("Topic: the angle")
	FeatureTitleCase   = "title_case"   // the share of the title's words that start with a capital
	FeatureReader      = "reader"       // 1 when the draft says "you" or "your"
	FeatureFirstPerson = "first_person" // 1 when the draft says "I", "my" or "me"
	FeatureTerms       = "terms"        // the sum of the learned terms' weights present
)

// FeatureNames lists every calibration feature: the overall score, one per
// check (its id), the structure features and the learned terms.
func FeatureNames() []string {
	out := []string{FeatureScore}
	out = append(out, checkIDs[:]...)
	return append(out, FeatureTitleWords, FeatureBodyWords, FeatureTitleNumber, FeatureQuestion,
		FeatureTitleLead, FeatureTitleColon, FeatureTitleCase, FeatureReader, FeatureFirstPerson, FeatureTerms)
}

// Limits on a calibration block, enforced by Compile whatever its version
// (a block from a client is untrusted: the widget reads it from JSON and
// the API stores it through PATCH).
const (
	MaxCalibrationTerms = 500
	MaxQuantiles        = 101
	// MaxCalibrationValue bounds every mean, weight, term weight and
	// 1/scale, so that no prediction can overflow to ±Inf or NaN.
	MaxCalibrationValue = 1e6
	// MaxWorks and MaxWorkBytes bound a block's works.
	MaxWorks     = 5
	MaxWorkBytes = 120
	// MaxCalibrationPosts bounds the counts a block reports.
	MaxCalibrationPosts = 1_000_000
)

// numFeatures is len(FeatureNames()).
const numFeatures = 1 + numChecks + numStructureFeatures

// numStructureFeatures counts the features after the checks: title words,
// body words, title number, question, title lead, title colon, title case,
// reader, first person, terms.
const numStructureFeatures = 10

// calibration is a compiled Calibration: every value copied, so that the
// caller changing its block after Compile changes nothing (a Profile is
// immutable and shared between goroutines).
type calibration struct {
	posts            int
	rho, baselineRho float64
	weights          [numFeatures]Feature
	has              [numFeatures]bool
	terms            map[string]float64 // calibKey → weight (drafts in languages not modelled)
	// words are the terms as written (lower case), and langTerms the terms
	// keyed by a modelled language's stems, built on the first draft in
	// that language (a term learned from Spanish posts is the word
	// "recetas"; a Spanish draft's "receta" meets it on the stem "recet").
	// Lazily: stemming 500 terms in every language of a build would be
	// work on every Compile and before the widget's first score.
	words     []TermWeight
	langTerms [maxLanguages]struct {
		once  sync.Once
		terms map[string]float64
	}
	quantile []float64
	works    []string
}

// termsIn returns the terms keyed by language l's stems.
func (cc *calibration) termsIn(l *langSpec) map[string]float64 {
	st := &cc.langTerms[l.index]
	st.once.Do(func() {
		st.terms = make(map[string]float64, len(cc.words))
		for _, t := range cc.words {
			st.terms[l.stemWord(t.Term)] += t.Weight
		}
	})
	return st.terms
}

var featureNames = FeatureNames()

func featureIndex(name string) int {
	for i, n := range featureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// calibKey is the key a learned term matches on: the word's stem when it
// is ASCII (what prepareWords does for English drafts), else the word as
// written. Training (DraftTerms), scoring (termScore) and Compile share it,
// so a term learned from French posts matches French drafts too.
func calibKey(lower string) string {
	if isASCIIWord(lower) {
		return englishModel().stemWord(lower)
	}
	return lower
}

// compileCalibration validates a block (any version) and compiles it when
// it was fitted with this model version; a block of another version is
// kept by the audience but not applied (its features meant other checks).
func compileCalibration(c *Calibration) (*calibration, error) {
	const name = "calibration"
	switch {
	case len(c.Version) > MaxTermBytes:
		return nil, inputErr(name+".version", "longer than "+strconv.Itoa(MaxTermBytes)+" bytes")
	case c.Posts < 0 || c.Posts > MaxCalibrationPosts || c.Train < 0 || c.Train > c.Posts || c.Test < 0 || c.Test > c.Posts:
		return nil, inputErr(name+".posts", "posts, train and test must be counts from 0 to "+strconv.Itoa(MaxCalibrationPosts)+", train and test at most posts")
	case !finite(c.Rho) || c.Rho < -1 || c.Rho > 1:
		return nil, inputErr(name+".rho", "must be a number from -1 to 1")
	case !finite(c.BaselineRho) || c.BaselineRho < -1 || c.BaselineRho > 1:
		return nil, inputErr(name+".baseline_rho", "must be a number from -1 to 1")
	case len(c.Features) > numFeatures:
		return nil, inputErr(name+".features", "more than "+strconv.Itoa(numFeatures)+" features")
	case len(c.Terms) > MaxCalibrationTerms:
		return nil, inputErr(name+".terms", "more than "+strconv.Itoa(MaxCalibrationTerms)+" terms")
	case len(c.Quantiles) < 2 || len(c.Quantiles) > MaxQuantiles:
		return nil, inputErr(name+".quantiles", "between 2 and "+strconv.Itoa(MaxQuantiles)+" values")
	}
	cc := &calibration{posts: c.Posts, rho: c.Rho, baselineRho: c.BaselineRho, terms: make(map[string]float64, len(c.Terms))}
	bounded := func(f float64) bool { return finite(f) && math.Abs(f) <= MaxCalibrationValue }
	for i, f := range c.Features {
		path := name + ".features[" + strconv.Itoa(i) + "]"
		k := featureIndex(f.Name)
		switch {
		case k < 0:
			return nil, inputErr(path+".name", "unknown feature "+strconv.Quote(f.Name))
		case cc.has[k]:
			return nil, inputErr(path+".name", "feature "+strconv.Quote(f.Name)+" given twice")
		case !bounded(f.Mean) || !bounded(f.Weight) || !finite(f.Scale) || f.Scale < 1/MaxCalibrationValue || f.Scale > MaxCalibrationValue:
			return nil, inputErr(path, "mean and weight must be finite numbers within ±1e6, scale from 1e-6 to 1e6")
		}
		cc.weights[k], cc.has[k] = f, true
	}
	for i, t := range c.Terms {
		w := strings.ToLower(strings.TrimSpace(t.Term))
		if w == "" || len(w) > MaxTermBytes || !utf8.ValidString(w) || len(splitPhrase(w)) != 1 || !bounded(t.Weight) {
			return nil, inputErr(name+".terms["+strconv.Itoa(i)+"]", "one word of 1 to "+strconv.Itoa(MaxTermBytes)+" bytes with a weight within ±1e6")
		}
		cc.terms[calibKey(w)] += t.Weight
		cc.words = append(cc.words, TermWeight{Term: w, Weight: t.Weight})
	}
	if len(c.Works) > MaxWorks {
		return nil, inputErr(name+".works", "more than "+strconv.Itoa(MaxWorks)+" entries")
	}
	for i, w := range c.Works {
		if w == "" || len(w) > MaxWorkBytes || !utf8.ValidString(w) {
			return nil, inputErr(name+".works["+strconv.Itoa(i)+"]", "1 to "+strconv.Itoa(MaxWorkBytes)+" bytes of UTF-8")
		}
	}
	cc.works = append([]string(nil), c.Works...)
	for i, q := range c.Quantiles {
		if !bounded(q) || i > 0 && q < c.Quantiles[i-1] {
			return nil, inputErr(name+".quantiles["+strconv.Itoa(i)+"]", "must be finite, within ±1e6 and not below the one before")
		}
	}
	if c.Quantiles[0] == c.Quantiles[len(c.Quantiles)-1] {
		return nil, inputErr(name+".quantiles", "all equal: the model ranks nothing")
	}
	if c.Version != Version {
		return nil, nil
	}
	cc.quantile = append([]float64(nil), c.Quantiles...)
	return cc, nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// ScoreDetailed is Score, plus the draft's calibration features (in
// FeatureNames order; a check that was not applied is NaN: missing, it adds
// nothing) and its terms (DraftTerms), from one analysis of the text:
// what internal/calibration fits on.
func (p *Profile) ScoreDetailed(c Content) (Result, []float64, []Term) {
	a := p.analyse(c)
	r := p.score(a)
	return r, a.features(r, p.calib), a.draftTerms()
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
		if k := checkIndex(ch.ID); k >= 0 {
			f[1+k] = float64(ch.Score)
		}
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
	if len(a.title.toks) > 0 && a.title.toks[0].kind == tokNumber {
		f[k+4] = 1
	}
	if strings.ContainsRune(a.title.text, ':') {
		f[k+5] = 1
	}
	cased, titleWords := 0, 0
	for _, t := range a.title.toks {
		if t.kind != tokWord || t.cjk {
			continue
		}
		titleWords++
		if r, _ := utf8.DecodeRuneInString(a.title.text[t.start:t.end]); unicode.IsUpper(r) {
			cased++
		}
	}
	if titleWords > 0 {
		f[k+6] = float64(cased) / float64(titleWords)
	}
	for i := range a.words {
		w := " " + strings.Replace(a.words[i].lower, "’", "'", 1) + " "
		if strings.Contains(readerWords, w) {
			f[k+7] = 1
		}
		if strings.Contains(firstPersonWords, w) {
			f[k+8] = 1
		}
	}
	if cc != nil {
		terms := cc.terms
		if a.modelled {
			terms = cc.termsIn(a.model)
		}
		f[k+9] = a.termScore(terms)
	}
	return f
}

// The words of FeatureReader and FeatureFirstPerson (English), each
// between spaces.
const (
	readerWords      = " you your yours yourself yourselves you're you'll you've "
	firstPersonWords = " i my me mine myself i'm i've i'll "
)

// termScore sums the weights of the learned terms the draft uses (each
// distinct word once).
func (a *analysis) termScore(terms map[string]float64) float64 {
	s := 0.0
	seen := map[string]bool{}
	for i := range a.words {
		w := &a.words[i]
		key := w.stem
		if !a.modelled {
			key = calibKey(w.lower)
		}
		if seen[key] {
			continue
		}
		if v, ok := terms[key]; ok {
			s += v
			seen[key] = true
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
	return p.analyse(c).draftTerms()
}

func (a *analysis) draftTerms() []Term {
	var out []Term
	seen := map[string]bool{}
	for i := range a.words {
		w := &a.words[i]
		key := w.stem
		if !a.modelled {
			key = calibKey(w.lower)
		}
		if w.letters < 3 || len(w.lower) > MaxTermBytes || seen[key] || !isWordStem(key) {
			continue
		}
		seen[key] = true
		out = append(out, Term{Stem: key, Word: w.lower})
	}
	return out
}

// isWordStem keeps letters-only stems: numbers and codes are not terms.
func isWordStem(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r > 127) {
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

// Percentile places a prediction among a calibration's quantiles (sorted):
// 0–100, linear between neighbouring quantiles. The engine scores with it,
// and internal/calibration validates with it, so both place a prediction
// the same way.
func Percentile(q []float64, v float64) float64 {
	n := len(q) - 1
	if n < 1 || v <= q[0] {
		return 0
	}
	if v >= q[n] {
		return 100
	}
	// A value on a plateau of equal quantiles takes the plateau's middle
	// (ties in the history are ranked as ties).
	first, last := -1, -1
	for i := 0; i <= n; i++ {
		if q[i] == v {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		return 100 * float64(first+last) / 2 / float64(n)
	}
	for i := 1; i <= n; i++ {
		if v < q[i] {
			lo, hi := q[i-1], q[i]
			return 100 * (float64(i-1) + (v-lo)/(hi-lo)) / float64(n)
		}
	}
	return 100
}
