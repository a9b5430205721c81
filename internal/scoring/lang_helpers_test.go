package scoring

import "testing"

// Helpers of the per-language tests (lang_<code>_test.go). No build
// constraint: a test of a language a widget build leaves out skips
// (needLanguage).

func needLanguage(t *testing.T, code string) *langSpec {
	t.Helper()
	l := language(code)
	if l == nil {
		t.Skip(code + " is not compiled into this build")
	}
	return l
}

func mustCompile(t *testing.T, a Audience) *Profile {
	t.Helper()
	p, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// hitsCase is a draft body and the body matches it must give each
// interest of the profile, in order.
type hitsCase struct {
	name, body string
	hits       []int
}

// checkInterestHits analyses each body against p and checks that it is
// read as the language code and matches the interests as the case says.
func checkInterestHits(t *testing.T, p *Profile, code string, cases []hitsCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := p.analyse(Content{Body: tc.body})
			if a.lang.Code != code {
				t.Fatalf("language %q, want %s", a.lang.Code, code)
			}
			for i, want := range tc.hits {
				if got := a.hits[i].body; got != want {
					t.Errorf("interest %q: %d hits, want %d", p.interests[i].term, got, want)
				}
			}
		})
	}
}

// draftCase is a draft, the rating it must get and whether the value
// check must cap it.
type draftCase struct {
	name   string
	c      Content
	rating string
	capped bool
}

// checkDrafts scores each draft against p: detected as the language code,
// modelled, every check applied, rated and capped as the case says.
func checkDrafts(t *testing.T, p *Profile, code string, cases []draftCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := p.Score(tc.c)
			validateResult(t, tc.c, r)
			if r.Language.Code != code || !r.Language.Modelled || len(r.Language.NotApplied) != 0 {
				t.Errorf("language %+v, want %s, modelled, every check applied", r.Language, code)
			}
			if len(r.Checks) != numChecks {
				t.Errorf("%d checks, want %d", len(r.Checks), numChecks)
			}
			if r.Rating != tc.rating {
				t.Errorf("rating %s (%d), want %s: %+v", r.Rating, r.Score, tc.rating, r.Caps)
			}
			capped := false
			for _, c := range r.Caps {
				capped = capped || c.Check == CheckValue
			}
			if capped != tc.capped {
				t.Errorf("value cap %v, want %v: %+v", capped, tc.capped, r.Caps)
			}
		})
	}
}
