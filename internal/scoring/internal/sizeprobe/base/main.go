//go:build js && wasm

// Command base is the baseline of `make size-scoring`: a js/wasm program that
// uses syscall/js, strings and fmt (which the widget's safejs already
// imports) but not the scoring engine.
package main

import (
	"fmt"
	"strings"
	"syscall/js"
)

func main() {
	s := js.Global().Get("x").String()
	js.Global().Set("y", fmt.Sprint(strings.ToLower(s), len(s)))
}
