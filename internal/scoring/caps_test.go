package scoring

import (
	"strings"
	"testing"
)

// TestDealBreakersCapTheRating: each finding that breaks a first principle
// rates the draft poor, whatever the mean of the checks says, and the
// result names the cap; the controls, close to each deal-breaker but
// within the principles, are not capped.
func TestDealBreakersCapTheRating(t *testing.T) {
	cases := []struct {
		name, community string
		c               Content
		check, reason   string // "" = no cap expected
	}{
		{"issue 10: BackupPro launch", "itadmins", Content{Network: "linkedin", Title: "BackupPro 5 is here!",
			Body: "BackupPro 5 is here! The best-in-class backup and disaster recovery platform for modern IT teams. Restore servers in minutes, stop ransomware and automate your cloud storage. Limited time offer: 30% off your first year. Contact our sales team today! Don't miss out!"},
			CheckValue, "hard sell"},
		{"issue 10: the demo page's pitch", "itadmins", Content{
			Body: "Our amazing new product is the best backup solution on the market. Buy now and save 20%! We are the leader and our award-winning team guarantees results."},
			CheckValue, "hard sell"},
		{"scarcity and a deadline", "travelclub", Content{Network: "facebook",
			Body: "Our autumn cruise along the Rhine has only 3 cabins left. The offer ends at midnight, so book before it's gone. Travel with friends and see the castles from the deck."},
			CheckValue, "hard sell"},
		{"calls to buy repeated", "foodlovers", Content{Network: "instagram",
			Body: "Fresh sourdough from our bakery every Saturday at the farmers market. Order now for pickup. Shop now for the seasonal loaves. Grab yours before noon."},
			CheckValue, "hard sell"},
		{"a polite pitch with a price", "foodlovers", Content{Network: "facebook",
			Body: "We are pleased to introduce our new tasting menu at Riverside Kitchen. Five seasonal courses from our chef, paired with local wines. The menu is $95 per guest. Book a table on our website."},
			CheckValue, "pitch"},
		{"a number does not turn a pitch into value", "itadmins", Content{Network: "linkedin",
			Body: "Introducing VaultPro, the ultimate backup platform. 4 out of 5 admins restore faster with VaultPro. Request a demo today and see why teams trust our solution."},
			CheckValue, "pitch"},
		{"fear appeal", "itadmins", Content{Network: "email", Title: "Is your data already gone?",
			Body: "Ransomware hits a business every eleven seconds. One click from a tired employee and your backups could be gone forever. Can you afford to lose everything? Don't wait until it's too late: buy ShieldBackup now and protect your business."},
			CheckValue, "fear appeal"},
		{"fear appeal with a call to act, no other pitch", "itadmins", Content{Network: "twitter",
			Body: "Your untested backups are silently killing your company. By the time ransomware hits, it's too late. Don't be the admin who explains that to the board. Book a backup review with us today."},
			CheckValue, "fear appeal"},
		{"shouting", "foodlovers", Content{Network: "instagram",
			Body: "THE BEST FARMERS MARKET IN TOWN IS BACK THIS SATURDAY with seasonal vegetables, local food stalls and a recipe swap at the bakery tent."},
			CheckValue, "Shouting"},
		{"exclamation flood", "foodlovers", Content{Network: "instagram",
			Body: "The farmers market is back!!! Seasonal vegetables!!! Local food!!! Street food!!! See you Saturday!!!"},
			CheckValue, "Shouting"},
		{"keyword stuffing", "travelclub", Content{Network: "facebook",
			Body: "Travel travel travel. Cruise travel, guided tour travel, group travel, travel insurance travel. Travel with us for travel that is travel done right."},
			CheckRelevance, "stuffing"},
		{"off topic", "foodlovers", Content{Network: "facebook",
			Body: "Our quarterly webinar covers interest rates, index funds and how to rebalance a pension portfolio before the tax year ends. Bring your questions for the advisers."},
			CheckRelevance, "Off topic"},
		{"a ramble with one passing mention", "travelclub", Content{Network: "email",
			Body: "Our company was founded in 1987 by two brothers who ran a small printing shop in the town centre. They printed menus, wedding invitations and the parish newsletter for many years.\n\n" +
				"In the nineties the business moved to a larger building by the canal, and our founders bought the first colour press in the county. Many of our staff have been with us for over twenty years.\n\n" +
				"Today we still print the local paper every Thursday, and our family values have never changed. We sponsor the football club and the summer fair every year without fail.\n\n" +
				"This year we also print the brochure for a travel company."},
			CheckFocus, "ramble"},
		{"an ad for something else that names the topic once", "foodlovers", Content{Network: "instagram", Title: "Find love this summer",
			Body: "Single and tired of apps where nobody answers? With Kismet every profile is checked by our team and you get three suggestions a day, chosen by your values.\n\n" +
				"Over 200,000 couples have met on Kismet since 2019. You might even meet someone who loves street food as much as you do.\n\nDownload the app for free and set up your profile in five minutes."},
			CheckFocus, "once, in passing"},
		{"slang and emoji to a club of Boomers", "travelclub", Content{Network: "facebook",
			Body: "ngl this cruise itinerary lowkey slaps 😭🔥💯 no cap the guided tour is bussin fr fr 🚢✨🙌 bestie energy only, it's giving main character travel 💅😎🤩"},
			CheckGenerations, "Shuts out"},
		{"over the network's hard limit", "foodlovers", Content{Network: "twitter",
			Body: strings.Repeat("Our seasonal recipe for the farmers market: roast the vegetables with a little oil and salt, then share what you cook. ", 4)},
			CheckChannel, "limit"},

		{"a deal-breaker cannot be listed as an interest", "itadmins", Content{Network: "linkedin",
			Body: "Buy now: BackupPro for your backup and disaster recovery. Limited time only, act now, order today before the offer ends tonight."},
			CheckValue, "hard sell"},
		{"a price with a call to buy", "travelclub", Content{Network: "email", Title: "The Highlands by rail",
			Body: "Our 8-day Highlands rail journey includes first-class seats and four-star hotels for your group travel. The tour is £1,895 per person. Book yours today at our website."},
			CheckValue, "hard sell"},

		// Controls: close to a deal-breaker, within the principles.
		{"words that sound like pressure in a how-to", "itadmins", Content{Network: "linkedin", Title: "When a certificate expires",
			Body: "A server certificate that expires takes your backup jobs down with it. Urgent fixes at 2 a.m. are avoidable: list every certificate, note when each expires, and renew a month early. Mutually exclusive locks and exclusive access to the backup server matter too. Over the last few years we saw 3 outages this way. Which certificate would you check first?"},
			"", ""},
		{"prices in a budget guide", "travelclub", Content{Network: "email", Title: "What a rail journey really costs",
			Body: "Here is a budget for a group travel rail journey: the ticket was $120 and is $90 now with a railcard, a seat reservation costs $7, and travel insurance for a week costs $25. Plan the itinerary first, then compare. Which railcard do you use?"},
			"", ""},
		{"a free workshop with a sign-up", "foodlovers", Content{Network: "facebook", Kind: "event", Title: "Free seasonal baking workshop",
			Body: "Learn to bake with seasonal fruit at the farmers market this Saturday: a free workshop with our local chef, recipes to take home and a tasting. Sign up today, places are free for members. What will you bake?"},
			"", ""},
		{"a travel how-to that names a risk", "travelclub", Content{Network: "facebook", Title: "Is your travel insurance too late?",
			Body: "It is not too late to buy travel insurance after you book a guided tour, but some cover starts only then. Read the policy: check cancellation, medical cover and accessible travel equipment. Start by listing what your group travel needs. What did your last policy miss?"},
			"", ""},
		{"a safety guide may name risks", "itadmins", Content{Network: "linkedin", Title: "How to test a restore before ransomware does",
			Body: "A backup you have not restored is only a hope. Ransomware can encrypt your backup server too, so keep one copy offline. Here is a 4-step restore test: pick one server, restore it to an isolated network, time it against your recovery objective, and write down what broke. What would you test first?"},
			"", ""},
		{"the community's own words are not pitch", "itadmins", Content{Network: "linkedin", Title: "Patch management without the weekend",
			Body: "Our team learned a great deal from moving patch management to weekday mornings. Here is the checklist we use: stage patches on one server, check the backup, then roll out in two waves. What does your patch window look like?"},
			"", ""},
		{"a coupon is an offer of value", "foodlovers", Content{Network: "email", Kind: "coupon", Title: "10% off at the farmers market",
			Body: "Members get 10% off seasonal vegetables at the Riverside farmers market this month: show this email at any stall. Our recipe of the week: roast squash with sage. What will you cook?"},
			"", ""},
		{"a how-to with numbers", "travelclub", Content{Network: "email", Title: "Your accessible travel checklist",
			Body: "Planning a guided tour with limited mobility? Here is a checklist: ask for step-free rooms, check the rail journey for lifts, and book travel insurance that covers equipment. 3 in 4 members say the checklist saved them a call. Download it and share it with your group travel friends."},
			"", ""},
	}
	profiles := map[string]*Profile{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := profiles[tc.community]
			if p == nil {
				p = compileFixture(t, tc.community)
				profiles[tc.community] = p
			}
			if tc.name == "a deal-breaker cannot be listed as an interest" {
				a := loadAudience(t, tc.community)
				for _, term := range []string{"buy now", "limited time", "act now", "order today"} {
					a.Interests = append(a.Interests, Interest{Term: term})
				}
				var err error
				if p, err = Compile(a); err != nil {
					t.Fatal(err)
				}
			}
			r := p.Score(tc.c)
			validateResult(t, tc.c, r)
			if tc.check == "" {
				if len(r.Caps) > 0 || r.Rating == RatingPoor {
					t.Errorf("capped or poor (%d %s): %+v", r.Score, r.Rating, r.Caps)
				}
				return
			}
			if r.Rating != RatingPoor {
				t.Errorf("rating %s (%d), want poor", r.Rating, r.Score)
			}
			found := false
			for _, cp := range r.Caps {
				if cp.Check == tc.check && strings.Contains(strings.ToLower(cp.Reason), strings.ToLower(tc.reason)) {
					found = true
				}
				if cp.Cap != DefaultOK-CapMargin || r.Score > cp.Cap {
					t.Errorf("cap %+v, score %d", cp, r.Score)
				}
			}
			if !found {
				t.Errorf("no %s cap mentioning %q: %+v", tc.check, tc.reason, r.Caps)
			}
		})
	}
}

