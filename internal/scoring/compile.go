package scoring

import (
	"math"
	"strconv"
	"strings"
	"sync"
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

// interest is a compiled interest: its words lower-cased (their stems are
// in each language's langIndex).
type interest struct {
	term   string
	weight float64
	lowers []string
	// contentLowers are its words that are not (English) function words: a
	// draft that uses some of them covers the phrase in part.
	contentLowers []string
}

// langIndex is the interests seen through one modelled language: stemmed by
// its stemmer, their content words those off its function-word list. A
// Spanish community's "recetas de cocina" meets a Spanish draft's "receta"
// and "cocinar"; an English draft on the same profile is matched on English
// stems. Built on a Profile's first draft in that language.
type langIndex struct {
	// byStem indexes interests by the stem of their first word, longest
	// phrase first.
	byStem map[string][]int32
	// stems and content hold, per interest, its words stemmed and its
	// content words stemmed.
	stems, content [][]string
	// vocab holds every content stem of every interest: the community's
	// vocabulary, read by the focus check.
	vocab map[string]bool
}

// langState is a Profile's per-language state.
type langState struct {
	once  sync.Once
	index *langIndex
	stems stemCache // draft words seen by earlier Score calls
}

// index returns the profile's interests seen through language l.
func (p *Profile) index(l *langSpec) *langIndex {
	st := &p.langs[l.index]
	st.once.Do(func() { st.index = p.buildIndex(l) })
	return st.index
}

func (p *Profile) buildIndex(l *langSpec) *langIndex {
	stop := l.load().stop
	ix := &langIndex{
		byStem:  make(map[string][]int32, len(p.interests)),
		stems:   make([][]string, len(p.interests)),
		content: make([][]string, len(p.interests)),
		vocab:   make(map[string]bool, 2*len(p.interests)),
	}
	for i := range p.interests {
		in := &p.interests[i]
		for _, w := range in.lowers {
			st := l.stemWord(w)
			ix.stems[i] = append(ix.stems[i], st)
			if !stop[w] {
				ix.vocab[st] = true
				ix.content[i] = append(ix.content[i], st)
			}
		}
		first := ix.stems[i][0]
		ix.byStem[first] = append(ix.byStem[first], int32(i))
	}
	// Longest phrase first at each position (matchInterests relies on it).
	for _, list := range ix.byStem {
		insertionSort(list, func(x, y int32) bool { return len(p.interests[x].lowers) > len(p.interests[y].lowers) })
	}
	return ix
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
	// byLower indexes interests by their first word lower-cased: how
	// drafts in a language the engine does not model meet them (modelled
	// ones go through langs[].index).
	byLower map[string][]int32
	// joined indexes multi-word interests by their words written together
	// ("farmersmarket"): the form they take in hashtags.
	joined map[string][]int32
	// vocabLower holds every content word of every interest, lower-cased.
	vocabLower  map[string]bool
	totalWeight float64
	weightsDesc []float64 // interest weights, largest first

	gens      [numGenerations]float64 // shares, in generationIDs order
	gensGiven bool

	networks     []membership // sorted by member count, largest first, then id
	totalMembers int

	thresholds [numChecks + 1]Threshold
	disabled   [numChecks]bool
	required   [numChecks]bool
	traits     traitRules

	// declared is the language the community declared ("" for none).
	declared string
	langs    [maxLanguages]langState

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
		byLower:    map[string][]int32{},
		joined:     map[string][]int32{},
		vocabLower: map[string]bool{},
	}
	if a.Language != "" {
		code := a.Language
		if indexOf(modelledCodes[:], code) < 0 {
			return nil, inputErr("language", "not a modelled language (use one of "+strings.Join(modelledCodes[:], ", ")+")")
		}
		// A widget build has English and one other language; a community
		// declared in a third is scored as not modelled there (the loader
		// then fetches the build for it).
		p.declared = code
	}
	enStop := englishModel().load().stop
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
			return nil, inputErr(path+".weight", "must be between 0 and "+FormatDecimal(MaxWeight)+" (0 or omitted means "+FormatDecimal(DefaultWeight)+")")
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
			if !enStop[word] {
				p.vocabLower[word] = true
				it.contentLowers = append(it.contentLowers, word)
			}
		}
		idx := int32(len(p.interests))
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
	for _, list := range p.byLower {
		insertionSort(list, func(x, y int32) bool { return len(p.interests[x].lowers) > len(p.interests[y].lowers) })
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
			return nil, inputErr("thresholds."+k+".ok", "must not be above good ("+FormatDecimal(t.Good)+")")
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
