package scoring

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// checkIDs lists the checks in the order Result.Checks reports them.
var checkIDs = [numChecks]string{CheckRelevance, CheckFocus, CheckValue, CheckGenerations, CheckReadability, CheckChannel, CheckHooks}

// checkWeights are the overall-score weights, in checkIDs order.
var checkWeights = [numChecks]float64{WeightRelevance, WeightFocus, WeightValue, WeightGenerations, WeightReadability, WeightChannel, WeightHooks}

const (
	idxRelevance = iota
	idxFocus
	idxValue
	idxGenerations
	idxReadability
	idxChannel
	idxHooks
	numChecks
	idxOverall = numChecks // index of the overall threshold
)

// generationIDs lists the generations, oldest first, as reported.
var generationIDs = [numGenerations]string{Boomers, GenX, Millennials, GenZ}

const numGenerations = 4

// CheckIDs returns the ids of the seven checks in report order.
func CheckIDs() []string { return append([]string(nil), checkIDs[:]...) }

func checkIndex(id string) int {
	for i, c := range checkIDs {
		if c == id {
			return i
		}
	}
	return -1
}

// interest is a compiled interest: its words lower-cased and stemmed.
type interest struct {
	term   string
	weight float64
	stems  []string
	lowers []string
	// contentStems and contentLowers are its words that are not function
	// words: a draft that uses some of them covers the phrase in part.
	contentStems, contentLowers []string
}

// membership is the community's member count on one network.
type membership struct {
	id      string
	members int
}

// Profile is an audience prepared for scoring (interests stemmed, phrases
// split, rating boundaries resolved). Compile it once and score many drafts
// against it: the widget re-scores on every keystroke. A Profile is
// immutable but for its stem cache, which a mutex guards, so one may be
// shared by concurrent Score calls.
type Profile struct {
	name      string
	interests []interest
	// byStem and byLower index interests by their first word, stemmed
	// (English drafts) or only lower-cased (other languages).
	byStem, byLower map[string][]int32
	// joined indexes multi-word interests by their words written together
	// ("farmersmarket"): the form they take in hashtags.
	joined map[string][]int32
	// vocabStem and vocabLower hold every content word of every interest:
	// the community's vocabulary, read by the focus check.
	vocabStem, vocabLower map[string]bool
	totalWeight           float64
	weightsDesc           []float64 // interest weights, largest first

	gens      [numGenerations]float64 // shares, in generationIDs order
	gensGiven bool

	networks     []membership // sorted by member count, largest first, then id
	totalMembers int

	thresholds [numChecks + 1]Threshold
	disabled   [numChecks]bool
	required   [numChecks]bool
	traits     traitRules

	stems stemCache // draft words seen by earlier Score calls

	calib *calibration // nil when the audience has none (or of another model)
}

