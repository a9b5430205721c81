package config

import (
	"log/slog"
	"testing"
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
