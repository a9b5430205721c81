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
	// ReservedConcurrency caps the API function's concurrent executions,
	// which bounds cost and the load on the table under a traffic spike.
	// 0 means none: a fresh AWS account has an account limit of 10 and
	// Lambda refuses to reserve below 10 unreserved, so dev reserves nothing.
	ReservedConcurrency int
	// ThrottleRate (requests/s) and ThrottleBurst are the API stage's
	// default route throttling: API Gateway answers 429 beyond them before
	// anything is billed in Lambda or DynamoDB.
	ThrottleRate  float64
	ThrottleBurst float64
	// LogLevel is the function's LOG_LEVEL.
	LogLevel string
	// Alarm thresholds, per 5-minute period.
	ErrorsThreshold     float64
	ThrottlesThreshold  float64
	API5xxThreshold     float64
	AlarmPeriodsToAlarm float64
}

// Stages returns the configuration of every stage.
func Stages() map[string]StageConfig {
	return map[string]StageConfig{
		Dev: {
			Name:                Dev,
			Retain:              false,
			LogRetention:        awslogs.RetentionDays_ONE_WEEK,
			ReservedConcurrency: 0,
			ThrottleRate:        50,
			ThrottleBurst:       100,
			LogLevel:            "debug",
			ErrorsThreshold:     1,
			ThrottlesThreshold:  1,
			API5xxThreshold:     5,
			AlarmPeriodsToAlarm: 1,
		},
		Prod: {
			Name:                Prod,
			Retain:              true,
			LogRetention:        awslogs.RetentionDays_THREE_MONTHS,
			ReservedConcurrency: 100,
			ThrottleRate:        500,
			ThrottleBurst:       1000,
			LogLevel:            "info",
			ErrorsThreshold:     5,
			ThrottlesThreshold:  1,
			API5xxThreshold:     10,
			AlarmPeriodsToAlarm: 1,
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
