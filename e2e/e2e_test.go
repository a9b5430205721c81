//go:build browser

// Package e2e holds the editor widget's browser tests: Go tests that serve a
// host page on one loopback origin and the widget on another (the real
// internal/static handler over the real build/widget output), then drive
// Debian's Chromium through playwright-core (driver.mjs) and assert on what
// the page shows. Run with `make test-browser` (build tag `browser`).
package e2e

import (
	"bytes"
	"encoding/json"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/static"
)

// Paths relative to this package.
const (
	siteDir   = "../site"
	widgetDir = "../build/widget"
)

// preloadLink is the demo page's preload of its build (lang.html drops it).
var preloadLink = regexp.MustCompile(`<link rel="preload"[^>]*>\n`)

// servers are the two origins of a test: the customer's page and the widget CDN.
type servers struct {
	host, widget string // origins: http://localhost:P1 and http://127.0.0.1:P2
}

// serve starts the widget origin (static.New over site/ and build/widget)
// and the host origin, which serves the demo page and test fixtures with a
// strict CSP, pointing their script tag at the widget origin exactly as a
// customer's snippet would.
func serve(t testing.TB) servers {
	t.Helper()
	return serveWidget(t, widgetDir)
}

// serveWidget is serve with the widget origin serving the built widget
// from dir (a test may remove files from a copy).
func serveWidget(t testing.TB, dir string) servers {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		t.Fatalf("the widget is not built (run `make wasm`): %v", err)
	}
	wsrv := httptest.NewServer(static.New(siteDir, dir))
	t.Cleanup(wsrv.Close)
	widget := wsrv.URL // http://127.0.0.1:port

	csp := strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' " + widget + " 'wasm-unsafe-eval'",
		"connect-src 'self' " + widget,
		"style-src 'self'",
		"img-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
	}, "; ")
	page := func(path string, rewrite func(string) string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			b, err := os.ReadFile(path)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Security-Policy", csp)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(rewrite(string(b))))
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /demo.html", page(filepath.Join(siteDir, "demo.html"), func(s string) string {
		s = strings.Replace(s, `href="/widget/`, `href="`+widget+`/widget/`, 1)
		return strings.Replace(s, `src="/widget.js"`, `src="`+widget+`/widget.js"`, 1)
	}))
	// lang.html is the demo page with ?data-lang= on the script tag and
	// ?html= as the page's <html lang> (the widget picks its build by them).
	mux.HandleFunc("GET /lang.html", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		page(filepath.Join(siteDir, "demo.html"), func(s string) string {
			tag := `src="` + widget + `/widget.js"`
			if l := q.Get("data-lang"); l != "" {
				tag += ` data-lang="` + html.EscapeString(l) + `"`
			}
			s = strings.Replace(s, `src="/widget.js"`, tag, 1)
			// Without the demo's preload of the English build: the loader
			// picks the build itself here.
			s = preloadLink.ReplaceAllString(s, "")
			return strings.Replace(s, `<html lang="en">`, `<html lang="`+html.EscapeString(q.Get("html"))+`">`, 1)
		})(w, r)
	})
	mux.Handle("GET /hostile.html", page("testdata/hostile.html", func(s string) string {
		return strings.ReplaceAll(s, "{{WIDGET}}", widget)
	}))
	mux.Handle("GET /hostile.css", http.FileServer(http.Dir("testdata")))
	mux.Handle("GET /demo.css", http.FileServer(http.Dir(siteDir)))
	mux.Handle("GET /demo-survey.js", http.FileServer(http.Dir(siteDir))) // does nothing without ?survey=
	mux.Handle("GET /communities/", http.FileServer(http.Dir(siteDir)))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	// The host listens on another port and is addressed as localhost, so
	// the two origins differ in host name and port.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hsrv := httptest.NewUnstartedServer(mux)
	hsrv.Listener.Close()
	hsrv.Listener = ln
	hsrv.Start()
	t.Cleanup(hsrv.Close)
	host := "http://localhost:" + strings.TrimPrefix(hsrv.URL, "http://127.0.0.1:")
	return servers{host: host, widget: widget}
}

// drive runs one driver.mjs scenario and decodes its observations into out.
func drive(t testing.TB, cfg map[string]any, out any) {
	t.Helper()
	if cfg["artifacts"] == nil {
		cfg["artifacts"] = artifactsDir(t)
	}
	js, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "driver.mjs", string(js))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("driver (%s): %v\n%s", cfg["scenario"], err, stderr.String())
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("driver output: %v\n%s", err, stdout)
	}
}

// artifactsDir is where screenshots go: $SWEETSPOT_ARTIFACTS (set by make
// to build/test/artifacts) or a temporary folder.
func artifactsDir(t testing.TB) string {
	dir := os.Getenv("SWEETSPOT_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Drafts for the IT admins audience (site/communities/itadmins.json): a
// sales pitch, then a useful, on-topic post with a question and a call to action.
const (
	poorDraft = "Our amazing new product is the best solution on the market. Buy now and save 20%! " +
		"We are the leader, our award-winning team is the best, and our product is unbeatable. Act now, limited offer!"
	improvedDraft = "How long would it take you to restore a server after a ransomware attack? " +
		"Most admins find out during the outage. This free checklist walks you through testing your backup " +
		"and disaster recovery plan in an afternoon: keep three copies of your data, keep one offline, " +
		"and run a restore drill every month. Patch management and automation help, but only a tested restore " +
		"proves your backup works. Download the checklist, try it on one server this week, and share your " +
		"restore times with your team."
	// hardSellDraft is nothing but a pitch: a deal-breaker for the value check.
	hardSellDraft = "BackupPro 5 is here! The best-in-class backup platform. Limited time offer: 30% off. " +
		"Contact our sales team today! Don't miss out!"
)

type check struct {
	ID, Rating, Message, Suggestion string
	Score                           int
}

type bar struct {
	ID, Rating string
	Score      int
	Current    bool
}

type panel struct {
	Score, Rating, RatingClass, Live, Network, Note string
	Checks                                          []check
	Caps                                            []struct{ Check, Reason string }
	CapsFirst                                       bool
	Lights, Bars                                    int
	Dismissed, Headings                             []string
	Generations, Networks                           []bar
}

func (p panel) suggestions() string {
	var s []string
	for _, c := range p.Checks {
		s = append(s, c.ID+"="+c.Rating+":"+c.Suggestion)
	}
	return strings.Join(s, "\n")
}

func (p panel) has(id string) bool {
	for _, c := range p.Checks {
		if c.ID == id {
			return true
		}
	}
	return false
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("score %q is not a number", s)
		}
		n = n*10 + int(r-'0')
	}
	return n
}
