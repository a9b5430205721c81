package api

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// The handler-overhead benchmarks measure what the API adds per request
// without the store: routing, the log line, JSON out, and decoding plus
// validation of a typical body. `make bench` runs them (bench-api).

const benchCommunity = `{"kind":"interest","name":"B2B IT administrators","description":"People who keep servers running.",
"interests":[{"term":"backup","weight":1},{"term":"disaster recovery","weight":0.9},{"term":"ransomware","weight":0.8},
{"term":"server","weight":0.6},{"term":"restore","weight":0.8},{"term":"patch management","weight":0.6}],
"generations":{"boomers":0.1,"genx":0.4,"millennials":0.4,"genz":0.1},
"networks":{"linkedin":4200,"twitter":900,"email":3100,"blog":2500},"traits":["pragmatic","time-poor"]}`

// BenchmarkHandlerHealth is a whole request through the chain (request id,
// routing, JSON log line, JSON response) on a route that needs no store.
func BenchmarkHandlerHealth(b *testing.B) {
	h, err := New(Options{Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/v1/health", nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkDecodeValidateCommunity is the body work of POST
// /v1/communities: edge checks, strict decode, domain validation.
func BenchmarkDecodeValidateCommunity(b *testing.B) {
	body := []byte(benchCommunity)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("POST", "/v1/communities", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		var c domain.Community
		if err := decodeBody(r, &c, createReadOnly()); err != nil {
			b.Fatal(err)
		}
		if err := c.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMergePatchCommunity is the body work of PATCH
// /v1/communities/{id}: merge a small patch into the stored community.
func BenchmarkMergePatchCommunity(b *testing.B) {
	var cur domain.Community
	if err := decodeStrict([]byte(benchCommunity), &cur, nil); err != nil {
		b.Fatal(err)
	}
	patch := []byte(`{"name":"IT admins","networks":{"twitter":null},"version":3}`)
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("PATCH", "/v1/communities/com_x", bytes.NewReader(patch))
		r.Header.Set("Content-Type", "application/json")
		var next domain.Community
		if _, err := mergePatch(r, cur, &next, domain.ReadOnlyFields()); err != nil {
			b.Fatal(err)
		}
	}
}
