//go:build js && wasm

package main

import (
	"errors"
	"strconv"
	"strings"

	"github.com/hack-pad/safejs"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// DebounceMillis is how long typing must pause before a re-score: long
// enough that fast typing never waits on the engine, short enough that the
// score feels live.
const DebounceMillis = 150

// checkNames are the panel's labels per check id (unknown ids show the id).
var checkNames = map[string]string{
	scoring.CheckRelevance:   "Relevance",
	scoring.CheckFocus:       "Focus",
	scoring.CheckValue:       "Value vs pitch",
	scoring.CheckGenerations: "Generations",
	scoring.CheckReadability: "Readability",
	scoring.CheckChannel:     "Channel fit",
	scoring.CheckHooks:       "Engagement hooks",
}

func checkName(id string) string {
	if n, ok := checkNames[id]; ok {
		return n
	}
	return id
}

// panel is one mounted widget: the editor it watches and the Shadow DOM
// panel it renders into.
type panel struct {
	d         *dom
	target    safejs.Value // textarea, input or contenteditable
	title     safejs.Value // optional title input
	editable  bool         // target is contenteditable (read innerText)
	audience  scoring.Audience
	profile   *scoring.Profile
	network   string
	storeKey  string
	dismissed []string // check ids, in dismissal order

	content scoring.Content
	result  scoring.Result

	timer   safejs.Value
	rescore safejs.Func
	// onInput and onNet are the listeners on the page's fields and the
	// network picker; host is the panel's element. unmount removes them.
	onInput, onNet safejs.Func
	host           safejs.Value
	// onLang is options.onlanguage (or undefined): told the detected
	// language of the draft whenever it changes, so the loader can switch
	// to the build that models it. langSent is the last one told.
	onLang   safejs.Value
	langSent string
	// perRender holds the callbacks of the current rendering, released when
	// the next rendering replaces their elements.
	perRender []safejs.Func

	sec, num, of, rating, note                                    safejs.Value
	capsBox, capsList, capsNote                                   safejs.Value
	checksHead, checks, dismissedBox, dismissedList, dismissedSum safejs.Value
	gensHead, gens, netsHead, nets, lang                          safejs.Value
	overlay                                                       *overlay
}

// mountPanel reads the options and builds a panel on target.
func mountPanel(target, opts safejs.Value) (*panel, error) {
	global := safejs.Global()
	docV, err := global.Get("document")
	if err != nil {
		return nil, err
	}
	mark("mount")
	p := &panel{d: &dom{doc: docV}, target: target, timer: safejs.Null()}
	d := p.d
	if absent(target) || target.Type() != safejs.TypeObject {
		return nil, typeErr("target", "an element")
	}
	if absent(opts) || opts.Type() != safejs.TypeObject {
		return nil, typeErr("options", "an object")
	}
	audV, err := prop(opts, "audience")
	if err != nil {
		return nil, err
	}
	if p.audience, err = readAudience(audV); err != nil {
		return nil, err
	}
	if p.network, err = readString(opts, "network", "options.network", MaxShortBytes); err != nil {
		return nil, err
	}
	if p.storeKey, err = readString(opts, "storageKey", "options.storageKey", MaxShortBytes); err != nil {
		return nil, err
	}
	if p.title, err = prop(opts, "title"); err != nil {
		return nil, err
	}
	tag := d.str(target, "tagName")
	p.editable = tag != "TEXTAREA" && tag != "INPUT"
	if p.network == "" {
		p.network = biggestNetwork(p.audience.Networks)
	}
	// options.dismissed (a list of check ids) carries the dismissals over
	// when the loader moves the panel to another language's build.
	dis, err := prop(opts, "dismissed")
	if err != nil {
		return nil, err
	}
	if absent(dis) {
		p.dismissed = p.loadDismissed()
	} else if p.dismissed, err = asStrings(dis, "options.dismissed"); err != nil {
		return nil, err
	}
	if p.onLang, err = prop(opts, "onlanguage"); err != nil {
		return nil, err
	}
	if !absent(p.onLang) && p.onLang.Type() != safejs.TypeFunction {
		return nil, typeErr("options.onlanguage", "a function")
	}
	mark("read")
	if err := p.compile(); err != nil {
		return nil, err
	}
	mark("compiled")
	container, err := prop(opts, "panel")
	if err != nil {
		return nil, err
	}
	if err := p.build(container); err != nil {
		return nil, err
	}
	mark("built")
	if p.rescore, err = callback(func([]safejs.Value) error {
		p.timer = safejs.Null()
		return p.update()
	}); err != nil {
		return nil, err
	}
	if p.onInput, err = callback(func([]safejs.Value) error { return p.schedule() }); err != nil {
		return nil, err
	}
	d.call(target, "addEventListener", "input", p.onInput)
	if !absent(p.title) {
		d.call(p.title, "addEventListener", "input", p.onInput)
	}
	if d.err != nil {
		return nil, d.err
	}
	return p, p.first()
}

// unmount removes the panel and everything it added to the page (listeners,
// pending re-score, highlight) and releases its callbacks. It returns the
// state a new panel needs to carry on where this one stopped: the network
// picked and the dismissed checks.
func (p *panel) unmount() map[string]any {
	d := &dom{doc: p.d.doc}
	g := safejs.Global()
	if !p.timer.IsNull() {
		d.call(g, "clearTimeout", p.timer)
		p.timer = safejs.Null()
	}
	d.call(p.target, "removeEventListener", "input", p.onInput)
	if !absent(p.title) {
		d.call(p.title, "removeEventListener", "input", p.onInput)
	}
	if p.overlay != nil {
		d.fail(p.overlay.hide())
	}
	d.call(p.host, "remove")
	for _, f := range p.perRender {
		f.Release()
	}
	p.perRender = nil
	p.onInput.Release()
	p.onNet.Release()
	p.rescore.Release()
	if d.err != nil {
		logError(d.err)
	}
	ids := make([]any, len(p.dismissed))
	for i, id := range p.dismissed {
		ids[i] = id
	}
	return map[string]any{"network": p.network, "dismissed": ids}
}

// notifyLanguage calls options.onlanguage(code, modelled) when the detected
// language of the draft differs from the last one told. Later, from its
// own task: the loader may unmount this panel in response.
func (p *panel) notifyLanguage() {
	if absent(p.onLang) || p.result.Empty {
		return
	}
	l := p.result.Language
	key := l.Code + " " + strconv.FormatBool(l.Modelled)
	if key == p.langSent {
		return
	}
	p.langSent = key
	if _, err := p.onLang.Invoke(l.Code, l.Modelled); err != nil {
		logError(err)
	}
}

// first scores the draft and shows the score, rating and deal-breakers at
// once; the checks, bars and footer follow in the next task, so the first
// score reaches the screen without waiting for the rest of the panel
// (marked aria-busy until then).
func (p *panel) first() error {
	c, err := p.readContent()
	if err != nil {
		return err
	}
	p.content = c
	mark("content")
	p.result = p.profile.Score(c)
	mark("scored")
	p.renderHead()
	d := p.d
	d.attr(p.sec, "aria-busy", "true")
	var rest safejs.Func
	rest, err = callback(func([]safejs.Value) error {
		rest.Release()
		d := p.d
		d.call(p.sec, "removeAttribute", "aria-busy")
		if d.err != nil {
			return d.err
		}
		defer mark("rest")
		if err := p.renderBody(); err != nil {
			return err
		}
		p.notifyLanguage()
		return nil
	})
	if err != nil {
		return err
	}
	d.call(safejs.Global(), "setTimeout", rest, 0)
	return d.err
}

// biggestNetwork is the default target network: where most members are.
func biggestNetwork(nets map[string]int) string {
	best, most := "blog", -1
	for id, n := range nets {
		if n > most || (n == most && id < best) {
			best, most = id, n
		}
	}
	return best
}

// compile prepares the audience with the dismissed checks disabled, so a
// check the writer marked "not a problem here" no longer weighs on the score.
func (p *panel) compile() error {
	a := p.audience
	a.Disabled = append(append([]string(nil), a.Disabled...), p.dismissed...)
	prof, err := scoring.Compile(a)
	if err != nil {
		return prefixField("audience", err)
	}
	p.profile = prof
	return nil
}

// schedule (re)starts the debounce timer after an edit.
func (p *panel) schedule() error {
	d := &dom{doc: p.d.doc}
	g := safejs.Global()
	if !p.timer.IsNull() {
		d.call(g, "clearTimeout", p.timer)
	}
	p.timer = d.call(g, "setTimeout", p.rescore, DebounceMillis)
	return d.err
}

// readContent reads the draft from the page.
func (p *panel) readContent() (scoring.Content, error) {
	d := &dom{doc: p.d.doc}
	c := scoring.Content{Network: p.network}
	if p.editable {
		c.Body = d.str(p.target, "innerText")
	} else {
		c.Body = d.str(p.target, "value")
	}
	if !absent(p.title) {
		c.Title = d.str(p.title, "value")
	}
	if len(c.Body) > MaxTextBytes {
		return c, &inputError{"content.body", "longer than " + strconv.Itoa(MaxTextBytes) + " bytes"}
	}
	if len(c.Title) > MaxTextBytes {
		c.Title = c.Title[:0]
	}
	return c, d.err
}

// update re-scores the draft and renders the result.
func (p *panel) update() error {
	c, err := p.readContent()
	if err != nil {
		return err
	}
	p.content = c
	p.result = p.profile.Score(c)
	if err := p.render(); err != nil {
		return err
	}
	p.notifyLanguage()
	return nil
}

// build creates the host element, its shadow root and the panel skeleton.
func (p *panel) build(container safejs.Value) error {
	d := p.d
	host := d.el(safejs.Undefined(), "div", "")
	p.host = host
	d.attr(host, "data-sweetspot", "")
	if absent(container) {
		d.call(p.target, "after", host)
	} else {
		d.call(container, "appendChild", host)
	}
	root := d.call(host, "attachShadow", map[string]any{"mode": "open"})
	if err := adoptStyle(d, root, panelCSS); err != nil {
		return err
	}
	// The skeleton is static markup (no text from the draft or the
	// audience) parsed once: one call across the JS boundary instead of
	// dozens. Everything variable is set as text afterwards.
	tpl := d.el(safejs.Undefined(), "template", "")
	d.set(tpl, "innerHTML", panelHTML)
	d.call(root, "appendChild", d.get(tpl, "content"))
	q := func(sel string) safejs.Value { return d.call(root, "querySelector", sel) }
	p.sec = q(".panel")
	p.num, p.of, p.rating, p.note = q(".num"), q(".of"), q(".rating"), q(".note")
	sel := q("select")
	seen := map[string]bool{}
	var ids []string
	for id := range p.audience.Networks {
		ids = append(ids, id)
	}
	sortBy(len(ids), func(i, j int) bool { // most members first
		a, b := p.audience.Networks[ids[i]], p.audience.Networks[ids[j]]
		return a > b || (a == b && ids[i] < ids[j])
	}, func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	ids = append(ids, scoring.NetworkIDs()...) // then every network the engine knows
	if !seenHas(ids, p.network) {
		ids = append(ids, p.network)
	}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		opt := d.text(sel, "option", "", id)
		d.set(opt, "value", id)
		if id == p.network {
			d.set(opt, "selected", true)
		}
	}
	var err error
	p.onNet, err = callback(func([]safejs.Value) error {
		v := &dom{doc: d.doc}
		p.network = v.str(sel, "value")
		if v.err != nil {
			return v.err
		}
		return p.update()
	})
	if err != nil {
		return err
	}
	d.call(sel, "addEventListener", "change", p.onNet)

	p.capsBox, p.capsNote, p.capsList = q(".caps"), q(".capnote"), q(".caplist")
	p.checksHead, p.checks = q(".hchecks"), q(".checks")
	p.dismissedBox, p.dismissedSum, p.dismissedList = q(".dismissed"), q("summary"), q(".dlist")
	p.gensHead, p.gens, p.netsHead, p.nets, p.lang = q(".hgens"), q(".gens"), q(".hnets"), q(".nets"), q(".foot")
	p.overlay = &overlay{d: d}
	return d.err
}

func seenHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// adoptStyle gives a shadow root its stylesheet as a constructed
// CSSStyleSheet: a host CSP without style-src 'unsafe-inline' blocks <style>
// elements but not constructed sheets.
func adoptStyle(d *dom, root safejs.Value, css string) error {
	ctor := d.get(safejs.Global(), "CSSStyleSheet")
	if d.err != nil {
		return d.err
	}
	sheet, err := ctor.New()
	if err != nil {
		return err
	}
	d.call(sheet, "replaceSync", css)
	d.set(root, "adoptedStyleSheets", []any{sheet})
	return d.err
}

// panelHTML is the panel's skeleton: static markup, never any text from the
// draft or the audience (those are set with textContent). Deal-breakers come
// first: they decide the overall rating, and no check further down can make
// up for them. The lists stay hidden until the first rendering fills them.
const panelHTML = `<section class="panel" aria-label="Sweetspot fit score"><header class="head">` +
	`<div class="score" role="status" aria-live="polite" aria-atomic="true"><span class="sr">Fit score </span>` +
	`<span class="num">–</span><span class="of">/100</span><span class="rating"></span><span class="note"></span></div>` +
	`<label class="picker"><span>Network </span><select class="network"></select></label></header>` +
	`<div class="caps" hidden><h2>Deal-breakers</h2><p class="capnote"></p><ul class="caplist"></ul></div>` +
	`<h2 class="hchecks" hidden>Checks</h2><ul class="checks" hidden></ul>` +
	`<details class="dismissed" hidden><summary></summary><ul class="dlist"></ul></details>` +
	`<h2 class="hgens" hidden>Generations</h2><ul class="bars gens" hidden></ul>` +
	`<h2 class="hnets" hidden>Networks</h2><ul class="bars nets" hidden></ul><p class="foot"></p></section>`

// emptyNote is what the panel says instead of a score while the draft is
// too short to judge (scoring.MinWords).
var emptyNote = "Start writing: the score appears once the draft has " + strconv.Itoa(scoring.MinWords) + " words."

// render shows p.result: the score and rating, the deal-breakers that hold
// it down (first), the checks, the generation and network bars. An empty
// result (too little text) shows a neutral state instead: no number, no
// verdicts, a note saying when the score will appear.
func (p *panel) render() error {
	if err := p.renderHead(); err != nil {
		return err
	}
	return p.renderBody()
}

// renderHead shows the score, the rating, the live region's note and the
// deal-breakers.
func (p *panel) renderHead() error {
	d := p.d
	r := p.result
	if r.Empty {
		d.set(p.num, "textContent", "–")
		d.attr(p.num, "aria-hidden", "true") // not read as "dash"
		d.set(p.rating, "textContent", "not scored yet")
		d.set(p.note, "textContent", emptyNote)
		d.set(p.note, "className", "note")
	} else {
		d.set(p.num, "textContent", strconv.Itoa(r.Score))
		d.call(p.num, "removeAttribute", "aria-hidden")
		d.set(p.rating, "textContent", r.Rating)
		// The deal-breakers are listed right below; the live region says
		// that they exist, so a screen reader hears why the score is low.
		d.set(p.note, "textContent", capsSummary(len(r.Caps)))
		d.set(p.note, "className", "note sr")
	}
	d.set(p.of, "hidden", r.Empty)
	d.set(p.rating, "className", "rating r-"+r.Rating)
	p.renderCaps(r.Caps)
	return d.err
}

// renderBody shows the checks, the dismissed ones, the generation and
// network bars and the footer.
func (p *panel) renderBody() error {
	d := p.d
	r := p.result
	d.set(p.checksHead, "hidden", r.Empty)
	d.set(p.checks, "hidden", r.Empty)
	d.set(p.gensHead, "hidden", r.Empty || len(r.Generations) == 0)
	d.set(p.gens, "hidden", r.Empty || len(r.Generations) == 0)
	d.set(p.netsHead, "hidden", r.Empty || len(r.Networks) == 0)
	d.set(p.nets, "hidden", r.Empty || len(r.Networks) == 0)

	// Remove the old elements before releasing their callbacks: removing a
	// focused element fires focusout, which must not reach a released func.
	d.clear(p.checks)
	d.clear(p.dismissedList)
	for _, f := range p.perRender {
		f.Release()
	}
	p.perRender = p.perRender[:0]
	for _, ch := range r.Checks {
		p.renderCheck(ch)
	}
	d.set(p.dismissedSum, "textContent", "Dismissed here ("+strconv.Itoa(len(p.dismissed))+")")
	d.set(p.dismissedBox, "hidden", len(p.dismissed) == 0)
	for _, id := range p.dismissed {
		li := d.el(p.dismissedList, "li", "")
		d.text(li, "span", "name", checkName(id))
		btn := d.text(li, "button", "restore", "Restore")
		d.attr(btn, "type", "button")
		d.attr(btn, "aria-label", "Restore the "+checkName(id)+" check")
		id := id
		p.onClick(btn, func() error { return p.setDismissed(id, false) })
	}

	d.clear(p.gens)
	for _, g := range r.Generations {
		p.bar(p.gens, g.ID, pct(g.Share)+" of members", g.Score, g.Rating, false)
	}
	d.clear(p.nets)
	for _, n := range r.Networks {
		p.bar(p.nets, n.ID, strconv.Itoa(n.Members)+" members", n.Score, n.Rating, n.ID == p.network)
	}
	foot := "Scored in your browser: no text leaves this page. Model " + r.Version + "."
	if !r.Language.Modelled && r.Language.Code != "" {
		foot = "Language " + r.Language.Code + " is not modelled: some checks were skipped. " + foot
	}
	if c := r.Calibrated; c != nil {
		// What a calibrated score is, in the writer's terms: the expected
		// engagement rank among this community's past posts.
		works := ""
		if len(c.Works) > 0 {
			// What the calibration learned, as a writer can use it.
			works = "What works here: " + strings.Join(c.Works, ", ") + ". "
		}
		foot = "Calibrated on " + strconv.Itoa(c.Posts) + " past posts of this community (hold-out rho " +
			scoring.FormatDecimal(c.Rho) + ", uncalibrated " + scoring.FormatDecimal(c.BaselineRho) +
			"): the score is the expected engagement rank among them; uncalibrated " + strconv.Itoa(c.Uncalibrated) + ". " + works + foot
	}
	d.set(p.lang, "textContent", foot)
	return d.err
}

// capsSummary is the live region's sentence about the deal-breakers.
func capsSummary(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "Held down by 1 deal-breaker, listed first."
	}
	return "Held down by " + strconv.Itoa(n) + " deal-breakers, listed first."
}

