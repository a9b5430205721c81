package scoring

import (
	"strings"
	"testing"
)

// TestTraits: each trait rule moves its check in the documented direction
// and says so.
func TestTraits(t *testing.T) {
	base := Audience{Interests: []Interest{{Term: "cruise"}}, Generations: map[string]float64{Boomers: 1}}
	cases := []struct {
		trait, check string
		c            Content
		lower        bool // the trait lowers the score (else raises it)
		message      string
	}{
		{"skeptical of marketing", CheckValue, Content{Body: "Book now! Our amazing cruise is the best deal. Learn how to pack in 5 steps."}, true, "skeptical of marketing"},
		{"prefers plain language", CheckReadability, Content{Body: "The cruise visits four historic harbours along the coast. Passengers can join a guided walk in each town, and the ship provides comfortable seating on the upper deck for everyone who prefers to relax."}, true, "prefers plain language"},
		{"visual", CheckGenerations, Content{Body: "Sunset on deck 🌅 The cruise left the harbour at six, and we watched the lights of the old town fade behind us while the band played on the terrace. Dinner was served at eight, with fresh fish from the morning market and a glass of local wine. Tomorrow we reach the islands, and the captain promises calm seas all the way. 🚢"}, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.trait, func(t *testing.T) {
			plain, err := Score(tc.c, base)
			if err != nil {
				t.Fatal(err)
			}
			with := base
			with.Traits = []string{"loyal", tc.trait}
			traited, err := Score(tc.c, with)
			if err != nil {
				t.Fatal(err)
			}
			p, _ := checkByID(plain, tc.check)
			q, _ := checkByID(traited, tc.check)
			if tc.lower && q.Score >= p.Score || !tc.lower && q.Score <= p.Score {
				t.Errorf("%s: %d without the trait, %d with it", tc.check, p.Score, q.Score)
			}
			if !strings.Contains(q.Message, tc.message) {
				t.Errorf("message %q lacks %q", q.Message, tc.message)
			}
		})
	}
}
