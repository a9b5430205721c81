package demo

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// TestVisitorsAreDeterministic: the demo history depends on the seed and
// the seed time only, and every event is one the API would accept at its
// own time.
func TestVisitorsAreDeterministic(t *testing.T) {
	c := domain.Community{ID: "com_demo", Audience: scoring.Audience{
		Networks:    map[string]int{"linkedin": 4200, "email": 3100, "blog": 2500},
		Generations: map[string]float64{"genx": 0.5, "millennials": 0.5}}}
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	run := func() [][]engagement.Event {
		rng := rand.New(rand.NewPCG(1, 0x5eed))
		var all [][]engagement.Event
		for m := range DemoMembers {
			all = append(all, visitor(rng, "demo0", m, "off_demo", c, "demolinkaa", now))
		}
		return all
	}
	a, b := run(), run()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	types := map[engagement.Type]int{}
	for _, evs := range a {
		for i, e := range evs {
			if fe := engagement.Validate(e, e.Time); fe != nil || !e.Time.Before(now) || now.Sub(e.Time) > DemoHistory {
				t.Fatalf("event %+v: %v", e, fe)
			}
			if i > 0 && e.Time.Before(evs[i-1].Time) {
				t.Fatalf("events of %s out of order", e.Member)
			}
			types[e.Type]++
		}
	}
	for _, ty := range engagement.Types() {
		if types[ty] == 0 {
			t.Errorf("no %s among the demo events: %v", ty, types)
		}
	}
}
