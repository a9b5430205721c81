package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/table"
)

// Engagement items (docs/ENGAGEMENT.md). Unlike the workspace's resources
// they do not live in the workspace partition: at thousands of events per
// second one partition would be a hot key. Each kind spreads over its own
// partitions, every key still starting with the workspace id.
//
//	raw event   pk EV#<ws>#<event id>                  sk EV
//	            gsi1 EVD#<ws>#<community>#<day>#<shard> / <event id>   (recount of a day's shard;
//	                 the shard its counter deltas went to)
//	member      pk MEM#<ws>#<community>#<member>       sk MEM
//	            gsi2 MEMS#<ws>#<community>#<shard>  / <member>         (the ladder of a community)
//	counters    pk AGG#<ws>#<community>#<day>#<shard>  sk C#... or P#... (engagement key layout)
//	intents and day leases: intents.go
const (
	skEvent  = "EV"
	skMember = "MEM"
)

// Engagement defaults.
const (
	// DefaultEventTTL is how long raw events are kept (EVENT_TTL_DAYS): long
	// enough to recount a day after it closes (engagement.MaxEventAge plus
	// a reconcile delay), short enough that raw storage stays bounded.
	DefaultEventTTL = 30 * 24 * time.Hour
	// MemberTTL is how long a member who does nothing more is kept: past
	// engagement.BuyerWindow, so a returning buyer is still recognised.
	MemberTTL = 400 * 24 * time.Hour
	// ingestWorkers bounds the concurrent DynamoDB calls of one request.
	ingestWorkers = 8
	// memberAttempts bounds the optimistic-concurrency retries of a member
	// (one visitor in several concurrent requests), with jittered waits of
	// up to memberBackoff × attempt between them.
	memberAttempts = 10
	memberBackoff  = 5 * time.Millisecond
)

func eventPK(ws, id string) string { return "EV#" + ws + "#" + id }
func eventDayPK(ws, community, day string, shard int) string {
	return fmt.Sprintf("EVD#%s#%s#%s#%02d", ws, community, day, shard)
}
func memberPK(ws, community, member string) string {
	return "MEM#" + ws + "#" + community + "#" + member
}
func membersPK(ws, community string, shard int) string {
	return fmt.Sprintf("MEMS#%s#%s#%02d", ws, community, shard)
}
func counterPK(ws, community, day string, shard int) string {
	return "AGG#" + ws + "#" + engagement.CounterPartition(community, day, shard)
}

func strAV(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }
func numAV(n int64) types.AttributeValue {
	return &types.AttributeValueMemberN{Value: strconv.FormatInt(n, 10)}
}

// IngestResult says what happened to the good events of one request.
type IngestResult struct {
	// Accepted counts events stored by this request.
	Accepted int `json:"accepted"`
	// Duplicates counts events that were already stored (a retry).
	Duplicates int `json:"duplicates"`
	// Fresh holds the events this request stored, with their attribution.
	Fresh []engagement.Stored `json:"-"`
}

