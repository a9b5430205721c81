package textfile

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestPrepare(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		err            error
	}{
		{name: "plain", in: "a,b\n1,2\n", want: "a,b\n1,2\n"},
		{name: "UTF-8 mark dropped", in: "\uFEFFa,b\r\n1,2\r\n", want: "a,b\r\n1,2\r\n"},
		{name: "lone CR lines", in: "a,b\r1,2\r3,4", want: "a,b\n1,2\n3,4"},
		{name: "mark and lone CR", in: "\uFEFFa\rb\r", want: "a\nb\n"},
		{name: "CRLF kept", in: "a\r\nb\r\n", want: "a\r\nb\r\n"},
		{name: "CR inside a line of an LF file kept", in: "a\rb\nc\n", want: "a\rb\nc\n"},
		{name: "UTF-16 LE", in: "\xFF\xFEa\x00,\x00", err: ErrUTF16},
		{name: "UTF-16 BE", in: "\xFE\xFF\x00a", err: ErrUTF16},
		{name: "UTF-32 BE", in: "\x00\x00\xFE\xFF", err: ErrUTF16},
		{name: "empty", in: "", want: ""},
		{name: "only a mark", in: "\uFEFF", want: ""},
		{name: "lone CR lines with a line feed in a cell", in: "a,b\r\"x\ny\",2\r3,4\r", want: "a,b\n\"x\ny\",2\n3,4\n"},
		{name: "UTF-16 without its mark", in: "a\x00,\x00b\x00", err: ErrUTF16},
		{name: "UTF-16 behind a UTF-8 mark", in: "\uFEFF\xFF\xFEa\x00", err: ErrUTF16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			br, err := Prepare(bufio.NewReaderSize(strings.NewReader(tc.in), 16))
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			got, err := io.ReadAll(br)
			if err != nil || string(got) != tc.want {
				t.Errorf("read %q (%v), want %q", got, err, tc.want)
			}
		})
	}
}

func TestSniffComma(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want rune
	}{
		{"title,published\n", ','},
		{"title;published;reactions\nA;2024;1\n", ';'},
		{"title\tpublished\n", '\t'},
		{"title;a\tb\tc\n", '\t'},
		{"title\n", ','},
		{"title,x;y\n", ','},                           // a comma wins: semicolons may be text
		{"a;b", ';'},                                   // no newline
		{"\"Title, main\";published;reactions\n", ';'}, // a comma inside quotes is text
		{"\"say \"\"a,b\"\"\";c\n", ';'},
		{"a;b\rc,d\r", ';'}, // lone-CR lines: the first line ends at the CR
	} {
		if got := SniffComma(bufio.NewReader(strings.NewReader(tc.in))); got != tc.want {
			t.Errorf("SniffComma(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBlank(t *testing.T) {
	for _, tc := range []struct {
		rec  []string
		want bool
	}{
		{[]string{""}, true},
		{[]string{"  ", "\t", ""}, true},
		{[]string{"", "x"}, false},
		{nil, true},
	} {
		if got := Blank(tc.rec); got != tc.want {
			t.Errorf("Blank(%q) = %v, want %v", tc.rec, got, tc.want)
		}
	}
}
