package scoring

import (
	"math"
	"strings"
	"unicode/utf8"
)

// wordInfo is what the engine knows about one distinct word of a draft.
// Every distinct word is looked up, stemmed and counted once per call.
type wordInfo struct {
	lower     string
	stem      string
	syllables int
	letters   int
	stop      bool    // a function word of the draft's language (English when not modelled)
	langs     uint16  // function word of these languages (detector.codes)
	lex       []int32 // word-list entries whose first word has this stem
	interests []int32 // interests whose first word has this stem
	vocab     bool    // a content word of the community's interests
}

// lexMatch is one match of a word-list phrase.
type lexMatch struct {
	entry       int32
	f           *field
	first, last int32 // tokens [first, last)
}

// interestHits counts the matches of one interest.
type interestHits struct {
	body, title int
	// own counts the body matches that are not inside a longer interest's
	// match ("travel" inside "travel insurance"): stuffing is judged on them.
	own   int
	spans []Span // the first MaxSpansPerCheck body matches
}

// analysis is one draft tokenised and matched against one profile: the
// shared input of the seven checks.
type analysis struct {
	p  *Profile
	lx *lexicon // the draft language's word lists (English when not modelled)
	c  Content

	title, body field
	words       []wordInfo
	index       map[string]int32

	lang Language
	// model is the draft's language when the engine models it (nil when
	// not: then only the language-independent checks apply), and ix the
	// interests seen through it.
	model     *langSpec
	ix        *langIndex
	modelled  bool
	truncated bool

	lex       []lexMatch
	lexPoints [numCategories]float64
	lexCount  [numCategories]int
	rel       *checkResult // the relevance check, once computed
	vocabUsed map[string]bool
	hits      []interestHits
	// interestSpans are the first MaxSpansPerCheck interest matches of the
	// body, in text order.
	interestSpans []Span

	// Body statistics.
	sentences    int // sentences with at least one word
	wordTokens   int // tokens of kind word (letters), for Flesch
	syllables    int
	letters      int // letters of the word tokens, for Gulpease
	longWords    int // words of LongWordLetters letters or more
	contentWords int // word tokens that are not function words
	vocabHits    int // content words in the community's vocabulary
}

// LanguageMinWords is the fewest Latin-script words from which the engine
// tells English from another language; shorter drafts are taken as English.
const LanguageMinWords = 8

// otherLanguageShare is the share of a language's function words above
// which (and 1.5 times above the English share) a Latin-script draft is
// reported in that language.
const otherLanguageShare = 0.08

// truncate cuts s to at most max bytes at a character boundary.
func truncate(s string, max int) (string, bool) {
	if len(s) <= max {
		return s, false
	}
	cut := max
	for k := 0; k < utf8.UTFMax && cut > 0 && !utf8.RuneStart(s[cut]); k++ {
		cut--
	}
	return s[:cut], true
}

func (p *Profile) analyse(c Content) *analysis {
	a := &analysis{p: p, c: c}
	det := loadDetector()
	var tt, bt bool
	a.title.name, a.body.name = "title", "body"
	a.title.text, tt = truncate(c.Title, MaxTitleBytes)
	a.body.text, bt = truncate(c.Body, MaxBodyBytes)
	a.truncated = tt || bt
	// Distinct words grow with the square root of the text (Heaps' law):
	// 578 in the 9 KB bench draft, 1,575 in the 58 KB one. Sizing for
	// 8·√bytes saves the regrowth that was a third of Score's allocations
	// (and the wasm widget's GC pauses while typing).
	distinct := 8*int(math.Sqrt(float64(len(a.title.text)+len(a.body.text)))) + 16
	a.index = make(map[string]int32, distinct)
	a.words = make([]wordInfo, 0, distinct)
	emit := func(lower []byte) int32 {
		if idx, ok := a.index[string(lower)]; ok {
			return idx
		}
		s := string(lower)
		idx := int32(len(a.words))
		a.index[s] = idx
		a.words = append(a.words, wordInfo{lower: s, langs: det.langStop[s], letters: utf8.RuneCountInString(s)})
		return idx
	}
	var tz tokenizer
	tz.scan(&a.title, emit)
	tz.scan(&a.body, emit)
	a.detectLanguage(det)
	a.prepareWords()
	a.hits = make([]interestHits, len(p.interests))
	for _, f := range []*field{&a.title, &a.body} {
		a.matchInterests(f)
		if a.modelled {
			a.matchLexicon(f)
		}
	}
	a.bodyStats()
	return a
}

