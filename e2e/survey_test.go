//go:build browser

package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/sweetspot/sweetspot/internal/static"
)

// surveyAPI is a tiny stand-in for the API's two survey routes: it serves
// one community's survey configuration and records what is posted.
type surveyAPI struct {
	mu      sync.Mutex
	configs int // GET /v1/communities/{id}/survey
	options int // preflights: there must be none
	posts   []surveyPost
}

type surveyPost struct {
	ContentType, Key string
	Body             json.RawMessage
}

const (
	surveyCommunity = "com_e2esurvey"
	surveyKey       = "ingest-key-e2e"
	// surveyTitle is also markup: it must show as text.
	surveyTitle = `<img src=x onerror="window.__xss=1">Tell us where you are`
)

func (a *surveyAPI) handler(origin string) http.Handler {
	mux := http.NewServeMux()
	cors := func(w http.ResponseWriter) {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Vary", "Origin")
	}
	mux.HandleFunc("OPTIONS /v1/", func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		a.options++
		a.mu.Unlock()
		w.WriteHeader(http.StatusMethodNotAllowed)
	})
	mux.HandleFunc("GET /v1/communities/{id}/survey", func(w http.ResponseWriter, r *http.Request) {
		cors(w)
		if r.PathValue("id") != surveyCommunity || r.URL.Query().Get("key") != surveyKey {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		a.mu.Lock()
		a.configs++
		a.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"title": surveyTitle, "questions": map[string]any{
			"networks":    []string{"linkedin", "twitter", "email"},
			"generations": true,
			"interests":   []string{"backup", "ransomware", "disaster recovery", "compliance"},
		}})
	})
	mux.HandleFunc("POST /v1/survey", func(w http.ResponseWriter, r *http.Request) {
		cors(w)
		b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		a.mu.Lock()
		a.posts = append(a.posts, surveyPost{ContentType: r.Header.Get("Content-Type"), Key: r.URL.Query().Get("key"), Body: b})
		a.mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	})
	mux.Handle("/", static.New(siteDir, widgetDir)) // survey.js, and the demo page for its survey block
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	return mux
}

type surveyQuestion struct {
	Legend  string
	Options []struct{ Type, Label, Value string }
}

type surveyRun struct {
	Errors []string
	// The first visit, answered with the keyboard.
	Title, Heading, Labelled, CloseName string
	Imgs                                int
	XSS                                 bool
	Questions                           []surveyQuestion
	Focus                               []string
	DisabledAfterThree                  []string
	Status, StatusRole, StatusLive      string
	StatusFocused, FormGone             bool
	Stored                              bool
	Cookies                             int
	AfterReload, ReloadRequests         int
	// A second visitor tries to send nothing, then dismisses.
	EmptyStatus                               string
	DismissedGone, DismissStored              bool
	AfterDismissReload, DismissReloadRequests int
	// Do-Not-Track, Global Privacy Control, an automated browser without
	// data-track-bots: nothing shown, nothing stored.
	DNT, GPC, Bot struct {
		Shown, Stored, Requests int
	}
	// No localStorage: two tags of one community on one page ask once;
	// the next page view asks again.
	NoStorageShown, NoStorageShownAgain int
	// site/demo.html?survey=…&key=… shows the survey in its block.
	DemoQuestions int
}

