package domain

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// checkText requires s to be valid UTF-8 of at most max characters, and
// non-blank when required.
func checkText(field, s string, max int, required bool) error {
	if !utf8.ValidString(s) {
		return Errorf(Invalid, field, "must be valid UTF-8")
	}
	if required && strings.TrimSpace(s) == "" {
		return Errorf(Invalid, field, "is required")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf(Invalid, field, "is %d characters long, the limit is %d", n, max)
	}
	return nil
}

// checkURL requires an absolute http(s) URL of at most MaxURLLen bytes,
// unless s is empty and not required.
func checkURL(field, s string, required bool) error {
	if s == "" && !required {
		return nil
	}
	if s == "" {
		return Errorf(Invalid, field, "is required")
	}
	if len(s) > MaxURLLen {
		return Errorf(Invalid, field, "is %d bytes long, the limit is %d", len(s), MaxURLLen)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Errorf(Invalid, field, "must be an absolute http or https URL")
	}
	return nil
}

// checkEnum requires s to be one of allowed.
func checkEnum(field, s string, allowed []string) error {
	for _, a := range allowed {
		if s == a {
			return nil
		}
	}
	if s == "" {
		return Errorf(Invalid, field, "is required (one of %s)", strings.Join(allowed, ", "))
	}
	return Errorf(Invalid, field, "must be one of %s", strings.Join(allowed, ", "))
}

// checkOrigin requires a web origin: scheme://host[:port], nothing else.
func checkOrigin(field, s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || len(s) > MaxURLLen {
		return Errorf(Invalid, field, "must be an origin such as https://example.com (scheme, host and optional port)")
	}
	return nil
}

func index(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }
