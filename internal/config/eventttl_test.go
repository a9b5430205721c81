package config_test

import (
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/config"
	"github.com/sweetspot/sweetspot/internal/store"
)

func TestEventTTLDays(t *testing.T) {
	cases := []struct {
		value string
		want  time.Duration
		bad   bool
	}{
		{"", store.DefaultEventTTL, false},
		{"90", 90 * 24 * time.Hour, false},
		{"7", 7 * 24 * time.Hour, false},
		{"3", 0, true}, // shorter than a day's close: no recount possible
		{"ten", 0, true},
		{"4000", 0, true},
		{"354", 354 * 24 * time.Hour, false},
		{"355", 0, true}, // beyond what erasure and export look back
	}
	for _, c := range cases {
		cfg, err := config.FromEnv(func(k string) string {
			if k == "EVENT_TTL_DAYS" {
				return c.value
			}
			return ""
		})
		switch {
		case c.bad && err == nil:
			t.Errorf("EVENT_TTL_DAYS=%q accepted", c.value)
		case !c.bad && (err != nil || cfg.EventTTL != c.want):
			t.Errorf("EVENT_TTL_DAYS=%q: %v, %v", c.value, cfg.EventTTL, err)
		}
	}
}
