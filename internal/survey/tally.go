package survey

import "maps"

// Tally is the aggregate of a community's survey answers: counts only. No
// answer is kept as such, so nothing can be traced back to a member; the
// counts are all a suggestion needs.
//
// Every question is optional, so each has its own sample size: a share of
// the networks question is counted among the members who answered that
// question (Answered.Networks), not among all respondents.
type Tally struct {
	// Respondents is the number of submissions added (each answered at
	// least one question).
	Respondents int `json:"respondents"`
	// Answered counts, per question, the respondents who answered it.
	Answered Answered `json:"answered"`
	// Networks counts the respondents who use each network (canonical id).
	Networks map[string]int `json:"networks,omitempty"`
	// Generations counts the respondents of each generation.
	Generations map[string]int `json:"generations,omitempty"`
	// Interests counts the respondents who picked each interest term.
	Interests map[string]int `json:"interests,omitempty"`
}

// Answered counts the respondents who answered each question.
type Answered struct {
	Networks   int `json:"networks"`
	Generation int `json:"generation"`
	Interests  int `json:"interests"`
}

// Add returns t with one member's answers counted. The answers must have
// been validated (Answers.Validate): Add counts what it is given. Empty
// answers are not a respondent and leave the tally as it was. t is not
// modified, so a caller may keep the tally it read.
func Add(t Tally, a Answers) Tally {
	if a.Empty() {
		return t.clone()
	}
	out := t.clone()
	out.Respondents++
	if len(a.Networks) > 0 {
		out.Answered.Networks++
		out.Networks = bump(out.Networks, a.Networks...)
	}
	if a.Generation != "" {
		out.Answered.Generation++
		out.Generations = bump(out.Generations, a.Generation)
	}
	if len(a.Interests) > 0 {
		out.Answered.Interests++
		out.Interests = bump(out.Interests, a.Interests...)
	}
	return out
}

// Merge returns the sum of two tallies, for a store that keeps a
// community's counts in several shards or periods. Neither is modified.
func Merge(a, b Tally) Tally {
	out := a.clone()
	out.Respondents += b.Respondents
	out.Answered.Networks += b.Answered.Networks
	out.Answered.Generation += b.Answered.Generation
	out.Answered.Interests += b.Answered.Interests
	out.Networks = addAll(out.Networks, b.Networks)
	out.Generations = addAll(out.Generations, b.Generations)
	out.Interests = addAll(out.Interests, b.Interests)
	return out
}

func (t Tally) clone() Tally {
	t.Networks = maps.Clone(t.Networks)
	t.Generations = maps.Clone(t.Generations)
	t.Interests = maps.Clone(t.Interests)
	return t
}

func bump(m map[string]int, keys ...string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	for _, k := range keys {
		m[k]++
	}
	return m
}

func addAll(m, more map[string]int) map[string]int {
	if len(more) == 0 {
		return m
	}
	if m == nil {
		m = make(map[string]int, len(more))
	}
	for k, v := range more {
		m[k] += v
	}
	return m
}
