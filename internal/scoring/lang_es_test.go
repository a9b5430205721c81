package scoring

import (
	"math"
	"strings"
	"testing"
)

// These tests have no build constraint: in a widget build without Spanish
// they skip (needLanguage, lang_helpers_test.go).

// phraseCase is a sentence and whether a list of the category matches it.
type phraseCase struct {
	text  string
	cat   category
	match bool
}

var categoryNames = func() map[category]string {
	m := map[category]string{}
	for name, c := range sectionCategory {
		m[c] = name
	}
	return m
}()

// checkPhrases scores each sentence for a community declaring the language
// and checks which word lists match it.
func checkPhrases(t *testing.T, code string, cases []phraseCase) {
	t.Helper()
	p := mustCompile(t, Audience{Language: code, Interests: []Interest{{Term: "zzz"}}})
	for _, tc := range cases {
		a := p.analyse(Content{Body: tc.text})
		if a.model == nil || a.model.code != code {
			t.Errorf("%q: not read as %s", tc.text, code)
			continue
		}
		if got := a.lexCount[tc.cat] > 0; got != tc.match {
			var found []string
			for _, m := range a.lex {
				e := &a.lx.entries[m.entry]
				found = append(found, "["+categoryNames[e.cat]+"] "+strings.Join(e.stems, " "))
			}
			t.Errorf("%q: [%s] matched %v, want %v (matches: %q)", tc.text, categoryNames[tc.cat], got, tc.match, found)
		}
	}
}

func TestSpanishSyllables(t *testing.T) {
	cases := map[string]int{
		"a": 1, "y": 1, "muy": 1, "hoy": 1, "casa": 2, "receta": 3, "cocina": 3,
		// diphthongs: one syllable
		"ciudad": 2, "bueno": 2, "aire": 2, "farmacia": 3, "canción": 2, "europa": 3, "construir": 2,
		// hiatus: two strong vowels, or an accented weak one
		"poeta": 3, "teatro": 3, "aéreo": 4, "día": 2, "país": 2, "reír": 2, "oído": 3, "tío": 2, "ahí": 2,
		// the u of que, qui, gue, gui is silent; ü is not
		"que": 1, "queso": 2, "aquí": 2, "guía": 2, "seguí": 2, "guerra": 2, "pingüino": 3, "agua": 2,
		// doubled vowels are two
		"leer": 2, "creer": 2, "cooperar": 4,
	}
	l := needLanguage(t, "es")
	for _, w := range sortedKeys(cases) {
		if got := l.syllables(w); got != cases[w] {
			t.Errorf("syllables(%q) = %d, want %d", w, got, cases[w])
		}
	}
}

// TestSpanishReadability: the Szigriszt-Pazos perspicuity of a text whose
// counts are known: 2 sentences, 8 words, 14 syllables.
func TestSpanishReadability(t *testing.T) {
	needLanguage(t, "es")
	p := mustCompile(t, Audience{Language: "es", Interests: []Interest{{Term: "receta"}}})
	// El(1) gato(2) come(2) pescado(3). La(1) casa(2) es(1) azul(2).
	a := p.analyse(Content{Body: "El gato come pescado. La casa es azul."})
	got, ok := a.flesch()
	want := 206.835 - 62.3*14.0/8 - 4
	if !ok || math.Abs(got-want) > 1e-9 {
		t.Errorf("perspicuity %v (%v), want %v", got, ok, want)
	}
}

// TestSpanishInterests: a community declaring Spanish meets its interests
// on Spanish stems: plurals, verb forms, accents, phrases.
func TestSpanishInterests(t *testing.T) {
	needLanguage(t, "es")
	p := mustCompile(t, Audience{Language: "es", Interests: []Interest{
		{Term: "recetas de cocina"}, {Term: "cocinar"}, {Term: "legumbres"}, {Term: "menú semanal"},
	}})
	cases := []hitsCase{
		// "cocina" (the kitchen, the cuisine) shares the stem of "cocinar".
		{"singular phrase", "Una receta de cocina para el domingo.", []int{1, 1, 0, 0}},
		{"verb forms", "Cocinamos el domingo y cocinaréis el lunes.", []int{0, 2, 0, 0}},
		{"singular of a plural interest", "Una legumbre cada día.", []int{0, 0, 1, 0}},
		// Snowball keeps the s of a plural after a stressed vowel
		// ("menús"), so the plural of "menú semanal" is not matched.
		{"accents, capitals and an adjective's plural", "El menú semanal de la familia. El MENU SEMANAL. Menú de platos semanales.", []int{0, 0, 0, 2}},
		{"phrase across sentences does not match", "Mis recetas. De cocina, nada.", []int{0, 1, 0, 0}},
	}
	checkInterestHits(t, p, "es", cases)
}

