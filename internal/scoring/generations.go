package scoring

import "math"

// Generations: resonance with Boomers, Gen X, Millennials and Gen Z, each
// from GenBase and these documented signals, then combined by the
// community's generation mix (an even mix when none is given):
//
//   - vocabulary and references (data/generations.txt): +GenVocabPoints per
//     match of the generation's own list, up to GenVocabMax;
//   - internet slang ([slang]): raises Gen Z (+GenSlangBonus each, up to
//     GenSlangBonusMax) and a little Millennials, lowers Gen X and Boomers
//     (genProfiles.slang per match, up to slangMax);
//   - emoji and hashtags per 100 words (over at least GenMinWords words):
//     each generation tolerates up to its free level, then loses points per
//     extra one (Gen Z gains GenEmojiBonus for a few emoji);
//   - sentence length: average words per sentence beyond the generation's
//     preferred maximum cost GenSentencePoints each;
//   - reading level: Flesch reading ease below the generation's floor costs
//     GenReadingPoints per point.
//
// A generation that is at least GenWarnShare of the community and scores
// below GenPoorScore is named in a warning: the draft shuts it out.
const (
	GenBase           = 75.0
	GenVocabPoints    = 5.0
	GenVocabMax       = 15.0
	GenSlangBonus     = 4.0
	GenSlangBonusMax  = 12.0
	GenEmojiBonus     = 5.0
	GenSentencePoints = 2.0
	GenReadingPoints  = 0.5
	GenWarnShare      = 0.25
	GenPoorScore      = 50
	// GenMinWords is the fewest words emoji and hashtag densities are
	// taken over, so that the one or two of a short post are not a flood.
	GenMinWords = 60
	// GenReasonMin is the fewest points a signal must cost a generation for
	// the suggestion to name it.
	GenReasonMin = 10.0
)

// genProfile is one generation's preferences (documented above).
type genProfile struct {
	name                string
	vocab               category
	slang, slangMax     float64 // negative: slang lowers resonance
	emojiFree, emojiPer float64
	emojiMax            float64
	hashFree, hashPer   float64
	hashMax             float64
	sentenceMax         float64
	sentenceCap         float64
	fleschMin           float64
	fleschCap           float64
}

// genProfiles in generationIDs order.
var genProfiles = [numGenerations]genProfile{
	{name: "Boomers", vocab: catBoomers, slang: -12, slangMax: 45, emojiFree: 1, emojiPer: 8, emojiMax: 40, hashFree: 2, hashPer: 5, hashMax: 20, sentenceMax: 22, sentenceCap: 20, fleschMin: 50, fleschCap: 20},
	{name: "Gen X", vocab: catGenX, slang: -8, slangMax: 30, emojiFree: 2, emojiPer: 5, emojiMax: 25, hashFree: 3, hashPer: 4, hashMax: 15, sentenceMax: 20, sentenceCap: 20, fleschMin: 50, fleschCap: 20},
	{name: "Millennials", vocab: catMillennials, slang: 1, slangMax: 5, emojiFree: 5, emojiPer: 3, emojiMax: 15, hashFree: 5, hashPer: 2, hashMax: 10, sentenceMax: 18, sentenceCap: 20, fleschMin: 55, fleschCap: 20},
	{name: "Gen Z", vocab: catGenZ, slang: GenSlangBonus, slangMax: GenSlangBonusMax, emojiFree: 10, emojiPer: 2, emojiMax: 10, hashFree: 8, hashPer: 2, hashMax: 10, sentenceMax: 15, sentenceCap: 25, fleschMin: 60, fleschCap: 20},
}

// genReason names the signal that cost a generation the most.
type genReason int

const (
	reasonNone genReason = iota
	reasonSlang
	reasonEmoji
	reasonHashtags
	reasonSentences
	reasonReading
)

