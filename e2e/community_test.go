//go:build browser

package e2e

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/store"
)

type communityRun struct {
	Panel *panel
	API   []struct {
		Method, Path, Auth string
		Status             int
	}
	Mounted     bool
	Errors, CSP []string
}

// communitySite is a page origin that embeds the widget in data-community
// mode, served next to the real API on dynalite (another origin).
type communitySite struct {
	url       string // the pages' origin
	api       string // the API's origin
	community domain.Community
}

// newCommunitySite seeds a workspace, a community and two ingest keys
// through the store, and serves /post.html (a key allowing the site) and
// /wrong-key.html (a key of the same workspace bound to another site).
func newCommunitySite(t *testing.T) communitySite {
	t.Helper()
	ctx := context.Background()
	st, apiSrv := apiServer(t, "e2e-community")

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	site := "http://localhost:" + strings.TrimPrefix(ln.Addr().String(), "127.0.0.1:")

	ws := domain.Workspace{ID: domain.NewID(domain.WorkspacePrefix), Name: "Craft Co"}
	if err := st.CreateWorkspace(ctx, &ws); err != nil {
		t.Fatal(err)
	}
	_, ingest, err := store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: ws.ID, Name: "blog", Scope: domain.ScopeIngest, Origins: []string{site}})
	if err != nil {
		t.Fatal(err)
	}
	// A key of the same workspace bound to another site: copied into this
	// page by mistake, it must not work here.
	_, elsewhere, err := store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: ws.ID, Name: "shop", Scope: domain.ScopeIngest, Origins: []string{"https://shop.example"}})
	if err != nil {
		t.Fatal(err)
	}
	// Pinterest is where this community is: the panel can only know that
	// from the stored community.
	c := domain.Community{ID: domain.NewID(domain.CommunityPrefix), Kind: domain.KindInterest,
		Audience: scoring.Audience{Name: "Quilters", Interests: []scoring.Interest{{Term: "quilting", Weight: 1}, {Term: "fabric", Weight: 0.6}},
			Networks: map[string]int{"pinterest": 9000, "facebook": 1200}},
		Description: "private notes"}
	if err := st.CreateCommunity(ctx, ws.ID, &c); err != nil {
		t.Fatal(err)
	}

	pages := http.NewServeMux()
	keys := map[string]string{"/post.html": ingest, "/wrong-key.html": elsewhere}
	pages.HandleFunc("GET /{page}", func(w http.ResponseWriter, r *http.Request) {
		key, ok := keys[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src "+apiSrv.URL+" 'wasm-unsafe-eval'; connect-src "+apiSrv.URL+"; style-src 'self'")
		w.Write([]byte(`<!doctype html><html><head><meta charset="utf-8"><title>New post</title></head><body>
<label for="editor">Post</label>
<textarea id="editor">A quilting guide: how to choose fabric for your first quilt, with a free checklist.</textarea>
<script async src="` + apiSrv.URL + `/widget.js" data-target="#editor" data-api="` + apiSrv.URL + `"
  data-community="` + c.ID + `" data-key="` + key + `"></script>
</body></html>`))
	})
	pages.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	psrv := httptest.NewUnstartedServer(pages)
	psrv.Listener.Close()
	psrv.Listener = ln
	psrv.Start()
	t.Cleanup(psrv.Close)
	return communitySite{url: site, api: apiSrv.URL, community: c}
}

// TestEditorWidgetFromAPI embeds the widget in data-community mode on a
// page of another origin, with an ingest key bound to that origin: the
// widget reads the community's audience from the real API on dynalite
// (GET /v1/communities/{id}/audience, the only API call, no admin key) and
// scores the draft against it.
func TestEditorWidgetFromAPI(t *testing.T) {
	site := newCommunitySite(t)
	c := site.community
	var run communityRun
	drive(t, map[string]any{"scenario": "community", "url": site.url + "/post.html"}, &run)
	if len(run.Errors) > 0 || len(run.CSP) > 0 {
		t.Fatalf("page errors %q, CSP violations %q", run.Errors, run.CSP)
	}
	var got []string
	for _, call := range run.API {
		if call.Method == "OPTIONS" {
			continue // the preflight of the Authorization header
		}
		got = append(got, call.Method+" "+call.Path)
		if call.Status != 200 || call.Auth != "Bearer" {
			t.Errorf("%s %s: status %d, auth %q", call.Method, call.Path, call.Status, call.Auth)
		}
	}
	if want := "GET /v1/communities/" + c.ID + "/audience"; len(got) != 1 || got[0] != want {
		t.Fatalf("API calls %q, want only %q", got, want)
	}
	if run.Panel == nil || atoi(t, run.Panel.Score) <= 0 {
		t.Fatalf("no score on the panel: %+v", run.Panel)
	}
	var networks []string
	for _, b := range run.Panel.Networks {
		networks = append(networks, b.ID)
	}
	if len(networks) == 0 || networks[0] != "pinterest" {
		t.Errorf("network bars %v: want the stored community's networks, pinterest first", networks)
	}
}

// TestEditorWidgetFromAPIRefused: the same page with an ingest key bound to
// another site. The browser blocks the refused answer (no CORS header), the
// widget mounts nothing and says on the console what to check: data-key
// must be an ingest key allowing this page's origin.
func TestEditorWidgetFromAPIRefused(t *testing.T) {
	site := newCommunitySite(t)
	var run communityRun
	drive(t, map[string]any{"scenario": "community", "refused": true, "url": site.url + "/wrong-key.html"}, &run)
	if run.Mounted {
		t.Error("the widget mounted a panel without an audience")
	}
	if len(run.CSP) > 0 {
		t.Errorf("CSP violations %q", run.CSP)
	}
	want := "data-key is an ingest key allowing " + site.url
	found := false
	for _, e := range run.Errors {
		found = found || (strings.Contains(e, "sweetspot: widget not started") && strings.Contains(e, want))
	}
	if !found {
		t.Errorf("console errors %q: want the widget's own error naming %q", run.Errors, want)
	}
	// The browser reports the blocked answer as a failed request (no
	// response event): it was the audience route.
	blocked := "requestfailed: " + site.api + "/v1/communities/" + site.community.ID + "/audience "
	if !slices.ContainsFunc(run.Errors, func(e string) bool { return strings.HasPrefix(e, blocked) }) {
		t.Errorf("errors %q: want a blocked request to %q", run.Errors, blocked)
	}
}
