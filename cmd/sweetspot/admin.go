package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/config"
	"github.com/sweetspot/sweetspot/internal/demo"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
)

const adminUsage = `usage: sweetspot admin <chore> [flags]
  create-workspace --name NAME            a workspace and its first admin key
  create-key --workspace ID --scope admin|ingest [--origin URL]... [--name NAME]
  seed [--origin URL]...                  the demo workspace (keys are reissued)
  reconcile                               recount the counters of requests that died and roll up closed days (once; serve does it every RECONCILE_EVERY)
  rollup --workspace ID [--days N]        backfill the daily rollups of every community of a workspace over its last N days
                                          (default 400): for a table that predates reconciler-built rollups
The table comes from TABLE_NAME, DYNAMODB_ENDPOINT and AWS_REGION (see README,
"Configuration"); with DYNAMODB_ENDPOINT set the table is created if missing.
Keys are printed once, as JSON; only their hashes are stored.`

// runAdmin does operator chores straight on the store: the bootstrap path
// for a workspace's first admin key (the API needs a key to make keys).
func runAdmin(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return usageError{adminUsage}
	}
	chore, args := args[0], args[1:]
	fs := flag.NewFlagSet("admin "+chore, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	name := fs.String("name", "", "name of the workspace or key")
	ws := fs.String("workspace", "", "workspace id")
	scope := fs.String("scope", domain.ScopeAdmin, "key scope: admin or ingest")
	days := fs.Int("days", 400, "rollup: how many days back to backfill")
	var origins multi
	fs.Var(&origins, "origin", "allowed origin of an ingest key (repeatable)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	cfg, err := config.FromEnv(e.getenv)
	if err != nil {
		return usageError{err.Error()}
	}
	st, err := store.Open(ctx, cfg.Store())
	if err != nil {
		return err
	}
	if cfg.Endpoint != "" {
		if err := st.EnsureTable(ctx); err != nil {
			return err
		}
	}
	var out any
	switch chore {
	case "create-workspace":
		w := domain.Workspace{ID: domain.NewID(domain.WorkspacePrefix), Name: *name}
		if err := w.Validate(); err != nil {
			return usageError{"--" + err.Error()}
		}
		if err := st.CreateWorkspace(ctx, &w); err != nil {
			return err
		}
		k, token, err := store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: w.ID, Name: "first admin key", Scope: domain.ScopeAdmin})
		if err != nil {
			return err
		}
		out = map[string]any{"workspace": w, "key": k, "secret": token}
	case "create-key":
		if _, err := st.GetWorkspace(ctx, *ws); err != nil {
			return fmt.Errorf("workspace %q: %w", *ws, err)
		}
		if *name == "" {
			*name = *scope + " key"
		}
		k, token, err := store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: *ws, Name: *name, Scope: *scope, Origins: origins})
		if err != nil {
			return err
		}
		out = map[string]any{"key": k, "secret": token}
	case "reconcile":
		rep, err := st.Reconcile(ctx)
		if err != nil {
			return err
		}
		out = rep
	case "rollup":
		if *days < 1 || *days > 3660 {
			return usageError{"--days must be from 1 to 3660"}
		}
		if _, err := st.GetWorkspace(ctx, *ws); err != nil {
			return fmt.Errorf("workspace %q: %w", *ws, err)
		}
		rolled, err := rollUpWorkspace(ctx, st, *ws, *days)
		if err != nil {
			return err
		}
		out = map[string]any{"workspace": *ws, "days": *days, "rolled": rolled}
	case "seed":
		res, err := demo.Seed(ctx, st, origins)
		if err != nil {
			return err
		}
		out = res
	default:
		return usageError{fmt.Sprintf("unknown chore %q\n%s", chore, adminUsage)}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// rollUpWorkspace backfills the rollups of every community of a workspace
// over its last n days (store.RollUpDays: days not closed yet are left
// alone, days rolled up already count as done), and returns per community
// how many of the days have a rollup after the run.
func rollUpWorkspace(ctx context.Context, st *store.Store, ws string, n int) (map[string]int, error) {
	// Not engagement.Days: it stops at an insights period (366 days).
	now := time.Now().UTC()
	days := make([]string, 0, n+1)
	for d := now.AddDate(0, 0, -n); !d.After(now); d = d.AddDate(0, 0, 1) {
		days = append(days, engagement.Day(d))
	}
	rolled := map[string]int{}
	cursor := ""
	for {
		page, err := st.ListCommunities(ctx, ws, cursor, 100)
		if err != nil {
			return rolled, err
		}
		for _, c := range page.Items {
			k, err := st.RollUpDays(ctx, ws, c.ID, days)
			rolled[c.ID] = k
			if err != nil {
				return rolled, fmt.Errorf("community %s: %w", c.ID, err)
			}
		}
		if page.Next == "" {
			return rolled, nil
		}
		cursor = page.Next
	}
}

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }
