package domain

import (
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

func TestTokenRoundTrip(t *testing.T) {
	ws, id := NewID(WorkspacePrefix), NewID(KeyPrefix)
	token, hash, hint := NewSecret(ws, id)
	gws, gid, secret, ok := ParseToken(token)
	if !ok || gws != ws || gid != id || !strings.HasSuffix(secret, hint) {
		t.Fatalf("parse %q: %v %s %s", token, ok, gws, gid)
	}
	if !SecretMatches(secret, hash) || SecretMatches(secret+"x", hash) {
		t.Fatal("secret check")
	}
	if strings.Contains(hash, secret) || len(hash) != 64 {
		t.Fatalf("hash %q", hash)
	}
	for _, bad := range []string{"", "ss", "ss.ws_a.key_b", "xx." + ws + "." + id + "." + secret, "ss.ws_A!." + id + "." + secret,
		"ss." + ws + "." + id + ".short", token + ".more"} {
		if _, _, _, ok := ParseToken(bad); ok {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestValidID(t *testing.T) {
	cases := map[string]bool{"com_abc": true, "com_": false, "par_abc": false, "com_ABC": false,
		"com_" + strings.Repeat("a", MaxIDLen): false, NewID(CommunityPrefix): true}
	for id, want := range cases {
		if ValidID(CommunityPrefix, id) != want {
			t.Errorf("ValidID(%q) = %v", id, !want)
		}
	}
}

func TestValidate(t *testing.T) {
	aud := scoring.Audience{Name: "n", Interests: []scoring.Interest{{Term: "backup", Weight: 1}}}
	cases := []struct {
		name  string
		v     interface{ Validate() error }
		field string // "" means valid
	}{
		{"community ok", &Community{Kind: KindAlliance, Audience: aud}, ""},
		{"community without name", &Community{Kind: KindInterest, Audience: scoring.Audience{Interests: aud.Interests}}, "name"},
		{"community bad partner id", &Community{Kind: KindInterest, Audience: aud, PartnerID: "com_x"}, "partner_id"},
		{"community no interests", &Community{Kind: KindInterest, Audience: scoring.Audience{Name: "n"}}, "interests"},
		{"community weight", &Community{Kind: KindInterest, Audience: scoring.Audience{Name: "n", Interests: []scoring.Interest{{Term: "x", Weight: 11}}}}, "interests[0].weight"},
		{"community network id", &Community{Kind: KindInterest, Audience: scoring.Audience{Name: "n", Interests: aud.Interests, Networks: map[string]int{"Linked In": 1}}}, "networks.Linked In"},
		{"key admin with origins", &APIKey{Name: "k", Scope: ScopeAdmin, Origins: []string{"https://a.example"}}, "origins"},
		{"key ingest ok", &APIKey{Name: "k", Scope: ScopeIngest, Origins: []string{"https://a.example:8443"}}, ""},
		{"key origin with path", &APIKey{Name: "k", Scope: ScopeIngest, Origins: []string{"https://a.example/x"}}, "origins[0]"},
		{"partner ok", &Partner{Name: "p", URL: "https://p.example/about"}, ""},
		{"partner ftp url", &Partner{Name: "p", URL: "ftp://p.example"}, "url"},
		{"offer ok", &Offer{Kind: OfferCoupon, Title: "t", Status: StatusDraft}, ""},
		{"offer blank title", &Offer{Kind: OfferCoupon, Title: "  ", Status: StatusDraft}, "title"},
		{"offer too many targets", &Offer{Kind: OfferCoupon, Title: "t", Status: StatusDraft, Communities: make([]string, MaxTargets+1)}, "communities"},
		{"offer title in runes", &Offer{Kind: OfferCoupon, Title: strings.Repeat("é", MaxTitleLen), Status: StatusDraft}, ""},
		{"workspace invalid utf8", &Workspace{Name: "a\xff"}, "name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.v.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			e := AsError(err)
			if err == nil || e.Code != Invalid || e.Field != c.field {
				t.Fatalf("got %v, want invalid %s", err, c.field)
			}
		})
	}
}
