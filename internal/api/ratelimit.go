package api

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// Rate limit per key. The limiter lives in one process: under Lambda each
// concurrent instance keeps its own buckets, so the effective limit is per
// instance (documented as such); API Gateway throttling bounds the total.
const (
	// DefaultRate is the sustained requests per second allowed per key.
	DefaultRate = 50.0
	// DefaultBurst is how many requests a key may send at once.
	DefaultBurst = 100
	// maxBuckets bounds the limiter's memory; idle buckets are dropped
	// first when it is reached.
	maxBuckets = 10000
	// DefaultAuthFailRate and DefaultAuthFailBurst limit failed
	// authentications per client address (per instance): 20 wrong keys at
	// once, then one per second. While over the limit every request from
	// the address that needs a key answers 429 before any store read, so
	// guessing keys costs the guesser time and the tenant nothing.
	DefaultAuthFailRate  = 1.0
	DefaultAuthFailBurst = 20
)

type bucket struct {
	tokens float64
	last   time.Time
}

// limiter is a token bucket per key id.
type limiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	now     func() time.Time
	buckets map[string]*bucket
}

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	if rate <= 0 {
		rate = DefaultRate
	}
	if burst <= 0 {
		burst = DefaultBurst
	}
	return &limiter{rate: rate, burst: float64(burst), now: now, buckets: map[string]*bucket{}}
}

// allow takes a token for key, or returns RateLimited with Retry-After set.
func (l *limiter) allow(key string, w http.ResponseWriter) error {
	wait, ok := l.take(key)
	if ok {
		return nil
	}
	w.Header().Set("Retry-After", strconv.Itoa(wait))
	return domain.Errorf(domain.RateLimited, "", "too many requests for this key: the limit is %g per second (per API instance)", l.rate)
}

// blocked reports, without taking a token, whether key has none left and
// if so how many seconds until it has one.
func (l *limiter) blocked(key string) (wait int, blocked bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		return 0, false
	}
	tokens := math.Min(l.burst, b.tokens+l.now().Sub(b.last).Seconds()*l.rate)
	if tokens >= 1 {
		return 0, false
	}
	return int(math.Max(1, math.Ceil((1-tokens)/l.rate))), true
}

// take takes a token for key if one is left; if not, it says how many
// seconds until one is.
func (l *limiter) take(key string) (wait int, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxBuckets {
			l.evictIdle(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return 0, true
	}
	return int(math.Max(1, math.Ceil((1-b.tokens)/l.rate))), false
}

// evictIdle drops buckets that have refilled completely (they carry no
// state worth keeping); if none has, it drops them all.
func (l *limiter) evictIdle(now time.Time) {
	full := time.Duration(l.burst / l.rate * float64(time.Second))
	for k, b := range l.buckets {
		if now.Sub(b.last) >= full {
			delete(l.buckets, k)
		}
	}
	if len(l.buckets) >= maxBuckets {
		clear(l.buckets)
	}
}
