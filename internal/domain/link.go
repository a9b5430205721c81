package domain

// LinkCodeLen is the length of a tracked-link code: 10 characters of
// lowercase base32 (50 random bits), short enough for a printed URL and
// unguessable enough that codes cannot be enumerated.
const LinkCodeLen = 10

// Link is a tracked link: an offer shown to one community through a
// partner. Its code is public (it is in the URL /r/{code} and in the
// partner field of every event that came through it); following it records
// a click server-side and redirects to the offer's stored URL, never to a
// destination of its own or one taken from the request (no open redirect).
//
// Rules: the offer, the community and the partner exist in the link's
// workspace, and the offer targets the community.
type Link struct {
	Code        string `json:"code"`
	OfferID     string `json:"offer_id"`
	CommunityID string `json:"community_id"`
	PartnerID   string `json:"partner_id"`
	Meta
}

// NewLinkCode returns a fresh random tracked-link code.
func NewLinkCode() string { return NewID("")[:LinkCodeLen] }

// ValidLinkCode reports whether code is well formed.
func ValidLinkCode(code string) bool {
	if len(code) != LinkCodeLen {
		return false
	}
	for _, c := range code {
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}

// Validate checks the link's own rules (existence of the offer, community
// and partner is the caller's to check, against the store).
func (l *Link) Validate() error {
	switch {
	case !ValidID(OfferPrefix, l.OfferID):
		return Errorf(Invalid, "offer_id", "is not an offer id")
	case !ValidID(CommunityPrefix, l.CommunityID):
		return Errorf(Invalid, "community_id", "is not a community id")
	case !ValidID(PartnerPrefix, l.PartnerID):
		return Errorf(Invalid, "partner_id", "is not a partner id")
	}
	return nil
}
