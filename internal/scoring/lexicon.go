package scoring

import (
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
	text    string   // the phrase as written in the list
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

// lexiconData is the generated form of a language's lexicon
// (lexicon_table_<code>.go, written from its lists by parseLexicon, see
// lexicon_table_test.go): plain values and strings, which the Go compiler
// lays out as static data, so the widget's first score does not run the
// list parser and the stemmer over ~700 phrases as freshly compiled
// WebAssembly (~20 ms before the first score; 1.7 ms natively). Each
// entry's stems are one space-separated string (a stem has no space):
// fewer pointers in the data section make the wasm smaller than a []string
// per entry. (If a change to the engine leaves a table not compiling,
// replace its body with `lexiconData{}` and run go generate.)
type lexiconData struct {
	entries []packedEntry
	stop    []string
}

type packedEntry struct {
	cat     category
	initial bool
	weight  float64
	stems   string
	text    string
}

// loadLexicon builds a language's lexicon once per process (langSpec.load):
// from its generated table when it has one, else from the lists' text.
func loadLexicon(l *langSpec) *lexicon {
	if l.table == nil || len(l.table.entries) == 0 {
		return parseLexicon(l)
	}
	t := l.table
	lx := &lexicon{
		entries: make([]entry, len(t.entries)),
		byFirst: make(map[string][]int32, len(t.entries)),
		stop:    make(map[string]bool, len(t.stop)),
	}
	for i, p := range t.entries {
		lx.entries[i] = entry{cat: p.cat, weight: p.weight, initial: p.initial, stems: strings.Split(p.stems, " "), text: p.text}
		first := lx.entries[i].stems[0]
		lx.byFirst[first] = append(lx.byFirst[first], int32(i))
	}
	lx.sortByFirst()
	for _, w := range t.stop {
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

// parseLexicon builds a language's lexicon from its lists' text: the source
// of truth its generated table is written from and checked against.
func parseLexicon(l *langSpec) *lexicon {
	lx := &lexicon{byFirst: map[string][]int32{}, stop: map[string]bool{}}
	lists := [...]struct{ name, text string }{
		{"value.txt", l.text.value}, {"pitch.txt", l.text.pitch}, {"hooks.txt", l.text.hooks}, {"generations.txt", l.text.generations},
	}
	for _, list := range lists {
		name := l.code + "/" + list.name
		for _, ll := range parseList(list.text) {
			cat, ok := sectionCategory[ll.section]
			if !ok {
				panic("scoring: data/" + name + ": unknown section [" + ll.section + "]")
			}
			e := entry{cat: cat, weight: ll.weight, initial: ll.initial, text: ll.phrase}
			for _, part := range strings.Fields(ll.phrase) {
				switch part {
				case anyNumber, percentage, priceAmount:
					e.stems = append(e.stems, part)
					continue
				}
				for _, w := range splitPhrase(part) {
					e.stems = append(e.stems, l.stemWord(w))
				}
			}
			if len(e.stems) == 0 {
				continue
			}
			lx.byFirst[e.stems[0]] = append(lx.byFirst[e.stems[0]], int32(len(lx.entries)))
			lx.entries = append(lx.entries, e)
		}
	}
	lx.sortByFirst()
	for _, ll := range parseList(l.text.stopwords) {
		lx.stop[ll.phrase] = true
	}
	return lx
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
	for _, ll := range parseList(englishModel().text.stopwords) {
		d.langStop[ll.phrase] |= 1
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
