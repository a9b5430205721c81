package scoring

import "testing"

func TestCanonicalNetwork(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"LinkedIn", "linkedin", true},
		{"X", "twitter", true},
		{"newsletter", "email", true},
		{"Medium", "blog", true}, // a platform whose posts are blog posts
		{"dev.to", "blog", true},
		{"Substack", "email", true},
		{"myspace", "", false},
		{"", "", false},
	} {
		got, ok := CanonicalNetwork(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CanonicalNetwork(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
