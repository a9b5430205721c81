package config

import (
	"log/slog"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/store"
)

func TestFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, err := FromEnv(env(nil))
	if err != nil || c.Table != "sweetspot" || c.Port != DefaultPort || c.LogLevel != slog.LevelInfo || c.Endpoint != "" {
		t.Fatalf("defaults: %+v %v", c, err)
	}
	c, err = FromEnv(env(map[string]string{"TABLE_NAME": "t", "PORT": "9000", "LOG_LEVEL": "debug",
		"DYNAMODB_ENDPOINT": "http://127.0.0.1:4567", "RATE_LIMIT_RPS": "5", "RATE_LIMIT_BURST": "10"}))
	if err != nil || c.Table != "t" || c.Port != 9000 || c.LogLevel != slog.LevelDebug || c.Rate != 5 || c.Burst != 10 ||
		c.Store().Endpoint != "http://127.0.0.1:4567" {
		t.Fatalf("set: %+v %v", c, err)
	}
	for _, bad := range []map[string]string{{"PORT": "http"}, {"LOG_LEVEL": "loud"}, {"RATE_LIMIT_RPS": "-1"}, {"RATE_LIMIT_BURST": "x"}} {
		if _, err := FromEnv(env(bad)); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

func TestOriginSecrets(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	const a, b = "0123456789abcdef0123", "fedcba9876543210fedc"
	cases := []struct {
		env  map[string]string
		want int
		bad  bool
	}{
		{nil, 0, false},
		{map[string]string{"ORIGIN_SECRET": a}, 1, false},
		{map[string]string{"ORIGIN_SECRET": a, "ORIGIN_SECRET_PREVIOUS": NoPreviousSecret}, 1, false},
		{map[string]string{"ORIGIN_SECRET": a, "ORIGIN_SECRET_PREVIOUS": b}, 2, false},
		{map[string]string{"ORIGIN_SECRET_PREVIOUS": b}, 0, true},
		{map[string]string{"ORIGIN_SECRET": "short"}, 0, true},
	}
	for _, c := range cases {
		cfg, err := FromEnv(env(c.env))
		switch {
		case c.bad && err == nil:
			t.Errorf("%v accepted", c.env)
		case !c.bad && (err != nil || len(cfg.OriginSecrets) != c.want):
			t.Errorf("%v: %d secrets, %v; want %d", c.env, len(cfg.OriginSecrets), err, c.want)
		}
	}
}

func TestDurations(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		name string
		env  map[string]string
		ok   bool
		want Config
	}{
		{"defaults", nil, true, Config{StoreTimeout: store.DefaultCallTimeout, ApplyTimeout: store.DefaultApplyTimeout, ReconcileEvery: DefaultReconcileEvery}},
		{"set", map[string]string{"STORE_TIMEOUT": "1s", "APPLY_TIMEOUT": "2s", "RECONCILE_EVERY": "10s"}, true,
			Config{StoreTimeout: time.Second, ApplyTimeout: 2 * time.Second, ReconcileEvery: 10 * time.Second}},
		{"not a duration", map[string]string{"RECONCILE_EVERY": "60"}, false, Config{}},
		{"too short", map[string]string{"STORE_TIMEOUT": "1ms"}, false, Config{}},
		{"too long", map[string]string{"APPLY_TIMEOUT": "1h"}, false, Config{}},
		{"reconcile too often", map[string]string{"RECONCILE_EVERY": "10ms"}, false, Config{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := FromEnv(env(c.env))
			if (err == nil) != c.ok {
				t.Fatalf("error %v, want ok=%v", err, c.ok)
			}
			if c.ok && (got.StoreTimeout != c.want.StoreTimeout || got.ApplyTimeout != c.want.ApplyTimeout || got.ReconcileEvery != c.want.ReconcileEvery) {
				t.Fatalf("got %v %v %v", got.StoreTimeout, got.ApplyTimeout, got.ReconcileEvery)
			}
			if c.ok && (got.Store().CallTimeout != got.StoreTimeout || got.Store().ApplyTimeout != got.ApplyTimeout) {
				t.Fatal("the store does not get the deadlines")
			}
		})
	}
}
