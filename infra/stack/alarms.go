package stack

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssnssubscriptions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// alarmPeriodMinutes is the period every alarm evaluates.
const alarmPeriodMinutes = 5

// nearLimitPercent is how close to a hard limit (the function's timeout,
// its concurrency) an alarm fires: early enough to act before the limit
// turns into errors.
const nearLimitPercent = 80

// Alarm names (construct ids), so tests, dashboards and the runbook in
// docs/deploy.md agree.
const (
	AlarmFunctionErrors      = "ApiFunctionErrors"
	AlarmFunctionThrottles   = "ApiFunctionThrottles"
	AlarmFunctionDuration    = "ApiFunctionDurationNearTimeout"
	AlarmFunctionConcurrency = "ApiFunctionConcurrencyNearLimit"
	AlarmAPI5xx              = "HttpApi5xx"
	AlarmAPILatencyP99       = "HttpApiLatencyP99"
	AlarmAPI4xxRate          = "HttpApi4xxRate"
	AlarmAPI429              = "HttpApi429"
	AlarmTableThrottles      = "TableThrottles"
	AlarmTableSystemErrors   = "TableSystemErrors"
	AlarmCloudFront5xxRate   = "CloudFront5xxRate"
)

// RunbookURL is where every alarm's description points: one line per
// alarm saying what to look at first.
const RunbookURL = "docs/deploy.md#alarms"

// MetricNamespace holds the metrics the stack derives from logs.
const MetricNamespace = "Sweetspot"

