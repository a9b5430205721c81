package engagement

import (
	"encoding/json"
	"fmt"
	"testing"
)

// scenario builds counts from a list of "n × event" lines.
type line struct {
	n                   int
	typ                 Type
	offer, net, gen, pt string
	credit              Credit
	value               float64
}

func countsOf(lines []line) Counts {
	c := NewCounts()
	i := 0
	for _, l := range lines {
		for range l.n {
			i++
			c.Add(Stored{Event: Event{ID: fmt.Sprintf("ev-%06d", i), Offer: l.offer, Community: "c",
				Member: "member-01", Type: l.typ, Network: l.net, Generation: l.gen, Partner: l.pt,
				Value: l.value, Time: now}, Credit: l.credit})
		}
	}
	return c
}

func TestComputeInsights(t *testing.T) {
	c := countsOf([]line{
		{n: 100, typ: View, offer: "guide", net: "linkedin", gen: GenX},
		{n: 100, typ: View, offer: "guide", net: "twitter", gen: GenZ},
		{n: 20, typ: Click, offer: "guide", net: "linkedin", gen: GenX},
		{n: 10, typ: Click, offer: "guide", net: "twitter", gen: GenZ, pt: "bakery"},
		{n: 8, typ: Share, offer: "guide", net: "twitter", gen: GenZ},
		{n: 6, typ: Signup, offer: "guide", net: "linkedin", gen: GenX, credit: Credit{First: "bakery", Last: "club"}},
		{n: 2, typ: Signup, offer: "guide", net: "twitter", gen: GenZ},
		{n: 3, typ: Purchase, offer: "coupon", net: "linkedin", gen: GenX, value: 12.5,
			credit: Credit{First: "bakery", Last: "bakery"}},
		{n: 10, typ: View, offer: "coupon", net: "email"},
	})
	p := Profile{Networks: map[string]int{"linkedin": 4000, "twitter": 9000, "facebook": 300},
		Generations: map[string]float64{GenX: 0.6, GenZ: 0.4}}
	in := Compute("c", "2026-11-01", "2026-11-30", c, p, LevelReport{})

	f := in.Funnel
	if f.Views != 210 || f.Clicks != 30 || f.Signups != 8 || f.Purchases != 3 || f.Shares != 8 || f.Value != 37.5 {
		t.Fatalf("funnel %+v", f)
	}
	if f.ClickRate != 0.1429 || f.SignupRate != 0.2667 || f.PurchaseRate != 0.375 ||
		f.Overall != 0.0143 || f.ShareRate != 0.0381 || f.Conversion != 0.0524 {
		t.Errorf("rates %+v", f)
	}

	rows := map[string]NetworkRow{}
	for _, r := range in.Networks {
		rows[r.Network] = r
	}
	if len(rows) != 4 || rows["facebook"].Members != 300 || rows["facebook"].Views != 0 || rows["email"].Views != 10 {
		t.Fatalf("networks %+v", in.Networks)
	}
	// linkedin converts 9/100 and twitter 2/100: twitter has more than twice
	// the members, yet linkedin is where to start.
	if li, tw := rows["linkedin"], rows["twitter"]; li.Expected <= tw.Expected {
		t.Errorf("linkedin expected %v, twitter %v", li.Expected, tw.Expected)
	}
	if in.StartHere == nil || in.StartHere.Network != "linkedin" || in.StartHere.Reason == "" {
		t.Errorf("start here %+v", in.StartHere)
	}

	if len(in.Generations) != 3 || in.Generations[0].Generation != GenX || in.Generations[0].Share != 0.6 ||
		in.Generations[0].Signups != 6 {
		t.Errorf("generations %+v", in.Generations)
	}
	if len(in.Partners) != 2 {
		t.Fatalf("partners %+v", in.Partners)
	}
	bakery, club := in.Partners[0], in.Partners[1]
	if bakery.Partner != "bakery" || bakery.Touches.Clicks != 10 || bakery.FirstTouch.Signups != 6 ||
		bakery.FirstTouch.Purchases != 3 || bakery.FirstTouch.Value != 37.5 || bakery.LastTouch.Signups != 0 ||
		bakery.LastTouch.Purchases != 3 {
		t.Errorf("bakery %+v", bakery)
	}
	if club.Partner != "club" || club.Touches.Views != 0 || club.LastTouch.Signups != 6 {
		t.Errorf("club %+v", club)
	}
	if len(in.TopOffers) != 2 || in.TopOffers[0].Offer != "guide" || in.TopOffers[1].Conversion != 0.3 {
		t.Errorf("top offers %+v", in.TopOffers)
	}
	if s := in.BestSegment; s == nil || s.Network != "linkedin" || s.Generation != GenX {
		t.Errorf("best segment %+v", s)
	}
	if _, err := json.Marshal(in); err != nil {
		t.Fatal(err)
	}
}

func TestComputeWithoutEvents(t *testing.T) {
	in := Compute("c", "2026-11-01", "2026-11-30", NewCounts(),
		Profile{Networks: map[string]int{"linkedin": 10, "email": 500}}, LevelReport{})
	if in.StartHere == nil || in.StartHere.Network != "email" {
		t.Errorf("start here %+v", in.StartHere)
	}
	if in.BestSegment != nil || in.Funnel.ClickRate != 0 || len(in.TopOffers) != 0 {
		t.Errorf("insights of nothing: %+v", in)
	}
	if empty := Compute("c", "a", "b", NewCounts(), Profile{}, LevelReport{}); empty.StartHere != nil {
		t.Errorf("a recommendation from no data: %+v", empty.StartHere)
	}
}

func TestLevelsOf(t *testing.T) {
	from, to := t0.Add(10*day), t0.Add(20*day)
	var grazer, climber, buyer, later State
	grazer.Apply(at(0, View))
	climber.Apply(at(0, View))
	climber.Apply(at(15*day, Signup))
	buyer.Apply(at(12*day, Purchase))
	later.Apply(at(30*day, View))
	r := LevelsOf([]State{grazer, climber, buyer, later}, from, to)
	if r.Levels["grazer"] != 1 || r.Levels["participant"] != 2 || r.Levels["advocate"] != 0 || r.Buyers != 1 {
		t.Errorf("levels %+v buyers %d", r.Levels, r.Buyers)
	}
	if r.Moves[MoveHeld] != 1 || r.Moves[MoveUp] != 1 || r.Moves[MoveNew] != 1 || r.Moves[MoveDown] != 0 {
		t.Errorf("moves %+v", r.Moves)
	}
	b, err := json.Marshal(r)
	if err != nil || string(b) == "" {
		t.Fatal(err)
	}
}
