package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/sweetspot/sweetspot/internal/config"
	"github.com/sweetspot/sweetspot/internal/demo"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/store"
)

const adminUsage = `usage: sweetspot admin <chore> [flags]
  create-workspace --name NAME            a workspace and its first admin key
  create-key --workspace ID --scope admin|ingest [--origin URL]... [--name NAME]
  seed [--origin URL]...                  the demo workspace (keys are reissued)
  reconcile                               recount the counters of requests that died (once; serve does it every RECONCILE_EVERY)
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

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }
