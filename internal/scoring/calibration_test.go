package scoring

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// testCalibration loves the word "checklist" and nothing else.
func testCalibration() *Calibration {
	return &Calibration{
		Version: Version, Posts: 100, Train: 40, Test: 60, Rho: 0.3, BaselineRho: 0.1,
		Features:  []Feature{{Name: FeatureTerms, Mean: 0, Scale: 1, Weight: 1}, {Name: CheckHooks, Mean: 50, Scale: 20, Weight: 0.1}},
		Terms:     []TermWeight{{Term: "checklist", Weight: 2}, {Term: "buy", Weight: 5}},
		Quantiles: []float64{-1, 0, 1, 2, 3},
	}
}

func TestCalibrationCompileErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(c *Calibration)
		field string
	}{
		{"unknown feature", func(c *Calibration) { c.Features[0].Name = "mood" }, "calibration.features[0].name"},
		{"feature twice", func(c *Calibration) { c.Features[1].Name = FeatureTerms }, "calibration.features[1].name"},
		{"zero scale", func(c *Calibration) { c.Features[0].Scale = 0 }, "calibration.features[0]"},
		{"NaN weight", func(c *Calibration) { c.Features[1].Weight = math.NaN() }, "calibration.features[1]"},
		{"empty term", func(c *Calibration) { c.Terms[1].Term = " " }, "calibration.terms[1]"},
		{"too many terms", func(c *Calibration) { c.Terms = make([]TermWeight, MaxCalibrationTerms+1) }, "calibration.terms"},
		{"one quantile", func(c *Calibration) { c.Quantiles = []float64{1} }, "calibration.quantiles"},
		{"quantiles going down", func(c *Calibration) { c.Quantiles = []float64{0, 2, 1} }, "calibration.quantiles[2]"},
		{"quantiles all equal", func(c *Calibration) { c.Quantiles = []float64{1, 1, 1} }, "calibration.quantiles"},
		{"weight that overflows", func(c *Calibration) { c.Features[0].Weight = 1e300 }, "calibration.features[0]"},
		{"tiny scale", func(c *Calibration) { c.Features[0].Scale = 1e-300 }, "calibration.features[0]"},
		{"huge term weight", func(c *Calibration) { c.Terms[0].Weight = 1e300 }, "calibration.terms[0]"},
		{"a phrase as a term", func(c *Calibration) { c.Terms[0].Term = "two words" }, "calibration.terms[0]"},
		{"NaN rho", func(c *Calibration) { c.Rho = math.NaN() }, "calibration.rho"},
		{"rho above 1", func(c *Calibration) { c.BaselineRho = 2 }, "calibration.baseline_rho"},
		{"negative posts", func(c *Calibration) { c.Posts = -1 }, "calibration.posts"},
		{"another version is still checked", func(c *Calibration) { c.Version = "1.0.0"; c.Terms = make([]TermWeight, MaxCalibrationTerms+1) }, "calibration.terms"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := loadAudience(t, "itadmins")
			a.Calibration = testCalibration()
			tc.edit(a.Calibration)
			_, err := Compile(a)
			ie, ok := err.(*InputError)
			if !ok || ie.Field != tc.field {
				t.Errorf("error %v, want one for %s", err, tc.field)
			}
		})
	}
}

// TestCalibratedScore: a calibration makes the overall score the learned
// rank, says so, keeps the uncalibrated score, and never lifts a
// deal-breaker: a hard sell stays poor however much the community's history
// liked "buy".
func TestCalibratedScore(t *testing.T) {
	a := loadAudience(t, "itadmins")
	plain, _ := Compile(a)
	a.Calibration = testCalibration()
	p, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	good := loadDraft(t, "itadmins", "good")
	r, u := p.Score(good), plain.Score(good)
	validateResult(t, good, r)
	if r.Calibrated == nil || r.Calibrated.Posts != 100 || r.Calibrated.Uncalibrated != u.Score {
		t.Fatalf("calibrated %+v, uncalibrated score %d", r.Calibrated, u.Score)
	}
	twin := func(word string) Content {
		return Content{Network: "linkedin", Title: "Your restore " + word,
			Body: "Test one backup restore every month with our free " + word + ". Which server would you restore first?"}
	}
	if w, wo := p.Score(twin("checklist")), p.Score(twin("template")); w.Score <= wo.Score {
		t.Errorf("the loved term scored %d, its twin %d", w.Score, wo.Score)
	}
	pitch := Content{Body: "Buy now and save 30% on BackupPro, the best-in-class backup platform. Limited time offer: buy today!"}
	rp := p.Score(pitch)
	validateResult(t, pitch, rp)
	if rp.Rating != RatingPoor || len(rp.Caps) == 0 {
		t.Errorf("a hard sell with a calibration that loves 'buy': %s %d %+v", rp.Rating, rp.Score, rp.Caps)
	}
	// A calibration of another model version is ignored, not an error.
	a.Calibration.Version = "1.0.0"
	old, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	if ro := old.Score(good); ro.Calibrated != nil || ro.Score != u.Score {
		t.Errorf("an old calibration was applied: %+v", ro.Calibrated)
	}
}

