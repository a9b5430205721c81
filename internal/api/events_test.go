package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// event is one event body at now - ago.
func event(id, offer, community, typ string, ago time.Duration, extra ...string) map[string]any {
	e := map[string]any{"id": id, "offer": offer, "community": community, "member": "member-0001",
		"type": typ, "time": time.Now().UTC().Add(-ago).Format(time.RFC3339Nano)}
	for i := 0; i+1 < len(extra); i += 2 {
		e[extra[i]] = extra[i+1]
	}
	return e
}

// postEvents sends a batch the way the offer widget does: text/plain, the
// ingest key in ?key=, from the allowed origin.
func (e *env) postEvents(status int, events ...map[string]any) map[string]any {
	e.t.Helper()
	b, _ := json.Marshal(map[string]any{"events": events})
	r := e.do("POST", "/v1/events?key="+url.QueryEscape(e.ingest), "", string(b), "Content-Type", "text/plain;charset=UTF-8", "Origin", testOrigin)
	if r.status != status {
		e.t.Fatalf("POST /v1/events: status %d, want %d: %s", r.status, status, r.body)
	}
	if got := r.header.Get("Access-Control-Allow-Origin"); status < 300 && got != testOrigin {
		e.t.Fatalf("Access-Control-Allow-Origin %q", got)
	}
	return r.json(e.t)
}

func TestEventsPartialBatchAndRetry(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, community, offer := e.seed(e.admin)
	batch := []map[string]any{
		event("ev-00000001", offer, community, "view", time.Minute, "network", "linkedin"),
		event("ev-00000002", offer, community, "like", time.Minute), // bad type
		event("ev-00000003", offer, community, "click", 30*time.Second, "network", "linkedin"),
		event("ev-00000004", "off_nosuchoffer", community, "view", time.Minute),                                           // unknown offer
		event("ev-00000005", offer, community, "view", 100*time.Hour),                                                     // too old
		{"id": "ev-00000006", "offer": offer, "community": community, "member": "member-0001", "type": "view", "time": 5}, // wrong JSON type
		event("ev-00000007", offer, community, "signup", 10*time.Second, "generation", "genx"),
	}
	got := e.postEvents(202, batch...)
	if got["accepted"].(float64) != 3 || got["duplicates"].(float64) != 0 {
		t.Fatalf("first send: %v", got)
	}
	errs := got["errors"].([]any)
	want := []struct {
		index int
		field string
	}{{1, "type"}, {3, "offer"}, {4, "time"}, {5, "time"}}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i, w := range want {
		m := errs[i].(map[string]any)
		if int(m["index"].(float64)) != w.index || m["field"] != w.field || m["message"] == "" {
			t.Errorf("error %d = %v, want index %d field %s", i, m, w.index, w.field)
		}
	}
	// The client retries the whole batch: nothing is counted twice.
	again := e.postEvents(202, batch...)
	if again["accepted"].(float64) != 0 || again["duplicates"].(float64) != 3 {
		t.Fatalf("retry: %v", again)
	}
	in := e.must(200, "GET", "/v1/communities/"+community+"/insights", e.admin, nil)
	f := in["funnel"].(map[string]any)
	if f["views"].(float64) != 1 || f["clicks"].(float64) != 1 || f["signups"].(float64) != 1 {
		t.Fatalf("funnel after a retried batch: %v", f)
	}
	ladder := in["ladder"].(map[string]any)
	if ladder["levels"].(map[string]any)["participant"].(float64) != 1 || ladder["moves"].(map[string]any)["new"].(float64) != 1 {
		t.Fatalf("ladder %v", ladder)
	}
	if sh := in["start_here"].(map[string]any); sh["network"] != "linkedin" {
		t.Fatalf("start here %v", sh)
	}
}

