//go:build !js

// Command publish prepares the built widget files for serving: it copies
// each file under a content-hashed name (so it can be cached for a year),
// writes brotli (.br) and gzip (.gz) siblings for the static handler to
// serve by Accept-Encoding, writes manifest.json (plain name -> hashed
// name) and removes stale hashed copies. With -loader it also writes
// widget.js, the loader stamped with those names (replacing the
// `/*MANIFEST*/null` marker) so it fetches the wasm without first asking
// for the manifest: one round trip less before the first score. The
// stamped loader loses its comments (see stripComments).
//
//	go run ./wasm/publish -o build/widget -loader site/widget.js build/wasm/sweetspot.wasm build/wasm/wasm_exec.js
//
// Compression is done in Go with github.com/andybalholm/brotli (a port of
// Google's reference encoder, same output quality at level 11) so that
// `make build` needs nothing beyond Go: no apt package, no root.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// HashLen is how many hex digits of the SHA-256 go into a file name: 12
// digits (48 bits) make an accidental collision between releases negligible.
const HashLen = 12

func main() {
	out := flag.String("o", "build/widget", "output folder")
	loader := flag.String("loader", "", "loader script to stamp with the hashed names (optional)")
	flag.Parse()
	if err := run(*out, *loader, flag.Args(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "publish:", err)
		os.Exit(1)
	}
}

// ManifestMarker is the placeholder in the loader replaced by the manifest.
const ManifestMarker = "/*MANIFEST*/null"

func run(outDir, loader string, inputs []string, log io.Writer) error {
	if len(inputs) == 0 {
		return fmt.Errorf("no input files")
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	manifest := map[string]string{}
	// Identical inputs (the language builds are the same program until the
	// engine's language tags select different word lists) are compressed once.
	type encoded struct{ br, gz []byte }
	done := map[[32]byte]encoded{}
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		base := filepath.Base(in)
		ext := filepath.Ext(base)
		stem := strings.TrimSuffix(base, ext)
		name := stem + "." + hex.EncodeToString(sum[:])[:HashLen] + ext
		manifest[base] = name
		if err := removeStale(outDir, stem, ext, name); err != nil {
			return err
		}
		target := filepath.Join(outDir, name)
		// A wasm build is also published under its plain name (the current
		// release, revalidated on each use), the URL a page can preload: the
		// loader fetches the preloaded URL rather than the hashed one, so the
		// download starts with the page instead of after the loader.
		var alias string
		if ext == ".wasm" {
			alias = filepath.Join(outDir, base)
		}
		published := func(p string) bool { _, err := os.Stat(p + ".br"); return err == nil }
		if published(target) && (alias == "" || published(alias) && sameFile(alias, data)) {
			fmt.Fprintf(log, "%-32s unchanged\n", name)
			continue // same content, same name: already published
		}
		enc, ok := done[sum]
		if !ok {
			if enc.br, enc.gz, err = compress(data); err != nil {
				return fmt.Errorf("%s: %w", in, err)
			}
			done[sum] = enc
		}
		br, gz := enc.br, enc.gz
		type file struct {
			path string
			data []byte
		}
		// The file checked for "already published" goes last, so that an
		// interrupted publish is redone: .br for the hashed name, the body
		// for the plain name (sameFile).
		files := []file{{target, data}, {target + ".gz", gz}, {target + ".br", br}}
		if alias != "" {
			files = append(files, file{alias + ".gz", gz}, file{alias + ".br", br}, file{alias, data})
		}
		for _, f := range files {
			if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(log, "%-32s %9d raw %9d gzip %9d brotli\n", name, len(data), len(gz), len(br))
	}
	if err := removeDropped(outDir, manifest); err != nil {
		return err
	}
	js, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "manifest.json"), append(js, '\n'), 0o644); err != nil {
		return err
	}
	if loader == "" {
		return nil
	}
	src, err := os.ReadFile(loader)
	if err != nil {
		return err
	}
	if bytes.Count(src, []byte(ManifestMarker)) != 1 {
		return fmt.Errorf("%s: want exactly one %s marker", loader, ManifestMarker)
	}
	compact, err := json.Marshal(manifest)
	if err != nil {
		return err
	}
	stamped := bytes.Replace(stripComments(src), []byte(ManifestMarker), compact, 1)
	return os.WriteFile(filepath.Join(outDir, "widget.js"), stamped, 0o644)
}

// stripComments drops the loader's leading /* */ comment (the embedding
// notes) and its whole-line // comments: every page downloads the loader,
// and its gzip budget is 3 KB. The loader must not hold a multi-line string
// whose lines start with //.
func stripComments(src []byte) []byte {
	s := string(src)
	if strings.HasPrefix(s, "/*") {
		if end := strings.Index(s, "*/"); end >= 0 {
			s = strings.TrimLeft(s[end+2:], "\n")
		}
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "//") {
			out = append(out, line)
		}
	}
	return []byte(strings.Join(out, "\n"))
}

// sameFile reports whether the file at p holds data.
func sameFile(p string, data []byte) bool {
	b, err := os.ReadFile(p)
	return err == nil && bytes.Equal(b, data)
}

// removeStale deletes earlier hashed copies of stem*ext (and their .br/.gz).
func removeStale(dir, stem, ext, keep string) error {
	matches, err := filepath.Glob(filepath.Join(dir, stem+".*"+ext+"*"))
	if err != nil {
		return err
	}
	for _, m := range matches {
		b := filepath.Base(m)
		if b == keep || b == keep+".br" || b == keep+".gz" {
			continue
		}
		if err := os.Remove(m); err != nil {
			return err
		}
	}
	return nil
}

// removeDropped deletes the published copies of files the previous
// manifest listed and this one does not (sweetspot.wasm, before the
// per-language builds), so they are not deployed forever.
func removeDropped(dir string, manifest map[string]string) error {
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil // first publish
	}
	var old map[string]string
	if json.Unmarshal(raw, &old) != nil {
		return nil
	}
	for plain, hashed := range old {
		if _, kept := manifest[plain]; kept || hashed != filepath.Base(hashed) {
			continue
		}
		for _, name := range []string{hashed, plain} {
			if name == plain && (filepath.Ext(plain) != ".wasm" || plain != filepath.Base(plain)) {
				continue // only wasm builds have a plain-name copy
			}
			for _, suffix := range []string{"", ".br", ".gz"} {
				if err := os.Remove(filepath.Join(dir, name+suffix)); err != nil && !os.IsNotExist(err) {
					return err
				}
			}
		}
	}
	return nil
}

// compress returns the brotli (quality 11, the best) and gzip (level 9)
// encodings of data.
func compress(data []byte) (br, gz []byte, err error) {
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	var g bytes.Buffer
	gw, err := gzip.NewWriterLevel(&g, gzip.BestCompression)
	if err != nil {
		return nil, nil, err
	}
	if _, err := gw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := gw.Close(); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), g.Bytes(), nil
}
