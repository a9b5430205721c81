// Package textfile prepares a text file that a person exported from a
// spreadsheet or a social network (CSV or JSONL) for reading: the byte
// order marks, encodings and line endings those tools write, and the
// separator of a CSV file. The history and follower imports share it, so a
// file that one accepts the other reads the same way.
package textfile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrUTF16 is the error for a file in UTF-16 or UTF-32 (what Excel's
// "Unicode text" export writes): the imports read UTF-8 only.
var ErrUTF16 = errors.New(`the file is UTF-16 or UTF-32 (Excel's "Unicode text"), or not text: save it as UTF-8 ("CSV UTF-8")`)

// Prepare readies br, whose buffer should hold at least a line, for
// reading: it drops a UTF-8 byte order mark, refuses UTF-16 and UTF-32
// (ErrUTF16: their mark, or a NUL byte in the first buffer, which no text
// file has), and when the file ends its lines with a lone carriage return
// (the classic Mac OS "CSV (Macintosh)" export: lone \r, no \r\n, and no
// more \n than lone \r, which spreadsheets write for line breaks inside a
// cell) it returns a reader of the same size that reads each \r as \n.
// Otherwise it returns br itself. Nothing but the mark is consumed.
func Prepare(br *bufio.Reader) (*bufio.Reader, error) {
	head, err := br.Peek(br.Size())
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}),
		bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return nil, ErrUTF16
	case bytes.HasPrefix(head, []byte("\uFEFF")):
		br.Discard(3)
		head = head[3:]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, ErrUTF16
	}
	crlf := bytes.Count(head, []byte("\r\n"))
	lone, lf := bytes.Count(head, []byte{'\r'})-crlf, bytes.Count(head, []byte{'\n'})-crlf
	if lone > 0 && crlf == 0 && lone >= lf {
		return bufio.NewReaderSize(crReader{br}, br.Size()), nil
	}
	return br, nil
}

// crReader reads each \r of its source as \n.
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// SniffComma picks a CSV file's separator from its first line: a comma,
// unless the line has none outside quotes but has semicolons (spreadsheets
// in locales with a decimal comma) or tabs. It reads nothing.
func SniffComma(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	var comma, semi, tab int
	quoted := false
scan:
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted // a doubled quote toggles twice
		case quoted:
		case c == '\n' || c == '\r':
			break scan
		case c == ',':
			comma++
		case c == ';':
			semi++
		case c == '\t':
			tab++
		}
	}
	if comma > 0 {
		return ','
	}
	switch {
	case semi > 0 && semi >= tab:
		return ';'
	case tab > 0:
		return '\t'
	}
	return ','
}

// Blank reports whether every field of a CSV record is empty or spaces:
// a blank line, or a row a spreadsheet wrote for formatted empty cells.
func Blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// InvalidUTF8 is the offset of the first byte of b that is not UTF-8, or
// -1: the column to name in a message.
func InvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
