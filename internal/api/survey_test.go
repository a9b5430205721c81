package api_test

import (
	"encoding/json"
	"math"
	"net/url"
	"reflect"
	"slices"
	"testing"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/survey"
)

// answer posts one member's answers the way site/survey.js does: text/plain,
// the ingest key in ?key=, from origin.
func (e *env) answer(community, origin string, answers map[string]any) resp {
	e.t.Helper()
	b, _ := json.Marshal(map[string]any{"community": community, "answers": answers})
	return e.do("POST", "/v1/survey?key="+url.QueryEscape(e.ingest), "", string(b),
		"Content-Type", "text/plain;charset=UTF-8", "Origin", origin)
}

// wilsonTest is the 95% Wilson score interval of x of n, written out here
// so the API's numbers are checked against the formula, not against itself.
func wilsonTest(x, n int) (lo, hi float64) {
	p, nn, z := float64(x)/float64(n), float64(n), 1.959963984540054
	den := 1 + z*z/nn
	center := (p + z*z/(2*nn)) / den
	half := z / den * math.Sqrt(p*(1-p)/nn+z*z/(4*nn*nn))
	return center - half, center + half
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestSurvey walks the survey end to end: the widget's questions (default,
// then configured), answers from an allowed origin counted and from
// anywhere else refused, the tally and the suggestion's maths as the API
// serves them, and applying the suggestion with one PATCH and its version.
func TestSurvey(t *testing.T) {
	e := newEnv(t, api.Options{})
	id := e.must(201, "POST", "/v1/communities", e.admin, communityBody("IT admins"))["id"].(string)
	path := "/v1/communities/" + id + "/survey"
	ingestGet := func() resp {
		return e.do("GET", path+"?key="+url.QueryEscape(e.ingest), "", nil, "Origin", testOrigin)
	}

	// Without a configuration: the default, from the profile.
	r := ingestGet()
	if r.status != 200 || r.header.Get("Access-Control-Allow-Origin") != testOrigin {
		t.Fatalf("GET survey with the ingest key: %d %v: %s", r.status, r.header, r.body)
	}
	var cfg survey.Config
	if err := json.Unmarshal(r.body, &cfg); err != nil {
		t.Fatal(err)
	}
	want := survey.Config{Questions: survey.Questions{Generations: true,
		Networks:  []string{"linkedin", "email", "facebook", "instagram", "youtube", "twitter", "tiktok", "reddit"},
		Interests: []string{"backup", "disaster recovery"}}}
	if !reflect.DeepEqual(cfg, want) {
		t.Fatalf("default survey %+v, want %+v", cfg, want)
	}
	if r := e.do("GET", path, "", nil, "Origin", "https://evil.example"); r.status != 401 {
		t.Errorf("no key: %d", r.status)
	}
	if r := e.do("GET", path+"?key="+url.QueryEscape(e.ingest), "", nil, "Origin", "https://evil.example"); r.status != 403 {
		t.Errorf("ingest key from another origin: %d", r.status)
	}

	// Configured by an admin: validated, normalized, then served.
	put := map[string]any{"title": " Tell us ", "questions": map[string]any{"networks": []string{"linkedin", "x", "email", "X"},
		"generations": true, "interests": []string{"Backup", "disaster recovery"}}}
	got := e.must(200, "PUT", path, e.admin, put)
	wantPut := map[string]any{"title": "Tell us", "questions": map[string]any{"networks": []any{"linkedin", "twitter", "email"},
		"generations": true, "interests": []any{"backup", "disaster recovery"}}}
	if !reflect.DeepEqual(got, wantPut) {
		t.Fatalf("PUT answered %v, want %v", got, wantPut)
	}
	if r := ingestGet(); r.status != 200 || !reflect.DeepEqual(r.json(t), wantPut) {
		t.Fatalf("GET after PUT: %d %s", r.status, r.body)
	}
	bad := map[string]any{"questions": map[string]any{"interests": []string{"kubernetes"}}}
	if r := e.do("PUT", path, e.admin, bad); r.status != 400 {
		t.Errorf("PUT with a foreign interest: %d", r.status)
	} else if code, field := r.errCode(t); code != "invalid" || field != "questions.interests[0]" {
		t.Errorf("PUT with a foreign interest: %s on %q", code, field)
	}
	if r := e.do("PUT", path, e.ingest, put, "Origin", testOrigin); r.status != 403 {
		t.Errorf("PUT with the ingest key: %d", r.status)
	}

	// 40 members answer from the allowed origin.
	for i := 0; i < 40; i++ {
		var a map[string]any
		switch {
		case i < 20:
			a = map[string]any{"networks": []string{"linkedin"}, "generation": "genx", "interests": []string{"backup"}}
		case i < 30:
			a = map[string]any{"networks": []string{"LinkedIn", "x"}, "generation": "millennials", "interests": []string{"BACKUP", "disaster recovery"}}
		default:
			a = map[string]any{"generation": "boomers"}
		}
		if r := e.answer(id, testOrigin, a); r.status != 204 || r.header.Get("Access-Control-Allow-Origin") != testOrigin {
			t.Fatalf("answer %d: status %d, ACAO %q: %s", i, r.status, r.header.Get("Access-Control-Allow-Origin"), r.body)
		}
	}
	// None of these is counted.
	refused := []struct {
		name        string
		send        func() resp
		status      int
		code, field string
	}{
		{"forbidden origin", func() resp { return e.answer(id, "https://evil.example", map[string]any{"generation": "genz"}) }, 403, "forbidden", "Origin"},
		{"no origin", func() resp { return e.answer(id, "", map[string]any{"generation": "genz"}) }, 403, "forbidden", "Origin"},
		{"admin key in the URL", func() resp {
			return e.do("POST", "/v1/survey?key="+url.QueryEscape(e.admin), "", `{"community":"`+id+`","answers":{"generation":"genz"}}`,
				"Content-Type", "text/plain", "Origin", testOrigin)
		}, 401, "unauthorized", "Authorization"},
		{"interest not offered", func() resp {
			return e.answer(id, testOrigin, map[string]any{"interests": []string{"kubernetes"}})
		}, 400, "invalid", "answers.interests[0]"},
		{"network not offered", func() resp { return e.answer(id, testOrigin, map[string]any{"networks": []string{"tiktok"}}) }, 400, "invalid", "answers.networks[0]"},
		{"four interests", func() resp {
			return e.answer(id, testOrigin, map[string]any{"interests": []string{"backup", "disaster recovery", "backup", "x"}})
		}, 400, "invalid", "answers.interests[3]"},
		{"nothing answered", func() resp { return e.answer(id, testOrigin, map[string]any{}) }, 400, "invalid", "answers"},
		{"free text", func() resp {
			return e.answer(id, testOrigin, map[string]any{"generation": "genz", "comment": "call me at 555-0100"})
		}, 400, "invalid", "comment"},
		{"unknown community", func() resp {
			return e.answer("com_aaaaaaaaaaaaaaaaaaaa", testOrigin, map[string]any{"generation": "genz"})
		}, 404, "not_found", "community"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.send()
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if code, field := r.errCode(t); code != tc.code || field != tc.field {
				t.Errorf("error %s on %q, want %s on %q", code, field, tc.code, tc.field)
			}
		})
	}

	// The tally and the suggestion, as the API serves them.
	community := e.must(200, "GET", "/v1/communities/"+id, e.admin, nil)
	r = e.do("GET", path+"/suggestion", e.admin, nil)
	if r.status != 200 {
		t.Fatalf("suggestion: %d %s", r.status, r.body)
	}
	var sug struct {
		Version    int               `json:"version"`
		Tally      survey.Tally      `json:"tally"`
		Suggestion survey.Suggestion `json:"suggestion"`
		Current    map[string]any    `json:"current"`
		Patch      map[string]any    `json:"patch"`
	}
	if err := json.Unmarshal(r.body, &sug); err != nil {
		t.Fatal(err)
	}
	wantTally := survey.Tally{Respondents: 40, Answered: survey.Answered{Networks: 30, Generation: 40, Interests: 30},
		Networks: map[string]int{"linkedin": 30, "twitter": 10}, Generations: map[string]int{"genx": 20, "millennials": 10, "boomers": 10},
		Interests: map[string]int{"backup": 30, "disaster recovery": 10}}
	if !reflect.DeepEqual(sug.Tally, wantTally) {
		t.Fatalf("tally %+v\nwant  %+v", sug.Tally, wantTally)
	}
	if sug.Version != int(community["version"].(float64)) || sug.Current["networks"] == nil {
		t.Errorf("version %d, current %v", sug.Version, sug.Current)
	}
	s := sug.Suggestion
	// Networks: the 7,300 members are kept; email (3,100) nobody picked
	// keeps its count; the other 4,200 split 30:10 over the picks.
	nets := map[string]survey.NetworkValue{}
	for _, v := range s.Networks.Items {
		nets[v.ID] = v
	}
	if s.Networks.N != 30 || s.Networks.LowSample || nets["linkedin"].Suggested != 3150 || nets["twitter"].Suggested != 1050 ||
		!nets["email"].Kept || nets["email"].Suggested != 3100 {
		t.Errorf("networks %+v", s.Networks)
	}
	// Generations: shares of the 40 who gave an age, with Wilson intervals.
	for _, g := range s.Generations.Items {
		if g.ID != "genx" {
			continue
		}
		lo, hi := wilsonTest(20, 40)
		if g.Suggested.Value != 0.5 || !near(g.Suggested.Low, lo, 1e-4) || !near(g.Suggested.High, hi, 1e-4) ||
			!near(g.Suggested.Margin, (hi-lo)/2, 1e-4) || g.Suggested.N != 40 {
			t.Errorf("genx %+v, want 0.5 in [%.4f, %.4f]", g.Suggested, lo, hi)
		}
	}
	// Interests: the most picked gets 1.0, the other 0.3 + 0.7 × (10/30)/(30/30).
	weights := map[string]float64{}
	for _, v := range s.Interests.Items {
		weights[v.Term] = v.Suggested
	}
	if weights["backup"] != 1 || weights["disaster recovery"] != 0.53 {
		t.Errorf("interest weights %v", weights)
	}
	// The same as survey.Suggest on the same profile and tally.
	var a scoring.Audience
	ab, _ := json.Marshal(community)
	if err := json.Unmarshal(ab, &a); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s, survey.Suggest(a, wantTally)) {
		t.Errorf("the API's suggestion is not survey.Suggest's")
	}

	// Applying is one PATCH of the patch as served, with its version.
	patched := e.must(200, "PATCH", "/v1/communities/"+id, e.admin, sug.Patch)
	if nets := patched["networks"].(map[string]any); len(nets) != 3 || nets["linkedin"] != 3150.0 || nets["twitter"] != 1050.0 || nets["email"] != 3100.0 {
		t.Errorf("networks after PATCH %v", patched["networks"])
	}
	if gens := patched["generations"].(map[string]any); gens["genx"] != 0.5 || gens["boomers"] != 0.25 || gens["millennials"] != 0.25 {
		t.Errorf("generations after PATCH %v", patched["generations"])
	}
	ins := patched["interests"].([]any)
	if w := ins[1].(map[string]any)["weight"]; w != 0.53 {
		t.Errorf("interests after PATCH %v", ins)
	}
	if patched["version"].(float64) != float64(sug.Version+1) || patched["name"] != "IT admins" {
		t.Errorf("PATCH: %v", patched)
	}
	// A suggestion made against an older profile is refused, not applied over it.
	if r := e.do("PATCH", "/v1/communities/"+id, e.admin, sug.Patch); r.status != 409 {
		t.Errorf("stale patch: %d %s", r.status, r.body)
	}
	// The suggestion route is admin only.
	if r := e.do("GET", path+"/suggestion", e.ingest, nil, "Origin", testOrigin); r.status != 403 {
		t.Errorf("suggestion with the ingest key: %d", r.status)
	}
}

