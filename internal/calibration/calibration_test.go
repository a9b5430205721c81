package calibration

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

func audience() scoring.Audience {
	return scoring.Audience{
		Name:      "Home gardeners",
		Interests: []scoring.Interest{{Term: "gardening"}, {Term: "compost", Weight: 0.8}, {Term: "seeds", Weight: 0.7}, {Term: "tomatoes", Weight: 0.5}},
		Networks:  map[string]int{"facebook": 5000, "email": 3000},
	}
}

// history builds n posts where posts about pruning (every third one) earn
// about ten times the engagement of the others, with noise, dated in order.
func history(n int) []Post {
	var out []Post
	topics := []string{"compost", "seeds", "tomatoes", "raised beds", "watering"}
	for i := 0; i < n; i++ {
		topic := topics[i%len(topics)]
		title := "Gardening notes on " + topic
		body := "A few words on " + topic + " for your garden this month, with one tip from a member. What do you grow?"
		eng := 20.0 + float64((i*37)%15)
		if i%3 == 0 {
			title = "Pruning roses: gardening notes on " + topic
			body = "How to do the pruning of roses and shrubs, step by step, then " + topic + ". Share your pruning photos."
			eng = 200 + float64((i*53)%80)
		}
		out = append(out, Post{Title: title, Body: body, Network: "facebook", Engagement: eng, Created: "2026-" + pad(1+i/28%12) + "-" + pad(1+i%28)})
	}
	return out
}

func pad(n int) string {
	s := strconv.Itoa(n)
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// TestFitLearnsWhatWorks: a history where one term goes with engagement is
// learned, validated on the newer posts, and applied; the calibrated score
// ranks a new draft with that term above one without.
func TestFitLearnsWhatWorks(t *testing.T) {
	a, rep, err := Fit(audience(), history(120))
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Applied || a.Calibration == nil {
		t.Fatalf("not applied: %+v", rep)
	}
	if rep.Posts != 120 || rep.Train+rep.Test != 120 || rep.Rho <= rep.BaselineRho {
		t.Errorf("report %+v", rep)
	}
	found := false
	for _, tw := range rep.TopTerms {
		if strings.HasPrefix(tw.Term, "prun") && tw.Weight > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("pruning not among the top terms: %+v", rep.TopTerms)
	}
	p, err := scoring.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	// Twins but for the term that went with engagement.
	with := p.Score(scoring.Content{Title: "Pruning roses in March", Body: "A few gardening notes on pruning roses, step by step. Share your photos.", Network: "facebook"})
	without := p.Score(scoring.Content{Title: "Watering roses in March", Body: "A few gardening notes on watering roses, step by step. Share your photos.", Network: "facebook"})
	if with.Calibrated == nil || without.Calibrated == nil {
		t.Fatalf("results not calibrated")
	}
	if with.Score <= without.Score {
		t.Errorf("calibrated: pruning %d, watering %d", with.Score, without.Score)
	}
}

func TestFitLeavesTheAudienceWhenItCannotHelp(t *testing.T) {
	flat := history(60)
	for i := range flat {
		flat[i].Engagement = 10 // nothing to rank
	}
	noise := history(90)
	for i := range noise {
		// Engagement unrelated to the text: a pseudo-random order.
		noise[i].Engagement = float64((i * 7919) % 97)
	}
	cases := []struct {
		name    string
		posts   []Post
		applied bool
		reason  string
	}{
		{"too few posts", history(MinPosts - 1), false, "too few"},
		{"no variation", flat, false, "vary"},
		{"no signal", noise, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, rep, err := Fit(audience(), tc.posts)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Applied || a.Calibration != nil {
				// Noise may pass validation by chance; then the held-out
				// gain must at least be real on the validation.
				if tc.reason != "" || rep.Rho <= rep.BaselineRho {
					t.Errorf("applied: %+v", rep)
				}
				return
			}
			if rep.Reason == "" || !strings.Contains(rep.Reason, tc.reason) {
				t.Errorf("reason %q, want one mentioning %q", rep.Reason, tc.reason)
			}
		})
	}
}

func TestFitRejectsBadInput(t *testing.T) {
	bad := history(40)
	bad[3].Engagement = math.NaN()
	if _, _, err := Fit(audience(), bad); err == nil || !strings.Contains(err.Error(), "post 4") {
		t.Errorf("NaN engagement: %v", err)
	}
	bad[3].Engagement = -1
	if _, _, err := Fit(audience(), bad); err == nil {
		t.Errorf("negative engagement accepted")
	}
	if _, _, err := Fit(scoring.Audience{}, history(40)); err == nil {
		t.Errorf("invalid audience accepted")
	}
}

// TestFitIsDeterministic: the same history gives the same calibration, byte
// for byte (maps are never iterated unsorted into the output).
func TestFitIsDeterministic(t *testing.T) {
	a1, r1, err := Fit(audience(), history(100))
	if err != nil {
		t.Fatal(err)
	}
	a2, r2, _ := Fit(audience(), history(100))
	b1, _ := json.Marshal(struct {
		A scoring.Audience
		R Report
	}{a1, r1})
	b2, _ := json.Marshal(struct {
		A scoring.Audience
		R Report
	}{a2, r2})
	if string(b1) != string(b2) {
		t.Errorf("two fits differ")
	}
}

// BenchmarkFit1000 is the budget: calibrating on 1,000 posts in at
// most 2 s on the reference machine (BENCHMARKS.md).
func BenchmarkFit1000(b *testing.B) {
	h := history(1000)
	for b.Loop() {
		if _, _, err := Fit(audience(), h); err != nil {
			b.Fatal(err)
		}
	}
}
