package stack

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awswafv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// CloudFrontRegion is where everything attached to or measuring a
// CloudFront distribution must live: CLOUDFRONT-scoped web ACLs and
// CloudFront's CloudWatch metrics.
const CloudFrontRegion = "us-east-1"

// Per-IP rate limits of the web ACL, in requests per rateWindowSeconds. A
// client over a limit gets 429 until its rate falls back under it. They
// sit well above what one honest client sends (a visitor's widget sends a
// few events a minute; an integrator batches up to 100 events per
// request), and bound what one address can cost us.
const (
	rateWindowSeconds = 300
	// RateLimitEvents: POST /v1/events, 10 requests/s sustained.
	RateLimitEvents = 3000
	// RateLimitRedirects: GET /r/{code}, 2 redirects/s sustained: people
	// follow links by hand.
	RateLimitRedirects = 600
	// RateLimitKeyless: API requests that cannot authenticate (no key, or
	// nothing shaped like one), 1/s sustained. The web ACL sees requests,
	// not responses, so this is what "authentication failures" can mean at
	// the edge; a well-formed wrong key costs the API one GetItem and is
	// bounded by RateLimitAPI.
	RateLimitKeyless = 300
	// RateLimitAPI: every /v1/ request of one address, 20/s sustained
	// (API Gateway's stage throttle bounds the sum over all addresses).
	RateLimitAPI = 6000
)

// Names of the web ACL's rules, so tests and dashboards agree.
const (
	RuleIPReputation   = "AwsIpReputation"
	RuleRateEvents     = "RateEvents"
	RuleRateRedirects  = "RateRedirects"
	RuleRateKeyless    = "RateKeyless"
	RuleRateAPI        = "RateApi"
	RuleCommon         = "AwsCommon"
	RuleKnownBadInputs = "AwsKnownBadInputs"
)

// WAF is the stack in us-east-1 that holds the distribution's web ACL.
type WAF struct {
	awscdk.Stack
	ACL awswafv2.CfnWebACL
}

// newWAF builds the web ACL stack. props must place it in CloudFrontRegion.
func newWAF(scope constructs.Construct, id string, stage StageConfig, props *awscdk.StackProps) *WAF {
	st := awscdk.NewStack(scope, jsii.String(id), props)
	tag(st, stage)
	w := &WAF{Stack: st}
	prio := 0
	var rules []interface{}
	add := func(r *awswafv2.CfnWebACL_RuleProperty) {
		r.Priority = jsii.Number(float64(prio))
		r.VisibilityConfig = visibility(*r.Name)
		rules = append(rules, r)
		prio++
	}
	// Cheapest first: a known bad address is refused before anything
	// else is evaluated.
	add(managedRule(RuleIPReputation, "AWSManagedRulesAmazonIpReputationList", nil))
	add(rateRule(RuleRateEvents, RateLimitEvents, uriStartsWith("/v1/events")))
	add(rateRule(RuleRateRedirects, RateLimitRedirects, uriStartsWith("/r/")))
	add(rateRule(RuleRateKeyless, RateLimitKeyless, keylessAPIRequest()))
	add(rateRule(RuleRateAPI, RateLimitAPI, uriStartsWith("/v1/")))
	// The API accepts bodies up to 64 KiB (an offer's 10,000-character body
	// and the draft of POST /v1/score); the common rule set blocks bodies
	// over 8 KB, so that one rule only counts. The API enforces its own
	// limit with a clear 413.
	add(managedRule(RuleCommon, "AWSManagedRulesCommonRuleSet", []string{"SizeRestrictions_BODY"}))
	add(managedRule(RuleKnownBadInputs, "AWSManagedRulesKnownBadInputsRuleSet", nil))

	w.ACL = awswafv2.NewCfnWebACL(st, jsii.String("WebAcl"), &awswafv2.CfnWebACLProps{
		Name:             jsii.String("sweetspot-" + stage.Name),
		Description:      jsii.String("Sweetspot " + stage.Name + ": AWS managed rules and per-IP rate limits for the distribution"),
		Scope:            jsii.String("CLOUDFRONT"),
		DefaultAction:    &awswafv2.CfnWebACL_DefaultActionProperty{Allow: &awswafv2.CfnWebACL_AllowActionProperty{}},
		VisibilityConfig: visibility("sweetspot-" + stage.Name),
		Rules:            &rules,
	})
	return w
}

func visibility(name string) *awswafv2.CfnWebACL_VisibilityConfigProperty {
	return &awswafv2.CfnWebACL_VisibilityConfigProperty{
		CloudWatchMetricsEnabled: jsii.Bool(true),
		SampledRequestsEnabled:   jsii.Bool(true),
		MetricName:               jsii.String(name),
	}
}

