package domain

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/textfile"
)

// A community's post history: past posts with the engagement they earned,
// imported from a file (POST /v1/communities/{id}/history) so that the
// score can be calibrated on the community's own outcomes
// (internal/calibration; docs/scoring.md, "Calibration").

// Engagement weights: how one interaction of each kind counts towards a
// post's engagement number. Exports give different metrics; a comment,
// a share and a sign-up take more of a member than a reaction or a click,
// so they weigh more. Views count only when a post has no other metric
// (they measure reach, not engagement).
const (
	ReactionWeight = 1.0
	CommentWeight  = 2.0
	ShareWeight    = 3.0
	ClickWeight    = 1.0
	SignupWeight   = 5.0
	// MaxMetric bounds one metric of one post.
	MaxMetric = 1e12
)

// Metrics are what an export says a post earned; nil means not given.
type Metrics struct {
	Views     *float64 `json:"views,omitempty"`
	Reactions *float64 `json:"reactions,omitempty"`
	Comments  *float64 `json:"comments,omitempty"`
	Shares    *float64 `json:"shares,omitempty"`
	Clicks    *float64 `json:"clicks,omitempty"`
	Signups   *float64 `json:"signups,omitempty"`
}

// Engagement is the one number calibration learns from:
//
//	reactions + 2 × comments + 3 × shares + clicks + 5 × sign-ups
//
// counting the metrics given, or the views when none of those is given.
func (m Metrics) Engagement() float64 {
	v := func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	}
	if m.Reactions == nil && m.Comments == nil && m.Shares == nil && m.Clicks == nil && m.Signups == nil {
		return v(m.Views)
	}
	return ReactionWeight*v(m.Reactions) + CommentWeight*v(m.Comments) + ShareWeight*v(m.Shares) +
		ClickWeight*v(m.Clicks) + SignupWeight*v(m.Signups)
}

// HistoryPost is one past post of a community and what it earned.
type HistoryPost struct {
	Title   string `json:"title,omitempty"`
	Body    string `json:"body,omitempty"`
	Network string `json:"network,omitempty"`
	// Published is when it went out, RFC 3339 in UTC: it orders the
	// history for calibration's time-ordered hold-out.
	Published  string  `json:"published"`
	Metrics    Metrics `json:"metrics"`
	Engagement float64 `json:"engagement"`
}

