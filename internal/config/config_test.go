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
