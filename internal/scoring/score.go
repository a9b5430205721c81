package scoring

// Version is the scoring model's version. It changes whenever a weight, a
// word list or a check changes, so stored scores say which model made them.
const Version = "1.1.0"

// checkResult is what one check computes before the shared fields
// (id, weight, rating) are filled in.
type checkResult struct {
	score      float64
	message    string
	suggestion string
	spans      []Span
}

// Score analyses a draft. It never fails and never panics: any UTF-8 (or
// invalid) text gives a result with every score in 0..100. Text beyond
// MaxTitleBytes / MaxBodyBytes is ignored and Result.Truncated is set.
func (p *Profile) Score(c Content) Result {
	a := p.analyse(c)
	r := Result{
		Checks:      make([]Check, 0, numChecks),
		Generations: []GenerationFit{},
		Networks:    []NetworkFit{},
		Language:    a.lang,
		Version:     Version,
		Truncated:   a.truncated,
	}
	notApplied := [numChecks]bool{}
	if !a.english {
		for _, c := range languageChecks {
			notApplied[c] = true
		}
	}
	// The generation and network breakdowns are reported even when their
	// checks are disabled or not applied: they are information, not verdicts.
	gen := a.generations(&r)
	ch := a.channel(&r)
	var sum, weights float64
	for i := 0; i < numChecks; i++ {
		if p.disabled[i] || notApplied[i] {
			continue
		}
		var cr checkResult
		switch i {
		case idxRelevance:
			cr = a.relevance()
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
		r.Checks = append(r.Checks, Check{
			ID:         checkIDs[i],
			Score:      s,
			Rating:     rate(float64(s), p.thresholds[i]),
			Weight:     checkWeights[i],
			Message:    cr.message,
			Suggestion: cr.suggestion,
			Spans:      cr.spans,
		})
		sum += checkWeights[i] * float64(s)
		weights += checkWeights[i]
	}
	if weights > 0 {
		r.Score = clampScore(sum / weights)
	}
	r.Rating = rate(float64(r.Score), p.thresholds[idxOverall])
	return r
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
