package engagement

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// Insight tuning (docs/ENGAGEMENT.md, "Insights").
const (
	// PriorViews is the weight, in views, of the community-wide conversion
	// rate when a network's or segment's own rate is estimated: a network
	// with 3 views and 1 sign-up is not a 33% network. Rates are smoothed
	// as (conversions + PriorViews × overall rate) / (views + PriorViews).
	PriorViews = 50
	// MinSegmentViews is the fewest views a network × generation segment
	// needs to be named the most productive one.
	MinSegmentViews = 20
	// TopOffers is how many offers the insights list.
	TopOffers = 10
)

// Profile is what the insights need to know about the community itself:
// its members per network and its generations mix (from the community
// record, the same fields as the scoring audience).
type Profile struct {
	Networks    map[string]int     `json:"networks,omitempty"`
	Generations map[string]float64 `json:"generations,omitempty"`
}

// Totals are a slice of the counters with its conversion rate.
type Totals struct {
	Views     int64   `json:"views"`
	Clicks    int64   `json:"clicks"`
	Shares    int64   `json:"shares"`
	Comments  int64   `json:"comments"`
	Signups   int64   `json:"signups"`
	Purchases int64   `json:"purchases"`
	Value     float64 `json:"value"`
	// Conversion is (signups + purchases) / views.
	Conversion float64 `json:"conversion"`
}

func totalsOf(t Tally) Totals {
	return Totals{Views: t.Views, Clicks: t.Clicks, Shares: t.Shares, Comments: t.Comments,
		Signups: t.Signups, Purchases: t.Purchases, Value: float64(t.Cents) / 100,
		Conversion: rate(t.Signups+t.Purchases, t.Views)}
}

// Funnel is views → clicks → sign-ups → purchases, each rate relative to
// the step before; Overall is purchases per view.
type Funnel struct {
	Totals
	ClickRate    float64 `json:"click_rate"`
	SignupRate   float64 `json:"signup_rate"`
	PurchaseRate float64 `json:"purchase_rate"`
	Overall      float64 `json:"overall"`
	// ShareRate is shares per view: how often the offer is worth passing on.
	ShareRate float64 `json:"share_rate"`
}

// NetworkRow is one network's engagement next to its membership.
type NetworkRow struct {
	Network string `json:"network"`
	// Members is the community's member count on this network (profile).
	Members int `json:"members"`
	Totals
	// Smoothed is the conversion rate shrunk towards the community's
	// (PriorViews); Expected is Members × Smoothed: the conversions this
	// network would yield if the offer reached all its members.
	Smoothed float64 `json:"smoothed"`
	Expected float64 `json:"expected"`
}

// Recommendation names where to start and why.
type Recommendation struct {
	Network string `json:"network"`
	Reason  string `json:"reason"`
}

// GenerationRow is one generation's engagement next to its share of the
// community.
type GenerationRow struct {
	Generation string  `json:"generation"`
	Share      float64 `json:"share"`
	Totals
}

// PartnerRow is one partner (tracked-link code): the events that came
// through it and the conversions credited to it under each model.
type PartnerRow struct {
	Partner string `json:"partner"`
	Touches Totals `json:"touches"`
	// FirstTouch and LastTouch count the sign-ups and purchases credited to
	// the partner under each model (never add them up).
	FirstTouch Conversions `json:"first_touch"`
	LastTouch  Conversions `json:"last_touch"`
}

// Conversions are attributed sign-ups and purchases.
type Conversions struct {
	Signups   int64   `json:"signups"`
	Purchases int64   `json:"purchases"`
	Value     float64 `json:"value"`
}

// OfferRow is one offer's engagement.
type OfferRow struct {
	Offer string `json:"offer"`
	Totals
}

// Segment is a network × generation slice of the community.
type Segment struct {
	Network    string `json:"network"`
	Generation string `json:"generation"`
	Totals
	Smoothed float64 `json:"smoothed"`
}

// LevelReport is the ladder of a community over a period: how many members
// stand on each level at the period's end, how many are committed buyers,
// and how members moved between the period's start and end.
type LevelReport struct {
	Levels map[string]int `json:"levels"`
	Buyers int            `json:"buyers"`
	Moves  map[Move]int   `json:"moves"`
}

