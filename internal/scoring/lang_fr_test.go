//go:build !widgetlang || widgetlang_fr

package scoring

import (
	"math"
	"slices"
	"testing"
)

// frAudience is a French hiking club, as an audience declares it.
func frAudience() Audience {
	return Audience{
		Name:     "Les Sentiers du Vercors",
		Language: "fr",
		Interests: []Interest{
			{Term: "randonnée", Weight: 1}, {Term: "sentier", Weight: 0.8}, {Term: "itinéraire", Weight: 0.7},
			{Term: "refuge", Weight: 0.6}, {Term: "carte IGN", Weight: 0.5}, {Term: "sécurité en montagne", Weight: 0.6},
		},
		Generations: map[string]float64{"boomers": 0.35, "genx": 0.3, "millennials": 0.25, "genz": 0.1},
		Networks:    map[string]int{"facebook": 3800, "email": 2100, "instagram": 1500},
	}
}

func compileFrench(t *testing.T) *Profile {
	t.Helper()
	p, err := Compile(frAudience())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFrenchSyllables(t *testing.T) {
	cases := []struct {
		word string
		want int
	}{
		// Mute final e (and es) after a consonant: spoken French drops it.
		{"table", 1}, {"tables", 1}, {"forme", 1}, {"village", 2}, {"commence", 2},
		// A final e after a vowel is no extra syllable, but the vowel is.
		{"randonnée", 3}, {"randonnées", 3}, {"journée", 2}, {"vie", 1},
		// Hiatus: strong vowels side by side, and the diaeresis.
		{"réalité", 4}, {"poésie", 3}, {"noël", 2}, {"maïs", 2}, {"théâtre", 2}, {"aéroport", 4},
		// Digraphs and diphthongs are one vowel sound.
		{"beaucoup", 2}, {"oiseau", 2}, {"aujourd'hui", 3}, {"montagne", 2},
		// The u of qu is no vowel; a y between vowels opens a syllable.
		{"qu'il", 1}, {"jusqu'à", 2}, {"quatre", 1}, {"question", 2}, {"payer", 2}, {"voyage", 2},
		// Elided articles add no syllable.
		{"l'été", 2}, {"d'un", 1}, {"le", 1}, {"et", 1},
	}
	for _, tc := range cases {
		if got := frenchSyllables(tc.word); got != tc.want {
			t.Errorf("frenchSyllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

// TestFrenchElision: an elided article or pronoun is dropped before
// stemming, so "l'offre", "d'offres" and "offre" share one stem, in drafts,
// word lists and interests alike; words that merely contain an apostrophe
// keep it.
func TestFrenchElision(t *testing.T) {
	fr := language("fr")
	cases := []struct{ a, b string }{
		{"l'offre", "offres"}, {"d'itinéraires", "itinéraire"}, {"l'été", "été"}, {"qu'il", "il"},
		{"jusqu'au", "au"}, {"s'équiper", "équipez"}, {"n'attendez", "attendez"}, {"c'est", "est"},
	}
	for _, tc := range cases {
		if a, b := fr.stemWord(tc.a), fr.stemWord(tc.b); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want the same", tc.a, a, tc.b, b)
		}
	}
	if got := fr.stemWord("aujourd'hui"); got != "aujourd'hui" {
		t.Errorf("stem(aujourd'hui) = %q: not an elision", got)
	}
}

func TestFrenchReadability(t *testing.T) {
	p := compileFrench(t)
	// 10 words, 2 sentences, 16 syllables (la 1, ran-don-née 3,
	// com-mence 2, au 1, vil-lage 2; nous 1, mon-tons 2, vers 1, le 1,
	// re-fuge 2): 207 − 1.015 × 5 − 73.6 × 1.6 = 84.165.
	a := p.analyse(Content{Body: "La randonnée commence au village. Nous montons vers le refuge."})
	if a.lang.Code != "fr" {
		t.Fatalf("language %q", a.lang.Code)
	}
	got, ok := a.flesch()
	if want := 84.165; !ok || math.Abs(got-want) > 1e-9 {
		t.Errorf("Kandel-Moles %v (%v), want %v", got, ok, want)
	}
}

// TestFrenchInterests: the community's French interests match their
// inflected and elided forms in a draft.
func TestFrenchInterests(t *testing.T) {
	p := compileFrench(t)
	a := p.analyse(Content{Body: "Nos randonnées du mois : trois itinéraires balisés, deux nuits au refuge et les sentiers du plateau. Prenez les cartes IGN du massif, l'itinéraire est long."})
	want := map[string]int{"randonnée": 1, "itinéraire": 2, "refuge": 1, "sentier": 1, "carte IGN": 1}
	for i, in := range frAudience().Interests {
		if got := a.hits[i].body; got != want[in.Term] {
			t.Errorf("%q: %d matches, want %d", in.Term, got, want[in.Term])
		}
	}
}

const (
	frValueDraft = `Avant chaque sortie, on nous demande ce qu'il faut mettre dans le sac. Voici la check-list de nos accompagnateurs pour une randonnée à la journée :

- 1,5 litre d'eau par personne, 2 litres l'été : les sources sont rares sur le sentier
- une veste imperméable, même si la météo annonce du soleil
- une polaire : au-dessus de 1 500 m, il fait 8 degrés de moins qu'en vallée
- la carte IGN et une boussole, le téléphone ne capte pas partout
- une trousse de secours et une frontale

Avec tout ça, votre sac pèse environ 6 kg. Et vous, quel objet ne quitte jamais votre sac ?`

	frHardSell = `Ne manquez pas notre offre exclusive : -30 % sur toutes nos chaussures de randonnée, les meilleures du marché ! Stock limité, l'offre se termine dimanche à minuit. Commandez vite avec le code promo RANDO30. Commandez maintenant avant que votre pointure parte !`
)

// TestFrenchDrafts: a French draft for a French community is detected as
// French, gets all seven checks, a hard sell is capped and a value draft
// rated good.
func TestFrenchDrafts(t *testing.T) {
	p := compileFrench(t)
	good := p.Score(Content{Title: "Le sac de la journée : la check-list du club", Body: frValueDraft, Network: "facebook", Kind: "checklist"})
	if good.Language.Code != "fr" || !good.Language.Modelled || len(good.Language.NotApplied) > 0 {
		t.Fatalf("language %+v", good.Language)
	}
	if len(good.Checks) != numChecks {
		t.Errorf("%d checks, want %d", len(good.Checks), numChecks)
	}
	if good.Rating != RatingGood || len(good.Caps) > 0 {
		t.Errorf("value draft rated %s (%d), caps %+v", good.Rating, good.Score, good.Caps)
	}
	bad := p.Score(Content{Title: "Dernières paires !", Body: frHardSell, Network: "email"})
	if bad.Rating != RatingPoor || !slices.ContainsFunc(bad.Caps, func(c Cap) bool { return c.Check == CheckValue }) {
		t.Errorf("hard sell rated %s (%d), caps %+v", bad.Rating, bad.Score, bad.Caps)
	}
	if bad.Score >= good.Score {
		t.Errorf("hard sell %d >= value draft %d", bad.Score, good.Score)
	}
}
