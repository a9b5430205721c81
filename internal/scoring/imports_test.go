package scoring

import (
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportsStayLight keeps the package fit for the widget's WebAssembly:
// non-test files may import only these packages (no encoding/json, regexp,
// fmt, reflect, sort or I/O; every kilobyte ships to the browser). Not even
// embed: it links io/fs and time (the word lists are generated constants).
func TestImportsStayLight(t *testing.T) {
	allowed := map[string]bool{
		"math": true, "strconv": true, "strings": true, "sync": true,
		"unicode": true, "unicode/utf8": true,
		"github.com/blevesearch/snowballstem":         true,
		"github.com/blevesearch/snowballstem/english": true,
		// One Snowball stemmer per modelled language (lang_<code>.go).
		"github.com/blevesearch/snowballstem/dutch":      true,
		"github.com/blevesearch/snowballstem/french":     true,
		"github.com/blevesearch/snowballstem/german":     true,
		"github.com/blevesearch/snowballstem/italian":    true,
		"github.com/blevesearch/snowballstem/portuguese": true,
		"github.com/blevesearch/snowballstem/spanish":    true,
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !allowed[path] {
				t.Errorf("%s imports %s", f, path)
			}
		}
	}
}
