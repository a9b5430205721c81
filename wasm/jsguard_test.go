//go:build !js

package main

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestJSGuard runs safejs's jsguard analyzer over this package for
// GOOS=js: every JS call must go through safejs, whose calls turn JS
// exceptions into errors, never a raw syscall/js call that panics. A probe
// package with one raw call proves the analyzer really reports. (This file
// is the package's only native file, so it runs in `go test ./...`.)
//
// jsguard only inspects calls on identifiers (`v.Get`), not on call results
// (`js.Global().Get`), so the test also requires that no file of the
// package imports syscall/js at all.
func TestJSGuard(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		parsed, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			if imp.Path.Value == `"syscall/js"` {
				t.Errorf("%s imports syscall/js: use github.com/hack-pad/safejs", f)
			}
		}
	}

	bin := filepath.Join(t.TempDir(), "jsguard")
	build := exec.Command("go", "build", "-o", bin, "github.com/hack-pad/safejs/jsguard/cmd/jsguard")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building jsguard: %v\n%s", err, out)
	}
	jsEnv := append(os.Environ(), "GOOS=js", "GOARCH=wasm")

	probe := t.TempDir()
	for name, body := range map[string]string{
		"go.mod":  "module probe\n\ngo 1.26\n",
		"main.go": "//go:build js && wasm\n\npackage main\n\nimport \"syscall/js\"\n\nfunc main() {\n\tg := js.Global()\n\tg.Get(\"document\")\n}\n",
	} {
		if err := os.WriteFile(filepath.Join(probe, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, dir, pkg string
		clean          bool
	}{
		{"widget package is clean", ".", ".", true},
		{"raw syscall/js is reported", probe, "./...", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, tc.pkg)
			cmd.Dir, cmd.Env = tc.dir, jsEnv
			out, err := cmd.CombinedOutput()
			found := strings.Contains(string(out), "unsafe")
			if tc.clean && (err != nil || found) {
				t.Fatalf("jsguard: %v\n%s", err, out)
			}
			if !tc.clean && !found {
				t.Fatalf("jsguard missed a raw syscall/js call: %v\n%s", err, out)
			}
		})
	}
}
