package store_test

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/sweetspot/sweetspot/internal/store/storetest"
	"github.com/sweetspot/sweetspot/internal/survey"
)

// TestSurveyTallyConcurrent: answers sent at once are all counted (one
// atomic ADD each, no read-modify-write), interest terms of any spelling
// survive as counter names, and another community's tally is apart.
func TestSurveyTallyConcurrent(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	odd := []string{"C#/.NET & 'ops'", "café [au lait]", "a.b"}
	answers := []survey.Answers{
		{Networks: []string{"linkedin", "twitter"}, Generation: "genx", Interests: []string{odd[0]}},
		{Generation: "genz", Interests: []string{odd[1], odd[2]}},
		{Networks: []string{"email"}},
	}
	var want survey.Tally
	var wg sync.WaitGroup
	errs := make(chan error, 60)
	for i := 0; i < 60; i++ {
		a := answers[i%len(answers)]
		want = survey.Add(want, a)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- st.AddSurveyAnswers(ctx, "ws_a", "com_a", a)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.GetSurveyTally(ctx, "ws_a", "com_a")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("tally %+v\nwant  %+v", got, want)
	}
	if other, err := st.GetSurveyTally(ctx, "ws_b", "com_a"); err != nil || !reflect.DeepEqual(other, survey.Tally{}) {
		t.Errorf("another workspace's tally: %+v %v", other, err)
	}
}

// TestSurveyConfigRoundTrip: a stored survey reads back as written; a
// community without one has none.
func TestSurveyConfigRoundTrip(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	if _, ok, err := st.GetSurveyConfig(ctx, "ws_a", "com_a"); ok || err != nil {
		t.Fatalf("no config yet: %v %v", ok, err)
	}
	c := survey.Config{Title: "Tell us", Questions: survey.Questions{Networks: []string{"linkedin"}, Generations: true, Interests: []string{"backup"}}}
	if err := st.PutSurveyConfig(ctx, "ws_a", "com_a", c); err != nil {
		t.Fatal(err)
	}
	got, ok, err := st.GetSurveyConfig(ctx, "ws_a", "com_a")
	if err != nil || !ok || !reflect.DeepEqual(got, c) {
		t.Fatalf("got %+v %v %v", got, ok, err)
	}
}
