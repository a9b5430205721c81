package store_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// countCalls counts DynamoDB calls, and the writes among them.
type countCalls struct{ n, writes atomic.Int64 }

func (c *countCalls) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	switch operation(r) {
	case "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem":
		c.writes.Add(1)
	}
	return testTransport.RoundTrip(r)
}

// clock is a settable clock shared by the stores of a test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// openOn opens a store on base's table with the test's clock, short
// deadlines and transport rt (nil: the default).
// testTransport is the tests' HTTP transport to dynalite: it drops idle
// connections after a second, well before node's 5 s keep-alive timeout
// closes them on the server side. With MaxAttempts 1 (no SDK retry), a
// request sent on a connection the server was closing failed with "use of
// closed network connection", now and then, on a clean clone's CI.
var testTransport = func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.IdleConnTimeout = time.Second
	return t
}()

func openOn(t *testing.T, base *store.Store, clk *clock, rt http.RoundTripper) *store.Store {
	t.Helper()
	cfg := shortDeadlines
	cfg.Endpoint, cfg.Table, cfg.MaxAttempts, cfg.Now = storetest.Endpoint(), base.Table(), 1, clk.Now
	if rt == nil {
		rt = testTransport
	}
	cfg.HTTPClient = &http.Client{Transport: rt}
	st, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// readChecked reads a community's counts over days, checks them against
// the recount of the raw events, and returns how many calls the read made;
// a read must never write.
func readChecked(t *testing.T, st *store.Store, calls *countCalls, community string, days []string) int64 {
	t.Helper()
	n, w := calls.n.Load(), calls.writes.Load()
	got, err := st.ReadCounts(context.Background(), "ws_a", community, days)
	if err != nil {
		t.Fatal(err)
	}
	n, w = calls.n.Load()-n, calls.writes.Load()-w
	if w != 0 {
		t.Fatalf("%s: the read wrote %d times", community, w)
	}
	if want := recount(t, st, "ws_a", community, days); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: %v\nwant %v", community, got, want)
	}
	return n
}

// TestRollupsByTheReconciler: reads never build rollups; the reconciler
// rolls up every ready community-day once, after which a read of the
// closed days is one query, equal to the recount.
func TestRollupsByTheReconciler(t *testing.T) {
	ctx := context.Background()
	base := storetest.New(t)
	now := time.Now().UTC()
	// The reconciler has been running since before the events: its
	// watermark knows that days it covers without a rollup had no events.
	clk := &clock{t: now.AddDate(0, 0, -15)}
	calls := &countCalls{}
	st := openOn(t, base, clk, calls)
	if _, err := st.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	clk.Add(now.Sub(clk.Now()))
	r := rand.New(rand.NewPCG(5, 5))
	// events() spreads a batch over the hour before its time: at noon, so
	// that each batch stays in its day whatever the time the test runs.
	noon := now.Truncate(24 * time.Hour).Add(12 * time.Hour)
	for back := 6; back <= 12; back++ { // days ready for a rollup
		if _, err := st.IngestEvents(ctx, "ws_a", events(r, 30, noon.AddDate(0, 0, -back)), 0); err != nil {
			t.Fatal(err)
		}
	}
	days := engagement.Days(now.AddDate(0, 0, -14), now.AddDate(0, 0, -6))
	cases := []struct {
		name      string
		reconcile bool
		rolled    int // community-days the reconcile rolls up
		minCalls  int64
		maxCalls  int64
	}{
		// Nothing rolled up yet: every day from its shards, and no writes.
		{"before any reconcile: shards", false, 0, int64(len(days)) * engagement.Shards, 1 << 20},
		{"still no rollup from reads", false, 0, int64(len(days)) * engagement.Shards, 1 << 20},
		// 7 days × 2 communities; the 2 days without events have no
		// rollup, and the watermark says they are empty. Then the
		// watermark and one query; an SDK retry under load counts too.
		{"after a reconcile: the watermark and one query", true, 14, 2, 4},
		{"a second reconcile rolls nothing", true, 0, 2, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.reconcile {
				rep, err := st.Reconcile(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Rollups.Rolled != c.rolled || rep.Rollups.Behind != 0 {
					t.Fatalf("rollups %+v, want %d rolled, none behind", rep.Rollups, c.rolled)
				}
			}
			for _, com := range []string{"com_a", "com_b"} {
				if n := readChecked(t, st, calls, com, days); n < c.minCalls || n > c.maxCalls {
					t.Fatalf("%s: %d calls, want %d to %d", com, n, c.minCalls, c.maxCalls)
				}
			}
		})
	}
}

