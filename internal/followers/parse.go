package followers

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/textfile"
)

// Formats accepted by Parse and NewReader (case is ignored; "ndjson" is
// taken as jsonl).
const (
	// FormatCSV is a header row, then one follower a row. The header names
	// the columns (case and spaces ignored): the bio is the first of bio,
	// description, about, summary; optional: network (or platform),
	// age_bracket (or age_range, age_group, age), birth_year (or
	// year_of_birth, birthyear, born). Other columns are ignored. Fields may
	// be quoted ("a, b" and "say ""hi"""), lines may end in CRLF or a lone
	// CR, a UTF-8 byte order mark is skipped (UTF-16 is refused with a
	// message), rows whose fields are all blank are skipped, and a header
	// with semicolons or tabs and no commas sets that separator.
	FormatCSV = "csv"
	// FormatJSONL is one JSON object a line: {"bio": "...", "network":
	// "linkedin", "age_bracket": "25-34", "birth_year": 1990}, the same
	// names and aliases as the CSV header; other keys are ignored, blank
	// lines skipped, birth_year may be a number or a string of digits.
	FormatJSONL = "jsonl"
)

// Limits on one file, enforced while reading with a *ParseError that wraps
// the matching Err sentinel, so the API can answer 413 for a file too
// large and 400 for the rest.
const (
	// MaxFollowers is the most followers one file may hold.
	MaxFollowers = 50_000
	// MaxBioBytes is the longest bio, in bytes of UTF-8 (after trimming
	// spaces). Networks cap bios far below it (X 160 characters, Instagram
	// 150, LinkedIn's headline 220 and about 2,600).
	MaxBioBytes = 2_000
	// MaxFileBytes is the largest file: 8 MiB, 50,000 bios of 160 bytes
	// with room to spare.
	MaxFileBytes = 8 << 20
	// MaxLineBytes is the longest JSONL line (a bio of MaxBioBytes written
	// as \u escapes, with other keys next to it).
	MaxLineBytes = 64 << 10
	// MaxValueBytes is the longest network, age bracket or birth year value.
	MaxValueBytes = 100
)

// Sentinels wrapped by a *ParseError when a limit is exceeded.
var (
	ErrFileTooLarge     = errors.New("file larger than " + strconv.Itoa(MaxFileBytes>>20) + " MiB")
	ErrTooManyFollowers = errors.New("more than " + strconv.Itoa(MaxFollowers) + " followers")
	ErrBioTooLong       = errors.New("bio longer than " + strconv.Itoa(MaxBioBytes) + " bytes")
	ErrLineTooLong      = errors.New("line longer than " + strconv.Itoa(MaxLineBytes>>10) + " KiB")
)

// ParseError is a bad file: where, which field, and what to do about it.
// Its message is safe to show to the person who uploaded the file and
// never quotes a bio.
type ParseError struct {
	// Line is the 1-based line of the file.
	Line int
	// Column is the 1-based column in bytes (a character in ASCII text,
	// as encoding/csv counts), or 0 when the error is about the line.
	Column int
	// Field is the column header (CSV) or key (JSONL) at fault, or empty.
	Field string
	// Message says what is wrong.
	Message string
	// Err is ErrFileTooLarge, ErrTooManyFollowers, ErrBioTooLong,
	// ErrLineTooLong or nil.
	Err error
}

func (e *ParseError) Error() string {
	s := "line " + strconv.Itoa(e.Line)
	if e.Column > 0 {
		s += ", column " + strconv.Itoa(e.Column)
	}
	s += ": "
	if e.Field != "" {
		s += e.Field + ": "
	}
	return s + e.Message
}

func (e *ParseError) Unwrap() error { return e.Err }

