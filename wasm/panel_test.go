//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Drafts for the IT admins community (site/communities/itadmins.json), the
// same as the browser tests type (e2e/e2e_test.go).
const (
	hardSellDraft = "BackupPro 5 is here! The best-in-class backup platform. Limited time offer: 30% off. " +
		"Contact our sales team today! Don't miss out!"
	usefulDraft = "How long would it take you to restore a server after a ransomware attack? " +
		"Most admins find out during the outage. This free checklist walks you through testing your backup " +
		"and disaster recovery plan in an afternoon: keep three copies of your data, keep one offline, " +
		"and run a restore drill every month. Download the checklist and share your restore times with your team."
)

// fakeDOM is the least of a DOM the panel needs, for node (which has none):
// elements with children, attributes, listeners, textContent and a shadow
// root, plus document.createElement and CSSStyleSheet. Setting innerHTML or
// calling insertAdjacentHTML is recorded in __markup: the panel must only
// ever set text.
const fakeDOM = `(() => {
  globalThis.__markup = [];
  class El {
    constructor(tag) {
      this.tagName = tag.toUpperCase(); this.childNodes = []; this.parentNode = null;
      this.attributes = {}; this.listeners = {}; this.className = ''; this.hidden = false;
      this.ownText = ''; this.style = { setProperty() {} };
    }
    appendChild(c) {
      if (c.tagName === '#FRAGMENT') { for (const k of [...c.childNodes]) this.appendChild(k); return c; }
      if (c.parentNode) c.parentNode.childNodes.splice(c.parentNode.childNodes.indexOf(c), 1);
      c.parentNode = this; this.childNodes.push(c); return c;
    }
    replaceChildren(...cs) { for (const c of this.childNodes) c.parentNode = null; this.childNodes = []; cs.forEach((c) => this.appendChild(c)); }
    after(n) { this.nextSibling = n; }
    setAttribute(k, v) { this.attributes[k] = String(v); }
    removeAttribute(k) { delete this.attributes[k]; }
    getAttribute(k) { return k in this.attributes ? this.attributes[k] : null; }
    addEventListener(type, f) { (this.listeners[type] ||= []).push(f); }
    dispatch(type) { for (const f of this.listeners[type] || []) f({ type, target: this }); }
    attachShadow() { return (this.shadowRoot = new El('#shadow-root')); }
    focus() {}
    get textContent() { return this.ownText + this.childNodes.map((c) => c.textContent).join(''); }
    set textContent(v) { this.replaceChildren(); this.ownText = String(v); }
    // The one markup the panel may set: its own static skeleton (panelHTML),
    // on a template element. Anything else is recorded.
    set innerHTML(v) {
      if (this.tagName !== 'TEMPLATE' || v !== __panelHTML) { __markup.push('innerHTML'); return; }
      this.content = new El('#fragment');
      const stack = [this.content];
      for (const m of v.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g)) {
        const top = stack[stack.length - 1];
        if (m[4]) { top.appendChild(new El('#text')).ownText = m[4]; continue; }
        if (m[1]) { stack.pop(); continue; }
        const e = top.appendChild(new El(m[2]));
        for (const a of m[3].matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
          if (a[1] === 'class') e.className = a[2];
          else if (a[1] === 'hidden') e.hidden = true;
          else e.setAttribute(a[1], a[2] || '');
        }
        stack.push(e);
      }
    }
    querySelector(sel) {
      return all(this).find((n) => sel[0] === '.' ? n.className.split(' ').includes(sel.slice(1)) : n.tagName === sel.toUpperCase()) || null;
    }
    insertAdjacentHTML() { __markup.push('insertAdjacentHTML'); }
  }
  globalThis.document = { createElement: (tag) => new El(tag) };
  globalThis.CSSStyleSheet = class { replaceSync(css) { this.css = css; } };

  const all = (root) => { const out = []; const walk = (n) => { for (const c of n.childNodes) { out.push(c); walk(c); } }; walk(root); return out; };
  const byClass = (root, cls) => all(root).filter((n) => n.className.split(' ').includes(cls));
  const shown = (n) => { for (; n; n = n.parentNode) if (n.hidden) return false; return true; };
  // What a screen reader hears from an element: text of the shown nodes
  // that are not aria-hidden.
  const heard = (n) => !shown(n) || n.getAttribute('aria-hidden') === 'true' ? ''
    : [n.ownText, ...n.childNodes.map(heard)].filter((s) => s).join(' ');
  // __readPanel reports what the panel shows, like readPanel in e2e/driver.mjs.
  globalThis.__readPanel = (target) => {
    const root = target.nextSibling.shadowRoot;
    const nodes = all(root);
    const one = (cls) => byClass(root, cls)[0];
    const checks = byClass(root, 'check').filter(shown);
    const caps = byClass(root, 'cap').filter(shown);
    const note = one('note');
    return JSON.stringify({
      num: one('num').textContent,
      rating: one('rating').textContent,
      ratingClass: one('rating').className,
      note: shown(note) && !note.className.split(' ').includes('sr') ? note.textContent : '',
      live: one('score').getAttribute('aria-live'),
      announced: heard(one('score')),
      caps: caps.map((c) => ({ check: c.getAttribute('data-check'), reason: byClass(c, 'reason')[0].textContent })),
      capsShown: shown(one('caps')),
      capsFirst: caps.length > 0 && checks.length > 0 && nodes.indexOf(one('caps')) < nodes.indexOf(checks[0]),
      checks: checks.map((c) => c.getAttribute('data-check')),
      lights: byClass(root, 'light').filter(shown).length,
      bars: byClass(root, 'fill').filter(shown).length,
      headings: nodes.filter((n) => n.tagName === 'H2' && shown(n)).map((n) => n.textContent),
      markup: __markup,
    });
  };
  // __type types text at the end of the editor one character at a time,
  // an input event each, with a pause of ms between characters.
  globalThis.__type = async (target, text, ms) => {
    for (const ch of text) {
      target.value += ch;
      target.dispatch('input');
      await new Promise((r) => setTimeout(r, ms));
    }
  };
  return 0;
})()`

type panelView struct {
	Num, Rating, RatingClass, Note, Live, Announced string
	Caps                                            []struct{ Check, Reason string }
	CapsShown, CapsFirst                            bool
	Checks, Headings, Markup                        []string
	Lights, Bars                                    int
}

// jsAwait evaluates an expression that may give a promise, in a task of its
// own, and waits for the promise to settle.
func jsAwait(t *testing.T, expr string) {
	t.Helper()
	done := make(chan struct{}, 1)
	cb, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		done <- struct{}{}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Release()
	if err := safejs.Global().Set("__settled", cb); err != nil {
		t.Fatal(err)
	}
	run := jsEvalNow(t, "() => setTimeout(() => Promise.resolve("+expr+").finally(() => __settled()), 0)")
	if _, err := run.Invoke(); err != nil {
		t.Fatal(err)
	}
	<-done
}

// settle waits past the panel's debounce, so the last edit is scored.
func settle(t *testing.T) {
	t.Helper()
	jsAwait(t, "new Promise((r) => setTimeout(r, "+strconv.Itoa(3*DebounceMillis)+"))")
}

func readPanel(t *testing.T) panelView {
	t.Helper()
	var v panelView
	if err := json.Unmarshal([]byte(jsString(t, jsEval(t, "__readPanel(__editor)"))), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Markup) > 0 {
		t.Errorf("the panel set markup: %v", v.Markup)
	}
	if v.Live != "polite" {
		t.Errorf("the score is not in a live region (aria-live %q)", v.Live)
	}
	return v
}

// TestPanelDealBreakersAndEmptyState mounts the real panel on a textarea
// (in a minimal DOM) with the IT admins community: a hard sell shows its
// deal-breakers above the checks and rates poor; clearing the textarea
// shows the neutral state (no number, no verdicts, a note); typing a few
// words keeps it until the draft has scoring.MinWords words, then the
// checks come back.
func TestPanelDealBreakersAndEmptyState(t *testing.T) {
	registered(t)
	aud, err := os.ReadFile("../site/communities/itadmins.json")
	if err != nil {
		t.Fatal(err)
	}
	jsEvalNow(t, fakeDOM)
	t.Cleanup(func() {
		jsEvalNow(t, "(delete globalThis.document, delete globalThis.CSSStyleSheet, 0)")
	})
	g := safejs.Global()
	if err := g.Set("__panelHTML", panelHTML); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(strings.ReplaceAll(panelHTML, "–", ""), "{}$") {
		t.Errorf("panelHTML looks templated: it must be static markup")
	}
	if err := g.Set("__audJSON", string(aud)); err != nil {
		t.Fatal(err)
	}
	if err := g.Set("__hardSell", hardSellDraft); err != nil {
		t.Fatal(err)
	}
	jsEvalNow(t, `(globalThis.__editor = document.createElement("textarea"), __editor.value = __hardSell, 0)`)
	r := jsEval(t, `Sweetspot.mount(__editor, {audience: JSON.parse(__audJSON), network: "linkedin", storageKey: "panel-test"})`)
	if e, _ := r.Get("error"); !e.IsUndefined() {
		t.Fatalf("mount: %s", jsString(t, e))
	}
	settle(t) // the checks and bars follow the first score in the next task

	t.Run("hard sell: deal-breakers first, rated poor", func(t *testing.T) {
		v := readPanel(t)
		if v.Rating != scoring.RatingPoor || v.RatingClass != "rating r-poor" {
			t.Errorf("rating %q (class %q), want poor", v.Rating, v.RatingClass)
		}
		if len(v.Caps) == 0 || !v.CapsShown {
			t.Fatalf("no deal-breakers shown for a hard sell: %+v", v)
		}
		if v.Caps[0].Check != scoring.CheckValue || !strings.Contains(v.Caps[0].Reason, "hard sell") {
			t.Errorf("deal-breakers %+v, want the value check's hard sell", v.Caps)
		}
		if !v.CapsFirst || v.Headings[0] != "Deal-breakers" {
			t.Errorf("deal-breakers are not above the checks: headings %v", v.Headings)
		}
		if len(v.Checks) == 0 || v.Lights != len(v.Checks) {
			t.Errorf("%d checks with %d traffic lights", len(v.Checks), v.Lights)
		}
		if _, err := strconv.Atoi(v.Num); err != nil || v.Note != "" {
			t.Errorf("score %q, note %q", v.Num, v.Note)
		}
		if !strings.Contains(v.Announced, "poor") || !strings.Contains(v.Announced, "deal-breaker") {
			t.Errorf("announced %q: the rating and the deal-breakers should be", v.Announced)
		}
	})

	t.Run("empty textarea: neutral state", func(t *testing.T) {
		jsEvalNow(t, `(__editor.value = "", __editor.dispatch("input"), 0)`)
		settle(t)
		checkEmpty(t, readPanel(t))
	})

	words := strings.Fields(usefulDraft)
	t.Run("fewer than MinWords words typed: still neutral", func(t *testing.T) {
		jsAwait(t, `__type(__editor, `+strconv.Quote(strings.Join(words[:scoring.MinWords-1], " "))+`, 5)`)
		settle(t)
		checkEmpty(t, readPanel(t))
	})

	t.Run("enough words typed: the checks appear", func(t *testing.T) {
		jsAwait(t, `__type(__editor, `+strconv.Quote(" "+strings.Join(words[scoring.MinWords-1:], " "))+`, 1)`)
		settle(t)
		v := readPanel(t)
		if len(v.Checks) == 0 || v.Lights != len(v.Checks) || v.Bars == 0 {
			t.Fatalf("%d checks, %d traffic lights, %d bars after typing %d words", len(v.Checks), v.Lights, v.Bars, len(words))
		}
		if !slices.Contains([]string{scoring.RatingGood, scoring.RatingOK, scoring.RatingPoor}, v.Rating) || v.RatingClass != "rating r-"+v.Rating {
			t.Errorf("rating %q (class %q)", v.Rating, v.RatingClass)
		}
		if _, err := strconv.Atoi(v.Num); err != nil || v.Note != "" {
			t.Errorf("score %q, note %q", v.Num, v.Note)
		}
		if len(v.Caps) == 0 && v.CapsShown {
			t.Errorf("an empty deal-breakers box is shown")
		}
		if !slices.Contains(v.Headings, "Checks") || !slices.Contains(v.Headings, "Networks") {
			t.Errorf("headings %v", v.Headings)
		}
	})
}

