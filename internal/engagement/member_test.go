package engagement

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

func touch(d time.Duration, typ Type, partner string) Event {
	e := at(d, typ)
	e.Partner = partner
	return e
}

func TestAttribution(t *testing.T) {
	cases := []struct {
		name   string
		events []Event // the last one is the conversion
		want   Credit
	}{
		{"no partner", []Event{touch(0, View, ""), touch(day, Signup, "")}, Credit{}},
		{"one partner gets both", []Event{touch(0, Click, "bakery"), touch(day, Signup, "")},
			Credit{First: "bakery", Last: "bakery"}},
		{"first and last differ", []Event{touch(0, Click, "bakery"), touch(2*day, Click, "club"),
			touch(3*day, Purchase, "")}, Credit{First: "bakery", Last: "club"}},
		{"the conversion's own link is the last touch", []Event{touch(0, Click, "bakery"),
			touch(day, Signup, "club")}, Credit{First: "bakery", Last: "club"}},
		{"last touch expires", []Event{touch(0, Click, "bakery"), touch(LastTouchWindow+time.Hour, Signup, "")},
			Credit{First: "bakery"}},
		{"first touch expires", []Event{touch(0, Click, "bakery"), touch(FirstTouchWindow, Click, "club"),
			touch(FirstTouchWindow+time.Hour, Signup, "")}, Credit{Last: "club"}},
		{"a late conversion uses the touch before it", []Event{touch(0, Click, "bakery"),
			touch(5*day, Click, "club"), touch(2*day, Signup, "")}, Credit{First: "bakery", Last: "bakery"}},
		{"a view or click earns no credit", []Event{touch(0, Click, "bakery"), touch(day, View, "")}, Credit{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := Member{Community: "c", ID: "member-01"}
			var last Stored
			for _, e := range c.events {
				last = m.Record(e)
			}
			if last.Credit != c.want {
				t.Fatalf("credit %+v, want %+v", last.Credit, c.want)
			}
		})
	}
}

func TestRecordMovesTheLadder(t *testing.T) {
	m := Member{Community: "c", ID: "member-01"}
	m.Record(at(0, View))
	m.Record(at(time.Hour, Signup))
	if m.State.Level != Participant {
		t.Fatalf("level %s after a sign-up", m.State.Level)
	}
}

func TestAppliedRemembersTheLatestEvents(t *testing.T) {
	cases := []struct {
		name  string
		added int
		check int
		want  bool
	}{
		{"the only event", 1, 0, true},
		{"the latest of many", 3 * MaxApplied, 3*MaxApplied - 1, true},
		{"the oldest still remembered", MaxApplied, 0, true},
		{"forgotten beyond MaxApplied", MaxApplied + 1, 0, false},
		{"never added", 10, 11, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var a Applied
			for i := range c.added {
				a.Add(fmt.Sprintf("evt_%08d", i))
			}
			if got := a.Has(fmt.Sprintf("evt_%08d", c.check)); got != c.want {
				t.Fatalf("Has = %v, want %v", got, c.want)
			}
			if len(a) > MaxApplied*8 {
				t.Fatalf("%d bytes kept", len(a))
			}
		})
	}
}

// TestApplyIsOnce: applying a stored event twice changes the member once,
// the same as recording it.
func TestApplyIsOnce(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	e := Event{ID: "evt_00000001", Offer: "o", Community: "c", Member: "mem_0001", Type: Share, Partner: "p1", Time: now}
	var recorded, applied Member
	recorded.Record(e)
	if !applied.Apply(e) || applied.Apply(e) {
		t.Fatal("Apply must change the member exactly once")
	}
	if !reflect.DeepEqual(recorded, applied) {
		t.Fatalf("applied %+v\nrecorded %+v", applied, recorded)
	}
}
