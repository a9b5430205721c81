package dynalite

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestStartStop starts an in-memory dynalite, asks it something DynamoDB
// clients ask, and stops it.
func TestStartStop(t *testing.T) {
	ctx := context.Background()
	s, err := Start(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(ctx, "POST", s.Endpoint(), strings.NewReader("{}"))
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// Unsigned requests are refused with 400: what matters is an answer in
	// DynamoDB's protocol.
	if resp.StatusCode != 400 && resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	s.Stop()
	s.Stop() // idempotent
	if _, err := http.DefaultClient.Do(req.Clone(ctx)); err == nil {
		t.Error("server still answers after Stop")
	}
}
