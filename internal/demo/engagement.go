package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
)

// Demo engagement: a few weeks of made-up visitors of the live offers, so
// that the insights dashboard of a fresh `make dev` is not empty. Demo
// data only: generated from fixed seeds, so every first run stores the same
// events (ids, members, types, networks and offsets from the seed time).
const (
	// DemoMembers is how many visitors each live offer's community gets.
	DemoMembers = 80
	// DemoHistory is how far back the demo visitors start: longer than the
	// insights' default 30 days, so that the ladder shows members moving
	// up, holding and stepping down within the period.
	DemoHistory = 56 * 24 * time.Hour
	// demoPartnerShare is the share of visitors who came through the
	// offer's tracked link (a partner's newsletter or post).
	demoPartnerShare = 0.3
)

// demoLinkCodes are the fixed tracked-link codes of the live offers, in
// demo.json order (10 characters of [a-z2-7], like domain.NewLinkCode).
var demoLinkCodes = [...]string{"demolinkaa", "demolinkab", "demolinkac", "demolinkad"}

// seedEngagement creates a tracked link for each live offer with a partner
// and stores the demo visitors' events through the same store path as
// POST /v1/events (idempotent by event id, attribution, ladder, counters).
// The API accepts events at most engagement.MaxEventAge old; the demo's
// history is older on purpose and is validated against its own times.
func seedEngagement(ctx context.Context, st *store.Store, offers []domain.Offer, communities map[string]domain.Community, now time.Time) error {
	n := 0
	var seeded []string // communities with events
	for i, o := range offers {
		if o.Status != domain.StatusLive || o.URL == "" || len(o.Communities) == 0 {
			continue
		}
		c := communities[o.Communities[0]]
		code := ""
		if o.PartnerID != "" && n < len(demoLinkCodes) {
			l := domain.Link{Code: demoLinkCodes[n], OfferID: o.ID, CommunityID: c.ID, PartnerID: o.PartnerID}
			n++
			if err := st.CreateLink(ctx, WorkspaceID, &l); err != nil && domain.ErrorCode(err) != domain.Conflict {
				return fmt.Errorf("demo link for %q: %w", o.Title, err)
			}
			code = l.Code
		}
		rng := rand.New(rand.NewPCG(uint64(i)+1, 0x5eed))
		// One store call per offer: it groups the events by member and
		// stores the members concurrently, each in time order.
		var events []engagement.Event
		for m := range DemoMembers {
			events = append(events, visitor(rng, fmt.Sprintf("demo%d", i), m, o.ID, c, code, now)...)
		}
		for _, e := range events {
			if fe := engagement.Validate(e, e.Time); fe != nil {
				return fmt.Errorf("demo event %s: %w", e.ID, fe)
			}
		}
		if _, err := st.IngestEvents(ctx, WorkspaceID, events, 0); err != nil {
			return fmt.Errorf("demo events of %q: %w", o.Title, err)
		}
		seeded = append(seeded, c.ID)
	}
	// The history is older than the reconciler's register reaches: roll
	// its days up here, once every offer's events are stored, so the
	// console's long periods read one item a day.
	days := engagement.Days(now.Add(-DemoHistory-24*time.Hour), now)
	for _, c := range slices.Compact(slices.Sorted(slices.Values(seeded))) {
		if _, err := st.RollUpDays(ctx, WorkspaceID, c, days); err != nil {
			return fmt.Errorf("demo rollups: %w", err)
		}
	}
	return nil
}

