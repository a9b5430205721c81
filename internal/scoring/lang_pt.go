//go:build !widgetlang || widgetlang_pt

package scoring

import "github.com/blevesearch/snowballstem/portuguese"

// Portuguese: the Snowball Portuguese stemmer, the lists of data/pt/ and
// the Flesch reading ease (Portuguese): Martins et al. (1996), Flesch adapted to Portuguese, read on their scale (75–100 very easy, 50–75 easy, 25–50 difficult, under 25 very difficult):
//
//	248.835 − 1.015 × words per sentence − 84.6 × syllables per word
func init() {
	register(&langSpec{
		code: "pt", name: "Portuguese", stem: portuguese.Stem, text: ptText, stemAll: true,
		syllables: ptSyllables.count,
		read: readabilityFormula{
			name:   "Flesch reading ease (Portuguese)",
			ease:   func(wps, spw, _ float64) float64 { return 248.835 - 1.015*wps - 84.6*spw },
			target: 60, floor: 10,
			label: func(f float64) string {
				switch {
				case f >= 75:
					return "very easy"
				case f >= 50:
					return "easy"
				case f >= 25:
					return "difficult"
				}
				return "very difficult"
			},
		},
	})
}

var ptSyllables = vowelSyllables{vowels: "aeiouáéíóúâêôãõàü", strong: "aeoáéóâêô", breaks: "íú"}
