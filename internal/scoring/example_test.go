package scoring_test

import (
	"fmt"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Compile an audience once, then score drafts against it.
func Example() {
	profile, err := scoring.Compile(scoring.Audience{
		Name: "B2B IT administrators",
		Interests: []scoring.Interest{
			{Term: "backup", Weight: 1},
			{Term: "disaster recovery", Weight: 0.8},
			{Term: "ransomware", Weight: 0.6},
		},
		Generations: map[string]float64{scoring.GenX: 0.5, scoring.Millennials: 0.5},
		Networks:    map[string]int{"linkedin": 4200, "twitter": 900},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := profile.Score(scoring.Content{
		Title:   "When did you last test a restore?",
		Body:    "A backup you have not restored is only a hope. Test one server a month: restore it, time it, and fix what breaks before ransomware finds it for you. Download our free 5-step disaster recovery checklist. Which server would you restore first?",
		Network: "linkedin",
	})
	fmt.Println(r.Score, r.Rating, r.Language.Code)
	for _, c := range r.Checks {
		fmt.Println(c.ID, c.Rating)
	}
	// Output:
	// 95 good en
	// relevance good
	// focus good
	// value good
	// generations good
	// readability good
	// channel good
	// hooks good
}

// An invalid audience names the field at fault, in its JSON spelling.
func ExampleCompile_invalid() {
	_, err := scoring.Compile(scoring.Audience{
		Interests:   []scoring.Interest{{Term: "backup"}},
		Generations: map[string]float64{"zoomers": 0.5},
	})
	fmt.Println(err)
	// Output: generations.zoomers: unknown generation (use boomers, genx, millennials, genz)
}
