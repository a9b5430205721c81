//go:build !widgetlang || widgetlang_pt

package scoring

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/portuguese"
)

// Portuguese: the Snowball Portuguese stemmer, the lists of data/pt/ and
// the Flesch reading ease (Portuguese): Martins et al. (1996), Flesch adapted to Portuguese, read on their scale (75–100 very easy, 50–75 easy, 25–50 difficult, under 25 very difficult):
//
//	248.835 − 1.015 × words per sentence − 84.6 × syllables per word
func init() {
	register(&langSpec{
		code: "pt", name: "Portuguese", stem: ptStem, table: &ptTable, stemAll: true,
		syllables: ptSyllableCount,
		read: readabilityFormula{
			name:   "Flesch reading ease (Portuguese)",
			ease:   func(wps, spw, _ float64) float64 { return 248.835 - 1.015*wps - 84.6*spw },
			target: 60, floor: 10,
			label: func(f float64) string {
				switch {
				case f >= 75:
					return "very easy"
				case f >= 50:
					return "easy"
				case f >= 25:
					return "difficult"
				}
				return "very difficult"
			},
		},
	})
}

var ptSyllables = vowelSyllables{vowels: "aeiouáéíóúâêôãõàü", strong: "aeoáéóâêô", breaks: "íú"}

// ptSyllableCount counts Portuguese syllables: vowel groups with the hiatus
// rules of ptSyllables, the u of "que", "qui", "gue", "gui" dropped
// ("a-qui", "gui-a"), doubled vowels as two ("vo-o", "le-em"), and the
// hiatus Portuguese spelling leaves unmarked: a word with no written accent
// is stressed on its last but one syllable when it ends in a vowel (or -s,
// -m), so a final i or u followed by a, e or o is a syllable of its own
// ("di-a", "ru-a", "fa-zi-am", "mei-o"), where "his-tó-ria" keeps its
// diphthong. "ao", "aos" are one syllable.
func ptSyllableCount(w string) int {
	if w == "ao" || w == "aos" {
		return 1
	}
	s := dropSilentU(w)
	n := ptSyllables.count(s) + doubledVowels(s)
	if ptFinalHiatus(s) {
		n++
	}
	return n
}

// ptFinalHiatus reports an unaccented word ending in i or u, then a, e or
// o, then optionally s or m.
func ptFinalHiatus(w string) bool {
	if strings.ContainsAny(w, "áéíóúâêôãõà") {
		return false
	}
	b := w
	if n := len(b); n > 0 && (b[n-1] == 's' || b[n-1] == 'm') {
		b = b[:n-1]
	}
	n := len(b)
	if n < 2 || !strings.ContainsRune("aeo", rune(b[n-1])) || !strings.ContainsRune("iu", rune(b[n-2])) {
		return false
	}
	// "qua", "gua": the u glides into the a ("qua-se", "á-gua").
	return n < 3 || b[n-2] != 'u' || (b[n-3] != 'q' && b[n-3] != 'g')
}

// ptStem is the Snowball Portuguese stemmer with two additions, so that
// the forms writers use meet on one stem:
//
//   - a word typed without any accent gets back the tilde (and cedilla) of
//     its ending, which Portuguese spelling never leaves out: "informacao",
//     "promocoes", "botoes" are read as "informação", "promoções", "botões";
//   - the plurals of -ão ("manutenções", "pães", "irmãos") are stemmed as
//     their singular: Snowball leaves "manutençã" and "manutençõ" apart;
//   - the stem of a word of five letters or more is written without
//     accents, as Snowball's Spanish stemmer does: drafts typed fast
//     ("manutencao", "informacoes") and the lists meet.
func ptStem(env *snowballstem.Env) bool {
	w := ptRestoreTilde(env.Current())
	for _, pl := range [...]string{"ões", "ães", "ãos"} {
		if strings.HasSuffix(w, pl) && len(w) > len(pl) {
			w = w[:len(w)-len(pl)] + "ão"
			break
		}
	}
	env.SetCurrent(w)
	portuguese.Stem(env)
	// Short words keep their accents: "dê" is not "de", "nós" not "nos".
	if s := env.Current(); !isASCIIWord(s) && utf8.RuneCountInString(w) >= 5 {
		env.SetCurrent(ptFold.Replace(s))
	}
	return true
}

var ptFold = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ã", "a", "é", "e", "ê", "e", "í", "i", "ó", "o", "ô", "o", "õ", "o", "ú", "u", "ü", "u", "ç", "c")

// ptRestoreTilde writes the endings -ção, -ções, -ão, -ões, -ães of a word
// of four letters or more typed with no accent at all.
func ptRestoreTilde(w string) string {
	if len(w) < 4 || !isASCIIWord(w) {
		return w
	}
	for _, e := range [...]struct{ typed, written string }{
		{"coes", "ções"}, {"cao", "ção"}, {"oes", "ões"}, {"aes", "ães"}, {"ao", "ão"},
	} {
		if strings.HasSuffix(w, e.typed) {
			return w[:len(w)-len(e.typed)] + e.written
		}
	}
	return w
}