func TestEventsRefused(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, community, offer := e.seed(e.admin)
	good, _ := json.Marshal(map[string]any{"events": []any{event("ev-00000001", offer, community, "view", 0)}})
	many := make([]map[string]any, engagement.MaxBatch+1)
	for i := range many {
		many[i] = event(fmt.Sprintf("ev-%08d", i), offer, community, "view", 0)
	}
	manyBody, _ := json.Marshal(map[string]any{"events": many})
	cases := []struct {
		name    string
		key     string // "" = ?key= with the ingest key
		body    string
		headers []string
		status  int
		field   string
	}{
		{"every event bad", "", `{"events":[{"id":"x"}]}`, nil, 400, "events[0].id"},
		// No event even decodes (a security review found these were a 500).
		{"no event decodes: unknown field", "", `{"events":[{"bogus":1}]}`, nil, 400, "events[0].bogus"},
		{"no event decodes: bad time", "", `{"events":[{"time":"nope"},{"type":7}]}`, nil, 400, "events[0].time"},
		{"empty batch", "", `{"events":[]}`, nil, 400, "events"},
		{"too many events", "", string(manyBody), nil, 400, "events"},
		{"not JSON", "", `events=1`, nil, 400, ""},
		{"unknown top-level field", "", `{"events":[],"extra":1}`, nil, 400, "extra"},
		{"html body", "", string(good), []string{"Content-Type", "text/html"}, 415, "Content-Type"},
		{"too large", "", `{"events":["` + strings.Repeat("x", 70000) + `"]}`, nil, 413, ""},
		{"no origin", "", string(good), []string{"Origin", ""}, 403, "Origin"},
		{"wrong origin", "", string(good), []string{"Origin", "https://evil.example"}, 403, "Origin"},
		{"bad key", "ss.x.y.z", string(good), nil, 401, "Authorization"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			key := e.ingest
			if c.key != "" {
				key = c.key
			}
			headers := append([]string{"Content-Type", "text/plain", "Origin", testOrigin}, c.headers...)
			r := e.do("POST", "/v1/events?key="+url.QueryEscape(key), "", c.body, headers...)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if code, field := r.errCode(t); field != c.field || code == "" {
				t.Fatalf("error %s on %q, want field %q: %s", code, field, c.field, r.body)
			}
			// A refusal the widget can read (CORS) drops the events instead
			// of retrying them: every answer to an allowed origin says so.
			if acao := r.header.Get("Access-Control-Allow-Origin"); c.status == 400 && acao != testOrigin {
				t.Fatalf("400 without Access-Control-Allow-Origin: %q", acao)
			}
		})
	}
	// An admin key with Authorization and application/json works too.
	r := e.do("POST", "/v1/events", e.admin, string(good))
	if r.status != 202 {
		t.Fatalf("admin: %d %s", r.status, r.body)
	}
}

func TestTrackedLinkAttribution(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	link := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})
	code := link["code"].(string)
	if link["version"].(float64) != 1 || len(code) != 10 {
		t.Fatalf("link %v", link)
	}
	e.must(400, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": "com_other", "partner_id": partner})
	e.must(400, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner, "code": "chosen1234"})
	if l := e.must(200, "GET", "/v1/links/"+code, e.admin, nil); l["offer_id"] != offer {
		t.Fatalf("get link %v", l)
	}
	if page := e.must(200, "GET", "/v1/links", e.admin, nil); len(page["items"].([]any)) != 1 {
		t.Fatalf("list %v", page)
	}

	// Following the link: a server-side click, then a redirect that carries the code.
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := follow(noFollow, "GET", e.srv.URL+"/r/"+code, nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, _ := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != 302 || loc.Host != "backup.example" || loc.Query().Get("ss_partner") != code {
		t.Fatalf("redirect %d to %s", res.StatusCode, loc)
	}
	if r := e.do("GET", "/r/abcdefghij", "", nil); r.status != 404 {
		t.Fatalf("unknown code: %d", r.status)
	}

	// The landing page's widget sends the code with the member's events:
	// the sign-up is credited to the partner (first and last touch).
	e.postEvents(202,
		event("ev-00000001", offer, community, "view", time.Minute, "partner", code),
		event("ev-00000002", offer, community, "signup", 30*time.Second),
		event("ev-00000003", offer, community, "purchase", 10*time.Second, "value", "x"), // value must be a number
	)
	e.postEvents(202, map[string]any{"id": "ev-00000004", "offer": offer, "community": community, "member": "member-0001",
		"type": "purchase", "value": 49.5, "time": time.Now().UTC().Format(time.RFC3339)})
	e.postEvents(400, event("ev-00000005", offer, community, "view", 0, "partner", "nosuchcode"))

	in := e.must(200, "GET", "/v1/communities/"+community+"/insights", e.admin, nil)
	partners := in["partners"].([]any)
	if len(partners) != 1 {
		t.Fatalf("partners %v", partners)
	}
	p := partners[0].(map[string]any)
	touches, first, last := p["touches"].(map[string]any), p["first_touch"].(map[string]any), p["last_touch"].(map[string]any)
	if p["partner"] != code || touches["clicks"].(float64) != 1 || touches["views"].(float64) != 1 ||
		first["signups"].(float64) != 1 || last["signups"].(float64) != 1 || first["purchases"].(float64) != 1 || last["value"].(float64) != 49.5 {
		t.Fatalf("partner row %v", p)
	}
	e.must(204, "DELETE", "/v1/links/"+code, e.admin, nil)
	if r := e.do("GET", "/r/"+code, "", nil); r.status != 404 {
		t.Fatalf("a deleted link still redirects: %d", r.status)
	}
}

