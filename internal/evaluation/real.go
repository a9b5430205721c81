package evaluation

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/stats"
)

// Post is one real post of ../shared/data/real (its README describes the
// fields).
type Post struct {
	ID         string  `json:"id"`
	Community  string  `json:"community"`
	Title      string  `json:"title"`
	Body       string  `json:"body"`
	Engagement float64 `json:"engagement"`
	Network    string  `json:"network"`
	Split      string  `json:"split"`
	Created    string  `json:"created"`
}

// RealSet is one data set of real posts with one profile per community.
type RealSet struct {
	Name     string
	Posts    []Post
	Profiles map[string]scoring.Audience // by community (Post.Community)
}

// Split values of Post.Split.
const (
	SplitProfile = "profile"
	SplitHeldout = "heldout"
)

// LoadRealSet reads <dir>/posts.jsonl and <dir>/profiles/*.json. A profile's
// community is its name up to " (" ("Better Marketing (Medium …)").
func LoadRealSet(dir string) (*RealSet, error) {
	s := &RealSet{Name: filepath.Base(dir), Profiles: map[string]scoring.Audience{}}
	files, err := filepath.Glob(filepath.Join(dir, "profiles", "*.json"))
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		a, err := readAudience(f)
		if err != nil {
			return nil, err
		}
		name, _, _ := strings.Cut(a.Name, " (")
		s.Profiles[name] = a
	}
	f, err := os.Open(filepath.Join(dir, "posts.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		var p Post
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("%s/posts.jsonl:%d: %w", dir, n, err)
		}
		if _, ok := s.Profiles[p.Community]; !ok {
			return nil, fmt.Errorf("%s/posts.jsonl:%d: no profile for community %q", dir, n, p.Community)
		}
		s.Posts = append(s.Posts, p)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(s.Profiles) == 0 || len(s.Posts) == 0 {
		return nil, fmt.Errorf("%s: no profiles or no posts", dir)
	}
	return s, nil
}

// Content is the post as a draft: Medium posts are scored as blog posts.
func (p Post) Content() scoring.Content {
	nw := p.Network
	if nw == "medium" {
		nw = "blog"
	}
	return scoring.Content{Title: p.Title, Body: p.Body, Network: nw}
}

// CommunityResult is one community's record on held-out posts.
type CommunityResult struct {
	Community string
	Posts     int
	// Discrimination is the share of the community's held-out posts that
	// score highest against their own community's profile (ties split).
	Discrimination float64
	// Rho is Spearman's rho between the score against the own profile and
	// the post's engagement.
	Rho float64
}

// RealReport is the model's record on one real data set.
type RealReport struct {
	Set            string
	Chance         float64 // 1 / number of communities
	Posts          int
	Discrimination float64 // over all held-out posts
	MedianRho      float64
	Communities    []CommunityResult
}

// EvaluateReal scores every held-out post against every profile of its set.
// Nothing is fitted: the profiles come from the profile split.
func EvaluateReal(s *RealSet) (RealReport, error) {
	names := make([]string, 0, len(s.Profiles))
	for n := range s.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	profiles := make([]*scoring.Profile, len(names))
	for i, n := range names {
		p, err := scoring.Compile(s.Profiles[n])
		if err != nil {
			return RealReport{}, fmt.Errorf("profile %s: %w", n, err)
		}
		profiles[i] = p
	}
	rep := RealReport{Set: s.Name, Chance: 1 / float64(len(names))}
	type acc struct {
		hits       float64
		n          int
		score, eng []float64
	}
	per := map[string]*acc{}
	var hits float64
	for _, post := range s.Posts {
		if post.Split != SplitHeldout {
			continue
		}
		c := post.Content()
		own := -1
		scores := make([]int, len(names))
		for i, n := range names {
			scores[i] = profiles[i].Score(c).Score
			if n == post.Community {
				own = i
			}
		}
		best, ties := -1, 0
		for _, sc := range scores {
			switch {
			case sc > best:
				best, ties = sc, 1
			case sc == best:
				ties++
			}
		}
		h := 0.0
		if scores[own] == best {
			h = 1 / float64(ties)
		}
		a := per[post.Community]
		if a == nil {
			a = &acc{}
			per[post.Community] = a
		}
		a.hits += h
		a.n++
		a.score = append(a.score, float64(scores[own]))
		a.eng = append(a.eng, post.Engagement)
		hits += h
		rep.Posts++
	}
	var rhos []float64
	for _, n := range names {
		a := per[n]
		if a == nil {
			continue
		}
		cr := CommunityResult{Community: n, Posts: a.n, Discrimination: a.hits / float64(a.n), Rho: stats.Spearman(a.score, a.eng)}
		rep.Communities = append(rep.Communities, cr)
		rhos = append(rhos, cr.Rho)
	}
	rep.Discrimination = hits / float64(max(rep.Posts, 1))
	rep.MedianRho = stats.Median(rhos)
	return rep, nil
}
