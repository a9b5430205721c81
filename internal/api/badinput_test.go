package api_test

import (
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/domain"
)

// TestBadInput sends what clients get wrong and checks the status, the
// code and the field named, and that nothing was stored on the way.
func TestBadInput(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, community, offer := e.seed(e.admin)
	long := func(n int) string { return strings.Repeat("a", n) }
	valid := `{"kind":"interest","name":"n","interests":[{"term":"x"}]}`
	cases := []struct {
		name   string
		method string
		path   string
		body   string
		ctype  string
		status int
		code   string
		field  string
	}{
		{"malformed JSON", "POST", "/v1/communities", `{"kind":`, "", 400, "invalid", ""},
		{"syntax error", "POST", "/v1/communities", `{"kind" "interest"}`, "", 400, "invalid", ""},
		{"not an object", "POST", "/v1/communities", `["kind"]`, "", 400, "invalid", ""},
		{"empty body", "POST", "/v1/partners", ``, "", 400, "invalid", ""},
		{"trailing data", "POST", "/v1/partners", `{"name":"p"} {"name":"q"}`, "", 400, "invalid", ""},
		{"trailing brace", "POST", "/v1/partners", `{"name":"p"}}`, "", 400, "invalid", ""},
		{"trailing bracket", "POST", "/v1/partners", `{"name":"p"}]`, "", 400, "invalid", ""},
		{"patch trailing brace", "PATCH", "/v1/offers/" + offer, `{"title":"t2"}}`, "", 400, "invalid", ""},
		{"patch trailing bracket", "PATCH", "/v1/offers/" + offer, `{"title":"t2"} ]`, "", 400, "invalid", ""},
		{"score trailing brace", "POST", "/v1/score", `{"content":{"body":"x"},"community_id":"` + community + `"}}`, "", 400, "invalid", ""},
		{"events trailing brace", "POST", "/v1/events", `{"events":[{"id":"evt_00000001"}]}}`, "", 400, "invalid", ""},
		{"wrong type string", "POST", "/v1/communities", `{"kind":"interest","name":42,"interests":[{"term":"x"}]}`, "", 400, "invalid", "name"},
		{"wrong type nested", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x","weight":"heavy"}]}`, "", 400, "invalid", "interests.weight"},
		{"wrong type map", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"}],"networks":{"linkedin":"many"}}`, "", 400, "invalid", "networks"},
		{"unknown field", "POST", "/v1/partners", `{"name":"p","colour":"red"}`, "", 400, "invalid", "colour"},
		{"read-only field", "POST", "/v1/partners", `{"name":"p","id":"par_mine"}`, "", 400, "invalid", "id"},
		{"read-only version on create", "POST", "/v1/partners", `{"name":"p","version":7}`, "", 400, "invalid", "version"},
		{"unknown kind", "POST", "/v1/communities", `{"kind":"cult","name":"n","interests":[{"term":"x"}]}`, "", 400, "invalid", "kind"},
		{"unknown offer kind", "POST", "/v1/offers", `{"kind":"spam","title":"t"}`, "", 400, "invalid", "kind"},
		{"unknown status", "POST", "/v1/offers", `{"kind":"tool","title":"t","status":"published"}`, "", 400, "invalid", "status"},
		{"unknown scope", "POST", "/v1/keys", `{"name":"k","scope":"root"}`, "", 400, "invalid", "scope"},
		{"unknown generation", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"}],"generations":{"alpha":0.5}}`, "", 400, "invalid", "generations.alpha"},
		{"share out of range", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"}],"generations":{"genz":1.5}}`, "", 400, "invalid", "generations.genz"},
		{"negative members", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"}],"networks":{"email":-1}}`, "", 400, "invalid", "networks.email"},
		{"number too big", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"}],"networks":{"email":1e40}}`, "", 400, "invalid", "networks"},
		{"unknown disabled check (engine rule)", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"}],"disabled":["bogus"]}`, "", 400, "invalid", "disabled[0]"},
		{"thresholds upside down (engine rule)", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"}],"thresholds":{"relevance":{"good":10,"ok":50}}}`, "", 400, "invalid", "thresholds.relevance.ok"},
		{"oversized name", "POST", "/v1/partners", `{"name":"` + long(domain.MaxNameLen+1) + `"}`, "", 400, "invalid", "name"},
		{"oversized term", "POST", "/v1/communities", `{"kind":"interest","name":"n","interests":[{"term":"x"},{"term":"` + long(domain.MaxTermLen+1) + `"}]}`, "", 400, "invalid", "interests[1].term"},
		{"oversized offer body", "POST", "/v1/offers", `{"kind":"tool","title":"t","body":"` + long(domain.MaxOfferBodyLen+1) + `"}`, "", 400, "invalid", "body"},
		{"oversized request", "POST", "/v1/partners", `{"name":"p","description":"` + long(domain.MaxBodyBytes) + `"}`, "", 413, "too_large", ""},
		{"invalid UTF-8", "POST", "/v1/partners", "{\"name\":\"p\xff\xfe\"}", "", 400, "invalid", ""},
		{"escaped lone surrogate is replaced, not stored broken", "POST", "/v1/partners", `{"name":"\ud800"}`, "", 201, "", ""},
		{"bad URL", "POST", "/v1/partners", `{"name":"p","url":"javascript:alert(1)"}`, "", 400, "invalid", "url"},
		{"bad origin", "POST", "/v1/keys", `{"name":"k","scope":"ingest","origins":["https://shop.example/path"]}`, "", 400, "invalid", "origins[0]"},
		{"ingest key without origins", "POST", "/v1/keys", `{"name":"k","scope":"ingest"}`, "", 400, "invalid", "origins"},
		{"no content type", "POST", "/v1/partners", `{"name":"p"}`, "-", 415, "unsupported_media_type", "Content-Type"},
		{"form content type", "POST", "/v1/partners", `name=p`, "application/x-www-form-urlencoded", 415, "unsupported_media_type", "Content-Type"},
		{"latin1 charset", "POST", "/v1/partners", `{"name":"p"}`, "application/json; charset=latin1", 415, "unsupported_media_type", "Content-Type"},
		{"json with utf-8 charset", "POST", "/v1/partners", `{"name":"p"}`, "application/json; charset=UTF-8", 201, "", ""},
		{"missing target community", "POST", "/v1/offers", `{"kind":"tool","title":"t","communities":["com_missing"]}`, "", 400, "invalid", "communities[0]"},
		{"duplicate target", "POST", "/v1/offers", `{"kind":"tool","title":"t","communities":["` + community + `","` + community + `"]}`, "", 400, "invalid", "communities[1]"},
		{"live without targets", "POST", "/v1/offers", `{"kind":"tool","title":"t","status":"live"}`, "", 400, "invalid", "communities"},
		{"patch read-only", "PATCH", "/v1/offers/" + offer, `{"fit":[]}`, "", 400, "invalid", "fit"},
		{"patch bad version", "PATCH", "/v1/offers/" + offer, `{"version":"one"}`, "", 400, "invalid", "version"},
		{"patch wrong type", "PATCH", "/v1/offers/" + offer, `{"communities":"all"}`, "", 400, "invalid", "communities"},
		{"patch removes required", "PATCH", "/v1/offers/" + offer, `{"title":null}`, "", 400, "invalid", "title"},
		{"bad limit", "GET", "/v1/partners?limit=1000", ``, "", 400, "invalid", "limit"},
		{"bad cursor", "GET", "/v1/partners?cursor=bm90LWEtY3Vyc29y", ``, "", 400, "invalid", "cursor"},
		{"bad status filter", "GET", "/v1/offers?status=all", ``, "", 400, "invalid", "status"},
		{"score oversized draft", "POST", "/v1/score", `{"content":{"body":"` + long(domain.MaxOfferBodyLen+1) + `"},"community_id":"` + community + `"}`, "", 400, "invalid", "content.body"},
		{"score both audiences", "POST", "/v1/score", `{"content":{"body":"x"},"community_id":"` + community + `","audience":{"interests":[{"term":"x"}]}}`, "", 400, "invalid", "audience"},
		{"valid control", "POST", "/v1/communities", valid, "", 201, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.count()
			headers := []string{}
			switch c.ctype {
			case "":
			case "-":
				headers = append(headers, "Content-Type", "")
			default:
				headers = append(headers, "Content-Type", c.ctype)
			}
			var body any
			if c.method != "GET" {
				body = c.body
			}
			r := e.do(c.method, c.path, e.admin, body, headers...)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if c.code == "" {
				return
			}
			code, field := r.errCode(t)
			if code != c.code || field != c.field {
				t.Fatalf("code %s field %q, want %s %q: %s", code, field, c.code, c.field, r.body)
			}
			if after := e.count(); after != before {
				t.Fatalf("a refused request changed the store: %d items, was %d", after, before)
			}
		})
	}
}

// count is the number of communities, partners and offers in e's workspace.
func (e *env) count() int {
	n := 0
	for _, p := range []string{"/v1/communities", "/v1/partners", "/v1/offers"} {
		n += len(e.must(200, "GET", p+"?limit=100", e.admin, nil)["items"].([]any))
	}
	return n
}
