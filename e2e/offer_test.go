//go:build browser

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/static"
	"github.com/sweetspot/sweetspot/internal/store"
)

// xssTitle is an offer title that is also markup: it must show as text.
const xssTitle = `<img src=x onerror="window.__xss=1">Free restore drill checklist`

type offerRun struct {
	Errors []string
	Posts  []struct {
		Method, ContentType string
		Types               []string
	}
	Title, Member, Cookie, Landing string
	Imgs, Cookies                  int
	XSS                            bool
	BotPosts, BotStored            int
	BotWebdriver                   bool
}

// TestOfferWidget embeds site/offer.js on a partner's page (another
// origin) against the real API on dynalite: the card shows a title that is
// an XSS payload as plain text, and the view and the click it records
// (text/plain, no preflight, the click surviving the navigation) show up in
// the community's insights. No cookie is set. The same page without
// data-track-bots records nothing: Chromium under playwright is automated.
func TestOfferWidget(t *testing.T) {
	ctx := context.Background()
	st, apiSrv := apiServer(t, "e2e-offer")

	// The partner's site: another origin (localhost vs 127.0.0.1).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	partner := "http://localhost:" + strings.TrimPrefix(ln.Addr().String(), "127.0.0.1:")

	ws := domain.Workspace{ID: domain.NewID(domain.WorkspacePrefix), Name: "Backup Co"}
	if err := st.CreateWorkspace(ctx, &ws); err != nil {
		t.Fatal(err)
	}
	_, admin, err := store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: ws.ID, Name: "admin", Scope: domain.ScopeAdmin})
	if err != nil {
		t.Fatal(err)
	}
	_, ingest, err := store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: ws.ID, Name: "site", Scope: domain.ScopeIngest, Origins: []string{partner}})
	if err != nil {
		t.Fatal(err)
	}
	c := domain.Community{ID: domain.NewID(domain.CommunityPrefix), Kind: domain.KindInterest,
		Audience: scoring.Audience{Name: "IT admins", Interests: []scoring.Interest{{Term: "backup", Weight: 1}},
			Networks: map[string]int{"linkedin": 4200}}}
	if err := st.CreateCommunity(ctx, ws.ID, &c); err != nil {
		t.Fatal(err)
	}
	o := domain.Offer{ID: domain.NewID(domain.OfferPrefix), Kind: domain.OfferChecklist, Title: xssTitle,
		Body: "Test your restore every quarter.", URL: partner + "/landing", CTA: "Get the checklist",
		Communities: []string{c.ID}, Status: domain.StatusLive}
	if err := st.CreateOffer(ctx, ws.ID, &o); err != nil {
		t.Fatal(err)
	}

	pages := http.NewServeMux()
	page := func(trackBots string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src "+apiSrv.URL+"; connect-src "+apiSrv.URL+"; style-src 'self' 'unsafe-inline'")
			w.Write([]byte(`<!doctype html><html><head><meta charset="utf-8"><title>Partner</title></head><body>
<h1>Our partner's page</h1>
<script async src="` + apiSrv.URL + `/offer.js" data-key="` + ingest + `" data-offer="` + o.ID + `"
  data-community="` + c.ID + `" data-network="linkedin"` + trackBots + `></script>
</body></html>`))
		}
	}
	pages.HandleFunc("GET /offer.html", page(` data-track-bots="true"`))
	pages.HandleFunc("GET /offer-bot.html", page(""))
	pages.HandleFunc("GET /landing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!doctype html><title>Landing</title><p>Thanks"))
	})
	psrv := httptest.NewUnstartedServer(pages)
	psrv.Listener.Close()
	psrv.Listener = ln
	psrv.Start()
	t.Cleanup(psrv.Close)

	cfg, _ := json.Marshal(map[string]any{"url": partner + "/offer.html", "botUrl": partner + "/offer-bot.html"})
	cmd := exec.Command("node", "offer_driver.mjs", string(cfg))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("driver: %v\n%s", err, stderr.String())
	}
	var run offerRun
	if err := json.Unmarshal(stdout, &run); err != nil {
		t.Fatalf("driver output: %v\n%s", err, stdout)
	}
	if len(run.Errors) > 0 {
		t.Fatalf("page errors: %q", run.Errors)
	}
	if run.Title != xssTitle || run.Imgs != 0 || run.XSS {
		t.Errorf("title %q shown with %d img elements (script ran: %v)", run.Title, run.Imgs, run.XSS)
	}
	if run.Cookie != "" || run.Cookies != 0 {
		t.Errorf("cookies set: %q, %d", run.Cookie, run.Cookies)
	}
	if len(run.Member) < 8 || !strings.HasPrefix(run.Landing, partner+"/landing") {
		t.Errorf("member %q, landed on %q", run.Member, run.Landing)
	}
	if !run.BotWebdriver || run.BotPosts != 0 || run.BotStored != 0 {
		t.Errorf("an automated browser without data-track-bots: webdriver %v, %d event requests, %d localStorage items",
			run.BotWebdriver, run.BotPosts, run.BotStored)
	}
	sent := map[string]bool{}
	for _, p := range run.Posts {
		if p.Method != "POST" || !strings.HasPrefix(p.ContentType, "text/plain") {
			t.Errorf("events request: %+v (want a POST as text/plain: no preflight)", p)
		}
		for _, typ := range p.Types {
			sent[typ] = true
		}
	}
	if !sent["view"] || !sent["click"] {
		t.Fatalf("events sent: %+v", run.Posts)
	}

	// The view and the click are in the community's insights.
	deadline := time.Now().Add(5 * time.Second)
	for {
		req, _ := http.NewRequest("GET", apiSrv.URL+"/v1/communities/"+c.ID+"/insights", nil)
		req.Header.Set("Authorization", "Bearer "+admin)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var in struct {
			Funnel struct{ Views, Clicks int } `json:"funnel"`
		}
		err = json.NewDecoder(res.Body).Decode(&in)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if in.Funnel.Views == 1 && in.Funnel.Clicks == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("insights funnel %+v, want 1 view and 1 click", in.Funnel)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// apiServer starts dynalite, a fresh table and the real API, serving
// site/ and the widget on the same origin as `sweetspot serve` does.
func apiServer(t *testing.T, table string) (*store.Store, *httptest.Server) {
	t.Helper()
	ctx := context.Background()
	db, err := dynalite.Start(ctx, dynalite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Stop)
	st, err := store.Open(ctx, store.Config{Endpoint: db.Endpoint(), Table: table})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureTable(ctx); err != nil {
		t.Fatal(err)
	}
	h, err := api.New(api.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/", h)
	mux.Handle("/r/", h)
	mux.Handle("/", static.New(siteDir, widgetDir))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return st, srv
}