func (a *analysis) generations(r *Result) checkResult {
	words := math.Max(float64(a.body.words+a.title.words), GenMinWords)
	emoji := float64(a.body.emoji+a.title.emoji) * 100 / words
	hashes := float64(a.body.hashtags+a.title.hashtags) * 100 / words
	avgSent := 0.0
	if a.sentences > 0 {
		avgSent = float64(a.body.words) / float64(a.sentences)
	}
	fl, hasFlesch := a.flesch()
	slang := a.lexPoints[catSlang]

	var scores [numGenerations]int
	var reasons [numGenerations]genReason
	var costs [numGenerations]float64
	for g, gp := range genProfiles {
		if a.p.traits.visual {
			gp.emojiFree += TraitVisualEmoji
		}
		if hasFlesch {
			// A generation's reading floor is set on Flesch's scale; other
			// formulas place it as far below their own target.
			rf := &a.model.read
			gp.fleschMin = rf.target - (FleschTarget-gp.fleschMin)*(rf.target-rf.floor)/(FleschTarget-FleschFloor)
		}
		if a.p.traits.plain {
			gp.fleschMin += TraitPlainFlesch
		}
		s := GenBase + math.Min(GenVocabMax, GenVocabPoints*a.lexPoints[gp.vocab])
		worst, reason := 0.0, reasonNone
		cost := func(c float64, why genReason) {
			s -= c
			if c > worst {
				worst, reason = c, why
			}
		}
		if gp.slang >= 0 {
			s += math.Min(gp.slangMax, gp.slang*slang)
		} else {
			cost(math.Min(gp.slangMax, -gp.slang*slang), reasonSlang)
		}
		if g == 3 && emoji > 0 && emoji <= gp.emojiFree {
			s += GenEmojiBonus
		}
		cost(math.Min(gp.emojiMax, math.Max(0, emoji-gp.emojiFree)*gp.emojiPer), reasonEmoji)
		cost(math.Min(gp.hashMax, math.Max(0, hashes-gp.hashFree)*gp.hashPer), reasonHashtags)
		cost(math.Min(gp.sentenceCap, math.Max(0, avgSent-gp.sentenceMax)*GenSentencePoints), reasonSentences)
		if hasFlesch {
			cost(math.Min(gp.fleschCap, math.Max(0, gp.fleschMin-fl)*GenReadingPoints), reasonReading)
		}
		scores[g] = clampScore(s)
		reasons[g], costs[g] = reason, worst
	}

	var sum, shares float64
	for g := range scores {
		share := a.p.gens[g]
		r.Generations = append(r.Generations, GenerationFit{
			ID: generationIDs[g], Share: round3(share), Score: scores[g],
			Rating: rate(float64(scores[g]), a.p.thresholds[idxGenerations]),
		})
		sum += share * float64(scores[g])
		shares += share
	}
	cr := checkResult{score: sum / shares}

	// The largest generation shut out, if any.
	shut := -1
	var named []string
	for g := range scores {
		if a.p.gens[g] >= GenWarnShare && scores[g] < GenPoorScore {
			named = append(named, genProfiles[g].name+" ("+percent(a.p.gens[g])+" of the community, "+itoa(scores[g])+")")
			if shut < 0 || a.p.gens[g] > a.p.gens[shut] {
				shut = g
			}
		}
	}
	mix := ""
	if !a.p.gensGiven {
		mix = " (no generation mix given: an even mix is assumed)"
	}
	if shut >= 0 {
		cr.message = "Warning: the draft shuts out " + listAnd(named) + ": " + a.reasonText(reasons[shut], emoji, hashes, avgSent, fl) + "." + mix
		cr.suggestion = a.reasonFix(reasons[shut], genProfiles[shut])
		cr.spans = a.reasonSpans(reasons[shut])
		cr.caps = append(cr.caps, finding{CheckGenerations, "Shuts out " + listAnd(named) + ": " + a.reasonText(reasons[shut], emoji, hashes, avgSent, fl) + "."})
		return cr
	}
	best, worst := 0, -1
	for g := range scores {
		if a.p.gens[g] == 0 {
			continue
		}
		if scores[g] > scores[best] || a.p.gens[best] == 0 {
			best = g
		}
		if worst < 0 || scores[g] < scores[worst] {
			worst = g
		}
	}
	cr.message = "Resonates best with " + genProfiles[best].name + " (" + itoa(scores[best]) + ")"
	if worst >= 0 && scores[worst] == scores[best] {
		cr.message = "Resonates evenly (" + itoa(scores[best]) + ")"
	} else if worst >= 0 {
		cr.message += ", least with " + genProfiles[worst].name + " (" + itoa(scores[worst]) + ")"
	}
	cr.message += " for this community's mix" + mix + "."
	if worst >= 0 && reasons[worst] != reasonNone && costs[worst] >= GenReasonMin && scores[worst] < DefaultGood {
		cr.suggestion = a.reasonFix(reasons[worst], genProfiles[worst])
		cr.spans = a.reasonSpans(reasons[worst])
	} else {
		cr.suggestion = "Keep the tone: it works across the generations in this community."
	}
	return cr
}

func (a *analysis) reasonText(why genReason, emoji, hashes, avgSent, fl float64) string {
	switch why {
	case reasonSlang:
		return "slang such as " + listAnd(a.examples(catSlang, 3))
	case reasonEmoji:
		return plural(a.body.emoji+a.title.emoji, "emoji", "emoji") + " (" + FormatDecimal(emoji) + " per 100 words)"
	case reasonHashtags:
		return plural(a.body.hashtags+a.title.hashtags, "hashtag", "hashtags") + " (" + FormatDecimal(hashes) + " per 100 words)"
	case reasonSentences:
		return "long sentences (" + FormatDecimal(avgSent) + " words on average)"
	case reasonReading:
		return "hard reading (" + a.model.read.name + " " + FormatDecimal(fl) + ")"
	}
	return "little that speaks to them"
}

func (a *analysis) reasonFix(why genReason, gp genProfile) string {
	switch why {
	case reasonSlang:
		return "Drop the slang (" + listAnd(a.examples(catSlang, 2)) + ") for " + gp.name + ": say it plainly."
	case reasonEmoji:
		return "Use fewer emoji for " + gp.name + ": one or two at most."
	case reasonHashtags:
		return "Use fewer hashtags for " + gp.name + ": two or three at most."
	case reasonSentences:
		return "Shorten sentences for " + gp.name + ": under " + FormatDecimal(gp.sentenceMax) + " words on average."
	case reasonReading:
		return "Use shorter, plainer words for " + gp.name + "."
	}
	return "Add references and vocabulary that speak to " + gp.name + "."
}

func (a *analysis) reasonSpans(why genReason) []Span {
	var out []Span
	switch why {
	case reasonSlang:
		for _, m := range a.matchesOf(catSlang) {
			out = append(out, m.f.tokSpan(m.first, m.last))
		}
	case reasonEmoji, reasonHashtags:
		kind := tokEmoji
		if why == reasonHashtags {
			kind = tokHashtag
		}
		for _, f := range []*field{&a.title, &a.body} {
			for i := range f.toks {
				if f.toks[i].kind == kind {
					out = append(out, f.span(f.toks[i].start, f.toks[i].end))
				}
			}
		}
	case reasonSentences:
		out = a.longSentences()
	}
	if len(out) > MaxSpansPerCheck {
		out = out[:MaxSpansPerCheck]
	}
	return out
}