// IngestEvents stores validated events of workspace ws exactly once in
// effect (docs/ENGAGEMENT.md, "Exactly-once in effect" and "Faults"):
//
//  1. an intent per community-day shard of the batch, before anything is
//     stored, then entry into those shards (refused while a reconciler
//     repairs one);
//  2. on a context the client cannot cancel, bounded by the apply
//     deadline: per member, in time order, attribution from the member's
//     state, a conditional put of each raw event keyed by its id (a retry
//     is a no-op), then one versioned write of the member, which applies
//     every event it has not applied yet (its own record, so the events of
//     a request that died before saving the member are applied by the
//     retry);
//  3. the merged counter deltas of the events this request stored, once;
//     then the intents are deleted.
//
// An error (Unavailable) means some events may not be stored: the caller
// answers 503 and the client retries the batch; what was stored is not
// counted again. If anything fails after the intents are written they
// stay, and the reconciler recounts those community-days from the raw
// events.
func (s *Store) IngestEvents(ctx context.Context, ws string, events []engagement.Event, ttl time.Duration) (IngestResult, error) {
	if ttl <= 0 {
		ttl = DefaultEventTTL
	}
	var res IngestResult
	if len(events) == 0 {
		return res, nil
	}
	shard := engagement.ShardOf(events[0].ID)
	days := batchDays(ws, events, shard)
	req := newRequestID()
	if err := s.writeIntents(ctx, days, req); err != nil {
		return res, err
	}
	// From here on the work is finished whatever the client does: a
	// dropped connection must not leave events stored but uncounted.
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.applyTimeout)
	defer cancel()
	if err := s.enterDays(work, days); err != nil {
		_ = s.clearIntents(work, days, req) // nothing stored: the intents can go (best effort)
		return res, err
	}
	groups := map[[2]string][]engagement.Event{}
	var order [][2]string
	for _, e := range events {
		k := [2]string{e.Community, e.Member}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	var (
		mu     sync.Mutex
		first  error
		wg     sync.WaitGroup
		tokens = make(chan struct{}, ingestWorkers)
	)
	expires := s.now().Add(ttl).Unix()
	var failed atomic.Bool // once a member fails, start no more: the answer is 503 anyway
	for _, k := range order {
		tokens <- struct{}{}
		if failed.Load() {
			<-tokens
			break
		}
		group := groups[k]
		wg.Add(1)
		go func() {
			defer func() { <-tokens; wg.Done() }()
			fresh, dups, err := s.ingestMember(work, ws, group, shard, expires)
			if err != nil {
				failed.Store(true)
			}
			mu.Lock()
			defer mu.Unlock()
			res.Fresh = append(res.Fresh, fresh...)
			res.Accepted += len(fresh)
			res.Duplicates += dups
			if err != nil && first == nil {
				first = err
			}
		}()
	}
	wg.Wait()
	if first != nil {
		// The store is failing: leave the counters to the reconciler
		// (the intents stay) rather than spend more time on calls that
		// would likely fail too.
		return res, first
	}
	if len(res.Fresh) > 0 {
		if err := s.applyCounters(work, ws, shard, res.Fresh); err != nil {
			// The events are durable and the intents stay: the 202 stands
			// and the reconciler brings the counters to the recount.
			return res, nil
		}
	}
	_ = s.clearIntents(work, days, req) // a failure only leaves work for the reconciler
	return res, nil
}

// ingestMember stores one member's events of a request, in time order,
// and applies to the member every event it has not applied yet.
func (s *Store) ingestMember(ctx context.Context, ws string, events []engagement.Event, shard int, expires int64) ([]engagement.Stored, int, error) {
	sort.SliceStable(events, func(i, j int) bool { return events[i].Time.Before(events[j].Time) })
	community, id := events[0].Community, events[0].Member
	anonymous := id == engagement.AnonymousMember
	var m engagement.Member
	version := 0
	if !anonymous {
		var err error
		if m, version, err = s.getMember(ctx, ws, community, id); err != nil {
			return nil, 0, err
		}
	}
	var (
		fresh   []engagement.Stored
		applied []engagement.Event // applied to the member by this request
		dups    int
		failed  error
	)
	for _, e := range events {
		if !anonymous && m.Applied.Has(e.ID) {
			dups++ // stored and applied by an earlier request
			continue
		}
		next := engagement.Member{Community: community, ID: id, State: m.State.Clone(), Attribution: m.Attribution,
			Applied: append(engagement.Applied(nil), m.Applied...)}
		st := next.Record(e)
		if anonymous {
			st.Credit, st.Campaign = engagement.Credit{}, st.UTM
		}
		created, stored, err := s.putEvent(ctx, ws, st, shard, expires)
		if err != nil {
			failed = err
			break
		}
		if created {
			m = next
			fresh = append(fresh, st)
			applied = append(applied, st.Event)
			continue
		}
		dups++
		if anonymous {
			continue
		}
		// Stored by an earlier request that did not get to save the
		// member: apply the event as stored (its first version wins).
		if stored.Community == community && stored.Member == id && m.Apply(stored.Event) {
			applied = append(applied, stored.Event)
		}
	}
	// After a failed call the member is not saved (the store is likely
	// down; another call would only add its timeout): the client's retry
	// finds these events stored but not applied, and applies them.
	if len(applied) > 0 && !anonymous && failed == nil {
		failed = s.saveMember(ctx, ws, m, version, applied)
	}
	return fresh, dups, failed
}

