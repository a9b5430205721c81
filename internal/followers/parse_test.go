package followers

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseCSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Follower
	}{
		{"bio only", "bio\nSysadmin\nDad\n", []Follower{{Bio: "Sysadmin"}, {Bio: "Dad"}}},
		{"quoted commas and quotes", "bio,network\n\"Dad, runner, \"\"coffee\"\" snob\",linkedin\n",
			[]Follower{{Bio: `Dad, runner, "coffee" snob`, Network: "linkedin"}}},
		{"CRLF, and a quoted bio over two lines", "bio,network\r\n\"Line one\r\nline two\",x\r\nSecond,\r\n",
			[]Follower{{Bio: "Line one\nline two", Network: "twitter"}, {Bio: "Second"}}},
		{"byte order mark", "\uFEFFbio\nHello\n", []Follower{{Bio: "Hello"}}},
		{"header names: case, spaces, aliases, extra columns ignored",
			"Name, Description ,Platform,Age Group,Year-of-Birth,Location\nAda,Engineer,LinkedIn,25-34,,London\nBob,Nurse,Myspace,,1961,Leeds\n",
			[]Follower{{Bio: "Engineer", Network: "linkedin", Age: AgeBracket{Min: 25, Max: 34}}, {Bio: "Nurse", Network: NetworkOther, BirthYear: 1961}}},
		{"bio preferred over description, whichever comes first", "description,bio\nsecond choice,first choice\n",
			[]Follower{{Bio: "first choice"}}},
		{"age brackets", "bio,age\na,18-24\nb,65+\nc,35–44\nd,30\ne, 45 to 54 \n",
			[]Follower{{Bio: "a", Age: AgeBracket{Min: 18, Max: 24}}, {Bio: "b", Age: AgeBracket{Min: 65, Open: true}},
				{Bio: "c", Age: AgeBracket{Min: 35, Max: 44}}, {Bio: "d", Age: AgeBracket{Min: 30, Max: 30}}, {Bio: "e", Age: AgeBracket{Min: 45, Max: 54}}}},
		{"empty bio is a follower without one", "bio,network\n,bluesky\n", []Follower{{Network: "bluesky"}}},
		{"semicolons", "bio;network\nDad, runner;facebook\n", []Follower{{Bio: "Dad, runner", Network: "facebook"}}},
		{"tabs", "bio\tnetwork\nDad, runner\tfacebook\n", []Follower{{Bio: "Dad, runner", Network: "facebook"}}},
		{"header only", "bio,network\n", nil},
		{"no final newline, spaces trimmed", "bio\n  Trimmed  ", []Follower{{Bio: "Trimmed"}}},
		{"blank lines skipped", "bio\n\nA\n\nB\n", []Follower{{Bio: "A"}, {Bio: "B"}}},
		{"lines of spaces skipped", "bio,network\nbackups,x\n   \n", []Follower{{Bio: "backups", Network: "twitter"}}},
		{"a spreadsheet's empty rows skipped", "bio,network\nbackups,x\n,\n , \n,\n", []Follower{{Bio: "backups", Network: "twitter"}}},
		{"lone CR line ends (CSV for Macintosh)", "bio,network,age\rI do backups,x,30\rHello,x,40\r",
			[]Follower{{Bio: "I do backups", Network: "twitter", Age: AgeBracket{Min: 30, Max: 30}}, {Bio: "Hello", Network: "twitter", Age: AgeBracket{Min: 40, Max: 40}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in), "CSV")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseJSONL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Follower
	}{
		{"all fields", `{"bio": "Sysadmin, dad", "network": "X", "age_bracket": "25-34", "birth_year": 1990}` + "\n",
			[]Follower{{Bio: "Sysadmin, dad", Network: "twitter", Age: AgeBracket{Min: 25, Max: 34}, BirthYear: 1990}}},
		{"aliases, any case, unknown keys ignored (nested too)", `{"Name": "Ada", "Description": "Engineer", "tags": {"a": [1, {"b": null}]}, "Platform": "mastodon", "born": "1961", "age": 30}` + "\n",
			[]Follower{{Bio: "Engineer", Network: "mastodon", Age: AgeBracket{Min: 30, Max: 30}, BirthYear: 1961}}},
		{"nothing in the object is no follower (a blank row)", `{"bio": null, "network": null, "age_bracket": null, "birth_year": null}` + "\n" + `{}` + "\n" + `{"bio": "  ", "handle": ""}` + "\n",
			nil},
		{"a follower without a bio", `{"handle": "@ada", "bio": null}` + "\n", []Follower{{}}},
		{"escapes", `{"bio": "caf\u00e9 \"owner\"\nand baker"}`, []Follower{{Bio: "café \"owner\"\nand baker"}}},
		{"blank lines, CRLF, BOM, no final newline", "\uFEFF{\"bio\": \"a\"}\r\n\r\n   \n{\"bio\": \"b\"}", []Follower{{Bio: "a"}, {Bio: "b"}}},
		{"bio preferred over about", `{"about": "second", "bio": "first", "summary": "third"}`, []Follower{{Bio: "first"}}},
		{"empty file", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in), "jsonl")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	long := strings.Repeat("é", MaxBioBytes/2) + "x" // MaxBioBytes+1 bytes
	tests := []struct {
		name, format, in string
		line, column     int
		field            string
		msg              string // a part of the message
		sentinel         error
	}{
		{"csv: empty file", "csv", "", 1, 0, "", "the file is empty", nil},
		{"csv: UTF-16", "csv", "\xFF\xFEb\x00i\x00o\x00\n\x00", 1, 0, "", "UTF-16", nil},
		{"jsonl: UTF-16", "jsonl", "\xFF\xFE{\x00}\x00", 1, 0, "", "UTF-16", nil},
		{"jsonl: not UTF-8", "jsonl", "{\"bio\": \"ok\"}\n{\"bio\": \"caf\xe9\"}\n", 2, 13, "", "not valid UTF-8", nil},
		{"csv: no bio column", "csv", "name,network\nAda,x\n", 1, 0, "", "no bio column", nil},
		{"csv: bare quote", "csv", "bio,network\nsay \"hi\",x\n", 2, 5, "", `a " inside an unquoted field`, nil},
		{"csv: unclosed quote", "csv", "bio,network\nok,x\n\"never closed,x\n", 3, 17, "", "a quoted field is not closed", nil},
		{"csv: quote not doubled", "csv", "bio\n\"say \"hi\" now\"\n", 2, 6, "", "not doubled", nil},
		{"csv: wrong number of fields", "csv", "bio,network\nok,x\nDad, runner,x\n", 3, 0, "", "3 fields where the header has 2", nil},
		{"csv: bad age bracket", "csv", "bio,Age Bracket\nok,18-24\nok,34-25\n", 3, 4, "Age Bracket", `not an age bracket: "34-25"`, nil},
		{"csv: age out of range", "csv", "bio,age\nok,150\n", 2, 4, "age", "from 1 to 120", nil},
		{"csv: bad birth year", "csv", "network,bio,birth_year\nx,ok,1990\nx,ok,19x5\n", 3, 6, "birth_year", `not a birth year: "19x5"`, nil},
		{"csv: birth year out of range", "csv", "bio,birth_year\nok,1850\n", 2, 4, "birth_year", "1900 to 2099", nil},
		{"csv: bio too long", "csv", "network,bio\nx,ok\nx,\"" + long + "\"\n", 3, 3, "bio", "a bio may be at most 2000 bytes, this one has 2001", ErrBioTooLong},
		{"csv: invalid UTF-8", "csv", "bio,network\nok,x\ncaf\xe9,x\n", 3, 1, "bio", "not valid UTF-8", nil},
		{"csv: value too long", "csv", "bio,network\nok," + strings.Repeat("x", MaxValueBytes+1) + "\n", 2, 4, "network", "longer than 100 bytes", nil},

		{"jsonl: invalid JSON", "jsonl", `{"bio": "ok"}` + "\n" + `{"bio": oops}`, 2, 9, "", "not valid JSON: invalid character 'o'", nil},
		{"jsonl: not an object", "jsonl", `{"bio": "ok"}` + "\n\n" + `  ["bio", "ok"]`, 3, 3, "", "each line must be one JSON object", nil},
		{"jsonl: line ends inside a value", "jsonl", `{"bio": "ok"`, 1, 13, "", "the line ends inside a JSON value", nil},
		{"jsonl: bio not a string", "jsonl", `{"bio": 42}`, 1, 9, "bio", "must be a string", nil},
		{"jsonl: birth year not a year", "jsonl", `{"bio": "ok", "birth_year": 1990.5}`, 1, 29, "birth_year", "must be a year such as 1990", nil},
		{"jsonl: birth year out of range", "jsonl", `{"bio": "ok", "birth_year":"2150"}`, 1, 28, "birth_year", "not a birth year", nil},
		{"jsonl: bad age bracket", "jsonl", `{"age_bracket": "young", "bio": "ok"}`, 1, 17, "age_bracket", `not an age bracket: "young"`, nil},
		{"jsonl: age bracket not a string", "jsonl", `{"age_bracket": true}`, 1, 17, "age_bracket", "must be an age bracket", nil},
		{"jsonl: a key twice", "jsonl", `{"bio": "a", "Bio": "b"}`, 1, 21, "Bio", "given twice", nil},
		{"jsonl: two values on a line", "jsonl", `{"bio": "a"} {"bio": "b"}`, 1, 14, "", "more than one JSON value", nil},
		{"jsonl: bio too long", "jsonl", `{"bio": "` + long + `"}`, 1, 9, "bio", "at most 2000 bytes", ErrBioTooLong},
		{"jsonl: line too long", "jsonl", `{"bio": "ok"}` + "\n" + `{"notes": "` + strings.Repeat("x", MaxLineBytes) + `"}`, 2, 0, "", "a line may be at most 64 KiB", ErrLineTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in), tt.format)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if pe.Line != tt.line || pe.Column != tt.column || pe.Field != tt.field || !strings.Contains(pe.Message, tt.msg) {
				t.Errorf("got line %d, column %d, field %q, %q; want line %d, column %d, field %q, %q",
					pe.Line, pe.Column, pe.Field, pe.Message, tt.line, tt.column, tt.field, tt.msg)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("%v does not wrap %v", err, tt.sentinel)
			}
			prefix := "line " + strconv.Itoa(tt.line)
			if tt.column > 0 {
				prefix += ", column " + strconv.Itoa(tt.column)
			}
			if !strings.HasPrefix(err.Error(), prefix+": ") {
				t.Errorf("%q does not start with %q", err, prefix)
			}
			if strings.Contains(err.Error(), "éé") {
				t.Errorf("the message quotes the bio: %.80q", err)
			}
		})
	}
}