// checkEmpty asserts the neutral state: no score, no verdict of any kind,
// the note saying how many words it takes, announced as such.
func checkEmpty(t *testing.T, v panelView) {
	t.Helper()
	if len(v.Checks) != 0 || v.Lights != 0 || v.Bars != 0 || len(v.Caps) != 0 || v.CapsShown {
		t.Errorf("verdicts shown for an empty draft: %d checks, %d lights, %d bars, %d deal-breakers", len(v.Checks), v.Lights, v.Bars, len(v.Caps))
	}
	if v.RatingClass != "rating r-"+scoring.RatingNone || v.Num != "–" {
		t.Errorf("score %q, rating class %q: want a neutral state", v.Num, v.RatingClass)
	}
	if want := strconv.Itoa(scoring.MinWords) + " words"; !strings.Contains(v.Note, want) {
		t.Errorf("note %q does not say that the score needs %s", v.Note, want)
	}
	for _, h := range []string{"Checks", "Generations", "Networks", "Deal-breakers"} {
		if slices.Contains(v.Headings, h) {
			t.Errorf("heading %q shown for an empty draft", h)
		}
	}
	if !strings.Contains(v.Announced, v.Note) || strings.Contains(v.Announced, "–") || strings.Contains(v.Announced, "/100") {
		t.Errorf("announced %q", v.Announced)
	}
}

// TestScoreCapsAndEmpty: Sweetspot.score hands pages the deal-breakers
// ({check, reason, cap}) and the empty state.
func TestScoreCapsAndEmpty(t *testing.T) {
	registered(t)
	aud, err := os.ReadFile("../site/communities/itadmins.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := safejs.Global().Set("__audJSON", string(aud)); err != nil {
		t.Fatal(err)
	}
	if err := safejs.Global().Set("__hardSell", hardSellDraft); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, content, want string }{
		{"hard sell", `{body: __hardSell, network: "linkedin"}`,
			"caps=true,value,string,number;empty=false;rating=poor"},
		{"empty", `{body: ""}`, "caps=false;empty=true;rating=none;checks=0"},
		{"too short", `{title: "Backups", body: "that restore"}`, "caps=false;empty=true;rating=none;checks=0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := jsString(t, jsEval(t, `(function(r){
				if (r.error) return r.error;
				const c = r.caps[0];
				const out = ["caps=" + (r.caps.length > 0) + (c ? "," + c.check + "," + typeof c.reason + "," + typeof c.cap : ""), "empty=" + r.empty, "rating=" + r.rating];
				if (r.empty) out.push("checks=" + r.checks.length);
				return out.join(";");
			})(Sweetspot.score(`+tc.content+`, JSON.parse(__audJSON)))`))
			if got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}
