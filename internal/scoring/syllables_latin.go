package scoring

import "unicode/utf8"

// vowelSyllables counts the syllables of a lower-case word in a language
// written with Latin letters, as the readability formulas of Spanish,
// French, German, Italian, Portuguese and Dutch are usually implemented:
// one per group of adjacent vowels, plus one for each hiatus inside a group
// (two "strong" vowels side by side, "po-e-ta", or a vowel next to one the
// language marks as breaking a diphthong, "dí-a", "i-de-eën"). Words with no
// vowel have one. Exact for most words, within one for the rest.
type vowelSyllables struct {
	vowels string // every vowel letter, accented ones included
	strong string // vowels two of which side by side are two syllables
	breaks string // vowels that never join the one before them
}

func (v *vowelSyllables) count(w string) int {
	n, prev, prevStrong := 0, false, false
	var prevRune rune
	for i, r := range w {
		vowel := containsRune(v.vowels, r)
		strong := containsRune(v.strong, r)
		switch {
		case !vowel:
		case !prev:
			n++
		case strong && prevStrong && r != prevRune && i > 0, containsRune(v.breaks, r), containsRune(v.breaks, prevRune):
			// A hiatus: "poeta", "día", "ideeën" (but a doubled vowel,
			// "leer", "aan", is one long sound).
			n++
		}
		prev, prevStrong, prevRune = vowel, strong, r
	}
	return max(n, 1)
}

func containsRune(s string, r rune) bool {
	if r < utf8.RuneSelf {
		for i := 0; i < len(s); i++ {
			if rune(s[i]) == r {
				return true
			}
		}
		return false
	}
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