// TestStaleRollupIsFixed: a day rolled up from counters that a fault left
// wrong is rolled up again once its counters are replaced: by the
// reconciler after lost counter updates, or by RepairDay after a drift,
// also for a day older than the register's horizon (without the watermark
// forgetting that the day next to it had no events).
func TestStaleRollupIsFixed(t *testing.T) {
	ctx := context.Background()
	// Faults: each stores evs on base's table and leaves its counters wrong.
	lostAdds := func(t *testing.T, base *store.Store, clk *clock, evs []engagement.Event) {
		// The counter updates of a request are lost (its events are
		// stored, its intents stay).
		noAdds := openOn(t, base, clk, refuseMatching{op: "UpdateItem", body: `"AGG#`})
		if res, err := noAdds.IngestEvents(ctx, "ws_a", evs, 0); err != nil || res.Accepted != len(evs) {
			t.Fatalf("%+v, %v", res, err)
		}
	}
	drift := func(t *testing.T, base *store.Store, clk *clock, evs []engagement.Event) {
		// An add applied twice (an ambiguous timeout retried): no intent
		// is left, so only RepairDay finds it.
		st := openOn(t, base, clk, nil)
		if _, err := st.IngestEvents(ctx, "ws_a", evs, 0); err != nil {
			t.Fatal(err)
		}
		e := evs[0]
		_, err := st.Client().UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: ptr(st.Table()),
			Key: map[string]types.AttributeValue{
				"pk": &types.AttributeValueMemberS{Value: "AGG#ws_a#" + engagement.CounterPartition(e.Community, engagement.Day(e.Time), engagement.ShardOf(e.ID))},
				"sk": &types.AttributeValueMemberS{Value: engagement.CellOf(e).SortKey()}},
			UpdateExpression:          ptr("ADD #v :n"),
			ExpressionAttributeNames:  map[string]string{"#v": "view"},
			ExpressionAttributeValues: map[string]types.AttributeValue{":n": &types.AttributeValueMemberN{Value: "3"}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	reconcile := func(t *testing.T, healthy *store.Store, clk *clock, day string) {
		clk.Add(healthy.IntentLease() + time.Second)
		rep, err := healthy.Reconcile(ctx)
		if err != nil || len(rep.Repaired) == 0 || rep.Rollups.Rolled != 2 {
			t.Fatalf("reconcile: %+v, %v", rep, err)
		}
	}
	repairDay := func(t *testing.T, healthy *store.Store, clk *clock, day string) {
		for _, com := range []string{"com_a", "com_b"} {
			if _, err := healthy.RepairDay(ctx, "ws_a", com, day, clk.Now()); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := []struct {
		name  string
		fault func(t *testing.T, base *store.Store, clk *clock, evs []engagement.Event)
		// back is how many days before the test's end the day is; later is
		// how long after the stale rollup the repair comes (the reconciler
		// runs every 10 days meanwhile).
		back  int
		later time.Duration
		// repair replaces the day's counters with the recount; healthy is a
		// store without faults.
		repair func(t *testing.T, healthy *store.Store, clk *clock, day string)
	}{
		{"lost counter updates, reconcile after the intents expire", lostAdds, 8, 0, reconcile},
		{"lost counter updates, RepairDay", lostAdds, 8, 0, repairDay},
		{"drift, RepairDay", drift, 8, 0, repairDay},
		{"drift, RepairDay of a day older than the register", drift, 60, 50 * 24 * time.Hour, repairDay},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := storetest.New(t)
			end := time.Now().UTC()
			// The reconciler runs from well before the day on.
			clk := &clock{t: end.Add(-c.later).AddDate(0, 0, -c.back-3)}
			calls := &countCalls{}
			healthy := openOn(t, base, clk, calls)
			if _, err := healthy.Reconcile(ctx); err != nil {
				t.Fatal(err)
			}
			clk.Add(end.Add(-c.later).Sub(clk.Now()))
			at := end.AddDate(0, 0, -c.back)
			day, empty := engagement.Day(at), engagement.Day(at.AddDate(0, 0, 1))
			days := []string{day}
			evs := events(rand.New(rand.NewPCG(8, 8)), 40, at.Truncate(24*time.Hour).Add(20*time.Hour))
			c.fault(t, base, clk, evs)
			// A pass (while any intents are young) repairs nothing but rolls
			// the day up from the wrong counters: a stale rollup.
			rep, err := healthy.Reconcile(ctx)
			if err != nil || len(rep.Repaired) != 0 || rep.Rollups.Rolled != 2 {
				t.Fatalf("first pass: %+v, %v", rep, err)
			}
			com := evs[0].Community
			stale, err := healthy.ReadCounts(ctx, "ws_a", com, days)
			if err != nil {
				t.Fatal(err)
			}
			if reflect.DeepEqual(stale, recount(t, healthy, "ws_a", com, days)) {
				t.Fatal("the fault left nothing to fix: the test proves nothing")
			}
			for step := 10 * 24 * time.Hour; c.later > 0; c.later -= min(step, c.later) {
				clk.Add(min(step, c.later))
				if _, err := healthy.Reconcile(ctx); err != nil {
					t.Fatal(err)
				}
			}
			c.repair(t, healthy, clk, day)
			for _, com := range []string{"com_a", "com_b"} {
				if n := readChecked(t, healthy, calls, com, days); n > 4 {
					t.Fatalf("%s: %d calls, want the rollup (one query)", com, n)
				}
			}
			if rep, err := healthy.Reconcile(ctx); err != nil || rep.Rollups.Behind != 0 {
				t.Fatalf("pass after the repair: %+v, %v", rep, err)
			}
			for _, com := range []string{"com_a", "com_b"} {
				if n := readChecked(t, healthy, calls, com, days); n > 4 {
					t.Fatalf("%s: %d calls, want the rollup (one query)", com, n)
				}
				// The day after had no events: the watermark still says so.
				if n := readChecked(t, healthy, calls, com, []string{empty}); n > 4 {
					t.Fatalf("%s: the empty day took %d calls, want no shard read", com, n)
				}
			}
			// Intents left by the fault expire and their shards are
			// recounted after the repair: still exact, not counted twice.
			clk.Add(healthy.IntentLease() + time.Second)
			if _, err := healthy.Reconcile(ctx); err != nil {
				t.Fatal(err)
			}
			for _, com := range []string{"com_a", "com_b"} {
				readChecked(t, healthy, calls, com, days)
			}
		})
	}
}

// TestRollupRacingARepair: a rollup pass reads the shards, then, before it
// writes the rollup, a repair replaces the counters. The stale rollup is
// refused (the repair bumped its generation), the pass reports it behind,
// and the next pass rolls the day up from the new counters.
func TestRollupRacingARepair(t *testing.T) {
	ctx := context.Background()
	base := storetest.New(t)
	clk := &clock{t: time.Now().UTC()}
	calls := &countCalls{}
	healthy := openOn(t, base, clk, calls)
	noAdds := openOn(t, base, clk, refuseMatching{op: "UpdateItem", body: `"AGG#`})
	at := clk.Now().AddDate(0, 0, -8)
	day := engagement.Day(at)
	evs := events(rand.New(rand.NewPCG(9, 9)), 40, at.Truncate(24*time.Hour).Add(20*time.Hour))
	if _, err := noAdds.IngestEvents(ctx, "ws_a", evs, 0); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	racing := openOn(t, base, clk, onCall{op: "PutItem", body: `"ROLL#`, fn: func() {
		once.Do(func() {
			for _, com := range []string{"com_a", "com_b"} {
				if _, err := healthy.RepairDay(ctx, "ws_a", com, day, clk.Now()); err != nil {
					t.Error(err)
				}
			}
		})
	}})
	rep, err := racing.RollUp(ctx, 0)
	if err != nil || rep.Behind == 0 {
		t.Fatalf("the pass that raced a repair: %+v, %v", rep, err)
	}
	// The repair rolled the day up itself; the next pass finds it done.
	rep, err = healthy.RollUp(ctx, 0)
	if err != nil || rep.Behind != 0 {
		t.Fatalf("next pass: %+v, %v", rep, err)
	}
	for _, com := range []string{"com_a", "com_b"} {
		if n := readChecked(t, healthy, calls, com, []string{day}); n > 4 {
			t.Fatalf("%s: %d calls, want the rollup", com, n)
		}
	}
}

// TestRollUpDays: days the register does not reach (older than its
// horizon, here written before any reconcile) are not rolled up by a pass
// and are read from their shards; RollUpDays rolls them up, empty days
// included, after which a read is the watermark and one query.
func TestRollUpDays(t *testing.T) {
	ctx := context.Background()
	base := storetest.New(t)
	clk := &clock{t: time.Now().UTC()}
	calls := &countCalls{}
	st := openOn(t, base, clk, calls)
	now := clk.Now()
	r := rand.New(rand.NewPCG(6, 6))
	for back := 40; back <= 45; back++ {
		if _, err := st.IngestEvents(ctx, "ws_a", events(r, 20, now.AddDate(0, 0, -back)), 0); err != nil {
			t.Fatal(err)
		}
	}
	days := engagement.Days(now.AddDate(0, 0, -46), now.AddDate(0, 0, -39)) // 8 days, 2 without events
	steps := []struct {
		name     string
		run      func(t *testing.T)
		maxCalls int64
	}{
		{"a pass does not reach them", func(t *testing.T) {
			if rep, err := st.Reconcile(ctx); err != nil || rep.Rollups.Rolled != 0 {
				t.Fatalf("%+v, %v", rep, err)
			}
		}, 1 << 20},
		{"RollUpDays", func(t *testing.T) {
			for _, com := range []string{"com_a", "com_b"} {
				if n, err := st.RollUpDays(ctx, "ws_a", com, days); err != nil || n != len(days) {
					t.Fatalf("%s: %d rolled up, %v", com, n, err)
				}
			}
		}, 4},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.run(t)
			for _, com := range []string{"com_a", "com_b"} {
				if n := readChecked(t, st, calls, com, days); n > step.maxCalls {
					t.Fatalf("%s: %d calls, want at most %d", com, n, step.maxCalls)
				}
			}
		})
	}
}