// TestEmptyDraftIsNeutral: a draft with fewer than MinWords words gets no
// verdict, and the first words that reach MinWords get one.
func TestEmptyDraftIsNeutral(t *testing.T) {
	p := compileFixture(t, "itadmins")
	for _, c := range []Content{{}, {Body: "   \n\n "}, {Body: "Backup tips"}, {Title: "Restore", Body: "test soon 🔥"}, {Body: "🔥🔥🔥 !!! ..."}} {
		r := p.Score(c)
		validateResult(t, c, r)
		if !r.Empty || r.Rating != RatingNone {
			t.Errorf("%q: empty %v rating %q", c.Body, r.Empty, r.Rating)
		}
	}
	r := p.Score(Content{Body: "Test one backup restore this week."})
	if r.Empty || r.Rating == RatingNone || len(r.Checks) == 0 {
		t.Errorf("a six-word draft: empty %v rating %q, %d checks", r.Empty, r.Rating, len(r.Checks))
	}
}

// TestRequiredChecks: a required check rated poor makes the overall rating
// poor; the same draft without the requirement is not capped.
func TestRequiredChecks(t *testing.T) {
	a := loadAudience(t, "itadmins")
	draft := loadDraft(t, "itadmins", "bad_hooks")
	free, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	before := free.Score(draft)
	if h, _ := checkByIDResult(before, CheckHooks); h.Rating != RatingPoor || before.Rating == RatingPoor {
		t.Fatalf("fixture: hooks %s, overall %s", h.Rating, before.Rating)
	}
	a.Required = []string{CheckHooks}
	strict, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	after := strict.Score(draft)
	if after.Rating != RatingPoor || len(after.Caps) != 1 || after.Caps[0].Check != CheckHooks {
		t.Errorf("required hooks: %s %d %+v", after.Rating, after.Score, after.Caps)
	}
}

