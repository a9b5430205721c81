package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/calibration"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// historyJSONL is n posts on the community's topics where the ones that
// mention the Friday clinic earn ten times the engagement of the others (a
// signal the uncalibrated score cannot know), dated in order.
func historyJSONL(n int) string {
	topics := []string{"backup", "patch management", "server restore", "ransomware", "cloud storage"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		topic := topics[i%len(topics)]
		line := map[string]any{"title": "Notes on " + topic, "body": "Tips on " + topic + " for your team this month. What do you do first?",
			"network": "linkedin", "engagement": 10 + i%7, "created": "2026-01-" + strconv.Itoa(10+i%20)}
		if i%3 == 0 {
			line["body"], line["engagement"] = "Our Friday clinic on "+topic+": bring your questions. What do you do first?", 100+i%13
		}
		j, _ := json.Marshal(line)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestCalibrate(t *testing.T) {
	dir := t.TempDir()
	hist := filepath.Join(dir, "h.jsonl")
	if err := os.WriteFile(hist, []byte(historyJSONL(90)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "c.json")
	code, stdout, stderr := runCmd(t, "", "calibrate", "--audience", itAdmins, "--history", hist, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep calibration.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, stdout)
	}
	if !rep.Applied || rep.Posts != 90 {
		t.Fatalf("report %+v", rep)
	}
	// The written audience is one `score` accepts, and it scores calibrated.
	code, stdout, stderr = runCmd(t, "Restore one server every month and time it. What would you restore first?", "score", "--audience", out)
	if code != 0 {
		t.Fatalf("score with the calibrated audience: exit %d: %s", code, stderr)
	}
	var r scoring.Result
	if err := json.Unmarshal([]byte(stdout), &r); err != nil || r.Calibrated == nil || r.Calibrated.Posts != 90 {
		t.Errorf("result not calibrated (%v): %s", err, stdout)
	}
}

func TestCalibrateBadInput(t *testing.T) {
	cases := []struct {
		name, history string
		code          int
		want          string
	}{
		{"malformed line", historyJSONL(3) + `{"title": "x", "engagement": 4` + "\n", 1, "line 4, column 30: not valid JSON"},
		{"missing engagement", `{"title": "x"}` + "\n", 1, "line 1: no engagement"},
		{"negative engagement", `{"title": "x", "engagement": -2}` + "\n", 1, "line 1, column 30: engagement: must be from 0"},
		{"a metric out of range", `{"title": "x", "reactions": 1e30}` + "\n", 1, "line 1, column 29: reactions: must be from 0"},
		{"no engagement and no metric", `{"title": "x", "likes_count": 3}` + "\n", 1, "line 1: no engagement"},
		{"UTF-16", "\xFF\xFE{\x00", 1, "UTF-16"},
		{"a date before 1990", `{"title": "x", "engagement": 2, "created": "0001-01-01"}` + "\n", 1, "from 1990 to 2100"},
		{"unknown network", `{"title": "x", "engagement": 2, "network": "myspace"}` + "\n", 1, "unknown network"},
		{"not an object", `[1, 2]` + "\n", 1, "line 1: not a JSON object"},
		{"empty post", `{"engagement": 2}` + "\n", 1, "empty post"},
		{"bad date", `{"title": "x", "engagement": 2, "created": "2026-3-1"}` + "\n", 1, `line 1, column 44: published: not a date: "2026-3-1"`},
		{"some posts dated", `{"title": "a post", "engagement": 2, "created": "2026-03-01"}` + "\n" + `{"title": "another post", "engagement": 3}` + "\n", 1, "give every post one, or none"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tc.history, "calibrate", "--audience", itAdmins, "--history", "-")
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}
	// Too few posts is not an error: the report says why, nothing is written.
	out := filepath.Join(t.TempDir(), "c.json")
	code, stdout, stderr := runCmd(t, historyJSONL(5), "calibrate", "--audience", itAdmins, "--history", "-", "--out", out)
	if code != 0 || !strings.Contains(stdout, `"applied": false`) || !strings.Contains(stdout, "too few posts") {
		t.Errorf("exit %d: %s %s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("an audience was written for a calibration not applied")
	}
	if code, _, _ := runCmd(t, "", "calibrate", "--history", "-"); code != 2 {
		t.Errorf("missing --audience: exit %d, want 2", code)
	}
}

// TestCalibrateHistoryShapes: the same posts written as the API's history
// files are (published, reactions) and as data sets and exports carry them
// (ids, kinds and counts beside the engagement) calibrate exactly as the
// CLI's own shape does.
func TestCalibrateHistoryShapes(t *testing.T) {
	report := func(history string) string {
		t.Helper()
		code, stdout, stderr := runCmd(t, history, "calibrate", "--audience", itAdmins, "--history", "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return stdout
	}
	reshape := func(f func(map[string]any)) string {
		var b strings.Builder
		for _, line := range strings.Split(strings.TrimSpace(historyJSONL(90)), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatal(err)
			}
			f(m)
			j, _ := json.Marshal(m)
			b.Write(j)
			b.WriteByte('\n')
		}
		return b.String()
	}
	want := report(historyJSONL(90))
	if !strings.Contains(want, `"applied": true`) {
		t.Fatalf("the base history is not calibrated: %s", want)
	}
	for name, history := range map[string]string{
		"API file": reshape(func(m map[string]any) {
			m["published"], m["reactions"] = m["created"], m["engagement"]
			delete(m, "created")
			delete(m, "engagement")
		}),
		"data set lines": reshape(func(m map[string]any) {
			m["id"], m["split"], m["engagement_kind"], m["comments"] = "medium:1", "profile", "medium_claps", 7
		}),
		"dates with a zone":                    reshape(func(m map[string]any) { m["created"] = m["created"].(string) + "T09:00:00+00:00" }),
		"lone CR line ends, a byte order mark": "\uFEFF" + strings.ReplaceAll(historyJSONL(90), "\n", "\r"),
	} {
		if got := report(history); got != want {
			t.Errorf("%s: report\n%s\nwant\n%s", name, got, want)
		}
	}
}

func TestHistoryLineDates(t *testing.T) {
	for _, tc := range []struct{ created, want string }{
		{"2024-01-02", "2024-01-02T00:00:00Z"},
		{"2024-01-02T01:00:00+05:00", "2024-01-01T20:00:00Z"}, // before the next one, in UTC
		{"2024-01-01T22:00:00Z", "2024-01-01T22:00:00Z"},
		{"2024-01-01T22:00:00.5Z", "2024-01-01T22:00:00Z"},
	} {
		p, le := parseHistoryLine([]byte(`{"title": "x", "engagement": 1, "created": "` + tc.created + `"}`))
		if le != nil || p.Created != tc.want {
			t.Errorf("created %q: %q (%v), want %q", tc.created, p.Created, le, tc.want)
		}
	}
}