// TestSurveyFollowsProfile: a survey configured before the community
// dropped an interest stops offering it, and answers naming it are refused;
// with nobody answering, the suggestion has no patch.
func TestSurveyFollowsProfile(t *testing.T) {
	e := newEnv(t, api.Options{})
	id := e.must(201, "POST", "/v1/communities", e.admin, communityBody("IT admins"))["id"].(string)
	path := "/v1/communities/" + id + "/survey"
	e.must(200, "PUT", path, e.admin, map[string]any{"questions": map[string]any{"interests": []string{"backup", "disaster recovery"}}})
	e.must(200, "PATCH", "/v1/communities/"+id, e.admin, map[string]any{"interests": []any{map[string]any{"term": "backup"}}})
	cfg := e.must(200, "GET", path, e.admin, nil)
	if ins := cfg["questions"].(map[string]any)["interests"].([]any); !slices.Equal(ins, []any{"backup"}) {
		t.Errorf("offered %v after the interest was dropped", ins)
	}
	if r := e.answer(id, testOrigin, map[string]any{"interests": []string{"disaster recovery"}}); r.status != 400 {
		t.Errorf("answer with the dropped interest: %d", r.status)
	}
	if sug := e.must(200, "GET", path+"/suggestion", e.admin, nil); sug["patch"] != nil || sug["tally"].(map[string]any)["respondents"] != 0.0 {
		t.Errorf("no answers: %v", sug)
	}
}
