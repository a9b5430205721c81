package stack

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Stacks are one stage's stacks. CloudFront lives in us-east-1 as far as
// WAF and CloudWatch are concerned, so a stage has up to three stacks,
// deployed in this order by `cdk deploy --all`:
//
//	<Name>Waf   us-east-1       the web ACL (when Settings.WAF)
//	<Name>      Settings.Region the table, the API, the site, their alarms
//	<Name>Edge  us-east-1       the CloudFront alarms and their topic
//
// When the main stack is not in us-east-1, CDK passes the ACL's ARN and
// the distribution's id across regions through SSM parameters it manages
// (crossRegionReferences).
type Stacks struct {
	WAF  *WAF // nil without Settings.WAF
	Main *Stack
	Edge *Edge
}

// All returns the stacks in deploy order.
func (s *Stacks) All() []awscdk.Stack {
	var out []awscdk.Stack
	if s.WAF != nil {
		out = append(out, s.WAF.Stack)
	}
	return append(out, s.Main.Stack, s.Edge.Stack)
}

// Build adds a stage's stacks to app: name is the main stack's name, p
// its props (Build sets their environment and web ACL), set the saved
// settings that place and protect them.
func Build(app constructs.Construct, name string, p Props, set Settings) (*Stacks, error) {
	if err := set.Check(); err != nil {
		return nil, err
	}
	env := func(region string) *awscdk.Environment {
		e := &awscdk.Environment{Region: jsii.String(region)}
		if set.Account != "" {
			e.Account = jsii.String(set.Account)
		} else if p.StackProps.Env != nil && p.StackProps.Env.Account != nil {
			e.Account = p.StackProps.Env.Account
		}
		return e
	}
	crossRegion := set.Region != CloudFrontRegion
	out := &Stacks{}
	if set.WAF {
		out.WAF = newWAF(app, name+"Waf", p.Stage, &awscdk.StackProps{
			Env:                   env(CloudFrontRegion),
			Description:           jsii.String("Sweetspot (" + p.Stage.Name + "): the CloudFront web ACL (us-east-1)"),
			CrossRegionReferences: jsii.Bool(crossRegion),
			TerminationProtection: jsii.Bool(p.Stage.Retain),
		})
		p.WebACLArn = out.WAF.ACL.AttrArn()
	}
	p.StackProps.Env = env(set.Region)
	p.StackProps.CrossRegionReferences = jsii.Bool(crossRegion)
	main, err := New(app, name, p)
	if err != nil {
		return nil, err
	}
	out.Main = main
	if out.WAF != nil {
		main.AddDependency(out.WAF.Stack, jsii.String("the distribution uses the web ACL"))
	}
	out.Edge = newEdge(app, name+"Edge", p, main, &awscdk.StackProps{
		Env:                   env(CloudFrontRegion),
		Description:           jsii.String("Sweetspot (" + p.Stage.Name + "): CloudFront alarms (us-east-1)"),
		CrossRegionReferences: jsii.Bool(crossRegion),
		TerminationProtection: jsii.Bool(p.Stage.Retain),
	})
	return out, nil
}

// Edge is the us-east-1 stack with what watches the distribution:
// CloudFront publishes its metrics there only, and an alarm can only read
// metrics of its own region.
type Edge struct {
	awscdk.Stack
	Alarms []awscloudwatch.Alarm
}

func newEdge(scope constructs.Construct, id string, p Props, main *Stack, props *awscdk.StackProps) *Edge {
	st := awscdk.NewStack(scope, jsii.String(id), props)
	tag(st, p.Stage)
	e := &Edge{Stack: st}
	a := newAlarmSet(st, p.Stage, newAlarmTopic(st, p.Stage, p.AlarmEmails))
	a.add(AlarmCloudFront5xxRate, fmt.Sprintf("%g%% or more of the distribution's responses were 5xx.", p.Stage.CloudFront5xxPercent),
		awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:  jsii.String("AWS/CloudFront"),
			MetricName: jsii.String("5xxErrorRate"),
			DimensionsMap: &map[string]*string{
				"DistributionId": main.Site.Distribution.DistributionId(),
				"Region":         jsii.String("Global"),
			},
			Period: period(), Statistic: jsii.String("Average"),
		}), p.Stage.CloudFront5xxPercent)
	e.Alarms = a.created
	return e
}
