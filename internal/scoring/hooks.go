package scoring

// Hooks: what makes a reader respond. A question to the reader scores
// HookQuestionPoints (half when it does not address "you": a rhetorical
// question), a clear call to action HookCTAPoints (an imperative sentence
// from data/hooks.txt [cta] such as "Download the template"; a weaker CTA
// phrase anywhere, or a link to act on, HookWeakCTAPoints), and something
// worth sharing
// HookSharePoints per kind, up to HookShareMax: a number, a list of at least
// HookListItems items, or a quotable line (a sentence of HookQuoteMinWords to
// HookQuoteMaxWords words with a [quotable] marker: "a backup you have not
// tested is only a hope").
//
// A question to the reader or one clear call to action alone rates the
// check ok (at least DefaultOK): each is an invitation to respond, which is
// what a good draft needs (model 2; they were 30 and 40 in model 1).
const (
	HookQuestionPoints = 45.0
	HookCTAPoints      = 45.0
	HookWeakCTAPoints  = 30.0
	HookSharePoints    = 15.0
	HookShareMax       = 30.0
	HookListItems      = 3
	HookQuoteMinWords  = 4
	HookQuoteMaxWords  = 16
)

func (a *analysis) hooks() checkResult {
	var r checkResult
	// Question: a sentence ending in '?', best one that says "you".
	var question *Span
	questionToReader := false
	for _, f := range []*field{&a.title, &a.body} {
		for i := range f.sents {
			s := &f.sents[i]
			if s.term != '?' || s.words == 0 {
				continue
			}
			toReader := a.sentenceHas(f, int32(i), catReader)
			if question == nil || toReader && !questionToReader {
				sp := f.sentSpan(int32(i))
				question, questionToReader = &sp, toReader
			}
		}
	}
	// Call to action.
	var cta *Span
	strongCTA := false
	for _, m := range a.matchesOf(catCTA) {
		e := &a.lx.entries[m.entry]
		sp := m.f.sentSpan(m.f.toks[m.first].sent)
		// The last call to action is the one the reader acts on.
		if e.initial || !strongCTA {
			cta, strongCTA = &sp, e.initial
		}
	}
	// A link is something to act on, if nothing better is there.
	if cta == nil {
		for _, f := range []*field{&a.title, &a.body} {
			for i := range f.toks {
				if cta == nil && f.toks[i].kind == tokURL {
					sp := f.span(f.toks[i].start, f.toks[i].end)
					cta = &sp
				}
			}
		}
	}
	// Shareable: numbers, a list, a quotable line.
	numbers := a.body.numbers + a.title.numbers
	list := a.body.listItems >= HookListItems
	var quotable *Span
	for _, m := range a.matchesOf(catQuotable) {
		s := &m.f.sents[m.f.toks[m.first].sent]
		if s.words >= HookQuoteMinWords && s.words <= HookQuoteMaxWords {
			sp := m.f.sentSpan(m.f.toks[m.first].sent)
			quotable = &sp
			break
		}
	}

	var have, lack []string
	switch {
	case question != nil && questionToReader:
		r.score += HookQuestionPoints
		have = append(have, "a question to the reader")
	case question != nil:
		r.score += HookQuestionPoints / 2
		have = append(have, "a question (not addressed to the reader)")
	default:
		lack = append(lack, "a question")
	}
	switch {
	case strongCTA:
		r.score += HookCTAPoints
		have = append(have, "a clear call to action")
	case cta != nil:
		r.score += HookWeakCTAPoints
		have = append(have, "a soft call to action")
	default:
		lack = append(lack, "a call to action")
	}
	share := 0.0
	var shareable []string
	if numbers > 0 {
		share += HookSharePoints
		shareable = append(shareable, plural(numbers, "number", "numbers"))
	}
	if list {
		share += HookSharePoints
		shareable = append(shareable, "a list of "+itoa(a.body.listItems)+" items")
	}
	if quotable != nil {
		share += HookSharePoints
		shareable = append(shareable, "a quotable line")
	}
	if share > HookShareMax {
		share = HookShareMax
	}
	r.score += share
	if len(shareable) > 0 {
		have = append(have, "something to share ("+listAnd(shareable)+")")
	} else {
		lack = append(lack, "something worth sharing")
	}
	if len(have) > 0 {
		r.message = "Has " + listAnd(have) + "."
	}
	if len(lack) > 0 {
		if r.message != "" {
			r.message += " "
		}
		r.message += "Lacks " + listAnd(lack) + "."
	}
	switch {
	case cta == nil:
		r.suggestion = "End with one clear call to action: “Download the checklist”, “Book your seat”, “Reply and tell us”."
	case question == nil:
		r.suggestion = "Ask the reader a question they can answer in the comments or a reply."
	case !strongCTA:
		r.suggestion = "Make the call to action an instruction that starts the sentence: “Download…”, “Join…”, “Reply…”."
	case len(shareable) == 0:
		r.suggestion = "Give readers something to pass on: a number, a short list or a line worth quoting."
	case question != nil && !questionToReader:
		r.suggestion = "Address the question to the reader: “What would you…?”"
	default:
		r.suggestion = "Strong hooks: keep the call to action near the end."
	}
	for _, sp := range []*Span{question, cta, quotable} {
		if sp != nil {
			r.spans = append(r.spans, *sp)
		}
	}
	insertionSort(r.spans, spanBefore)
	return r
}

// sentenceHas reports whether sentence i of f has a word-list match of the
// category.
func (a *analysis) sentenceHas(f *field, i int32, cat category) bool {
	s := &f.sents[i]
	for t := s.first; t < s.last; t++ {
		tok := &f.toks[t]
		if !tok.kind.wordLike() {
			continue
		}
		for _, e := range a.words[tok.word].lex {
			if a.lx.entries[e].cat == cat && len(a.lx.entries[e].stems) == 1 {
				return true
			}
		}
	}
	return false
}
