// Package stack builds Sweetspot's AWS stack: the DynamoDB table from the
// application's own table definition, the API function behind an HTTP API
// that declares exactly the application's routes, the site and the widget on
// S3 behind CloudFront, and the alarms that page someone. The CDK app in
// infra/main.go only reads context and calls New, so tests build the same
// stack from temporary asset folders.
package stack

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/internal/table"
)

// APIFunction is the folder name of the API function: functions/api in the
// application module, built by `make lambda` into <LambdaDir>/api/bootstrap.
const APIFunction = "api"

// WidgetPrefix is where the built widget (build/widget) is served:
// /widget/sweetspot.<hash>.wasm, the same paths as `sweetspot serve`.
const WidgetPrefix = "widget/"

// LoaderFile is the widget loader. When the widget build writes one (the
// loader stamped with the content-hashed file names), it is served at
// /widget.js in place of site/widget.js, as `sweetspot serve` does.
const LoaderFile = "widget.js"

// Props configure the stack.
type Props struct {
	StackProps awscdk.StackProps
	// Stage is the stage's configuration (see Stages).
	Stage StageConfig
	// LambdaDir holds one folder per function, each with a `bootstrap`
	// built for linux/arm64 (build/lambda).
	LambdaDir string
	// SiteDir is served at the root of the site (site/).
	SiteDir string
	// WidgetDir is served under /widget/ (build/widget). Empty means the
	// widget has not been built: the stack deploys the site without it.
	WidgetDir string
	// AllowedOrigins, if set, makes API Gateway answer CORS for these
	// origins (https://www.example.com, or "*") and override the function's
	// CORS headers: an outer allowlist fixed at deploy time. Empty (the
	// default) leaves CORS to the function, which echoes the origins each
	// ingest key allows; preflights then go to the function too.
	AllowedOrigins []string
	// AlarmEmails are subscribed to the alarm topics.
	AlarmEmails []string
	// EventTTLDays, if positive, is passed to the API as EVENT_TTL_DAYS
	// (how long raw engagement events are kept before DynamoDB expires them);
	// otherwise it must be within table.MinEventTTLDays..MaxEventTTLDays.
	EventTTLDays int
	// ReservedConcurrency and AccountConcurrency: see Settings.
	ReservedConcurrency int
	AccountConcurrency  int
	// WebACLArn, if set, attaches that (CLOUDFRONT-scoped) web ACL to the
	// distribution; Build sets it from the WAF stack.
	WebACLArn *string
	// OriginSecretVersion: see Settings.OriginSecretVersion.
	OriginSecretVersion string
}

// Stack is the built stack and the constructs tests and outputs refer to.
type Stack struct {
	awscdk.Stack
	Data   *Data
	API    *API
	Site   *Site
	Origin *OriginSecret
	// AlarmTopic is what the main stack's alarms notify; Alarms are them.
	AlarmTopic awssns.Topic
	Alarms     []awscloudwatch.Alarm
	// Reconciler recounts the counters of ingest requests that died.
	Reconciler *Reconciler
}

// New builds the stack. Every input is checked before any construct is
// created, so a bad folder or origin is a clear error, not a jsii panic.
func New(scope constructs.Construct, id string, p Props) (*Stack, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	sources, err := staticSources(p)
	if err != nil {
		return nil, err
	}
	var all []StaticFile
	for _, src := range sources {
		all = append(all, src.Files...)
	}
	edgeCode, err := EdgeFunctionCode(Precompressed(all))
	if err != nil {
		return nil, err
	}

	sp := p.StackProps
	// A stage that retains its data also refuses `cdk destroy` until
	// someone turns the protection off on purpose.
	sp.TerminationProtection = jsii.Bool(p.Stage.Retain)
	st := awscdk.NewStack(scope, jsii.String(id), &sp)
	tag(st, p.Stage)

	s := &Stack{Stack: st}
	s.Data = newData(st, p.Stage)
	s.Origin = newOriginSecret(st, p)
	s.API = newAPI(st, p, s.Data, s.Origin)
	s.Site = newSite(st, p, s.API, s.Origin, sources, edgeCode)
	alarms := newAlarms(st, p, s.API, s.Data)
	s.Reconciler = newReconciler(st, p, s.Data, alarms.topic)
	s.AlarmTopic, s.Alarms = alarms.topic, append(alarms.created, s.Reconciler.Alarms...)
	s.outputs()
	suppressFindings(s, p)
	return s, nil
}

