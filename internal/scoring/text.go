package scoring

import (
	"unicode"
	"unicode/utf8"
)

// This file is the tokeniser: one pass over a field's bytes that yields
// tokens (words, numbers, hashtags, mentions, URLs, emoji) with byte
// offsets, and the sentences, paragraphs and counts every check reads. It
// never slices inside a UTF-8 sequence, treats an invalid byte as a
// separator, and splits Han and kana text into one token per character
// (those scripts do not put spaces between words).

// tokKind is what a token is.
type tokKind uint8

const (
	tokWord    tokKind = iota // letters (possibly with digits, apostrophes)
	tokNumber                 // digits, with inner '.' or ','
	tokHashtag                // #word: counts as the word too
	tokMention                // @name
	tokURL                    // http://, https://, www.
	tokEmoji                  // one emoji sequence (ZWJ, modifiers, flags)
)

// wordLike reports whether a token carries a word (matched against
// interests and word lists, counted in sentence lengths).
func (k tokKind) wordLike() bool { return k <= tokHashtag }

// token is one token of a field.
type token struct {
	start, end int32 // byte offsets in field.text
	word       int32 // index into analysis.words, -1 for non-words
	sent       int32 // index into field.sents
	kind       tokKind
	caps       bool // all upper case, at least two letters
	cjk        bool // one Han or kana character
	amount     amountKind
}

// amountKind says how a number is written: a percentage ("30%") or a price
// ("$49", "€20", "5£") are what discount pushes are made of.
type amountKind uint8

const (
	plainNumber amountKind = iota
	percentNumber
	priceNumber
)

// adjacentRune returns the rune next to a number, before it (last of s) or
// after it (first of s), looking past one space, which many languages put
// between a number and its unit.
func adjacentRune(s string, before bool) rune {
	decode := utf8.DecodeRuneInString
	if before {
		decode = utf8.DecodeLastRuneInString
	}
	r, w := decode(s)
	if r == ' ' || r == '\u00a0' || r == '\u202f' {
		if before {
			r, _ = decode(s[:len(s)-w])
		} else {
			r, _ = decode(s[w:])
		}
	}
	return r
}

// isCurrency reports whether r is a currency sign.
func isCurrency(r rune) bool {
	return r == '$' || r == '€' || r == '£' || r == '¥' || r == '₹' || r == '₩'
}

// sentence is a run of tokens ended by . ! ? (or their CJK forms), a line
// break or the end of the text. Sentences only exist around tokens.
type sentence struct {
	start, end  int32 // byte range, terminator included
	first, last int32 // tokens [first, last)
	words       int32 // word-like tokens
	para        int32
	term        byte // '.', '!', '?' or 0 (line break, end of text)
}

// paragraph is a run of sentences ended by a blank line.
type paragraph struct {
	start, end int32
	words      int32
}

// Scripts counted to detect the language.
const (
	scriptLatin = iota
	scriptCyrillic
	scriptGreek
	scriptArabic
	scriptHebrew
	scriptDevanagari
	scriptThai
	scriptHangul
	scriptHan
	scriptKana
	scriptOther
	numScripts
)

// field is one analysed text: the title or the body.
type field struct {
	name  string // "title" or "body": Span.Field
	text  string
	toks  []token
	sents []sentence
	paras []paragraph

	words     int // word-like tokens
	numbers   int
	emoji     int
	hashtags  int
	mentions  int
	urls      int
	urlRunes  int // runes inside URLs (Twitter counts a URL as 23)
	wideRunes int // CJK and Hangul runes (Twitter counts them twice)
	exclaims  int // '!' characters
	listItems int // lines starting with a bullet or "1." marker
	// topic marks the tokens inside a match of one of the community's
	// interests (nil when there is none).
	topic   []bool
	letters [numScripts]int
}

// span returns the Span of bytes [start, end) of the field.
func (f *field) span(start, end int32) Span {
	return Span{Field: f.name, Start: int(start), End: int(end), Text: f.text[start:end]}
}

// tokSpan returns the Span covering tokens [first, last).
func (f *field) tokSpan(first, last int32) Span {
	return f.span(f.toks[first].start, f.toks[last-1].end)
}

