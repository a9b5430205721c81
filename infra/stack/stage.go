package stack

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
)

// Stage names. Dev is the default so that a forgotten `-c stage=...` can
// never touch production data.
const (
	Dev  = "dev"
	Prod = "prod"
)

// StageConfig is what differs between stages. Every number is here, named,
// so a reader sees at once what prod buys over dev.
type StageConfig struct {
	Name string
	// Retain keeps the table, the bucket and the log groups when the stack
	// is deleted, and turns on the table's deletion protection.
	Retain bool
	// LogRetention is how long function and API access logs are kept.
	LogRetention awslogs.RetentionDays
	// RequireAlarmSubscriber refuses a synth whose alarms reach nobody.
	RequireAlarmSubscriber bool
	// ThrottleRate (requests/s) and ThrottleBurst are the API stage's
	// default route throttling: API Gateway answers 429 beyond them before
	// anything is billed in Lambda or DynamoDB.
	ThrottleRate  float64
	ThrottleBurst float64
	// LogLevel is the function's LOG_LEVEL.
	LogLevel string
	// Alarm thresholds, per 5-minute period (counts unless named).
	ErrorsThreshold     float64
	ThrottlesThreshold  float64
	API5xxThreshold     float64
	AlarmPeriodsToAlarm float64
	// LatencyP99Ms: the API's p99 latency (API Gateway's Latency).
	LatencyP99Ms float64
	// API4xxPercent of requests answered 4xx, judged only over periods
	// with at least API4xxMinRequests requests (a handful of typos at
	// night is not an incident).
	API4xxPercent     float64
	API4xxMinRequests float64
	// API429Threshold: requests answered 429 (API Gateway's throttle, the
	// function's per-key limit, counted from the access log).
	API429Threshold float64
	// TableThrottlesThreshold and TableSystemErrorsThreshold: DynamoDB
	// requests throttled (table and indexes) or failed on AWS's side.
	TableThrottlesThreshold    float64
	TableSystemErrorsThreshold float64
	// CloudFront5xxPercent: the share of the distribution's responses that
	// were 5xx (CloudFront's 5xxErrorRate, in us-east-1).
	CloudFront5xxPercent float64
}

// Stages returns the configuration of every stage.
func Stages() map[string]StageConfig {
	return map[string]StageConfig{
		Dev: {
			Name:                Dev,
			Retain:              false,
			LogRetention:        awslogs.RetentionDays_ONE_WEEK,
			ThrottleRate:        50,
			ThrottleBurst:       100,
			LogLevel:            "debug",
			ErrorsThreshold:     1,
			ThrottlesThreshold:  1,
			API5xxThreshold:     5,
			AlarmPeriodsToAlarm: 1,
			LatencyP99Ms:        3000,
			API4xxPercent:       50,
			API4xxMinRequests:   20,
			API429Threshold:     50,
			// dev's table throttles and errors page too: they are bugs or
			// AWS incidents, whatever the stage.
			TableThrottlesThreshold:    1,
			TableSystemErrorsThreshold: 1,
			CloudFront5xxPercent:       10,
		},
		Prod: {
			Name:         Prod,
			Retain:       true,
			LogRetention: awslogs.RetentionDays_THREE_MONTHS,
			// Reserved concurrency is a saved setting (infra/stages.json),
			// opt-in: see Settings.ReservedConcurrency.
			RequireAlarmSubscriber: true,
			ThrottleRate:           500,
			ThrottleBurst:          1000,
			LogLevel:               "info",
			ErrorsThreshold:        5,
			ThrottlesThreshold:     1,
			API5xxThreshold:        10,
			AlarmPeriodsToAlarm:    1,
			// Warm requests answer in milliseconds (BENCHMARKS.md); a p99
			// of a second means cold starts piling up or a slow table.
			LatencyP99Ms:               1000,
			API4xxPercent:              25,
			API4xxMinRequests:          100,
			API429Threshold:            100,
			TableThrottlesThreshold:    1,
			TableSystemErrorsThreshold: 1,
			CloudFront5xxPercent:       1,
		},
	}
}

// Stage returns the configuration of the named stage ("" means dev).
func Stage(name string) (StageConfig, error) {
	if name == "" {
		name = Dev
	}
	c, ok := Stages()[name]
	if !ok {
		return StageConfig{}, fmt.Errorf("stage %q: want %q or %q", name, Dev, Prod)
	}
	return c, nil
}
