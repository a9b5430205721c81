package scoring

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current model")

// TestGolden pins the full result of every fixture draft. Run natively and
// under js/wasm (make test-scoring-wasm) it shows that the API and the
// browser widget give byte-identical results; after a deliberate model
// change, bump Version and run `go test ./internal/scoring -run TestGolden
// -update`.
func TestGolden(t *testing.T) {
	for _, community := range communities {
		p := compileFixture(t, community)
		drafts, err := filepath.Glob(filepath.Join("testdata", "drafts", community, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range drafts {
			name := strings.TrimSuffix(filepath.Base(d), ".txt")
			t.Run(community+"/"+name, func(t *testing.T) {
				got, err := json.MarshalIndent(p.Score(loadDraft(t, community, name)), "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				path := filepath.Join("testdata", "golden", community, name+".json")
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("result differs from %s (model change? bump Version and run -update):\n%s", path, got)
				}
			})
		}
	}
}
