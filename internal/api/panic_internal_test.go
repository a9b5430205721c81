package api

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/routes"
)

// TestPanicBecomesJSON500 checks that a bug in a handler reaches the
// caller as a plain internal error and the log as the cause.
func TestPanicBecomesJSON500(t *testing.T) {
	var logs bytes.Buffer
	a := &API{log: slog.New(slog.NewJSONHandler(&logs, nil)), limiter: newLimiter(0, 0, nil)}
	h := a.logged(a.route(routes.Route{Method: "GET", Path: "/boom", Auth: routes.None},
		func(w http.ResponseWriter, r *http.Request, _ *Principal) error { panic("secret detail") }))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/boom", nil))
	var body errorBody
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || w.Code != 500 || body.Error.Code != "internal" {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if strings.Contains(w.Body.String(), "secret detail") {
		t.Fatal("panic value reached the caller")
	}
	if !strings.Contains(logs.String(), "secret detail") || !strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Fatalf("cause not logged: %s", logs.String())
	}
}
