package stack

import (
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/internal/metrics"
)

func isReconcileFunction(p map[string]any) bool {
	d, _ := p["Description"].(string)
	return p["Runtime"] == "provided.al2023" && len(d) > 0 && d != "Sweetspot HTTP API (functions/api)"
}

// TestReconciler: the reconciler function runs on a one-minute schedule,
// sees the table through the same variables as the API, may touch only the
// table's items, and two alarms reach the topic: a growing backlog (or a
// silent reconciler) and failures.
func TestReconciler(t *testing.T) {
	s := synth(t, Prod)
	cfg, _ := Stage(Prod)
	fnID, fn := s.only(t, "AWS::Lambda::Function", isReconcileFunction)
	tableID, _ := s.only(t, "AWS::DynamoDB::Table", nil)
	topicID, _ := s.only(t, "AWS::SNS::Topic", nil)
	p := props(fn)
	for k, v := range map[string]any{
		"Architectures": []any{"arm64"},
		"Handler":       "bootstrap",
		"MemorySize":    float64(ReconcileMemoryMB),
		"Timeout":       float64(ReconcileTimeoutSeconds),
		"Environment":   map[string]any{"Variables": map[string]any{EnvTableName: ref(tableID), EnvLogLevel: cfg.LogLevel}},
	} {
		if !jsonEqual(p[k], v) {
			t.Errorf("%s = %v, want %v", k, p[k], v)
		}
	}
	check(t, "schedule", func() {
		s.template.HasResourceProperties(jsii.String("AWS::Events::Rule"), obj(map[string]any{
			"ScheduleExpression": "rate(1 minute)",
			"State":              "ENABLED",
			"Targets":            arrayWith(obj(map[string]any{"Arn": getAtt(fnID, "Arn")})),
		}))
	})
	check(t, "EventBridge may invoke it", func() {
		s.template.HasResourceProperties(jsii.String("AWS::Lambda::Permission"), obj(map[string]any{
			"Action": "lambda:InvokeFunction", "Principal": "events.amazonaws.com", "FunctionName": getAtt(fnID, "Arn"),
		}))
	})
	check(t, "backlog alarm", func() {
		s.template.HasResourceProperties(jsii.String("AWS::CloudWatch::Alarm"), obj(map[string]any{
			"Namespace":          metrics.Namespace,
			"MetricName":         metrics.ReconcileOldestIntent,
			"Dimensions":         []any{map[string]any{"Name": metrics.DimensionTable, "Value": ref(tableID)}},
			"Statistic":          "Maximum",
			"Threshold":          float64(ReconcileBacklogAlarmSeconds),
			"ComparisonOperator": "GreaterThanOrEqualToThreshold",
			"TreatMissingData":   "breaching",
			"AlarmActions":       []any{ref(topicID)},
		}))
	})
	check(t, "rollups behind alarm", func() {
		s.template.HasResourceProperties(jsii.String("AWS::CloudWatch::Alarm"), obj(map[string]any{
			"Namespace":          metrics.Namespace,
			"MetricName":         metrics.RollupsBehind,
			"Dimensions":         []any{map[string]any{"Name": metrics.DimensionTable, "Value": ref(tableID)}},
			"Statistic":          "Minimum",
			"Threshold":          float64(1),
			"EvaluationPeriods":  float64(RollupsBehindAlarmPeriods),
			"ComparisonOperator": "GreaterThanOrEqualToThreshold",
			"AlarmActions":       []any{ref(topicID)},
		}))
	})
	check(t, "errors alarm", func() {
		s.template.HasResourceProperties(jsii.String("AWS::CloudWatch::Alarm"), obj(map[string]any{
			"Namespace":    "AWS/Lambda",
			"MetricName":   "Errors",
			"Dimensions":   arrayWith(obj(map[string]any{"Value": ref(fnID)})),
			"AlarmActions": []any{ref(topicID)},
		}))
	})
	roleID := p["Role"].(map[string]any)["Fn::GetAtt"].([]any)[0].(string)
	if mp := props(s.resources("AWS::IAM::Role")[roleID])["ManagedPolicyArns"]; mp != nil {
		t.Errorf("reconciler role has managed policies %v, want none", mp)
	}
}