// LevelsOf computes the level report of members over [from, to].
func LevelsOf(members []State, from, to time.Time) LevelReport {
	r := LevelReport{Levels: map[string]int{}, Moves: map[Move]int{}}
	for _, l := range Levels() {
		r.Levels[l.String()] = 0
	}
	for _, m := range []Move{MoveUp, MoveHeld, MoveDown, MoveNew} {
		r.Moves[m] = 0
	}
	for _, s := range members {
		move, level := s.MoveOver(from, to)
		if level == None {
			continue
		}
		r.Levels[level.String()]++
		r.Moves[move]++
		if s.Buyer(to) {
			r.Buyers++
		}
	}
	return r
}

// Insights is what the dashboard and GET /v1/communities/{id}/insights
// show for one community over a period.
type Insights struct {
	Community   string          `json:"community"`
	From        string          `json:"from"`
	To          string          `json:"to"`
	Funnel      Funnel          `json:"funnel"`
	Networks    []NetworkRow    `json:"networks"`
	StartHere   *Recommendation `json:"start_here"`
	Generations []GenerationRow `json:"generations"`
	Partners    []PartnerRow    `json:"partners"`
	TopOffers   []OfferRow      `json:"top_offers"`
	BestSegment *Segment        `json:"best_segment"`
	Ladder      LevelReport     `json:"ladder"`
	// Series has one row per day of the period, zeros included (issue 13).
	Series []DayRow `json:"series"`
	// Campaigns break the events down by the campaign credited with them
	// (UTM campaign × source × medium), most conversions first.
	Campaigns []CampaignRow `json:"campaigns"`
	// Previous is the period of the same length just before, when asked
	// for (?compare=previous).
	Previous *Comparison `json:"previous,omitempty"`
}

// Compute derives the insights from counters (already limited to the
// community and period), the community's profile and its level report.
// It is a pure function of counts, so insights from the stored counters
// equal insights from a recount of the raw events whenever the counts do.
func Compute(community, from, to string, c Counts, p Profile, ladder LevelReport) Insights {
	in := Insights{Community: community, From: from, To: to, Ladder: ladder,
		Networks: []NetworkRow{}, Generations: []GenerationRow{}, Partners: []PartnerRow{},
		TopOffers: []OfferRow{}}

	var all Tally
	byNetwork := map[string]Tally{}
	byGeneration := map[string]Tally{}
	byOffer := map[string]Tally{}
	byPartner := map[string]Tally{}
	bySegment := map[[2]string]Tally{}
	byDay := map[string]Tally{}
	add := func(m map[string]Tally, k string, t Tally) {
		v := m[k]
		v.Merge(t)
		m[k] = v
	}
	for _, cell := range c.sortedCells() {
		t := c.Cells[cell]
		all.Merge(t)
		add(byNetwork, cell.Network, t)
		add(byGeneration, cell.Generation, t)
		add(byOffer, cell.Offer, t)
		add(byDay, cell.Day, t)
		if cell.Partner != "" {
			add(byPartner, cell.Partner, t)
		}
		k := [2]string{cell.Network, cell.Generation}
		v := bySegment[k]
		v.Merge(t)
		bySegment[k] = v
	}

	in.Funnel = Funnel{Totals: totalsOf(all),
		ClickRate: rate(all.Clicks, all.Views), SignupRate: rate(all.Signups, all.Clicks),
		PurchaseRate: rate(all.Purchases, all.Signups), Overall: rate(all.Purchases, all.Views),
		ShareRate: rate(all.Shares, all.Views)}
	overall := ratio(all.Signups+all.Purchases, all.Views)
	smooth := func(t Tally) float64 {
		return round4((float64(t.Signups+t.Purchases) + PriorViews*overall) / (float64(t.Views) + PriorViews))
	}

	// Networks: every network the community is on, plus any seen in events.
	for n := range p.Networks {
		if _, ok := byNetwork[n]; !ok {
			byNetwork[n] = Tally{}
		}
	}
	for _, n := range sortedKeys(byNetwork) {
		t := byNetwork[n]
		row := NetworkRow{Network: n, Members: p.Networks[n], Totals: totalsOf(t), Smoothed: smooth(t)}
		row.Expected = round4(float64(row.Members) * row.Smoothed)
		in.Networks = append(in.Networks, row)
	}
	in.StartHere = startHere(in.Networks, all.Views)

	for g := range p.Generations {
		if _, ok := byGeneration[g]; !ok {
			byGeneration[g] = Tally{}
		}
	}
	for _, g := range sortedKeys(byGeneration) {
		in.Generations = append(in.Generations, GenerationRow{Generation: g,
			Share: round4(p.Generations[g]), Totals: totalsOf(byGeneration[g])})
	}

	credits := map[string]Credits{}
	for k, v := range c.Credits {
		cr := credits[k.Partner]
		cr.Merge(v)
		credits[k.Partner] = cr
		if _, ok := byPartner[k.Partner]; !ok {
			byPartner[k.Partner] = Tally{}
		}
	}
	for _, code := range sortedKeys(byPartner) {
		cr := credits[code]
		in.Partners = append(in.Partners, PartnerRow{Partner: code, Touches: totalsOf(byPartner[code]),
			FirstTouch: Conversions{cr.FirstSignups, cr.FirstPurchases, float64(cr.FirstCents) / 100},
			LastTouch:  Conversions{cr.LastSignups, cr.LastPurchases, float64(cr.LastCents) / 100}})
	}

	for _, o := range sortedKeys(byOffer) {
		in.TopOffers = append(in.TopOffers, OfferRow{Offer: o, Totals: totalsOf(byOffer[o])})
	}
	sort.SliceStable(in.TopOffers, func(i, j int) bool {
		a, b := in.TopOffers[i], in.TopOffers[j]
		if ca, cb := a.Signups+a.Purchases, b.Signups+b.Purchases; ca != cb {
			return ca > cb
		}
		return a.Views > b.Views
	})
	if len(in.TopOffers) > TopOffers {
		in.TopOffers = in.TopOffers[:TopOffers]
	}

	var segs []Segment
	for k, t := range bySegment {
		if t.Views >= MinSegmentViews {
			segs = append(segs, Segment{Network: k[0], Generation: k[1], Totals: totalsOf(t), Smoothed: smooth(t)})
		}
	}
	sort.Slice(segs, func(i, j int) bool {
		a, b := segs[i], segs[j]
		if a.Smoothed != b.Smoothed {
			return a.Smoothed > b.Smoothed
		}
		if ca, cb := a.Signups+a.Purchases, b.Signups+b.Purchases; ca != cb {
			return ca > cb
		}
		if a.Network != b.Network {
			return a.Network < b.Network
		}
		return a.Generation < b.Generation
	})
	if len(segs) > 0 {
		in.BestSegment = &segs[0]
	}
	in.Series = series(from, to, byDay)
	in.Campaigns = campaignRows(c)
	return in
}

