package engagement

import (
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// Level is a member's rung on the ladder. Members climb from grazer (reads
// and leaves) to advocate (brings others in); a committed buyer is flagged
// separately (State.Buyer) because buying and advocating are different
// kinds of commitment.
type Level int

// The ladder, lowest first. None is "not a member yet" (before a member's
// first event).
const (
	None Level = iota
	Grazer
	Participant
	Contributor
	Advocate
)

// Levels returns the member levels (without None), lowest first.
func Levels() []Level { return []Level{Grazer, Participant, Contributor, Advocate} }

// String returns the level's name as used in JSON.
func (l Level) String() string {
	switch l {
	case Grazer:
		return "grazer"
	case Participant:
		return "participant"
	case Contributor:
		return "contributor"
	case Advocate:
		return "advocate"
	}
	return "none"
}

// MarshalJSON writes the level's name.
func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(l.String()) }

// UnmarshalJSON reads a level's name.
func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("level: %w", err)
	}
	for _, v := range append(Levels(), None) {
		if v.String() == s {
			*l = v
			return nil
		}
	}
	return fmt.Errorf("level: unknown %q", s)
}

// Weight is how much one event of type t adds to a member's activity score.
// Consuming counts little, acting more, and committing (signing up, buying)
// and speaking up (commenting, sharing) most: a member who only reads stays
// a grazer however long they read.
func Weight(t Type) float64 {
	switch t {
	case View:
		return 0.5
	case Click:
		return 1.5
	case Comment:
		return 4
	case Share:
		return 5
	case Signup:
		return 8
	case Purchase:
		return 10
	}
	return 0
}

// VoiceWeight is how much one event adds to a member's voice score: what the
// member says to others (comments, shares). Contributors and advocates need
// a voice, not just activity.
func VoiceWeight(t Type) float64 {
	switch t {
	case Comment:
		return 4
	case Share:
		return 5
	}
	return 0
}

// Ladder thresholds and timing.
const (
	// HalfLife is how fast activity fades: an event counts half after 21
	// days, a quarter after 42. Three weeks matches a monthly newsletter
	// rhythm without forgetting a member between two issues.
	HalfLife = 21 * 24 * time.Hour
	// QuietPeriod is how long a member must be inactive before being moved
	// down. Promotion is immediate, demotion waits, so that a holiday does
	// not demote an advocate and levels do not flicker.
	QuietPeriod = 30 * 24 * time.Hour
	// BuyerWindow is how recent a purchase must be for a member to be
	// flagged as a committed buyer.
	BuyerWindow = 365 * 24 * time.Hour
	// MaxHistory is how many level transitions a member state keeps (enough
	// for the moves of any reporting period; older ones are dropped).
	MaxHistory = 16

	// ParticipantScore: e.g. one sign-up, or four clicks, or a dozen views
	// within a few days.
	ParticipantScore = 6.0
	// ContributorScore and ContributorVoice: sustained activity plus at
	// least one comment or share recently.
	ContributorScore = 15.0
	ContributorVoice = 4.0
	// AdvocateScore and AdvocateVoice: strong activity and a voice worth
	// about three recent shares.
	AdvocateScore = 30.0
	AdvocateVoice = 15.0
)

// LevelFor is the level that activity score and voice score qualify for
// (never None).
func LevelFor(score, voice float64) Level {
	switch {
	case score >= AdvocateScore && voice >= AdvocateVoice:
		return Advocate
	case score >= ContributorScore && voice >= ContributorVoice:
		return Contributor
	case score >= ParticipantScore:
		return Participant
	}
	return Grazer
}

// Transition is one change of a member's level.
type Transition struct {
	Time time.Time `json:"time"`
	From Level     `json:"from"`
	To   Level     `json:"to"`
}

// State is a member's position on the ladder. Score and Voice are the
// time-decayed sums of event weights as of At; they are stored rather than
// recomputed from raw events because raw events expire.
type State struct {
	Level        Level        `json:"level"`
	Score        float64      `json:"score"`
	Voice        float64      `json:"voice"`
	At           time.Time    `json:"at"`
	FirstSeen    time.Time    `json:"first_seen"`
	LastActive   time.Time    `json:"last_active"`
	LastPurchase time.Time    `json:"last_purchase,omitzero"`
	Purchases    int          `json:"purchases"`
	History      []Transition `json:"history,omitempty"`
}

// decay is the factor an amount keeps after d.
func decay(d time.Duration) float64 {
	return math.Exp2(-d.Hours() / HalfLife.Hours())
}

// Buyer reports whether the member is a committed buyer at time t: a
// purchase within BuyerWindow.
func (s *State) Buyer(t time.Time) bool {
	return !s.LastPurchase.IsZero() && !t.Before(s.LastPurchase) && t.Sub(s.LastPurchase) <= BuyerWindow
}