// TestSpanishPhrases: the list phrases stem the way drafts are written
// (inflections, accents, ¡ and ¿, amounts written the European way).
func TestSpanishPhrases(t *testing.T) {
	needLanguage(t, "es")
	checkPhrases(t, "es", []phraseCase{
		{"¡No te lo pierdas!", catPressure, true},
		{"Quedan pocas plazas y son las últimas unidades.", catPressure, true},
		{"Oferta válida por tiempo limitado.", catPressure, true},
		{"Solo hoy, hasta agotar existencias.", catPressure, true},
		{"Compra ya el tuyo.", catBuy, true},
		{"Pídelo ya en la web.", catBuy, true},
		{"Cómpralos duros y déjalos madurar en casa.", catBuy, false},
		{"Una oferta exclusiva para socios.", catPrice, true},
		{"Con un 30 % de descuento.", catPrice, true},
		{"Ahora por solo 19,99 €.", catPrice, true},
		{"El mejor, el más completo y el número uno.", catSuperlative, true},
		{"¡Descarga la guía gratis!", catCTA, true},
		{"La descarga es gratis.", catCTA, false},
		{"Inscríbete aquí.", catCTA, true},
		{"Descárguelo aquí: huerto.example/calendario", catCTA, true},
		{"Cuéntanos qué cocinas.", catCTA, true},
		{"Te llevas las fichas de las recetas.", catBuy, false},
		{"Llévatelo hoy con envío gratis.", catBuy, true},
		{"Pida el suyo y llame ya.", catBuy, true},
		{"Te explicamos cómo organizar el menú paso a paso.", catValue, true},
		{"Si pasas por el puesto, lo verás.", catValue, false},
		{"Antes de que sea demasiado tarde.", catFear, true},
		{"Tú y vosotros.", catReader, true},
		{"Nosotros y nuestra tienda.", catSelf, true},
		{"Esto mola mazo, en plan literal.", catSlang, true},
		{"Con nuestros nietos, tranquilidad.", catBoomers, true},
	})
}

// TestSpanishDrafts: a Spanish draft for a community declaring Spanish is
// scored by the Spanish model with all seven checks; a hard sell is capped
// and a recipe that gives value rates good.
func TestSpanishDrafts(t *testing.T) {
	needLanguage(t, "es")
	p := mustCompile(t, Audience{
		Language: "es",
		Interests: []Interest{
			{Term: "receta", Weight: 1}, {Term: "cocina casera", Weight: 1}, {Term: "legumbres", Weight: 0.6},
			{Term: "mercado", Weight: 0.6}, {Term: "menú semanal", Weight: 0.5},
		},
		Generations: map[string]float64{"boomers": 0.3, "genx": 0.3, "millennials": 0.3, "genz": 0.1},
		Networks:    map[string]int{"facebook": 5000, "instagram": 4000},
	})
	value := Content{Network: "facebook", Kind: "content", Title: "Lentejas estofadas para toda la semana", Body: `Una olla de lentejas y tienes comida casera para cuatro días. Te explicamos la receta paso a paso:

1. Sofríe una cebolla, dos zanahorias y un pimiento verde picados, 10 minutos a fuego medio.
2. Añade dos dientes de ajo, una cucharadita de pimentón y un tomate rallado.
3. Echa 500 g de lentejas pardinas y cúbrelas con litro y medio de agua fría.
4. Cuece 35 minutos con una hoja de laurel y pon la sal al final.

En la nevera aguantan cuatro días y se congelan muy bien. Es una buena base para el menú semanal.

¿Cuál es tu truco para las lentejas? Cuéntanos en los comentarios.`}
	hardSell := Content{Network: "facebook", Title: "Robot de cocina al 40 %", Body: `¡Últimas unidades del robot de cocina Chef Pro con un 40 % de descuento!

El robot más completo del mercado, ahora por solo 299 €. Solo hoy y hasta agotar existencias.

¡No te lo pierdas! Compra ya y llévatelo con envío gratis.`}

	r := p.Score(value)
	if r.Language.Code != "es" || !r.Language.Modelled || len(r.Language.NotApplied) > 0 || len(r.Checks) != numChecks {
		t.Fatalf("language %+v, %d checks", r.Language, len(r.Checks))
	}
	if r.Rating != RatingGood {
		t.Errorf("value draft rated %s (%d), want good: %+v", r.Rating, r.Score, r.Checks)
	}
	h := p.Score(hardSell)
	if h.Rating != RatingPoor || len(h.Caps) == 0 || h.Caps[0].Check != CheckValue {
		t.Errorf("hard sell rated %s (%d), caps %+v", h.Rating, h.Score, h.Caps)
	}
	if h.Score >= r.Score {
		t.Errorf("hard sell %d >= value %d", h.Score, r.Score)
	}
}

// TestSpanishStems: the forms a draft uses meet on one stem (esStem takes
// the enclitic pronouns off imperatives), and words that only look alike
// stay apart.
func TestSpanishStems(t *testing.T) {
	l := needLanguage(t, "es")
	same := [][]string{
		{"descárgalo", "descárguelo", "descarga", "descargue", "descargar", "descargarla"},
		{"pruébelo", "pruébalo", "pruebe", "prueba"},
		{"cuéntanos", "cuenta"},
		{"inscríbete", "inscríbase", "inscribe"},
		{"receta", "recetas"},
		// Snowball keeps the -s of short plurals and of a stressed final
		// vowel ("días", "menús"): they stay apart from their singular.
		{"día", "dia"},
	}
	for _, set := range same {
		for _, w := range set[1:] {
			if a, b := l.stemWord(set[0]), l.stemWord(w); a != b {
				t.Errorf("%q → %q, %q → %q: want one stem", set[0], a, w, b)
			}
		}
	}
	apart := [][2]string{{"artículo", "arte"}, {"película", "pelar"}, {"fórmula", "forma"}, {"título", "tío"}}
	for _, p := range apart {
		if l.stemWord(p[0]) == l.stemWord(p[1]) {
			t.Errorf("%q and %q share the stem %q", p[0], p[1], l.stemWord(p[0]))
		}
	}
	// Nouns that end like a pronoun keep their stem ("artículo" is not
	// "artícu" + "lo").
	for w, want := range map[string]string{"artículo": "articul", "película": "pelicul", "fórmula": "formul", "título": "titul"} {
		if got := l.stemWord(w); got != want {
			t.Errorf("stem of %q = %q, want %q", w, got, want)
		}
	}
}
