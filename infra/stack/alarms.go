package stack

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssnssubscriptions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// alarmPeriodMinutes is the period every alarm sums over.
const alarmPeriodMinutes = 5

// Alarm names (construct ids), so tests and dashboards agree.
const (
	AlarmFunctionErrors    = "ApiFunctionErrors"
	AlarmFunctionThrottles = "ApiFunctionThrottles"
	AlarmAPI5xx            = "HttpApi5xx"
)

// newAlarms adds the alarms and the topic they notify: function errors
// (unhandled errors and timeouts), function throttles (the reserved
// concurrency or the account limit reached) and API 5xx answers (what a
// client actually saw, including integration failures).
func newAlarms(scope constructs.Construct, p Props, api *API) awssns.Topic {
	topic := awssns.NewTopic(scope, jsii.String("AlarmTopic"), &awssns.TopicProps{
		DisplayName: jsii.String("Sweetspot " + p.Stage.Name + " alarms"),
		EnforceSSL:  jsii.Bool(true),
	})
	// The topic policy that EnforceSSL creates replaces SNS's default one,
	// so CloudWatch's right to publish is granted explicitly, and only for
	// alarms of this account.
	stack := awscdk.Stack_Of(scope)
	topic.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("CloudWatchAlarmsPublish"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("cloudwatch.amazonaws.com"), nil)},
		Actions:    jsii.Strings("sns:Publish"),
		Resources:  jsii.Strings(*topic.TopicArn()),
		Conditions: &map[string]any{
			"StringEquals": map[string]any{"aws:SourceAccount": stack.Account()},
			"ArnLike": map[string]any{"aws:SourceArn": stack.FormatArn(&awscdk.ArnComponents{
				Service: jsii.String("cloudwatch"), Resource: jsii.String("alarm"), ResourceName: jsii.String("*"),
				ArnFormat: awscdk.ArnFormat_COLON_RESOURCE_NAME,
			})},
		},
	}))
	if p.AlarmEmail != "" {
		topic.AddSubscription(awssnssubscriptions.NewEmailSubscription(jsii.String(p.AlarmEmail), nil))
	}
	action := awscloudwatchactions.NewSnsAction(topic)
	period := awscdk.Duration_Minutes(jsii.Number(alarmPeriodMinutes))
	sum := &awscloudwatch.MetricOptions{Period: period, Statistic: jsii.String("Sum")}

	add := func(id, desc string, m awscloudwatch.Metric, threshold float64) {
		a := m.CreateAlarm(scope, jsii.String(id), &awscloudwatch.CreateAlarmOptions{
			AlarmDescription:   jsii.String(desc),
			Threshold:          jsii.Number(threshold),
			EvaluationPeriods:  jsii.Number(p.Stage.AlarmPeriodsToAlarm),
			ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
			TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
		})
		a.AddAlarmAction(action)
		a.AddOkAction(action)
	}
	add(AlarmFunctionErrors, "The API function failed (error or timeout); see its log group",
		api.Function.MetricErrors(sum), p.Stage.ErrorsThreshold)
	add(AlarmFunctionThrottles, "The API function was throttled (reserved concurrency or account limit reached)",
		api.Function.MetricThrottles(sum), p.Stage.ThrottlesThreshold)
	add(AlarmAPI5xx, "The HTTP API answered 5xx; see the access logs",
		api.HttpApi.MetricServerError(sum), p.Stage.API5xxThreshold)
	return topic
}
