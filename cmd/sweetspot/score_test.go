package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
		for _, w := range []string{"--audience", "--body-file", "--min-score", "--jsonl", "exit status"} {
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

// jsonlOut is one decoded line of `score --jsonl` output: a result (Result
// set) or an error line (Line and Error set).
type jsonlOut struct {
	ID     string
	Line   int
	Error  string
	Result *scoring.Result
}

// decodeJSONL strictly decodes every line of `score --jsonl` output, and
// checks each is one compact JSON object whose first field is the id.
func decodeJSONL(t *testing.T, stdout string) []jsonlOut {
	t.Helper()
	if stdout == "" {
		return nil
	}
	if !strings.HasSuffix(stdout, "\n") {
		t.Fatalf("output does not end in a newline: %q", stdout)
	}
	var outs []jsonlOut
	for i, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if !json.Valid([]byte(line)) || !strings.HasPrefix(line, `{"id":"`) {
			t.Fatalf("output line %d is not a JSON object starting with the id: %q", i+1, line)
		}
		var keys map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &keys); err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if _, ok := keys["error"]; ok {
			var e jsonlError
			if err := dec.Decode(&e); err != nil {
				t.Fatalf("output line %d is not an error line: %v\n%s", i+1, err, line)
			}
			outs = append(outs, jsonlOut{ID: e.ID, Line: e.Line, Error: e.Error})
			continue
		}
		var r struct {
			ID string `json:"id"`
			scoring.Result
		}
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("output line %d is not an id and a scoring.Result: %v\n%s", i+1, err, line)
		}
		outs = append(outs, jsonlOut{ID: r.ID, Result: &r.Result})
	}
	return outs
}

