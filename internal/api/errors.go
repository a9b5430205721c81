package api

import (
	"encoding/json"
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// RetryAfterSeconds is what a 503 tells clients to wait: the SDK already
// retried with backoff, so the store needs a moment, not a hammering.
const RetryAfterSeconds = "1"

// errNoRoute and errMethod are the answers of the mux's fallbacks (fresh
// values each time: errors are never shared between requests).
func errNoRoute() error { return domain.Errorf(domain.NotFound, "", "no such route") }

func errMethod() error {
	return &domain.Error{Code: methodNotAllowed, Message: "method not allowed on this route"}
}

// methodNotAllowed is an HTTP concern only (no domain rule produces it).
const methodNotAllowed domain.Code = "method_not_allowed"

// statusOf is the one place where error codes become HTTP statuses.
func statusOf(c domain.Code) int {
	switch c {
	case domain.Invalid:
		return http.StatusBadRequest
	case domain.Unauthorized:
		return http.StatusUnauthorized
	case domain.Forbidden:
		return http.StatusForbidden
	case domain.NotFound:
		return http.StatusNotFound
	case methodNotAllowed:
		return http.StatusMethodNotAllowed
	case domain.Conflict:
		return http.StatusConflict
	case domain.TooLarge:
		return http.StatusRequestEntityTooLarge
	case domain.UnsupportedMediaType:
		return http.StatusUnsupportedMediaType
	case domain.RateLimited:
		return http.StatusTooManyRequests
	case domain.Unavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

// errorBody is the JSON shape of every error response.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    domain.Code `json:"code"`
	Message string      `json:"message"`
	Field   string      `json:"field"`
}

// writeError renders err. Internal errors say nothing beyond "internal
// error" to the caller; their cause goes to the request's log line.
func (a *API) writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := domain.AsError(err)
	info := infoFrom(r.Context())
	info.errCode = string(e.Code)
	if e.Code == domain.Internal || e.Code == domain.Unavailable {
		info.cause = err
	}
	msg := e.Message
	if e.Code == domain.Internal {
		msg = "internal error"
	}
	status := statusOf(e.Code)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", RetryAfterSeconds)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sweetspot"`)
	}
	writeJSON(w, status, errorBody{errorDetail{Code: e.Code, Message: msg, Field: e.Field}})
}

// writeJSON writes v with status. Always an explicit status: the Lambda
// adapter turns a response without one into a 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error","field":""}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
