package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/routes"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

const (
	currentSecret  = "current-secret-0123456789abcdef"
	previousSecret = "previous-secret-0123456789abcdef"
)

// TestOriginSecret: with secrets configured, only requests carrying the
// current or the previous one get in (a rotation in progress); a request
// straight to the execute-api endpoint gets 403, which is logged with the
// viewer address CloudFront would have sent.
func TestOriginSecret(t *testing.T) {
	logs := &bytes.Buffer{}
	h, err := api.New(api.Options{Store: storetest.New(t), Logger: slog.New(slog.NewJSONHandler(logs, nil)),
		OriginSecrets: []string{currentSecret, previousSecret}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		secret string
		want   int
	}{
		{"current", currentSecret, http.StatusOK},
		{"previous", previousSecret, http.StatusOK},
		{"none", "", http.StatusForbidden},
		{"wrong", "current-secret-0123456789abcdeX", http.StatusForbidden},
		{"prefix", currentSecret[:20], http.StatusForbidden},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			logs.Reset()
			req := httptest.NewRequest("GET", "/v1/health", nil)
			if tc.secret != "" {
				req.Header.Set(routes.OriginVerifyHeader, tc.secret)
			}
			req.Header.Set(routes.ViewerAddressHeader, "203.0.113.7")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.want, rec.Body)
			}
			var line map[string]any
			if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
				t.Fatalf("log line: %v: %s", err, logs)
			}
			// The viewer address is trusted only with the secret; without,
			// the header is anyone's to forge and the TCP peer is logged.
			want := "192.0.2.1"
			if tc.want == http.StatusOK {
				want = "203.0.113.7"
			}
			if line["client"] != want {
				t.Errorf("logged client = %v, want %s", line["client"], want)
			}
			if strings.Contains(logs.String(), "secret-0123") {
				t.Errorf("the log line holds the secret: %s", logs)
			}
		})
	}
}

// TestOriginSecretOff: without secrets (sweetspot serve) nothing is
// required, and the logged client is the TCP peer, never a header a
// client could forge.
func TestOriginSecretOff(t *testing.T) {
	logs := &bytes.Buffer{}
	h, err := api.New(api.Options{Store: storetest.New(t), Logger: slog.New(slog.NewJSONHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/v1/health", nil)
	req.RemoteAddr = "192.0.2.1:4321"
	req.Header.Set(routes.ViewerAddressHeader, "203.0.113.7")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), `"client":"192.0.2.1"`) {
		t.Errorf("log line %s: want client 192.0.2.1", logs)
	}
}

func TestOriginSecretTooShort(t *testing.T) {
	for _, secrets := range [][]string{{"short"}, {currentSecret, ""}} {
		if _, err := api.New(api.Options{Store: storetest.New(t), OriginSecrets: secrets}); err == nil {
			t.Errorf("api.New accepted origin secrets %q", secrets)
		}
	}
}
