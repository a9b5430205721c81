//go:build !widgetlang || widgetlang_es

package scoring

import "github.com/blevesearch/snowballstem/spanish"

// Spanish: the Snowball Spanish stemmer, the lists of data/es/ and
// the Szigriszt-Pazos perspicuity: Szigriszt-Pazos (1993), the Spanish adaptation of Flesch, read on the INFLESZ scale (Barrio-Cantalejo et al. 2008):
//
//	206.835 − 62.3 × syllables per word − words per sentence
func init() {
	register(&langSpec{
		code: "es", name: "Spanish", stem: spanish.Stem, text: esText, stemAll: true,
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
