//go:build !widgetlang || widgetlang_de

package scoring

import (
	"strings"

	"github.com/blevesearch/snowballstem/german"
)

// German: the Snowball German stemmer, the lists of data/de/ and
// the Amstad reading ease: Amstad (1978), Flesch adapted to German, read on Flesch's scale:
//
//	180 − words per sentence − 58.5 × syllables per word
func init() {
	register(&langSpec{
		code: "de", name: "German", stem: german.Stem, table: &deTable, stemAll: true,
		syllables: deSyllables,
		// Plain German writes compounds as one word: the plain drafts of
		// the evaluation corpus have 20-31% words of 7+ letters (mean
		// 24%) where plain English ones have 15% (13-18% by community).
		longWordExtra: 0.08,
		compounds:     true,

		read: readabilityFormula{
			name:   "Amstad reading ease",
			ease:   func(wps, spw, _ float64) float64 { return 180 - wps - 58.5*spw },
			target: 55, floor: 10,
			label: func(f float64) string { return strings.Replace(fleschLabel(f), "English", "German", 1) },
		},
	})
}

// deVowelUnits are the German vowel letters and letter pairs that make one
// syllable nucleus: the diphthongs (ei, ai, ey, ay, au, eu, äu), the long
// vowels written double (aa, ee, oo) or with e (ie), and "ou" and "eau" of
// loan words (Tour, Niveau). Any other two vowels side by side are two
// syllables: The-a-ter, Si-tu-a-ti-on, ak-tu-ell, Po-e-sie, ge-übt.
var deVowelUnits = []string{"eau", "ei", "ai", "ey", "ay", "au", "eu", "äu", "ie", "aa", "ee", "oo", "ou", "oi"}

// deSyllables counts the syllables of a lower-case German word: one per
// vowel unit (deVowelUnits, else a single vowel), with the u of "qu" a
// consonant (Quelle, be-quem) and "ie" read as two syllables before a
// final "n" or "ll" (Fe-ri-en, Fa-mi-li-en, spe-zi-ell), where it is nearly
// always i-e. Exact for most words; compounds whose parts meet in two
// vowels (be-en-den, See-ufer) count one short.
func deSyllables(w string) int {
	return unitSyllables(w, "aeiouyäöü", deVowelUnits, func(w string, i int, unit string) bool {
		if unit != "ie" {
			return false
		}
		rest := w[i+2:]
		return rest == "n" || strings.HasPrefix(rest, "ll") || rest == "ns"
	})
}
