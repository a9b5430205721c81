// Package calibration learns, from a community's own post history, how the
// scoring model's checks and the community's vocabulary relate to engagement
// there, and packs the result into the audience's calibration block
// (scoring.Calibration) so that every client scores with it.
//
// The model is deliberately small and heavily regularised, because a
// community's history is small and noisy (tens to a few thousand posts, and
// engagement that depends on things no draft shows: the author's following,
// the hour, promotion):
//
//   - the target is log(1 + engagement), less the median of its network (a
//     LinkedIn post and an email are not on one scale);
//   - term weights: for every word stem (function words included: "how"
//     and "why" are style) used by at least MinTermPosts
//     posts, the mean deviation of the target in posts that use it, shrunk
//     by TermShrinkage pseudo-posts; the TermsKept strongest are kept;
//   - a ridge regression (RidgeLambda) over standardised features: the
//     uncalibrated score, each check, title and body length, a number in the
//     title, a question, and the term score (computed out of fold while
//     fitting, so the regression cannot trust terms fitted on its own rows);
//   - the calibrated score is the prediction's percentile among the
//     history's predictions.
//
// Validation is time-ordered (forward chaining, ValidationCuts): models
// fitted on the oldest posts are tested on the next newer ones; Spearman's
// rho of the calibrated and of the uncalibrated score on those newer posts
// is reported (averaged over the slices, by size). With too
// little data (MinPosts) or no gain on the test posts the audience is left as
// it was and the report says why. Otherwise the model is refitted on every
// post and returned.
package calibration

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/stats"
)

// Tuning, chosen on the Medium publications of ../shared/data/real while
// reading their held-out table (docs/scoring.md, "Calibration", says why
// that makes its numbers optimistic).
const (
	MinPosts      = 30
	MinTermPosts  = 2
	TermShrinkage = 6.0
	TermsKept     = 300
	RidgeLambda   = 10000.0
	Folds         = 5
	Quantiles     = 21
	// MaxPosts bounds one calibration (memory and time: 1,000 posts take
	// well under 2 s).
	MaxPosts = 20000
)

// ValidationCuts are the forward-chaining slices of the time-ordered
// history: fit on [0, cut k), test on [cut k, cut k+1).
var ValidationCuts = [...]float64{0.4, 0.6, 0.8, 1.0}

// Post is one past post with its engagement.
type Post struct {
	Title      string  `json:"title"`
	Body       string  `json:"body"`
	Network    string  `json:"network"`
	Engagement float64 `json:"engagement"`
	// Created orders the history for the time-ordered hold-out (any
	// sortable date, e.g. 2026-03-01); posts without one keep their order.
	Created string `json:"created,omitempty"`
}

// Report says what the calibration learned and how it did.
type Report struct {
	Applied bool   `json:"applied"`
	Reason  string `json:"reason,omitempty"` // why it was not applied
	Posts   int    `json:"posts"`
	// Empty counts the posts too short to judge, left out.
	Empty int `json:"empty,omitempty"`
	Train int `json:"train"`
	Test  int `json:"test"`
	// Rho and BaselineRho: Spearman's rho with engagement on the test posts,
	// calibrated and uncalibrated.
	Rho         float64              `json:"rho"`
	BaselineRho float64              `json:"baseline_rho"`
	TopTerms    []scoring.TermWeight `json:"top_terms,omitempty"`
	Features    []scoring.Feature    `json:"features,omitempty"`
}

// ErrTooFew is returned (wrapped in the report's reason) for a history under
// MinPosts posts.
var ErrTooFew = errors.New("too few posts")

