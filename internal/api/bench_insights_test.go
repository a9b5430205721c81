package api_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/engagement"
)

// Size of the year the insights benchmark reads: eventsPerDay events a day
// over insightsDays days, from insightsMembers visitors.
const (
	insightsDays    = engagement.MaxInsightDays
	eventsPerDay    = 30
	insightsMembers = 300
	// insightsBudget is the target for a 366-day request, locally.
	insightsBudget = 300 * time.Millisecond
)

// BenchmarkInsights366Days: GET /v1/communities/{id}/insights over 366
// days of counters (about 11,000 events), through the real handler on
// dynalite. The first request rolls the closed days up (reported as
// cold-ms); the timed requests read one rollup per closed day with one
// range query and the last few open days from their shards.
func BenchmarkInsights366Days(b *testing.B) {
	ctx := context.Background()
	e := newEnvTB(b, api.Options{})
	_, community, offer := e.seed(e.admin)
	now := time.Now().UTC()
	r := rand.New(rand.NewPCG(366, 366))
	types := []engagement.Type{"view", "view", "view", "click", "share", "comment", "signup", "purchase"}
	var batch []engagement.Event
	for d := range insightsDays {
		day := now.AddDate(0, 0, -d)
		for i := range eventsPerDay {
			ev := engagement.Event{ID: fmt.Sprintf("evt_%03d_%04d", d, i), Offer: offer, Community: community,
				Member: fmt.Sprintf("member_%05d", r.IntN(insightsMembers)), Type: types[r.IntN(len(types))],
				Network: []string{"linkedin", "email", ""}[r.IntN(3)], Time: day.Add(-time.Duration(r.IntN(3600)) * time.Second)}
			if ev.Type == engagement.Purchase {
				ev.Value = 19.5
			}
			batch = append(batch, ev)
		}
		if len(batch) >= engagement.MaxBatch || d == insightsDays-1 {
			if _, err := e.st.IngestEvents(ctx, e.ws.ID, batch, 0); err != nil {
				b.Fatal(err)
			}
			batch = nil
		}
	}
	path := fmt.Sprintf("/v1/communities/%s/insights?from=%s&to=%s", community,
		engagement.Day(now.AddDate(0, 0, -(insightsDays-1))), engagement.Day(now))
	began := time.Now()
	first := e.must(200, "GET", path, e.admin, nil)
	cold := time.Since(began)
	if views := first["funnel"].(map[string]any)["views"].(float64); views == 0 {
		b.Fatal("no views in a year of events")
	}
	b.ResetTimer()
	for b.Loop() {
		e.must(200, "GET", path, e.admin, nil)
	}
	b.StopTimer()
	per := b.Elapsed() / time.Duration(b.N)
	// The probe also ran four at once.
	began = time.Now()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); e.must(200, "GET", path, e.admin, nil) }()
	}
	wg.Wait()
	four := time.Since(began)
	b.ReportMetric(float64(four.Microseconds())/1000, "four-at-once-ms")
	b.ReportMetric(float64(cold.Milliseconds()), "cold-ms")
	b.ReportMetric(float64(per.Microseconds())/1000, "warm-ms")
	verdict := "within"
	if per > insightsBudget {
		verdict = "OVER"
	}
	b.Logf("366-day insights: %s per request warm (%s the %s budget), %s cold (rolling the year up), four at once %s",
		per.Round(time.Millisecond), verdict, insightsBudget, cold.Round(time.Millisecond), four.Round(time.Millisecond))
}
