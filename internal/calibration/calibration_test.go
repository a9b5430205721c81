package calibration

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
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
	// Twins but for the term that went with engagement (the other twin has
	// a word the history never used), shaped like the
	// history's ordinary posts (a draft beyond every past post's prediction
	// is at 100 whatever its terms).
	with := p.Score(scoring.Content{Title: "Gardening notes on pruning", Body: "A few words on pruning for your garden this month, with one tip from a member. What do you grow?", Network: "facebook"})
	without := p.Score(scoring.Content{Title: "Gardening notes on mulching", Body: "A few words on mulching for your garden this month, with one tip from a member. What do you grow?", Network: "facebook"})
	if with.Calibrated == nil || without.Calibrated == nil {
		t.Fatalf("results not calibrated")
	}
	if with.Score <= without.Score {
		t.Errorf("calibrated: pruning %d, mulching %d", with.Score, without.Score)
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

// TestTargets: the three normalisations of engagement a fit can learn.
func TestTargets(t *testing.T) {
	mk := func(network string, eng ...float64) []prepared {
		var out []prepared
		for _, e := range eng {
			out = append(out, prepared{network: network, logEng: math.Log1p(e)})
		}
		return out
	}
	// Two networks on different scales: each is ranked within itself.
	two := append(mk("email", 1, 3, 2), mk("linkedin", 100, 300, 200)...)
	// A growing community: engagement doubles along time; among its
	// TimeWindow neighbours a post is average, over the whole history it is
	// not.
	var grow []prepared
	for i := 0; i < 3*TimeWindow; i++ {
		e := float64(i)
		if i%2 == 1 {
			e += 0.5 // odd posts beat their even neighbours
		}
		grow = append(grow, prepared{network: "blog", logEng: e})
	}
	cases := []struct {
		name   string
		posts  []prepared
		target string
		check  func(y []float64) string
	}{
		{"log less the network median", two, TargetLog, func(y []float64) string {
			if math.Abs(y[0]-(math.Log1p(1)-math.Log1p(2))) > 1e-12 || y[2] != 0 || y[5] != 0 {
				return "not centred on each network's median"
			}
			return ""
		}},
		{"rank within each network", two, TargetRank, func(y []float64) string {
			want := []float64{-0.5, 0.5, 0, -0.5, 0.5, 0}
			for i := range want {
				if math.Abs(y[i]-want[i]) > 1e-12 {
					return "ranks differ from -0.5, 0.5, 0 per network"
				}
			}
			return ""
		}},
		{"ties share a mid rank", mk("blog", 5, 5, 1), TargetRank, func(y []float64) string {
			if y[0] != y[1] || y[0] != 0.25 || y[2] != -0.5 {
				return "ties not at their mid rank"
			}
			return ""
		}},
		{"time: ranked among neighbours only", grow, TargetTime, func(y []float64) string {
			mid := len(grow) / 2
			if y[0] != -0.5 || y[len(y)-1] != 0.5 {
				return "the ends of the history are not ranked within their window"
			}
			if math.Abs(y[mid]) > 0.05 || math.Abs(y[mid+1]) > 0.05 {
				return "a post in the middle is not average among its neighbours"
			}
			return ""
		}},
		{"rank: the same growth is a trend", grow, TargetRank, func(y []float64) string {
			if y[len(y)/2+1] <= y[len(y)/2] || y[len(y)-1] != 0.5 || y[0] != -0.5 {
				return "not ranked over the whole history"
			}
			return ""
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			y := targets(tc.posts, tc.target)
			if msg := tc.check(y); msg != "" {
				t.Errorf("%s: %v", msg, y[:min(len(y), 8)])
			}
			for _, v := range y {
				if tc.target != TargetLog && (v < -0.5 || v > 0.5) {
					t.Errorf("percentile %v outside -0.5..0.5", v)
				}
			}
		})
	}
}

// TestRidgeCG: the sparse joint term fit solves the ridge equations: with
// terms that never share a post it is each term's shrunk mean, with terms
// that always do the effect is split between them.
func TestRidgeCG(t *testing.T) {
	cases := []struct {
		name   string
		rows   [][]int32
		r      []float64
		d      int
		lambda float64
		want   []float64
	}{
		{"separate terms: sum / (count + lambda)", [][]int32{{0}, {0}, {1}, {}}, []float64{1, 2, -3, 0}, 2, 1, []float64{3.0 / 3, -3.0 / 2}},
		{"terms always together split the effect", [][]int32{{0, 1}, {0, 1}, {}}, []float64{1, 1, -2}, 2, 2, []float64{2.0 / 6, 2.0 / 6}},
		// (XᵀX + I) w = Xᵀr with X = [[1,0],[1,1]], r = [1, 3]:
		// [[3,1],[1,2]] w = [4,3] → w = [1, 1].
		{"overlapping terms", [][]int32{{0}, {0, 1}}, []float64{1, 3}, 2, 1, []float64{1, 1}},
		{"no rows", nil, nil, 3, 1, []float64{0, 0, 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := ridgeCG(tc.rows, tc.r, tc.d, tc.lambda)
			for j := range tc.want {
				if math.Abs(w[j]-tc.want[j]) > 1e-9 {
					t.Errorf("w = %v, want %v", w, tc.want)
					break
				}
			}
		})
	}
}

// TestFitGridSettings: bad candidate settings are an error; the settings a
// calibration was fitted with are reported and are one of the candidates.
func TestFitGridSettings(t *testing.T) {
	bad := []struct {
		name string
		grid []Settings
	}{
		{"no candidate", nil},
		{"unknown target", []Settings{{Target: "claps", Shrinkage: 1, Lambda: 1}}},
		{"zero penalty", []Settings{{Target: TargetRank, Shrinkage: 1, Lambda: 0}}},
		{"negative shrinkage", []Settings{{Target: TargetRank, Shrinkage: -1, Lambda: 1}}},
		{"NaN penalty", []Settings{{Target: TargetRank, Shrinkage: 1, Lambda: math.NaN()}}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := FitGrid(audience(), history(60), tc.grid); err == nil {
				t.Errorf("accepted")
			}
		})
	}
	_, rep, err := Fit(audience(), history(150))
	if err != nil || !rep.Applied || rep.Settings == nil {
		t.Fatalf("not applied: %v %+v", err, rep)
	}
	found := false
	for _, s := range Grid {
		found = found || s == *rep.Settings
	}
	if !found {
		t.Errorf("settings %+v are not in Grid", *rep.Settings)
	}
}

