package scoring

import (
	"strings"
	"testing"
)

// TestChecksRankGoodAboveBad scores, for each community, its good draft and
// a draft that is bad in one respect, and expects that check to rank the
// good one clearly higher and to give the reason in its message.
func TestChecksRankGoodAboveBad(t *testing.T) {
	const margin = 20
	cases := []struct {
		community, check, bad, reason string
	}{
		{"itadmins", CheckRelevance, "bad_relevance", "None of this community's interests appear"},
		{"itadmins", CheckFocus, "rambling", "paragraphs stray from its interests"},
		{"itadmins", CheckValue, "bad_value", "Reads as a sales pitch"},
		{"itadmins", CheckGenerations, "bad_generations", "shuts out Gen X"},
		{"itadmins", CheckReadability, "bad_readability", "very difficult"},
		{"itadmins", CheckChannel, "bad_channel", "None of this community's members are on Instagram"},
		{"itadmins", CheckHooks, "bad_hooks", "Lacks a question, a call to action and something worth sharing"},

		{"foodlovers", CheckRelevance, "bad_relevance", "None of this community's interests appear"},
		{"foodlovers", CheckFocus, "rambling", "paragraphs stray from its interests"},
		{"foodlovers", CheckValue, "bad_value", "Reads as a sales pitch"},
		{"foodlovers", CheckGenerations, "bad_generations", "shuts out"},
		{"foodlovers", CheckReadability, "bad_readability", "very difficult"},
		{"foodlovers", CheckChannel, "bad_channel", "None of this community's members are on LinkedIn"},
		{"foodlovers", CheckHooks, "bad_hooks", "Lacks a question, a call to action and something worth sharing"},

		{"travelclub", CheckRelevance, "bad_relevance", "None of this community's interests appear"},
		{"travelclub", CheckFocus, "rambling", "paragraphs stray from its interests"},
		{"travelclub", CheckValue, "bad_value", "Reads as a sales pitch"},
		{"travelclub", CheckGenerations, "bad_generations", "shuts out Boomers"},
		{"travelclub", CheckReadability, "bad_readability", "very difficult"},
		{"travelclub", CheckChannel, "bad_channel", "over X (Twitter)'s limit of 280"},
		{"travelclub", CheckHooks, "bad_hooks", "Lacks a question, a call to action and something worth sharing"},
	}
	for _, tc := range cases {
		t.Run(tc.community+"/"+tc.check, func(t *testing.T) {
			p := compileFixture(t, tc.community)
			good := p.Score(loadDraft(t, tc.community, "good"))
			var badContent Content
			if tc.bad == "rambling" {
				badContent = rambling(t, tc.community)
			} else {
				badContent = loadDraft(t, tc.community, tc.bad)
			}
			bad := p.Score(badContent)
			g, ok1 := checkByID(good, tc.check)
			b, ok2 := checkByID(bad, tc.check)
			if !ok1 || !ok2 {
				t.Fatalf("check %s missing", tc.check)
			}
			if g.Score < b.Score+margin {
				t.Errorf("good %d (%s) should beat bad %d (%s) by %d\ngood: %s\nbad:  %s", g.Score, g.Rating, b.Score, b.Rating, margin, g.Message, b.Message)
			}
			if g.Rating == RatingPoor {
				t.Errorf("good draft rated poor: %s", g.Message)
			}
			if b.Rating == RatingGood {
				t.Errorf("bad draft rated good: %s", b.Message)
			}
			if !strings.Contains(b.Message, tc.reason) {
				t.Errorf("bad message %q lacks %q", b.Message, tc.reason)
			}
			if b.Suggestion == "" || g.Suggestion == "" {
				t.Errorf("empty suggestion")
			}
		})
	}
}

// TestFocusNarrowBeatsBroad: a focused ~200-word draft beats a rambling
// 2,000-word draft on the same interests, on focus and overall.
func TestFocusNarrowBeatsBroad(t *testing.T) {
	for _, community := range communities {
		t.Run(community, func(t *testing.T) {
			p := compileFixture(t, community)
			narrow, broad := loadDraft(t, community, "good"), rambling(t, community)
			if n, b := len(strings.Fields(narrow.Body)), len(strings.Fields(broad.Body)); n > 250 || b < 2000 {
				t.Fatalf("fixture sizes: narrow %d words, broad %d words", n, b)
			}
			broad.Network = narrow.Network
			rn, rb := p.Score(narrow), p.Score(broad)
			fn, _ := checkByID(rn, CheckFocus)
			fb, _ := checkByID(rb, CheckFocus)
			if fn.Score <= fb.Score || rn.Score <= rb.Score {
				t.Errorf("narrow focus %d overall %d, broad focus %d overall %d", fn.Score, rn.Score, fb.Score, rb.Score)
			}
		})
	}
}

// TestGoodDraftRanksFirstOverall: in each community the good draft has the
// best overall score, and an off-topic draft rates poor.
func TestGoodDraftRanksFirstOverall(t *testing.T) {
	for _, community := range communities {
		t.Run(community, func(t *testing.T) {
			p := compileFixture(t, community)
			good := p.Score(loadDraft(t, community, "good"))
			for _, bad := range []string{"bad_relevance", "bad_value", "bad_generations", "bad_readability", "bad_channel", "bad_hooks"} {
				r := p.Score(loadDraft(t, community, bad))
				if r.Score >= good.Score {
					t.Errorf("%s overall %d >= good %d", bad, r.Score, good.Score)
				}
				if bad == "bad_relevance" && (r.Rating != RatingPoor || len(r.Caps) == 0) {
					t.Errorf("off-topic draft overall %d %s", r.Score, r.Rating)
				}
			}
		})
	}
}

// TestStuffing: one interest repeated beyond StuffingDensity is flagged,
// a word nested in longer interests ("travel" in "travel insurance") is not.
func TestStuffing(t *testing.T) {
	a := Audience{Interests: []Interest{{Term: "travel"}, {Term: "travel insurance"}, {Term: "cruise"}}}
	cases := []struct {
		name, body string
		stuffed    bool
	}{
		{"repeats of a word that is no interest", "Backup tips. Backup now. Backup daily, backup weekly, backup monthly: backup everything with our backup backup tool. Cruise.", false},
		{"cruise stuffed", "Cruise deals: cruise today, cruise tomorrow, cruise forever. The best cruise is a cruise cruise cruise with friends on a sunny deck.", true},
		{"nested in phrases", "Check your travel insurance before you book. Good travel insurance covers delays, and travel insurance from the club includes medical help. We travel together every spring, and the cruise leaves in May from the harbour near the old town.", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Score(Content{Body: tc.body}, a)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := checkByID(r, CheckRelevance)
			if got := strings.Contains(rel.Message, "Keyword stuffing"); got != tc.stuffed {
				t.Errorf("stuffed = %v, want %v: %s", got, tc.stuffed, rel.Message)
			}
		})
	}
}
