package stack

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// CheckCompliance runs cdk-nag's AwsSolutions pack over everything under
// scope at synth: each unsuppressed finding becomes an error (or warning)
// annotation, and the CDK CLI refuses to deploy a stack with errors. The
// accepted findings are suppressed in suppressFindings, each with its
// reason.
func CheckCompliance(scope constructs.Construct) {
	awscdk.Aspects_Of(scope).Add(cdknag.NewAwsSolutionsChecks(&cdknag.NagPackProps{Verbose: jsii.Bool(true)}), nil)
}

// finding is one accepted cdk-nag finding. AppliesTo narrows a rule that
// reports several findings per resource (IAM4, IAM5) to the exact ones
// accepted, so a new wildcard added later is reported, not hidden; each
// entry is a finding id ("Action::s3:List*") or a regex over them.
type finding struct {
	rule, reason string
	appliesTo    []any
}

// suppress attaches the findings to one construct and its children.
func suppress(c constructs.IConstruct, findings ...finding) {
	if c == nil {
		return
	}
	list := make([]*cdknag.NagPackSuppression, 0, len(findings))
	for _, f := range findings {
		s := &cdknag.NagPackSuppression{Id: jsii.String("AwsSolutions-" + f.rule), Reason: jsii.String(f.reason)}
		if len(f.appliesTo) > 0 {
			applies := append([]any(nil), f.appliesTo...)
			s.AppliesTo = &applies
		}
		list = append(list, s)
	}
	cdknag.NagSuppressions_AddResourceSuppressions(c, &list, jsii.Bool(true))
}

func regex(r string) any { return &cdknag.RegexAppliesTo{Regex: jsii.String(r)} }

// suppressFindings records the AwsSolutions findings this stack accepts,
// and why. Everything else is fixed in the constructs themselves.
func suppressFindings(s *Stack, p Props) {
	suppress(s.API.HttpApi, finding{"APIG4", "Routes authenticate in the function: workspace API keys (hashed, scoped " +
		"admin/ingest) per internal/routes; /v1/health and the tracked-link redirect are public by design.", nil})
	suppress(s.API.Role, finding{"IAM5", "Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no " +
		"resource-level permissions, so X-Ray requires Resource '*'.", []any{"Resource::*"}})
	suppress(s.Origin.Secret, finding{"SMG4", "Rotated by hand without downtime (docs/deploy.md, \"Origin secret\"): " +
		"a rotation must redeploy the distribution's origin header, which a rotation Lambda cannot do.", nil})
	dist := []finding{
		{"CFR1", "The site and the widget are public and embedded by customers worldwide: no geo restriction.", nil},
		{"CFR3", "No CloudFront standard logs: the static files are public, and every API request is logged " +
			"by API Gateway's access logs (ApiAccessLogs) and the function, with the viewer's address.", nil},
		{"CFR4", "The distribution uses the default *.cloudfront.net certificate, for which CloudFront " +
			"fixes the minimum TLS version; a custom domain with TLSv1.2_2021 is the way to raise it.", nil},
	}
	if p.WebACLArn == nil {
		dist = append(dist, finding{"CFR2", "This stage runs without the web ACL (\"waf\": false in infra/stages.json, " +
			"about 6 USD a month plus 0.60 USD per million requests); prod has it. The API is still throttled " +
			"by API Gateway and authenticated by keys.", nil})
	}
	suppress(s.Site.Distribution, dist...)
	suppress(s.Site.Bucket, finding{"S1", "The bucket holds only public build output, rewritten on every deploy, read only by " +
		"CloudFront through origin access control; server access logs would record only CloudFront's reads.", nil})

	// CDK's own helper functions: the upload function behind the
	// BucketDeployments and, in dev, the one that empties the bucket on
	// destroy. Their code, runtime and policies are CDK's; each accepted
	// wildcard is named.
	cdkHelpers := []finding{
		{"IAM4", "CDK's helper function uses AWSLambdaBasicExecutionRole for its own logs; it runs only during deployments.",
			[]any{"Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}},
		{"IAM5", "CDK's helper function copies and prunes objects: object-level wildcards on the site bucket and the " +
			"CDK asset bucket, and the S3 action groups CDK grants for that.",
			[]any{
				"Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:DeleteObject*", "Action::s3:Abort*",
				"Resource::<" + *awscdk.Stack_Of(s.Site.Bucket).GetLogicalId(s.Site.Bucket.Node().DefaultChild().(awscdk.CfnElement)) + ".Arn>/*",
				regex(`/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[^/]+\/\*$/g`),
			}},
		{"IAM5", "CDK grants the deploy's one invalidation step cloudfront:CreateInvalidation and GetInvalidation " +
			"on '*' (its own code, no resource parameter); nothing else of the helper has Resource '*'.",
			[]any{"Resource::*"}},
		{"L1", "The runtime of CDK's helper function is chosen and updated by the CDK version.", nil},
	}
	for _, child := range *s.Stack.Node().Children() {
		id := *child.Node().Id()
		if strings.HasPrefix(id, "Custom::CDKBucketDeployment") || strings.HasPrefix(id, "Custom::S3AutoDeleteObjects") {
			suppress(child, cdkHelpers...)
		}
	}
	suppress(s.Site.Bucket.Node().TryFindChild(jsii.String("AutoDeleteObjectsCustomResource")), cdkHelpers...)
}
