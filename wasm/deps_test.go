//go:build !js

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWidgetStaysLight keeps reflection-heavy and I/O packages out of the
// widget's WebAssembly: each of these costs tens of KB of the 700 KB brotli
// budget (third_party/README.md has the measurements). A dependency that
// starts importing one of them fails here, naming it, before the size
// benchmark would.
func TestWidgetStaysLight(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["github.com/hack-pad/safejs"] || !deps["github.com/sweetspot/sweetspot/internal/scoring"] {
		t.Fatalf("go list did not list the widget's dependencies:\n%s", out)
	}
	// time and io/fs come with embed (36 KB brotli), sort with sort.Slice
	// (6 KB): BENCHMARKS.md, "Editor widget".
	for _, heavy := range []string{"fmt", "reflect", "log", "os", "encoding/json", "regexp", "net/http", "time", "io/fs", "sort"} {
		if deps[heavy] {
			t.Errorf("the widget's wasm imports %s (find the importer with `GOOS=js GOARCH=wasm go list -deps -f '{{.ImportPath}}: {{.Imports}}' ./wasm`)", heavy)
		}
	}
}
