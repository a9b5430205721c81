// Command sweetspot is Sweetspot's command line: serve the API and site
// locally, score a draft from a terminal or CI, and admin chores.
//
//	sweetspot serve                 the API, site and widget on 127.0.0.1:8080
//	sweetspot score --audience a.json < draft.txt
//	sweetspot help
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// env is what a subcommand may touch: no globals, so tests run commands
// in-process with their own streams and environment.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands lists the subcommands; each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"admin":     {"operator chores: create a workspace and its first admin key, keys, demo seed", runAdmin},
		"calibrate": {"learn from a community's past posts how the score relates to engagement there", runCalibrate},
		"score":     {"score a draft against an audience (JSON) and print the result", runScore},
		"serve":     {"serve the HTTP API, the site and the widget locally", runServe},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, env{os.Stdin, os.Stdout, os.Stderr, os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and returns the process exit code:
// 0 success, 1 failure, 2 usage error, or an exitError's code.
func run(ctx context.Context, e env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "sweetspot: unknown command %q\n", args[0])
		usage(e.stderr, cmds)
		return 2
	}
	if err := c.run(ctx, e, args[1:]); err != nil {
		fmt.Fprintf(e.stderr, "sweetspot %s: %v\n", args[0], err)
		if _, ok := err.(usageError); ok {
			return 2
		}
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	return 0
}

// usageError marks an error in the command line itself (exit code 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// exitError ends a command with a specific exit code above 2, for outcomes
// a script must tell apart from failure (score's --min-score gate: 3).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: sweetspot <command> [flags]")
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
}