// Apply records one event. Events normally arrive in time order; an event
// older than the state's time (a late retry from a widget) still adds its
// decayed weight but cannot change levels in the past: the ladder moves
// only at the state's present.
func (s *State) Apply(e Event) {
	if s.Level == None {
		s.At, s.FirstSeen, s.LastActive = e.Time, e.Time, e.Time
		s.record(e.Time, Grazer)
	}
	if e.Time.After(s.At) {
		s.Advance(e.Time)
	}
	f := decay(s.At.Sub(e.Time)) // 1 for an in-order event
	s.Score += Weight(e.Type) * f
	s.Voice += VoiceWeight(e.Type) * f
	if e.Time.After(s.LastActive) {
		s.LastActive = e.Time
	}
	if e.Time.Before(s.FirstSeen) {
		s.FirstSeen = e.Time
	}
	if e.Type == Purchase {
		s.Purchases++
		if e.Time.After(s.LastPurchase) {
			s.LastPurchase = e.Time
		}
	}
	if target := LevelFor(s.Score, s.Voice); target > s.Level {
		s.record(s.At, target) // promote at once
	}
}

// Advance moves the state to time t with no new events: scores decay and,
// once the member has been quiet for QuietPeriod, the level steps down to
// what the decayed scores still qualify for. Each demotion is recorded at
// the exact moment it happens (the quiet period's end, or the moment a
// decaying score crosses a threshold), so the history is the same whenever
// Advance is called.
func (s *State) Advance(t time.Time) {
	if s.Level == None || !t.After(s.At) {
		return
	}
	quietEnd := s.LastActive.Add(QuietPeriod)
	for s.Level > Grazer {
		// When do the decaying scores fall below what the current level needs?
		below := s.At.Add(crossing(s.Score, minScore(s.Level)))
		if v := s.At.Add(crossing(s.Voice, minVoice(s.Level))); v.Before(below) {
			below = v
		}
		when := below
		if when.Before(quietEnd) {
			when = quietEnd
		}
		if when.After(t) {
			break
		}
		s.decayTo(when)
		target := LevelFor(s.Score, s.Voice)
		if target >= s.Level { // at the exact crossing, rounding may still qualify
			target = s.Level - 1
		}
		s.record(when, target)
	}
	s.decayTo(t)
}

func (s *State) decayTo(t time.Time) {
	if !t.After(s.At) {
		return
	}
	f := decay(t.Sub(s.At))
	s.Score *= f
	s.Voice *= f
	s.At = t
}

// crossing is how long an amount decaying from v takes to fall to threshold
// (0 when it is already below; a threshold of 0 is never crossed).
func crossing(v, threshold float64) time.Duration {
	if threshold <= 0 {
		return time.Duration(math.MaxInt64 / 4)
	}
	if v < threshold {
		return 0
	}
	return time.Duration(math.Log2(v/threshold) * float64(HalfLife))
}

func minScore(l Level) float64 {
	switch l {
	case Participant:
		return ParticipantScore
	case Contributor:
		return ContributorScore
	case Advocate:
		return AdvocateScore
	}
	return 0
}

func minVoice(l Level) float64 {
	switch l {
	case Contributor:
		return ContributorVoice
	case Advocate:
		return AdvocateVoice
	}
	return 0
}

func (s *State) record(t time.Time, to Level) {
	s.History = append(s.History, Transition{Time: t, From: s.Level, To: to})
	if len(s.History) > MaxHistory {
		s.History = append(s.History[:0:0], s.History[len(s.History)-MaxHistory:]...)
	}
	s.Level = to
}

// LevelAt is the member's level at time t according to the recorded
// history (None before the first event). Call Advance first to include
// demotions up to t.
func (s *State) LevelAt(t time.Time) Level {
	if len(s.History) == 0 {
		return None
	}
	if t.Before(s.History[0].Time) {
		return s.History[0].From
	}
	level := s.History[0].To
	for _, tr := range s.History[1:] {
		if tr.Time.After(t) {
			break
		}
		level = tr.To
	}
	return level
}

// Clone returns a deep copy (its history does not share memory with s).
func (s State) Clone() State {
	s.History = append([]Transition(nil), s.History...)
	return s
}

// Move is how a member's level changed over a period.
type Move string

// Moves.
const (
	MoveUp   Move = "up"
	MoveHeld Move = "held"
	MoveDown Move = "down"
	// MoveNew: the member's first event falls inside the period.
	MoveNew Move = "new"
)

// MoveOver compares the member's level at from and at to. It advances a
// copy of the state to to, so that demotions in a quiet period count even
// when the member sent nothing since.
func (s State) MoveOver(from, to time.Time) (Move, Level) {
	c := s.Clone()
	c.Advance(to)
	before, after := c.LevelAt(from), c.LevelAt(to)
	switch {
	case after == None:
		return "", None
	case before == None:
		return MoveNew, after
	case after > before:
		return MoveUp, after
	case after < before:
		return MoveDown, after
	}
	return MoveHeld, after
}
