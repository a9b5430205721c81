package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// validateResult checks the invariants every result must hold, whatever
// the input: scores in range, known ids in order, consistent ratings, spans
// inside their field and repeating its text.
func validateResult(t *testing.T, c Content, r Result) {
	t.Helper()
	inRange := func(what string, s int) {
		if s < 0 || s > 100 {
			t.Errorf("%s score %d out of range", what, s)
		}
	}
	ratings := []string{RatingGood, RatingOK, RatingPoor}
	inRange("overall", r.Score)
	if r.Version != Version || r.Language.Code == "" {
		t.Errorf("version %q language %q", r.Version, r.Language.Code)
	}
	if r.Caps == nil {
		t.Errorf("caps is nil, want a list (empty when none applied)")
	}
	if r.Empty {
		// Nothing to judge: a neutral result, no verdict anywhere.
		if r.Rating != RatingNone || r.Score != 0 || len(r.Checks) != 0 || len(r.Caps) != 0 || len(r.Generations) != 0 || len(r.Networks) != 0 {
			t.Errorf("empty result with rating %q score %d, %d checks, %d caps, %d generations, %d networks",
				r.Rating, r.Score, len(r.Checks), len(r.Caps), len(r.Generations), len(r.Networks))
		}
		return
	}
	if !slices.Contains(ratings, r.Rating) {
		t.Errorf("overall rating %q", r.Rating)
	}
	for _, cp := range r.Caps {
		if r.Score > cp.Cap || cp.Reason == "" || checkIndex(cp.Check) < 0 || r.Rating == RatingGood {
			t.Errorf("cap %+v with score %d rating %s", cp, r.Score, r.Rating)
		}
	}
	if len(r.Checks) == 0 {
		t.Errorf("no checks")
	}
	title, _ := truncate(c.Title, MaxTitleBytes)
	body, _ := truncate(c.Body, MaxBodyBytes)
	last := -1
	for _, ch := range r.Checks {
		i := checkIndex(ch.ID)
		if i <= last {
			t.Errorf("check %q unknown or out of order", ch.ID)
		}
		last = i
		inRange(ch.ID, ch.Score)
		if !slices.Contains(ratings, ch.Rating) || ch.Message == "" || ch.Suggestion == "" {
			t.Errorf("check %s: rating %q message %q suggestion %q", ch.ID, ch.Rating, ch.Message, ch.Suggestion)
		}
		if !utf8.ValidString(ch.Message) || !utf8.ValidString(ch.Suggestion) {
			t.Errorf("check %s: message not valid UTF-8", ch.ID)
		}
		if len(ch.Spans) > MaxSpansPerCheck {
			t.Errorf("check %s: %d spans", ch.ID, len(ch.Spans))
		}
		for _, sp := range ch.Spans {
			text := body
			switch sp.Field {
			case "title":
				text = title
			case "body":
			default:
				t.Fatalf("span field %q", sp.Field)
			}
			if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) {
				t.Fatalf("check %s: span %d..%d outside %s of %d bytes", ch.ID, sp.Start, sp.End, sp.Field, len(text))
			}
			if text[sp.Start:sp.End] != sp.Text {
				t.Errorf("check %s: span text %q != field text %q", ch.ID, sp.Text, text[sp.Start:sp.End])
			}
		}
	}
	if len(r.Generations) != numGenerations {
		t.Errorf("%d generations", len(r.Generations))
	}
	for _, g := range r.Generations {
		inRange("generation "+g.ID, g.Score)
	}
	targets := 0
	for _, n := range r.Networks {
		inRange("network "+n.ID, n.Score)
		if n.Target {
			targets++
		}
	}
	if targets != 1 {
		t.Errorf("%d target networks", targets)
	}
}

func TestPropertiesOnHostileInput(t *testing.T) {
	draft, err := os.ReadFile(filepath.Join("testdata", "bench", "draft1500.txt"))
	if err != nil {
		t.Fatal(err)
	}
	megabyte := strings.Repeat(string(draft), (1<<20)/len(draft)+1)[:1<<20]
	cases := []struct {
		name string
		c    Content
	}{
		{"empty", Content{}},
		{"only spaces and newlines", Content{Body: strings.Repeat(" \n\t\r\n", 1000)}},
		{"1 MB", Content{Title: "Backup", Body: megabyte, Network: "blog"}},
		{"only emoji", Content{Body: strings.Repeat("🎉👍🏽👨‍👩‍👧🇫🇷❤️", 200), Network: "instagram"}},
		{"only punctuation", Content{Title: "?!", Body: strings.Repeat("!?.,;:—…()[]{}«»“”'\"", 300)}},
		{"mixed scripts", Content{Title: "Backup 备份 バックアップ", Body: "Backup your server! 服务器备份很重要。Резервное копирование. النسخ الاحتياطي 🔒 Sauvegarde du café. 백업하세요? नमस्ते दुनिया", Network: "x"}},
		{"invalid UTF-8", Content{Title: "\xff\xfe", Body: "back\xffup \xc3\x28 server\xe2\x82 restore \xf0\x28\x8c\xbc!", Network: "\xff"}},
		{"cut inside a character", Content{Body: strings.Repeat("é", MaxBodyBytes/2) + "🎉"}},
		{"one enormous word", Content{Body: strings.Repeat("a", 200000)}},
		{"digits only", Content{Body: strings.Repeat("1234567890 3.14 1,000 ", 500)}},
		{"URL and tags only", Content{Body: "https://example.com/a?b=c#d www.x.org #backup #备份 @someone #", Network: "instagram"}},
		{"huge title", Content{Title: strings.Repeat("Why restore? ", 2000), Body: "Test.", Network: "email"}},
		{"unknown network and kind", Content{Body: "Backups matter.", Network: "myspace", Kind: "???"}},
		{"combining marks and zero-width", Content{Body: "e\u0301e\u0301 \u200b\u200d\ufeff a\u0308b\u0308c \u0301\u0301"}},
		{"control characters", Content{Body: "a\x00b\x01c\x7f d\u0085e\u2028f\u2029"}},
		{"list markers only", Content{Body: strings.Repeat("- \n1. \n• \n", 100)}},
	}
	for _, community := range communities {
		p := compileFixture(t, community)
		for _, tc := range cases {
			t.Run(community+"/"+tc.name, func(t *testing.T) {
				r := p.Score(tc.c)
				validateResult(t, tc.c, r)
				if tc.name == "1 MB" && !r.Truncated {
					t.Errorf("1 MB body not reported truncated")
				}
			})
		}
	}
}

// TestDeterministic expects byte-identical JSON for the same input, from
// the same profile and from a freshly compiled one (Go randomises map
// iteration, so any unsorted iteration would show up here).
func TestDeterministic(t *testing.T) {
	for _, community := range communities {
		drafts, _ := filepath.Glob(filepath.Join("testdata", "drafts", community, "*.txt"))
		for _, d := range drafts {
			name := strings.TrimSuffix(filepath.Base(d), ".txt")
			t.Run(community+"/"+name, func(t *testing.T) {
				c := loadDraft(t, community, name)
				var first []byte
				for i := 0; i < 5; i++ {
					p := compileFixture(t, community)
					out, err := json.Marshal(p.Score(c))
					if err != nil {
						t.Fatal(err)
					}
					if i == 0 {
						first = out
					} else if !bytes.Equal(first, out) {
						t.Fatalf("run %d differs:\n%s\n%s", i, first, out)
					}
				}
			})
		}
	}
}

// FuzzScore: any title, body and network give a valid result.
func FuzzScore(f *testing.F) {
	f.Add("", "", "")
	f.Add("The 3-2-1 backup checklist", "Download the free template! Which server would you restore first?", "linkedin")
	f.Add("美食", "今天的农贸市场很热闹。#美食 🎉", "instagram")
	f.Add("\xff", "a\xc3\x28b e\u0301 👨‍👩‍👧 1. - • http://x", "x")
	p, err := Compile(loadAudience(f, "foodlovers"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, body, network string) {
		c := Content{Title: title, Body: body, Network: network}
		validateResult(t, c, p.Score(c))
	})
}

// FuzzCompile: any interest term, weight and trait either compiles or gives
// an *InputError, and a compiled profile scores without panicking.
func FuzzCompile(f *testing.F) {
	f.Add("referral marketing", 1.0, "skeptical of marketing", "linkedin")
	f.Add("美食 料理", 10.0, "visual", "x")
	f.Add("\xff!!", -1.0, "", "")
	f.Add("e\u0301te\u0301 #tag @me https://x.y", 0.0, "prefer plain language", "myspace")
	f.Fuzz(func(t *testing.T, term string, weight float64, trait, network string) {
		a := Audience{Interests: []Interest{{Term: term, Weight: weight}}, Traits: []string{trait}, Networks: map[string]int{network: 10}}
		p, err := Compile(a)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field == "" {
				t.Fatalf("error %v is not an *InputError naming a field", err)
			}
			return
		}
		c := Content{Title: term, Body: term + " " + trait, Network: network}
		validateResult(t, c, p.Score(c))
	})
}

// TestStemCacheChangesNothing: a profile that has scored other drafts (its
// stem cache warm) gives byte-identical results to a fresh one, also when
// many goroutines share it.
func TestStemCacheChangesNothing(t *testing.T) {
	for _, c := range communities {
		t.Run(c, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join("testdata", "drafts", c, "*.txt"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no drafts for %s: %v", c, err)
			}
			warm := compileFixture(t, c)
			for _, f := range files {
				warm.Score(loadDraft(t, c, strings.TrimSuffix(filepath.Base(f), ".txt")))
			}
			var wg sync.WaitGroup
			for _, f := range files {
				name := strings.TrimSuffix(filepath.Base(f), ".txt")
				draft := loadDraft(t, c, name)
				want := mustJSON(t, compileFixture(t, c).Score(draft))
				for range 4 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if got := mustJSON(t, warm.Score(draft)); got != want {
							t.Errorf("%s: a warm profile scores differently:\n%s\nwant\n%s", name, got, want)
						}
					}()
				}
			}
			wg.Wait()
		})
	}
}

// mustJSON is a result as JSON, for byte comparisons.
func mustJSON(t *testing.T, r Result) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
