package followers

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// On target. A bio is on target when it mentions at least one of the
// community's interests, matched the way the scoring engine reads text
// (scoring.Profile.DraftTerms: Snowball stems, so "backups" mentions
// "backup"): an interest is mentioned when the bio uses every one of its
// content words ("cloud backup" in "backup of my cloud servers" too, for a
// bio is a list, not prose), or writes the phrase as one word, as in a
// hashtag (#cloudbackup).
//
// Not the relevance check's score: Profile.Score does not judge text of
// fewer than scoring.MinWords (5) words, and many bios are shorter
// ("Sysadmin. Dad. Backups."); and relevance expects a draft to cover the
// heaviest interests, while one interest is enough to make a follower
// one of the community's people. An interest whose words are all under
// three letters or stop words ("AI", "IT") cannot be matched this way:
// InterestReach.Unmatchable says so; spell it out ("artificial
// intelligence").

// Report is what a follower analysis keeps: aggregates only, never a bio or
// a per-follower row, so it can be stored and shown.
type Report struct {
	// Followers counts every follower read; Bios those with a bio, the
	// sample of OnTarget, Interests, Terms and Suggestions.
	Followers int `json:"followers"`
	Bios      int `json:"bios"`
	// OnTarget is the share of bios that mention an interest.
	OnTarget Proportion `json:"on_target"`
	// Interests lists each of the community's interests (in the audience's
	// order) with the bios that mention it.
	Interests []InterestReach `json:"interests"`
	// Terms are the most distinctive terms of the bios (at most
	// MaxCloudTerms, highest score first): the term cloud.
	Terms []Term `json:"terms"`
	// Suggestions are words the on-target followers use that the
	// interests miss (at most MaxSuggestions, most used first; see
	// "Suggestions" in terms.go). They are offered, never applied.
	Suggestions []Suggestion `json:"suggestions"`
	// Networks and Generations are the mix among the followers whose row
	// gives a network, an age bracket or a birth year.
	Networks    Mix `json:"networks"`
	Generations Mix `json:"generations"`
	// AsOf is the date ages were turned into birth years (YYYY-MM-DD).
	AsOf string `json:"as_of"`
	// Version is the scoring model whose text analysis read the bios.
	Version string `json:"version"`
}

