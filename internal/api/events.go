package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
)

func (a *API) eventHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"POST /v1/events": a.postEvents,
		"GET /r/{code}":   a.redirect,
	}
}

// eventsBody is the body of POST /v1/events. Events are kept raw so that
// one malformed event is reported by index instead of failing the batch.
type eventsBody struct {
	Events []json.RawMessage `json:"events"`
}

// eventWire is an event as sent: the time is read by decodeEvent, so that
// a bad time is reported on the field "time".
type eventWire struct {
	ID         string          `json:"id"`
	Offer      string          `json:"offer"`
	Community  string          `json:"community"`
	Member     string          `json:"member"`
	Type       engagement.Type `json:"type"`
	Network    string          `json:"network"`
	Generation string          `json:"generation"`
	Partner    string          `json:"partner"`
	Value      float64         `json:"value"`
	Time       string          `json:"time"`
	engagement.UTM
}

// decodeEvent decodes one event strictly (unknown fields refused).
func decodeEvent(raw json.RawMessage) (engagement.Event, error) {
	var w eventWire
	if err := decodeStrict(raw, &w, nil); err != nil {
		return engagement.Event{}, err
	}
	e := engagement.Event{ID: w.ID, Offer: w.Offer, Community: w.Community, Member: w.Member, Type: w.Type,
		Network: w.Network, Generation: w.Generation, Partner: w.Partner, Value: w.Value, UTM: w.UTM}
	if w.Time != "" {
		t, err := time.Parse(time.RFC3339Nano, w.Time)
		if err != nil {
			return e, domain.Errorf(domain.Invalid, "time", "must be an RFC 3339 time, e.g. 2026-11-22T15:04:05Z")
		}
		e.Time = t
	}
	return e, nil
}

// eventsResponse answers POST /v1/events: 202 with what was stored and the
// events refused, by index. 202 means every accepted event is durably
// stored (a retry of the same ids is a no-op and counts as a duplicate).
type eventsResponse struct {
	Accepted   int                     `json:"accepted"`
	Duplicates int                     `json:"duplicates"`
	Errors     []engagement.FieldError `json:"errors"`
}

// postEvents records a batch of engagement events. It takes text/plain
// (the offer widget's CORS "simple" request, which needs no preflight) as
// well as application/json; both carry the same JSON.
func (a *API) postEvents(w http.ResponseWriter, r *http.Request, p *Principal) error {
	b, err := readEventsBody(r)
	if err != nil {
		return err
	}
	var body eventsBody
	if err := decodeStrict(b, &body, nil); err != nil {
		return err
	}
	if len(body.Events) == 0 || len(body.Events) > engagement.MaxBatch {
		return domain.Errorf(domain.Invalid, "events", "send 1 to %d events, got %d", engagement.MaxBatch, len(body.Events))
	}
	now := a.now().UTC()
	var errs []engagement.FieldError
	decoded := make([]engagement.Event, 0, len(body.Events))
	index := make([]int, 0, len(body.Events)) // decoded position → batch index
	for i, raw := range body.Events {
		e, err := decodeEvent(raw)
		if err != nil {
			de := domain.AsError(err)
			errs = append(errs, engagement.FieldError{Index: i, Field: de.Field, Message: de.Message})
			continue
		}
		decoded = append(decoded, e)
		index = append(index, i)
	}
	var good []engagement.Event
	if len(decoded) > 0 {
		// (The batch's size is checked above; with no event decoded,
		// ValidateBatch would report the empty batch at index -1.)
		var bad []engagement.FieldError
		good, bad = engagement.ValidateBatch(decoded, now)
		for _, fe := range bad {
			fe.Index = index[fe.Index]
			errs = append(errs, fe)
		}
	}
	// ValidateBatch keeps batch order, so good events map back by id.
	pos := map[string]int{}
	for j, e := range decoded {
		if _, seen := pos[e.ID]; !seen {
			pos[e.ID] = index[j]
		}
	}
	good, refused, err := a.checkReferences(r.Context(), p, good, pos)
	if err != nil {
		return err
	}
	errs = append(errs, refused...)
	sortErrors(errs)
	if len(good) == 0 {
		// Nothing to store: 400 with the usual error object (the first
		// problem) and every event's error.
		first := errs[0]
		info := infoFrom(r.Context())
		info.errCode = string(domain.Invalid)
		writeJSON(w, http.StatusBadRequest, map[string]any{
			"error":  errorDetail{Code: domain.Invalid, Message: "no valid event in the batch: " + first.Message, Field: fmt.Sprintf("events[%d].%s", first.Index, first.Field)},
			"errors": errs})
		return nil
	}
	res, err := a.store.IngestEvents(r.Context(), p.WorkspaceID, good, a.eventTTL)
	if err != nil {
		return err // 503 + Retry-After: the client retries the batch; stored ids are no-ops
	}
	if errs == nil {
		errs = []engagement.FieldError{}
	}
	writeJSON(w, http.StatusAccepted, eventsResponse{Accepted: res.Accepted, Duplicates: res.Duplicates, Errors: errs})
	return nil
}

