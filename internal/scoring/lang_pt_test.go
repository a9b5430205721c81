package scoring

import (
	"math"
	"testing"
)

// No build constraint: in a widget build without Portuguese these tests
// skip (needLanguage, lang_es_test.go).

func TestPortugueseSyllables(t *testing.T) {
	cases := map[string]int{
		"a": 1, "e": 1, "casa": 2, "bicicleta": 4, "pneu": 1, "pedal": 2,
		// nasal diphthongs and falling diphthongs: one syllable
		"coração": 3, "mãe": 1, "põe": 1, "muito": 2, "pouco": 2, "também": 2, "ao": 1, "aos": 1,
		// hiatus: two strong vowels, or an accented weak one
		"poeta": 3, "saúde": 3, "país": 2, "pessoa": 3, "ruído": 3,
		// the unmarked hiatus of a final i or u before a, e, o
		"dia": 2, "dias": 2, "rua": 2, "sua": 2, "meio": 2, "praia": 2, "ideia": 3, "faziam": 3, "continua": 4,
		// with a written accent elsewhere the final -ia is a glide
		"história": 3, "farmácia": 3,
		// the u of que, qui, gue, gui is silent; qua and gua keep it
		"aqui": 2, "guia": 2, "química": 3, "porque": 2, "quase": 2, "água": 2,
		// doubled vowels are two
		"voo": 2, "leem": 2,
	}
	l := needLanguage(t, "pt")
	for _, w := range sortedKeys(cases) {
		if got := l.syllables(w); got != cases[w] {
			t.Errorf("syllables(%q) = %d, want %d", w, got, cases[w])
		}
	}
}

// TestPortugueseReadability: Martins' Flesch on a text whose counts are
// known: 2 sentences, 8 words, 15 syllables.
func TestPortugueseReadability(t *testing.T) {
	needLanguage(t, "pt")
	p := mustCompile(t, Audience{Language: "pt", Interests: []Interest{{Term: "bicicleta"}}})
	// A(1) bicicleta(4) é(1) nova(2). O(1) pneu(1) furou(2) hoje(2).
	a := p.analyse(Content{Body: "A bicicleta é nova. O pneu furou hoje."})
	got, ok := a.flesch()
	want := 248.835 - 1.015*4 - 84.6*14.0/8
	if !ok || math.Abs(got-want) > 1e-9 {
		t.Errorf("Flesch %v (%v), want %v", got, ok, want)
	}
}

// TestPortugueseInterests: a community declaring Portuguese meets its
// interests on Portuguese stems.
func TestPortugueseInterests(t *testing.T) {
	needLanguage(t, "pt")
	p := mustCompile(t, Audience{Language: "pt", Interests: []Interest{
		{Term: "ciclismo urbano"}, {Term: "pedalar"}, {Term: "ciclovias"}, {Term: "manutenção"},
	}})
	cases := []hitsCase{
		{"phrase", "O ciclismo urbano cresce em BH.", []int{1, 0, 0, 0}},
		{"verb forms", "Pedalamos cedo e você pedala à noite.", []int{0, 2, 0, 0}},
		{"singular of a plural interest", "A ciclovia nova é boa.", []int{0, 0, 1, 0}},
		// The plural of -ão and a draft typed without accents meet the
		// interest (ptStem).
		{"plural of -ão, capitals, no accents", "MANUTENÇÃO básica, manutenções e manutencao.", []int{0, 0, 0, 3}},
		{"phrase across sentences does not match", "Ciclismo. Urbano.", []int{0, 0, 0, 0}},
	}
	checkInterestHits(t, p, "pt", cases)
}

