// Command infra is Sweetspot's CDK app: it reads the stage from CDK
// context and its saved settings from stages.json, and synthesises the
// stage's stacks with package stack.
//
//	cdk synth  -c stage=dev
//	cdk deploy --all -c stage=prod
//
// `make synth` runs it without the CDK CLI (offline) and `make deploy`
// deploys what it wrote. Context keys: stage (dev|prod, default dev);
// overrides of the saved settings for one run: alarmEmail and
// allowedOrigins (comma-separated), eventTtlDays, reservedConcurrency,
// region, waf (true|false); settingsFile (default stages.json); lambdaDir,
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
	file := ctx("settingsFile", stack.SettingsFile)
	all, err := stack.ReadSettings(file)
	if err != nil {
		return err
	}
	set, ok := all[cfg.Name]
	if !ok {
		return fmt.Errorf("%s: no settings for stage %q", file, cfg.Name)
	}
	if set, err = applyContext(set, ctx); err != nil {
		return err
	}
	widgetDir := ctx("widgetDir", defaultWidgetDir)
	if _, err := os.Stat(widgetDir); err != nil {
		if cfg.Retain {
			// A prod site without the widget would ship a loader whose
			// manifest request fails: refuse rather than warn.
			return fmt.Errorf("widget dir %s not found: run `make wasm` (stage %s does not deploy without the widget)", widgetDir, cfg.Name)
		}
		fmt.Fprintf(os.Stderr, "infra: %s not found (run `make wasm`): deploying the site without the widget\n", widgetDir)
		widgetDir = ""
	}
	p := stack.Props{
		StackProps: awscdk.StackProps{
			Description: jsii.String("Sweetspot (" + cfg.Name + "): API, table, site and widget"),
			// CDK_DEFAULT_ACCOUNT is set by the CLI from the credentials;
			// offline it is empty and the account stays a token.
			Env: env(),
		},
		Stage:               cfg,
		LambdaDir:           ctx("lambdaDir", defaultLambdaDir),
		SiteDir:             ctx("siteDir", defaultSiteDir),
		WidgetDir:           widgetDir,
		AllowedOrigins:      set.AllowedOrigins,
		AlarmEmails:         set.AlarmEmails,
		EventTTLDays:        set.EventTTLDays,
		ReservedConcurrency: set.ReservedConcurrency,
		AccountConcurrency:  set.AccountConcurrency,
		OriginSecretVersion: set.OriginSecretVersion,
	}
	if _, err := stack.Build(app, StackName(cfg.Name), p, set); err != nil {
		return err
	}
	stack.CheckCompliance(app)
	app.Synth(nil)
	return nil
}

// applyContext overrides saved settings with CDK context (`-c key=value`,
// or make variables through `make synth`/`make deploy`) for one run.
func applyContext(set stack.Settings, ctx func(key, def string) string) (stack.Settings, error) {
	if v := ctx("alarmEmail", ""); v != "" {
		set.AlarmEmails = splitList(v)
	}
	if v := ctx("allowedOrigins", ""); v != "" {
		set.AllowedOrigins = splitList(v)
	}
	if v := ctx("region", ""); v != "" {
		set.Region = v
	}
	if v := ctx("eventTtlDays", ""); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return set, fmt.Errorf("context eventTtlDays: %q is not a whole number of days", v)
		}
		set.EventTTLDays = n
	}
	if v := ctx("reservedConcurrency", ""); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return set, fmt.Errorf("context reservedConcurrency: %q is not a whole number >= 0 (0: none)", v)
		}
		set.ReservedConcurrency = n
	}
	if v := ctx("waf", ""); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return set, fmt.Errorf("context waf: %q is not true or false", v)
		}
		set.WAF = b
	}
	return set, nil
}

// StackName is the CloudFormation stack name of a stage: SweetspotDev.
func StackName(stage string) string {
	return "Sweetspot" + strings.ToUpper(stage[:1]) + stage[1:]
}

// env is the account of the CLI's credentials, if any. The region is a
// saved setting (infra/stages.json), not the credentials' default: a
// deploy goes where the repository says.
func env() *awscdk.Environment {
	if account := os.Getenv("CDK_DEFAULT_ACCOUNT"); account != "" {
		return &awscdk.Environment{Account: jsii.String(account)}
	}
	return nil
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
