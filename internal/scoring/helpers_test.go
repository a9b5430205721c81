package scoring

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// communities are the fixture audiences of testdata/communities.
var communities = []string{"itadmins", "foodlovers", "travelclub"}

func loadAudience(t testing.TB, name string) Audience {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "communities", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var a Audience
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

func compileFixture(t testing.TB, name string) *Profile {
	t.Helper()
	p, err := Compile(loadAudience(t, name))
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return p
}

// loadDraft reads testdata/drafts/<community>/<name>.txt: header lines
// "title:", "network:", "kind:", a blank line, then the body.
func loadDraft(t testing.TB, community, name string) Content {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "drafts", community, name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(b), "\n\n")
	if !ok {
		t.Fatalf("%s/%s: no blank line after the header", community, name)
	}
	c := Content{Body: body}
	for _, line := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		switch k {
		case "title":
			c.Title = v
		case "network":
			c.Network = v
		case "kind":
			c.Kind = v
		default:
			t.Fatalf("%s/%s: unknown header %q", community, name, k)
		}
	}
	return c
}

// rambling builds a ~2,000-word draft on the same interests as good.txt:
// its opening and closing paragraphs around off-topic company anecdotes.
func rambling(t testing.TB, community string) Content {
	t.Helper()
	good := loadDraft(t, community, "good")
	off, err := os.ReadFile(filepath.Join("testdata", "drafts", "offtopic.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(good.Body), "\n\n")
	var b strings.Builder
	b.WriteString(paras[0] + "\n\n")
	for len(strings.Fields(b.String())) < 2000 {
		b.WriteString(string(off) + "\n")
	}
	b.WriteString(paras[len(paras)-1] + "\n")
	return Content{Title: good.Title, Body: b.String(), Network: "blog"}
}

func checkByID(r Result, id string) (Check, bool) {
	for _, c := range r.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}