// sentSpan returns the Span of sentence i.
func (f *field) sentSpan(i int32) Span {
	s := &f.sents[i]
	return f.span(s.start, s.end)
}

// tokenizer holds the buffer words are lower-cased into, reused across
// tokens so that looking a word up allocates nothing.
type tokenizer struct {
	buf []byte
}

// scanner is the state of one scan.
type scanner struct {
	f        *field
	sentOpen bool
	paraOpen bool
}

func (sc *scanner) add(tok token) {
	f := sc.f
	if !sc.paraOpen {
		f.paras = append(f.paras, paragraph{start: tok.start})
		sc.paraOpen = true
	}
	if !sc.sentOpen {
		f.sents = append(f.sents, sentence{start: tok.start, first: int32(len(f.toks)), para: int32(len(f.paras) - 1)})
		sc.sentOpen = true
	}
	si := len(f.sents) - 1
	tok.sent = int32(si)
	s := &f.sents[si]
	p := &f.paras[len(f.paras)-1]
	s.end, p.end = tok.end, tok.end
	s.last = int32(len(f.toks)) + 1
	if tok.kind.wordLike() {
		s.words++
		p.words++
		f.words++
	}
	f.toks = append(f.toks, tok)
}

func (sc *scanner) endSentence(term byte, end int) {
	if !sc.sentOpen {
		return
	}
	f := sc.f
	s := &f.sents[len(f.sents)-1]
	s.term = term
	if int32(end) > s.end {
		s.end = int32(end)
		f.paras[len(f.paras)-1].end = int32(end)
	}
	sc.sentOpen = false
}

func (sc *scanner) endParagraph() {
	sc.endSentence(0, 0)
	sc.paraOpen = false
}

// scan tokenises f.text, filling f's tokens, sentences, paragraphs and
// counts. word is called for each word-like token with its lower-cased form
// (valid only during the call) and returns the token's word index. (It
// takes the bytes rather than the token so that tokens stay on the stack.)
func (t *tokenizer) scan(f *field, word func(lower []byte) int32) {
	s := f.text
	n := len(s)
	sc := scanner{f: f}
	// English averages under 5 bytes per token (words and punctuation):
	// one allocation instead of a dozen as the slice grows.
	f.toks = make([]token, 0, n/4+8)
	lineStart := true
	afterNewline := false
	for i := 0; i < n; {
		c := s[i]
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if r == '\n' {
			if afterNewline {
				sc.endParagraph()
			} else {
				sc.endSentence(0, 0)
			}
			afterNewline, lineStart = true, true
			i++
			continue
		}
		if (r == utf8.RuneError && w == 1) || unicode.IsSpace(r) || unicode.IsControl(r) {
			i += w
			continue
		}
		afterNewline = false
		if lineStart {
			lineStart = false
			if j := listMarker(s, i); j > i {
				f.listItems++
				i = j
				continue
			}
		}
		if (c == 'h' || c == 'H' || c == 'w' || c == 'W') && (i == 0 || !isWordByte(s[i-1])) {
			if j := urlEnd(s, i); j > i {
				f.urls++
				f.urlRunes += utf8.RuneCountInString(s[i:j])
				sc.add(token{start: int32(i), end: int32(j), word: -1, kind: tokURL})
				i = j
				continue
			}
		}
		if (c == '#' || c == '@') && i+1 < n && (i == 0 || !isWordByte(s[i-1])) {
			if j := t.word(f, s, i+1, true); j > i+1 {
				tok := token{start: int32(i), end: int32(j), word: -1, kind: tokHashtag}
				if c == '@' {
					tok.kind = tokMention
					f.mentions++
				} else {
					f.hashtags++
					tok.word = word(t.buf)
				}
				sc.add(tok)
				i = j
				continue
			}
		}
		if isHanOrKana(r) {
			tok := token{start: int32(i), end: int32(i + w), word: -1, kind: tokWord, cjk: true}
			f.wideRunes++
			if unicode.Is(unicode.Han, r) {
				f.letters[scriptHan]++
			} else {
				f.letters[scriptKana]++
			}
			t.buf = utf8.AppendRune(t.buf[:0], r)
			tok.word = word(t.buf)
			sc.add(tok)
			i += w
			continue
		}
		if isWordRune(r) {
			j := t.word(f, s, i, false)
			tok := token{start: int32(i), end: int32(j), word: -1, kind: tokWord}
			letters := 0
			for _, b := range t.buf {
				if !(b >= '0' && b <= '9' || b == '.' || b == ',') {
					letters++
				}
			}
			if letters == 0 {
				tok.kind = tokNumber
				f.numbers++
				// "30%", "$49" and, as French, German and most of Europe
				// write them, "30 %" and "20,99 €" (the space may be a
				// no-break one).
				before, after := adjacentRune(s[:i], true), adjacentRune(s[j:], false)
				switch {
				case after == '%':
					tok.amount = percentNumber
				case isCurrency(before) || isCurrency(after):
					tok.amount = priceNumber
				}
			} else {
				tok.caps = isCaps(s[i:j], letters)
			}
			tok.word = word(t.buf)
			sc.add(tok)
			i = j
			continue
		}
		if isEmoji(r) {
			j := emojiEnd(s, i, r, w)
			f.emoji++
			sc.add(token{start: int32(i), end: int32(j), word: -1, kind: tokEmoji})
			i = j
			continue
		}
		switch r {
		case '.':
			if (i+1 >= n || !isWordByte(s[i+1])) && !abbreviation(f, i) {
				sc.endSentence('.', i+1)
			}
		case '!', '！', '‼':
			f.exclaims++
			sc.endSentence('!', i+w)
		case '?', '？', '⁉', '⁇':
			sc.endSentence('?', i+w)
		case '。', '…', '｡':
			sc.endSentence('.', i+w)
		}
		i += w
	}
	sc.endParagraph()
}

