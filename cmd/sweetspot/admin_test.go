package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/dynalite"
)

// TestAdminBootstrap creates a workspace and its first admin key from the
// command line, then uses that key on the API served by `serve`.
func TestAdminBootstrap(t *testing.T) {
	ctx := context.Background()
	srv, err := dynalite.Start(ctx, dynalite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	vars := map[string]string{"DYNAMODB_ENDPOINT": srv.Endpoint(), "TABLE_NAME": "admin-test"}
	e := func(out *bytes.Buffer) env {
		return env{stdin: strings.NewReader(""), stdout: out, stderr: out, getenv: func(k string) string { return vars[k] }}
	}
	var out bytes.Buffer
	if code := run(ctx, e(&out), []string{"admin", "create-workspace", "--name", "Acme"}); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	var created struct {
		Workspace struct{ ID string }
		Secret    string
	}
	if err := json.Unmarshal(out.Bytes(), &created); err != nil || created.Secret == "" {
		t.Fatalf("output %s (%v)", out.String(), err)
	}
	out.Reset()
	if code := run(ctx, e(&out), []string{"admin", "create-key", "--workspace", created.Workspace.ID, "--scope", "ingest"}); code != 1 ||
		!strings.Contains(out.String(), "origins") {
		t.Fatalf("ingest key without origin: exit %d: %s", code, out.String())
	}
	out.Reset()
	if code := run(ctx, e(&out), []string{"admin", "nope"}); code != 2 {
		t.Fatalf("unknown chore: exit %d", code)
	}

	// The key works on the API.
	vars["PORT"] = "0"
	sctx, cancel := context.WithCancel(ctx)
	pr := &lineWaiter{ch: make(chan string, 16)}
	done := make(chan int, 1)
	go func() {
		done <- run(sctx, env{stdin: strings.NewReader(""), stdout: pr, stderr: &bytes.Buffer{}, getenv: func(k string) string { return vars[k] }},
			[]string{"serve", "--site", t.TempDir()})
	}()
	first, _, _ := strings.Cut(<-pr.ch, "\n")
	base := strings.TrimPrefix(first, "Sweetspot is serving on ")
	req, _ := http.NewRequest("GET", base+"/v1/workspace", nil)
	req.Header.Set("Authorization", "Bearer "+created.Secret)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cancel()
	if res.StatusCode != 200 {
		t.Fatalf("workspace with the bootstrap key: %d", res.StatusCode)
	}
	if code := <-done; code != 0 {
		t.Fatalf("serve exit %d", code)
	}
}

// lineWaiter hands the first writes of a command to the test.
type lineWaiter struct{ ch chan string }

func (l *lineWaiter) Write(p []byte) (int, error) {
	select {
	case l.ch <- string(p):
	default:
	}
	return len(p), nil
}
