// Package followers analyses who actually follows a community: the bios
// people export from their social networks (CSV or JSONL), scored against
// the community's interests with the scoring engine's own text analysis.
//
// It answers the product's "the right followers beat many followers": what
// share of followers are on target (their bio mentions one of the
// community's interests, with a 95% Wilson interval), the most distinctive
// words of their bios (a term cloud, CloudSVG), words frequent among them
// that the community's interests miss (suggestions, never applied), and the
// network and generation mix, each with its sample size.
//
// Privacy is a rule, not an option: a Report holds aggregates only. No bio,
// no per-follower row and no word fewer than MinTermFollowers followers use
// ever leaves Analyse, so the API can store the report and drop the file.
// Error messages never quote a bio either.
//
// It is a pure domain package (no I/O beyond the io.Reader it is handed, no
// AWS, no HTTP): internal/api serves it. docs/FOLLOWERS.md describes the
// formats, the measures and the limits.
package followers

import (
	"strconv"
	"time"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Follower is one row of an export: what a follower says about themselves
// and, when the export has them, where and how old they are. Parse fills
// it; Analyse reads it and keeps nothing of it but counts.
type Follower struct {
	// Bio is the profile text ("Sysadmin. Backups or it didn't happen.").
	// Empty when the follower wrote none: they still count in the network
	// and generation mix, not in the on-target share.
	Bio string
	// Network is a network id (scoring.CanonicalNetwork: "x" is
	// "twitter"), NetworkOther for a network the scoring engine does not
	// know, or empty when not given.
	Network string
	// Age is the follower's age bracket; the zero value means not given.
	Age AgeBracket
	// BirthYear is the year of birth, 0 when not given. It is more precise
	// than Age, so it wins when a row has both.
	BirthYear int
}

// NetworkOther is the Follower.Network and mix id of a network the scoring
// engine does not know ("substack"): counted, but not by name, so that no
// free text from a file reaches a report.
const NetworkOther = "other"

// GenerationOther is the generation mix id of followers born before 1946
// or after 2012, outside the four generations the scoring engine models.
const GenerationOther = "other"

// Limits on ages and birth years; values outside them are errors.
const (
	// MaxAge is the oldest age a bracket may name.
	MaxAge = 120
	// MinBirthYear and MaxBirthYear bound a birth year.
	MinBirthYear = 1900
	MaxBirthYear = 2099
	// OpenBracketYears is how many years an open bracket ("65+") is taken
	// to span: survey and network brackets are ten years wide, and the
	// youngest years of an open bracket hold most of its people.
	OpenBracketYears = 10
)

// AgeBracket is an age range in whole years, as exports and surveys give
// it: "25-34" is {Min: 25, Max: 34}, "65+" is {Min: 65, Open: true}, "30"
// is {Min: 30, Max: 30}. The zero value means no age given.
type AgeBracket struct {
	Min  int
	Max  int
	Open bool
}

// Known reports whether the bracket holds an age.
func (b AgeBracket) Known() bool { return b.Max > 0 || b.Open }

// String writes the bracket the way exports do ("25-34", "65+", "30").
func (b AgeBracket) String() string {
	switch {
	case !b.Known():
		return ""
	case b.Open:
		return strconv.Itoa(b.Min) + "+"
	case b.Min == b.Max:
		return strconv.Itoa(b.Min)
	}
	return strconv.Itoa(b.Min) + "-" + strconv.Itoa(b.Max)
}

// valid reports whether the bracket's ages are in 1..MaxAge and in order.
func (b AgeBracket) valid() bool {
	if b.Open {
		return b.Min >= 1 && b.Min <= MaxAge && b.Max == 0
	}
	return b.Min >= 1 && b.Min <= b.Max && b.Max <= MaxAge
}

// Generation birth years (inclusive): Pew Research Center's boundaries,
// for the four generations the scoring engine's audience mix names.
const (
	BoomersFrom     = 1946
	GenXFrom        = 1965
	MillennialsFrom = 1981
	GenZFrom        = 1997
	GenZTo          = 2012
)

// GenerationOf returns the generation id (scoring.Boomers, GenX,
// Millennials, GenZ) of a birth year, or GenerationOther outside 1946–2012.
func GenerationOf(birthYear int) string {
	switch {
	case birthYear < BoomersFrom || birthYear > GenZTo:
		return GenerationOther
	case birthYear < GenXFrom:
		return scoring.Boomers
	case birthYear < MillennialsFrom:
		return scoring.GenX
	case birthYear < GenZFrom:
		return scoring.Millennials
	}
	return scoring.GenZ
}

// generationIDs are the mix ids, oldest first, then GenerationOther.
var generationIDs = [...]string{scoring.Boomers, scoring.GenX, scoring.Millennials, scoring.GenZ, GenerationOther}

func generationIndex(birthYear int) int {
	g := GenerationOf(birthYear)
	for i, id := range generationIDs {
		if id == g {
			return i
		}
	}
	return len(generationIDs) - 1
}

// Generations spreads one person of this age bracket over the generations,
// as of now: each age in the bracket is equally likely, and a person aged a
// was born in now's year − a if their birthday has passed (the share of
// now's year gone by) and a year earlier if not. So in January 2026 a
// "25-34" is born 1991–2000: 0.6 millennials, 0.4 Gen Z. The shares sum to
// 1; an unknown bracket gives nil.
func (b AgeBracket) Generations(now time.Time) map[string]float64 {
	if !b.Known() {
		return nil
	}
	w := b.generationWeights(now)
	out := make(map[string]float64, len(w))
	for i, v := range w {
		if v > 0 {
			out[generationIDs[i]] = v
		}
	}
	return out
}

func (b AgeBracket) generationWeights(now time.Time) [len(generationIDs)]float64 {
	var w [len(generationIDs)]float64
	lo, hi := b.Min, b.Max
	if b.Open {
		hi = lo + OpenBracketYears - 1
	}
	year := now.Year()
	days := 365.0
	if time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC).YearDay() == 366 {
		days = 366
	}
	passed := float64(now.YearDay()-1) / days
	per := 1 / float64(hi-lo+1)
	for a := lo; a <= hi; a++ {
		w[generationIndex(year-a)] += per * passed
		w[generationIndex(year-a-1)] += per * (1 - passed)
	}
	return w
}
