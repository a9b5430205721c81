package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/store"
)

// fixture is a dynalite with a table, a workspace and an admin key.
type fixture struct {
	getenv func(string) string
	vars   map[string]string
	key    string
}

func newFixture(t *testing.T, table string) *fixture {
	t.Helper()
	ctx := context.Background()
	srv, err := dynalite.Start(ctx, dynalite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	vars := map[string]string{"DYNAMODB_ENDPOINT": srv.Endpoint(), "TABLE_NAME": table, "AWS_REGION": "us-east-1"}
	st, err := store.Open(ctx, store.Config{Endpoint: srv.Endpoint(), Table: table})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureTable(ctx); err != nil {
		t.Fatal(err)
	}
	ws := domain.Workspace{ID: domain.NewID(domain.WorkspacePrefix), Name: "Lambda"}
	if err := st.CreateWorkspace(ctx, &ws); err != nil {
		t.Fatal(err)
	}
	_, key, err := store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: ws.ID, Name: "admin", Scope: domain.ScopeAdmin})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{getenv: func(k string) string { return vars[k] }, vars: vars, key: key}
}

// event reads testdata/<name>.json, a real API Gateway v2 event, with
// placeholders filled in.
func event(t *testing.T, name string, repl ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.NewReplacer(repl...).Replace(string(b)))
}

const communityJSON = `{"kind":"association","name":"Silver Horizons travel club","interests":[{"term":"guided tour","weight":0.9}],"networks":{"facebook":2600}}`

func decodeResponse(t *testing.T, raw []byte) (events.APIGatewayV2HTTPResponse, map[string]any) {
	t.Helper()
	var res events.APIGatewayV2HTTPResponse
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("not an API Gateway v2 response: %v: %s", err, raw)
	}
	body := res.Body
	if res.IsBase64Encoded {
		b, _ := base64.StdEncoding.DecodeString(body)
		body = string(b)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("body is not JSON: %s", body)
	}
	return res, m
}

// TestLambdaPayloads sends real API Gateway v2 events through
// lambda.NewHandler(...).Invoke: the same JSON round trip the Lambda
// runtime does, in-process.
func TestLambdaPayloads(t *testing.T) {
	f := newFixture(t, "lambda-payloads")
	var logs bytes.Buffer
	h, err := newHandler(context.Background(), f.getenv, &logs)
	if err != nil {
		t.Fatal(err)
	}
	invoke := func(ev []byte) (events.APIGatewayV2HTTPResponse, map[string]any) {
		raw, err := lambda.NewHandler(h).Invoke(context.Background(), ev)
		if err != nil {
			t.Fatal(err)
		}
		return decodeResponse(t, raw)
	}

	res, m := invoke(event(t, "get-health"))
	if res.StatusCode != 200 || m["status"] != "ok" || res.Headers["Content-Type"] != "application/json" ||
		res.Headers["X-Request-Id"] != "JKJaXmPLvHcESHA=" {
		t.Fatalf("health: %+v", res)
	}

	body := base64.StdEncoding.EncodeToString([]byte(communityJSON))
	res, m = invoke(event(t, "post-community", "{{KEY}}", f.key, "{{BODY}}", body, "{{LEN}}", strconv.Itoa(len(communityJSON))))
	if res.StatusCode != 201 || m["kind"] != "association" || !strings.HasPrefix(res.Headers["Location"], "/v1/communities/com_") {
		t.Fatalf("create: %d %v %v", res.StatusCode, res.Headers, m)
	}
	id := m["id"].(string)

	res, m = invoke(event(t, "get-communities", "{{KEY}}", f.key, "{{ID}}", id))
	if res.StatusCode != 200 || m["id"] != id || m["name"] != "Silver Horizons travel club" {
		t.Fatalf("get: %d %v", res.StatusCode, m)
	}

	res, m = invoke(event(t, "get-communities", "{{KEY}}", "ss.nope", "{{ID}}", id))
	if res.StatusCode != 401 || m["error"].(map[string]any)["code"] != "unauthorized" || res.Headers["Www-Authenticate"] == "" {
		t.Fatalf("bad key: %d %v %v", res.StatusCode, res.Headers, m)
	}

	// The raw query string reaches the handler: limit=1000 is refused.
	res, m = invoke(event(t, "list-offers-query", "{{KEY}}", f.key))
	if res.StatusCode != 400 || m["error"].(map[string]any)["field"] != "limit" {
		t.Fatalf("query: %d %v", res.StatusCode, m)
	}
	if !strings.Contains(logs.String(), `"request_id":"JKJbYnQMvHcEPKw="`) {
		t.Fatalf("log lines do not carry API Gateway's request id:\n%s", logs.String())
	}
}

// runtimeAPI is a minimal Lambda Runtime API (the 2018-06-01 interface a
// bootstrap binary polls): it hands out queued events and collects answers.
type runtimeAPI struct {
	events  chan []byte
	mu      sync.Mutex
	answers map[string]chan []byte
	n       int
}

