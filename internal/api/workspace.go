package api

import (
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
)

func (a *API) workspaceHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"GET /v1/workspace":   a.getWorkspace,
		"PATCH /v1/workspace": a.patchWorkspace,
	}
}

// getWorkspace returns the key's own workspace: a key never names another.
func (a *API) getWorkspace(w http.ResponseWriter, r *http.Request, p *Principal) error {
	ws, err := a.store.GetWorkspace(r.Context(), p.WorkspaceID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ws)
	return nil
}

func (a *API) patchWorkspace(w http.ResponseWriter, r *http.Request, p *Principal) error {
	cur, err := a.store.GetWorkspace(r.Context(), p.WorkspaceID)
	if err != nil {
		return err
	}
	var next domain.Workspace
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
	if err := a.store.UpdateWorkspace(r.Context(), &next); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, next)
	return nil
}

// precondition checks a PATCH's "version" against the stored one.
func precondition(version int, m domain.Meta) error {
	if version != 0 && version != m.Version {
		return domain.Errorf(domain.Conflict, "version", "the resource is at version %d, not %d: read it again and retry", m.Version, version)
	}
	return nil
}

// createReadOnly are the fields a create request may not carry.
func createReadOnly() []string { return append(domain.ReadOnlyFields(), "version") }
