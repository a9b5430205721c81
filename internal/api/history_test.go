package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/domain"
)

// historyLines are n past posts on the community's topics, one an hour,
// where the posts about the Friday clinic earned ten times the reactions
// of the others: a signal the uncalibrated score cannot know.
func historyLines(n int) []string {
	topics := []string{"backup", "patch management", "server restore", "ransomware", "cloud storage"}
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	var out []string
	for i := 0; i < n; i++ {
		topic := topics[i%len(topics)]
		line := map[string]any{"title": "Notes on " + topic, "body": "Tips on " + topic + " for your team this month. What do you do first?",
			"network": "linkedin", "reactions": 10 + i%7, "published": start.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)}
		if i%3 == 0 {
			line["body"], line["reactions"] = "Our Friday clinic on "+topic+": bring your questions. What do you do first?", 100+i%13
		}
		b, _ := json.Marshal(line)
		out = append(out, string(b))
	}
	return out
}

func (e *env) importHistory(community, ctype, body string) resp {
	e.t.Helper()
	return e.do("POST", "/v1/communities/"+community+"/history", e.admin, body, "Content-Type", ctype)
}

// TestHistoryAndCalibration imports a post history (a partial import keeps
// what was accepted and lists the rest by line), calibrates too early (not
// applied, with the reason), then on a history where a term drives
// engagement (applied), and checks that the calibration reaches the
// audience the widget reads and the server-side score.
func TestHistoryAndCalibration(t *testing.T) {
	e := newEnv(t, api.Options{})
	id := e.must(201, "POST", "/v1/communities", e.admin, communityBody("IT admins"))["id"].(string)

	// No history: nothing to learn from, the community is left alone.
	rep := e.must(200, "POST", "/v1/communities/"+id+"/calibrate", e.admin, nil)
	if rep["applied"] != false || !strings.Contains(rep["reason"].(string), "too few posts") || rep["version"] != 1.0 {
		t.Fatalf("calibrating without history: %v", rep)
	}

	lines := historyLines(90)
	good := strings.Join(lines, "\n") + "\n"
	// Bad lines among them, by line number (1-based; the good ones are 1..90).
	bad := []struct {
		line  string
		field string
	}{
		{`{"title": "Broken", "reactions": 3,`, ""},
		{`{"title": "No date", "reactions": 3}`, "published"},
		{`{"title": "Elsewhere", "network": "myspace", "published": "2026-02-01", "reactions": 3}`, "network"},
		{`{"title": "Negative", "published": "2026-02-01", "reactions": -3}`, "reactions"},
		{`{"published": "2026-02-01", "reactions": 3}`, "body"},
		{`{"title": "No metric", "published": "2026-02-01"}`, ""},
		{`["not", "an", "object"]`, ""},
		{lines[5], ""}, // the same post as line 6
	}
	file := good
	for _, b := range bad {
		file += b.line + "\n"
	}
	r := e.importHistory(id, "application/x-ndjson", "\n"+file) // a blank first line is skipped, but counted
	if r.status != 200 {
		t.Fatalf("import: %d %s", r.status, r.body)
	}
	var imp struct {
		Accepted      int                `json:"accepted"`
		Rejected      []domain.LineError `json:"rejected"`
		RejectedCount int                `json:"rejected_count"`
		Stored        int                `json:"stored"`
		Limit         int                `json:"limit"`
	}
	if err := json.Unmarshal(r.body, &imp); err != nil {
		t.Fatal(err)
	}
	if imp.Accepted != 90 || imp.Stored != 90 || imp.RejectedCount != len(bad) || len(imp.Rejected) != len(bad) || imp.Limit != domain.MaxHistoryPosts {
		t.Fatalf("import: %s", r.body)
	}
	for i, b := range bad {
		got := imp.Rejected[i]
		if got.Line != 92+i || (b.field != "" && got.Field != b.field) || got.Message == "" {
			t.Errorf("rejected[%d] = %+v, want line %d field %q", i, got, 92+i, b.field)
		}
	}
	if !strings.Contains(imp.Rejected[len(bad)-1].Message, "line 7") {
		t.Errorf("duplicate: %+v", imp.Rejected[len(bad)-1])
	}
	// Importing the same file again replaces the posts: still 90.
	if again := e.importHistory(id, "application/x-ndjson", file).json(t); again["accepted"] != 90.0 || again["stored"] != 90.0 {
		t.Errorf("re-import: %v", again)
	}

	// Applied: validated on the newest posts, stored in the audience.
	rep = e.must(200, "POST", "/v1/communities/"+id+"/calibrate", e.admin, nil)
	if rep["applied"] != true || rep["posts"] != 90.0 || rep["rho"].(float64) <= rep["baseline_rho"].(float64) || rep["version"] != 2.0 {
		t.Fatalf("calibration: %v", rep)
	}
	found := false
	for _, tw := range rep["top_terms"].([]any) {
		found = found || strings.HasPrefix(tw.(map[string]any)["term"].(string), "clinic")
	}
	if !found {
		t.Errorf("the clinic is not among the top terms: %v", rep["top_terms"])
	}
	aud := e.do("GET", "/v1/communities/"+id+"/audience", e.ingest, nil, "Origin", testOrigin)
	cal, _ := aud.json(t)["calibration"].(map[string]any)
	if aud.status != 200 || cal == nil || cal["posts"] != 90.0 || cal["rho"] != rep["rho"] {
		t.Fatalf("audience after calibration: %d %.300s", aud.status, aud.body)
	}
	score := e.must(200, "POST", "/v1/score", e.admin, map[string]any{"community_id": id,
		"content": map[string]any{"title": "Friday clinic", "body": "Our Friday clinic on backup: bring your questions. What do you restore first?", "network": "linkedin"}})
	if c, _ := score["calibrated"].(map[string]any); c == nil || c["posts"] != 90.0 {
		t.Errorf("the score is not calibrated: %v", score["calibrated"])
	}
	// The community keeps its other fields, and a PATCH leaves the calibration in place.
	after := e.must(200, "PATCH", "/v1/communities/"+id, e.admin, map[string]any{"description": "calibrated", "version": 2})
	if after["name"] != "IT admins" || after["calibration"] == nil {
		t.Errorf("after PATCH: %v", after)
	}

	// Too few posts: not applied, and the earlier calibration stays.
	e.must(200, "DELETE", "/v1/communities/"+id+"/history", e.admin, nil)
	if r := e.importHistory(id, "application/x-ndjson", strings.Join(historyLines(10), "\n")); r.status != 200 {
		t.Fatalf("small import: %d %s", r.status, r.body)
	}
	rep = e.must(200, "POST", "/v1/communities/"+id+"/calibrate", e.admin, nil)
	if rep["applied"] != false || !strings.Contains(rep["reason"].(string), "10 posts, at least 30") || rep["version"] != 3.0 {
		t.Errorf("too few: %v", rep)
	}
	if c := e.must(200, "GET", "/v1/communities/"+id, e.admin, nil); c["version"] != 3.0 || c["calibration"].(map[string]any)["posts"] != 90.0 {
		t.Errorf("a calibration not applied changed the community: %v", c["version"])
	}
}

