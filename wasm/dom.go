//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// dom builds and changes DOM nodes through safejs with a sticky error: the
// first failing call is kept and every later call does nothing, so the panel
// code reads as a list of steps and checks for an error once per step group
// (the errWriter pattern). Text is only ever set with textContent.
type dom struct {
	doc safejs.Value
	err error
}

func (d *dom) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// get reads a property.
func (d *dom) get(v safejs.Value, prop string) safejs.Value {
	if d.err != nil {
		return safejs.Undefined()
	}
	r, err := v.Get(prop)
	d.fail(err)
	return r
}

// str reads a string property ("" when absent or not a string).
func (d *dom) str(v safejs.Value, prop string) string {
	r := d.get(v, prop)
	if d.err != nil || r.Type() != safejs.TypeString {
		return ""
	}
	s, err := r.String()
	d.fail(err)
	return s
}

// asStr converts a value known to be a string ("" otherwise).
func (d *dom) asStr(v safejs.Value) string {
	if d.err != nil || v.Type() != safejs.TypeString {
		return ""
	}
	s, err := v.String()
	d.fail(err)
	return s
}

// num reads a number property (0 when absent).
func (d *dom) num(v safejs.Value, prop string) float64 {
	r := d.get(v, prop)
	if d.err != nil || r.Type() != safejs.TypeNumber {
		return 0
	}
	f, err := r.Float()
	d.fail(err)
	return f
}

// set writes a property.
func (d *dom) set(v safejs.Value, prop string, x any) {
	if d.err == nil {
		d.fail(v.Set(prop, x))
	}
}

// call calls a method.
func (d *dom) call(v safejs.Value, method string, args ...any) safejs.Value {
	if d.err != nil {
		return safejs.Undefined()
	}
	r, err := v.Call(method, args...)
	d.fail(err)
	return r
}

// el creates an element with a class and appends it to parent (when parent
// is not undefined).
func (d *dom) el(parent safejs.Value, tag, class string) safejs.Value {
	e := d.call(d.doc, "createElement", tag)
	if class != "" {
		d.set(e, "className", class)
	}
	if !parent.IsUndefined() {
		d.call(parent, "appendChild", e)
	}
	return e
}

// text creates an element holding text (as text, never markup).
func (d *dom) text(parent safejs.Value, tag, class, text string) safejs.Value {
	e := d.el(parent, tag, class)
	d.set(e, "textContent", text)
	return e
}

// attr sets an attribute.
func (d *dom) attr(v safejs.Value, name, value string) {
	d.call(v, "setAttribute", name, value)
}

// style sets an inline style property with !important, so host page rules
// cannot override the few inline styles the widget needs (CSSOM writes are
// allowed by a CSP without 'unsafe-inline', unlike style attributes).
func (d *dom) style(v safejs.Value, prop, value string) {
	d.call(d.get(v, "style"), "setProperty", prop, value, "important")
}

// clear removes every child.
func (d *dom) clear(v safejs.Value) { d.call(v, "replaceChildren") }

// px formats a CSS pixel length.
func px(f float64) string { return scoring.FormatDecimal(f) + "px" }

// callback wraps fn as a JS function that never lets a panic or an error
// escape into the Go runtime (that would end the program for good): both
// are logged to the console instead. Callbacks return nothing.
func callback(fn func(args []safejs.Value) error) (safejs.Func, error) {
	return safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				logError(panicError(p))
			}
		}()
		if err := fn(args); err != nil {
			logError(err)
		}
		return nil
	})
}

// panicError turns a recovered value into an error without fmt.
func panicError(p any) error {
	switch p := p.(type) {
	case error:
		return errors.New("sweetspot: internal error: " + p.Error())
	case string:
		return errors.New("sweetspot: internal error: " + p)
	default:
		return errors.New("sweetspot: internal error")
	}
}

// logError reports an error on the browser console; it cannot fail.
func logError(err error) {
	console, e := safejs.Global().Get("console")
	if e == nil {
		_, _ = console.Call("error", "sweetspot: "+err.Error())
	}
}