func TestInsightsPeriod(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, community, _ := e.seed(e.admin)
	for _, c := range []struct {
		query  string
		status int
		field  string
	}{
		{"?from=2026-01-01&to=2026-01-31", 200, ""},
		{"?from=2026-02-01&to=2026-01-31", 400, "from"},
		{"?from=2020-01-01&to=2026-01-31", 400, "from"},
		{"?to=yesterday", 400, "to"},
		{"?from=2026-13-01&to=2026-12-31", 400, "from"},
		{"?from=2026-01-01T00:00:00Z", 400, "from"},
		{"?to=2026-02-30", 400, "to"},
		{"?from=2026-01-01&to=2026-01-01", 200, ""},
	} {
		r := e.do("GET", "/v1/communities/"+community+"/insights"+c.query, e.admin, nil)
		if r.status != c.status {
			t.Fatalf("%s: %d %s", c.query, r.status, r.body)
		}
		if c.field != "" {
			if _, f := r.errCode(t); f != c.field {
				t.Fatalf("%s: field %s", c.query, f)
			}
		}
	}
	if r := e.do("GET", "/v1/communities/com_nosuch/insights", e.admin, nil); r.status != 404 {
		t.Fatalf("unknown community: %d", r.status)
	}
}

// TestInsightsEqualRecount: random traffic through the API (with retries);
// the insights served equal insights computed from a recount of the raw
// events.
func TestInsightsEqualRecount(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	code := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)
	r := rand.New(rand.NewPCG(2, 3))
	types := []string{"view", "view", "view", "click", "share", "comment", "signup", "purchase"}
	var all []map[string]any
	for i := range 150 {
		ev := event(fmt.Sprintf("ev-rand-%04d", i), offer, community, types[r.IntN(len(types))], time.Duration(r.IntN(3600))*time.Second,
			"network", []string{"linkedin", "email", "twitter"}[r.IntN(3)])
		ev["member"] = fmt.Sprintf("member-%04d", r.IntN(15))
		if r.IntN(3) == 0 {
			ev["partner"] = code
		}
		if ev["type"] == "purchase" {
			ev["value"] = float64(r.IntN(5000)) / 100
		}
		all = append(all, ev)
	}
	for len(all) > 0 {
		n := min(1+r.IntN(40), len(all))
		e.postEvents(202, all[:n]...)
		if r.IntN(2) == 0 {
			e.postEvents(202, all[:n]...) // a retry
		}
		all = all[n:]
	}
	got := e.must(200, "GET", "/v1/communities/"+community+"/insights", e.admin, nil)

	ctx := context.Background()
	now := time.Now().UTC()
	from, to := now.Truncate(24*time.Hour).AddDate(0, 0, -(api.DefaultInsightDays-1)), now.Truncate(24*time.Hour)
	var raw []engagement.Stored
	for _, d := range engagement.Days(from, to) {
		evs, err := e.st.RawEvents(ctx, e.ws.ID, community, d)
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, evs...)
	}
	if len(raw) != 150 {
		t.Fatalf("%d raw events stored, sent 150", len(raw))
	}
	members, err := e.st.ListMembers(ctx, e.ws.ID, community)
	if err != nil {
		t.Fatal(err)
	}
	c := e.must(200, "GET", "/v1/communities/"+community, e.admin, nil)
	var profile engagement.Profile
	b, _ := json.Marshal(c)
	_ = json.Unmarshal(b, &profile)
	want := engagement.Compute(community, engagement.Day(from), engagement.Day(to), engagement.Recount(raw), profile,
		engagement.LevelsOf(members, from, to.Add(24*time.Hour-time.Nanosecond)))
	wb, _ := json.Marshal(want)
	var wantMap map[string]any
	_ = json.Unmarshal(wb, &wantMap)
	if !reflect.DeepEqual(got, wantMap) {
		t.Fatalf("insights served:\n%v\nrecount:\n%v", got, wantMap)
	}
}

