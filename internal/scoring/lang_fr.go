//go:build !widgetlang || widgetlang_fr

package scoring

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/french"
)

// French: the Snowball French stemmer, the lists of data/fr/ and
// the Kandel-Moles reading ease: Kandel and Moles (1958), Flesch adapted to French, read on Flesch's scale:
//
//	207 − 1.015 × words per sentence − 73.6 × syllables per word
func init() {
	register(&langSpec{
		code: "fr", name: "French", stem: frenchStem, table: &frTable, stemAll: true,
		syllables: frenchSyllables,
		read: readabilityFormula{
			name:   "Kandel-Moles reading ease",
			ease:   func(wps, spw, _ float64) float64 { return 207 - 1.015*wps - 73.6*spw },
			target: 60, floor: 10,
			label: fleschLabel,
		},
	})
}

// frElisions are the French words that elide before a vowel and stay
// glued to the next word by the tokeniser ("l'été", "d'une", "qu'il",
// "jusqu'à"). The Snowball stemmer does not know them (it stems
// "l'offre" to "l'offr"), so they are dropped before stemming: "l'offre",
// "d'offres" and "offre" then share the stem "offre", in drafts, word
// lists and interests alike. "aujourd'hui" or "prud'homme" keep theirs.
var frElisions = [...]string{"l", "d", "j", "m", "t", "s", "n", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}

// frenchStem is the Snowball French stemmer after the elided word.
func frenchStem(env *snowballstem.Env) bool {
	if w := env.Current(); strings.IndexByte(w, '\'') > 0 {
		if s := frStripElision(w); len(s) != len(w) {
			env.SetCurrent(s)
		}
	}
	return french.Stem(env)
}

// frStripElision drops a leading elided word ("l'", "qu'") from w.
func frStripElision(w string) string {
	i := strings.IndexByte(w, '\'')
	if i <= 0 || i == len(w)-1 {
		return w
	}
	for _, p := range frElisions {
		if w[:i] == p {
			return w[i+1:]
		}
	}
	return w
}

var frSyllables = vowelSyllables{vowels: "aeiouyàâéèêëîïôùûüæœ", strong: "aoéâô", breaks: "ëï"}

// frenchSyllables counts the syllables of spoken French: vowel groups
// (with a hiatus between strong vowels, "ré-a-li-té", "po-é-sie", and
// after a diaeresis, "No-ël"), less a mute final "e" or "es" after a
// consonant ("forme", "tables": spoken French drops it). The "u" of "qu"
// is no vowel ("qu'il", "jusqu'à", "quatre"), and a "y" between vowels
// closes the first syllable and opens the next ("pa-yer", "voy-age").
func frenchSyllables(w string) int {
	if strings.Contains(w, "qu") || strings.Contains(w, "y") {
		rs := []rune(w)
		out := make([]rune, 0, len(rs)+2)
		for k, r := range rs {
			switch {
			case r == 'u' && k > 0 && rs[k-1] == 'q':
				continue
			case r == 'y' && k > 0 && k+1 < len(rs) && containsRune(frSyllables.vowels, rs[k-1]) && containsRune(frSyllables.vowels, rs[k+1]):
				// "ayé", "oya": the y ends the vowel group (as an "i")
				// and opens the next as a consonant.
				out = append(out, 'i', 'j')
				continue
			}
			out = append(out, r)
		}
		w = string(out)
	}
	n := frSyllables.count(w)
	b := strings.TrimSuffix(w, "s")
	if n > 1 && len(b) > 2 && b[len(b)-1] == 'e' {
		// The letter before the final e, decoded: "ée" is a vowel,
		// "me" a consonant.
		r, _ := utf8.DecodeLastRuneInString(b[:len(b)-1])
		if !containsRune(frSyllables.vowels, r) && r != '\'' {
			n--
		}
	}
	return n
}