// detectLanguage decides the draft's language from its scripts and, for
// Latin script, from the share of function words of each language: the
// community's declared language (English when none) unless another one's
// clearly outnumber it.
func (a *analysis) detectLanguage(det *detector) {
	var letters [numScripts]int
	total := 0
	for s := range letters {
		letters[s] = a.title.letters[s] + a.body.letters[s]
		total += letters[s]
	}
	home := "en"
	if a.p.declared != "" {
		home = a.p.declared
	}
	if total == 0 {
		// No letters at all (empty, emoji, punctuation): nothing tells a
		// language; the community's model applies (and finds little).
		a.setLanguage(home)
		a.lang.Code = "und"
		return
	}
	if letters[scriptLatin]*2 < total {
		dom := 0
		for s := range letters {
			if letters[s] > letters[dom] {
				dom = s
			}
		}
		code := "und"
		switch dom {
		case scriptHan:
			code = "zh"
			if letters[scriptKana] > 0 {
				code = "ja"
			}
		case scriptKana:
			code = "ja"
		case scriptHangul:
			code = "ko"
		case scriptCyrillic:
			code = "und-Cyrl"
		case scriptArabic:
			code = "und-Arab"
		case scriptHebrew:
			code = "he"
		case scriptGreek:
			code = "el"
		case scriptDevanagari:
			code = "und-Deva"
		case scriptThai:
			code = "th"
		}
		a.setLanguage(code)
		return
	}
	words := 0
	var count [16]int
	for _, f := range []*field{&a.title, &a.body} {
		for i := range f.toks {
			t := &f.toks[i]
			if t.kind != tokWord {
				continue
			}
			w := &a.words[t.word]
			words++
			for l := 0; w.langs != 0 && l < len(det.codes); l++ {
				if w.langs&(1<<l) != 0 {
					count[l]++
				}
			}
		}
	}
	if words < LanguageMinWords {
		a.setLanguage(home)
		return
	}
	own := indexOf(det.codes, home)
	best := -1
	for l := range det.codes {
		if l != own && (best < 0 || count[l] > count[best]) {
			best = l
		}
	}
	homeCount := 0
	if own >= 0 {
		homeCount = count[own]
	}
	if l := language(home); l != nil && home != "en" {
		// A declared language counts its full function-word list
		// (data/<code>/stopwords.txt), as English does: the short lists
		// of data/languages.txt share words ("la", "al", "del", "una")
		// that would make a short Italian draft read as Spanish.
		homeCount = max(homeCount, a.countStop(l.load().stop))
	}
	share := float64(count[best]) / float64(words)
	if share >= otherLanguageShare && float64(count[best]) > 1.5*float64(homeCount) {
		a.setLanguage(det.codes[best])
		return
	}
	a.setLanguage(home)
}

// countStop counts the word tokens of the draft in a function-word list.
func (a *analysis) countStop(stop map[string]bool) int {
	n := 0
	for _, f := range []*field{&a.title, &a.body} {
		for i := range f.toks {
			if t := &f.toks[i]; t.kind == tokWord && stop[a.words[t.word].lower] {
				n++
			}
		}
	}
	return n
}

// languageChecks are the checks that need a language model (its word lists
// and syllable counting); drafts in other languages skip them.
var languageChecks = [...]int{idxValue, idxGenerations, idxReadability, idxHooks}

// setLanguage sets the draft's language and, when this build models it,
// the model that scores it.
func (a *analysis) setLanguage(code string) {
	a.lang = Language{Code: code}
	a.model = language(code)
	a.modelled = a.model != nil
	if a.modelled {
		a.lang.Modelled = true
		a.lx = a.model.load()
		a.ix = a.p.index(a.model)
		return
	}
	// Function words still tell content words for the focus check.
	a.lx = englishModel().load()
	for _, c := range languageChecks {
		if !a.p.disabled[c] {
			a.lang.NotApplied = append(a.lang.NotApplied, checkIDs[c])
		}
	}
}

// prepareWords stems each distinct word once and attaches what the matchers
// need.
func (a *analysis) prepareWords() {
	for i := range a.words {
		w := &a.words[i]
		w.stop = a.lx.stop[w.lower]
		if a.modelled {
			w.stem = a.p.langs[a.model.index].stems.stem(a.model, w.lower)
			w.syllables = a.model.syllables(w.lower)
			w.lex = a.lx.byFirst[w.stem]
			w.interests = a.ix.byStem[w.stem]
			w.vocab = !w.stop && a.ix.vocab[w.stem]
			if a.model.compounds && len(w.interests) == 0 && !w.stop && w.letters > CompoundPartLetters {
				w.interests = a.compoundInterests(w)
				w.vocab = w.vocab || len(w.interests) > 0
			}
		} else {
			w.stem = w.lower
			w.syllables = 1
			w.interests = a.p.byLower[w.lower]
			w.vocab = a.p.vocabLower[w.lower]
		}
	}
}

