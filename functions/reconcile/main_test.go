package main

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/metrics"
	"github.com/sweetspot/sweetspot/internal/store"
)

// TestScheduledRun: a scheduled event through aws-lambda-go's real payload
// path runs the reconciler on dynalite and writes one metrics line in the
// embedded metric format.
func TestScheduledRun(t *testing.T) {
	ctx := context.Background()
	srv, err := dynalite.Start(ctx, dynalite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	vars := map[string]string{"DYNAMODB_ENDPOINT": srv.Endpoint(), "TABLE_NAME": "rec", "AWS_REGION": "us-east-1"}
	st, err := store.Open(ctx, store.Config{Endpoint: srv.Endpoint(), Table: "rec"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureTable(ctx); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	h, err := newHandler(ctx, func(k string) string { return vars[k] }, &logged)
	if err != nil {
		t.Fatal(err)
	}
	scheduled := `{"version":"0","id":"x","detail-type":"Scheduled Event","source":"aws.events","time":"2026-11-29T20:00:00Z","resources":[],"detail":{}}`
	out, err := lambda.NewHandler(h).Invoke(ctx, []byte(scheduled))
	if err != nil {
		t.Fatal(err)
	}
	var rep store.ReconcileReport
	if err := json.Unmarshal(out, &rep); err != nil || rep.Pending != 0 {
		t.Fatalf("report %s: %v", out, err)
	}
	var line map[string]any
	if err := json.Unmarshal(logged.Bytes(), &line); err != nil {
		t.Fatalf("metrics line %q: %v", logged.String(), err)
	}
	cases := []struct {
		key  string
		want any
	}{
		{"Table", "rec"},
		{metrics.ReconcileBacklog, 0.0},
		{metrics.ReconcileOldestIntent, 0.0},
		{metrics.RollupsBehind, 0.0},
	}
	for _, c := range cases {
		if line[c.key] != c.want {
			t.Errorf("%s = %v, want %v", c.key, line[c.key], c.want)
		}
	}
	if _, ok := line["_aws"].(map[string]any)["CloudWatchMetrics"]; !ok {
		t.Errorf("no CloudWatchMetrics directive: %s", logged.String())
	}
}
