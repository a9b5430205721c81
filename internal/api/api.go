// Package api is Sweetspot's HTTP API: plain net/http handlers on a Go 1.22
// ServeMux, registered from internal/routes (the one route list). The same
// handler runs under `sweetspot serve` and, through an API Gateway adapter,
// under Lambda (functions/api).
//
// Every route goes through the same chain: request id and one JSON log
// line per request (log.go), panic recovery, the origin secret that proves
// the request came through CloudFront (origin.go), authentication by key and
// scope (auth.go), a per-key rate limit (ratelimit.go), then the handler,
// whose error is mapped to a status in exactly one place (errors.go).
package api

import (
	"cmp"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/routes"
	"github.com/sweetspot/sweetspot/internal/store"
)

// Options configures the API.
type Options struct {
	// Store is where everything lives.
	Store *store.Store
	// Logger receives one line per request; nil discards.
	Logger *slog.Logger
	// Rate and Burst configure the per-key token bucket (requests per
	// second, bucket size); zero means DefaultRate and DefaultBurst.
	Rate  float64
	Burst int
	// RequestID, when set, names the request in logs and X-Request-Id
	// (under Lambda: API Gateway's request id); otherwise one is generated.
	RequestID func(*http.Request) string
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time
	// EventTTL is how long raw engagement events are kept (EVENT_TTL_DAYS);
	// zero means store.DefaultEventTTL.
	EventTTL time.Duration
	// OriginSecrets, when set, are the values of routes.OriginVerifyHeader
	// that let a request in (the current and the previous secret, during a
	// rotation); a request with neither gets 403. Empty: no check (local).
	OriginSecrets []string
	// AuthFailRate and AuthFailBurst limit failed authentications per
	// client address; zero means DefaultAuthFailRate and
	// DefaultAuthFailBurst.
	AuthFailRate  float64
	AuthFailBurst int
}

// API holds what the handlers share.
type API struct {
	store   *store.Store
	log     *slog.Logger
	limiter *limiter
	// authFails counts failed authentications per client address.
	authFails *limiter
	reqID     func(*http.Request) string
	now       func() time.Time
	// eventTTL is Options.EventTTL (engagement).
	eventTTL time.Duration
	// originSecrets are Options.OriginSecrets (origin.go).
	originSecrets [][]byte
}

// handlerFunc is a route's handler: it writes a response or returns an
// error for errors.go to render.
type handlerFunc func(w http.ResponseWriter, r *http.Request, p *Principal) error

// New builds the API handler. It fails if a route of routes.All() has no
// handler or a handler has no route, so the list and the code cannot drift.
func New(opt Options) (http.Handler, error) {
	a := &API{store: opt.Store, log: opt.Logger, reqID: opt.RequestID, now: opt.Now, eventTTL: opt.EventTTL}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.now == nil {
		a.now = time.Now
	}
	a.limiter = newLimiter(opt.Rate, opt.Burst, a.now)
	if err := checkOriginSecrets(opt.OriginSecrets); err != nil {
		return nil, err
	}
	for _, s := range opt.OriginSecrets {
		a.originSecrets = append(a.originSecrets, []byte(s))
	}
	a.authFails = newLimiter(cmp.Or(opt.AuthFailRate, DefaultAuthFailRate), cmp.Or(opt.AuthFailBurst, DefaultAuthFailBurst), a.now)

	handlers := map[string]handlerFunc{}
	for _, group := range a.resources() {
		for pattern, h := range group {
			if _, dup := handlers[pattern]; dup {
				return nil, fmt.Errorf("api: two handlers for %q", pattern)
			}
			handlers[pattern] = h
		}
	}
	mux := http.NewServeMux()
	methods := map[string][]string{} // path -> methods, for 405 and CORS preflight
	ingestPaths := map[string][]string{}
	for _, rt := range routes.All() {
		h, ok := handlers[rt.Pattern()]
		if !ok {
			return nil, fmt.Errorf("api: route %q has no handler", rt.Pattern())
		}
		delete(handlers, rt.Pattern())
		mux.Handle(rt.Pattern(), a.route(rt, h))
		methods[rt.Path] = append(methods[rt.Path], rt.Method)
		if rt.Auth == routes.Ingest {
			ingestPaths[rt.Path] = append(ingestPaths[rt.Path], rt.Method)
		}
	}
	if len(handlers) > 0 {
		extra := make([]string, 0, len(handlers))
		for p := range handlers {
			extra = append(extra, p)
		}
		sort.Strings(extra)
		return nil, fmt.Errorf("api: handlers without a route in routes.All(): %s", strings.Join(extra, ", "))
	}
	for path, ms := range ingestPaths {
		mux.Handle("OPTIONS "+path, a.preflight(ms))
	}
	for path, ms := range methods {
		allow := strings.Join(append(ms, "OPTIONS"), ", ")
		// A pattern without a method is less specific than "GET /path", so
		// this only answers the methods the route list does not have.
		mux.Handle(path, a.plain(func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("Allow", allow)
			return errMethod()
		}))
	}
	mux.Handle("/v1/", a.plain(func(w http.ResponseWriter, r *http.Request) error { return errNoRoute() }))
	return a.logged(a.fromOrigin(RejectBadPaths(mux))), nil
}

// resources returns every resource's handlers keyed by route pattern.
// A new resource (issue 5: events, links, insights) adds its own file
// with a method returning its map, and one line here.
func (a *API) resources() []map[string]handlerFunc {
	return []map[string]handlerFunc{
		a.healthHandlers(),
		a.workspaceHandlers(),
		a.keyHandlers(),
		a.communityHandlers(),
		a.partnerHandlers(),
		a.offerHandlers(),
		a.scoreHandlers(),
		a.eventHandlers(),
		a.insightHandlers(),
		a.linkHandlers(),
		a.surveyHandlers(),
		a.followerHandlers(),
		a.historyHandlers(),
		a.dataHandlers(),
	}
}

// route wraps a handler with what its route needs: authentication for its
// auth kind, the rate limit, CORS for ingest routes, and error rendering.
func (a *API) route(rt routes.Route, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info := infoFrom(r.Context())
		info.route = rt.Pattern()
		w.Header().Set("Cache-Control", "no-store")
		p, err := a.authenticate(r, rt.Auth, w)
		if err == nil && p != nil {
			info.workspace, info.key = p.WorkspaceID, p.KeyID
			if p.Origin != "" {
				w.Header().Set("Access-Control-Allow-Origin", p.Origin)
				w.Header().Add("Vary", "Origin")
			}
			err = a.limiter.allow(p.KeyID, w)
		}
		if err == nil {
			err = h(w, r, p)
		}
		if err != nil {
			a.writeError(w, r, err)
		}
	})
}

// plain wraps a handler that needs no key.
func (a *API) plain(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		infoFrom(r.Context()).route = r.Pattern
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil {
			a.writeError(w, r, err)
		}
	})
}
