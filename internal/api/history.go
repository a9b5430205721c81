package api

import (
	"bytes"
	"cmp"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/sweetspot/sweetspot/internal/calibration"
	"github.com/sweetspot/sweetspot/internal/domain"
)

func (a *API) historyHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/communities/{id}/history":   a.postHistory,
		"DELETE /v1/communities/{id}/history": a.deleteHistory,
		"POST /v1/communities/{id}/calibrate": a.calibrate,
	}
}

// historyImport answers POST /v1/communities/{id}/history.
type historyImport struct {
	// Accepted counts the lines stored by this import (a post imported
	// before is replaced, with its new metrics).
	Accepted int `json:"accepted"`
	// Rejected lists the first domain.MaxReportedLines lines not imported,
	// by line number; RejectedCount counts them all.
	Rejected      []domain.LineError `json:"rejected"`
	RejectedCount int                `json:"rejected_count"`
	// Stored counts the community's posts after the import; Limit is
	// domain.MaxHistoryPosts.
	Stored int `json:"stored"`
	Limit  int `json:"limit"`
}

// postHistory imports past posts of a community with their engagement
// (domain.ReadHistory: CSV or JSONL; engagement = domain.Metrics.Engagement)
// for calibration. A partial import keeps every line accepted and lists
// the others by line number; importing the same file again is harmless
// (a post is keyed by what it is). A community keeps at most
// domain.MaxHistoryPosts posts: lines beyond are rejected.
func (a *API) postHistory(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	format, body, err := readUpload(w, r)
	if err != nil {
		return err
	}
	var (
		posts    []domain.HistoryPost
		lines    []int
		rejected []domain.LineError
	)
	err = domain.ReadHistory(bytes.NewReader(body), format, func(line int, hp domain.HistoryPost) error {
		posts, lines = append(posts, hp), append(lines, line)
		return nil
	}, func(le domain.LineError) { rejected = append(rejected, le) })
	var le *domain.LineError
	if errors.As(err, &le) {
		writeFileError(w, r, domain.Invalid, le.Line, le.Column, le.Field, le.Error())
		return nil
	}
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	stored, err := a.store.CountHistory(r.Context(), p.WorkspaceID, c.ID)
	if err != nil {
		return err
	}
	// Every accepted line is counted as a new post: a re-imported post
	// replaces itself, so near the limit this is on the safe side.
	if room := max(domain.MaxHistoryPosts-stored, 0); len(posts) > room {
		msg := "the community's history is full: at most " + strconv.Itoa(domain.MaxHistoryPosts) +
			" posts (DELETE /v1/communities/" + c.ID + "/history to start over)"
		for _, line := range lines[room:] {
			rejected = append(rejected, domain.LineError{Line: line, Message: msg})
		}
		posts = posts[:room]
	}
	slices.SortStableFunc(rejected, func(x, y domain.LineError) int { return cmp.Compare(x.Line, y.Line) })
	res := historyImport{Accepted: len(posts), Rejected: rejected, RejectedCount: len(rejected), Limit: domain.MaxHistoryPosts}
	if len(res.Rejected) > domain.MaxReportedLines {
		res.Rejected = res.Rejected[:domain.MaxReportedLines]
	}
	if res.Rejected == nil {
		res.Rejected = []domain.LineError{}
	}
	if len(posts) == 0 {
		e := errorDetail{Code: domain.Invalid, Message: "no post in the file", Field: ""}
		if len(rejected) > 0 {
			e.Message = "no line imported: " + rejected[0].Error()
		}
		infoFrom(r.Context()).errCode = string(domain.Invalid)
		writeJSON(w, http.StatusBadRequest, struct {
			Error errorDetail `json:"error"`
			historyImport
		}{e, res})
		return nil
	}
	if err := a.store.PutHistory(r.Context(), p.WorkspaceID, c.ID, posts); err != nil {
		return err // 503: send the same file again; stored posts are replaced, not doubled
	}
	if res.Stored, err = a.store.CountHistory(r.Context(), p.WorkspaceID, c.ID); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// deleteHistory deletes a community's imported posts (its calibration, if
// any, stays in its audience until it is calibrated again or patched away).
func (a *API) deleteHistory(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	n, err := a.store.DeleteHistory(r.Context(), p.WorkspaceID, c.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"deleted": n})
	return nil
}

// calibrationResult answers POST /v1/communities/{id}/calibrate: the
// report, and the community's version afterwards (one more when the
// calibration was applied).
type calibrationResult struct {
	calibration.Report
	Version int `json:"version"`
}

// calibrate fits the community's calibration on its stored history (the
// newest domain.MaxHistoryPosts posts; calibration.Fit validates it on the
// newest posts). When the report says applied, the calibration is written
// into the community's audience with the version read (a community
// changed meanwhile is a 409: calibrate again); otherwise the community is
// left as it was, an earlier calibration included, and the report says why.
func (a *API) calibrate(w http.ResponseWriter, r *http.Request, p *Principal) error {
	c, err := a.pathCommunity(r, p)
	if err != nil {
		return err
	}
	history, err := a.store.ListHistory(r.Context(), p.WorkspaceID, c.ID, domain.MaxHistoryPosts)
	if err != nil {
		return err
	}
	posts := make([]calibration.Post, len(history))
	for i, h := range history {
		posts[i] = calibration.Post{Title: h.Title, Body: h.Body, Network: h.Network, Engagement: h.Engagement, Created: h.Published}
	}
	calibrated, rep, err := calibration.Fit(c.Audience, posts)
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	if rep.Applied {
		c.Audience = calibrated
		if err := c.Validate(); err != nil {
			return domain.Wrap(domain.Internal, err, "internal error")
		}
		if err := a.store.UpdateCommunity(r.Context(), p.WorkspaceID, &c); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, calibrationResult{Report: rep, Version: c.Version})
	return nil
}
