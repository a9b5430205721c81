// Package metrics names the CloudWatch metrics Sweetspot's functions
// publish (embedded metric format, from their logs), so the function that
// writes them and the stack that alarms on them (infra/) cannot drift. It
// has no dependencies: the CDK module imports it.
package metrics

// Namespace holds every Sweetspot metric; each carries the dimension
// DimensionTable (the table name: one per stage).
const (
	Namespace      = "Sweetspot"
	DimensionTable = "Table"
)

// The reconciler's metrics (functions/reconcile), one value per run.
const (
	// ReconcilePending counts ingest intents found: requests at work or dead.
	ReconcilePending = "ReconcilePending"
	// ReconcileBacklog counts intents older than the lease: counters known
	// to need a recount.
	ReconcileBacklog = "ReconcileBacklog"
	// ReconcileOldestIntent is the age in seconds of the oldest intent: it
	// grows when the reconciler cannot clear the backlog.
	ReconcileOldestIntent = "ReconcileOldestIntentSeconds"
	// ReconcileRepaired counts community-day shards recounted in the run.
	ReconcileRepaired = "ReconcileRepaired"
	// RollupsBehind counts the closed days not rolled up after the run's
	// rollup pass (0 when it caught up): insights read those days from
	// their counter shards, slower.
	RollupsBehind = "RollupsBehind"
)
