package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Run(m)) }

// testOrigin is the allowed origin of the test ingest keys.
const testOrigin = "https://shop.example"

// env is a running API on a fresh table with one workspace.
type env struct {
	t      testing.TB
	srv    *httptest.Server
	st     *store.Store
	ws     domain.Workspace
	admin  string // admin key token
	ingest string // ingest key token
	logs   *bytes.Buffer
}

func newEnv(t *testing.T, opt api.Options) *env {
	t.Helper()
	return newEnvTB(t, opt)
}

func newEnvTB(t testing.TB, opt api.Options) *env {
	t.Helper()
	return newEnvOn(t, opt, storetest.New(t))
}

// newEnvOn is newEnvTB over a given store (one with its own clock).
func newEnvOn(t testing.TB, opt api.Options, st *store.Store) *env {
	t.Helper()
	logs := &bytes.Buffer{}
	opt.Store = st
	if opt.Rate == 0 { // tests send bursts; TestRateLimit sets its own
		opt.Rate, opt.Burst = 1e6, 1e6
	}
	if opt.AuthFailRate == 0 { // tests send many wrong keys; TestAuthFailureLimit sets its own
		opt.AuthFailRate, opt.AuthFailBurst = 1e6, 1e6
	}
	opt.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	h, err := api.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	e := &env{t: t, srv: srv, st: st, logs: logs}
	e.ws, e.admin, e.ingest = e.workspace("Acme")
	return e
}

// workspace creates a workspace with an admin and an ingest key.
func (e *env) workspace(name string) (domain.Workspace, string, string) {
	e.t.Helper()
	ctx := context.Background()
	ws := storetest.Workspace(e.t, e.st, name)
	_, admin, err := store.IssueKey(ctx, e.st, domain.APIKey{WorkspaceID: ws.ID, Name: "admin", Scope: domain.ScopeAdmin})
	if err != nil {
		e.t.Fatal(err)
	}
	_, ingest, err := store.IssueKey(ctx, e.st, domain.APIKey{WorkspaceID: ws.ID, Name: "site", Scope: domain.ScopeIngest, Origins: []string{testOrigin}})
	if err != nil {
		e.t.Fatal(err)
	}
	return ws, admin, ingest
}

// resp is a decoded response.
type resp struct {
	status int
	header http.Header
	body   []byte
}

func (r resp) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("response is not a JSON object: %v: %s", err, r.body)
	}
	return m
}

// errCode returns error.code and error.field of an error response.
func (r resp) errCode(t testing.TB) (string, string) {
	t.Helper()
	m := r.json(t)
	e, ok := m["error"].(map[string]any)
	if !ok {
		t.Fatalf("no error object in %s", r.body)
	}
	return e["code"].(string), e["field"].(string)
}

// do sends a request; body may be a string (sent as is) or a value
// (marshalled), with Content-Type application/json unless headers say.
func (e *env) do(method, path, key string, body any, headers ...string) resp {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{status: res.StatusCode, header: res.Header, body: b}
}

// must sends a request and requires the status.
func (e *env) must(status int, method, path, key string, body any, headers ...string) map[string]any {
	e.t.Helper()
	r := e.do(method, path, key, body, headers...)
	if r.status != status {
		e.t.Fatalf("%s %s: status %d, want %d: %s", method, path, r.status, status, r.body)
	}
	if len(r.body) == 0 {
		return nil
	}
	return r.json(e.t)
}

func communityBody(name string) map[string]any {
	b := audienceBody(name)
	b["kind"] = "interest"
	return b
}

// audienceBody is an inline audience (scoring.Audience) for /v1/score.
func audienceBody(name string) map[string]any {
	return map[string]any{
		"name":        name,
		"interests":   []map[string]any{{"term": "backup", "weight": 1.0}, {"term": "disaster recovery", "weight": 0.8}},
		"generations": map[string]float64{"genx": 0.4, "millennials": 0.4},
		"networks":    map[string]int{"linkedin": 4200, "email": 3100},
		"traits":      []string{"pragmatic"},
	}
}

// seed creates a partner, a community and a live offer; returns their ids.
func (e *env) seed(key string) (partner, community, offer string) {
	e.t.Helper()
	p := e.must(201, "POST", "/v1/partners", key, map[string]any{"name": "Backup Co", "url": "https://backup.example"})
	c := e.must(201, "POST", "/v1/communities", key, communityBody("IT admins"))
	o := e.must(201, "POST", "/v1/offers", key, map[string]any{
		"kind": "checklist", "title": "The restore drill checklist", "body": "Test your backup restore every quarter.",
		"url": "https://backup.example/checklist", "cta": "Get the checklist", "network": "linkedin",
		"communities": []string{c["id"].(string)}, "partner_id": p["id"].(string), "status": "live"})
	return p["id"].(string), c["id"].(string), o["id"].(string)
}

// browserUA is what a person's browser sends; tracked-link clicks from
// other clients are not counted.
const browserUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

// follow requests a tracked link as a browser would (its User-Agent), plus
// the headers given as name, value pairs (a User-Agent among them wins).
func follow(c *http.Client, method, url string, headers []string) (*http.Response, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", browserUA)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.Do(req)
}