// CompoundPartLetters is the shortest interest word (or stem) that
// compoundInterests finds inside a compound, and the shortest rest of the
// compound beside it.
const CompoundPartLetters = 4

// compoundInterests returns the one-word interest a compound word of a
// language that writes compounds as one word (German, Dutch) is built on:
// the interest (its stem or as written, of CompoundPartLetters+1 letters
// or more) begins the word, with CompoundPartLetters-1 letters or more
// after it ("Fahrrad" in "Fahrradtour", "fietsen" in "fietsroute"), or
// ends it after CompoundPartLetters letters or more ("Garten" in
// "Kleingarten", "fiets" in "racefiets"). The stems of such compounds
// differ from the interest's ("fahrradtour"), so the stem match alone
// misses them. An infinitive also matches in its linking form
// (linkingForm: "wandern" in "Wanderführer"). The word written as the interest's stem, or with a plural
// -s the stemmer keeps, matches too: Dutch Snowball stems "fietsen" to
// "fiets" but "fiets" to "fiet", "route" to "rout" but "routes" to
// "routes". When several interests fit, the longest one wins
// ("fietsroutes" is a fietsroute, not a fiets).
func (a *analysis) compoundInterests(w *wordInfo) []int32 {
	var out []int32
	best := 0
	for i := range a.p.interests {
		if len(a.ix.stems[i]) != 1 {
			continue
		}
		lower := a.p.interests[i].lowers[0]
		for _, part := range [3]string{a.ix.stems[i][0], lower, linkingForm(lower)} {
			n := utf8.RuneCountInString(part)
			if n <= CompoundPartLetters || n < best {
				continue
			}
			if w.lower == part || w.lower == part+"s" || w.stem == part+"s" || compoundOf(w.stem, part) || compoundOf(w.lower, part) {
				if n > best {
					out, best = out[:0], n
				}
				out = append(out, int32(i))
				break
			}
		}
	}
	return out
}

// linkingForm is the form an infinitive takes as the first part of a
// compound: "wandern" in "Wanderweg", "segeln" in "Segelschein", "schwimmen"
// in "Schwimmbad" (the stem may be shorter: Snowball cuts "wandern" to
// "wand"). Other words are returned as they are.
func linkingForm(w string) string {
	switch {
	case strings.HasSuffix(w, "rn") || strings.HasSuffix(w, "ln"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "en"):
		return w[:len(w)-2]
	}
	return w
}

// compoundOf reports whether word is a compound that begins or ends with
// part (see compoundInterests).
func compoundOf(word, part string) bool {
	rest := utf8.RuneCountInString(word) - utf8.RuneCountInString(part)
	return rest >= CompoundPartLetters-1 && strings.HasPrefix(word, part) ||
		rest >= CompoundPartLetters && strings.HasSuffix(word, part)
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c == '\'') {
			return false
		}
	}
	return true
}

// phraseAt reports whether the phrase (stemmed words) matches the
// word-like tokens of f starting at token i, within one sentence, and
// returns the end token.
func (a *analysis) phraseAt(f *field, i int, stems []string) (int32, bool) {
	sent := f.toks[i].sent
	for k := 1; k < len(stems); k++ {
		j := i + k
		if j >= len(f.toks) {
			return 0, false
		}
		t := &f.toks[j]
		if t.sent != sent || !t.kind.wordLike() || !stemMatches(t, a.words[t.word].stem, stems[k]) {
			return 0, false
		}
		if t.cjk && f.toks[j-1].end != t.start {
			// Han and kana words are written without spaces: "美 食"
			// is two words, not the phrase "美食".
			return 0, false
		}
	}
	return int32(i + len(stems)), true
}

func (a *analysis) matchInterests(f *field) {
	// Candidates at a position come longest first (Compile sorts them), so
	// a shorter interest starting before coveredUntil is nested in a longer
	// one.
	coveredUntil := int32(0)
	for i := range f.toks {
		t := &f.toks[i]
		if !t.kind.wordLike() {
			continue
		}
		if t.kind == tokHashtag {
			// "#farmersmarket" is a whole mention of "farmers market".
			for _, ii := range a.p.joined[a.words[t.word].lower] {
				a.hit(f, ii, int32(i), int32(i+1), true)
			}
		}
		for _, ii := range a.words[t.word].interests {
			stems := a.p.interests[ii].lowers
			if a.modelled {
				stems = a.ix.stems[ii]
			}
			end, ok := a.phraseAt(f, i, stems)
			if !ok {
				continue
			}
			a.hit(f, ii, int32(i), end, int32(i) >= coveredUntil || len(stems) > 1)
			if end > coveredUntil && len(stems) > 1 {
				coveredUntil = end
			}
		}
	}
}

