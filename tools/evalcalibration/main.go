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
	"time"

	"github.com/sweetspot/sweetspot/internal/calibration"
	"github.com/sweetspot/sweetspot/internal/evaluation"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

func main() {
	set := flag.String("set", "../shared/data/real/medium-publications", "a real-posts set folder")
	flag.Parse()
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
	fmt.Fprintf(w, "%-26s %6s %6s %9s %13s %13s %9s  %s\n", "community", "fit on", "tested", "applied", "rho uncal.", "rho calib.", "fit time", "top terms")
	for _, c := range rep.Communities {
		fmt.Fprintf(w, "%-26s %6d %6d %9v %+13.3f %+13.3f %9s  %v\n", c.Community, c.Fit, c.Tested, c.Report.Applied,
			c.Uncalibrated, c.Calibrated, c.FitTime.Round(time.Millisecond), terms(c.Report))
		if !c.Report.Applied {
			fmt.Fprintf(w, "%-26s   not applied: %s\n", "", c.Report.Reason)
		}
	}
	fmt.Fprintf(w, "median rho: uncalibrated %+.3f, calibrated %+.3f (gain %+.3f)\n", rep.MedianUncalibrated, rep.MedianCalibrated, rep.MedianCalibrated-rep.MedianUncalibrated)
	return nil
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
