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
	"strings"

	"github.com/sweetspot/sweetspot/internal/calibration"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/textfile"
)

// calibrateUsage is the help text of `sweetspot calibrate -h`.
func calibrateUsage() string {
	return `usage: sweetspot calibrate --audience community.json --history posts.jsonl [--out calibrated.json]

Learns from a community's past posts and their engagement how the score relates to
outcomes there, validates it on the newest posts, and prints the report as JSON.

flags:
  --audience path   the community profile (JSON, the scoring contract's audience); required
  --history path    past posts, one JSON object per line: title, body, network,
                    engagement (a number >= 0), created (optional, e.g. 2026-03-01);
                    other keys are ignored. The API's history files work too:
                    published for created, and views, reactions, comments, shares,
                    clicks, signups in place of engagement (weighted as the API does).
                    "-" reads standard input; required
  --out path        write the calibrated audience here (the same audience with its
                    calibration block), for sweetspot score --audience; when the
                    calibration is not applied (too few posts, no gain) nothing is written

exit status: 0 calibrated (or not applied, as the report says), 1 bad input, 2 misuse.
`
}

// maxHistoryBytes caps the --history file: calibration reads every post
// three ways, and a history larger than this is not a community's own.
const maxHistoryBytes = 64 << 20

// historyLine is one line of --history: the CLI's own names, and the
// API's (domain.ReadHistory), so that one file works in both places.
// Other keys are ignored, as the API ignores them: a line of an export or
// of a data set carries ids and the like.
type historyLine struct {
	Title      string   `json:"title"`
	Body       string   `json:"body"`
	Network    string   `json:"network"`
	Engagement *float64 `json:"engagement"`
	Created    string   `json:"created"`
	Published  string   `json:"published"`
	domain.Metrics
}

// runCalibrate implements `sweetspot calibrate`.
func runCalibrate(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("calibrate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	audience := fs.String("audience", "", "")
	history := fs.String("history", "", "")
	out := fs.String("out", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			_, err := io.WriteString(e.stdout, calibrateUsage())
			return err
		}
		return usageError{err.Error()}
	}
	switch {
	case fs.NArg() > 0:
		return usageError{"unexpected argument " + fs.Arg(0)}
	case *audience == "":
		return usageError{"--audience is required"}
	case *history == "":
		return usageError{"--history is required"}
	}
	a, err := readAudience(*audience)
	if err != nil {
		return err
	}
	posts, err := readHistory(ctx, e.stdin, *history)
	if err != nil {
		return err
	}
	calibrated, rep, err := calibration.Fit(a, posts)
	if err != nil {
		return fmt.Errorf("calibrate: %w", err)
	}
	if rep.Applied && *out != "" {
		b, err := json.MarshalIndent(calibrated, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("--out: %w", unwrapPathError(err))
		}
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(append(b, '\n'))
	return err
}

// readHistory reads --history: one JSON object per line. Any bad line stops
// the command with its line and column (a calibration on part of a file the
// user meant whole would mislead); blank lines are skipped.
func readHistory(ctx context.Context, stdin io.Reader, path string) ([]calibration.Post, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("history: %w", unwrapPathError(err))
		}
		defer f.Close()
		r = f
	}
	// A byte order mark, UTF-16 and lone-CR line ends as the API's imports
	// read them (internal/textfile).
	br, err := textfile.Prepare(bufio.NewReader(io.LimitReader(r, maxHistoryBytes+1)))
	if err != nil {
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	var posts []calibration.Post
	read := 0
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line, tooLong, err := readLine(br, maxJSONLLineBytes)
		if errors.Is(err, io.EOF) && len(line) == 0 && !tooLong {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("history %s: %w", path, err)
		}
		if tooLong {
			return nil, fmt.Errorf("history %s: line %d is longer than %d MiB", path, n, maxJSONLLineBytes>>20)
		}
		if read += len(line) + 1; read > maxHistoryBytes {
			return nil, fmt.Errorf("history %s: larger than %d MiB", path, maxHistoryBytes>>20)
		}
		line = bytes.TrimPrefix(bytes.TrimRight(line, "\r"), []byte("\ufeff"))
		if len(bytes.TrimSpace(line)) > 0 {
			p, problem := parseHistoryLine(line)
			if problem != "" {
				return nil, fmt.Errorf("history %s: line %d: %s", path, n, problem)
			}
			posts = append(posts, p)
			if len(posts) > calibration.MaxPosts {
				return nil, fmt.Errorf("history %s: more than %d posts", path, calibration.MaxPosts)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	return posts, nil
}

func parseHistoryLine(line []byte) (calibration.Post, string) {
	var h historyLine
	if !json.Valid(line) {
		var v any
		err := json.Unmarshal(line, &v)
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			_, col := lineCol(line, max(syntax.Offset-1, 0))
			return calibration.Post{}, fmt.Sprintf("malformed JSON at column %d: %s", col, strings.TrimPrefix(syntax.Error(), "json: "))
		}
		return calibration.Post{}, "malformed JSON"
	}
	if trimmed := bytes.TrimSpace(line); trimmed[0] != '{' {
		return calibration.Post{}, fmt.Sprintf(`expected a JSON object such as {"title": "...", "engagement": 12}, got %s`, jsonKind(trimmed[0]))
	}
	if err := json.Unmarshal(line, &h); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return calibration.Post{}, fmt.Sprintf("field %q: expected %s, got JSON %s", typ.Field, typeName(typ.Type.String()), typ.Value)
		}
		return calibration.Post{}, strings.TrimPrefix(err.Error(), "json: ")
	}
	metrics := [...]struct {
		name string
		v    *float64
	}{{"engagement", h.Engagement}, {"views", h.Views}, {"reactions", h.Reactions}, {"comments", h.Comments},
		{"shares", h.Shares}, {"clicks", h.Clicks}, {"signups", h.Signups}}
	for _, m := range metrics {
		if m.v != nil && (*m.v < 0 || *m.v > domain.MaxMetric) {
			return calibration.Post{}, fmt.Sprintf("%q must be 0 or more (at most %g)", m.name, float64(domain.MaxMetric))
		}
	}
	engagement := h.Engagement
	if engagement == nil && h.Metrics != (domain.Metrics{}) {
		e := h.Metrics.Engagement() // the API's weighting of an API history file
		engagement = &e
	}
	switch {
	case engagement == nil:
		return calibration.Post{}, `missing "engagement": every post needs its engagement (a number >= 0), or the metrics views, reactions, comments, shares, clicks, signups`
	case strings.TrimSpace(h.Title+h.Body) == "":
		return calibration.Post{}, `empty post: give a "title" or a "body"`
	}
	created, key := h.Created, "created"
	if created == "" {
		created, key = h.Published, "published"
	}
	if created != "" {
		// In UTC RFC 3339, so that dates sort as strings whatever their
		// zone or precision (calibration orders the posts by them).
		utc, ok := domain.ParsePublished(strings.TrimSpace(created))
		if !ok {
			return calibration.Post{}, fmt.Sprintf(`%q %q: want a date (2026-03-01) or a time (2026-03-01T09:30:00Z), from 1990 to 2100`, key, created)
		}
		created = utc
	}
	if h.Network != "" {
		id, ok := scoring.CanonicalNetwork(h.Network)
		if !ok {
			return calibration.Post{}, fmt.Sprintf("unknown network %q: use one of %s", h.Network, strings.Join(scoring.NetworkIDs(), ", "))
		}
		h.Network = id
	}
	return calibration.Post{Title: h.Title, Body: h.Body, Network: h.Network, Engagement: *engagement, Created: created}, ""
}
