package engagement

import (
	"math/rand/v2"
	"testing"
	"time"
)

const day = 24 * time.Hour

var t0 = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

// at is a simulated event of type typ, d after t0.
func at(d time.Duration, typ Type) Event {
	return Event{ID: "ev-" + d.String(), Offer: "o", Community: "c", Member: "member-01", Type: typ, Time: t0.Add(d)}
}

func TestLadder(t *testing.T) {
	type check struct {
		at    time.Duration
		level Level
	}
	cases := []struct {
		name   string
		events []Event
		checks []check
	}{
		{"a reader stays a grazer", []Event{at(0, View), at(1*day, View), at(2*day, View)},
			[]check{{0, Grazer}, {3 * day, Grazer}}},
		{"a sign-up promotes at once", []Event{at(0, View), at(time.Hour, Signup)},
			[]check{{30 * time.Minute, Grazer}, {time.Hour, Participant}}},
		{"many shares make an advocate", []Event{at(0, Signup), at(day, Share), at(2*day, Share),
			at(3*day, Comment), at(4*day, Share), at(5*day, Share), at(6*day, Share)},
			[]check{{0, Participant}, {2 * day, Contributor}, {6 * day, Advocate}}},
		{"activity without a voice is not contribution", []Event{at(0, Purchase), at(day, Purchase),
			at(2*day, Signup)}, []check{{2 * day, Participant}}},
		{"a quiet advocate is held for the quiet period", []Event{at(0, Signup), at(day, Share),
			at(2*day, Share), at(3*day, Comment), at(4*day, Share), at(4*day+time.Hour, Share)},
			[]check{{4*day + time.Hour, Advocate}, {4*day + QuietPeriod, Advocate},
				{4*day + time.Hour + QuietPeriod, Participant}, {200 * day, Grazer}}},
		{"a demotion never goes below grazer", []Event{at(0, Signup)},
			[]check{{0, Participant}, {1000 * day, Grazer}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s State
			for _, e := range c.events {
				s.Apply(e)
			}
			end := c.checks[len(c.checks)-1].at
			s.Advance(t0.Add(end))
			for _, ch := range c.checks {
				if got := s.LevelAt(t0.Add(ch.at)); got != ch.level {
					t.Errorf("at %v: level %s, want %s (history %+v)", ch.at, got, ch.level, s.History)
				}
			}
		})
	}
}

// TestDemotionTimeIsExact: a participant whose only event is one sign-up
// (score 8) is demoted when the quiet period ends, because by then the
// score has decayed below ParticipantScore (6 is reached after
// log2(8/6) × 21 days ≈ 8.7 days).
func TestDemotionTimeIsExact(t *testing.T) {
	var s State
	s.Apply(at(0, Signup))
	s.Advance(t0.Add(365 * day))
	last := s.History[len(s.History)-1]
	if last.To != Grazer || !last.Time.Equal(t0.Add(QuietPeriod)) {
		t.Fatalf("last transition %+v, want to grazer at %v", last, t0.Add(QuietPeriod))
	}
	// A member with a much higher score stays until the score crosses.
	var rich State
	for i := range 5 {
		rich.Apply(at(time.Duration(i)*time.Minute, Purchase)) // score about 50, no voice
	}
	want := rich.At.Add(crossing(rich.Score, ParticipantScore))
	rich.Advance(t0.Add(365 * day))
	last = rich.History[len(rich.History)-1]
	if last.To != Grazer || last.Time.Sub(want).Abs() > time.Second {
		t.Fatalf("last transition %+v, want to grazer at %v", last, want)
	}
}

// TestAdvanceInStepsEqualsAdvanceOnce: whenever the store happens to read
// a member, the ladder history is the same.
func TestAdvanceInStepsEqualsAdvanceOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	types := Types()
	for trial := range 200 {
		var once, steps State
		tm := time.Duration(0)
		for range 1 + r.IntN(30) {
			tm += time.Duration(r.IntN(20*24)) * time.Hour
			e := at(tm, types[r.IntN(len(types))])
			once.Apply(e)
			steps.Advance(t0.Add(tm - time.Duration(r.IntN(48))*time.Hour))
			steps.Apply(e)
		}
		end := t0.Add(tm + 200*day)
		once.Advance(end)
		for d := tm; d < tm+200*day; d += time.Duration(1+r.IntN(72)) * time.Hour {
			steps.Advance(t0.Add(d))
		}
		steps.Advance(end)
		if len(once.History) != len(steps.History) {
			t.Fatalf("trial %d: history %+v vs %+v", trial, once.History, steps.History)
		}
		for i := range once.History {
			a, b := once.History[i], steps.History[i]
			if a.From != b.From || a.To != b.To || a.Time.Sub(b.Time).Abs() > time.Second {
				t.Fatalf("trial %d: transition %d: %+v vs %+v", trial, i, a, b)
			}
		}
	}
}

func TestLateEventAddsDecayedWeight(t *testing.T) {
	var s State
	s.Apply(at(HalfLife, View))
	s.Apply(at(0, Signup)) // arrives late: counts half
	if want := 0.5 + 4.0; abs(s.Score-want) > 1e-9 {
		t.Fatalf("score %v, want %v", s.Score, want)
	}
	if !s.FirstSeen.Equal(t0) || !s.LastActive.Equal(t0.Add(HalfLife)) {
		t.Errorf("first seen %v, last active %v", s.FirstSeen, s.LastActive)
	}
	if s.Level != Grazer {
		t.Errorf("level %s", s.Level)
	}
}

func TestMoveOver(t *testing.T) {
	from, to := t0.Add(10*day), t0.Add(20*day)
	cases := []struct {
		name   string
		events []Event
		move   Move
		level  Level
	}{
		{"joined in the period", []Event{at(12*day, View)}, MoveNew, Grazer},
		{"climbed", []Event{at(0, View), at(15*day, Signup)}, MoveUp, Participant},
		{"held", []Event{at(0, View), at(15*day, View)}, MoveHeld, Grazer},
		{"fell quiet and dropped", []Event{at(-20*day, Signup), at(-16*day, Share), at(-15*day, Comment)}, MoveDown, Grazer},
		{"not yet a member", []Event{at(25*day, View)}, "", None},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s State
			for _, e := range c.events {
				s.Apply(e)
			}
			kept := len(s.History)
			move, level := s.MoveOver(from, to)
			if move != c.move || level != c.level {
				t.Fatalf("move %q level %s, want %q %s (history %+v)", move, level, c.move, c.level, s.History)
			}
			if len(s.History) != kept {
				t.Errorf("MoveOver changed the state it was given: %+v", s.History)
			}
		})
	}
}

func TestHistoryIsCapped(t *testing.T) {
	var s State
	for i := range 40 {
		// A sign-up every 60 days: up to participant, then down after the
		// quiet period, over and over.
		s.Apply(at(time.Duration(i)*60*day, Signup))
	}
	if len(s.History) != MaxHistory {
		t.Fatalf("history length %d, want %d", len(s.History), MaxHistory)
	}
	if got := s.LevelAt(t0); got != s.History[0].From {
		t.Errorf("level before the kept history = %s", got)
	}
}

func TestBuyer(t *testing.T) {
	var s State
	s.Apply(at(0, View))
	if s.Buyer(t0) {
		t.Fatal("a reader is no buyer")
	}
	s.Apply(at(day, Purchase))
	if !s.Buyer(t0.Add(2*day)) || s.Buyer(t0.Add(day+BuyerWindow+time.Hour)) {
		t.Fatalf("buyer window wrong: last purchase %v", s.LastPurchase)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
