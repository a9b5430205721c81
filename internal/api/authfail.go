package api

import (
	"math"
	"net/http"
	"strconv"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// Failed authentications allowed per client address, per API instance:
// a burst of AuthFailureBurst, refilled at AuthFailureRate per second.
// Past it, requests that need a key get 429 without a store read until the
// bucket refills. A typo or a revoked key fails a handful of times; a
// scanner trying keys fails hundreds. The web ACL (prod) limits keyless
// requests at the edge, but it sees requests, not 401s: this is the limit
// on authentication failures themselves.
const (
	AuthFailureBurst = 20
	AuthFailureRate  = 0.2 // one every five seconds, sustained
)

// authBlocked says whether client has used up its failures; if so it sets
// Retry-After and returns the error to answer.
func (a *API) authBlocked(client string, w http.ResponseWriter) error {
	if client == "" {
		return nil // no trustworthy address: nothing to key the limit on
	}
	wait, blocked := a.authFailures.exhausted(client)
	if !blocked {
		return nil
	}
	w.Header().Set("Retry-After", strconv.Itoa(wait))
	return domain.Errorf(domain.RateLimited, "", "too many failed authentications from this address, retry later")
}

// authFailed counts one failed authentication of client.
func (a *API) authFailed(client string) {
	if client != "" {
		a.authFailures.take(client)
	}
}

// exhausted refills key's bucket and says whether it is empty, without
// taking a token, and if so how many seconds until one is back.
func (l *limiter) exhausted(key string) (wait int, empty bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		return 0, false
	}
	now := l.now()
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		return 0, false
	}
	return int(math.Max(1, math.Ceil((1-b.tokens)/l.rate))), true
}