// checkReferences refuses events whose offer is not in the workspace (or,
// for an ingest key, not live), whose community is not one the offer
// targets, or whose partner code is not a tracked link of the workspace.
// Each distinct offer and code is read once per request.
func (a *API) checkReferences(ctx context.Context, p *Principal, events []engagement.Event, pos map[string]int) ([]engagement.Event, []engagement.FieldError, error) {
	offers := map[string]*domain.Offer{}
	links := map[string]*domain.Link{}
	var good []engagement.Event
	var errs []engagement.FieldError
	for _, e := range events {
		o, ok := offers[e.Offer]
		if !ok {
			got, err := a.store.GetOffer(ctx, p.WorkspaceID, e.Offer)
			switch {
			case domain.ErrorCode(err) == domain.NotFound:
			case err != nil:
				return nil, nil, err
			case p.Admin() || got.Status == domain.StatusLive:
				o = &got
			}
			offers[e.Offer] = o
		}
		if o == nil {
			errs = append(errs, engagement.FieldError{Index: pos[e.ID], Field: "offer", Message: "no such offer"})
			continue
		}
		targeted := false
		for _, c := range o.Communities {
			targeted = targeted || c == e.Community
		}
		if !targeted {
			errs = append(errs, engagement.FieldError{Index: pos[e.ID], Field: "community", Message: "the offer does not target this community"})
			continue
		}
		if e.Partner != "" {
			link, ok := links[e.Partner]
			if !ok {
				got, err := a.store.GetLink(ctx, p.WorkspaceID, e.Partner)
				if err != nil && domain.ErrorCode(err) != domain.NotFound {
					return nil, nil, err
				}
				if err == nil {
					link = &got
				}
				links[e.Partner] = link
			}
			if link == nil {
				errs = append(errs, engagement.FieldError{Index: pos[e.ID], Field: "partner", Message: "no such tracked link"})
				continue
			}
			// A partner is credited for the members it brought to the
			// community of its link, not for another community's.
			if link.CommunityID != e.Community {
				errs = append(errs, engagement.FieldError{Index: pos[e.ID], Field: "partner", Message: "the tracked link is for another community"})
				continue
			}
		}
		good = append(good, e)
	}
	return good, errs, nil
}

func sortErrors(errs []engagement.FieldError) {
	for i := 1; i < len(errs); i++ {
		for j := i; j > 0 && errs[j].Index < errs[j-1].Index; j-- {
			errs[j], errs[j-1] = errs[j-1], errs[j]
		}
	}
}

// readEventsBody applies the edge rules of readBody, accepting text/plain
// besides application/json (the offer widget's requests avoid a preflight).
func readEventsBody(r *http.Request) ([]byte, error) {
	b, err := readLimited(r, "send the events as application/json or text/plain", "application/json", "text/plain")
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, domain.Errorf(domain.Invalid, "", "the request body is not valid UTF-8")
	}
	return bytes.TrimSpace(b), nil
}

