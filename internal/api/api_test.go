package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

func TestHealthNeedsNoKey(t *testing.T) {
	e := newEnv(t, api.Options{})
	m := e.must(200, "GET", "/v1/health", "", nil)
	if m["status"] != "ok" || m["scoring_version"] != scoring.Version {
		t.Fatalf("health: %v", m)
	}
}

func TestCommunityLifecycle(t *testing.T) {
	e := newEnv(t, api.Options{})
	c := e.must(201, "POST", "/v1/communities", e.admin, communityBody("IT admins"))
	id := c["id"].(string)
	if !strings.HasPrefix(id, domain.CommunityPrefix) || c["version"].(float64) != 1 {
		t.Fatalf("created: %v", c)
	}
	got := e.must(200, "GET", "/v1/communities/"+id, e.admin, nil)
	if got["name"] != "IT admins" || got["networks"].(map[string]any)["linkedin"].(float64) != 4200 {
		t.Fatalf("get: %v", got)
	}
	// Merge patch: change the name, drop one network, keep everything else.
	p := e.must(200, "PATCH", "/v1/communities/"+id, e.admin, map[string]any{
		"name": "B2B IT administrators", "networks": map[string]any{"email": nil}, "version": 1})
	if p["name"] != "B2B IT administrators" || p["version"].(float64) != 2 || len(p["interests"].([]any)) != 2 {
		t.Fatalf("patch: %v", p)
	}
	if _, ok := p["networks"].(map[string]any)["email"]; ok {
		t.Fatalf("null did not delete: %v", p["networks"])
	}
	// A PATCH based on version 1 is stale now.
	r := e.do("PATCH", "/v1/communities/"+id, e.admin, map[string]any{"name": "x", "version": 1})
	if code, field := r.errCode(t); r.status != 409 || code != "conflict" || field != "version" {
		t.Fatalf("stale patch: %d %s", r.status, r.body)
	}
	// A declared language: a modelled one is kept (and served to the
	// widget with the audience), anything else names the field; null
	// removes it.
	r = e.do("PATCH", "/v1/communities/"+id, e.admin, map[string]any{"language": "xx", "version": 2})
	if code, field := r.errCode(t); r.status != 400 || code != "invalid" || field != "language" {
		t.Fatalf("language xx: %d %s", r.status, r.body)
	}
	p = e.must(200, "PATCH", "/v1/communities/"+id, e.admin, map[string]any{"language": "es", "version": 2})
	if p["language"] != "es" {
		t.Fatalf("language es not kept: %v", p)
	}
	if got := e.must(200, "GET", "/v1/communities/"+id, e.admin, nil); got["language"] != "es" {
		t.Fatalf("language es not stored: %v", got)
	}
	p = e.must(200, "PATCH", "/v1/communities/"+id, e.admin, map[string]any{"language": nil, "version": 3})
	if _, ok := p["language"]; ok {
		t.Fatalf("null did not remove the language: %v", p)
	}
	list := e.must(200, "GET", "/v1/communities", e.admin, nil)
	if n := len(list["items"].([]any)); n != 1 {
		t.Fatalf("list has %d items", n)
	}
	e.must(204, "DELETE", "/v1/communities/"+id, e.admin, nil)
	e.must(404, "GET", "/v1/communities/"+id, e.admin, nil)
	e.must(404, "DELETE", "/v1/communities/"+id, e.admin, nil)
}

func TestOfferStoresFitAndIngestSeesLiveOnly(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	o := e.must(200, "GET", "/v1/offers/"+offer, e.admin, nil)
	fit := o["fit"].([]any)
	if len(fit) != 1 {
		t.Fatalf("fit: %v", o["fit"])
	}
	f := fit[0].(map[string]any)
	if f["community_id"] != community || f["version"] != scoring.Version || f["scored_at"] == "" {
		t.Fatalf("fit entry: %v", f)
	}
	// The stored fit is the engine's score for the same content and audience.
	c, _ := e.st.GetCommunity(context.Background(), e.ws.ID, community)
	want, _ := scoring.Score(scoring.Content{Title: "The restore drill checklist", Body: "Test your backup restore every quarter.",
		Network: "linkedin", Kind: "checklist"}, c.Audience)
	if int(f["score"].(float64)) != want.Score || f["rating"] != want.Rating {
		t.Fatalf("stored fit %v, engine says %d %s", f, want.Score, want.Rating)
	}

	// The ingest key reads the public view of a live offer from its origin.
	r := e.do("GET", "/v1/offers/"+offer, e.ingest, nil, "Origin", testOrigin)
	if r.status != 200 || r.header.Get("Access-Control-Allow-Origin") != testOrigin {
		t.Fatalf("ingest get: %d %v %s", r.status, r.header, r.body)
	}
	pub := r.json(t)
	if _, leaked := pub["fit"]; leaked || pub["partner_id"] != partner || pub["title"] == nil {
		t.Fatalf("public view: %v", pub)
	}
	// Back to draft: the ingest key no longer sees it.
	e.must(200, "PATCH", "/v1/offers/"+offer, e.admin, map[string]any{"status": "draft"})
	e.must(404, "GET", "/v1/offers/"+offer, e.ingest, nil, "Origin", testOrigin)

	// Lists filter by status through the index.
	drafts := e.must(200, "GET", "/v1/offers?status=draft", e.admin, nil)
	live := e.must(200, "GET", "/v1/offers?status=live", e.admin, nil)
	if len(drafts["items"].([]any)) != 1 || len(live["items"].([]any)) != 0 {
		t.Fatalf("by status: drafts %v live %v", drafts, live)
	}
	// A community targeted by an offer cannot be deleted.
	r = e.do("DELETE", "/v1/communities/"+community, e.admin, nil)
	if code, _ := r.errCode(t); r.status != 409 || code != "conflict" {
		t.Fatalf("delete targeted community: %d %s", r.status, r.body)
	}
}

