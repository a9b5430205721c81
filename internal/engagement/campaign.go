package engagement

import (
	"strings"
	"time"
	"unicode"
)

// UTM is the campaign a visitor came from, as the utm_campaign, utm_source
// and utm_medium parameters of the link they followed said (issue 13). The
// offer widget reads them from the page's URL, GET /r/{code} from the
// tracked link's, and integrators may send them with any event.
type UTM struct {
	Campaign string `json:"utm_campaign,omitempty"`
	Source   string `json:"utm_source,omitempty"`
	Medium   string `json:"utm_medium,omitempty"`
}

// MaxUTMLen bounds each UTM value, in characters, after normalization
// (longer values are cut, not refused: a visitor's URL is not the
// integrator's mistake).
const MaxUTMLen = 64

// IsZero reports whether no UTM parameter was given.
func (u UTM) IsZero() bool { return u == UTM{} }

// NormalizeUTM returns u as counted: each value trimmed and lowercased,
// any character other than a letter, digit, '.', '_', '+' or '-' replaced
// by '-' (so "Spring Sale" and "spring-sale" are one campaign, and a value
// can never break a counter key), and cut to MaxUTMLen characters.
func NormalizeUTM(u UTM) UTM {
	return UTM{Campaign: utmValue(u.Campaign), Source: utmValue(u.Source), Medium: utmValue(u.Medium)}
}

func utmValue(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == MaxUTMLen {
			break
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '+' || r == '-') {
			r = '-'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// CampaignTouch is the latest campaign a member came from, kept on the
// member (Attribution.Campaign) so that a later sign-up or purchase
// without UTM parameters (an integrator's server-side event) is counted
// for the campaign that brought the member, within LastTouchWindow.
type CampaignTouch struct {
	UTM
	Time time.Time `json:"time"`
}

// campaignAt returns the campaign credited with an event of the member at
// time t: the event's own UTM when it has one, else, for a sign-up or a
// purchase, the member's latest campaign touch at or before t within
// LastTouchWindow.
func (a Attribution) campaignAt(e Event) UTM {
	if !e.UTM.IsZero() {
		return e.UTM
	}
	c := a.Campaign
	if (e.Type == Signup || e.Type == Purchase) && !c.UTM.IsZero() && !c.Time.After(e.Time) && e.Time.Sub(c.Time) <= LastTouchWindow {
		return c.UTM
	}
	return UTM{}
}

// observeCampaign records e's UTM as the member's latest campaign touch.
func (a *Attribution) observeCampaign(e Event) {
	if !e.UTM.IsZero() && !e.Time.Before(a.Campaign.Time) {
		a.Campaign = CampaignTouch{UTM: e.UTM, Time: e.Time}
	}
}

// CampaignCell counts a community-day's events by the campaign credited
// with them (Stored.Campaign): one more counter cell per event that has a
// campaign, none for the others.
type CampaignCell struct {
	Community string `json:"community"`
	Day       string `json:"day"`
	UTM
}

// SortKey is the sort key of a campaign cell's counter item. Normalized
// UTM values cannot contain '#'.
func (c CampaignCell) SortKey() string {
	return "U#" + c.Campaign + "#" + c.Source + "#" + c.Medium
}

// CampaignRow is one campaign × source × medium of the insights: its
// events and the conversions and purchase value credited to it.
type CampaignRow struct {
	UTM
	Totals
}

// DayRow is one day of the insights' daily series.
type DayRow struct {
	Day       string  `json:"day"`
	Views     int64   `json:"views"`
	Clicks    int64   `json:"clicks"`
	Shares    int64   `json:"shares"`
	Comments  int64   `json:"comments"`
	Signups   int64   `json:"signups"`
	Purchases int64   `json:"purchases"`
	Value     float64 `json:"value"`
}

// Comparison is the period of the same length just before an insights
// period (GET /v1/communities/{id}/insights?compare=previous): its funnel
// and its daily series.
type Comparison struct {
	From   string   `json:"from"`
	To     string   `json:"to"`
	Funnel Funnel   `json:"funnel"`
	Series []DayRow `json:"series"`
}

// Compare summarizes insights computed over the previous period.
func Compare(prev Insights) *Comparison {
	return &Comparison{From: prev.From, To: prev.To, Funnel: prev.Funnel, Series: prev.Series}
}

// series returns one row per day from..to (inclusive), zeros included.
func series(from, to string, byDay map[string]Tally) []DayRow {
	out := []DayRow{}
	f, err1 := time.Parse(DayLayout, from)
	t, err2 := time.Parse(DayLayout, to)
	if err1 != nil || err2 != nil {
		return out
	}
	for _, d := range Days(f, t) {
		v := byDay[d]
		out = append(out, DayRow{Day: d, Views: v.Views, Clicks: v.Clicks, Shares: v.Shares, Comments: v.Comments,
			Signups: v.Signups, Purchases: v.Purchases, Value: float64(v.Cents) / 100})
	}
	return out
}

// campaignRows turns campaign cells into rows, most conversions first.
func campaignRows(c Counts) []CampaignRow {
	by := map[UTM]Tally{}
	for k, v := range c.Campaigns {
		t := by[k.UTM]
		t.Merge(v)
		by[k.UTM] = t
	}
	rows := make([]CampaignRow, 0, len(by))
	for u, t := range by {
		rows = append(rows, CampaignRow{UTM: u, Totals: totalsOf(t)})
	}
	sortCampaigns(rows)
	return rows
}
