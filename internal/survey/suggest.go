package survey

import (
	"cmp"
	"math"
	"slices"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Constants of the suggestion maths (docs/SURVEY.md, "From answers to a
// profile").
const (
	// Z95 is the standard normal quantile of a two-sided 95% interval:
	// every margin of error here is a 95% one.
	Z95 = 1.959963984540054
	// MinSample is the sample size below which a section of a suggestion
	// is marked LowSample. With 30 answers the margin of error of a 50%
	// share is still ±17 points: worth showing, not worth trusting blindly.
	MinSample = 30
	// MinInterestWeight and MaxInterestWeight bound a suggested interest
	// weight. The interest picked by the largest share of respondents gets
	// MaxInterestWeight; the others get a weight between the two in
	// proportion to their share relative to that one. The floor is above
	// zero because the question asks what matters *most*: an interest few
	// put in their top three still belongs to the community.
	MinInterestWeight = 0.3
	MaxInterestWeight = 1.0
)

// Bases of suggested network counts (NetworkMix.Basis).
const (
	// BasisMembers: the profile has member counts; the suggestion keeps
	// their total and splits it in proportion to the respondents' picks.
	BasisMembers = "members"
	// BasisRespondents: the profile has no member counts; the suggested
	// counts are the respondents per network, whose shares are what the
	// scoring engine reads.
	BasisRespondents = "respondents"
)

// Estimate is a share measured on a sample: Value = x/N, with the 95%
// Wilson score interval [Low, High]. Margin is half the interval's width
// (the interval is not symmetric around Value near 0 or 1, which is why
// Wilson's is used: a plain ±1.96·√(p(1−p)/n) says "±0" for 0 of 5).
// With N = 0 nothing is known: Value 0, interval [0, 1], Margin 0.5.
type Estimate struct {
	Value  float64 `json:"value"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	Margin float64 `json:"margin"`
	N      int     `json:"n"`
}

// Share returns the estimate of a share from x of n, rounded to 4 decimals.
func Share(x, n int) Estimate {
	p, lo, hi := wilson(x, n)
	return Estimate{Value: round4(p), Low: round4(lo), High: round4(hi), Margin: round4((hi - lo) / 2), N: max(n, 0)}
}

// wilson returns x/n and its 95% Wilson score interval, unrounded. x is
// clamped to [0, n].
func wilson(x, n int) (p, lo, hi float64) {
	if n <= 0 {
		return 0, 0, 1
	}
	x = min(max(x, 0), n)
	nn := float64(n)
	p = float64(x) / nn
	z2 := Z95 * Z95
	den := 1 + z2/nn
	center := (p + z2/(2*nn)) / den
	half := Z95 / den * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn))
	lo, hi = max(0, center-half), min(1, center+half)
	if x == 0 {
		lo = 0
	}
	if x == n {
		hi = 1
	}
	return p, lo, hi
}

// Suggestion is the profile a community's survey answers suggest, next to
// the current one. Each section carries its own sample size (the
// respondents who answered that question), and each value its 95%
// interval. A section with N = 0 has no data: Apply leaves it as it is.
type Suggestion struct {
	Respondents int             `json:"respondents"`
	Networks    NetworkMix      `json:"networks"`
	Generations GenerationMix   `json:"generations"`
	Interests   InterestWeights `json:"interests"`
}

// NetworkMix suggests members per network.
type NetworkMix struct {
	// N is the number of respondents who answered the networks question.
	N         int  `json:"n"`
	LowSample bool `json:"low_sample,omitempty"`
	// Basis says what the suggested counts are: BasisMembers or BasisRespondents.
	Basis string `json:"basis"`
	// Total is the current profile's member total (the sum over its
	// networks), 0 when it has none.
	Total int `json:"total"`
	// Items hold every network of the profile or picked by a respondent,
	// most suggested members first.
	Items []NetworkValue `json:"items"`
}

// NetworkValue is the suggestion for one network.
type NetworkValue struct {
	ID      string `json:"id"`
	Current int    `json:"current"`
	// Picked respondents use it; Share is Picked of N with its interval.
	Picked int      `json:"picked"`
	Share  Estimate `json:"share"`
	// Suggested members, with the 95% interval [Low, High] carried over
	// from Share's.
	Suggested int `json:"suggested"`
	Low       int `json:"low"`
	High      int `json:"high"`
	// Kept is set when no respondent picked the network (or the survey
	// did not offer it): Suggested is Current, for a person to judge.
	Kept bool `json:"kept,omitempty"`
}

// GenerationMix suggests the generation mix as shares.
type GenerationMix struct {
	// N is the number of respondents who gave an age bracket.
	N         int  `json:"n"`
	LowSample bool `json:"low_sample,omitempty"`
	// Items hold the four generations, oldest first (Generations()).
	Items []GenerationValue `json:"items"`
}

// GenerationValue is the suggestion for one generation.
type GenerationValue struct {
	ID      string  `json:"id"`
	Current float64 `json:"current"`
	Picked  int     `json:"picked"`
	// Suggested is the share of the respondents, with its interval.
	Suggested Estimate `json:"suggested"`
}

// InterestWeights suggests interest weights.
type InterestWeights struct {
	// N is the number of respondents who picked at least one interest.
	N         int  `json:"n"`
	LowSample bool `json:"low_sample,omitempty"`
	// Items hold the profile's interests in the profile's order. Picks of
	// terms the profile no longer has are left out.
	Items []InterestValue `json:"items"`
}

// InterestValue is the suggestion for one interest.
type InterestValue struct {
	Term string `json:"term"`
	// Current is the interest's effective weight (0 counts as
	// scoring.DefaultWeight).
	Current float64 `json:"current"`
	// Picked respondents put it in their top three; Share is Picked of N.
	Picked int      `json:"picked"`
	Share  Estimate `json:"share"`
	// Suggested weight, MinInterestWeight..MaxInterestWeight, with the
	// 95% interval [Low, High] carried over from Share's.
	Suggested float64 `json:"suggested"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	// Kept is set when nobody picked the interest (or the survey did not
	// offer it): Suggested is Current, flagged for a person to judge.
	Kept bool `json:"kept,omitempty"`
}

// Suggest computes the profile a tally suggests, next to the current one:
//
//   - networks: the share of respondents who use each network. With member
//     counts in the profile, their total is kept and split over the picked
//     networks in proportion to their picks; networks nobody picked keep
//     their count (Kept) and the rest of the total is what is split. Without
//     member counts the suggestion is the respondents per network.
//   - generations: each generation's share of the respondents who gave an
//     age bracket.
//   - interests: a weight from MinInterestWeight to MaxInterestWeight by
//     the share of respondents who picked each, relative to the most picked
//     one; interests nobody picked keep their weight (Kept).
//
// Every value carries its sample size and a 95% interval (Wilson's for
// shares; counts and weights carry their share's interval through the same
// scaling, taking the scale itself as exact).
func Suggest(current scoring.Audience, t Tally) Suggestion {
	return Suggestion{
		Respondents: t.Respondents,
		Networks:    suggestNetworks(current.Networks, t),
		Generations: suggestGenerations(current.Generations, t),
		Interests:   suggestInterests(current.Interests, t),
	}
}

func suggestNetworks(current map[string]int, t Tally) NetworkMix {
	cur := map[string]int{}
	for k, v := range current {
		if id, ok := scoring.CanonicalNetwork(k); ok {
			cur[id] += v
		}
	}
	picked, sumPicked := map[string]int{}, 0
	for k, v := range t.Networks {
		if id, ok := scoring.CanonicalNetwork(k); ok && v > 0 {
			picked[id] += v
			sumPicked += v
		}
	}
	total, kept := 0, 0
	for id, v := range cur {
		total += v
		if picked[id] == 0 {
			kept += v
		}
	}
	n := t.Answered.Networks
	mix := NetworkMix{N: n, LowSample: n < MinSample, Basis: BasisMembers, Total: total, Items: []NetworkValue{}}
	if total == 0 {
		mix.Basis = BasisRespondents
	}
	if n <= 0 || sumPicked == 0 {
		mix.N = 0
		picked = map[string]int{}
	}
	// scale turns respondents into members: the total not held by kept
	// networks over all picks. (When kept networks hold the whole total,
	// the picked ones are scaled to the total as if they were the only
	// ones: the sum then exceeds the old total, which a person sees.)
	scale := 1.0
	if total > 0 && sumPicked > 0 {
		rest := total - kept
		if rest <= 0 {
			rest = total
		}
		scale = float64(rest) / float64(sumPicked)
	}
	for id := range union(cur, picked) {
		v := NetworkValue{ID: id, Current: cur[id], Picked: picked[id], Share: Share(picked[id], mix.N)}
		if v.Picked == 0 {
			v.Kept = true
			v.Suggested, v.Low, v.High = v.Current, v.Current, v.Current
		} else {
			_, lo, hi := wilson(v.Picked, mix.N)
			nn := float64(mix.N)
			v.Suggested = members(scale * float64(v.Picked))
			v.Low, v.High = members(scale*nn*lo), members(scale*nn*hi)
		}
		mix.Items = append(mix.Items, v)
	}
	slices.SortFunc(mix.Items, func(a, b NetworkValue) int {
		return cmp.Or(cmp.Compare(b.Suggested, a.Suggested), cmp.Compare(a.ID, b.ID))
	})
	return mix
}

func suggestGenerations(current map[string]float64, t Tally) GenerationMix {
	n := t.Answered.Generation
	mix := GenerationMix{N: max(n, 0), LowSample: n < MinSample}
	for _, g := range Generations() {
		c := t.Generations[g]
		mix.Items = append(mix.Items, GenerationValue{ID: g, Current: current[g], Picked: c, Suggested: Share(c, n)})
	}
	return mix
}

func suggestInterests(current []scoring.Interest, t Tally) InterestWeights {
	n := t.Answered.Interests
	iw := InterestWeights{N: max(n, 0), LowSample: n < MinSample, Items: []InterestValue{}}
	picked := map[string]int{}
	for k, v := range t.Interests {
		picked[fold(k)] += max(v, 0)
	}
	top := 0 // the most picks of any of the profile's interests
	for _, in := range current {
		top = max(top, picked[fold(in.Term)])
	}
	topShare, _, _ := wilson(top, n) // > 0 whenever weight is called
	weight := func(share float64) float64 {
		w := MinInterestWeight + (MaxInterestWeight-MinInterestWeight)*share/topShare
		return round2(min(max(w, MinInterestWeight), MaxInterestWeight))
	}
	for _, in := range current {
		v := InterestValue{Term: in.Term, Current: weightOf(in), Picked: picked[fold(in.Term)]}
		v.Share = Share(v.Picked, n)
		if n <= 0 || v.Picked == 0 {
			v.Kept = true
			v.Suggested, v.Low, v.High = v.Current, v.Current, v.Current
		} else {
			p, lo, hi := wilson(v.Picked, n)
			v.Suggested, v.Low, v.High = weight(p), weight(lo), weight(hi)
		}
		iw.Items = append(iw.Items, v)
	}
	return iw
}

// Apply returns the current audience with a suggestion's values: member
// counts per network (every network of the suggestion, by canonical id),
// the generation mix, and the weights of the interests respondents picked
// (kept interests and every other field stay as they are). A section
// without answers (N = 0) is left unchanged. The result shares unchanged
// slices and maps with current; scoring.Compile accepts it whenever it
// accepts current. The API applies it as a PATCH with its version check,
// so a suggestion computed against an older profile is refused rather than
// applied over a newer one.
func Apply(current scoring.Audience, s Suggestion) scoring.Audience {
	out := current
	if s.Networks.N > 0 && len(s.Networks.Items) > 0 {
		out.Networks = make(map[string]int, len(s.Networks.Items))
		for _, v := range s.Networks.Items {
			if id, ok := scoring.CanonicalNetwork(v.ID); ok {
				out.Networks[id] = min(max(v.Suggested, 0), domain.MaxMembers)
			}
		}
	}
	if s.Generations.N > 0 {
		out.Generations = make(map[string]float64, len(s.Generations.Items))
		for _, v := range s.Generations.Items {
			if contains(Generations(), v.ID) {
				out.Generations[v.ID] = min(max(v.Suggested.Value, 0), 1)
			}
		}
	}
	if s.Interests.N > 0 {
		w := map[string]float64{}
		for _, v := range s.Interests.Items {
			if !v.Kept {
				w[fold(v.Term)] = min(max(v.Suggested, MinInterestWeight), MaxInterestWeight)
			}
		}
		out.Interests = slices.Clone(current.Interests)
		for i, in := range out.Interests {
			if v, ok := w[fold(in.Term)]; ok {
				out.Interests[i].Weight = v
			}
		}
	}
	return out
}

// union returns the keys of two maps as a set.
func union(a, b map[string]int) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// members rounds a scaled count to a member count the profile accepts.
func members(x float64) int {
	if math.IsNaN(x) || x < 0 {
		return 0
	}
	return int(math.Min(math.Round(x), domain.MaxMembers))
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
