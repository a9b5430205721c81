// Package widgettest runs the unit tests of the offer widget (site/offer.js)
// under node:test, so
// `go test ./...` covers them. They use a minimal DOM shim; the browser
// test in e2e/ runs the widget in headless Chromium.
package widgettest

import (
	"context"
	"os/exec"
	"testing"
	"time"
)

func TestSiteScripts(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is required (make setup installs the toolchain): %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--test", "--test-reporter=tap", "offer.test.mjs")
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("node --test: %v", err)
	}
}