// Parse reads a whole export (format FormatCSV or FormatJSONL). A bad file
// gives a *ParseError naming the line and column; an unknown format or a
// failing reader gives a plain error. To analyse a file without holding
// every bio, use AnalyseReader (or NewReader) instead.
func Parse(r io.Reader, format string) ([]Follower, error) {
	fr, err := NewReader(r, format)
	if err != nil {
		return nil, err
	}
	var out []Follower
	for {
		f, err := fr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
}

// Reader reads followers one at a time from an export, holding one record
// (CSV) or one line (JSONL) at a time.
type Reader struct {
	format string
	src    *limitReader
	br     *bufio.Reader
	n      int   // followers returned
	err    error // sticky: once failed, always failed

	// CSV
	cr   *csv.Reader
	cols columns

	// JSONL
	line int // lines read
}

// NewReader returns a Reader for format FormatCSV or FormatJSONL.
func NewReader(r io.Reader, format string) (*Reader, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case FormatCSV:
		format = FormatCSV
	case FormatJSONL, "ndjson":
		format = FormatJSONL
	default:
		return nil, errors.New("followers: unknown format " + strconv.Quote(format) + " (use " + FormatCSV + " or " + FormatJSONL + ")")
	}
	src := &limitReader{r: r}
	return &Reader{format: format, src: src, br: bufio.NewReaderSize(src, MaxLineBytes)}, nil
}

// Next returns the next follower, io.EOF after the last one, or an error
// (a *ParseError for a bad file) after which every call fails the same way.
func (r *Reader) Next() (Follower, error) {
	if r.err != nil {
		return Follower{}, r.err
	}
	var f Follower
	var err error
	line := 0
	if r.format == FormatCSV {
		f, line, err = r.nextCSV()
	} else {
		f, err = r.nextJSONL()
		line = r.line
	}
	if err == nil && r.n == MaxFollowers {
		err = &ParseError{Line: line, Message: "a file may hold at most " + strconv.Itoa(MaxFollowers) + " followers: split it", Err: ErrTooManyFollowers}
	}
	if err != nil {
		r.err = err
		return Follower{}, err
	}
	r.n++
	return f, nil
}

// prepare readies the file (textfile.Prepare): a UTF-8 byte order mark
// dropped, UTF-16 refused, lone carriage returns read as line ends.
func (r *Reader) prepare() error {
	br, err := textfile.Prepare(r.br)
	switch {
	case errors.Is(err, textfile.ErrUTF16):
		return &ParseError{Line: 1, Message: err.Error()}
	case err != nil:
		return r.readErr(err)
	}
	r.br = br
	return nil
}

// readErr turns an error of the underlying reader into the error to
// return: a *ParseError for a file over MaxFileBytes.
func (r *Reader) readErr(err error) error {
	if errors.Is(err, ErrFileTooLarge) {
		return &ParseError{Line: r.src.lineAtLimit(), Message: "a file may be at most " + strconv.Itoa(MaxFileBytes>>20) + " MiB: split it", Err: ErrFileTooLarge}
	}
	return err
}

// limitReader passes at most MaxFileBytes bytes through, then fails with
// ErrFileTooLarge, and counts the lines before the limit so the error can
// name the line it fell on.
type limitReader struct {
	r       io.Reader
	n       int64 // bytes passed on
	newline int   // '\n' among them
	over    bool
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.over {
		return 0, ErrFileTooLarge
	}
	if room := MaxFileBytes + 1 - l.n; int64(len(p)) > room {
		p = p[:room]
	}
	k, err := l.r.Read(p)
	if l.n+int64(k) > MaxFileBytes {
		k = int(MaxFileBytes - l.n)
		l.over, err = true, ErrFileTooLarge
	}
	l.n += int64(k)
	l.newline += bytes.Count(p[:k], []byte{'\n'})
	return k, err
}

// lineAtLimit is the line the first byte past MaxFileBytes is on.
func (l *limitReader) lineAtLimit() int { return l.newline + 1 }

// role is what a column (or JSON key) holds.
type role int

const (
	roleNone role = iota
	roleBio
	roleNetwork
	roleAge
	roleBirthYear
	numRoles
)

// roleNames lists the accepted names of each role, preferred first: a file
// with both "bio" and "description" gives the bio from "bio".
var roleNames = [numRoles][]string{
	roleBio:       {"bio", "description", "about", "summary"},
	roleNetwork:   {"network", "platform"},
	roleAge:       {"age_bracket", "age_range", "age_group", "age"},
	roleBirthYear: {"birth_year", "year_of_birth", "birthyear", "born"},
}

// nameSeparators makes "Age bracket" and "age-bracket" read age_bracket.
var nameSeparators = strings.NewReplacer(" ", "_", "-", "_")

