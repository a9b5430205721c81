package domain

import (
	"math"
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

// TestReadHistoryExports reads files as spreadsheets and networks export
// them, and bad files as people make them: each bad line is reported at
// the value at fault, the others imported.
func TestReadHistoryExports(t *testing.T) {
	type bad struct {
		line, column int
		field, msg   string
	}
	pad := func(prefix string, size int) string { // a JSONL line of exactly size bytes
		return prefix[:len(prefix)-1] + strings.Repeat(" ", size-len(prefix)) + "}"
	}
	line := func(title string) string { return `{"title":"` + title + `","published":"2024-01-02","views":1}` }
	tests := []struct {
		name, format, file string
		posts              int      // accepted
		engagement         float64  // of the first post accepted
		titles             []string // of the posts accepted, when given
		bad                []bad
		fileErr            string // the whole file refused, with this in the message
	}{
		{name: "a bad value after a field over three lines", format: HistoryCSV,
			file:  "title,body,published,reactions\nT,\"line1\nline2\nline3\",2024-01-02,x\nU,b,2024-01-02,4\n",
			posts: 1, engagement: 4, bad: []bad{{4, 19, "reactions", "not a number"}}},
		{name: "a quote never closed names the lines it swallowed", format: HistoryCSV,
			file:  "title,published,reactions\nA,2024-01-02,1\n\"B,2024-01-02,1\nC,2024-01-02,1\nD,2024-01-02,1\n",
			posts: 1, engagement: 1, bad: []bad{{5, 16, "", "lines 3–5 were read as one post"}}},
		{name: "semicolons (a spreadsheet in a decimal-comma locale)", format: HistoryCSV,
			file: "title;published;reactions\nHello, world;2024-01-02;5\n", posts: 1, engagement: 5},
		{name: "tabs", format: HistoryCSV, file: "title\tpublished\treactions\nHello\t2024-01-02\t5\n", posts: 1, engagement: 5},
		{name: "lone CR line ends", format: HistoryCSV, file: "title,published,reactions\rA,2024-01-02,1\rB,2024-01-03,2\r", posts: 2, engagement: 1},
		{name: "a spreadsheet's empty rows", format: HistoryCSV, file: "title,published,reactions\nA,2024-01-02,1\n,,\n , , \n", posts: 1, engagement: 1},
		{name: "UTF-16", format: HistoryCSV, file: "\xFF\xFEt\x00i\x00", fileErr: "UTF-16"},
		{name: "UTF-16 JSONL", format: HistoryJSONL, file: "\xFF\xFE{\x00", fileErr: "UTF-16"},
		{name: "export headers and an X date", format: HistoryCSV,
			file:  "Post title,Created date,Impressions,Likes,Link clicks\nA,2024-01-02 10:00 +0000,900,10,3\nB,Tue Jan 02 10:00:00 +0000 2024,10,,\n",
			posts: 2, engagement: 13},
		{name: "a missing column lists the header", format: HistoryCSV, file: "Headline text,When,Likes\nA,2024-01-02,1\n",
			fileErr: `(the first row has "Headline text", "When", "Likes")`},
		{name: "counts are whole numbers", format: HistoryCSV, file: "title,published,reactions,comments\nA,2024-01-02,1.234,2\nB,2024-01-02,12.0,1\n",
			posts: 1, engagement: 14, bad: []bad{{2, 14, "reactions", "not a whole number"}}},
		{name: "an engagement value counts only without metrics (an export's own sum)", format: HistoryJSONL,
			file:  `{"title": "A", "created": "2024-01-02", "engagement": 5.5, "comments": 3, "id": "x"}` + "\n",
			posts: 1, engagement: 6},
		{name: "an engagement value alone", format: HistoryJSONL,
			file: `{"title": "A", "created": "2024-01-02", "engagement": 5.5}` + "\n", posts: 1, engagement: 5.5},
		{name: "an empty title and no body column: the row's line", format: HistoryCSV,
			file:  "title,published,views\nA,2026-03-01,1\n,2026-03-02,5\n",
			posts: 1, engagement: 1, bad: []bad{{3, 0, "body", "an empty post"}}},
		{name: "a key twice in two cases", format: HistoryJSONL,
			file: `{"title": "A", "Title": "B", "published": "2024-01-02", "views": 1}` + "\n" + `{"views": 1, "views": 2, "title": "C", "date": "2024-01-02"}` + "\n",
			bad:  []bad{{1, 25, "Title", `given twice (as "title" and "Title")`}, {2, 23, "views", "given twice"}}},
		{name: "a null or blank preferred name leaves the alias", format: HistoryJSONL,
			file:  `{"title": null, "subject": "S", "published": "2024-01-02", "views": 3}` + "\n" + `{"title": " ", "headline": "H", "date": "2024-01-02", "views": 4}` + "\n",
			posts: 2, engagement: 3, titles: []string{"S", "H"}},
		{name: "a huge number under an ignored key", format: HistoryJSONL,
			file:  `{"id": 1e400, "title": "A", "published": "2024-01-02", "views": 3}` + "\n" + `{"title": "B", "published": "2024-01-02", "views": 1e400}` + "\n",
			posts: 1, engagement: 3, bad: []bad{{2, 52, "views", "not a number"}}},
		{name: "an alias given twice after the preferred name", format: HistoryJSONL,
			file: `{"title": "A", "subject": "B", "Subject": "C", "published": "2024-01-02", "views": 1}` + "\n",
			bad:  []bad{{1, 43, "Subject", `given twice (as "subject" and "Subject")`}}},
		{name: "an alias after the preferred name is ignored", format: HistoryJSONL,
			file: `{"title": "A", "headline": "B", "published": "2024-01-02", "views": 7}` + "\n", posts: 1, engagement: 7, titles: []string{"A"}},
		{name: "invalid UTF-8 in JSONL", format: HistoryJSONL, file: "{\"title\": \"caf\xe9\", \"published\": \"2024-01-02\", \"views\": 1}\n",
			bad: []bad{{1, 15, "", "not valid UTF-8"}}},
		{name: "a JSONL line of the largest size", format: HistoryJSONL, file: pad(line("A"), MaxHistoryLineBytes) + "\r\n" + pad(line("B"), MaxHistoryLineBytes+1) + "\n" + line("C"),
			posts: 2, engagement: 1, bad: []bad{{2, 0, "", "at most 128 KiB"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			posts, _, got, err := readAll(t, tc.format, tc.file)
			if tc.fileErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fileErr) {
					t.Fatalf("error %v, want one with %q", err, tc.fileErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(posts) != tc.posts || len(posts) > 0 && posts[0].Engagement != tc.engagement {
				t.Errorf("posts %+v, want %d, the first with engagement %v", posts, tc.posts, tc.engagement)
			}
			for i, title := range tc.titles {
				if i >= len(posts) || posts[i].Title != title {
					t.Errorf("post %d: %+v, want the title %q", i+1, posts, title)
				}
			}
			if len(got) != len(tc.bad) {
				t.Fatalf("bad lines %+v, want %+v", got, tc.bad)
			}
			for i, b := range tc.bad {
				g := got[i]
				if g.Line != b.line || g.Column != b.column || g.Field != b.field || !strings.Contains(g.Message, b.msg) {
					t.Errorf("bad line %+v, want %+v", g, b)
				}
			}
		})
	}
}

// TestMinusZero: "-0" is a count of 0, stored as 0 (not as -0, which JSON
// would print as a negative number).
func TestMinusZero(t *testing.T) {
	posts, _, bad, err := readAll(t, HistoryCSV, "title,published,reactions\nA,2024-01-02,-0\n")
	if err != nil || len(bad) > 0 || len(posts) != 1 {
		t.Fatalf("posts %+v, bad %+v, error %v", posts, bad, err)
	}
	if r := posts[0].Metrics.Reactions; r == nil || *r != 0 || math.Signbit(*r) {
		t.Errorf("reactions %v", r)
	}
}
