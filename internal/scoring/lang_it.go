//go:build !widgetlang || widgetlang_it

package scoring

import "github.com/blevesearch/snowballstem/italian"

// Italian: the Snowball Italian stemmer, the lists of data/it/ and
// the Gulpease index: Lucisano and Piemontese (1988), Gulpease: counted in letters, not syllables, on its own 0–100 scale (under 80 hard for primary school readers, under 60 for middle school, under 40 for secondary):
//
//	89 + (300 × sentences − 10 × letters) / words
func init() {
	register(&langSpec{
		code: "it", name: "Italian", stem: italian.Stem, text: itText, stemAll: true,
		syllables: itSyllables.count,
		read: readabilityFormula{
			name:   "Gulpease index",
			ease:   func(wps, _, lpw float64) float64 { return 89 + 300/wps - 10*lpw },
			target: 60, floor: 30,
			label: func(f float64) string {
				switch {
				case f >= 80:
					return "easy for primary school readers"
				case f >= 60:
					return "easy for middle school readers"
				case f >= 40:
					return "easy for secondary school readers"
				}
				return "difficult"
			},
		},
	})
}

var itSyllables = vowelSyllables{vowels: "aeiouàèéìíòóùú", strong: "aeoàèéòó", breaks: ""}
