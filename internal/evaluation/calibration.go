package evaluation

import (
	"sort"
	"time"

	"github.com/sweetspot/sweetspot/internal/calibration"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/stats"
)

// CalibrationResult is one community's calibration on real posts.
type CalibrationResult struct {
	Community    string
	Fit, Tested  int // profile posts fitted on, held-out posts scored
	Report       calibration.Report
	Uncalibrated float64 // held-out Spearman rho, uncalibrated score
	Calibrated   float64 // held-out Spearman rho, calibrated score
	FitTime      time.Duration
}

// CalibrationReport is EvaluateCalibration's result.
type CalibrationReport struct {
	Communities                          []CalibrationResult
	MedianUncalibrated, MedianCalibrated float64
}

// EvaluateCalibration calibrates each community on its profile posts (the
// same calibration.Fit the CLI and the API run) and measures Spearman's rho
// between score and engagement on its held-out posts, calibrated and not.
// Held-out posts are never fitted on. A community whose calibration was not
// applied scores its held-out posts uncalibrated in both columns.
func EvaluateCalibration(s *RealSet) (CalibrationReport, error) {
	var rep CalibrationReport
	names := make([]string, 0, len(s.Profiles))
	for n := range s.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	var us, cs []float64
	for _, n := range names {
		var history []calibration.Post
		var heldout []Post
		for _, p := range s.Posts {
			if p.Community != n {
				continue
			}
			if p.Split == SplitProfile {
				c := p.Content()
				history = append(history, calibration.Post{Title: c.Title, Body: c.Body, Network: c.Network, Engagement: p.Engagement, Created: p.Created})
			} else if p.Split == SplitHeldout {
				heldout = append(heldout, p)
			}
		}
		start := time.Now()
		calibrated, crep, err := calibration.Fit(s.Profiles[n], history)
		if err != nil {
			return rep, err
		}
		took := time.Since(start)
		plain, err := scoring.Compile(s.Profiles[n])
		if err != nil {
			return rep, err
		}
		cal, err := scoring.Compile(calibrated)
		if err != nil {
			return rep, err
		}
		var u, c, e []float64
		for _, p := range heldout {
			u = append(u, float64(plain.Score(p.Content()).Score))
			c = append(c, float64(cal.Score(p.Content()).Score))
			e = append(e, p.Engagement)
		}
		r := CalibrationResult{Community: n, Fit: len(history), Tested: len(heldout), Report: crep,
			Uncalibrated: stats.Spearman(u, e), Calibrated: stats.Spearman(c, e), FitTime: took}
		rep.Communities = append(rep.Communities, r)
		us, cs = append(us, r.Uncalibrated), append(cs, r.Calibrated)
	}
	rep.MedianUncalibrated, rep.MedianCalibrated = stats.Median(us), stats.Median(cs)
	return rep, nil
}
