package engagement

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"
)

// Counter design (docs/ENGAGEMENT.md, "Counters"): each event adds to
// exactly one cell of a small cube — (community, day, offer, network,
// generation, partner) — and, if it is a sign-up or purchase credited to a
// partner, to that partner's credit cell. Every breakdown the insights show
// (funnel, network, generation, offer, partner, segment) is a roll-up of
// cells at read time, so an event costs one counter write however many
// breakdowns there are.
//
// Cells are sharded: the store keeps Shards copies of every cell, one per
// partition key, and a reader sums them. Which shard an update goes to does
// not matter for correctness (a sum is a sum), only for spreading writes.
const (
	// Shards is how many partition keys each community-day's counters are
	// spread over. DynamoDB serves at most 1,000 write units per second per
	// partition; 16 shards absorb 16,000 counter updates per second for one
	// community-day even with no batching (10,000 events/s plus 60%
	// headroom).
	Shards = 16
	// DayLayout formats the day of a counter bucket (UTC).
	DayLayout = "2006-01-02"
)

// ShardOf picks the shard for a counter update keyed by an event id (the
// store uses the first event of a batch, so one batch's merged deltas go
// to one shard). FNV-1a spreads random ids evenly.
func ShardOf(eventID string) int {
	h := fnv.New32a()
	h.Write([]byte(eventID))
	return int(h.Sum32() % Shards)
}

// Day is the UTC day bucket of t.
func Day(t time.Time) string { return t.UTC().Format(DayLayout) }

// Closed reports whether the counters of day can no longer receive events
// at time now: no event older than MaxEventAge is accepted, and ApplyLease
// covers a request still applying one. Only a closed day may be repaired by
// overwriting its counters with a recount (see docs/ENGAGEMENT.md).
func Closed(day string, now time.Time) bool {
	d, err := time.Parse(DayLayout, day)
	if err != nil {
		return false
	}
	return now.After(d.Add(24*time.Hour + MaxEventAge + ApplyLease))
}

// ApplyLease bounds how long one request may take to apply an accepted
// event's counter deltas before another process may treat it as stuck.
const ApplyLease = 5 * time.Minute

// Cell is one cell of the counter cube. Empty network and generation are
// stored as Unknown; an empty partner means no partner.
type Cell struct {
	Community  string `json:"community"`
	Day        string `json:"day"`
	Offer      string `json:"offer"`
	Network    string `json:"network"`
	Generation string `json:"generation"`
	Partner    string `json:"partner,omitempty"`
}

// Tally counts the events of a cell by type, plus purchase value in cents.
type Tally struct {
	Views     int64 `json:"view,omitempty"`
	Clicks    int64 `json:"click,omitempty"`
	Shares    int64 `json:"share,omitempty"`
	Comments  int64 `json:"comment,omitempty"`
	Signups   int64 `json:"signup,omitempty"`
	Purchases int64 `json:"purchase,omitempty"`
	Cents     int64 `json:"cents,omitempty"`
}

// Add counts one event of type t worth cents.
func (t *Tally) Add(typ Type, cents int64) {
	switch typ {
	case View:
		t.Views++
	case Click:
		t.Clicks++
	case Share:
		t.Shares++
	case Comment:
		t.Comments++
	case Signup:
		t.Signups++
	case Purchase:
		t.Purchases++
		t.Cents += cents
	}
}

// Merge adds o to t.
func (t *Tally) Merge(o Tally) {
	t.Views += o.Views
	t.Clicks += o.Clicks
	t.Shares += o.Shares
	t.Comments += o.Comments
	t.Signups += o.Signups
	t.Purchases += o.Purchases
	t.Cents += o.Cents
}

// Attrs returns the tally as counter attribute names and amounts, without
// zeros: the ADD expression a store sends for one cell.
func (t Tally) Attrs() map[string]int64 {
	m := map[string]int64{}
	for k, v := range map[string]int64{
		"view": t.Views, "click": t.Clicks, "share": t.Shares, "comment": t.Comments,
		"signup": t.Signups, "purchase": t.Purchases, "cents": t.Cents,
	} {
		if v != 0 {
			m[k] = v
		}
	}
	return m
}

// TallyFromAttrs is the inverse of Attrs (unknown names are ignored).
func TallyFromAttrs(m map[string]int64) Tally {
	return Tally{Views: m["view"], Clicks: m["click"], Shares: m["share"], Comments: m["comment"],
		Signups: m["signup"], Purchases: m["purchase"], Cents: m["cents"]}
}

// CreditCell holds a partner's attribution credits for one community-day.
type CreditCell struct {
	Community string `json:"community"`
	Day       string `json:"day"`
	Partner   string `json:"partner"`
}

// Credits counts conversions credited to a partner under each model.
type Credits struct {
	FirstSignups   int64 `json:"first_signup,omitempty"`
	FirstPurchases int64 `json:"first_purchase,omitempty"`
	FirstCents     int64 `json:"first_cents,omitempty"`
	LastSignups    int64 `json:"last_signup,omitempty"`
	LastPurchases  int64 `json:"last_purchase,omitempty"`
	LastCents      int64 `json:"last_cents,omitempty"`
}

