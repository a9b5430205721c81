package engagement

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

func good() Event {
	return Event{ID: "ev-0000001", Offer: "off1", Community: "com1", Member: "member-01",
		Type: View, Network: "linkedin", Time: now.Add(-time.Minute)}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Event)
		field string // "" = valid
	}{
		{"good", func(e *Event) {}, ""},
		{"x is twitter", func(e *Event) { e.Network = "X" }, ""},
		{"purchase with cents", func(e *Event) { e.Type = Purchase; e.Value = 19.99 }, ""},
		{"partner and generation", func(e *Event) { e.Partner = "bakery-7"; e.Generation = "GenZ" }, ""},
		{"no id", func(e *Event) { e.ID = "" }, "id"},
		{"short id", func(e *Event) { e.ID = "abc" }, "id"},
		{"long id", func(e *Event) { e.ID = strings.Repeat("a", MaxIDLen+1) }, "id"},
		{"id with html", func(e *Event) { e.ID = "<script>alert(1)</script>" }, "id"},
		{"invalid utf8 offer", func(e *Event) { e.Offer = "\xff\xfe" }, "offer"},
		{"no community", func(e *Event) { e.Community = "" }, "community"},
		{"member is an email", func(e *Event) { e.Member = "ann@example.com" }, "member"},
		{"unknown type", func(e *Event) { e.Type = "like" }, "type"},
		{"unknown network", func(e *Event) { e.Network = "myspace" }, "network"},
		{"unknown generation", func(e *Event) { e.Generation = "silent" }, "generation"},
		{"long partner", func(e *Event) { e.Partner = strings.Repeat("p", MaxPartnerLen+1) }, "partner"},
		{"value on a view", func(e *Event) { e.Value = 3 }, "value"},
		{"negative value", func(e *Event) { e.Type = Purchase; e.Value = -1 }, "value"},
		{"huge value", func(e *Event) { e.Type = Purchase; e.Value = MaxValue + 1 }, "value"},
		{"sub-cent value", func(e *Event) { e.Type = Purchase; e.Value = 1.001 }, "value"},
		{"no time", func(e *Event) { e.Time = time.Time{} }, "time"},
		{"too old", func(e *Event) { e.Time = now.Add(-MaxEventAge - time.Second) }, "time"},
		{"just old enough", func(e *Event) { e.Time = now.Add(-MaxEventAge) }, ""},
		{"from the future", func(e *Event) { e.Time = now.Add(MaxClockSkew + time.Second) }, "time"},
		{"small skew", func(e *Event) { e.Time = now.Add(MaxClockSkew) }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := good()
			c.edit(&e)
			fe := Validate(Normalize(e), now)
			switch {
			case c.field == "" && fe != nil:
				t.Fatalf("want valid, got %v", fe)
			case c.field != "" && fe == nil:
				t.Fatalf("want an error on %s, got none", c.field)
			case c.field != "" && fe.Field != c.field:
				t.Fatalf("want an error on %s, got %v", c.field, fe)
			}
		})
	}
}

func TestValidateBatchKeepsTheGoodOnes(t *testing.T) {
	a, b, c, d := good(), good(), good(), good()
	b.ID, b.Type = "ev-0000002", "like"
	c.ID, c.Network = "ev-0000003", "x"
	d.ID = a.ID // repeats a
	got, errs := ValidateBatch([]Event{a, b, c, d}, now)
	if len(got) != 2 || got[0].ID != a.ID || got[1].ID != c.ID {
		t.Fatalf("good events = %+v", got)
	}
	if got[1].Network != "twitter" {
		t.Errorf("network not normalized: %q", got[1].Network)
	}
	want := []FieldError{{Index: 1, Field: "type"}, {Index: 3, Field: "id"}}
	if len(errs) != len(want) {
		t.Fatalf("errors = %+v", errs)
	}
	for i, w := range want {
		if errs[i].Index != w.Index || errs[i].Field != w.Field || errs[i].Message == "" {
			t.Errorf("error %d = %+v, want index %d field %s", i, errs[i], w.Index, w.Field)
		}
	}
	if s := errs[0].Error(); !strings.HasPrefix(s, "events[1].type: ") {
		t.Errorf("message %q does not name the event and field", s)
	}
}

func TestValidateBatchLimits(t *testing.T) {
	big := make([]Event, MaxBatch+1)
	for i := range big {
		big[i] = good()
	}
	for name, batch := range map[string][]Event{"empty": nil, "too long": big} {
		got, errs := ValidateBatch(batch, now)
		if len(got) != 0 || len(errs) != 1 || errs[0].Index != -1 || errs[0].Field != "events" {
			t.Errorf("%s: got %d events, errors %+v", name, len(got), errs)
		}
	}
}

// FuzzValidateBatch: any JSON a client may send decodes and validates
// without panicking, and every event is either accepted or reported.
func FuzzValidateBatch(f *testing.F) {
	f.Add(`[{"id":"ev-0000001","offer":"o","community":"c","member":"member-01","type":"view","time":"2026-11-22T11:59:00Z"}]`)
	f.Add(`[{"type":"purchase","value":1e308}]`)
	f.Add(`[{"network":"\u0000","time":"0001-01-01T00:00:00Z"}]`)
	f.Fuzz(func(t *testing.T, body string) {
		var events []Event
		if json.Unmarshal([]byte(body), &events) != nil || len(events) == 0 || len(events) > MaxBatch {
			return
		}
		got, errs := ValidateBatch(events, now)
		if len(got)+len(errs) != len(events) {
			t.Fatalf("%d events: %d accepted + %d errors", len(events), len(got), len(errs))
		}
	})
}
