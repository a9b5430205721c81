package domain

import (
	"strings"
	"testing"
)

func f(v float64) *float64 { return &v }

func TestEngagement(t *testing.T) {
	cases := []struct {
		name string
		m    Metrics
		want float64
	}{
		{"every metric: views ignored", Metrics{Views: f(1000), Reactions: f(10), Comments: f(2), Shares: f(1), Clicks: f(4), Signups: f(1)}, 10 + 2*2 + 3*1 + 4 + 5*1},
		{"views only", Metrics{Views: f(250)}, 250},
		{"a zero metric is a metric", Metrics{Views: f(250), Reactions: f(0)}, 0},
		{"nothing", Metrics{}, 0},
	}
	for _, c := range cases {
		if got := c.m.Engagement(); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// readAll runs ReadHistory and collects what it reports.
func readAll(t *testing.T, format, file string) ([]HistoryPost, []int, []LineError, error) {
	t.Helper()
	var posts []HistoryPost
	var lines []int
	var bad []LineError
	err := ReadHistory(strings.NewReader(file), format, func(line int, p HistoryPost) error {
		posts, lines = append(posts, p), append(lines, line)
		return nil
	}, func(le LineError) { bad = append(bad, le) })
	return posts, lines, bad, err
}

func TestReadHistoryJSONL(t *testing.T) {
	file := "\uFEFF" + `{"Title": "A", "published_at": "2026-01-02", "Likes": "12", "network": "X", "author": {"name": "ignored"}}` + "\r\n" +
		"\n" +
		`{"body": "B", "date": "2026-01-03 10:30", "views": 1e3, "reactions": null}` + "\n" +
		`{"body": "C", "date": "2026-01-03", "views": true}` + "\n" +
		`{"body": "D", "date": "yesterday", "views": 1}` + "\n" +
		`{"body": "E", "date": "2026-01-04", "views": 1}` // no final newline
	posts, lines, bad, err := readAll(t, HistoryJSONL, file)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 3 || lines[0] != 1 || lines[1] != 3 || lines[2] != 6 {
		t.Fatalf("posts %+v at %v", posts, lines)
	}
	if p := posts[0]; p.Title != "A" || p.Network != "twitter" || p.Published != "2026-01-02T00:00:00Z" || p.Engagement != 12 {
		t.Errorf("post 1 %+v", p)
	}
	if p := posts[1]; p.Published != "2026-01-03T10:30:00Z" || p.Engagement != 1000 || p.Metrics.Reactions != nil {
		t.Errorf("post 2 %+v", p)
	}
	if len(bad) != 2 || bad[0].Line != 4 || bad[0].Field != "views" || bad[1].Line != 5 || bad[1].Field != "published" {
		t.Errorf("bad %+v", bad)
	}
}

func TestReadHistoryCSVWholeFile(t *testing.T) {
	for name, file := range map[string]string{
		"empty":     "",
		"no text":   "published,views\n2026-01-01,1\n",
		"no date":   "title,views\nx,1\n",
		"no metric": "title,published\nx,2026-01-01\n",
	} {
		if _, _, _, err := readAll(t, HistoryCSV, file); err == nil {
			t.Errorf("%s: no error", name)
		} else if le, ok := err.(*LineError); !ok || le.Line != 1 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestReadHistoryCSVLines(t *testing.T) {
	long := strings.Repeat("a", MaxTitleLen+1)
	file := "title,body,published,shares\n" +
		"\"multi\nline\",body,2026-01-01,1\n" + // lines 2-3
		"x,y,2026-01-01\n" + // line 4: a field short
		long + ",y,2026-01-01,1\n" + // line 5
		"\"multi\nline\",body,2026-01-01,2\n" // lines 6-7: the same post as line 2
	posts, lines, bad, err := readAll(t, HistoryCSV, file)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 1 || lines[0] != 2 || posts[0].Title != "multi\nline" || posts[0].Engagement != 3 {
		t.Fatalf("posts %+v at %v", posts, lines)
	}
	if len(bad) != 3 || bad[0].Line != 4 || bad[1].Line != 5 || bad[1].Field != "title" || bad[1].Column != 1 ||
		bad[2].Line != 6 || !strings.Contains(bad[2].Message, "line 2") {
		t.Errorf("bad %+v", bad)
	}
}

func TestHistoryKey(t *testing.T) {
	a := HistoryPost{Title: "t", Body: "b", Network: "linkedin", Published: "2026-01-01T00:00:00Z", Engagement: 3}
	b := a
	b.Engagement = 30 // newer metrics: the same post
	c := a
	c.Published = "2026-01-02T00:00:00Z"
	if a.Key() != b.Key() || a.Key() == c.Key() || len(a.Key()) != 32 {
		t.Errorf("keys %s %s %s", a.Key(), b.Key(), c.Key())
	}
}
