//go:build js && wasm

package main

import "unicode/utf8"

// utf16Offsets converts byte offsets into s (the engine's Span offsets) to
// offsets in UTF-16 code units (what JS strings, textarea selection and DOM
// ranges count). It walks s once for all offsets. An offset inside a
// multi-byte rune maps to the start of that rune; offsets past the end map
// to the end. Invalid UTF-8 counts as U+FFFD, one unit, as JS would decode it.
func utf16Offsets(s string, offs []int) []int {
	order := make([]int, len(offs))
	for i := range order {
		order[i] = i
	}
	sortBy(len(order), func(a, b int) bool { return offs[order[a]] < offs[order[b]] },
		func(a, b int) { order[a], order[b] = order[b], order[a] })
	out := make([]int, len(offs))
	pos, units := 0, 0
	for _, i := range order {
		want := offs[i]
		for pos < len(s) {
			r, size := utf8.DecodeRuneInString(s[pos:])
			if pos+size > want {
				break
			}
			pos += size
			if r >= 0x10000 {
				units += 2
			} else {
				units++
			}
		}
		out[i] = units
	}
	return out
}

// sortBy sorts n items in place by less, stably (an insertion sort). The
// widget sorts only short lists (at most 7 checks x MaxSpansPerCheck spans,
// or the audience's networks), and neither sort.Slice (reflection swapper)
// nor slices.SortFunc (one pdqsort per element type) is worth its bytes in
// the wasm for them.
func sortBy(n int, less func(i, j int) bool, swap func(i, j int)) {
	for i := 1; i < n; i++ {
		for j := i; j > 0 && less(j, j-1); j-- {
			swap(j, j-1)
		}
	}
}
