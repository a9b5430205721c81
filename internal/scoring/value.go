package scoring

import (
	"math"
	"strings"
)

// Value vs pitch: what the draft gives the reader against how hard it sells.
//
// Value points: matches of data/value.txt [value] (how-to, checklist, guide,
// template, free tool, data, examples...), ValueNumberPoints per number (at
// most ValueNumberCap per 100 words) and ValueKindPoints when the offer
// kind is itself useful (tool, checklist, training, expert, event, content).
// Pitch points: matches of data/pitch.txt, by kind (pitch.go: hype,
// pressure, superlatives, price pushes, calls to buy, paid sign-ups, fear), PitchExclaimPoints per '!' beyond ExclaimFreePer100
// per 100 words, PitchCapsPoints per shouted word (capitals in a run of two
// or more, or a common word in capitals: "FREE", "NOW").
// Both are taken per 100 words (at least ValueMinWords), ValuePrior is added
// to each side so that a draft with neither scores 50, and the value share
// V/(V+P) makes (1-ReaderWeight) of the score. The rest is reader focus:
// "you/your" ([reader]) against "we/our/us" ([self]), (you+1)/(you+we+2).
const (
	ValueNumberPoints  = 0.5
	ValueNumberCap     = 2.0
	ValueKindPoints    = 1.0
	PitchExclaimPoints = 1.0
	ExclaimFreePer100  = 1.0
	PitchCapsPoints    = 1.0
	ValueMinWords      = 50
	ValuePrior         = 0.5
	ReaderWeight       = 0.25
)

// usefulKinds are the offer kinds that are value in themselves.
var usefulKinds = map[string]bool{"tool": true, "checklist": true, "training": true, "expert": true, "event": true, "content": true}

func (a *analysis) value() checkResult {
	words := math.Max(float64(a.body.words+a.title.words), ValueMinWords)
	per100 := 100 / words
	sp := a.salesPitch()
	numbers := float64(sp.valueNumbers)
	v := a.lexPoints[catValue] + math.Min(numbers*ValueNumberPoints, ValueNumberCap*words/100)
	if usefulKinds[lowerASCII(a.c.Kind)] {
		v += ValueKindPoints
	}
	exclaims := a.body.exclaims + a.title.exclaims
	extraExclaims := math.Max(0, float64(exclaims)-ExclaimFreePer100*words/100)
	shouted := sp.shouted
	pt := sp.points + extraExclaims*PitchExclaimPoints + float64(len(shouted))*PitchCapsPoints
	if a.p.traits.skeptical {
		pt *= TraitSkepticalPitch
	}
	vs, ps := v*per100+ValuePrior, pt*per100+ValuePrior
	share := vs / (vs + ps)
	you, we := a.lexPoints[catReader], a.lexPoints[catSelf]
	reader := (you + 1) / (you + we + 2)
	r := checkResult{score: 100 * ((1-ReaderWeight)*share + ReaderWeight*reader)}
	r.caps = a.pitchCaps(sp, exclaims, extraExclaims, pt*per100, vs)

	valueWords := a.examples(catValue, 4)
	if numbers > 0 {
		valueWords = append(valueWords, plural(int(numbers), "number", "numbers"))
	}
	pitchWords := a.pitchExamples(3)
	if exclaims > 0 && extraExclaims > 0 {
		pitchWords = append(pitchWords, plural(exclaims, "exclamation mark", "exclamation marks"))
	}
	if len(shouted) > 0 {
		pitchWords = append(pitchWords, plural(len(shouted), "word", "words")+" in capitals")
	}
	focus := ""
	if you+we > 0 {
		focus = " Talks to “you” " + plural(int(you), "time", "times") + ", about “we/our” " + plural(int(we), "time", "times") + "."
	}
	switch {
	case share >= 0.6:
		r.message = "Gives the reader something of value"
		if len(valueWords) > 0 {
			r.message += ": " + listAnd(valueWords)
		}
		r.message += "." + focus
	case len(pitchWords) > 0 && ps > vs:
		r.message = "Reads as a sales pitch: " + listAnd(pitchWords) + "." + focus
		if a.p.traits.skeptical {
			r.message += " This community is skeptical of marketing: pitch counts double."
		}
	default:
		r.message = "Little value for the reader: no how-to, checklist, guide, data or example." + focus
	}
	switch {
	case len(pitchWords) > 0 && share < 0.6:
		r.suggestion = "Replace the pitch (" + listAnd(pitchWords[:min(2, len(pitchWords))]) + ") with something the reader can use now: a how-to step, a checklist, an example or a number."
	case share < 0.6:
		r.suggestion = "Add something of value: a how-to step, a checklist, a template, an example or a number the reader can use."
	case we > you:
		r.suggestion = "Talk to the reader: turn “we/our” sentences into “you/your” ones."
	case len(pitchWords) > 0:
		r.suggestion = "Drop the remaining pitch (" + listAnd(pitchWords[:min(2, len(pitchWords))]) + "): the value already sells."
	default:
		r.suggestion = "Keep leading with the value; a concrete number or example makes it stronger."
	}
	// Spans: the pitch and the shouted words, in text order.
	var pitch []Span
	for _, m := range a.lex {
		if sp.counts(a.lx.entries[m.entry].cat) {
			pitch = append(pitch, m.f.tokSpan(m.first, m.last))
		}
	}
	r.spans = mergeSpans(pitch, shouted)
	return r
}

// shouted returns the spans of words written in capitals to shout: in a run
// of two or more, or a common word of three letters or more (function word
// or word-list word) on its own. Lone acronyms ("IT", "RPO") are not.
func (a *analysis) shouted() []Span {
	var out []Span
	for _, f := range []*field{&a.title, &a.body} {
		for i := range f.toks {
			t := &f.toks[i]
			if !t.caps {
				continue
			}
			run := i > 0 && f.toks[i-1].caps && f.toks[i-1].sent == t.sent ||
				i+1 < len(f.toks) && f.toks[i+1].caps && f.toks[i+1].sent == t.sent
			w := &a.words[t.word]
			if run || w.letters >= 3 && (w.stop || len(w.lex) > 0) {
				out = append(out, f.span(t.start, t.end))
			}
		}
	}
	return out
}

// examples returns up to n distinct phrases of a category the draft uses,
// the most points first.
func (a *analysis) examples(cat category, n int) []string {
	count := map[string]float64{}
	var order []string
	for _, m := range a.matchesOf(cat) {
		e := &a.lx.entries[m.entry]
		// What the draft says ("Buy now", "$49 off"), lower-cased: the
		// writer finds their own words (the lists' text is not shipped).
		text := strings.ToLower(m.f.tokSpan(m.first, m.last).Text)
		if count[text] == 0 {
			order = append(order, text)
		}
		count[text] += e.weight
	}
	insertionSort(order, func(x, y string) bool { return count[x] > count[y] })
	var out []string
	for _, t := range order[:min(n, len(order))] {
		out = append(out, quote(t))
	}
	return out
}