// sortCampaigns orders campaign rows by conversions, then value, views and
// name, so the output is stable.
func sortCampaigns(rows []CampaignRow) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if ca, cb := a.Signups+a.Purchases, b.Signups+b.Purchases; ca != cb {
			return ca > cb
		}
		if a.Value != b.Value {
			return a.Value > b.Value
		}
		if a.Views+a.Clicks != b.Views+b.Clicks {
			return a.Views+a.Clicks > b.Views+b.Clicks
		}
		return a.Campaign+"#"+a.Source+"#"+a.Medium < b.Campaign+"#"+b.Source+"#"+b.Medium
	})
}

// startHere recommends the network where reaching everyone would yield the
// most conversions (members × smoothed conversion rate). Without any views
// it falls back to the network with the most members; without members, to
// the best smoothed rate among networks that have views.
func startHere(rows []NetworkRow, views int64) *Recommendation {
	var best *NetworkRow
	for i := range rows {
		r := &rows[i]
		if r.Network == Unknown {
			continue
		}
		switch {
		case best == nil:
			best = r
		case r.Expected != best.Expected:
			if r.Expected > best.Expected {
				best = r
			}
		case r.Members != best.Members:
			if r.Members > best.Members {
				best = r
			}
		case r.Smoothed > best.Smoothed:
			best = r
		}
	}
	if best == nil || best.Members == 0 && best.Views == 0 {
		return nil
	}
	var reason string
	switch {
	case views == 0:
		reason = fmt.Sprintf("most members (%d) and no engagement measured yet", best.Members)
	case best.Members == 0:
		reason = fmt.Sprintf("best conversion (%.1f%%); the community profile lists no members here", 100*best.Smoothed)
	default:
		reason = fmt.Sprintf("%d members converting at about %.1f%%: about %.0f conversions if the offer reached them all",
			best.Members, 100*best.Smoothed, best.Expected)
	}
	return &Recommendation{Network: best.Network, Reason: reason}
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// rate is a ratio rounded to 4 decimals (stable JSON).
func rate(a, b int64) float64 { return round4(ratio(a, b)) }

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
