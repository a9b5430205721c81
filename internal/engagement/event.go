// Package engagement is the pure domain of measured engagement: the event a
// visitor's browser or an integrator sends, its validation, partner
// attribution, the member ladder from grazer to advocate, the sharded
// aggregate counters and the insights computed from them.
//
// It does no I/O. The store persists what this package decides (raw events
// with their attribution, member states, counter deltas) and the HTTP API
// turns its errors into responses; both follow the protocol described in
// docs/ENGAGEMENT.md.
package engagement

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Type is what a member did with an offer.
type Type string

// Event types, in funnel order where they belong to the funnel
// (view → click → signup → purchase); share and comment are the
// "voice" of a member.
const (
	View     Type = "view"
	Click    Type = "click"
	Share    Type = "share"
	Comment  Type = "comment"
	Signup   Type = "signup"
	Purchase Type = "purchase"
)

// Types returns every event type in a stable order.
func Types() []Type { return []Type{View, Click, Share, Comment, Signup, Purchase} }

// Valid reports whether t is a known event type.
func (t Type) Valid() bool {
	switch t {
	case View, Click, Share, Comment, Signup, Purchase:
		return true
	}
	return false
}

// Limits of an event batch. Each is enforced by Validate and ValidateBatch
// and documented in docs/ENGAGEMENT.md; the HTTP API enforces the body size.
const (
	// MaxBatch is the most events one request may carry. 100 keeps a
	// request's worst-case write work (conditional puts plus counter
	// updates) well inside one Lambda invocation and one API Gateway
	// timeout, and lets a widget flush a busy page in one request.
	MaxBatch = 100
	// MaxIDLen bounds event, offer, community and member ids.
	MaxIDLen = 64
	// MinIDLen is the shortest event or member id accepted. Client-generated
	// ids must be unguessable enough not to collide across visitors.
	MinIDLen = 8
	// MaxPartnerLen bounds a tracked-link code.
	MaxPartnerLen = 32
	// MaxValue is the largest purchase value accepted, in currency units.
	MaxValue = 1_000_000
	// MaxEventAge is how far in the past an event's time may be. The offer
	// widget keeps unsent events in localStorage and retries on the next
	// visit; three days covers a weekend offline. It also bounds when a
	// day's counters can no longer change (see Closed).
	MaxEventAge = 72 * time.Hour
	// MaxClockSkew is how far in the future an event's time may be: visitors'
	// clocks drift, but not by hours.
	MaxClockSkew = 5 * time.Minute
)

// Generation identifiers an event may carry (the same keys as a community's
// generations mix in the scoring contract).
const (
	GenBoomers     = "boomers"
	GenX           = "genx"
	GenMillennials = "millennials"
	GenZ           = "genz"
)

// Unknown is the network or generation bucket of events that did not say.
const Unknown = "unknown"

// Networks returns the networks an event may name. "x" is accepted as an
// alias of twitter; "web" is a site visit outside any social network.
func Networks() []string {
	return []string{"linkedin", "twitter", "facebook", "instagram", "pinterest",
		"threads", "bluesky", "email", "blog", "web"}
}

// Generations returns the generations an event may name.
func Generations() []string { return []string{GenBoomers, GenX, GenMillennials, GenZ} }

// Event is one engagement of a member with an offer. Its id is generated
// by the client, so that a client retrying a batch sends the same ids and
// the store can make the retry a no-op.
type Event struct {
	// ID is client-generated, MinIDLen..MaxIDLen of [A-Za-z0-9_-].
	ID    string `json:"id"`
	Offer string `json:"offer"`
	// Community is the community the offer was shown to.
	Community string `json:"community"`
	// Member is a pseudonymous visitor id (random, kept by the widget in
	// localStorage): never an e-mail address or any other personal data,
	// which the id's character set rules out.
	Member string `json:"member"`
	Type   Type   `json:"type"`
	// Network is where the member came from (empty: unknown).
	Network string `json:"network,omitempty"`
	// Generation is optional self-declared data from a sign-up form.
	Generation string `json:"generation,omitempty"`
	// Partner is the code of the tracked link that brought the member.
	Partner string `json:"partner,omitempty"`
	// Value is a purchase's value in currency units (at most cent precision);
	// only purchases carry one.
	Value float64   `json:"value,omitempty"`
	Time  time.Time `json:"time"`
	// UTM is the campaign the visitor came from (optional; campaign.go).
	UTM
}

// Cents is the purchase value in minor units. Counters sum integers so that
// a sum is exact and the same in any order.
func (e Event) Cents() int64 { return int64(math.Round(e.Value * 100)) }

