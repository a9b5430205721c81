// Package calibration learns, from a community's own post history, how the
// scoring model's checks, the draft's style and the community's vocabulary
// relate to engagement there, and packs the result into the audience's
// calibration block (scoring.Calibration) so that every client scores with
// it.
//
// The model is deliberately small and regularised, because a community's
// history is small and noisy (tens to a few thousand posts, and engagement
// that depends on things no draft shows: the author's following, the hour,
// promotion):
//
//   - the target is one of Targets: log(1 + engagement) less the median of
//     its network (a LinkedIn post and an email are not on one scale), the
//     post's engagement percentile within its network, or that percentile
//     among the network's TimeWindow posts nearest in time (older posts had
//     longer to collect engagement; a community grows or shrinks);
//   - term weights: every word stem (function words included: "how" and
//     "why" are style) used by at least MinTermPosts posts; either each
//     weighs the mean deviation of the target where it is used, shrunk by
//     Settings.Shrinkage pseudo-posts, or (Settings.Joint) all are fitted
//     together by a sparse ridge regression with that penalty, so that
//     words used together ("machine", "learning") share one effect; the
//     TermsKept strongest are kept;
//   - a ridge regression (penalty Settings.Lambda per post) over
//     standardised features (scoring.FeatureNames): the uncalibrated score,
//     each check, the title's and body's length and style, and the term
//     score (computed out of fold while fitting, so the regression cannot
//     trust terms fitted on its own rows);
//   - the calibrated score is the prediction's percentile among the
//     history's predictions (the engine then applies any deal-breaker cap).
//
// The settings are chosen per community from Grid by time-ordered
// validation on the history alone: forward chaining (ValidationCuts), fit
// on the oldest posts, score the next newer ones as the engine would,
// keep the settings with the best Spearman's rho on those newer posts.
//
// Whether to apply is decided on a validation that does not see its own
// selection (nested): for each forward-chaining slice the settings are
// chosen on the older posts only (by the same forward chaining inside them),
// fitted on them, and the newer slice is scored through the scoring engine.
// Spearman's rho of the calibrated and of the uncalibrated score on those
// newer posts is reported (averaged over the slices, by size). With too
// little data (MinPosts) or no gain on the test posts the audience is left
// as it was and the report says why. Otherwise the settings are chosen on
// the whole history, the model is refitted on every post and returned.
package calibration

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/stats"
)

// Fixed constants (not selected; see docs/scoring.md, "Calibration", for
// how each was set).
const (
	MinPosts     = 30
	MinTermPosts = 2
	TermsKept    = 300
	Folds        = 5
	Quantiles    = 21
	// TimeWindow is the number of a network's posts, centred on a post in
	// time order, that the "time" target ranks it among.
	TimeWindow = 61
	// MaxPosts bounds one calibration (memory and time: 1,000 posts take
	// well under 2 s, BenchmarkFit1000).
	MaxPosts = 20000
)

// Targets, the engagement normalisations Settings.Target names.
const (
	TargetLog  = "log"  // log(1 + engagement) less its network's median
	TargetRank = "rank" // percentile within its network, -0.5 to 0.5
	TargetTime = "time" // percentile among its network's TimeWindow posts nearest in time
)

// Settings are the choices Fit makes per community by validation.
type Settings struct {
	Target string `json:"target"`
	// Shrinkage is the pseudo-posts (at the mean) a term's weight is shrunk
	// towards zero by.
	Shrinkage float64 `json:"shrinkage"`
	// Lambda is the ridge penalty per training post.
	Lambda float64 `json:"lambda"`
	// Joint fits the term weights together (a ridge regression over every
	// term, penalty Shrinkage) rather than each on its own.
	Joint bool `json:"joint,omitempty"`
}

// Grid is every candidate Fit chooses among (ties go to the earlier one):
// the ridge penalty, from strong to mild, with term weights fitted jointly
// against the engagement rank. How it was chosen, on the profile posts of
// six Medium publications only, and the designs tried: docs/scoring.md,
// "Calibration".
var Grid = []Settings{
	{Target: TargetRank, Shrinkage: 30, Lambda: 1000, Joint: true},
	{Target: TargetRank, Shrinkage: 30, Lambda: 100, Joint: true},
	{Target: TargetRank, Shrinkage: 30, Lambda: 10, Joint: true},
}

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
	Rho         float64 `json:"rho"`
	BaselineRho float64 `json:"baseline_rho"`
	// Settings are the ones chosen on the whole history (what the returned
	// calibration was fitted with).
	Settings *Settings            `json:"settings,omitempty"`
	TopTerms []scoring.TermWeight `json:"top_terms,omitempty"`
	Features []scoring.Feature    `json:"features,omitempty"`
}

