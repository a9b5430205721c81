package survey

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// TestShare pins the Wilson score interval to reference values (R's
// prop.test(x, n, correct = FALSE)), including the edges where the plain
// normal interval collapses to ±0.
func TestShare(t *testing.T) {
	cases := []struct {
		x, n                   int
		value, low, high, marg float64
	}{
		{0, 10, 0, 0, 0.2775, 0.1388},
		{1, 10, 0.1, 0.0179, 0.4042, 0.1931},
		{5, 10, 0.5, 0.2366, 0.7634, 0.2634},
		{10, 10, 1, 0.7225, 1, 0.1388},
		{15, 30, 0.5, 0.3315, 0.6685, 0.1685},
		{50, 100, 0.5, 0.4038, 0.5962, 0.0962},
		{60, 100, 0.6, 0.502, 0.6906, 0.0943},
		{0, 0, 0, 0, 1, 0.5},           // no sample: nothing known
		{12, 10, 1, 0.7225, 1, 0.1388}, // more picks than answers: clamped
	}
	for _, c := range cases {
		got := Share(c.x, c.n)
		want := Estimate{Value: c.value, Low: c.low, High: c.high, Margin: c.marg, N: c.n}
		if got != want {
			t.Errorf("Share(%d, %d) = %+v, want %+v", c.x, c.n, got, want)
		}
	}
}

// TestMarginShrinksWithSample: the margin of a 50% share falls roughly
// with the square root of the sample size.
func TestMarginShrinksWithSample(t *testing.T) {
	cases := []struct {
		n    int
		want float64 // the margin, in share points
	}{
		{10, 0.2634}, {30, 0.1685}, {100, 0.0962}, {400, 0.0488}, {1000, 0.0309},
	}
	for _, c := range cases {
		if got := Share(c.n/2, c.n).Margin; got != c.want {
			t.Errorf("margin of %d/%d = %v, want %v", c.n/2, c.n, got, c.want)
		}
	}
}

// surveyed is itAdmins' tally: 120 respondents, 100 answered the networks
// question, 40 the age question and 50 the interests question.
func surveyed() Tally {
	return Tally{
		Respondents: 120,
		Answered:    Answered{Networks: 100, Generation: 40, Interests: 50},
		Networks:    map[string]int{"linkedin": 60, "email": 30},
		Generations: map[string]int{"genz": 4, "millennials": 16, "genx": 12, "boomers": 8},
		Interests:   map[string]int{"backup": 40, "restore": 20, "disaster recovery": 8, "tape": 5},
	}
}

func TestSuggest(t *testing.T) {
	s := Suggest(itAdmins(), surveyed())
	if s.Respondents != 120 {
		t.Errorf("respondents %d", s.Respondents)
	}

	// Networks: 5,000 members; twitter ("x", 1,000) was picked by nobody
	// and keeps its count; the other 4,000 are split 60:30 between
	// linkedin and email. Intervals: Wilson of 60/100 and 30/100 scaled by
	// 4,000/90 members per respondent pick, times 100 respondents.
	wantNet := NetworkMix{N: 100, Basis: BasisMembers, Total: 5000, Items: []NetworkValue{
		{ID: "linkedin", Current: 4000, Picked: 60, Share: Estimate{0.6, 0.502, 0.6906, 0.0943, 100}, Suggested: 2667, Low: 2231, High: 3069},
		{ID: "email", Current: 0, Picked: 30, Share: Estimate{0.3, 0.2189, 0.3958, 0.0884, 100}, Suggested: 1333, Low: 973, High: 1759},
		{ID: "twitter", Current: 1000, Share: Estimate{0, 0, 0.037, 0.0185, 100}, Suggested: 1000, Low: 1000, High: 1000, Kept: true},
	}}
	if !reflect.DeepEqual(s.Networks, wantNet) {
		t.Errorf("networks\n got %+v\nwant %+v", s.Networks, wantNet)
	}

	wantGen := GenerationMix{N: 40, Items: []GenerationValue{
		{ID: "boomers", Current: 0.1, Picked: 8, Suggested: Share(8, 40)},
		{ID: "genx", Current: 0.4, Picked: 12, Suggested: Share(12, 40)},
		{ID: "millennials", Current: 0.4, Picked: 16, Suggested: Estimate{0.4, 0.2635, 0.554, 0.1453, 40}},
		{ID: "genz", Current: 0.1, Picked: 4, Suggested: Estimate{0.1, 0.0396, 0.2305, 0.0955, 40}},
	}}
	if !reflect.DeepEqual(s.Generations, wantGen) {
		t.Errorf("generations\n got %+v\nwant %+v", s.Generations, wantGen)
	}

	// Interests: backup is the most picked (40 of 50) and weighs 1.0;
	// restore (20) 0.3 + 0.7·(0.4/0.8) = 0.65; "Disaster Recovery" (8)
	// 0.3 + 0.7·(0.16/0.8) = 0.44; compliance, picked by nobody, keeps
	// 0.4 and is flagged. "tape" is not in the profile any more.
	wantInt := InterestWeights{N: 50, Items: []InterestValue{
		{Term: "backup", Current: 1, Picked: 40, Share: Share(40, 50), Suggested: 1, Low: 0.89, High: 1},
		{Term: "restore", Current: 0.8, Picked: 20, Share: Share(20, 50), Suggested: 0.65, Low: 0.54, High: 0.77},
		{Term: "compliance", Current: 0.4, Share: Share(0, 50), Suggested: 0.4, Low: 0.4, High: 0.4, Kept: true},
		{Term: "Disaster Recovery", Current: 1, Picked: 8, Share: Share(8, 50), Suggested: 0.44, Low: 0.37, High: 0.55},
	}}
	if !reflect.DeepEqual(s.Interests, wantInt) {
		t.Errorf("interests\n got %+v\nwant %+v", s.Interests, wantInt)
	}
}

