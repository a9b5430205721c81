package scoring

import "sync"

// maxCachedStems bounds a profile's stem cache: about 1 MB of strings at
// most, far more distinct words than a writer's drafts hold.
const maxCachedStems = 20000

// stemCache remembers the stems of draft words across the Score calls of
// one Profile. The widget re-scores the same draft on every pause in
// typing, and stemming was 30% of a Score (CPU profile of
// BenchmarkScore1500); with the cache a re-score stems only new words.
// Safe for concurrent use, as Profile is.
type stemCache struct {
	mu    sync.Mutex
	stems map[string]string
}

// stem returns the stem of a lower-case word, from the cache if it is there.
func (c *stemCache) stem(l *langSpec, lower string) string {
	c.mu.Lock()
	s, ok := c.stems[lower]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = l.stemWord(lower)
	c.mu.Lock()
	if c.stems == nil {
		c.stems = make(map[string]string)
	}
	if len(c.stems) < maxCachedStems {
		c.stems[lower] = s
	}
	c.mu.Unlock()
	return s
}
