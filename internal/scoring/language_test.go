//go:build !widgetlang

package scoring

import (
	"math"
	"slices"
	"testing"
)

func TestLanguages(t *testing.T) {
	english := []string(nil) // every check applies: a modelled language
	notModelled := []string{CheckValue, CheckGenerations, CheckReadability, CheckHooks}
	cases := []struct {
		name, body string
		code       string
		notApplied []string
	}{
		{"English", "Test your backups every month and write down what you find.", "en", english},
		{"short English without function words", "Backup checklist: RPO, RTO, immutability #backup", "en", english},
		{"empty", "", "und", english},
		{"only emoji", "🎉🎉🎉", "und", english},
		{"Spanish", "El mercado de los agricultores está lleno de verduras de temporada y la gente del barrio viene cada sábado para comprar y para hablar con los productores.", "es", english},
		{"French", "Le marché des producteurs est plein de légumes de saison et les gens du quartier viennent chaque samedi pour acheter et pour parler avec les producteurs.", "fr", english},
		{"German", "Der Wochenmarkt ist voll mit Gemüse der Saison und die Leute aus dem Viertel kommen jeden Samstag, um einzukaufen und mit den Bauern zu sprechen.", "de", english},
		{"Swedish", "Marknaden är full av grönsaker för säsongen och folk från grannskapet kommer varje lördag för att handla och för att prata med bönderna som odlar dem.", "sv", notModelled},
		{"Polish", "Targ jest pełen warzyw z sezonu i ludzie z okolicy przychodzą tu w każdą sobotę, żeby kupić coś dla siebie i porozmawiać z rolnikami, którzy je uprawiają.", "pl", notModelled},
		{"Chinese", "今天的农贸市场很热闹，有很多新鲜的时令蔬菜。", "zh", notModelled},
		{"Japanese", "今日のファーマーズマーケットはとても賑やかでした。", "ja", notModelled},
		{"Korean", "오늘 농산물 시장은 정말 붐볐어요. 제철 채소가 많아요.", "ko", notModelled},
		{"Russian", "Сегодня на рынке было много свежих сезонных овощей.", "und-Cyrl", notModelled},
		{"Arabic", "كان السوق اليوم مزدحما بالخضروات الموسمية الطازجة.", "und-Arab", notModelled},
		{"English with a Chinese phrase", "We tried the street food stall by the river today, and the dumplings (饺子) were the best we have had all year.", "en", english},
	}
	p := compileFixture(t, "foodlovers")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Content{Body: tc.body, Network: "instagram"}
			r := p.Score(c)
			validateResult(t, c, r)
			if r.Language.Code != tc.code {
				t.Errorf("code %q, want %q", r.Language.Code, tc.code)
			}
			if !slices.Equal(r.Language.NotApplied, tc.notApplied) {
				t.Errorf("not applied %v, want %v", r.Language.NotApplied, tc.notApplied)
			}
			if r.Language.Modelled != (len(tc.notApplied) == 0) {
				t.Errorf("modelled %v", r.Language.Modelled)
			}
			for _, ch := range r.Checks {
				if slices.Contains(tc.notApplied, ch.ID) {
					t.Errorf("check %s applied", ch.ID)
				}
			}
			if !r.Empty && len(r.Checks)+len(r.Language.NotApplied) != numChecks {
				t.Errorf("%d checks + %d not applied", len(r.Checks), len(r.Language.NotApplied))
			}
		})
	}
}

