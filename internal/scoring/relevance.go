package scoring

import "math"

// Relevance: how well the draft covers the community's weighted interests.
// Interests match on Snowball stems word by word ("cooking classes" matches
// "cooking class"), phrases only as a whole and within one sentence.
//
// The draft is expected to cover more interests the longer it is: one
// interest, plus one per RelevanceWordsPerInterest words, up to
// RelevanceMaxCoverage of the interests, the heaviest first. An interest
// counts fully once it is mentioned once per RelevanceWordsPerMention words
// (a title mention counts RelevanceTitleBoost times). The score is the
// covered weight over the expected weight, less a stuffing penalty.
const (
	RelevanceWordsPerInterest = 150
	RelevanceMaxCoverage      = 0.6
	RelevanceWordsPerMention  = 500
	RelevanceTitleBoost       = 2
	// RelevancePartialCredit is what a phrase interest counts for when the
	// draft never uses the phrase but uses some of its words ("baby" for
	// "baby sleep"), times the share of its content words used.
	RelevancePartialCredit = 0.5
	// StuffingDensity is the share of the draft's words one interest may
	// take up (counted over at least StuffingMinWords words: four mentions
	// in a 40-word post are natural, not stuffing). Yoast's keyphrase ceiling is 3% of exact forms; matching on
	// stems counts every inflection ("restore", "restored", "restoring"),
	// so the ceiling here is higher. Beyond it,
	// and from StuffingMinCount mentions, the score loses
	// StuffingPenaltyPerDensity points per multiple of the density, up to
	// StuffingMaxPenalty.
	StuffingDensity  = 0.05
	StuffingMinCount = 4
	StuffingMinWords = 80
	// StuffingCapDensity is the density from which stuffing is a
	// deal-breaker (twice the ceiling: far beyond natural use; a how-to on
	// restores says "restore" often, a keyword line says nothing else).
	StuffingCapDensity        = 0.10
	StuffingPenaltyPerDensity = 50
	StuffingMaxPenalty        = 60
)

// relevanceResult is the relevance check, computed once per draft (the
// focus check reads it too).
func (a *analysis) relevanceResult() *checkResult {
	if a.rel == nil {
		r := a.relevance()
		a.rel = &r
	}
	return a.rel
}

