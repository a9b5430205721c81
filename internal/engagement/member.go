package engagement

import (
	"encoding/binary"
	"hash/fnv"
	"sort"
	"time"
)

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
	// Campaign is the latest campaign (UTM) the member came from.
	Campaign CampaignTouch `json:"campaign,omitzero"`
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
	// Applied records the events already applied to State and
	// Attribution, so that an event is applied once however often it is
	// sent: a retry finds its events stored but, if the first request died
	// before saving the member, not applied (docs/ENGAGEMENT.md, "Faults").
	Applied Applied `json:"applied,omitempty"`
}

// MaxApplied is how many of its latest events a member remembers as
// applied (8 bytes each: 1 KB per member item). A retry is recognised as
// long as the member has received fewer than MaxApplied newer events since
// the first attempt: more than a batch (MaxBatch) and far more than one
// visitor sends while the widget retries (at most a minute apart).
const MaxApplied = 128

// appliedDigest is the size of one remembered event id: the 64-bit FNV-1a
// digest of the id (a false "already applied" needs a 64-bit collision
// among one member's last MaxApplied events).
const appliedDigest = 8

// Applied is a member's record of applied event ids: digests, oldest
// first, at most MaxApplied.
type Applied []byte

func digest(id string) []byte {
	h := fnv.New64a()
	h.Write([]byte(id))
	return binary.BigEndian.AppendUint64(nil, h.Sum64())
}

// Has reports whether the event id was applied.
func (a Applied) Has(id string) bool {
	d := binary.BigEndian.Uint64(digest(id))
	for i := 0; i+appliedDigest <= len(a); i += appliedDigest {
		if binary.BigEndian.Uint64(a[i:]) == d {
			return true
		}
	}
	return false
}

// Add records id as applied, forgetting the oldest beyond MaxApplied.
func (a *Applied) Add(id string) {
	next := append(*a, digest(id)...)
	if over := len(next) - MaxApplied*appliedDigest; over > 0 {
		next = append(Applied(nil), next[over:]...)
	}
	*a = next
}

// Apply applies an already stored event (its attribution decided when it
// was stored) to the member, once: a second Apply of the same id is a
// no-op. It reports whether the member changed.
func (m *Member) Apply(e Event) bool {
	if m.Applied.Has(e.ID) {
		return false
	}
	m.Attribution.Observe(e)
	m.Attribution.observeCampaign(e)
	m.State.Apply(e)
	m.Applied.Add(e.ID)
	return true
}

// Stored is an event as the store keeps it: the event plus the attribution
// decided when it was first accepted. Attribution depends on the member's
// history at that moment, so it is decided once and stored with the raw
// event; counters are derived from Stored alone, which is what lets a
// recount of raw events reproduce the counters exactly.
type Stored struct {
	Event
	Credit Credit `json:"credit,omitzero"`
	// Campaign is the campaign credited with the event: its own UTM, or
	// for a conversion the member's latest campaign (campaign.go).
	Campaign UTM `json:"campaign,omitzero"`
}

// Record applies e to the member (touch first, so that a conversion through
// a partner's link credits that partner; then the ladder) and returns the
// event with its attribution.
func (m *Member) Record(e Event) Stored {
	m.Attribution.Observe(e)
	m.Attribution.observeCampaign(e)
	s := Stored{Event: e, Campaign: m.Attribution.campaignAt(e)}
	if e.Type == Signup || e.Type == Purchase {
		s.Credit = m.Attribution.CreditAt(e.Time)
	}
	m.State.Apply(e)
	m.Applied.Add(e.ID)
	return s
}

// Replay rebuilds members from stored raw events, each member's events in
// time order (then by id), each id once: what the stored members must
// equal when every event reached its member in time order. Keyed by
// community and member id; anonymous events belong to no member.
func Replay(events []Stored) map[[2]string]Member {
	sorted := append([]Stored(nil), events...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].Time.Equal(sorted[j].Time) {
			return sorted[i].Time.Before(sorted[j].Time)
		}
		return sorted[i].ID < sorted[j].ID
	})
	out := map[[2]string]Member{}
	for _, e := range sorted {
		if e.Member == AnonymousMember {
			continue
		}
		k := [2]string{e.Community, e.Member}
		m, ok := out[k]
		if !ok {
			m = Member{Community: e.Community, ID: e.Member}
		}
		m.Apply(e.Event)
		out[k] = m
	}
	return out
}
