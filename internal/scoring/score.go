package scoring

// Version is the scoring model's version. It changes whenever a weight, a
// word list or a check changes, so stored scores say which model made them.
const Version = "0.0.0-dev"

// Profile is an audience prepared for scoring (interests stemmed, phrases
// split). Compile it once and score many drafts against it: the widget
// re-scores on every keystroke.
type Profile struct {
	audience Audience
}

// Compile validates an audience and prepares it for scoring.
func Compile(a Audience) (*Profile, error) {
	return &Profile{audience: a}, nil
}

// Score analyses a draft. It never fails and never panics: any UTF-8 (or
// invalid) text gives a result with every score in 0..100.
func (p *Profile) Score(c Content) Result {
	// Placeholder until the engine lands (issue 2).
	return Result{Rating: RatingPoor, Checks: []Check{}, Generations: []GenerationFit{}, Networks: []NetworkFit{}, Language: Language{Code: "und"}, Version: Version}
}

// Score is Compile followed by Profile.Score, for one-off use.
func Score(c Content, a Audience) (Result, error) {
	p, err := Compile(a)
	if err != nil {
		return Result{}, err
	}
	return p.Score(c), nil
}
