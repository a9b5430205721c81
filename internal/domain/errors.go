// Package domain holds Sweetspot's business types (workspaces, API keys,
// communities, partners, offers), their validation rules and limits, and the
// one error type every layer speaks. It depends on nothing but the scoring
// contract: the store persists these types, the HTTP API serves them.
package domain

import (
	"errors"
	"fmt"
)

// Code classifies an Error. The HTTP API maps each code to one status in
// exactly one place (internal/api, statusOf); other layers never think in
// HTTP statuses.
type Code string

// Error codes.
const (
	// Invalid: the request is malformed or breaks a rule; Field names the culprit.
	Invalid Code = "invalid"
	// Unauthorized: no credential, or one that does not match any key.
	Unauthorized Code = "unauthorized"
	// Forbidden: a valid key without the scope or origin the route needs.
	Forbidden Code = "forbidden"
	// NotFound: no such resource in the caller's workspace. Another
	// workspace's ids are reported exactly like ids that never existed.
	NotFound Code = "not_found"
	// Conflict: a stale version, a duplicate, or a rule about other resources.
	Conflict Code = "conflict"
	// TooLarge: the request body is over the documented limit.
	TooLarge Code = "too_large"
	// UnsupportedMediaType: the request body is not JSON.
	UnsupportedMediaType Code = "unsupported_media_type"
	// RateLimited: the key sent more requests than its rate allows.
	RateLimited Code = "rate_limited"
	// Unavailable: the store throttled or could not be reached; retry later.
	Unavailable Code = "unavailable"
	// Internal: a bug. Its details go to the log, never to the caller.
	Internal Code = "internal"
)

// Error is the one error type of Sweetspot's domain. Message is safe to show
// to the caller; Err (optional) carries the underlying cause for logs only.
type Error struct {
	Code    Code
	Message string
	// Field names the offending input in its JSON spelling
	// ("interests[2].weight"), or is empty.
	Field string
	// Err is the wrapped cause (never shown to callers).
	Err error
}

func (e *Error) Error() string {
	s := string(e.Code) + ": " + e.Message
	if e.Field != "" {
		s = string(e.Code) + ": " + e.Field + ": " + e.Message
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a formatted message.
func Errorf(code Code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error with code and message that keeps err as its cause.
func Wrap(code Code, err error, message string) *Error {
	return &Error{Code: code, Message: message, Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, or Internal.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// AsError returns the first *Error in err's chain, or an Internal error
// wrapping err (with a message that reveals nothing).
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: Internal, Message: "internal error", Err: err}
}
