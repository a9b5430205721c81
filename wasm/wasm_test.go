//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// These tests run under node (GOOS=js GOARCH=wasm go test, `make test-wasm`)
// and call the API the way a page does: through the global Sweetspot object
// with objects built by JavaScript.

// jsEval evaluates a JS expression in a task of its own, as page scripts
// call the API: from JS, not nested inside a Go call into JS (a JS exception
// caught inside a callback nested in a Go->JS call cannot be unwound by the
// Go runtime's traceback, which only a test could ever do).
func jsEval(t *testing.T, expr string) safejs.Value {
	t.Helper()
	done := make(chan safejs.Value, 1)
	cb, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		done <- args[0]
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Release()
	if err := safejs.Global().Set("__done", cb); err != nil {
		t.Fatal(err)
	}
	run := jsEvalNow(t, "() => setTimeout(() => __done("+expr+"), 0)")
	if _, err := run.Invoke(); err != nil {
		t.Fatal(err)
	}
	return <-done
}

// jsEvalNow evaluates a JS expression synchronously.
func jsEvalNow(t *testing.T, expr string) safejs.Value {
	t.Helper()
	fn, err := safejs.Global().Get("Function")
	if err != nil {
		t.Fatal(err)
	}
	f, err := fn.New("return (" + expr + ")")
	if err != nil {
		t.Fatalf("compile %s: %v", expr, err)
	}
	v, err := f.Invoke()
	if err != nil {
		t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

func jsString(t *testing.T, v safejs.Value) string {
	t.Helper()
	s, err := v.String()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const audienceJS = `{"name":"IT admins","interests":[{"term":"backup","weight":1},{"term":"disaster recovery","weight":0.9},"ransomware"],
"generations":{"boomers":0.1,"genx":0.4,"millennials":0.4,"genz":0.1},"networks":{"linkedin":4200,"twitter":900},
"traits":["pragmatic"],"thresholds":{"readability":{"good":50,"ok":30}},"disabled":[]}`

func registered(t *testing.T) {
	t.Helper()
	if err := register(); err != nil {
		t.Fatal(err)
	}
}

func TestScoreReturnsPlainResult(t *testing.T) {
	registered(t)
	jsEval(t, "(globalThis.__aud = JSON.parse('"+strings.ReplaceAll(audienceJS, "\n", "")+"'), 0)")
	r := jsEval(t, `Sweetspot.score({title: "Backups that restore", body: "Test your backup before ransomware does. How fast can you restore?", network: "linkedin"}, __aud)`)
	// Read the result back with JS itself, as a page would.
	got := jsString(t, jsEval(t, `(function(r){ return [typeof r.score, typeof r.rating, Array.isArray(r.checks), Array.isArray(r.caps), typeof r.empty, Array.isArray(r.generations), Array.isArray(r.networks), typeof r.version, typeof r.language.code, r.error === undefined].join(",") })(Sweetspot.score({title: "Backups", body: "Test your backup."}, __aud))`))
	if got != "number,string,true,true,boolean,true,true,string,string,true" {
		t.Fatalf("result shape = %s", got)
	}
	if r.Type() != safejs.TypeObject {
		t.Fatalf("score returned %v", r.Type())
	}
}

func TestScoreRejectsBadInputNamingTheField(t *testing.T) {
	registered(t)
	long := `"` + strings.Repeat("a", MaxTextBytes+1) + `"`
	for _, tc := range []struct {
		name, content, audience, field string
	}{
		{"content not an object", `"text"`, `{}`, "content"},
		{"body a number", `{body: 5}`, `{}`, "content.body"},
		{"title an array", `{title: [], body: ""}`, `{}`, "content.title"},
		{"body too long", `{body: ` + long + `}`, `{}`, "content.body"},
		{"audience missing", `{body: ""}`, `undefined`, "audience"},
		{"interests not a list", `{body: ""}`, `{interests: "backup"}`, "audience.interests"},
		{"interest weight a string", `{body: ""}`, `{interests: [{term: "a"}, {term: "b", weight: "high"}]}`, "audience.interests[1].weight"},
		{"interest neither string nor object", `{body: ""}`, `{interests: [7]}`, "audience.interests[0]"},
		{"networks not numbers", `{body: ""}`, `{networks: {linkedin: "many"}}`, "audience.networks.linkedin"},
		{"generation NaN", `{body: ""}`, `{generations: {genz: NaN}}`, "audience.generations.genz"},
		{"threshold missing ok", `{body: ""}`, `{thresholds: {overall: {good: 70}}}`, "audience.thresholds.overall.ok"},
		{"traits not strings", `{body: ""}`, `{traits: [1]}`, "audience.traits[0]"},
		{"too many interests", `{body: ""}`, `{interests: Array(` + "501" + `).fill("x")}`, "audience.interests"},
		{"members not whole", `{body: ""}`, `{interests: ["a"], networks: {linkedin: 1.5}}`, "audience.networks.linkedin"},
		{"members beyond int", `{body: ""}`, `{interests: ["a"], networks: {linkedin: 1e300}}`, "audience.networks.linkedin"},
		// Rules the engine enforces come back with the JS API's field names.
		{"engine: no interests", `{body: ""}`, `{interests: []}`, "audience.interests"},
		{"engine: weight out of range", `{body: ""}`, `{interests: [{term: "a", weight: 99}]}`, "audience.interests[0].weight"},
		{"engine: unknown generation", `{body: ""}`, `{interests: ["a"], generations: {teens: 0.5}}`, "audience.generations.teens"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := jsEval(t, "Sweetspot.score("+tc.content+", "+tc.audience+")")
			f, err := r.Get("field")
			if err != nil {
				t.Fatal(err)
			}
			if f.Type() != safejs.TypeString || jsString(t, f) != tc.field {
				msg, _ := r.Get("error")
				t.Fatalf("field = %v (error %v), want %q", f, msg, tc.field)
			}
			msg, _ := r.Get("error")
			if !strings.HasPrefix(jsString(t, msg), tc.field+": ") {
				t.Fatalf("error %q does not name %s", jsString(t, msg), tc.field)
			}
		})
	}
	// The program is still alive and scoring after every rejection.
	r := jsEval(t, `Sweetspot.score({body: "still here"}, {interests: ["here"]})`)
	if s, _ := r.Get("score"); s.Type() != safejs.TypeNumber {
		t.Fatalf("score after errors: %v", s.Type())
	}
}

func TestJSExceptionsBecomeErrors(t *testing.T) {
	registered(t)
	for _, tc := range []struct{ name, call, want string }{
		{"throwing getter", `Sweetspot.score({body: ""}, Object.defineProperty({}, "interests", {get() { throw new Error("boom") }}))`, "boom"},
		{"throwing proxy", `Sweetspot.score(new Proxy({}, {get() { throw new TypeError("trap") }}), {})`, "trap"},
		{"no arguments", `Sweetspot.score()`, "two arguments"},
		{"mount without a DOM", `Sweetspot.mount({}, {audience: {interests: ["a"]}})`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := jsEval(t, tc.call)
			e, err := r.Get("error")
			if err != nil {
				t.Fatal(err)
			}
			if e.Type() != safejs.TypeString || !strings.Contains(jsString(t, e), tc.want) {
				t.Fatalf("error = %v, want one containing %q", e, tc.want)
			}
		})
	}
	if r := jsEval(t, `Sweetspot.score({body: "alive"}, {interests: ["alive"]}).rating`); r.Type() != safejs.TypeString {
		t.Fatal("Go program no longer answers after a JS exception")
	}
}

func TestUTF16Offsets(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    string
		offs []int
		want []int
	}{
		{"ascii", "hello world", []int{0, 5, 11}, []int{0, 5, 11}},
		{"two-byte runes", "café au lait", []int{5, 6}, []int{4, 5}},
		{"astral runes take two units", "🚀 launch 🎉", []int{0, 4, 5, 11, 16}, []int{0, 2, 3, 9, 12}},
		{"cjk", "日本語のテキスト", []int{3, 9}, []int{1, 3}},
		{"inside a rune maps to its start", "é", []int{1}, []int{0}},
		{"past the end clamps", "ab", []int{9}, []int{2}},
		{"unsorted input", "a🚀b", []int{5, 0, 1}, []int{3, 0, 1}},
		{"invalid utf-8 is one unit", "a\xffb", []int{2, 3}, []int{2, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := utf16Offsets(tc.s, tc.offs)
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("utf16Offsets(%q, %v) = %v, want %v", tc.s, tc.offs, got, tc.want)
				}
			}
		})
	}
}

