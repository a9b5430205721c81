package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// The engine's fixture community and a draft written for it.
const (
	itAdmins  = "../../internal/scoring/testdata/communities/itadmins.json"
	foodLover = "../../internal/scoring/testdata/communities/foodlovers.json"
	goodDraft = "testdata/score/backup-checklist.txt"
)

// runCmd runs the sweetspot command line in-process with its own streams.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errOut,
		getenv: func(string) string { return "" },
	}
	code = run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

// readFile returns a test fixture's content.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// writeTemp writes content to a new file in a test's temporary folder.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// decodeResult strictly decodes the command's JSON output.
func decodeResult(t *testing.T, stdout string) scoring.Result {
	t.Helper()
	var r scoring.Result
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("output is not a scoring.Result: %v\n%s", err, stdout)
	}
	return r
}

// TestScoreJSON checks that every way of passing the draft gives the same,
// valid, byte-stable result.
func TestScoreJSON(t *testing.T) {
	draft := readFile(t, goodDraft)
	_, want, _ := runCmd(t, draft, "score", "--audience", itAdmins, "--network", "linkedin", "--title", "Backups")
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"stdin", draft, []string{"--audience", itAdmins, "--network", "linkedin", "--title", "Backups"}},
		{"body file", "", []string{"--audience", itAdmins, "--network", "linkedin", "--title", "Backups", "--body-file", goodDraft}},
		{"body file dash is stdin", draft, []string{"--audience", itAdmins, "--network", "linkedin", "--title", "Backups", "--body-file", "-"}},
		{"explicit json format", draft, []string{"--format", "json", "--audience", itAdmins, "--network", "linkedin", "--title", "Backups"}},
		{"single-dash flags and case-insensitive network", draft, []string{"-audience", itAdmins, "-network", "LinkedIn", "-title", "Backups"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.stdin, append([]string{"score"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
			if stdout != want {
				t.Errorf("output differs from the first run:\n%s\nwant\n%s", stdout, want)
			}
			r := decodeResult(t, stdout)
			if r.Version != scoring.Version {
				t.Errorf("version = %q, want %q", r.Version, scoring.Version)
			}
			if r.Score < 0 || r.Score > 100 {
				t.Errorf("score %d out of range", r.Score)
			}
			if !strings.HasPrefix(stdout, "{\n  \"score\": ") || !strings.HasSuffix(stdout, "}\n") {
				t.Errorf("output is not indented JSON ending in a newline:\n%s", stdout)
			}
		})
	}
}

// TestScoreNetworkAlias checks --network accepts the engine's aliases and
// any case, and passes the canonical id on.
func TestScoreNetworkAlias(t *testing.T) {
	draft := readFile(t, goodDraft)
	_, want, _ := runCmd(t, draft, "score", "--audience", itAdmins, "--network", "twitter")
	for _, n := range []string{"x", "X", "Twitter"} {
		code, got, stderr := runCmd(t, draft, "score", "--audience", itAdmins, "--network", n)
		if code != 0 || got != want {
			t.Errorf("--network %s: exit %d (%s), output differs from --network twitter", n, code, stderr)
		}
	}
	var target string
	for _, nf := range decodeResult(t, want).Networks {
		if nf.Target {
			target = nf.ID
		}
	}
	if target != "twitter" {
		t.Errorf("target network = %q, want twitter", target)
	}
}

// TestScoreTruncated checks a draft longer than the engine analyses is
// scored, with a note on stderr and in the text table.
func TestScoreTruncated(t *testing.T) {
	long := strings.Repeat(readFile(t, goodDraft)+"\n", scoring.MaxBodyBytes/len(readFile(t, goodDraft))+1)
	for _, format := range []string{"json", "text"} {
		code, stdout, stderr := runCmd(t, long, "score", "--audience", itAdmins, "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if !strings.Contains(stderr, "only its beginning was scored") {
			t.Errorf("%s: stderr %q lacks the truncation note", format, stderr)
		}
		if format == "json" && !decodeResult(t, stdout).Truncated {
			t.Errorf("json: truncated not set")
		}
		if format == "text" && !strings.Contains(stdout, "only its beginning was scored") {
			t.Errorf("text: no truncation note in\n%s", stdout)
		}
	}
}

// TestScoreMatchesEngine checks the CLI prints exactly what the engine
// computes for the same content and audience.
func TestScoreMatchesEngine(t *testing.T) {
	var a scoring.Audience
	if err := json.Unmarshal([]byte(readFile(t, itAdmins)), &a); err != nil {
		t.Fatal(err)
	}
	want, err := scoring.Score(scoring.Content{Title: "T", Body: readFile(t, goodDraft), Network: "email", Kind: "checklist"}, a)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, readFile(t, goodDraft), "score", "--audience", itAdmins, "--title", "T", "--network", "email", "--kind", "checklist")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := json.Marshal(decodeResult(t, stdout))
	wantJSON, _ := json.Marshal(want)
	if !bytes.Equal(got, wantJSON) {
		t.Errorf("CLI result differs from scoring.Score:\n%s\nwant\n%s", got, wantJSON)
	}
}

