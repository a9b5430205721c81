//go:build !js

// Command sizes prints the widget's size ledger (BENCHMARKS.md, "Editor
// widget"): what the Go runtime, syscall/js, safejs, the scoring engine and
// the widget glue each add to the wasm, in raw, gzip -9 and brotli q11 bytes,
// plus the code bytes per package and the engine's data files. It exits
// non-zero when the widget's wasm is over a size budget (package budget).
//
//	go run ./wasm/sizes        (run by `make bench-widget`)
//
// Variants are small programs built like the widget (GOOS=js, -trimpath,
// -ldflags='-s -w') under build/.sizes (the dot keeps them out of ./...);
// a difference between two variants is what the added packages cost.
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/sweetspot/sweetspot/wasm/budget"
)

const module = "github.com/sweetspot/sweetspot"

// variants are built in this order; each row is compared with its base.
var variants = []struct {
	name, base, note, src string
}{
	{"runtime", "", "Go runtime, empty main", "package main\n\nfunc main() {}\n"},
	{"syscalljs", "runtime", "+ syscall/js", "package main\n\nimport \"syscall/js\"\n\nfunc main() { g := js.Global(); g.Set(\"x\", 1) }\n"},
	{"safejs", "syscalljs", "+ safejs (third_party copy without fmt)", "package main\n\nimport \"github.com/hack-pad/safejs\"\n\nfunc main() { _ = safejs.Global().Set(\"x\", 1) }\n"},
	// The engine variant reads a package variable (not os.Args, which would
	// add the os package) so the linker keeps the whole Score path.
	{"engine", "runtime", "scoring engine alone (+ its stemmer, word lists)", "package main\n\nimport \"" + module + "/internal/scoring\"\n\nvar text = \"backup\"\n\nfunc main() {\n\tr, _ := scoring.Score(scoring.Content{Body: text}, scoring.Audience{Interests: []scoring.Interest{{Term: text}}})\n\tprintln(r.Score, r.Rating, len(r.Checks))\n}\n"},
	{"safejs+engine", "safejs", "safejs + engine (what the engine adds next to safejs)", "package main\n\nimport (\n\t\"github.com/hack-pad/safejs\"\n\t\"" + module + "/internal/scoring\"\n)\n\nvar text = \"backup\"\n\nfunc main() {\n\tr, _ := scoring.Score(scoring.Content{Body: text}, scoring.Audience{Interests: []scoring.Interest{{Term: text}}})\n\t_ = safejs.Global().Set(\"x\", r.Score)\n}\n"},
}

