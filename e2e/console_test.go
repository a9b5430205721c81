//go:build browser

package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// consoleRun is what console_driver.mjs observed.
type consoleRun struct {
	Errors, CSP, Steps []string
	Axe                map[string][]struct {
		ID, Impact, Help string
		Nodes            int
		Targets          []string
	}
	KeyInSession        bool
	IngestKey           string
	ScoreBefore         string
	ScoreAfter          string
	Link, Copied, QRAlt string
	LandedAt, Member    string
	Funnel, Campaigns   [][]string
	ChartTitle          string
	CampaignCSV         string
	ExportTypes         map[string]int
	ExportLast          string
	ExportHasMember     bool
	Erased              string
	OnTarget, Added     string
	Cloud               struct {
		Src, Alt string
		Width    int
	}
	Suggested             [][]string
	TermsAfter            []string
	Imported, Calibration string
	// The survey: answers posted from the landing site, the section, the
	// 409 on Apply after a change elsewhere, then Apply again.
	SurveyStatuses                    []int
	SuggestedPatch                    map[string]json.RawMessage
	SurveyAnswered                    string
	SurveyGenerations, SurveyNetworks [][]string
	ElsewhereStatus, Expected409      int
	VersionBefore                     int
	VersionAfterConflict              int
	Conflict, Applied                 string
	DescriptionAfterReload            string
	CommunityAfter                    struct {
		Version     int                `json:"version"`
		Description string             `json:"description"`
		Networks    map[string]int     `json:"networks"`
		Generations map[string]float64 `json:"generations"`
		Interests   []struct {
			Term   string   `json:"term"`
			Weight *float64 `json:"weight"`
		} `json:"interests"`
	}
	MembersInputsAfter []string
}

// devServer runs `sweetspot serve --dev` as `make dev` does, on a free port
// and a fresh data folder, and returns its base URL and the admin key it
// prints.
func devServer(t *testing.T) (base, admin string) {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "sweetspot")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/sweetspot").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--dev", "--data", filepath.Join(dir, "dynalite"), "--site", siteDir, "--widget", widgetDir)
	cmd.Env = append(os.Environ(), "PORT=0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder // the request log: shown only when the test fails
	cmd.Stderr = &logs
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("sweetspot serve's log:\n%s", logs.String())
		}
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
		}
	})
	found := make(chan [2]string, 1)
	go func() {
		var b, k string
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if m := regexp.MustCompile(`serving on (http://\S+)`).FindStringSubmatch(line); m != nil {
				b = m[1]
			}
			if m := regexp.MustCompile(`admin key\s+(\S+)`).FindStringSubmatch(line); m != nil {
				k = m[1]
				found <- [2]string{b, k}
			}
		}
	}()
	select {
	case f := <-found:
		return f[0], f[1]
	case <-time.After(90 * time.Second):
		t.Fatal("sweetspot serve --dev printed no admin key within 90 s")
	}
	return "", ""
}

