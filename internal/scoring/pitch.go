package scoring

// The sales pitch, by kind (data/pitch.txt): hype, pressure (urgency and
// scarcity), superlatives, price pushes, calls to buy and fear appeals. The
// value check weighs all of it against the value the draft gives; the kinds
// also decide whether the draft is a hard sell, a deal-breaker that caps the
// overall score whatever the mean of the checks says:
//
//   - HardSellKinds or more kinds of pitch together (pressure; a price push,
//     or a price named next to a call to buy; calls to buy; stacked
//     superlatives; heavy hype), or
//   - one kind repeated: HardSellRepeats matches of pressure, price or
//     calls to buy, or
//   - pitch points of HardSellDensity or more per 100 words, outweighing
//     the value points, or
//   - a call to buy, or a price sold with hype or pressure, without one
//     strong value signal (a value.txt phrase weighing PitchOnlyValue or
//     more: how to, checklist, guide, template, data, example...): a polite
//     pitch that gives the reader nothing to use is still a pitch.
//
// For a coupon the price is the offer, not a push. A sign-up ("Sign up
// today") is a call to buy only when the draft names a price or presses.
//
// Superlatives count as a kind from SuperlativeStack matches (one is a
// claim, several are hype), hype from HypeStackPoints points. Fear phrases
// count only when the draft also sells or calls the reader to act (a safety
// guide may name risks): FearMinPoints of them make a fear appeal, another
// deal-breaker. Shouting
// is one too: ShoutWords words in capitals, or ExclaimFlood exclamation marks
// beyond the free ones.
const (
	HardSellKinds    = 2
	HardSellRepeats  = 2
	HardSellDensity  = 8.0
	PitchOnlyValue   = 1.5
	SuperlativeStack = 3
	HypeStackPoints  = 4.0
	FearMinPoints    = 2.5
	ShoutWords       = 3
	ExclaimFlood     = 3
)

// salesPitch is the draft's pitch, by kind.
type salesPitch struct {
	points       float64 // every kind, fear only when the draft sells
	selling      bool    // any pitch other than fear
	fear         float64
	kinds        []string // the kinds present, for the cap's reason
	repeated     string   // a kind repeated HardSellRepeats times, if any
	asks         bool     // a call to buy, or a price outside a coupon
	coupon       bool     // the offer is a coupon: its price is the offer
	paidSignup   bool     // sign-ups ask for a sale: the draft names a price or presses
	valueNumbers int      // plain numbers outside pitch sentences
	shouted      []Span
}

// counts reports whether matches of cat are pitch in this draft.
func (sp *salesPitch) counts(cat category) bool {
	switch cat {
	case catPrice:
		return !sp.coupon
	case catSignup:
		return sp.paidSignup
	case catPitch, catPressure, catSuperlative, catBuy:
		return true
	case catFear:
		return sp.selling
	}
	return false
}

func (a *analysis) salesPitch() salesPitch {
	// For a coupon the price is the offer itself (DESIGN.md counts a
	// coupon among the offers of value), not a push.
	sp := salesPitch{coupon: lowerASCII(a.c.Kind) == "coupon"}
	coupon := sp.coupon
	pts, n := &a.lexPoints, &a.lexCount
	priced := !coupon && a.priced() // one scan of the tokens
	sp.paidSignup = n[catSignup] > 0 && (priced || n[catPressure] > 0)
	buys := n[catBuy]
	if sp.paidSignup {
		buys += n[catSignup]
	}
	sp.selling = pts[catPitch]+pts[catPressure]+pts[catSuperlative]+pts[catPrice]+pts[catBuy] > 0 || sp.paidSignup
	for _, c := range pitchKinds {
		if sp.counts(c) {
			sp.points += pts[c]
		}
	}
	if sp.selling || n[catAct] > 0 {
		sp.fear = pts[catFear]
	}
	if n[catPressure] > 0 {
		sp.kinds = append(sp.kinds, "pressure ("+listAnd(a.examples(catPressure, 2))+")")
	}
	switch {
	case n[catPrice] > 0 && !coupon:
		sp.kinds = append(sp.kinds, "a price push ("+listAnd(a.examples(catPrice, 2))+")")
	case buys > 0 && priced:
		// A price named next to a call to buy is the price pushed.
		sp.kinds = append(sp.kinds, "a price with a call to buy")
	}
	if buys > 0 {
		sp.kinds = append(sp.kinds, plural(buys, "call", "calls")+" to buy ("+listAnd(append(a.examples(catBuy, 2), a.signupExamples(sp)...))+")")
	}
	if n[catSuperlative] >= SuperlativeStack {
		sp.kinds = append(sp.kinds, "stacked superlatives ("+listAnd(a.examples(catSuperlative, 2))+")")
	}
	if pts[catPitch] >= HypeStackPoints {
		sp.kinds = append(sp.kinds, "hype ("+listAnd(a.examples(catPitch, 2))+")")
	}
	switch {
	case n[catPressure] >= HardSellRepeats:
		sp.repeated = "pressure repeated (" + listAnd(a.examples(catPressure, 3)) + ")"
	case buys >= HardSellRepeats:
		sp.repeated = "calls to buy repeated (" + listAnd(a.examples(catBuy, 3)) + ")"
	case n[catPrice] >= HardSellRepeats && !coupon:
		sp.repeated = "discounts pushed again and again (" + listAnd(a.examples(catPrice, 3)) + ")"
	}
	// A price asks for a sale when hype or pressure sells it; a fee notice
	// or a coupon (where the price is the offer) does not.
	sp.asks = buys > 0 || n[catPrice] > 0 && !coupon && pts[catPitch]+pts[catPressure] > 0
	sp.valueNumbers = a.valueNumbers()
	sp.shouted = a.shouted()
	return sp
}

