//go:build !widgetlang || widgetlang_it

package scoring

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/italian"
)

// Italian: the Snowball Italian stemmer, the lists of data/it/ and
// the Gulpease index: Lucisano and Piemontese (1988), Gulpease: counted in letters, not syllables, on its own 0–100 scale (under 80 hard for primary school readers, under 60 for middle school, under 40 for secondary):
//
//	89 + (300 × sentences − 10 × letters) / words
func init() {
	register(&langSpec{
		code: "it", name: "Italian", stem: italianStem, table: &itTable, stemAll: true,
		syllables: italianSyllables,
		read: readabilityFormula{
			name:   "Gulpease index",
			ease:   func(wps, _, lpw float64) float64 { return 89 + 300/wps - 10*lpw },
			target: 60, floor: 30,
			label: func(f float64) string {
				switch {
				case f >= 80:
					return "easy for primary school readers"
				case f >= 60:
					return "easy for middle school readers"
				case f >= 40:
					return "easy for secondary school readers"
				}
				return "difficult"
			},
		},
	})
}

// itElisions are the Italian articles, prepositions and adjectives that
// elide before a vowel and stay glued to the next word by the tokeniser
// ("l'offerta", "dell'olio", "un'idea", "quest'anno", "c'è"). The Snowball
// stemmer does not know them ("l'offerta" stems to "l'offert"), so they
// are dropped before stemming: "l'offerta", "un'offerta" and "offerte"
// share the stem "offert".
var itElisions = [...]string{
	"l", "d", "c", "m", "t", "s", "v", "n", "un", "gl",
	"dell", "all", "dall", "nell", "sull", "coll", "pell",
	"degl", "agl", "dagl", "negl", "sugl",
	"quest", "quell", "bell", "sant", "buon", "nessun", "qualcun", "tutt", "dov", "com",
}

// italianStem is the Snowball Italian stemmer after the elided word.
func italianStem(env *snowballstem.Env) bool {
	if w := env.Current(); strings.IndexByte(w, '\'') > 0 {
		if s := itStripElision(w); len(s) != len(w) {
			env.SetCurrent(s)
		}
	}
	return italian.Stem(env)
}

// itStripElision drops a leading elided word ("l'", "dell'") from w.
func itStripElision(w string) string {
	i := strings.IndexByte(w, '\'')
	if i <= 0 || i == len(w)-1 {
		return w
	}
	for _, p := range itElisions {
		if w[:i] == p {
			return w[i+1:]
		}
	}
	return w
}

var itSyllables = vowelSyllables{vowels: "aeiouàèéìíòóùú", strong: "aeoàèéòó", breaks: ""}

// italianSyllables counts vowel groups, with a hiatus between two strong
// vowels ("po-e-ta", "ci-a-o" is "cia-o") or a doubled vowel ("i-de-e",
// "zo-o"); an "i" between two vowels opens a syllable ("a-iu-to",
// "gio-ia", "bu-io"), and the "u" of "qu" is no vowel ("quie-te").
func italianSyllables(w string) int {
	rs := []rune(w)
	n := 0
	vowel := func(k int) bool {
		if k < 0 || k >= len(rs) {
			return false
		}
		if rs[k] == 'u' && k > 0 && rs[k-1] == 'q' {
			return false
		}
		return containsRune(itSyllables.vowels, rs[k])
	}
	for k, r := range rs {
		if !vowel(k) {
			continue
		}
		if !vowel(k - 1) {
			n++
			continue
		}
		p := rs[k-1]
		switch {
		case r == p,
			containsRune(itSyllables.strong, r) && containsRune(itSyllables.strong, p),
			r == 'i' && vowel(k+1):
			n++
		}
	}
	return max(n, 1)
}
