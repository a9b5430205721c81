package api_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/domain"
)

// followerRows are eight followers of an IT community, repeated below: a
// handful of bios is too few for a word to stand out at 95% confidence.
const followerRows = `@ada,"Sysadmin. Backups, Kubernetes, coffee.",LinkedIn,25-34
@bob,Disaster recovery lead. Kubernetes at home.,LinkedIn,35-44
@cy,Ransomware hunter; Kubernetes and Terraform,X,35-44
@di,"Backup admin, Terraform fan",LinkedIn,45-54
@ed,#DisasterRecovery and Terraform,Mastodon,55-64
@fay,"Dad, runner, coffee snob",Facebook,35-44
@gus,Runner and photographer,,
@hal,,LinkedIn,25-34
`

// TestFollowers uploads follower exports (CSV, then JSONL), reads the
// stored report and its term cloud, and checks that a bad or too large file
// is refused with its line and column and leaves the stored report alone.
func TestFollowers(t *testing.T) {
	e := newEnv(t, api.Options{})
	id := e.must(201, "POST", "/v1/communities", e.admin, communityBody("IT admins"))["id"].(string)
	path := "/v1/communities/" + id + "/followers"
	upload := func(ctype, body string) resp { return e.do("POST", path, e.admin, body, "Content-Type", ctype) }

	// Nothing analysed yet.
	for _, p := range []string{path, path + "/cloud.svg"} {
		if r := e.do("GET", p, e.admin, nil); r.status != 404 {
			t.Errorf("GET %s before any upload: %d", p, r.status)
		}
	}

	csv := "Handle,Bio,Network,Age bracket\n" + strings.Repeat(followerRows, 4)
	r := upload("text/csv; charset=utf-8", csv)
	if r.status != 201 || r.header.Get("Location") != path {
		t.Fatalf("CSV upload: %d %v %s", r.status, r.header, r.body)
	}
	report := r.json(t)
	onTarget := report["on_target"].(map[string]any)
	// Backups, disaster recovery, backup, #DisasterRecovery: 4 of the 7
	// bios of each round are the community's people.
	if report["followers"] != 32.0 || report["bios"] != 28.0 || onTarget["count"] != 16.0 {
		t.Errorf("report: followers %v, bios %v, on target %v", report["followers"], report["bios"], onTarget)
	}
	terms := map[string]bool{}
	for _, tm := range report["terms"].([]any) {
		terms[tm.(map[string]any)["term"].(string)] = true
	}
	if !terms["kubernetes"] || !terms["terraform"] {
		t.Errorf("terms %v", terms)
	}
	// Only aggregates are kept: no handle, no bio.
	stored := e.do("GET", path, e.admin, nil)
	if stored.status != 200 || !reflect.DeepEqual(stored.json(t), report) {
		t.Fatalf("GET after upload: %d %s", stored.status, stored.body)
	}
	for _, s := range []string{"@ada", "@gus", "Sysadmin. Backups", "Dad, runner"} {
		if strings.Contains(string(stored.body), s) {
			t.Errorf("the stored report holds %q", s)
		}
	}

	// The cloud: an SVG with a CSP that allows nothing.
	svg := e.do("GET", path+"/cloud.svg", e.admin, nil)
	if svg.status != 200 || svg.header.Get("Content-Type") != "image/svg+xml" ||
		!strings.Contains(svg.header.Get("Content-Security-Policy"), "default-src 'none'") ||
		svg.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("cloud.svg: %d %v", svg.status, svg.header)
	}
	if b := string(svg.body); !strings.HasPrefix(b, "<svg") || !strings.Contains(b, ">kubernetes<") || strings.Contains(b, "<script") {
		t.Errorf("cloud.svg body: %.200s", b)
	}

	// JSONL replaces the analysis.
	var jsonl strings.Builder
	for i := 0; i < 3; i++ {
		for _, bio := range []string{"Backup and restore nerd", "Disaster recovery planner", "Backups on Sundays", "Gardener"} {
			b, _ := json.Marshal(map[string]any{"bio": bio, "network": "linkedin", "birth_year": 1980, "handle": "@x"})
			jsonl.Write(b)
			jsonl.WriteString("\n")
		}
	}
	for _, ctype := range []string{"application/x-ndjson", "application/jsonl"} {
		r := upload(ctype, jsonl.String())
		if r.status != 201 || r.json(t)["followers"] != 12.0 {
			t.Fatalf("JSONL upload as %s: %d %s", ctype, r.status, r.body)
		}
	}
	latest := e.must(200, "GET", path, e.admin, nil)
	if latest["followers"] != 12.0 || latest["on_target"].(map[string]any)["count"] != 9.0 {
		t.Errorf("latest report: %v %v", latest["followers"], latest["on_target"])
	}

	// Bad files: 400 naming the line and column; the stored report stays.
	bad := []struct {
		name, ctype, body string
		line, column      int
		field             string
	}{
		{"bad birth year", "text/csv", "bio,birth_year\nSysadmin,1980\nBackup fan,19x5\n", 3, 12, "birth_year"},
		{"unclosed quote", "text/csv", "bio,network\n\"Sysadmin,linkedin\n", 2, 0, ""},
		{"no bio column", "text/csv", "handle,network\n@a,linkedin\n", 1, 0, ""},
		{"malformed JSONL", "application/x-ndjson", `{"bio": "Sysadmin"}` + "\n" + `{"bio": "Backup fan",}` + "\n", 2, 0, ""},
		{"header only", "text/csv", "bio,network\n", 1, 0, ""},
		{"only blank rows", "text/csv", "bio,network\n,\n , \n", 1, 0, ""},
		{"empty JSONL", "application/x-ndjson", "\n\n", 1, 0, ""},
		{"UTF-16", "text/csv", "\xFF\xFEb\x00i\x00o\x00\n\x00", 1, 0, ""},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			r := upload(tc.ctype, tc.body)
			if r.status != 400 {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			m := r.json(t)
			code, field := r.errCode(t)
			if code != "invalid" || int(m["line"].(float64)) != tc.line || (tc.column > 0 && int(m["column"].(float64)) != tc.column) ||
				(tc.field != "" && field != tc.field) {
				t.Errorf("got %s", r.body)
			}
			msg := m["error"].(map[string]any)["message"].(string)
			if !strings.Contains(msg, "line ") || strings.Contains(msg, "Backup fan") {
				t.Errorf("message %q: should name the line and never quote a bio", msg)
			}
		})
	}
	if now := e.must(200, "GET", path, e.admin, nil); !reflect.DeepEqual(now, latest) {
		t.Errorf("a refused file changed the stored report")
	}

	// Too large, wrong type, wrong key.
	big := "bio\n" + strings.Repeat("Backup and restore nerd, coffee drinker\n", domain.MaxUploadBytes/40+1)
	if r := upload("text/csv", big); r.status != 413 {
		t.Errorf("file over %d bytes: %d", domain.MaxUploadBytes, r.status)
	} else if code, _ := r.errCode(t); code != "too_large" {
		t.Errorf("file too large: code %s", code)
	}
	if r := upload("application/json", `{"bio":"x"}`); r.status != 415 {
		t.Errorf("JSON body: %d", r.status)
	}
	if r := upload("text/csv; charset=latin1", csv); r.status != 415 {
		t.Errorf("latin1: %d", r.status)
	}
	if r := e.do("POST", path, e.ingest, csv, "Content-Type", "text/csv", "Origin", testOrigin); r.status != 403 {
		t.Errorf("ingest key: %d", r.status)
	}
}
