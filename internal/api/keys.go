package api

import (
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/store"
)

func (a *API) keyHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/keys":        a.createKey,
		"GET /v1/keys":         a.listKeys,
		"GET /v1/keys/{id}":    a.getKey,
		"DELETE /v1/keys/{id}": a.deleteKey,
	}
}

// keyInput is what a client sends to create a key.
type keyInput struct {
	Name    string   `json:"name"`
	Scope   string   `json:"scope"`
	Origins []string `json:"origins"`
}

// NewKey is the response to creating a key: the only time the secret is shown.
type NewKey struct {
	domain.APIKey
	// Secret is the full key token; only its hash is stored.
	Secret string `json:"secret"`
}

func (a *API) createKey(w http.ResponseWriter, r *http.Request, p *Principal) error {
	var in keyInput
	if err := decodeBody(r, &in, nil); err != nil {
		return err
	}
	k, token, err := store.IssueKey(r.Context(), a.store, domain.APIKey{
		WorkspaceID: p.WorkspaceID, Name: in.Name, Scope: in.Scope, Origins: in.Origins})
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/v1/keys/"+k.ID)
	writeJSON(w, http.StatusCreated, NewKey{APIKey: k, Secret: token})
	return nil
}

func (a *API) listKeys(w http.ResponseWriter, r *http.Request, p *Principal) error {
	cursor, limit, err := pageParams(r)
	if err != nil {
		return err
	}
	page, err := a.store.ListKeys(r.Context(), p.WorkspaceID, cursor, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func (a *API) getKey(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.KeyPrefix, "key")
	if err != nil {
		return err
	}
	k, _, err := a.store.GetKey(r.Context(), p.WorkspaceID, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, k)
	return nil
}

// deleteKey revokes a key. A key cannot revoke itself, so a workspace is
// never locked out by a slip: revoke an old admin key with a newer one.
func (a *API) deleteKey(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.KeyPrefix, "key")
	if err != nil {
		return err
	}
	if id == p.KeyID {
		return domain.Errorf(domain.Conflict, "id", "a key cannot delete itself: use another admin key")
	}
	if err := a.store.DeleteKey(r.Context(), p.WorkspaceID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