// Key identifies a post by what it is (network, date, title, body), so that
// importing the same post again replaces it (with its newer metrics)
// instead of counting it twice: an import can be retried safely.
func (p HistoryPost) Key() string {
	h := sha256.New()
	for _, s := range []string{p.Network, p.Published, p.Title, p.Body} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Formats of a history file.
const (
	// HistoryCSV is a header row, then one post a row, separated by commas
	// (or semicolons or tabs when the header has no comma). Header names
	// ignore case, spaces, hyphens and underscores; other columns are
	// ignored, and so are rows of blank fields.
	HistoryCSV = "csv"
	// HistoryJSONL is one JSON object a line, with the same names as keys
	// (other keys ignored, blank lines skipped, a key given twice refused);
	// metrics are numbers or strings of digits, any value may be null.
	// Both: UTF-8 (a byte order mark is skipped; UTF-16 is refused with a
	// message), lines ending in LF, CRLF or a lone CR.
	HistoryJSONL = "jsonl"
)

// historyField is what a column (or JSON key) holds.
type historyField int

const (
	hfNone historyField = iota
	hfTitle
	hfBody
	hfNetwork
	hfPublished
	hfViews
	hfReactions
	hfComments
	hfShares
	hfClicks
	hfSignups
	// hfEngagement is the one engagement number, when the file has it
	// already (as `sweetspot calibrate`'s history does): used when a post
	// has no metric, or always under HistoryRules.EngagementAsGiven.
	hfEngagement
	numHistoryFields
)

// historyNames are the accepted names of each field, preferred first, as
// normalized by historyName.
var historyNames = [numHistoryFields][]string{
	hfTitle:   {"title", "subject", "headline", "posttitle"},
	hfBody:    {"body", "text", "content", "message", "post", "posttext", "tweettext", "caption", "description", "subtitle"},
	hfNetwork: {"network", "platform", "channel"},
	hfPublished: {"published", "publishedat", "date", "created", "createdat", "postedat", "publisheddate", "publishdate",
		"publishtime", "publishedtime", "createddate", "createdtime", "dateposted", "posted", "time", "timestamp"},
	hfViews:      {"views", "impressions", "reach", "plays"},
	hfReactions:  {"reactions", "likes", "favorites", "favourites", "claps", "upvotes"},
	hfComments:   {"comments", "replies"},
	hfShares:     {"shares", "reposts", "retweets"},
	hfClicks:     {"clicks", "linkclicks"},
	hfSignups:    {"signups", "conversions"},
	hfEngagement: {"engagement", "engagements", "totalengagement"},
}

// fieldNames is each field's name in messages.
var fieldNames = [numHistoryFields]string{hfTitle: "title", hfBody: "body", hfNetwork: "network",
	hfPublished: "published", hfViews: "views", hfReactions: "reactions", hfComments: "comments",
	hfShares: "shares", hfClicks: "clicks", hfSignups: "signups", hfEngagement: "engagement"}

// historyName normalizes a header or key: "Sign-ups", "sign_ups" and
// "Sign ups" are all "signups".
func historyName(s string) string {
	return nameSeparators.Replace(strings.ToLower(strings.TrimSpace(s)))
}

var nameSeparators = strings.NewReplacer(" ", "", "-", "", "_", "")

func historyFieldOf(name string) (historyField, int) {
	n := historyName(name)
	for f, names := range historyNames {
		for rank, x := range names {
			if n == x {
				return historyField(f), rank
			}
		}
	}
	return hfNone, 0
}

// LineError is a line of a history file that was not imported.
type LineError struct {
	// Line is the 1-based line of the file: of the value at fault, else
	// where the post (a CSV record may span lines) starts.
	Line int `json:"line"`
	// Column is the 1-based byte column, or 0 when the line as a whole is wrong.
	Column int `json:"column"`
	// Field is the column or key at fault, or empty.
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *LineError) Error() string {
	s := "line " + strconv.Itoa(e.Line)
	if e.Column > 0 {
		s += ", column " + strconv.Itoa(e.Column)
	}
	if e.Field != "" {
		s += ": " + e.Field
	}
	return s + ": " + e.Message
}

// HistoryRules relax the checks of a post for a history read whole by
// `sweetspot calibrate` rather than stored by the API.
type HistoryRules struct {
	// DateOptional accepts a post without a published date (calibration
	// then keeps the file's order; a file is all dated or all undated).
	DateOptional bool
	// AnyLength lifts the limits on the title and the body (the API keeps
	// what it reads; a local file may hold whole articles).
	AnyLength bool
	// EngagementAsGiven takes an engagement value over the metrics: the
	// CLI's history format, where it is the one number and other counts
	// ride along. Otherwise an engagement value counts only when a post
	// has no metric: an export's "Engagements" column is each platform's
	// own sum, and the API weighs the metrics it knows one way.
	EngagementAsGiven bool
}

// ReadHistory reads a history file (HistoryCSV or HistoryJSONL) line by line
// and calls post for each post it accepts (with its line) and bad for each
// line it rejects; a bad line does not stop the others. A post repeating an
// earlier line's post (same network, date, title and body) is rejected.
// The error (a *LineError for a file that cannot be read at all: no header,
// no published or text column) means nothing was accepted.
//
// Each post needs a title or a body (at most MaxTitleLen and
// MaxOfferBodyLen characters), a published date (RFC 3339, or YYYY-MM-DD
// for midnight UTC), a known network or none, and at least one metric
// (whole numbers from 0 to MaxMetric) or an engagement number. Engagement
// is Metrics.Engagement, or that number for a post with no metric.
func ReadHistory(r io.Reader, format string, post func(line int, p HistoryPost) error, bad func(LineError)) error {
	seen := map[string]int{}
	accept := func(line int, p HistoryPost) error {
		k := p.Key()
		if first, dup := seen[k]; dup {
			bad(LineError{Line: line, Message: "the same post as line " + strconv.Itoa(first)})
			return nil
		}
		seen[k] = line
		return post(line, p)
	}
	// Room for a line of MaxHistoryLineBytes and its CRLF.
	br, err := textfile.Prepare(bufio.NewReaderSize(r, MaxHistoryLineBytes+2))
	switch {
	case errors.Is(err, textfile.ErrUTF16):
		return &LineError{Line: 1, Message: err.Error()}
	case err != nil:
		return err
	}
	switch format {
	case HistoryCSV:
		return readHistoryCSV(br, accept, bad)
	case HistoryJSONL:
		return readHistoryJSONL(br, accept, bad)
	}
	return errors.New("unknown history format " + strconv.Quote(format))
}

func readHistoryCSV(br *bufio.Reader, post func(int, HistoryPost) error, bad func(LineError)) error {
	cr := csv.NewReader(br)
	cr.Comma = textfile.SniffComma(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return &LineError{Line: 1, Message: "the file is empty: the first row must name the columns (title or body, published, and a metric such as reactions or views)"}
	}
	if err != nil {
		return csvLineError(err)
	}
	var cols [numHistoryFields]int
	var rank [numHistoryFields]int
	for f := range cols {
		cols[f] = -1
	}
	for i, h := range head {
		f, k := historyFieldOf(h)
		if f == hfNone || cols[f] >= 0 && rank[f] <= k {
			continue
		}
		cols[f], rank[f] = i, k
	}
	if err := checkHistoryColumns(cols); err != nil {
		err.Message += " (the first row has " + headerList(head) + ")"
		return err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return err // the reader failed
			}
			bad(*csvLineError(err))
			continue
		}
		line, _ := cr.FieldPos(0)
		if textfile.Blank(rec) {
			continue // a blank line, or a spreadsheet's row of empty cells
		}
		if len(rec) != len(head) {
			bad(LineError{Line: line, Message: strconv.Itoa(len(rec)) + " fields where the header has " + strconv.Itoa(len(head)) + " (quote a field that holds the separator)"})
			continue
		}
		var values [numHistoryFields]*string
		var at [numHistoryFields][2]int // line and column of each value
		for f, i := range cols {
			if i >= 0 {
				v := rec[i]
				values[f] = &v
				at[f][0], at[f][1] = cr.FieldPos(i)
			}
		}
		p, le := buildHistoryPost(values, HistoryRules{})
		if le != nil {
			le.Line = line
			if f := -le.Column; f > 0 && cols[f] >= 0 { // the value's own line: a quoted field may span lines
				le.Line, le.Column = at[f][0], at[f][1]
			} else if f > 0 {
				le.Column = 0 // a field the file has no column for: the row as a whole
			}
			bad(*le)
			continue
		}
		if err := post(line, p); err != nil {
			return err
		}
	}
}

