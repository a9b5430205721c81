package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// Server timeouts and limits (`sweetspot serve`; under Lambda, API Gateway
// bounds the connection and the store deadlines still apply). Each is a
// promise to a client and a bound on what a slow or hostile client costs.
const (
	// ReadHeaderTimeout closes a connection whose request headers have not
	// arrived in time (slowloris).
	ReadHeaderTimeout = 5 * time.Second
	// BodyReadTimeout is the deadline for a whole request, headers and
	// body: a request whose body stalls is closed after it (8 s: with the
	// accept and the close, within the 10 s a client is promised).
	BodyReadTimeout = 8 * time.Second
	// WriteTimeout bounds a response, handler included; above the longest
	// handler (an ingest request: a few store calls, then at most
	// store.DefaultApplyTimeout of work).
	WriteTimeout = 30 * time.Second
	// IdleTimeout closes keep-alive connections nobody uses.
	IdleTimeout = 60 * time.Second
	// MaxHeaderBytes bounds request headers (bodies are bounded by
	// domain.MaxBodyBytes).
	MaxHeaderBytes = 64 << 10
	// MaxInFlight caps the requests handled at once per process; beyond it
	// a request is answered 503 with Retry-After at once, so slow clients
	// cannot pile up goroutines and buffers without bound.
	MaxInFlight = 256
)

// NewServer returns an http.Server for h with every timeout set.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       BodyReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// LimitInFlight lets at most n requests through h at once and answers the
// others 503 unavailable with Retry-After (and Connection: close, so the
// connection's buffers go too).
func LimitInFlight(h http.Handler, n int) http.Handler {
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
			h.ServeHTTP(w, r)
		default:
			w.Header().Set("Retry-After", RetryAfterSeconds)
			w.Header().Set("Connection", "close")
			writeJSON(w, http.StatusServiceUnavailable, errorBody{errorDetail{Code: domain.Unavailable,
				Message: "the server is at its limit of requests in flight, retry later"}})
		}
	})
}

// RejectBadPaths answers 400 invalid (JSON, field "path") for a request
// whose path cannot name anything: a NUL or other control character, or
// invalid UTF-8, once unescaped. Without it such a path reached the static
// file server, which answered 500 in plain text. (A request line whose
// escapes are malformed, such as /%zz, never gets this far: net/http
// refuses it with 400 itself.)
func RejectBadPaths(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkPath(r.URL.Path); err != nil {
			w.Header().Set("Cache-Control", "no-store")
			writeJSON(w, http.StatusBadRequest, errorBody{errorDetail{Code: domain.Invalid, Message: err.Error(), Field: "path"}})
			return
		}
		h.ServeHTTP(w, r)
	})
}

func checkPath(p string) error {
	if !utf8.ValidString(p) {
		return errors.New("the path is not valid UTF-8")
	}
	if strings.ContainsFunc(p, unicode.IsControl) {
		return errors.New("the path holds a control character")
	}
	return nil
}

// RawPathError checks a path as it arrives escaped (API Gateway's rawPath,
// under Lambda, where the adapter would otherwise fail on a malformed
// escape and API Gateway answer 500): for a malformed escape, a control
// character or invalid UTF-8 it returns the 400 status and JSON error body
// to answer with; ok is false for a good path.
func RawPathError(raw string) (status int, body []byte, bad bool) {
	p, err := url.PathUnescape(raw)
	if err != nil {
		err = errors.New("the path holds a malformed %-escape")
	} else {
		err = checkPath(p)
	}
	if err == nil {
		return 0, nil, false
	}
	b, _ := json.Marshal(errorBody{errorDetail{Code: domain.Invalid, Message: err.Error(), Field: "path"}})
	return http.StatusBadRequest, b, true
}

// plainBadRequest starts what net/http writes, straight to the connection,
// for a request it cannot parse (a malformed %-escape in the request line,
// a broken header): no handler ever sees such a request.
var plainBadRequest = []byte("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n")

// JSONBadRequests wraps ln so that net/http's own plain-text 400, written
// for a request it cannot parse, goes out as the API's JSON error instead
// (code invalid): a client always gets the one error shape. Everything
// else passes through untouched.
func JSONBadRequests(ln net.Listener) net.Listener { return badRequestListener{ln} }

type badRequestListener struct{ net.Listener }

func (l badRequestListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return badRequestConn{c}, nil
}

type badRequestConn struct{ net.Conn }

func (c badRequestConn) Write(p []byte) (int, error) {
	if !bytes.HasPrefix(p, plainBadRequest) {
		return c.Conn.Write(p)
	}
	body, _ := json.Marshal(errorBody{errorDetail{Code: domain.Invalid,
		Message: "malformed request: check the path's %-escapes and the headers"}})
	body = append(body, '\n')
	head := fmt.Sprintf("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"+
		"Cache-Control: no-store\r\nConnection: close\r\n\r\n", len(body))
	if _, err := c.Conn.Write(append([]byte(head), body...)); err != nil {
		return 0, err
	}
	return len(p), nil
}
