package scoring

import "math"

// Version is the scoring model's version. It changes whenever a weight, a
// word list or a check changes, so stored scores say which model made them.
const Version = "2.1.0"

// checkResult is what one check computes before the shared fields
// (id, weight, rating) are filled in.
type checkResult struct {
	score      float64
	message    string
	suggestion string
	spans      []Span
	caps       []finding // deal-breakers found by this check
}

// finding is a deal-breaker a check found: it caps the overall score.
type finding struct {
	check  string
	reason string
}

// Deal-breakers (a hard sell, shouting, stuffing, a fear appeal, an
// off-topic or rambling draft, a generation of at least GenWarnShare shut
// out, a draft over the network's hard limit, a required check rated poor)
// cap the overall score at the overall ok threshold less CapMargin: the
// rating never praises what the principles reject, however well the other
// checks do.
const CapMargin = 5

// MinWords is the fewest words (title and body) a draft needs to be judged:
// below it the result is empty (Result.Empty, rating RatingNone), because a
// verdict per check on two words would be noise.
const MinWords = 5

// SqueezeBand is how far below the good threshold the min-aware rule starts
// to compress the mean: with a check rated poor, means from good −
// SqueezeBand to 100 are mapped onto good − SqueezeBand to good − 1, and
// lower means are left as they are (so that scores keep their resolution
// where most drafts are).
const SqueezeBand = 11

// Score analyses a draft. It never fails and never panics: any UTF-8 (or
// invalid) text gives a result with every score in 0..100. Text beyond
// MaxTitleBytes / MaxBodyBytes is ignored and Result.Truncated is set.
func (p *Profile) Score(c Content) Result {
	return p.score(p.analyse(c))
}

// score is Score on an analysed draft.
func (p *Profile) score(a *analysis) Result {
	r := Result{
		Checks:      make([]Check, 0, numChecks),
		Caps:        []Cap{},
		Generations: []GenerationFit{},
		Networks:    []NetworkFit{},
		Language:    a.lang,
		Version:     Version,
		Truncated:   a.truncated,
	}
	if a.title.words+a.body.words < MinWords {
		r.Empty = true
		r.Rating = RatingNone
		return r
	}
	notApplied := [numChecks]bool{}
	if !a.modelled {
		for _, c := range languageChecks {
			notApplied[c] = true
		}
	}
	// The generation and network breakdowns are reported even when their
	// checks are disabled or not applied: they are information, not verdicts.
	gen := a.generations(&r)
	ch := a.channel(&r)
	var sum, weights float64
	var found []finding
	for i := 0; i < numChecks; i++ {
		if p.disabled[i] || notApplied[i] {
			continue
		}
		var cr checkResult
		switch i {
		case idxRelevance:
			cr = *a.relevanceResult()
		case idxFocus:
			cr = a.focus()
		case idxValue:
			cr = a.value()
		case idxGenerations:
			cr = gen
		case idxReadability:
			cr = a.readability()
		case idxChannel:
			cr = ch
		case idxHooks:
			cr = a.hooks()
		}
		s := clampScore(cr.score)
		rating := rate(float64(s), p.thresholds[i])
		r.Checks = append(r.Checks, Check{
			ID:         checkIDs[i],
			Score:      s,
			Rating:     rating,
			Weight:     checkWeights[i],
			Message:    cr.message,
			Suggestion: cr.suggestion,
			Spans:      cr.spans,
		})
		found = append(found, cr.caps...)
		if p.required[i] && rating == RatingPoor {
			found = append(found, finding{checkIDs[i], "A required check is poor: " + checkIDs[i] + " (" + itoa(s) + ")."})
		}
		sum += checkWeights[i] * float64(s)
		weights += checkWeights[i]
	}
	mean := 0.0
	if weights > 0 {
		mean = sum / weights
	}
	limit := clampScore(p.thresholds[idxOverall].OK - CapMargin)
	for _, f := range found {
		r.Caps = append(r.Caps, Cap{Check: f.check, Reason: f.reason, Cap: limit})
	}
	poor := anyPoor(r.Checks)
	r.Score = p.overall(mean, poor, len(r.Caps) > 0, limit)
	if cc := p.calib; cc != nil {
		// The learned model already weighs every check; only the
		// deal-breakers still hold it down (the min-aware squeeze is the
		// uncalibrated model's way of weighing a poor check). Compile bounds
		// every value, so the prediction is finite; should it not be, the
		// uncalibrated score stands.
		if pred := cc.predict(a.features(r, cc)); finite(pred) {
			uncal := r.Score
			r.Score = p.overall(Percentile(cc.quantile, pred), false, len(r.Caps) > 0, limit)
			r.Calibrated = &Calibrated{Posts: cc.posts, Rho: round3(cc.rho), BaselineRho: round3(cc.baselineRho), Uncalibrated: uncal, Works: append([]string(nil), cc.works...)}
		}
	}
	r.Rating = rate(float64(r.Score), p.thresholds[idxOverall])
	return r
}

// overall applies the principles to a mean (or a calibrated score):
// min-aware, a check rated poor keeps it under good (compressed rather than
// cut, so that two such drafts keep their order; chosen on the evaluation
// corpus over the plain and the geometric mean, docs/scoring.md), and a
// deal-breaker scales it under the cap (scaled, not clamped: capped drafts
// keep their order too).
func (p *Profile) overall(mean float64, poor, capped bool, limit int) int {
	t := p.thresholds[idxOverall]
	if hi := math.Ceil(t.Good) - 1; poor && hi > 0 {
		lo := math.Min(math.Max(t.OK, t.Good-SqueezeBand), hi)
		mean = squeeze(mean, lo, hi)
	}
	if capped {
		mean = mean * float64(limit) / 100
	}
	return clampScore(mean)
}

// squeeze maps a score in [lo, 100] linearly onto [lo, hi] (lo ≤ hi);
// scores under lo stay as they are.
func squeeze(s, lo, hi float64) float64 {
	if s <= lo || lo >= 100 {
		return math.Min(s, hi)
	}
	return lo + (s-lo)*(hi-lo)/(100-lo)
}

func anyPoor(cs []Check) bool {
	for _, c := range cs {
		if c.Rating == RatingPoor {
			return true
		}
	}
	return false
}

func checkByIDResult(r Result, id string) (Check, bool) {
	for _, c := range r.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}

// rate turns a score into a rating with the given boundaries.
func rate(score float64, t Threshold) string {
	switch {
	case score >= t.Good:
		return RatingGood
	case score >= t.OK:
		return RatingOK
	}
	return RatingPoor
}

// Score is Compile followed by Profile.Score, for one-off use.
func Score(c Content, a Audience) (Result, error) {
	p, err := Compile(a)
	if err != nil {
		return Result{}, err
	}
	return p.Score(c), nil
}