// word scans a word starting at i and returns its end; its lower-cased form
// is left in t.buf. Letters, digits and combining marks belong to a word, as
// do an apostrophe between letters and a '.' or ',' between digits. Han and
// kana end a word unless cjk (hashtags: "#美食").
func (t *tokenizer) word(f *field, s string, i int, cjk bool) int {
	t.buf = t.buf[:0]
	n := len(s)
	j := i
	for j < n {
		c := s[j]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				t.buf = append(t.buf, c)
				f.letters[scriptLatin]++
			case c >= 'A' && c <= 'Z':
				t.buf = append(t.buf, c+'a'-'A')
				f.letters[scriptLatin]++
			case c >= '0' && c <= '9':
				t.buf = append(t.buf, c)
			case c == '\'' && j > i && j+1 < n && isLetterByteOrMulti(s, j+1) && isLetterByteOrMulti(s, j-1):
				t.buf = append(t.buf, c)
			case (c == '.' || c == ',') && j > i && isDigit(s[j-1]) && j+1 < n && isDigit(s[j+1]):
				t.buf = append(t.buf, c)
			case c == '_' && cjk:
				t.buf = append(t.buf, c)
			default:
				return j
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '’' && j > i && j+w < n && isLetterByteOrMulti(s, j+w):
			t.buf = append(t.buf, '\'')
		case isHanOrKana(r):
			if !cjk {
				return j
			}
			t.buf = utf8.AppendRune(t.buf, r)
			f.wideRunes++
		case unicode.IsLetter(r):
			t.buf = utf8.AppendRune(t.buf, unicode.ToLower(r))
			sc := scriptOf(r)
			f.letters[sc]++
			if sc == scriptHangul {
				f.wideRunes++
			}
		case unicode.IsDigit(r) || unicode.IsMark(r):
			t.buf = utf8.AppendRune(t.buf, r)
		default:
			return j
		}
		j += w
	}
	return j
}

// isCaps reports whether an ASCII word of the given letter count is written
// in capitals (at least two).
func isCaps(w string, letters int) bool {
	upper := 0
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			upper++
		}
	}
	return upper >= 2 && upper == letters
}

