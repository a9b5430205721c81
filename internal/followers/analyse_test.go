package followers

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

func TestAnalyseOnTargetShare(t *testing.T) {
	tests := []struct {
		name      string
		onPer20   int
		wantCount float64
		low, high float64 // 95% Wilson interval of count/900, computed by hand
	}{
		{"none", 0, 0, 0, 0.0043},
		{"35%", 7, 315, 0.3195, 0.3817},
		{"all", 20, 900, 0.9957, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// 1,000 followers, every 10th without a bio: 900 bios.
			r, err := Analyse(t.Context(), itAdmins(t), synthFollowers(1000, tt.onPer20), mustDate("2026-07-01"))
			if err != nil {
				t.Fatal(err)
			}
			if r.Followers != 1000 || r.Bios != 900 {
				t.Fatalf("followers %d, bios %d; want 1000, 900", r.Followers, r.Bios)
			}
			p := r.OnTarget
			if p.Count != tt.wantCount || p.Sample != 900 || p.Share != round4(tt.wantCount/900) {
				t.Errorf("on target %+v, want %v of 900", p, tt.wantCount)
			}
			if p.Low != tt.low || p.High != tt.high || p.Margin != round4((tt.high-tt.low)/2) && tt.onPer20 == 7 {
				t.Errorf("interval [%v, %v] ±%v, want [%v, %v]", p.Low, p.High, p.Margin, tt.low, tt.high)
			}
		})
	}
}

func TestOnTargetMatching(t *testing.T) {
	// Each bio alone against the IT admins (interests: backup, disaster
	// recovery, ransomware, server, restore, patch management, active
	// directory, cloud storage, automation, compliance, network security,
	// virtualization).
	tests := []struct {
		bio string
		on  bool
	}{
		{"Backups.", true},                       // one word: Score would not judge it
		{"Sysadmin. Servers. Coffee.", true},     // plural, on stems
		{"#DisasterRecovery", true},              // a phrase as a hashtag
		{"Recovery after disaster, twice", true}, // every word of the phrase, any order
		{"BACKUP ADMIN", true},
		{"Disaster movie fan", false}, // half a phrase is not the phrase
		{"Active runner and cyclist", false},
		{"Dad, runner, coffee snob", false},
		{"Nurse. Knitting in my spare time.", false},
		{"Sauvegardes et reprise après sinistre", false}, // French: not the English interests
	}
	// Why not the relevance check: the engine does not judge so few words.
	p, err := scoring.Compile(itAdmins(t))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Score(scoring.Content{Body: tests[0].bio}).Empty {
		t.Errorf("Score judges %q: on target could use the relevance check", tests[0].bio)
	}
	for _, tt := range tests {
		r, err := Analyse(t.Context(), itAdmins(t), []Follower{{Bio: tt.bio}}, mustDate("2026-07-01"))
		if err != nil {
			t.Fatal(err)
		}
		if on := r.OnTarget.Count == 1; on != tt.on {
			t.Errorf("%q: on target %v, want %v", tt.bio, on, tt.on)
		}
	}
}