type size struct{ raw, gz, br int }

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "sizes:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := filepath.Join("build", ".sizes")
	sizes := map[string]size{}
	for _, v := range variants {
		pkg := filepath.Join(dir, v.name)
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			return err
		}
		src := "//go:build js && wasm\n\n" + v.src
		if err := os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644); err != nil {
			return err
		}
		s, err := build("./"+pkg, filepath.Join(dir, v.name+".wasm"), "-s -w")
		if err != nil {
			return err
		}
		sizes[v.name] = s
	}
	// One widget build per language, as `make wasm` builds them; the ledger
	// below details the first (English), the budgets apply to every one.
	langs, err := widgetLangs()
	if err != nil {
		return err
	}
	builds := map[string]size{}
	for _, l := range langs {
		s, err := build("./wasm", filepath.Join(dir, "widget-"+l+".wasm"), "-s -w", langTags(l))
		if err != nil {
			return err
		}
		builds[l] = s
	}
	widget := builds[langs[0]]
	sizes["widget"] = widget

	// KB are 1,000 bytes, as in the budgets and NOTES.md.
	kb := func(n int) string { return fmt.Sprintf("%.1f", float64(n)/1000) }
	fmt.Println("| build | raw KB | gzip KB | brotli KB | adds (brotli KB) |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: |")
	for _, v := range variants {
		s := sizes[v.name]
		add := "—"
		if v.base != "" {
			add = "+" + kb(s.br-sizes[v.base].br)
		}
		fmt.Printf("| %s | %s | %s | %s | %s |\n", v.note, kb(s.raw), kb(s.gz), kb(s.br), add)
	}
	fmt.Printf("| the widget, %s build (safejs + engine + wasm/ glue and panel) | %s | %s | %s | +%s |\n", langs[0], kb(widget.raw), kb(widget.gz), kb(widget.br), kb(widget.br-sizes["safejs+engine"].br))
	for _, l := range langs[1:] {
		w := builds[l]
		fmt.Printf("| the widget, %s build | %s | %s | %s | %+.1f against %s |\n", l, kb(w.raw), kb(w.gz), kb(w.br), float64(w.br-widget.br)/1000, langs[0])
	}

	// Code bytes per package, from the function names of an unstripped build.
	named := filepath.Join(dir, "widget-named.wasm")
	if _, err := build("./wasm", named, "-w", langTags(langs[0])); err != nil {
		return err
	}
	pkgs, data, err := codeByPackage(named)
	if err != nil {
		return err
	}
	fmt.Println()
	fmt.Println("| package (code of the widget wasm) | code KB |")
	fmt.Println("| --- | ---: |")
	type row struct {
		pkg string
		n   int
	}
	var rows []row
	other := 0
	for p, n := range pkgs {
		if n < 8*1024 {
			other += n
			continue
		}
		rows = append(rows, row{p, n})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].n > rows[j].n })
	for _, r := range rows {
		fmt.Printf("| %s | %s |\n", r.pkg, kb(r.n))
	}
	fmt.Printf("| (packages under 8 KB each) | %s |\n", kb(other))
	fmt.Printf("| data segments (strings, tables, type data, word lists) | %s |\n", kb(data))

	lists, err := filepath.Glob("internal/scoring/data/*.txt")
	if err != nil {
		return err
	}
	// Each language's lists ship as their generated table (English in
	// every build, plus the build's language).
	tables, err := filepath.Glob("internal/scoring/lexicon_table_*.go")
	if err != nil {
		return err
	}
	for _, t := range tables {
		if !strings.HasSuffix(t, "_test.go") {
			lists = append(lists, t)
		}
	}
	if len(lists) > 0 {
		fmt.Println()
		fmt.Println("| engine word list (compiled-in: detection list, per-language tables as Go source) | raw KB | gzip KB | brotli KB |")
		fmt.Println("| --- | ---: | ---: | ---: |")
		for _, f := range lists {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			s := measure(b)
			fmt.Printf("| %s | %s | %s | %s |\n", f, kb(s.raw), kb(s.gz), kb(s.br))
		}
	}

	// The budgets, for every language's build: the wasm built here is the
	// one `make wasm` publishes (same flags and tags), compressed the same way.
	fmt.Println()
	var over []string
	for _, l := range langs {
		w := builds[l]
		for _, c := range []struct {
			name          string
			value, budget int
		}{
			{"wasm " + l + " brotli", w.br, budget.WasmBrotliKB * 1000},
			{"wasm " + l + " gzip", w.gz, budget.WasmGzipKB * 1000},
		} {
			verdict := "within budget"
			if c.value > c.budget {
				verdict = "OVER BUDGET"
				over = append(over, c.name)
			}
			fmt.Printf("%-15s %7s KB  budget %4d KB  %s\n", c.name, kb(c.value), c.budget/1000, verdict)
		}
	}
	if len(over) > 0 {
		return errors.New("over the size budget: " + strings.Join(over, ", "))
	}
	return nil
}

// widgetLangs are the languages `make wasm` builds: $WIDGET_LANGS (set by
// make from mk/wasm.mk), else the WIDGET_LANGS line of mk/wasm.mk itself.
func widgetLangs() ([]string, error) {
	if env := strings.Fields(os.Getenv("WIDGET_LANGS")); len(env) > 0 {
		return env, nil
	}
	mk, err := os.ReadFile(filepath.Join("mk", "wasm.mk"))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(mk), "\n") {
		if rest, ok := strings.CutPrefix(line, "WIDGET_LANGS := "); ok && len(strings.Fields(rest)) > 0 {
			return strings.Fields(rest), nil
		}
	}
	return nil, errors.New("mk/wasm.mk: no WIDGET_LANGS line")
}

// langTags are the build tags of one language's widget build.
func langTags(lang string) string { return "widgetlang,widgetlang_" + lang }

// build compiles pkg for js/wasm like the widget (with tags, if any) and
// measures it.
func build(pkg, out, ldflags string, tags ...string) (size, error) {
	args := []string{"build", "-trimpath", "-ldflags=" + ldflags, "-o", out}
	if len(tags) > 0 {
		args = append(args, "-tags", strings.Join(tags, ","))
	}
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return size{}, fmt.Errorf("go build %s: %v\n%s", pkg, err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return size{}, err
	}
	return measure(b), nil
}

func measure(b []byte) size {
	var g, r bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	gw.Write(b)
	gw.Close()
	bw := brotli.NewWriterLevel(&r, brotli.BestCompression)
	bw.Write(b)
	bw.Close()
	return size{len(b), g.Len(), r.Len()}
}

// codeByPackage sums function body sizes per package using the wasm name
// section, and returns the size of the data section.
func codeByPackage(path string) (map[string]int, int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, 0, errors.New(path + ": not a wasm module")
	}
	r := &reader{b: b, i: 8}
	var imported int
	var bodies []int
	names := map[int]string{}
	data := 0
	for r.i < len(b) && r.err == nil {
		id := r.byte()
		n := r.uleb()
		end := r.i + n
		switch id {
		case 2: // imports: count the imported functions
			for c := r.uleb(); c > 0 && r.err == nil; c-- {
				r.skip(r.uleb())
				r.skip(r.uleb())
				switch r.byte() {
				case 0:
					imported++
					r.uleb()
				case 1:
					r.byte()
					r.limits()
				case 2:
					r.limits()
				case 3:
					r.byte()
					r.byte()
				}
			}
		case 10: // code: function bodies
			for c := r.uleb(); c > 0 && r.err == nil; c-- {
				sz := r.uleb()
				bodies = append(bodies, sz)
				r.skip(sz)
			}
		case 11:
			data = n
		case 0:
			if r.name() == "name" {
				for r.i < end && r.err == nil {
					sub := r.byte()
					subEnd := r.uleb() + r.i
					if sub == 1 {
						for c := r.uleb(); c > 0 && r.err == nil; c-- {
							idx := r.uleb()
							names[idx] = r.name()
						}
					}
					r.i = subEnd
				}
			}
		}
		r.i = end
	}
	if r.err != nil {
		return nil, 0, r.err
	}
	pkgs := map[string]int{}
	for i, sz := range bodies {
		pkgs[pkgOf(names[imported+i])] += sz
	}
	return pkgs, data, nil
}

// pkgOf returns the package of a function in the wasm name section, where
// the linker writes paths with '_' for '/' and '-'
// ("github.com_hack_pad_safejs.Value.Get"); ours get readable names.
func pkgOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	prefix, rest := "", sym
	for _, host := range []string{"github.com_", "golang.org_", "gopkg.in_"} {
		if strings.HasPrefix(rest, host) {
			prefix, rest = host, rest[len(host):]
		}
	}
	dot := strings.Index(rest, ".")
	if dot < 0 {
		return sym
	}
	pkg := prefix + rest[:dot]
	for mangled, name := range map[string]string{
		"github.com_hack_pad_safejs":                      "github.com/hack-pad/safejs (+ internal)",
		"github.com_sweetspot_sweetspot_internal_scoring": "internal/scoring (the engine)",
		"main":  "wasm/ (glue and panel)",
		"type_": "(compiler-generated type functions)",
	} {
		if pkg == mangled || strings.HasPrefix(pkg, mangled+"_") {
			return name
		}
	}
	return strings.ReplaceAll(pkg, "_", "/")
}

type reader struct {
	b   []byte
	i   int
	err error
}

func (r *reader) byte() byte {
	if r.i >= len(r.b) {
		r.err = errors.New("truncated wasm")
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *reader) uleb() int {
	n, shift := 0, 0
	for r.err == nil {
		c := r.byte()
		n |= int(c&0x7f) << shift
		if c < 0x80 {
			break
		}
		shift += 7
	}
	return n
}

func (r *reader) skip(n int) { r.i += n }

func (r *reader) name() string {
	n := r.uleb()
	if r.i+n > len(r.b) {
		r.err = errors.New("truncated wasm")
		return ""
	}
	s := string(r.b[r.i : r.i+n])
	r.i += n
	return s
}

func (r *reader) limits() {
	if r.byte() == 1 {
		r.uleb()
	}
	r.uleb()
}
