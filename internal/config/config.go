// Package config reads Sweetspot's configuration from environment
// variables, with safe local defaults. README "Configuration" documents
// each variable; this file is the one place that reads them.
package config

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/table"
)

// DefaultPort is where `sweetspot serve` listens when PORT is unset.
const DefaultPort = 8080

// Config is the process configuration.
type Config struct {
	// Table is TABLE_NAME (default "sweetspot").
	Table string
	// Endpoint is DYNAMODB_ENDPOINT: a local DynamoDB-compatible server;
	// empty means AWS's regional endpoint.
	Endpoint string
	// Region is AWS_REGION (empty: the SDK's default chain; us-east-1 with
	// a local endpoint).
	Region string
	// Port is PORT, for `sweetspot serve` (default 8080).
	Port int
	// LogLevel is LOG_LEVEL: debug, info (default), warn or error.
	LogLevel slog.Level
	// Rate and Burst are RATE_LIMIT_RPS and RATE_LIMIT_BURST, the per-key
	// limit (defaults api.DefaultRate and api.DefaultBurst).
	Rate  float64
	Burst int
	// EventTTL is EVENT_TTL_DAYS, how long raw engagement events are kept
	// (default store.DefaultEventTTL, 30 days; at least MinEventTTLDays).
	EventTTL time.Duration
	// OriginSecrets are ORIGIN_SECRET and ORIGIN_SECRET_PREVIOUS: when set,
	// the API refuses requests that lack one of them in the header
	// CloudFront adds (internal/api, origin.go). Two values, so a rotation
	// needs no downtime. Unset: no check (local).
	OriginSecrets []string
	// StoreTimeout is STORE_TIMEOUT, the deadline of every store call
	// (default store.DefaultCallTimeout).
	StoreTimeout time.Duration
	// ApplyTimeout is APPLY_TIMEOUT, how long an ingest request may finish
	// its work after its client has gone (default store.DefaultApplyTimeout).
	ApplyTimeout time.Duration
	// ReconcileEvery is RECONCILE_EVERY, how often `sweetspot serve` runs
	// the reconciler (default DefaultReconcileEvery).
	ReconcileEvery time.Duration
}

// NoPreviousSecret is the value of ORIGIN_SECRET_PREVIOUS that means "no
// previous secret": the stack's secret starts with it, since CloudFormation
// cannot resolve a reference to an empty value.
const NoPreviousSecret = "none"

// DefaultReconcileEvery is how often `sweetspot serve` reconciles counters
// when RECONCILE_EVERY is unset.
const DefaultReconcileEvery = time.Minute

// Bounds of the duration variables: a deadline below minTimeout cannot
// hold one store round trip; one above maxTimeout is a hang by another
// name. The reconcile period is bounded the same way from below.
const (
	minTimeout = 50 * time.Millisecond
	maxTimeout = 5 * time.Minute
	minPeriod  = time.Second
	maxPeriod  = 24 * time.Hour
)

// MinEventTTLDays is the shortest raw-event TTL accepted: a day's events
// must outlive the day's close (engagement.MaxEventAge after it) so that
// its counters can still be recounted. The stack checks the same bounds.
const MinEventTTLDays = table.MinEventTTLDays

// FromEnv reads the configuration through getenv (os.Getenv in mains).
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{
		Table:    getenv("TABLE_NAME"),
		Endpoint: getenv("DYNAMODB_ENDPOINT"),
		Region:   getenv("AWS_REGION"),
		Port:     DefaultPort,
		Rate:     api.DefaultRate,
		EventTTL: store.DefaultEventTTL,
		Burst:    api.DefaultBurst,

		StoreTimeout:   store.DefaultCallTimeout,
		ApplyTimeout:   store.DefaultApplyTimeout,
		ReconcileEvery: DefaultReconcileEvery,
	}
	if c.Table == "" {
		c.Table = table.DefaultName
	}
	if s := getenv("PORT"); s != "" {
		p, err := strconv.Atoi(s)
		if err != nil || p < 0 || p > 65535 {
			return c, fmt.Errorf("PORT=%q: want a port number", s)
		}
		c.Port = p
	}
	if s := getenv("LOG_LEVEL"); s != "" {
		if err := c.LogLevel.UnmarshalText([]byte(strings.ToUpper(s))); err != nil {
			return c, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", s)
		}
	}
	if s := getenv("RATE_LIMIT_RPS"); s != "" {
		r, err := strconv.ParseFloat(s, 64)
		if err != nil || r <= 0 {
			return c, fmt.Errorf("RATE_LIMIT_RPS=%q: want a positive number", s)
		}
		c.Rate = r
	}
	if s := getenv("RATE_LIMIT_BURST"); s != "" {
		b, err := strconv.Atoi(s)
		if err != nil || b <= 0 {
			return c, fmt.Errorf("RATE_LIMIT_BURST=%q: want a positive whole number", s)
		}
		c.Burst = b
	}
	if s := getenv("EVENT_TTL_DAYS"); s != "" {
		d, err := strconv.Atoi(s)
		if err != nil || d < MinEventTTLDays || d > table.MaxEventTTLDays {
			return c, fmt.Errorf("EVENT_TTL_DAYS=%q: want a whole number of days from %d to %d", s, MinEventTTLDays, table.MaxEventTTLDays)
		}
		c.EventTTL = time.Duration(d) * 24 * time.Hour
	}
	if s := getenv("ORIGIN_SECRET"); s != "" {
		c.OriginSecrets = append(c.OriginSecrets, s)
	}
	if s := getenv("ORIGIN_SECRET_PREVIOUS"); s != "" && s != NoPreviousSecret {
		if len(c.OriginSecrets) == 0 {
			return c, fmt.Errorf("ORIGIN_SECRET_PREVIOUS is set but ORIGIN_SECRET is not")
		}
		c.OriginSecrets = append(c.OriginSecrets, s)
	}
	for _, s := range c.OriginSecrets {
		if len(s) < api.MinOriginSecretLen {
			return c, fmt.Errorf("ORIGIN_SECRET(_PREVIOUS): %d characters, want at least %d", len(s), api.MinOriginSecretLen)
		}
	}
	for _, d := range []struct {
		name     string
		into     *time.Duration
		min, max time.Duration
	}{
		{"STORE_TIMEOUT", &c.StoreTimeout, minTimeout, maxTimeout},
		{"APPLY_TIMEOUT", &c.ApplyTimeout, minTimeout, maxTimeout},
		{"RECONCILE_EVERY", &c.ReconcileEvery, minPeriod, maxPeriod},
	} {
		s := getenv(d.name)
		if s == "" {
			continue
		}
		v, err := time.ParseDuration(s)
		if err != nil || v < d.min || v > d.max {
			return c, fmt.Errorf("%s=%q: want a Go duration from %s to %s, e.g. 1m or 3s", d.name, s, d.min, d.max)
		}
		*d.into = v
	}
	return c, nil
}

// Store returns the store configuration.
func (c Config) Store() store.Config {
	return store.Config{Table: c.Table, Endpoint: c.Endpoint, Region: c.Region,
		CallTimeout: c.StoreTimeout, ApplyTimeout: c.ApplyTimeout}
}

// Logger returns a JSON logger at the configured level.
func (c Config) Logger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: c.LogLevel}))
}