func TestPercentile(t *testing.T) {
	cc := &calibration{quantile: []float64{0, 10, 20, 30, 40}}
	for _, tc := range []struct{ v, want float64 }{{-5, 0}, {0, 0}, {5, 12.5}, {20, 50}, {35, 87.5}, {40, 100}, {99, 100}} {
		if got := Percentile(cc.quantile, tc.v); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("percentile(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
	// A plateau of equal quantiles ranks its value in its middle.
	cc = &calibration{quantile: []float64{0, 1, 1, 1, 2}}
	for _, tc := range []struct{ v, want float64 }{{1, 50}, {0.5, 12.5}, {1.5, 87.5}} {
		if got := Percentile(cc.quantile, tc.v); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("percentile(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// TestCompiledCalibrationIsACopy: changing the block after Compile changes
// nothing (a Profile is immutable and shared between goroutines).
func TestCompiledCalibrationIsACopy(t *testing.T) {
	a := loadAudience(t, "itadmins")
	a.Calibration = testCalibration()
	p, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	c := Content{Title: "Your restore checklist", Body: "Test one backup restore every month with the free checklist. Which server first?"}
	before := p.Score(c)
	a.Calibration.Quantiles[0], a.Calibration.Quantiles[1] = 100, 200
	a.Calibration.Rho = 0.99
	a.Calibration.Terms[0].Weight = -50
	after := p.Score(c)
	if before.Score != after.Score || !reflect.DeepEqual(before.Calibrated, after.Calibrated) {
		t.Errorf("the compiled profile followed its block: %d %+v, then %d %+v", before.Score, before.Calibrated, after.Score, after.Calibrated)
	}
}

// TestCalibrationTermsMatchOtherLanguages: a term learned from French posts
// (DraftTerms) matches French drafts at scoring time.
func TestCalibrationTermsMatchOtherLanguages(t *testing.T) {
	a := Audience{Interests: []Interest{{Term: "marché"}, {Term: "légumes"}}}
	plain, _ := Compile(a)
	fr := Content{Body: "Nos recettes de saison pour le marché du samedi, avec des légumes de la ferme et des idées pour les enfants."}
	var key string
	for _, tm := range plain.DraftTerms(fr) {
		if tm.Word == "recettes" {
			key = tm.Word
		}
	}
	if key == "" {
		t.Fatal("recettes not among the draft's terms")
	}
	a.Calibration = &Calibration{Version: Version, Posts: 50, Features: []Feature{{Name: FeatureTerms, Scale: 1, Weight: 1}},
		Terms: []TermWeight{{Term: key, Weight: 3}}, Quantiles: []float64{0, 1, 2, 3}}
	p, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Score(fr)
	if r.Language.Code != "fr" || r.Calibrated == nil || r.Score < 90 {
		t.Errorf("language %s, calibrated %+v, score %d: the learned French term did not match", r.Language.Code, r.Calibrated, r.Score)
	}
}

// TestSqueezeWithEqualThresholds: with good == ok, a draft with a poor
// check never rates good, and a higher mean never scores lower.
func TestSqueezeWithEqualThresholds(t *testing.T) {
	a := loadAudience(t, "itadmins")
	a.Thresholds = map[string]Threshold{ThresholdOverall: {Good: 50, OK: 50}}
	p, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, mean := range []float64{0, 20, 49, 50, 60, 80, 100} {
		s := p.overall(mean, true, false, 45)
		if s >= 50 {
			t.Errorf("mean %v with a poor check scored %d: rates good", mean, s)
		}
		if s < last {
			t.Errorf("mean %v scored %d, below a lower mean's %d", mean, s, last)
		}
		last = s
	}
}

// TestStyleFeatures: the title and voice features a calibration can learn
// from, read from one analysis of the draft (title case is the share of
// the title's words, numbers are not words).
func TestStyleFeatures(t *testing.T) {
	p, err := Compile(Audience{Interests: []Interest{{Term: "gardening"}}})
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, n := range FeatureNames() {
		idx[n] = i
	}
	body := "A few notes on gardening in small spaces, with one tip from a member of the club."
	cases := []struct {
		name, title, body string
		want              map[string]float64
	}{
		{"plain", "notes on gardening in march", body,
			map[string]float64{FeatureTitleLead: 0, FeatureTitleColon: 0, FeatureTitleCase: 0, FeatureReader: 0, FeatureFirstPerson: 0}},
		{"listicle in title case", "7 Gardening Tips for March", body,
			map[string]float64{FeatureTitleLead: 1, FeatureTitleColon: 0, FeatureTitleCase: 0.75, FeatureReader: 0, FeatureFirstPerson: 0}},
		{"a number later is no lead", "Gardening in 7 steps", body,
			map[string]float64{FeatureTitleLead: 0, FeatureTitleNumber: 1, FeatureTitleCase: 1.0 / 3}},
		{"colon and the reader", "Gardening: what your soil needs", body,
			map[string]float64{FeatureTitleColon: 1, FeatureReader: 1, FeatureFirstPerson: 0, FeatureTitleCase: 0.2}},
		{"first person in the body, curly apostrophe", "Gardening notes", "I’m new to gardening and my beds are small, so here is what worked.",
			map[string]float64{FeatureFirstPerson: 1, FeatureReader: 0}},
		{"you're in the body", "Gardening notes", "If you’re new to gardening, start with one small bed and a few seeds.",
			map[string]float64{FeatureReader: 1, FeatureFirstPerson: 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, f, _ := p.ScoreDetailed(Content{Title: tc.title, Body: tc.body})
			if len(f) != len(FeatureNames()) {
				t.Fatalf("%d features, want %d", len(f), len(FeatureNames()))
			}
			for name, want := range tc.want {
				if got := f[idx[name]]; math.Abs(got-want) > 1e-9 {
					t.Errorf("%s = %v, want %v", name, got, want)
				}
			}
		})
	}
}

// TestCalibrationWorks: a calibrated result repeats the block's works (a
// copy: changing a result or the block changes nothing else), and a block
// with too many, empty or oversized works is refused by field.
func TestCalibrationWorks(t *testing.T) {
	block := func(works ...string) Audience {
		return Audience{Interests: []Interest{{Term: "backup"}}, Calibration: &Calibration{Version: Version, Posts: 80,
			Features: []Feature{{Name: FeatureTerms, Scale: 1, Weight: 1}}, Terms: []TermWeight{{Term: "restore", Weight: 1}},
			Quantiles: []float64{0, 1, 2, 3}, Works: works}}
	}
	a := block("“restore”", "a question")
	p, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	a.Calibration.Works[0] = "changed"
	r := p.Score(Content{Body: "Test one backup restore every month with the free checklist."})
	if r.Calibrated == nil || !reflect.DeepEqual(r.Calibrated.Works, []string{"“restore”", "a question"}) {
		t.Fatalf("calibrated %+v", r.Calibrated)
	}
	r.Calibrated.Works[0] = "changed"
	if again := p.Score(Content{Body: "Test one backup restore every month."}); again.Calibrated.Works[0] != "“restore”" {
		t.Error("a result's works share the profile's slice")
	}
	for _, tc := range []struct {
		works []string
		field string
	}{
		{[]string{"a", "b", "c", "d", "e", "f"}, "calibration.works"},
		{[]string{"ok", ""}, "calibration.works[1]"},
		{[]string{strings.Repeat("x", MaxWorkBytes+1)}, "calibration.works[0]"},
		{[]string{"\xff"}, "calibration.works[0]"},
	} {
		_, err := Compile(block(tc.works...))
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != tc.field {
			t.Errorf("works %q: %v, want an error on %s", tc.works, err, tc.field)
		}
	}
}
