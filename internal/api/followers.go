package api

import (
	"bytes"
	"context"
	"errors"
	"net/http"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/followers"
)

func (a *API) followerHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/communities/{id}/followers":          a.postFollowers,
		"GET /v1/communities/{id}/followers":           a.getFollowers,
		"GET /v1/communities/{id}/followers/cloud.svg": a.getFollowerCloud,
	}
}

// cloudCSP is the Content-Security-Policy of the term cloud: the SVG needs
// nothing (no script, style sheet, font or link), and opened on its own it
// runs sandboxed, so a term that slipped past escaping could still do
// nothing.
const cloudCSP = "default-src 'none'; sandbox"

// postFollowers analyses an export of a community's followers (CSV or
// JSONL, docs/FOLLOWERS.md) against its interests and stores the report,
// replacing the previous one. The file is read in memory, analysed and
// dropped: only the aggregate report is kept.
func (a *API) postFollowers(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	format, body, err := readUpload(w, r)
	if err != nil {
		return err
	}
	now := a.now().UTC()
	report, err := followers.AnalyseReader(r.Context(), c.Audience, bytes.NewReader(body), format, now)
	var pe *followers.ParseError
	switch {
	case errors.As(err, &pe):
		code := domain.Invalid
		if errors.Is(pe, followers.ErrFileTooLarge) || errors.Is(pe, followers.ErrTooManyFollowers) {
			code = domain.TooLarge
		}
		writeFileError(w, r, code, pe.Line, pe.Column, pe.Field, pe.Error())
		return nil
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return domain.Wrap(domain.Unavailable, err, "the analysis did not finish, retry later")
	case err != nil:
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	if report.Followers == 0 {
		// An empty export (a header, blank rows) is a mistake, not a
		// community without followers: keep the report it would replace.
		writeFileError(w, r, domain.Invalid, 1, 0, "", "line 1: no follower in the file (only a header, or blank rows): give one follower a line")
		return nil
	}
	if err := a.store.PutFollowerReport(r.Context(), p.WorkspaceID, c.ID, report, now); err != nil {
		return err
	}
	w.Header().Set("Location", "/v1/communities/"+c.ID+"/followers")
	writeJSON(w, http.StatusCreated, report)
	return nil
}

// getFollowers serves the latest follower analysis of a community.
func (a *API) getFollowers(w http.ResponseWriter, r *http.Request, p *Principal) error {
	report, err := a.followerReport(r, p)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, report)
	return nil
}

// getFollowerCloud draws the latest analysis's term cloud as an SVG image
// (followers.CloudSVG: text only, every word escaped, no script or link).
func (a *API) getFollowerCloud(w http.ResponseWriter, r *http.Request, p *Principal) error {
	report, err := a.followerReport(r, p)
	if err != nil {
		return err
	}
	svg := followers.CloudSVG(report.Terms)
	h := w.Header()
	h.Set("Content-Type", "image/svg+xml")
	h.Set("Content-Security-Policy", cloudCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", `inline; filename="cloud.svg"`)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(svg)
	return nil
}

// followerReport reads the report of the path's community (404 for a
// community of another workspace, or one never analysed).
func (a *API) followerReport(r *http.Request, p *Principal) (followers.Report, error) {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return followers.Report{}, err
	}
	return a.store.GetFollowerReport(r.Context(), p.WorkspaceID, c.ID)
}