// FieldError reports one invalid field of one event of a batch.
type FieldError struct {
	// Index is the event's position in the batch (-1 for the batch itself).
	Index   int    `json:"index"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e FieldError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return fmt.Sprintf("events[%d].%s: %s", e.Index, e.Field, e.Message)
}

// Normalize returns e with aliases resolved: the network lowercased with
// "x" as twitter, the generation lowercased and the time in UTC.
func Normalize(e Event) Event {
	e.Network = strings.ToLower(e.Network)
	if e.Network == "x" {
		e.Network = "twitter"
	}
	e.Generation = strings.ToLower(e.Generation)
	e.Time = e.Time.UTC()
	e.UTM = NormalizeUTM(e.UTM)
	return e
}

// Validate checks one normalized event against the limits, at time now.
// It returns the first problem found, naming the field.
func Validate(e Event, now time.Time) *FieldError {
	bad := func(field, format string, args ...any) *FieldError {
		return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
	}
	if msg := checkID(e.ID, MinIDLen, MaxIDLen); msg != "" {
		return bad("id", "%s", msg)
	}
	if msg := checkID(e.Offer, 1, MaxIDLen); msg != "" {
		return bad("offer", "%s", msg)
	}
	if msg := checkID(e.Community, 1, MaxIDLen); msg != "" {
		return bad("community", "%s", msg)
	}
	if msg := checkID(e.Member, MinIDLen, MaxIDLen); msg != "" {
		return bad("member", "%s", msg)
	}
	if !e.Type.Valid() {
		return bad("type", "must be one of view, click, share, comment, signup, purchase")
	}
	if e.Network != "" && !contains(Networks(), e.Network) {
		return bad("network", "must be one of %s", strings.Join(Networks(), ", "))
	}
	if e.Generation != "" && !contains(Generations(), e.Generation) {
		return bad("generation", "must be one of %s", strings.Join(Generations(), ", "))
	}
	if e.Partner != "" {
		if msg := checkID(e.Partner, 1, MaxPartnerLen); msg != "" {
			return bad("partner", "%s", msg)
		}
	}
	switch {
	case math.IsNaN(e.Value) || math.IsInf(e.Value, 0):
		return bad("value", "must be a number")
	case e.Value != 0 && e.Type != Purchase:
		return bad("value", "only a purchase carries a value")
	case e.Value < 0 || e.Value > MaxValue:
		return bad("value", "must be between 0 and %d", MaxValue)
	case math.Abs(e.Value*100-math.Round(e.Value*100)) > 1e-6:
		return bad("value", "at most two decimals (cents)")
	}
	switch {
	case e.Time.IsZero():
		return bad("time", "is required (RFC 3339)")
	case e.Time.Before(now.Add(-MaxEventAge)):
		return bad("time", "older than %s", MaxEventAge)
	case e.Time.After(now.Add(MaxClockSkew)):
		return bad("time", "more than %s in the future", MaxClockSkew)
	}
	return nil
}

// ValidateBatch normalizes and validates a batch at time now. It returns the
// good events (in batch order) and one error per bad event, with the
// event's index, so that a client can drop or fix exactly those. An event
// repeating the id of an earlier one in the same batch is reported and
// dropped. A batch that is empty or too long is rejected as a whole (a
// FieldError with Index -1 and no good events).
func ValidateBatch(events []Event, now time.Time) ([]Event, []FieldError) {
	switch {
	case len(events) == 0:
		return nil, []FieldError{{Index: -1, Field: "events", Message: "at least one event is required"}}
	case len(events) > MaxBatch:
		return nil, []FieldError{{Index: -1, Field: "events",
			Message: fmt.Sprintf("at most %d events per batch, got %d", MaxBatch, len(events))}}
	}
	good := make([]Event, 0, len(events))
	var errs []FieldError
	seen := make(map[string]int, len(events))
	for i, e := range events {
		e = Normalize(e)
		if fe := Validate(e, now); fe != nil {
			fe.Index = i
			errs = append(errs, *fe)
			continue
		}
		if j, dup := seen[e.ID]; dup {
			errs = append(errs, FieldError{Index: i, Field: "id",
				Message: fmt.Sprintf("repeats the id of event %d", j)})
			continue
		}
		seen[e.ID] = i
		good = append(good, e)
	}
	return good, errs
}

// checkID returns what is wrong with an identifier, or "".
func checkID(s string, minLen, maxLen int) string {
	switch {
	case s == "":
		return "is required"
	case !utf8.ValidString(s):
		return "must be valid UTF-8"
	case len(s) < minLen:
		return fmt.Sprintf("must be at least %d characters", minLen)
	case len(s) > maxLen:
		return fmt.Sprintf("must be at most %d characters", maxLen)
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return "may contain only letters, digits, '-' and '_'"
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