// landingSite is the marketer's own site (another origin), where the
// offer's URL points: it embeds offer.js for the offer and community of
// the tracked link that brought the visitor, with the ingest key in the
// offer URL's ?key=.
func landingSite(t *testing.T, base, admin string) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /landing.html", func(w http.ResponseWriter, r *http.Request) {
		code := r.URL.Query().Get("ss_partner")
		req, _ := http.NewRequest("GET", base+"/v1/links/"+code, nil)
		req.Header.Set("Authorization", "Bearer "+admin)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		defer res.Body.Close()
		var l struct {
			OfferID     string `json:"offer_id"`
			CommunityID string `json:"community_id"`
		}
		if err := json.NewDecoder(res.Body).Decode(&l); err != nil || res.StatusCode != 200 {
			http.Error(w, "no such link", 404)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Flour Mill</title></head><body>
<h1>Bake with us</h1><div id="offer"></div>
<script async src="%s/offer.js" data-api="%s" data-key="%s" data-offer="%s" data-community="%s" data-target="offer" data-track-bots="true"></script>
</body></html>`, base, base, html.EscapeString(r.URL.Query().Get("key")), l.OfferID, l.CommunityID)
	})
	// A plain page of the marketer's site, where members answer the survey.
	mux.HandleFunc("GET /blank.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Flour Mill</title></head><body><h1>Tell us about you</h1></body></html>`)
	})
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(mux)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return "http://localhost:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// TestConsoleNewcomer: from a fresh `make dev`, a newcomer signs in to the
// console, creates a community (uploads its followers: the share on
// target, the term cloud, a suggested word added; imports past posts and
// calibrates), a partner, an ingest key, an offer (the
// live score changes while typing) and a tracked link; follows the link
// with UTM parameters; members answer the survey from the landing site and
// the Survey section's Apply meets a 409 (changed elsewhere), reloads, and
// applies the API's patch; sees the click and the campaign in the
// insights; exports the workspace; erases the member the landing page created. axe
// finds no serious or critical violation on any console page.
func TestConsoleNewcomer(t *testing.T) {
	base, admin := devServer(t)
	landing := landingSite(t, base, admin)
	cfg := map[string]any{"scenario": "console", "url": base, "key": admin, "landing": landing}
	if dir := os.Getenv("SWEETSPOT_CONSOLE_SHOTS"); dir != "" {
		cfg["shots"] = dir
	}
	var run consoleRun
	driveScript(t, "console_driver.mjs", cfg, &run)
	t.Logf("steps %v", run.Steps)
	if len(run.Errors) > 0 || len(run.CSP) > 0 {
		t.Fatalf("errors %q, CSP violations %q", run.Errors, run.CSP)
	}
	if !run.KeyInSession {
		t.Error("the admin key is not in sessionStorage only")
	}
	if !strings.HasPrefix(run.IngestKey, "ss.") {
		t.Errorf("the new ingest key was not shown: %q", run.IngestKey)
	}
	if run.ScoreBefore == "" || run.ScoreAfter == "" || run.ScoreBefore == run.ScoreAfter {
		t.Errorf("live score %q then %q: want a score that changes while typing", run.ScoreBefore, run.ScoreAfter)
	}
	if !strings.Contains(run.Link, "/r/") || !strings.Contains(run.Link, "utm_campaign=Spring+Bake") || (run.Copied != "" && run.Copied != run.Link) {
		t.Errorf("link %q, copied %q", run.Link, run.Copied)
	}
	if !strings.HasPrefix(run.QRAlt, "QR code of ") {
		t.Errorf("QR code alt %q", run.QRAlt)
	}
	if !strings.HasPrefix(run.LandedAt, landing+"/landing.html") || !strings.Contains(run.LandedAt, "utm_campaign=spring-bake") || run.Member == "" {
		t.Errorf("landed at %q as member %q", run.LandedAt, run.Member)
	}
	// Funnel rows: step, this period, before, rate.
	if len(run.Funnel) < 2 || run.Funnel[0][1] != "1" || run.Funnel[1][1] != "1" {
		t.Errorf("funnel %v: want the view and the click", run.Funnel)
	}
	if len(run.Campaigns) != 1 || run.Campaigns[0][0] != "spring-bake / newsletter / email" || run.Campaigns[0][1] != "1" || run.Campaigns[0][2] != "1" {
		t.Errorf("campaigns %v: want spring-bake / newsletter / email with 1 view and 1 click", run.Campaigns)
	}
	if !strings.HasPrefix(run.CampaignCSV, "Campaign / source / medium,Views,Clicks") || !strings.Contains(run.CampaignCSV, "spring-bake / newsletter / email,1,1") {
		t.Errorf("campaign CSV %q", run.CampaignCSV)
	}
	for _, typ := range []string{"workspace", "key", "community", "partner", "offer", "link", "member", "event"} {
		if run.ExportTypes[typ] == 0 {
			t.Errorf("the export has no %s: %v", typ, run.ExportTypes)
		}
	}
	if run.ExportLast != "end" || !run.ExportHasMember {
		t.Errorf("export ends with %q, has the member: %v", run.ExportLast, run.ExportHasMember)
	}
	if !strings.Contains(run.Erased, "Member erased with 1 events") {
		t.Errorf("erasure: %q", run.Erased)
	}
	// Followers: 12 of 24 bios mention sourdough; "rye" and "baker" set them apart.
	if !strings.Contains(run.OnTarget, "50%") || !strings.Contains(run.OnTarget, "±") || !strings.Contains(run.OnTarget, "24 bios") {
		t.Errorf("on target %q: want 50%% with its margin, of 24 bios", run.OnTarget)
	}
	if run.Cloud.Src != "blob" || run.Cloud.Width == 0 || !strings.Contains(run.Cloud.Alt, "rye") {
		t.Errorf("term cloud %+v: want an image of a blob URL, drawn, its words in the alt text", run.Cloud)
	}
	var rye bool
	for _, r := range run.Suggested {
		rye = rye || (len(r) > 0 && r[0] == "rye")
	}
	if !rye || !strings.Contains(run.Added, "Added rye") || !slices.Contains(run.TermsAfter, "rye") {
		t.Errorf("suggested %v, added %q, interests after %v: want rye suggested and added", run.Suggested, run.Added, run.TermsAfter)
	}
	if !strings.Contains(run.Imported, "8 lines accepted, 1 rejected") {
		t.Errorf("history import: %q", run.Imported)
	}
	if !strings.Contains(run.Calibration, "applied:") {
		t.Errorf("calibration report: %q", run.Calibration)
	}
	checkSurvey(t, run)
	if len(run.Axe) < 15 {
		t.Errorf("axe ran on %d pages", len(run.Axe))
	}
	for page, vs := range run.Axe {
		for _, v := range vs {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("axe on %s: %s (%s) %s at %v", page, v.ID, v.Impact, v.Help, v.Targets)
			} else {
				t.Logf("axe on %s: %s (%s) %s", page, v.ID, v.Impact, v.Help)
			}
		}
	}
}

