package scoring

// Limits on an audience, enforced by Compile with an *InputError naming the
// field. They keep one compiled profile small and one score call bounded.
const (
	// MaxInterests is the most interests an audience may list.
	MaxInterests = 100
	// MaxTermBytes is the longest interest term, in bytes of UTF-8.
	MaxTermBytes = 100
	// MaxTermWords is the most words an interest phrase may have.
	MaxTermWords = 8
	// MaxWeight is the largest interest weight. Weights must be > 0 and
	// <= MaxWeight; an omitted (zero) weight means DefaultWeight.
	MaxWeight = 10.0
	// DefaultWeight is the weight of an interest that gives none.
	DefaultWeight = 1.0
	// MaxNameBytes is the longest audience name.
	MaxNameBytes = 200
	// MaxTraits is the most psychographic traits an audience may list.
	MaxTraits = 50
	// MaxTraitBytes is the longest trait.
	MaxTraitBytes = 100
	// MaxMapEntries is the most entries Generations, Networks and
	// Thresholds may each have (there are fewer valid keys than that).
	MaxMapEntries = 32
	// MaxMembers is the largest member count on one network.
	MaxMembers = 2_000_000_000
)

// Limits on content. Score never rejects content: text beyond these limits
// is ignored (cut at a character boundary) and Result.Truncated says so.
const (
	// MaxBodyBytes is how much of Content.Body is analysed (512 KiB, about
	// 80,000 English words: far more than any post, mail or article).
	MaxBodyBytes = 512 << 10
	// MaxTitleBytes is how much of Content.Title is analysed.
	MaxTitleBytes = 1 << 10
	// MaxSpansPerCheck is the most spans one check returns; a check that
	// finds more returns the first ones in text order.
	MaxSpansPerCheck = 10
)

// Weights of the checks in the overall score. The overall score is the
// weighted mean of the scores of the checks that were applied (not disabled
// by the audience, not skipped for an unmodelled language), so disabling a
// check spreads its weight over the others. They sum to 1.
const (
	WeightRelevance   = 0.35
	WeightFocus       = 0.10
	WeightValue       = 0.20
	WeightGenerations = 0.10
	WeightReadability = 0.05
	WeightChannel     = 0.10
	WeightHooks       = 0.10
)

// OffTopicRelevance: when the relevance check is applied and scores below
// it, the draft is off topic, a deal-breaker (see CapMargin). A draft the
// community has no interest in cannot rate ok however well it is written.
const OffTopicRelevance = 20

// Default rating boundaries, used for every check and for the overall score
// unless Audience.Thresholds overrides them: a score >= DefaultGood rates
// good, >= DefaultOK rates ok, anything lower rates poor.
const (
	DefaultGood = 70
	DefaultOK   = 40
)

// ThresholdOverall is the Audience.Thresholds key of the overall score.
const ThresholdOverall = "overall"