// Proportion is a share of a sample with its 95% Wilson score interval
// (which stays inside 0..1 and is honest for small samples and shares
// near 0 or 1, unlike the normal approximation).
type Proportion struct {
	// Count is how many of the sample; a fraction for generations, where a
	// bracket such as "25-34" spans two.
	Count  float64 `json:"count"`
	Sample int     `json:"sample"`
	Share  float64 `json:"share"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	// Margin is the 95% margin of error: half the interval's width.
	Margin float64 `json:"margin"`
}

// InterestReach is one interest and the bios that mention it.
type InterestReach struct {
	Term string `json:"term"`
	Proportion
	// Unmatchable is true when no word of the interest can be matched in a
	// bio (see "On target").
	Unmatchable bool `json:"unmatchable,omitempty"`
}

// Term is one term of the cloud.
type Term struct {
	// Word is the term as followers write it most (lower case).
	Word string `json:"term"`
	// Followers is how many bios use it, Share their share of the bios.
	Followers int     `json:"followers"`
	Share     float64 `json:"share"`
	// Score is the term's distinctiveness against English (terms.go): the
	// lower end of the 95% interval of the log-odds ratio.
	Score float64 `json:"score"`
	// Weight places Score between the cloud's lowest (0) and highest (1):
	// the cloud's font size.
	Weight float64 `json:"weight"`
	// Interest is true when the term is a word of one of the community's
	// interests ("backup" for "cloud backup"), or one written as a hashtag
	// ("cloudbackup").
	Interest bool `json:"interest"`
}

// Suggestion is a word the on-target followers use that the community's
// interests miss.
type Suggestion struct {
	// Word is the word as followers write it most (lower case).
	Word string `json:"term"`
	// Followers is how many on-target bios use it, Share their share of the
	// on-target bios, OthersShare its share of the other bios.
	Followers   int     `json:"followers"`
	Share       float64 `json:"share"`
	OthersShare float64 `json:"others_share"`
}

// Mix is how a sample splits over ids (networks or generations).
type Mix struct {
	// Sample is how many followers gave a value.
	Sample int    `json:"sample"`
	Parts  []Part `json:"parts"`
}

// Part is one id of a mix with its proportion.
type Part struct {
	ID string `json:"id"`
	Proportion
}

// Shares returns the mix as shares by id, leaving out NetworkOther and
// GenerationOther: the shape of scoring.Audience.Generations, for a
// suggested profile.
func (m Mix) Shares() map[string]float64 {
	out := map[string]float64{}
	for _, p := range m.Parts {
		if p.ID != NetworkOther && p.Count > 0 {
			out[p.ID] = p.Share
		}
	}
	return out
}

// Analyse scores the followers' bios against the audience's interests and
// returns the aggregate report; now places age brackets in generations.
// An invalid audience gives scoring's *InputError; more than MaxFollowers
// followers or a bio over MaxBioBytes an error wrapping ErrTooManyFollowers
// or ErrBioTooLong; a cancelled ctx its error.
func Analyse(ctx context.Context, a scoring.Audience, followers []Follower, now time.Time) (Report, error) {
	an, err := NewAnalyser(a)
	if err != nil {
		return Report{}, err
	}
	for i, f := range followers {
		if i%cancelCheckEvery == 0 && ctx.Err() != nil {
			return Report{}, ctx.Err()
		}
		if err := an.Add(f); err != nil {
			return Report{}, fmt.Errorf("followers[%d]: %w", i, err)
		}
	}
	return an.Report(now), nil
}

// AnalyseReader parses an export (FormatCSV or FormatJSONL) and analyses it
// as it reads, holding one record at a time: the bios are dropped as soon
// as they are counted. A bad file gives a *ParseError and no report.
func AnalyseReader(ctx context.Context, a scoring.Audience, r io.Reader, format string, now time.Time) (Report, error) {
	an, err := NewAnalyser(a)
	if err != nil {
		return Report{}, err
	}
	fr, err := NewReader(r, format)
	if err != nil {
		return Report{}, err
	}
	for i := 0; ; i++ {
		if i%cancelCheckEvery == 0 && ctx.Err() != nil {
			return Report{}, ctx.Err()
		}
		f, err := fr.Next()
		if err == io.EOF {
			return an.Report(now), nil
		}
		if err != nil {
			return Report{}, err
		}
		if err := an.Add(f); err != nil {
			return Report{}, err
		}
	}
}

// cancelCheckEvery is how many followers pass between context checks.
const cancelCheckEvery = 256

// Analyser accumulates followers one at a time (Add) into counts only, then
// reports (Report). It is not safe for concurrent use.
type Analyser struct {
	p         *scoring.Profile
	lx        *lexicon
	interests []interestMatcher
	vocab     map[string]bool // stems, words and joined phrases of the interests

	followers, bios, onTarget int
	reach                     []int // bios mentioning each interest

	termBios map[string]int // stem → bios using it
	termOn   map[string]int // stem → on-target bios using it
	forms    map[form]int   // (stem, word) → bios writing the stem so
	uses     int            // Σ termBios
	usesOn   int            // Σ termOn

	networks      map[string]int
	networkSample int
	birthYears    map[int]int
	brackets      map[AgeBracket]int
	ageSample     int

	seen map[string]bool // scratch: one bio's stems and words
}

// form is one way a stem is written.
type form struct{ stem, word string }

// interestMatcher is one interest as bios are matched against it.
type interestMatcher struct {
	term   string
	words  []scoring.Term // content words: each must be used
	joined string         // the phrase written as one word, "" for one word
}

// NewAnalyser compiles the audience (scoring.Compile: an invalid one gives
// its *InputError) and prepares its interests for matching.
func NewAnalyser(a scoring.Audience) (*Analyser, error) {
	p, err := scoring.Compile(a)
	if err != nil {
		return nil, err
	}
	an := &Analyser{
		p: p, lx: loadLexicon(), vocab: map[string]bool{},
		termBios: map[string]int{}, termOn: map[string]int{}, forms: map[form]int{},
		networks: map[string]int{}, birthYears: map[int]int{}, brackets: map[AgeBracket]int{},
		seen: map[string]bool{},
	}
	for _, in := range a.Interests {
		term := strings.TrimSpace(in.Term)
		m := interestMatcher{term: term}
		all := p.DraftTerms(scoring.Content{Body: term})
		for _, t := range all {
			if !an.lx.isStop(t) {
				m.words = append(m.words, t)
			}
		}
		if len(m.words) == 0 {
			m.words = all // an interest of stop words only ("the who")
		}
		if strings.ContainsFunc(term, isSeparator) {
			m.joined = joinWords(term)
			an.vocab[m.joined] = true
		}
		for _, t := range m.words {
			an.vocab[t.Stem], an.vocab[t.Word] = true, true
		}
		an.interests = append(an.interests, m)
	}
	an.reach = make([]int, len(an.interests))
	return an, nil
}

func isSeparator(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// joinWords writes a phrase as one lower-case word, as hashtags do.
func joinWords(s string) string {
	return strings.Map(func(r rune) rune {
		if isSeparator(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// Add counts one follower. It fails for more than MaxFollowers followers,
// a bio over MaxBioBytes, or an invalid age bracket or birth year (Parse
// never returns those).
func (an *Analyser) Add(f Follower) error {
	switch {
	case an.followers >= MaxFollowers:
		return ErrTooManyFollowers
	case len(f.Bio) > MaxBioBytes:
		return ErrBioTooLong
	case f.Age.Known() && !f.Age.valid() || f.Age != (AgeBracket{}) && !f.Age.Known():
		return errors.New("followers: invalid age bracket " + strconv.Quote(f.Age.String()))
	case f.BirthYear != 0 && (f.BirthYear < MinBirthYear || f.BirthYear > MaxBirthYear):
		return errors.New("followers: birth year " + strconv.Itoa(f.BirthYear) + " outside " + strconv.Itoa(MinBirthYear) + "–" + strconv.Itoa(MaxBirthYear))
	}
	an.followers++
	if n := normalNetwork(f.Network); n != "" {
		an.networks[n]++
		an.networkSample++
	}
	switch {
	case f.BirthYear != 0:
		an.birthYears[f.BirthYear]++
		an.ageSample++
	case f.Age.Known():
		an.brackets[f.Age]++
		an.ageSample++
	}
	if strings.TrimSpace(f.Bio) != "" {
		an.addBio(f.Bio)
	}
	return nil
}

func (an *Analyser) addBio(bio string) {
	an.bios++
	terms := an.p.DraftTerms(scoring.Content{Body: bio})
	clear(an.seen)
	for _, t := range terms {
		an.seen[t.Stem], an.seen[t.Word] = true, true
	}
	on := false
	for i := range an.interests {
		if an.mentions(&an.interests[i]) {
			an.reach[i]++
			on = true
		}
	}
	if on {
		an.onTarget++
	}
	for _, t := range terms {
		if an.lx.isStop(t) {
			continue
		}
		an.termBios[t.Stem]++
		an.forms[form{t.Stem, t.Word}]++
		an.uses++
		if on {
			an.termOn[t.Stem]++
			an.usesOn++
		}
	}
}

// mentions reports whether the bio in an.seen mentions the interest.
func (an *Analyser) mentions(m *interestMatcher) bool {
	if m.joined != "" && an.seen[m.joined] {
		return true
	}
	if len(m.words) == 0 {
		return false
	}
	for _, w := range m.words {
		if !an.seen[w.Stem] && !an.seen[w.Word] {
			return false
		}
	}
	return true
}

// Report returns the aggregates so far. now is the date ages are taken at
// (age brackets become birth years); pass the upload's time.
func (an *Analyser) Report(now time.Time) Report {
	r := Report{
		Followers: an.followers,
		Bios:      an.bios,
		OnTarget:  proportion(float64(an.onTarget), an.bios),
		AsOf:      now.Format(time.DateOnly),
		Version:   scoring.Version,
	}
	for i, m := range an.interests {
		r.Interests = append(r.Interests, InterestReach{Term: m.term, Proportion: proportion(float64(an.reach[i]), an.bios), Unmatchable: len(m.words) == 0})
	}
	r.Terms = an.cloud()
	r.Suggestions = an.suggestions()
	r.Networks = an.networkMix()
	r.Generations = an.generationMix(now)
	return r
}

// cloud ranks the terms by distinctiveness and keeps the top MaxCloudTerms.
func (an *Analyser) cloud() []Term {
	type cand struct {
		stem      string
		followers int
		score     float64
	}
	var cands []cand
	for stem, y := range an.termBios {
		if y < MinTermFollowers {
			continue
		}
		if s := distinctiveness(y, an.uses, 0, 0, an.lx.backgroundShare(stem)); s > 0 {
			cands = append(cands, cand{stem, y, s})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.followers, a.followers), strings.Compare(a.stem, b.stem))
	})
	cands = cands[:min(len(cands), MaxCloudTerms)]
	out := make([]Term, 0, len(cands))
	stems := make([]string, len(cands))
	for i, c := range cands {
		stems[i] = c.stem
	}
	words := an.words(stems)
	var lo, hi float64
	if len(cands) > 0 {
		lo, hi = cands[len(cands)-1].score, cands[0].score
	}
	for _, c := range cands {
		w := words[c.stem]
		weight := 1.0
		if hi > lo {
			weight = (c.score - lo) / (hi - lo)
		}
		out = append(out, Term{
			Word:      w,
			Followers: c.followers,
			Share:     round4(float64(c.followers) / float64(an.bios)),
			Score:     round4(c.score),
			Weight:    round4(weight),
			Interest:  an.vocab[c.stem] || an.vocab[w],
		})
	}
	return out
}

// suggestions picks the words that set the on-target followers apart
// from the others and are not yet interests.
func (an *Analyser) suggestions() []Suggestion {
	type cand struct {
		stem  string
		on    int
		score float64
	}
	onBios, others := an.onTarget, an.bios-an.onTarget
	var cands []cand
	for stem, y := range an.termOn {
		if y < MinTermFollowers || float64(y) < MinSuggestionShare*float64(onBios) || an.vocab[stem] {
			continue
		}
		off, offUses := an.termBios[stem]-y, an.uses-an.usesOn
		if s := distinctiveness(y, an.usesOn, off, offUses, an.lx.backgroundShare(stem)); s > 0 {
			cands = append(cands, cand{stem, y, s})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.on, a.on), cmp.Compare(b.score, a.score), strings.Compare(a.stem, b.stem))
	})
	out := []Suggestion{}
	stems := make([]string, len(cands))
	for i, c := range cands {
		stems[i] = c.stem
	}
	words := an.words(stems)
	for _, c := range cands {
		if len(out) == MaxSuggestions {
			break
		}
		w := words[c.stem]
		if an.vocab[w] {
			continue
		}
		s := Suggestion{Word: w, Followers: c.on, Share: round4(float64(c.on) / float64(onBios))}
		if others > 0 {
			s.OthersShare = round4(float64(an.termBios[c.stem]-c.on) / float64(others))
		}
		out = append(out, s)
	}
	return out
}

// words returns the word each stem is written as most in the bios (then
// the shortest, then the first in order).
func (an *Analyser) words(stems []string) map[string]string {
	best := make(map[string]form, len(stems))
	bestN := make(map[string]int, len(stems))
	for _, st := range stems {
		best[st] = form{}
	}
	for f, n := range an.forms {
		b, ok := best[f.stem]
		if !ok {
			continue
		}
		if b.word == "" || n > bestN[f.stem] || n == bestN[f.stem] && (len(f.word) < len(b.word) || len(f.word) == len(b.word) && f.word < b.word) {
			best[f.stem], bestN[f.stem] = f, n
		}
	}
	out := make(map[string]string, len(best))
	for st, f := range best {
		out[st] = f.word
	}
	return out
}

func (an *Analyser) networkMix() Mix {
	m := Mix{Sample: an.networkSample, Parts: []Part{}}
	for id, n := range an.networks {
		m.Parts = append(m.Parts, Part{ID: id, Proportion: proportion(float64(n), an.networkSample)})
	}
	slices.SortFunc(m.Parts, func(a, b Part) int {
		// Most followers first, NetworkOther last.
		return cmp.Or(cmp.Compare(boolInt(a.ID == NetworkOther), boolInt(b.ID == NetworkOther)), cmp.Compare(b.Count, a.Count), strings.Compare(a.ID, b.ID))
	})
	return m
}

func (an *Analyser) generationMix(now time.Time) Mix {
	var w [len(generationIDs)]float64
	for _, y := range sortedKeys(an.birthYears, cmp.Compare[int]) {
		w[generationIndex(y)] += float64(an.birthYears[y])
	}
	for _, b := range sortedKeys(an.brackets, compareBrackets) {
		gw := b.generationWeights(now)
		for i := range w {
			w[i] += float64(an.brackets[b]) * gw[i]
		}
	}
	m := Mix{Sample: an.ageSample, Parts: []Part{}}
	for i, id := range generationIDs {
		if id == GenerationOther && w[i] == 0 {
			continue
		}
		m.Parts = append(m.Parts, Part{ID: id, Proportion: proportion(w[i], an.ageSample)})
	}
	return m
}

func compareBrackets(a, b AgeBracket) int {
	return cmp.Or(cmp.Compare(a.Min, b.Min), cmp.Compare(a.Max, b.Max), cmp.Compare(boolInt(a.Open), boolInt(b.Open)))
}

func sortedKeys[K comparable, V any](m map[K]V, c func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, c)
	return keys
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// proportion is count out of n with its 95% Wilson score interval.
func proportion(count float64, n int) Proportion {
	p := Proportion{Count: round4(count), Sample: n}
	if n == 0 {
		return p
	}
	low, high := wilson(count, float64(n))
	p.Share, p.Low, p.High, p.Margin = round4(count/float64(n)), round4(low), round4(high), round4((high-low)/2)
	return p
}

// wilson is the 95% Wilson score interval of a proportion k/n.
func wilson(k, n float64) (low, high float64) {
	p := k / n
	z2 := Z95 * Z95
	den := 1 + z2/n
	centre := (p + z2/(2*n)) / den
	half := Z95 * math.Sqrt(p*(1-p)/n+z2/(4*n*n)) / den
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