func TestScore(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, community, _ := e.seed(e.admin)
	content := map[string]any{"title": "Restore drills", "body": "A checklist for your backup restore drill.", "network": "linkedin"}
	stored := e.must(200, "POST", "/v1/score", e.admin, map[string]any{"content": content, "community_id": community})
	inline := e.must(200, "POST", "/v1/score", e.admin, map[string]any{"content": content, "audience": audienceBody("IT admins")})
	for _, m := range []map[string]any{stored, inline} {
		if m["version"] != scoring.Version || m["rating"] == nil {
			t.Fatalf("score result: %v", m)
		}
	}
	r := e.do("POST", "/v1/score", e.admin, map[string]any{"content": content})
	if _, field := r.errCode(t); r.status != 400 || field != "community_id" {
		t.Fatalf("no audience: %d %s", r.status, r.body)
	}
	r = e.do("POST", "/v1/score", e.admin, map[string]any{"content": content, "audience": map[string]any{"interests": []any{}}})
	if _, field := r.errCode(t); r.status != 400 || field != "audience.interests" {
		t.Fatalf("empty audience: %d %s", r.status, r.body)
	}
}

func TestKeys(t *testing.T) {
	e := newEnv(t, api.Options{})
	k := e.must(201, "POST", "/v1/keys", e.admin, map[string]any{"name": "shop", "scope": "ingest", "origins": []string{"https://shop.example"}})
	secret := k["secret"].(string)
	id := k["id"].(string)
	if !strings.HasPrefix(secret, "ss.") || !strings.HasSuffix(secret, k["hint"].(string)) {
		t.Fatalf("new key: %v", k)
	}
	got := e.must(200, "GET", "/v1/keys/"+id, e.admin, nil)
	if _, shown := got["secret"]; shown {
		t.Fatal("secret shown again")
	}
	if bytes.Contains(e.do("GET", "/v1/keys", e.admin, nil).body, []byte(secret[len(secret)-20:])) {
		t.Fatal("secret in key list")
	}
	// The new key works (authenticated: the offer is merely missing), then
	// stops working the moment it is deleted.
	e.must(404, "GET", "/v1/offers/off_none", secret, nil, "Origin", "https://shop.example")
	e.must(204, "DELETE", "/v1/keys/"+id, e.admin, nil)
	e.must(401, "GET", "/v1/offers/off_none", secret, nil, "Origin", "https://shop.example")
	// A key cannot delete itself.
	self := strings.Split(e.admin, ".")[2]
	e.must(409, "DELETE", "/v1/keys/"+self, e.admin, nil)
}