// Merge adds o to c.
func (c *Credits) Merge(o Credits) {
	c.FirstSignups += o.FirstSignups
	c.FirstPurchases += o.FirstPurchases
	c.FirstCents += o.FirstCents
	c.LastSignups += o.LastSignups
	c.LastPurchases += o.LastPurchases
	c.LastCents += o.LastCents
}

// Attrs returns the credits as counter attribute names and amounts, without
// zeros.
func (c Credits) Attrs() map[string]int64 {
	m := map[string]int64{}
	for k, v := range map[string]int64{
		"first_signup": c.FirstSignups, "first_purchase": c.FirstPurchases, "first_cents": c.FirstCents,
		"last_signup": c.LastSignups, "last_purchase": c.LastPurchases, "last_cents": c.LastCents,
	} {
		if v != 0 {
			m[k] = v
		}
	}
	return m
}

// CreditsFromAttrs is the inverse of Attrs.
func CreditsFromAttrs(m map[string]int64) Credits {
	return Credits{FirstSignups: m["first_signup"], FirstPurchases: m["first_purchase"],
		FirstCents: m["first_cents"], LastSignups: m["last_signup"],
		LastPurchases: m["last_purchase"], LastCents: m["last_cents"]}
}

// Counts are counter values (or deltas): tallies per cell and credits per
// partner cell. The zero value is not usable; call NewCounts.
type Counts struct {
	Cells   map[Cell]Tally
	Credits map[CreditCell]Credits
	// Campaigns count the events credited to a campaign (campaign.go).
	Campaigns map[CampaignCell]Tally
}

// NewCounts returns empty counts.
func NewCounts() Counts {
	return Counts{Cells: map[Cell]Tally{}, Credits: map[CreditCell]Credits{}, Campaigns: map[CampaignCell]Tally{}}
}

// CellOf is the cell an event counts in.
func CellOf(e Event) Cell {
	c := Cell{Community: e.Community, Day: Day(e.Time), Offer: e.Offer,
		Network: e.Network, Generation: e.Generation, Partner: e.Partner}
	if c.Network == "" {
		c.Network = Unknown
	}
	if c.Generation == "" {
		c.Generation = Unknown
	}
	return c
}

// Add adds one stored event's deltas.
func (c Counts) Add(s Stored) {
	cell := CellOf(s.Event)
	t := c.Cells[cell]
	t.Add(s.Type, s.Cents())
	c.Cells[cell] = t
	if !s.Campaign.IsZero() {
		k := CampaignCell{Community: s.Community, Day: cell.Day, UTM: s.Campaign}
		u := c.Campaigns[k]
		u.Add(s.Type, s.Cents())
		c.Campaigns[k] = u
	}
	credit := func(partner string, f func(*Credits)) {
		if partner == "" {
			return
		}
		k := CreditCell{Community: s.Community, Day: cell.Day, Partner: partner}
		v := c.Credits[k]
		f(&v)
		c.Credits[k] = v
	}
	switch s.Type {
	case Signup:
		credit(s.Credit.First, func(v *Credits) { v.FirstSignups++ })
		credit(s.Credit.Last, func(v *Credits) { v.LastSignups++ })
	case Purchase:
		credit(s.Credit.First, func(v *Credits) { v.FirstPurchases++; v.FirstCents += s.Cents() })
		credit(s.Credit.Last, func(v *Credits) { v.LastPurchases++; v.LastCents += s.Cents() })
	}
}

// Merge adds o to c.
func (c Counts) Merge(o Counts) {
	for k, v := range o.Cells {
		t := c.Cells[k]
		t.Merge(v)
		c.Cells[k] = t
	}
	for k, v := range o.Credits {
		t := c.Credits[k]
		t.Merge(v)
		c.Credits[k] = t
	}
	for k, v := range o.Campaigns {
		t := c.Campaigns[k]
		t.Merge(v)
		c.Campaigns[k] = t
	}
}

// Between returns the counts whose day lies in [from, to] (days, inclusive).
func (c Counts) Between(from, to string) Counts {
	out := NewCounts()
	for k, v := range c.Cells {
		if k.Day >= from && k.Day <= to {
			out.Cells[k] = v
		}
	}
	for k, v := range c.Credits {
		if k.Day >= from && k.Day <= to {
			out.Credits[k] = v
		}
	}
	for k, v := range c.Campaigns {
		if k.Day >= from && k.Day <= to {
			out.Campaigns[k] = v
		}
	}
	return out
}

// Recount computes the counters from stored raw events, ignoring repeated
// ids (the store never holds two events with one id; a recount over a
// list with retries must not count them twice either). It is the
// definition the incremental counters must always equal.
func Recount(events []Stored) Counts {
	c := NewCounts()
	seen := make(map[string]bool, len(events))
	for _, e := range events {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		c.Add(e)
	}
	return c
}

