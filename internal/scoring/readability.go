package scoring

import "math"

// Readability: the reading ease of the draft's language (for English,
// Flesch reading ease, 206.835 − 1.015 × words per sentence − 84.6 ×
// syllables per word, with syllables counted by syllables(); each
// lang_<code>.go names its formula and source). The formula's target (for
// English FleschTarget, plain English) or more scores full marks, its floor
// (FleschFloor) or less none. Sentences longer than MaxSentenceWords and
// paragraphs longer than MaxParagraphWords are flagged, and the share of
// long words (LongWordLetters letters or more) counts from LongWordShareOK
// to LongWordShareMax (both raised by the language's longWordExtra, for
// languages that write compounds as one word). The score weighs Flesch
// ReadFleschWeight, sentences ReadSentenceWeight, paragraphs
// ReadParagraphWeight and long words the rest.
const (
	FleschTarget        = 60.0
	FleschFloor         = 10.0
	MaxSentenceWords    = 25
	MaxParagraphWords   = 150
	LongWordShareOK     = 0.25
	LongWordShareMax    = 0.45
	ReadFleschWeight    = 0.5
	ReadSentenceWeight  = 0.2
	ReadParagraphWeight = 0.15
)

func (a *analysis) readability() checkResult {
	fl, ok := a.flesch()
	if !ok {
		return checkResult{message: "Nothing to read yet.", suggestion: "Write a few sentences for the community."}
	}
	f := &a.body
	rf := &a.model.read
	target := rf.target
	if a.p.traits.plain {
		target += TraitPlainFlesch
	}
	fScore := 100 * clamp((fl-rf.floor)/(target-rf.floor), 0, 1)
	longSent := a.longSentences()
	nLong := a.countLongSentences()
	sScore := 100 * clamp(1-2*float64(nLong)/float64(a.sentences), 0, 1)
	longParas, paras := 0, 0
	var paraSpans []Span
	for i := range f.paras {
		p := &f.paras[i]
		if p.words == 0 {
			continue
		}
		paras++
		if p.words > MaxParagraphWords {
			longParas++
			if len(paraSpans) < MaxSpansPerCheck {
				paraSpans = append(paraSpans, f.span(p.start, p.end))
			}
		}
	}
	pScore := 100 * clamp(1-2*float64(longParas)/float64(max(paras, 1)), 0, 1)
	longShare := float64(a.longWords) / float64(a.wordTokens)
	lScore := 100 * clamp(1-(longShare-LongWordShareOK-a.model.longWordExtra)/(LongWordShareMax-LongWordShareOK), 0, 1)
	r := checkResult{score: ReadFleschWeight*fScore + ReadSentenceWeight*sScore + ReadParagraphWeight*pScore +
		(1-ReadFleschWeight-ReadSentenceWeight-ReadParagraphWeight)*lScore}
	avg := float64(a.body.words) / float64(a.sentences)
	r.message = rf.name + " " + FormatDecimal(math.Round(fl)) + " (" + rf.label(fl) + "); " +
		FormatDecimal(math.Round(avg*10)/10) + " words per sentence on average; " + percent(longShare) + " long words"
	if nLong > 0 {
		r.message += "; " + plural(nLong, "sentence", "sentences") + " over " + itoa(MaxSentenceWords) + " words"
	}
	if longParas > 0 {
		r.message += "; " + plural(longParas, "paragraph", "paragraphs") + " over " + itoa(MaxParagraphWords) + " words"
	}
	r.message += "."
	if a.p.traits.plain {
		r.message += " This community prefers plain language: the target is " + FormatDecimal(target) + "."
	}
	// The suggestion and spans address the weakest part.
	parts := []float64{fScore, sScore, pScore, lScore}
	weakest := 0
	for i, s := range parts {
		if s < parts[weakest] {
			weakest = i
		}
	}
	switch {
	case parts[weakest] >= 100:
		r.suggestion = "Easy to read: keep sentences short and words plain."
	case weakest == 1 || weakest == 0 && nLong > 0:
		r.suggestion = "Split the long sentences: aim for under 20 words, one idea each."
		r.spans = longSent
	case weakest == 2:
		r.suggestion = "Break up long paragraphs: three or four sentences each."
		r.spans = paraSpans
	case weakest == 3:
		r.suggestion = "Swap long words for short ones."
		if a.model.code == "en" {
			r.suggestion = "Swap long words for short ones (use, not utilise; help, not facilitate)."
		}
	default:
		r.suggestion = "Use shorter words and sentences: aim for a " + rf.name + " of " + FormatDecimal(target) + " or more."
	}
	return r
}

// fleschLabel is Flesch's own reading of the score.
func fleschLabel(f float64) string {
	switch {
	case f >= 80:
		return "easy"
	case f >= 60:
		return "plain English"
	case f >= 50:
		return "fairly difficult"
	case f >= 30:
		return "difficult"
	}
	return "very difficult"
}

// longSentences returns the spans of the first body sentences longer than
// MaxSentenceWords.
func (a *analysis) longSentences() []Span {
	var out []Span
	f := &a.body
	for i := range f.sents {
		if f.sents[i].words > MaxSentenceWords {
			out = append(out, f.sentSpan(int32(i)))
			if len(out) == MaxSpansPerCheck {
				break
			}
		}
	}
	return out
}

func (a *analysis) countLongSentences() int {
	n := 0
	for i := range a.body.sents {
		if a.body.sents[i].words > MaxSentenceWords {
			n++
		}
	}
	return n
}
