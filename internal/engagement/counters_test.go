package engagement

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// shardedTable stands in for the counter items of the table: partition →
// sort key → attribute → value, updated only with ADD, as the store does.
type shardedTable map[string]map[string]map[string]int64

func (tb shardedTable) add(pk, sk string, attrs map[string]int64) {
	if tb[pk] == nil {
		tb[pk] = map[string]map[string]int64{}
	}
	if tb[pk][sk] == nil {
		tb[pk][sk] = map[string]int64{}
	}
	for k, v := range attrs {
		tb[pk][sk][k] += v
	}
}

// apply writes one request's merged deltas the way the store does.
func (tb shardedTable) apply(shard int, d Counts) {
	for cell, tally := range d.Cells {
		tb.add(CounterPartition(cell.Community, cell.Day, shard), cell.SortKey(), tally.Attrs())
	}
	for cell, cr := range d.Credits {
		tb.add(CounterPartition(cell.Community, cell.Day, shard), cell.SortKey(), cr.Attrs())
	}
}

// read sums the shards of one community over days, as the insights read does.
func (tb shardedTable) read(t *testing.T, community string, days []string) Counts {
	t.Helper()
	c := NewCounts()
	for _, d := range days {
		for s := range Shards {
			for sk, attrs := range tb[CounterPartition(community, d, s)] {
				cell, credit, isCredit, err := ParseCounterKey(community, d, sk)
				if err != nil {
					t.Fatal(err)
				}
				one := NewCounts()
				if isCredit {
					one.Credits[credit] = CreditsFromAttrs(attrs)
				} else {
					one.Cells[cell] = TallyFromAttrs(attrs)
				}
				c.Merge(one)
			}
		}
	}
	return c
}

// randomEvents makes n plausible events over a few communities, offers,
// networks, generations, partners and members within MaxEventAge of now.
func randomEvents(r *rand.Rand, n int, now time.Time) []Event {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	types := []Type{View, View, View, View, Click, Click, Share, Comment, Signup, Purchase}
	events := make([]Event, n)
	for i := range events {
		e := Event{
			ID:         fmt.Sprintf("ev-%08d-%d", i, r.IntN(1000)),
			Offer:      pick("guide", "checklist", "coupon", "webinar"),
			Community:  pick("it-admins", "food-lovers"),
			Member:     fmt.Sprintf("member-%03d", r.IntN(40)),
			Type:       types[r.IntN(len(types))],
			Network:    pick("", "linkedin", "twitter", "email", "blog"),
			Generation: pick("", "", GenBoomers, GenX, GenMillennials, GenZ),
			Partner:    pick("", "", "", "bakery", "users-group"),
			Time:       now.Add(-time.Duration(r.Int64N(int64(MaxEventAge)))),
		}
		if e.Type == Purchase {
			e.Value = float64(r.IntN(20000)) / 100
		}
		events[i] = e
	}
	return events
}

