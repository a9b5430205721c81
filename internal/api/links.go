package api

import (
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
)

func (a *API) linkHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/links":          a.createLink,
		"GET /v1/links":           a.listLinks,
		"GET /v1/links/{code}":    a.getLink,
		"DELETE /v1/links/{code}": a.deleteLink,
	}
}

// createLink creates a tracked link for an offer shown to one of its
// communities through a partner; the server picks the code.
func (a *API) createLink(w http.ResponseWriter, r *http.Request, p *Principal) error {
	var l domain.Link
	if err := decodeBody(r, &l, append(createReadOnly(), "code")); err != nil {
		return err
	}
	if err := l.Validate(); err != nil {
		return err
	}
	o, err := a.store.GetOffer(r.Context(), p.WorkspaceID, l.OfferID)
	if domain.ErrorCode(err) == domain.NotFound {
		return domain.Errorf(domain.Invalid, "offer_id", "no such offer")
	}
	if err != nil {
		return err
	}
	targeted := false
	for _, c := range o.Communities {
		targeted = targeted || c == l.CommunityID
	}
	if !targeted {
		return domain.Errorf(domain.Invalid, "community_id", "the offer does not target this community")
	}
	if err := a.partnerExists(r.Context(), p, l.PartnerID); err != nil {
		return err
	}
	if o.URL == "" {
		return domain.Errorf(domain.Invalid, "offer_id", "the offer has no URL to send visitors to")
	}
	l.Code = domain.NewLinkCode()
	if err := a.store.CreateLink(r.Context(), p.WorkspaceID, &l); err != nil {
		return err
	}
	w.Header().Set("Location", "/v1/links/"+l.Code)
	writeJSON(w, http.StatusCreated, l)
	return nil
}

func (a *API) listLinks(w http.ResponseWriter, r *http.Request, p *Principal) error {
	cursor, limit, err := pageParams(r)
	if err != nil {
		return err
	}
	page, err := a.store.ListLinks(r.Context(), p.WorkspaceID, cursor, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func (a *API) getLink(w http.ResponseWriter, r *http.Request, p *Principal) error {
	code := r.PathValue("code")
	if !domain.ValidLinkCode(code) {
		return domain.Errorf(domain.NotFound, "", "no such tracked link")
	}
	l, err := a.store.GetLink(r.Context(), p.WorkspaceID, code)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

func (a *API) deleteLink(w http.ResponseWriter, r *http.Request, p *Principal) error {
	code := r.PathValue("code")
	if !domain.ValidLinkCode(code) {
		return domain.Errorf(domain.NotFound, "", "no such tracked link")
	}
	if err := a.store.DeleteLink(r.Context(), p.WorkspaceID, code); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