// Days lists the day buckets from from to to inclusive (at most maxDays;
// the API bounds the period with MaxInsightDays).
func Days(from, to time.Time) []string {
	var days []string
	for d := from.UTC().Truncate(24 * time.Hour); !d.After(to) && len(days) < MaxInsightDays; d = d.Add(24 * time.Hour) {
		days = append(days, Day(d))
	}
	return days
}

// MaxInsightDays is the longest insights period: one counter query per day
// and shard, so 366 days cost 5,856 small queries.
const MaxInsightDays = 366

// sortedCells returns the cells of c in a stable order (for deterministic
// output and tests).
func (c Counts) sortedCells() []Cell {
	cells := make([]Cell, 0, len(c.Cells))
	for k := range c.Cells {
		cells = append(cells, k)
	}
	sort.Slice(cells, func(i, j int) bool {
		a, b := cells[i], cells[j]
		if a.Day != b.Day {
			return a.Day < b.Day
		}
		if a.Offer != b.Offer {
			return a.Offer < b.Offer
		}
		if a.Network != b.Network {
			return a.Network < b.Network
		}
		if a.Generation != b.Generation {
			return a.Generation < b.Generation
		}
		return a.Partner < b.Partner
	})
	return cells
}

// Batch is the counter work of one accepted request: the merged deltas of
// its newly stored events, all sent to one shard (chosen by the first
// event's id), so a batch of 100 events from one page costs a handful of
// counter writes instead of 100.
func Batch(events []Stored) (shard int, deltas Counts) {
	deltas = NewCounts()
	if len(events) == 0 {
		return 0, deltas
	}
	for _, e := range events {
		deltas.Add(e)
	}
	return ShardOf(events[0].ID), deltas
}

// Key layout of the counters inside a workspace's partition space (the
// store prefixes the workspace). Ids are limited to [A-Za-z0-9_-], so '#'
// cannot occur inside a part.
//
//	partition  <community>#<day>#<shard, two digits>
//	sort key   C#<offer>#<network>#<generation>#<partner>   a cell's Tally
//	sort key   P#<partner>                                  a partner's Credits
//	sort key   U#<campaign>#<source>#<medium>               a campaign's Tally
//
// One Query per (day, shard) reads every cell and credit of a community-day
// shard.

// CounterPartition is the partition part of a community-day shard.
func CounterPartition(community, day string, shard int) string {
	return fmt.Sprintf("%s#%s#%02d", community, day, shard)
}

// SortKey is the sort key of a cell's counter item.
func (c Cell) SortKey() string {
	return "C#" + c.Offer + "#" + c.Network + "#" + c.Generation + "#" + c.Partner
}

// SortKey is the sort key of a partner's credit item.
func (c CreditCell) SortKey() string { return "P#" + c.Partner }

// ParseCounterKey reverses the sort key of a counter item read from the
// partition of community and day: it returns the cell or the credit cell
// it names (isCredit tells which).
func ParseCounterKey(community, day, sk string) (cell Cell, credit CreditCell, isCredit bool, err error) {
	parts := strings.Split(sk, "#")
	switch {
	case len(parts) == 5 && parts[0] == "C":
		return Cell{Community: community, Day: day, Offer: parts[1], Network: parts[2],
			Generation: parts[3], Partner: parts[4]}, CreditCell{}, false, nil
	case len(parts) == 2 && parts[0] == "P":
		return Cell{}, CreditCell{Community: community, Day: day, Partner: parts[1]}, true, nil
	}
	return Cell{}, CreditCell{}, false, fmt.Errorf("counter key %q: unknown layout", sk)
}

// Item is one counter item: its sort key and amounts.
type Item struct {
	SortKey string
	Attrs   map[string]int64
}

// Items returns every counter item of c (cells, credits, campaigns): what
// a store writes for them, each under its community-day partition.
func (c Counts) Items() []Item {
	out := make([]Item, 0, len(c.Cells)+len(c.Credits)+len(c.Campaigns))
	for k, v := range c.Cells {
		out = append(out, Item{k.SortKey(), v.Attrs()})
	}
	for k, v := range c.Credits {
		out = append(out, Item{k.SortKey(), v.Attrs()})
	}
	for k, v := range c.Campaigns {
		out = append(out, Item{k.SortKey(), v.Attrs()})
	}
	return out
}

// AddItem adds a counter item read from the partition of community and
// day to c: the inverse of Items.
func (c Counts) AddItem(community, day, sk string, attrs map[string]int64) error {
	if parts := strings.Split(sk, "#"); len(parts) == 4 && parts[0] == "U" {
		k := CampaignCell{Community: community, Day: day, UTM: UTM{Campaign: parts[1], Source: parts[2], Medium: parts[3]}}
		t := c.Campaigns[k]
		t.Merge(TallyFromAttrs(attrs))
		c.Campaigns[k] = t
		return nil
	}
	cell, credit, isCredit, err := ParseCounterKey(community, day, sk)
	if err != nil {
		return err
	}
	if isCredit {
		v := c.Credits[credit]
		v.Merge(CreditsFromAttrs(attrs))
		c.Credits[credit] = v
		return nil
	}
	t := c.Cells[cell]
	t.Merge(TallyFromAttrs(attrs))
	c.Cells[cell] = t
	return nil
}
