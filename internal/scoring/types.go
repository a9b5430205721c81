// Package scoring scores how well a draft fits a community of interest.
//
// It is pure Go: no I/O, no AWS, no syscall/js, no reflection-heavy packages
// (encoding/json, regexp, fmt, sort) so that the same code runs natively
// behind the HTTP API and compiled to WebAssembly in the browser, and gives
// the same number in both places. Its word lists are embedded data files
// (see data/README.md).
//
// Compile validates an Audience once (an *InputError names the field at
// fault); Profile.Score then analyses any number of drafts. Seven checks,
// each scored 0–100 with a rating, a message, a suggestion and the spans it
// refers to, make the overall score: a weighted mean over the checks that
// were applied, held in the ok band while any check rates poor
// (min-aware), and capped below ok by any deal-breaker (Result.Caps):
//
//	relevance   WeightRelevance   0.35  weighted interests covered (Snowball stems, phrases), stuffing penalised
//	focus       WeightFocus       0.10  share of content words in the community's vocabulary, off-topic paragraphs
//	value       WeightValue       0.20  value signals vs sales pitch (hype, pressure, price, calls to buy, fear), "you" vs "we"
//	generations WeightGenerations 0.10  resonance per generation, combined by the community's mix
//	readability WeightReadability 0.05  Flesch reading ease, sentence and paragraph length, long words
//	channel     WeightChannel     0.10  the target network's limits and conventions, members there
//	hooks       WeightHooks       0.10  a question, a call to action, something worth sharing
//
// A draft of fewer than MinWords words is not judged (Result.Empty).
// A check the audience disables is left out, and so are value, generations,
// readability and hooks for text the English model does not cover
// (Result.Language says which). docs/scoring.md documents every signal,
// constant and limit.
//
// The field names below are the contract every client reads (DESIGN.md,
// "Scoring contract"); they may gain fields but never rename one.
package scoring

// Generation identifiers, the keys of Audience.Generations.
const (
	Boomers     = "boomers"
	GenX        = "genx"
	Millennials = "millennials"
	GenZ        = "genz"
)

// Check identifiers, the values of Check.ID and of Audience.Disabled.
const (
	CheckRelevance   = "relevance"
	CheckFocus       = "focus"
	CheckValue       = "value"
	CheckGenerations = "generations"
	CheckReadability = "readability"
	CheckChannel     = "channel"
	CheckHooks       = "hooks"
)

// Ratings, the values of Result.Rating and Check.Rating.
const (
	RatingGood = "good"
	RatingOK   = "ok"
	RatingPoor = "poor"
	// RatingNone is the overall rating of a draft with too little text to
	// judge (Result.Empty): a neutral state, not a verdict.
	RatingNone = "none"
)

// Interest is one thing a community cares about: a word or a phrase
// ("referral marketing") with a relative weight (default 1).
type Interest struct {
	Term   string  `json:"term"`
	Weight float64 `json:"weight,omitempty"`
}

// Threshold moves the rating boundaries for one check (or "overall"):
// a score >= Good rates good, >= OK rates ok, anything lower rates poor.
type Threshold struct {
	Good float64 `json:"good"`
	OK   float64 `json:"ok"`
}

// Audience is the community profile a draft is scored against.
type Audience struct {
	Name      string     `json:"name"`
	Interests []Interest `json:"interests"`
	// Generations holds the community's generation mix as shares
	// (keys Boomers, GenX, Millennials, GenZ); they need not sum to 1.
	Generations map[string]float64 `json:"generations,omitempty"`
	// Networks holds the community's member count per network.
	Networks map[string]int `json:"networks,omitempty"`
	Traits   []string       `json:"traits,omitempty"`
	// Language is the community's language (an ISO 639-1 code of
	// ModelledLanguages()). Drafts too short to tell are taken to be in it,
	// and a draft is taken to be in another language only when that
	// language's function words clearly outnumber its own. Empty: English.
	Language string `json:"language,omitempty"`
	// Thresholds overrides rating boundaries per check id or "overall".
	Thresholds map[string]Threshold `json:"thresholds,omitempty"`
	// Disabled lists check ids this community does not want scored.
	Disabled []string `json:"disabled,omitempty"`
	// Required lists check ids this community will not compromise on: a
	// required check rated poor makes the overall rating poor.
	Required []string `json:"required,omitempty"`
	// Calibration, when present, is the model learned from this
	// community's own outcomes (calibration.go): the overall score becomes
	// the expected engagement rank, still under the principles' caps.
	Calibration *Calibration `json:"calibration,omitempty"`
}