func TestSuggestEdgeCases(t *testing.T) {
	t.Run("no member counts: respondents per network", func(t *testing.T) {
		a := itAdmins()
		a.Networks = nil
		tl := Tally{Respondents: 10, Answered: Answered{Networks: 10}, Networks: map[string]int{"linkedin": 7, "twitter": 2}}
		got := Suggest(a, tl).Networks
		want := NetworkMix{N: 10, LowSample: true, Basis: BasisRespondents, Items: []NetworkValue{
			{ID: "linkedin", Picked: 7, Share: Share(7, 10), Suggested: 7, Low: 4, High: 9},
			{ID: "twitter", Picked: 2, Share: Share(2, 10), Suggested: 2, Low: 1, High: 5},
		}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
	})
	t.Run("no answers: everything kept", func(t *testing.T) {
		s := Suggest(itAdmins(), Tally{})
		if s.Networks.N != 0 || !s.Networks.LowSample || len(s.Networks.Items) != 2 {
			t.Errorf("networks %+v", s.Networks)
		}
		for _, v := range s.Networks.Items {
			if !v.Kept || v.Suggested != v.Current {
				t.Errorf("network %+v", v)
			}
		}
		for _, v := range s.Interests.Items {
			if !v.Kept || v.Suggested != v.Current {
				t.Errorf("interest %+v", v)
			}
		}
		for _, v := range s.Generations.Items {
			if v.Suggested != (Estimate{Low: 0, High: 1, Margin: 0.5}) {
				t.Errorf("generation %+v", v)
			}
		}
		if got := Apply(itAdmins(), s); !reflect.DeepEqual(got, itAdmins()) {
			t.Errorf("applying an empty suggestion changed the profile: %+v", got)
		}
	})
	t.Run("every counted network was picked by nobody", func(t *testing.T) {
		a := itAdmins()
		a.Networks = map[string]int{"facebook": 500}
		tl := Tally{Respondents: 4, Answered: Answered{Networks: 4}, Networks: map[string]int{"linkedin": 3, "email": 1}}
		got := Suggest(a, tl).Networks
		// facebook keeps 500; the picked networks are scaled to the total.
		ids := []string{got.Items[0].ID, got.Items[1].ID, got.Items[2].ID}
		if !reflect.DeepEqual(ids, []string{"facebook", "linkedin", "email"}) || !got.Items[0].Kept ||
			got.Items[0].Suggested != 500 || got.Items[1].Suggested != 375 || got.Items[2].Suggested != 125 {
			t.Errorf("got %+v", got.Items)
		}
	})
}

// TestApply: the suggested values land in the audience, nothing else
// changes, and the result is a profile the engine and the domain accept.
func TestApply(t *testing.T) {
	cur := itAdmins()
	cur.Traits = []string{"pragmatic"}
	cur.Disabled = []string{scoring.CheckReadability}
	got := Apply(cur, Suggest(cur, surveyed()))

	if want := map[string]int{"linkedin": 2667, "email": 1333, "twitter": 1000}; !reflect.DeepEqual(got.Networks, want) {
		t.Errorf("networks %v, want %v (the alias x replaced by twitter)", got.Networks, want)
	}
	if want := map[string]float64{"boomers": 0.2, "genx": 0.3, "millennials": 0.4, "genz": 0.1}; !reflect.DeepEqual(got.Generations, want) {
		t.Errorf("generations %v, want %v", got.Generations, want)
	}
	want := []scoring.Interest{{Term: "backup", Weight: 1}, {Term: "restore", Weight: 0.65},
		{Term: "compliance", Weight: 0.4}, {Term: "Disaster Recovery", Weight: 0.44}}
	if !reflect.DeepEqual(got.Interests, want) {
		t.Errorf("interests %v, want %v", got.Interests, want)
	}
	if got.Name != cur.Name || !reflect.DeepEqual(got.Traits, cur.Traits) || !reflect.DeepEqual(got.Disabled, cur.Disabled) {
		t.Errorf("other fields changed: %+v", got)
	}
	if !reflect.DeepEqual(cur, func() scoring.Audience {
		a := itAdmins()
		a.Traits = []string{"pragmatic"}
		a.Disabled = []string{scoring.CheckReadability}
		return a
	}()) {
		t.Errorf("Apply changed the current audience: %+v", cur)
	}
	if _, err := scoring.Compile(got); err != nil {
		t.Errorf("scoring.Compile refuses the applied profile: %v", err)
	}
	if err := domain.ValidateAudience(got); err != nil {
		t.Errorf("domain.ValidateAudience refuses the applied profile: %v", err)
	}
}

// TestSuggestProperties runs random surveys through Validate, Add, Suggest
// and Apply: every applied profile compiles, every suggested value lies in
// its interval and in its documented range, and shares are within [0, 1].
func TestSuggestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 1))
	nets := scoring.NetworkIDs()
	for run := 0; run < 300; run++ {
		a := itAdmins()
		switch run % 3 {
		case 0:
			a.Networks = nil
		case 1:
			a.Networks = map[string]int{"linkedin": r.IntN(domain.MaxMembers), "reddit": r.IntN(10)}
		}
		q := Questions{Networks: nets[:1+r.IntN(len(nets))], Generations: r.IntN(2) == 0, Interests: questions.Interests[:1+r.IntN(4)]}
		var tl Tally
		for i := r.IntN(200); i > 0; i-- {
			var ans Answers
			for _, n := range q.Networks {
				if r.IntN(3) == 0 {
					ans.Networks = append(ans.Networks, n)
				}
			}
			if q.Generations && r.IntN(2) == 0 {
				ans.Generation = Generations()[r.IntN(4)]
			}
			for _, in := range q.Interests {
				if len(ans.Interests) < MaxInterestPicks && r.IntN(2) == 0 {
					ans.Interests = append(ans.Interests, in)
				}
			}
			v, err := ans.Validate(q)
			if ans.Empty() {
				continue
			}
			if err != nil {
				t.Fatalf("run %d: %+v: %v", run, ans, err)
			}
			tl = Add(tl, v)
		}
		s := Suggest(a, tl)
		for _, v := range s.Networks.Items {
			if v.Low > v.Suggested || v.Suggested > v.High || v.Suggested < 0 || v.Suggested > domain.MaxMembers {
				t.Fatalf("run %d: network %+v", run, v)
			}
			checkEstimate(t, v.Share)
		}
		for _, v := range s.Generations.Items {
			checkEstimate(t, v.Suggested)
		}
		for _, v := range s.Interests.Items {
			if v.Low > v.Suggested || v.Suggested > v.High {
				t.Fatalf("run %d: interest %+v", run, v)
			}
			if !v.Kept && (v.Suggested < MinInterestWeight || v.Suggested > MaxInterestWeight) {
				t.Fatalf("run %d: interest weight %+v", run, v)
			}
			checkEstimate(t, v.Share)
		}
		out := Apply(a, s)
		if _, err := scoring.Compile(out); err != nil {
			t.Fatalf("run %d: Compile: %v\n%+v", run, err, out)
		}
		if err := domain.ValidateAudience(out); err != nil {
			t.Fatalf("run %d: ValidateAudience: %v\n%+v", run, err, out)
		}
	}
}

func checkEstimate(t *testing.T, e Estimate) {
	t.Helper()
	if e.Low < 0 || e.High > 1 || e.Low > e.Value || e.Value > e.High || math.Abs(e.Margin-(e.High-e.Low)/2) > 1e-4 {
		t.Fatalf("estimate %+v", e)
	}
}
