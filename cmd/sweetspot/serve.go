package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/config"
	"github.com/sweetspot/sweetspot/internal/demo"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/static"
	"github.com/sweetspot/sweetspot/internal/store"
)

// shutdownGrace bounds how long in-flight requests may finish on Ctrl-C.
const shutdownGrace = 5 * time.Second

// runServe serves the HTTP API under /v1/ and the site and widget on every
// other path, on one origin. With --dev it also runs dynalite itself (data
// in --data, kept across restarts), creates the table and seeds the demo
// workspace: what `make dev` runs.
func runServe(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dev := fs.Bool("dev", false, "run dynalite, create the table and seed the demo workspace")
	data := fs.String("data", ".dev/dynalite", "with --dev: dynalite's data folder")
	host := fs.String("host", "127.0.0.1", "interface to listen on")
	site := fs.String("site", "site", "folder of the static site")
	widget := fs.String("widget", "build/widget", "folder of the built widget")
	createTable := fs.Bool("create-table", false, "create the table if missing (always on with --dev)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	cfg, err := config.FromEnv(e.getenv)
	if err != nil {
		return usageError{err.Error()}
	}
	log := cfg.Logger(e.stderr)

	if *dev {
		// Supervised: restarted on the same port and folder if it dies, so
		// make dev keeps its store (docs/ENGAGEMENT.md, "Faults").
		srv, err := dynalite.Supervise(ctx, dynalite.Options{Path: *data, Log: storeLog{log}})
		if err != nil {
			return fmt.Errorf("start dynalite: %w", err)
		}
		defer srv.Stop() // after the HTTP server has drained (defers run last-in first-out)
		cfg.Endpoint = srv.Endpoint()
		*createTable = true
	}
	st, err := store.Open(ctx, cfg.Store())
	if err != nil {
		return err
	}
	if *createTable {
		if err := waitForStore(ctx, st, log); err != nil {
			return fmt.Errorf("create table %s: %w", cfg.Table, err)
		}
	}
	go reconcileEvery(ctx, st, cfg.ReconcileEvery, log)
	h, err := api.New(api.Options{Store: st, Logger: log, Rate: cfg.Rate, Burst: cfg.Burst, EventTTL: cfg.EventTTL})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/", h)
	mux.Handle("/r/", h) // tracked links (engagement)
	mux.Handle("/", static.New(*site, *widget))

	ln, err := net.Listen("tcp", net.JoinHostPort(*host, strconv.Itoa(cfg.Port)))
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	server := api.NewServer(api.LimitInFlight(api.RejectBadPaths(mux), api.MaxInFlight))
	served := make(chan error, 1)
	go func() { served <- server.Serve(api.JSONBadRequests(ln)) }()

	fmt.Fprintf(e.stdout, "Sweetspot is serving on %s\n  site and widget  %s/\n  API              %s/v1/health\n  console          %s/app/\n", base, base, base, base)
	if pages, _ := filepath.Glob(filepath.Join(*site, "*.html")); len(pages) > 0 {
		for _, p := range pages {
			fmt.Fprintf(e.stdout, "  page             %s/%s\n", base, filepath.Base(p))
		}
	}
	if *dev {
		origins := []string{base, "http://localhost:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)}
		res, err := demo.Seed(ctx, st, origins)
		if err != nil {
			_ = server.Close()
			return fmt.Errorf("seed demo workspace: %w", err)
		}
		// The demo page's survey block (docs/SURVEY.md) asks the first demo
		// community's survey, with the fresh ingest key.
		survey := ""
		if page, err := st.ListCommunities(ctx, demo.WorkspaceID, "", 1); err == nil && len(page.Items) > 0 {
			survey = base + "/demo.html?survey=" + page.Items[0].ID + "&key=" + url.QueryEscape(res.IngestKey)
		}
		printDev(e, base, cfg.Endpoint, *data, res, survey)
		if err := writeDevFile(filepath.Join(filepath.Dir(*data), "demo.json"), base, res); err != nil {
			fmt.Fprintln(e.stderr, "warning:", err)
		}
	}
	fmt.Fprintln(e.stdout, "Ctrl-C stops everything.")

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := server.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "stopped")
	return nil
}

func printDev(e env, base, endpoint, data string, res demo.Result, survey string) {
	fmt.Fprintf(e.stdout, "  dynalite         %s (data in %s)\n", endpoint, data)
	fmt.Fprintf(e.stdout, "  demo workspace   %s\n", res.WorkspaceID)
	fmt.Fprintf(e.stdout, "  admin key        %s\n", res.AdminKey)
	fmt.Fprintf(e.stdout, "  ingest key       %s (for pages on %s)\n", res.IngestKey, base)
	if survey != "" {
		fmt.Fprintf(e.stdout, "  survey demo      %s\n", survey)
	}
	fmt.Fprintf(e.stdout, "Try:\n  curl -H 'Authorization: Bearer %s' %s/v1/offers\n", res.AdminKey, base)
}

// writeDevFile leaves the demo keys next to the data folder
// (.dev/demo.json, git-ignored) so scripts and browser pages can find them.
func writeDevFile(path, base string, res demo.Result) error {
	b, err := json.MarshalIndent(struct {
		API string `json:"api"`
		demo.Result
	}{base, res}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o600)
}

// Waiting for the store at start: the API waits for a store that is not
// up yet (restarting after a crash, still holding its lock) instead of
// exiting, retrying with a doubling wait up to maxStoreWait between tries.
const (
	firstStoreWait = 200 * time.Millisecond
	maxStoreWait   = 5 * time.Second
)

// waitForStore creates the table if missing, retrying while the store is
// unavailable, until ctx ends.
func waitForStore(ctx context.Context, st *store.Store, log *slog.Logger) error {
	wait := firstStoreWait
	for {
		err := st.EnsureTable(ctx)
		if err == nil || domain.ErrorCode(err) != domain.Unavailable {
			return err
		}
		log.Warn("waiting for the store", "error", err.Error(), "retry_in", wait.String())
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, maxStoreWait)
	}
}

