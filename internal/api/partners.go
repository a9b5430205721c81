package api

import (
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
)

func (a *API) partnerHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/partners":        a.createPartner,
		"GET /v1/partners":         a.listPartners,
		"GET /v1/partners/{id}":    a.getPartner,
		"PATCH /v1/partners/{id}":  a.patchPartner,
		"DELETE /v1/partners/{id}": a.deletePartner,
	}
}

func (a *API) createPartner(w http.ResponseWriter, r *http.Request, p *Principal) error {
	var pa domain.Partner
	if err := decodeBody(r, &pa, createReadOnly()); err != nil {
		return err
	}
	if err := pa.Validate(); err != nil {
		return err
	}
	pa.ID = domain.NewID(domain.PartnerPrefix)
	if err := a.store.CreatePartner(r.Context(), p.WorkspaceID, &pa); err != nil {
		return err
	}
	w.Header().Set("Location", "/v1/partners/"+pa.ID)
	writeJSON(w, http.StatusCreated, pa)
	return nil
}

func (a *API) listPartners(w http.ResponseWriter, r *http.Request, p *Principal) error {
	cursor, limit, err := pageParams(r)
	if err != nil {
		return err
	}
	page, err := a.store.ListPartners(r.Context(), p.WorkspaceID, cursor, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func (a *API) getPartner(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.PartnerPrefix, "partner")
	if err != nil {
		return err
	}
	pa, err := a.store.GetPartner(r.Context(), p.WorkspaceID, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pa)
	return nil
}

func (a *API) patchPartner(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.PartnerPrefix, "partner")
	if err != nil {
		return err
	}
	cur, err := a.store.GetPartner(r.Context(), p.WorkspaceID, id)
	if err != nil {
		return err
	}
	var next domain.Partner
	version, err := mergePatch(r, cur, &next, domain.ReadOnlyFields())
	if err != nil {
		return err
	}
	if err := precondition(version, cur.Meta); err != nil {
		return err
	}
	next.ID, next.Meta = cur.ID, cur.Meta
	if err := next.Validate(); err != nil {
		return err
	}
	if err := a.store.UpdatePartner(r.Context(), p.WorkspaceID, &next); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, next)
	return nil
}

func (a *API) deletePartner(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.PartnerPrefix, "partner")
	if err != nil {
		return err
	}
	if err := a.store.DeletePartner(r.Context(), p.WorkspaceID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
