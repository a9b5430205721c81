package api

import (
	"cmp"
	"net/http"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
)

// DefaultInsightDays is the period of GET /v1/communities/{id}/insights
// without from and to: the last 30 days, today included.
const DefaultInsightDays = 30

func (a *API) insightHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{"GET /v1/communities/{id}/insights": a.getInsights}
}

// getInsights computes a community's insights over ?from=&to= (days,
// YYYY-MM-DD, UTC, inclusive; at most engagement.MaxInsightDays) from its
// counters, its profile and its members' ladder states.
func (a *API) getInsights(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.CommunityPrefix, "community")
	if err != nil {
		return err
	}
	from, to, err := period(r, a.now().UTC())
	if err != nil {
		return err
	}
	c, err := a.store.GetCommunity(r.Context(), p.WorkspaceID, id)
	if err != nil {
		return err
	}
	days := engagement.Days(from, to)
	// The counters and the members are independent reads: run them side
	// by side (a year of counters and a large community each take a while).
	var (
		counts     engagement.Counts
		countsErr  error
		countsDone = make(chan struct{})
	)
	go func() {
		defer close(countsDone)
		counts, countsErr = a.store.ReadCounts(r.Context(), p.WorkspaceID, id, days)
	}()
	members, err := a.store.ListMembers(r.Context(), p.WorkspaceID, id)
	<-countsDone
	if err = cmp.Or(countsErr, err); err != nil {
		return err
	}
	end := to.Add(24*time.Hour - time.Nanosecond)
	ladder := engagement.LevelsOf(members, from, end)
	profile := engagement.Profile{Networks: c.Networks, Generations: c.Generations}
	in := engagement.Compute(id, engagement.Day(from), engagement.Day(to), counts, profile, ladder)
	if r.URL.Query().Get("compare") == "previous" {
		// The same number of days just before: its counters only (the
		// ladder is the period's own).
		n := len(days)
		pto := from.AddDate(0, 0, -1)
		pfrom := pto.AddDate(0, 0, -(n - 1))
		prev, err := a.store.ReadCounts(r.Context(), p.WorkspaceID, id, engagement.Days(pfrom, pto))
		if err != nil {
			return err
		}
		in.Previous = engagement.Compare(engagement.Compute(id, engagement.Day(pfrom), engagement.Day(pto), prev, profile, engagement.LevelReport{}))
	}
	writeJSON(w, http.StatusOK, in)
	return nil
}

// period reads ?from= and ?to= as UTC days.
func period(r *http.Request, now time.Time) (from, to time.Time, err error) {
	q := r.URL.Query()
	if c := q.Get("compare"); c != "" && c != "previous" {
		return from, to, domain.Errorf(domain.Invalid, "compare", "must be previous")
	}
	today := now.Truncate(24 * time.Hour)
	to, from = today, today.AddDate(0, 0, -(DefaultInsightDays-1))
	if s := q.Get("to"); s != "" {
		if to, err = time.Parse(engagement.DayLayout, s); err != nil {
			return from, to, domain.Errorf(domain.Invalid, "to", "must be a day, YYYY-MM-DD")
		}
		if q.Get("from") == "" {
			from = to.AddDate(0, 0, -(DefaultInsightDays - 1))
		}
	}
	if s := q.Get("from"); s != "" {
		if from, err = time.Parse(engagement.DayLayout, s); err != nil {
			return from, to, domain.Errorf(domain.Invalid, "from", "must be a day, YYYY-MM-DD")
		}
	}
	switch {
	case from.After(to):
		return from, to, domain.Errorf(domain.Invalid, "from", "must not be after to")
	case to.Sub(from) >= engagement.MaxInsightDays*24*time.Hour:
		return from, to, domain.Errorf(domain.Invalid, "from", "the period is longer than %d days", engagement.MaxInsightDays)
	}
	return from, to, nil
}
