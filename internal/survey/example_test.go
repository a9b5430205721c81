package survey_test

import (
	"fmt"

	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/survey"
)

// A community asks its members; three answer. The suggestion puts the
// answers next to the profile, with sample sizes and margins, and Apply
// writes them into the audience.
func Example() {
	profile := scoring.Audience{Name: "IT admins",
		Interests: []scoring.Interest{{Term: "backup"}, {Term: "compliance"}},
		Networks:  map[string]int{"linkedin": 900, "twitter": 100}}
	config := survey.DefaultConfig(profile)

	var tally survey.Tally
	for _, a := range []survey.Answers{
		{Networks: []string{"linkedin", "email"}, Generation: "genx", Interests: []string{"backup"}},
		{Networks: []string{"x"}, Interests: []string{"Backup", "compliance"}},
		{Generation: "millennials"},
	} {
		valid, err := a.Validate(config.Questions)
		if err != nil {
			fmt.Println(err)
			continue
		}
		tally = survey.Add(tally, valid)
	}

	s := survey.Suggest(profile, tally)
	for _, n := range s.Networks.Items {
		fmt.Printf("%s: %d members now, %d suggested (%d–%d), used by %d of %d\n",
			n.ID, n.Current, n.Suggested, n.Low, n.High, n.Picked, n.Share.N)
	}
	for _, in := range s.Interests.Items {
		fmt.Printf("%s: weight %.2f, suggested %.2f (picked by %d of %d)\n", in.Term, in.Current, in.Suggested, in.Picked, in.Share.N)
	}
	fmt.Println(survey.Apply(profile, s).Generations, "low sample:", s.Generations.LowSample)
	// Output:
	// email: 0 members now, 333 suggested (63–604), used by 1 of 2
	// linkedin: 900 members now, 333 suggested (63–604), used by 1 of 2
	// twitter: 100 members now, 333 suggested (63–604), used by 1 of 2
	// backup: weight 1.00, suggested 1.00 (picked by 2 of 2)
	// compliance: weight 1.00, suggested 0.65 (picked by 1 of 2)
	// map[boomers:0 genx:0.5 genz:0 millennials:0.5] low sample: true
}
