//go:build browser

package e2e

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
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
	Errors, CSP []string
}

// TestEditorWidgetFromAPI embeds the widget in data-community mode on a
// page of another origin, with an ingest key bound to that origin: the
// widget reads the community's audience from the real API on dynalite
// (GET /v1/communities/{id}/audience, the only API call, no admin key) and
// scores the draft against it.
func TestEditorWidgetFromAPI(t *testing.T) {
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
	pages.HandleFunc("GET /post.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src "+apiSrv.URL+" 'wasm-unsafe-eval'; connect-src "+apiSrv.URL+"; style-src 'self'")
		w.Write([]byte(`<!doctype html><html><head><meta charset="utf-8"><title>New post</title></head><body>
<label for="editor">Post</label>
<textarea id="editor">A quilting guide: how to choose fabric for your first quilt, with a free checklist.</textarea>
<script async src="` + apiSrv.URL + `/widget.js" data-target="#editor" data-api="` + apiSrv.URL + `"
  data-community="` + c.ID + `" data-key="` + ingest + `"></script>
</body></html>`))
	})
	pages.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	psrv := httptest.NewUnstartedServer(pages)
	psrv.Listener.Close()
	psrv.Listener = ln
	psrv.Start()
	t.Cleanup(psrv.Close)

	var run communityRun
	drive(t, map[string]any{"scenario": "community", "url": site + "/post.html"}, &run)
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