// writeFaults lets reads through to dynalite and answers every write like
// a throttled DynamoDB: a store that refuses writes.
type writeFaults struct{}

func (writeFaults) RoundTrip(r *http.Request) (*http.Response, error) {
	switch strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "DynamoDB_20120810.") {
	case "PutItem", "UpdateItem", "BatchWriteItem", "DeleteItem":
		body := `{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"throttled"}`
		return &http.Response{StatusCode: 400, Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"},
			"X-Amz-Crc32": {strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(body))), 10)}},
			Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
	}
	return http.DefaultTransport.RoundTrip(r)
}

// TestEventsWhileStoreRefusesWrites: 503 with Retry-After, and once the
// store is back the client's retry stores everything exactly once.
func TestEventsWhileStoreRefusesWrites(t *testing.T) {
	e := newEnv(t, api.Options{})
	_, community, offer := e.seed(e.admin)
	down, err := store.Open(context.Background(), store.Config{Endpoint: storetest.Endpoint(), Table: e.st.Table(),
		HTTPClient: &http.Client{Transport: writeFaults{}}, MaxAttempts: 2})
	if err != nil {
		t.Fatal(err)
	}
	h, err := api.New(api.Options{Store: down, Rate: 1e6, Burst: 1e6})
	if err != nil {
		t.Fatal(err)
	}
	batch := []map[string]any{event("ev-00000001", offer, community, "view", time.Minute),
		event("ev-00000002", offer, community, "click", 0)}
	b, _ := json.Marshal(map[string]any{"events": batch})
	healthy := e.srv
	e.srv = newServer(t, h)
	r := e.do("POST", "/v1/events?key="+url.QueryEscape(e.ingest), "", string(b), "Content-Type", "text/plain", "Origin", testOrigin)
	if r.status != 503 || r.header.Get("Retry-After") == "" {
		t.Fatalf("store refusing writes: %d %v %s", r.status, r.header, r.body)
	}
	// The widget must be able to read the 503 (CORS) to keep its events.
	if got := r.header.Get("Access-Control-Allow-Origin"); got != testOrigin {
		t.Fatalf("503 without Access-Control-Allow-Origin: %q", got)
	}
	e.srv = healthy
	if got := e.postEvents(202, batch...); got["accepted"].(float64) != 2 {
		t.Fatalf("retry: %v", got)
	}
	f := e.must(200, "GET", "/v1/communities/"+community+"/insights", e.admin, nil)["funnel"].(map[string]any)
	if f["views"].(float64) != 1 || f["clicks"].(float64) != 1 {
		t.Fatalf("funnel %v", f)
	}
}

func newServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