// TestSurveyWidget embeds site/survey.js on a site's page (another origin)
// against a stand-in for the API's survey routes, and answers it with the
// keyboard in headless Chromium: the questions are rendered from the
// configuration (a title that is markup shows as text), at most three
// interests can be picked, the answers are posted as text/plain without a
// preflight, the thank-you is announced and focused, and the survey is
// asked once per browser. A dismissed survey is not asked again; DNT, GPC
// and an automated browser see nothing; without storage it asks once per
// page view. The demo page's survey block shows it too.
func TestSurveyWidget(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	site := "http://localhost:" + strings.TrimPrefix(ln.Addr().String(), "127.0.0.1:")
	var api surveyAPI
	asrv := httptest.NewServer(api.handler(site))
	t.Cleanup(asrv.Close)

	pages := http.NewServeMux()
	page := func(tags int, attrs string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src "+asrv.URL+"; connect-src "+asrv.URL+"; style-src 'self'")
			tag := `<script async src="` + asrv.URL + `/survey.js" data-key="` + surveyKey + `" data-community="` + surveyCommunity + `"` + attrs + `></script>`
			w.Write([]byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title></head><body>
<h1>Backups that restore</h1>
` + strings.Repeat(tag+"\n", tags) + `</body></html>`))
		}
	}
	pages.HandleFunc("GET /survey.html", page(1, ` data-track-bots="true"`))
	pages.HandleFunc("GET /survey-bot.html", page(1, ""))
	pages.HandleFunc("GET /survey-twice.html", page(2, ` data-track-bots="true"`))
	pages.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	psrv := httptest.NewUnstartedServer(pages)
	psrv.Listener.Close()
	psrv.Listener = ln
	psrv.Start()
	t.Cleanup(psrv.Close)

	cfg, _ := json.Marshal(map[string]any{"url": site + "/survey.html", "botUrl": site + "/survey-bot.html",
		"twiceUrl": site + "/survey-twice.html", "community": surveyCommunity,
		"artifacts": artifactsDir(t), "demoUrl": asrv.URL + "/demo.html?survey=" + surveyCommunity + "&key=" + surveyKey})
	cmd := exec.Command("node", "survey_driver.mjs", string(cfg))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("driver: %v\n%s", err, stderr.String())
	}
	var run surveyRun
	if err := json.Unmarshal(stdout, &run); err != nil {
		t.Fatalf("driver output: %v\n%s", err, stdout)
	}
	if len(run.Errors) > 0 {
		t.Fatalf("page errors: %q", run.Errors)
	}

	// Rendered from the configuration, as text.
	if run.Heading != surveyTitle || run.Imgs != 0 || run.XSS || run.Labelled != surveyTitle {
		t.Errorf("title %q (labels the region: %q) with %d img elements (script ran: %v)", run.Heading, run.Labelled, run.Imgs, run.XSS)
	}
	if run.CloseName != "Close the survey" {
		t.Errorf("close button's accessible name %q", run.CloseName)
	}
	type opt = struct{ Type, Label, Value string }
	want := []surveyQuestion{
		{"Which of these networks do you use?", []opt{{"checkbox", "LinkedIn", "linkedin"}, {"checkbox", "X (Twitter)", "twitter"}, {"checkbox", "Email newsletters", "email"}}},
		{"Your age", []opt{{"radio", "Under 25", "genz"}, {"radio", "25–44", "millennials"}, {"radio", "45–60", "genx"},
			{"radio", "Over 60", "boomers"}, {"radio", "Prefer not to say", ""}}},
		{"Which of these matter most to you? Pick up to 3.", []opt{{"checkbox", "backup", "backup"}, {"checkbox", "ransomware", "ransomware"},
			{"checkbox", "disaster recovery", "disaster recovery"}, {"checkbox", "compliance", "compliance"}}},
	}
	if !reflect.DeepEqual(run.Questions, want) {
		t.Errorf("questions\n got %+v\nwant %+v", run.Questions, want)
	}

	// Answered with Tab, Space, an arrow key and Enter.
	wantFocus := []string{"close", "linkedin", "twitter", "email", "genz", "millennials", "backup", "ransomware",
		"disaster recovery", "compliance", "submit"}
	if !reflect.DeepEqual(run.Focus, wantFocus) {
		t.Errorf("keyboard path %q, want %q", run.Focus, wantFocus)
	}
	if !reflect.DeepEqual(run.DisabledAfterThree, []string{"ransomware"}) {
		t.Errorf("disabled after three picks: %q", run.DisabledAfterThree)
	}
	if !run.FormGone || !run.StatusFocused || run.StatusRole != "status" || run.StatusLive != "polite" ||
		!strings.HasPrefix(run.Status, "Thank you") {
		t.Errorf("thank-you: %q (role %q, aria-live %q, focused %v, form gone %v)", run.Status, run.StatusRole, run.StatusLive, run.StatusFocused, run.FormGone)
	}

	api.mu.Lock()
	posts, configs, options := api.posts, api.configs, api.options
	api.mu.Unlock()
	if len(posts) != 1 {
		t.Fatalf("posts: %+v", posts)
	}
	p := posts[0]
	if !strings.HasPrefix(p.ContentType, "text/plain") || p.Key != surveyKey || options != 0 {
		t.Errorf("post as %q with key %q, %d preflights (want text/plain, no preflight)", p.ContentType, p.Key, options)
	}
	var body, wantBody any
	json.Unmarshal(p.Body, &body)
	json.Unmarshal([]byte(`{"community":"`+surveyCommunity+`","answers":{"networks":["linkedin","email"],
		"generation":"millennials","interests":["backup","disaster recovery","compliance"]}}`), &wantBody)
	if !reflect.DeepEqual(body, wantBody) {
		t.Errorf("posted %s", p.Body)
	}

	// Asked once: a reload asks nothing and fetches nothing.
	if !run.Stored || run.Cookies != 0 || run.AfterReload != 0 || run.ReloadRequests != 0 {
		t.Errorf("asked flag stored %v, %d cookies, %d surveys and %d API requests after a reload",
			run.Stored, run.Cookies, run.AfterReload, run.ReloadRequests)
	}
	// Configurations fetched: the first visitor, the dismissing one, one
	// or two per page view without storage (a second tag that runs after
	// the first one rendered does not ask), and the demo page.
	if configs < 5 || configs > 7 {
		t.Errorf("%d configuration requests, want 5 to 7", configs)
	}

	if run.EmptyStatus != "Pick an answer, or close the survey." {
		t.Errorf("sending nothing says %q", run.EmptyStatus)
	}
	if !run.DismissedGone || !run.DismissStored || run.AfterDismissReload != 0 || run.DismissReloadRequests != 0 {
		t.Errorf("dismissed: gone %v, stored %v, %d surveys and %d API requests after a reload",
			run.DismissedGone, run.DismissStored, run.AfterDismissReload, run.DismissReloadRequests)
	}
	for name, r := range map[string]struct{ Shown, Stored, Requests int }{"DNT": run.DNT, "GPC": run.GPC, "automated browser": run.Bot} {
		if r.Shown != 0 || r.Stored != 0 || r.Requests != 0 {
			t.Errorf("%s: %d shown, %d stored, %d API requests", name, r.Shown, r.Stored, r.Requests)
		}
	}
	if run.DemoQuestions != 3 {
		t.Errorf("the demo page's survey block shows %d questions, want 3", run.DemoQuestions)
	}
	if run.NoStorageShown != 1 || run.NoStorageShownAgain != 1 {
		t.Errorf("without storage: %d surveys on a page with two tags, %d on the next view (want 1, 1)", run.NoStorageShown, run.NoStorageShownAgain)
	}
}
