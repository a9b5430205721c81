package api_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// TestAudience: the editor widget reads a community's scoring audience
// with an ingest key from an allowed origin, and gets exactly the
// audience: none of the community's other fields. Anything else is
// refused the way every ingest route refuses it. (Another workspace's ids
// are in TestTenantIsolation.)
func TestAudience(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner := e.must(201, "POST", "/v1/partners", e.admin, map[string]any{"name": "Backup Co"})["id"].(string)
	body := communityBody("IT admins")
	body["partner_id"] = partner
	body["description"] = "internal notes about this community"
	body["thresholds"] = map[string]any{"overall": map[string]any{"good": 75.0, "ok": 45.0}}
	c := e.must(201, "POST", "/v1/communities", e.admin, body)
	path := "/v1/communities/" + c["id"].(string) + "/audience"

	r := e.do("GET", path, e.ingest, nil, "Origin", testOrigin)
	if r.status != 200 {
		t.Fatalf("ingest key from its origin: status %d: %s", r.status, r.body)
	}
	if got := r.header.Get("Cache-Control"); got != "private, max-age=60" {
		t.Errorf("Cache-Control %q", got)
	}
	if got := r.header.Values("Vary"); !slices.Contains(got, "Origin") || !slices.Contains(got, "Authorization") {
		t.Errorf("Vary %q, want Origin and Authorization", got)
	}
	if got := r.header.Get("Access-Control-Allow-Origin"); got != testOrigin {
		t.Errorf("Access-Control-Allow-Origin %q, want %q", got, testOrigin)
	}
	got := r.json(t)
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"generations", "interests", "name", "networks", "thresholds", "traits"}
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("fields %v, want exactly %v: %s", keys, want, r.body)
	}
	// It scores as the stored community does.
	var a scoring.Audience
	if err := json.Unmarshal(r.body, &a); err != nil {
		t.Fatal(err)
	}
	if _, err := scoring.Compile(a); err != nil {
		t.Fatalf("the served audience does not compile: %v", err)
	}
	if a.Networks["linkedin"] != 4200 || a.Thresholds["overall"].Good != 75 || len(a.Interests) != 2 {
		t.Errorf("audience %+v", a)
	}

	// The admin key reads it too (the same shape).
	if r := e.do("GET", path, e.admin, nil); r.status != 200 || r.json(t)["partner_id"] != nil {
		t.Errorf("admin: status %d: %s", r.status, r.body)
	}

	refused := []struct {
		name        string
		path, key   string
		headers     []string
		status      int
		code, field string
	}{
		{"no key", path, "", []string{"Origin", testOrigin}, 401, "unauthorized", ""},
		{"bad key", path, e.ingest + "x", []string{"Origin", testOrigin}, 401, "unauthorized", ""},
		{"ingest key without Origin", path, e.ingest, nil, 403, "forbidden", "Origin"},
		{"ingest key from another origin", path, e.ingest, []string{"Origin", "https://evil.example"}, 403, "forbidden", "Origin"},
		{"unknown community", "/v1/communities/com_aaaaaaaaaaaaaaaaaaaaaaaaaa/audience", e.ingest, []string{"Origin", testOrigin}, 404, "not_found", ""},
		{"not a community id", "/v1/communities/off_x/audience", e.ingest, []string{"Origin", testOrigin}, 404, "not_found", ""},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do("GET", tc.path, tc.key, nil, tc.headers...)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			code, field := r.errCode(t)
			if code != tc.code || (tc.field != "" && field != tc.field) {
				t.Errorf("error %s on %q, want %s on %q", code, field, tc.code, tc.field)
			}
		})
	}

	// A browser's preflight for the widget's request is answered.
	pre := e.do("OPTIONS", path, "", nil, "Origin", testOrigin, "Access-Control-Request-Method", "GET",
		"Access-Control-Request-Headers", "authorization")
	if pre.status != 204 || pre.header.Get("Access-Control-Allow-Origin") != testOrigin {
		t.Errorf("preflight: status %d, headers %v", pre.status, pre.header)
	}
}

// TestKeyInQueryOnlyForIngestKeys: the ?key= form (for the offer widget's
// preflight-free requests) accepts ingest keys only: an admin secret in a
// URL would land in histories and logs.
func TestKeyInQueryOnlyForIngestKeys(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, _, offer := e.seed(e.admin)
	path := "/v1/offers/" + offer + "?key="
	if r := e.do("GET", path+url.QueryEscape(e.ingest), "", nil, "Origin", testOrigin); r.status != 200 {
		t.Fatalf("ingest key in the query: status %d: %s", r.status, r.body)
	}
	r := e.do("GET", path+url.QueryEscape(e.admin), "", nil, "Origin", testOrigin)
	if r.status != 401 {
		t.Fatalf("admin key in the query: status %d, want 401: %s", r.status, r.body)
	}
	if code, _ := r.errCode(t); code != "unauthorized" {
		t.Errorf("error code %q", code)
	}
	if r := e.do("GET", "/v1/offers/"+offer, e.admin, nil); r.status != 200 {
		t.Errorf("admin key in the header: status %d", r.status)
	}
}
