package scoring

// network holds the length limits and conventions of one place a draft can
// be published. Lengths are in characters (Unicode code points; Twitter's
// weighting of CJK characters, emoji and links is applied separately).
// Zero means "no limit" or "no convention".
type network struct {
	id, name string
	// limit is the hard maximum length of the body: longer posts are cut
	// or refused by the network.
	limit int
	// idealMin and idealMax bound the body length that performs best.
	idealMin, idealMax int
	// hashMin, hashMax bound the usual number of hashtags; hashLimit is
	// the network's hard maximum.
	hashMin, hashMax, hashLimit int
	// noLinks is set where links in the text are not clickable.
	noLinks bool
	// titleMin, titleMax bound the title (email subject, article or pin
	// title) that performs best; needsTitle marks formats that need one.
	titleMin, titleMax int
	needsTitle         bool
}

// networkRules is the table of supported networks, sorted by id. The
// figures are the networks' published limits and the conventions commonly
// recommended for them (docs/scoring.md cites them).
var networkRules = [...]network{
	{id: "blog", name: "Blog", idealMin: 3000, idealMax: 15000, hashMax: 0, titleMin: 30, titleMax: 70, needsTitle: true},
	{id: "bluesky", name: "Bluesky", limit: 300, idealMin: 60, idealMax: 250, hashMax: 2},
	{id: "email", name: "Email", idealMin: 500, idealMax: 5000, hashMax: 0, titleMin: 20, titleMax: 60, needsTitle: true},
	{id: "facebook", name: "Facebook", limit: 63206, idealMin: 40, idealMax: 500, hashMax: 2},
	{id: "instagram", name: "Instagram", limit: 2200, idealMin: 100, idealMax: 1000, hashMin: 3, hashMax: 10, hashLimit: 30, noLinks: true},
	{id: "linkedin", name: "LinkedIn", limit: 3000, idealMin: 600, idealMax: 2000, hashMax: 5},
	{id: "mastodon", name: "Mastodon", limit: 500, idealMin: 80, idealMax: 450, hashMin: 1, hashMax: 4},
	{id: "pinterest", name: "Pinterest", limit: 500, idealMin: 100, idealMax: 300, hashMax: 5, titleMax: 100},
	{id: "reddit", name: "Reddit", limit: 40000, idealMin: 300, idealMax: 5000, hashMax: 0, titleMin: 20, titleMax: 300, needsTitle: true},
	{id: "threads", name: "Threads", limit: 500, idealMin: 80, idealMax: 400, hashMax: 1},
	{id: "tiktok", name: "TikTok", limit: 4000, idealMin: 50, idealMax: 300, hashMin: 2, hashMax: 5},
	{id: "twitter", name: "X (Twitter)", limit: 280, idealMin: 70, idealMax: 200, hashMax: 2},
	{id: "youtube", name: "YouTube", limit: 5000, idealMin: 200, idealMax: 2000, hashMax: 3, titleMin: 20, titleMax: 70, needsTitle: true},
}

// networkAliases maps other spellings to a network id, and the blogging
// platforms that exports and data sets name to the network their posts
// read as (a Medium post is a blog post; a Substack post is a newsletter).
var networkAliases = map[string]string{"x": "twitter", "ig": "instagram", "fb": "facebook", "newsletter": "email", "article": "blog",
	"medium": "blog", "wordpress": "blog", "devto": "blog", "dev.to": "blog", "hashnode": "blog", "substack": "email"}

// NetworkIDs returns the ids of the networks the channel check knows, sorted
// (aliases such as "x" for "twitter" are accepted too, see CanonicalNetwork).
func NetworkIDs() []string {
	ids := make([]string, len(networkRules))
	for i := range networkRules {
		ids[i] = networkRules[i].id
	}
	return ids
}

// CanonicalNetwork returns the network id for a name or alias ("x" gives
// "twitter"), and whether the network is known. Case is ignored.
func CanonicalNetwork(name string) (string, bool) {
	n := lowerASCII(name)
	if a, ok := networkAliases[n]; ok {
		n = a
	}
	if networkByID(n) == nil {
		return "", false
	}
	return n, true
}

func networkByID(id string) *network {
	for i := range networkRules {
		if networkRules[i].id == id {
			return &networkRules[i]
		}
	}
	return nil
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c == ' ' || c == '\t' {
			b := make([]byte, 0, len(s))
			for j := 0; j < len(s); j++ {
				c := s[j]
				if c == ' ' || c == '\t' {
					continue
				}
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			}
			return string(b)
		}
	}
	return s
}