// redirect follows a tracked link: it records a click for the link's
// offer, community and partner (server-side, so it counts where ad
// blockers stop scripts), then redirects to the offer's stored URL with
// ss_partner=<code> for the offer widget on that page. The destination is
// only ever the offer's URL as stored (an admin-validated http(s) URL):
// nothing in the request can change it, so /r/ is no open redirect. The
// visitor is not identified (no cookie): the click belongs to
// engagement.AnonymousMember. A store failure while recording the click
// does not stop the visitor: the redirect happens anyway.
func (a *API) redirect(w http.ResponseWriter, r *http.Request, _ *Principal) error {
	code := r.PathValue("code")
	if !domain.ValidLinkCode(code) {
		return domain.Errorf(domain.NotFound, "", "no such tracked link")
	}
	l, ws, err := a.store.LinkByCode(r.Context(), code)
	if err != nil {
		return err
	}
	o, err := a.store.GetOffer(r.Context(), ws, l.OfferID)
	if err != nil {
		return err
	}
	u, err := url.Parse(o.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return domain.Errorf(domain.NotFound, "", "the tracked link has no destination")
	}
	q := u.Query()
	q.Set("ss_partner", code)
	// The link's own UTM parameters go on to the page (its offer widget
	// reports them) and are counted with the click; only these three
	// names, normalized, so the destination stays the stored URL.
	in := r.URL.Query()
	utm := engagement.NormalizeUTM(engagement.UTM{Campaign: in.Get("utm_campaign"), Source: in.Get("utm_source"), Medium: in.Get("utm_medium")})
	for k, v := range map[string]string{"utm_campaign": utm.Campaign, "utm_source": utm.Source, "utm_medium": utm.Medium} {
		if v != "" {
			q.Set(k, v)
		}
	}
	u.RawQuery = q.Encode()
	// The visitor is always sent on; the click is counted only for a live
	// offer and within the link's rate (the same per-instance rate as a
	// key's): anyone can request a public link in a loop, and each count
	// is a write.
	switch _, ok := a.limiter.take("r:" + code); {
	case !personFollowing(r):
		infoFrom(r.Context()).cause = errors.New("redirect click not counted: HEAD, prefetch, link scanner or bot")
	case o.Status != domain.StatusLive:
		infoFrom(r.Context()).cause = errors.New("redirect click not counted: the offer is not live")
	case !ok:
		infoFrom(r.Context()).cause = errors.New("redirect click not counted: over the link's rate")
	default:
		click := engagement.Event{ID: "r_" + domain.NewID(""), Offer: l.OfferID, Community: l.CommunityID,
			Member: engagement.AnonymousMember, Type: engagement.Click, Partner: code, Time: a.now().UTC(), UTM: utm}
		if _, err := a.store.IngestEvents(r.Context(), ws, []engagement.Event{click}, a.eventTTL); err != nil {
			infoFrom(r.Context()).cause = fmt.Errorf("record redirect click: %w", err)
		}
	}
	w.Header().Set("Referrer-Policy", "no-referrer-when-downgrade")
	http.Redirect(w, r, u.String(), http.StatusFound)
	return nil
}

// purposeHeaders are where browsers say a request is speculative.
var purposeHeaders = []string{"Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"}

// personFollowing reports whether a tracked-link request looks like a
// person following the link: a GET, not a prefetch or preview, from a
// client that is not a crawler, link scanner or HTTP library
// (engagement.AutomatedAgent). Everyone is redirected; only these count.
func personFollowing(r *http.Request) bool {
	if r.Method != http.MethodGet {
		return false // HEAD: link checkers and scanners
	}
	for _, h := range purposeHeaders {
		if engagement.Speculative(r.Header.Get(h)) {
			return false
		}
	}
	return !engagement.AutomatedAgent(r.Header.Get("User-Agent"))
}
