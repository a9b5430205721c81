// Command evalscoring prints how the scoring model does on the team's
// labelled corpus and on real posts (`make eval-scoring`).
//
//	go run ./tools/evalscoring [-corpus dir] [-real dir] [-v]
//
// The real posts (../shared/data/real) are evaluation material only: they
// are read in place, never copied into the repository.
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sweetspot/sweetspot/internal/evaluation"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

func main() {
	corpus := flag.String("corpus", "internal/scoring/testdata/eval,internal/scoring/testdata/eval-holdout", "the labelled corpus folders, comma-separated")
	real := flag.String("real", "../shared/data/real", "the real-posts folder (its sets are subfolders); empty to skip")
	verbose := flag.Bool("v", false, "list every draft rated unlike its label and every pair ranked wrong")
	flag.Parse()
	if err := run(os.Stdout, *corpus, *real, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "evalscoring:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, corpusDir, realDir string, verbose bool) error {
	fmt.Fprintf(w, "scoring model %s\n", scoring.Version)
	for _, dir := range strings.Split(corpusDir, ",") {
		c, err := evaluation.LoadCorpus(dir)
		if err != nil {
			return err
		}
		rep, err := evaluation.Evaluate(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n%s\n", dir)
		writeCorpus(w, c, rep, verbose)
	}
	if realDir == "" {
		return nil
	}
	sets, err := filepath.Glob(filepath.Join(realDir, "*", "posts.jsonl"))
	if err != nil {
		return err
	}
	if len(sets) == 0 {
		fmt.Fprintf(w, "\nno real posts under %s (skipped)\n", realDir)
		return nil
	}
	for _, s := range sets {
		set, err := evaluation.LoadRealSet(filepath.Dir(s))
		if err != nil {
			return err
		}
		rr, err := evaluation.EvaluateReal(set)
		if err != nil {
			return err
		}
		writeReal(w, rr)
	}
	return nil
}

func writeCorpus(w io.Writer, c *evaluation.Corpus, rep evaluation.Report, verbose bool) {
	fmt.Fprintf(w, "corpus: %d drafts over %d communities, %d pairs\n", rep.Drafts, len(c.Communities), rep.Pairs)
	fmt.Fprintf(w, "%-14s %6s %6s %6s %6s\n", "label \\ rated", "good", "ok", "poor", "none")
	for i, l := range evaluation.Ratings[:3] {
		fmt.Fprintf(w, "%-14s", l)
		for j := range evaluation.Ratings {
			fmt.Fprintf(w, " %6d", rep.Confusion[i][j])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "rated as labelled: %d/%d (%.1f%%); good rated poor: %d; poor rated good: %d\n",
		rep.Agree, rep.Drafts, 100*rep.Accuracy(), rep.GoodAsPoor, rep.PoorAsGood)
	fmt.Fprintf(w, "pairwise accuracy: %d/%d (%.1f%%)\n", rep.PairsRight, rep.Pairs, 100*rep.PairwiseAccuracy())
	if len(rep.Languages) > 1 {
		fmt.Fprintf(w, "\nby the community's language:\n  %-4s %7s %9s %8s %8s\n", "", "drafts", "modelled", "labelled", "pairs")
		codes := make([]string, 0, len(rep.Languages))
		for code := range rep.Languages {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			l := rep.Languages[code]
			fmt.Fprintf(w, "  %-4s %7d %9d %7.1f%% %3d/%-3d %5.1f%%\n", code, l.Drafts, l.Modelled, 100*l.Accuracy(), l.PairsRight, l.Pairs, 100*l.PairwiseAccuracy())
		}
	}
	fmt.Fprintf(w, "\naggregation of the check scores (caps applied, default thresholds):\n")
	fmt.Fprintf(w, "  %-16s %10s %11s %11s %9s\n", "", "as label", "good→poor", "poor→good", "pairs")
	for _, a := range evaluation.CompareAggregations(c, rep) {
		fmt.Fprintf(w, "  %-16s %9.1f%% %11d %11d %8.1f%%\n", a.Name, 100*float64(a.Agree)/float64(max(a.Drafts, 1)),
			a.GoodAsPoor, a.PoorAsGood, 100*float64(a.PairsRight)/float64(max(a.Pairs, 1)))
	}
	if !verbose {
		return
	}
	score := map[string]int{}
	for _, s := range rep.Scored {
		score[s.ID] = s.Result.Score
		if s.Result.Rating == s.Label {
			continue
		}
		var checks, caps []string
		for _, ch := range s.Result.Checks {
			checks = append(checks, fmt.Sprintf("%s %d", ch.ID, ch.Score))
		}
		for _, cp := range s.Result.Caps {
			caps = append(caps, cp.Reason)
		}
		fmt.Fprintf(w, "  %-14s label %-4s rated %-4s %3d  [%s] caps [%s]\n      why: %s\n", s.ID, s.Label, s.Result.Rating, s.Result.Score,
			strings.Join(checks, ", "), strings.Join(caps, "; "), s.Why)
	}
	for _, p := range rep.WrongPairs {
		fmt.Fprintf(w, "  pair %s (%d) < %s (%d): %s\n", p.Better, score[p.Better], p.Worse, score[p.Worse], p.Principle)
	}
}

func writeReal(w io.Writer, r evaluation.RealReport) {
	fmt.Fprintf(w, "\nreal posts: %s, %d held-out posts, %d communities\n", r.Set, r.Posts, len(r.Communities))
	fmt.Fprintf(w, "community discrimination: %.2f%% (chance %.1f%%); median Spearman rho score~engagement: %s\n",
		100*r.Discrimination, 100*r.Chance, rho(r.MedianRho))
	for _, c := range r.Communities {
		fmt.Fprintf(w, "  %-28s %5d posts  discrimination %5.1f%%  rho %s\n", c.Community, c.Posts, 100*c.Discrimination, rho(c.Rho))
	}
}

func rho(v float64) string {
	if math.IsNaN(v) {
		return "  n/a"
	}
	return fmt.Sprintf("%+.3f", v)
}