func tag(st awscdk.Stack, stage StageConfig) {
	awscdk.Tags_Of(st).Add(jsii.String("app"), jsii.String("sweetspot"), nil)
	awscdk.Tags_Of(st).Add(jsii.String("stage"), jsii.String(stage.Name), nil)
}

// staticSource is one folder's files and where they go in the bucket.
type staticSource struct {
	Name   string // construct id prefix: Site, Widget, Loader
	Dir    string
	Prefix string
	Files  []StaticFile
}

// staticSources lists what the bucket serves: site/ at the root,
// build/widget under /widget/, and the built loader (with any twins) at
// /widget.js when there is one.
func staticSources(p Props) ([]staticSource, error) {
	site, err := ListStatic(p.SiteDir, "")
	if err != nil {
		return nil, err
	}
	if p.WidgetDir == "" {
		return []staticSource{{"Site", p.SiteDir, "", site}}, nil
	}
	all, err := ListStatic(p.WidgetDir, WidgetPrefix)
	if err != nil {
		return nil, err
	}
	isLoader := func(rel string) bool {
		return rel == LoaderFile || rel == LoaderFile+".br" || rel == LoaderFile+".gz"
	}
	var widget, loader []StaticFile
	for _, f := range all {
		if isLoader(f.Rel) {
			f.Key = f.Rel
			f.CacheControl = CacheControlOf(f.Key)
			loader = append(loader, f)
		} else {
			widget = append(widget, f)
		}
	}
	var kept []StaticFile
	for _, f := range site {
		if strings.HasPrefix(f.Key, WidgetPrefix) {
			return nil, fmt.Errorf("site file %s collides with the widget folder /%s", f.Key, WidgetPrefix)
		}
		if len(loader) > 0 && isLoader(f.Rel) {
			continue // the built loader replaces it
		}
		kept = append(kept, f)
	}
	out := []staticSource{{"Site", p.SiteDir, "", kept}, {"Widget", p.WidgetDir, WidgetPrefix, widget}}
	if len(loader) > 0 {
		out = append(out, staticSource{"Loader", p.WidgetDir, "", loader})
	}
	return out, nil
}

