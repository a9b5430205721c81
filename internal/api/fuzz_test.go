package api

import (
	"bytes"
	"net/http/httptest"
	"testing"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// FuzzDecoders feeds arbitrary bytes to the request decoders of every
// resource (create and merge-patch paths). They must never panic, and must
// either decode or fail with a domain error, never an internal one.
func FuzzDecoders(f *testing.F) {
	for _, s := range []string{
		`{"kind":"interest","name":"n","interests":[{"term":"x","weight":1}]}`,
		`{"name":"p","url":"https://p.example"}`,
		`{"kind":"tool","title":"t","communities":["com_a"],"status":"live"}`,
		`{"content":{"body":"x"},"audience":{"interests":[{"term":"x"}]}}`,
		`{"version":1,"networks":{"email":null}}`,
		"{\"name\":\"\xff\"}", `[]`, `{`, `{"a":1}{`, `null`, `{"interests":[{"term":1e999}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		targets := []func() any{
			func() any { return &domain.Community{} },
			func() any { return &domain.Partner{} },
			func() any { return &domain.Offer{} },
			func() any { return &domain.Workspace{} },
			func() any { return &keyInput{} },
			func() any { return &scoreInput{} },
		}
		current := domain.Community{ID: "com_x", Kind: "interest"}
		for _, target := range targets {
			check(t, decodeStrict(b, target(), createReadOnly()))
			r := httptest.NewRequest("PATCH", "/", bytes.NewReader(b))
			r.Header.Set("Content-Type", "application/json")
			_, err := mergePatch(r, current, target(), domain.ReadOnlyFields())
			check(t, err)
		}
		var c domain.Community
		if decodeStrict(b, &c, nil) == nil {
			_ = c.Validate() // validation of anything decodable must not panic either
		}
		var o domain.Offer
		if decodeStrict(b, &o, nil) == nil {
			_ = o.Validate()
		}
	})
}

func check(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	switch code := domain.ErrorCode(err); code {
	case domain.Invalid, domain.TooLarge, domain.UnsupportedMediaType:
	default:
		t.Fatalf("decoder failed with %s: %v", code, err)
	}
}