func TestSortBy(t *testing.T) {
	type item struct {
		key int
		tag string
	}
	for _, tc := range []struct {
		name string
		in   []item
		want string
	}{
		{"empty", nil, ""},
		{"one", []item{{1, "a"}}, "a"},
		{"reversed", []item{{3, "c"}, {2, "b"}, {1, "a"}}, "abc"},
		{"equal keys keep their order", []item{{2, "x"}, {1, "a"}, {2, "y"}, {1, "b"}}, "abxy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := append([]item(nil), tc.in...)
			sortBy(len(s), func(i, j int) bool { return s[i].key < s[j].key },
				func(i, j int) { s[i], s[j] = s[j], s[i] })
			got := ""
			for _, it := range s {
				got += it.tag
			}
			if got != tc.want {
				t.Errorf("sorted %v to %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestSpansSliceInJS checks the converted spans against JavaScript's own
// string slicing, with emoji and accents before and inside the spans.
func TestSpansSliceInJS(t *testing.T) {
	c := scoring.Content{Title: "Ünïcode 🚀 title", Body: "Ça va? 👩‍💻 Back up your servers. Restore tested: ✅ yes."}
	span := func(field, text, sub string) scoring.Span {
		i := strings.Index(text, sub)
		return scoring.Span{Field: field, Start: i, End: i + len(sub), Text: sub}
	}
	res := scoring.Result{Checks: []scoring.Check{{ID: "relevance", Spans: []scoring.Span{
		span("body", c.Body, "Back up your servers"),
		span("body", c.Body, "✅ yes"),
		span("title", c.Title, "🚀 title"),
		span("body", c.Body, "👩‍💻"),
	}}}}
	v, err := safejs.ValueOf(resultToJS(res, c))
	if err != nil {
		t.Fatal(err)
	}
	if err := safejs.Global().Set("__res", v); err != nil {
		t.Fatal(err)
	}
	if err := safejs.Global().Set("__content", map[string]any{"title": c.Title, "body": c.Body}); err != nil {
		t.Fatal(err)
	}
	bad := jsEval(t, `__res.checks[0].spans.filter(s => __content[s.field].slice(s.start, s.end) !== s.text).map(s => s.text).join("|")`)
	if got := jsString(t, bad); got != "" {
		t.Fatalf("spans that do not slice to their text in JS: %q", got)
	}
}

// TestEngineThroughJS scores drafts with the real engine through the JS
// API: every span the engine returns must slice to its text in JS (emoji
// and accents included), and a useful draft must beat a sales pitch.
func TestEngineThroughJS(t *testing.T) {
	registered(t)
	jsEvalNow(t, "(globalThis.__aud = JSON.parse('"+strings.ReplaceAll(audienceJS, "\n", "")+"'), 0)")
	jsEvalNow(t, "(globalThis.__drafts = {"+
		"pitch: {title: 'Best deal 🚀', body: 'Buy now!!! Our amazing product is the best. We are the leader. Limited offer, act now 🎉.', network: 'linkedin'},"+
		"useful: {title: 'Backup drills that work 🧪', body: 'Ça marche: how fast can you restore a server after ransomware? 👩‍💻 Test your backup and your disaster recovery plan every month. Download the free checklist and share your restore times with your team.', network: 'linkedin'}"+
		"}, 0)")
	bad := jsEval(t, `["pitch", "useful"].flatMap(k => { const c = __drafts[k]; const r = Sweetspot.score(c, __aud); if (r.error) return [k + ": " + r.error]; return r.checks.flatMap(ch => ch.spans.filter(s => c[s.field].slice(s.start, s.end) !== s.text).map(s => k + "/" + ch.id + ": " + JSON.stringify(s))) }).join("\n")`)
	if got := jsString(t, bad); got != "" {
		t.Fatalf("spans that do not slice to their text in JS:\n%s", got)
	}
	spans := jsEval(t, `Sweetspot.score(__drafts.useful, __aud).checks.reduce((n, ch) => n + ch.spans.length, 0)`)
	if n, _ := spans.Int(); n == 0 {
		t.Errorf("the useful draft has no spans to highlight")
	}
	scores := jsString(t, jsEval(t, `["pitch", "useful"].map(k => Sweetspot.score(__drafts[k], __aud).score).join(",")`))
	var pitch, useful int
	if _, err := fmtSscan(scores, &pitch, &useful); err != nil {
		t.Fatal(err)
	}
	if useful <= pitch {
		t.Errorf("useful draft scored %d, sales pitch %d", useful, pitch)
	}
}

// fmtSscan parses "a,b" into two ints (strconv, to keep fmt out of the
// test's own code path).
func fmtSscan(s string, a, b *int) (int, error) {
	x, y, _ := strings.Cut(s, ",")
	var err error
	if *a, err = strconv.Atoi(x); err != nil {
		return 0, err
	}
	if *b, err = strconv.Atoi(y); err != nil {
		return 1, err
	}
	return 2, nil
}

// TestScoreFollowsAChangedAudience: Sweetspot.score reuses the profile it
// compiled while the audience stays the same, and a page that edits the
// audience object (same object, new contents) gets results for the edit.
func TestScoreFollowsAChangedAudience(t *testing.T) {
	registered(t)
	jsEvalNow(t, "(globalThis.__aud2 = JSON.parse('"+strings.ReplaceAll(audienceJS, "\n", "")+"'), 0)")
	const draft = `{title: "Quilting night", body: "Bring your fabric and your quilting questions: we start at seven.", network: "linkedin"}`
	relevance := func() string {
		return jsString(t, jsEval(t, `(function(r){ if (r.error) return r.error; return String(r.checks.find(c => c.id === "relevance").score) })(Sweetspot.score(`+draft+`, __aud2))`))
	}
	before := relevance()
	if again := relevance(); again != before {
		t.Fatalf("the same audience scored %s, then %s", before, again)
	}
	jsEvalNow(t, `(__aud2.interests = [{term: "quilting", weight: 1}, {term: "fabric", weight: 1}], 0)`)
	after := relevance()
	b, err1 := strconv.Atoi(before)
	a, err2 := strconv.Atoi(after)
	if err1 != nil || err2 != nil {
		t.Fatalf("relevance %q then %q", before, after)
	}
	if a <= b {
		t.Errorf("relevance %d against IT interests, %d after the page switched the audience to quilting: the old profile was reused", b, a)
	}
}

// TestCalibratedAudienceThroughJS: an audience with a calibration block
// gives the same calibrated score in the browser as natively, and says so.
func TestCalibratedAudienceThroughJS(t *testing.T) {
	registered(t)
	cal := `,"calibration":{"version":"` + scoring.Version + `","posts":80,"train":32,"test":48,"rho":0.31,"baseline_rho":0.12,` +
		`"features":[{"name":"terms","mean":0,"scale":1,"weight":1},{"name":"hooks","mean":50,"scale":20,"weight":0.2}],` +
		`"terms":[{"term":"checklist","weight":1.5},{"term":"webinar","weight":-1}],"quantiles":[-2,-1,0,1,2],"works":["“checklist”","a hook"]}}`
	aud := strings.TrimSuffix(strings.ReplaceAll(audienceJS, "\n", ""), "}") + cal
	jsEvalNow(t, "(globalThis.__calAud = JSON.parse('"+aud+"'), 0)")
	draft := scoring.Content{Title: "Your restore checklist", Body: "Test one backup restore every month with the free checklist. Which server would you restore first?", Network: "linkedin"}
	got := jsString(t, jsEval(t, `(r => r.error || [r.score, r.calibrated && r.calibrated.posts, r.calibrated && r.calibrated.uncalibrated, r.calibrated && r.calibrated.works.join("|")].join(","))(Sweetspot.score({title: "`+draft.Title+`", body: "`+draft.Body+`", network: "linkedin"}, __calAud))`))
	var a scoring.Audience
	v := jsEvalNow(t, "__calAud")
	a, err := readAudience(v)
	if err != nil {
		t.Fatal(err)
	}
	p, err := scoring.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Score(draft)
	if r.Calibrated == nil {
		t.Fatal("native result not calibrated")
	}
	want := strconv.Itoa(r.Score) + "," + strconv.Itoa(r.Calibrated.Posts) + "," + strconv.Itoa(r.Calibrated.Uncalibrated) + "," + strings.Join(r.Calibrated.Works, "|")
	if len(r.Calibrated.Works) == 0 {
		t.Error("the calibration learned a positive word and a positive check: nothing works?")
	}
	if got != want {
		t.Errorf("through JS %q, natively %q", got, want)
	}
}
