// Package survey is the pure domain of the member survey ("listen first",
// issue 11 part 1): what a community asks its members (Config), what one
// member answers (Answers, checked against the questions asked), the
// aggregate counts kept per community (Tally: no free text, no personal
// data), and the profile those counts suggest (Suggest): networks,
// generation mix and interest weights, each with its sample size and a 95%
// margin of error, next to the current values. Apply writes a suggestion
// into an audience that scoring.Compile accepts.
//
// It does no I/O. site/survey.js asks the questions and posts the answers;
// the HTTP API validates them with Answers.Validate, the store adds them to
// the community's Tally (Add, or Merge for sharded counters), and the
// suggestion is served next to the profile; applying it is one PATCH of
// the community with its version check. docs/SURVEY.md describes the whole
// path and the maths.
package survey

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Limits of a survey and of one submission. Each is enforced by
// Config.Validate or Answers.Validate with a domain.Error naming the field.
const (
	// MaxInterestPicks is the most interests one member may pick. "Which
	// of these matter most to you" is a ranking question: three picks keep
	// it one (a member ticking everything would say nothing), and it is the
	// limit the widget enforces (survey.js MAX_PICKS).
	MaxInterestPicks = 3
	// MaxOfferedInterests is the most interests a survey may offer: a
	// longer list is a chore on a phone and spreads the picks so thin that
	// no share is measured well.
	MaxOfferedInterests = 12
	// MaxTitleLen bounds a survey's title, in characters (runes).
	MaxTitleLen = 120
	// MaxListLen bounds every list of a config or a submission before
	// duplicates are removed, so a malformed or hostile body costs little.
	// There are fewer known networks than this.
	MaxListLen = 32
	// MaxDefaultNetworks is how many networks DefaultConfig offers: the
	// community's own, then the widely used ones of DefaultNetworks.
	MaxDefaultNetworks = 8
)

// Generations a member may answer, the keys of scoring.Audience.Generations.
// The widget asks for an age bracket and sends the generation it maps to
// (Brackets); a member who prefers not to say sends none.
func Generations() []string {
	return []string{scoring.Boomers, scoring.GenX, scoring.Millennials, scoring.GenZ}
}

// Bracket is one answer to the age question and the generation it counts as.
type Bracket struct {
	Label      string `json:"label"`
	Generation string `json:"generation"`
}

// Brackets returns the age brackets site/survey.js offers, youngest first,
// and the generation each is counted as. Ages are easier to answer than
// birth years and need no date; the mapping is approximate at the edges
// (in 2026 Gen Z, born 1997–2012, is up to 29, millennials 30–45, Gen X
// 46–61, boomers 62–80), which is well inside the margin of a survey's
// share and keeps the question to four round brackets.
func Brackets() []Bracket {
	return []Bracket{
		{"under 25", scoring.GenZ},
		{"25–44", scoring.Millennials},
		{"45–60", scoring.GenX},
		{"over 60", scoring.Boomers},
	}
}

// DefaultNetworks returns the widely used networks DefaultConfig offers
// after the community's own, most used first.
func DefaultNetworks() []string {
	return []string{"linkedin", "facebook", "instagram", "youtube", "twitter", "tiktok", "reddit", "email"}
}

// Config is what a community asks its members: the JSON that
// GET /v1/communities/{id}/survey serves to site/survey.js.
type Config struct {
	// Title heads the survey (the widget has a default).
	Title     string    `json:"title,omitempty"`
	Questions Questions `json:"questions"`
}

// Questions are the three optional questions; an empty list or false
// leaves a question out.
type Questions struct {
	// Networks lists the network ids offered for "which of these networks
	// do you use" (canonical ids, see scoring.CanonicalNetwork).
	Networks []string `json:"networks"`
	// Generations asks for the member's age bracket (Brackets).
	Generations bool `json:"generations"`
	// Interests lists the community's interest terms offered for "which
	// of these matter most to you" (at most MaxInterestPicks picks).
	Interests []string `json:"interests"`
}