// reconcileSlack is added to a pass scheduled for when intents expire, so
// that they have. firstReconcile is when the first pass runs after start
// (if sooner than the period): a restart after a crash finds the dead
// process's intents at once.
const (
	reconcileSlack = 500 * time.Millisecond
	firstReconcile = 5 * time.Second
)

// reconcileEvery runs the reconciler (store.Reconcile) every period until
// ctx ends: counters of community-days whose requests died are recounted
// from the raw events. When a pass finds intents still within their lease
// the next pass comes as soon as they expire (if sooner than period), so a
// repair takes at most the lease plus one pass, not the lease plus a period.
func reconcileEvery(ctx context.Context, st *store.Store, period time.Duration, log *slog.Logger) {
	next := min(period, firstReconcile)
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(next):
		}
		rep, err := st.Reconcile(ctx)
		next = period
		if rep.NextDue > 0 {
			next = min(period, rep.NextDue+reconcileSlack)
		}
		switch {
		case err != nil:
			log.Warn("reconcile", "error", err.Error(), "pending", rep.Pending, "expired", rep.Expired)
		case rep.Pending > 0 || len(rep.Repaired) > 0 || rep.Rollups.Rolled > 0:
			log.Info("reconcile", "pending", rep.Pending, "expired", rep.Expired, "repaired", len(rep.Repaired),
				"skipped", rep.Skipped, "oldest_s", int(rep.Oldest.Seconds()),
				"rolled_up", rep.Rollups.Rolled, "rollup_days_behind", rep.Rollups.Behind)
		}
	}
}

// storeLog sends the supervised dynalite's output to the log at debug
// level (its banner would repeat ours) and its restarts at warn.
type storeLog struct{ log *slog.Logger }

func (l storeLog) Write(p []byte) (int, error) {
	msg := strings.TrimSpace(string(p))
	if strings.Contains(msg, "restart") || strings.Contains(msg, "exited") || strings.Contains(msg, "dropped") {
		l.log.Warn("dynalite", "msg", msg)
	} else {
		l.log.Debug("dynalite", "msg", msg)
	}
	return len(p), nil
}