// roleOf returns the role of a header or key and its rank among the role's
// names (0 is preferred).
func roleOf(name string) (role, int) {
	n := nameSeparators.Replace(strings.ToLower(strings.TrimSpace(name)))
	for ro, names := range roleNames {
		for rank, x := range names {
			if n == x {
				return role(ro), rank
			}
		}
	}
	return roleNone, 0
}

// columns maps each role to its CSV column (-1 when absent).
type columns struct {
	idx  [numRoles]int
	name [numRoles]string
	n    int // fields per record
}

func (r *Reader) nextCSV() (Follower, int, error) {
	if r.cr == nil {
		if err := r.startCSV(); err != nil {
			return Follower{}, 1, err
		}
	}
	var rec []string
	for {
		var err error
		rec, err = r.cr.Read()
		if err == io.EOF {
			return Follower{}, 0, io.EOF
		}
		if err != nil {
			return Follower{}, 0, r.csvErr(err)
		}
		// A blank line, or a row a spreadsheet wrote for formatted empty
		// cells, is no follower.
		if !textfile.Blank(rec) {
			break
		}
	}
	line, _ := r.cr.FieldPos(0)
	if len(rec) != r.cols.n {
		return Follower{}, line, &ParseError{Line: line, Message: strconv.Itoa(len(rec)) + " fields where the header has " + strconv.Itoa(r.cols.n) + " (quote a field that holds the separator)"}
	}
	var f Follower
	for ro := roleBio; ro < numRoles; ro++ {
		i := r.cols.idx[ro]
		if i < 0 {
			continue
		}
		l, c := r.cr.FieldPos(i)
		if msg, cause := setField(&f, ro, rec[i], true); msg != "" {
			return Follower{}, line, &ParseError{Line: l, Column: c, Field: r.cols.name[ro], Message: msg, Err: cause}
		}
	}
	return f, line, nil
}

// startCSV reads the header row and finds the columns.
func (r *Reader) startCSV() error {
	if err := r.prepare(); err != nil {
		return err
	}
	cr := csv.NewReader(r.br)
	cr.Comma = textfile.SniffComma(r.br)
	cr.FieldsPerRecord = -1 // counted in nextCSV, which skips blank rows
	cr.ReuseRecord = true
	r.cr = cr
	head, err := cr.Read()
	if err == io.EOF {
		return &ParseError{Line: 1, Message: "the file is empty: the first row must name the columns, one of them bio, description, about or summary"}
	}
	if err != nil {
		return r.csvErr(err)
	}
	r.cols.n = len(head)
	rank := [numRoles]int{}
	for ro := range r.cols.idx {
		r.cols.idx[ro] = -1
	}
	for i, h := range head {
		if !utf8.ValidString(h) {
			_, c := cr.FieldPos(i)
			return &ParseError{Line: 1, Column: c, Message: "the header is not valid UTF-8: save the file as UTF-8"}
		}
		ro, k := roleOf(h)
		if ro == roleNone || r.cols.idx[ro] >= 0 && rank[ro] <= k {
			continue
		}
		r.cols.idx[ro], r.cols.name[ro], rank[ro] = i, strings.TrimSpace(h), k
	}
	if r.cols.idx[roleBio] < 0 {
		return &ParseError{Line: 1, Message: "no bio column: the first row must name one bio, description, about or summary"}
	}
	return nil
}

// csvErr turns an error of encoding/csv into a *ParseError with a message
// a person can act on.
func (r *Reader) csvErr(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return r.readErr(err)
	}
	e := &ParseError{Line: pe.Line, Column: pe.Column, Message: pe.Err.Error()}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		e.Message = `a " inside an unquoted field: quote the whole field and double the quote ("say ""hi""")`
	case errors.Is(pe.Err, csv.ErrQuote):
		e.Message = `a quoted field is not closed, or a " inside it is not doubled`
	}
	return e
}

