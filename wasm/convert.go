//go:build js && wasm

package main

import (
	"math"
	"strconv"
	"sync"

	"github.com/hack-pad/safejs"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Limits on what the glue reads from JavaScript, so a runaway page cannot
// make the widget allocate without bound. Past a limit the call fails with an
// error naming the field.
const (
	// MaxTextBytes bounds content.title and content.body (UTF-8 bytes),
	// about 15,000 words: far beyond any post or article the widget serves.
	MaxTextBytes = 100_000
	// MaxShortBytes bounds short strings: network, kind, names, terms, traits.
	MaxShortBytes = 200
	// MaxListItems bounds every list and map of the audience (interests,
	// traits, networks, generations, thresholds, disabled).
	MaxListItems = 500
)

// inputError is a bad argument from JavaScript, with the field in the JSON
// spelling (content.body, audience.interests[2].weight).
type inputError struct{ field, msg string }

func (e *inputError) Error() string { return e.field + ": " + e.msg }

func typeErr(field, want string) error { return &inputError{field, "must be " + want} }

// absent reports whether a JS value is undefined or null (an omitted field).
func absent(v safejs.Value) bool { return v.IsUndefined() || v.IsNull() }

// prop reads obj[key] from an untrusted object. It goes through
// Reflect.get with Call, never Value.Get: Go's wasm_exec.js catches JS
// exceptions only around calls, so a throwing getter or Proxy trap read
// with Get would unwind straight through the Go runtime and end the program.
func prop(obj safejs.Value, key any) (safejs.Value, error) {
	get, err := reflectGet()
	if err != nil {
		return safejs.Undefined(), err
	}
	return get.Invoke(obj, key)
}

// reflectGet is Reflect.get, looked up once: reading an audience reads a
// few hundred properties, and every lookup is a call into JS.
var reflectGet = sync.OnceValues(func() (safejs.Value, error) {
	reflect, err := safejs.Global().Get("Reflect")
	if err != nil {
		return safejs.Undefined(), err
	}
	return reflect.Get("get")
})

// readString reads an optional string field of obj (limit in bytes).
func readString(obj safejs.Value, key, field string, limit int) (string, error) {
	v, err := prop(obj, key)
	if err != nil {
		return "", err
	}
	return asString(v, field, limit)
}

func asString(v safejs.Value, field string, limit int) (string, error) {
	if absent(v) {
		return "", nil
	}
	if v.Type() != safejs.TypeString {
		return "", typeErr(field, "a string")
	}
	s, err := v.String()
	if err != nil {
		return "", err
	}
	if len(s) > limit {
		return "", &inputError{field, "longer than " + strconv.Itoa(limit) + " bytes"}
	}
	return s, nil
}

func asNumber(v safejs.Value, field string) (float64, error) {
	if v.Type() != safejs.TypeNumber || v.IsNaN() {
		return 0, typeErr(field, "a number")
	}
	return v.Float()
}

// asList returns the items of a JS array (nil for an omitted field).
func asList(v safejs.Value, field string) ([]safejs.Value, error) {
	if absent(v) {
		return nil, nil
	}
	isArray, err := safejs.Global().Get("Array")
	if err != nil {
		return nil, err
	}
	ok, err := isArray.Call("isArray", v)
	if err != nil {
		return nil, err
	}
	if b, _ := ok.Bool(); !b {
		return nil, typeErr(field, "a list")
	}
	lenV, err := prop(v, "length")
	if err != nil {
		return nil, err
	}
	nf, err := asNumber(lenV, field+".length")
	if err != nil {
		return nil, err
	}
	n := int(nf)
	if n > MaxListItems {
		return nil, &inputError{field, "more than " + strconv.Itoa(MaxListItems) + " items"}
	}
	items := make([]safejs.Value, n)
	for i := range items {
		if items[i], err = prop(v, i); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// asObject returns the own enumerable keys of a plain JS object and a getter.
func asObject(v safejs.Value, field string) ([]string, error) {
	if absent(v) {
		return nil, nil
	}
	if v.Type() != safejs.TypeObject {
		return nil, typeErr(field, "an object")
	}
	object, err := safejs.Global().Get("Object")
	if err != nil {
		return nil, err
	}
	keysV, err := object.Call("keys", v)
	if err != nil {
		return nil, err
	}
	items, err := asList(keysV, field)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(items))
	for i, k := range items {
		if keys[i], err = asString(k, field, MaxShortBytes); err != nil {
			return nil, err
		}
	}
	return keys, nil
}

func asStrings(v safejs.Value, field string) ([]string, error) {
	items, err := asList(v, field)
	if err != nil || items == nil {
		return nil, err
	}
	out := make([]string, len(items))
	for i, it := range items {
		if out[i], err = asString(it, field+"["+strconv.Itoa(i)+"]", MaxShortBytes); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readContent reads a content object: {title, body, network, kind}.
func readContent(v safejs.Value) (scoring.Content, error) {
	var c scoring.Content
	if absent(v) || v.Type() != safejs.TypeObject {
		return c, typeErr("content", "an object")
	}
	var err error
	if c.Title, err = readString(v, "title", "content.title", MaxTextBytes); err != nil {
		return c, err
	}
	if c.Body, err = readString(v, "body", "content.body", MaxTextBytes); err != nil {
		return c, err
	}
	if c.Network, err = readString(v, "network", "content.network", MaxShortBytes); err != nil {
		return c, err
	}
	c.Kind, err = readString(v, "kind", "content.kind", MaxShortBytes)
	return c, err
}

// readAudience reads an audience object in the scoring contract's JSON shape.
func readAudience(v safejs.Value) (scoring.Audience, error) {
	var a scoring.Audience
	if absent(v) || v.Type() != safejs.TypeObject {
		return a, typeErr("audience", "an object")
	}
	var err error
	if a.Name, err = readString(v, "name", "audience.name", MaxShortBytes); err != nil {
		return a, err
	}
	if a.Language, err = readString(v, "language", "audience.language", MaxShortBytes); err != nil {
		return a, err
	}
	field := func(key string) safejs.Value {
		if err != nil {
			return safejs.Undefined()
		}
		var f safejs.Value
		f, err = prop(v, key)
		return f
	}
	interests, err2 := asList(field("interests"), "audience.interests")
	if err = firstErr(err, err2); err != nil {
		return a, err
	}
	for i, it := range interests {
		name := "audience.interests[" + strconv.Itoa(i) + "]"
		var in scoring.Interest
		if it.Type() == safejs.TypeString { // a bare term, weight 1
			if in.Term, err = asString(it, name, MaxShortBytes); err != nil {
				return a, err
			}
		} else {
			if absent(it) || it.Type() != safejs.TypeObject {
				return a, typeErr(name, "an object {term, weight}")
			}
			if in.Term, err = readString(it, "term", name+".term", MaxShortBytes); err != nil {
				return a, err
			}
			w, err := prop(it, "weight")
			if err != nil {
				return a, err
			}
			if !absent(w) {
				if in.Weight, err = asNumber(w, name+".weight"); err != nil {
					return a, err
				}
			}
		}
		a.Interests = append(a.Interests, in)
	}
	if a.Generations, err = readNumbers(field("generations"), "audience.generations"); err != nil {
		return a, err
	}
	nets, err := readNumbers(field("networks"), "audience.networks")
	if err != nil {
		return a, err
	}
	if nets != nil {
		a.Networks = make(map[string]int, len(nets))
		for k, n := range nets {
			// Checked here: converting a huge or fractional float to int
			// would silently give another number.
			if n != math.Trunc(n) || n < 0 || n > scoring.MaxMembers {
				return a, &inputError{"audience.networks." + k, "must be a whole number of members from 0 to " + strconv.Itoa(scoring.MaxMembers)}
			}
			a.Networks[k] = int(n)
		}
	}
	if a.Traits, err = asStrings(field("traits"), "audience.traits"); err != nil {
		return a, err
	}
	if a.Disabled, err = asStrings(field("disabled"), "audience.disabled"); err != nil {
		return a, err
	}
	if a.Required, err = asStrings(field("required"), "audience.required"); err != nil {
		return a, err
	}
	th := field("thresholds")
	if err != nil {
		return a, err
	}
	keys, err := asObject(th, "audience.thresholds")
	if err != nil {
		return a, err
	}
	for _, k := range keys {
		name := "audience.thresholds." + k
		t, err := prop(th, k)
		if err != nil {
			return a, err
		}
		if absent(t) || t.Type() != safejs.TypeObject {
			return a, typeErr(name, "an object {good, ok}")
		}
		var out scoring.Threshold
		g, err := prop(t, "good")
		if err != nil {
			return a, err
		}
		if out.Good, err = asNumber(g, name+".good"); err != nil {
			return a, err
		}
		o, err := prop(t, "ok")
		if err != nil {
			return a, err
		}
		if out.OK, err = asNumber(o, name+".ok"); err != nil {
			return a, err
		}
		if a.Thresholds == nil {
			a.Thresholds = map[string]scoring.Threshold{}
		}
		a.Thresholds[k] = out
	}
	cal, err := prop(v, "calibration")
	if err != nil {
		return a, err
	}
	if !absent(cal) {
		if a.Calibration, err = readCalibration(cal); err != nil {
			return a, err
		}
	}
	return a, nil
}

// readCalibration reads the audience's calibration block (the engine
// validates its values when it compiles the audience).
func readCalibration(v safejs.Value) (*scoring.Calibration, error) {
	const name = "audience.calibration"
	if v.Type() != safejs.TypeObject {
		return nil, typeErr(name, "an object")
	}
	c := &scoring.Calibration{}
	var err error
	if c.Version, err = readString(v, "version", name+".version", MaxShortBytes); err != nil {
		return nil, err
	}
	num := func(obj safejs.Value, key, field string) float64 {
		if err != nil {
			return 0
		}
		var x safejs.Value
		if x, err = prop(obj, key); err != nil || absent(x) {
			return 0
		}
		var f float64
		f, err = asNumber(x, field)
		return f
	}
	// Counts beyond the engine's bound are clamped to it (the engine then
	// refuses them): converting Infinity to int is implementation-defined.
	count := func(key string) int {
		f := num(v, key, name+"."+key)
		if !(f >= 0) {
			return -1
		}
		return int(math.Min(f, scoring.MaxCalibrationPosts+1))
	}
	c.Posts, c.Train, c.Test = count("posts"), count("train"), count("test")
	c.Rho = num(v, "rho", name+".rho")
	c.BaselineRho = num(v, "baseline_rho", name+".baseline_rho")
	list := func(key string) []safejs.Value {
		if err != nil {
			return nil
		}
		var x safejs.Value
		if x, err = prop(v, key); err != nil || absent(x) {
			return nil
		}
		var l []safejs.Value
		l, err = asList(x, name+"."+key)
		return l
	}
	for i, f := range list("features") {
		field := name + ".features[" + strconv.Itoa(i) + "]"
		var ft scoring.Feature
		if err == nil {
			ft.Name, err = readString(f, "name", field+".name", MaxShortBytes)
		}
		ft.Mean, ft.Scale, ft.Weight = num(f, "mean", field+".mean"), num(f, "scale", field+".scale"), num(f, "weight", field+".weight")
		c.Features = append(c.Features, ft)
	}
	for i, t := range list("terms") {
		field := name + ".terms[" + strconv.Itoa(i) + "]"
		var tw scoring.TermWeight
		if err == nil {
			tw.Term, err = readString(t, "term", field+".term", MaxShortBytes)
		}
		tw.Weight = num(t, "weight", field+".weight")
		c.Terms = append(c.Terms, tw)
	}
	for i, q := range list("quantiles") {
		if err != nil {
			break
		}
		var f float64
		f, err = asNumber(q, name+".quantiles["+strconv.Itoa(i)+"]")
		c.Quantiles = append(c.Quantiles, f)
	}
	if err == nil {
		// Checked again by Compile; read as strings here.
		var w safejs.Value
		if w, err = prop(v, "works"); err == nil {
			c.Works, err = asStrings(w, name+".works")
		}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// readNumbers reads an object of numbers ({"linkedin": 4200}).
func readNumbers(v safejs.Value, field string) (map[string]float64, error) {
	keys, err := asObject(v, field)
	if err != nil || keys == nil {
		return nil, err
	}
	out := make(map[string]float64, len(keys))
	for _, k := range keys {
		n, err := prop(v, k)
		if err != nil {
			return nil, err
		}
		if out[k], err = asNumber(n, field+"."+k); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// resultToJS turns a result into plain maps and lists (the only values a
// safejs callback may return), with span offsets in UTF-16 code units of the
// field they point into, as JS strings count them. Every field of the
// engine's JSON is there, caps and empty always (empty: true with rating
// "none" and no checks when the draft is too short to judge).
func resultToJS(r scoring.Result, c scoring.Content) map[string]any {
	// Convert every span offset of a field in one pass over that field.
	var bodyOffs, titleOffs []int
	for _, ch := range r.Checks {
		for _, sp := range ch.Spans {
			if sp.Field == "title" {
				titleOffs = append(titleOffs, sp.Start, sp.End)
			} else {
				bodyOffs = append(bodyOffs, sp.Start, sp.End)
			}
		}
	}
	bodyOffs, titleOffs = utf16Offsets(c.Body, bodyOffs), utf16Offsets(c.Title, titleOffs)
	checks := make([]any, len(r.Checks))
	for i, ch := range r.Checks {
		spans := make([]any, len(ch.Spans))
		for j, sp := range ch.Spans {
			offs := &bodyOffs
			if sp.Field == "title" {
				offs = &titleOffs
			}
			spans[j] = map[string]any{"field": sp.Field, "start": (*offs)[0], "end": (*offs)[1], "text": sp.Text}
			*offs = (*offs)[2:]
		}
		checks[i] = map[string]any{
			"id": ch.ID, "score": ch.Score, "rating": ch.Rating, "weight": ch.Weight,
			"message": ch.Message, "suggestion": ch.Suggestion, "spans": spans,
		}
	}
	gens := make([]any, len(r.Generations))
	for i, g := range r.Generations {
		gens[i] = map[string]any{"id": g.ID, "share": g.Share, "score": g.Score, "rating": g.Rating}
	}
	nets := make([]any, len(r.Networks))
	for i, n := range r.Networks {
		nets[i] = map[string]any{
			"id": n.ID, "members": n.Members, "share": n.Share, "score": n.Score,
			"rating": n.Rating, "limit": n.Limit, "target": n.Target,
		}
	}
	caps := make([]any, len(r.Caps))
	for i, c := range r.Caps {
		caps[i] = map[string]any{"check": c.Check, "reason": c.Reason, "cap": c.Cap}
	}
	notApplied := make([]any, len(r.Language.NotApplied))
	for i, s := range r.Language.NotApplied {
		notApplied[i] = s
	}
	var calibrated any
	if c := r.Calibrated; c != nil {
		works := make([]any, len(c.Works))
		for i, w := range c.Works {
			works[i] = w
		}
		calibrated = map[string]any{"posts": c.Posts, "rho": c.Rho, "baseline_rho": c.BaselineRho, "uncalibrated": c.Uncalibrated, "works": works}
	}
	return map[string]any{
		"score": r.Score, "rating": r.Rating, "checks": checks, "caps": caps, "empty": r.Empty, "calibrated": calibrated,
		"generations": gens, "networks": nets, "version": r.Version,
		"language": map[string]any{"code": r.Language.Code, "modelled": r.Language.Modelled, "not_applied": notApplied},
	}
}
