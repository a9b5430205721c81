package api

import (
	"context"
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
)

func (a *API) communityHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/communities":        a.createCommunity,
		"GET /v1/communities":         a.listCommunities,
		"GET /v1/communities/{id}":    a.getCommunity,
		"PATCH /v1/communities/{id}":  a.patchCommunity,
		"DELETE /v1/communities/{id}": a.deleteCommunity,

		"GET /v1/communities/{id}/audience": a.getAudience,
	}
}

func (a *API) createCommunity(w http.ResponseWriter, r *http.Request, p *Principal) error {
	var c domain.Community
	if err := decodeBody(r, &c, createReadOnly()); err != nil {
		return err
	}
	if err := a.checkCommunity(r.Context(), p, &c); err != nil {
		return err
	}
	c.ID = domain.NewID(domain.CommunityPrefix)
	if err := a.store.CreateCommunity(r.Context(), p.WorkspaceID, &c); err != nil {
		return err
	}
	w.Header().Set("Location", "/v1/communities/"+c.ID)
	writeJSON(w, http.StatusCreated, c)
	return nil
}

// checkCommunity validates c and that its partner is in the workspace.
func (a *API) checkCommunity(ctx context.Context, p *Principal, c *domain.Community) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return a.partnerExists(ctx, p, c.PartnerID)
}

// partnerExists turns a missing partner into an Invalid field: the id is
// input, and another workspace's partner is as missing as a made-up one.
func (a *API) partnerExists(ctx context.Context, p *Principal, id string) error {
	if id == "" {
		return nil
	}
	_, err := a.store.GetPartner(ctx, p.WorkspaceID, id)
	if domain.ErrorCode(err) == domain.NotFound {
		return domain.Errorf(domain.Invalid, "partner_id", "no such partner")
	}
	return err
}

func (a *API) listCommunities(w http.ResponseWriter, r *http.Request, p *Principal) error {
	cursor, limit, err := pageParams(r)
	if err != nil {
		return err
	}
	page, err := a.store.ListCommunities(r.Context(), p.WorkspaceID, cursor, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func (a *API) getCommunity(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

// pathCommunity reads the community named by the path's {id} in the key's
// workspace (another workspace's id is not found).
func (a *API) pathCommunity(r *http.Request, p *Principal) (domain.Community, error) {
	id, err := pathID(r, domain.CommunityPrefix, "community")
	if err != nil {
		return domain.Community{}, err
	}
	return a.store.GetCommunity(r.Context(), p.WorkspaceID, id)
}

// audienceMaxAge lets the browser reuse a community's audience for a
// minute: a writer opening several drafts fetches it once, and an edit of
// the community reaches the widget within a minute. "private" keeps it out
// of shared caches (the request carries a key). The answer depends on the
// key (its workspace), so it also varies on Authorization: a browser never
// answers one key's request from another key's cached audience.
const audienceMaxAge = "private, max-age=60"

// getAudience serves the editor widget (site/widget.js) the scoring
// audience of a community and nothing else: no partner, description or
// version. It is readable with an ingest key, which lives in public pages,
// so a marketer never has to put an admin key in a page.
func (a *API) getAudience(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", audienceMaxAge)
	w.Header().Add("Vary", "Authorization")
	writeJSON(w, http.StatusOK, c.Audience)
	return nil
}

// patchCommunity updates a community. Offers keep the fit they were
// scored with (each says when and with which model): re-save an offer to
// re-score it against the changed community.
func (a *API) patchCommunity(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.CommunityPrefix, "community")
	if err != nil {
		return err
	}
	cur, err := a.store.GetCommunity(r.Context(), p.WorkspaceID, id)
	if err != nil {
		return err
	}
	var next domain.Community
	version, err := mergePatch(r, cur, &next, domain.ReadOnlyFields())
	if err != nil {
		return err
	}
	if err := precondition(version, cur.Meta); err != nil {
		return err
	}
	next.ID, next.Meta = cur.ID, cur.Meta
	if err := a.checkCommunity(r.Context(), p, &next); err != nil {
		return err
	}
	if err := a.store.UpdateCommunity(r.Context(), p.WorkspaceID, &next); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, next)
	return nil
}

func (a *API) deleteCommunity(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.CommunityPrefix, "community")
	if err != nil {
		return err
	}
	if err := a.store.DeleteCommunity(r.Context(), p.WorkspaceID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