// DefaultConfig is the survey of a community that configured none: its
// networks, most members first, followed by DefaultNetworks up to
// MaxDefaultNetworks (so members can name a network the profile misses),
// the age question, and its interests, heaviest first, up to
// MaxOfferedInterests.
func DefaultConfig(a scoring.Audience) Config {
	c := Config{Questions: Questions{Networks: []string{}, Generations: true, Interests: []string{}}}
	type member struct {
		id string
		n  int
	}
	var own []member
	seen := map[string]bool{}
	for k, n := range a.Networks {
		if id, ok := scoring.CanonicalNetwork(k); ok && !seen[id] {
			seen[id] = true
			own = append(own, member{id, n})
		}
	}
	slices.SortFunc(own, func(x, y member) int { return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.id, y.id)) })
	for _, m := range own {
		c.Questions.Networks = append(c.Questions.Networks, m.id)
	}
	for _, id := range DefaultNetworks() {
		if len(c.Questions.Networks) >= MaxDefaultNetworks {
			break
		}
		if !seen[id] {
			seen[id] = true
			c.Questions.Networks = append(c.Questions.Networks, id)
		}
	}
	type weighted struct {
		term string
		w    float64
		i    int
	}
	var ins []weighted
	terms := map[string]bool{}
	for i, in := range a.Interests {
		t := strings.TrimSpace(in.Term)
		if t == "" || terms[fold(t)] {
			continue
		}
		terms[fold(t)] = true
		ins = append(ins, weighted{t, weightOf(in), i})
	}
	slices.SortFunc(ins, func(x, y weighted) int { return cmp.Or(cmp.Compare(y.w, x.w), cmp.Compare(x.i, y.i)) })
	for i := 0; i < len(ins) && i < MaxOfferedInterests; i++ {
		c.Questions.Interests = append(c.Questions.Interests, ins[i].term)
	}
	return c
}

// Validate checks a survey configuration against the community's audience
// and returns it normalized: the title trimmed, networks canonical and
// without duplicates, and interests spelled as in the audience. Interests
// must be the community's own (a member's pick then weighs an interest the
// profile has), at most MaxOfferedInterests, and at least one question
// must be asked. Errors are domain.Error values of code Invalid naming the
// field ("questions.interests[2]").
func (c Config) Validate(a scoring.Audience) (Config, error) {
	out := Config{Title: strings.TrimSpace(c.Title), Questions: Questions{Networks: []string{},
		Generations: c.Questions.Generations, Interests: []string{}}}
	switch {
	case !utf8.ValidString(out.Title):
		return Config{}, invalid("title", "must be valid UTF-8")
	case utf8.RuneCountInString(out.Title) > MaxTitleLen:
		return Config{}, invalid("title", "longer than "+strconv.Itoa(MaxTitleLen)+" characters")
	}
	if len(c.Questions.Networks) > MaxListLen {
		return Config{}, invalid("questions.networks", "more than "+strconv.Itoa(MaxListLen)+" entries")
	}
	for i, n := range c.Questions.Networks {
		id, ok := scoring.CanonicalNetwork(n)
		if !ok {
			return Config{}, invalid(index("questions.networks", i), unknownNetwork(n))
		}
		if !contains(out.Questions.Networks, id) {
			out.Questions.Networks = append(out.Questions.Networks, id)
		}
	}
	if len(c.Questions.Interests) > MaxListLen {
		return Config{}, invalid("questions.interests", "more than "+strconv.Itoa(MaxListLen)+" entries")
	}
	own := map[string]string{} // folded term -> the audience's spelling
	for _, in := range a.Interests {
		if t := strings.TrimSpace(in.Term); t != "" {
			if _, dup := own[fold(t)]; !dup {
				own[fold(t)] = t
			}
		}
	}
	for i, t := range c.Questions.Interests {
		term, ok := own[fold(t)]
		if !ok {
			return Config{}, invalid(index("questions.interests", i), quote(t)+" is not one of the community's interests")
		}
		if !contains(out.Questions.Interests, term) {
			out.Questions.Interests = append(out.Questions.Interests, term)
		}
	}
	if len(out.Questions.Interests) > MaxOfferedInterests {
		return Config{}, invalid("questions.interests", "offers more than "+strconv.Itoa(MaxOfferedInterests)+" interests")
	}
	if len(out.Questions.Networks) == 0 && !out.Questions.Generations && len(out.Questions.Interests) == 0 {
		return Config{}, invalid("questions", "ask at least one question")
	}
	return out, nil
}

// For returns a stored configuration as it applies to the community's
// audience now: interests the audience no longer has are dropped (and the
// rest spelled as the audience spells them), so a member is never offered
// a term the profile cannot weigh. A configuration that then asks nothing
// gives DefaultConfig(a). The API serves and checks answers against For,
// so a community edited after its survey was configured needs no re-save.
func (c Config) For(a scoring.Audience) Config {
	own := map[string]bool{}
	for _, in := range a.Interests {
		own[fold(in.Term)] = true
	}
	kept := Config{Title: c.Title, Questions: Questions{Networks: c.Questions.Networks, Generations: c.Questions.Generations}}
	for _, t := range c.Questions.Interests {
		if own[fold(t)] {
			kept.Questions.Interests = append(kept.Questions.Interests, t)
		}
	}
	out, err := kept.Validate(a)
	if err != nil {
		return DefaultConfig(a)
	}
	return out
}

