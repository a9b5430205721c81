//go:build !js

package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishLanguages: one hashed file per input, the manifest lists every
// language build, files a previous manifest listed and this one does not
// are removed, and the stamped loader has its names and no comments.
func TestPublishLanguages(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	loader := write("widget.js", "/* embedding notes\n * more */\n(function () {\n  // a comment\n  var names = /*MANIFEST*/null; // kept\n  var url = 'http://x//y';\n})();\n")
	old := write("sweetspot.wasm", "\x00asm old")
	if err := run(out, "", []string{old}, io.Discard); err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, l := range []string{"en", "es", "fr"} {
		inputs = append(inputs, write("sweetspot-"+l+".wasm", "\x00asm same program"))
	}
	if err := run(out, loader, inputs, io.Discard); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if len(m) != 3 || !strings.HasPrefix(m["sweetspot-es.wasm"], "sweetspot-es.") {
		t.Errorf("manifest %v", m)
	}
	files, _ := filepath.Glob(filepath.Join(out, "sweetspot.*"))
	if len(files) != 0 {
		t.Errorf("dropped build still published: %v", files)
	}
	for plain, name := range m {
		for _, suffix := range []string{"", ".br", ".gz"} {
			hashed, err := os.ReadFile(filepath.Join(out, name+suffix))
			if err != nil {
				t.Error(err)
			}
			// Each build is also under its plain name (what a page preloads),
			// with the same bytes.
			same, err := os.ReadFile(filepath.Join(out, plain+suffix))
			if err != nil || string(same) != string(hashed) {
				t.Errorf("%s%s: not the same as %s%s (%v)", plain, suffix, name, suffix, err)
			}
		}
	}
	// A new release replaces the plain-name copy.
	if err := run(out, "", []string{write("sweetspot-en.wasm", "\x00asm next release")}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "sweetspot-en.wasm")); string(b) != "\x00asm next release" {
		t.Errorf("plain name after a release: %q", b)
	}
	js, err := os.ReadFile(filepath.Join(out, "widget.js"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(js)
	if strings.Contains(got, "embedding notes") || strings.Contains(got, "a comment") || !strings.Contains(got, "'http://x//y'") ||
		!strings.Contains(got, `"sweetspot-fr.wasm":"`+m["sweetspot-fr.wasm"]+`"`) {
		t.Errorf("stamped loader:\n%s", got)
	}
}