// draftLine returns one --jsonl input line (without its ending) for a draft.
func draftLine(t *testing.T, d jsonlDraft) string {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestScoreJSONL checks batch scoring line by line: good lines are scored
// as the single-draft mode scores them, bad lines are reported in place
// (stdout and stderr, with the right line number) without stopping the
// others, and the exit status sums it up.
func TestScoreJSONL(t *testing.T) {
	body := readFile(t, goodDraft)
	good := draftLine(t, jsonlDraft{ID: "a1", Title: "Backups", Body: body, Network: "linkedin"})
	good2 := draftLine(t, jsonlDraft{ID: "a2", Body: body, Network: "X", Kind: " Checklist "})
	good3 := draftLine(t, jsonlDraft{ID: "<a3 & co>", Body: body})
	short := `{"id":"s1","body":"Backups matter."}`

	// An outcome is a result with id (line 0) or an error line whose
	// message contains err.
	type outcome struct {
		id   string
		line int
		err  string
	}
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		want   []outcome
		stderr []string // substrings; nil means stderr must be empty
	}{
		{"several good lines", good + "\n" + good2 + "\n" + good3 + "\n" + short + "\n", nil, 0,
			[]outcome{{"a1", 0, ""}, {"a2", 0, ""}, {"<a3 & co>", 0, ""}, {"s1", 0, ""}}, nil},
		{"no final newline", good + "\n" + good2, nil, 0, []outcome{{"a1", 0, ""}, {"a2", 0, ""}}, nil},
		{"empty input", "", nil, 0, nil, nil},
		{"UTF-16", "\xFF\xFE{\x00\"\x00", nil, 1, nil, []string{"UTF-16"}},
		{"blank lines skipped but counted", "\n" + good + "\n\n  \t\n\r\n" + `{"id":"b","network":"myspace"}` + "\n\n", nil, 1,
			[]outcome{{"a1", 0, ""}, {"b", 6, `unknown network "myspace"`}}, []string{"line 6: unknown network", "1 of 2 lines could not be scored"}},
		{"CRLF line endings", good + "\r\n" + good2 + "\r\n\r\n" + `{"id":"c",}` + "\r\n" + good3 + "\r\n", nil, 1,
			[]outcome{{"a1", 0, ""}, {"a2", 0, ""}, {"", 4, "malformed JSON at column 11: invalid character '}'"}, {"<a3 & co>", 0, ""}},
			[]string{"line 4: malformed JSON at column 11"}},
		{"byte order mark", "\uFEFF" + good + "\n", nil, 0, []outcome{{"a1", 0, ""}}, nil},
		{"malformed line in the middle", good + "\n" + `{"id": "m", "body": "text" "title": "x"}` + "\n" + good2 + "\n", nil, 1,
			[]outcome{{"a1", 0, ""}, {"", 2, "malformed JSON at column 28: invalid character '\"' after object key:value pair"}, {"a2", 0, ""}},
			[]string{"sweetspot score: line 2: malformed JSON at column 28", "1 of 3 lines could not be scored"}},
		{"line ends early", `{"id": "t", "body": "te` + "\n" + good + "\n", nil, 1,
			[]outcome{{"", 1, "malformed JSON at column 24: the line ends before the object is complete"}, {"a1", 0, ""}}, []string{"line 1: malformed"}},
		{"two objects on a line", `{"id":"x"} {"id":"y"}` + "\n", nil, 1,
			[]outcome{{"", 1, "column 12: invalid character '{' after top-level value"}}, []string{"line 1: "}},
		{"not an object", "[\"a1\"]\nnull\n\"a1\"\n", nil, 1,
			[]outcome{{"", 1, "expected a JSON object"}, {"", 2, "got null"}, {"", 3, "got a string"}}, []string{"line 1: ", "line 2: ", "line 3: "}},
		{"other keys ignored, each named once (a data set's line, a typo)", `{"id":"u","body":"text","tags":["x"],"engagement":12,"split":"heldout"}` + "\n" + `{"id":"v","tittle":"x","body":"y","split":"profile"}` + "\n" + good + "\n", nil, 0,
			[]outcome{{"u", 0, ""}, {"v", 0, ""}, {"a1", 0, ""}}, []string{`line 1: note: key "engagement" ignored`, `line 1: note: key "split" ignored`, `line 1: note: key "tags" ignored`, `line 2: note: key "tittle" ignored`}},
		{"missing id", `{"body":"text"}` + "\n" + `{"id":"","body":"text"}` + "\n" + `{"id":null}` + "\n" + good + "\n", nil, 1,
			[]outcome{{"", 1, `missing "id"`}, {"", 2, `missing "id"`}, {"", 3, `missing "id"`}, {"a1", 0, ""}},
			[]string{"line 1: missing", "line 2: missing", "line 3: missing", "3 of 4 lines"}},
		{"wrong types", `{"id":"w","title":7}` + "\n" + `{"id":3,"body":"x"}` + "\n" + `{"id":"w3","body":["x"]}` + "\n", nil, 1,
			[]outcome{{"w", 1, `field "title": expected a string, got JSON number`}, {"", 2, `field "id": expected a string, got JSON number`}, {"w3", 3, `field "body": expected a string, got JSON array`}},
			[]string{`line 1: field "title"`, `line 2: field "id"`, `line 3: field "body"`}},
		{"unknown network and kind", `{"id":"n","body":"x","network":"myspace"}` + "\n" + `{"id":"k","body":"x","kind":"spam"}` + "\n" + good + "\n", nil, 1,
			[]outcome{{"n", 1, `unknown network "myspace": use one of`}, {"k", 2, `unknown kind "spam": use one of`}, {"a1", 0, ""}},
			[]string{`line 1: unknown network "myspace"`, `line 2: unknown kind "spam"`}},
		{"from a body file", "", []string{"--body-file", writeTemp(t, "drafts.jsonl", good+"\n"+good2+"\n")}, 0,
			[]outcome{{"a1", 0, ""}, {"a2", 0, ""}}, nil},
		{"body file dash is stdin", good + "\n", []string{"--body-file", "-"}, 0, []outcome{{"a1", 0, ""}}, nil},
		{"explicit json format", good + "\n", []string{"--format", "json"}, 0, []outcome{{"a1", 0, ""}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"score", "--audience", itAdmins, "--jsonl"}, tt.args...)
			code, stdout, stderr := runCmd(t, tt.stdin, args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			outs := decodeJSONL(t, stdout)
			if len(outs) != len(tt.want) {
				t.Fatalf("%d output lines, want %d:\n%s", len(outs), len(tt.want), stdout)
			}
			for i, w := range tt.want {
				o := outs[i]
				if o.ID != w.id {
					t.Errorf("output line %d: id %q, want %q", i+1, o.ID, w.id)
				}
				if w.err == "" {
					if o.Result == nil || o.Result.Version != scoring.Version {
						t.Errorf("output line %d: want a result, got %+v", i+1, o)
					}
					continue
				}
				if o.Result != nil || o.Line != w.line || !strings.Contains(o.Error, w.err) {
					t.Errorf("output line %d: got line %d error %q, want line %d error containing %q", i+1, o.Line, o.Error, w.line, w.err)
				}
			}
			if tt.stderr == nil && stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
				if stderr != "" && !strings.HasPrefix(l, "sweetspot score: ") {
					t.Errorf("stderr line does not start with the command: %q", l)
				}
			}
		})
	}
}

