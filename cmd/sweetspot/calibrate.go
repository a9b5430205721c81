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

	"github.com/sweetspot/sweetspot/internal/calibration"
	"github.com/sweetspot/sweetspot/internal/domain"
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
                    keys that are none of the API's history names or aliases are
                    ignored. The API's history files (JSONL) work too: published for
                    created, and views, reactions, comments, shares, clicks, signups
                    in place of engagement (weighted as the API does). "-" reads
                    standard input; required
  --out path        write the calibrated audience here (the same audience with its
                    calibration block), for sweetspot score --audience; when the
                    calibration is not applied (too few posts, no gain) nothing is written

exit status: 0 calibrated (or not applied, as the report says), 1 bad input, 2 misuse.
`
}

// maxHistoryBytes caps the --history file: calibration reads every post
// three ways, and a history larger than this is not a community's own.
const maxHistoryBytes = 64 << 20

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
	// read them (internal/textfile), which looks at the first buffer: room
	// for a line of the longest kind.
	br, err := textfile.Prepare(bufio.NewReaderSize(io.LimitReader(r, maxHistoryBytes+1), maxJSONLLineBytes))
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
			p, le := parseHistoryLine(line)
			if le != nil {
				le.Line = n
				return nil, fmt.Errorf("history %s: %w", path, le)
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

// parseHistoryLine reads one --history line with the API's own reader
// (domain.ParseHistoryLine: the same names, aliases and checks, so one file
// works in both places), relaxed as a local calibration allows: dates are
// optional and the title and body have no length limit. An engagement key
// is used as given; without one, the metrics weighted as the API does.
func parseHistoryLine(line []byte) (calibration.Post, *domain.LineError) {
	p, le := domain.ParseHistoryLine(line, domain.HistoryRules{DateOptional: true, AnyLength: true, EngagementAsGiven: true})
	if le != nil {
		return calibration.Post{}, le
	}
	return calibration.Post{Title: p.Title, Body: p.Body, Network: p.Network, Engagement: p.Engagement, Created: p.Published}, nil
}
