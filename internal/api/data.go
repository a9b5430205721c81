package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
)

// Your data is yours (issue 13): the whole workspace as NDJSON, and the
// erasure of one member of a community.
func (a *API) dataHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"GET /v1/export": a.export,
		"DELETE /v1/communities/{id}/members/{member}": a.eraseMember,
		"GET /v1/links/{code}/qr":                      a.linkQR,
	}
}

// exportLine is one line of GET /v1/export.
type exportLine struct {
	Type string `json:"type"`
	Data any    `json:"data"`
}

// ttlLag is how long DynamoDB may keep an item past its expires_at: it
// deletes expired items within days, not at once, and reads still return
// them meanwhile. Erasure and export look that much further back, so an
// event the TTL has not removed yet is erased and exported too.
const ttlLag = 7 * 24 * time.Hour

// keptDays lists the days whose raw events may still be stored. An event
// expires EVENT_TTL_DAYS after it arrived, and it may arrive up to
// engagement.MaxEventAge after its own day (the day it is filed under), so
// the look-back is the TTL + MaxEventAge + ttlLag + a day for the TTL's
// granularity. table.MaxEventTTLDays keeps that within
// engagement.MaxInsightDays (TestKeptDaysCoverTheTTL); the cap below only
// guards the newest days if the two ever disagree.
func (a *API) keptDays() []string {
	ttl := a.eventTTL
	if ttl <= 0 {
		ttl = store.DefaultEventTTL
	}
	// The newest day: an event may be up to MaxClockSkew in the future,
	// so filed under tomorrow in the last minutes of a day.
	today := a.now().UTC().Add(engagement.MaxClockSkew).Truncate(24 * time.Hour)
	from := today.Add(-ttl - engagement.MaxEventAge - ttlLag - 24*time.Hour)
	if today.Sub(from) >= engagement.MaxInsightDays*24*time.Hour {
		from = today.AddDate(0, 0, -(engagement.MaxInsightDays - 1))
	}
	return engagement.Days(from, today)
}

