package store

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/table"
)

// Batch-write retry policy: DynamoDB may leave part of a BatchWriteItem
// unprocessed when a partition is busy; those items are re-sent with
// exponential backoff and jitter.
const (
	// batchWriteMax is DynamoDB's limit of requests per BatchWriteItem.
	batchWriteMax = 25
	// BatchWriteAttempts bounds the re-sends of unprocessed items.
	BatchWriteAttempts = 8
	// batchWriteBackoff is the first wait; it doubles per attempt.
	batchWriteBackoff = 25 * time.Millisecond
)

// ReadCounts sums a community's counters over days: a day with a rollup
// from it (one item per day, all of a period's read with one range query;
// rollup.go), a day the rollup watermark covers without a rollup as empty
// (no events), any other day (not ready for a rollup yet, or not rolled up
// yet) from its counter shards (one query per day and shard, run
// concurrently). It writes nothing: rollups are the reconciler's work.
func (s *Store) ReadCounts(ctx context.Context, ws, community string, days []string) (engagement.Counts, error) {
	total := engagement.NewCounts()
	now := s.now()
	var ready, open []string
	for _, d := range days {
		if rollupReady(d, now) {
			ready = append(ready, d)
		} else {
			open = append(open, d)
		}
	}
	if len(ready) > 0 {
		// The watermark first: a day it covers had its rollup written
		// before, so the (consistent) read of the rollups finds it.
		mark, err := s.rollupMark(ctx)
		if err != nil {
			return total, err
		}
		rolled, items, err := s.readRollups(ctx, ws, community, slices.Min(ready), slices.Max(ready))
		if err != nil {
			return total, err
		}
		for _, d := range ready {
			switch c, ok := rolled[d]; {
			case ok:
				total.Merge(c)
			case !items[d] && mark.covers(d):
				// Rolled up with every community-day that had events.
			default:
				open = append(open, d)
			}
		}
	}
	perDay, err := s.readShards(ctx, ws, community, open, false)
	if err != nil {
		return total, err
	}
	for _, c := range perDay {
		total.Merge(c)
	}
	return total, nil
}

// readShards reads the counter shards of each day (one query per day and
// shard, run concurrently), day by day; consistent reads for a rollup,
// which must see the counters a repair just wrote.
func (s *Store) readShards(ctx context.Context, ws, community string, days []string, consistent bool) (map[string]engagement.Counts, error) {
	out := make(map[string]engagement.Counts, len(days))
	for _, d := range days {
		out[d] = engagement.NewCounts()
	}
	var (
		mu     sync.Mutex
		first  error
		wg     sync.WaitGroup
		tokens = make(chan struct{}, ingestWorkers)
	)
	for _, day := range days {
		for shard := range engagement.Shards {
			wg.Add(1)
			tokens <- struct{}{}
			go func() {
				defer func() { <-tokens; wg.Done() }()
				c, err := s.readCounterPartition(ctx, ws, community, day, counterPK(ws, community, day, shard), consistent)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					first = cmp.Or(first, err)
					return
				}
				out[day].Merge(c)
			}()
		}
	}
	wg.Wait()
	return out, first
}

func (s *Store) readCounterPartition(ctx context.Context, ws, community, day, pk string, consistent bool) (engagement.Counts, error) {
	c := engagement.NewCounts()
	err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, ConsistentRead: aws.Bool(consistent),
		KeyConditionExpression:    aws.String("#pk = :pk"),
		ExpressionAttributeNames:  map[string]string{"#pk": table.PK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(pk)},
	}, func(it map[string]types.AttributeValue) error {
		sk, _ := it[table.SK].(*types.AttributeValueMemberS)
		if sk == nil {
			return nil
		}
		nums := map[string]int64{}
		for k, v := range it {
			if n, ok := v.(*types.AttributeValueMemberN); ok {
				i, err := strconv.ParseInt(n.Value, 10, 64)
				if err != nil {
					return domain.Wrap(domain.Internal, fmt.Errorf("counter %s: %w", k, err), "internal error")
				}
				nums[k] = i
			}
		}
		if err := c.AddItem(community, day, sk.Value, nums); err != nil {
			return domain.Wrap(domain.Internal, err, "internal error")
		}
		return nil
	})
	return c, err
}

