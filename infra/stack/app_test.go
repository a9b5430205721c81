package stack

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
)

// built is one stage's stacks through Build, as the app makes them.
type built struct {
	stacks    *Stacks
	templates map[string]map[string]any // by stack: the template JSON
}

func build(t *testing.T, stage string, set Settings) *built {
	t.Helper()
	var b *built
	check(t, "build "+stage, func() {
		out, err := os.MkdirTemp(testFixture.root, "cdk.out-")
		if err != nil {
			t.Fatal(err)
		}
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(out)})
		p := testFixture.props(stage)
		st, err := Build(app, "Sweetspot"+stage, p, set)
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		CheckCompliance(app)
		b = &built{stacks: st, templates: map[string]map[string]any{}}
		for _, s := range st.All() {
			b.templates[*s.StackName()] = *assertions.Template_FromStack(s, nil).ToJSON()
		}
		// Every stack of the stage is cdk-nag clean.
		for _, s := range st.All() {
			ann := assertions.Annotations_FromStack(s)
			pattern := assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*"))
			for _, m := range *ann.FindError(jsii.String("*"), pattern) {
				t.Errorf("%s: unsuppressed error at %s: %v", *s.StackName(), *m.Id, m.Entry.Data)
			}
		}
	})
	return b
}

func (b *built) resources(stack, typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	res, _ := b.templates[stack]["Resources"].(map[string]any)
	for id, r := range res {
		if m := r.(map[string]any); m["Type"] == typ {
			out[id] = m
		}
	}
	return out
}

// TestBuildProd: prod's web ACL (us-east-1) with the managed rule groups
// and the per-IP rate rules, attached to the distribution; CloudFront's
// alarm in us-east-1; ten alarms or more; termination protection; in the
// same region as CloudFront and in another (cross-region references).
func TestBuildProd(t *testing.T) {
	for _, region := range []string{CloudFrontRegion, "eu-west-1"} {
		t.Run(region, func(t *testing.T) {
			b := build(t, Prod, Settings{Region: region, WAF: true})
			if b == nil {
				return
			}
			st := b.stacks
			if st.WAF == nil || *st.WAF.Region() != CloudFrontRegion || *st.Edge.Region() != CloudFrontRegion || *st.Main.Region() != region {
				t.Fatalf("stacks in the wrong regions")
			}
			for _, s := range st.All() {
				if s.TerminationProtection() == nil || !*s.TerminationProtection() {
					t.Errorf("%s: no termination protection in prod", *s.StackName())
				}
			}
			acls := b.resources("Sweetspotprod"+"Waf", "AWS::WAFv2::WebACL")
			if len(acls) != 1 {
				t.Fatalf("%d web ACLs in the WAF stack, want 1", len(acls))
			}
			var acl map[string]any
			for _, a := range acls {
				acl = props(a)
			}
			if acl["Scope"] != "CLOUDFRONT" {
				t.Errorf("web ACL scope %v, want CLOUDFRONT", acl["Scope"])
			}
			rules := map[string]map[string]any{}
			for _, r := range acl["Rules"].([]any) {
				rm := r.(map[string]any)
				rules[rm["Name"].(string)] = rm
			}
			for name, group := range map[string]string{
				RuleIPReputation: "AWSManagedRulesAmazonIpReputationList", RuleCommon: "AWSManagedRulesCommonRuleSet",
				RuleKnownBadInputs: "AWSManagedRulesKnownBadInputsRuleSet",
			} {
				g, _ := rules[name]["Statement"].(map[string]any)["ManagedRuleGroupStatement"].(map[string]any)
				if g["Name"] != group || g["VendorName"] != "AWS" {
					t.Errorf("rule %s = %v, want AWS's %s", name, g, group)
				}
			}
			for name, want := range map[string]struct {
				limit  float64
				scoped string
			}{
				RuleRateEvents: {RateLimitEvents, "/v1/events"}, RuleRateRedirects: {RateLimitRedirects, "/r/"},
				RuleRateKeyless: {RateLimitKeyless, "Bearer ss."}, RuleRateAPI: {RateLimitAPI, "/v1/"},
			} {
				r := rules[name]
				rb, _ := r["Statement"].(map[string]any)["RateBasedStatement"].(map[string]any)
				if rb["Limit"] != want.limit || rb["AggregateKeyType"] != "IP" || !strings.Contains(fmt.Sprint(rb["ScopeDownStatement"]), want.scoped) {
					t.Errorf("rate rule %s = %v, want %v per IP scoped to %s", name, rb, want.limit, want.scoped)
				}
				if !strings.Contains(fmt.Sprint(r["Action"]), "ResponseCode:429") {
					t.Errorf("rate rule %s answers %v, want 429", name, r["Action"])
				}
			}
			// The common rule set's 8 KB body limit only counts: the API
			// takes bodies up to 64 KiB and answers 413 itself.
			if !strings.Contains(fmt.Sprint(rules[RuleCommon]), "SizeRestrictions_BODY") {
				t.Errorf("common rule set blocks bodies over 8 KB: %v", rules[RuleCommon])
			}
			// Attached to the distribution.
			for _, d := range b.resources("Sweetspotprod", "AWS::CloudFront::Distribution") {
				if props(d)["DistributionConfig"].(map[string]any)["WebACLId"] == nil {
					t.Error("the distribution has no web ACL")
				}
			}
			// Alarms: the main stack's and CloudFront's 5xx rate in us-east-1.
			n := len(st.Main.Alarms) + len(st.Edge.Alarms)
			if n < 10 || len(b.resources("Sweetspotprod", "AWS::CloudWatch::Alarm"))+len(b.resources("SweetspotprodEdge", "AWS::CloudWatch::Alarm")) != n {
				t.Errorf("%d alarms, want 10 or more", n)
			}
			var cf map[string]any
			for _, a := range b.resources("SweetspotprodEdge", "AWS::CloudWatch::Alarm") {
				cf = props(a)
			}
			if cf["Namespace"] != "AWS/CloudFront" || cf["MetricName"] != "5xxErrorRate" || !strings.Contains(fmt.Sprint(cf["Dimensions"]), "Global") {
				t.Errorf("CloudFront alarm = %v", cf)
			}
			if subs := b.resources("SweetspotprodEdge", "AWS::SNS::Subscription"); len(subs) != 1 {
				t.Errorf("the us-east-1 topic has %d subscriptions, want the alarm e-mail", len(subs))
			}
			// Cross-region: CDK's SSM-backed references, no export from a
			// stack in another region.
			main, _ := json.Marshal(b.templates["Sweetspotprod"])
			crossRegion := strings.Contains(string(main), "Custom::CrossRegionExportReader")
			if crossRegion != (region != CloudFrontRegion) {
				t.Errorf("%s: cross-region reader present = %v", region, crossRegion)
			}
		})
	}
}