// putEvent stores a raw event unless its id is already stored; created
// reports which, and stored is the event already stored when it was not.
// The raw-event index groups events by community-day and by the counter
// shard their deltas went to, so that one shard can be recounted on its
// own.
//
// The item carries a mark unique to this call (reqAttr): the SDK retries a
// put whose answer was lost (a dropped connection), and the retry then
// fails its condition on the item the first attempt wrote. The retry sends
// the same mark, so the call recognises its own write; without the mark
// that event would pass for a duplicate of an earlier request, and its
// deltas would never be applied. Any other put of the same id (another
// request, or the id twice in one batch) has another mark.
func (s *Store) putEvent(ctx context.Context, ws string, st engagement.Stored, shard int, expires int64) (created bool, stored engagement.Stored, err error) {
	mark := newRequestID()
	av, err := marshal(st)
	if err != nil {
		return false, stored, domain.Wrap(domain.Internal, err, "internal error")
	}
	av[table.PK] = strAV(eventPK(ws, st.ID))
	av[table.SK] = strAV(skEvent)
	av[table.GSI1PK] = strAV(eventDayPK(ws, st.Community, engagement.Day(st.Time), shard))
	av[table.GSI1SK] = strAV(st.ID)
	av[table.TTL] = numAV(expires)
	av[kindAttr] = strAV("event")
	av[reqAttr] = strAV(mark)
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &s.table, Item: av,
		ConditionExpression:      aws.String("attribute_not_exists(#pk)"),
		ExpressionAttributeNames: map[string]string{"#pk": table.PK},
	})
	var ccf *types.ConditionalCheckFailedException
	if err != nil && !errors.As(err, &ccf) {
		return false, stored, s.fail("store event", err)
	}
	if err == nil {
		return true, stored, nil
	}
	stored, by, ok, err := s.getEvent(ctx, ws, st.ID)
	if err != nil {
		return false, stored, err
	}
	if !ok {
		// Gone since (its TTL): nothing to apply.
		return false, stored, nil
	}
	return by == mark, stored, nil
}

// getEvent reads a stored raw event (strongly consistent) and the mark of
// the call that stored it.
func (s *Store) getEvent(ctx context.Context, ws, id string) (st engagement.Stored, mark string, ok bool, err error) {
	res, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, ConsistentRead: aws.Bool(true),
		Key: map[string]types.AttributeValue{table.PK: strAV(eventPK(ws, id)), table.SK: strAV(skEvent)}})
	if err != nil {
		return st, "", false, s.fail("get event", err)
	}
	if len(res.Item) == 0 {
		return st, "", false, nil
	}
	if err := unmarshal(res.Item, &st); err != nil {
		return st, "", false, domain.Wrap(domain.Internal, fmt.Errorf("decode event: %w", err), "internal error")
	}
	if v, ok := res.Item[reqAttr].(*types.AttributeValueMemberS); ok {
		mark = v.Value
	}
	return st, mark, true, nil
}

// getMember reads a member (strongly consistent) and its version; a
// member never seen is the zero Member at version 0.
func (s *Store) getMember(ctx context.Context, ws, community, id string) (engagement.Member, int, error) {
	res, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, ConsistentRead: aws.Bool(true),
		Key: map[string]types.AttributeValue{table.PK: strAV(memberPK(ws, community, id)), table.SK: strAV(skMember)}})
	if err != nil {
		return engagement.Member{}, 0, s.fail("get member", err)
	}
	m := engagement.Member{Community: community, ID: id}
	if len(res.Item) == 0 {
		return m, 0, nil
	}
	var stored struct {
		engagement.Member
		Version int `json:"version"`
	}
	if err := unmarshal(res.Item, &stored); err != nil {
		return m, 0, domain.Wrap(domain.Internal, fmt.Errorf("decode member: %w", err), "internal error")
	}
	return stored.Member, stored.Version, nil
}