// TestPortuguesePhrases: the list phrases stem the way drafts are written.
func TestPortuguesePhrases(t *testing.T) {
	needLanguage(t, "pt")
	checkPhrases(t, "pt", []phraseCase{
		{"Aproveite: só hoje!", catPressure, true},
		{"Últimas vagas para a oficina.", catPressure, true},
		{"Corre que tá acabando!", catPressure, true},
		{"Garanta já o seu.", catBuy, true},
		{"Compre agora pelo site.", catBuy, true},
		{"De R$ 99 por R$ 49,90 em até 12x sem juros.", catPrice, true},
		{"Tudo com 30% OFF.", catPrice, true},
		{"Com 30 % de desconto.", catPrice, true},
		{"A melhor, a mais completa e imbatível.", catSuperlative, true},
		{"Inscreva-se já na oficina.", catSignup, true},
		{"Baixe o guia gratuito.", catCTA, true},
		{"Eu baixei o guia.", catCTA, false},
		{"Dê boa luz às plantas.", catSlang, false},
		{"Deixe nos comentários.", catSelf, false},
		{"Faça a simulação pelo celular.", catBuy, true},
		{"Confira o passo a passo.", catValue, true},
		{"Passe na loja amanhã.", catValue, false},
		{"Antes que seja tarde demais.", catFear, true},
		{"Você e vocês.", catReader, true},
		{"Nós e a nossa loja.", catSelf, true},
		{"Mano, tipo assim, kkkk.", catSlang, true},
		{"Com os netos, na melhor idade.", catBoomers, true},
	})
}

// TestPortugueseDrafts: a Portuguese draft for a community declaring
// Portuguese is scored by the Portuguese model with all seven checks; a hard
// sell is capped and a how-to that gives value rates good.
func TestPortugueseDrafts(t *testing.T) {
	needLanguage(t, "pt")
	p := mustCompile(t, Audience{
		Language: "pt",
		Interests: []Interest{
			{Term: "bicicleta", Weight: 1}, {Term: "ciclismo urbano", Weight: 1}, {Term: "manutenção", Weight: 0.6},
			{Term: "ciclovia", Weight: 0.6}, {Term: "pneu", Weight: 0.4},
		},
		Generations: map[string]float64{"boomers": 0.1, "genx": 0.3, "millennials": 0.4, "genz": 0.2},
		Networks:    map[string]int{"instagram": 5000, "facebook": 2000},
	})
	value := Content{Network: "instagram", Kind: "content", Title: "Pneu furado? Troca de câmara em 10 minutos", Body: `Pneu furado a caminho do trabalho não precisa virar atraso. Veja o passo a passo da manutenção:

1. Solte o freio e tire a roda da bicicleta.
2. Com duas espátulas, tire um lado do pneu do aro.
3. Passe os dedos por dentro do pneu para achar o caco de vidro.
4. Coloque a câmara nova, encaixe o pneu e encha até 60 psi.

Leve sempre na mochila uma câmara reserva, duas espátulas e uma bomba pequena.

Qual foi o lugar mais chato onde você já furou o pneu? Conta pra gente nos comentários.`}
	hardSell := Content{Network: "instagram", Title: "Bicicleta elétrica com 40% OFF", Body: `Últimas unidades da bicicleta elétrica Volta X com 40% OFF!

A melhor bicicleta do Brasil, de R$ 8.999 por apenas R$ 5.399. Só hoje, enquanto durarem os estoques.

Não perca! Compre já e garanta a sua com frete grátis.`}

	r := p.Score(value)
	if r.Language.Code != "pt" || !r.Language.Modelled || len(r.Language.NotApplied) > 0 || len(r.Checks) != numChecks {
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

// TestPortugueseStems: ptStem joins the plurals of -ão and words typed
// without accents, but keeps short words apart ("dê" is not "de").
func TestPortugueseStems(t *testing.T) {
	l := needLanguage(t, "pt")
	same := [][]string{
		{"manutenção", "manutenções", "manutencao", "manutencoes"},
		{"promoção", "promoções", "promocao", "promocoes"},
		{"informação", "informações", "informacao"},
		{"botão", "botões", "botoes"},
		{"irmão", "irmãos"},
		{"última", "últimas", "ultimas"},
		{"dica", "dicas"},
	}
	for _, set := range same {
		for _, w := range set[1:] {
			if a, b := l.stemWord(set[0]), l.stemWord(w); a != b {
				t.Errorf("%q → %q, %q → %q: want one stem", set[0], a, w, b)
			}
		}
	}
	for _, p := range [][2]string{{"dê", "de"}, {"nós", "nos"}, {"pôr", "por"}, {"avó", "avô"}} {
		if l.stemWord(p[0]) == l.stemWord(p[1]) {
			t.Errorf("%q and %q share the stem %q", p[0], p[1], l.stemWord(p[0]))
		}
	}
}
