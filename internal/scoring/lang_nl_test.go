//go:build !widgetlang || widgetlang_nl

package scoring

import (
	"math"
	"testing"
)

func TestDutchSyllables(t *testing.T) {
	nl := language("nl")
	cases := []struct {
		word string
		want int
	}{
		{"fiets", 1},
		{"fietsen", 2},
		{"blijven", 2},    // ij: the j is no vowel letter
		{"huis", 1},       // ui
		{"boek", 1},       // oe
		{"nieuw", 1},      // ieu before w
		{"eeuw", 1},       // eeu before w
		{"mooie", 2},      // ooi, then e
		{"koeien", 2},     // oei, then e
		{"ideeën", 3},     // the diaeresis starts a syllable: i-de-eën
		{"belgië", 3},     // Bel-gi-ë
		{"reünie", 3},     // re-ü-nie
		{"theater", 3},    // the-a-ter
		{"situatie", 4},   // si-tu-a-tie
		{"actueel", 3},    // ac-tu-eel
		{"geopend", 3},    // ge-o-pend
		{"beoordelen", 4}, // be-oor-de-len
		{"radio", 3},      // ra-di-o
		{"bureau", 2},     // eau
		{"quiz", 1},       // the u of qu is no vowel
		{"ziekenhuis", 3},
		{"café", 2},
	}
	for _, tc := range cases {
		if got := nl.syllables(tc.word); got != tc.want {
			t.Errorf("syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

// TestDutchReadability: Douma's formula on a text counted by hand: 10
// words in 2 sentences (5 per sentence), 11 syllables (de hond blaft niet,
// de ka-ter slaapt in de tuin: 1.1 per word): 206.835 − 0.93 × 5 − 77 × 1.1.
func TestDutchReadability(t *testing.T) {
	p := dutchCommunity(t)
	a := p.analyse(Content{Body: "De hond blaft niet. De kater slaapt in de tuin."})
	if a.lang.Code != "nl" {
		t.Fatalf("language %q, want nl", a.lang.Code)
	}
	fl, ok := a.flesch()
	if want := 206.835 - 0.93*5 - 77*1.1; !ok || math.Abs(fl-want) > 1e-9 {
		t.Errorf("Douma %v (%v), want %v", fl, ok, want)
	}
}

func dutchCommunity(t *testing.T) *Profile {
	t.Helper()
	p, err := Compile(Audience{
		Name:     "Fietsclub",
		Language: "nl",
		Interests: []Interest{
			{Term: "fietsen", Weight: 1}, {Term: "fietsroute", Weight: 0.9}, {Term: "onderhoud", Weight: 0.7},
			{Term: "banden", Weight: 0.5}, {Term: "ketting", Weight: 0.4}, {Term: "spel", Weight: 0.2},
		},
		Generations: map[string]float64{"boomers": 0.35, "genx": 0.35, "millennials": 0.2, "genz": 0.1},
		Networks:    map[string]int{"facebook": 3000, "email": 2000},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDutchInterests: interests written in Dutch match on Dutch stems, inside
// compounds, and where Snowball stems the interest and the word apart
// ("fietsen" is "fiets", "fiets" is "fiet").
func TestDutchInterests(t *testing.T) {
	p := dutchCommunity(t)
	// hits: fietsen, fietsroute, onderhoud, banden, ketting, spel
	cases := []hitsCase{
		{"inflections", "Wij fietsen graag. Twee fietsroutes, een band en de kettingen.", []int{1, 1, 0, 1, 1, 0}},
		{"the stem written as a word", "Pak je fiets.", []int{1, 0, 0, 0, 0, 0}},
		{"compounds", "Een fietstocht, een racefiets, de bandenspanning en kettingolie.", []int{2, 0, 0, 1, 1, 0}},
		{"short interests do not match inside words", "Een bordspel en spelregels.", []int{0, 0, 0, 0, 0, 0}},
	}
	checkInterestHits(t, p, "nl", cases)
}

// TestDutchDrafts: Dutch drafts for a Dutch community are detected and
// scored with every check; a hard sell is capped and a how-to rated good.
func TestDutchDrafts(t *testing.T) {
	p := dutchCommunity(t)
	value := Content{Network: "facebook", Kind: "content", Title: "Je ketting in 10 minuten schoon",
		Body: "Een schone ketting scheelt echt: je fietst lichter en je tandwielen gaan jaren langer mee.\n\n" +
			"Zo doe je het, stap voor stap:\n1. Veeg de ketting af met een droge doek.\n2. Maak hem schoon met wat ontvetter.\n" +
			"3. Laat hem een kwartier drogen.\n4. Geef elke schakel één druppel olie en veeg het overtollige af.\n\n" +
			"Doe dit elke 300 kilometer, en na elke rit in de regen. Dat onderhoud kost je tien minuten.\n\n" +
			"Welke olie gebruiken jullie in de winter? Laat het weten in de reacties."}
	hardSell := Content{Network: "facebook", Kind: "product", Title: "Alleen vandaag: 40% korting op fietsen",
		Body: "Alleen vandaag krijg je 40% korting op alle fietsen! De beste merken en de laagste prijs van Nederland. Op = op!\n\n" +
			"Bestel nu je nieuwe fiets vanaf € 899. Wees er snel bij en mis het niet: koop nu!"}
	checkDrafts(t, p, "nl", []draftCase{
		{"value", value, RatingGood, false},
		{"hard sell", hardSell, RatingPoor, true},
	})
}
