package store_test

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Run(m)) }

func community(name string) domain.Community {
	return domain.Community{
		ID: domain.NewID(domain.CommunityPrefix), Kind: domain.KindInterest,
		Audience: scoring.Audience{Name: name, Interests: []scoring.Interest{{Term: "backup", Weight: 1}},
			Generations: map[string]float64{scoring.GenX: 0.5}, Networks: map[string]int{"linkedin": 4200}},
	}
}

func wantCode(t *testing.T, err error, code domain.Code) {
	t.Helper()
	if domain.ErrorCode(err) != code {
		t.Fatalf("error %v: code %s, want %s", err, domain.ErrorCode(err), code)
	}
}

func TestCRUDRoundTrip(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	ws := storetest.Workspace(t, st, "Acme")

	c := community("IT admins")
	if err := st.CreateCommunity(ctx, ws.ID, &c); err != nil {
		t.Fatal(err)
	}
	if c.Version != 1 || c.CreatedAt.IsZero() {
		t.Fatalf("meta not set: %+v", c.Meta)
	}
	got, err := st.GetCommunity(ctx, ws.ID, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "IT admins" || got.Interests[0].Term != "backup" || got.Networks["linkedin"] != 4200 || got.Version != 1 {
		t.Fatalf("round trip lost data: %+v", got)
	}
	// A second create with the same id is a conflict, never an overwrite.
	dup := c
	wantCode(t, st.CreateCommunity(ctx, ws.ID, &dup), domain.Conflict)

	got.Description = "people who keep servers running"
	if err := st.UpdateCommunity(ctx, ws.ID, &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 {
		t.Fatalf("version %d after update, want 2", got.Version)
	}
	// An update based on version 1 is stale.
	stale := c
	stale.Description = "stale"
	wantCode(t, st.UpdateCommunity(ctx, ws.ID, &stale), domain.Conflict)
	if stale.Version != 1 {
		t.Errorf("failed update changed the caller's version to %d", stale.Version)
	}
	again, _ := st.GetCommunity(ctx, ws.ID, c.ID)
	if again.Description != "people who keep servers running" {
		t.Errorf("stale update overwrote: %q", again.Description)
	}

	if err := st.DeleteCommunity(ctx, ws.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.GetCommunity(ctx, ws.ID, c.ID)
	wantCode(t, err, domain.NotFound)
	wantCode(t, st.DeleteCommunity(ctx, ws.ID, c.ID), domain.NotFound)
	wantCode(t, st.UpdateCommunity(ctx, ws.ID, &again), domain.NotFound)
}

func TestTenantIsolation(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	a := storetest.Workspace(t, st, "A")
	b := storetest.Workspace(t, st, "B")
	c := community("B's community")
	if err := st.CreateCommunity(ctx, b.ID, &c); err != nil {
		t.Fatal(err)
	}
	_, err := st.GetCommunity(ctx, a.ID, c.ID)
	wantCode(t, err, domain.NotFound)
	wantCode(t, st.DeleteCommunity(ctx, a.ID, c.ID), domain.NotFound)
	wantCode(t, st.UpdateCommunity(ctx, a.ID, &c), domain.NotFound)
	page, err := st.ListCommunities(ctx, a.ID, "", 10)
	if err != nil || len(page.Items) != 0 {
		t.Fatalf("A lists %d of B's communities (err %v)", len(page.Items), err)
	}
}

func TestListPagination(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	ws := storetest.Workspace(t, st, "Acme")
	other := storetest.Workspace(t, st, "Other")
	want := map[string]bool{}
	for i := 0; i < 7; i++ {
		p := domain.Partner{ID: domain.NewID(domain.PartnerPrefix), Name: "p"}
		if err := st.CreatePartner(ctx, ws.ID, &p); err != nil {
			t.Fatal(err)
		}
		want[p.ID] = true
		q := domain.Partner{ID: domain.NewID(domain.PartnerPrefix), Name: "q"}
		if err := st.CreatePartner(ctx, other.ID, &q); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	cursor, pages := "", 0
	for {
		page, err := st.ListPartners(ctx, ws.ID, cursor, 3)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, p := range page.Items {
			if !want[p.ID] || seen[p.ID] {
				t.Fatalf("unexpected or repeated partner %s", p.ID)
			}
			seen[p.ID] = true
		}
		if page.Next == "" {
			break
		}
		// The other workspace's cursor space is unreachable: the cursor has
		// no partition key.
		cursor = page.Next
	}
	if len(seen) != 7 || pages < 3 {
		t.Fatalf("saw %d partners in %d pages", len(seen), pages)
	}
	_, err := st.ListPartners(ctx, ws.ID, "not-a-cursor!", 3)
	wantCode(t, err, domain.Invalid)
}

func TestOffersByStatusAndReferences(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	ws := storetest.Workspace(t, st, "Acme")
	p := domain.Partner{ID: domain.NewID(domain.PartnerPrefix), Name: "Partner"}
	c := community("c")
	if err := st.CreatePartner(ctx, ws.ID, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateCommunity(ctx, ws.ID, &c); err != nil {
		t.Fatal(err)
	}
	o := domain.Offer{ID: domain.NewID(domain.OfferPrefix), Kind: domain.OfferChecklist, Title: "t",
		Status: domain.StatusDraft, Communities: []string{c.ID}, PartnerID: p.ID}
	if err := st.CreateOffer(ctx, ws.ID, &o); err != nil {
		t.Fatal(err)
	}
	live, err := st.ListOffers(ctx, ws.ID, domain.StatusLive, "", 10)
	if err != nil || len(live.Items) != 0 {
		t.Fatalf("live offers before publishing: %d (%v)", len(live.Items), err)
	}
	o.Status = domain.StatusLive
	if err := st.UpdateOffer(ctx, ws.ID, &o); err != nil {
		t.Fatal(err)
	}
	live, err = st.ListOffers(ctx, ws.ID, domain.StatusLive, "", 10)
	if err != nil || len(live.Items) != 1 || live.Items[0].ID != o.ID {
		t.Fatalf("live offers after publishing: %+v (%v)", live.Items, err)
	}
	wantCode(t, st.DeleteCommunity(ctx, ws.ID, c.ID), domain.Conflict)
	wantCode(t, st.DeletePartner(ctx, ws.ID, p.ID), domain.Conflict)
	if err := st.DeleteOffer(ctx, ws.ID, o.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCommunity(ctx, ws.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.DeletePartner(ctx, ws.ID, p.ID); err != nil {
		t.Fatal(err)
	}
}

func TestKeysKeepHashOutOfDomain(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	ws := storetest.Workspace(t, st, "Acme")
	k := domain.APIKey{ID: domain.NewID(domain.KeyPrefix), WorkspaceID: ws.ID, Name: "ci", Scope: domain.ScopeAdmin}
	token, hash, _ := domain.NewSecret(ws.ID, k.ID)
	if err := st.CreateKey(ctx, &k, hash); err != nil {
		t.Fatal(err)
	}
	got, gotHash, err := st.GetKey(ctx, ws.ID, k.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, _, secret, _ := domain.ParseToken(token)
	if !domain.SecretMatches(secret, gotHash) || got.Scope != domain.ScopeAdmin {
		t.Fatalf("key round trip: %+v", got)
	}
	if strings.Contains(gotHash, secret) {
		t.Fatal("secret stored in clear")
	}
}

// faultTransport answers every DynamoDB call like a throttled DynamoDB
// would: the one fault dynalite cannot produce on demand.
type faultTransport struct{}

func (faultTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	body := `{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}`
	return &http.Response{StatusCode: 400, Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"},
		"X-Amz-Crc32": {strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(body))), 10)}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

func TestUnavailable(t *testing.T) {
	ctx := context.Background()
	cases := map[string]store.Config{
		"throttled":   {Endpoint: storetest.Endpoint(), HTTPClient: &http.Client{Transport: faultTransport{}}, MaxAttempts: 1},
		"unreachable": {Endpoint: "http://127.0.0.1:1", MaxAttempts: 1},
	}
	for name, cfg := range cases {
		t.Run(name, func(t *testing.T) {
			st, err := store.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			_, err = st.GetCommunity(ctx, "ws_x", "com_x")
			wantCode(t, err, domain.Unavailable)
			var de *domain.Error
			if !errors.As(err, &de) || de.Err == nil {
				t.Fatalf("cause not kept for the log: %v", err)
			}
		})
	}
}

func TestGetCommunitiesBatch(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	a := storetest.Workspace(t, st, "A")
	b := storetest.Workspace(t, st, "B")
	var ids []string
	for i := 0; i < 3; i++ {
		c := community(fmt.Sprintf("c%d", i))
		if err := st.CreateCommunity(ctx, a.ID, &c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	other := community("B's")
	if err := st.CreateCommunity(ctx, b.ID, &other); err != nil {
		t.Fatal(err)
	}
	got, err := st.GetCommunities(ctx, a.ID, []string{ids[2], ids[0], ids[1]})
	if err != nil || len(got) != 3 || got[0].ID != ids[2] || got[1].Name != "c0" {
		t.Fatalf("batch: %+v %v", got, err)
	}
	_, err = st.GetCommunities(ctx, a.ID, []string{ids[0], other.ID})
	if e := domain.AsError(err); e.Code != domain.NotFound || e.Field != "communities[1]" {
		t.Fatalf("another workspace's community: %v", err)
	}
}

// TestDeletedCommunityRecord: deleting a community records it first, so a
// deletion cut short (the store fails between the record and the delete)
// leaves the community and its record, never data nobody can find; the
// retry completes it with one record. Records are per workspace.
func TestDeletedCommunityRecord(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	ws := storetest.Workspace(t, st, "A")
	other := storetest.Workspace(t, st, "B")
	c := community("IT admins")
	if err := st.CreateCommunity(ctx, ws.ID, &c); err != nil {
		t.Fatal(err)
	}
	cut := openFaulty(t, st, refuse{"DeleteItem": true})
	if err := cut.DeleteCommunity(ctx, ws.ID, c.ID); err == nil {
		t.Fatal("the deletion succeeded although the store refused DeleteItem")
	}
	if _, err := st.GetCommunity(ctx, ws.ID, c.ID); err != nil {
		t.Fatalf("the community after a deletion cut short: %v", err)
	}
	recs, err := st.DeletedCommunities(ctx, ws.ID)
	if err != nil || len(recs) != 1 || recs[0].ID != c.ID {
		t.Fatalf("records after a deletion cut short: %+v (%v)", recs, err)
	}
	if err := st.DeleteCommunity(ctx, ws.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	recs, err = st.DeletedCommunities(ctx, ws.ID)
	if err != nil || len(recs) != 1 || recs[0].ID != c.ID || recs[0].DeletedAt == "" {
		t.Fatalf("records after the retry: %+v (%v)", recs, err)
	}
	if recs, err := st.DeletedCommunities(ctx, other.ID); err != nil || len(recs) != 0 {
		t.Errorf("another workspace sees %+v (%v)", recs, err)
	}
}