// TestRedirectGoesOnlyToTheOfferURL: /r/{code} sends visitors to the
// offer's stored URL and nowhere else, whatever the request carries; a
// link cannot carry a destination of its own; unknown or malformed codes
// get a 404 JSON error, never a redirect.
func TestRedirectGoesOnlyToTheOfferURL(t *testing.T) {
	e := newEnv(t, api.Options{})
	partner, community, offer := e.seed(e.admin)
	code := e.must(201, "POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner})["code"].(string)
	if r := e.do("POST", "/v1/links", e.admin, map[string]any{"offer_id": offer, "community_id": community, "partner_id": partner,
		"url": "https://evil.example/"}); r.status != 400 {
		t.Fatalf("a link with its own destination: %d %s", r.status, r.body)
	} else if _, field := r.errCode(t); field != "url" {
		t.Fatalf("a link with its own destination: field %q", field)
	}

	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) *http.Response {
		t.Helper()
		res, err := noFollow.Get(e.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	for _, q := range []string{"", "?url=https://evil.example/", "?next=//evil.example&redirect=https://evil.example&ss_partner=other",
		"?to=https%3A%2F%2Fevil.example%2F", "?url=javascript:alert(1)"} {
		res := get("/r/" + code + q)
		loc := res.Header.Get("Location")
		if res.StatusCode != 302 || loc != "https://backup.example/checklist?ss_partner="+code {
			t.Errorf("/r/<code>%s: %d to %q", q, res.StatusCode, loc)
		}
	}

	// The destination follows the offer as stored now.
	o := e.must(200, "GET", "/v1/offers/"+offer, e.admin, nil)
	e.must(200, "PATCH", "/v1/offers/"+offer, e.admin, map[string]any{"url": "https://backup.example/new?utm=x", "version": o["version"]})
	if loc := get("/r/" + code).Header.Get("Location"); loc != "https://backup.example/new?ss_partner="+code+"&utm=x" {
		t.Errorf("after the offer moved: %q", loc)
	}

	for _, path := range []string{"/r/abcdefghij", "/r/ABC", "/r/" + code + "x", "/r/..%2F..%2Fevil.example"} {
		res, err := noFollow.Get(e.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 404 || res.Header.Get("Location") != "" || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") ||
			!strings.Contains(string(b), `"not_found"`) {
			t.Errorf("%s: %d %q %s", path, res.StatusCode, res.Header.Get("Location"), b)
		}
	}

	// An offer without a URL cannot get a tracked link.
	bare := e.must(201, "POST", "/v1/offers", e.admin, map[string]any{"kind": "content", "title": "No link", "body": "Words only.",
		"communities": []string{community}, "status": "live"})
	if r := e.do("POST", "/v1/links", e.admin, map[string]any{"offer_id": bare["id"], "community_id": community, "partner_id": partner}); r.status != 400 {
		t.Fatalf("a link to an offer without URL: %d %s", r.status, r.body)
	} else if _, field := r.errCode(t); field != "offer_id" {
		t.Fatalf("a link to an offer without URL: field %q", field)
	}
}

// TestLadderMovesOverSimulatedTime: members' levels and moves in the
// insights of a period, with the API's clock moved over 45 days and every
// event sent close to its time (the API refuses events older than
// MaxEventAge). Over days 35..45: one member moves up, one holds, one
// moves down after its quiet period, one is new.
func TestLadderMovesOverSimulatedTime(t *testing.T) {
	day := 24 * time.Hour
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	clock := t0
	e := newEnv(t, api.Options{Now: func() time.Time { return clock }})
	_, community, offer := e.seed(e.admin)
	n := 0
	send := func(at time.Duration, member string, types ...string) {
		t.Helper()
		clock = t0.Add(at + time.Minute)
		var batch []map[string]any
		for i, typ := range types {
			n++
			batch = append(batch, map[string]any{"id": fmt.Sprintf("ev-sim-%04d", n), "offer": offer, "community": community,
				"member": member, "type": typ, "time": t0.Add(at + time.Duration(i)*time.Second).Format(time.RFC3339)})
		}
		if got := e.postEvents(202, batch...); got["accepted"].(float64) != float64(len(types)) {
			t.Fatalf("day %v: %v", at/day, got)
		}
	}
	send(0, "member-up-01", "view")                             // a grazer for 40 days
	send(10*day, "member-down-1", "signup", "comment", "share") // contributor, then quiet: demoted at day 40
	send(33*day, "member-held-1", "signup")                     // participant
	send(40*day, "member-up-01", "signup", "comment", "share")  // grazer → contributor
	send(40*day+time.Hour, "member-held-1", "click")            // still a participant
	send(42*day, "member-new-01", "view")                       // first seen inside the period

	clock = t0.Add(45*day + time.Hour)
	period := "?from=" + t0.Add(35*day).Format("2006-01-02") + "&to=" + t0.Add(45*day).Format("2006-01-02")
	in := e.must(200, "GET", "/v1/communities/"+community+"/insights"+period, e.admin, nil)
	ladder := in["ladder"].(map[string]any)
	moves, levels := ladder["moves"].(map[string]any), ladder["levels"].(map[string]any)
	for m, want := range map[string]float64{"up": 1, "held": 1, "down": 1, "new": 1} {
		if moves[m] != want {
			t.Errorf("moves[%s] = %v, want %v (ladder %v)", m, moves[m], want, ladder)
		}
	}
	total := 0.0
	for _, v := range levels {
		total += v.(float64)
	}
	if levels["contributor"] != 1.0 || levels["advocate"] != 0.0 || levels["participant"].(float64) < 1 || total != 4 {
		t.Errorf("levels %v", levels)
	}

	// Before day 40 the quiet contributor still holds its level: promote
	// at once, demote only after the quiet period.
	early := e.must(200, "GET", "/v1/communities/"+community+"/insights?from="+t0.Add(10*day).Format("2006-01-02")+
		"&to="+t0.Add(38*day).Format("2006-01-02"), e.admin, nil)["ladder"].(map[string]any)
	if early["levels"].(map[string]any)["contributor"] != 1.0 {
		t.Errorf("day 38: %v", early)
	}
}
