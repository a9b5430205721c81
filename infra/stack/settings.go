package stack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// SettingsFile holds each stage's deploy settings, in the repository
// (infra/stages.json), so that a deploy never depends on remembering the
// make variables of the last one: a `make deploy STAGE=prod` without
// ALARM_EMAIL keeps the saved subscriber instead of deleting it.
const SettingsFile = "stages.json"

// Settings are one stage's saved deploy settings. CDK context (`-c key=value`,
// make variables) overrides them for one run; ApplyContext says which keys.
type Settings struct {
	// Region is where the stage's main stack goes. The web ACL and the
	// CloudFront alarms always go to us-east-1 (CloudFront's region); the
	// main stack may be elsewhere (cross-region references then pass the
	// ACL's ARN and the distribution id through SSM parameters).
	Region string `json:"region"`
	// Account, if set, pins the AWS account; otherwise the CLI's credentials
	// decide (CDK_DEFAULT_ACCOUNT) or, offline, none.
	Account string `json:"account,omitempty"`
	// AlarmEmails are subscribed to the alarm topics. Prod refuses to synth
	// without one: alarms nobody receives page nobody.
	AlarmEmails []string `json:"alarmEmails"`
	// AllowedOrigins: see Props.AllowedOrigins.
	AllowedOrigins []string `json:"allowedOrigins"`
	// EventTTLDays: see Props.EventTTLDays (0: the API's default).
	EventTTLDays int `json:"eventTtlDays"`
	// ReservedConcurrency reserves that many concurrent executions for the
	// API function (0: none). Opt-in: Lambda keeps 100 of an account's
	// concurrency unreserved, so reserving N needs an account quota of at
	// least N + 100 (docs/deploy.md, "Reserved concurrency").
	ReservedConcurrency int `json:"reservedConcurrency"`
	// AccountConcurrency is the account's concurrent executions quota
	// (`aws lambda get-account-settings`), for the "concurrency near its
	// limit" alarm when nothing is reserved (0: the default quota, 1,000).
	AccountConcurrency int `json:"accountConcurrency,omitempty"`
	// WAF attaches a WAFv2 web ACL (managed rules and per-IP rate rules)
	// to the distribution.
	WAF bool `json:"waf"`
	// OriginSecretVersion, if set, pins the Secrets Manager version of the
	// origin secret that CloudFront and the API read. Changing it (after
	// `put-secret-value`) is what makes CloudFormation read the secret
	// again: docs/deploy.md, "Origin secret".
	OriginSecretVersion string `json:"originSecretVersion,omitempty"`
}

// ReadSettings reads the settings of every stage from a JSON file,
// strictly: an unknown key is a typo that would otherwise be ignored.
func ReadSettings(path string) (map[string]Settings, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("stage settings: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var all map[string]Settings
	if err := dec.Decode(&all); err != nil {
		return nil, fmt.Errorf("stage settings %s: %w", path, err)
	}
	for name := range all {
		if _, ok := Stages()[name]; !ok {
			return nil, fmt.Errorf("stage settings %s: unknown stage %q", path, name)
		}
	}
	return all, nil
}

// Check reports what makes the settings unusable for any stage; what
// depends on the stage (an alarm subscriber in prod) is checked with the
// rest of the stack's inputs (Props.validate).
func (s Settings) Check() error {
	if s.Region == "" {
		return fmt.Errorf("region: empty; set it in infra/%s (e.g. \"us-east-1\")", SettingsFile)
	}
	return nil
}

// Lambda's concurrency rules (AWS Lambda quotas).
const (
	// defaultAccountConcurrency is the default concurrent executions quota
	// of an account in a region (new accounts may get as little as 10).
	defaultAccountConcurrency = 1000
	// unreservedMinimum is what Lambda always leaves unreserved.
	unreservedMinimum = 100
)

// accountConcurrency is the quota, or the default one when unset.
func accountConcurrency(quota int) int {
	if quota > 0 {
		return quota
	}
	return defaultAccountConcurrency
}