// TestScoreJSONLSameAsSingle checks a batch line scores exactly as the
// single-draft mode scores the same draft, short drafts included (their
// empty result passes through), and that the batch output is byte-stable.
func TestScoreJSONLSameAsSingle(t *testing.T) {
	body := readFile(t, goodDraft)
	drafts := []struct {
		d    jsonlDraft
		args []string
	}{
		{jsonlDraft{ID: "a1", Title: "Backups", Body: body, Network: "linkedin", Kind: "checklist"}, []string{"--title", "Backups", "--network", "linkedin", "--kind", "checklist"}},
		{jsonlDraft{ID: "a2", Body: body, Network: "x"}, []string{"--network", "x"}},
		{jsonlDraft{ID: "a3", Body: "Backups matter."}, nil},
	}
	var in strings.Builder
	for _, d := range drafts {
		in.WriteString(draftLine(t, d.d) + "\n")
	}
	code, stdout, stderr := runCmd(t, in.String(), "score", "--audience", itAdmins, "--jsonl")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(drafts) {
		t.Fatalf("%d output lines, want %d", len(lines), len(drafts))
	}
	for i, d := range drafts {
		code, single, stderr := runCmd(t, d.d.Body, append([]string{"score", "--audience", itAdmins}, d.args...)...)
		if code != 0 {
			t.Fatalf("single run %s: exit %d: %s", d.d.ID, code, stderr)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(single)); err != nil {
			t.Fatal(err)
		}
		want := `{"id":"` + d.d.ID + `",` + strings.TrimPrefix(compact.String(), "{")
		if lines[i] != want {
			t.Errorf("line %d differs from the single-draft result:\n%s\nwant\n%s", i+1, lines[i], want)
		}
	}
	if !strings.Contains(lines[2], `"rating":"none"`) || !strings.Contains(lines[2], `"empty":true`) {
		t.Errorf("a draft under scoring.MinWords words should pass through as an empty result: %s", lines[2])
	}
	for range 2 {
		if _, again, _ := runCmd(t, in.String(), "score", "--audience", itAdmins, "--jsonl"); again != stdout {
			t.Fatalf("same input, different output:\n%s\nwant\n%s", again, stdout)
		}
	}
}

// TestScoreJSONLLineCap checks the per-line limit: a line of exactly
// maxJSONLLineBytes (line ending not counted) is scored, one byte more is
// reported and skipped, and the lines after it are still read.
func TestScoreJSONLLineCap(t *testing.T) {
	line := func(n int) string {
		l := `{"id":"big","body":"`
		return l + strings.Repeat("backup ", (n-len(l)-2)/7+1)[:n-len(l)-2] + `"}`
	}
	atCap, overCap := line(maxJSONLLineBytes), line(maxJSONLLineBytes+1)
	if len(atCap) != maxJSONLLineBytes || len(overCap) != maxJSONLLineBytes+1 {
		t.Fatalf("fixture lengths %d and %d", len(atCap), len(overCap))
	}
	after := `{"id":"after","body":"Backups matter."}`
	stdin := atCap + "\r\n" + overCap + "\n" + strings.Repeat("x", 3*maxJSONLLineBytes) + "\n" + after + "\n"
	code, stdout, stderr := runCmd(t, stdin, "score", "--audience", itAdmins, "--jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1 (stderr %q)", code, stderr)
	}
	outs := decodeJSONL(t, stdout)
	if len(outs) != 4 {
		t.Fatalf("%d output lines, want 4:\n%.500s", len(outs), stdout)
	}
	// The body at the cap is longer than the engine analyses today: the
	// result says so, and stderr notes it.
	truncated := maxJSONLLineBytes-len(`{"id":"big","body":""}`) > scoring.MaxBodyBytes
	if outs[0].ID != "big" || outs[0].Result == nil || outs[0].Result.Truncated != truncated {
		t.Errorf("line at the cap: want a result (truncated %v), got %+v", truncated, outs[0])
	}
	if truncated != strings.Contains(stderr, "line 1: note: the draft is longer than the engine analyses") {
		t.Errorf("stderr %q: the truncation note should be there exactly when the result is truncated (%v)", stderr, truncated)
	}
	for i, n := range []int{2, 3} {
		o := outs[i+1]
		if o.Result != nil || o.Line != n || !strings.Contains(o.Error, "longer than the 1 MiB limit") {
			t.Errorf("output %d: want line %d too long, got %+v", i+2, n, o)
		}
	}
	if outs[3].ID != "after" || outs[3].Result == nil {
		t.Errorf("the line after the long ones was not scored: %+v", outs[3])
	}
	for _, w := range []string{"line 2: the line is longer", "line 3: the line is longer", "2 of 4 lines could not be scored"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr %q lacks %q", stderr, w)
		}
	}
}

