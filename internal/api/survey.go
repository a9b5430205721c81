package api

import (
	"context"
	"net/http"
	"unicode/utf8"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/survey"
)

func (a *API) surveyHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"GET /v1/communities/{id}/survey":            a.getSurvey,
		"PUT /v1/communities/{id}/survey":            a.putSurvey,
		"POST /v1/survey":                            a.postSurvey,
		"GET /v1/communities/{id}/survey/suggestion": a.getSurveySuggestion,
	}
}

// surveyConfig is the survey a community asks now: its stored
// configuration as it applies to its audience today, or the default.
func (a *API) surveyConfig(ctx context.Context, ws string, c domain.Community) (survey.Config, error) {
	cfg, ok, err := a.store.GetSurveyConfig(ctx, ws, c.ID)
	if err != nil {
		return survey.Config{}, err
	}
	if !ok {
		return survey.DefaultConfig(c.Audience), nil
	}
	return cfg.For(c.Audience), nil
}

// getSurvey serves site/survey.js the questions of a community's survey.
// Like the audience it is readable with an ingest key (public, bound to
// its origins) and cached privately for a minute.
func (a *API) getSurvey(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	cfg, err := a.surveyConfig(r.Context(), p.WorkspaceID, c)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", audienceMaxAge)
	w.Header().Add("Vary", "Authorization")
	writeJSON(w, http.StatusOK, cfg)
	return nil
}

// putSurvey sets a community's survey (survey.Config.Validate: its
// interests must be the community's own) and answers it normalized.
func (a *API) putSurvey(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	var in survey.Config
	if err := decodeBody(r, &in, nil); err != nil {
		return err
	}
	cfg, err := in.Validate(c.Audience)
	if err != nil {
		return err
	}
	if err := a.store.PutSurveyConfig(r.Context(), p.WorkspaceID, c.ID, cfg); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cfg)
	return nil
}

// postSurvey counts one member's answers (survey.Submission) into the
// community's tally. Like POST /v1/events it takes text/plain as well as
// application/json (site/survey.js sends a CORS simple request, with the
// ingest key in ?key=), and an ingest key only from its allowed origins.
// Answers must come from the survey's closed lists (Answers.Validate):
// nothing but counts is stored, no answer and nothing of the member.
// 204 means counted.
func (a *API) postSurvey(w http.ResponseWriter, r *http.Request, p *Principal) error {
	b, err := readLimited(r, "send the answers as application/json or text/plain", "application/json", "text/plain")
	if err != nil {
		return err
	}
	if !utf8.Valid(b) {
		return domain.Errorf(domain.Invalid, "", "the request body is not valid UTF-8")
	}
	var sub survey.Submission
	if err := decodeStrict(b, &sub, nil); err != nil {
		return err
	}
	if !domain.ValidID(domain.CommunityPrefix, sub.Community) {
		return domain.Errorf(domain.NotFound, "community", "no such community")
	}
	c, err := a.store.GetCommunity(r.Context(), p.WorkspaceID, sub.Community)
	if domain.ErrorCode(err) == domain.NotFound {
		return domain.Errorf(domain.NotFound, "community", "no such community")
	}
	if err != nil {
		return err
	}
	cfg, err := a.surveyConfig(r.Context(), p.WorkspaceID, c)
	if err != nil {
		return err
	}
	answers, err := sub.Answers.Validate(cfg.Questions)
	if err != nil {
		return err
	}
	if err := a.store.AddSurveyAnswers(r.Context(), p.WorkspaceID, c.ID, answers); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// surveySuggestion answers GET /v1/communities/{id}/survey/suggestion.
type surveySuggestion struct {
	CommunityID string `json:"community_id"`
	// Version is the community's version the suggestion was made against.
	Version int          `json:"version"`
	Tally   survey.Tally `json:"tally"`
	// Current is the community's profile now; Suggestion the profile the
	// answers suggest, each value next to its current one.
	Current    currentProfile    `json:"current"`
	Suggestion survey.Suggestion `json:"suggestion"`
	// Patch applies the suggestion: send it as it is as the body of
	// PATCH /v1/communities/{id}. It carries Version, so a community
	// changed since is refused (409) rather than overwritten. Null when
	// nobody has answered.
	Patch map[string]any `json:"patch"`
}

// currentProfile is the part of a community's audience a survey suggests.
type currentProfile struct {
	Networks    map[string]int     `json:"networks"`
	Generations map[string]float64 `json:"generations"`
	Interests   []scoring.Interest `json:"interests"`
}

// getSurveySuggestion serves a community's tally, the profile it suggests
// (survey.Suggest: shares with their samples and 95% intervals) next to
// the current profile, and the JSON merge patch that applies it: applying
// is one PATCH of the community, with its version check.
func (a *API) getSurveySuggestion(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	t, err := a.store.GetSurveyTally(r.Context(), p.WorkspaceID, c.ID)
	if err != nil {
		return err
	}
	s := survey.Suggest(c.Audience, t)
	cur := currentProfile{Networks: c.Networks, Generations: c.Generations, Interests: c.Interests}
	if cur.Networks == nil {
		cur.Networks = map[string]int{}
	}
	if cur.Generations == nil {
		cur.Generations = map[string]float64{}
	}
	writeJSON(w, http.StatusOK, surveySuggestion{CommunityID: c.ID, Version: c.Version, Tally: t, Current: cur,
		Suggestion: s, Patch: suggestionPatch(c, s)})
	return nil
}

// suggestionPatch is the JSON merge patch (RFC 7396) that turns the
// community's profile into survey.Apply's: the sections respondents
// answered, with null for a network or generation key the applied profile
// no longer has (an alias such as "x" replaced by its canonical id), and
// the version precondition. Nil when no section has answers.
func suggestionPatch(c domain.Community, s survey.Suggestion) map[string]any {
	next := survey.Apply(c.Audience, s)
	patch := map[string]any{}
	if s.Networks.N > 0 {
		patch["networks"] = mapPatch(c.Networks, next.Networks)
	}
	if s.Generations.N > 0 {
		patch["generations"] = mapPatch(c.Generations, next.Generations)
	}
	if s.Interests.N > 0 {
		patch["interests"] = next.Interests
	}
	if len(patch) == 0 {
		return nil
	}
	patch["version"] = c.Version
	return patch
}

// mapPatch is the merge patch of one object: next's members, and null for
// the members of cur that next lacks.
func mapPatch[V any](cur, next map[string]V) map[string]any {
	out := make(map[string]any, len(next))
	for k := range cur {
		if _, ok := next[k]; !ok {
			out[k] = nil
		}
	}
	for k, v := range next {
		out[k] = v
	}
	return out
}
