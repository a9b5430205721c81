package domain

import (
	"time"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Offer kinds: the things of real value a business brings to a community.
const (
	OfferContent       = "content"
	OfferTool          = "tool"
	OfferChecklist     = "checklist"
	OfferCoupon        = "coupon"
	OfferExpert        = "expert"
	OfferEvent         = "event"
	OfferTraining      = "training"
	OfferNews          = "news"
	OfferEntertainment = "entertainment"
)

// OfferKinds lists the valid offer kinds.
func OfferKinds() []string {
	return []string{OfferContent, OfferTool, OfferChecklist, OfferCoupon, OfferExpert,
		OfferEvent, OfferTraining, OfferNews, OfferEntertainment}
}

// Offer statuses.
const (
	// StatusDraft: being written; visible to admin keys only.
	StatusDraft = "draft"
	// StatusLive: published; ingest keys (site widgets) may read it.
	StatusLive = "live"
	// StatusRetired: no longer shown; kept for its engagement history.
	StatusRetired = "retired"
)

// OfferStatuses lists the valid offer statuses.
func OfferStatuses() []string { return []string{StatusDraft, StatusLive, StatusRetired} }

// Offer is something of value brought to one or more communities, often
// through a partner. Every save re-scores it against each target community
// and stores the results in Fit, with the scoring model's version, so a
// list of offers can be ranked without re-scoring and a stale score is
// recognisable by its version.
//
// Rules: target communities and the partner must exist in the offer's
// workspace; a live offer needs at least one target community.
type Offer struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Body  string `json:"body"`
	URL   string `json:"url,omitempty"`
	// CTA is the call to action shown on the offer card ("Get the checklist").
	CTA string `json:"cta,omitempty"`
	// Network is where the offer will mostly be shared (scoring's channel fit).
	Network     string   `json:"network,omitempty"`
	Communities []string `json:"communities"`
	PartnerID   string   `json:"partner_id,omitempty"`
	Status      string   `json:"status"`
	// Fit is computed by the server on every save (read-only).
	Fit []Fit `json:"fit"`
	Meta
}

// Fit is an offer's stored score against one target community.
type Fit struct {
	CommunityID string    `json:"community_id"`
	Score       int       `json:"score"`
	Rating      string    `json:"rating"`
	Version     string    `json:"version"`
	ScoredAt    time.Time `json:"scored_at"`
}

// Validate checks the offer's own rules (existence of referenced
// resources is the caller's to check, against the store).
func (o *Offer) Validate() error {
	if err := checkEnum("kind", o.Kind, OfferKinds()); err != nil {
		return err
	}
	if err := checkText("title", o.Title, MaxTitleLen, true); err != nil {
		return err
	}
	if err := checkText("body", o.Body, MaxOfferBodyLen, false); err != nil {
		return err
	}
	if err := checkURL("url", o.URL, false); err != nil {
		return err
	}
	if err := checkText("cta", o.CTA, MaxCTALen, false); err != nil {
		return err
	}
	if o.Network != "" {
		if err := checkNetworkID("network", o.Network); err != nil {
			return err
		}
	}
	if err := checkEnum("status", o.Status, OfferStatuses()); err != nil {
		return err
	}
	if len(o.Communities) > MaxTargets {
		return Errorf(Invalid, "communities", "has %d entries, the limit is %d", len(o.Communities), MaxTargets)
	}
	seen := map[string]bool{}
	for i, id := range o.Communities {
		if !ValidID(CommunityPrefix, id) {
			return Errorf(Invalid, index("communities", i), "is not a community id")
		}
		if seen[id] {
			return Errorf(Invalid, index("communities", i), "is listed twice")
		}
		seen[id] = true
	}
	if o.Status == StatusLive && len(o.Communities) == 0 {
		return Errorf(Invalid, "communities", "a live offer needs at least one target community")
	}
	if o.PartnerID != "" && !ValidID(PartnerPrefix, o.PartnerID) {
		return Errorf(Invalid, "partner_id", "is not a partner id")
	}
	return nil
}

// Content is the offer as the scoring engine reads it.
func (o *Offer) Content() scoring.Content {
	return scoring.Content{Title: o.Title, Body: o.Body, Network: o.Network, Kind: o.Kind}
}

// Rescore recomputes Fit against the given target communities (in the
// order of o.Communities), recording the engine's version.
func (o *Offer) Rescore(communities []Community, now time.Time) {
	o.Fit = make([]Fit, 0, len(communities))
	for _, c := range communities {
		r, err := scoring.Score(o.Content(), c.Audience)
		f := Fit{CommunityID: c.ID, Version: scoring.Version, ScoredAt: now}
		if err == nil {
			f.Score, f.Rating = r.Score, r.Rating
		} else {
			f.Rating = scoring.RatingPoor
		}
		o.Fit = append(o.Fit, f)
	}
}

// Public is the view of a live offer an ingest key (a site widget) gets:
// what a visitor sees, nothing about scores or targeting.
type Public struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	Body      string `json:"body"`
	URL       string `json:"url,omitempty"`
	CTA       string `json:"cta,omitempty"`
	PartnerID string `json:"partner_id,omitempty"`
}

// PublicView returns the offer as a site widget may see it.
func (o *Offer) PublicView() Public {
	return Public{ID: o.ID, Kind: o.Kind, Title: o.Title, Body: o.Body, URL: o.URL, CTA: o.CTA, PartnerID: o.PartnerID}
}