// TestHistoryCSV: a CSV export with its own column names, quoting and
// metrics; engagement is the documented formula, or the views alone.
func TestHistoryCSV(t *testing.T) {
	e := newEnv(t, api.Options{})
	id := e.must(201, "POST", "/v1/communities", e.admin, communityBody("IT admins"))["id"].(string)
	csv := "Title,Text,Platform,Date,Impressions,Likes,Comments,Shares,Clicks,Sign-ups,Author\r\n" +
		`"Backup, then restore","Test the restore. ""Really"".",X,2026-03-01,500,10,2,1,4,1,ana` + "\r\n" +
		"Views only,A quiet post,linkedin,2026-03-02T10:00:00Z,250,,,,,,bo\r\n" +
		"Bad date,Body,linkedin,March 3rd,1,1,1,1,1,1,cy\r\n" +
		"Bad number,Body,linkedin,2026-03-04,1,lots,1,1,1,1,di\r\n"
	r := e.importHistory(id, "text/csv; charset=utf-8", csv)
	if r.status != 200 {
		t.Fatalf("CSV import: %d %s", r.status, r.body)
	}
	m := r.json(t)
	rejected := m["rejected"].([]any)
	if m["accepted"] != 2.0 || len(rejected) != 2 {
		t.Fatalf("CSV import: %s", r.body)
	}
	date, number := rejected[0].(map[string]any), rejected[1].(map[string]any)
	if date["line"] != 4.0 || date["field"] != "published" || date["column"] != 24.0 ||
		number["line"] != 5.0 || number["field"] != "reactions" || number["column"] != 39.0 {
		t.Errorf("rejected %v", rejected)
	}
	posts, err := e.st.ListHistory(context.Background(), e.ws.ID, id, 10)
	if err != nil || len(posts) != 2 {
		t.Fatalf("stored: %v %v", posts, err)
	}
	// 10 reactions + 2×2 comments + 3×1 share + 4 clicks + 5×1 sign-up = 26; views ignored.
	if p := posts[0]; p.Title != "Backup, then restore" || p.Body != `Test the restore. "Really".` || p.Network != "twitter" ||
		p.Published != "2026-03-01T00:00:00Z" || p.Engagement != 26 {
		t.Errorf("first post %+v", p)
	}
	if p := posts[1]; p.Engagement != 250 || p.Published != "2026-03-02T10:00:00Z" {
		t.Errorf("views only: %+v", p)
	}

	// Files that cannot be read at all: 400 on line 1.
	for name, body := range map[string]string{
		"no date column":   "title,reactions\nx,1\n",
		"no metric column": "title,date\nx,2026-01-01\n",
		"no text column":   "date,views\n2026-01-01,1\n",
		"empty":            "",
	} {
		r := e.importHistory(id, "text/csv", body)
		if r.status != 400 || r.json(t)["line"] != 1.0 {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}
	// Every line bad: 400, with the lines.
	r = e.importHistory(id, "application/jsonl", `{"title": "x"}`+"\n")
	if r.status != 400 || r.json(t)["rejected_count"] != 1.0 {
		t.Errorf("all lines bad: %d %s", r.status, r.body)
	}
	if r := e.importHistory(id, "application/json", `{"title": "x"}`); r.status != 415 {
		t.Errorf("JSON: %d", r.status)
	}
	big := "title,date,views\n" + strings.Repeat("A post about backup and restore,2026-01-01,1\n", domain.MaxUploadBytes/40)
	if r := e.importHistory(id, "text/csv", big); r.status != 413 {
		t.Errorf("too large: %d", r.status)
	}
}

// TestHistoryLimit: a community keeps at most domain.MaxHistoryPosts posts;
// the lines beyond are rejected (by number) and the rest kept, and DELETE
// empties the history.
func TestHistoryLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes MaxHistoryPosts items")
	}
	e := newEnv(t, api.Options{})
	id := e.must(201, "POST", "/v1/communities", e.admin, communityBody("IT admins"))["id"].(string)
	var b strings.Builder
	b.WriteString("title,published,reactions\n")
	for i := 0; i < domain.MaxHistoryPosts-5; i++ {
		fmt.Fprintf(&b, "Post %d,2025-01-01T00:00:00Z,%d\n", i, i%10)
	}
	if m := e.importHistory(id, "text/csv", b.String()).json(t); m["stored"] != float64(domain.MaxHistoryPosts-5) {
		t.Fatalf("first import: %v", m)
	}
	b.Reset()
	b.WriteString("title,published,reactions\n")
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "More %d,2026-01-01T00:00:00Z,1\n", i)
	}
	m := e.importHistory(id, "text/csv", b.String()).json(t)
	rejected := m["rejected"].([]any)
	if m["accepted"] != 5.0 || m["stored"] != float64(domain.MaxHistoryPosts) || len(rejected) != 3 ||
		rejected[0].(map[string]any)["line"] != 7.0 || !strings.Contains(rejected[0].(map[string]any)["message"].(string), "full") {
		t.Fatalf("over the limit: %v", m)
	}
	if d := e.must(200, "DELETE", "/v1/communities/"+id+"/history", e.admin, nil); d["deleted"] != float64(domain.MaxHistoryPosts) {
		t.Errorf("delete: %v", d)
	}
	if n, err := e.st.CountHistory(context.Background(), e.ws.ID, id); err != nil || n != 0 {
		t.Errorf("after delete: %d %v", n, err)
	}
}
