//go:build js && wasm

package main

import (
	"errors"
	"maps"
	"slices"

	"github.com/hack-pad/safejs"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

func main() {
	mark("main")
	if err := register(); err != nil {
		logError(err)
		return
	}
	select {} // keep serving callbacks for the page's lifetime
}

// register defines globalThis.Sweetspot.score and .mount (keeping whatever
// the loader already put on the object) and calls Sweetspot.onready if set.
func register() error {
	global := safejs.Global()
	ns, err := global.Get("Sweetspot")
	if err != nil {
		return err
	}
	if ns.Type() != safejs.TypeObject {
		object, err := global.Get("Object")
		if err != nil {
			return err
		}
		if ns, err = object.New(); err != nil {
			return err
		}
		if err := global.Set("Sweetspot", ns); err != nil {
			return err
		}
	}
	sc := &scorer{}
	score, err := safejs.FuncOf(sc.jsScore)
	if err != nil {
		return err
	}
	mount, err := safejs.FuncOf(jsMount)
	if err != nil {
		return err
	}
	if err := ns.Set("score", score); err != nil {
		return err
	}
	if err := ns.Set("mount", mount); err != nil {
		return err
	}
	if err := ns.Set("version", scoring.Version); err != nil {
		return err
	}
	mark("registered")
	ready, err := ns.Get("onready")
	if err == nil && ready.Type() == safejs.TypeFunction {
		_, err = ready.Invoke()
	}
	return err
}

// errorResult is what score and mount return on failure: {error, field}.
// (A Go callback cannot throw a JS exception without ending the program.)
func errorResult(err error) map[string]any {
	out := map[string]any{"error": err.Error()}
	var ie *inputError
	if errors.As(err, &ie) {
		out["field"] = ie.field
	}
	return out
}

// guard runs a callback body, turning a panic into an error result.
func guard(fn func() (map[string]any, error)) (result any) {
	defer func() {
		if p := recover(); p != nil {
			result = errorResult(panicError(p))
		}
	}()
	out, err := fn()
	if err != nil {
		return errorResult(err)
	}
	return out
}

// scorer implements Sweetspot.score. It keeps the profile it compiled for
// the last audience: pages re-score one draft against one community as the
// writer types, and compiling is a tenth of a re-score; reusing the profile
// also reuses its cache of the draft's stems.
type scorer struct {
	audience scoring.Audience
	profile  *scoring.Profile
}

// jsScore implements Sweetspot.score(content, audience): the engine's result
// as a plain object, or {error, field} for invalid input.
func (s *scorer) jsScore(_ safejs.Value, args []safejs.Value) any {
	return guard(func() (map[string]any, error) {
		if len(args) < 2 {
			return nil, errors.New("score(content, audience): two arguments needed")
		}
		c, err := readContent(args[0])
		if err != nil {
			return nil, err
		}
		a, err := readAudience(args[1])
		if err != nil {
			return nil, err
		}
		if s.profile == nil || !sameAudience(a, s.audience) {
			p, err := scoring.Compile(a)
			if err != nil {
				return nil, prefixField("audience", err)
			}
			s.audience, s.profile = a, p
		}
		return resultToJS(s.profile.Score(c), c), nil
	})
}

// sameAudience reports whether two audiences are equal field by field (the
// JS object may have changed between calls, so identity is not enough).
func sameAudience(a, b scoring.Audience) bool {
	return a.Name == b.Name && a.Language == b.Language && slices.Equal(a.Interests, b.Interests) && slices.Equal(a.Traits, b.Traits) &&
		slices.Equal(a.Disabled, b.Disabled) && slices.Equal(a.Required, b.Required) && maps.Equal(a.Generations, b.Generations) &&
		maps.Equal(a.Networks, b.Networks) && maps.Equal(a.Thresholds, b.Thresholds) && sameCalibration(a.Calibration, b.Calibration)
}

func sameCalibration(a, b *scoring.Calibration) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Version == b.Version && a.Posts == b.Posts && a.Train == b.Train && a.Test == b.Test &&
		a.Rho == b.Rho && a.BaselineRho == b.BaselineRho && slices.Equal(a.Features, b.Features) &&
		slices.Equal(a.Terms, b.Terms) && slices.Equal(a.Quantiles, b.Quantiles)
}

// prefixField turns the engine's field names ("interests[2].weight") into
// the JS API's ("audience.interests[2].weight").
func prefixField(prefix string, err error) error {
	var ie *scoring.InputError
	if errors.As(err, &ie) {
		return &inputError{prefix + "." + ie.Field, ie.Message}
	}
	return err
}

// jsMount implements Sweetspot.mount(target, options): attaches a live panel
// to a textarea, input or contenteditable. Options: audience (object,
// required), title (element), storageKey (string), network (string),
// panel (element to render into; default: right after target), dismissed
// (check ids; default: those remembered for storageKey), onlanguage
// (function(code, modelled), called when the draft's language changes).
// It returns {ok, unmount}.
func jsMount(_ safejs.Value, args []safejs.Value) any {
	return guard(func() (map[string]any, error) {
		if len(args) < 2 {
			return nil, errors.New("mount(target, options): two arguments needed")
		}
		p, err := mountPanel(args[0], args[1])
		if err != nil {
			return nil, err
		}
		// unmount() removes the panel and returns its state (network,
		// dismissed): the loader's switch to another language's build.
		var unmount safejs.Func
		unmount, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
			return guard(func() (map[string]any, error) {
				unmount.Release()
				return p.unmount(), nil
			})
		})
		if err != nil {
			return nil, err
		}
		return map[string]any{"ok": true, "unmount": unmount}, nil
	})
}
