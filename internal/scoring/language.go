package scoring

import (
	"strings"
	"sync"

	"github.com/blevesearch/snowballstem"
)

// Languages: the model is written per language. A modelled language brings
// a Snowball stemmer, its word lists (data/<code>/, see data/README.md), a
// syllable counter and a readability formula, in lang_<code>.go; the checks
// themselves are shared. English is always compiled in. Every other
// language's file carries the build constraint
//
//	//go:build !widgetlang || widgetlang_<code>
//
// so the server and the CLI have them all, and a widget build for one
// language (-tags widgetlang,widgetlang_es) has English and that language
// only: six stemmers and their lists would push one WebAssembly over its
// size budget.

// readabilityFormula is a language's reading-ease formula: a score on the
// Flesch scale (higher is easier), full marks at target and none at floor.
type readabilityFormula struct {
	// name is how messages cite it ("Flesch reading ease").
	name string
	// ease computes it from the body's words per sentence, syllables per
	// word and letters per word.
	ease          func(wordsPerSentence, syllablesPerWord, lettersPerWord float64) float64
	target, floor float64
	// label reads a score in the formula's own terms ("plain English").
	label func(float64) string
}

// langSpec is one modelled language as its lang_<code>.go declares it.
type langSpec struct {
	code string // ISO 639-1
	name string // in English
	stem func(*snowballstem.Env) bool
	// table is the language's word lists parsed and stemmed at build time
	// (lexicon_table_<code>.go, generated from data/<code>/*.txt).
	table *lexiconData
	// syllables counts the syllables of a lower-case word.
	syllables func(string) int
	read      readabilityFormula
	// stemAll says whether words with letters outside a-z are stemmed
	// (English stems ASCII words only: "café" stays as written).
	stemAll bool
	// longWordExtra is how much higher the share of long words
	// (LongWordLetters letters or more) runs in plain text of the language
	// than in English, added to LongWordShareOK and LongWordShareMax:
	// languages that write compounds as one word ("Gartenfreunde") are
	// not penalised for them. Zero for English.
	longWordExtra float64
	// compounds says whether one-word interests also match inside the
	// compound words the language writes as one ("Fahrradtour"; see
	// compoundInterests). Off for English.
	compounds bool

	load   func() *lexicon          // parsed on first use (sync.OnceValue)
	traits func() map[string]string // stem of a traits.txt word → its section
	// index is its position in registered order, for per-language arrays.
	index int
}

// modelledCodes are the languages the model covers (ISO 639-1), whichever
// of them a build compiles in.
var modelledCodes = [...]string{"de", "en", "es", "fr", "it", "nl", "pt"}

// ModelledLanguages returns the codes of the languages the model covers; a
// widget build compiles in English and one of the others (Languages).
func ModelledLanguages() []string { return append([]string(nil), modelledCodes[:]...) }

// maxLanguages bounds the registry (Profile keeps one stem cache each).
const maxLanguages = 8

// languages is the registry of modelled languages, filled by the init
// functions of the lang_<code>.go files compiled into this build. It is
// written only during package initialisation and read-only after.
var languages = struct {
	byCode map[string]*langSpec
	list   []*langSpec
}{byCode: map[string]*langSpec{}}

// register adds a language; called from init.
func register(l *langSpec) {
	if _, dup := languages.byCode[l.code]; dup || len(languages.list) == maxLanguages {
		panic("scoring: language " + l.code + " registered twice or too many languages")
	}
	spec := l
	spec.load = sync.OnceValue(func() *lexicon { return loadLexicon(spec) })
	spec.traits = sync.OnceValue(func() map[string]string {
		out := map[string]string{}
		for _, line := range strings.Split(spec.table.traits, "\n") {
			if section, stem, ok := strings.Cut(line, " "); ok {
				out[stem] = section
			}
		}
		return out
	})
	languages.byCode[l.code] = spec
	languages.list = append(languages.list, spec)
	insertionSort(languages.list, func(a, b *langSpec) bool { return a.code < b.code })
	for i, s := range languages.list {
		s.index = i
	}
}

// language returns the modelled language with this code, or nil.
func language(code string) *langSpec { return languages.byCode[code] }

// englishModel is the default model: always compiled in.
func englishModel() *langSpec { return languages.byCode["en"] }

// Languages returns the codes of the languages modelled in this build,
// sorted.
func Languages() []string {
	out := make([]string, len(languages.list))
	for i, l := range languages.list {
		out[i] = l.code
	}
	return out
}

// stemWord returns the language's Snowball stem of a lower-case word.
func (l *langSpec) stemWord(lower string) string {
	if len(lower) < 3 || len(lower) > maxStemBytes {
		return lower
	}
	if !l.stemAll && !isASCIIWord(lower) {
		return lower
	}
	env := snowballstem.NewEnv(lower)
	l.stem(env)
	return env.Current()
}
