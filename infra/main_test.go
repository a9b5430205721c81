package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/infra/stack"
)

func TestMain(m *testing.M) {
	code := m.Run()
	jsii.Close() // stops node and removes the runtime's temporary folder
	os.Exit(code)
}

func TestSplitList(t *testing.T) {
	tests := map[string][]string{
		"":                         nil,
		" , ":                      nil,
		"https://a.com":            {"https://a.com"},
		"https://a.com, https://b": {"https://a.com", "https://b"},
	}
	for in, want := range tests {
		if got := splitList(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitList(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestStackName(t *testing.T) {
	if got := StackName("prod"); got != "SweetspotProd" {
		t.Errorf("StackName(prod) = %q", got)
	}
}

// TestRunReadsContext runs the app as `cdk synth -c ...` would and reads
// the template it wrote: the context reaches the stack.
func TestRunReadsContext(t *testing.T) {
	dir := t.TempDir()
	for p, content := range map[string]string{
		"lambda/api/bootstrap":       "placeholder",
		"lambda/reconcile/bootstrap": "placeholder",
		"site/index.html":            "<h1>x</h1>",
		"widget/sweetspot.wasm":      "\x00asm",
	} {
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "cdk.out")
	ctx := map[string]any{
		"stage":               "prod",
		"allowedOrigins":      "https://www.example.com, https://partner.example.org",
		"alarmEmail":          "ops@example.com",
		"reservedConcurrency": "20",
		"region":              "eu-west-1",
		"lambdaDir":           filepath.Join(dir, "lambda"),
		"siteDir":             filepath.Join(dir, "site"),
		"widgetDir":           filepath.Join(dir, "widget"),
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("run panicked: %v", r)
			}
		}()
		if err := run(&awscdk.AppProps{Outdir: jsii.String(out), Context: &ctx}); err != nil {
			t.Fatalf("run: %v", err)
		}
	}()
	b, err := os.ReadFile(filepath.Join(out, "SweetspotProd.template.json"))
	if err != nil {
		t.Fatalf("template: %v", err)
	}
	var tmpl struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(b, &tmpl); err != nil {
		t.Fatal(err)
	}
	var sawFn, sawAPI bool
	for _, r := range tmpl.Resources {
		switch r.Type {
		case "AWS::Lambda::Function":
			if r.Properties["Runtime"] == "provided.al2023" && r.Properties["Description"] == "Sweetspot HTTP API (functions/api)" {
				sawFn = true
				if r.Properties["ReservedConcurrentExecutions"] != float64(20) {
					t.Errorf("reserved concurrency = %v, want 20 from context", r.Properties["ReservedConcurrentExecutions"])
				}
			}
		case "AWS::ApiGatewayV2::Api":
			sawAPI = true
			origins, _ := json.Marshal(r.Properties["CorsConfiguration"])
			if !strings.Contains(string(origins), `"https://www.example.com","https://partner.example.org"`) {
				t.Errorf("CORS = %s, want both origins from context", origins)
			}
		}
	}
	if !sawFn || !sawAPI {
		t.Errorf("template lacks the API function (%v) or the HTTP API (%v)", sawFn, sawAPI)
	}
	if _, err := os.Stat(filepath.Join(out, "AwsSolutions-SweetspotProd-NagReport.csv")); err != nil {
		t.Errorf("no cdk-nag report: %v", err)
	}
	// prod has its web ACL and CloudFront alarms in us-east-1, the rest
	// where the settings say.
	manifest, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"environment": "aws://unknown-account/eu-west-1"`, `"environment": "aws://unknown-account/us-east-1"`,
		`"SweetspotProdWaf"`, `"SweetspotProdEdge"`, `"terminationProtection": true`} {
		if !strings.Contains(string(manifest), want) {
			t.Errorf("cloud assembly manifest lacks %s", want)
		}
	}
}

func TestRunRejectsBadContext(t *testing.T) {
	fx := assetFolders(t)
	tests := []struct {
		name string
		ctx  map[string]any
		want string // in the error a person reads
	}{
		{"unknown stage", map[string]any{"stage": "staging"}, "staging"},
		{"ttl not a number", map[string]any{"eventTtlDays": "thirty"}, "eventTtlDays"},
		{"negative concurrency", map[string]any{"reservedConcurrency": "-1"}, "reservedConcurrency"},
		{"missing bootstrap", map[string]any{"lambdaDir": t.TempDir(), "siteDir": t.TempDir()}, "make lambda"},
		{"waf not a bool", map[string]any{"waf": "sometimes"}, "waf"},
		{"unknown settings key", map[string]any{"settingsFile": writeFile(t, `{"dev": {"region": "us-east-1", "wafs": true}}`)}, "wafs"},
		{"no region", map[string]any{"settingsFile": writeFile(t, `{"dev": {"region": ""}}`)}, "region"},
		// The repository's prod settings have nobody to page yet: a prod
		// synth must say so, not deploy alarms into the void.
		{"prod without an alarm subscriber", fx.with(map[string]any{"stage": "prod"}), "nobody is subscribed"},
		{"prod without the widget", fx.with(map[string]any{"stage": "prod", "alarmEmail": "ops@example.com",
			"widgetDir": filepath.Join(t.TempDir(), "none")}), "make wasm"},
		{"reserving more than the account can", fx.with(map[string]any{"reservedConcurrency": "950"}), "unreserved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("run panicked instead of returning an error: %v", r)
				}
			}()
			err := run(&awscdk.AppProps{Outdir: jsii.String(t.TempDir()), Context: &tt.ctx})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run() = %v, want an error about %q", err, tt.want)
			}
		})
	}
}

// folders are asset folders shaped like the build output.
type folders map[string]any

func assetFolders(t *testing.T) folders {
	dir := t.TempDir()
	for p, content := range map[string]string{
		"lambda/api/bootstrap":       "placeholder",
		"lambda/reconcile/bootstrap": "placeholder",
		"site/index.html":            "<h1>x</h1>",
		"widget/sweetspot.wasm":      "\x00asm",
	} {
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return folders{"lambdaDir": filepath.Join(dir, "lambda"), "siteDir": filepath.Join(dir, "site"), "widgetDir": filepath.Join(dir, "widget")}
}

// with returns the folders' context plus ctx (which wins).
func (f folders) with(ctx map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range f {
		out[k] = v
	}
	for k, v := range ctx {
		out[k] = v
	}
	return out
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "stages.json")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSavedSettings: the repository's stages.json is valid, and prod has
// the web ACL on and reserves nothing (reserved concurrency is opt-in).
func TestSavedSettings(t *testing.T) {
	all, err := stack.ReadSettings(stack.SettingsFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{stack.Dev, stack.Prod} {
		set, ok := all[name]
		if !ok {
			t.Fatalf("no settings for %s", name)
		}
		if err := set.Check(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if set.ReservedConcurrency != 0 {
			t.Errorf("%s reserves %d executions: opt-in only (see docs/deploy.md)", name, set.ReservedConcurrency)
		}
	}
	if !all[stack.Prod].WAF {
		t.Error("prod runs without the web ACL")
	}
}

// TestCdkJSONBuildsAssets: `cdk synth`/`cdk deploy` from infra/ in a fresh
// clone build the Lambda binaries and the widget first (make cdk-assets),
// instead of failing on a missing bootstrap.
func TestCdkJSONBuildsAssets(t *testing.T) {
	b, err := os.ReadFile("cdk.json")
	if err != nil {
		t.Fatal(err)
	}
	var c struct{ App string }
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.App, "make -s -C .. cdk-assets 1>&2 && ") {
		t.Errorf("cdk.json app %q does not build the assets first", c.App)
	}
}
