//go:build !widgetlang || widgetlang_it

package scoring

import (
	"math"
	"slices"
	"testing"
)

// itAudience is an Italian home-baking community, as an audience declares it.
func itAudience() Audience {
	return Audience{
		Name:     "Lievito & Forno",
		Language: "it",
		Interests: []Interest{
			{Term: "lievito madre", Weight: 1}, {Term: "pane fatto in casa", Weight: 0.9}, {Term: "impasto", Weight: 0.8},
			{Term: "farina", Weight: 0.7}, {Term: "idratazione", Weight: 0.6}, {Term: "focaccia", Weight: 0.5},
		},
		Generations: map[string]float64{"boomers": 0.2, "genx": 0.3, "millennials": 0.35, "genz": 0.15},
		Networks:    map[string]int{"instagram": 6200, "facebook": 4100, "email": 1500},
	}
}

func compileItalian(t *testing.T) *Profile {
	t.Helper()
	p, err := Compile(itAudience())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestItalianSyllables(t *testing.T) {
	cases := []struct {
		word string
		want int
	}{
		{"pane", 2}, {"farina", 3}, {"impasto", 3}, {"lievito", 3}, {"forno", 2},
		// Hiatus: two strong vowels, or a doubled vowel.
		{"poeta", 3}, {"paese", 3}, {"ciao", 2}, {"idee", 3}, {"zoo", 2},
		// An i between vowels opens a syllable.
		{"aiuto", 3}, {"gioia", 2}, {"buio", 2}, {"guaio", 2},
		// Diphthongs and the u of qu.
		{"buono", 2}, {"guida", 2}, {"acqua", 2}, {"quiete", 2}, {"mai", 1},
		// An apostrophe keeps the elided word's syllable: "u-nof-fer-ta".
		{"un'offerta", 4}, {"c'è", 1},
	}
	for _, tc := range cases {
		if got := italianSyllables(tc.word); got != tc.want {
			t.Errorf("italianSyllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

// TestItalianElision: an elided article or preposition is dropped before
// stemming, so "l'offerta", "un'offerta", "dell'impasto" and their plain
// forms share one stem.
func TestItalianElision(t *testing.T) {
	it := language("it")
	cases := []struct{ a, b string }{
		{"l'offerta", "offerte"}, {"un'offerta", "offerta"}, {"dell'impasto", "impasti"},
		{"all'idratazione", "idratazione"}, {"quest'anno", "anno"}, {"c'è", "è"}, {"nell'acqua", "acqua"},
	}
	for _, tc := range cases {
		if a, b := it.stemWord(tc.a), it.stemWord(tc.b); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want the same", tc.a, a, tc.b, b)
		}
	}
}

func TestItalianReadability(t *testing.T) {
	p := compileItalian(t)
	// Gulpease: 8 words, 2 sentences, 31 letters (il 2, pane 4, è 1,
	// pronto 6; lo 2, mettiamo 8, nel 3, forno 5):
	// 89 + 300 × 2 / 8 − 10 × 31 / 8 = 125.25.
	a := p.analyse(Content{Body: "Il pane è pronto. Lo mettiamo nel forno."})
	if a.lang.Code != "it" {
		t.Fatalf("language %q", a.lang.Code)
	}
	got, ok := a.flesch()
	if want := 125.25; !ok || math.Abs(got-want) > 1e-9 {
		t.Errorf("Gulpease %v (%v), want %v", got, ok, want)
	}
}

// TestItalianInterests: the community's Italian interests match their
// inflected and elided forms in a draft.
func TestItalianInterests(t *testing.T) {
	p := compileItalian(t)
	a := p.analyse(Content{Body: "Con il lievito madre gli impasti crescono piano. L'idratazione dell'impasto dipende dalle farine: le focacce vogliono più acqua del pane fatto in casa."})
	want := map[string]int{"lievito madre": 1, "pane fatto in casa": 1, "impasto": 2, "farina": 1, "idratazione": 1, "focaccia": 1}
	for i, in := range itAudience().Interests {
		if got := a.hits[i].body; got != want[in.Term] {
			t.Errorf("%q: %d matches, want %d", in.Term, got, want[in.Term])
		}
	}
}

const (
	itValueDraft = `Ci avete chiesto la ricetta del pane che sforniamo ogni domenica. Eccola, per una pagnotta da circa 900 g:

1. Sciogli 100 g di lievito madre in 350 g di acqua, aggiungi 500 g di farina tipo 1 e impasta finché non vedi più farina asciutta.
2. Dopo 30 minuti aggiungi 10 g di sale e lavora l'impasto per 5 minuti.
3. Fai 3 giri di pieghe ogni 30 minuti, poi lascia lievitare finché non cresce del 50%.
4. Forma la pagnotta e mettila in frigo per tutta la notte.
5. Cuoci a 250 °C: 20 minuti col coperchio, 25 senza.

Che farina usate voi per il pane fatto in casa?`

	itHardSell = `Offerta imperdibile: 40% di sconto su tutte le nostre impastatrici, le migliori sul mercato! Solo per oggi e fino a esaurimento scorte, l'offerta scade a mezzanotte. Compra subito con il codice sconto PANE40. Ordina ora, prima che finiscano!`
)

// TestItalianDrafts: an Italian draft for an Italian community is detected
// as Italian, gets all seven checks, a hard sell is capped and a value
// draft rated good.
func TestItalianDrafts(t *testing.T) {
	p := compileItalian(t)
	good := p.Score(Content{Title: "Il pagnottone della domenica, passo dopo passo", Body: itValueDraft, Network: "facebook", Kind: "content"})
	if good.Language.Code != "it" || !good.Language.Modelled || len(good.Language.NotApplied) > 0 {
		t.Fatalf("language %+v", good.Language)
	}
	if len(good.Checks) != numChecks {
		t.Errorf("%d checks, want %d", len(good.Checks), numChecks)
	}
	if good.Rating != RatingGood || len(good.Caps) > 0 {
		t.Errorf("value draft rated %s (%d), caps %+v", good.Rating, good.Score, good.Caps)
	}
	bad := p.Score(Content{Title: "Impastatrici al 40% di sconto!", Body: itHardSell, Network: "email"})
	if bad.Rating != RatingPoor || !slices.ContainsFunc(bad.Caps, func(c Cap) bool { return c.Check == CheckValue }) {
		t.Errorf("hard sell rated %s (%d), caps %+v", bad.Rating, bad.Score, bad.Caps)
	}
	if bad.Score >= good.Score {
		t.Errorf("hard sell %d >= value draft %d", bad.Score, good.Score)
	}
}

// TestItalianDetection: a short Italian draft for an Italian community is
// Italian, though "la", "al" and "una" are Spanish function words too (the
// declared language counts its full function-word list); a Spanish draft
// is still told apart.
func TestItalianDetection(t *testing.T) {
	p := compileItalian(t)
	cases := []struct{ body, code string }{
		{"Scopri la nostra nuova farina, la migliore sul mercato, a un prezzo speciale.", "it"},
		{"L'offerta è valida fino al 30 giugno, fino ad esaurimento scorte.", "it"},
		{"El mercado de los agricultores está lleno de verduras de temporada y la gente del barrio viene cada sábado.", "es"},
	}
	for _, tc := range cases {
		if got := p.Score(Content{Body: tc.body, Network: "instagram"}).Language.Code; got != tc.code {
			t.Errorf("%q: language %q, want %q", tc.body, got, tc.code)
		}
	}
}