// Fit calibrates an audience on a history. It returns the audience with its
// calibration (or as it was, when the report says not applied) and the
// report. An error means bad input (an invalid audience, a bad post).
func Fit(a scoring.Audience, history []Post) (scoring.Audience, Report, error) {
	a.Calibration = nil
	base, err := scoring.Compile(a)
	if err != nil {
		return a, Report{}, fmt.Errorf("audience: %w", err)
	}
	if len(history) > MaxPosts {
		return a, Report{}, fmt.Errorf("%d posts: at most %d", len(history), MaxPosts)
	}
	for i, p := range history {
		if math.IsNaN(p.Engagement) || p.Engagement < 0 || math.IsInf(p.Engagement, 0) {
			return a, Report{}, fmt.Errorf("post %d: engagement must be a number of 0 or more", i+1)
		}
	}
	dated := 0
	for _, h := range history {
		if h.Created != "" {
			dated++
		}
	}
	if dated != 0 && dated != len(history) {
		return a, Report{}, fmt.Errorf("%d of %d posts have a created date: give every post one, or none", dated, len(history))
	}
	rep := Report{Posts: len(history)}
	if len(history) < MinPosts {
		rep.Reason = fmt.Sprintf("%v: %d posts, at least %d are needed", ErrTooFew, len(history), MinPosts)
		return a, rep, nil
	}
	posts, empty := prepare(base, history)
	rep.Empty = empty
	if len(posts) < MinPosts {
		rep.Reason = fmt.Sprintf("%v: %d posts long enough to judge, at least %d are needed", ErrTooFew, len(posts), MinPosts)
		return a, rep, nil
	}
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].created < posts[j].created })
	// Forward-chaining, time-ordered validation: fit on the oldest posts,
	// test on the next slice, move forward. Each test post is scored by a
	// model that saw only older posts; the rhos of the slices are averaged,
	// weighted by their sizes.
	var rho, base0, weight float64
	for k := 0; k < len(ValidationCuts)-1; k++ {
		lo := int(math.Round(ValidationCuts[k] * float64(len(posts))))
		hi := int(math.Round(ValidationCuts[k+1] * float64(len(posts))))
		train, test := posts[:lo], posts[lo:hi]
		if len(train) < MinPosts/2 || len(test) < 3 {
			continue
		}
		trial := a
		trial.Calibration = fit(train)
		if q := trial.Calibration.Quantiles; q[0] == q[len(q)-1] {
			continue // no signal in these posts: this slice ranks nothing
		}
		p, err := scoring.Compile(trial)
		if err != nil {
			return a, rep, fmt.Errorf("compiling the calibration: %w", err)
		}
		// Engagement on the test posts, normalised by the training
		// posts' network medians (networks are not on one scale).
		medians := networkMedians(train)
		var calib, uncal, eng []float64
		for _, x := range test {
			calib = append(calib, float64(p.Score(x.content).Score))
			uncal = append(uncal, x.features[0])
			eng = append(eng, x.logEng-medians[x.network])
		}
		c, u := stats.Spearman(calib, eng), stats.Spearman(uncal, eng)
		if math.IsNaN(c) || math.IsNaN(u) {
			continue
		}
		w := float64(len(test))
		rho, base0, weight = rho+w*c, base0+w*u, weight+w
		rep.Test += len(test)
	}
	rep.Train = len(posts) - rep.Test
	if weight == 0 {
		rep.Reason = "engagement or scores do not vary on the newer posts: nothing to rank"
		return a, rep, nil
	}
	rep.Rho, rep.BaselineRho = round3(rho/weight), round3(base0/weight)
	if rep.Rho <= rep.BaselineRho {
		rep.Reason = fmt.Sprintf("no gain on the %d newer posts it was tested on (rho %.3f calibrated, %.3f uncalibrated)", rep.Test, rep.Rho, rep.BaselineRho)
		return a, rep, nil
	}
	final := fit(posts)
	if q := final.Quantiles; q[0] == q[len(q)-1] {
		rep.Reason = "the model gives every post the same prediction: nothing to rank"
		return a, rep, nil
	}
	final.Posts, final.Train, final.Test = len(posts), rep.Train, rep.Test
	final.Rho, final.BaselineRho = rep.Rho, rep.BaselineRho
	a.Calibration = final
	rep.Applied = true
	rep.Features = final.Features
	rep.TopTerms = topTerms(final.Terms, 20)
	return a, rep, nil
}

// prepared is a post scored once by the uncalibrated model.
type prepared struct {
	content    scoring.Content
	created    string
	network    string
	engagement float64
	logEng     float64   // log(1 + engagement)
	target     float64   // logEng less its network's median, set by each fit
	features   []float64 // scoring.FeatureNames order, terms left at 0
	terms      []scoring.Term
}