func (r *Reader) nextJSONL() (Follower, error) {
	if r.line == 0 {
		if err := r.prepare(); err != nil {
			return Follower{}, err
		}
	}
	for {
		b, err := r.br.ReadSlice('\n')
		if len(b) == 0 && err == io.EOF {
			return Follower{}, io.EOF
		}
		r.line++
		switch {
		case err == bufio.ErrBufferFull:
			return Follower{}, &ParseError{Line: r.line, Message: "a line may be at most " + strconv.Itoa(MaxLineBytes>>10) + " KiB (a bio at most " + strconv.Itoa(MaxBioBytes) + " bytes)", Err: ErrLineTooLong}
		case err != nil && err != io.EOF:
			return Follower{}, r.readErr(err)
		}
		b = bytes.TrimRight(b, "\r\n")
		if len(bytes.TrimSpace(b)) > 0 {
			if i := textfile.InvalidUTF8(b); i >= 0 {
				return Follower{}, &ParseError{Line: r.line, Column: i + 1, Message: "not valid UTF-8: save the file as UTF-8"}
			}
			f, empty, perr := parseJSONLine(b, r.line)
			if perr != nil || !empty {
				return f, perr
			}
			// {} or only nulls and empty strings: no follower, as a row of
			// blank cells in a CSV file.
		}
		if err == io.EOF {
			return Follower{}, io.EOF
		}
	}
}

// parseJSONLine reads one JSONL line: an object whose known keys fill a
// Follower. Columns are byte offsets into the line, 1-based. empty reports
// an object with nothing in it: no key, or only nulls and blank strings.
func parseJSONLine(b []byte, line int) (f Follower, empty bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	bad := func(err error) error {
		// The streaming decoder's offsets are not the line's: ask Unmarshal,
		// whose SyntaxError.Offset is the 1-based column of the bad byte.
		var se *json.SyntaxError
		if errors.As(json.Unmarshal(b, new(any)), &se) && se.Offset < int64(len(b)) {
			return &ParseError{Line: line, Column: max(1, int(se.Offset)), Message: "not valid JSON: " + se.Error()}
		}
		if errors.As(err, &se) && err != io.ErrUnexpectedEOF && se.Offset < int64(len(b)) {
			return &ParseError{Line: line, Column: max(1, int(se.Offset)), Message: "not valid JSON: " + se.Error()}
		}
		return &ParseError{Line: line, Column: len(b) + 1, Message: "the line ends inside a JSON value"}
	}
	tok, err := dec.Token()
	if err != nil {
		return Follower{}, false, bad(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return Follower{}, false, &ParseError{Line: line, Column: skipSpace(b, 0) + 1, Message: `each line must be one JSON object, such as {"bio": "..."}`}
	}
	empty = true
	var seen [numRoles]bool
	rank := [numRoles]int{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return Follower{}, false, bad(err)
		}
		key, _ := kt.(string)
		col := valueStart(b, int(dec.InputOffset())) + 1
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return Follower{}, false, bad(err)
		}
		if t := bytes.TrimSpace(raw); !bytes.Equal(t, []byte("null")) && !blankJSONString(t) {
			empty = false
		}
		ro, k := roleOf(key)
		if ro == roleNone {
			continue
		}
		if seen[ro] && rank[ro] == k {
			return Follower{}, false, &ParseError{Line: line, Column: col, Field: key, Message: "given twice"}
		}
		if seen[ro] && rank[ro] < k {
			continue
		}
		s, msg := jsonValue(raw, ro)
		if msg == "" {
			var cause error
			if msg, cause = setField(&f, ro, s, false); msg != "" {
				return Follower{}, false, &ParseError{Line: line, Column: col, Field: key, Message: msg, Err: cause}
			}
		} else {
			return Follower{}, false, &ParseError{Line: line, Column: col, Field: key, Message: msg}
		}
		seen[ro], rank[ro] = true, k
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return Follower{}, false, bad(err)
	}
	if off := skipSpace(b, int(dec.InputOffset())); off < len(b) {
		return Follower{}, false, &ParseError{Line: line, Column: off + 1, Message: "more than one JSON value on the line: one object a line"}
	}
	return f, empty, nil
}

// blankJSONString reports whether raw is a JSON string of only spaces.
func blankJSONString(raw []byte) bool {
	var s string
	return len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil && strings.TrimSpace(s) == ""
}