// Compile validates an audience and prepares it for scoring. An invalid
// audience gives an *InputError naming the field in its JSON spelling.
func Compile(a Audience) (*Profile, error) {
	if len(a.Name) > MaxNameBytes {
		return nil, inputErr("name", "longer than "+strconv.Itoa(MaxNameBytes)+" bytes")
	}
	if len(a.Interests) == 0 {
		return nil, inputErr("interests", "at least one interest is required")
	}
	if len(a.Interests) > MaxInterests {
		return nil, inputErr("interests", "more than "+strconv.Itoa(MaxInterests)+" interests")
	}
	p := &Profile{
		name:       a.Name,
		byStem:     map[string][]int32{},
		byLower:    map[string][]int32{},
		joined:     map[string][]int32{},
		vocabStem:  map[string]bool{},
		vocabLower: map[string]bool{},
	}
	lx := loadLexicon()
	for i, in := range a.Interests {
		path := "interests[" + strconv.Itoa(i) + "]"
		term := strings.TrimSpace(in.Term)
		switch {
		case term == "":
			return nil, inputErr(path+".term", "empty")
		case len(term) > MaxTermBytes:
			return nil, inputErr(path+".term", "longer than "+strconv.Itoa(MaxTermBytes)+" bytes")
		case !utf8.ValidString(term):
			return nil, inputErr(path+".term", "not valid UTF-8")
		}
		w := in.Weight
		switch {
		case math.IsNaN(w) || w < 0 || w > MaxWeight:
			return nil, inputErr(path+".weight", "must be between 0 and "+formatFloat(MaxWeight)+" (0 or omitted means "+formatFloat(DefaultWeight)+")")
		case w == 0:
			w = DefaultWeight
		}
		words := splitPhrase(term)
		if len(words) == 0 {
			return nil, inputErr(path+".term", "has no words")
		}
		if len(words) > MaxTermWords {
			return nil, inputErr(path+".term", "more than "+strconv.Itoa(MaxTermWords)+" words")
		}
		it := interest{term: term, weight: w, lowers: words}
		for _, word := range words {
			st := stem(word)
			it.stems = append(it.stems, st)
			if !lx.stop[word] {
				p.vocabStem[st] = true
				p.vocabLower[word] = true
				it.contentStems = append(it.contentStems, st)
				it.contentLowers = append(it.contentLowers, word)
			}
		}
		idx := int32(len(p.interests))
		p.byStem[it.stems[0]] = append(p.byStem[it.stems[0]], idx)
		p.byLower[words[0]] = append(p.byLower[words[0]], idx)
		if len(words) > 1 {
			j := strings.Join(words, "")
			p.joined[j] = append(p.joined[j], idx)
		}
		p.interests = append(p.interests, it)
		p.totalWeight += w
		p.weightsDesc = append(p.weightsDesc, w)
	}
	insertionSort(p.weightsDesc, func(a, b float64) bool { return a > b })
	// Longest phrase first at each position (matchInterests relies on it).
	for _, idx := range [...]map[string][]int32{p.byStem, p.byLower} {
		for _, list := range idx {
			insertionSort(list, func(x, y int32) bool { return len(p.interests[x].stems) > len(p.interests[y].stems) })
		}
	}

	if len(a.Traits) > MaxTraits {
		return nil, inputErr("traits", "more than "+strconv.Itoa(MaxTraits)+" traits")
	}
	for i, t := range a.Traits {
		if len(t) > MaxTraitBytes {
			return nil, inputErr("traits["+strconv.Itoa(i)+"]", "longer than "+strconv.Itoa(MaxTraitBytes)+" bytes")
		}
	}
	p.traits = compileTraits(a.Traits)

	switch {
	case len(a.Generations) > MaxMapEntries:
		return nil, inputErr("generations", "more than "+strconv.Itoa(MaxMapEntries)+" entries")
	case len(a.Networks) > MaxMapEntries:
		return nil, inputErr("networks", "more than "+strconv.Itoa(MaxMapEntries)+" entries")
	case len(a.Thresholds) > MaxMapEntries:
		return nil, inputErr("thresholds", "more than "+strconv.Itoa(MaxMapEntries)+" entries")
	}
	for _, k := range sortedKeys(a.Generations) {
		g := indexOf(generationIDs[:], k)
		if g < 0 {
			return nil, inputErr("generations."+k, "unknown generation (use "+strings.Join(generationIDs[:], ", ")+")")
		}
		v := a.Generations[k]
		if math.IsNaN(v) || v < 0 || v > 1 {
			return nil, inputErr("generations."+k, "share must be between 0 and 1")
		}
		p.gens[g] = v
		if v > 0 {
			p.gensGiven = true
		}
	}
	if !p.gensGiven {
		// No mix given: assume an even one, and say so in the message.
		for g := range p.gens {
			p.gens[g] = 1.0 / numGenerations
		}
	}

	seen := map[string]string{}
	for _, k := range sortedKeys(a.Networks) {
		id, ok := CanonicalNetwork(k)
		if !ok {
			return nil, inputErr("networks."+k, "unknown network (use "+strings.Join(NetworkIDs(), ", ")+")")
		}
		if prev, dup := seen[id]; dup {
			return nil, inputErr("networks."+k, "same network as networks."+prev)
		}
		seen[id] = k
		m := a.Networks[k]
		if m < 0 || m > MaxMembers {
			return nil, inputErr("networks."+k, "member count must be between 0 and "+strconv.Itoa(MaxMembers))
		}
		p.networks = append(p.networks, membership{id: id, members: m})
		p.totalMembers += m
	}
	insertionSort(p.networks, func(a, b membership) bool {
		if a.members != b.members {
			return a.members > b.members
		}
		return a.id < b.id
	})

	for i := range p.thresholds {
		p.thresholds[i] = Threshold{Good: DefaultGood, OK: DefaultOK}
	}
	for _, k := range sortedKeys(a.Thresholds) {
		i := checkIndex(k)
		if k == ThresholdOverall {
			i = idxOverall
		} else if i < 0 {
			return nil, inputErr("thresholds."+k, "unknown check (use "+strings.Join(checkIDs[:], ", ")+" or "+ThresholdOverall+")")
		}
		t := a.Thresholds[k]
		switch {
		case math.IsNaN(t.Good) || t.Good < 0 || t.Good > 100:
			return nil, inputErr("thresholds."+k+".good", "must be between 0 and 100")
		case math.IsNaN(t.OK) || t.OK < 0 || t.OK > 100:
			return nil, inputErr("thresholds."+k+".ok", "must be between 0 and 100")
		case t.OK > t.Good:
			return nil, inputErr("thresholds."+k+".ok", "must not be above good ("+formatFloat(t.Good)+")")
		}
		p.thresholds[i] = t
	}

	for i, d := range a.Disabled {
		c := checkIndex(d)
		if c < 0 {
			return nil, inputErr("disabled["+strconv.Itoa(i)+"]", "unknown check "+strconv.Quote(d)+" (use "+strings.Join(checkIDs[:], ", ")+")")
		}
		p.disabled[c] = true
	}
	for i, d := range a.Required {
		c := checkIndex(d)
		field := "required[" + strconv.Itoa(i) + "]"
		switch {
		case c < 0:
			return nil, inputErr(field, "unknown check "+strconv.Quote(d)+" (use "+strings.Join(checkIDs[:], ", ")+")")
		case p.disabled[c]:
			return nil, inputErr(field, "check "+strconv.Quote(d)+" is also disabled")
		}
		p.required[c] = true
	}
	if a.Calibration != nil {
		cc, err := compileCalibration(a.Calibration)
		if err != nil {
			return nil, err
		}
		p.calib = cc
	}
	enabled := 0
	for _, d := range p.disabled {
		if !d {
			enabled++
		}
	}
	if enabled == 0 {
		return nil, inputErr("disabled", "at least one check must stay enabled")
	}
	return p, nil
}

func inputErr(field, msg string) *InputError { return &InputError{Field: field, Message: msg} }

// sortedKeys returns a map's keys in order: the engine never iterates a map
// unsorted, so its output is deterministic.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	insertionSort(keys, func(a, b string) bool { return a < b })
	return keys
}
