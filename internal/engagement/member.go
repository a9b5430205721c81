package engagement

import "time"

// Attribution windows: how old a partner touch may be and still earn the
// credit for a sign-up or purchase.
const (
	// FirstTouchWindow: the partner who introduced the member keeps the
	// first-touch credit for a year.
	FirstTouchWindow = 365 * 24 * time.Hour
	// LastTouchWindow: the partner whose link the member followed most
	// recently earns the last-touch credit for 30 days.
	LastTouchWindow = 30 * 24 * time.Hour
)

// Touch is a member's contact with a partner: an event that came through
// the partner's tracked link.
type Touch struct {
	Partner string    `json:"partner"`
	Time    time.Time `json:"time"`
}

// Attribution keeps a member's first and last partner touch.
//
// Rules (docs/ENGAGEMENT.md, "Partner attribution"): every event carrying a
// partner code is a touch, including the conversion itself (a sign-up on
// the partner's landing page counts for that partner). A sign-up or
// purchase credits the first-touch partner (the earliest touch, if within
// FirstTouchWindow) and the last-touch partner (the latest touch at or
// before the conversion, if within LastTouchWindow); both may be the same
// partner or none. Each model is reported separately, never summed.
type Attribution struct {
	First Touch `json:"first,omitzero"`
	Last  Touch `json:"last,omitzero"`
	// Prev is the touch before Last, kept so that a late conversion (one
	// that arrives after a newer touch) can still find the touch that
	// preceded it.
	Prev Touch `json:"prev,omitzero"`
}

// Observe records e as a touch if it carries a partner code.
func (a *Attribution) Observe(e Event) {
	if e.Partner == "" {
		return
	}
	t := Touch{Partner: e.Partner, Time: e.Time}
	if a.First.Partner == "" || t.Time.Before(a.First.Time) {
		a.First = t
	}
	switch {
	case a.Last.Partner == "" || !t.Time.Before(a.Last.Time):
		a.Prev, a.Last = a.Last, t
	case a.Prev.Partner == "" || !t.Time.Before(a.Prev.Time):
		a.Prev = t
	}
}

// Credit names the partners credited with a conversion.
type Credit struct {
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

// CreditAt returns the partners credited with a conversion at time t.
func (a Attribution) CreditAt(t time.Time) Credit {
	var c Credit
	if f := a.First; f.Partner != "" && !f.Time.After(t) && t.Sub(f.Time) <= FirstTouchWindow {
		c.First = f.Partner
	}
	last := a.Last
	if last.Time.After(t) {
		last = a.Prev
	}
	if last.Partner != "" && !last.Time.After(t) && t.Sub(last.Time) <= LastTouchWindow {
		c.Last = last.Partner
	}
	return c
}

// AnonymousMember is the member of events recorded without a visitor id:
// the server-side click of a tracked-link redirect (GET /r/{code}), which
// has no cookie and no widget storage to read. Such events count in every
// counter but belong to no member on the ladder.
const AnonymousMember = "anonymous"

// Member is a pseudonymous visitor within one community: its ladder state
// and partner touches.
type Member struct {
	Community   string      `json:"community"`
	ID          string      `json:"id"`
	State       State       `json:"state"`
	Attribution Attribution `json:"attribution"`
}

// Stored is an event as the store keeps it: the event plus the attribution
// decided when it was first accepted. Attribution depends on the member's
// history at that moment, so it is decided once and stored with the raw
// event; counters are derived from Stored alone, which is what lets a
// recount of raw events reproduce the counters exactly.
type Stored struct {
	Event
	Credit Credit `json:"credit,omitzero"`
}

// Record applies e to the member (touch first, so that a conversion through
// a partner's link credits that partner; then the ladder) and returns the
// event with its attribution.
func (m *Member) Record(e Event) Stored {
	m.Attribution.Observe(e)
	s := Stored{Event: e}
	if e.Type == Signup || e.Type == Purchase {
		s.Credit = m.Attribution.CreditAt(e.Time)
	}
	m.State.Apply(e)
	return s
}
