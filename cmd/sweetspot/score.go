package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/textfile"
)

// Limits on what `sweetspot score` reads. Both are far above any real
// community profile or draft (a 10,000-word draft is about 60 KB) and exist
// so that a wrong file (a disk image piped in by mistake) fails fast with a
// clear message instead of filling memory.
const (
	// maxAudienceBytes caps the audience JSON file.
	maxAudienceBytes = 1 << 20 // 1 MiB
	// maxDraftBytes caps the draft read from stdin or --body-file.
	maxDraftBytes = 8 << 20 // 8 MiB
	// maxJSONLLineBytes caps one line of --jsonl input (one draft, JSON
	// escaped, without its line ending). A longer line is reported and
	// skipped; it is twice the body the engine analyses
	// (scoring.MaxBodyBytes), so JSON escaping never makes a draft the
	// engine could score too long to send.
	maxJSONLLineBytes = 1 << 20 // 1 MiB
)

// Exit codes of `sweetspot score` beyond run's 0/1/2.
const (
	// exitBelowMinScore is returned when --min-score is set and the
	// overall score is below it, so a CI pipeline can gate on it while
	// telling it apart from bad input (1) and misuse (2).
	exitBelowMinScore = 3
)

// Output formats of --format.
const (
	formatJSON = "json"
	formatText = "text"
)

// knownKinds returns the values --kind accepts (scoring.Content.Kind).
func knownKinds() []string {
	return []string{"checklist", "content", "coupon", "entertainment", "event", "expert", "news", "tool", "training"}
}

// scoreOptions is the parsed command line of `sweetspot score`.
type scoreOptions struct {
	audience string
	bodyFile string
	network  string
	title    string
	kind     string
	format   string
	minScore int
	jsonl    bool
}

// scoreUsage is the help text of `sweetspot score -h`.
func scoreUsage() string {
	return `usage: sweetspot score --audience community.json [flags] < draft.txt
       sweetspot score --audience community.json --jsonl [--min-score N] < drafts.jsonl

Scores a draft against a community profile and prints the result.

flags:
  --audience path   the community profile (JSON, the scoring contract's audience); required
  --body-file path  read the draft (--jsonl: the drafts) from this file instead of standard
                    input ("-" = stdin)
  --title text      the draft's title
  --network name    where it will be published: ` + strings.Join(scoring.NetworkIDs(), ", ") + ` (x = twitter)
  --kind name       the offer kind: ` + strings.Join(knownKinds(), ", ") + `
  --format name     json (default, indented, stable) or text (a readable table)
  --min-score N     exit with status 3 when the overall score is below N (0-100), for CI
  --jsonl           batch mode: read one draft per line as a JSON object
                    {"id": "...", "title", "body", "network", "kind"} (id required, the rest
                    optional strings; other keys ignored, each named once on stderr) and print one compact result per line, the line's id
                    first; a bad line prints {"id","line","error"} instead and the rest go on.
                    --title, --network, --kind and --format text do not apply (each line
                    carries its own); lines are capped at ` + strconv.Itoa(maxJSONLLineBytes>>20) + ` MiB

exit status: 0 scored, 1 bad input (file, JSON, audience, draft; with --jsonl: any bad
line, reported after all lines ran), 2 command-line misuse, 3 score below --min-score
(with --jsonl: any scored line below it, when no line was bad).
`
}

// runScore implements `sweetspot score`.
func runScore(ctx context.Context, e env, args []string) error {
	opts, err := parseScoreArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		_, err := io.WriteString(e.stdout, scoreUsage())
		return err
	}
	if err != nil {
		return err
	}

	audience, err := readAudience(opts.audience)
	if err != nil {
		return err
	}
	profile, err := scoring.Compile(audience)
	if err != nil {
		var ie *scoring.InputError
		if errors.As(err, &ie) {
			return fmt.Errorf("audience %s: invalid field %q: %s", opts.audience, ie.Field, ie.Message)
		}
		return fmt.Errorf("audience %s: %w", opts.audience, err)
	}

	if opts.jsonl {
		return scoreJSONL(ctx, e, profile, opts)
	}

	body, err := readDraft(ctx, e.stdin, opts.bodyFile)
	if err != nil {
		return err
	}

	result := profile.Score(scoring.Content{
		Title:   opts.title,
		Body:    body,
		Network: opts.network,
		Kind:    opts.kind,
	})

	switch opts.format {
	case formatText:
		err = writeText(e.stdout, audience, opts, result)
	default:
		err = writeJSON(e.stdout, result)
	}
	if err != nil {
		return fmt.Errorf("writing the result: %w", err)
	}

	if result.Truncated {
		fmt.Fprintf(e.stderr, "sweetspot score: note: the draft is longer than the engine analyses (%d KiB of body, %d bytes of title): only its beginning was scored\n",
			scoring.MaxBodyBytes>>10, scoring.MaxTitleBytes)
	}
	if opts.minScore > 0 && result.Score < opts.minScore {
		return exitError{
			code: exitBelowMinScore,
			msg:  fmt.Sprintf("score %d is below --min-score %d", result.Score, opts.minScore),
		}
	}
	return nil
}

// parseScoreArgs parses and validates the command line; every problem in it
// is a usageError (exit 2).
func parseScoreArgs(args []string) (scoreOptions, error) {
	var o scoreOptions
	fs := flag.NewFlagSet("score", flag.ContinueOnError)
	// The flag package would print its own message and usage; run prints
	// ours once instead.
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.audience, "audience", "", "")
	fs.StringVar(&o.bodyFile, "body-file", "", "")
	fs.StringVar(&o.network, "network", "", "")
	fs.StringVar(&o.title, "title", "", "")
	fs.StringVar(&o.kind, "kind", "", "")
	fs.StringVar(&o.format, "format", formatJSON, "")
	fs.IntVar(&o.minScore, "min-score", 0, "")
	fs.BoolVar(&o.jsonl, "jsonl", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, err
		}
		return o, usageError{err.Error() + " (see sweetspot score -h)"}
	}
	if fs.NArg() > 0 {
		return o, usageError{fmt.Sprintf("unexpected argument %q: the draft comes from standard input or --body-file (see sweetspot score -h)", fs.Arg(0))}
	}
	if o.audience == "" {
		return o, usageError{"missing --audience: the community profile (JSON) to score against (see sweetspot score -h)"}
	}
	if o.format != formatJSON && o.format != formatText {
		return o, usageError{fmt.Sprintf("unknown --format %q: use json or text", o.format)}
	}
	if o.jsonl {
		// In batch mode each line carries its own title, network and
		// kind; a flag that silently lost to (or overrode) them would
		// surprise, so it is refused. The output is always JSON lines.
		var clash []string
		fs.Visit(func(f *flag.Flag) {
			switch f.Name {
			case "title", "network", "kind":
				clash = append(clash, "--"+f.Name)
			case "format":
				if f.Value.String() != formatJSON {
					clash = append(clash, "--format "+f.Value.String())
				}
			}
		})
		if len(clash) > 0 {
			return o, usageError{fmt.Sprintf("%s cannot be used with --jsonl: each line carries its own title, network and kind, and the output is JSON lines (see sweetspot score -h)", strings.Join(clash, ", "))}
		}
	}
	if o.network != "" {
		// The engine owns the list of networks and their aliases ("x").
		id, ok := scoring.CanonicalNetwork(o.network)
		if !ok {
			return o, usageError{fmt.Sprintf("unknown --network %q: use one of %s", o.network, strings.Join(scoring.NetworkIDs(), ", "))}
		}
		o.network = id
	}
	o.kind = strings.ToLower(strings.TrimSpace(o.kind))
	if o.kind != "" && !slices.Contains(knownKinds(), o.kind) {
		return o, usageError{fmt.Sprintf("unknown --kind %q: use one of %s", o.kind, strings.Join(knownKinds(), ", "))}
	}
	if o.minScore < 0 || o.minScore > 100 {
		return o, usageError{fmt.Sprintf("--min-score %d is out of range: use 0 to 100", o.minScore)}
	}
	return o, nil
}