// ErrTooFew is returned (wrapped in the report's reason) for a history under
// MinPosts posts.
var ErrTooFew = errors.New("too few posts")

// Fit calibrates an audience on a history, choosing its settings among Grid.
// It returns the audience with its calibration (or as it was, when the
// report says not applied) and the report. An error means bad input (an
// invalid audience, a bad post).
func Fit(a scoring.Audience, history []Post) (scoring.Audience, Report, error) {
	return FitGrid(a, history, Grid)
}

// FitGrid is Fit choosing among the given candidate settings (one candidate:
// no choice). It is what Fit runs, exported to compare designs.
func FitGrid(a scoring.Audience, history []Post, candidates []Settings) (scoring.Audience, Report, error) {
	a.Calibration = nil
	if len(candidates) == 0 {
		return a, Report{}, errors.New("no candidate settings")
	}
	for _, s := range candidates {
		if s.Target != TargetLog && s.Target != TargetRank && s.Target != TargetTime || !(s.Shrinkage >= 0) || !(s.Lambda > 0) || s.Shrinkage > 1e6 || s.Lambda > 1e6 {
			return a, Report{}, fmt.Errorf("bad settings %+v", s)
		}
	}
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
	posts, stems, empty := prepare(base, history)
	rep.Empty = empty
	if len(posts) < MinPosts {
		rep.Reason = fmt.Sprintf("%v: %d posts long enough to judge, at least %d are needed", ErrTooFew, len(posts), MinPosts)
		return a, rep, nil
	}
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].created < posts[j].created })
	// Nested forward-chaining, time-ordered validation: choose the settings
	// on the oldest posts (by forward chaining inside them), fit on them,
	// test on the next slice through the scoring engine, move forward. Each
	// test post is scored by a model whose settings and weights saw only
	// older posts; the rhos of the slices are averaged, weighted by sizes.
	var rho, base0, weight float64
	for _, sl := range forwardSlices(posts) {
		train, test := sl.train, sl.test
		trial := a
		trial.Calibration = fit(train, stems, choose(train, stems, candidates)).block(train)
		if q := trial.Calibration.Quantiles; q[0] == q[len(q)-1] {
			continue // no signal in these posts: this slice ranks nothing
		}
		p, err := scoring.Compile(trial)
		if err != nil {
			return a, rep, fmt.Errorf("compiling the calibration: %w", err)
		}
		// Engagement on the test posts is normalised by the training
		// posts' network medians (sl.eng: networks are not on one scale).
		var calib, uncal []float64
		for _, x := range test {
			calib = append(calib, float64(p.Score(x.content).Score))
			uncal = append(uncal, x.features[0])
		}
		c, u := stats.Spearman(calib, sl.eng), stats.Spearman(uncal, sl.eng)
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
	s := choose(posts, stems, candidates)
	final := fit(posts, stems, s).block(posts)
	if q := final.Quantiles; q[0] == q[len(q)-1] {
		rep.Reason = "the model gives every post the same prediction: nothing to rank"
		return a, rep, nil
	}
	final.Posts, final.Train, final.Test = len(posts), rep.Train, rep.Test
	final.Rho, final.BaselineRho = rep.Rho, rep.BaselineRho
	a.Calibration = final
	rep.Applied = true
	rep.Settings = &s
	rep.Features = final.Features
	rep.TopTerms = topTerms(final.Terms, 20)
	return a, rep, nil
}