func TestParseUnknownFormat(t *testing.T) {
	_, err := Parse(strings.NewReader("bio\nx\n"), "xlsx")
	var pe *ParseError
	if err == nil || errors.As(err, &pe) || !strings.Contains(err.Error(), `unknown format "xlsx"`) {
		t.Errorf("got %v, want an unknown format error", err)
	}
}

func TestParseLimits(t *testing.T) {
	rows := func(format string, n int) string {
		var b strings.Builder
		if format == FormatCSV {
			b.WriteString("bio\n")
		}
		for i := range n {
			if format == FormatCSV {
				b.WriteString("bio " + strconv.Itoa(i) + "\n")
			} else {
				b.WriteString(`{"bio": "bio ` + strconv.Itoa(i) + `"}` + "\n")
			}
		}
		return b.String()
	}
	for _, format := range []string{FormatCSV, FormatJSONL} {
		t.Run(format+": followers", func(t *testing.T) {
			got, err := Parse(strings.NewReader(rows(format, MaxFollowers)), format)
			if err != nil || len(got) != MaxFollowers {
				t.Fatalf("MaxFollowers: got %d, %v", len(got), err)
			}
			_, err = Parse(strings.NewReader(rows(format, MaxFollowers+1)), format)
			var pe *ParseError
			wantLine := MaxFollowers + 1
			if format == FormatCSV {
				wantLine++ // the header
			}
			if !errors.As(err, &pe) || !errors.Is(err, ErrTooManyFollowers) || pe.Line != wantLine {
				t.Errorf("MaxFollowers+1: got %v, want line %d wrapping ErrTooManyFollowers", err, wantLine)
			}
		})
		t.Run(format+": bio bytes", func(t *testing.T) {
			bio := strings.Repeat("a", MaxBioBytes)
			in := "bio\n" + bio + "\n"
			if format == FormatJSONL {
				in = `{"bio": "` + bio + `"}`
			}
			got, err := Parse(strings.NewReader(in), format)
			if err != nil || len(got) != 1 || got[0].Bio != bio {
				t.Errorf("a bio of MaxBioBytes: %v", err)
			}
		})
		t.Run(format+": file bytes", func(t *testing.T) {
			// Rows of 1,000 bytes (a notes column that is read and dropped).
			row := func(i int) string {
				if format == FormatCSV {
					return "bio " + strconv.Itoa(i) + "," + strings.Repeat("n", 990) + "\n"
				}
				return `{"bio": "bio ` + strconv.Itoa(i) + `", "notes": "` + strings.Repeat("n", 970) + `"}` + "\n"
			}
			var b bytes.Buffer
			if format == FormatCSV {
				b.WriteString("bio,notes\n")
			}
			for i := 0; b.Len() < MaxFileBytes+10_000; i++ {
				b.WriteString(row(i))
			}
			data := b.Bytes()
			// Exactly MaxFileBytes is fine (cut at the last full row).
			cut := bytes.LastIndexByte(data[:MaxFileBytes-2100], '\n') + 1
			last := []byte(row(0))
			pad := MaxFileBytes - cut - len(last)
			last = bytes.Replace(last, []byte("n"), bytes.Repeat([]byte("n"), pad+1), 1)
			ok := append(data[:cut:cut], last...)
			if len(ok) != MaxFileBytes {
				t.Fatalf("built %d bytes", len(ok))
			}
			if _, err := Parse(bytes.NewReader(ok), format); err != nil {
				t.Fatalf("a file of MaxFileBytes: %v", err)
			}
			_, err := Parse(bytes.NewReader(data), format)
			var pe *ParseError
			wantLine := bytes.Count(data[:MaxFileBytes], []byte{'\n'}) + 1
			if !errors.As(err, &pe) || !errors.Is(err, ErrFileTooLarge) || pe.Line != wantLine {
				t.Errorf("got %v, want line %d wrapping ErrFileTooLarge", err, wantLine)
			}
		})
	}
}

