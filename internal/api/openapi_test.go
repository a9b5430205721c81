package api_test

import (
	"os"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/sweetspot/sweetspot/internal/routes"
)

// TestOpenAPIMatchesRoutes keeps openapi.yaml true: every route of
// routes.All() is documented with its auth kind, and every documented
// operation is a route.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	b, err := os.ReadFile("../../openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	documented := map[string]string{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if method == "parameters" {
				continue
			}
			m, _ := op.(map[string]any)
			auth, _ := m["x-auth"].(string)
			documented[strings.ToUpper(method)+" "+path] = auth
		}
	}
	registered := map[string]string{}
	for _, rt := range routes.All() {
		registered[rt.Pattern()] = string(rt.Auth)
	}
	var problems []string
	for p, auth := range registered {
		d, ok := documented[p]
		switch {
		case !ok:
			problems = append(problems, "not documented: "+p)
		case d != auth:
			problems = append(problems, p+": documented x-auth "+d+", route says "+auth)
		}
	}
	for p := range documented {
		if _, ok := registered[p]; !ok {
			problems = append(problems, "documented but not a route: "+p)
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		t.Fatal(strings.Join(problems, "\n"))
	}
}
