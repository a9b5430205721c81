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
		{"malformed line", historyJSONL(3) + `{"title": "x", "engagement": 4` + "\n", 1, "line 4: malformed JSON"},
		{"missing engagement", `{"title": "x"}` + "\n", 1, `line 1: missing "engagement"`},
		{"negative engagement", `{"title": "x", "engagement": -2}` + "\n", 1, "0 or more"},
		{"unknown field", `{"title": "x", "engagement": 2, "likes": 3}` + "\n", 1, `unknown field "likes"`},
		{"unknown network", `{"title": "x", "engagement": 2, "network": "myspace"}` + "\n", 1, "unknown network"},
		{"not an object", `[1, 2]` + "\n", 1, "expected a JSON object"},
		{"empty post", `{"engagement": 2}` + "\n", 1, "empty post"},
		{"bad date", `{"title": "x", "engagement": 2, "created": "2026-3-1"}` + "\n", 1, `"created" "2026-3-1"`},
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
