// Command evalcalibration measures calibration on real outcomes
// (`make eval-calibration`): for each Medium publication of
// ../shared/data/real it calibrates the publication's profile on its
// `profile` posts only, scores its `heldout` posts with and without the
// calibration, and prints Spearman's rho with claps for both. It never fits
// on held-out posts. The posts are read in place, never copied.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/calibration"
	"github.com/sweetspot/sweetspot/internal/evaluation"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/stats"
)

// designs are the candidate grids of the design log (docs/scoring.md,
// "Calibration") that the current features can rerun; -design NAME runs
// one instead of calibration.Grid.
var designs = map[string][]calibration.Settings{
	// D3: a wide grid chosen per community by nested validation.
	"d3-wide": grid([]string{calibration.TargetLog, calibration.TargetRank, calibration.TargetTime}, []float64{30, 10, 3}, []float64{100, 10, 1}, false),
	// D4: fixed settings, the best mean validation gain of the scan with
	// term weights fitted one by one.
	"d4-fixed": {{Target: calibration.TargetRank, Shrinkage: 30, Lambda: 100}},
	// D5: D4 with the ridge penalty chosen per community.
	"d5-small": grid([]string{calibration.TargetRank}, []float64{30}, []float64{1000, 100, 10}, false),
	// D6: D4 with the term weights fitted jointly (sparse ridge).
	"d6-joint": {{Target: calibration.TargetRank, Shrinkage: 30, Lambda: 100, Joint: true}},
	// D7 (calibration.Grid): D6 with the ridge penalty chosen per community.
	"d7-joint-small": calibration.Grid,
}

// scan is the grid -scan validates on the profile posts only.
var scan = append(grid([]string{calibration.TargetLog, calibration.TargetRank, calibration.TargetTime}, []float64{3, 10, 30}, []float64{1, 10, 100}, false),
	grid([]string{calibration.TargetLog, calibration.TargetRank, calibration.TargetTime}, []float64{3, 10, 30}, []float64{1, 10, 100}, true)...)

func grid(targets []string, shrink, lambda []float64, joint bool) []calibration.Settings {
	var out []calibration.Settings
	for _, t := range targets {
		for _, s := range shrink {
			for _, l := range lambda {
				out = append(out, calibration.Settings{Target: t, Shrinkage: s, Lambda: l, Joint: joint})
			}
		}
	}
	return out
}

func main() {
	set := flag.String("set", "../shared/data/real/medium-publications", "a real-posts set folder")
	design := flag.String("design", "", "a design of the log in docs/scoring.md (empty: calibration.Grid, what Fit runs)")
	doScan := flag.Bool("scan", false, "validate every setting of the scan on the profile posts only (no held-out post is read) and exit")
	flag.Parse()
	if *doScan {
		if err := runScan(os.Stdout, *set); err != nil {
			fmt.Fprintln(os.Stderr, "evalcalibration:", err)
			os.Exit(1)
		}
		return
	}
	if *design != "" {
		g, ok := designs[*design]
		if !ok {
			fmt.Fprintln(os.Stderr, "evalcalibration: unknown design", *design)
			os.Exit(2)
		}
		calibration.Grid = g
	}
	if err := run(os.Stdout, *set); err != nil {
		fmt.Fprintln(os.Stderr, "evalcalibration:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, dir string) error {
	s, err := evaluation.LoadRealSet(dir)
	if err != nil {
		return err
	}
	rep, err := evaluation.EvaluateCalibration(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "calibration on %s (scoring model %s): fitted on profile posts, rho on held-out posts\n", filepath.Base(dir), scoring.Version)
	fmt.Fprintf(w, "%-26s %6s %6s %8s %11s %11s %11s %11s %9s  %s\n", "community", "fit on", "tested", "applied", "val. uncal.", "val. calib.", "rho uncal.", "rho calib.", "fit time", "settings, top terms")
	var gains []float64
	for _, c := range rep.Communities {
		fmt.Fprintf(w, "%-26s %6d %6d %8v %+11.3f %+11.3f %+11.3f %+11.3f %9s  %s %v\n", c.Community, c.Fit, c.Tested, c.Report.Applied,
			c.Report.BaselineRho, c.Report.Rho, c.Uncalibrated, c.Calibrated, c.FitTime.Round(time.Millisecond), settings(c.Report), terms(c.Report))
		gains = append(gains, c.Report.Rho-c.Report.BaselineRho)
		if !c.Report.Applied {
			fmt.Fprintf(w, "%-26s   not applied: %s\n", "", c.Report.Reason)
		}
	}
	fmt.Fprintf(w, "validation (profile posts only, time-ordered, nested): median gain %+.3f\n", stats.Median(gains))
	fmt.Fprintf(w, "median rho: uncalibrated %+.3f, calibrated %+.3f (gain %+.3f)\n", rep.MedianUncalibrated, rep.MedianCalibrated, rep.MedianCalibrated-rep.MedianUncalibrated)
	return nil
}

func settings(r calibration.Report) string {
	if r.Settings == nil {
		return "-"
	}
	s := r.Settings
	return fmt.Sprintf("%s/%g/%g/%v", s.Target, s.Shrinkage, s.Lambda, s.Joint)
}

func terms(r calibration.Report) []string {
	var out []string
	t := append([]scoring.TermWeight(nil), r.TopTerms...)
	sort.SliceStable(t, func(i, j int) bool { return t[i].Weight > t[j].Weight })
	for _, x := range t[:min(5, len(t))] {
		out = append(out, x.Term)
	}
	return out
}

// runScan prints, for every setting of scan, the forward-chaining
// validation gain (calibrated rho less uncalibrated rho) on each
// community's profile posts and its mean, best last. It reads no held-out
// post: it is how Grid was chosen.
func runScan(w io.Writer, dir string) error {
	s, err := evaluation.LoadRealSet(dir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(s.Profiles))
	for n := range s.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	histories := map[string][]calibration.Post{}
	for _, p := range s.Posts {
		if p.Split == evaluation.SplitProfile {
			c := p.Content()
			histories[p.Community] = append(histories[p.Community], calibration.Post{Title: c.Title, Body: c.Body, Network: c.Network, Engagement: p.Engagement, Created: p.Created})
		}
	}
	type row struct {
		mean float64
		line string
	}
	var rows []row
	for _, st := range scan {
		var gains []string
		mean := 0.0
		for _, n := range names {
			r, b, err := calibration.Validate(s.Profiles[n], histories[n], st)
			if err != nil {
				return err
			}
			gains = append(gains, fmt.Sprintf("%+.3f", r-b))
			mean += (r - b) / float64(len(names))
		}
		rows = append(rows, row{mean, fmt.Sprintf("%+.3f  %-5s shrink %3g lambda %4g joint %-5v  %s", mean, st.Target, st.Shrinkage, st.Lambda, st.Joint, strings.Join(gains, " "))})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].mean < rows[j].mean })
	fmt.Fprintf(w, "validation gain on profile posts only (forward chaining), per community: %s\n", strings.Join(names, ", "))
	for _, r := range rows {
		fmt.Fprintln(w, r.line)
	}
	return nil
}
