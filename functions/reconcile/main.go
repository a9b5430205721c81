// Command reconcile is the scheduled Lambda function (an EventBridge rule,
// every minute) that runs the same reconciler as `sweetspot serve`: it
// recounts from the raw events the counters of community-days whose
// ingest requests died, and reports the backlog as CloudWatch metrics
// (embedded metric format, from its log) for the stack's alarm. Thin
// wiring only; the logic is store.Reconcile.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/sweetspot/sweetspot/internal/config"
	"github.com/sweetspot/sweetspot/internal/metrics"
	"github.com/sweetspot/sweetspot/internal/store"
)

func main() {
	h, err := newHandler(context.Background(), os.Getenv, os.Stdout)
	if err != nil {
		slog.New(slog.NewJSONHandler(os.Stderr, nil)).Error("init", "error", err.Error())
		os.Exit(1)
	}
	lambda.Start(h)
}

// handler is what lambda.Start runs on each scheduled event.
type handler func(ctx context.Context) (store.ReconcileReport, error)

// newHandler wires configuration (TABLE_NAME, STORE_TIMEOUT, ...) and the
// store; each run writes one metrics line to out.
func newHandler(ctx context.Context, getenv func(string) string, out io.Writer) (handler, error) {
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, cfg.Store())
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return func(ctx context.Context) (store.ReconcileReport, error) {
		rep, err := st.Reconcile(ctx)
		if werr := writeMetrics(out, cfg.Table, rep, time.Now()); werr != nil && err == nil {
			err = werr
		}
		return rep, err
	}, nil
}

// writeMetrics writes one line in CloudWatch's embedded metric format: the
// Lambda log becomes the metrics, with no SDK call and no extra permission.
func writeMetrics(w io.Writer, tableName string, rep store.ReconcileReport, now time.Time) error {
	type metric struct {
		Name string `json:"Name"`
		Unit string `json:"Unit"`
	}
	line := map[string]any{
		"_aws": map[string]any{
			"Timestamp": now.UnixMilli(),
			"CloudWatchMetrics": []any{map[string]any{
				"Namespace":  metrics.Namespace,
				"Dimensions": [][]string{{metrics.DimensionTable}},
				"Metrics": []metric{{metrics.ReconcilePending, "Count"}, {metrics.ReconcileBacklog, "Count"},
					{metrics.ReconcileOldestIntent, "Seconds"}, {metrics.ReconcileRepaired, "Count"}, {metrics.RollupsBehind, "Count"}},
			}},
		},
		metrics.DimensionTable:        tableName,
		metrics.ReconcilePending:      rep.Pending,
		metrics.ReconcileBacklog:      rep.Expired,
		metrics.ReconcileOldestIntent: int64(rep.Oldest.Seconds()),
		metrics.ReconcileRepaired:     len(rep.Repaired),
		metrics.RollupsBehind:         rep.Rollups.Behind,
	}
	b, err := json.Marshal(line)
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
