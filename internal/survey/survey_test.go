package survey

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// itAdmins is a community profile like the demo's IT administrators.
func itAdmins() scoring.Audience {
	return scoring.Audience{
		Name: "IT admins",
		Interests: []scoring.Interest{
			{Term: "backup", Weight: 1}, {Term: "restore", Weight: 0.8},
			{Term: "compliance", Weight: 0.4}, {Term: "Disaster Recovery"},
		},
		Generations: map[string]float64{scoring.GenX: 0.4, scoring.Millennials: 0.4, scoring.Boomers: 0.1, scoring.GenZ: 0.1},
		Networks:    map[string]int{"linkedin": 4000, "x": 1000},
	}
}

var questions = Questions{
	Networks:    []string{"linkedin", "twitter", "email"},
	Generations: true,
	Interests:   []string{"backup", "restore", "compliance", "Disaster Recovery"},
}

// wantInvalid fails unless err is a domain.Error of code Invalid for field.
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	var e *domain.Error
	if !errors.As(err, &e) || e.Code != domain.Invalid || e.Field != field {
		t.Fatalf("error %v, want invalid %q", err, field)
	}
}

func TestAnswersValidate(t *testing.T) {
	long := strings.Repeat("x", MaxListLen+1)
	cases := []struct {
		name  string
		q     Questions
		in    Answers
		want  Answers
		field string // the offending field, "" when valid
	}{
		{name: "all three", q: questions,
			in:   Answers{Networks: []string{"linkedin", "email"}, Generation: "millennials", Interests: []string{"backup", "restore"}},
			want: Answers{Networks: []string{"linkedin", "email"}, Generation: "millennials", Interests: []string{"backup", "restore"}}},
		{name: "normalized: alias, case, duplicates, configured spelling", q: questions,
			in:   Answers{Networks: []string{"X", "twitter", "LinkedIn"}, Generation: " GenZ ", Interests: []string{"disaster  recovery", "BACKUP", "backup"}},
			want: Answers{Networks: []string{"twitter", "linkedin"}, Generation: "genz", Interests: []string{"Disaster Recovery", "backup"}}},
		{name: "one question is enough", q: questions,
			in: Answers{Generation: "boomers"}, want: Answers{Generation: "boomers"}},
		{name: "three picks", q: questions,
			in:   Answers{Interests: []string{"backup", "restore", "compliance"}},
			want: Answers{Interests: []string{"backup", "restore", "compliance"}}},

		{name: "nothing answered", q: questions, in: Answers{}, field: "answers"},
		{name: "blank generation only", q: questions, in: Answers{Generation: "  "}, field: "answers"},
		{name: "unknown network", q: questions, in: Answers{Networks: []string{"linkedin", "myspace"}}, field: "answers.networks[1]"},
		{name: "known network not offered", q: questions, in: Answers{Networks: []string{"tiktok"}}, field: "answers.networks[0]"},
		{name: "networks not asked", q: Questions{Generations: true}, in: Answers{Networks: []string{"linkedin"}}, field: "answers.networks"},
		{name: "too many networks", q: questions, in: Answers{Networks: strings.Split(strings.Repeat("linkedin ", MaxListLen+1), " ")[:MaxListLen+1]}, field: "answers.networks"},
		{name: "unknown generation", q: questions, in: Answers{Generation: "zoomers"}, field: "answers.generation"},
		{name: "age not asked", q: Questions{Networks: []string{"linkedin"}}, in: Answers{Generation: "genx"}, field: "answers.generation"},
		{name: "interest not configured", q: questions, in: Answers{Interests: []string{"backup", "kubernetes"}}, field: "answers.interests[1]"},
		{name: "free text is not an interest", q: questions, in: Answers{Interests: []string{long}}, field: "answers.interests[0]"},
		{name: "four picks", q: questions, in: Answers{Interests: []string{"backup", "restore", "compliance", "disaster recovery"}}, field: "answers.interests"},
		{name: "interests not asked", q: Questions{Generations: true}, in: Answers{Interests: []string{"backup"}}, field: "answers.interests"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.in.Validate(c.q)
			if c.field != "" {
				wantInvalid(t, err, c.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestErrorMessagesAreBounded(t *testing.T) {
	_, err := Answers{Interests: []string{strings.Repeat("é", 500)}}.Validate(questions)
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("message of %d bytes: %v", len(err.Error()), err)
	}
}

func TestConfigValidate(t *testing.T) {
	a := itAdmins()
	cases := []struct {
		name  string
		in    Config
		want  Config
		field string
	}{
		{name: "normalized",
			in: Config{Title: "  Help us help you ", Questions: Questions{Networks: []string{"x", "twitter", "LinkedIn"},
				Generations: true, Interests: []string{"disaster recovery", "BACKUP", "backup"}}},
			want: Config{Title: "Help us help you", Questions: Questions{Networks: []string{"twitter", "linkedin"},
				Generations: true, Interests: []string{"Disaster Recovery", "backup"}}}},
		{name: "age only", in: Config{Questions: Questions{Generations: true}},
			want: Config{Questions: Questions{Networks: []string{}, Generations: true, Interests: []string{}}}},
		{name: "no question", in: Config{}, field: "questions"},
		{name: "title too long", in: Config{Title: strings.Repeat("a", MaxTitleLen+1), Questions: Questions{Generations: true}}, field: "title"},
		{name: "unknown network", in: Config{Questions: Questions{Networks: []string{"linkedin", "friendster"}}}, field: "questions.networks[1]"},
		{name: "not the community's interest", in: Config{Questions: Questions{Interests: []string{"backup", "kubernetes"}}}, field: "questions.interests[1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.in.Validate(a)
			if c.field != "" {
				wantInvalid(t, err, c.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}

	t.Run("too many interests offered", func(t *testing.T) {
		many := scoring.Audience{Name: "many"}
		var terms []string
		for i := 0; i <= MaxOfferedInterests; i++ {
			term := "topic " + string(rune('a'+i))
			many.Interests = append(many.Interests, scoring.Interest{Term: term})
			terms = append(terms, term)
		}
		_, err := Config{Questions: Questions{Interests: terms}}.Validate(many)
		wantInvalid(t, err, "questions.interests")
	})
}

// TestConfigFor: a stored survey follows the community's later edits: an
// interest removed from the profile is no longer offered, a respelled one
// is offered as the profile spells it, and a survey left with no question
// becomes the default.
func TestConfigFor(t *testing.T) {
	stored, err := Config{Title: "Tell us", Questions: Questions{Networks: []string{"linkedin"},
		Interests: []string{"backup", "compliance", "Disaster Recovery"}}}.Validate(itAdmins())
	if err != nil {
		t.Fatal(err)
	}
	edited := itAdmins()
	edited.Interests = []scoring.Interest{{Term: "Backup"}, {Term: "disaster recovery"}}
	got := stored.For(edited)
	want := Config{Title: "Tell us", Questions: Questions{Networks: []string{"linkedin"}, Interests: []string{"Backup", "disaster recovery"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := stored.For(itAdmins()); !reflect.DeepEqual(got, stored) {
		t.Errorf("unchanged profile: got %+v, want %+v", got, stored)
	}
	onlyInterests := Config{Questions: Questions{Interests: []string{"compliance"}}}
	if got := onlyInterests.For(edited); !reflect.DeepEqual(got, DefaultConfig(edited)) {
		t.Errorf("nothing left to ask: got %+v, want the default", got)
	}
}

func TestDefaultConfig(t *testing.T) {
	a := itAdmins()
	c := DefaultConfig(a)
	want := Config{Questions: Questions{
		// The profile's networks by members, then the common ones.
		Networks:    []string{"linkedin", "twitter", "facebook", "instagram", "youtube", "tiktok", "reddit", "email"},
		Generations: true,
		// Heaviest first; "Disaster Recovery" has the default weight 1.
		Interests: []string{"backup", "Disaster Recovery", "restore", "compliance"},
	}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	if _, err := c.Validate(a); err != nil {
		t.Errorf("the default config does not validate: %v", err)
	}

	big := scoring.Audience{Name: "big"}
	for i := 0; i < 20; i++ {
		big.Interests = append(big.Interests, scoring.Interest{Term: "term " + string(rune('a'+i)), Weight: float64(i + 1)})
	}
	c = DefaultConfig(big)
	if len(c.Questions.Interests) != MaxOfferedInterests || c.Questions.Interests[0] != "term t" {
		t.Errorf("interests offered: %q", c.Questions.Interests)
	}
	if len(c.Questions.Networks) != MaxDefaultNetworks || c.Questions.Networks[0] != "linkedin" {
		t.Errorf("networks offered without a profile: %q", c.Questions.Networks)
	}
}

func TestBrackets(t *testing.T) {
	var got []string
	for _, b := range Brackets() {
		got = append(got, b.Generation)
	}
	// Youngest first, every generation exactly once.
	if strings.Join(got, " ") != "genz millennials genx boomers" {
		t.Errorf("brackets map to %q", got)
	}
}