// checkHistoryColumns requires what every post needs.
func checkHistoryColumns(cols [numHistoryFields]int) *LineError {
	switch {
	case cols[hfTitle] < 0 && cols[hfBody] < 0:
		return &LineError{Line: 1, Message: "no title or body column: the first row must name one"}
	case cols[hfPublished] < 0:
		return &LineError{Line: 1, Message: "no published column (or date, created): calibration orders posts by date"}
	}
	for f := hfViews; f <= hfEngagement; f++ {
		if cols[f] >= 0 {
			return nil
		}
	}
	return &LineError{Line: 1, Message: "no metric column: name at least one of views, reactions, comments, shares, clicks, signups, or engagement"}
}

// headerList quotes the first names of a header row for a message.
func headerList(head []string) string {
	const most = 8
	var b strings.Builder
	for i, h := range head {
		if i == most {
			b.WriteString(", …")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoteValue(strings.TrimSpace(h)))
	}
	return b.String()
}

func csvLineError(err error) *LineError {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &LineError{Line: 1, Message: err.Error()}
	}
	e := &LineError{Line: pe.Line, Column: pe.Column, Message: pe.Err.Error()}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		e.Message = `a " inside an unquoted field: quote the whole field and double the quote ("say ""hi""")`
	case errors.Is(pe.Err, csv.ErrQuote):
		e.Message = `a quoted field is not closed, or a " inside it is not doubled`
	}
	if pe.Line > pe.StartLine {
		// A quote left open reads the next lines into its field: say which
		// lines went with it, none of them imported.
		e.Message += "; lines " + strconv.Itoa(pe.StartLine) + "–" + strconv.Itoa(pe.Line) + " were read as one post and not imported"
	}
	return e
}

