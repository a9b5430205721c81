package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/config"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/store"
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

// TestAdminRollup backfills the daily rollups of a workspace's communities
// (a table that predates reconciler-built rollups): every closed day of the
// period has one after the run; a second run finds them done.
func TestAdminRollup(t *testing.T) {
	ctx := context.Background()
	srv, err := dynalite.Start(ctx, dynalite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	vars := map[string]string{"DYNAMODB_ENDPOINT": srv.Endpoint(), "TABLE_NAME": "rollup-test"}
	e := func(out *bytes.Buffer) env {
		return env{stdin: strings.NewReader(""), stdout: out, stderr: out, getenv: func(k string) string { return vars[k] }}
	}
	var out bytes.Buffer
	if code := run(ctx, e(&out), []string{"admin", "create-workspace", "--name", "Acme"}); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	var created struct{ Workspace struct{ ID string } }
	if err := json.Unmarshal(out.Bytes(), &created); err != nil {
		t.Fatal(err)
	}
	ws := created.Workspace.ID
	cfg, err := config.FromEnv(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, cfg.Store())
	if err != nil {
		t.Fatal(err)
	}
	c := domain.Community{Kind: "interest", Audience: scoring.Audience{Name: "Bakers", Interests: []scoring.Interest{{Term: "bread"}}}}
	if err := st.CreateCommunity(ctx, ws, &c); err != nil {
		t.Fatal(err)
	}
	day := time.Now().UTC().AddDate(0, 0, -4).Truncate(24 * time.Hour).Add(12 * time.Hour)
	evs := []engagement.Event{{ID: "ev-rollup-1", Offer: "off_x", Community: c.ID, Member: "m1", Type: engagement.View, Time: day}}
	if _, err := st.IngestEvents(ctx, ws, evs, 0); err != nil {
		t.Fatal(err)
	}
	rollup := func() map[string]int {
		t.Helper()
		out.Reset()
		if code := run(ctx, e(&out), []string{"admin", "rollup", "--workspace", ws, "--days", "10"}); code != 0 {
			t.Fatalf("exit %d: %s", code, out.String())
		}
		var res struct{ Rolled map[string]int }
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatalf("%s: %v", out.String(), err)
		}
		return res.Rolled
	}
	// Every day of the last ten that is ready (closed: past the events'
	// 72 h of lateness, the apply lease and store.RollupAfter), once.
	now := time.Now().UTC()
	want := 0
	for d := now.AddDate(0, 0, -10); !d.After(now); d = d.AddDate(0, 0, 1) {
		if engagement.Closed(engagement.Day(d), now.Add(-store.RollupAfter)) {
			want++
		}
	}
	if got := rollup()[c.ID]; got != want || want < 5 {
		t.Fatalf("first run rolled up %d days, want the %d ready ones", got, want)
	}
	// Idempotent: a day rolled up already counts as done, and is not
	// rewritten.
	if got := rollup()[c.ID]; got != want {
		t.Fatalf("second run: %d days rolled up, want %d", got, want)
	}
	out.Reset()
	if code := run(ctx, e(&out), []string{"admin", "rollup", "--workspace", ws, "--days", "0"}); code != 2 {
		t.Fatalf("--days 0: exit %d: %s", code, out.String())
	}
}
