package scoring

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestFormatDecimal: two decimals at most, no trailing zeros, the same
// text strconv gave before (rounded to hundredths, shortest form) for the
// numbers messages and the panel show, without strconv's float code.
func TestFormatDecimal(t *testing.T) {
	cases := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {1.5, "1.5"}, {0.07, "0.07"}, {-3, "-3"}, {4200, "4200"}, {12.345, "12.35"},
		{-0.001, "0"}, {0.999, "1"}, {-2.25, "-2.25"}, {0.1 + 0.2, "0.3"},
		{math.NaN(), "NaN"}, {1e20, "999999999999999"}, {math.Inf(-1), "-999999999999999"},
	}
	for _, c := range cases {
		if got := FormatDecimal(c.in); got != c.want {
			t.Errorf("FormatDecimal(%v) = %q, want %q", c.in, got, c.want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		f := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(9)))
		want := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
		if want == "-0" {
			want = "0"
		}
		if got := FormatDecimal(f); got != want {
			t.Fatalf("FormatDecimal(%v) = %q, strconv %q", f, got, want)
		}
	}
}