// TestScoreText checks the readable table carries the overall verdict and
// one row per check, generation and network of the JSON result.
func TestScoreText(t *testing.T) {
	draft := readFile(t, goodDraft)
	args := []string{"score", "--audience", itAdmins, "--network", "linkedin"}
	code, stdout, stderr := runCmd(t, draft, args...)
	if code != 0 {
		t.Fatalf("json run: exit %d: %s", code, stderr)
	}
	r := decodeResult(t, stdout)

	code, text, stderr := runCmd(t, draft, append(args, "--format", "text")...)
	if code != 0 {
		t.Fatalf("text run: exit %d: %s", code, stderr)
	}
	wantLines := []string{
		"Score " + strconv.Itoa(r.Score) + "/100 (" + r.Rating + ")",
		`for "B2B IT administrators" on linkedin, model ` + scoring.Version,
		"language: en (modelled)",
	}
	if f := strings.Fields(strings.Split(text, "\n")[3]); strings.Join(f, " ") != "CHECK SCORE RATING MESSAGE / SUGGESTION" {
		t.Errorf("line 4 is not the table header: %q", f)
	}
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d ends in spaces: %q", i+1, line)
		}
	}
	if len(r.Checks) != len(scoring.CheckIDs()) || len(r.Generations) == 0 || len(r.Networks) == 0 {
		t.Fatalf("fixture result lacks checks, generations or networks: %+v", r)
	}
	for _, c := range r.Checks {
		wantLines = append(wantLines, clean(c.Message))
		if c.Suggestion != "" {
			wantLines = append(wantLines, "-> "+clean(c.Suggestion))
		}
	}
	for _, g := range r.Generations {
		wantLines = append(wantLines, g.ID)
	}
	for _, n := range r.Networks {
		wantLines = append(wantLines, n.ID+" ", thousands(n.Members)+" members")
	}
	for _, w := range wantLines {
		if !strings.Contains(text, w) {
			t.Errorf("text output lacks %q:\n%s", w, text)
		}
	}
	// One table row per check, starting with its id and score.
	for _, c := range r.Checks {
		found := false
		for _, line := range strings.Split(text, "\n") {
			f := strings.Fields(line)
			if len(f) >= 3 && f[0] == c.ID && f[1] == strconv.Itoa(c.Score) && f[2] == c.Rating {
				found = true
			}
		}
		if !found {
			t.Errorf("no row %q %d %q in:\n%s", c.ID, c.Score, c.Rating, text)
		}
	}
}