// renderCaps lists the deal-breakers above the checks (hidden when none):
// each reason as text, with the check that found it.
func (p *panel) renderCaps(caps []scoring.Cap) {
	d := p.d
	d.clear(p.capsList)
	d.set(p.capsBox, "hidden", len(caps) == 0)
	if len(caps) == 0 {
		return
	}
	limit := caps[0].Cap
	for _, c := range caps {
		limit = min(limit, c.Cap)
		li := d.el(p.capsList, "li", "cap")
		d.attr(li, "data-check", c.Check)
		d.text(li, "span", "reason", c.Reason)
		d.text(li, "span", "from", "Found by "+checkName(c.Check))
	}
	d.set(p.capsNote, "textContent", "They hold the overall score at "+strconv.Itoa(limit)+
		" or below, however well the other checks do. Fix them first.")
}

func pct(share float64) string { return strconv.Itoa(int(share*100+0.5)) + "%" }

// bar renders one row of the generation or network bars.
func (p *panel) bar(list safejs.Value, id, detail string, score int, rating string, current bool) {
	d := p.d
	li := d.el(list, "li", "r-"+rating)
	if current {
		d.attr(li, "aria-current", "true")
	}
	d.text(li, "span", "label", id)
	d.text(li, "span", "detail", detail)
	track := d.el(li, "span", "track")
	d.attr(track, "role", "meter")
	d.attr(track, "aria-label", id)
	d.attr(track, "aria-valuemin", "0")
	d.attr(track, "aria-valuemax", "100")
	d.attr(track, "aria-valuenow", strconv.Itoa(score))
	fill := d.el(track, "span", "fill")
	d.style(fill, "width", strconv.Itoa(clamp(score, 0, 100))+"%")
	d.text(li, "span", "val", strconv.Itoa(score))
}

