package engagement

import (
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