// driveScript runs a node driver script with a JSON config and decodes
// what it prints.
func driveScript(t *testing.T, script string, cfg map[string]any, out any) {
	t.Helper()
	if cfg["artifacts"] == nil {
		cfg["artifacts"] = artifactsDir(t)
	}
	js, _ := json.Marshal(cfg)
	cmd := exec.Command("node", script, string(js))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("%s output: %v\n%s", script, err, stdout)
	}
}

// checkSurvey checks the console's Survey section end to end: six answers
// counted (four of them genz, two millennials; instagram named by four),
// the section showing them, a change made elsewhere turning Apply into a
// 409 that reloads the page (the change visible, nothing applied), then
// Apply sending the API's patch: the generations and networks the answers
// suggest, the change made elsewhere kept, one version more.
func checkSurvey(t *testing.T, run consoleRun) {
	t.Helper()
	if !slices.Equal(run.SurveyStatuses, []int{204, 204, 204, 204, 204, 204}) {
		t.Fatalf("survey answers from the landing site: %v, want six 204", run.SurveyStatuses)
	}
	if run.SuggestedPatch == nil || run.SuggestedPatch["generations"] == nil || run.SuggestedPatch["version"] == nil {
		t.Fatalf("the API suggests no patch: %v", run.SuggestedPatch)
	}
	if !strings.HasPrefix(run.SurveyAnswered, "6 members answered") {
		t.Errorf("survey section: %q, want 6 members answered", run.SurveyAnswered)
	}
	gen := map[string][]string{}
	for _, r := range run.SurveyGenerations {
		if len(r) == 3 {
			gen[r[0]] = r
		}
	}
	// genz 4 of 6 (67%), millennials 2 of 6 (33%) suggested, next to the
	// profile's 60% millennials and 40% Gen X.
	if g := gen["genz"]; g == nil || !strings.HasPrefix(g[2], "66.7%") {
		t.Errorf("generations table %v: want genz suggested at 66.7%%", run.SurveyGenerations)
	}
	if m := gen["millennials"]; m == nil || m[1] != "60%" || !strings.HasPrefix(m[2], "33.3%") {
		t.Errorf("generations table %v: want millennials now 60%%, suggested 33.3%%", run.SurveyGenerations)
	}
	if len(run.SurveyNetworks) == 0 {
		t.Errorf("no networks table")
	}
	if run.ElsewhereStatus != 200 {
		t.Fatalf("the change made elsewhere: status %d", run.ElsewhereStatus)
	}
	if run.Expected409 != 1 || !strings.Contains(run.Conflict, "changed meanwhile") {
		t.Errorf("Apply after a change elsewhere: %d 409s, toast %q; want one 409 and the reload message", run.Expected409, run.Conflict)
	}
	if run.DescriptionAfterReload != "Changed in another tab" {
		t.Errorf("after the 409 the page shows description %q: want what is stored now", run.DescriptionAfterReload)
	}
	if run.VersionAfterConflict != run.VersionBefore+1 {
		t.Errorf("version %d after the 409, %d before: the refused Apply changed something", run.VersionAfterConflict, run.VersionBefore)
	}
	if !strings.Contains(run.Applied, "Applied the survey") {
		t.Errorf("Apply on the reloaded page: toast %q", run.Applied)
	}
	after := run.CommunityAfter
	if after.Version != run.VersionAfterConflict+1 || after.Description != "Changed in another tab" {
		t.Errorf("after Apply: version %d (want %d), description %q (the change made elsewhere must stay)", after.Version, run.VersionAfterConflict+1, after.Description)
	}
	if math.Abs(after.Generations["genz"]-4.0/6) > 0.01 || math.Abs(after.Generations["millennials"]-2.0/6) > 0.01 || after.Generations["genx"] != 0 {
		t.Errorf("generations after Apply %v: want the answers' 2/3 genz, 1/3 millennials", after.Generations)
	}
	var suggested struct {
		Networks map[string]*int `json:"networks"`
	}
	if b, err := json.Marshal(run.SuggestedPatch); err == nil {
		_ = json.Unmarshal(b, &suggested)
	}
	for k, v := range suggested.Networks {
		if v == nil {
			if _, ok := after.Networks[k]; ok {
				t.Errorf("network %s: the patch removes it, it is still there: %v", k, after.Networks)
			}
		} else if after.Networks[k] != *v {
			t.Errorf("network %s: %d after Apply, the API suggested %d", k, after.Networks[k], *v)
		}
	}
	if len(suggested.Networks) == 0 {
		t.Errorf("the suggestion has no networks: %v", run.SuggestedPatch)
	}
}