func clamp(n, lo, hi int) int { return max(lo, min(hi, n)) }

// renderCheck renders one check: traffic light, score, message, suggestion,
// the dismissal button; hovering or focusing it highlights its spans.
func (p *panel) renderCheck(ch scoring.Check) {
	d := p.d
	li := d.el(p.checks, "li", "check r-"+ch.Rating)
	d.attr(li, "data-check", ch.ID)
	d.attr(li, "tabindex", "0")
	row := d.el(li, "div", "row")
	d.attr(d.el(row, "span", "light"), "aria-hidden", "true")
	d.text(row, "span", "name", checkName(ch.ID))
	d.text(row, "span", "sr", " rated ")
	d.text(row, "span", "crating", ch.Rating)
	d.text(row, "span", "cscore", strconv.Itoa(ch.Score))
	if ch.Message != "" {
		d.text(li, "p", "msg", ch.Message)
	}
	if ch.Suggestion != "" {
		d.text(li, "p", "sug", ch.Suggestion)
	}
	btn := d.text(li, "button", "dismiss", "Not a problem here")
	d.attr(btn, "type", "button")
	d.attr(btn, "aria-label", "Not a problem here: dismiss the "+checkName(ch.ID)+" check for this document")
	id := ch.ID
	p.onClick(btn, func() error { return p.setDismissed(id, true) })
	if len(ch.Spans) == 0 {
		return
	}
	spans := ch.Spans
	show, err := callback(func([]safejs.Value) error { return p.overlay.show(p, spans) })
	d.fail(err)
	hide, err := callback(func([]safejs.Value) error { return p.overlay.hide() })
	d.fail(err)
	p.perRender = append(p.perRender, show, hide)
	d.call(li, "addEventListener", "mouseenter", show)
	d.call(li, "addEventListener", "focusin", show)
	d.call(li, "addEventListener", "mouseleave", hide)
	d.call(li, "addEventListener", "focusout", hide)
}