// TestReadLine checks line splitting on a reader buffer smaller than the
// lines: endings, a missing final newline, and lines over the cap.
func TestReadLine(t *testing.T) {
	type line struct {
		text    string
		tooLong bool
	}
	tests := []struct {
		name string
		in   string
		want []line
	}{
		{"empty", "", nil},
		{"endings", "a\nbb\r\n\ncc", []line{{"a", false}, {"bb", false}, {"", false}, {"cc", false}}},
		{"only a newline", "\n", []line{{"", false}}},
		{"at the cap", strings.Repeat("a", 40) + "\r\n" + strings.Repeat("b", 40), []line{{strings.Repeat("a", 40), false}, {strings.Repeat("b", 40), false}}},
		{"over the cap", strings.Repeat("a", 41) + "\n" + strings.Repeat("b", 100) + "\r\nc\n" + strings.Repeat("d", 41),
			[]line{{"", true}, {"", true}, {"c", false}, {"", true}}},
		{"cr kept inside", "a\rb\n", []line{{"a\rb", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			br := bufio.NewReaderSize(strings.NewReader(tt.in), 16)
			var got []line
			for {
				data, tooLong, err := readLine(br, 40)
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, line{string(data), tooLong})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestScoreJSONLMinScore checks the CI gate in batch mode: exit 3 when a
// scored line is below --min-score, every result still printed; a bad line
// takes precedence (exit 1).
func TestScoreJSONLMinScore(t *testing.T) {
	good := draftLine(t, jsonlDraft{ID: "a1", Body: readFile(t, goodDraft)})
	_, stdout, _ := runCmd(t, good+"\n", "score", "--audience", foodLover, "--jsonl")
	outs := decodeJSONL(t, stdout)
	if len(outs) != 1 || outs[0].Result == nil || outs[0].Result.Score >= 100 {
		t.Fatalf("fixture should score below 100 for the food community: %s", stdout)
	}
	score := outs[0].Result.Score
	short := `{"id":"s1","body":"Backups matter."}` // empty result, score 0
	tests := []struct {
		name   string
		stdin  string
		min    int
		code   int
		lines  int
		stderr string
	}{
		{"at the score", good + "\n", score, 0, 1, ""},
		{"above the score", good + "\n" + good + "\n", score + 1, exitBelowMinScore, 2, "2 of 2 lines scored below --min-score " + strconv.Itoa(score+1) + ` (first: line 1, id "a1", score ` + strconv.Itoa(score) + ")"},
		{"an empty result is below", good + "\n" + short + "\n", score, exitBelowMinScore, 2, `1 of 2 lines scored below --min-score ` + strconv.Itoa(score) + ` (first: line 2, id "s1", score 0)`},
		{"a bad line wins", good + "\n{}\n", 100, 1, 2, "1 of 2 lines could not be scored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.stdin, "score", "--audience", foodLover, "--jsonl", "--min-score", strconv.Itoa(tt.min))
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if n := len(decodeJSONL(t, stdout)); n != tt.lines {
				t.Errorf("%d output lines, want %d", n, tt.lines)
			}
			if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
		})
	}
}

// TestScoreJSONLMisuse checks the flags that do not apply to batch mode
// are refused (exit 2) before any input is read, and input errors exit 1.
func TestScoreJSONLMisuse(t *testing.T) {
	good := `{"id":"a1","body":"Backups matter."}` + "\n"
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"title", []string{"--title", "x"}, 2, "--title cannot be used with --jsonl"},
		{"network", []string{"--network", "linkedin"}, 2, "--network cannot be used with --jsonl"},
		{"kind and title", []string{"--kind", "tool", "--title", ""}, 2, "--kind, --title cannot be used with --jsonl"},
		{"text format", []string{"--format", "text"}, 2, "--format text cannot be used with --jsonl"},
		{"bad format still named", []string{"--format", "yaml"}, 2, `unknown --format "yaml"`},
		{"positional", []string{"drafts.jsonl"}, 2, `unexpected argument "drafts.jsonl"`},
		{"missing file", []string{"--body-file", "testdata/score/nope.jsonl"}, 1, "drafts: cannot read testdata/score/nope.jsonl"},
		{"folder", []string{"--body-file", "testdata"}, 1, "it is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, good, append([]string{"score", "--audience", itAdmins, "--jsonl"}, tt.args...)...)
			if code != tt.code || stdout != "" || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, no output and one line containing %q", code, stdout, stderr, tt.code, tt.want)
			}
		})
	}
}

