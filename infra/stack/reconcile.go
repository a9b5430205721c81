package stack

import (
	"path/filepath"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseventstargets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/internal/metrics"
)

// ReconcileFunction is the folder of the reconciler function:
// functions/reconcile, built by `make lambda` into <LambdaDir>/reconcile.
const ReconcileFunction = "reconcile"

// The reconciler's schedule, sizing and alarms (docs/ENGAGEMENT.md,
// "Faults"): it runs the same store.Reconcile as `sweetspot serve`.
const (
	// ReconcileEveryMinutes is the schedule: the deployed RECONCILE_EVERY.
	ReconcileEveryMinutes = 1
	// ReconcileTimeoutSeconds keeps one run inside its minute, so runs
	// rarely overlap (overlapping runs are safe: each shard is locked).
	ReconcileTimeoutSeconds = 55
	// ReconcileMemoryMB: the reconciler only queries and writes.
	ReconcileMemoryMB = 256
	// ReconcileBacklogAlarmSeconds pages when the oldest ingest intent is
	// this old: the lease (26 s) plus many runs that did not clear it.
	ReconcileBacklogAlarmSeconds = 15 * 60
	// RollupsBehindAlarmPeriods is how many alarm periods in a row closed
	// days may wait for their rollup before it pages: a pass rolls up at
	// most 200 community-days, so a backlog clears within a few runs, and
	// one that does not makes long insights slow (each such day is read
	// from its 16 counter shards).
	RollupsBehindAlarmPeriods = 6
)

// Alarm names (construct ids) of the reconciler.
const (
	AlarmReconcileBacklog = "ReconcileBacklog"
	AlarmReconcileErrors  = "ReconcileFunctionErrors"
	AlarmRollupsBehind    = "RollupsBehind"
)

// Reconciler is the scheduled reconciler function and what it needs.
type Reconciler struct {
	Function awslambda.Function
	Role     awsiam.Role
	LogGroup awslogs.LogGroup
	Rule     awsevents.Rule
	// Alarms are its backlog and error alarms.
	Alarms []awscloudwatch.Alarm
}

// newReconciler adds the reconciler function, its schedule, and two alarms
// on the alarm topic: the backlog is not being cleared (the oldest intent
// keeps ageing, or the function stopped reporting), and the function fails.
func newReconciler(scope constructs.Construct, p Props, d *Data, topic awssns.Topic) *Reconciler {
	r := &Reconciler{}
	r.LogGroup = awslogs.NewLogGroup(scope, jsii.String("ReconcileFunctionLogs"), &awslogs.LogGroupProps{
		Retention:     p.Stage.LogRetention,
		RemovalPolicy: removal(p.Stage),
	})
	r.Role = newFunctionRole(scope, "ReconcileFunctionRole", "Sweetspot reconciler: its log group and the items of its table", r.LogGroup, d)
	env := map[string]*string{
		EnvTableName: d.Table.TableName(),
		EnvLogLevel:  jsii.String(p.Stage.LogLevel),
	}
	r.Function = awslambda.NewFunction(scope, jsii.String("ReconcileFunction"), &awslambda.FunctionProps{
		Description:  jsii.String("Sweetspot reconciler: recounts the counters of ingest requests that died and rolls up closed days (functions/reconcile)"),
		Runtime:      awslambda.Runtime_PROVIDED_AL2023(),
		Architecture: awslambda.Architecture_ARM_64(),
		Handler:      jsii.String("bootstrap"),
		Code:         awslambda.Code_FromAsset(jsii.String(filepath.Join(p.LambdaDir, ReconcileFunction)), nil),
		MemorySize:   jsii.Number(ReconcileMemoryMB),
		Timeout:      awscdk.Duration_Seconds(jsii.Number(ReconcileTimeoutSeconds)),
		Role:         r.Role,
		LogGroup:     r.LogGroup,
		Environment:  &env,
	})
	r.Rule = awsevents.NewRule(scope, jsii.String("ReconcileSchedule"), &awsevents.RuleProps{
		Description: jsii.String("Runs the Sweetspot reconciler"),
		Schedule:    awsevents.Schedule_Rate(awscdk.Duration_Minutes(jsii.Number(ReconcileEveryMinutes))),
	})
	// No retries: the next scheduled run starts over anyway.
	r.Rule.AddTarget(awseventstargets.NewLambdaFunction(r.Function, &awseventstargets.LambdaFunctionProps{
		RetryAttempts: jsii.Number(0),
	}))

	action := awscloudwatchactions.NewSnsAction(topic)
	period := awscdk.Duration_Minutes(jsii.Number(alarmPeriodMinutes))
	oldest := awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
		Namespace:     jsii.String(metrics.Namespace),
		MetricName:    jsii.String(metrics.ReconcileOldestIntent),
		DimensionsMap: &map[string]*string{metrics.DimensionTable: d.Table.TableName()},
		Period:        period,
		Statistic:     jsii.String("Maximum"),
	})
	backlog := oldest.CreateAlarm(scope, jsii.String(AlarmReconcileBacklog), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription: jsii.String("Counters wait for a recount: the oldest ingest intent keeps ageing, " +
			"or the reconciler stopped reporting; see its log group"),
		Threshold:          jsii.Number(ReconcileBacklogAlarmSeconds),
		EvaluationPeriods:  jsii.Number(p.Stage.AlarmPeriodsToAlarm),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
		// A reconciler that does not run reports nothing: that is the
		// backlog growing unseen, so missing data alarms too.
		TreatMissingData: awscloudwatch.TreatMissingData_BREACHING,
	})
	errs := r.Function.MetricErrors(&awscloudwatch.MetricOptions{Period: period, Statistic: jsii.String("Sum")}).
		CreateAlarm(scope, jsii.String(AlarmReconcileErrors), &awscloudwatch.CreateAlarmOptions{
			AlarmDescription:   jsii.String("The reconciler failed (error or timeout); see its log group"),
			Threshold:          jsii.Number(p.Stage.ErrorsThreshold),
			EvaluationPeriods:  jsii.Number(p.Stage.AlarmPeriodsToAlarm),
			ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
			TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
		})
	behind := awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
		Namespace:     jsii.String(metrics.Namespace),
		MetricName:    jsii.String(metrics.RollupsBehind),
		DimensionsMap: &map[string]*string{metrics.DimensionTable: d.Table.TableName()},
		Period:        period,
		Statistic:     jsii.String("Minimum"),
	}).CreateAlarm(scope, jsii.String(AlarmRollupsBehind), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription: jsii.String("Closed days wait for their rollup run after run: long insights read them from " +
			"their counter shards (slow); see the reconciler's log group"),
		Threshold:          jsii.Number(1),
		EvaluationPeriods:  jsii.Number(RollupsBehindAlarmPeriods),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
		// A reconciler that stops reporting is ReconcileBacklog's alarm.
		TreatMissingData: awscloudwatch.TreatMissingData_NOT_BREACHING,
	})
	r.Alarms = []awscloudwatch.Alarm{backlog, errs, behind}
	for _, a := range r.Alarms {
		a.AddAlarmAction(action)
		a.AddOkAction(action)
	}
	return r
}