// choose returns the candidate with the best forward-chaining validation
// rho on posts (time-ordered), predicting directly (no engine): the first
// candidate when posts are too few to tell.
func choose(posts []prepared, stems []string, candidates []Settings) Settings {
	if len(candidates) == 1 {
		return candidates[0]
	}
	slices := forwardSlices(posts)
	best, bestRho := candidates[0], math.Inf(-1)
	// Term weights depend on the target and the shrinkage only: fitted once
	// per pair and slice, then every ridge penalty reuses them.
	type termKey struct {
		target    string
		shrinkage float64
	}
	terms := make([]map[termKey]termModel, len(slices))
	for i := range terms {
		terms[i] = map[termKey]termModel{}
	}
	for _, s := range candidates {
		var sum, weight float64
		for i, sl := range slices {
			key := termKey{s.Target, s.Shrinkage}
			tm, ok := terms[i][key]
			if !ok {
				tm = fitTerms(sl.train, stems, s)
				terms[i][key] = tm
			}
			m := fitRidge(tm, s)
			r := stats.Spearman(m.scores(sl.train, sl.test), sl.eng)
			if math.IsNaN(r) {
				continue
			}
			sum, weight = sum+float64(len(sl.test))*r, weight+float64(len(sl.test))
		}
		if weight > 0 && sum/weight > bestRho+1e-12 {
			best, bestRho = s, sum/weight
		}
	}
	return best
}

// prepared is a post scored once by the uncalibrated model.
type prepared struct {
	content    scoring.Content
	created    string
	network    string
	engagement float64
	logEng     float64   // log(1 + engagement)
	features   []float64 // scoring.FeatureNames order, terms left at 0
	terms      []scoring.Term
	ids        []int32 // terms[k].Stem's id in the history's stems
	// capped is the factor a deal-breaker scales the post's score by (1
	// when none): the engine applies it to the calibrated score too.
	capped float64
}