func (p Props) validate() error {
	var errs []error
	if p.Stage.Name == "" {
		errs = append(errs, errors.New("stage: empty (use stack.Stage)"))
	}
	for _, fn := range []string{APIFunction, ReconcileFunction} {
		bootstrap := filepath.Join(p.LambdaDir, fn, "bootstrap")
		if fi, err := os.Stat(bootstrap); err != nil || !fi.Mode().IsRegular() {
			errs = append(errs, fmt.Errorf("lambda dir: %s is missing: run `make lambda` (it builds functions/%s)", bootstrap, fn))
		}
	}
	if fi, err := os.Stat(p.SiteDir); err != nil || !fi.IsDir() {
		errs = append(errs, fmt.Errorf("site dir: %q is not a folder", p.SiteDir))
	}
	if p.WidgetDir != "" {
		if fi, err := os.Stat(p.WidgetDir); err != nil || !fi.IsDir() {
			errs = append(errs, fmt.Errorf("widget dir: %q is not a folder (leave it empty to deploy without the widget)", p.WidgetDir))
		}
	}
	for _, o := range p.AllowedOrigins {
		if err := checkOrigin(o); err != nil {
			errs = append(errs, fmt.Errorf("allowedOrigins: %w", err))
		}
	}
	if p.Stage.RequireAlarmSubscriber && len(p.AlarmEmails) == 0 {
		errs = append(errs, fmt.Errorf("alarmEmails: stage %s pages someone when an alarm fires, and nobody is subscribed: "+
			"add an address to %q.alarmEmails in infra/%s (or pass -c alarmEmail=ops@example.com, make ALARM_EMAIL=...)",
			p.Stage.Name, p.Stage.Name, SettingsFile))
	}
	for _, e := range p.AlarmEmails {
		if at := strings.IndexByte(e, '@'); at <= 0 || at == len(e)-1 || strings.ContainsAny(e, " ,;") {
			errs = append(errs, fmt.Errorf("alarmEmails: %q is not an e-mail address", e))
		}
	}
	if p.ReservedConcurrency < 0 || p.AccountConcurrency < 0 {
		errs = append(errs, fmt.Errorf("reservedConcurrency %d, accountConcurrency %d: want 0 (none, the default quota) or more",
			p.ReservedConcurrency, p.AccountConcurrency))
	}
	if q := accountConcurrency(p.AccountConcurrency); p.ReservedConcurrency > 0 && p.ReservedConcurrency+unreservedMinimum > q {
		errs = append(errs, fmt.Errorf("reservedConcurrency: %d leaves less than the %d executions Lambda keeps unreserved "+
			"out of an account quota of %d (accountConcurrency in infra/%s): Lambda would refuse to create the function",
			p.ReservedConcurrency, unreservedMinimum, q, SettingsFile))
	}
	if p.EventTTLDays != 0 && (p.EventTTLDays < table.MinEventTTLDays || p.EventTTLDays > table.MaxEventTTLDays) {
		// The API refuses such an EVENT_TTL_DAYS at start: refuse it at synth.
		errs = append(errs, fmt.Errorf("eventTtlDays: %d is outside %d..%d days (0: the API's default)",
			p.EventTTLDays, table.MinEventTTLDays, table.MaxEventTTLDays))
	}
	return errors.Join(errs...)
}

// checkOrigin accepts "*" or scheme://host[:port] with nothing after it, the
// exact form browsers send in the Origin header.
func checkOrigin(o string) error {
	if o == "*" {
		return nil
	}
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%q is not an origin like https://www.example.com", o)
	}
	if u.Path == "/" {
		return fmt.Errorf("%q: an origin has no trailing slash", o)
	}
	return nil
}

// removal returns the removal policy of stateful resources for the stage.
func removal(c StageConfig) awscdk.RemovalPolicy {
	if c.Retain {
		return awscdk.RemovalPolicy_RETAIN
	}
	return awscdk.RemovalPolicy_DESTROY
}

// Output names, so the README, the Makefile and tests agree. There is
// deliberately no output with the execute-api URL: the API is reached
// through CloudFront (/v1/), and directly it answers 403.
const (
	OutputSiteURL       = "SiteUrl"
	OutputTableName     = "TableName"
	OutputWidgetSnippet = "WidgetSnippet"
)

func (s *Stack) outputs() {
	site := "https://" + *s.Site.Distribution.DistributionDomainName()
	out := func(id, value, desc string) {
		awscdk.NewCfnOutput(s.Stack, jsii.String(id), &awscdk.CfnOutputProps{Value: jsii.String(value), Description: jsii.String(desc)})
	}
	out(OutputSiteURL, site+"/", "The site, the widget (/widget/) and the API (/v1/) through CloudFront")
	out(OutputTableName, *s.Data.Table.TableName(), "TABLE_NAME for `sweetspot admin` (creating the first admin key)")
	out(OutputWidgetSnippet,
		`<script src="`+site+`/widget.js" data-target="#editor" data-api="`+site+`" data-community="COMMUNITY_ID" data-key="INGEST_KEY" async></script>`,
		"Paste into the page that holds the editor; replace COMMUNITY_ID and INGEST_KEY")
}
