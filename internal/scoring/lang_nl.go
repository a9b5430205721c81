//go:build !widgetlang || widgetlang_nl

package scoring

import (
	"strings"

	"github.com/blevesearch/snowballstem/dutch"
)

// Dutch: the Snowball Dutch stemmer, the lists of data/nl/ and
// the Douma reading ease: Douma (1960), Flesch adapted to Dutch, read on Flesch's scale:
//
//	206.835 − 0.93 × words per sentence − 77 × syllables per word
func init() {
	register(&langSpec{
		code: "nl", name: "Dutch", stem: dutch.Stem, table: &nlTable, stemAll: true,
		syllables: nlSyllables, compounds: true,
		read: readabilityFormula{
			name:   "Douma reading ease",
			ease:   func(wps, spw, _ float64) float64 { return 206.835 - 0.93*wps - 77*spw },
			target: 60, floor: 10,
			label: func(f float64) string { return strings.Replace(fleschLabel(f), "English", "Dutch", 1) },
		},
	})
}

// nlVowelUnits are the Dutch vowel letter groups that make one syllable
// nucleus: the triphthong spellings (aai, ooi, oei, and eeu, ieu before w:
// eeuw, nieuw), "eau" (bureau), the long vowels written double (aa, ee, oo,
// uu) and the diphthongs and digraphs (ei, ij, ie, oe, ou, au, ui, eu; the
// j of ij is not a vowel letter, so "ij" is the i alone). Any other vowels
// side by side are two syllables (the-a-ter, si-tu-a-tie, ac-tu-eel,
// ge-o-pend, be-oor-de-len), and a vowel with a diaeresis always starts a
// syllable of its own (i-de-eën, Bel-gi-ë, re-ü-nie).
var nlVowelUnits = []string{"aai", "ooi", "oei", "eeu", "ieu", "eau", "aa", "ee", "oo", "uu", "ei", "ie", "oe", "ou", "au", "ui", "eu", "ay", "ey", "oy"}

// nlSyllables counts the syllables of a lower-case Dutch word (see
// nlVowelUnits). Exact for most words; "museum" and a few loan words count
// one short.
func nlSyllables(w string) int {
	return unitSyllables(w, "aeiouyáéíóúàèëïöüâêîôû", nlVowelUnits, nil)
}
