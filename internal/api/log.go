package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// reqInfo collects what the request's log line says; the inner layers fill
// it in as they learn the route, the workspace and the outcome.
type reqInfo struct {
	id, route, workspace, key, errCode string
	// client is the caller's address (peerAddress, or the viewer's behind
	// CloudFront: fromOrigin).
	client string
	cause  error
}

type infoKey struct{}

func infoFrom(ctx context.Context) *reqInfo {
	if i, ok := ctx.Value(infoKey{}).(*reqInfo); ok {
		return i
	}
	return &reqInfo{}
}

// statusRecorder remembers the status and size a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (an upload
// extends its read deadline through it).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logged is the outermost layer: request id, panic recovery and one log
// line per request. The line holds ids, route, status and latency; never
// the key's secret, request bodies or draft text.
func (a *API) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &reqInfo{id: a.requestID(r), client: peerAddress(r)}
		rec := &statusRecorder{ResponseWriter: w}
		rec.Header().Set("X-Request-Id", info.id)
		r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
		defer func() {
			if v := recover(); v != nil {
				if rec.status == 0 {
					a.writeError(rec, r, domain.Errorf(domain.Internal, "", "internal error"))
				}
				info.errCode = string(domain.Internal)
				info.cause = fmt.Errorf("panic: %v", v)
			}
			attrs := []slog.Attr{
				slog.String("request_id", info.id),
				slog.String("method", r.Method),
				slog.String("route", info.route),
				slog.Int("status", rec.status),
				slog.Float64("latency_ms", float64(time.Since(start).Microseconds())/1000),
				slog.Int("bytes", rec.bytes),
			}
			if info.client != "" {
				attrs = append(attrs, slog.String("client", info.client))
			}
			if info.workspace != "" {
				attrs = append(attrs, slog.String("workspace", info.workspace), slog.String("key_id", info.key))
			}
			level := slog.LevelInfo
			if info.errCode != "" {
				attrs = append(attrs, slog.String("error", info.errCode))
			}
			if info.cause != nil {
				level = slog.LevelError
				attrs = append(attrs, slog.String("cause", info.cause.Error()))
			}
			a.log.LogAttrs(r.Context(), level, "request", attrs...)
		}()
		next.ServeHTTP(rec, r)
	})
}

// maxRequestIDLen bounds an incoming request id (it goes into logs).
const maxRequestIDLen = 64

func (a *API) requestID(r *http.Request) string {
	if a.reqID != nil {
		if id := a.reqID(r); id != "" {
			return id
		}
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
