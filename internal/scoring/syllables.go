package scoring

// syllables estimates the English syllables of a lower-case word: groups of
// vowels (y counts after a consonant), less a silent final "e" or "es"/"ed"
// that adds no sound, plus a syllabic "le" ("ta-ble"). Words of three
// letters or fewer have one; digits and other scripts count one per word.
// It is the usual heuristic behind Flesch implementations: exact for most
// common words, within one for the rest.
func syllables(w string) int {
	// Keep only a-z; an apostrophe ending ("don't", "it's") adds nothing.
	var buf [maxStemBytes]byte
	n := 0
	for i := 0; i < len(w) && n < len(buf); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			buf[n] = c
			n++
		}
	}
	b := buf[:n]
	if n <= 3 {
		return 1
	}
	count := 0
	prevVowel := false
	for i, c := range b {
		v := isVowel(c) || c == 'y' && i > 0 && !isVowel(b[i-1])
		if v && !prevVowel {
			count++
		}
		prevVowel = v
	}
	switch {
	case b[n-1] == 'e' && !(b[n-2] == 'l' && !isVowel(b[n-3])) && !isVowel(b[n-2]):
		// silent e: "make", "state" (but not "table", "free")
		count--
	case n > 3 && b[n-2] == 'e' && (b[n-1] == 'd' || b[n-1] == 's') && !isVowel(b[n-3]):
		// "-ed" / "-es" without a sound of their own: "saved", "makes",
		// but "wanted", "needed", "boxes", "places" keep it.
		c := b[n-3]
		if b[n-1] == 'd' && c != 't' && c != 'd' || b[n-1] == 's' && c != 's' && c != 'x' && c != 'z' && c != 'c' && c != 'g' && !(c == 'h' && n > 4 && (b[n-4] == 'c' || b[n-4] == 's')) {
			count--
		}
	}
	if count < 1 {
		count = 1
	}
	return count
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}