// TestCountersEqualRecount is the property behind "aggregates equal a
// recount": requests with retries, duplicates and overlapping batches,
// applied to sharded counters with idempotency by event id, always sum to
// exactly the recount of the stored raw events, and give the same insights.
func TestCountersEqualRecount(t *testing.T) {
	for seed := range uint64(25) {
		r := rand.New(rand.NewPCG(seed, 7))
		events := randomEvents(r, 50+r.IntN(400), now)

		raw := map[string]Stored{} // the conditional put by event id
		members := map[string]*Member{}
		table := shardedTable{}
		var sent []Stored // everything ever sent, retries included

		for len(events) > 0 {
			n := min(1+r.IntN(MaxBatch), len(events))
			batch := events[:n]
			events = events[n:]
			for attempt := 0; attempt < 1+r.IntN(3); attempt++ { // a client retrying
				req := append([]Event(nil), batch...)
				r.Shuffle(len(req), func(i, j int) { req[i], req[j] = req[j], req[i] })
				req = req[:1+r.IntN(len(req))] // a partial retry
				good, errs := ValidateBatch(req, now)
				if len(errs) != 0 {
					t.Fatalf("seed %d: %v", seed, errs)
				}
				var fresh []Stored
				for _, e := range good {
					if _, dup := raw[e.ID]; dup {
						continue
					}
					k := e.Community + "/" + e.Member
					if members[k] == nil {
						members[k] = &Member{Community: e.Community, ID: e.Member}
					}
					s := members[k].Record(e)
					raw[e.ID] = s
					fresh = append(fresh, s)
					sent = append(sent, s)
				}
				shard, deltas := Batch(fresh)
				table.apply(shard, deltas)
			}
		}

		var stored []Stored
		for _, s := range raw {
			stored = append(stored, s)
		}
		want := Recount(stored)
		if again := Recount(append(sent, sent...)); !reflect.DeepEqual(again, want) {
			t.Fatalf("seed %d: recount counts a repeated id twice", seed)
		}
		days := Days(now.Add(-MaxEventAge), now)
		for _, community := range []string{"it-admins", "food-lovers"} {
			got := table.read(t, community, days)
			wantC := NewCounts()
			wantC.Merge(want)
			wantC = onlyCommunity(wantC, community)
			if !reflect.DeepEqual(got, wantC) {
				t.Fatalf("seed %d %s: counters differ from the recount:\n got %v\nwant %v", seed, community, got, wantC)
			}
			p := Profile{Networks: map[string]int{"linkedin": 4200, "twitter": 900}}
			ladder := LevelReport{Levels: map[string]int{}, Moves: map[Move]int{}}
			a := Compute(community, days[0], days[len(days)-1], got, p, ladder)
			b := Compute(community, days[0], days[len(days)-1], wantC, p, ladder)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("seed %d: insights differ:\n%+v\n%+v", seed, a, b)
			}
		}
	}
}

func onlyCommunity(c Counts, community string) Counts {
	out := NewCounts()
	for k, v := range c.Cells {
		if k.Community == community {
			out.Cells[k] = v
		}
	}
	for k, v := range c.Credits {
		if k.Community == community {
			out.Credits[k] = v
		}
	}
	return out
}

func TestCounterKeysRoundTrip(t *testing.T) {
	cells := []Cell{
		{Community: "c", Day: "2026-11-22", Offer: "o-1", Network: "linkedin", Generation: "genx", Partner: "bakery_2"},
		{Community: "c", Day: "2026-11-22", Offer: "o", Network: Unknown, Generation: Unknown},
	}
	for _, c := range cells {
		got, _, isCredit, err := ParseCounterKey(c.Community, c.Day, c.SortKey())
		if err != nil || isCredit || got != c {
			t.Errorf("%+v → %q → %+v, %v", c, c.SortKey(), got, err)
		}
	}
	cc := CreditCell{Community: "c", Day: "2026-11-22", Partner: "bakery"}
	if _, got, isCredit, err := ParseCounterKey("c", "2026-11-22", cc.SortKey()); err != nil || !isCredit || got != cc {
		t.Errorf("credit key: %+v, %v", got, err)
	}
	for _, bad := range []string{"", "X#a", "C#a#b", "P#a#b"} {
		if _, _, _, err := ParseCounterKey("c", "d", bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestShardsSpread(t *testing.T) {
	hits := make([]int, Shards)
	for i := range 16000 {
		hits[ShardOf(fmt.Sprintf("ev-%x", i*7919))]++
	}
	for s, n := range hits {
		if n < 800 || n > 1200 { // 1,000 expected each
			t.Errorf("shard %d got %d of 16000", s, n)
		}
	}
}

func TestClosed(t *testing.T) {
	day := "2026-11-20"
	end := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	if Closed(day, end.Add(MaxEventAge)) {
		t.Error("closed while events may still arrive")
	}
	if !Closed(day, end.Add(MaxEventAge+ApplyLease+time.Second)) {
		t.Error("not closed after the age limit and the lease")
	}
	if Closed("not-a-day", end) {
		t.Error("a bad day is closed")
	}
}

func TestDays(t *testing.T) {
	from := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	got := Days(from, from.Add(48*time.Hour))
	if want := []string{"2026-11-20", "2026-11-21", "2026-11-22"}; !reflect.DeepEqual(got, want) {
		t.Errorf("days %v, want %v", got, want)
	}
	if n := len(Days(from, from.Add(5*365*24*time.Hour))); n != MaxInsightDays {
		t.Errorf("a five-year period gives %d days", n)
	}
}
