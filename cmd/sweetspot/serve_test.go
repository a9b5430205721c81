package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/dynalite"
)

// devRun runs `sweetspot serve --dev` in-process like `make dev` does and
// returns the base URL and admin key it printed, and a stop function that
// cancels it (Ctrl-C) and waits for a clean exit.
func devRun(t *testing.T, data string) (base, key string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	getenv := func(k string) string {
		if k == "PORT" {
			return "0" // a free port: other tests run on this machine too
		}
		return ""
	}
	go func() {
		done <- runServe(ctx, env{stdin: strings.NewReader(""), stdout: pw, stderr: io.Discard, getenv: getenv},
			[]string{"--dev", "--data", data, "--site", t.TempDir()})
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "API" {
			base = strings.TrimSuffix(f[1], "/v1/health")
		}
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "admin" && f[1] == "key" {
			key = f[2]
		}
		if strings.HasPrefix(line, "Ctrl-C") {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if base == "" || key == "" {
		cancel()
		t.Fatalf("serve printed no URL or key (err %v)", <-done)
	}
	return base, key, func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("serve: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
		}
	}
}

func get(t *testing.T, url, key string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(res.Body).Decode(&m)
	return res.StatusCode, m
}

// TestServeDev is `make dev` twice: the demo is seeded, served with the
// site on one origin, survives the restart, and each start reissues keys.
func TestServeDev(t *testing.T) {
	data := filepath.Join(t.TempDir(), "dynalite")
	site := t.TempDir()
	_ = os.WriteFile(filepath.Join(site, "index.html"), []byte("<h1>hi</h1>"), 0o644)

	base, key, stop := devRun(t, data)
	if s, _ := get(t, base+"/v1/health", ""); s != 200 {
		t.Fatalf("health %d", s)
	}
	s, offers := get(t, base+"/v1/offers", key)
	if s != 200 || len(offers["items"].([]any)) != 3 {
		t.Fatalf("offers %d %v", s, offers)
	}
	s, comms := get(t, base+"/v1/communities", key)
	if s != 200 || len(comms["items"].([]any)) != 3 {
		t.Fatalf("communities %d %v", s, comms)
	}
	if s, _ := get(t, base+"/no-such-page", ""); s != 404 {
		t.Fatalf("static fallback %d", s)
	}
	stop()

	base2, key2, stop2 := devRun(t, data)
	defer stop2()
	if s, again := get(t, base2+"/v1/offers", key2); s != 200 || len(again["items"].([]any)) != 3 {
		t.Fatalf("after restart: %d %v", s, again)
	}
	if s, _ := get(t, base2+"/v1/workspace", key); s != 401 {
		t.Fatalf("the previous run's key still works: %d", s)
	}
}

// TestServeWaitsForTheStore: `serve --create-table` started before its
// store is up waits for it (retrying) instead of exiting, then serves.
func TestServeWaitsForTheStore(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	storePort := l.Addr().(*net.TCPAddr).Port
	l.Close() // nothing listens there yet
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	vars := map[string]string{"PORT": "0", "DYNAMODB_ENDPOINT": fmt.Sprintf("http://127.0.0.1:%d", storePort),
		"TABLE_NAME": "wait", "STORE_TIMEOUT": "500ms", "LOG_LEVEL": "error"}
	go func() {
		done <- runServe(ctx, env{stdin: strings.NewReader(""), stdout: pw, stderr: io.Discard, getenv: func(k string) string { return vars[k] }},
			[]string{"--create-table", "--site", t.TempDir()})
		pw.Close()
	}()
	time.Sleep(1500 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("serve exited while the store was down: %v", err)
	default:
	}
	db, err := dynalite.Start(ctx, dynalite.Options{Port: storePort})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Stop()
	sc := bufio.NewScanner(pr)
	base := ""
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 2 && f[0] == "API" {
			base = strings.TrimSuffix(f[1], "/v1/health")
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if base == "" {
		t.Fatalf("serve never served (err %v)", <-done)
	}
	if status, _ := get(t, base+"/v1/health", ""); status != http.StatusOK {
		t.Fatalf("health %d", status)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
}
