//go:build !widgetlang || widgetlang_fr

package scoring

import "github.com/blevesearch/snowballstem/french"

// French: the Snowball French stemmer, the lists of data/fr/ and
// the Kandel-Moles reading ease: Kandel and Moles (1958), Flesch adapted to French, read on Flesch's scale:
//
//	207 − 1.015 × words per sentence − 73.6 × syllables per word
func init() {
	register(&langSpec{
		code: "fr", name: "French", stem: french.Stem, text: frText, stemAll: true,
		syllables: frenchSyllables,
		read: readabilityFormula{
			name:   "Kandel-Moles reading ease",
			ease:   func(wps, spw, _ float64) float64 { return 207 - 1.015*wps - 73.6*spw },
			target: 60, floor: 10,
			label: fleschLabel,
		},
	})
}

var frSyllables = vowelSyllables{vowels: "aeiouyàâéèêëîïôùûüæœ", strong: "aoé", breaks: "ëï"}

// frenchSyllables counts vowel groups less a mute final "e" or "es"
// after a consonant ("for-me", "tables"): spoken French drops it.
func frenchSyllables(w string) int {
	n := frSyllables.count(w)
	b := w
	if len(b) > 2 && b[len(b)-1] == 's' {
		b = b[:len(b)-1]
	}
	if n > 1 && len(b) > 2 && b[len(b)-1] == 'e' && !containsRune(frSyllables.vowels, rune(b[len(b)-2])) {
		n--
	}
	return n
}
