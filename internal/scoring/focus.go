package scoring

import "math"

// Focus: how much of the draft is about the community's interests. Its
// density is the share of content words (not function words, not numbers)
// that belong to the community's vocabulary (every word of every interest,
// stemmed); FocusFullDensity of them scores full marks. Paragraphs of at
// least FocusMinParagraphWords words that contain none of that vocabulary
// are off-topic. The score blends the density (FocusDensityWeight) and the
// share of on-topic paragraphs, so a focused 200-word draft beats a
// rambling 2,000-word one on the same interests.
//
// A ramble is a deal-breaker: the interests come up only in passing (at
// most RambleMentionsPer100 mentions per 100 words, title included) and either at least
// RambleMinParagraphs paragraphs are judged and more of them stray than
// stay, or a draft of at least RambleMinContentWords content words has
// under RambleDensity of the community's vocabulary, or a draft of at least
// RambleOnceMinWords words asks the reader to act, names the interests
// once, in the body, and uses no other word of their vocabulary
// (onceInPassing). (A focused
// draft may use words the interests do not list: it still covers them.)
const (
	FocusFullDensity       = 0.08
	FocusMinParagraphWords = 20
	FocusDensityWeight     = 0.6
	RambleMinParagraphs    = 2
	RambleMinContentWords  = 60
	RambleDensity          = 0.02
	RambleMentionsPer100   = 1.0
	RambleOnceMinWords     = 50
)

// passingMentions reports whether the community's interests come up only
// in passing: a handful of mentions in a long text.
func (a *analysis) passingMentions() bool {
	mentions := 0
	for _, h := range a.hits {
		mentions += h.body + h.title
	}
	words := a.body.words + a.title.words
	return words > 0 && float64(mentions)*100/float64(words) <= RambleMentionsPer100
}

// onceInPassing reports an ad for something else: a draft of at least
// RambleOnceMinWords words that asks the reader to act (a call to action,
// to buy or to sign up) and names the community's interests once, in the
// body only, using none of their other words ("you might even meet someone
// who loves cheese as much as you" in a dating-app ad to a cheese club). A
// notice that asks nothing (the allotment association's new water meters,
// watering named once) is not one, nor a draft that uses more of the
// community's vocabulary ("sleep" in an app update for a baby-sleep
// community).
func (a *analysis) onceInPassing() bool {
	mentions, title, named := 0, 0, -1
	for i, h := range a.hits {
		mentions += h.body + h.title
		title += h.title
		if h.body > 0 {
			named = i
		}
	}
	asks := a.lexCount[catCTA]+a.lexCount[catBuy]+a.lexCount[catSignup] > 0
	if !asks || mentions != 1 || title != 0 || a.body.words+a.title.words < RambleOnceMinWords || a.contentWords == 0 {
		return false
	}
	own := len(a.p.interests[named].contentLowers)
	if a.modelled {
		own = len(a.ix.content[named])
	}
	return a.vocabHits <= own
}

func (a *analysis) focus() checkResult {
	f := &a.body
	if a.contentWords == 0 {
		return checkResult{message: "No content words to judge yet.", suggestion: "Write about " + listOr(a.interestTerms(a.heaviest(2), 2)) + "."}
	}
	density := float64(a.vocabHits) / float64(a.contentWords)
	dScore := 100 * math.Min(1, density/FocusFullDensity)

	hits := make([]int, len(f.paras))
	for i := range f.toks {
		t := &f.toks[i]
		if t.kind.wordLike() && a.words[t.word].vocab {
			hits[f.sents[t.sent].para]++
		}
	}
	judged, on := 0, 0
	var off []Span
	for i := range f.paras {
		p := &f.paras[i]
		if p.words < FocusMinParagraphWords {
			continue
		}
		judged++
		if hits[i] > 0 {
			on++
		} else if len(off) < MaxSpansPerCheck {
			off = append(off, f.span(p.start, p.end))
		}
	}
	pScore := dScore
	if judged > 0 {
		pScore = 100 * float64(on) / float64(judged)
	}
	r := checkResult{score: FocusDensityWeight*dScore + (1-FocusDensityWeight)*pScore, spans: off}
	switch {
	case judged >= RambleMinParagraphs && judged-on > on && a.passingMentions():
		r.caps = append(r.caps, finding{CheckFocus, "A ramble: " + itoa(judged-on) + " of " + plural(judged, "paragraph", "paragraphs") + " stray from this community's interests."})
	case a.onceInPassing():
		r.caps = append(r.caps, finding{CheckFocus, "Off topic: an ad for something else that names this community's interests once, in passing, in " + plural(a.body.words+a.title.words, "word", "words") + "."})
	case a.contentWords >= RambleMinContentWords && density < RambleDensity && a.passingMentions():
		r.caps = append(r.caps, finding{CheckFocus, "A ramble: only " + percent(density) + " of the words are about this community's interests."})
	}
	r.message = percent(density) + " of the content words are this community's vocabulary"
	switch {
	case judged > on:
		r.message += "; " + itoa(judged-on) + " of " + plural(judged, "paragraph", "paragraphs") + " stray from its interests"
	case judged > 0:
		r.message += "; every paragraph stays on its interests"
	}
	r.message += "."
	switch {
	case len(off) > 0:
		r.suggestion = "Cut the off-topic " + pluralWord(len(off), "paragraph", "paragraphs") + " or tie " + pluralWord(len(off), "it", "them") + " back to " + listOr(a.interestTerms(a.topInterests(2), 2)) + "."
	case dScore < 100:
		r.suggestion = "Narrow the draft: say more about " + listOr(a.interestTerms(a.topInterests(2), 2)) + " and less about everything else."
	default:
		r.suggestion = "Focused: keep every paragraph on the community's interests."
	}
	return r
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// heaviest returns the indexes of the n heaviest interests.
func (a *analysis) heaviest(n int) []int {
	idx := make([]int, len(a.p.interests))
	for i := range idx {
		idx[i] = i
	}
	sortStableBy(idx, func(i int) float64 { return -a.p.interests[i].weight })
	return idx[:min(n, len(idx))]
}

// topInterests returns the n interests the draft mentions most, or the
// heaviest ones when it mentions none.
func (a *analysis) topInterests(n int) []int {
	var idx []int
	for i, h := range a.hits {
		if h.body+h.title > 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return a.heaviest(n)
	}
	sortStableBy(idx, func(i int) float64 { return -float64(a.hits[i].body + a.hits[i].title) })
	return idx[:min(n, len(idx))]
}