// TestScoreJSONLCancel checks Ctrl-C (the context main cancels) ends a
// batch waiting on a pipe that never closes, after the lines it had.
func TestScoreJSONLCancel(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errOut bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run(ctx, env{stdin: pr, stdout: outW, stderr: &errOut, getenv: func(string) string { return "" }},
			[]string{"score", "--audience", itAdmins, "--jsonl"})
		outW.Close()
		done <- code
	}()
	go func() {
		// The writer sends one line, then stalls mid-way through the next.
		_, _ = pw.Write([]byte(`{"id":"a1","body":"Backups matter."}` + "\n" + `{"id":"a2","bo`))
	}()
	first, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil || !strings.HasPrefix(first, `{"id":"a1","score":`) {
		t.Fatalf("first result %q, %v", first, err)
	}
	cancel()
	go func() { _, _ = io.Copy(io.Discard, outR) }()
	select {
	case code := <-done:
		if code != 1 || !strings.Contains(errOut.String(), "stopped after line 1: context canceled") {
			t.Errorf("exit %d, stderr %q; want exit 1 and a cancellation message", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("score --jsonl kept waiting on stdin after its context was cancelled")
	}
}

// TestScoreTextCapsFirst: the text format leads with the deal-breakers, and
// a draft too short to judge says so instead of giving verdicts.
func TestScoreTextCapsFirst(t *testing.T) {
	cases := []struct {
		name, draft string
		want        []string // in this order
		absent      string
	}{
		{"hard sell", "Our amazing new product is the best backup solution on the market. Buy now and save 20%! We are the leader and our award-winning team guarantees results.",
			[]string{"(poor)", "Deal-breakers", "hard sell", "CHECK"}, ""},
		{"too short", "Backup tips", []string{"(none)", "Nothing to score yet"}, "CHECK"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, text, stderr := runCmd(t, tc.draft, "score", "--audience", itAdmins, "--format", "text")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			at := 0
			for _, w := range tc.want {
				i := strings.Index(text[at:], w)
				if i < 0 {
					t.Fatalf("%q missing (or out of order) in:\n%s", w, text)
				}
				at += i
			}
			if tc.absent != "" && strings.Contains(text, tc.absent) {
				t.Errorf("%q in:\n%s", tc.absent, text)
			}
		})
	}
}

// TestScoreJSONLIgnoredKeysOnce: an ignored key is named once, on the first
// line that has it, however many lines carry it.
func TestScoreJSONLIgnoredKeysOnce(t *testing.T) {
	lines := strings.Repeat(`{"id":"a","body":"Restore one server every month.","split":"heldout"}`+"\n", 5)
	code, _, stderr := runCmd(t, lines, "score", "--audience", itAdmins, "--jsonl")
	if code != 0 || strings.Count(stderr, `key "split" ignored`) != 1 || !strings.Contains(stderr, "line 1: note") {
		t.Errorf("exit %d, stderr %q: want one note, on line 1", code, stderr)
	}
}
