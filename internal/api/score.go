package api

import (
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

func (a *API) scoreHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{"POST /v1/score": a.score}
}

// scoreInput is the body of POST /v1/score: a draft and either a stored
// community's id or an inline audience.
type scoreInput struct {
	Content     scoring.Content   `json:"content"`
	CommunityID string            `json:"community_id,omitempty"`
	Audience    *scoring.Audience `json:"audience,omitempty"`
}

// score scores a draft server-side with the same engine the widget runs.
// The draft is never stored or logged.
func (a *API) score(w http.ResponseWriter, r *http.Request, p *Principal) error {
	var in scoreInput
	if err := decodeBody(r, &in, nil); err != nil {
		return err
	}
	if err := validateContent(in.Content); err != nil {
		return err
	}
	var audience scoring.Audience
	switch {
	case in.CommunityID != "" && in.Audience != nil:
		return domain.Errorf(domain.Invalid, "audience", "send either community_id or audience, not both")
	case in.CommunityID != "":
		if !domain.ValidID(domain.CommunityPrefix, in.CommunityID) {
			return domain.Errorf(domain.Invalid, "community_id", "no such community")
		}
		c, err := a.store.GetCommunity(r.Context(), p.WorkspaceID, in.CommunityID)
		if domain.ErrorCode(err) == domain.NotFound {
			return domain.Errorf(domain.Invalid, "community_id", "no such community")
		}
		if err != nil {
			return err
		}
		audience = c.Audience
	case in.Audience != nil:
		if err := domain.ValidateAudience(*in.Audience); err != nil {
			if e, ok := err.(*domain.Error); ok && e.Field != "" {
				e.Field = "audience." + e.Field
			}
			return err
		}
		audience = *in.Audience
	default:
		return domain.Errorf(domain.Invalid, "community_id", "send community_id (a stored community) or audience (inline)")
	}
	res, err := scoring.Score(in.Content, audience)
	if err != nil {
		return domain.Wrap(domain.Invalid, err, "the audience cannot be scored")
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// validateContent applies the offer limits to a draft.
func validateContent(c scoring.Content) error {
	o := domain.Offer{Kind: c.Kind, Title: c.Title, Body: c.Body, Network: c.Network, Status: domain.StatusDraft}
	if o.Kind == "" {
		o.Kind = domain.OfferContent
	}
	if o.Title == "" {
		o.Title = "-" // a draft may have no title yet
	}
	if err := o.Validate(); err != nil {
		if e, ok := err.(*domain.Error); ok && e.Field != "" {
			e.Field = "content." + e.Field
		}
		return err
	}
	return nil
}
