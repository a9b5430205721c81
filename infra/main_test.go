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
		"reservedConcurrency": "20",
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
}

func TestRunRejectsBadContext(t *testing.T) {
	tests := map[string]map[string]any{
		"unknown stage":        {"stage": "staging"},
		"ttl not a number":     {"eventTtlDays": "thirty"},
		"negative concurrency": {"reservedConcurrency": "-1"},
		"missing bootstrap":    {"lambdaDir": t.TempDir(), "siteDir": t.TempDir()},
	}
	for name, ctx := range tests {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("run panicked instead of returning an error: %v", r)
				}
			}()
			if err := run(&awscdk.AppProps{Outdir: jsii.String(t.TempDir()), Context: &ctx}); err == nil {
				t.Error("run accepted the context")
			}
		})
	}
}
