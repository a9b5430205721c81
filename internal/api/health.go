package api

import (
	"net/http"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

func (a *API) healthHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{"GET /v1/health": a.health}
}

// health answers without a key and without touching the store: it says the
// process is up (load balancers and `make dev` poll it), not that DynamoDB is.
func (a *API) health(w http.ResponseWriter, r *http.Request, _ *Principal) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "scoring_version": scoring.Version})
	return nil
}