func (rt *runtimeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == "GET" && r.URL.Path == "/2018-06-01/runtime/invocation/next":
		ev, ok := <-rt.events
		if !ok {
			http.Error(w, "shutting down", http.StatusGone)
			return
		}
		rt.mu.Lock()
		rt.n++
		id := "req-" + strconv.Itoa(rt.n)
		rt.mu.Unlock()
		w.Header().Set("Lambda-Runtime-Aws-Request-Id", id)
		w.Header().Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(time.Now().Add(30*time.Second).UnixMilli(), 10))
		w.Header().Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:sweetspot-api")
		w.Header().Set("Lambda-Runtime-Trace-Id", "Root=1-6740a1b2-3c4d5e6f7a8b9c0d1e2f3a4b;Sampled=0")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(ev)
	case r.Method == "POST" && strings.HasPrefix(r.URL.Path, "/2018-06-01/runtime/invocation/"):
		parts := strings.Split(r.URL.Path, "/")
		id, kind := parts[4], parts[5]
		b, _ := io.ReadAll(r.Body)
		if kind == "error" {
			b = append([]byte("ERROR:"), b...)
		}
		rt.mu.Lock()
		ch := rt.answers[id]
		rt.mu.Unlock()
		if ch != nil {
			ch <- b
		}
		w.WriteHeader(http.StatusAccepted)
	case r.Method == "POST" && r.URL.Path == "/2018-06-01/runtime/init/error":
		w.WriteHeader(http.StatusAccepted)
	default:
		http.NotFound(w, r)
	}
}

// invoke queues an event and waits for the function's answer.
func (rt *runtimeAPI) invoke(t *testing.T, ev []byte) []byte {
	t.Helper()
	rt.mu.Lock()
	id := "req-" + strconv.Itoa(rt.n+1)
	ch := make(chan []byte, 1)
	rt.answers[id] = ch
	rt.mu.Unlock()
	rt.events <- ev
	select {
	case b := <-ch:
		if bytes.HasPrefix(b, []byte("ERROR:")) {
			t.Fatalf("function error: %s", b)
		}
		return b
	case <-time.After(20 * time.Second):
		t.Fatal("no answer from the function")
		return nil
	}
}

// TestBootstrapProcess builds functions/api as the bootstrap binary and
// runs it as a process against the Runtime API above, on loopback.
func TestBootstrapProcess(t *testing.T) {
	f := newFixture(t, "lambda-process")
	bin := filepath.Join(t.TempDir(), "bootstrap")
	build := exec.Command("go", "build", "-tags", "lambda.norpc", "-o", bin, ".")
	// No -trimpath: the build reuses the test's compiled packages (the
	// release build in mk/ differs only in flags, not in code).
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	rt := &runtimeAPI{events: make(chan []byte), answers: map[string]chan []byte{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: rt}
	go srv.Serve(ln)
	defer srv.Close()

	cmd := exec.Command(bin)
	cmd.Env = []string{
		"AWS_LAMBDA_RUNTIME_API=" + ln.Addr().String(),
		"AWS_LAMBDA_FUNCTION_NAME=sweetspot-api", "AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=256", "AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/sweetspot-api",
		"AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local",
		"TABLE_NAME=" + f.vars["TABLE_NAME"], "DYNAMODB_ENDPOINT=" + f.vars["DYNAMODB_ENDPOINT"], "AWS_REGION=us-east-1",
	}
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()

	res, m := decodeResponse(t, rt.invoke(t, event(t, "get-health")))
	if res.StatusCode != 200 || m["status"] != "ok" {
		t.Fatalf("health through bootstrap: %+v\n%s", res, stdout.String())
	}
	body := base64.StdEncoding.EncodeToString([]byte(communityJSON))
	res, m = decodeResponse(t, rt.invoke(t, event(t, "post-community", "{{KEY}}", f.key, "{{BODY}}", body, "{{LEN}}", strconv.Itoa(len(communityJSON)))))
	if res.StatusCode != 201 || m["name"] != "Silver Horizons travel club" {
		t.Fatalf("create through bootstrap: %d %v\n%s", res.StatusCode, m, stdout.String())
	}
	res, m = decodeResponse(t, rt.invoke(t, event(t, "get-communities", "{{KEY}}", f.key, "{{ID}}", m["id"].(string))))
	if res.StatusCode != 200 || res.Headers["X-Request-Id"] != "JKJcZoRNvHcEMNg=" {
		t.Fatalf("get through bootstrap: %d %v", res.StatusCode, res.Headers)
	}
	if !strings.Contains(stdout.String(), `"route":"POST /v1/communities"`) {
		t.Fatalf("no JSON request log on stdout:\n%s", stdout.String())
	}
}

// TestLambdaBadPaths: paths with malformed escapes or a NUL arrive in
// API Gateway's rawPath; both are 400 JSON errors naming the path, never
// a function error (which API Gateway turns into a 500).
func TestLambdaBadPaths(t *testing.T) {
	f := newFixture(t, "lambda-bad-paths")
	h, err := newHandler(context.Background(), f.getenv, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/v1/%zz", "/v1/%00", "/%c3%28", "/v1/offers/%"} {
		t.Run(path, func(t *testing.T) {
			ev := event(t, "get-health", `"rawPath": "/v1/health"`, `"rawPath": "`+path+`"`)
			raw, err := lambda.NewHandler(h).Invoke(context.Background(), ev)
			if err != nil {
				t.Fatalf("function error (a 500 at API Gateway): %v", err)
			}
			res, m := decodeResponse(t, raw)
			if res.StatusCode != 400 || m["error"].(map[string]any)["field"] != "path" {
				t.Fatalf("%d %v", res.StatusCode, m)
			}
		})
	}
}