// prepare scores every post once and numbers the history's term stems.
// Posts too short to judge (the engine gives them no verdict, so a
// calibration never applies to them) are left out and counted.
func prepare(p *scoring.Profile, history []Post) (out []prepared, stems []string, empty int) {
	id := map[string]int32{}
	for _, h := range history {
		c := scoring.Content{Title: h.Title, Body: h.Body, Network: h.Network}
		r, f, terms := p.ScoreDetailed(c)
		if r.Empty {
			empty++
			continue
		}
		nw, _ := scoring.CanonicalNetwork(h.Network)
		capped := 1.0
		if len(r.Caps) > 0 {
			capped = float64(r.Caps[0].Cap) / 100
		}
		ids := make([]int32, len(terms))
		for k, t := range terms {
			n, ok := id[t.Stem]
			if !ok {
				n = int32(len(stems))
				id[t.Stem] = n
				stems = append(stems, t.Stem)
			}
			ids[k] = n
		}
		out = append(out, prepared{content: c, created: h.Created, network: nw, engagement: h.Engagement,
			logEng: math.Log1p(h.Engagement), features: f, terms: terms, ids: ids, capped: capped})
	}
	return out, stems, empty
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

// targets normalises the engagement of posts (time-ordered; training posts
// only: a test post's engagement never shapes a target) as target says.
func targets(posts []prepared, target string) []float64 {
	y := make([]float64, len(posts))
	if target == TargetLog {
		medians := networkMedians(posts)
		for i, p := range posts {
			y[i] = p.logEng - medians[p.network]
		}
		return y
	}
	by := map[string][]int{}
	var nets []string
	for i, p := range posts {
		if by[p.network] == nil {
			nets = append(nets, p.network)
		}
		by[p.network] = append(by[p.network], i)
	}
	for _, nw := range nets {
		idx := by[nw]
		for j, i := range idx {
			lo, hi := 0, len(idx)
			if target == TargetTime && len(idx) > TimeWindow {
				lo = min(max(0, j-TimeWindow/2), len(idx)-TimeWindow)
				hi = lo + TimeWindow
			}
			// Mid-rank percentile of the post among the window, -0.5 to 0.5.
			below, equal := 0, 0
			for _, o := range idx[lo:hi] {
				switch {
				case posts[o].logEng < posts[i].logEng:
					below++
				case posts[o].logEng == posts[i].logEng:
					equal++
				}
			}
			if n := hi - lo; n > 1 {
				y[i] = (float64(below)+float64(equal-1)/2)/float64(n-1) - 0.5
			}
		}
	}
	return y
}

// termModel is the term part of a fit: targets, out-of-fold term scores
// for the regression's rows, and the term weights (by term id) on every
// post.
type termModel struct {
	posts []prepared
	stems []string
	y     []float64
	oof   []float64
	tw    []float64
}

func fitTerms(posts []prepared, stems []string, s Settings) termModel {
	y := targets(posts, s.Target)
	oof := make([]float64, len(posts))
	for k := 0; k < Folds; k++ {
		var in []int
		for i := range posts {
			if i%Folds != k {
				in = append(in, i)
			}
		}
		tw := termWeights(posts, stems, y, in, s)
		for i := range posts {
			if i%Folds == k {
				oof[i] = termScore(tw, posts[i].ids)
			}
		}
	}
	all := make([]int, len(posts))
	for i := range all {
		all[i] = i
	}
	return termModel{posts: posts, stems: stems, y: y, oof: oof, tw: termWeights(posts, stems, y, all, s)}
}

// model is a fitted calibration before it is packed into a block.
type model struct {
	feats []scoring.Feature
	stems []string
	tw    []float64 // by term id, 0 for a term not kept
}

var termIdx = len(scoring.FeatureNames()) - 1

// featNames are the model's inputs.
var featNames = scoring.FeatureNames()

func fitRidge(tm termModel, s Settings) model {
	rows := make([][]float64, len(tm.posts))
	for i, p := range tm.posts {
		rows[i] = append([]float64(nil), p.features...)
		rows[i][termIdx] = tm.oof[i]
	}
	return model{feats: ridge(featNames, rows, tm.y, s.Lambda*float64(len(tm.posts))), stems: tm.stems, tw: tm.tw}
}

// fit learns term weights and the ridge model on posts with settings s.
func fit(posts []prepared, stems []string, s Settings) model {
	return fitRidge(fitTerms(posts, stems, s), s)
}

// predict is the model's prediction for a post (with the full term model),
// the same value the scoring engine computes from the block.
func (m model) predict(p *prepared) float64 {
	f := append([]float64(nil), p.features...)
	f[termIdx] = termScore(m.tw, p.ids)
	return predict(m.feats, f)
}

// quantiles are the model's predictions on posts at Quantiles evenly
// spaced ranks.
func (m model) quantiles(posts []prepared) []float64 {
	preds := make([]float64, len(posts))
	for i := range posts {
		preds[i] = m.predict(&posts[i])
	}
	sort.Float64s(preds)
	q := make([]float64, Quantiles)
	for i := range q {
		q[i] = preds[int(math.Round(float64(i)/float64(Quantiles-1)*float64(len(preds)-1)))]
	}
	return q
}

// scores are the calibrated scores of test posts as the engine gives them
// (the prediction's percentile among the training posts' quantiles,
// scaled by any deal-breaker, rounded), without compiling a profile.
func (m model) scores(train, test []prepared) []float64 {
	q := m.quantiles(train)
	out := make([]float64, len(test))
	for i := range test {
		out[i] = math.Round(math.Max(0, math.Min(100, scoring.Percentile(q, m.predict(&test[i]))*test[i].capped)))
	}
	return out
}

// block packs the model into a calibration block, its quantiles set by its
// predictions on posts (the history it was fitted on).
func (m model) block(posts []prepared) *scoring.Calibration {
	cal := &scoring.Calibration{Version: scoring.Version, Features: m.feats, Quantiles: m.quantiles(posts)}
	// Each kept term is shown in the form the posts use most.
	forms := map[int32]map[string]int{}
	for i := range posts {
		for k, id := range posts[i].ids {
			if m.tw[id] == 0 {
				continue
			}
			if forms[id] == nil {
				forms[id] = map[string]int{}
			}
			forms[id][posts[i].terms[k].Word]++
		}
	}
	for id, w := range m.tw {
		if w == 0 {
			continue
		}
		best := ""
		for f, c := range forms[int32(id)] {
			if best == "" || c > forms[int32(id)][best] || c == forms[int32(id)][best] && f < best {
				best = f
			}
		}
		if best == "" {
			best = m.stems[id] // not used by these posts (cannot happen: fitted on them)
		}
		cal.Terms = append(cal.Terms, scoring.TermWeight{Term: best, Weight: round3(w)})
	}
	sort.Slice(cal.Terms, func(i, j int) bool {
		ai, aj := math.Abs(cal.Terms[i].Weight), math.Abs(cal.Terms[j].Weight)
		if ai != aj {
			return ai > aj
		}
		return cal.Terms[i].Term < cal.Terms[j].Term
	})
	cal.Works = Works(cal)
	return cal
}

// termWeights: each term used by MinTermPosts of the posts at idx or more
// weighs the mean deviation of the target where it is used, shrunk by
// s.Shrinkage pseudo-posts (or, s.Joint, all are fitted together by a
// sparse ridge regression with that penalty); the TermsKept strongest
// stay. The result is indexed by term id (0 for a term not kept).
func termWeights(posts []prepared, stems []string, y []float64, idx []int, s Settings) []float64 {
	mean := 0.0
	for _, i := range idx {
		mean += y[i]
	}
	mean /= math.Max(1, float64(len(idx)))
	sum, n := make([]float64, len(stems)), make([]float64, len(stems))
	for _, i := range idx {
		for _, id := range posts[i].ids {
			sum[id] += y[i] - mean
			n[id]++
		}
	}
	type tw struct {
		id int32
		w  float64
	}
	var all []tw
	col := make([]int32, len(stems))
	for id, c := range n {
		col[id] = -1
		if c >= MinTermPosts {
			col[id] = int32(len(all))
			all = append(all, tw{int32(id), sum[id] / (c + s.Shrinkage)})
		}
	}
	if s.Joint && len(all) > 0 {
		nnz := 0
		for _, i := range idx {
			nnz += len(posts[i].ids)
		}
		flat := make([]int32, 0, nnz)
		rows := make([][]int32, len(idx))
		r := make([]float64, len(idx))
		for k, i := range idx {
			start := len(flat)
			for _, id := range posts[i].ids {
				if j := col[id]; j >= 0 {
					flat = append(flat, j)
				}
			}
			rows[k] = flat[start:len(flat):len(flat)]
			r[k] = y[i] - mean
		}
		w := ridgeCG(rows, r, len(all), s.Shrinkage)
		for j := range all {
			all[j].w = w[j]
		}
	}
	out := make([]float64, len(stems))
	if len(all) <= TermsKept {
		for _, x := range all {
			out[x.id] = x.w
		}
		return out
	}
	// The TermsKept strongest: every term above the threshold, then the
	// ones at it in stem order (ties are rare; the order keeps it
	// deterministic).
	abs := make([]float64, len(all))
	for j, x := range all {
		abs[j] = math.Abs(x.w)
	}
	sort.Float64s(abs)
	t := abs[len(abs)-TermsKept]
	var at []tw
	kept := 0
	for _, x := range all {
		switch a := math.Abs(x.w); {
		case a > t:
			out[x.id] = x.w
			kept++
		case a == t:
			at = append(at, x)
		}
	}
	sort.Slice(at, func(i, j int) bool { return stems[at[i].id] < stems[at[j].id] })
	for _, x := range at[:TermsKept-kept] {
		out[x.id] = x.w
	}
	return out
}

// ridgeCG solves (XᵀX + λI) w = Xᵀr for a 0/1 matrix X given as the
// columns set in each row, by conjugate gradients (X is sparse: a post
// uses a few dozen of thousands of terms).
func ridgeCG(rows [][]int32, r []float64, d int, lambda float64) []float64 {
	mul := func(v, out []float64) {
		for j := range out {
			out[j] = lambda * v[j]
		}
		for _, row := range rows {
			s := 0.0
			for _, j := range row {
				s += v[j]
			}
			for _, j := range row {
				out[j] += s
			}
		}
	}
	b := make([]float64, d)
	for k, row := range rows {
		for _, j := range row {
			b[j] += r[k]
		}
	}
	w := make([]float64, d)
	res := append([]float64(nil), b...)
	p := append([]float64(nil), b...)
	ap := make([]float64, d)
	dot := func(a, c []float64) float64 {
		s := 0.0
		for i := range a {
			s += a[i] * c[i]
		}
		return s
	}
	rr := dot(res, res)
	tol := 1e-10 * math.Max(rr, 1e-300)
	for it := 0; it < 200 && rr > tol; it++ {
		mul(p, ap)
		alpha := rr / dot(p, ap)
		for j := range w {
			w[j] += alpha * p[j]
			res[j] -= alpha * ap[j]
		}
		rr2 := dot(res, res)
		for j := range p {
			p[j] = res[j] + rr2/rr*p[j]
		}
		rr = rr2
	}
	return w
}

func termScore(tw []float64, ids []int32) float64 {
	s := 0.0
	for _, id := range ids {
		s += tw[id]
	}
	return s
}

// ridge fits standardised features to y with penalty lambda; a feature that never varies (or
// is always missing) is left out. Missing values (NaN) are imputed with the
// mean, i.e. they add nothing.
func ridge(names []string, rows [][]float64, y []float64, lambda float64) []scoring.Feature {
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
		A[i][i] = lambda
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
	names := featNames
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

// Validate is the forward-chaining, time-ordered validation of one setting
// on a history (no choice, nothing nested): Spearman's rho with engagement
// of the calibrated and of the uncalibrated score on the newer slices,
// averaged by size (NaN when no slice could be tested). Scores are
// computed as the engine gives them (percentile, deal-breaker caps), from
// the features, without compiling a profile. It is what the design scan of
// tools/evalcalibration runs on the profile posts.
func Validate(a scoring.Audience, history []Post, s Settings) (rho, baseline float64, err error) {
	a.Calibration = nil
	base, err := scoring.Compile(a)
	if err != nil {
		return 0, 0, fmt.Errorf("audience: %w", err)
	}
	posts, stems, _ := prepare(base, history)
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].created < posts[j].created })
	var sum, sumU, weight float64
	for _, sl := range forwardSlices(posts) {
		pred := fit(sl.train, stems, s).scores(sl.train, sl.test)
		var uncal []float64
		for _, x := range sl.test {
			uncal = append(uncal, x.features[0])
		}
		r, u := stats.Spearman(pred, sl.eng), stats.Spearman(uncal, sl.eng)
		if math.IsNaN(r) || math.IsNaN(u) {
			continue
		}
		w := float64(len(sl.test))
		sum, sumU, weight = sum+w*r, sumU+w*u, weight+w
	}
	if weight == 0 {
		return math.NaN(), math.NaN(), nil
	}
	return sum / weight, sumU / weight, nil
}

