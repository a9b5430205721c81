//go:build !widgetlang || widgetlang_nl

package scoring

import "github.com/blevesearch/snowballstem/dutch"

// Dutch: the Snowball Dutch stemmer, the lists of data/nl/ and
// the Douma reading ease: Douma (1960), Flesch adapted to Dutch, read on Flesch's scale:
//
//	206.835 − 0.93 × words per sentence − 77 × syllables per word
func init() {
	register(&langSpec{
		code: "nl", name: "Dutch", stem: dutch.Stem, text: nlText, stemAll: true,
		syllables: nlSyllables.count,
		read: readabilityFormula{
			name:   "Douma reading ease",
			ease:   func(wps, spw, _ float64) float64 { return 206.835 - 0.93*wps - 77*spw },
			target: 60, floor: 10,
			label: fleschLabel,
		},
	})
}

var nlSyllables = vowelSyllables{vowels: "aeiouyáéíóúèëïöü", strong: "", breaks: "ëïöü"}
