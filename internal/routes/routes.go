// Package routes lists every route of the HTTP API: the one source of truth
// that the Go router registers handlers for, that the CDK stack declares on
// API Gateway, and that openapi.yaml is tested against.
package routes

// Auth says which credential a route needs.
type Auth string

// Credentials.
const (
	// None: no key (health, the tracked-link redirect).
	None Auth = "none"
	// Admin: an admin key of the workspace.
	Admin Auth = "admin"
	// Ingest: an ingest (public site) key or an admin key.
	Ingest Auth = "ingest"
)

// Headers that CloudFront adds to every request it forwards to the API.
// The CDK stack sets them and internal/api reads them, so the names live
// here, next to the routes both sides share.
const (
	// OriginVerifyHeader carries the origin secret: the API refuses a
	// request without it when the secret is configured, which closes the
	// execute-api endpoint to anyone who bypasses CloudFront (and its WAF).
	OriginVerifyHeader = "X-Sweetspot-Origin-Verify"
	// ViewerAddressHeader carries the viewer's IP address, written by a
	// CloudFront Function on every API request (it overwrites whatever the
	// client sent), because API Gateway only sees CloudFront's edge address.
	ViewerAddressHeader = "X-Sweetspot-Viewer-Address"
)

// Route is one method and path. Path uses the syntax shared by Go 1.22
// ServeMux patterns and API Gateway HTTP API routes: literal segments and
// {name} parameters.
type Route struct {
	Method string
	Path   string
	Auth   Auth
}

// Pattern is the net/http ServeMux pattern, "GET /v1/offers/{id}".
func (r Route) Pattern() string { return r.Method + " " + r.Path }

// All returns every route of the API, in documentation order.
func All() []Route {
	return []Route{
		{"GET", "/v1/health", None},

		{"GET", "/v1/workspace", Admin},
		{"PATCH", "/v1/workspace", Admin},

		{"POST", "/v1/keys", Admin},
		{"GET", "/v1/keys", Admin},
		{"GET", "/v1/keys/{id}", Admin},
		{"DELETE", "/v1/keys/{id}", Admin},

		{"POST", "/v1/communities", Admin},
		{"GET", "/v1/communities", Admin},
		{"GET", "/v1/communities/{id}", Admin},
		{"PATCH", "/v1/communities/{id}", Admin},
		{"DELETE", "/v1/communities/{id}", Admin},
		// What the editor widget needs to score drafts in the browser: an
		// ingest key (public, origin-bound) may read it, never the rest.
		{"GET", "/v1/communities/{id}/audience", Ingest},

		{"POST", "/v1/partners", Admin},
		{"GET", "/v1/partners", Admin},
		{"GET", "/v1/partners/{id}", Admin},
		{"PATCH", "/v1/partners/{id}", Admin},
		{"DELETE", "/v1/partners/{id}", Admin},

		{"POST", "/v1/offers", Admin},
		{"GET", "/v1/offers", Admin},
		{"GET", "/v1/offers/{id}", Ingest},
		{"PATCH", "/v1/offers/{id}", Admin},
		{"DELETE", "/v1/offers/{id}", Admin},

		{"POST", "/v1/score", Admin},

		// Engagement (issue 5; docs/ENGAGEMENT.md).
		{"POST", "/v1/events", Ingest},
		{"GET", "/r/{code}", None},
		{"GET", "/v1/communities/{id}/insights", Admin},
		{"POST", "/v1/links", Admin},
		{"GET", "/v1/links", Admin},
		{"GET", "/v1/links/{code}", Admin},
		{"DELETE", "/v1/links/{code}", Admin},

		// Profiles that learn (issue 11): the member survey
		// (docs/SURVEY.md), follower analysis (docs/FOLLOWERS.md), post
		// history and calibration (docs/scoring.md, "Calibration").
		// site/survey.js reads the questions and posts answers with an
		// ingest key, like the offer widget.
		{"GET", "/v1/communities/{id}/survey", Ingest},
		{"PUT", "/v1/communities/{id}/survey", Admin},
		{"POST", "/v1/survey", Ingest},
		{"GET", "/v1/communities/{id}/survey/suggestion", Admin},
		{"POST", "/v1/communities/{id}/followers", Admin},
		{"GET", "/v1/communities/{id}/followers", Admin},
		{"GET", "/v1/communities/{id}/followers/cloud.svg", Admin},
		{"POST", "/v1/communities/{id}/history", Admin},
		{"DELETE", "/v1/communities/{id}/history", Admin},
		{"POST", "/v1/communities/{id}/calibrate", Admin},
		// The console (issue 13): export, erasure, QR codes.
		{"GET", "/v1/export", Admin},
		{"DELETE", "/v1/communities/{id}/members/{member}", Admin},
		{"GET", "/v1/links/{code}/qr", Admin},
	}
}
