// Package demo seeds a demo workspace from the product's own world (B2B IT
// administrators, local food lovers, a retirees' travel club) for `make
// dev` and `sweetspot admin seed`. The data is embedded (demo.json); the
// audiences match the scoring engine's fixture communities.
package demo

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/store"
)

// WorkspaceID is the demo workspace's fixed id, so a restart finds it.
const WorkspaceID = "ws_demo"

// DevKeyName names the keys Seed issues; each Seed revokes the previous
// ones, so restarts do not pile up keys.
const DevKeyName = "demo (sweetspot admin seed)"

//go:embed demo.json
var data []byte

type file struct {
	Workspace string `json:"workspace"`
	Partners  []struct {
		Key string `json:"key"`
		domain.Partner
	} `json:"partners"`
	Communities []struct {
		Key         string           `json:"key"`
		Kind        string           `json:"kind"`
		Partner     string           `json:"partner"`
		Description string           `json:"description"`
		Audience    scoring.Audience `json:"audience"`
	} `json:"communities"`
	Offers []struct {
		domain.Offer
		Partner     string   `json:"partner"`
		Communities []string `json:"communities"`
	} `json:"offers"`
}

// Result is what Seed made: the workspace and fresh keys (shown once).
type Result struct {
	WorkspaceID string `json:"workspace_id"`
	AdminKey    string `json:"admin_key"`
	IngestKey   string `json:"ingest_key"`
	// Created is false when the workspace already existed (data kept).
	Created bool `json:"created"`
}

// Seed creates the demo workspace with its partners, communities, offers,
// tracked links and a few weeks of demo engagement unless it exists, then issues a fresh admin key and an ingest key
// for origins, revoking the keys of earlier seeds.
func Seed(ctx context.Context, st *store.Store, origins []string) (Result, error) {
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return Result{}, fmt.Errorf("demo data: %w", err)
	}
	res := Result{WorkspaceID: WorkspaceID}
	_, err := st.GetWorkspace(ctx, WorkspaceID)
	switch domain.ErrorCode(err) {
	case domain.NotFound:
		if err := create(ctx, st, f); err != nil {
			return res, err
		}
		res.Created = true
	default:
		if err != nil {
			return res, err
		}
	}
	if err := revokeDevKeys(ctx, st); err != nil {
		return res, err
	}
	if _, res.AdminKey, err = store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: WorkspaceID, Name: DevKeyName, Scope: domain.ScopeAdmin}); err != nil {
		return res, err
	}
	if len(origins) > 0 {
		if _, res.IngestKey, err = store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: WorkspaceID, Name: DevKeyName, Scope: domain.ScopeIngest, Origins: origins}); err != nil {
			return res, err
		}
	}
	return res, nil
}

func create(ctx context.Context, st *store.Store, f file) error {
	partners, communities := map[string]string{}, map[string]domain.Community{}
	byID := map[string]domain.Community{}
	var offers []domain.Offer
	for _, p := range f.Partners {
		pa := p.Partner
		pa.ID = domain.NewID(domain.PartnerPrefix)
		if err := pa.Validate(); err != nil {
			return fmt.Errorf("demo partner %s: %w", p.Key, err)
		}
		if err := st.CreatePartner(ctx, WorkspaceID, &pa); err != nil {
			return err
		}
		partners[p.Key] = pa.ID
	}
	for _, c := range f.Communities {
		co := domain.Community{ID: domain.NewID(domain.CommunityPrefix), Kind: c.Kind, Audience: c.Audience,
			Description: c.Description, PartnerID: partners[c.Partner]}
		if err := co.Validate(); err != nil {
			return fmt.Errorf("demo community %s: %w", c.Key, err)
		}
		if err := st.CreateCommunity(ctx, WorkspaceID, &co); err != nil {
			return err
		}
		communities[c.Key] = co
		byID[co.ID] = co
	}
	for _, o := range f.Offers {
		of := o.Offer
		of.ID = domain.NewID(domain.OfferPrefix)
		of.PartnerID = partners[o.Partner]
		targets := []domain.Community{}
		of.Communities = []string{}
		for _, k := range o.Communities {
			targets = append(targets, communities[k])
			of.Communities = append(of.Communities, communities[k].ID)
		}
		if err := of.Validate(); err != nil {
			return fmt.Errorf("demo offer %q: %w", of.Title, err)
		}
		of.Rescore(targets, time.Now().UTC())
		if err := st.CreateOffer(ctx, WorkspaceID, &of); err != nil {
			return err
		}
		offers = append(offers, of)
	}
	if err := seedEngagement(ctx, st, offers, byID, time.Now().UTC()); err != nil {
		return err
	}
	// The workspace goes last: its presence means the seed completed.
	return st.CreateWorkspace(ctx, &domain.Workspace{ID: WorkspaceID, Name: f.Workspace})
}

func revokeDevKeys(ctx context.Context, st *store.Store) error {
	cursor := ""
	for {
		page, err := st.ListKeys(ctx, WorkspaceID, cursor, domain.MaxPageSize)
		if err != nil {
			return err
		}
		for _, k := range page.Items {
			if k.Name == DevKeyName {
				if err := st.DeleteKey(ctx, WorkspaceID, k.ID); err != nil && domain.ErrorCode(err) != domain.NotFound {
					return err
				}
			}
		}
		if page.Next == "" {
			return nil
		}
		cursor = page.Next
	}
}
