package survey

import (
	"reflect"
	"testing"
)

func TestAdd(t *testing.T) {
	cases := []struct {
		name    string
		answers []Answers
		want    Tally
	}{
		{name: "nothing", want: Tally{}},
		{name: "empty answers are not a respondent", answers: []Answers{{}}, want: Tally{}},
		{name: "one of each",
			answers: []Answers{{Networks: []string{"linkedin", "email"}, Generation: "genx", Interests: []string{"backup"}}},
			want: Tally{Respondents: 1, Answered: Answered{Networks: 1, Generation: 1, Interests: 1},
				Networks: map[string]int{"linkedin": 1, "email": 1}, Generations: map[string]int{"genx": 1},
				Interests: map[string]int{"backup": 1}}},
		{name: "optional questions have their own sample sizes",
			answers: []Answers{
				{Networks: []string{"linkedin"}},
				{Generation: "genz"},
				{Networks: []string{"linkedin", "twitter"}, Interests: []string{"backup", "restore"}},
			},
			want: Tally{Respondents: 3, Answered: Answered{Networks: 2, Generation: 1, Interests: 1},
				Networks: map[string]int{"linkedin": 2, "twitter": 1}, Generations: map[string]int{"genz": 1},
				Interests: map[string]int{"backup": 1, "restore": 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got Tally
			for _, a := range c.answers {
				got = Add(got, a)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestAddLeavesItsInputAlone(t *testing.T) {
	before := Add(Tally{}, Answers{Networks: []string{"linkedin"}, Generation: "genx", Interests: []string{"backup"}})
	kept := Add(Tally{}, Answers{Networks: []string{"linkedin"}, Generation: "genx", Interests: []string{"backup"}})
	after := Add(before, Answers{Networks: []string{"linkedin"}, Generation: "genx", Interests: []string{"backup"}})
	if !reflect.DeepEqual(before, kept) {
		t.Errorf("Add changed the tally it was given: %+v", before)
	}
	if after.Networks["linkedin"] != 2 || after.Respondents != 2 {
		t.Errorf("after two answers: %+v", after)
	}
}

func TestMerge(t *testing.T) {
	all := []Answers{
		{Networks: []string{"linkedin"}, Generation: "genx"},
		{Interests: []string{"backup", "restore"}},
		{Networks: []string{"email", "linkedin"}, Generation: "boomers", Interests: []string{"backup"}},
		{Generation: "genx"},
	}
	var whole, a, b Tally
	for i, x := range all {
		whole = Add(whole, x)
		if i%2 == 0 {
			a = Add(a, x)
		} else {
			b = Add(b, x)
		}
	}
	aBefore := Add(Tally{}, Answers{})
	aBefore = Merge(aBefore, a)
	if got := Merge(a, b); !reflect.DeepEqual(got, whole) {
		t.Errorf("merge of shards %+v\nwant %+v", got, whole)
	}
	if !reflect.DeepEqual(a, aBefore) {
		t.Errorf("Merge changed its input: %+v", a)
	}
	if got := Merge(Tally{}, whole); !reflect.DeepEqual(got, whole) {
		t.Errorf("merge into an empty tally: %+v", got)
	}
}
