package store_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// countCalls counts DynamoDB calls.
type countCalls struct{ n atomic.Int64 }

func (c *countCalls) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// TestRollups: closed days are read from one rollup each after the first
// read (one query for the whole period), equal to their shards and to the
// recount; replacing a day's counters drops its rollup.
func TestRollups(t *testing.T) {
	ctx := context.Background()
	base := storetest.New(t)
	calls := &countCalls{}
	st, err := store.Open(ctx, store.Config{Endpoint: storetest.Endpoint(), Table: base.Table(),
		HTTPClient: &http.Client{Transport: calls}})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	r := rand.New(rand.NewPCG(5, 5))
	for back := 6; back <= 12; back++ { // days long closed
		if _, err := st.IngestEvents(ctx, "ws_a", events(r, 30, now.AddDate(0, 0, -back)), 0); err != nil {
			t.Fatal(err)
		}
	}
	days := engagement.Days(now.AddDate(0, 0, -14), now.AddDate(0, 0, -6)) // all rolled up by now
	cases := []struct {
		name     string
		maxCalls int64
	}{
		{"first read rolls up", 1000},
		// One query; an SDK retry of it under load counts as a call too, and
		// re-reading shards would take at least engagement.Shards calls.
		{"second read: one query", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, com := range []string{"com_a", "com_b"} {
				before := calls.n.Load()
				got, err := st.ReadCounts(ctx, "ws_a", com, days)
				if err != nil {
					t.Fatal(err)
				}
				if n := calls.n.Load() - before; n > c.maxCalls {
					t.Fatalf("%s: %d calls, want at most %d", com, n, c.maxCalls)
				}
				if want := recount(t, st, "ws_a", com, days); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: %v\nwant %v", com, got, want)
				}
			}
		})
	}
	// A repair replaces a day's counters and drops its rollup.
	day := engagement.Day(now.AddDate(0, 0, -7))
	if _, err := st.RepairDay(ctx, "ws_a", "com_a", day, now); err != nil {
		t.Fatal(err)
	}
	before := calls.n.Load()
	got, err := st.ReadCounts(ctx, "ws_a", "com_a", days)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls.n.Load() - before; n < engagement.Shards {
		t.Fatalf("the repaired day was not read from its shards (%d calls)", n)
	}
	if want := recount(t, st, "ws_a", "com_a", days); !reflect.DeepEqual(got, want) {
		t.Fatalf("after repair: %v\nwant %v", got, want)
	}
}
