package evaluation

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Draft is one labelled draft of the corpus.
type Draft struct {
	ID        string
	Community string
	Label     string // scoring.RatingGood, RatingOK or RatingPoor
	Why       string // the principle behind the label
	Content   scoring.Content
}

// Pair says that Better must score higher than Worse (both drafts of one
// community) and why.
type Pair struct {
	Better, Worse string
	Principle     string
}

// Corpus is the labelled evaluation corpus.
type Corpus struct {
	Communities map[string]scoring.Audience
	Drafts      []Draft // sorted by id
	Pairs       []Pair
}

// LoadCorpus reads a corpus folder (see internal/scoring/testdata/eval/README.md):
// communities/*.json, drafts/<community>/<id>.txt and pairs*.tsv. Every
// problem is an error naming the file and line.
func LoadCorpus(dir string) (*Corpus, error) {
	c := &Corpus{Communities: map[string]scoring.Audience{}}
	files, err := filepath.Glob(filepath.Join(dir, "communities", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no communities/*.json", dir)
	}
	for _, f := range files {
		a, err := readAudience(f)
		if err != nil {
			return nil, err
		}
		c.Communities[strings.TrimSuffix(filepath.Base(f), ".json")] = a
	}
	byID := map[string]string{} // id → file, to name both files of a duplicate
	names := make([]string, 0, len(c.Communities))
	for name := range c.Communities {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		drafts, err := filepath.Glob(filepath.Join(dir, "drafts", name, "*.txt"))
		if err != nil {
			return nil, err
		}
		for _, f := range drafts {
			d, err := readDraft(f)
			if err != nil {
				return nil, err
			}
			d.Community = name
			if other, dup := byID[d.ID]; dup {
				return nil, fmt.Errorf("%s: id %q used twice (also %s)", f, d.ID, other)
			}
			c.Drafts = append(c.Drafts, d)
			byID[d.ID] = f
		}
	}
	sort.Slice(c.Drafts, func(i, j int) bool { return c.Drafts[i].ID < c.Drafts[j].ID })
	pairFiles, err := filepath.Glob(filepath.Join(dir, "pairs*.tsv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(pairFiles)
	ids := map[string]string{}
	for _, d := range c.Drafts {
		ids[d.ID] = d.Community
	}
	for _, f := range pairFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for n, line := range strings.Split(string(b), "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			parts := strings.SplitN(line, "\t", 3)
			if len(parts) < 2 {
				return nil, fmt.Errorf("%s:%d: want better-id<TAB>worse-id<TAB>principle", f, n+1)
			}
			p := Pair{Better: strings.TrimSpace(parts[0]), Worse: strings.TrimSpace(parts[1])}
			if len(parts) == 3 {
				p.Principle = strings.TrimSpace(parts[2])
			}
			cb, ok1 := ids[p.Better]
			cw, ok2 := ids[p.Worse]
			switch {
			case !ok1:
				return nil, fmt.Errorf("%s:%d: unknown draft %q", f, n+1, p.Better)
			case !ok2:
				return nil, fmt.Errorf("%s:%d: unknown draft %q", f, n+1, p.Worse)
			case cb != cw:
				return nil, fmt.Errorf("%s:%d: %s and %s are drafts of different communities", f, n+1, p.Better, p.Worse)
			}
			c.Pairs = append(c.Pairs, p)
		}
	}
	return c, nil
}

func readAudience(path string) (scoring.Audience, error) {
	var a scoring.Audience
	b, err := os.ReadFile(path)
	if err != nil {
		return a, err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := scoring.Compile(a); err != nil {
		return a, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// readDraft parses a draft file: header lines, a blank line, the body.
func readDraft(path string) (Draft, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Draft{}, err
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	head, body, ok := strings.Cut(text, "\n\n")
	if !ok {
		return Draft{}, fmt.Errorf("%s: no blank line after the header", path)
	}
	d := Draft{ID: strings.TrimSuffix(filepath.Base(path), ".txt")}
	d.Content.Body = strings.TrimRight(body, "\n")
	for n, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return Draft{}, fmt.Errorf("%s:%d: want key: value", path, n+1)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "label":
			d.Label = v
		case "why":
			d.Why = v
		case "title":
			d.Content.Title = v
		case "network":
			if _, known := scoring.CanonicalNetwork(v); !known {
				return Draft{}, fmt.Errorf("%s:%d: unknown network %q", path, n+1, v)
			}
			d.Content.Network = v
		case "kind":
			d.Content.Kind = v
		default:
			return Draft{}, fmt.Errorf("%s:%d: unknown header %q", path, n+1, k)
		}
	}
	switch d.Label {
	case scoring.RatingGood, scoring.RatingOK, scoring.RatingPoor:
	default:
		return Draft{}, fmt.Errorf("%s: label %q (want good, ok or poor)", path, d.Label)
	}
	if d.Why == "" {
		return Draft{}, fmt.Errorf("%s: no why: line (the principle behind the label)", path)
	}
	return d, nil
}