// valueNumbers counts the plain numbers (not a percentage, not a price) in
// sentences without a pitch: a number in "30% off, today only" is part of
// the pitch, not data the reader can use.
func (a *analysis) valueNumbers() int {
	n := 0
	for _, f := range []*field{&a.title, &a.body} {
		pitchy := map[int32]bool{}
		for _, m := range a.lex {
			if m.f == f && isPitchCategory(a.lx.entries[m.entry].cat) {
				pitchy[f.toks[m.first].sent] = true
			}
		}
		for i := range f.toks {
			t := &f.toks[i]
			if t.kind == tokNumber && t.amount == plainNumber && !pitchy[t.sent] {
				n++
			}
		}
	}
	return n
}

func isPitchCategory(c category) bool {
	switch c {
	case catPitch, catPressure, catSuperlative, catPrice, catBuy, catSignup:
		return true
	}
	return false
}

// topicExempt says which pitch categories the community's own interests
// exempt ("point of sale" for retailers is their topic, not a price push).
// Calls to buy, pressure and fear never are: an audience cannot list "buy
// now" as an interest to switch a deal-breaker off.
func topicExempt(c category) bool {
	switch c {
	case catPitch, catSuperlative, catPrice:
		return true
	}
	return false
}

// priced reports whether the draft names a price ($49, €20).
func (a *analysis) priced() bool {
	for _, f := range []*field{&a.title, &a.body} {
		for i := range f.toks {
			if f.toks[i].amount == priceNumber {
				return true
			}
		}
	}
	return false
}

// signupExamples returns the sign-up phrases when they ask for a sale.
func (a *analysis) signupExamples(sp salesPitch) []string {
	if !sp.paidSignup {
		return nil
	}
	return a.examples(catSignup, 1)
}

// pitchCaps returns the deal-breakers of the value check: a hard sell, a
// fear appeal, shouting.
func (a *analysis) pitchCaps(sp salesPitch, exclaims int, extraExclaims, pitchPer100, valuePer100 float64) []finding {
	var out []finding
	switch {
	case len(sp.kinds) >= HardSellKinds:
		out = append(out, finding{CheckValue, "A hard sell: " + listAnd(sp.kinds) + "."})
	case sp.repeated != "":
		out = append(out, finding{CheckValue, "A hard sell: " + sp.repeated + "."})
	case pitchPer100 >= HardSellDensity && pitchPer100 > valuePer100:
		out = append(out, finding{CheckValue, "A hard sell: the pitch (" + listAnd(a.pitchExamples(3)) + ") outweighs anything of value."})
	case sp.asks && a.strongValue() < PitchOnlyValue:
		out = append(out, finding{CheckValue, "A sales pitch: it asks the reader to buy (" + listAnd(a.pitchExamples(2)) + ") and gives nothing they can use: no how-to, checklist, data or example."})
	}
	if sp.fear >= FearMinPoints {
		out = append(out, finding{CheckValue, "A fear appeal: it frightens the reader into buying (" + listAnd(a.examples(catFear, 2)) + ")."})
	}
	switch {
	case len(sp.shouted) >= ShoutWords:
		out = append(out, finding{CheckValue, "Shouting: " + plural(len(sp.shouted), "word", "words") + " in capitals."})
	case extraExclaims >= ExclaimFlood:
		out = append(out, finding{CheckValue, "Shouting: " + plural(exclaims, "exclamation mark", "exclamation marks") + "."})
	}
	return out
}

// pitchExamples returns up to n distinct pitch phrases of the draft, the
// most points first.
func (a *analysis) pitchExamples(n int) []string {
	var out []string
	for _, c := range [...]category{catPressure, catPrice, catBuy, catSignup, catPitch, catSuperlative} {
		for _, e := range a.examples(c, n) {
			if len(out) < n {
				out = append(out, e)
			}
		}
	}
	return out
}

// strongValue sums the value phrases weighing PitchOnlyValue or more: the
// signals of something the reader can use, not words such as "price" or
// "plan" that a pitch uses too.
func (a *analysis) strongValue() float64 {
	v := 0.0
	for _, m := range a.lex {
		if e := &a.lx.entries[m.entry]; e.cat == catValue && e.weight >= PitchOnlyValue {
			v += e.weight
		}
	}
	return v
}