// TestScoreErrors checks every kind of bad input fails with the right exit
// code and a message that names the problem, and prints no result.
func TestScoreErrors(t *testing.T) {
	draft := readFile(t, goodDraft)
	audience := func(content string) string { return writeTemp(t, "audience.json", content) }
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []string // substrings of stderr
	}{
		{"missing audience", nil, draft, 2, []string{"missing --audience"}},
		{"unknown flag", []string{"--audience", itAdmins, "--bogus"}, draft, 2, []string{"-bogus", "sweetspot score -h"}},
		{"flag without value", []string{"--audience"}, draft, 2, []string{"flag needs an argument", "audience"}},
		{"positional argument", []string{"--audience", itAdmins, "draft.txt"}, draft, 2, []string{`unexpected argument "draft.txt"`, "--body-file"}},
		{"unknown format", []string{"--audience", itAdmins, "--format", "yaml"}, draft, 2, []string{`unknown --format "yaml"`, "json or text"}},
		{"unknown network", []string{"--audience", itAdmins, "--network", "myspace"}, draft, 2, []string{`unknown --network "myspace"`, "linkedin"}},
		{"unknown kind", []string{"--audience", itAdmins, "--kind", "spam"}, draft, 2, []string{`unknown --kind "spam"`, "checklist"}},
		{"min-score out of range", []string{"--audience", itAdmins, "--min-score", "101"}, draft, 2, []string{"--min-score 101", "0 to 100"}},
		{"min-score not a number", []string{"--audience", itAdmins, "--min-score", "high"}, draft, 2, []string{"min-score", "high"}},
		{"audience missing", []string{"--audience", "testdata/score/nope.json"}, draft, 1, []string{"cannot read testdata/score/nope.json", "no such file"}},
		{"audience is a folder", []string{"--audience", "testdata"}, draft, 1, []string{"cannot read testdata: it is a directory"}},
		{"audience empty", []string{"--audience", audience(" \n")}, draft, 1, []string{"empty"}},
		{"audience not an object", []string{"--audience", audience(`["backup"]`)}, draft, 1, []string{"expected a JSON object", "got a list"}},
		{"audience null", []string{"--audience", audience(`null`)}, draft, 1, []string{"expected a JSON object", "got null"}},
		{"malformed json", []string{"--audience", audience("{\n  \"name\": \"x\",\n  \"interests\": [}\n")}, draft, 1, []string{"malformed JSON at line 3, column 17", "invalid character '}'"}},
		{"truncated json", []string{"--audience", audience(`{"name": "x", "interests": [`)}, draft, 1, []string{"malformed JSON", "ends before"}},
		{"trailing data", []string{"--audience", audience("{\"name\": \"x\"}\n{}")}, draft, 1, []string{"line 2, column 1", "unexpected data after"}},
		{"unknown field", []string{"--audience", audience("{\"name\": \"x\",\n \"intrests\": []}")}, draft, 1, []string{`unknown field "intrests"`, "line 2"}},
		{"wrong type top field", []string{"--audience", audience(`{"name": 3}`)}, draft, 1, []string{`field "name"`, "expected a string, got JSON number"}},
		{"wrong type in list", []string{"--audience", audience(`{"name": "x", "interests": [{"term": "backup"}, {"term": "restore", "weight": "high"}]}`)}, draft, 1, []string{`field "interests[1].weight"`, "expected a number, got JSON string"}},
		{"wrong type in map", []string{"--audience", audience(`{"name": "x", "interests": [{"term": "backup"}], "networks": {"linkedin": "many"}}`)}, draft, 1, []string{`field "networks.linkedin"`, "expected a number"}},
		{"wrong type list", []string{"--audience", audience(`{"name": "x", "interests": "backup"}`)}, draft, 1, []string{`field "interests"`, "expected a list"}},
		{"engine: no interests", []string{"--audience", audience(`{"name": "x", "interests": []}`)}, draft, 1, []string{`invalid field "interests"`, "at least one interest"}},
		{"engine: weight out of range", []string{"--audience", audience(`{"name": "x", "interests": [{"term": "backup"}, {"term": "restore", "weight": 11}]}`)}, draft, 1, []string{`invalid field "interests[1].weight"`, "between 0 and 10"}},
		{"engine: unknown generation", []string{"--audience", audience(`{"name": "x", "interests": [{"term": "backup"}], "generations": {"silent": 0.2}}`)}, draft, 1, []string{`invalid field "generations.silent"`, "unknown generation"}},
		{"engine: unknown network key", []string{"--audience", audience(`{"name": "x", "interests": [{"term": "backup"}], "networks": {"myspace": 10}}`)}, draft, 1, []string{`invalid field "networks.myspace"`, "unknown network"}},
		{"engine: unknown disabled check", []string{"--audience", audience(`{"name": "x", "interests": [{"term": "backup"}], "disabled": ["spelling"]}`)}, draft, 1, []string{`invalid field "disabled[0]"`, "spelling"}},
		{"empty draft", []string{"--audience", itAdmins}, " \n\t\n", 1, []string{"standard input is empty", "nothing to score"}},
		{"empty draft file", []string{"--audience", itAdmins, "--body-file", writeTemp(t, "draft.txt", "")}, "", 1, []string{"draft.txt is empty"}},
		{"draft file missing", []string{"--audience", itAdmins, "--body-file", "testdata/score/nope.txt"}, "", 1, []string{"draft: cannot read testdata/score/nope.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.stdin, append([]string{"score"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if !strings.HasPrefix(stderr, "sweetspot score: ") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr should be one line starting with the command: %q", stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
		})
	}
}

// TestScoreDraftTooLarge checks the documented draft limit is enforced on
// both input paths.
func TestScoreDraftTooLarge(t *testing.T) {
	big := strings.Repeat("backup ", maxDraftBytes/7+1)
	file := writeTemp(t, "big.txt", big)
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
	}{
		{"stdin", big, nil},
		{"body file", "", []string{"--body-file", file}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tc.stdin, append([]string{"score", "--audience", itAdmins}, tc.args...)...)
			if code != 1 || stdout != "" || !strings.Contains(stderr, "larger than") {
				t.Errorf("exit %d, stdout %d bytes, stderr %q; want exit 1 and a size error", code, len(stdout), stderr)
			}
		})
	}
}

