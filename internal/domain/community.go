package domain

import (
	"errors"
	"math"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// Community kinds: what holds a community together.
const (
	// KindInterest: people who share an interest (local food lovers).
	KindInterest = "interest"
	// KindAssociation: a pre-existing association (a retirees' travel club).
	KindAssociation = "association"
	// KindAlliance: an alliance of businesses or groups with common goals.
	KindAlliance = "alliance"
)

// CommunityKinds lists the valid community kinds.
func CommunityKinds() []string { return []string{KindInterest, KindAssociation, KindAlliance} }

// Community is a community of interest the workspace serves. Its audience
// fields (name, interests, generations, networks, traits, thresholds,
// disabled) are exactly the scoring engine's Audience, so a stored community
// scores drafts the same way in the browser and in the API.
//
// A community is owned (the workspace reaches it directly) unless PartnerID
// names the partner through whom the workspace reaches it; that partner
// must exist in the same workspace.
type Community struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	scoring.Audience
	Description string `json:"description,omitempty"`
	PartnerID   string `json:"partner_id,omitempty"`
	Meta
}

// Validate checks the community's own rules and then the scoring engine's
// (scoring.Compile), so nothing is stored that the engine would refuse.
func (c *Community) Validate() error {
	if err := checkEnum("kind", c.Kind, CommunityKinds()); err != nil {
		return err
	}
	if err := checkText("name", c.Name, MaxNameLen, true); err != nil {
		return err
	}
	if err := checkText("description", c.Description, MaxDescriptionLen, false); err != nil {
		return err
	}
	if c.PartnerID != "" && !ValidID(PartnerPrefix, c.PartnerID) {
		return Errorf(Invalid, "partner_id", "is not a partner id")
	}
	return ValidateAudience(c.Audience)
}

// ValidateAudience checks an audience (stored or inline in /v1/score)
// against the limits above, then against the scoring engine's own rules.
func ValidateAudience(a scoring.Audience) error {
	if err := checkText("name", a.Name, MaxNameLen, false); err != nil {
		return err
	}
	if len(a.Interests) == 0 {
		return Errorf(Invalid, "interests", "needs at least one interest")
	}
	if len(a.Interests) > MaxInterests {
		return Errorf(Invalid, "interests", "has %d entries, the limit is %d", len(a.Interests), MaxInterests)
	}
	for i, in := range a.Interests {
		if err := checkText(index("interests", i)+".term", in.Term, MaxTermLen, true); err != nil {
			return err
		}
		if in.Weight < 0 || in.Weight > MaxInterestWeight || math.IsNaN(in.Weight) {
			return Errorf(Invalid, index("interests", i)+".weight", "must be between 0 and %g", MaxInterestWeight)
		}
	}
	for g, share := range a.Generations {
		switch g {
		case scoring.Boomers, scoring.GenX, scoring.Millennials, scoring.GenZ:
		default:
			return Errorf(Invalid, "generations."+g, "is not a generation (boomers, genx, millennials, genz)")
		}
		if share < 0 || share > 1 || math.IsNaN(share) {
			return Errorf(Invalid, "generations."+g, "must be a share between 0 and 1")
		}
	}
	if len(a.Networks) > MaxNetworks {
		return Errorf(Invalid, "networks", "has %d entries, the limit is %d", len(a.Networks), MaxNetworks)
	}
	for n, members := range a.Networks {
		if err := checkNetworkID("networks."+n, n); err != nil {
			return err
		}
		if members < 0 || members > MaxMembers {
			return Errorf(Invalid, "networks."+n, "must be a member count between 0 and %d", MaxMembers)
		}
	}
	if len(a.Traits) > MaxTraits {
		return Errorf(Invalid, "traits", "has %d entries, the limit is %d", len(a.Traits), MaxTraits)
	}
	for i, t := range a.Traits {
		if err := checkText(index("traits", i), t, MaxTermLen, true); err != nil {
			return err
		}
	}
	if _, err := scoring.Compile(a); err != nil {
		var ie *scoring.InputError
		if errors.As(err, &ie) {
			return Errorf(Invalid, ie.Field, "%s", ie.Message)
		}
		return Wrap(Invalid, err, "audience is not valid")
	}
	return nil
}

// checkNetworkID requires a short lowercase identifier ("linkedin").
func checkNetworkID(field, n string) error {
	if n == "" || len(n) > MaxNetworkIDLen {
		return Errorf(Invalid, field, "network ids are 1 to %d characters", MaxNetworkIDLen)
	}
	for _, c := range n {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return Errorf(Invalid, field, "network ids are lowercase letters, digits, '-' and '_'")
		}
	}
	return nil
}