// prepare scores every post once. Posts too short to judge (the engine
// gives them no verdict, so a calibration never applies to them) are left
// out and counted.
func prepare(p *scoring.Profile, history []Post) (out []prepared, empty int) {
	for _, h := range history {
		c := scoring.Content{Title: h.Title, Body: h.Body, Network: h.Network}
		r, f, terms := p.ScoreDetailed(c)
		if r.Empty {
			empty++
			continue
		}
		nw, _ := scoring.CanonicalNetwork(h.Network)
		out = append(out, prepared{content: c, created: h.Created, network: nw, engagement: h.Engagement,
			logEng: math.Log1p(h.Engagement), features: f, terms: terms})
	}
	return out, empty
}

// networkMedians are the median log engagement per network of posts.
func networkMedians(posts []prepared) map[string]float64 {
	by := map[string][]float64{}
	for _, p := range posts {
		by[p.network] = append(by[p.network], p.logEng)
	}
	out := map[string]float64{}
	for nw, v := range by {
		out[nw] = stats.Median(v) // every value is finite here
	}
	return out
}

// normalise sets each post's target from medians (computed on training
// posts only: a test post's engagement never shapes its own target).
func normalise(posts []prepared, medians map[string]float64) {
	for i := range posts {
		posts[i].target = posts[i].logEng - medians[posts[i].network]
	}
}

// fit learns term weights and the ridge model on posts (their targets
// normalised by their own network medians).
func fit(in []prepared) *scoring.Calibration {
	posts := append([]prepared(nil), in...)
	normalise(posts, networkMedians(posts))
	names := scoring.FeatureNames()
	termIdx := len(names) - 1
	// Out-of-fold term scores for the regression's rows.
	oof := make([]float64, len(posts))
	for k := 0; k < Folds; k++ {
		var in []prepared
		for i := range posts {
			if i%Folds != k {
				in = append(in, posts[i])
			}
		}
		tw := termWeights(in)
		for i := range posts {
			if i%Folds == k {
				oof[i] = termScore(tw, posts[i].terms)
			}
		}
	}
	tw, forms := termWeightsForms(posts)
	rows := make([][]float64, len(posts))
	y := make([]float64, len(posts))
	for i, p := range posts {
		rows[i] = append([]float64(nil), p.features...)
		rows[i][termIdx] = oof[i]
		y[i] = p.target
	}
	feats := ridge(names, rows, y)
	// Predictions on the history (with the full term model) set the scale.
	preds := make([]float64, len(posts))
	for i, p := range posts {
		f := append([]float64(nil), p.features...)
		f[termIdx] = termScore(tw, p.terms)
		preds[i] = predict(feats, f)
	}
	sort.Float64s(preds)
	q := make([]float64, Quantiles)
	for i := range q {
		q[i] = preds[int(math.Round(float64(i)/float64(Quantiles-1)*float64(len(preds)-1)))]
	}
	cal := &scoring.Calibration{Version: scoring.Version, Features: feats, Quantiles: q}
	for st, w := range tw {
		cal.Terms = append(cal.Terms, scoring.TermWeight{Term: forms[st], Weight: round3(w)})
	}
	sort.Slice(cal.Terms, func(i, j int) bool {
		ai, aj := math.Abs(cal.Terms[i].Weight), math.Abs(cal.Terms[j].Weight)
		if ai != aj {
			return ai > aj
		}
		return cal.Terms[i].Term < cal.Terms[j].Term
	})
	return cal
}

// termWeights: each stem used by MinTermPosts posts or more weighs the mean
// deviation of the target where it is used, shrunk by TermShrinkage; the
// TermsKept strongest stay.
func termWeights(posts []prepared) map[string]float64 {
	w, _ := termWeightsForms(posts)
	return w
}