// endless yields rows for ever and counts the bytes it gave.
type endless struct {
	row  []byte
	buf  []byte
	read int
}

func (e *endless) Read(p []byte) (int, error) {
	if len(e.buf) == 0 {
		e.buf = e.row
	}
	n := copy(p, e.buf)
	e.buf = e.buf[n:]
	e.read += n
	return n, nil
}

func TestReaderStreams(t *testing.T) {
	for _, tt := range []struct{ format, head, row string }{
		{FormatCSV, "bio\n", "Sysadmin and dad\n"},
		{FormatJSONL, "", `{"bio": "Sysadmin and dad"}` + "\n"},
	} {
		format, row := tt.format, tt.row
		src := &endless{row: []byte(row)}
		r, err := NewReader(io.MultiReader(strings.NewReader(tt.head), src), format)
		if err != nil {
			t.Fatal(err)
		}
		for range 10_000 {
			f, err := r.Next()
			if err != nil || f.Bio != "Sysadmin and dad" {
				t.Fatalf("%s: %+v, %v", format, f, err)
			}
		}
		// 10,000 rows are ~200–300 KB; the reader is one buffer ahead.
		if max := 10_000*len(row) + 2*MaxLineBytes; src.read > max {
			t.Errorf("%s: read %d bytes for 10,000 rows, want at most %d", format, src.read, max)
		}
	}
}

