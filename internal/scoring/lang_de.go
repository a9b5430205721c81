//go:build !widgetlang || widgetlang_de

package scoring

import "github.com/blevesearch/snowballstem/german"

// German: the Snowball German stemmer, the lists of data/de/ and
// the Amstad reading ease: Amstad (1978), Flesch adapted to German, read on Flesch's scale:
//
//	180 − words per sentence − 58.5 × syllables per word
func init() {
	register(&langSpec{
		code: "de", name: "German", stem: german.Stem, text: deText, stemAll: true,
		syllables: deSyllables.count,
		read: readabilityFormula{
			name:   "Amstad reading ease",
			ease:   func(wps, spw, _ float64) float64 { return 180 - wps - 58.5*spw },
			target: 55, floor: 10,
			label: fleschLabel,
		},
	})
}

var deSyllables = vowelSyllables{vowels: "aeiouyäöü", strong: "", breaks: ""}
