package api

import (
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/table"
)

// TestKeptDaysCoverTheTTL: for every allowed EVENT_TTL_DAYS, erasure and
// export read back to the oldest day an event still stored may be filed
// under (its day, up to MaxEventAge before its arrival; the TTL from its
// arrival; ttlLag before DynamoDB removes it), and today, in at most
// MaxInsightDays days. (TestEraseEveryKeptEvent checks the same through
// the API with the default TTL; reading 366 days there is slow.)
func TestKeptDaysCoverTheTTL(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	for _, ttlDays := range []int{table.MinEventTTLDays, 30, 200, table.MaxEventTTLDays} {
		ttl := time.Duration(ttlDays) * 24 * time.Hour
		a := &API{now: func() time.Time { return now }, eventTTL: ttl}
		days := a.keptDays()
		// The oldest event still stored: it arrived ttl + ttlLag ago, for
		// a day MaxEventAge before that.
		oldest := engagement.Day(now.Add(-ttl - ttlLag - engagement.MaxEventAge))
		if len(days) > engagement.MaxInsightDays || days[0] > oldest || days[len(days)-1] != engagement.Day(now) {
			t.Errorf("TTL %d days: %d days from %s to %s, want at most %d from %s or earlier to today",
				ttlDays, len(days), days[0], days[len(days)-1], engagement.MaxInsightDays, oldest)
		}
	}
}
