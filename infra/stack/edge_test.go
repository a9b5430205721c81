package stack

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// TestEdgeFunction runs the CloudFront Function's real source in node (the
// CDK needs node anyway) against viewer-request events.
func TestEdgeFunction(t *testing.T) {
	code, err := EdgeFunctionCode(map[string]Twins{
		"/widget/sweetspot.wasm": {Brotli: true, Gzip: true},
		"/widget/only-gzip.wasm": {Gzip: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, uri, acceptEncoding, want string
	}{
		{"root gets index", "/", "", "/index.html"},
		{"folder gets index", "/demo/", "br", "/demo/index.html"},
		{"brotli preferred", "/widget/sweetspot.wasm", "gzip, deflate, br, zstd", "/widget/sweetspot.wasm.br"},
		{"gzip only", "/widget/sweetspot.wasm", "gzip", "/widget/sweetspot.wasm.gz"},
		{"brotli refused by q=0", "/widget/sweetspot.wasm", "br;q=0, gzip;q=0.5", "/widget/sweetspot.wasm.gz"},
		{"upper case coding", "/widget/sweetspot.wasm", "BR", "/widget/sweetspot.wasm.br"},
		{"no accept-encoding", "/widget/sweetspot.wasm", "", "/widget/sweetspot.wasm"},
		{"identity only", "/widget/sweetspot.wasm", "identity", "/widget/sweetspot.wasm"},
		{"br-like token is not br", "/widget/sweetspot.wasm", "brotli", "/widget/sweetspot.wasm"},
		{"twin missing", "/widget/only-gzip.wasm", "br", "/widget/only-gzip.wasm"},
		{"twin present", "/widget/only-gzip.wasm", "br, gzip", "/widget/only-gzip.wasm.gz"},
		{"no twins", "/widget/wasm_exec.js", "br", "/widget/wasm_exec.js"},
		{"api path untouched", "/v1/health", "br", "/v1/health"},
	}
	type event struct {
		Request struct {
			URI     string                       `json:"uri"`
			Headers map[string]map[string]string `json:"headers"`
		} `json:"request"`
	}
	var events []event
	for _, tt := range tests {
		var e event
		e.Request.URI = tt.uri
		e.Request.Headers = map[string]map[string]string{}
		if tt.acceptEncoding != "" {
			e.Request.Headers["accept-encoding"] = map[string]string{"value": tt.acceptEncoding}
		}
		events = append(events, e)
	}
	in, err := json.Marshal(events)
	if err != nil {
		t.Fatal(err)
	}
	script := code + "\nvar events = " + string(in) + ";\n" +
		"console.log(JSON.stringify(events.map(function (e) { return handler(e).uri; })));\n"
	cmd := exec.Command("node", "-e", script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got []string
	if err := json.Unmarshal([]byte(strings.TrimSpace(string(out))), &got); err != nil {
		t.Fatalf("node output %q: %v", out, err)
	}
	for i, tt := range tests {
		if got[i] != tt.want {
			t.Errorf("%s: %s with Accept-Encoding %q -> %s, want %s", tt.name, tt.uri, tt.acceptEncoding, got[i], tt.want)
		}
	}
	if len(code) > 10*1024 {
		t.Errorf("function code is %d bytes; CloudFront Functions allow 10 KB", len(code))
	}
}

// TestViewerAddressFunction: the API's viewer-request function writes the
// viewer's address over anything the client sent in that header.
func TestViewerAddressFunction(t *testing.T) {
	script := ViewerAddressFunctionCode() + `
var event = {viewer: {ip: "203.0.113.9"}, request: {uri: "/v1/events", headers: {
  "x-sweetspot-viewer-address": {value: "1.2.3.4"}, "authorization": {value: "Bearer x"}}}};
console.log(JSON.stringify(handler(event).headers));
`
	out, err := exec.Command("node", "-e", script).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got map[string]map[string]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output %q: %v", out, err)
	}
	if got["x-sweetspot-viewer-address"]["value"] != "203.0.113.9" || got["authorization"]["value"] != "Bearer x" {
		t.Errorf("headers after the function: %v", got)
	}
}