// TestChoosePrefersWhatValidates: between a model that can learn (a mild
// penalty) and one that cannot (term weights shrunk to nothing and every
// feature penalised away), the choice on forward-chaining validation takes
// the one that ranks the newer posts; with too few posts to tell it keeps
// the first candidate.
func TestChoosePrefersWhatValidates(t *testing.T) {
	base, err := scoring.Compile(audience())
	if err != nil {
		t.Fatal(err)
	}
	posts, stems, _ := prepare(base, history(150))
	good := Settings{Target: TargetRank, Shrinkage: 1, Lambda: 1, Joint: true}
	// A flat model: every prediction equal, so every score ties.
	flat := Settings{Target: TargetRank, Shrinkage: 1e6, Lambda: 1e6, Joint: true}
	if got := choose(posts, stems, []Settings{flat, good}); got != good {
		t.Errorf("chose %+v", got)
	}
	if got := choose(posts[:MinPosts/2], stems, []Settings{flat, good}); got != flat {
		t.Errorf("with too few posts chose %+v, want the first", got)
	}
}

// longHistory builds n posts of about 150 words each drawn from a
// 3,000-word vocabulary (a pseudo-random but fixed sequence), engagement
// following a few of the words: the cost of a calibration on real-length
// posts with a wide vocabulary.
func longHistory(n int) []Post {
	vocab := make([]string, 3000)
	for i := range vocab {
		w := []byte{}
		for x := i + 1; x > 0; x /= 20 {
			w = append(w, "bcdfghjklmnprstvwxyz"[x%20], "aeiou"[x%5])
		}
		vocab[i] = string(w) + "er"
	}
	seed := uint32(1)
	next := func() int {
		seed = seed*1664525 + 1013904223
		return int(seed >> 8)
	}
	out := make([]Post, n)
	for i := range out {
		var title, body []string
		eng := 10.0
		for k := 0; k < 8; k++ {
			title = append(title, vocab[next()%len(vocab)])
		}
		for k := 0; k < 150; k++ {
			j := next() % len(vocab)
			if j < 30 {
				eng += float64(j)
			}
			body = append(body, vocab[j])
			if k%15 == 14 {
				body[len(body)-1] += "."
			}
		}
		out[i] = Post{Title: strings.Join(title, " "), Body: strings.Join(body, " "), Network: "blog",
			Engagement: eng + float64(next()%50), Created: "2026-" + pad(1+i/28%12) + "-" + pad(1+i%28)}
	}
	return out
}

