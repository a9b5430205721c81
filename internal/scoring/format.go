package scoring

import (
	"math"
	"strconv"
	"strings"
)

// Messages are built with strconv and strings, not fmt: fmt would add tens
// of kilobytes to the widget's WebAssembly.

// FormatDecimal formats f rounded to two decimals, without trailing zeros
// ("1.5", "0.07", "-3", "4200"), with integer arithmetic. strconv's float
// formatting and parsing (the word lists' weights go through parseWeight)
// added 24 KB raw, 8 KB gzip, to the widget's WebAssembly, for numbers that
// never need more. Exact for |f| < 1e15; NaN is "NaN" and larger
// magnitudes are clamped ("±999999999999999").
func FormatDecimal(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	neg := f < 0
	n := int64(999999999999999 * 100) // clamped
	if a := math.Abs(f); a < 1e15 {
		n = int64(math.Round(a * 100))
	}
	s := strconv.FormatInt(n/100, 10)
	if frac := n % 100; frac != 0 {
		s += "." + string(rune('0'+frac/10))
		if frac%10 != 0 {
			s += string(rune('0' + frac%10))
		}
	}
	if neg && n != 0 {
		s = "-" + s
	}
	return s
}

// itoa formats an integer with thousands separators: "4,200".
func itoa(n int) string {
	s := strconv.Itoa(n)
	start := 0
	if n < 0 {
		start = 1
	}
	if len(s)-start <= 3 {
		return s
	}
	var b []byte
	b = append(b, s[:start]...)
	digits := s[start:]
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, digits[i])
	}
	return string(b)
}

// percent formats a share (0..1) as a whole percentage: "37%".
func percent(share float64) string {
	return strconv.Itoa(int(math.Round(share*100))) + "%"
}

// quote puts a phrase in typographic quotes.
func quote(s string) string { return "“" + s + "”" }

// plural returns "1 word" or "3 words".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// listAnd joins items as "a, b and c".
func listAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// listOr joins items as "a, b or c".
func listOr(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// clampScore rounds a score into 0..100 (NaN gives 0).
func clampScore(x float64) int {
	if !(x > 0) {
		return 0
	}
	if x >= 100 {
		return 100
	}
	return int(math.Round(x))
}

// clamp limits x to [lo, hi] (NaN gives lo).
func clamp(x, lo, hi float64) float64 {
	if !(x > lo) {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// round3 rounds a share for output, so JSON stays short and stable.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// sortStableBy sorts indexes by a key, ties kept in order.
func sortStableBy(idx []int, key func(int) float64) {
	insertionSort(idx, func(a, b int) bool { return key(a) < key(b) })
}

// insertionSort is a stable sort for the short lists the engine orders
// (interests, map keys, example phrases: tens of items). The package does
// not import sort: its reflection-based swapper and generic helpers cost
// the widget's WebAssembly more than this loop.
func insertionSort[T any](s []T, less func(a, b T) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// parseWeight parses the simple decimal weights of the word lists ("2",
// "1.5", "-0.5"), without strconv.ParseFloat's general machinery.
func parseWeight(s string) (float64, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	v, scale, dot, digits := 0.0, 1.0, false, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + float64(c-'0')
			digits++
			if dot {
				scale *= 10
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v / scale, true
}