// ListMembers returns the ladder states of a community's members: what
// the insights need, so only the state is read (not the members' record of
// applied events nor their attribution, most of a member item's bytes).
func (s *Store) ListMembers(ctx context.Context, ws, community string) ([]engagement.State, error) {
	members, err := s.members(ctx, ws, community, "#state", map[string]string{"#state": "state"})
	if err != nil {
		return nil, err
	}
	out := make([]engagement.State, len(members))
	for i, m := range members {
		out[i] = m.State
	}
	return out, nil
}

// Members returns a community's members as stored: one index query per
// member shard for their keys (the members index projects keys only, so
// rewriting a member never writes the index), then BatchGetItem of the
// members, eventually consistent; the queries and the batches run
// concurrently. Cost grows with the community: 0.5 read units per member,
// plus a few for the keys.
func (s *Store) Members(ctx context.Context, ws, community string) ([]engagement.Member, error) {
	return s.members(ctx, ws, community, "", nil)
}

// members reads a community's members, only the attributes of projection
// when it is not empty.
func (s *Store) members(ctx context.Context, ws, community, projection string, names map[string]string) ([]engagement.Member, error) {
	var (
		mu     sync.Mutex
		first  error
		wg     sync.WaitGroup
		tokens = make(chan struct{}, ingestWorkers)
		keys   []map[string]types.AttributeValue
	)
	for shard := range engagement.Shards {
		wg.Add(1)
		tokens <- struct{}{}
		go func() {
			defer func() { <-tokens; wg.Done() }()
			var mine []map[string]types.AttributeValue
			err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, IndexName: aws.String(table.GSI2),
				KeyConditionExpression:    aws.String("#pk = :pk"),
				ExpressionAttributeNames:  map[string]string{"#pk": table.GSI2PK},
				ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(membersPK(ws, community, shard))},
			}, func(it map[string]types.AttributeValue) error {
				mine = append(mine, map[string]types.AttributeValue{table.PK: it[table.PK], table.SK: it[table.SK]})
				return nil
			})
			mu.Lock()
			defer mu.Unlock()
			keys = append(keys, mine...)
			first = cmp.Or(first, err)
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	var out []engagement.Member
	for start := 0; start < len(keys); start += batchGetMax {
		chunk := keys[start:min(start+batchGetMax, len(keys))]
		wg.Add(1)
		tokens <- struct{}{}
		go func() {
			defer func() { <-tokens; wg.Done() }()
			var mine []engagement.Member
			err := s.batchGetAll(ctx, "get members", chunk, false, projection, names, func(it map[string]types.AttributeValue) error {
				var m engagement.Member
				if err := unmarshal(it, &m); err != nil {
					return domain.Wrap(domain.Internal, fmt.Errorf("decode member: %w", err), "internal error")
				}
				mine = append(mine, m)
				return nil
			})
			mu.Lock()
			defer mu.Unlock()
			out = append(out, mine...)
			first = cmp.Or(first, err)
		}()
	}
	wg.Wait()
	return out, first
}

// batchGetAll reads items by key, batchGetMax at a time (strongly
// consistent if asked), retrying unprocessed keys with backoff. An item deleted
// since its key was read (a member's TTL) is simply not returned.
func (s *Store) batchGetAll(ctx context.Context, what string, keys []map[string]types.AttributeValue, consistent bool, projection string, names map[string]string, fn func(map[string]types.AttributeValue) error) error {
	for len(keys) > 0 {
		n := min(len(keys), batchGetMax)
		ka := types.KeysAndAttributes{Keys: keys[:n], ConsistentRead: aws.Bool(consistent)}
		if projection != "" {
			ka.ProjectionExpression, ka.ExpressionAttributeNames = aws.String(projection), names
		}
		req := map[string]types.KeysAndAttributes{s.table: ka}
		keys = keys[n:]
		for round := 0; len(req) > 0; round++ {
			if round == maxBatchRounds {
				return domain.Errorf(domain.Unavailable, "", "the store is busy, retry later")
			}
			if round > 0 {
				select {
				case <-ctx.Done():
					return s.fail(what, ctx.Err())
				case <-time.After(time.Duration(round*round) * 20 * time.Millisecond):
				}
			}
			res, err := s.db.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: req})
			if err != nil {
				return s.fail(what, err)
			}
			for _, it := range res.Responses[s.table] {
				if err := fn(it); err != nil {
					return err
				}
			}
			req = res.UnprocessedKeys
		}
	}
	return nil
}