// saveMember writes m if the stored member is still at version; on a
// conflict (the same visitor in two concurrent requests) it re-reads the
// member and re-applies this request's events that the stored member has
// not applied (a concurrent retry of the same batch may have), whose
// attribution is already decided and stored.
func (s *Store) saveMember(ctx context.Context, ws string, m engagement.Member, version int, applied []engagement.Event) error {
	for attempt := 0; ; attempt++ {
		av, err := marshal(m)
		if err != nil {
			return domain.Wrap(domain.Internal, err, "internal error")
		}
		av[table.PK] = strAV(memberPK(ws, m.Community, m.ID))
		av[table.SK] = strAV(skMember)
		av[table.GSI2PK] = strAV(membersPK(ws, m.Community, engagement.ShardOf(m.ID)))
		av[table.GSI2SK] = strAV(m.ID)
		av[table.TTL] = numAV(m.State.LastActive.Add(MemberTTL).Unix())
		av[versionAttr] = numAV(int64(version + 1))
		av[kindAttr] = strAV("member")
		in := &dynamodb.PutItemInput{TableName: &s.table, Item: av}
		if version == 0 {
			in.ConditionExpression = aws.String("attribute_not_exists(#pk)")
			in.ExpressionAttributeNames = map[string]string{"#pk": table.PK}
		} else {
			in.ConditionExpression = aws.String("#v = :v")
			in.ExpressionAttributeNames = map[string]string{"#v": versionAttr}
			in.ExpressionAttributeValues = map[string]types.AttributeValue{":v": numAV(int64(version))}
		}
		_, err = s.db.PutItem(ctx, in)
		var ccf *types.ConditionalCheckFailedException
		if !errors.As(err, &ccf) {
			return s.fail("save member", err)
		}
		if attempt+1 >= memberAttempts {
			return domain.Errorf(domain.Unavailable, "", "the member is being updated concurrently, retry later")
		}
		select {
		case <-ctx.Done():
			return s.fail("save member", ctx.Err())
		case <-time.After(time.Duration(rand.Int64N(int64(memberBackoff) * int64(attempt+1)))):
		}
		cur, v, err := s.getMember(ctx, ws, m.Community, m.ID)
		if err != nil {
			return err
		}
		changed := false
		for _, e := range applied {
			changed = cur.Apply(e) || changed
		}
		if !changed {
			return nil // a concurrent copy of these events saved them first
		}
		m, version = cur, v
	}
}

// applyCounters adds the merged deltas of newly stored events to shard.
// A counter update that fails is not retried by hand (its outcome may be
// unknown): the error leaves the request's intents in place and the
// reconciler replaces the shard's counters with a recount.
func (s *Store) applyCounters(ctx context.Context, ws string, shard int, fresh []engagement.Stored) error {
	deltas := engagement.NewCounts()
	for _, st := range fresh {
		deltas.Add(st)
	}
	type upd struct {
		community, day, sk string
		attrs              map[string]int64
	}
	var updates []upd
	for c, t := range deltas.Cells {
		updates = append(updates, upd{c.Community, c.Day, c.SortKey(), t.Attrs()})
	}
	for c, cr := range deltas.Credits {
		updates = append(updates, upd{c.Community, c.Day, c.SortKey(), cr.Attrs()})
	}
	for c, t := range deltas.Campaigns {
		updates = append(updates, upd{c.Community, c.Day, c.SortKey(), t.Attrs()})
	}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		first  error
		tokens = make(chan struct{}, ingestWorkers)
	)
	for _, u := range updates {
		wg.Add(1)
		tokens <- struct{}{}
		go func() {
			defer func() { <-tokens; wg.Done() }()
			if err := s.addCounters(ctx, counterPK(ws, u.community, u.day, shard), u.sk, u.attrs); err != nil {
				mu.Lock()
				first = cmp.Or(first, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return first
}

// noRetry turns the SDK's retries off for one call. An ADD is not
// idempotent: retrying one whose answer was lost (timeout, reset) could
// add twice and then succeed, leaving nothing for the reconciler to see.
// Without retries any doubt is an error, the request keeps its intents and
// the reconciler recounts.
func noRetry(o *dynamodb.Options) { o.RetryMaxAttempts = 1 }

// addCounters is one UpdateItem ADD of a counter item, never retried.
func (s *Store) addCounters(ctx context.Context, pk, sk string, attrs map[string]int64) error {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	var up expression.UpdateBuilder
	for i, n := range names {
		if i == 0 {
			up = expression.Add(expression.Name(n), expression.Value(attrs[n]))
		} else {
			up = up.Add(expression.Name(n), expression.Value(attrs[n]))
		}
	}
	expr, err := expression.NewBuilder().WithUpdate(up).Build()
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	_, err = s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:                 &s.table,
		Key:                       map[string]types.AttributeValue{table.PK: strAV(pk), table.SK: strAV(sk)},
		UpdateExpression:          expr.Update(),
		ExpressionAttributeNames:  expr.Names(),
		ExpressionAttributeValues: expr.Values(),
	}, noRetry)
	return s.fail("add counters", err)
}

// queryAll runs a query page after page.
func (s *Store) queryAll(ctx context.Context, in *dynamodb.QueryInput, fn func(map[string]types.AttributeValue) error) error {
	p := dynamodb.NewQueryPaginator(s.db, in)
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return s.fail("query", err)
		}
		for _, it := range out.Items {
			if err := fn(it); err != nil {
				return err
			}
		}
	}
	return nil
}