// TestScoreMinScore checks the CI gate: exit 3 below the threshold, with
// the result still printed so the pipeline log shows why.
func TestScoreMinScore(t *testing.T) {
	draft := readFile(t, goodDraft)
	_, stdout, _ := runCmd(t, draft, "score", "--audience", foodLover)
	score := decodeResult(t, stdout).Score
	if score >= 100 {
		t.Fatalf("fixture scores %d: pick a draft that does not fit the food community perfectly", score)
	}
	tests := []struct {
		name string
		min  int
		code int
	}{
		{"at the score", score, 0},
		{"just above the score", score + 1, exitBelowMinScore},
		{"the maximum", 100, exitBelowMinScore},
		{"zero disables", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCmd(t, draft, "score", "--audience", foodLover, "--min-score", strconv.Itoa(tt.min))
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if out != stdout {
				t.Errorf("result not printed in full:\n%s", out)
			}
			if tt.code == exitBelowMinScore && !strings.Contains(stderr, "score "+strconv.Itoa(score)+" is below --min-score "+strconv.Itoa(tt.min)) {
				t.Errorf("stderr %q does not explain the gate", stderr)
			}
			if tt.code == 0 && stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
		})
	}
}

// TestScoreHelp checks -h prints the usage and succeeds.
func TestScoreHelp(t *testing.T) {
	for _, arg := range []string{"-h", "--help"} {
		code, stdout, stderr := runCmd(t, "", "score", arg)
		if code != 0 || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q", arg, code, stderr)
		}
		for _, w := range []string{"--audience", "--body-file", "--min-score", "exit status"} {
			if !strings.Contains(stdout, w) {
				t.Errorf("%s: usage lacks %q", arg, w)
			}
		}
	}
}

// TestClean checks engine text that quotes the draft cannot drive the
// terminal or break the table.
func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"red \x1b[31malert\x1b[0m", "red \uFFFD[31malert\uFFFD[0m"},
		{"tab\there\nnewline\r", "tab here newline "},
		{"bell\a and C1 \u009b", "bell\uFFFD and C1 \uFFFD"},
		{"bad utf-8 \xff", "bad utf-8 \uFFFD"},
		{"emoji 🎉 and 日本語 kept", "emoji 🎉 and 日本語 kept"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLineCol checks positions count lines from 1 and columns in characters.
func TestLineCol(t *testing.T) {
	data := []byte("ab\ncdé\nf")
	tests := []struct {
		offset    int64
		line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 2, 4}, {8, 3, 1}, {99, 3, 2}, {-1, 1, 1},
	}
	for _, tt := range tests {
		if l, c := lineCol(data, tt.offset); l != tt.line || c != tt.col {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", tt.offset, l, c, tt.line, tt.col)
		}
	}
}

// TestScoreBinary builds the real binary and runs it as a subprocess: the
// exit codes and streams a shell or CI pipeline sees.
func TestScoreBinary(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to build the binary: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "sweetspot")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		name   string
		args   []string
		stdin  string // a file to redirect, or "" for none
		code   int
		stdout string // a substring
		stderr string // a substring
	}{
		{"json from a redirect", []string{"score", "--audience", itAdmins}, goodDraft, 0, `"version": "` + scoring.Version + `"`, ""},
		{"text from a body file", []string{"score", "--audience", itAdmins, "--body-file", goodDraft, "--format", "text"}, "", 0, "MESSAGE / SUGGESTION", ""},
		{"gate", []string{"score", "--audience", itAdmins, "--min-score", "100"}, goodDraft, exitBelowMinScore, `"score": `, "is below --min-score 100"},
		{"usage error", []string{"score", "--format", "xml"}, goodDraft, 2, "", "missing --audience"},
		{"bad data", []string{"score", "--audience", goodDraft}, goodDraft, 1, "", "malformed JSON at line 1, column 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			if tt.stdin != "" {
				f, err := os.Open(tt.stdin)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				cmd.Stdin = f
			}
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut.String())
			}
			if !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, out.String())
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr lacks %q: %q", tt.stderr, errOut.String())
			}
			if tt.stderr == "" && errOut.Len() > 0 {
				t.Errorf("stderr = %q, want nothing", errOut.String())
			}
		})
	}
}

// TestScoreCancelWhileReading checks Ctrl-C (the context main cancels)
// ends a command waiting on a pipe that never closes.
func TestScoreCancelWhileReading(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, env{stdin: pr, stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }},
			[]string{"score", "--audience", itAdmins})
	}()
	if _, err := pw.Write([]byte("The first half of a draft, then the writer stalls")); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 1 || !strings.Contains(errOut.String(), "context canceled") || out.Len() != 0 {
			t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and a cancellation message", code, out.String(), errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("score kept waiting on stdin after its context was cancelled")
	}
}
