package scoring

import (
	"strings"
	"unicode/utf8"
)

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

// unitSyllables counts syllable nuclei (German and Dutch, whose vowel
// pairs are a diphthong or a hiatus by the letters, not by stress): at each vowel, the longest of units
// that starts there is one nucleus (unless split says the unit is two
// syllables here), else the single vowel is. A "u" after "q" is not a
// vowel. Words with no vowel have one syllable.
func unitSyllables(w, vowels string, units []string, split func(w string, i int, unit string) bool) int {
	n := 0
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if !containsRune(vowels, r) || r == 'u' && i > 0 && w[i-1] == 'q' {
			i += size
			continue
		}
		n++
		step := size
		for _, u := range units {
			if len(u) > step && strings.HasPrefix(w[i:], u) && (split == nil || !split(w, i, u)) {
				step = len(u)
			}
		}
		i += step
	}
	return max(n, 1)
}

// Helpers for the Iberian counters (lang_es.go, lang_pt.go), here so that a
// widget build with either language has them.

// dropSilentU removes the u of qu and gu before e or i (accented or not):
// it is spelling, not a vowel ("que", "guía"; "güe" keeps its ü).
func dropSilentU(w string) string {
	if !strings.Contains(w, "qu") && !strings.Contains(w, "gu") {
		return w
	}
	r := []rune(w)
	out := r[:0:0]
	for i, c := range r {
		if c == 'u' && i > 0 && (r[i-1] == 'q' || r[i-1] == 'g') && i+1 < len(r) && strings.ContainsRune("eiéíê", r[i+1]) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// doubledVowels counts "aa", "ee", "oo": two syllables in Spanish and
// Portuguese ("leer", "voo"), one long sound in the shared counter.
func doubledVowels(w string) int {
	n := 0
	for i := 1; i < len(w); i++ {
		if c := w[i]; c == w[i-1] && (c == 'a' || c == 'e' || c == 'o') {
			n++
		}
	}
	return n
}