// TestBuildDev: no web ACL (CFR2 suppressed with its reason), the
// CloudFront alarm still in us-east-1, no termination protection.
func TestBuildDev(t *testing.T) {
	b := build(t, Dev, Settings{Region: CloudFrontRegion})
	if b == nil {
		return
	}
	if b.stacks.WAF != nil || len(b.stacks.All()) != 2 {
		t.Errorf("dev stacks: %d, WAF %v; want main and edge only", len(b.stacks.All()), b.stacks.WAF)
	}
	if tp := b.stacks.Main.TerminationProtection(); tp != nil && *tp {
		t.Error("dev has termination protection")
	}
	if len(b.stacks.Edge.Alarms) != 1 {
		t.Errorf("dev edge alarms: %d", len(b.stacks.Edge.Alarms))
	}
}

// TestOriginSecretVersion: pinning a version (a rotation) changes both
// references, the function's and CloudFront's, so CloudFormation resolves
// the secret again for both in the same deploy.
func TestOriginSecretVersion(t *testing.T) {
	p := testFixture.props(Dev)
	p.OriginSecretVersion = "3f2c1b0a-version"
	check(t, "synth with a pinned version", func() {
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())})
		st, err := New(app, "Rotated", p)
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		b, _ := json.Marshal(*assertions.Template_FromStack(st.Stack, nil).ToJSON())
		for _, field := range []string{"current", "previous"} {
			want := `:SecretString:` + field + `::3f2c1b0a-version}}`
			if n := strings.Count(string(b), want); (field == "current" && n != 2) || (field == "previous" && n != 1) {
				t.Errorf("%d references to %s at the pinned version; want the function's and, for current, CloudFront's", n, field)
			}
		}
	})
}
