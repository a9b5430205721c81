package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/routes"
)

// TestTenantIsolation is the matrix: workspace A's admin and ingest keys
// try every route on workspace B's ids. Admin keys get 404 (B's ids do not
// exist for A), or only A's data on collection routes; ingest keys get 403
// on admin routes and 404 on B's live offer. Afterwards B is untouched.
func TestTenantIsolation(t *testing.T) {
	e := newEnv(t, api.Options{})
	bws, bAdmin, _ := e.workspace("B")
	bPartner, bCommunity, bOffer := e.seed(bAdmin)
	bKey := e.must(201, "POST", "/v1/keys", bAdmin, map[string]any{"name": "b2", "scope": "admin"})["id"].(string)
	ids := map[string]string{"keys": bKey, "communities": bCommunity, "partners": bPartner, "offers": bOffer}
	bLink := e.must(201, "POST", "/v1/links", bAdmin, map[string]any{"offer_id": bOffer, "community_id": bCommunity, "partner_id": bPartner})["code"].(string)
	bEvent := map[string]any{"id": "ev-isolation-1", "offer": bOffer, "community": bCommunity, "member": "member-01",
		"type": "view", "time": time.Now().UTC().Format(time.RFC3339)}

	// Bodies that would be valid in B's own workspace, pointing at B's ids.
	bodies := map[string]any{
		"PATCH /v1/workspace":                 map[string]any{"name": "A renamed"},
		"POST /v1/keys":                       map[string]any{"name": "k", "scope": "admin"},
		"POST /v1/communities":                map[string]any{"kind": "interest", "name": "c", "interests": []any{map[string]any{"term": "x"}}, "partner_id": bPartner},
		"PATCH /v1/communities/{id}":          map[string]any{"name": "hacked"},
		"POST /v1/partners":                   map[string]any{"name": "p"},
		"PATCH /v1/partners/{id}":             map[string]any{"name": "hacked"},
		"POST /v1/offers":                     map[string]any{"kind": "tool", "title": "t", "communities": []string{bCommunity}},
		"PATCH /v1/offers/{id}":               map[string]any{"title": "hacked"},
		"POST /v1/score":                      map[string]any{"content": map[string]any{"body": "x"}, "community_id": bCommunity},
		"POST /v1/events":                     map[string]any{"events": []any{bEvent}},
		"POST /v1/links":                      map[string]any{"offer_id": bOffer, "community_id": bCommunity, "partner_id": bPartner},
		"PUT /v1/communities/{id}/survey":     map[string]any{"questions": map[string]any{"generations": true}},
		"POST /v1/survey":                     map[string]any{"community": bCommunity, "answers": map[string]any{"generation": "genx"}},
		"POST /v1/communities/{id}/followers": "bio\nSysadmin\n",
		"POST /v1/communities/{id}/history":   "title,published,views\nx,2026-01-01,1\n",
		"POST /v1/communities/{id}/calibrate": map[string]any{},
	}
	// What A's admin key gets on routes without an id of B in the path.
	adminCollection := map[string]int{
		"GET /v1/health":       200,
		"GET /v1/workspace":    200,
		"PATCH /v1/workspace":  200,
		"POST /v1/keys":        201,
		"GET /v1/keys":         200,
		"POST /v1/communities": 400, // B's partner is no partner of A
		"GET /v1/communities":  200,
		"POST /v1/partners":    201,
		"GET /v1/partners":     200,
		"POST /v1/offers":      400, // B's community is no community of A
		"GET /v1/offers":       200,
		"POST /v1/score":       400, // B's community is no community of A
		"POST /v1/events":      400, // B's offer is no offer of A: every event refused
		"POST /v1/links":       400, // B's offer is no offer of A
		"GET /v1/links":        200,
		"POST /v1/survey":      404, // B's community is no community of A
		"GET /v1/export":       200, // A's workspace only
	}
	for _, rt := range routes.All() {
		path := rt.Path
		if rt.Path == "/r/{code}" {
			continue // public by design (a link on a partner's page); events_test.go covers it
		}
		path = strings.Replace(path, "{code}", bLink, 1)
		path = strings.Replace(path, "{member}", "member-01", 1) // B's member (bEvent)
		if strings.Contains(path, "{id}") {
			resource := strings.Split(path, "/")[2]
			id, ok := ids[resource]
			if !ok {
				t.Fatalf("matrix has no id of B for %s: add one", rt.Pattern())
			}
			path = strings.Replace(path, "{id}", id, 1)
		}
		var body any
		if rt.Method == "POST" || rt.Method == "PATCH" || rt.Method == "PUT" {
			b, ok := bodies[rt.Pattern()]
			if !ok {
				t.Fatalf("matrix has no body for %s: add one", rt.Pattern())
			}
			body = b
		}
		t.Run("admin "+rt.Pattern(), func(t *testing.T) {
			r := e.do(rt.Method, path, e.admin, body)
			want := 404
			if !strings.Contains(rt.Path, "{id}") && !strings.Contains(rt.Path, "{code}") {
				w, ok := adminCollection[rt.Pattern()]
				if !ok {
					t.Fatalf("matrix has no expectation for %s: add one", rt.Pattern())
				}
				want = w
			}
			if r.status != want {
				t.Fatalf("status %d, want %d: %s", r.status, want, r.body)
			}
			for _, id := range append([]string{bws.ID}, bPartner, bCommunity, bOffer, bKey, bLink) {
				if r.status < 300 && strings.Contains(string(r.body), id) {
					t.Fatalf("response reveals B's %s: %s", id, r.body)
				}
			}
		})
		t.Run("ingest "+rt.Pattern(), func(t *testing.T) {
			r := e.do(rt.Method, path, e.ingest, body, "Origin", testOrigin)
			want := 403
			switch rt.Auth {
			case routes.None:
				want = 200
			case routes.Ingest:
				want = 404
				if rt.Pattern() == "POST /v1/events" {
					want = 400 // a batch: every event refused, by index
				}
			}
			if r.status != want {
				t.Fatalf("status %d, want %d: %s", r.status, want, r.body)
			}
		})
	}
	// B is untouched: every resource still at version 1, B's key works.
	for resource, id := range ids {
		m := e.must(200, "GET", "/v1/"+resource+"/"+id, bAdmin, nil)
		if m["version"].(float64) != 1 {
			t.Errorf("B's %s changed: %v", resource, m)
		}
	}
	if ws := e.must(200, "GET", "/v1/workspace", bAdmin, nil); ws["name"] != "B" {
		t.Errorf("B's workspace changed: %v", ws)
	}
	// Nor did A's keys reach B's survey, followers or history.
	sug := e.must(200, "GET", "/v1/communities/"+bCommunity+"/survey/suggestion", bAdmin, nil)
	if n := sug["tally"].(map[string]any)["respondents"]; n != 0.0 {
		t.Errorf("B's survey tally changed: %v", n)
	}
	if r := e.do("GET", "/v1/communities/"+bCommunity+"/followers", bAdmin, nil); r.status != 404 {
		t.Errorf("B has a follower report: %d", r.status)
	}
	if n, err := e.st.CountHistory(context.Background(), bws.ID, bCommunity); err != nil || n != 0 {
		t.Errorf("B has %d history posts (%v)", n, err)
	}
}
