//go:build !widgetlang || widgetlang_es

package scoring

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/spanish"
)

// Spanish: the Snowball Spanish stemmer, the lists of data/es/ and
// the Szigriszt-Pazos perspicuity: Szigriszt-Pazos (1993), the Spanish adaptation of Flesch, read on the INFLESZ scale (Barrio-Cantalejo et al. 2008):
//
//	206.835 − 62.3 × syllables per word − words per sentence
func init() {
	register(&langSpec{
		code: "es", name: "Spanish", stem: esStem, table: &esTable, stemAll: true,
		syllables: esSyllableCount,
		read: readabilityFormula{
			name:   "Szigriszt-Pazos perspicuity",
			ease:   func(wps, spw, _ float64) float64 { return 206.835 - 62.3*spw - wps },
			target: 55, floor: 10,
			label: func(f float64) string {
				switch {
				case f >= 80:
					return "very easy"
				case f >= 65:
					return "quite easy"
				case f >= 55:
					return "normal"
				case f >= 40:
					return "somewhat difficult"
				}
				return "very difficult"
			},
		},
	})
}

var esSyllables = vowelSyllables{vowels: "aeiouáéíóúü", strong: "aeoáéó", breaks: "íú"}

// esSyllableCount counts Spanish syllables: vowel groups with the hiatus
// rules of esSyllables, where Spanish spelling marks a stressed weak vowel
// ("dí-a", "re-ír"). Two more rules of the spelling: the u of "que", "qui",
// "gue", "gui" is not pronounced ("a-quí", "guí-a", not "a-qu-í"), and a
// doubled vowel is two syllables ("le-er", "co-o-pe-rar").
func esSyllableCount(w string) int {
	return esSyllables.count(dropSilentU(w)) + doubledVowels(w)
}

// esStem is the Snowball Spanish stemmer, after taking the enclitic
// pronouns off an imperative: Snowball removes them from infinitives and
// gerunds ("descargarla") but not from imperatives, which Spanish writes
// with an accent once a pronoun is attached ("descárgalo", "pruébelo",
// "cuéntanos", "inscríbete"). So "descárgalo", "descárguelo", "descarga"
// and "descargar" meet on one stem, in drafts and lists alike. The rule
// needs the written accent and a verb ending (a or e) before the pronoun,
// so "artículo", "película" and "fórmula" are left alone.
func esStem(env *snowballstem.Env) bool {
	if base, ok := esImperativeBase(env.Current()); ok {
		env.SetCurrent(base)
	}
	return spanish.Stem(env)
}

var esClitics = [...]string{"nos", "les", "los", "las", "lo", "la", "le", "me", "te", "se"}

// esImperativeBase strips one or two enclitic pronouns from an accented
// imperative and the accent they caused: "cómpraselo" → "compra".
func esImperativeBase(w string) (string, bool) {
	if !strings.ContainsAny(w, "áéíóú") {
		return "", false
	}
	base := w
	for range 2 {
		stripped := false
		for _, c := range esClitics {
			rest, ok := strings.CutSuffix(base, c)
			if !ok || utf8RuneLen(rest) < 3 || !strings.ContainsAny(rest, "áéíóú") {
				continue
			}
			if last := rest[len(rest)-1]; last != 'a' && last != 'e' {
				continue
			}
			base, stripped = rest, true
			break
		}
		if !stripped {
			break
		}
	}
	if base == w {
		return "", false
	}
	return esUnaccent.Replace(base), true
}

var esUnaccent = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u")

func utf8RuneLen(s string) int { return len([]rune(s)) }