// hit records a match of interest ii over tokens [first, end) of f; own
// says it is not nested in a longer interest's match.
func (a *analysis) hit(f *field, ii int32, first, end int32, own bool) {
	if f.topic == nil {
		f.topic = make([]bool, len(f.toks))
	}
	for k := first; k < end; k++ {
		f.topic[k] = true
	}
	h := &a.hits[ii]
	if f == &a.title {
		h.title++
		return
	}
	h.body++
	if own {
		h.own++
	}
	if len(h.spans) < MaxSpansPerCheck {
		h.spans = append(h.spans, f.tokSpan(first, end))
	}
	if len(a.interestSpans) < MaxSpansPerCheck {
		a.interestSpans = append(a.interestSpans, f.tokSpan(first, end))
	}
}

// stemMatches reports whether a token whose word has stem st matches one
// word of a list phrase: the same stem, or a number placeholder.
func stemMatches(t *token, st, want string) bool {
	switch want {
	case anyNumber:
		return t.kind == tokNumber
	case percentage:
		return t.kind == tokNumber && t.amount == percentNumber
	case priceAmount:
		return t.kind == tokNumber && t.amount == priceNumber
	}
	return st == want
}

// numberEntries returns the word-list entries a number token may start: the
// phrases that begin with a placeholder it matches.
func (a *analysis) numberEntries(t *token) [2][]int32 {
	var out [2][]int32
	if t.kind != tokNumber {
		return out
	}
	out[0] = a.lx.byFirst[anyNumber]
	switch t.amount {
	case percentNumber:
		out[1] = a.lx.byFirst[percentage]
	case priceNumber:
		out[1] = a.lx.byFirst[priceAmount]
	}
	return out
}

func (a *analysis) matchLexicon(f *field) {
	var covered [numCategories]int32
	for i := range f.toks {
		t := &f.toks[i]
		if !t.kind.wordLike() {
			continue
		}
		lists := a.numberEntries(t)
		for _, list := range [3][]int32{a.words[t.word].lex, lists[0], lists[1]} {
			a.matchAt(f, i, list, &covered)
		}
	}
}

// matchAt records the matches of the entries (first word at token i).
func (a *analysis) matchAt(f *field, i int, list []int32, covered *[numCategories]int32) {
	t := &f.toks[i]
	for _, ei := range list {
		e := &a.lx.entries[ei]
		if int32(i) < covered[e.cat] || e.initial && f.sents[t.sent].first != int32(i) {
			continue
		}
		if topicExempt(e.cat) && f.topic != nil && f.topic[i] {
			// The community's own interests are its topic, not a pitch:
			// "point of sale" for retailers, "deal" in "deal flow".
			continue
		}
		end, ok := a.phraseAt(f, i, e.stems)
		if !ok {
			continue
		}
		covered[e.cat] = end
		a.lex = append(a.lex, lexMatch{entry: ei, f: f, first: int32(i), last: end})
		a.lexPoints[e.cat] += e.weight
		a.lexCount[e.cat]++
	}
}

// LongWordLetters is the length from which a word counts as long for the
// readability check's long-word share (as in the LIX readability index).
const LongWordLetters = 7

func (a *analysis) bodyStats() {
	f := &a.body
	for i := range f.sents {
		if f.sents[i].words > 0 {
			a.sentences++
		}
	}
	for i := range f.toks {
		t := &f.toks[i]
		if !t.kind.wordLike() {
			continue
		}
		w := &a.words[t.word]
		if t.kind == tokWord {
			a.wordTokens++
			a.syllables += w.syllables
			a.letters += w.letters
			if w.letters >= LongWordLetters {
				a.longWords++
			}
		}
		if t.kind != tokNumber && !w.stop {
			a.contentWords++
			if w.vocab {
				a.vocabHits++
			}
		}
	}
}

// matchesOf returns the word-list matches of a category, in text order
// (title first).
func (a *analysis) matchesOf(cat category) []lexMatch {
	var out []lexMatch
	for _, m := range a.lex {
		if a.lx.entries[m.entry].cat == cat {
			out = append(out, m)
		}
	}
	return out
}

// flesch returns the reading ease of the body by its language's formula
// (Flesch's for English), or false when there is nothing to measure or the
// language is not modelled.
func (a *analysis) flesch() (float64, bool) {
	if a.sentences == 0 || a.wordTokens == 0 || !a.modelled {
		return 0, false
	}
	wps := float64(a.body.words) / float64(a.sentences)
	spw := float64(a.syllables) / float64(a.wordTokens)
	lpw := float64(a.letters) / float64(a.wordTokens)
	return a.model.read.ease(wps, spw, lpw), true
}