// TestTokeniser checks Unicode-correct tokens: CJK one per character,
// accents and apostrophes inside words, emoji sequences as one token,
// hashtags, mentions, URLs and numbers.
func TestTokeniser(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // token texts
		kinds      []tokKind
	}{
		{"accents and apostrophes", "Café don’t l'été naïve", []string{"Café", "don’t", "l'été", "naïve"}, []tokKind{tokWord, tokWord, tokWord, tokWord}},
		{"CJK per character", "美食好", []string{"美", "食", "好"}, []tokKind{tokWord, tokWord, tokWord}},
		{"Hangul words", "제철 채소", []string{"제철", "채소"}, []tokKind{tokWord, tokWord}},
		{"emoji sequences", "👍🏽 👨‍👩‍👧 🇫🇷 ❤️", []string{"👍🏽", "👨‍👩‍👧", "🇫🇷", "❤️"}, []tokKind{tokEmoji, tokEmoji, tokEmoji, tokEmoji}},
		{"tags, mentions, URLs", "#美食 #backup @ana https://x.org/a. e@mail", []string{"#美食", "#backup", "@ana", "https://x.org/a", "e", "mail"}, []tokKind{tokHashtag, tokHashtag, tokMention, tokURL, tokWord, tokWord}},
		{"numbers", "3.5 1,000 3-2-1 10x", []string{"3.5", "1,000", "3", "2", "1", "10x"}, []tokKind{tokNumber, tokNumber, tokNumber, tokNumber, tokNumber, tokWord}},
		{"invalid bytes separate", "ab\xffcd", []string{"ab", "cd"}, []tokKind{tokWord, tokWord}},
		{"combining marks stay", "e\u0301te\u0301", []string{"e\u0301te\u0301"}, []tokKind{tokWord}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var tz tokenizer
			f := field{name: "body", text: tc.text}
			tz.scan(&f, func([]byte) int32 { return -1 })
			var got []string
			var kinds []tokKind
			for _, tok := range f.toks {
				got = append(got, tc.text[tok.start:tok.end])
				kinds = append(kinds, tok.kind)
			}
			if !slices.Equal(got, tc.want) || !slices.Equal(kinds, tc.kinds) {
				t.Errorf("got %q %v, want %q %v", got, kinds, tc.want, tc.kinds)
			}
		})
	}
}

func TestSentencesAndParagraphs(t *testing.T) {
	text := "First sentence. Second one? Third!\nA line without a stop\n\nNew paragraph, e.g. here 3.5 times. 最后一句。"
	var tz tokenizer
	f := field{name: "body", text: text}
	tz.scan(&f, func([]byte) int32 { return -1 })
	var sents []string
	for i := range f.sents {
		sents = append(sents, f.sentSpan(int32(i)).Text)
	}
	want := []string{"First sentence.", "Second one?", "Third!", "A line without a stop", "New paragraph, e.g. here 3.5 times.", "最后一句。"}
	if !slices.Equal(sents, want) {
		t.Errorf("sentences %q\nwant %q", sents, want)
	}
	if len(f.paras) != 2 {
		t.Errorf("%d paragraphs, want 2", len(f.paras))
	}
}

func TestSyllables(t *testing.T) {
	cases := map[string]int{
		"a": 1, "the": 1, "cat": 1, "make": 1, "table": 2, "backup": 2, "restore": 2,
		"recovery": 4, "administrator": 5, "community": 4, "saved": 1, "wanted": 2,
		"boxes": 2, "makes": 1, "every": 3, "free": 1, "happy": 2, "don't": 1,
	}
	for _, w := range sortedKeys(cases) {
		if got := syllables(w); got != cases[w] {
			t.Errorf("syllables(%q) = %d, want %d", w, got, cases[w])
		}
	}
}

// TestInterestMatching: stems, phrases, accents and CJK interests.
func TestInterestMatching(t *testing.T) {
	a := Audience{Interests: []Interest{{Term: "cooking class"}, {Term: "café"}, {Term: "美食"}, {Term: "backup"}}}
	p, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, body string
		hits       []int // per interest
	}{
		{"inflected phrase", "Our Cooking Classes start soon. Cooking is fun; a class too.", []int{1, 0, 0, 0}},
		{"phrase across sentences does not match", "We love cooking. Class starts now.", []int{0, 0, 0, 0}},
		{"accented and capitalised", "Meet us at the CAFÉ, the best café in town.", []int{0, 2, 0, 0}},
		{"CJK phrase", "今天的美食节很棒。美 食", []int{0, 0, 1, 0}},
		{"hashtag and plural", "#backup backups Backed", []int{0, 0, 0, 2}},
		{"phrase written as a hashtag", "Join our #CookingClass tonight. #cooking", []int{1, 0, 0, 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			an := p.analyse(Content{Body: tc.body})
			for i, want := range tc.hits {
				if got := an.hits[i].body; got != want {
					t.Errorf("interest %q: %d hits, want %d", p.interests[i].term, got, want)
				}
			}
		})
	}
}

