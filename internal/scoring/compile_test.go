package scoring

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestCompileValidation(t *testing.T) {
	valid := func() Audience {
		return Audience{
			Name:        "ok",
			Interests:   []Interest{{Term: "backup", Weight: 1}, {Term: "disaster recovery"}},
			Generations: map[string]float64{Boomers: 0.2, GenX: 0.8},
			Networks:    map[string]int{"linkedin": 10, "x": 5},
		}
	}
	many := make([]Interest, MaxInterests+1)
	for i := range many {
		many[i] = Interest{Term: "term"}
	}
	cases := []struct {
		name   string
		change func(*Audience)
		field  string // "" means valid
	}{
		{"valid", func(a *Audience) {}, ""},
		{"omitted weight means default", func(a *Audience) { a.Interests[0].Weight = 0 }, ""},
		{"max weight", func(a *Audience) { a.Interests[0].Weight = MaxWeight }, ""},
		{"no interests", func(a *Audience) { a.Interests = nil }, "interests"},
		{"too many interests", func(a *Audience) { a.Interests = many }, "interests"},
		{"empty term", func(a *Audience) { a.Interests[1].Term = "  " }, "interests[1].term"},
		{"term without words", func(a *Audience) { a.Interests[1].Term = "!!! ..." }, "interests[1].term"},
		{"term too long", func(a *Audience) { a.Interests[0].Term = strings.Repeat("a", MaxTermBytes+1) }, "interests[0].term"},
		{"term too many words", func(a *Audience) { a.Interests[0].Term = strings.Repeat("word ", MaxTermWords+1) }, "interests[0].term"},
		{"term invalid utf8", func(a *Audience) { a.Interests[0].Term = "ab\xffcd" }, "interests[0].term"},
		{"negative weight", func(a *Audience) { a.Interests[1].Weight = -1 }, "interests[1].weight"},
		{"weight too large", func(a *Audience) { a.Interests[0].Weight = MaxWeight + 0.1 }, "interests[0].weight"},
		{"weight NaN", func(a *Audience) { a.Interests[0].Weight = math.NaN() }, "interests[0].weight"},
		{"name too long", func(a *Audience) { a.Name = strings.Repeat("n", MaxNameBytes+1) }, "name"},
		{"too many traits", func(a *Audience) { a.Traits = make([]string, MaxTraits+1) }, "traits"},
		{"trait too long", func(a *Audience) { a.Traits = []string{"ok", strings.Repeat("t", MaxTraitBytes+1)} }, "traits[1]"},
		{"too many generation keys", func(a *Audience) {
			for i := 0; i <= MaxMapEntries; i++ {
				a.Generations["g"+strconv.Itoa(i)] = 0.1
			}
		}, "generations"},
		{"unknown generation", func(a *Audience) { a.Generations["zoomers"] = 0.1 }, "generations.zoomers"},
		{"share above 1", func(a *Audience) { a.Generations[GenZ] = 1.5 }, "generations.genz"},
		{"negative share", func(a *Audience) { a.Generations[Millennials] = -0.1 }, "generations.millennials"},
		{"unknown network", func(a *Audience) { a.Networks["myspace"] = 3 }, "networks.myspace"},
		{"alias twice", func(a *Audience) { a.Networks["twitter"] = 3 }, "networks.x"},
		{"negative members", func(a *Audience) { a.Networks["linkedin"] = -5 }, "networks.linkedin"},
		{"too many members", func(a *Audience) { a.Networks["linkedin"] = MaxMembers + 1 }, "networks.linkedin"},
		{"threshold unknown check", func(a *Audience) { a.Thresholds = map[string]Threshold{"seo": {Good: 80, OK: 50}} }, "thresholds.seo"},
		{"threshold ok above good", func(a *Audience) { a.Thresholds = map[string]Threshold{CheckFocus: {Good: 50, OK: 60}} }, "thresholds.focus.ok"},
		{"threshold above 100", func(a *Audience) { a.Thresholds = map[string]Threshold{ThresholdOverall: {Good: 120, OK: 60}} }, "thresholds.overall.good"},
		{"threshold negative", func(a *Audience) { a.Thresholds = map[string]Threshold{CheckHooks: {Good: 50, OK: -1}} }, "thresholds.hooks.ok"},
		{"threshold valid", func(a *Audience) { a.Thresholds = map[string]Threshold{CheckHooks: {Good: 90, OK: 90}} }, ""},
		{"unknown disabled", func(a *Audience) { a.Disabled = []string{CheckFocus, "seo"} }, "disabled[1]"},
		{"all disabled", func(a *Audience) { a.Disabled = CheckIDs() }, "disabled"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := valid()
			tc.change(&a)
			p, err := Compile(a)
			if tc.field == "" {
				if err != nil || p == nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("want *InputError for %s, got %v", tc.field, err)
			}
			if ie.Field != tc.field {
				t.Errorf("field = %q, want %q (%v)", ie.Field, tc.field, err)
			}
			if ie.Message == "" || !strings.HasPrefix(err.Error(), tc.field+": ") {
				t.Errorf("unclear error %q", err)
			}
		})
	}
}

func TestFixtureCommunitiesCompile(t *testing.T) {
	for _, c := range communities {
		t.Run(c, func(t *testing.T) { compileFixture(t, c) })
	}
}

// TestThresholdsAndDisabled checks that a community's own rating
// boundaries and disabled checks are honoured.
func TestThresholdsAndDisabled(t *testing.T) {
	c := loadDraft(t, "itadmins", "good")
	cases := []struct {
		name   string
		change func(*Audience)
		verify func(t *testing.T, base, r Result)
	}{
		{"disabled checks are left out and the overall is renormalised", func(a *Audience) { a.Disabled = []string{CheckHooks, CheckChannel} },
			func(t *testing.T, base, r Result) {
				if len(r.Checks) != numChecks-2 {
					t.Fatalf("%d checks, want %d", len(r.Checks), numChecks-2)
				}
				var sum, w float64
				for _, ch := range r.Checks {
					if ch.ID == CheckHooks || ch.ID == CheckChannel {
						t.Errorf("disabled check %s reported", ch.ID)
					}
					sum += ch.Weight * float64(ch.Score)
					w += ch.Weight
				}
				if want := clampScore(sum / w); r.Score != want {
					t.Errorf("overall %d, want %d", r.Score, want)
				}
			}},
		{"a strict overall threshold rates the same score lower", func(a *Audience) {
			a.Thresholds = map[string]Threshold{ThresholdOverall: {Good: 100, OK: 99}}
		}, func(t *testing.T, base, r Result) {
			if r.Score != base.Score || base.Rating != RatingGood || r.Rating != RatingPoor {
				t.Errorf("score %d→%d rating %s→%s", base.Score, r.Score, base.Rating, r.Rating)
			}
		}},
		{"a lenient check threshold rates it good", func(a *Audience) {
			a.Thresholds = map[string]Threshold{CheckRelevance: {Good: 0, OK: 0}}
		}, func(t *testing.T, base, r Result) {
			ch, _ := checkByID(r, CheckRelevance)
			if ch.Rating != RatingGood {
				t.Errorf("relevance %d rated %s", ch.Score, ch.Rating)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := loadAudience(t, "itadmins")
			a.Thresholds = nil
			base, err := Score(c, a)
			if err != nil {
				t.Fatal(err)
			}
			tc.change(&a)
			r, err := Score(c, a)
			if err != nil {
				t.Fatal(err)
			}
			tc.verify(t, base, r)
		})
	}
}