func (a *analysis) relevance() checkResult {
	p := a.p
	words := float64(a.body.words)
	n := len(p.interests)
	k := 1 + words/RelevanceWordsPerInterest
	k = math.Min(k, math.Max(1, RelevanceMaxCoverage*float64(n)))
	target := 0.0
	for i, w := range p.weightsDesc {
		if float64(i)+1 <= k {
			target += w
		} else {
			target += w * math.Max(0, k-float64(i))
			break
		}
	}
	need := math.Max(1, words/RelevanceWordsPerMention)
	covered := 0.0
	var found, missing []int
	for i, in := range p.interests {
		h := a.hits[i]
		c := float64(h.body + RelevanceTitleBoost*h.title)
		if c > 0 {
			found = append(found, i)
		} else {
			missing = append(missing, i)
			covered += in.weight * RelevancePartialCredit * a.partialCover(i)
		}
		covered += in.weight * math.Min(1, c/need)
	}
	r := checkResult{score: 100 * math.Min(1, covered/target)}
	// Most mentioned first; missing ones heaviest first.
	insertionSort(found, func(x, y int) bool {
		return a.hits[x].body+a.hits[x].title > a.hits[y].body+a.hits[y].title
	})
	insertionSort(missing, func(x, y int) bool { return p.interests[x].weight > p.interests[y].weight })

	// Stuffing: the interest with the highest density over the ceiling.
	stuffed, worst := -1, 0.0
	for i, in := range p.interests {
		h := a.hits[i]
		if h.own < StuffingMinCount || words == 0 {
			continue
		}
		d := float64(h.own*len(in.lowers)) / math.Max(words, StuffingMinWords)
		if d > StuffingDensity && d > worst {
			stuffed, worst = i, d
		}
	}

	if r.score < OffTopicRelevance {
		r.caps = append(r.caps, finding{CheckRelevance, "Off topic: little of what this community gathers for (" + listOr(a.interestTerms(a.heaviest(3), 3)) + ")."})
	}
	if len(found) == 0 {
		r.message = "None of this community's interests appear in the draft (" + listOr(a.interestTerms(missing, 3)) + ")."
		r.suggestion = "Build the draft around " + listOr(a.interestTerms(missing, 2)) + ": that is what this community gathers for."
		return r
	}
	var parts []string
	for _, i := range found[:min(len(found), 4)] {
		parts = append(parts, a.p.interests[i].term+" ("+itoa(a.hits[i].body+a.hits[i].title)+"×)")
	}
	r.message = "Covers " + itoa(len(found)) + " of " + itoa(n) + " interests: " + listAnd(parts) + "."
	if len(missing) > 0 {
		r.message += " Missing: " + listAnd(a.interestTerms(missing, 3)) + "."
	}
	switch {
	case stuffed >= 0:
		pen := math.Min(StuffingMaxPenalty, (worst/StuffingDensity-1)*StuffingPenaltyPerDensity)
		r.score -= pen
		term := p.interests[stuffed].term
		r.message += " Keyword stuffing: " + quote(term) + " makes up " + FormatDecimal(worst*100) + "% of the words (over " + FormatDecimal(StuffingDensity*100) + "%)."
		r.suggestion = "Cut repeats of " + quote(term) + " or vary the wording: readers notice a keyword said too often."
		r.spans = a.hits[stuffed].spans
		if worst >= StuffingCapDensity {
			r.caps = append(r.caps, finding{CheckRelevance, "Keyword stuffing: " + quote(term) + " is " + FormatDecimal(math.Round(worst*1000)/10) + "% of the words."})
		}
		return r
	case r.score < 100 && len(missing) > 0:
		r.suggestion = "Work in " + listOr(a.interestTerms(missing, 2)) + " where it fits: it matters to this community."
	case a.title.words > 0 && !a.anyTitleHit():
		r.suggestion = "Put the main interest (" + p.interests[found[0]].term + ") in the title too."
	default:
		r.suggestion = "Keep the main interests in the title and the first paragraph."
	}
	r.spans = a.interestSpans
	return r
}

// partialCover is the share of a phrase interest's content words that the
// draft uses (0 for one-word interests: they match whole or not at all).
func (a *analysis) partialCover(ii int) float64 {
	words := a.p.interests[ii].contentLowers
	if a.modelled {
		words = a.ix.content[ii]
	}
	if len(words) < 2 {
		return 0
	}
	used := 0
	for _, w := range words {
		if a.usedVocab(w) {
			used++
		}
	}
	return float64(used) / float64(len(words))
}

// usedVocab reports whether the draft uses a vocabulary word (a stem for
// English drafts, a lower-cased word otherwise).
func (a *analysis) usedVocab(w string) bool {
	if a.vocabUsed == nil {
		a.vocabUsed = map[string]bool{}
		for i := range a.words {
			if a.words[i].vocab {
				a.vocabUsed[a.words[i].stem] = true
			}
		}
	}
	return a.vocabUsed[w]
}

func (a *analysis) interestTerms(idx []int, max int) []string {
	var out []string
	for _, i := range idx[:min(len(idx), max)] {
		out = append(out, quote(a.p.interests[i].term))
	}
	return out
}

func (a *analysis) anyTitleHit() bool {
	for _, h := range a.hits {
		if h.title > 0 {
			return true
		}
	}
	return false
}

// spanBefore orders spans title first, then by position.
func spanBefore(a, b Span) bool {
	if a.Field != b.Field {
		return a.Field == "title"
	}
	return a.Start < b.Start
}

// mergeSpans merges two lists of spans, each in text order, keeping at most
// MaxSpansPerCheck.
func mergeSpans(x, y []Span) []Span {
	out := make([]Span, 0, min(len(x)+len(y), MaxSpansPerCheck))
	for len(out) < MaxSpansPerCheck && (len(x) > 0 || len(y) > 0) {
		if len(y) == 0 || len(x) > 0 && !spanBefore(y[0], x[0]) {
			out, x = append(out, x[0]), x[1:]
		} else {
			out, y = append(out, y[0]), y[1:]
		}
	}
	return out
}
