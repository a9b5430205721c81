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
