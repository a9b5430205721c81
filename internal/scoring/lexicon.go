package scoring

import (
	"strconv"
	"strings"
	"sync"
)

// The word lists are data, not code (see data/README.md for the format).
// lexicon_data*.go hold them as string constants, generated from data/:
// not //go:embed, whose embed package pulls io/fs, time and
// internal/godebug into the widget's WebAssembly (+36 KB brotli).
//
//go:generate go run ./internal/gendata
//go:generate go test -run ^TestLexiconTableFresh$ -update-lexicon .

// maxStemBytes bounds the words handed to the stemmer: longer "words" are
// runs of letters (hashes, base64), not words, and are matched as they are.
const maxStemBytes = 40

// entry is one phrase of a word list.
type entry struct {
	cat     category
	weight  float64
	initial bool     // only at the start of a sentence
	stems   []string // the phrase, word by word, stemmed
}

// category says which list an entry comes from.
type category uint8

const (
	catValue category = iota
	catReader
	catPitch
	catSelf
	catCTA
	catQuotable
	catQuestion
	catBoomers
	catGenX
	catMillennials
	catGenZ
	catSlang
	catPressure
	catSuperlative
	catPrice
	catBuy
	catFear
	catSignup
	catAct
	numCategories
)

// pitchKinds are the categories whose points are sales pitch (value.go).
var pitchKinds = [...]category{catPitch, catPressure, catSuperlative, catPrice, catBuy, catFear, catSignup}

// Placeholders a word-list phrase may use for a number token (data/README.md).
const (
	anyNumber   = "<n>"
	percentage  = "<pct>"
	priceAmount = "<price>"
)

// sectionCategory maps a data file section to its category.
var sectionCategory = map[string]category{
	"value": catValue, "reader": catReader, "pitch": catPitch, "self": catSelf,
	"cta": catCTA, "quotable": catQuotable, "question": catQuestion,
	"boomers": catBoomers, "genx": catGenX, "millennials": catMillennials,
	"genz": catGenZ, "slang": catSlang,
	"pressure": catPressure, "superlative": catSuperlative, "price": catPrice, "buy": catBuy, "fear": catFear,
	"signup": catSignup, "act": catAct,
}

// lexicon is one language's word lists, parsed and indexed by the stem of
// the first word of each phrase.
type lexicon struct {
	entries []entry
	byFirst map[string][]int32
	// stop is the language's function-word list (lower case, not stemmed).
	stop map[string]bool
}

// lexiconData is a language's word lists as the widget and the server use
// them: parsed and stemmed at build time (lexicon_table_<code>.go, written
// from data/<code>/*.txt by lexicon_table_test.go), so that no build parses
// and stems ~1,000 phrases at run time (~20 ms of freshly compiled
// WebAssembly before the first score) nor carries the lists' text. Plain
// strings, which the Go compiler lays out as static data and which compress
// well; a few milliseconds to split on first use.
type lexiconData struct {
	// entries has one line per phrase: its category, its weight, then its
	// stems separated by spaces, the first prefixed with ^ when the phrase
	// is sentence-initial ("3 2 ^book your").
	entries string
	// stop is the function words, separated by spaces.
	stop string
	// traits has one line per traits.txt word: its section and its stem.
	traits string
}

// loadLexicon builds a language's lexicon from its table, once per process
// (langSpec.load).
func loadLexicon(l *langSpec) *lexicon {
	t := l.table
	n := strings.Count(t.entries, "\n") + 1
	lx := &lexicon{
		entries: make([]entry, 0, n),
		byFirst: make(map[string][]int32, n),
		stop:    make(map[string]bool, strings.Count(t.stop, " ")+1),
	}
	for _, line := range strings.Split(t.entries, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 3 {
			continue
		}
		cat, _ := strconv.Atoi(fields[0])
		w, _ := parseWeight(fields[1])
		e := entry{cat: category(cat), weight: w, stems: fields[2:]}
		if e.stems[0][0] == '^' {
			e.initial, e.stems[0] = true, e.stems[0][1:]
		}
		lx.byFirst[e.stems[0]] = append(lx.byFirst[e.stems[0]], int32(len(lx.entries)))
		lx.entries = append(lx.entries, e)
	}
	lx.sortByFirst()
	for _, w := range strings.Fields(t.stop) {
		lx.stop[w] = true
	}
	return lx
}

// sortByFirst puts the longest phrase first in each byFirst list, so that
// at one position "free tool" wins over "free" (matchLexicon takes the
// first match per category).
func (lx *lexicon) sortByFirst() {
	for _, list := range lx.byFirst {
		insertionSort(list, func(a, b int32) bool {
			return len(lx.entries[a].stems) > len(lx.entries[b].stems)
		})
	}
}

// detector holds the function-word lists that tell languages apart.
type detector struct {
	// langStop maps a lower-case word to a bit set of the languages (index
	// into codes) whose function-word list has it: data/languages.txt, and
	// English's full list (data/en/stopwords.txt).
	langStop map[string]uint16
	codes    []string
}

// loadDetector is parsed once per process, on first use.
var loadDetector = sync.OnceValue(func() *detector {
	d := &detector{langStop: map[string]uint16{}, codes: []string{"en"}}
	for _, w := range strings.Fields(englishModel().table.stop) {
		d.langStop[w] |= 1
	}
	for _, ll := range parseList(languagesTxt) {
		i := indexOf(d.codes, ll.section)
		if i < 0 {
			i = len(d.codes)
			d.codes = append(d.codes, ll.section)
		}
		d.langStop[ll.phrase] |= 1 << i
	}
	if len(d.codes) > 16 {
		panic("scoring: data/languages.txt: more than 15 languages")
	}
	return d
})

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// listLine is one parsed line of a word list.
type listLine struct {
	section string
	weight  float64
	initial bool
	phrase  string
}

// parseList reads the line format of data/README.md.
func parseList(text string) []listLine {
	var out []listLine
	section := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' && (len(line) == 1 || line[1] == ' ') {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			section = line[1 : len(line)-1]
			continue
		}
		l := listLine{section: section, weight: 1}
		if sp := strings.IndexByte(line, ' '); sp > 0 {
			if w, ok := parseWeight(line[:sp]); ok {
				l.weight = w
				line = strings.TrimSpace(line[sp+1:])
			}
		}
		if strings.HasPrefix(line, "^") {
			l.initial = true
			line = line[1:]
		}
		l.phrase = line
		out = append(out, l)
	}
	return out
}

// splitPhrase splits a list phrase or an interest term into lower-case
// words with the same rules as the draft tokeniser, so that both sides of a
// match are cut the same way ("best-in-class" is three words).
func splitPhrase(s string) []string {
	var t tokenizer
	f := field{text: s}
	var words []string
	t.scan(&f, func(lower []byte) int32 {
		words = append(words, string(lower))
		return -1
	})
	return words
}