// RawEvents returns the stored raw events of a community-day (through the
// raw-event index): what a recount counts.
func (s *Store) RawEvents(ctx context.Context, ws, community, day string) ([]engagement.Stored, error) {
	var out []engagement.Stored
	for shard := range engagement.Shards {
		evs, err := s.shardEvents(ctx, dayShard{ws, community, day, shard}, false)
		if err != nil {
			return nil, err
		}
		out = append(out, evs...)
	}
	return out, nil
}

// shardEvents reads the raw events of a community-day whose counter
// deltas went to one shard: those the index lists and the table holds,
// under that same index key (checked with consistent reads for a recount,
// which must see every event stored before it).
//
// An index entry alone is not proof: dynalite writes an item's index
// entries before the item, so a store killed between the two leaves an
// entry whose event was never stored. A recount that counted it, followed
// by the client's retry (which stores the event and adds its deltas),
// counted it twice (the fault suite's "store killed" scenario). The retry
// may also store the event under another shard (a batch split another
// way starts with another event), leaving the orphan entry beside a real
// item: so the table's item must carry the index key being recounted. The
// events come from the index (one query per MB); the check reads the keys
// (little data on the wire; DynamoDB still charges each item read, 1 unit
// per event consistent, 0.5 eventually). DynamoDB's index, updated after
// the item, can lag the other way; the intent lease covers that.
func (s *Store) shardEvents(ctx context.Context, d dayShard, consistent bool) ([]engagement.Stored, error) {
	partition := eventDayPK(d.ws, d.community, d.day, d.shard)
	var (
		listed []engagement.Stored
		keys   []map[string]types.AttributeValue
		seen   = map[string]bool{}
	)
	err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, IndexName: aws.String(table.GSI1),
		KeyConditionExpression:    aws.String("#pk = :pk"),
		ExpressionAttributeNames:  map[string]string{"#pk": table.GSI1PK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(partition)},
	}, func(it map[string]types.AttributeValue) error {
		var st engagement.Stored
		if err := unmarshal(it, &st); err != nil {
			return domain.Wrap(domain.Internal, fmt.Errorf("decode event: %w", err), "internal error")
		}
		pk := eventPK(d.ws, st.ID)
		if seen[pk] {
			return nil // BatchGetItem refuses a key twice
		}
		seen[pk] = true
		listed = append(listed, st)
		keys = append(keys, map[string]types.AttributeValue{table.PK: strAV(pk), table.SK: strAV(skEvent)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	stored := make(map[string]bool, len(keys))
	err = s.batchGetAll(ctx, "check events", keys, consistent, "#pk, #ix", map[string]string{"#pk": table.PK, "#ix": table.GSI1PK},
		func(it map[string]types.AttributeValue) error {
			pk, _ := it[table.PK].(*types.AttributeValueMemberS)
			ix, _ := it[table.GSI1PK].(*types.AttributeValueMemberS)
			if pk != nil && ix != nil && ix.Value == partition {
				stored[pk.Value] = true
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	out := listed[:0]
	for _, st := range listed {
		if stored[eventPK(d.ws, st.ID)] {
			out = append(out, st)
		}
	}
	return out, nil
}

// RepairDay replaces a closed community-day's counters with a recount of
// its raw events, shard by shard as the reconciler does (each counter
// shard from the raw events whose deltas went to it: a later reconcile of
// one shard then finds it exact, where a recount of the whole day into
// one shard would have been counted twice); then the day's rollup is
// written again. It refuses a day that may still receive events
// (engagement.Closed), where overwriting would race with adds.
func (s *Store) RepairDay(ctx context.Context, ws, community, day string, now time.Time) (engagement.Counts, error) {
	if !engagement.Closed(day, now) {
		return engagement.Counts{}, domain.Errorf(domain.Conflict, "day", "%s still accepts events; it can be repaired after it closes", day)
	}
	recount := engagement.NewCounts()
	for shard := range engagement.Shards {
		c, err := s.replaceShard(ctx, dayShard{ws, community, day, shard})
		if err != nil {
			return engagement.Counts{}, err
		}
		recount.Merge(c)
	}
	if err := s.invalidateRollup(ctx, ws, community, day); err != nil {
		return engagement.Counts{}, err
	}
	if err := s.reroll(ctx, ws, community, day, now, true); err != nil {
		return engagement.Counts{}, err
	}
	return recount, nil
}

// BatchWrite sends write requests in BatchWriteItem calls of 25 and
// re-sends unprocessed items with exponential backoff and jitter, up to
// BatchWriteAttempts times, before reporting Unavailable.
func (s *Store) BatchWrite(ctx context.Context, reqs []types.WriteRequest) error {
	for start := 0; start < len(reqs); start += batchWriteMax {
		pending := reqs[start:min(start+batchWriteMax, len(reqs))]
		wait := batchWriteBackoff
		for attempt := 1; len(pending) > 0; attempt++ {
			out, err := s.db.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{
				RequestItems: map[string][]types.WriteRequest{s.table: pending}})
			if err != nil {
				return s.fail("batch write", err)
			}
			pending = out.UnprocessedItems[s.table]
			if len(pending) == 0 {
				break
			}
			if attempt >= BatchWriteAttempts {
				return domain.Errorf(domain.Unavailable, "", "the store left %d writes unprocessed after %d attempts, retry later", len(pending), attempt)
			}
			jitter := time.Duration(rand.Int64N(int64(wait)))
			select {
			case <-ctx.Done():
				return s.fail("batch write", ctx.Err())
			case <-time.After(wait + jitter):
			}
			wait *= 2
		}
	}
	return nil
}

// ShardDrift is one counter shard of a community-day whose counters differ
// from the recount of its raw events.
type ShardDrift struct {
	Shard int `json:"shard"`
	// Counters and Recount are the shard's items (sort key, attributes).
	Counters map[string]map[string]int64 `json:"counters"`
	Recount  map[string]map[string]int64 `json:"recount"`
}

// Drift compares every counter shard of a community-day with the recount
// of the raw events whose deltas belong to it, and returns the shards that
// differ (none when the counters are exact). It only reads: the fault
// suite explains a failure with it, and an operator can check a day before
// repairing it.
func (s *Store) Drift(ctx context.Context, ws, community, day string) ([]ShardDrift, error) {
	var out []ShardDrift
	items := func(c engagement.Counts) map[string]map[string]int64 {
		m := map[string]map[string]int64{}
		for _, it := range c.Items() {
			attrs := map[string]int64{}
			for k, v := range it.Attrs {
				if v != 0 {
					attrs[k] = v
				}
			}
			if len(attrs) > 0 {
				m[it.SortKey] = attrs
			}
		}
		return m
	}
	for shard := range engagement.Shards {
		counters, err := s.readCounterPartition(ctx, ws, community, day, counterPK(ws, community, day, shard), true)
		if err != nil {
			return nil, err
		}
		raw, err := s.shardEvents(ctx, dayShard{ws, community, day, shard}, true)
		if err != nil {
			return nil, err
		}
		got, want := items(counters), items(engagement.Recount(raw))
		if !reflect.DeepEqual(got, want) {
			out = append(out, ShardDrift{Shard: shard, Counters: got, Recount: want})
		}
	}
	return out, nil
}
