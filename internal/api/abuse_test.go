package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
)

// TestRedirectCountsWithinLimits: GET /r/{code} is public, so anyone can
// request it in a loop. Every request is redirected (a visitor is never
// stopped), but clicks are counted only within the link's rate and only
// while the offer is live. (Found by a security review: 20 quick hits on a
// draft offer's link counted 20 clicks.)
func TestRedirectCountsWithinLimits(t *testing.T) {
	const burst = 20
	clock := time.Now().UTC()
	e := newEnv(t, api.Options{Rate: 0.001, Burst: burst, Now: func() time.Time { return clock }})
	partner, community, offer := e.seed(e.admin)
	code := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)

	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	hit := func(n int) {
		t.Helper()
		for range n {
			res, err := follow(noFollow, "GET", e.srv.URL+"/r/"+code, nil)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != 302 {
				t.Fatalf("status %d: a visitor must always be redirected", res.StatusCode)
			}
		}
	}
	clicks := func() float64 {
		t.Helper()
		in := e.must(200, "GET", "/v1/communities/"+community+"/insights", e.admin, nil)
		return in["funnel"].(map[string]any)["clicks"].(float64)
	}

	hit(burst + 5)
	if got := clicks(); got != burst {
		t.Fatalf("%d hits within a burst of %d counted %v clicks", burst+5, burst, got)
	}

	o := e.must(200, "GET", "/v1/offers/"+offer, e.admin, nil)
	e.must(200, "PATCH", "/v1/offers/"+offer, e.admin, map[string]any{"status": "draft", "version": o["version"]})
	clock = clock.Add(time.Hour) // the link's bucket refills
	hit(3)
	if got := clicks(); got != burst {
		t.Fatalf("clicks on a draft offer's link were counted: %v, want %d", got, burst)
	}
}

// TestPartnerCodeOfAnotherCommunity: an event may carry only a tracked
// link of its own community; a code of another community's link would
// credit that partner for members it did not bring.
func TestPartnerCodeOfAnotherCommunity(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	other := e.must(201, "POST", "/v1/communities", e.admin, communityBody("Other"))["id"].(string)
	o := e.must(200, "GET", "/v1/offers/"+offer, e.admin, nil)
	e.must(200, "PATCH", "/v1/offers/"+offer, e.admin, map[string]any{"communities": []string{community, other}, "version": o["version"]})
	otherCode := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": other, "partner_id": partner})["code"].(string)
	ownCode := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)

	got := e.postEvents(202,
		event("ev-cross-1", offer, community, "view", time.Minute, "partner", otherCode),
		event("ev-cross-2", offer, community, "view", time.Minute, "partner", ownCode))
	errs := got["errors"].([]any)
	if got["accepted"].(float64) != 1 || len(errs) != 1 {
		t.Fatalf("response %v", got)
	}
	if m := errs[0].(map[string]any); m["index"].(float64) != 0 || m["field"] != "partner" {
		t.Fatalf("error %v, want index 0 on partner", m)
	}
}

// TestLinkedResourcesCannotBeDeleted: an offer, community or partner that
// a tracked link names is refused deletion (409 naming the link): the link
// may be printed on a partner's page. Once the link is deleted, they go.
func TestLinkedResourcesCannotBeDeleted(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	code := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)
	for _, path := range []string{"/v1/offers/" + offer, "/v1/communities/" + community, "/v1/partners/" + partner} {
		r := e.do("DELETE", path, e.admin, nil)
		if r.status != 409 || !strings.Contains(string(r.body), code) {
			t.Errorf("DELETE %s with a tracked link: %d %s", path, r.status, r.body)
		}
	}
	e.must(204, "DELETE", "/v1/links/"+code, e.admin, nil)
	for _, path := range []string{"/v1/offers/" + offer, "/v1/communities/" + community, "/v1/partners/" + partner} {
		e.must(204, "DELETE", path, e.admin, nil)
	}
}

// TestRedirectCountsPeopleOnly: HEAD requests, prefetches and previews,
// link scanners, crawlers and HTTP libraries are redirected like everyone
// but counted as clicks only when a person's browser follows the link.
func TestRedirectCountsPeopleOnly(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	code := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	clicks := func() float64 {
		t.Helper()
		in := e.must(200, "GET", "/v1/communities/"+community+"/insights", e.admin, nil)
		return in["funnel"].(map[string]any)["clicks"].(float64)
	}
	cases := []struct {
		name    string
		method  string
		headers []string
		counted bool
	}{
		{"a person's browser", "GET", nil, true},
		{"HEAD", "HEAD", nil, false},
		{"browser prefetch", "GET", []string{"Sec-Purpose", "prefetch"}, false},
		{"old prefetch header", "GET", []string{"Purpose", "prefetch"}, false},
		{"Firefox prefetch", "GET", []string{"X-Moz", "prefetch"}, false},
		{"crawler", "GET", []string{"User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}, false},
		{"chat preview", "GET", []string{"User-Agent", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"}, false},
		{"mail link scanner", "GET", []string{"User-Agent", "Mozilla/5.0 (compatible; Proofpoint URL Defense)"}, false},
		{"no User-Agent", "GET", []string{"User-Agent", ""}, false},
		{"command line", "GET", []string{"User-Agent", "curl/8.5.0"}, false},
	}
	want := 0.0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := follow(noFollow, c.method, e.srv.URL+"/r/"+code, c.headers)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != 302 || res.Header.Get("Location") == "" {
				t.Fatalf("status %d: everyone is redirected", res.StatusCode)
			}
			if c.counted {
				want++
			}
			if got := clicks(); got != want {
				t.Fatalf("%v clicks, want %v", got, want)
			}
		})
	}
}