// termWeightsForms is termWeights with, for each kept stem, the word form
// the posts use most (what the calibration block and the panel show).
func termWeightsForms(posts []prepared) (map[string]float64, map[string]string) {
	mean := 0.0
	for _, p := range posts {
		mean += p.target
	}
	mean /= math.Max(1, float64(len(posts)))
	sum, n := map[string]float64{}, map[string]float64{}
	forms := map[string]map[string]int{}
	for _, p := range posts {
		for _, t := range p.terms {
			sum[t.Stem] += p.target - mean
			n[t.Stem]++
			if forms[t.Stem] == nil {
				forms[t.Stem] = map[string]int{}
			}
			forms[t.Stem][t.Word]++
		}
	}
	type tw struct {
		t string
		w float64
	}
	var all []tw
	for t, c := range n {
		if c >= MinTermPosts {
			all = append(all, tw{t, sum[t] / (c + TermShrinkage)})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if math.Abs(all[i].w) != math.Abs(all[j].w) {
			return math.Abs(all[i].w) > math.Abs(all[j].w)
		}
		return all[i].t < all[j].t
	})
	out, form := map[string]float64{}, map[string]string{}
	for _, x := range all[:min(len(all), TermsKept)] {
		out[x.t] = x.w
		best := ""
		for w, c := range forms[x.t] {
			if best == "" || c > forms[x.t][best] || c == forms[x.t][best] && w < best {
				best = w
			}
		}
		form[x.t] = best
	}
	return out, form
}

func termScore(tw map[string]float64, terms []scoring.Term) float64 {
	s := 0.0
	for _, t := range terms {
		s += tw[t.Stem]
	}
	return s
}

// ridge fits standardised features to y; a feature that never varies (or
// is always missing) is left out. Missing values (NaN) are imputed with the
// mean, i.e. they add nothing.
func ridge(names []string, rows [][]float64, y []float64) []scoring.Feature {
	d := len(names)
	mean, scale := make([]float64, d), make([]float64, d)
	for j := 0; j < d; j++ {
		var s, n float64
		for _, r := range rows {
			if !math.IsNaN(r[j]) {
				s += r[j]
				n++
			}
		}
		if n > 0 {
			mean[j] = s / n
		}
		var v float64
		for _, r := range rows {
			if !math.IsNaN(r[j]) {
				v += (r[j] - mean[j]) * (r[j] - mean[j])
			}
		}
		if n > 0 {
			scale[j] = math.Sqrt(v / n)
		}
	}
	var keep []int
	for j := 0; j < d; j++ {
		if scale[j] > 1e-9 {
			keep = append(keep, j)
		}
	}
	ym := 0.0
	for _, v := range y {
		ym += v
	}
	ym /= math.Max(1, float64(len(y)))
	k := len(keep)
	A := make([][]float64, k)
	b := make([]float64, k)
	for i := range A {
		A[i] = make([]float64, k)
		A[i][i] = RidgeLambda
	}
	z := make([]float64, k)
	for r, row := range rows {
		for i, j := range keep {
			z[i] = 0
			if !math.IsNaN(row[j]) {
				z[i] = (row[j] - mean[j]) / scale[j]
			}
		}
		for i := range keep {
			b[i] += z[i] * (y[r] - ym)
			for l := range keep {
				A[i][l] += z[i] * z[l]
			}
		}
	}
	w := solve(A, b)
	out := make([]scoring.Feature, 0, k)
	for i, j := range keep {
		out = append(out, scoring.Feature{Name: names[j], Mean: round6(mean[j]), Scale: round6(scale[j]), Weight: round6(w[i])})
	}
	return out
}

func predict(feats []scoring.Feature, f []float64) float64 {
	names := scoring.FeatureNames()
	v := 0.0
	for _, ft := range feats {
		for j, n := range names {
			if n == ft.Name && !math.IsNaN(f[j]) {
				v += ft.Weight * (f[j] - ft.Mean) / ft.Scale
			}
		}
	}
	return v
}

// solve solves A x = b by Gaussian elimination with partial pivoting (A is
// positive definite: ridge keeps it so).
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for i := 0; i < n; i++ {
		p := i
		for k := i + 1; k < n; k++ {
			if math.Abs(a[k][i]) > math.Abs(a[p][i]) {
				p = k
			}
		}
		a[i], a[p] = a[p], a[i]
		b[i], b[p] = b[p], b[i]
		for k := i + 1; k < n; k++ {
			f := a[k][i] / a[i][i]
			for j := i; j < n; j++ {
				a[k][j] -= f * a[i][j]
			}
			b[k] -= f * b[i]
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := b[i]
		for j := i + 1; j < n; j++ {
			s -= a[i][j] * x[j]
		}
		x[i] = s / a[i][i]
	}
	return x
}

func topTerms(t []scoring.TermWeight, n int) []scoring.TermWeight {
	return append([]scoring.TermWeight(nil), t[:min(n, len(t))]...)
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }
