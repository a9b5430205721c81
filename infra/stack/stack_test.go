package stack

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/internal/routes"
	"github.com/sweetspot/sweetspot/internal/table"
)

// Managed CloudFront policy ids (fixed by AWS).
const (
	cachingDisabledID             = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
	allViewerExceptHostHeaderID   = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
	testOrigin                    = "https://www.example.com"
	testAlarmEmail                = "ops@example.com"
	wasmFile                      = "sweetspot.0123456789ab.wasm"
	execFile                      = "wasm_exec.ba9876543210.js"
	prodReservedConcurrencyWanted = 100 // the fixture opts in (Settings.ReservedConcurrency)
)

// fixture is a set of asset folders shaped like the real build output:
// a placeholder bootstrap (Code.fromAsset only zips it) and the files the
// wasm build and site/ hold.
type fixture struct{ root, lambda, site, widget string }

func newFixture() (fixture, error) {
	root, err := os.MkdirTemp("", "sweetspot-infra-test-")
	if err != nil {
		return fixture{}, err
	}
	f := fixture{root: root, lambda: filepath.Join(root, "lambda"), site: filepath.Join(root, "site"), widget: filepath.Join(root, "widget")}
	files := map[string]string{
		filepath.Join(f.lambda, APIFunction, "bootstrap"):       "placeholder",
		filepath.Join(f.lambda, ReconcileFunction, "bootstrap"): "placeholder",
		filepath.Join(f.site, "index.html"):                     "<h1>Sweetspot</h1>",
		filepath.Join(f.site, "widget.js"):                      "/* loader */",
		filepath.Join(f.site, "demo", "index.html"):             "<h1>demo</h1>",
		filepath.Join(f.site, "communities", "c1.json"):         "{}",
		// What `make wasm` writes: content-hashed names with brotli and
		// gzip twins, and manifest.json mapping plain names to them.
		filepath.Join(f.widget, wasmFile):        "\x00asm",
		filepath.Join(f.widget, wasmFile+".br"):  "br",
		filepath.Join(f.widget, wasmFile+".gz"):  "gz",
		filepath.Join(f.widget, execFile):        "/* go */",
		filepath.Join(f.widget, execFile+".br"):  "br",
		filepath.Join(f.widget, execFile+".gz"):  "gz",
		filepath.Join(f.widget, "manifest.json"): `{"sweetspot.wasm":"` + wasmFile + `","wasm_exec.js":"` + execFile + `"}`,
		filepath.Join(f.widget, LoaderFile):      "/* loader stamped with the hashed names */",
		filepath.Join(f.widget, "plain.wasm"):    "\x00asm",
	}
	for p, content := range files {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return f, err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return f, err
		}
	}
	return f, nil
}

var testFixture fixture

func TestMain(m *testing.M) {
	var err error
	testFixture, err = newFixture()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fixture:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(testFixture.root)
	jsii.Close()
	os.Exit(code)
}

func (f fixture) props(stage string) Props {
	cfg, err := Stage(stage)
	if err != nil {
		panic(err)
	}
	p := Props{Stage: cfg, LambdaDir: f.lambda, SiteDir: f.site, WidgetDir: f.widget}
	if stage == Prod {
		p.AllowedOrigins = []string{testOrigin}
		p.AlarmEmails = []string{testAlarmEmail}
		p.EventTTLDays = 30
		p.ReservedConcurrency = prodReservedConcurrencyWanted
	}
	return p
}

// synthesized is one synthesized stack: the assertions template, its JSON,
// and the stack (for annotations).
type synthesized struct {
	stack    *Stack
	template assertions.Template
	json     map[string]any
}

// Synthesizing costs seconds through jsii, so each stage is built once
// and shared by the tests (read-only).
var (
	synthMu    sync.Mutex
	synthCache = map[string]*synthesized{}
)

func synth(t *testing.T, stage string) *synthesized {
	t.Helper()
	synthMu.Lock()
	defer synthMu.Unlock()
	if s, ok := synthCache[stage]; ok {
		return s
	}
	var s *synthesized
	ok := check(t, "synth "+stage, func() {
		// Not t.TempDir(): the cached stack is synthesized again by later
		// tests (annotations), and cdk-nag writes its report there.
		out, err := os.MkdirTemp(testFixture.root, "cdk.out-")
		if err != nil {
			t.Fatal(err)
		}
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(out)})
		st, err := New(app, "Test"+stage, testFixture.props(stage))
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		CheckCompliance(app) // as main does: the nag findings are part of the synth
		tmpl := assertions.Template_FromStack(st.Stack, nil)
		s = &synthesized{stack: st, template: tmpl, json: *tmpl.ToJSON()}
	})
	if !ok {
		t.FailNow()
	}
	synthCache[stage] = s
	return s
}

// check runs f and turns a panic (a failed assertions call, a jsii error)
// into a test error. It reports whether f completed.
func check(t *testing.T, what string, f func()) (ok bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: %v", what, r)
			ok = false
		}
	}()
	f()
	return true
}

// resources returns the template's resources of one type, by logical id.
func (s *synthesized) resources(typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	for id, r := range s.json["Resources"].(map[string]any) {
		res := r.(map[string]any)
		if res["Type"] == typ {
			out[id] = res
		}
	}
	return out
}

func props(r map[string]any) map[string]any {
	p, _ := r["Properties"].(map[string]any)
	return p
}

// only returns the single resource of a type whose properties match pred.
func (s *synthesized) only(t *testing.T, typ string, pred func(map[string]any) bool) (string, map[string]any) {
	t.Helper()
	var ids []string
	for id, r := range s.resources(typ) {
		if pred == nil || pred(props(r)) {
			ids = append(ids, id)
		}
	}
	if len(ids) != 1 {
		t.Fatalf("%d %s resources match, want 1: %v", len(ids), typ, ids)
	}
	return ids[0], s.resources(typ)[ids[0]]
}

func ref(id string) map[string]any            { return map[string]any{"Ref": id} }
func getAtt(id, attr string) map[string]any   { return map[string]any{"Fn::GetAtt": []any{id, attr}} }
func obj(m map[string]any) assertions.Matcher { return assertions.Match_ObjectLike(&m) }
func arrayWith(v ...any) assertions.Matcher   { return assertions.Match_ArrayWith(&v) }
func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
func isAPIFunction(p map[string]any) bool {
	return p["Runtime"] == "provided.al2023" && p["Description"] == "Sweetspot HTTP API (functions/api)"
}

func TestResourceCounts(t *testing.T) {
	for _, stage := range []string{Dev, Prod} {
		s := synth(t, stage)
		want := map[string]float64{
			"AWS::DynamoDB::Table":                   1,
			"AWS::ApiGatewayV2::Api":                 1,
			"AWS::ApiGatewayV2::Stage":               1,
			"AWS::ApiGatewayV2::Integration":         1,
			"AWS::ApiGatewayV2::Route":               float64(len(DeclaredRoutes(testFixture.props(stage)))),
			"AWS::Lambda::Permission":                2, // API Gateway, and the reconciler's schedule
			"AWS::S3::Bucket":                        1,
			"AWS::CloudFront::Distribution":          1,
			"AWS::CloudFront::OriginAccessControl":   1,
			"AWS::CloudFront::Function":              2, // static rewrite, viewer address
			"AWS::CloudFront::CachePolicy":           1,
			"AWS::CloudFront::ResponseHeadersPolicy": 2,
			"AWS::CloudWatch::Alarm":                 13, // 10 + the reconciler's 3
			"AWS::Logs::MetricFilter":                1,  // 429s
			"AWS::SecretsManager::Secret":            1,  // the origin secret
			"AWS::Events::Rule":                      1,  // the reconciler's schedule
			"AWS::SNS::Topic":                        1,
			"AWS::Logs::LogGroup":                    3,
			"AWS::Lambda::LayerVersion":              1, // the uploads' AWS CLI layer, once
		}
		for typ, n := range want {
			check(t, stage+" "+typ, func() { s.template.ResourceCountIs(jsii.String(typ), jsii.Number(n)) })
		}
		check(t, stage+" the API and the reconciler functions", func() {
			s.template.ResourcePropertiesCountIs(jsii.String("AWS::Lambda::Function"),
				obj(map[string]any{"Runtime": "provided.al2023"}), jsii.Number(2))
		})
		subs := 0.0
		if stage == Prod {
			subs = 1
		}
		check(t, stage+" alarm e-mail subscription", func() {
			s.template.ResourceCountIs(jsii.String("AWS::SNS::Subscription"), jsii.Number(subs))
		})
	}
}

func TestTable(t *testing.T) {
	def := table.Sweetspot()
	var gsis []any
	for _, ix := range def.Indexes {
		gsis = append(gsis, map[string]any{
			"IndexName": ix.Name,
			"KeySchema": []any{
				map[string]any{"AttributeName": ix.PartitionKey.Name, "KeyType": "HASH"},
				map[string]any{"AttributeName": ix.SortKey.Name, "KeyType": "RANGE"},
			},
			"Projection": map[string]any{"ProjectionType": string(ix.Projection)},
		})
	}
	for _, tt := range []struct {
		stage        string
		protected    bool
		deletePolicy string
	}{{Dev, false, "Delete"}, {Prod, true, "Retain"}} {
		s := synth(t, tt.stage)
		check(t, tt.stage+" table", func() {
			s.template.HasResource(jsii.String("AWS::DynamoDB::Table"), obj(map[string]any{
				"DeletionPolicy":      tt.deletePolicy,
				"UpdateReplacePolicy": tt.deletePolicy,
				"Properties": obj(map[string]any{
					"KeySchema": []any{
						map[string]any{"AttributeName": def.PartitionKey.Name, "KeyType": "HASH"},
						map[string]any{"AttributeName": def.SortKey.Name, "KeyType": "RANGE"},
					},
					"GlobalSecondaryIndexes":           gsis,
					"BillingMode":                      "PAY_PER_REQUEST",
					"PointInTimeRecoverySpecification": map[string]any{"PointInTimeRecoveryEnabled": true},
					"TimeToLiveSpecification":          map[string]any{"AttributeName": def.TTLAttribute, "Enabled": true},
					// AWS managed key: SSE on, no customer key.
					"SSESpecification":          map[string]any{"SSEEnabled": true},
					"DeletionProtectionEnabled": tt.protected,
				}),
			}))
		})
	}
}

func TestAPIFunction(t *testing.T) {
	for _, tt := range []struct {
		stage     string
		reserved  any
		retention float64
		logLevel  string
	}{{Dev, nil, 7, "debug"}, {Prod, float64(prodReservedConcurrencyWanted), 90, "info"}} {
		s := synth(t, tt.stage)
		_, fn := s.only(t, "AWS::Lambda::Function", isAPIFunction)
		p := props(fn)
		tableID, _ := s.only(t, "AWS::DynamoDB::Table", nil)
		secretID, _ := s.only(t, "AWS::SecretsManager::Secret", nil)
		secretRef := func(field string) any {
			return map[string]any{"Fn::Join": []any{"", []any{"{{resolve:secretsmanager:", ref(secretID), ":SecretString:" + field + "::}}"}}}
		}
		wantEnv := map[string]any{EnvTableName: ref(tableID), EnvLogLevel: tt.logLevel,
			EnvOriginSecret: secretRef("current"), EnvOriginSecretPrevious: secretRef("previous")}
		if tt.stage == Prod {
			wantEnv[EnvEventTTLDays] = "30"
		}
		for k, v := range map[string]any{
			"Architectures": []any{"arm64"},
			"Handler":       "bootstrap",
			"MemorySize":    float64(FunctionMemoryMB),
			"Timeout":       float64(FunctionTimeoutSeconds),
			"Environment":   map[string]any{"Variables": wantEnv},
			"TracingConfig": map[string]any{"Mode": "Active"},
		} {
			if !jsonEqual(p[k], v) {
				t.Errorf("%s: function %s = %v, want %v", tt.stage, k, p[k], v)
			}
		}
		if !jsonEqual(p["ReservedConcurrentExecutions"], tt.reserved) {
			t.Errorf("%s: ReservedConcurrentExecutions = %v, want %v", tt.stage, p["ReservedConcurrentExecutions"], tt.reserved)
		}
		// Its log group is its own, with the stage's retention.
		logRef, _ := p["LoggingConfig"].(map[string]any)["LogGroup"].(map[string]any)
		logID, _ := logRef["Ref"].(string)
		lg := s.resources("AWS::Logs::LogGroup")[logID]
		if lg == nil || props(lg)["RetentionInDays"] != tt.retention {
			t.Errorf("%s: function log group %q = %v, want retention %v", tt.stage, logID, lg, tt.retention)
		}
		// The code is a file asset (the prebuilt bootstrap folder, zipped).
		if key, _ := p["Code"].(map[string]any)["S3Key"].(string); !strings.HasSuffix(key, ".zip") {
			t.Errorf("%s: function code = %v, want a zip asset", tt.stage, p["Code"])
		}
	}
}

// TestIAMLeastPrivilege reads every policy attached to the API function's
// role: only its own log group, only item actions on the table, only Query
// on the indexes, each index by name. No "*" anywhere.
func TestIAMLeastPrivilege(t *testing.T) {
	s := synth(t, Prod)
	_, fn := s.only(t, "AWS::Lambda::Function", isAPIFunction)
	roleID := props(fn)["Role"].(map[string]any)["Fn::GetAtt"].([]any)[0].(string)
	role := s.resources("AWS::IAM::Role")[roleID]
	if role == nil {
		t.Fatalf("role %s not found", roleID)
	}
	if mp := props(role)["ManagedPolicyArns"]; mp != nil {
		t.Errorf("API role has managed policies %v, want none", mp)
	}
	tableID, _ := s.only(t, "AWS::DynamoDB::Table", nil)
	tableArn := getAtt(tableID, "Arn")
	logID := props(fn)["LoggingConfig"].(map[string]any)["LogGroup"].(map[string]any)["Ref"].(string)
	var indexArns []any
	for _, ix := range table.Sweetspot().Indexes {
		indexArns = append(indexArns, map[string]any{"Fn::Join": []any{"", []any{tableArn, "/index/" + ix.Name}}})
	}
	want := map[string]struct {
		actions   []string
		resources any
	}{
		"WriteOwnLogs": {[]string{"logs:CreateLogStream", "logs:PutLogEvents"}, getAtt(logID, "Arn")},
		"TableItems":   {TableItemActions(), tableArn},
		"QueryIndexes": {IndexActions(), indexArns},
		// Active tracing; X-Ray has no resource-level permissions (the
		// one accepted wildcard, suppressed with appliesTo in nag.go).
		"": {[]string{"xray:PutTelemetryRecords", "xray:PutTraceSegments"}, "*"},
	}
	seen := map[string]bool{}
	for id, pol := range s.resources("AWS::IAM::Policy") {
		attached := false
		for _, r := range props(pol)["Roles"].([]any) {
			if jsonEqual(r, ref(roleID)) {
				attached = true
			}
		}
		if !attached {
			continue
		}
		for _, st := range props(pol)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			stmt := st.(map[string]any)
			sid, _ := stmt["Sid"].(string)
			w, ok := want[sid]
			if !ok {
				t.Errorf("policy %s: unexpected statement %v", id, stmt)
				continue
			}
			seen[sid] = true
			if stmt["Effect"] != "Allow" {
				t.Errorf("%s: effect %v", sid, stmt["Effect"])
			}
			var actions []string
			switch a := stmt["Action"].(type) {
			case string:
				actions = []string{a}
			case []any:
				for _, x := range a {
					actions = append(actions, x.(string))
				}
			}
			sort.Strings(actions)
			wa := append([]string(nil), w.actions...)
			sort.Strings(wa)
			if !reflect.DeepEqual(actions, wa) {
				t.Errorf("%s: actions %v, want %v", sid, actions, wa)
			}
			for _, a := range actions {
				if strings.Contains(a, "*") {
					t.Errorf("%s: wildcard action %q", sid, a)
				}
			}
			if !jsonEqual(stmt["Resource"], w.resources) {
				t.Errorf("%s: resources %v, want %v", sid, stmt["Resource"], w.resources)
			}
			if b, _ := json.Marshal(stmt["Resource"]); sid != "" && strings.Contains(string(b), "*") {
				t.Errorf("%s: wildcard in resources %s", sid, b)
			}
		}
	}
	for sid := range want {
		if !seen[sid] {
			t.Errorf("statement %s missing from the API role's policies", sid)
		}
	}
	// Reading everything or changing the table itself is never the API's job.
	forbidden := map[string]bool{
		"dynamodb:Scan": true, "dynamodb:DeleteTable": true, "dynamodb:UpdateTable": true,
		"dynamodb:CreateTable": true, "dynamodb:UpdateTimeToLive": true, "dynamodb:ExecuteStatement": true,
		"dynamodb:PartiQLSelect": true, "dynamodb:ExportTableToPointInTime": true, "dynamodb:RestoreTableToPointInTime": true,
	}
	for _, a := range append(TableItemActions(), IndexActions()...) {
		if forbidden[a] {
			t.Errorf("action %s is broader than the API needs", a)
		}
	}
}

// TestRoutesEqualRoutesAll: the API declares exactly the routes the Go
// router registers, each integrated with the API function, plus the
// preflight route when the function answers CORS (dev here: no origins).
func TestRoutesEqualRoutesAll(t *testing.T) {
	for _, stage := range []string{Dev, Prod} {
		t.Run(stage, func(t *testing.T) { testRoutes(t, stage) })
	}
}

func testRoutes(t *testing.T, stage string) {
	s := synth(t, stage)
	want := map[string]int{}
	for _, r := range routes.All() {
		want[r.Pattern()]++
	}
	if stage == Dev {
		want[PreflightRoute().Pattern()]++
	}
	intID, integ := s.only(t, "AWS::ApiGatewayV2::Integration", nil)
	ip := props(integ)
	if ip["IntegrationType"] != "AWS_PROXY" || ip["PayloadFormatVersion"] != "2.0" {
		t.Errorf("integration = %v, want AWS_PROXY with payload 2.0", ip)
	}
	_, fn := s.only(t, "AWS::Lambda::Function", isAPIFunction)
	_ = fn
	got := map[string]int{}
	for id, r := range s.resources("AWS::ApiGatewayV2::Route") {
		p := props(r)
		key, _ := p["RouteKey"].(string)
		got[key]++
		target, _ := json.Marshal(p["Target"])
		if !strings.Contains(string(target), intID) {
			t.Errorf("route %s (%s) targets %s, not the API integration", id, key, target)
		}
		if at := p["AuthorizationType"]; at != nil && at != "NONE" {
			t.Errorf("route %s has authorization %v: authentication is the function's (API keys)", key, at)
		}
	}
	if !reflect.DeepEqual(got, want) {
		for k := range want {
			if got[k] != want[k] {
				t.Errorf("route %q declared %d times, routes.All() has it %d times", k, got[k], want[k])
			}
		}
		for k := range got {
			if want[k] == 0 {
				t.Errorf("route %q declared but not in routes.All()", k)
			}
		}
	}
}

func TestHTTPAPICorsThrottleLogs(t *testing.T) {
	for _, stage := range []string{Dev, Prod} {
		s := synth(t, stage)
		cfg, _ := Stage(stage)
		_, api := s.only(t, "AWS::ApiGatewayV2::Api", nil)
		cors := props(api)["CorsConfiguration"]
		if stage == Dev {
			if cors != nil {
				t.Errorf("dev without allowedOrigins: CORS %v, want none (the function answers CORS per key)", cors)
			}
		} else {
			c, _ := cors.(map[string]any)
			if !jsonEqual(c["AllowOrigins"], []any{testOrigin}) {
				t.Errorf("prod AllowOrigins = %v, want [%s]", c["AllowOrigins"], testOrigin)
			}
			if c["AllowCredentials"] == true {
				t.Error("CORS allows credentials: keys travel in headers, not cookies")
			}
			for _, r := range routes.All() { // every method a route uses (PUT: the survey)
				if m := r.Method; !strings.Contains(fmt.Sprint(c["AllowMethods"]), m) {
					t.Errorf("CORS AllowMethods %v lacks %s", c["AllowMethods"], m)
				}
			}
		}
		check(t, stage+" stage", func() {
			s.template.HasResourceProperties(jsii.String("AWS::ApiGatewayV2::Stage"), obj(map[string]any{
				"StageName":  "$default",
				"AutoDeploy": true,
				"DefaultRouteSettings": map[string]any{
					"ThrottlingRateLimit":  cfg.ThrottleRate,
					"ThrottlingBurstLimit": cfg.ThrottleBurst,
				},
				"AccessLogSettings": obj(map[string]any{
					"DestinationArn": assertions.Match_AnyValue(),
					"Format":         AccessLogFormat,
				}),
			}))
		})
	}
	if !json.Valid([]byte(strings.NewReplacer("$context.", "").Replace(AccessLogFormat))) {
		t.Error("AccessLogFormat is not one JSON object")
	}
}

func TestSiteBucket(t *testing.T) {
	s := synth(t, Prod)
	bucketID, bucket := s.only(t, "AWS::S3::Bucket", nil)
	p := props(bucket)
	if !jsonEqual(p["PublicAccessBlockConfiguration"], map[string]any{
		"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
	}) {
		t.Errorf("public access block = %v", p["PublicAccessBlockConfiguration"])
	}
	if !strings.Contains(fmt.Sprint(p["BucketEncryption"]), "AES256") {
		t.Errorf("bucket encryption = %v, want SSE-S3", p["BucketEncryption"])
	}
	if bucket["DeletionPolicy"] != "Retain" {
		t.Errorf("prod bucket DeletionPolicy = %v, want Retain", bucket["DeletionPolicy"])
	}
	_, pol := s.only(t, "AWS::S3::BucketPolicy", nil)
	doc, _ := json.Marshal(props(pol)["PolicyDocument"])
	for _, want := range []string{`"aws:SecureTransport":"false"`, `"Service":"cloudfront.amazonaws.com"`, `"AWS:SourceArn"`, `"s3:GetObject"`} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("bucket policy lacks %s: %s", want, doc)
		}
	}
	if strings.Contains(string(doc), `"Principal":"*","Effect":"Allow"`) {
		t.Errorf("bucket policy is broader than CloudFront reading and listing: %s", doc)
	}
	// CloudFront may list the bucket, so a missing file is a 404, not a
	// 403; still only for this distribution.
	check(t, "CloudFront may list, for 404s", func() {
		s.template.HasResourceProperties(jsii.String("AWS::S3::BucketPolicy"), obj(map[string]any{
			"PolicyDocument": obj(map[string]any{"Statement": arrayWith(obj(map[string]any{
				"Action":    arrayWith("s3:ListBucket"),
				"Principal": map[string]any{"Service": "cloudfront.amazonaws.com"},
				"Condition": obj(map[string]any{"StringEquals": obj(map[string]any{"AWS:SourceArn": assertions.Match_AnyValue()})}),
			}))}),
		}))
	})
	_ = bucketID
	dev := synth(t, Dev)
	_, devBucket := dev.only(t, "AWS::S3::Bucket", nil)
	if devBucket["DeletionPolicy"] != "Delete" {
		t.Errorf("dev bucket DeletionPolicy = %v, want Delete", devBucket["DeletionPolicy"])
	}
}

func TestDistribution(t *testing.T) {
	s := synth(t, Dev)
	_, dist := s.only(t, "AWS::CloudFront::Distribution", nil)
	cfg := props(dist)["DistributionConfig"].(map[string]any)
	def := cfg["DefaultCacheBehavior"].(map[string]any)
	if def["ViewerProtocolPolicy"] != "redirect-to-https" || def["Compress"] != true {
		t.Errorf("default behavior = %v, want redirect-to-https and compression", def)
	}
	if !strings.Contains(fmt.Sprint(def["FunctionAssociations"]), "viewer-request") {
		t.Errorf("default behavior has no viewer-request function: %v", def["FunctionAssociations"])
	}
	// Every origin: S3 through origin access control, the API over TLS 1.2.
	for _, o := range cfg["Origins"].([]any) {
		om := o.(map[string]any)
		if om["S3OriginConfig"] != nil && om["OriginAccessControlId"] == nil {
			t.Errorf("S3 origin without origin access control: %v", om)
		}
		if c, ok := om["CustomOriginConfig"].(map[string]any); ok {
			if c["OriginProtocolPolicy"] != "https-only" || !jsonEqual(c["OriginSSLProtocols"], []any{"TLSv1.2"}) {
				t.Errorf("API origin = %v, want https-only TLSv1.2", c)
			}
		}
	}
	// One API behavior per first path segment of the routes, and every
	// route is reachable through one of them.
	patterns := map[string]bool{}
	for _, b := range cfg["CacheBehaviors"].([]any) {
		bm := b.(map[string]any)
		pat := bm["PathPattern"].(string)
		patterns[pat] = true
		if bm["CachePolicyId"] != cachingDisabledID || bm["OriginRequestPolicyId"] != allViewerExceptHostHeaderID {
			t.Errorf("API behavior %s: cache %v, origin request %v; want CachingDisabled and AllViewerExceptHostHeader",
				pat, bm["CachePolicyId"], bm["OriginRequestPolicyId"])
		}
		// The JSON API refuses plain http (a redirect would come after a
		// key was sent in clear, and turns POST into GET); a tracked link
		// (/r/) is typed and pasted, so http:// is redirected.
		wantProtocol := "https-only"
		if pat == "/r/*" {
			wantProtocol = "redirect-to-https"
		}
		if bm["ViewerProtocolPolicy"] != wantProtocol {
			t.Errorf("API behavior %s: %v, want %s", pat, bm["ViewerProtocolPolicy"], wantProtocol)
		}
		if !strings.Contains(fmt.Sprint(bm["FunctionAssociations"]), "viewer-request") {
			t.Errorf("API behavior %s has no viewer-address function: %v", pat, bm["FunctionAssociations"])
		}
		for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
			if !strings.Contains(fmt.Sprint(bm["AllowedMethods"]), m) {
				t.Errorf("API behavior %s does not allow %s", pat, m)
			}
		}
	}
	for _, b := range cfg["CacheBehaviors"].([]any) {
		bm := b.(map[string]any)
		for _, o := range cfg["Origins"].([]any) {
			om := o.(map[string]any)
			if om["Id"] == bm["TargetOriginId"] && om["CustomOriginConfig"] == nil {
				t.Errorf("API behavior %v targets origin %v, not the API", bm["PathPattern"], om["Id"])
			}
		}
	}
	if !patterns["/r/*"] || !patterns["/v1/*"] {
		t.Errorf("API behaviors %v, want /r/* and /v1/*", patterns)
	}
	for _, r := range routes.All() {
		seg := "/" + strings.SplitN(strings.TrimPrefix(r.Path, "/"), "/", 2)[0] + "/*"
		if !patterns[seg] {
			t.Errorf("route %s is not forwarded by CloudFront (no behavior %s)", r.Pattern(), seg)
		}
	}
	// The API origin carries the origin secret, as a dynamic reference
	// (never the value), which the function requires.
	secretID, _ := s.only(t, "AWS::SecretsManager::Secret", nil)
	apiOrigins := 0
	for _, o := range cfg["Origins"].([]any) {
		om := o.(map[string]any)
		if om["CustomOriginConfig"] == nil {
			continue
		}
		apiOrigins++
		want := []any{map[string]any{"HeaderName": routes.OriginVerifyHeader, "HeaderValue": map[string]any{"Fn::Join": []any{"",
			[]any{"{{resolve:secretsmanager:", ref(secretID), ":SecretString:current::}}"}}}}}
		if !jsonEqual(om["OriginCustomHeaders"], want) {
			t.Errorf("API origin headers = %v, want the origin secret %v", om["OriginCustomHeaders"], want)
		}
	}
	if apiOrigins != 1 {
		t.Errorf("%d API origins, want 1", apiOrigins)
	}
	if strings.Contains(fmt.Sprint(dist["DependsOn"]), "ApiFunction") == false {
		t.Errorf("distribution DependsOn %v: want the API function first (rotation: the function accepts a new secret before edges send it)", dist["DependsOn"])
	}
	if cfg["WebACLId"] != nil {
		t.Errorf("dev (waf off) has web ACL %v", cfg["WebACLId"])
	}
	// CloudFront names are account-global: stage and region in each.
	for _, typ := range []string{"AWS::CloudFront::CachePolicy", "AWS::CloudFront::ResponseHeadersPolicy", "AWS::CloudFront::Function"} {
		for id, r := range s.resources(typ) {
			b, _ := json.Marshal(props(r))
			if !strings.Contains(string(b), `"sweetspot-dev-",{"Ref":"AWS::Region"}`) {
				t.Errorf("%s %s: name not qualified by stage and region: %s", typ, id, b[:min(len(b), 300)])
			}
		}
	}
	check(t, "static cache policy", func() {
		s.template.HasResourceProperties(jsii.String("AWS::CloudFront::CachePolicy"), obj(map[string]any{
			"CachePolicyConfig": obj(map[string]any{
				"ParametersInCacheKeyAndForwardedToOrigin": obj(map[string]any{
					"EnableAcceptEncodingBrotli": true,
					"EnableAcceptEncodingGzip":   true,
				}),
			}),
		}))
	})
	check(t, "static headers: security and CORS", func() {
		s.template.HasResourceProperties(jsii.String("AWS::CloudFront::ResponseHeadersPolicy"), obj(map[string]any{
			"ResponseHeadersPolicyConfig": obj(map[string]any{
				"CorsConfig": obj(map[string]any{
					"AccessControlAllowOrigins":     map[string]any{"Items": []any{"*"}},
					"AccessControlAllowCredentials": false,
				}),
				"SecurityHeadersConfig": obj(map[string]any{
					"ContentSecurityPolicy":   map[string]any{"ContentSecurityPolicy": ContentSecurityPolicy, "Override": true},
					"ContentTypeOptions":      map[string]any{"Override": true},
					"StrictTransportSecurity": obj(map[string]any{"AccessControlMaxAgeSec": float64(hstsMaxAgeDays * 86400)}),
				}),
			}),
		}))
	})
}

// upload returns the BucketDeployment that uploads key.
func (s *synthesized) upload(t *testing.T, key string) map[string]any {
	t.Helper()
	prefix, rel := "", key
	if strings.HasPrefix(key, WidgetPrefix) {
		prefix, rel = WidgetPrefix, strings.TrimPrefix(key, WidgetPrefix)
	}
	var found []map[string]any
	for _, r := range s.resources("Custom::CDKBucketDeployment") {
		p := props(r)
		gotPrefix, _ := p["DestinationBucketKeyPrefix"].(string)
		if gotPrefix != prefix {
			continue
		}
		incs, _ := p["Include"].([]any)
		for _, inc := range incs {
			if inc == rel {
				found = append(found, p)
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s is uploaded by %d deployments, want 1", key, len(found))
	}
	return found[0]
}

func TestStaticContentTypesAndCaching(t *testing.T) {
	s := synth(t, Dev)
	// One deployment invalidates, after every upload: it copies nothing
	// and lists every source folder, so it runs whenever a file changed.
	var inv map[string]any
	invID := ""
	for id, r := range s.resources("Custom::CDKBucketDeployment") {
		if props(r)["DistributionPaths"] != nil {
			if inv != nil {
				t.Fatalf("two deployments invalidate: %s and %s", invID, id)
			}
			inv, invID = props(r), id
			deps := fmt.Sprint(r["DependsOn"])
			for other := range s.resources("Custom::CDKBucketDeployment") {
				if other != id && !strings.Contains(deps, other) {
					t.Errorf("the invalidation does not wait for upload %s", other)
				}
			}
		}
	}
	if inv == nil {
		t.Fatal("no deployment invalidates the distribution")
	}
	if !jsonEqual(inv["Exclude"], []any{"*"}) || inv["Include"] != nil || inv["Prune"] != false {
		t.Errorf("invalidation deployment copies something: exclude %v include %v prune %v", inv["Exclude"], inv["Include"], inv["Prune"])
	}
	if n := len(inv["SourceObjectKeys"].([]any)); n != 2 {
		t.Errorf("invalidation lists %d sources, want 2 (site/ and the widget build)", n)
	}
	tests := []struct {
		key, contentType, encoding, cacheControl string
	}{
		{"widget/" + wasmFile, "application/wasm", "", CacheImmutable},
		{"widget/" + wasmFile + ".br", "application/wasm", "br", CacheImmutable},
		{"widget/" + wasmFile + ".gz", "application/wasm", "gzip", CacheImmutable},
		{"widget/" + execFile, "text/javascript; charset=utf-8", "", CacheImmutable},
		{"widget/" + execFile + ".br", "text/javascript; charset=utf-8", "br", CacheImmutable},
		{"widget/manifest.json", "application/json", "", CacheShort},
		{"widget/plain.wasm", "application/wasm", "", CacheShort},
		{"widget.js", "text/javascript; charset=utf-8", "", CacheShort},
		{"index.html", "text/html; charset=utf-8", "", CacheShort},
		{"demo/index.html", "text/html; charset=utf-8", "", CacheShort},
		{"communities/c1.json", "application/json", "", CacheShort},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			p := s.upload(t, tt.key)
			md, _ := p["SystemMetadata"].(map[string]any)
			if md["content-type"] != tt.contentType {
				t.Errorf("content-type = %v, want %s", md["content-type"], tt.contentType)
			}
			if enc, _ := md["content-encoding"].(string); enc != tt.encoding {
				t.Errorf("content-encoding = %q, want %q", enc, tt.encoding)
			}
			if md["cache-control"] != tt.cacheControl {
				t.Errorf("cache-control = %v, want %s", md["cache-control"], tt.cacheControl)
			}
			if !jsonEqual(p["Exclude"], []any{"*"}) || p["Prune"] != true {
				t.Errorf("deployment selects files with exclude %v, prune %v; want exclude * and prune", p["Exclude"], p["Prune"])
			}
			if p["DistributionPaths"] != nil {
				t.Errorf("upload invalidates %v itself: want one invalidation per deploy", p["DistributionPaths"])
			}
			invalidated := false
			for _, path := range inv["DistributionPaths"].([]any) {
				invalidated = invalidated || path == "/"+tt.key
			}
			if want := tt.cacheControl != CacheImmutable; invalidated != want {
				t.Errorf("/%s invalidated: %v, want %v (hashed names never are): %v", tt.key, invalidated, want, inv["DistributionPaths"])
			}
		})
	}
	// The edge function knows the wasm's twins.
	_, fn := s.only(t, "AWS::CloudFront::Function", func(p map[string]any) bool {
		return strings.Contains(fmt.Sprint(p["FunctionCode"]), "precompressed")
	})
	code, _ := props(fn)["FunctionCode"].(string)
	if !strings.Contains(code, `"/widget/`+wasmFile+`":{"br":true,"gz":true}`) {
		t.Errorf("edge function does not list the wasm's twins:\n%s", code)
	}
	if props(fn)["FunctionConfig"].(map[string]any)["Runtime"] != "cloudfront-js-2.0" {
		t.Errorf("edge function runtime = %v", props(fn)["FunctionConfig"])
	}
}

// alarm returns the alarm whose description names id (each names its
// runbook line).
func (s *synthesized) alarm(t *testing.T, id string) map[string]any {
	t.Helper()
	_, a := s.only(t, "AWS::CloudWatch::Alarm", func(p map[string]any) bool {
		return strings.Contains(fmt.Sprint(p["AlarmDescription"]), "("+id+")")
	})
	return props(a)
}

func TestAlarms(t *testing.T) {
	s := synth(t, Prod)
	cfg, _ := Stage(Prod)
	topicID, _ := s.only(t, "AWS::SNS::Topic", nil)
	fnID, _ := s.only(t, "AWS::Lambda::Function", isAPIFunction)
	apiID, _ := s.only(t, "AWS::ApiGatewayV2::Api", nil)
	tests := []struct {
		id, namespace, metric string
		dimension             any
		statistic             string
		threshold             float64
	}{
		{AlarmFunctionErrors, "AWS/Lambda", "Errors", ref(fnID), "Sum", cfg.ErrorsThreshold},
		{AlarmFunctionThrottles, "AWS/Lambda", "Throttles", ref(fnID), "Sum", cfg.ThrottlesThreshold},
		{AlarmFunctionDuration, "AWS/Lambda", "Duration", ref(fnID), "Maximum", FunctionTimeoutSeconds * 1000 * 0.8},
		// The fixture reserves 100: 80 of them is near the limit.
		{AlarmFunctionConcurrency, "AWS/Lambda", "ConcurrentExecutions", ref(fnID), "Maximum", prodReservedConcurrencyWanted * 0.8},
		{AlarmAPI5xx, "AWS/ApiGateway", "5xx", ref(apiID), "Sum", cfg.API5xxThreshold},
		{AlarmAPI429, MetricNamespace, "Api429-prod", nil, "Sum", cfg.API429Threshold},
	}
	for _, tt := range tests {
		check(t, "alarm "+tt.id, func() {
			p := s.alarm(t, tt.id)
			want := map[string]any{
				"Namespace":          tt.namespace,
				"MetricName":         tt.metric,
				"Period":             float64(alarmPeriodMinutes * 60),
				"Threshold":          tt.threshold,
				"ComparisonOperator": "GreaterThanOrEqualToThreshold",
				"TreatMissingData":   "notBreaching",
				"AlarmActions":       []any{ref(topicID)},
				"OKActions":          []any{ref(topicID)},
				"Statistic":          tt.statistic,
			}
			for k, v := range want {
				if !jsonEqual(p[k], v) {
					t.Errorf("%s: %s = %v, want %v", tt.id, k, p[k], v)
				}
			}
			if tt.dimension != nil && !strings.Contains(fmt.Sprint(p["Dimensions"]), fmt.Sprint(tt.dimension)) {
				t.Errorf("%s: dimensions %v, want %v", tt.id, p["Dimensions"], tt.dimension)
			}
			if !strings.Contains(fmt.Sprint(p["AlarmDescription"]), RunbookURL) {
				t.Errorf("%s: description %q names no runbook", tt.id, p["AlarmDescription"])
			}
		})
	}
	// p99 latency: an extended statistic, not a Sum.
	if p := s.alarm(t, AlarmAPILatencyP99); p["ExtendedStatistic"] != "p99" || p["Threshold"] != cfg.LatencyP99Ms {
		t.Errorf("latency alarm: %v", p)
	}
	// Metric math: 4xx rate and table throttles (table and every index).
	if p := s.alarm(t, AlarmAPI4xxRate); !strings.Contains(fmt.Sprint(p["Metrics"]), "100 * errors / requests") ||
		!strings.Contains(fmt.Sprint(p["Metrics"]), "4xx") || p["Threshold"] != cfg.API4xxPercent {
		t.Errorf("4xx rate alarm: %v", p)
	}
	throttles := fmt.Sprint(s.alarm(t, AlarmTableThrottles)["Metrics"])
	for _, want := range []string{"ReadThrottleEvents", "WriteThrottleEvents", table.GSI1, table.GSI2} {
		if !strings.Contains(throttles, want) {
			t.Errorf("table throttles alarm lacks %s: %s", want, throttles)
		}
	}
	if m := fmt.Sprint(s.alarm(t, AlarmTableSystemErrors)["Metrics"]); !strings.Contains(m, "SystemErrors") || !strings.Contains(m, "PutItem") {
		t.Errorf("system errors alarm: %s", m)
	}
	// The 429 metric comes from the access log.
	check(t, "429 metric filter", func() {
		s.template.HasResourceProperties(jsii.String("AWS::Logs::MetricFilter"), obj(map[string]any{
			"FilterPattern": `{ $.status = "429" }`,
		}))
	})
	// Dev without reserved concurrency watches the account's quota.
	dev := synth(t, Dev)
	if p := dev.alarm(t, AlarmFunctionConcurrency); p["Dimensions"] != nil || p["Threshold"] != float64(defaultAccountConcurrency*0.8) {
		t.Errorf("dev concurrency alarm: dimensions %v threshold %v, want the account's (no dimension), 800", p["Dimensions"], p["Threshold"])
	}
	check(t, "topic enforces TLS", func() {
		s.template.HasResourceProperties(jsii.String("AWS::SNS::TopicPolicy"), obj(map[string]any{
			"PolicyDocument": obj(map[string]any{
				"Statement": arrayWith(obj(map[string]any{
					"Effect":    "Deny",
					"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}},
				})),
			}),
		}))
	})
	check(t, "only this account's alarms may publish", func() {
		s.template.HasResourceProperties(jsii.String("AWS::SNS::TopicPolicy"), obj(map[string]any{
			"PolicyDocument": obj(map[string]any{
				"Statement": arrayWith(obj(map[string]any{
					"Effect":    "Allow",
					"Action":    "sns:Publish",
					"Principal": map[string]any{"Service": "cloudwatch.amazonaws.com"},
					"Condition": obj(map[string]any{
						"StringEquals": map[string]any{"aws:SourceAccount": ref("AWS::AccountId")},
					}),
				})),
			}),
		}))
	})
	check(t, "e-mail subscription", func() {
		s.template.HasResourceProperties(jsii.String("AWS::SNS::Subscription"), obj(map[string]any{
			"Protocol": "email", "Endpoint": testAlarmEmail, "TopicArn": ref(topicID),
		}))
	})
}

func TestOutputs(t *testing.T) {
	s := synth(t, Dev)
	outputs, _ := s.json["Outputs"].(map[string]any)
	for _, name := range []string{OutputSiteURL, OutputTableName, OutputWidgetSnippet} {
		if outputs[name] == nil {
			t.Errorf("output %s missing", name)
		}
	}
	// Nothing advertises the execute-api endpoint (which answers 403
	// without CloudFront's origin secret anyway).
	b, _ := json.Marshal(outputs)
	if strings.Contains(string(b), "execute-api") || strings.Contains(string(b), "ApiEndpoint") || len(outputs) != 3 {
		t.Errorf("outputs %s: want exactly %s, %s, %s", b, OutputSiteURL, OutputTableName, OutputWidgetSnippet)
	}
	// The value is an Fn::Join of literal parts and the distribution's domain.
	var snippet strings.Builder
	join := outputs[OutputWidgetSnippet].(map[string]any)["Value"].(map[string]any)["Fn::Join"].([]any)
	for _, part := range join[1].([]any) {
		if s, ok := part.(string); ok {
			snippet.WriteString(s)
		} else {
			snippet.WriteString("DOMAIN")
		}
	}
	for _, want := range []string{`<script src="https://DOMAIN/widget.js"`, `data-api="https://DOMAIN"`, "data-community", "data-key", "async></script>"} {
		if !strings.Contains(snippet.String(), want) {
			t.Errorf("widget snippet lacks %s: %s", want, snippet.String())
		}
	}
}

// TestNagAwsSolutions fails on any AwsSolutions finding that is neither
// fixed nor suppressed with a reason, and checks every suppression has one.
func TestNagAwsSolutions(t *testing.T) {
	for _, stage := range []string{Dev, Prod} {
		s := synth(t, stage)
		check(t, stage+" nag", func() {
			ann := assertions.Annotations_FromStack(s.stack.Stack)
			pattern := assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*"))
			for _, m := range *ann.FindError(jsii.String("*"), pattern) {
				t.Errorf("%s: unsuppressed error at %s: %v", stage, *m.Id, m.Entry.Data)
			}
			for _, m := range *ann.FindWarning(jsii.String("*"), pattern) {
				t.Errorf("%s: unsuppressed warning at %s: %v", stage, *m.Id, m.Entry.Data)
			}
		})
		// Suppressions are written into resource metadata: each has a reason.
		n := 0
		for id, r := range s.json["Resources"].(map[string]any) {
			meta, _ := r.(map[string]any)["Metadata"].(map[string]any)
			nag, _ := meta["cdk_nag"].(map[string]any)
			rules, _ := nag["rules_to_suppress"].([]any)
			for _, rule := range rules {
				rm := rule.(map[string]any)
				n++
				if reason, _ := rm["reason"].(string); len(reason) < 20 {
					t.Errorf("%s: suppression %v on %s has no real reason", stage, rm["id"], id)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no suppressions found in metadata: was cdk-nag applied?", stage)
		}
	}
}

func TestPropsValidation(t *testing.T) {
	good := testFixture.props(Prod)
	tests := []struct {
		name string
		edit func(p *Props)
		want string
	}{
		{"missing bootstrap", func(p *Props) { p.LambdaDir = filepath.Join(testFixture.root, "nope") }, "make lambda"},
		{"missing site", func(p *Props) { p.SiteDir = filepath.Join(testFixture.root, "nope") }, "site dir"},
		{"missing widget", func(p *Props) { p.WidgetDir = filepath.Join(testFixture.root, "nope") }, "widget dir"},
		{"origin with path", func(p *Props) { p.AllowedOrigins = []string{"https://x.com/"} }, "trailing slash"},
		{"negative ttl", func(p *Props) { p.EventTTLDays = -1 }, "eventTtlDays"},
		{"ttl shorter than the API accepts", func(p *Props) { p.EventTTLDays = table.MinEventTTLDays - 1 }, "eventTtlDays"},
		{"ttl longer than the API accepts", func(p *Props) { p.EventTTLDays = table.MaxEventTTLDays + 1 }, "eventTtlDays"},
		{"no stage", func(p *Props) { p.Stage = StageConfig{} }, "stage"},
		{"prod without an alarm subscriber", func(p *Props) { p.AlarmEmails = nil }, "nobody is subscribed"},
		{"not an e-mail", func(p *Props) { p.AlarmEmails = []string{"ops"} }, "not an e-mail"},
		{"reserving more than the quota allows", func(p *Props) { p.ReservedConcurrency, p.AccountConcurrency = 10, 10 }, "unreserved"},
		{"reserving more than the default quota allows", func(p *Props) { p.ReservedConcurrency = 950 }, "unreserved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := good
			tt.edit(&p)
			if err := p.validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("validate() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if err := good.validate(); err != nil {
		t.Errorf("valid props: %v", err)
	}
	if _, err := Stage("staging"); err == nil {
		t.Error(`Stage("staging") = nil error`)
	}
	if c, err := Stage(""); err != nil || c.Name != Dev {
		t.Errorf(`Stage("") = %v, %v; want dev (the safe default)`, c.Name, err)
	}
}

func TestWithoutWidget(t *testing.T) {
	p := testFixture.props(Dev)
	p.WidgetDir = ""
	check(t, "synth without widget", func() {
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())})
		st, err := New(app, "NoWidget", p)
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		tmpl := assertions.Template_FromStack(st.Stack, nil)
		siteLoader := false
		for _, r := range *tmpl.FindResources(jsii.String("Custom::CDKBucketDeployment"), nil) {
			p := (*r)["Properties"].(map[string]any)
			prefix, _ := p["DestinationBucketKeyPrefix"].(string)
			if prefix == WidgetPrefix {
				t.Errorf("widget uploaded although WidgetDir is empty")
			}
			if prefix == "" && strings.Contains(fmt.Sprint(p["Include"]), LoaderFile) {
				siteLoader = true
			}
		}
		if !siteLoader {
			t.Error("without a widget build, site/widget.js is not uploaded")
		}
	})
}

// TestNoDanglingReferences: every Ref and Fn::GetAtt names a resource or
// parameter of the template (or a pseudo parameter), so removing a construct
// (the unused CLI layers) left nothing pointing at it.
func TestNoDanglingReferences(t *testing.T) {
	for _, stage := range []string{Dev, Prod} {
		s := synth(t, stage)
		known := map[string]bool{}
		for _, section := range []string{"Resources", "Parameters"} {
			m, _ := s.json[section].(map[string]any)
			for id := range m {
				known[id] = true
			}
		}
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch x := v.(type) {
			case map[string]any:
				if r, ok := x["Ref"].(string); ok && !strings.HasPrefix(r, "AWS::") && !known[r] {
					t.Errorf("%s: %s: Ref to missing %s", stage, path, r)
				}
				if g, ok := x["Fn::GetAtt"].([]any); ok && len(g) > 0 && !known[fmt.Sprint(g[0])] {
					t.Errorf("%s: %s: GetAtt of missing %v", stage, path, g[0])
				}
				for k, c := range x {
					walk(path+"/"+k, c)
				}
			case []any:
				for i, c := range x {
					walk(fmt.Sprintf("%s[%d]", path, i), c)
				}
			}
		}
		walk("", s.json["Resources"])
		walk("", s.json["Outputs"])
		// The upload function uses the one layer left.
		_, layer := s.only(t, "AWS::Lambda::LayerVersion", nil)
		_ = layer
		used := false
		for _, fn := range s.resources("AWS::Lambda::Function") {
			if layers, ok := props(fn)["Layers"].([]any); ok && len(layers) > 0 {
				used = true
			}
		}
		if !used {
			t.Errorf("%s: no function uses the CLI layer", stage)
		}
	}
}

// TestBuiltLoaderReplacesSiteLoader: /widget.js is the loader the widget
// build stamped (from build/widget), not site/widget.js, as under
// `sweetspot serve`; and it is not also served at /widget/widget.js.
func TestBuiltLoaderReplacesSiteLoader(t *testing.T) {
	s := synth(t, Dev)
	loader := s.upload(t, LoaderFile)
	wasm := s.upload(t, WidgetPrefix+wasmFile)
	if !jsonEqual(loader["SourceObjectKeys"], wasm["SourceObjectKeys"]) {
		t.Errorf("/widget.js comes from %v, want the widget build's asset %v", loader["SourceObjectKeys"], wasm["SourceObjectKeys"])
	}
	if prefix, _ := loader["DestinationBucketKeyPrefix"].(string); prefix != "" {
		t.Errorf("loader prefix = %q, want the bucket root", prefix)
	}
	for _, r := range s.resources("Custom::CDKBucketDeployment") {
		p := props(r)
		prefix, _ := p["DestinationBucketKeyPrefix"].(string)
		incs, _ := p["Include"].([]any)
		for _, inc := range incs {
			if prefix == WidgetPrefix && inc == LoaderFile {
				t.Error("the loader is also uploaded to /widget/widget.js, where its base URL would be wrong")
			}
		}
	}
}

// TestUnknownContentTypeWarns: a file whose extension the table does not
// know is still served, and the synth says so.
func TestUnknownContentTypeWarns(t *testing.T) {
	p := testFixture.props(Dev)
	p.SiteDir = t.TempDir()
	if err := os.WriteFile(filepath.Join(p.SiteDir, "data.xyz"), []byte("?"), 0o644); err != nil {
		t.Fatal(err)
	}
	check(t, "synth", func() {
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())})
		st, err := New(app, "Unknown", p)
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		ann := assertions.Annotations_FromStack(st.Stack)
		ann.HasWarning(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("data.xyz: no Content-Type known")))
	})
}