func TestInterestReach(t *testing.T) {
	a := scoring.Audience{Interests: []scoring.Interest{{Term: "cloud backup"}, {Term: "AI"}, {Term: "kubernetes"}}}
	fs := []Follower{{Bio: "Cloud backups for small firms"}, {Bio: "#CloudBackup"}, {Bio: "Kubernetes and cloud backup"}, {Bio: "AI researcher"}}
	r, err := Analyse(t.Context(), a, fs, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, in := range r.Interests {
		got[in.Term] = in.Count
		if in.Unmatchable != (in.Term == "AI") {
			t.Errorf("%s: unmatchable %v", in.Term, in.Unmatchable)
		}
	}
	want := map[string]float64{"cloud backup": 3, "AI": 0, "kubernetes": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reach %v, want %v", got, want)
	}
	if r.OnTarget.Count != 3 {
		t.Errorf("on target %v, want 3", r.OnTarget.Count)
	}
}

func TestTermsAndSuggestions(t *testing.T) {
	r, err := Analyse(t.Context(), itAdmins(t), synthFollowers(1000, 7), mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Terms) != MaxCloudTerms {
		t.Fatalf("%d terms, want %d", len(r.Terms), MaxCloudTerms)
	}
	terms := map[string]Term{}
	for i, tm := range r.Terms {
		terms[tm.Word] = tm
		if i > 0 && tm.Score > r.Terms[i-1].Score {
			t.Errorf("terms not in score order at %d", i)
		}
		if tm.Weight < 0 || tm.Weight > 1 || tm.Followers < MinTermFollowers {
			t.Errorf("%+v: weight outside 0..1 or too few followers", tm)
		}
	}
	if r.Terms[0].Weight != 1 || r.Terms[len(r.Terms)-1].Weight != 0 {
		t.Errorf("weights run %v..%v, want 1..0", r.Terms[0].Weight, r.Terms[len(r.Terms)-1].Weight)
	}
	// The most used words are in the cloud; stop words and bio filler
	// ("lover", "two") are not; an interest's word is marked.
	for _, w := range []string{"kubernetes", "linux", "dog", "photography"} {
		if _, ok := terms[w]; !ok {
			t.Errorf("%q missing from the cloud", w)
		}
	}
	for _, w := range []string{"and", "the", "lover", "two", "my", "of"} {
		if _, ok := terms[w]; ok {
			t.Errorf("stop word %q in the cloud", w)
		}
	}
	if k := terms["kubernetes"]; k.Followers != 132 || k.Share != round4(132.0/900) || k.Interest {
		t.Errorf("kubernetes: %+v", k)
	}
	if b, ok := terms["backups"]; !ok || !b.Interest {
		t.Errorf("backups: %+v, want an interest", b)
	}

	// Suggestions: the words of the on-target followers, minus interests;
	// a hobby of the others ("dog") is not one.
	var sug []string
	for _, s := range r.Suggestions {
		sug = append(sug, s.Word)
		if s.Share < MinSuggestionShare || s.Followers < MinTermFollowers {
			t.Errorf("%+v: below the thresholds", s)
		}
	}
	if len(sug) == 0 || len(sug) > MaxSuggestions || !slices.Contains(sug, "kubernetes") || !slices.Contains(sug, "terraform") || slices.Contains(sug, "dog") {
		t.Errorf("suggestions %v: want kubernetes and terraform, not dog", sug)
	}
	if sug[0] != "kubernetes" && sug[0] != "linux" || r.Suggestions[0].Followers != 132 || r.Suggestions[0].Share != round4(132.0/315) || r.Suggestions[0].OthersShare != 0 {
		t.Errorf("first suggestion %+v", r.Suggestions[0])
	}
}

func TestSuggestionsExcludeInterests(t *testing.T) {
	a := scoring.Audience{Interests: []scoring.Interest{{Term: "backup"}, {Term: "disaster recovery"}, {Term: "kubernetes"}}}
	var fs []Follower
	for range 20 {
		fs = append(fs,
			Follower{Bio: "Backups, restores and Kubernetes clusters"},
			Follower{Bio: "Disaster recovery and Terraform, Kubernetes"},
			Follower{Bio: "Disasters and recovery: backups and Terraform"},
			Follower{Bio: "#DisasterRecovery"},
			Follower{Bio: "Dad, runner"})
	}
	r, err := Analyse(t.Context(), a, fs, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range r.Suggestions {
		got = append(got, s.Word)
	}
	// restores, clusters and terraform; never backups, kubernetes,
	// disaster(s), recovery or #disasterrecovery (the interests' words, on
	// stems, and a phrase as a hashtag).
	want := []string{"terraform", "clusters", "restores"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("suggestions %v, want %v", got, want)
	}
	for _, tm := range r.Terms {
		isInterest := slices.Contains([]string{"backups", "kubernetes", "disaster", "disasters", "recovery", "disasterrecovery"}, tm.Word)
		if tm.Interest != isInterest {
			t.Errorf("%q: interest %v, want %v", tm.Word, tm.Interest, isInterest)
		}
	}
}

func TestReportIsAggregateOnly(t *testing.T) {
	fs := synthFollowers(300, 7)
	// Words used by one or two followers (a name, an employer) never
	// leave Analyse, nor does any bio.
	fs[0].Bio = "Quartermaine Zyxwvut, backups at Flimflamcorp"
	fs[1].Bio = "Flimflamcorp alumna"
	r, err := Analyse(t.Context(), itAdmins(t), fs, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	js := strings.ToLower(string(b))
	for _, w := range []string{"quartermaine", "zyxwvut", "flimflamcorp"} {
		if strings.Contains(js, w) {
			t.Errorf("the report holds %q, used by fewer than %d followers", w, MinTermFollowers)
		}
	}
	for _, f := range fs {
		if len(f.Bio) > 20 && strings.Contains(js, strings.ToLower(f.Bio)) {
			t.Errorf("the report holds a bio: %q", f.Bio)
		}
	}
	svg := strings.ToLower(string(CloudSVG(r.Terms)))
	if strings.Contains(svg, "flimflamcorp") {
		t.Error("the cloud holds a rare word")
	}
}

func TestGenerationOf(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{1900, GenerationOther}, {1945, GenerationOther},
		{1946, scoring.Boomers}, {1964, scoring.Boomers},
		{1965, scoring.GenX}, {1980, scoring.GenX},
		{1981, scoring.Millennials}, {1996, scoring.Millennials},
		{1997, scoring.GenZ}, {2012, scoring.GenZ},
		{2013, GenerationOther}, {2099, GenerationOther},
	}
	for _, tt := range tests {
		if got := GenerationOf(tt.year); got != tt.want {
			t.Errorf("GenerationOf(%d) = %q, want %q", tt.year, got, tt.want)
		}
	}
}

func TestAgeBracketGenerations(t *testing.T) {
	tests := []struct {
		name string
		b    AgeBracket
		now  string
		want map[string]float64
	}{
		// 1 January: nobody has had this year's birthday; aged 25–34 is
		// born 1991–2000.
		{"25-34 on 1 January 2026", AgeBracket{Min: 25, Max: 34}, "2026-01-01", map[string]float64{scoring.Millennials: 0.6, scoring.GenZ: 0.4}},
		// 2 July 2026 (day 183 of 365): 182/365 of each age born a year later.
		{"25-34 on 2 July 2026", AgeBracket{Min: 25, Max: 34}, "2026-07-02", map[string]float64{scoring.Millennials: 0.5 + 0.1*(1-182.0/365), scoring.GenZ: 0.4 + 0.1*182.0/365}},
		{"one age on a boundary", AgeBracket{Min: 30, Max: 30}, "2026-01-01", map[string]float64{scoring.Millennials: 1}},                                            // born 1995
		{"one age across a boundary", AgeBracket{Min: 29, Max: 29}, "2026-07-02", map[string]float64{scoring.Millennials: 1 - 182.0/365, scoring.GenZ: 182.0 / 365}}, // born 1996 or 1997
		{"61 born 1964 or 1965", AgeBracket{Min: 61, Max: 61}, "2026-07-02", map[string]float64{scoring.Boomers: 1 - 182.0/365, scoring.GenX: 182.0 / 365}},
		// "65+" spans OpenBracketYears: 65–74, born 1951–1960.
		{"65+", AgeBracket{Min: 65, Open: true}, "2026-01-01", map[string]float64{scoring.Boomers: 1}},
		{"75-84: born 1941-1950", AgeBracket{Min: 75, Max: 84}, "2026-01-01", map[string]float64{GenerationOther: 0.5, scoring.Boomers: 0.5}},
		{"13-17 in 2026", AgeBracket{Min: 13, Max: 17}, "2026-01-01", map[string]float64{scoring.GenZ: 1}},
		{"13-17 in 2030: born 2012-2016", AgeBracket{Min: 13, Max: 17}, "2030-01-01", map[string]float64{scoring.GenZ: 0.2, GenerationOther: 0.8}},
		{"unknown", AgeBracket{}, "2026-01-01", nil},
	}
	for _, tt := range tests {
		got := tt.b.Generations(mustDate(tt.now))
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			continue
		}
		sum := 0.0
		for k, v := range tt.want {
			sum += got[k]
			if math.Abs(got[k]-v) > 1e-9 {
				t.Errorf("%s: %s = %v, want %v", tt.name, k, got[k], v)
			}
		}
		if tt.want != nil && math.Abs(sum-1) > 1e-9 {
			t.Errorf("%s: shares sum to %v", tt.name, sum)
		}
	}
}

func TestMixes(t *testing.T) {
	fs := []Follower{
		{Network: "linkedin", BirthYear: 1964},
		{Network: "LinkedIn", BirthYear: 1965},
		{Network: "x", Age: AgeBracket{Min: 25, Max: 34}},
		{Network: "Myspace", BirthYear: 1940},
		{Network: "twitter"},
		{Age: AgeBracket{Min: 30, Max: 30}, BirthYear: 1970}, // the birth year wins
		{},
	}
	r, err := Analyse(t.Context(), itAdmins(t), fs, mustDate("2026-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	type part struct {
		ID    string
		Count float64
	}
	parts := func(m Mix) []part {
		var out []part
		for _, p := range m.Parts {
			out = append(out, part{p.ID, p.Count})
			if p.Sample != m.Sample {
				t.Errorf("%s: sample %d, mix sample %d", p.ID, p.Sample, m.Sample)
			}
		}
		return out
	}
	if r.Networks.Sample != 5 || !reflect.DeepEqual(parts(r.Networks), []part{{"linkedin", 2}, {"twitter", 2}, {NetworkOther, 1}}) {
		t.Errorf("networks %+v", r.Networks)
	}
	// boomers 1964; genx 1965 and 1970; 25-34 on 1 Jan 2026: 0.6
	// millennials, 0.4 genz; 1940: other.
	want := []part{{scoring.Boomers, 1}, {scoring.GenX, 2}, {scoring.Millennials, 0.6}, {scoring.GenZ, 0.4}, {GenerationOther, 1}}
	if r.Generations.Sample != 5 || !reflect.DeepEqual(parts(r.Generations), want) {
		t.Errorf("generations %+v, want %v", r.Generations, want)
	}
	if got := r.Generations.Shares(); len(got) != 4 || got[scoring.GenX] != 0.4 {
		t.Errorf("Shares() = %v", got)
	}
	if r.Bios != 0 || r.OnTarget.Sample != 0 || r.Followers != 7 {
		t.Errorf("followers %d, bios %d", r.Followers, r.Bios)
	}
}

func TestAnalyseDeterministic(t *testing.T) {
	fs := synthFollowers(2000, 7)
	r1, err := Analyse(t.Context(), itAdmins(t), fs, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	// The same followers in another order, analysed by a fresh profile.
	shuffled := slices.Clone(fs)
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	r2, err := Analyse(t.Context(), itAdmins(t), shuffled, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	j1, _ := json.Marshal(r1)
	j2, _ := json.Marshal(r2)
	if !bytes.Equal(j1, j2) {
		t.Errorf("reports differ:\n%s\n%s", j1, j2)
	}
	if !bytes.Equal(CloudSVG(r1.Terms), CloudSVG(r2.Terms)) {
		t.Error("clouds differ")
	}
}

func TestAnalyseReader(t *testing.T) {
	fs := synthFollowers(500, 7)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"Handle", "Description", "Network", "Age bracket", "Birth year"})
	for i, f := range fs {
		by := ""
		if f.BirthYear != 0 {
			by = strconv.Itoa(f.BirthYear)
		}
		w.Write([]string{"@user" + strconv.Itoa(i), f.Bio, f.Network, f.Age.String(), by})
	}
	w.Flush()
	got, err := AnalyseReader(t.Context(), itAdmins(t), &buf, FormatCSV, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	// Parse normalises networks ("x" is "twitter"); Analyse does the same.
	want, err := Analyse(t.Context(), itAdmins(t), fs, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AnalyseReader and Analyse differ:\n%+v\n%+v", got, want)
	}

	_, err = AnalyseReader(t.Context(), itAdmins(t), strings.NewReader("bio\nok\n\"bad\n"), FormatCSV, mustDate("2026-07-01"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Errorf("a bad file: got %v, want a *ParseError on line 3", err)
	}
}

func TestAnalyseErrors(t *testing.T) {
	now := mustDate("2026-07-01")
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	tests := []struct {
		name      string
		ctx       context.Context
		a         scoring.Audience
		followers []Follower
		check     func(error) bool
	}{
		{"invalid audience", t.Context(), scoring.Audience{}, nil, func(err error) bool {
			var ie *scoring.InputError
			return errors.As(err, &ie) && ie.Field == "interests"
		}},
		{"too many followers", t.Context(), itAdmins(t), make([]Follower, MaxFollowers+1), func(err error) bool {
			return errors.Is(err, ErrTooManyFollowers) && strings.HasPrefix(err.Error(), "followers[50000]: ")
		}},
		{"bio too long", t.Context(), itAdmins(t), []Follower{{Bio: "ok"}, {Bio: strings.Repeat("x", MaxBioBytes+1)}}, func(err error) bool {
			return errors.Is(err, ErrBioTooLong) && strings.HasPrefix(err.Error(), "followers[1]: ")
		}},
		{"bad age bracket", t.Context(), itAdmins(t), []Follower{{Age: AgeBracket{Min: 40, Max: 30}}}, func(err error) bool {
			return err != nil && strings.Contains(err.Error(), `invalid age bracket "40-30"`)
		}},
		{"bad birth year", t.Context(), itAdmins(t), []Follower{{BirthYear: 202}}, func(err error) bool {
			return err != nil && strings.Contains(err.Error(), "birth year 202")
		}},
		{"cancelled", cancelled, itAdmins(t), []Follower{{Bio: "ok"}}, func(err error) bool { return errors.Is(err, context.Canceled) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Analyse(tt.ctx, tt.a, tt.followers, now)
			if !tt.check(err) {
				t.Errorf("got %v", err)
			}
		})
	}
}

func TestAnalyseNothing(t *testing.T) {
	r, err := Analyse(t.Context(), itAdmins(t), nil, mustDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	for _, want := range []string{`"followers":0`, `"terms":[]`, `"suggestions":[]`, `"parts":[]`, `"as_of":"2026-07-01"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
}

// TestStopWords keeps the word lists in step with the scoring engine's.
func TestStopWords(t *testing.T) {
	b, err := os.ReadFile("../scoring/data/en/stopwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	lx := loadLexicon()
	inEn := false
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			inEn = line == "[en]"
			continue
		}
		if inEn && line != "" && line[0] != '#' && !lx.stop[line] {
			t.Errorf("scoring's stop word %q is missing from data/stopwords.txt", line)
		}
	}
	seen := map[string]bool{}
	for _, w := range listWords(englishTxt) {
		if lx.stop[w] || seen[w] {
			t.Errorf("data/english.txt: %q is a stop word or listed twice", w)
		}
		seen[w] = true
	}
}