// slice is one forward-chaining step of the time-ordered validation: fit
// on train (the older posts), test on the next ones, whose engagement is
// normalised by the train posts' network medians (eng).
type slice struct {
	train, test []prepared
	eng         []float64
}

// forwardSlices cuts time-ordered posts at ValidationCuts, leaving out the
// steps too small to fit or to test.
func forwardSlices(posts []prepared) []slice {
	var out []slice
	for k := 0; k < len(ValidationCuts)-1; k++ {
		lo := int(math.Round(ValidationCuts[k] * float64(len(posts))))
		hi := int(math.Round(ValidationCuts[k+1] * float64(len(posts))))
		train, test := posts[:lo], posts[lo:hi]
		if len(train) < MinPosts/2 || len(test) < 3 {
			continue
		}
		medians := networkMedians(train)
		var eng []float64
		for _, x := range test {
			eng = append(eng, x.logEng-medians[x.network])
		}
		out = append(out, slice{train, test, eng})
	}
	return out
}

// worksLabels names the features a writer can act on, as Works says them
// ("name=label;").
const worksLabels = "title_number=a number in the title;question=a question;title_lead=a title that starts with a number;" +
	"title_colon=a colon in the title;title_case=a title in title case;reader=talking to “you”;first_person=a first-person story;" +
	"body_words=longer posts;title_words=longer titles;value=value over pitch;hooks=a hook (a question or a call to action);" +
	"readability=easy reading;relevance=staying on the interests;focus=a focused draft;channel=fitting the network;" +
	"generations=a tone for every generation;"