// BenchmarkFit1000Long: 1,000 posts of 150 words from a wide vocabulary.
func BenchmarkFit1000Long(b *testing.B) {
	h := longHistory(1000)
	for b.Loop() {
		if _, _, err := Fit(audience(), h); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTermWeightsKeepsTheStrongest: at most TermsKept terms stay, the
// strongest; among equally strong ones the first stems in order, so that
// the block is the same on every run.
func TestTermWeightsKeepsTheStrongest(t *testing.T) {
	n := TermsKept + 50
	stems := make([]string, n+1)
	var posts []prepared
	var y []float64
	for i := 0; i < n; i++ {
		// Each term on two posts that did well: all equally strong.
		stems[i] = fmt.Sprintf("t%04d", i)
		posts = append(posts, prepared{ids: []int32{int32(i)}}, prepared{ids: []int32{int32(i)}})
		y = append(y, 1, 1)
	}
	// The strong term on four posts that did well.
	stems[n] = "strong"
	for k := 0; k < 4; k++ {
		posts = append(posts, prepared{ids: []int32{int32(n)}})
		y = append(y, 1)
	}
	// As many posts without terms that did poorly.
	for len(y) < 2*(2*n+4) {
		posts = append(posts, prepared{})
		y = append(y, 0)
	}
	idx := make([]int, len(posts))
	for i := range idx {
		idx[i] = i
	}
	for _, joint := range []bool{false, true} {
		w := termWeights(posts, stems, y, idx, Settings{Target: TargetRank, Shrinkage: 1, Lambda: 1, Joint: joint})
		kept := 0
		for _, v := range w {
			if v != 0 {
				kept++
			}
		}
		if kept != TermsKept {
			t.Errorf("joint %v: %d terms kept, want %d", joint, kept, TermsKept)
		}
		if w[n] <= w[0] {
			t.Errorf("joint %v: the strong term weighs %v, an ordinary one %v", joint, w[n], w[0])
		}
		// One by one the ordinary terms tie exactly: the first stems stay.
		if !joint && (w[TermsKept-2] == 0 || w[TermsKept-1] != 0 || w[n-1] != 0) {
			t.Errorf("ties not broken by stem order: %v %v %v", w[TermsKept-2], w[TermsKept-1], w[n-1])
		}
	}
}

// TestWorks: what works, for the panel: the heaviest positive learned
// words, then the heaviest positive traits a writer can act on; nothing
// negative, nothing a writer cannot act on (the score itself).
func TestWorks(t *testing.T) {
	c := &scoring.Calibration{
		Features: []scoring.Feature{
			{Name: scoring.FeatureQuestion, Scale: 1, Weight: 0.4},
			{Name: scoring.FeatureTitleNumber, Scale: 1, Weight: 0.9},
			{Name: scoring.FeatureReader, Scale: 1, Weight: -0.5},
			{Name: scoring.FeatureScore, Scale: 1, Weight: 2},
			{Name: scoring.FeatureTerms, Scale: 1, Weight: 1},
		},
		Terms: []scoring.TermWeight{{Term: "Restore", Weight: 1}, {Term: "webinar", Weight: -2}, {Term: "script", Weight: 3}, {Term: "log", Weight: 0.5}, {Term: "test", Weight: 0.2}},
	}
	want := []string{"“script”", "“restore”", "“log”", "a number in the title", "a question"}
	if got := Works(c); !reflect.DeepEqual(got, want) {
		t.Errorf("works %q, want %q", got, want)
	}
	if got := Works(&scoring.Calibration{Terms: []scoring.TermWeight{{Term: "x", Weight: -1}}}); len(got) != 0 {
		t.Errorf("nothing positive, yet works %q", got)
	}
	for _, name := range scoring.FeatureNames() {
		if l := worksLabel(name); name != scoring.FeatureScore && name != scoring.FeatureTerms && l == "" {
			t.Errorf("feature %s has no label", name)
		}
	}
}