// TestMinAwareOverall: a check rated poor keeps the overall rating below
// good, however high the mean.
func TestMinAwareOverall(t *testing.T) {
	p := compileFixture(t, "travelclub")
	c := Content{Network: "email", Title: "Rail journey tips for your group travel",
		Body: "Travel insurance, guided tour timings and the rail journey itinerary are all in the club's travel pack. Heritage stations, accessible travel and group travel notes are included for every member."}
	r := p.Score(c)
	validateResult(t, c, r)
	if !anyPoor(r.Checks) {
		t.Fatalf("fixture has no poor check: %+v", r.Checks)
	}
	if r.Rating == RatingGood || r.Score >= DefaultGood {
		t.Errorf("a poor check, yet %s %d", r.Rating, r.Score)
	}
}

// TestAmounts: percentages and prices are told from plain numbers, and the
// word lists' placeholders match them.
func TestAmounts(t *testing.T) {
	p := compileFixture(t, "foodlovers")
	for _, tc := range []struct {
		body    string
		pitch   bool // a price push is found
		numbers int  // numbers that count as value
	}{
		{"Save 30% on every basket this weekend.", true, 0},
		{"Now only $19 for the box.", true, 0},
		{"Boxes cost 19 dollars and feed 4 people.", false, 2},
		{"Roast at 200 degrees for 25 minutes.", false, 2},
		{"Get 25 % off today.", true, 0}, // a spaced "%", as French and German write it
		{"Boxes now only 19,99 € this week.", true, 0},
		{"Feeds 4 people. 3 boxes left.", false, 2},
	} {
		a := p.analyse(Content{Body: tc.body})
		if got := a.lexCount[catPrice] > 0; got != tc.pitch {
			t.Errorf("%q: price push %v, want %v", tc.body, got, tc.pitch)
		}
		if n := a.valueNumbers(); tc.pitch == false && n != tc.numbers {
			t.Errorf("%q: %d value numbers, want %d", tc.body, n, tc.numbers)
		}
	}
}