// jsonValue turns a raw JSON value into the text setField reads: a string,
// or for a birth year also an integer; null is the empty text.
func jsonValue(raw json.RawMessage, ro role) (string, string) {
	switch raw[0] {
	case 'n':
		return "", ""
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", "not a valid JSON string"
		}
		return s, ""
	}
	if ro == roleBirthYear || ro == roleAge {
		if n, err := strconv.Atoi(string(raw)); err == nil {
			return strconv.Itoa(n), ""
		}
	}
	switch ro {
	case roleBirthYear:
		return "", "must be a year such as 1990"
	case roleAge:
		return "", `must be an age bracket such as "25-34" or an age`
	}
	return "", "must be a string"
}

// skipSpace returns the offset of the first byte at or after i that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// valueStart returns the offset of the value after a key that ends at i
// (past the ':' and white space).
func valueStart(b []byte, i int) int {
	i = skipSpace(b, i)
	if i < len(b) && b[i] == ':' {
		i++
	}
	return skipSpace(b, i)
}

// setField validates a value and stores it in f. It returns a message (and
// a limit sentinel) when the value is bad; the message never quotes a bio.
// csv says the value comes from a CSV file (any bytes) rather than from
// JSON (always valid UTF-8, invalid bytes already replaced).
func setField(f *Follower, ro role, v string, csv bool) (string, error) {
	v = strings.TrimSpace(v)
	if csv && !utf8.ValidString(v) {
		return "not valid UTF-8: save the file as UTF-8", nil
	}
	if ro == roleBio {
		if len(v) > MaxBioBytes {
			return "a bio may be at most " + strconv.Itoa(MaxBioBytes) + " bytes, this one has " + strconv.Itoa(len(v)), ErrBioTooLong
		}
		if csv {
			// A CSV field shares its memory with the whole record (other
			// columns included): keep only the bio.
			v = strings.Clone(v)
		}
		f.Bio = v
		return "", nil
	}
	if v == "" {
		return "", nil
	}
	if len(v) > MaxValueBytes {
		return "longer than " + strconv.Itoa(MaxValueBytes) + " bytes", nil
	}
	switch ro {
	case roleNetwork:
		f.Network = normalNetwork(v)
	case roleAge:
		b, ok := ParseAgeBracket(v)
		if !ok {
			return "not an age bracket: " + strconv.Quote(v) + " (use 25-34, 65+ or an age such as 30, from 1 to " + strconv.Itoa(MaxAge) + ")", nil
		}
		f.Age = b
	case roleBirthYear:
		y, err := strconv.Atoi(v)
		if err != nil || len(v) != 4 || y < MinBirthYear || y > MaxBirthYear {
			return "not a birth year: " + strconv.Quote(v) + " (use four digits, " + strconv.Itoa(MinBirthYear) + " to " + strconv.Itoa(MaxBirthYear) + ")", nil
		}
		f.BirthYear = y
	}
	return "", nil
}

// normalNetwork returns the network id of a name ("X" gives "twitter"),
// NetworkOther for a network the engine does not know, "" for none.
func normalNetwork(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if id, ok := scoring.CanonicalNetwork(name); ok {
		return id
	}
	return NetworkOther
}

// ParseAgeBracket reads an age bracket as exports and surveys write it:
// "25-34" (also with an en or em dash, or "25 to 34"), "65+", or one age
// "30". Ages run from 1 to MaxAge.
func ParseAgeBracket(s string) (AgeBracket, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	num := func(t string) (int, bool) {
		t = strings.TrimSpace(t)
		n, err := strconv.Atoi(t)
		return n, err == nil && t != "" && t[0] != '+' && t[0] != '-'
	}
	var b AgeBracket
	if t, ok := strings.CutSuffix(s, "+"); ok {
		n, ok := num(t)
		b = AgeBracket{Min: n, Open: true}
		return b, ok && b.valid()
	}
	for _, sep := range []string{"-", "–", "—", " to "} {
		if lo, hi, ok := strings.Cut(s, sep); ok {
			x, ok1 := num(lo)
			y, ok2 := num(hi)
			b = AgeBracket{Min: x, Max: y}
			return b, ok1 && ok2 && b.valid()
		}
	}
	n, ok := num(s)
	b = AgeBracket{Min: n, Max: n}
	return b, ok && b.valid()
}