func readHistoryJSONL(br *bufio.Reader, post func(int, HistoryPost) error, bad func(LineError)) error {
	for line := 1; ; line++ {
		b, err := br.ReadSlice('\n')
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		if err == bufio.ErrBufferFull || len(bytes.TrimRight(b, "\r\n")) > MaxHistoryLineBytes {
			bad(LineError{Line: line, Message: "a line may be at most " + strconv.Itoa(MaxHistoryLineBytes>>10) + " KiB"})
			for err == bufio.ErrBufferFull { // skip the rest of the line
				_, err = br.ReadSlice('\n')
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		b = bytes.TrimRight(b, "\r\n")
		if len(bytes.TrimSpace(b)) > 0 {
			p, le := ParseHistoryLine(b, HistoryRules{})
			if le != nil {
				le.Line = line
				bad(*le)
			} else if err := post(line, p); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// ParseHistoryLine reads one line of a JSONL history file as ReadHistory
// does, under rules; the error's Line is 0 (the caller knows it). Its keys
// are read in order, so that a key given twice (also in another case:
// "title" and "Title") is an error rather than a coin toss; columns are
// 1-based byte offsets.
func ParseHistoryLine(b []byte, rules HistoryRules) (HistoryPost, *LineError) {
	if i := textfile.InvalidUTF8(b); i >= 0 {
		return HistoryPost{}, &LineError{Column: i + 1, Message: "is not valid UTF-8: save the file as UTF-8"}
	}
	if !json.Valid(b) {
		var se *json.SyntaxError
		if err := json.Unmarshal(b, new(any)); errors.As(err, &se) {
			return HistoryPost{}, &LineError{Column: max(1, int(se.Offset)), Message: "not valid JSON: " + se.Error()}
		}
		return HistoryPost{}, &LineError{Message: "not valid JSON"}
	}
	if bytes.TrimSpace(b)[0] != '{' {
		return HistoryPost{}, &LineError{Message: `not a JSON object: each line is one post, {"title": "...", "published": "2026-03-01", "reactions": 12}`}
	}
	var values [numHistoryFields]*string
	var rank [numHistoryFields]int
	var key [numHistoryFields]string
	var at [numHistoryFields]int
	given := map[string]string{} // normalized name: the key as written
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return HistoryPost{}, &LineError{Message: "not valid JSON: " + err.Error()}
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return HistoryPost{}, &LineError{Message: "not valid JSON: " + err.Error()}
		}
		k, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return HistoryPost{}, &LineError{Message: "not valid JSON: " + err.Error()}
		}
		col := int(dec.InputOffset()) - len(raw) + 1
		f, r := historyFieldOf(k)
		if f == hfNone {
			continue
		}
		n := historyName(k)
		if first, twice := given[n]; twice {
			msg := "given twice"
			if first != k {
				msg += " (as " + strconv.Quote(first) + " and " + strconv.Quote(k) + ")"
			}
			return HistoryPost{}, &LineError{Column: col, Field: k, Message: msg}
		}
		given[n] = k
		v, ok := jsonScalar(raw, f >= hfViews)
		if !ok {
			want := "a string"
			if f >= hfViews {
				want = "a number"
			}
			return HistoryPost{}, &LineError{Column: col, Field: k, Message: "must be " + want + " or null"}
		}
		// The preferred name of a field wins over its aliases, unless it
		// is null or blank: {"title": null, "subject": "S"} has a title.
		blank := v == nil || strings.TrimSpace(*v) == ""
		if !blank && (values[f] == nil || strings.TrimSpace(*values[f]) == "" || r < rank[f]) ||
			blank && key[f] == "" {
			key[f], rank[f], at[f] = k, r, col
			values[f] = v
		}
	}
	p, le := buildHistoryPost(values, rules)
	if le != nil && le.Column < 0 {
		le.Column = at[-le.Column]
	}
	return p, le
}

// jsonScalar reads a JSON string, a number (metrics) or null (nil).
func jsonScalar(raw json.RawMessage, number bool) (*string, bool) {
	t := bytes.TrimSpace(raw)
	switch {
	case bytes.Equal(t, []byte("null")):
		return nil, true
	case len(t) > 0 && t[0] == '"':
		var s string
		if json.Unmarshal(t, &s) != nil {
			return nil, false
		}
		return &s, true
	case number && len(t) > 0 && (t[0] == '-' || t[0] >= '0' && t[0] <= '9'):
		s := string(t)
		return &s, true
	}
	return nil, false
}

// buildHistoryPost checks one post's values (nil: the column or key is
// absent). A *LineError with a negative Column asks the caller for the
// column of that field (-field).
func buildHistoryPost(v [numHistoryFields]*string, rules HistoryRules) (HistoryPost, *LineError) {
	str := func(f historyField) string {
		if v[f] == nil {
			return ""
		}
		return strings.TrimSpace(*v[f])
	}
	fail := func(f historyField, msg string) (HistoryPost, *LineError) {
		return HistoryPost{}, &LineError{Column: -int(f), Field: fieldNames[f], Message: msg}
	}
	for f := hfTitle; f < numHistoryFields; f++ {
		if v[f] != nil && !utf8.ValidString(*v[f]) {
			return fail(f, "is not valid UTF-8: save the file as UTF-8")
		}
	}
	p := HistoryPost{Title: str(hfTitle), Body: str(hfBody)}
	switch {
	case p.Title == "" && p.Body == "":
		return fail(hfBody, "an empty post: give a title or a body")
	case rules.AnyLength:
	case utf8.RuneCountInString(p.Title) > MaxTitleLen:
		return fail(hfTitle, "is longer than "+strconv.Itoa(MaxTitleLen)+" characters")
	case utf8.RuneCountInString(p.Body) > MaxOfferBodyLen:
		return fail(hfBody, "is longer than "+strconv.Itoa(MaxOfferBodyLen)+" characters")
	}
	if n := str(hfNetwork); n != "" {
		id, ok := scoring.CanonicalNetwork(n)
		if !ok {
			return fail(hfNetwork, "unknown network "+quoteValue(n)+" (use "+strings.Join(scoring.NetworkIDs(), ", ")+", or leave it empty)")
		}
		p.Network = id
	}
	published, ok := ParsePublished(str(hfPublished))
	if !ok && !(rules.DateOptional && str(hfPublished) == "") {
		if str(hfPublished) == "" {
			return fail(hfPublished, "is missing: calibration orders posts by date")
		}
		return fail(hfPublished, "not a date: "+quoteValue(str(hfPublished))+" (use 2026-03-01 or 2026-03-01T09:30:00Z, from 1990 to 2100)")
	}
	p.Published = published
	metrics := [...]**float64{&p.Metrics.Views, &p.Metrics.Reactions, &p.Metrics.Comments, &p.Metrics.Shares, &p.Metrics.Clicks, &p.Metrics.Signups}
	given := false
	var engagement *float64
	for f := hfViews; f <= hfEngagement; f++ {
		s := str(f)
		if s == "" {
			continue
		}
		n, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			return fail(f, "not a number: "+quoteValue(s))
		}
		n += 0 // -0 is 0
		if n < 0 || n > MaxMetric {
			return fail(f, "must be from 0 to "+strconv.FormatFloat(MaxMetric, 'f', -1, 64))
		}
		if f == hfEngagement {
			engagement = &n
			continue
		}
		if n != math.Trunc(n) {
			// 1.234 is a thousands separator more often than a fraction
			// of a like: refuse it rather than count 1.234 likes.
			return fail(f, "not a whole number: "+quoteValue(s)+" (a count: write 1234, with no separator)")
		}
		*metrics[f-hfViews] = &n
		given = true
	}
	switch {
	case engagement != nil && (rules.EngagementAsGiven || !given):
		p.Engagement = *engagement
	case given:
		p.Engagement = p.Metrics.Engagement()
	default:
		return HistoryPost{}, &LineError{Message: "no engagement: give at least one of views, reactions, comments, shares, clicks, signups, or engagement"}
	}
	return p, nil
}

// publishedLayouts are the accepted forms of a published date; those
// without a zone are UTC.
var publishedLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05",
	"2006-01-02 15:04", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04 -0700", time.RubyDate, time.DateOnly}

// ParsePublished reads a published date in any of the accepted forms
// (RFC 3339, YYYY-MM-DD, and the forms exports use) from 1990 to 2100, and
// gives it as RFC 3339 in UTC: so that dates sort as strings.
func ParsePublished(s string) (string, bool) {
	for _, l := range publishedLayouts {
		if t, err := time.Parse(l, s); err == nil && t.Year() >= 1990 && t.Year() <= 2100 {
			return t.UTC().Format(time.RFC3339), true
		}
	}
	return "", false
}

// quoteValue echoes a value of a file in a message, cut to a readable length.
func quoteValue(s string) string {
	const max = 40
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strconv.Quote(s)
}