func TestAuthentication(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, _, offer := e.seed(e.admin)
	wrongSecret := e.admin[:len(e.admin)-4] + "AAAA"
	cases := []struct {
		name    string
		method  string
		path    string
		key     string
		headers []string
		status  int
		field   string
	}{
		{"no key", "GET", "/v1/communities", "", nil, 401, "Authorization"},
		{"garbage key", "GET", "/v1/communities", "hello", nil, 401, "Authorization"},
		{"wrong secret", "GET", "/v1/communities", wrongSecret, nil, 401, "Authorization"},
		{"unknown workspace", "GET", "/v1/communities", "ss.ws_nope.key_nope.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", nil, 401, "Authorization"},
		{"ingest on admin route", "GET", "/v1/communities", e.ingest, []string{"Origin", testOrigin}, 403, "Authorization"},
		{"ingest without origin", "GET", "/v1/offers/" + offer, e.ingest, nil, 403, "Origin"},
		{"ingest from other origin", "GET", "/v1/offers/" + offer, e.ingest, []string{"Origin", "https://evil.example"}, 403, "Origin"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := e.do(c.method, c.path, c.key, nil, c.headers...)
			code, field := r.errCode(t)
			if r.status != c.status || field != c.field {
				t.Fatalf("%d %s %s, want %d field %s: %s", r.status, code, field, c.status, c.field, r.body)
			}
			if r.status == 401 && r.header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

func TestCORSPreflight(t *testing.T) {
	e := newEnv(t, api.Options{})
	r := e.do("OPTIONS", "/v1/offers/off_x", "", nil, "Origin", testOrigin, "Access-Control-Request-Method", "GET")
	if r.status != 204 || r.header.Get("Access-Control-Allow-Origin") != testOrigin ||
		!strings.Contains(r.header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Fatalf("preflight: %d %v", r.status, r.header)
	}
}

func TestRoutingErrorsAreJSON(t *testing.T) {
	e := newEnv(t, api.Options{})
	r := e.do("GET", "/v1/nothing", e.admin, nil)
	if code, _ := r.errCode(t); r.status != 404 || code != "not_found" {
		t.Fatalf("unknown route: %d %s", r.status, r.body)
	}
	r = e.do("PUT", "/v1/communities", e.admin, "{}")
	if code, _ := r.errCode(t); r.status != 405 || code != "method_not_allowed" || !strings.Contains(r.header.Get("Allow"), "POST") {
		t.Fatalf("wrong method: %d %v %s", r.status, r.header, r.body)
	}
}

func TestRateLimit(t *testing.T) {
	e := newEnv(t, api.Options{Rate: 0.5, Burst: 2})
	e.must(200, "GET", "/v1/workspace", e.admin, nil)
	e.must(200, "GET", "/v1/workspace", e.admin, nil)
	r := e.do("GET", "/v1/workspace", e.admin, nil)
	if code, _ := r.errCode(t); r.status != 429 || code != "rate_limited" || r.header.Get("Retry-After") != "2" {
		t.Fatalf("over the limit: %d %v %s", r.status, r.header, r.body)
	}
	// Limits are per key: the ingest key still has its own budget.
	e.must(404, "GET", "/v1/offers/off_none", e.ingest, nil, "Origin", testOrigin)
}

// throttled answers every DynamoDB call the way a throttled table does.
type throttled struct{}

func (throttled) RoundTrip(r *http.Request) (*http.Response, error) {
	body := `{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"throughput exceeded"}`
	return &http.Response{StatusCode: 400, Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"},
		"X-Amz-Crc32": {strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(body))), 10)}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

func TestStoreTroubleIs503(t *testing.T) {
	ctx := context.Background()
	for name, cfg := range map[string]store.Config{
		"throttled":   {Endpoint: storetest.Endpoint(), HTTPClient: &http.Client{Transport: throttled{}}, MaxAttempts: 1},
		"unreachable": {Endpoint: "http://127.0.0.1:1", MaxAttempts: 1},
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, api.Options{}) // a healthy env, for its keys
			bad, err := store.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			h, err := api.New(api.Options{Store: bad})
			if err != nil {
				t.Fatal(err)
			}
			e.srv.Config.Handler = h
			r := e.do("GET", "/v1/communities", e.admin, nil)
			if code, _ := r.errCode(t); r.status != 503 || code != "unavailable" || r.header.Get("Retry-After") == "" {
				t.Fatalf("%d %v %s", r.status, r.header, r.body)
			}
		})
	}
}

// TestLogLines checks one JSON line per request with the documented
// fields, and that neither key secrets nor draft text reach the log.
func TestLogLines(t *testing.T) {
	e := newEnv(t, api.Options{})
	draft := "SECRET-DRAFT-TEXT about backup"
	e.must(200, "POST", "/v1/score", e.admin, map[string]any{"content": map[string]any{"body": draft}, "audience": audienceBody("x")})
	e.must(401, "GET", "/v1/workspace", "ss.nope", nil)
	e.must(200, "GET", "/v1/health", "", nil)
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(e.logs.Bytes()))
	for sc.Scan() {
		lines++
		var l map[string]any
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("log line not JSON: %s", sc.Text())
		}
		for _, f := range []string{"request_id", "route", "status", "latency_ms"} {
			if _, ok := l[f]; !ok {
				t.Errorf("log line without %s: %s", f, sc.Text())
			}
		}
		if lines == 1 && (l["workspace"] != e.ws.ID || l["route"] != "POST /v1/score") {
			t.Errorf("first line: %s", sc.Text())
		}
	}
	if lines != 3 {
		t.Fatalf("%d log lines for 3 requests:\n%s", lines, e.logs)
	}
	secret := strings.Split(e.admin, ".")[3]
	if strings.Contains(e.logs.String(), secret) || strings.Contains(e.logs.String(), "SECRET-DRAFT") {
		t.Fatalf("log leaks secrets or drafts:\n%s", e.logs)
	}
}

func TestPagination(t *testing.T) {
	e := newEnv(t, api.Options{})
	for i := 0; i < 5; i++ {
		e.must(201, "POST", "/v1/partners", e.admin, map[string]any{"name": fmt.Sprintf("p%d", i)})
	}
	seen, cursor := 0, ""
	for page := 0; page < 10; page++ {
		m := e.must(200, "GET", "/v1/partners?limit=2&cursor="+cursor, e.admin, nil)
		seen += len(m["items"].([]any))
		next, _ := m["next_cursor"].(string)
		if next == "" {
			break
		}
		cursor = next
	}
	if seen != 5 {
		t.Fatalf("saw %d partners", seen)
	}
}

func TestNewRefusesDrift(t *testing.T) {
	// Every route of routes.All() has a handler (New fails otherwise).
	if _, err := api.New(api.Options{}); err != nil {
		t.Fatal(err)
	}
}