// worksLabel returns a feature's label in worksLabels, or "".
func worksLabel(name string) string {
	i := strings.Index(worksLabels, name+"=")
	if i < 0 || i > 0 && worksLabels[i-1] != ';' {
		return ""
	}
	label := worksLabels[i+len(name)+1:]
	return label[:strings.IndexByte(label, ';')]
}

// Works lists what a block learned works (scoring.Calibration.Works): its three
// heaviest positive terms, then its two heaviest positive features a writer
// can act on (ties: the earlier in the block).
func Works(c *scoring.Calibration) []string {
	var out []string
	used := make([]bool, len(c.Terms))
	for len(out) < 3 {
		best := -1
		for i, t := range c.Terms {
			if !used[i] && t.Weight > 0 && (best < 0 || t.Weight > c.Terms[best].Weight) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		out = append(out, "“"+strings.ToLower(strings.TrimSpace(c.Terms[best].Term))+"”")
	}
	usedF := make([]bool, len(c.Features))
	for n := 0; n < 2; n++ {
		best := -1
		for i, f := range c.Features {
			if !usedF[i] && f.Weight > 0 && worksLabel(f.Name) != "" && (best < 0 || f.Weight > c.Features[best].Weight) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		usedF[best] = true
		out = append(out, worksLabel(c.Features[best].Name))
	}
	return out
}
