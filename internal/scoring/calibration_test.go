package scoring

import (
	"math"
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
		if got := cc.percentile(tc.v); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("percentile(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
