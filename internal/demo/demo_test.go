package demo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/demo"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Run(m)) }

// TestSeedTwice seeds, then seeds again: the data is kept, keys reissued
// and the earlier ones revoked, and every offer carries a real fit.
func TestSeedTwice(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	first, err := demo.Seed(ctx, st, []string{"http://127.0.0.1:8080"})
	if err != nil || !first.Created {
		t.Fatalf("first seed: %+v %v", first, err)
	}
	offers, err := st.ListOffers(ctx, demo.WorkspaceID, "", "", 100)
	if err != nil || len(offers.Items) != 3 {
		t.Fatalf("offers: %d %v", len(offers.Items), err)
	}
	for _, o := range offers.Items {
		if len(o.Fit) != len(o.Communities) || o.Fit[0].Version != scoring.Version {
			t.Errorf("offer %q fit %+v", o.Title, o.Fit)
		}
	}
	second, err := demo.Seed(ctx, st, nil)
	if err != nil || second.Created || second.AdminKey == first.AdminKey || second.IngestKey != "" {
		t.Fatalf("second seed: %+v %v", second, err)
	}
	keys, err := st.ListKeys(ctx, demo.WorkspaceID, "", 100)
	if err != nil || len(keys.Items) != 1 || keys.Items[0].Scope != domain.ScopeAdmin {
		t.Fatalf("keys after reseed: %+v %v", keys.Items, err)
	}
	comms, _ := st.ListCommunities(ctx, demo.WorkspaceID, "", 100)
	if len(comms.Items) != 3 {
		t.Fatalf("communities after reseed: %d", len(comms.Items))
	}

	// Demo engagement: the two live offers' communities have a full
	// dashboard over the default 30 days (funnel to purchases, partner
	// credits, a start-here network, every ladder level and move); the
	// draft offer's community has none.
	now := time.Now().UTC()
	to := now.Truncate(24 * time.Hour)
	from := to.AddDate(0, 0, -29)
	withData := 0
	for _, c := range comms.Items {
		counts, err := st.ReadCounts(ctx, demo.WorkspaceID, c.ID, engagement.Days(from, to))
		if err != nil {
			t.Fatal(err)
		}
		members, err := st.ListMembers(ctx, demo.WorkspaceID, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		in := engagement.Compute(c.ID, engagement.Day(from), engagement.Day(to), counts,
			engagement.Profile{Networks: c.Networks, Generations: c.Generations},
			engagement.LevelsOf(members, from, to.Add(24*time.Hour-time.Nanosecond)))
		if len(members) == 0 {
			continue
		}
		withData++
		f := in.Funnel
		if len(members) != demo.DemoMembers || f.Views == 0 || f.Clicks == 0 || f.Signups == 0 || f.Purchases == 0 || f.Shares == 0 ||
			in.StartHere == nil || len(in.Partners) != 1 || in.Partners[0].FirstTouch.Signups == 0 || len(in.TopOffers) != 1 {
			t.Errorf("%s: %d members, insights %+v", c.Name, len(members), in)
		}
		for _, l := range engagement.Levels() {
			if in.Ladder.Levels[l.String()] == 0 {
				t.Errorf("%s: no %s in %+v", c.Name, l, in.Ladder)
			}
		}
		if mv := in.Ladder.Moves; mv[engagement.MoveNew] == 0 || mv[engagement.MoveHeld] == 0 || mv[engagement.MoveUp]+mv[engagement.MoveDown] == 0 {
			t.Errorf("%s: moves %+v", c.Name, mv)
		}
	}
	if withData != 2 {
		t.Errorf("%d communities with demo engagement, want the 2 of the live offers", withData)
	}
}