// visitor makes up one member's history with an offer: a grazer who only
// looks, a participant who clicks and maybe signs up, a contributor who
// also comments and shares, or an advocate who keeps sharing and buys.
func visitor(rng *rand.Rand, prefix string, m int, offer string, c domain.Community, code string, now time.Time) []engagement.Event {
	member := fmt.Sprintf("%s-member-%04d", prefix, m)
	network := pick(rng, c.Networks)
	generation := ""
	if rng.Float64() < 0.85 {
		generation = pickShare(rng, c.Generations)
	}
	partner := ""
	if code != "" && rng.Float64() < demoPartnerShare {
		partner = code
	}
	// Networks convert differently: a fixed lift per network name, so the
	// "start here" recommendation has something to weigh.
	lift := map[string]float64{"email": 1.6, "linkedin": 1.2, "instagram": 1.3, "facebook": 0.9, "twitter": 0.6}[network]
	if lift == 0 {
		lift = 1
	}
	var kinds []engagement.Type
	add := func(t engagement.Type, k int) {
		for range k {
			kinds = append(kinds, t)
		}
	}
	add(engagement.View, 2+rng.IntN(4))
	start, gap := DemoHistory, 48*60 // how far back the member starts; the longest gap between events, minutes
	switch r := rng.Float64(); {
	case r < 0.45: // grazer
	case r < 0.72: // participant
		add(engagement.Click, 1+rng.IntN(3))
		add(engagement.View, rng.IntN(3))
		if rng.Float64() < 0.35*lift {
			add(engagement.Signup, 1)
		}
	case r < 0.9: // contributor
		add(engagement.Click, 2)
		add(engagement.Signup, 1)
		add(engagement.Comment, 1+rng.IntN(2))
		add(engagement.Share, 1)
		if rng.Float64() < 0.3*lift {
			add(engagement.Purchase, 1)
		}
	default: // advocate: recent and busy, so the decayed scores stay high
		start, gap = 21*24*time.Hour, 12*60
		add(engagement.Click, 3)
		add(engagement.Signup, 1)
		add(engagement.Comment, 2)
		add(engagement.Share, 3+rng.IntN(3))
		if rng.Float64() < 0.6*lift {
			add(engagement.Purchase, 1)
		}
	}
	// Views and clicks lead, the rest follows in funnel order.
	rank := map[engagement.Type]int{engagement.View: 0, engagement.Click: 1, engagement.Signup: 2, engagement.Comment: 3,
		engagement.Share: 3, engagement.Purchase: 4}
	slices.SortStableFunc(kinds, func(a, b engagement.Type) int { return rank[a] - rank[b] })

	t := now.Add(-time.Duration(rng.Int64N(int64(start))))
	var events []engagement.Event
	for j, k := range kinds {
		if !t.Before(now) {
			break
		}
		e := engagement.Event{ID: fmt.Sprintf("%s-ev-%04d-%02d", prefix, m, j), Offer: offer, Community: c.ID, Member: member,
			Type: k, Network: network, Generation: generation, Time: t.UTC().Truncate(time.Second)}
		if j == 0 {
			e.Partner = partner // the touch: the visitor arrived through the link
		}
		if k == engagement.Purchase {
			e.Value = float64(20+rng.IntN(180)) - 0.01
		}
		if j == 0 && partner != "" {
			// Followed the tracked link: GET /r/{code} recorded an
			// anonymous click just before the landing page's view.
			events = append(events, engagement.Event{ID: fmt.Sprintf("%s-ev-%04d-rd", prefix, m), Offer: offer, Community: c.ID,
				Member: engagement.AnonymousMember, Type: engagement.Click, Network: network, Partner: partner,
				Time: e.Time.Add(-30 * time.Second)})
		}
		events = append(events, e)
		t = t.Add(time.Duration(10+rng.IntN(gap)) * time.Minute)
	}
	return events
}

// pick returns a key of weights with probability proportional to its
// weight (keys sorted first, so the choice depends on the seed alone).
func pick(rng *rand.Rand, weights map[string]int) string {
	f := map[string]float64{}
	for k, v := range weights {
		f[k] = float64(v)
	}
	return pickShare(rng, f)
}

func pickShare(rng *rand.Rand, weights map[string]float64) string {
	keys := make([]string, 0, len(weights))
	total := 0.0
	for k, v := range weights {
		keys = append(keys, k)
		total += v
	}
	slices.Sort(keys)
	r := rng.Float64() * total
	for _, k := range keys {
		if r -= weights[k]; r < 0 {
			return k
		}
	}
	if len(keys) == 0 {
		return ""
	}
	return keys[len(keys)-1]
}