func TestParseAgeBracket(t *testing.T) {
	tests := []struct {
		in   string
		want AgeBracket
		ok   bool
	}{
		{"18-24", AgeBracket{Min: 18, Max: 24}, true},
		{" 25 - 34 ", AgeBracket{Min: 25, Max: 34}, true},
		{"35–44", AgeBracket{Min: 35, Max: 44}, true},
		{"45—54", AgeBracket{Min: 45, Max: 54}, true},
		{"55 to 64", AgeBracket{Min: 55, Max: 64}, true},
		{"65+", AgeBracket{Min: 65, Open: true}, true},
		{"30", AgeBracket{Min: 30, Max: 30}, true},
		{"1", AgeBracket{Min: 1, Max: 1}, true},
		{"120", AgeBracket{Min: 120, Max: 120}, true},
		{"0", AgeBracket{}, false},
		{"121", AgeBracket{}, false},
		{"34-25", AgeBracket{}, false},
		{"-5", AgeBracket{}, false},
		{"+5", AgeBracket{}, false},
		{"18-", AgeBracket{}, false},
		{"under 18", AgeBracket{}, false},
		{"", AgeBracket{}, false},
		{"1e2", AgeBracket{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseAgeBracket(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("ParseAgeBracket(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok {
			if back, _ := ParseAgeBracket(got.String()); back != got {
				t.Errorf("%q: String() %q does not parse back", tt.in, got.String())
			}
		}
	}
}