// Submission is the body of POST /v1/survey, as site/survey.js sends it.
type Submission struct {
	Community string  `json:"community"`
	Answers   Answers `json:"answers"`
}

// Answers is one member's answers. Every question is optional, but a
// submission answers at least one. It holds no free text and nothing that
// identifies the member: network ids, a generation and interest terms of
// the community, all from closed lists.
type Answers struct {
	// Networks the member uses (network ids; aliases such as "x" accepted).
	Networks []string `json:"networks,omitempty"`
	// Generation is the member's generation (from the age bracket), or "".
	Generation string `json:"generation,omitempty"`
	// Interests the member picked, at most MaxInterestPicks, each one of
	// the survey's configured interests.
	Interests []string `json:"interests,omitempty"`
}

// Empty reports whether no question is answered.
func (a Answers) Empty() bool {
	return len(a.Networks) == 0 && a.Generation == "" && len(a.Interests) == 0
}

// Validate checks a member's answers against the questions the survey asks
// and returns them normalized: networks canonical (scoring.CanonicalNetwork,
// so "x" is twitter), the generation lowercased, interests spelled as
// configured, duplicates removed. Networks must be known and among those
// offered, the generation one of Generations, interests among the
// configured ones and at most MaxInterestPicks; a question the survey does
// not ask cannot be answered. Errors are domain.Error values of code
// Invalid whose Field names the offender in the spelling of the
// Submission body ("answers.interests[3]").
func (a Answers) Validate(q Questions) (Answers, error) {
	var out Answers
	if len(a.Networks) > MaxListLen {
		return Answers{}, invalid("answers.networks", "more than "+strconv.Itoa(MaxListLen)+" entries")
	}
	if len(a.Networks) > 0 && len(q.Networks) == 0 {
		return Answers{}, invalid("answers.networks", "this survey does not ask about networks")
	}
	offered := map[string]bool{}
	for _, n := range q.Networks {
		if id, ok := scoring.CanonicalNetwork(n); ok {
			offered[id] = true
		}
	}
	for i, n := range a.Networks {
		id, ok := scoring.CanonicalNetwork(n)
		switch {
		case !ok:
			return Answers{}, invalid(index("answers.networks", i), unknownNetwork(n))
		case !offered[id]:
			return Answers{}, invalid(index("answers.networks", i), quote(n)+" is not one of the networks this survey asks about")
		}
		if !contains(out.Networks, id) {
			out.Networks = append(out.Networks, id)
		}
	}

	if g := strings.ToLower(strings.TrimSpace(a.Generation)); g != "" {
		switch {
		case !q.Generations:
			return Answers{}, invalid("answers.generation", "this survey does not ask for an age bracket")
		case !contains(Generations(), g):
			return Answers{}, invalid("answers.generation", "must be one of "+strings.Join(Generations(), ", "))
		}
		out.Generation = g
	}

	if len(a.Interests) > MaxListLen {
		return Answers{}, invalid("answers.interests", "more than "+strconv.Itoa(MaxListLen)+" entries")
	}
	if len(a.Interests) > 0 && len(q.Interests) == 0 {
		return Answers{}, invalid("answers.interests", "this survey does not ask about interests")
	}
	configured := map[string]string{}
	for _, t := range q.Interests {
		if _, dup := configured[fold(t)]; !dup {
			configured[fold(t)] = strings.TrimSpace(t)
		}
	}
	for i, t := range a.Interests {
		term, ok := configured[fold(t)]
		if !ok {
			return Answers{}, invalid(index("answers.interests", i), quote(t)+" is not one of this survey's interests")
		}
		if !contains(out.Interests, term) {
			out.Interests = append(out.Interests, term)
		}
	}
	if len(out.Interests) > MaxInterestPicks {
		return Answers{}, invalid("answers.interests", "pick at most "+strconv.Itoa(MaxInterestPicks)+" interests, got "+strconv.Itoa(len(out.Interests)))
	}

	if out.Empty() {
		return Answers{}, invalid("answers", "answer at least one question")
	}
	return out, nil
}

func invalid(field, msg string) error {
	return &domain.Error{Code: domain.Invalid, Field: field, Message: msg}
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

func unknownNetwork(n string) string {
	return "unknown network " + quote(n) + " (use " + strings.Join(scoring.NetworkIDs(), ", ") + ")"
}

// quote echoes a caller's value in a message, cut to a readable length.
func quote(s string) string {
	const max = 40
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strconv.Quote(s)
}

// fold is the form in which interest terms are compared: trimmed, case
// ignored, inner spaces collapsed.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// weightOf is an interest's effective weight (0 means scoring.DefaultWeight).
func weightOf(in scoring.Interest) float64 {
	if in.Weight == 0 || math.IsNaN(in.Weight) {
		return scoring.DefaultWeight
	}
	return in.Weight
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
