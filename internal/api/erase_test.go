package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// clockedEnv is an env whose API and store share a clock the test moves.
func clockedEnv(t *testing.T, ttl time.Duration, start time.Time) (*env, *benchClock) {
	t.Helper()
	clk := &benchClock{t: start}
	base := storetest.New(t)
	st, err := store.Open(context.Background(), store.Config{Endpoint: storetest.Endpoint(), Table: base.Table(), Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	return newEnvOn(t, api.Options{Now: clk.Now, EventTTL: ttl}, st), clk
}

// TestEraseEveryKeptEvent: a member's raw event is exported and erased for
// as long as it may still be stored, whatever the TTL: an event arrives up
// to 72 hours after its own day and lives the TTL from its arrival, and
// DynamoDB removes expired items days late. (Erasure and export find raw
// events day by day; they once looked back only the TTL and a day, at most
// 366 days, while EVENT_TTL_DAYS went up to 3,650: TestKeptDaysCoverTheTTL
// checks the longest TTLs, whose 366 days are slow to read here.)
func TestEraseEveryKeptEvent(t *testing.T) {
	day := 24 * time.Hour
	for _, tc := range []struct {
		name  string
		ttl   time.Duration
		late  time.Duration // between the event's time and its arrival
		after time.Duration // from the arrival to the erasure
	}{
		{"default TTL, on time, just expired", 0, 0, 30*day + time.Hour},
		{"default TTL, 71 hours late, not yet expired", 0, 71 * time.Hour, 29 * day},
		{"default TTL, late, expired but not yet removed", 0, 71 * time.Hour, 30*day + 6*day},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arrival := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
			e, clk := clockedEnv(t, tc.ttl, arrival)
			_, c, o := e.seed(e.admin)
			at := arrival.Add(-tc.late)
			e.must(202, "POST", "/v1/events", e.admin, map[string]any{"events": []any{map[string]any{
				"id": "ev-erase-0001", "offer": o, "community": c, "member": "person-0001", "type": "view",
				"time": at.Format(time.RFC3339)}}})
			clk.Set(arrival.Add(tc.after))
			if x := e.do("GET", "/v1/export", e.admin, nil); strings.Count(string(x.body), `"type":"event"`) != 1 {
				t.Errorf("export: %d event lines, want 1", strings.Count(string(x.body), `"type":"event"`))
			}
			if r := e.must(200, "DELETE", "/v1/communities/"+c+"/members/person-0001", e.admin, nil); r["events_deleted"] != 1.0 {
				t.Errorf("erasure: %v", r)
			}
			left, err := e.st.RawEvents(context.Background(), e.ws.ID, c, engagement.Day(at))
			if err != nil || len(left) != 0 {
				t.Errorf("raw events left after the erasure: %d (%v)", len(left), err)
			}
		})
	}
}

// TestEraseAfterTheCommunityIsDeleted: deleting a community leaves its
// members and raw events to their TTL; the export still finds them, and a
// person may still ask to be erased from it, and is.
func TestEraseAfterTheCommunityIsDeleted(t *testing.T) {
	t0 := time.Now().UTC()
	e, _ := clockedEnv(t, 0, t0)
	_, c, o := e.seed(e.admin)
	e.must(202, "POST", "/v1/events", e.admin, map[string]any{"events": []any{map[string]any{
		"id": "ev-erase-0002", "offer": o, "community": c, "member": "person-0002", "type": "view",
		"time": t0.Format(time.RFC3339)}}})
	e.must(204, "DELETE", "/v1/offers/"+o, e.admin, nil)
	e.must(204, "DELETE", "/v1/communities/"+c, e.admin, nil)
	// The export still lists what the deleted community left, after a
	// deleted_community line.
	export := func() (deleted, members, events int) {
		t.Helper()
		for _, line := range strings.Split(strings.TrimSpace(string(e.do("GET", "/v1/export", e.admin, nil).body)), "\n") {
			var l struct {
				Type string         `json:"type"`
				Data map[string]any `json:"data"`
			}
			if err := json.Unmarshal([]byte(line), &l); err != nil {
				t.Fatalf("export line %q: %v", line, err)
			}
			switch l.Type {
			case "deleted_community":
				if l.Data["id"] != c || l.Data["deleted_at"] == "" {
					t.Errorf("deleted_community %v", l.Data)
				}
				deleted++
			case "member":
				members++
			case "event":
				events++
			case "community":
				t.Errorf("the deleted community is exported as a community: %v", l.Data)
			}
		}
		return deleted, members, events
	}
	if d, m, ev := export(); d != 1 || m != 1 || ev != 1 {
		t.Errorf("export after the deletion: %d deleted communities, %d members, %d events; want 1, 1, 1", d, m, ev)
	}
	if r := e.must(200, "DELETE", "/v1/communities/"+c+"/members/person-0002", e.admin, nil); r["events_deleted"] != 1.0 {
		t.Errorf("erasure: %v", r)
	}
	members, err := e.st.Members(context.Background(), e.ws.ID, c)
	if err != nil || len(members) != 0 {
		t.Errorf("members left: %d (%v)", len(members), err)
	}
	left, err := e.st.RawEvents(context.Background(), e.ws.ID, c, engagement.Day(t0))
	if err != nil || len(left) != 0 {
		t.Errorf("raw events left: %d (%v)", len(left), err)
	}
	if d, m, ev := export(); d != 1 || m != 0 || ev != 0 {
		t.Errorf("export after the erasure: %d deleted communities, %d members, %d events; want 1, 0, 0", d, m, ev)
	}
	// Nothing to erase: 404, as for a member never seen.
	if r := e.do("DELETE", "/v1/communities/"+c+"/members/person-0002", e.admin, nil); r.status != 404 {
		t.Errorf("a second erasure: %d %s", r.status, r.body)
	}
}

// TestEraseAcrossWorkspaces: another workspace's admin cannot erase a
// member of this workspace's community, existing or deleted: 404, and the
// member and raw events stay. An unknown community is a 404 at once.
func TestEraseAcrossWorkspaces(t *testing.T) {
	t0 := time.Now().UTC()
	e, _ := clockedEnv(t, 0, t0)
	_, bAdmin, _ := e.workspace("B")
	_, c, o := e.seed(e.admin)
	e.must(202, "POST", "/v1/events", e.admin, map[string]any{"events": []any{map[string]any{
		"id": "ev-erase-0003", "offer": o, "community": c, "member": "person-0003", "type": "view",
		"time": t0.Format(time.RFC3339)}}})
	still := func(when string) {
		t.Helper()
		if r := e.do("DELETE", "/v1/communities/"+c+"/members/person-0003", bAdmin, nil); r.status != 404 {
			t.Errorf("%s: B erases A's member: %d %s", when, r.status, r.body)
		}
		members, err := e.st.Members(context.Background(), e.ws.ID, c)
		left, err2 := e.st.RawEvents(context.Background(), e.ws.ID, c, engagement.Day(t0))
		if err != nil || err2 != nil || len(members) != 1 || len(left) != 1 {
			t.Errorf("%s: A's member and events after B's attempt: %d, %d (%v %v)", when, len(members), len(left), err, err2)
		}
	}
	still("community there")
	e.must(204, "DELETE", "/v1/offers/"+o, e.admin, nil)
	e.must(204, "DELETE", "/v1/communities/"+c, e.admin, nil)
	still("community deleted")
	if r := e.do("DELETE", "/v1/communities/com_nosuchcommunity/members/person-0003", e.admin, nil); r.status != 404 || !strings.Contains(string(r.body), "no such community") {
		t.Errorf("an unknown community: %d %s", r.status, r.body)
	}
}
