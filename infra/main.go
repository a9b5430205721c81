// Command infra is Sweetspot's CDK app: it reads the stage and options from
// CDK context and synthesises one stack with package stack.
//
//	cdk synth  -c stage=dev
//	cdk deploy -c stage=prod -c allowedOrigins=https://www.example.com
//
// `make synth` runs it without the CDK CLI (offline) and `make deploy`
// deploys what it wrote. Context keys: stage (dev|prod, default dev),
// allowedOrigins (comma-separated), alarmEmail, eventTtlDays,
// reservedConcurrency (overrides the stage's; 0 for none), lambdaDir,
// siteDir, widgetDir (asset folders, relative to infra/).
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/infra/stack"
)

// Default asset folders, relative to infra/ where cdk.json lives.
const (
	defaultLambdaDir = "../build/lambda"
	defaultSiteDir   = "../site"
	defaultWidgetDir = "../build/widget"
)

func main() {
	err := run(nil)
	jsii.Close() // stops node and removes its temporary folder; os.Exit skips defers
	if err != nil {
		fmt.Fprintln(os.Stderr, "infra:", err)
		os.Exit(1)
	}
}

// run builds the app. props is nil under the CLI and `make synth` (context
// and out dir come from CDK_CONTEXT_JSON and CDK_OUTDIR); tests pass both.
func run(props *awscdk.AppProps) error {
	app := awscdk.NewApp(props)
	ctx := func(key, def string) string {
		if v, ok := app.Node().TryGetContext(jsii.String(key)).(string); ok && v != "" {
			return v
		}
		return def
	}
	cfg, err := stack.Stage(ctx("stage", stack.Dev))
	if err != nil {
		return fmt.Errorf("context stage: %w", err)
	}
	ttl := 0
	if v := ctx("eventTtlDays", ""); v != "" {
		if ttl, err = strconv.Atoi(v); err != nil {
			return fmt.Errorf("context eventTtlDays: %q is not a whole number of days", v)
		}
	}
	if v := ctx("reservedConcurrency", ""); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return fmt.Errorf("context reservedConcurrency: %q is not a whole number >= 0 (0: none)", v)
		}
		cfg.ReservedConcurrency = n
	}
	widgetDir := ctx("widgetDir", defaultWidgetDir)
	if _, err := os.Stat(widgetDir); err != nil {
		fmt.Fprintf(os.Stderr, "infra: %s not found (run `make wasm`): deploying the site without the widget\n", widgetDir)
		widgetDir = ""
	}
	p := stack.Props{
		StackProps: awscdk.StackProps{
			Description: jsii.String("Sweetspot (" + cfg.Name + "): API, table, site and widget"),
			// CDK_DEFAULT_* are set by the CLI from the credentials; offline
			// they are empty and the stack is environment-agnostic.
			Env: env(),
		},
		Stage:          cfg,
		LambdaDir:      ctx("lambdaDir", defaultLambdaDir),
		SiteDir:        ctx("siteDir", defaultSiteDir),
		WidgetDir:      widgetDir,
		AllowedOrigins: splitList(ctx("allowedOrigins", "")),
		AlarmEmail:     ctx("alarmEmail", ""),
		EventTTLDays:   ttl,
	}
	if _, err := stack.New(app, StackName(cfg.Name), p); err != nil {
		return err
	}
	stack.CheckCompliance(app)
	app.Synth(nil)
	return nil
}

// StackName is the CloudFormation stack name of a stage: SweetspotDev.
func StackName(stage string) string {
	return "Sweetspot" + strings.ToUpper(stage[:1]) + stage[1:]
}

func env() *awscdk.Environment {
	account, region := os.Getenv("CDK_DEFAULT_ACCOUNT"), os.Getenv("CDK_DEFAULT_REGION")
	if account == "" || region == "" {
		return nil
	}
	return &awscdk.Environment{Account: jsii.String(account), Region: jsii.String(region)}
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
