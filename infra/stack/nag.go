package stack

import (
	"sort"
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

// suppress attaches reasoned suppressions to one construct and its children.
func suppress(c constructs.IConstruct, reasons map[string]string) {
	if c == nil {
		return
	}
	ids := make([]string, 0, len(reasons))
	for id := range reasons {
		ids = append(ids, id)
	}
	sort.Strings(ids) // a stable template
	list := make([]*cdknag.NagPackSuppression, 0, len(ids))
	for _, id := range ids {
		list = append(list, &cdknag.NagPackSuppression{Id: jsii.String(id), Reason: jsii.String(reasons[id])})
	}
	cdknag.NagSuppressions_AddResourceSuppressions(c, &list, jsii.Bool(true))
}

// suppressFindings records the AwsSolutions findings this stack accepts,
// and why. Everything else is fixed in the constructs themselves.
func suppressFindings(s *Stack) {
	suppress(s.API.HttpApi, map[string]string{
		"AwsSolutions-APIG4": "Routes authenticate in the function: workspace API keys (hashed, scoped admin/ingest) " +
			"per internal/routes; /v1/health and the tracked-link redirect are public by design.",
	})
	suppress(s.Site.Distribution, map[string]string{
		"AwsSolutions-CFR1": "The site and the widget are public and embedded by customers worldwide: no geo restriction.",
		"AwsSolutions-CFR2": "No WAF: the API is rate limited by API Gateway stage throttling and authenticated by API keys; " +
			"a web ACL (about 6 USD/month plus per-request fees) can be attached without changing the stack's shape.",
		"AwsSolutions-CFR3": "No CloudFront standard logs: the static files are public, and every API request is logged " +
			"by API Gateway's access logs (ApiAccessLogs).",
		"AwsSolutions-CFR4": "The distribution uses the default *.cloudfront.net certificate, for which CloudFront " +
			"fixes the minimum TLS version; a custom domain with TLSv1.2_2021 is the way to raise it.",
	})
	suppress(s.Site.Bucket, map[string]string{
		"AwsSolutions-S1": "The bucket holds only public build output, rewritten on every deploy, read only by " +
			"CloudFront through origin access control; server access logs would record only CloudFront's reads.",
	})
	// CDK's own helper functions: the upload function behind the
	// BucketDeployments and, in dev, the one that empties the bucket on
	// destroy. Their code, runtime and policies are CDK's.
	cdkHelpers := map[string]string{
		"AwsSolutions-IAM4": "CDK's helper function uses AWSLambdaBasicExecutionRole for its own logs; " +
			"it runs only during deployments.",
		"AwsSolutions-IAM5": "CDK's helper function needs object-level wildcards (bucket/*) on the site bucket " +
			"and the CDK asset bucket to copy and prune files.",
		"AwsSolutions-L1": "The runtime of CDK's helper function is chosen and updated by the CDK version.",
	}
	for _, child := range *s.Stack.Node().Children() {
		id := *child.Node().Id()
		if strings.HasPrefix(id, "Custom::CDKBucketDeployment") || strings.HasPrefix(id, "Custom::S3AutoDeleteObjects") {
			suppress(child, cdkHelpers)
		}
	}
	suppress(s.Site.Bucket.Node().TryFindChild(jsii.String("AutoDeleteObjectsCustomResource")), cdkHelpers)
}
