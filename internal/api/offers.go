package api

import (
	"context"
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
)

func (a *API) offerHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/offers":        a.createOffer,
		"GET /v1/offers":         a.listOffers,
		"GET /v1/offers/{id}":    a.getOffer,
		"PATCH /v1/offers/{id}":  a.patchOffer,
		"DELETE /v1/offers/{id}": a.deleteOffer,
	}
}

func (a *API) createOffer(w http.ResponseWriter, r *http.Request, p *Principal) error {
	var o domain.Offer
	if err := decodeBody(r, &o, createReadOnly()); err != nil {
		return err
	}
	if o.Status == "" {
		o.Status = domain.StatusDraft
	}
	if o.Communities == nil {
		o.Communities = []string{}
	}
	if err := a.prepareOffer(r.Context(), p, &o); err != nil {
		return err
	}
	o.ID = domain.NewID(domain.OfferPrefix)
	if err := a.store.CreateOffer(r.Context(), p.WorkspaceID, &o); err != nil {
		return err
	}
	w.Header().Set("Location", "/v1/offers/"+o.ID)
	writeJSON(w, http.StatusCreated, o)
	return nil
}

// prepareOffer validates o, checks that its partner and target
// communities are in the workspace, and scores it against each target.
func (a *API) prepareOffer(ctx context.Context, p *Principal, o *domain.Offer) error {
	if err := o.Validate(); err != nil {
		return err
	}
	if err := a.partnerExists(ctx, p, o.PartnerID); err != nil {
		return err
	}
	// One BatchGetItem for all targets (at most domain.MaxTargets).
	targets, err := a.store.GetCommunities(ctx, p.WorkspaceID, o.Communities)
	if e := domain.AsError(err); err != nil && e.Code == domain.NotFound {
		return domain.Errorf(domain.Invalid, e.Field, "no such community")
	}
	if err != nil {
		return err
	}
	o.Rescore(targets, a.now().UTC())
	return nil
}

func (a *API) listOffers(w http.ResponseWriter, r *http.Request, p *Principal) error {
	cursor, limit, err := pageParams(r)
	if err != nil {
		return err
	}
	status := r.URL.Query().Get("status")
	if status != "" && status != domain.StatusDraft && status != domain.StatusLive && status != domain.StatusRetired {
		return domain.Errorf(domain.Invalid, "status", "must be one of draft, live, retired")
	}
	page, err := a.store.ListOffers(r.Context(), p.WorkspaceID, status, cursor, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

// getOffer serves admin keys the whole offer and ingest keys (site
// widgets) the public view of a live offer; to them a draft or retired
// offer does not exist.
func (a *API) getOffer(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.OfferPrefix, "offer")
	if err != nil {
		return err
	}
	o, err := a.store.GetOffer(r.Context(), p.WorkspaceID, id)
	if err != nil {
		return err
	}
	if !p.Admin() {
		if o.Status != domain.StatusLive {
			return domain.Errorf(domain.NotFound, "", "no such offer")
		}
		writeJSON(w, http.StatusOK, o.PublicView())
		return nil
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}

func (a *API) patchOffer(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.OfferPrefix, "offer")
	if err != nil {
		return err
	}
	cur, err := a.store.GetOffer(r.Context(), p.WorkspaceID, id)
	if err != nil {
		return err
	}
	var next domain.Offer
	version, err := mergePatch(r, cur, &next, domain.ReadOnlyFields())
	if err != nil {
		return err
	}
	if err := precondition(version, cur.Meta); err != nil {
		return err
	}
	next.ID, next.Meta = cur.ID, cur.Meta
	if next.Communities == nil {
		next.Communities = []string{}
	}
	if err := a.prepareOffer(r.Context(), p, &next); err != nil {
		return err
	}
	if err := a.store.UpdateOffer(r.Context(), p.WorkspaceID, &next); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, next)
	return nil
}

func (a *API) deleteOffer(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.OfferPrefix, "offer")
	if err != nil {
		return err
	}
	if err := a.store.DeleteOffer(r.Context(), p.WorkspaceID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