// Content is the draft being scored.
type Content struct {
	Title string `json:"title,omitempty"`
	Body  string `json:"body"`
	// Network is where the draft will be published: twitter (or x),
	// linkedin, facebook, instagram, pinterest, threads, bluesky, email, blog.
	Network string `json:"network,omitempty"`
	// Kind is the offer kind (content, tool, checklist, coupon, expert,
	// event, training, news, entertainment).
	Kind string `json:"kind,omitempty"`
}

// Span points at the text a check refers to. Start and End are byte
// offsets into the UTF-8 encoding of Content.Title or Content.Body (as named
// by Field); Text repeats the spanned text so clients need not slice.
type Span struct {
	Field string `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Check is the verdict of one check.
type Check struct {
	ID         string  `json:"id"`
	Score      int     `json:"score"`
	Rating     string  `json:"rating"`
	Weight     float64 `json:"weight"`
	Message    string  `json:"message"`
	Suggestion string  `json:"suggestion"`
	Spans      []Span  `json:"spans,omitempty"`
}

// GenerationFit is the draft's resonance with one generation.
type GenerationFit struct {
	ID     string  `json:"id"`
	Share  float64 `json:"share"`
	Score  int     `json:"score"`
	Rating string  `json:"rating"`
}

// NetworkFit is how well the draft fits one network and how much of the
// community is there.
type NetworkFit struct {
	ID      string  `json:"id"`
	Members int     `json:"members"`
	Share   float64 `json:"share"`
	Score   int     `json:"score"`
	Rating  string  `json:"rating"`
	Limit   int     `json:"limit,omitempty"`
	Target  bool    `json:"target,omitempty"`
}

// Language says which language the draft was detected as and which checks
// could not be applied because the language is not modelled.
type Language struct {
	Code       string   `json:"code"`
	Modelled   bool     `json:"modelled"`
	NotApplied []string `json:"not_applied,omitempty"`
}

// Cap is a deal-breaker that held the overall score down: a finding that
// breaks the product's first principles (give value, do not sell; fit the
// people) cannot be averaged away by checks that are easy to satisfy.
type Cap struct {
	// Check is the check whose finding applied the cap.
	Check string `json:"check"`
	// Reason says what was found, in words a writer can act on.
	Reason string `json:"reason"`
	// Cap is the highest overall score the finding allows.
	Cap int `json:"cap"`
}

// Result is the full analysis of a draft against an audience.
type Result struct {
	Score  int     `json:"score"`
	Rating string  `json:"rating"`
	Checks []Check `json:"checks"`
	// Caps lists the deal-breakers found, the lowest cap first; the overall
	// score is at most the lowest of them. Empty when none applied.
	Caps        []Cap           `json:"caps"`
	Generations []GenerationFit `json:"generations"`
	Networks    []NetworkFit    `json:"networks"`
	Language    Language        `json:"language"`
	Version     string          `json:"version"`
	// Truncated is true when the title or body was longer than
	// MaxTitleBytes or MaxBodyBytes and only its beginning was analysed.
	Truncated bool `json:"truncated,omitempty"`
	// Empty is true when the draft has too little text to judge (fewer
	// than MinWords words): Rating is RatingNone, Score 0, and no check
	// gives a verdict.
	Empty bool `json:"empty,omitempty"`
	// Calibrated is set when the audience's calibration made the overall
	// score (Score is then the calibrated one).
	Calibrated *Calibrated `json:"calibrated,omitempty"`
}

// InputError reports an invalid audience or content, naming the field
// (in the JSON spelling, e.g. "interests[2].weight") so an API can return it.
type InputError struct {
	Field   string
	Message string
}

func (e *InputError) Error() string { return e.Field + ": " + e.Message }
