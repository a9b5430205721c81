//go:build !widgetlang || widgetlang_de

package scoring

import (
	"math"
	"testing"
)

func TestGermanSyllables(t *testing.T) {
	de := language("de")
	cases := []struct {
		word string
		want int
	}{
		{"garten", 2},
		{"kleingarten", 3}, // ei: one diphthong
		{"liebe", 2},       // ie: a long i
		{"haus", 1},        // au
		{"leute", 2},       // eu
		{"häuser", 2},      // äu
		{"feier", 2},       // ei, then e: fei-er
		{"bauer", 2},       // au, then e
		{"theater", 3},     // e-a is a hiatus: The-a-ter
		{"situation", 5},   // Si-tu-a-ti-on
		{"aktuell", 3},     // ak-tu-ell
		{"poesie", 3},      // Po-e-sie
		{"geübt", 2},       // ge-übt
		{"ferien", 3},      // final -ien: Fe-ri-en
		{"speziell", 3},    // spe-zi-ell
		{"quelle", 2},      // the u of qu is no vowel
		{"boot", 1},        // oo
		{"niveau", 2},      // eau
		{"tour", 1},        // ou of loan words
		{"gemüse", 3},      // umlaut vowels
		{"obstbäume", 3},   // äu
		{"bayern", 2},      // ay
		{"gießen", 2},      // ie, ß a consonant
		{"fahrradtour", 3}, // a compound
		{"schritt", 1},     // no vowel pair at all
	}
	for _, tc := range cases {
		if got := de.syllables(tc.word); got != tc.want {
			t.Errorf("syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

// TestGermanReadability: Amstad's formula on a text counted by hand: 8
// words in 2 sentences (4 per sentence), 10 syllables (der hund bellt die
// kat-ze schläft im gar-ten: 1.25 per word): 180 − 4 − 58.5 × 1.25.
func TestGermanReadability(t *testing.T) {
	p := germanCommunity(t)
	a := p.analyse(Content{Body: "Der Hund bellt. Die Katze schläft im Garten."})
	if a.lang.Code != "de" {
		t.Fatalf("language %q, want de", a.lang.Code)
	}
	fl, ok := a.flesch()
	if want := 180 - 4 - 58.5*1.25; !ok || math.Abs(fl-want) > 1e-9 {
		t.Errorf("Amstad %v (%v), want %v", fl, ok, want)
	}
}

func germanCommunity(t *testing.T) *Profile {
	t.Helper()
	p, err := Compile(Audience{
		Name:     "Kleingärtner",
		Language: "de",
		Interests: []Interest{
			{Term: "Kleingarten", Weight: 1}, {Term: "Tomaten", Weight: 0.8}, {Term: "Kompost", Weight: 0.7},
			{Term: "Saatgut", Weight: 0.6}, {Term: "Fahrrad", Weight: 0.3}, {Term: "Spiel", Weight: 0.2},
		},
		Generations: map[string]float64{"boomers": 0.4, "genx": 0.3, "millennials": 0.2, "genz": 0.1},
		Networks:    map[string]int{"facebook": 3000, "email": 2000},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGermanInterests: interests written in German match on German stems
// and inside compounds.
func TestGermanInterests(t *testing.T) {
	p := germanCommunity(t)
	// hits: Kleingarten, Tomaten, Kompost, Saatgut, Fahrrad, Spiel
	cases := []hitsCase{
		{"inflections", "Die Tomate reift. Zwei Kleingärten, drei Tomaten und der Kompost.", []int{1, 2, 1, 0, 0, 0}},
		{"compound begins with the interest", "Die Fahrradtour endet am Komposthaufen.", []int{0, 0, 1, 0, 1, 0}},
		{"compound ends with the interest", "Cocktailtomaten und Rollenspiel.", []int{0, 1, 0, 0, 0, 1}},
		{"a short rest is no compound", "Ein Beispiel mit Saatgut.", []int{0, 0, 0, 1, 0, 0}},
	}
	checkInterestHits(t, p, "de", cases)
}

// TestGermanDrafts: German drafts for a German community are detected and
// scored with every check; a hard sell is capped and a how-to rated good.
func TestGermanDrafts(t *testing.T) {
	p := germanCommunity(t)
	value := Content{Network: "facebook", Kind: "content", Title: "Tomatensamen selbst gewinnen",
		Body: "Ihre beste Tomate vom Sommer kann nächstes Jahr wieder im Kleingarten wachsen, ganz ohne gekauftes Saatgut.\n\n" +
			"So geht es, Schritt für Schritt:\n1. Nehmen Sie eine reife, gesunde Frucht einer samenfesten Sorte.\n" +
			"2. Kratzen Sie die Kerne in ein Glas und geben Sie etwas Wasser dazu.\n3. Lassen Sie das Glas drei Tage stehen.\n" +
			"4. Spülen Sie die Samen ab und trocknen Sie sie auf Küchenpapier.\n\n" +
			"Trocken gelagert keimen die Samen vier bis fünf Jahre. Übrige Tütchen können Sie in die Saatgut-Kiste im Vereinsheim legen.\n\n" +
			"Welche Tomaten haben Sie schon selbst vermehrt? Schreiben Sie es uns in die Kommentare."}
	hardSell := Content{Network: "facebook", Kind: "product", Title: "Nur heute: 30 % auf alle Tomaten!",
		Body: "Nur heute gibt es 30 % Rabatt auf alle Tomaten und Saatgut für den Kleingarten! Unschlagbar günstig, aber nur solange der Vorrat reicht.\n\n" +
			"Jetzt zugreifen und sichern Sie sich Ihr Saatgut ab 2,99 €. Jetzt bestellen, bevor alles weg ist!"}
	checkDrafts(t, p, "de", []draftCase{
		{"value", value, RatingGood, false},
		{"hard sell", hardSell, RatingPoor, true},
	})
}
