package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
)

// TestInsightsSeriesCampaignsAndComparison: the daily series covers every
// day of the period, campaigns come from the events' UTM parameters (a
// sign-up without them is credited to the member's latest campaign), and
// ?compare=previous adds the period just before.
func TestInsightsSeriesCampaignsAndComparison(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, community, offer := e.seed(e.admin)
	e.postEvents(202,
		event("ev-utm-0001", offer, community, "view", time.Minute, "utm_campaign", "Spring Sale", "utm_source", "newsletter", "utm_medium", "email"),
		event("ev-utm-0002", offer, community, "signup", 30*time.Second),
		event("ev-utm-0003", offer, community, "view", 26*time.Hour),
	)
	today := time.Now().UTC().Format("2006-01-02")
	week := time.Now().UTC().AddDate(0, 0, -6).Format("2006-01-02")
	var in struct {
		Series []struct {
			Day            string
			Views, Signups int
		}
		Campaigns []struct {
			Campaign string `json:"utm_campaign"`
			Source   string `json:"utm_source"`
			Medium   string `json:"utm_medium"`
			Views    int
			Signups  int
		}
		Previous *struct {
			From, To string
			Series   []struct{ Day string }
		}
	}
	r := e.do("GET", "/v1/communities/"+community+"/insights?from="+week+"&to="+today+"&compare=previous", e.admin, nil)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	if err := json.Unmarshal(r.body, &in); err != nil {
		t.Fatal(err)
	}
	if len(in.Series) != 7 || in.Series[0].Day != week || in.Series[6].Day != today {
		t.Fatalf("series %+v", in.Series)
	}
	views := 0
	for _, d := range in.Series {
		views += d.Views
	}
	if views != 2 || in.Series[6].Signups != 1 {
		t.Errorf("series %+v: want 2 views, today's sign-up", in.Series)
	}
	if len(in.Campaigns) != 1 {
		t.Fatalf("campaigns %+v", in.Campaigns)
	}
	c := in.Campaigns[0]
	if c.Campaign != "spring-sale" || c.Source != "newsletter" || c.Medium != "email" || c.Views != 1 || c.Signups != 1 {
		t.Errorf("campaign %+v: want spring-sale/newsletter/email with the view and the later sign-up", c)
	}
	if in.Previous == nil || len(in.Previous.Series) != 7 || in.Previous.To != time.Now().UTC().AddDate(0, 0, -7).Format("2006-01-02") {
		t.Errorf("previous %+v", in.Previous)
	}
	if r := e.do("GET", "/v1/communities/"+community+"/insights?compare=year", e.admin, nil); r.status != 400 {
		t.Errorf("compare=year: %d", r.status)
	}
}

// TestRedirectCarriesUTM: /r/{code}?utm_... counts the click for the
// campaign and passes the parameters (normalized) on to the offer's page.
func TestRedirectCarriesUTM(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	code := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := follow(noFollow, "GET", e.srv.URL+"/r/"+code+"?utm_campaign=Launch%20Week&utm_source=partner%23blog&utm_medium=qr&next=https://evil.example", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, _ := url.Parse(res.Header.Get("Location"))
	if loc.Host != "backup.example" || loc.Query().Get("utm_campaign") != "launch-week" || loc.Query().Get("utm_source") != "partner-blog" || loc.Query().Has("next") {
		t.Fatalf("redirect to %q", res.Header.Get("Location"))
	}
	in := e.must(200, "GET", "/v1/communities/"+community+"/insights", e.admin, nil)
	camps, _ := in["campaigns"].([]any)
	if len(camps) != 1 || camps[0].(map[string]any)["utm_medium"] != "qr" || camps[0].(map[string]any)["clicks"] != 1.0 {
		t.Fatalf("campaigns %v", in["campaigns"])
	}
}

// TestExportAndErase: the export streams every resource and the raw
// events; erasing a member removes the member and its events from the
// next export, logs no member id, and a second erasure is a 404.
func TestExportAndErase(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})
	e.postEvents(202,
		event("ev-exp-0001", offer, community, "view", time.Minute),
		event("ev-exp-0002", offer, community, "click", time.Minute, "member", "member-0002"),
	)
	export := func() map[string]int {
		t.Helper()
		r := e.do("GET", "/v1/export", e.admin, nil)
		if r.status != 200 || r.header.Get("Content-Type") != "application/x-ndjson" {
			t.Fatalf("export: %d %q", r.status, r.header.Get("Content-Type"))
		}
		if bytes.Contains(r.body, []byte("hash")) || bytes.Contains(r.body, []byte(strings.Split(e.admin, ".")[3])) {
			t.Fatal("the export holds a key's secret")
		}
		n := map[string]int{}
		sc := bufio.NewScanner(bytes.NewReader(r.body))
		last := ""
		for sc.Scan() {
			var l struct{ Type string }
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			n[l.Type]++
			last = l.Type
		}
		if last != "end" {
			t.Fatalf("the export ends with %q", last)
		}
		return n
	}
	n := export()
	for typ, want := range map[string]int{"workspace": 1, "key": 2, "community": 1, "partner": 1, "offer": 1, "link": 1, "member": 2, "event": 2} {
		if n[typ] != want {
			t.Errorf("%d %s lines, want %d (%v)", n[typ], typ, want, n)
		}
	}
	got := e.must(200, "DELETE", "/v1/communities/"+community+"/members/member-0001", e.admin, nil)
	if got["events_deleted"] != 1.0 {
		t.Errorf("erase: %v", got)
	}
	if strings.Contains(e.logs.String(), "member-0001") {
		t.Error("the logs name the erased member")
	}
	if n := export(); n["member"] != 1 || n["event"] != 1 {
		t.Errorf("after erasure: %v", n)
	}
	if r := e.do("DELETE", "/v1/communities/"+community+"/members/member-0001", e.admin, nil); r.status != 404 {
		t.Errorf("second erasure: %d", r.status)
	}
	if r := e.do("DELETE", "/v1/communities/"+community+"/members/anonymous", e.admin, nil); r.status != 404 {
		t.Errorf("erasing the anonymous bucket: %d", r.status)
	}
	if r := e.do("GET", "/v1/export", e.ingest, nil, "Origin", testOrigin); r.status != 403 {
		t.Errorf("export with an ingest key: %d", r.status)
	}
}

// TestLinkQR draws only the link's own address.
func TestLinkQR(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	code := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)
	u := "https://site.example/r/" + code + "?utm_medium=qr"
	r := e.do("GET", "/v1/links/"+code+"/qr?url="+url.QueryEscape(u), e.admin, nil)
	if r.status != 200 || r.header.Get("Content-Type") != "image/svg+xml" || !bytes.HasPrefix(r.body, []byte("<svg")) || !bytes.Contains(r.body, []byte("<path")) {
		t.Fatalf("qr: %d %q %.80s", r.status, r.header.Get("Content-Type"), r.body)
	}
	for _, bad := range []string{"https://evil.example/", "https://site.example/r/" + code + "?next=x", "javascript:alert(1)"} {
		if r := e.do("GET", "/v1/links/"+code+"/qr?url="+url.QueryEscape(bad), e.admin, nil); r.status != 400 {
			t.Errorf("qr of %q: %d", bad, r.status)
		}
	}
}
