package domain

// Limits enforced at the edge (the HTTP API decodes, then Validate checks).
// Each is documented in openapi.yaml and README "HTTP API"; lengths count
// Unicode characters (runes), not bytes, unless the name says bytes.
const (
	// MaxBodyBytes is the largest request body the API reads (64 KiB):
	// an offer of MaxOfferBodyLen characters in any script fits, with room.
	MaxBodyBytes = 64 << 10
	// MaxNameLen bounds names of workspaces, keys, communities and partners.
	MaxNameLen = 120
	// MaxDescriptionLen bounds free-text descriptions.
	MaxDescriptionLen = 2000
	// MaxTitleLen bounds an offer's title.
	MaxTitleLen = 200
	// MaxOfferBodyLen bounds an offer's body (and a draft scored by /v1/score).
	MaxOfferBodyLen = 10000
	// MaxCTALen bounds an offer's call to action.
	MaxCTALen = 80
	// MaxURLLen bounds every URL field.
	MaxURLLen = 2048
	// MaxInterests bounds a community's interests.
	MaxInterests = 100
	// MaxTermLen bounds one interest term or trait.
	MaxTermLen = 80
	// MaxInterestWeight is the largest interest weight (weights are relative).
	MaxInterestWeight = 10.0
	// MaxTraits bounds a community's psychographic traits.
	MaxTraits = 50
	// MaxNetworks bounds the networks listed for a community.
	MaxNetworks = 20
	// MaxNetworkIDLen bounds a network identifier ("linkedin").
	MaxNetworkIDLen = 32
	// MaxMembers bounds one network's member count.
	MaxMembers = 1_000_000_000
	// MaxTargets bounds the communities one offer targets.
	MaxTargets = 20
	// MaxOrigins bounds the allowed origins of one ingest key.
	MaxOrigins = 20
	// MaxIDLen bounds any id accepted in a body or path.
	MaxIDLen = 64
	// DefaultPageSize and MaxPageSize bound list pages (?limit=).
	DefaultPageSize = 25
	MaxPageSize     = 100
	// MaxCursorLen bounds the opaque cursor accepted by list routes.
	MaxCursorLen = 512
)

// Limits of the file uploads (POST /v1/communities/{id}/followers and
// /history), which are not JSON bodies and have their own body limit.
const (
	// MaxUploadBytes is the largest uploaded file (4 MiB). Under Lambda the
	// whole request travels in the invocation payload, limited to 6 MB
	// for a synchronous call; API Gateway may pass a body it does not take
	// for text as base64 (4/3 of its size), and 4 MiB stays under 6 MB
	// even then. Larger exports are split and uploaded in parts (history)
	// or sampled (followers: a few thousand bios measure the mix well).
	MaxUploadBytes = 4 << 20
	// MaxHistoryPosts bounds the past posts stored per community. It is
	// below calibration.MaxPosts (the CLI's limit) because POST
	// /v1/communities/{id}/calibrate reads and fits them within the API
	// function's 10 s timeout at 512 MB (about a third of a vCPU): on this
	// 2-core machine 5,000 posts fit in 0.5 s and 20,000 in 1.9 s, which
	// with reading 20 MB of posts page by page would leave no margin there.
	MaxHistoryPosts = 5000
	// MaxHistoryLineBytes bounds one line of a JSONL history file: a body
	// of MaxOfferBodyLen characters written as \u escapes, with the other
	// fields. (A CSV record is bounded by MaxUploadBytes and the title and
	// body limits.)
	MaxHistoryLineBytes = 128 << 10
	// MaxReportedLines bounds the rejected lines an import lists; the
	// response also gives their total.
	MaxReportedLines = 100
)
