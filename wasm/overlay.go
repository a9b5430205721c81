//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// mirrorProps are the computed styles copied from a textarea or input to
// its mirror so that the mirror's text wraps exactly like the editor's.
var mirrorProps = [...]string{
	"box-sizing", "width", "height",
	"padding-top", "padding-right", "padding-bottom", "padding-left",
	"border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
	"font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
	"line-height", "letter-spacing", "word-spacing", "text-indent", "text-transform",
	"text-align", "tab-size", "direction",
}

// overlay highlights a check's spans in a textarea or input. Their text
// cannot be styled, so a transparent "mirror" with the same box, font and
// wrapping is laid over the editor, holding the same text with <mark>s;
// only the marks' backgrounds show. It lives in its own shadow root so host
// CSS cannot reach it, and exists only while a check is hovered or focused.
// (Contenteditable targets are scored but not highlighted yet.)
type overlay struct {
	d      *dom
	host   safejs.Value
	mirror safejs.Value
	built  bool
}

// show highlights spans (body spans in the target, else title spans in the
// title field) as of the last score.
func (o *overlay) show(p *panel, spans []scoring.Span) error {
	field, el, text := "body", p.target, p.content.Body
	if p.editable {
		return nil
	}
	if !hasField(spans, "body") {
		if absent(p.title) {
			return nil
		}
		field, el, text = "title", p.title, p.content.Title
	}
	d := &dom{doc: o.d.doc}
	if !o.built {
		o.host = d.el(safejs.Undefined(), "div", "")
		d.attr(o.host, "data-sweetspot-highlight", "")
		root := d.call(o.host, "attachShadow", map[string]any{"mode": "open"})
		if err := adoptStyle(d, root, mirrorCSS); err != nil {
			return err
		}
		o.mirror = d.el(root, "div", "mirror")
		d.attr(o.host, "aria-hidden", "true")
		o.built = d.err == nil
	}
	g := safejs.Global()
	cs := d.call(g, "getComputedStyle", el)
	for _, prop := range mirrorProps {
		d.style(o.mirror, prop, d.asStr(d.call(cs, "getPropertyValue", prop)))
	}
	if d.str(el, "tagName") == "INPUT" {
		d.style(o.mirror, "white-space", "pre")
	}
	rect := d.call(el, "getBoundingClientRect")
	d.style(o.host, "--ss-left", px(d.num(rect, "left")+d.num(g, "scrollX")))
	d.style(o.host, "--ss-top", px(d.num(rect, "top")+d.num(g, "scrollY")))
	d.style(o.host, "--ss-width", px(d.num(rect, "width")))
	d.style(o.host, "--ss-height", px(d.num(rect, "height")))

	// Lay out text and marks from the byte offsets (no UTF-16 needed here:
	// both come from the same Go string).
	marks := make([]scoring.Span, 0, len(spans))
	for _, sp := range spans {
		if sp.Field == field && sp.Start >= 0 && sp.End <= len(text) && sp.Start < sp.End {
			marks = append(marks, sp)
		}
	}
	sortBy(len(marks), func(i, j int) bool { return marks[i].Start < marks[j].Start },
		func(i, j int) { marks[i], marks[j] = marks[j], marks[i] })
	d.clear(o.mirror)
	pos := 0
	for _, m := range marks {
		if m.Start < pos {
			continue // overlapping spans: keep the first
		}
		d.call(o.mirror, "append", text[pos:m.Start])
		d.text(o.mirror, "mark", "", text[m.Start:m.End])
		pos = m.End
	}
	d.call(o.mirror, "append", text[pos:]+"\n")
	body := d.get(o.d.doc, "body")
	d.call(body, "appendChild", o.host)
	d.set(o.mirror, "scrollTop", d.get(el, "scrollTop"))
	d.set(o.mirror, "scrollLeft", d.get(el, "scrollLeft"))
	return d.err
}

func hasField(spans []scoring.Span, field string) bool {
	for _, sp := range spans {
		if sp.Field == field {
			return true
		}
	}
	return false
}

// hide removes the highlight.
func (o *overlay) hide() error {
	if !o.built {
		return nil
	}
	d := &dom{doc: o.d.doc}
	d.call(o.host, "remove")
	return d.err
}