// onClick registers a click handler (buttons also fire click on Enter/Space).
func (p *panel) onClick(el safejs.Value, fn func() error) {
	f, err := callback(func([]safejs.Value) error { return fn() })
	p.d.fail(err)
	p.perRender = append(p.perRender, f)
	p.d.call(el, "addEventListener", "click", f)
}

// setDismissed dismisses or restores a check for this document, remembers
// it, re-scores, and moves focus to the panel's dismissed list so keyboard
// users are not dropped at the top of the page.
func (p *panel) setDismissed(id string, dismissed bool) error {
	out := p.dismissed[:0:0]
	for _, x := range p.dismissed {
		if x != id {
			out = append(out, x)
		}
	}
	if dismissed {
		out = append(out, id)
	}
	p.dismissed = out
	p.saveDismissed()
	if err := p.overlay.hide(); err != nil {
		return err
	}
	if err := p.compile(); err != nil {
		return err
	}
	if err := p.update(); err != nil {
		return err
	}
	d := p.d
	if len(p.dismissed) > 0 {
		d.call(p.dismissedSum, "focus")
	} else {
		d.call(p.num, "focus")
	}
	return d.err
}

// storageName is the localStorage key of this document's dismissals.
func (p *panel) storageName() string { return "sweetspot:dismissed:" + p.storeKey }