// managedRule uses an AWS managed rule group; countOnly lists rules of the
// group that only count instead of blocking.
func managedRule(name, group string, countOnly []string) *awswafv2.CfnWebACL_RuleProperty {
	stmt := &awswafv2.CfnWebACL_ManagedRuleGroupStatementProperty{
		VendorName: jsii.String("AWS"),
		Name:       jsii.String(group),
	}
	if len(countOnly) > 0 {
		var overrides []interface{}
		for _, r := range countOnly {
			overrides = append(overrides, &awswafv2.CfnWebACL_RuleActionOverrideProperty{
				Name:        jsii.String(r),
				ActionToUse: &awswafv2.CfnWebACL_RuleActionProperty{Count: &awswafv2.CfnWebACL_CountActionProperty{}},
			})
		}
		stmt.RuleActionOverrides = &overrides
	}
	return &awswafv2.CfnWebACL_RuleProperty{
		Name:           jsii.String(name),
		Statement:      &awswafv2.CfnWebACL_StatementProperty{ManagedRuleGroupStatement: stmt},
		OverrideAction: &awswafv2.CfnWebACL_OverrideActionProperty{None: map[string]any{}},
	}
}

// rateRule answers 429 to an address that sends more than limit requests
// matching scope within rateWindowSeconds.
func rateRule(name string, limit float64, scope *awswafv2.CfnWebACL_StatementProperty) *awswafv2.CfnWebACL_RuleProperty {
	return &awswafv2.CfnWebACL_RuleProperty{
		Name: jsii.String(name),
		Statement: &awswafv2.CfnWebACL_StatementProperty{RateBasedStatement: &awswafv2.CfnWebACL_RateBasedStatementProperty{
			AggregateKeyType:    jsii.String("IP"),
			Limit:               jsii.Number(limit),
			EvaluationWindowSec: jsii.Number(rateWindowSeconds),
			ScopeDownStatement:  scope,
		}},
		Action: &awswafv2.CfnWebACL_RuleActionProperty{Block: &awswafv2.CfnWebACL_BlockActionProperty{
			CustomResponse: &awswafv2.CfnWebACL_CustomResponseProperty{ResponseCode: jsii.Number(429)},
		}},
	}
}

func noTransform() *[]interface{} {
	return &[]interface{}{&awswafv2.CfnWebACL_TextTransformationProperty{Priority: jsii.Number(0), Type: jsii.String("NONE")}}
}

func uriStartsWith(prefix string) *awswafv2.CfnWebACL_StatementProperty {
	return &awswafv2.CfnWebACL_StatementProperty{ByteMatchStatement: &awswafv2.CfnWebACL_ByteMatchStatementProperty{
		FieldToMatch:         &awswafv2.CfnWebACL_FieldToMatchProperty{UriPath: map[string]any{}},
		PositionalConstraint: jsii.String("STARTS_WITH"),
		SearchString:         jsii.String(prefix),
		TextTransformations:  noTransform(),
	}}
}

func not(s *awswafv2.CfnWebACL_StatementProperty) *awswafv2.CfnWebACL_StatementProperty {
	return &awswafv2.CfnWebACL_StatementProperty{NotStatement: &awswafv2.CfnWebACL_NotStatementProperty{Statement: s}}
}

// keylessAPIRequest matches /v1/ requests that cannot authenticate: not
// the health check, not a CORS preflight (neither needs a key), with no
// "Bearer ss." Authorization header and no ?key=ss. (the offer widget's
// ingest key). Every key starts with "ss." (domain.ParseToken).
func keylessAPIRequest() *awswafv2.CfnWebACL_StatementProperty {
	header := &awswafv2.CfnWebACL_StatementProperty{ByteMatchStatement: &awswafv2.CfnWebACL_ByteMatchStatementProperty{
		FieldToMatch: &awswafv2.CfnWebACL_FieldToMatchProperty{
			// A JSON-typed property: CDK passes it through as is, so the
			// key must be CloudFormation's "Name", not a struct's "name".
			SingleHeader: map[string]any{"Name": "authorization"},
		},
		PositionalConstraint: jsii.String("STARTS_WITH"),
		SearchString:         jsii.String("Bearer ss."),
		TextTransformations:  noTransform(),
	}}
	query := &awswafv2.CfnWebACL_StatementProperty{ByteMatchStatement: &awswafv2.CfnWebACL_ByteMatchStatementProperty{
		FieldToMatch: &awswafv2.CfnWebACL_FieldToMatchProperty{
			SingleQueryArgument: map[string]any{"Name": "key"},
		},
		PositionalConstraint: jsii.String("STARTS_WITH"),
		SearchString:         jsii.String("ss."),
		TextTransformations:  noTransform(),
	}}
	options := &awswafv2.CfnWebACL_StatementProperty{ByteMatchStatement: &awswafv2.CfnWebACL_ByteMatchStatementProperty{
		FieldToMatch:         &awswafv2.CfnWebACL_FieldToMatchProperty{Method: map[string]any{}},
		PositionalConstraint: jsii.String("EXACTLY"),
		SearchString:         jsii.String("OPTIONS"),
		TextTransformations:  noTransform(),
	}}
	health := &awswafv2.CfnWebACL_StatementProperty{ByteMatchStatement: &awswafv2.CfnWebACL_ByteMatchStatementProperty{
		FieldToMatch:         &awswafv2.CfnWebACL_FieldToMatchProperty{UriPath: map[string]any{}},
		PositionalConstraint: jsii.String("EXACTLY"),
		SearchString:         jsii.String("/v1/health"),
		TextTransformations:  noTransform(),
	}}
	return &awswafv2.CfnWebACL_StatementProperty{AndStatement: &awswafv2.CfnWebACL_AndStatementProperty{
		Statements: &[]interface{}{uriStartsWith("/v1/"), not(health), not(options), not(header), not(query)},
	}}
}