// TestDeclaredLanguage: a community's declared language is the default for
// drafts too short to tell, yields only to a language whose function words
// clearly outnumber its own, and picks the stems its interests match on.
func TestDeclaredLanguage(t *testing.T) {
	if _, err := Compile(Audience{Interests: []Interest{{Term: "pan"}}, Language: "xx"}); err == nil || err.(*InputError).Field != "language" {
		t.Fatalf("language xx: %v, want an InputError on language", err)
	}
	if _, err := Compile(Audience{Interests: []Interest{{Term: "pan"}}, Language: "ES"}); err == nil {
		t.Fatal("language ES (not an ISO 639-1 code as written) accepted")
	}
	es := Audience{Interests: []Interest{{Term: "recetas de cocina"}, {Term: "pan casero"}}, Language: "es"}
	p, err := Compile(es)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, body string
		code       string
		hits       []int // body matches per interest
	}{
		{"short, taken as declared", "Pan casero: harina, agua, sal.", "es", []int{0, 1}},
		{"Spanish inflections meet Spanish stems", "Hoy compartimos una receta de cocina para hacer panes caseros con masa madre, y te contamos cómo cocinar sin prisa.", "es", []int{1, 1}},
		{"English outnumbers Spanish", "We tried the bread recipe from the market and it was the best loaf we have made at home this year.", "en", []int{0, 0}},
		{"German on a Spanish community", "Wir haben das Brot mit Sauerteig gebacken und es ist das beste Brot, das wir in diesem Jahr gemacht haben.", "de", []int{0, 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := p.analyse(Content{Body: tc.body})
			if a.lang.Code != tc.code || !a.lang.Modelled {
				t.Errorf("language %+v, want %s modelled", a.lang, tc.code)
			}
			for i, want := range tc.hits {
				if got := a.hits[i].body; got != want {
					t.Errorf("interest %q: %d matches, want %d", p.interests[i].term, got, want)
				}
			}
		})
	}
	// The same short draft on an undeclared community is English.
	plain, err := Compile(Audience{Interests: es.Interests})
	if err != nil {
		t.Fatal(err)
	}
	if r := plain.Score(Content{Body: "Pan casero: harina, agua, sal."}); r.Language.Code != "en" {
		t.Errorf("undeclared community: short draft in %s, want en", r.Language.Code)
	}
}

// TestReadabilityFormulas checks each language's formula on known inputs
// (words per sentence, syllables per word, letters per word), from the
// formulas as their authors published them.
func TestReadabilityFormulas(t *testing.T) {
	cases := []struct {
		code          string
		wps, spw, lpw float64
		want          float64
	}{
		{"en", 15, 1.5, 4.5, 206.835 - 1.015*15 - 84.6*1.5},
		{"es", 15, 2, 5, 206.835 - 62.3*2 - 15},
		{"fr", 15, 1.6, 5, 207 - 1.015*15 - 73.6*1.6},
		{"de", 15, 1.8, 6, 180 - 15 - 58.5*1.8},
		{"nl", 15, 1.6, 5, 206.835 - 0.93*15 - 77*1.6},
		{"it", 20, 2, 5, 89 + (300*1-10*5*20)/20.0},
		{"pt", 15, 2, 5, 248.835 - 1.015*15 - 84.6*2},
	}
	for _, tc := range cases {
		l := language(tc.code)
		if l == nil {
			t.Fatalf("%s not registered", tc.code)
		}
		if got := l.read.ease(tc.wps, tc.spw, tc.lpw); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s %s: %.3f, want %.3f", tc.code, l.read.name, got, tc.want)
		}
		if l.read.target <= l.read.floor || l.read.label(l.read.target) == "" {
			t.Errorf("%s: target %v floor %v", tc.code, l.read.target, l.read.floor)
		}
	}
}