// readAudience reads and strictly decodes the audience file: unknown fields,
// wrong types, trailing data and syntax errors are reported with the field
// name or the line and column.
func readAudience(path string) (scoring.Audience, error) {
	var a scoring.Audience
	data, err := readLimited(path, maxAudienceBytes)
	if err != nil {
		return a, fmt.Errorf("audience: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return a, fmt.Errorf("audience %s: the file is empty: expected a JSON object such as {\"name\": ..., \"interests\": [...]}", path)
	}
	if trimmed := bytes.TrimSpace(data); trimmed[0] != '{' && json.Valid(trimmed) {
		// null would decode into an empty audience without complaint.
		return a, fmt.Errorf("audience %s: expected a JSON object such as {\"name\": ..., \"interests\": [...]}, got %s", path, jsonKind(trimmed[0]))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("audience %s: %s", path, describeJSONError(data, dec, err))
	}
	// Anything after the object is a mistake (two objects pasted, a stray
	// bracket): refuse it rather than score half a file.
	end := dec.InputOffset()
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		end += int64(len(data[end:]) - len(bytes.TrimLeft(data[end:], " \t\r\n")))
		line, col := lineCol(data, end)
		return a, fmt.Errorf("audience %s: line %d, column %d: unexpected data after the audience object", path, line, col)
	}
	return a, nil
}

// describeJSONError turns encoding/json's errors into a message naming the
// field or the position in the file.
func describeJSONError(data []byte, dec *json.Decoder, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		// Offset counts the offending byte itself: point at it.
		line, col := lineCol(data, syntax.Offset-1)
		return fmt.Sprintf("malformed JSON at line %d, column %d: %s", line, col, strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		field := pathAt(data, typ.Offset)
		if field == "" {
			field = typ.Field
		}
		return fmt.Sprintf("field %q at line %d, column %d: expected %s, got JSON %s", field, line, col, typeName(typ.Type.String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "malformed JSON: the file ends before the audience object is complete"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json has no typed error for this; its message is
		// `json: unknown field "x"` and the decoder stands just past it.
		line, col := lineCol(data, dec.InputOffset())
		return fmt.Sprintf("unknown field %s at line %d, column %d (fields: name, interests, generations, networks, traits, thresholds, disabled)",
			strings.TrimPrefix(err.Error(), "json: unknown field "), line, col)
	default:
		return strings.TrimPrefix(err.Error(), "json: ")
	}
}

// pathAt returns the JSON path ("interests[2].weight", "generations.genz")
// of the value that ends at byte offset in data, the spelling the scoring
// engine's InputError uses. encoding/json's own UnmarshalTypeError.Field
// drops list indexes and map keys, which leaves a user hunting for the
// entry. It returns "" when it cannot tell.
func pathAt(data []byte, offset int64) string {
	type level struct {
		array bool
		index int    // array: index of the next element
		key   string // object: the key whose value comes next
		onKey bool   // object: the next string token is a key
	}
	var stack []level
	path := func() string {
		var b strings.Builder
		for _, l := range stack {
			if l.array {
				fmt.Fprintf(&b, "[%d]", l.index)
			} else {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(l.key)
			}
		}
		return b.String()
	}
	// valueDone advances the enclosing level after a complete value.
	valueDone := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].onKey = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		// The value about to be read sits at the current path.
		here := path()
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		top := len(stack) - 1
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if top >= 0 && !stack[top].array && stack[top].onKey {
					return "" // malformed: a container where a key belongs
				}
				stack = append(stack, level{array: d == '[', onKey: true})
			case '}', ']':
				stack = stack[:top]
				if dec.InputOffset() >= offset {
					return here
				}
				valueDone()
			}
			continue
		}
		if top >= 0 && !stack[top].array && stack[top].onKey {
			stack[top].key, _ = tok.(string)
			stack[top].onKey = false
			continue
		}
		if dec.InputOffset() >= offset {
			return here
		}
		valueDone()
	}
}

// jsonKind names the kind of JSON value that starts with byte c.
func jsonKind(c byte) string {
	switch c {
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	default:
		return "a number"
	}
}

