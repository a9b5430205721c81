package demo_test

import (
	"context"
	"os"
	"testing"

	"github.com/sweetspot/sweetspot/internal/demo"
	"github.com/sweetspot/sweetspot/internal/domain"
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
}
