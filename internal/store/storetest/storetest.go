// Package storetest gives tests a real store: one in-memory dynalite per
// test binary (started by Run from TestMain) and a fresh table per test.
package storetest

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/store"
)

// endpoint is the dynalite of this test binary. A package variable is the
// price of TestMain's signature; it is written once, before any test runs.
var endpoint string

var tables atomic.Int64

// Run starts dynalite, runs the tests and stops dynalite. Use it as
// `func TestMain(m *testing.M) { os.Exit(storetest.Run(m)) }`.
func Run(m *testing.M) int {
	s, err := dynalite.Start(context.Background(), dynalite.Options{Log: os.Stderr})
	if err != nil {
		fmt.Fprintln(os.Stderr, "storetest: start dynalite:", err)
		return 1
	}
	defer s.Stop()
	endpoint = s.Endpoint()
	return m.Run()
}

// Endpoint is the running dynalite's URL.
func Endpoint() string { return endpoint }

// New returns a store on a fresh, empty table.
func New(t testing.TB) *store.Store {
	t.Helper()
	if endpoint == "" {
		t.Fatal("storetest.Run was not called from TestMain")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Endpoint: endpoint, Table: fmt.Sprintf("test-%d", tables.Add(1))})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureTable(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

// Workspace creates a workspace and returns it.
func Workspace(t testing.TB, st *store.Store, name string) domain.Workspace {
	t.Helper()
	w := domain.Workspace{ID: domain.NewID(domain.WorkspacePrefix), Name: name}
	if err := st.CreateWorkspace(context.Background(), &w); err != nil {
		t.Fatal(err)
	}
	return w
}