// abbreviation reports whether the '.' at i ends an abbreviation ("e.g.",
// "J.", "Dr.") rather than a sentence.
func abbreviation(f *field, i int) bool {
	if len(f.toks) == 0 {
		return false
	}
	t := &f.toks[len(f.toks)-1]
	if int(t.end) != i || t.kind != tokWord {
		return false
	}
	w := f.text[t.start:t.end]
	if len(w) == 1 {
		return true
	}
	for _, a := range [...]string{"mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "prof"} {
		if len(w) == len(a) && equalFoldASCII(w, a) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports whether an ASCII byte is a letter or digit (a '.'
// before one does not end a sentence: "e.g", "3.5", "example.com").
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isLetterByteOrMulti reports whether s[j] is an ASCII letter or the first
// byte of a non-ASCII character (apostrophes between "l'été" letters).
func isLetterByteOrMulti(s string, j int) bool {
	if j < 0 || j >= len(s) {
		return false
	}
	c := s[j]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isHanOrKana(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// scriptOf classifies a non-ASCII letter.
func scriptOf(r rune) int {
	switch {
	case r < 0x0250, unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	case unicode.Is(unicode.Thai, r):
		return scriptThai
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	}
	return scriptOther
}

// isEmoji reports whether r starts an emoji (pictographs, symbols, flags).
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF ||
		r >= 0x2B00 && r <= 0x2BFF || r >= 0x2300 && r <= 0x23FF ||
		r == 0x3030 || r == 0x303D || r == 0x3297 || r == 0x3299
}

// emojiEnd returns the end of the emoji sequence starting with r at i:
// variation selectors, skin tones, keycaps, tags, ZWJ-joined emoji and
// regional-indicator pairs (flags) belong to it.
func emojiEnd(s string, i int, r rune, w int) int {
	j := i + w
	regional := r >= 0x1F1E6 && r <= 0x1F1FF
	for j < len(s) {
		nr, nw := utf8.DecodeRuneInString(s[j:])
		switch {
		case nr == 0xFE0F || nr == 0xFE0E || nr == 0x20E3 || nr >= 0x1F3FB && nr <= 0x1F3FF || nr >= 0xE0020 && nr <= 0xE007F:
			j += nw
		case nr == 0x200D:
			j += nw
			if j < len(s) {
				er, ew := utf8.DecodeRuneInString(s[j:])
				if isEmoji(er) {
					j += ew
				}
			}
		case regional && nr >= 0x1F1E6 && nr <= 0x1F1FF:
			j += nw
			regional = false
		default:
			return j
		}
	}
	return j
}

// listMarker returns the index after a list marker ("- ", "* ", "• ",
// "1. ", "2) ") at i, or i if there is none.
func listMarker(s string, i int) int {
	n := len(s)
	if i >= n {
		return i
	}
	j := i
	for j < n && j-i < 3 && isDigit(s[j]) {
		j++
	}
	if j > i {
		if j+1 < n && (s[j] == '.' || s[j] == ')') && (s[j+1] == ' ' || s[j+1] == '\t') {
			return j + 2
		}
		return i
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '-', '*', '•', '–', '—', '▪', '◦', '·', '✓', '✔', '☐', '☑', '➜', '→':
		if i+w < n && (s[i+w] == ' ' || s[i+w] == '\t') {
			return i + w + 1
		}
	}
	return i
}

// urlEnd returns the end of a URL starting at i (http://, https://, www.),
// without trailing punctuation, or i if there is none.
func urlEnd(s string, i int) int {
	rest := s[i:]
	ok := false
	for _, p := range [...]string{"http://", "https://", "www."} {
		if len(rest) > len(p) && equalFoldASCII(rest[:len(p)], p) {
			ok = true
			break
		}
	}
	if !ok {
		return i
	}
	j := i
	for j < len(s) {
		c := s[j]
		if c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f {
			break
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError || unicode.IsSpace(r) {
				break
			}
			j += w
			continue
		}
		j++
	}
	for j > i {
		switch s[j-1] {
		case '.', ',', ';', ':', '!', '?', ')', ']', '\'':
			j--
			continue
		}
		break
	}
	return j
}

func equalFoldASCII(a, b string) bool {
	for k := 0; k < len(a); k++ {
		c := a[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[k] {
			return false
		}
	}
	return true
}
