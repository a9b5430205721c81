//go:build js && wasm

// Command engine is base plus the scoring engine (compile and score), so
// that `make size-scoring` can report what the engine adds to a wasm build.
package main

import (
	"fmt"
	"strings"
	"syscall/js"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

func main() {
	s := js.Global().Get("x").String()
	p, err := scoring.Compile(scoring.Audience{Interests: []scoring.Interest{{Term: s}}})
	if err != nil {
		js.Global().Set("y", err.Error())
		return
	}
	r := p.Score(scoring.Content{Body: s, Network: s})
	js.Global().Set("y", fmt.Sprint(strings.ToLower(r.Checks[0].Message), r.Score))
}