// typeName says a Go type the way a JSON author thinks of it.
func typeName(goType string) string {
	switch {
	case goType == "string":
		return "a string"
	case strings.HasPrefix(goType, "float"), strings.HasPrefix(goType, "int"):
		return "a number"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map["):
		return "an object"
	default:
		return "an object"
	}
}

// lineCol converts a byte offset into a 1-based line and column (columns
// count characters, not bytes).
func lineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	lastNL := bytes.LastIndexByte(before, '\n')
	col = utf8.RuneCount(before[lastNL+1:]) + 1
	return line, col
}

// readDraft reads the draft from --body-file, or from stdin when the flag is
// absent or "-".
func readDraft(ctx context.Context, stdin io.Reader, path string) (string, error) {
	var data []byte
	var err error
	source := "standard input"
	if path != "" && path != "-" {
		source = path
		data, err = readLimited(path, maxDraftBytes)
		if err != nil {
			return "", fmt.Errorf("draft: %w", err)
		}
	} else {
		// A terminal on stdin means the user forgot the redirect: waiting
		// for them to type would look like a hang.
		if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			return "", usageError{"no draft: redirect one on standard input (< draft.txt) or pass --body-file"}
		}
		data, err = readAll(ctx, io.LimitReader(stdin, maxDraftBytes+1))
		if err != nil {
			return "", fmt.Errorf("draft: reading standard input: %w", err)
		}
		if len(data) > maxDraftBytes {
			return "", fmt.Errorf("draft: standard input is larger than the %d MiB limit", maxDraftBytes>>20)
		}
	}
	if strings.TrimSpace(string(data)) == "" {
		return "", fmt.Errorf("draft: %s is empty: nothing to score", source)
	}
	return string(data), nil
}

// readAll reads r to the end unless ctx ends first: main cancels ctx on
// Ctrl-C and SIGTERM instead of dying, so a pipe that never closes must not
// keep the command waiting. (The abandoned read ends with the process.)
func readAll(ctx context.Context, r io.Reader) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(r)
		done <- result{data, err}
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case res := <-done:
		return res.data, res.err
	}
}

// readLimited reads a whole file, refusing one larger than limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("cannot read %s: it is a directory", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than the %d KiB limit", path, limit>>10)
	}
	return data, nil
}

// unwrapPathError drops the *fs.PathError wrapper, whose message would
// repeat the path we already print.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// jsonlDraft is one line of --jsonl input. Every field is a string; the
// line is decoded strictly (unknown fields and wrong types are errors).
type jsonlDraft struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Body    string `json:"body"`
	Network string `json:"network"`
	Kind    string `json:"kind"`
}