// export streams the workspace as NDJSON, one {"type","data"} object per
// line: the workspace, its keys (never a secret or its hash), communities,
// partners, offers, tracked links, each community's members, the raw
// events still kept, and last {"type":"end"} with the counts, so a reader
// knows the export is complete. A failure after the first line cannot
// change the status any more: it ends the stream with {"type":"error"}
// instead of "end".
func (a *API) export(w http.ResponseWriter, r *http.Request, p *Principal) error {
	ctx, ws := r.Context(), p.WorkspaceID
	wsp, err := a.store.GetWorkspace(ctx, ws)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Content-Disposition", `attachment; filename="sweetspot-`+ws+`.ndjson"`)
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	flusher, _ := w.(http.Flusher)
	counts := map[string]int{}
	emit := func(typ string, v any) error {
		counts[typ]++
		return enc.Encode(exportLine{typ, v})
	}
	fail := func(err error) error {
		infoFrom(ctx).cause = err
		_ = enc.Encode(exportLine{"error", map[string]string{"message": domain.AsError(err).Message}})
		return nil
	}
	if err := emit("workspace", wsp); err != nil {
		return nil // the client is gone
	}
	// Every list, page after page.
	var communities []domain.Community
	lists := []func(cursor string) (string, error){
		pages(func(c string) (store.Page[domain.APIKey], error) { return a.store.ListKeys(ctx, ws, c, 100) }, "key", emit),
		pages(func(c string) (store.Page[domain.Community], error) {
			pg, err := a.store.ListCommunities(ctx, ws, c, 100)
			communities = append(communities, pg.Items...)
			return pg, err
		}, "community", emit),
		pages(func(c string) (store.Page[domain.Partner], error) { return a.store.ListPartners(ctx, ws, c, 100) }, "partner", emit),
		pages(func(c string) (store.Page[domain.Offer], error) { return a.store.ListOffers(ctx, ws, "", c, 100) }, "offer", emit),
		pages(func(c string) (store.Page[domain.Link], error) { return a.store.ListLinks(ctx, ws, c, 100) }, "link", emit),
	}
	for _, list := range lists {
		for cursor := ""; ; {
			next, err := list(cursor)
			if err != nil {
				return fail(err)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if flusher != nil {
			flusher.Flush()
		}
	}
	// Each community's members and raw events, then those of communities
	// deleted while theirs may still be stored (left to their TTL), each
	// after a deleted_community line.
	days := a.keptDays()
	gone := errors.New("the client is gone")
	people := func(community string) error {
		members, err := a.store.Members(ctx, ws, community)
		if err != nil {
			return err
		}
		for _, m := range members {
			m.Applied = nil // bookkeeping digests, not data
			if err := emit("member", m); err != nil {
				return gone
			}
		}
		for _, d := range days {
			evs, err := a.store.RawEvents(ctx, ws, community, d)
			if err != nil {
				return err
			}
			for _, e := range evs {
				if err := emit("event", e); err != nil {
					return gone
				}
			}
		}
		if flusher != nil {
			flusher.Flush()
		}
		return nil
	}
	// stop ends the export on a store error with its error line, and
	// silently when the client has gone (nothing reaches it any more).
	stop := func(err error) error {
		if errors.Is(err, gone) {
			return nil
		}
		return fail(err)
	}
	ids := map[string]bool{}
	for _, c := range communities {
		ids[c.ID] = true
		if err := people(c.ID); err != nil {
			return stop(err)
		}
	}
	deleted, err := a.store.DeletedCommunities(ctx, ws)
	if err != nil {
		return fail(err)
	}
	for _, d := range deleted {
		if ids[d.ID] { // a deletion cut short: the community is still there
			continue
		}
		if err := emit("deleted_community", d); err != nil {
			return nil
		}
		if err := people(d.ID); err != nil {
			return stop(err)
		}
	}
	_ = enc.Encode(exportLine{"end", counts})
	return nil
}

// pages adapts a paged list to the export loop: it emits one page's items
// and returns the next cursor.
func pages[T any](list func(cursor string) (store.Page[T], error), typ string, emit func(string, any) error) func(string) (string, error) {
	return func(cursor string) (string, error) {
		pg, err := list(cursor)
		if err != nil {
			return "", err
		}
		for _, it := range pg.Items {
			if err := emit(typ, it); err != nil {
				return "", err
			}
		}
		return pg.Next, nil
	}
}

// eraseMember deletes a member of a community and the member's raw events
// still kept (a data-subject request). The community may have been
// deleted (Store.KnownCommunity): that leaves its members and raw events to
// their TTL, and a person may still ask to be erased from it. The keys
// carry the caller's workspace, so no other workspace is reached. The log line says
// that a member of the community was erased and how many events went,
// never the member's id: the request log carries the route pattern, not
// the path.
func (a *API) eraseMember(w http.ResponseWriter, r *http.Request, p *Principal) error {
	id, err := pathID(r, domain.CommunityPrefix, "community")
	if err != nil {
		return err
	}
	member := r.PathValue("member")
	if !validMember(member) {
		return domain.Errorf(domain.NotFound, "", "no such member")
	}
	if err := a.store.KnownCommunity(r.Context(), p.WorkspaceID, id); err != nil {
		return err
	}
	n, err := a.store.EraseMember(r.Context(), p.WorkspaceID, id, member, a.keptDays())
	if err != nil {
		return err
	}
	a.log.Info("member erased", "workspace", p.WorkspaceID, "community", id, "events", n)
	writeJSON(w, http.StatusOK, map[string]int{"events_deleted": n})
	return nil
}

// validMember: a member id as events carry it (engagement.Validate), and
// not the anonymous bucket of redirect clicks, which is no person.
func validMember(m string) bool {
	if len(m) < engagement.MinIDLen || len(m) > engagement.MaxIDLen || m == engagement.AnonymousMember {
		return false
	}
	return strings.Trim(m, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == ""
}