// loadDismissed reads the remembered dismissals. Storage may be missing or
// blocked (private mode, sandboxed frames): then nothing is remembered.
func (p *panel) loadDismissed() []string {
	d := &dom{doc: p.d.doc}
	store := d.get(safejs.Global(), "localStorage")
	if d.err != nil || absent(store) {
		return nil
	}
	raw := d.call(store, "getItem", p.storageName())
	if d.err != nil || raw.Type() != safejs.TypeString {
		return nil
	}
	parsed := d.call(d.get(safejs.Global(), "JSON"), "parse", raw)
	if d.err != nil {
		return nil
	}
	ids, err := asStrings(parsed, "dismissed")
	if err != nil {
		return nil
	}
	return ids
}

func (p *panel) saveDismissed() {
	d := &dom{doc: p.d.doc}
	ids := make([]any, len(p.dismissed))
	for i, id := range p.dismissed {
		ids[i] = id
	}
	store := d.get(safejs.Global(), "localStorage")
	if d.err != nil || absent(store) {
		return
	}
	s := d.call(d.get(safejs.Global(), "JSON"), "stringify", ids)
	d.call(store, "setItem", p.storageName(), s)
	if d.err != nil {
		logError(errors.New("cannot remember dismissals: " + d.err.Error()))
	}
}