// jsonlError is the output line for an input line that could not be
// scored, so a pipeline reading stdout sees every line, in order. ID is ""
// when the line's id could not be read.
type jsonlError struct {
	ID    string `json:"id"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// inputLine is one line read from --jsonl input: its 1-based number and
// content without the line ending, or tooLong when it exceeded
// maxJSONLLineBytes (its content then dropped), or the read error that
// ended the input.
type inputLine struct {
	n       int
	data    []byte
	tooLong bool
	err     error
}

// scoreJSONL implements `sweetspot score --jsonl`: it scores one draft per
// input line and prints one result per line, holding at most a couple of
// lines in memory. Bad lines are reported (stderr and a JSON error line on
// stdout) without stopping the batch; the error returned at the end sets
// the exit status: 1 if any line was bad, else 3 if --min-score is set and
// any draft scored below it.
func scoreJSONL(ctx context.Context, e env, profile *scoring.Profile, opts scoreOptions) error {
	in := e.stdin
	source := "standard input"
	if opts.bodyFile != "" && opts.bodyFile != "-" {
		source = opts.bodyFile
		f, err := os.Open(opts.bodyFile)
		if err != nil {
			return fmt.Errorf("drafts: cannot read %s: %w", opts.bodyFile, unwrapPathError(err))
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return fmt.Errorf("drafts: cannot read %s: it is a directory", opts.bodyFile)
		}
		in = f
	} else if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return usageError{"no drafts: redirect JSON lines on standard input (< drafts.jsonl) or pass --body-file"}
	}

	// Lines are read in their own goroutine so that Ctrl-C (ctx) ends the
	// command even while a pipe stalls; the unbuffered channel keeps at
	// most one line waiting. (An abandoned read ends with the process.)
	lines := make(chan inputLine)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(lines)
		br := bufio.NewReaderSize(in, 64<<10)
		for n := 1; ; n++ {
			data, tooLong, err := readLine(br, maxJSONLLineBytes)
			if errors.Is(err, io.EOF) {
				return
			}
			select {
			case lines <- inputLine{n: n, data: data, tooLong: tooLong, err: err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()

	var drafts, bad, below, last int
	firstBelow := ""
	ignored := map[string]bool{}
	for {
		// Checked first: select picks at random when a line is also ready.
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("stopped after line %d: %w", last, err)
		}
		var l inputLine
		var ok bool
		select {
		case <-ctx.Done():
			return fmt.Errorf("stopped after line %d: %w", last, ctx.Err())
		case l, ok = <-lines:
		}
		if !ok {
			break
		}
		if l.err != nil {
			return fmt.Errorf("drafts: reading %s at line %d: %w", source, l.n, l.err)
		}
		last = l.n
		if l.n == 1 {
			l.data = bytes.TrimPrefix(l.data, []byte("\uFEFF")) // a byte order mark
			// UTF-16 (its mark, or the NUL bytes of its ASCII): say so once
			// rather than report every line as malformed JSON. (The input is
			// a stream, so textfile.Prepare, which peeks a whole buffer, is
			// not used here.)
			if bytes.HasPrefix(l.data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(l.data, []byte{0xFE, 0xFF}) || bytes.IndexByte(l.data, 0) >= 0 {
				return fmt.Errorf("drafts: %s: %w", source, textfile.ErrUTF16)
			}
		}
		if !l.tooLong && len(bytes.TrimSpace(l.data)) == 0 {
			continue
		}
		drafts++

		var d jsonlDraft
		var problem string
		if l.tooLong {
			problem = fmt.Sprintf("the line is longer than the %d MiB limit per draft: skipped", maxJSONLLineBytes>>20)
		} else {
			d, problem = parseJSONLDraft(l.data)
		}
		if problem != "" {
			bad++
			fmt.Fprintf(e.stderr, "sweetspot score: line %d: %s\n", l.n, problem)
			out, err := compactJSON(jsonlError{ID: d.ID, Line: l.n, Error: problem})
			if err == nil {
				_, err = e.stdout.Write(append(out, '\n'))
			}
			if err != nil {
				return fmt.Errorf("writing the result of line %d: %w", l.n, err)
			}
			continue
		}

		// Other keys are ignored, each named once: a typo ("tittle") is
		// seen, a data set's extra keys do not stop the run.
		for _, k := range unknownJSONLKeys(l.data) {
			if !ignored[k] {
				ignored[k] = true
				fmt.Fprintf(e.stderr, "sweetspot score: line %d: note: key %q ignored (keys: id, title, body, network, kind)\n", l.n, k)
			}
		}
		result := profile.Score(scoring.Content{Title: d.Title, Body: d.Body, Network: d.Network, Kind: d.Kind})
		if err := writeJSONLResult(e.stdout, d.ID, result); err != nil {
			return fmt.Errorf("writing the result of line %d: %w", l.n, err)
		}
		if result.Truncated {
			fmt.Fprintf(e.stderr, "sweetspot score: line %d: note: the draft is longer than the engine analyses (%d KiB of body, %d bytes of title): only its beginning was scored\n",
				l.n, scoring.MaxBodyBytes>>10, scoring.MaxTitleBytes)
		}
		if opts.minScore > 0 && result.Score < opts.minScore {
			below++
			if firstBelow == "" {
				firstBelow = fmt.Sprintf("line %d, id %q, score %d", l.n, d.ID, result.Score)
			}
		}
	}

	if bad > 0 {
		return fmt.Errorf("%d of %d %s could not be scored (see the line errors above)", bad, drafts, pluralLines(drafts))
	}
	if below > 0 {
		return exitError{
			code: exitBelowMinScore,
			msg:  fmt.Sprintf("%d of %d %s scored below --min-score %d (first: %s)", below, drafts, pluralLines(drafts), opts.minScore, firstBelow),
		}
	}
	return nil
}

// pluralLines says "line" or "lines" for n.
func pluralLines(n int) string {
	if n == 1 {
		return "line"
	}
	return "lines"
}

// readLine reads one line from br without its "\n" or "\r\n" ending,
// holding at most max bytes of it: a longer line is read to its end and
// dropped, and tooLong is set. The last line may lack a line ending. It
// returns io.EOF only when no bytes are left.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	read := 0
	for {
		frag, err := br.ReadSlice('\n')
		read += len(frag)
		if !tooLong {
			// +2 leaves room for the "\r\n" trimmed below.
			if len(line)+len(frag) > max+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && (!errors.Is(err, io.EOF) || read == 0) {
			return nil, false, err
		}
		break
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) > max {
		tooLong, line = true, nil
	}
	return line, tooLong, nil
}

// parseJSONLDraft decodes one --jsonl line and checks its fields.
// It returns the draft (its ID set whenever the line had a readable id,
// even when another field is wrong) or a problem to report; the network
// comes back canonical ("x" gives "twitter") and the kind lower case.
func parseJSONLDraft(line []byte) (jsonlDraft, string) {
	var d jsonlDraft
	if !json.Valid(line) {
		// Decode again to learn where: Valid only says whether.
		var v any
		err := json.Unmarshal(line, &v)
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			if syntax.Offset >= int64(len(line)) && strings.Contains(syntax.Error(), "unexpected end") {
				return d, fmt.Sprintf("malformed JSON at column %d: the line ends before the object is complete", utf8.RuneCount(line)+1)
			}
			_, col := lineCol(line, syntax.Offset-1)
			return d, fmt.Sprintf("malformed JSON at column %d: %s", col, strings.TrimPrefix(syntax.Error(), "json: "))
		}
		if err != nil {
			return d, "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")
		}
		return d, "malformed JSON"
	}
	if trimmed := bytes.TrimSpace(line); trimmed[0] != '{' {
		return d, fmt.Sprintf(`expected a JSON object such as {"id": "a1", "body": "..."}, got %s`, jsonKind(trimmed[0]))
	}
	// The line is valid JSON holding one object, so the only errors left
	// are wrong types; encoding/json still fills the other fields, the id
	// included. Other keys are ignored (as the API and calibrate ignore
	// them): lines of an export or a data set score as they are.
	if err := json.Unmarshal(line, &d); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return d, fmt.Sprintf("field %q: expected %s, got JSON %s", typ.Field, typeName(typ.Type.String()), typ.Value)
		}
		return d, strings.TrimPrefix(err.Error(), "json: ")
	}
	if d.ID == "" {
		return d, `missing "id": every line needs a non-empty string id to match its result`
	}
	if d.Network != "" {
		id, ok := scoring.CanonicalNetwork(d.Network)
		if !ok {
			return d, fmt.Sprintf("unknown network %q: use one of %s", d.Network, strings.Join(scoring.NetworkIDs(), ", "))
		}
		d.Network = id
	}
	d.Kind = strings.ToLower(strings.TrimSpace(d.Kind))
	if d.Kind != "" && !slices.Contains(knownKinds(), d.Kind) {
		return d, fmt.Sprintf("unknown kind %q: use one of %s", d.Kind, strings.Join(knownKinds(), ", "))
	}
	return d, ""
}

// unknownJSONLKeys lists the keys of a --jsonl line (a valid JSON object)
// that are none of jsonlDraft's, matched as encoding/json matches them
// (ignoring case).
func unknownJSONLKeys(line []byte) []string {
	var m map[string]json.RawMessage
	if json.Unmarshal(line, &m) != nil {
		return nil
	}
	var out []string
	for k := range m {
		if !slices.ContainsFunc([]string{"id", "title", "body", "network", "kind"}, func(f string) bool { return strings.EqualFold(f, k) }) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// writeJSONLResult prints one --jsonl result: the result's compact JSON
// with the line's id spliced in as the first field, as one line.
func writeJSONLResult(w io.Writer, id string, r scoring.Result) error {
	res, err := compactJSON(r)
	if err != nil {
		return err
	}
	qid, err := compactJSON(id)
	if err != nil {
		return err
	}
	// res is a non-empty object ({"score":...}), so a comma follows the id.
	line := make([]byte, 0, len(`{"id":,`)+len(qid)+len(res))
	line = append(line, `{"id":`...)
	line = append(line, qid...)
	line = append(line, ',')
	line = append(line, res[1:]...)
	line = append(line, '\n')
	_, err = w.Write(line)
	return err
}

// compactJSON marshals v on one line, without HTML escaping (as writeJSON).
func compactJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// writeJSON prints the result as indented JSON. The result holds only
// structs and slices (no maps), so the bytes are stable for a given input
// and model version; HTML escaping is off because this is for people and
// pipelines, not for embedding in a page.
func writeJSON(w io.Writer, r scoring.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// writeText prints the result as a table a writer can read in a terminal.
func writeText(w io.Writer, a scoring.Audience, o scoreOptions, r scoring.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Score %d/100 (%s)", r.Score, r.Rating)
	if a.Name != "" {
		fmt.Fprintf(&b, " for %q", clean(a.Name))
	}
	if o.network != "" {
		fmt.Fprintf(&b, " on %s", o.network)
	}
	fmt.Fprintf(&b, ", model %s\n", clean(r.Version))
	lang := "language: " + clean(r.Language.Code)
	if r.Language.Modelled {
		lang += " (modelled)"
	} else {
		lang += " (not modelled"
		if len(r.Language.NotApplied) > 0 {
			lang += "; not applied: " + clean(strings.Join(r.Language.NotApplied, ", "))
		}
		lang += ")"
	}
	b.WriteString(lang + "\n\n")

	if r.Empty {
		fmt.Fprintf(&b, "Nothing to score yet: write at least %d words.\n", scoring.MinWords)
		_, err := io.WriteString(w, b.String())
		return err
	}
	// Deal-breakers first: they are why the score is what it is.
	if len(r.Caps) > 0 {
		b.WriteString("Deal-breakers (the score is capped at " + strconv.Itoa(r.Caps[0].Cap) + "):\n")
		for _, c := range r.Caps {
			fmt.Fprintf(&b, "  ! %s\n", clean(c.Reason))
		}
		b.WriteString("\n")
	}

	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHECK\tSCORE\tRATING\tMESSAGE / SUGGESTION")
	for _, c := range r.Checks {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", clean(c.ID), c.Score, clean(c.Rating), clean(c.Message))
		if c.Suggestion != "" {
			fmt.Fprintf(tw, "\t\t\t-> %s\n", clean(c.Suggestion))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	if len(r.Generations) > 0 {
		b.WriteString("\nGenerations\n")
		tw = tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, g := range r.Generations {
			fmt.Fprintf(tw, "  %s\t%.0f%% of the community\tscore %d\t%s\n", clean(g.ID), g.Share*100, g.Score, clean(g.Rating))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Networks) > 0 {
		b.WriteString("\nNetworks\n")
		tw = tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, n := range r.Networks {
			line := fmt.Sprintf("  %s\t%s members (%.0f%%)\tscore %d\t%s", clean(n.ID), thousands(n.Members), n.Share*100, n.Score, clean(n.Rating))
			if n.Limit > 0 {
				line += "\tlimit " + thousands(n.Limit)
			} else {
				line += "\t"
			}
			if n.Target {
				line += "\t<- target"
			}
			fmt.Fprintln(tw, line)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if r.Truncated {
		b.WriteString("\nNote: the draft was longer than the engine analyses; only its beginning was scored.\n")
	}
	// Empty trailing cells leave spaces at the ends of lines: drop them.
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// thousands formats n with comma separators (4200 -> "4,200"), as the
// engine's messages do.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// clean makes engine text safe for a terminal: messages may quote the draft,
// and a draft may carry control characters or escape sequences, which must
// be shown as text, never interpreted by the terminal. Tabs and newlines
// would also break the table's columns.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		if unicode.IsControl(r) || r == utf8.RuneError {
			return '\uFFFD'
		}
		return r
	}, s)
}