// newAlarmTopic is the topic alarms notify, with every address
// subscribed. Each region with alarms has its own (an alarm can only
// notify a topic of its region).
func newAlarmTopic(scope constructs.Construct, stage StageConfig, emails []string) awssns.Topic {
	topic := awssns.NewTopic(scope, jsii.String("AlarmTopic"), &awssns.TopicProps{
		DisplayName: jsii.String("Sweetspot " + stage.Name + " alarms"),
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
	for _, e := range emails {
		topic.AddSubscription(awssnssubscriptions.NewEmailSubscription(jsii.String(e), nil))
	}
	return topic
}

// alarms creates alarms that notify one topic on alarm and on recovery.
// Another part of the stack adds its alarms to the same topic with add,
// or with the topic itself.
type alarms struct {
	scope   constructs.Construct
	stage   StageConfig
	topic   awssns.Topic
	action  awscloudwatchactions.SnsAction
	created []awscloudwatch.Alarm
}

func newAlarmSet(scope constructs.Construct, stage StageConfig, topic awssns.Topic) *alarms {
	return &alarms{scope: scope, stage: stage, topic: topic, action: awscloudwatchactions.NewSnsAction(topic)}
}

// add alarms when m reaches threshold in one period. The description
// names the runbook line.
func (a *alarms) add(id, desc string, m awscloudwatch.IMetric, threshold float64) awscloudwatch.Alarm {
	al := awscloudwatch.NewAlarm(a.scope, jsii.String(id), &awscloudwatch.AlarmProps{
		Metric:             m,
		AlarmDescription:   jsii.String(desc + " Runbook: " + RunbookURL + " (" + id + ")."),
		Threshold:          jsii.Number(threshold),
		EvaluationPeriods:  jsii.Number(a.stage.AlarmPeriodsToAlarm),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	})
	al.AddAlarmAction(a.action)
	al.AddOkAction(a.action)
	a.created = append(a.created, al)
	return al
}

func period() awscdk.Duration { return awscdk.Duration_Minutes(jsii.Number(alarmPeriodMinutes)) }

func stat(s string) *awscloudwatch.MetricOptions {
	return &awscloudwatch.MetricOptions{Period: period(), Statistic: jsii.String(s)}
}

// newAlarms adds the main stack's alarms (docs/deploy.md, "Alarms", has a
// runbook line for each): the function (errors, throttles, duration near
// its timeout, concurrency near its limit), the HTTP API (5xx, p99
// latency, 4xx rate, 429s) and the table (throttles, system errors).
func newAlarms(scope constructs.Construct, p Props, api *API, data *Data) *alarms {
	topic := newAlarmTopic(scope, p.Stage, p.AlarmEmails)
	a := newAlarmSet(scope, p.Stage, topic)
	s := p.Stage

	a.add(AlarmFunctionErrors, "The API function failed (error or timeout); see its log group.",
		api.Function.MetricErrors(stat("Sum")), s.ErrorsThreshold)
	a.add(AlarmFunctionThrottles, "The API function was throttled (reserved concurrency or account limit reached).",
		api.Function.MetricThrottles(stat("Sum")), s.ThrottlesThreshold)
	a.add(AlarmFunctionDuration, fmt.Sprintf("An API function invocation ran %d%% of its %d s timeout.",
		nearLimitPercent, FunctionTimeoutSeconds),
		api.Function.MetricDuration(stat("Maximum")), FunctionTimeoutSeconds*1000*nearLimitPercent/100)
	// With reserved concurrency the function's own limit is the one that
	// throttles it; without, the account's (shared by every function of
	// the account and region).
	limit, conc := p.ReservedConcurrency, api.Function.Metric(jsii.String("ConcurrentExecutions"), stat("Maximum"))
	what := "its reserved concurrency"
	if limit == 0 {
		limit = accountConcurrency(p.AccountConcurrency)
		conc = awscloudwatch.NewMetric(&awscloudwatch.MetricProps{Namespace: jsii.String("AWS/Lambda"),
			MetricName: jsii.String("ConcurrentExecutions"), Period: period(), Statistic: jsii.String("Maximum")})
		what = "the account's concurrency quota"
	}
	a.add(AlarmFunctionConcurrency, fmt.Sprintf("Concurrent executions reached %d%% of %s (%d).", nearLimitPercent, what, limit),
		conc, float64(limit*nearLimitPercent/100))

	a.add(AlarmAPI5xx, "The HTTP API answered 5xx; see the access logs.",
		api.HttpApi.MetricServerError(stat("Sum")), s.API5xxThreshold)
	a.add(AlarmAPILatencyP99, fmt.Sprintf("The API's p99 latency reached %.0f ms.", s.LatencyP99Ms),
		api.HttpApi.MetricLatency(stat("p99")), s.LatencyP99Ms)
	a.add(AlarmAPI4xxRate, fmt.Sprintf("%.0f%% of API requests were answered 4xx (periods of %.0f requests or more).",
		s.API4xxPercent, s.API4xxMinRequests),
		awscloudwatch.NewMathExpression(&awscloudwatch.MathExpressionProps{
			Expression: jsii.String(fmt.Sprintf("IF(requests >= %g, 100 * errors / requests, 0)", s.API4xxMinRequests)),
			UsingMetrics: &map[string]awscloudwatch.IMetric{
				"errors":   api.HttpApi.MetricClientError(stat("Sum")),
				"requests": api.HttpApi.MetricCount(stat("Sum")),
			},
			Label:  jsii.String("4xx %"),
			Period: period(),
		}), s.API4xxPercent)
	a.add(AlarmAPI429, "Requests were answered 429 (API Gateway's throttle or a key's rate limit); see the access logs.",
		api429Metric(scope, p, api), s.API429Threshold)

	a.add(AlarmTableThrottles, "DynamoDB throttled requests on the table or an index (a hot key, or on-demand limits).",
		tableThrottles(data), s.TableThrottlesThreshold)
	a.add(AlarmTableSystemErrors, "DynamoDB failed requests on AWS's side (the SDK retried; the API answered 503 if it gave up).",
		data.Table.MetricSystemErrorsForOperations(&awsdynamodb.SystemErrorsForOperationsMetricOptions{
			Period: period(), Statistic: jsii.String("Sum"),
			Operations: &[]awsdynamodb.Operation{
				awsdynamodb.Operation_GET_ITEM, awsdynamodb.Operation_PUT_ITEM, awsdynamodb.Operation_UPDATE_ITEM,
				awsdynamodb.Operation_DELETE_ITEM, awsdynamodb.Operation_QUERY, awsdynamodb.Operation_BATCH_GET_ITEM,
				awsdynamodb.Operation_BATCH_WRITE_ITEM,
			},
		}), s.TableSystemErrorsThreshold)
	return a
}

// api429Metric counts 429 answers from the access log: HTTP APIs publish
// 4xx as one metric, and a 429 (someone over a limit) means something
// else than a 404 or a 401.
func api429Metric(scope constructs.Construct, p Props, api *API) awscloudwatch.IMetric {
	name := "Api429-" + p.Stage.Name
	f := awslogs.NewMetricFilter(scope, jsii.String("HttpApi429Filter"), &awslogs.MetricFilterProps{
		LogGroup:        api.AccessLogs,
		FilterPattern:   awslogs.FilterPattern_StringValue(jsii.String("$.status"), jsii.String("="), jsii.String("429")),
		MetricNamespace: jsii.String(MetricNamespace),
		MetricName:      jsii.String(name),
		MetricValue:     jsii.String("1"),
		DefaultValue:    jsii.Number(0),
	})
	return f.Metric(stat("Sum"))
}

// tableThrottles sums read and write throttle events of the table and of
// every index: an index that cannot keep up throttles the table's writes.
func tableThrottles(data *Data) awscloudwatch.IMetric {
	using := map[string]awscloudwatch.IMetric{}
	var terms []string
	add := func(name string, dims map[string]*string) {
		id := fmt.Sprintf("m%d", len(terms))
		using[id] = awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace: jsii.String("AWS/DynamoDB"), MetricName: jsii.String(name),
			DimensionsMap: &dims, Period: period(), Statistic: jsii.String("Sum"),
		})
		terms = append(terms, "FILL("+id+", 0)")
	}
	for _, m := range []string{"ReadThrottleEvents", "WriteThrottleEvents"} {
		add(m, map[string]*string{"TableName": data.Table.TableName()})
		for _, ix := range data.IndexNames {
			add(m, map[string]*string{"TableName": data.Table.TableName(), "GlobalSecondaryIndexName": jsii.String(ix)})
		}
	}
	return awscloudwatch.NewMathExpression(&awscloudwatch.MathExpressionProps{
		Expression:   jsii.String(strings.Join(terms, " + ")),
		UsingMetrics: &using,
		Label:        jsii.String("throttle events (table and indexes)"),
		Period:       period(),
	})
}
