package followers

import (
	_ "embed"
	"math"
	"strings"
	"sync"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Distinctive terms. A term is a word stem of the bios, as the scoring
// engine reads text (scoring.Profile.DraftTerms: Snowball stems, words of
// three letters or more, no numbers), less the stop words of
// data/stopwords.txt. It is counted once per bio that uses it.
//
// A term's distinctiveness is a log-odds ratio against English at large
// (Monroe, Colaresi & Quinn 2008, "Fightin' words", with an informative
// Dirichlet prior): with y bios using the term, n term uses in all bios,
// and π the term's share of English (data/english.txt, by Zipf's law),
//
//	a = α0·π + ½
//	δ = logit((y + a) / (n + α0)) − logit(π)
//	σ² = 1/(y + a) + 1/(n + α0 − y − a)
//	score = δ − Z95·σ
//
// that is the lower end of the 95% interval of how much more often
// followers use the term than English does: a word many followers use and
// English rarely does scores high ("kubernetes"); a common word ("life"),
// or a rare one only a handful of bios use, scores low.
const (
	// MinTermFollowers is the fewest bios a term must appear in to be
	// reported at all: a word only one or two followers use may be a
	// name or an employer, and the report is aggregate only.
	MinTermFollowers = 3
	// MaxCloudTerms is how many terms the cloud shows, highest score first.
	MaxCloudTerms = 40
	// BackgroundPrior (α0) is the weight of English in the estimate: as if
	// the bios came with that many more term uses drawn from English. It
	// keeps a term a few bios use from looking distinctive.
	BackgroundPrior = 100.0
	// BackgroundRankOffset, BackgroundVocabulary: a listed word of rank r
	// (1 = commonest) has share 1 / ((r + BackgroundRankOffset) · H), H
	// summing over BackgroundVocabulary ranks (Zipf–Mandelbrot; the offset
	// stands for the function words, excluded, that outrank every content
	// word).
	BackgroundRankOffset = 100
	BackgroundVocabulary = 100_000
	// BackgroundUnlistedRank is the rank a word missing from the list is
	// taken to have: rarer than every listed one, as common as English's
	// 5,000th content word (a generous guess, so that a rare word needs
	// many bios to stand out).
	BackgroundUnlistedRank = 5_000
	// HaldaneCorrection is added to every count (Haldane–Anscombe), so
	// that a word one group never uses has a finite log-odds and variance.
	HaldaneCorrection = 0.5
	// Z95 is the normal quantile of a two-sided 95% interval.
	Z95 = 1.959963984540054
)

// Suggestions: words that set the on-target followers (the right
// followers) apart from the others and that no interest has yet. A word
// is suggested when at least MinTermFollowers and MinSuggestionShare of
// the on-target bios use it and the lower end of the 95% interval of its
// log-odds ratio, on-target bios against the other bios (same prior), is
// above 0. With no other bios the comparison is against English alone.
// A hobby many followers share ("dogs") is in the cloud but not
// suggested: it would widen the community, not sharpen it.
const (
	MaxSuggestions     = 10
	MinSuggestionShare = 0.05
)

//go:embed data/stopwords.txt
var stopwordsTxt string

//go:embed data/english.txt
var englishTxt string

// lexicon is the followers' word lists, parsed once per process.
type lexicon struct {
	stop map[string]bool
	// rank holds each background word's rank by stem (the commonest word
	// of a stem gives it its rank).
	rank map[string]int
	norm float64 // H: Σ 1/(r + BackgroundRankOffset) over the vocabulary
}

var loadLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{stop: map[string]bool{}, rank: map[string]int{}}
	for _, w := range listWords(stopwordsTxt) {
		lx.stop[w] = true
	}
	// Stems come from the scoring engine, so that a bio's "loves" meets the
	// list's "love". Any valid audience does: only the tokeniser and the
	// stemmer are used.
	p, err := scoring.Compile(scoring.Audience{Interests: []scoring.Interest{{Term: "background"}}})
	if err != nil {
		panic("followers: " + err.Error())
	}
	for i, w := range listWords(englishTxt) {
		for _, t := range p.DraftTerms(scoring.Content{Body: w}) {
			if _, ok := lx.rank[t.Stem]; !ok {
				lx.rank[t.Stem] = i + 1
			}
		}
	}
	for r := 1; r <= BackgroundVocabulary; r++ {
		lx.norm += 1 / float64(r+BackgroundRankOffset)
	}
	return lx
})

// listWords returns the words of a word list: one a line, without '#'
// comments, blank lines and '[section]' headers.
func listWords(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' || line[0] == '[' {
			continue
		}
		out = append(out, line)
	}
	return out
}

// isStop reports whether a bio term is a stop word, by its word or stem.
func (lx *lexicon) isStop(t scoring.Term) bool { return lx.stop[t.Word] || lx.stop[t.Stem] }

// backgroundShare is a stem's share of English content words, π.
func (lx *lexicon) backgroundShare(stem string) float64 {
	r, ok := lx.rank[stem]
	if !ok {
		r = BackgroundUnlistedRank
	}
	return 1 / (float64(r+BackgroundRankOffset) * lx.norm)
}

// distinctiveness is the lower end of the 95% interval of the log-odds
// ratio of a term used y times among n term uses against y2 among n2 (see
// the comment at the top of the file), both smoothed towards the term's
// share of English pi with weight BackgroundPrior. With n2 = 0 the second
// group is English itself.
func distinctiveness(y, n, y2, n2 int, pi float64) float64 {
	a := BackgroundPrior*pi + HaldaneCorrection
	yy, nn := float64(y)+a, float64(n)+BackgroundPrior
	v := 1/yy + 1/(nn-yy)
	delta := logit(yy / nn)
	if n2 == 0 {
		delta -= logit(pi)
	} else {
		yy2, nn2 := float64(y2)+a, float64(n2)+BackgroundPrior
		delta -= logit(yy2 / nn2)
		v += 1/yy2 + 1/(nn2-yy2)
	}
	return delta - Z95*math.Sqrt(v)
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }
