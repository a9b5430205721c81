package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"sync"
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
//	            gsi1 EVD#<ws>#<community>#<day>#<shard> / <event id>   (recount of a day)
//	member      pk MEM#<ws>#<community>#<member>       sk MEM
//	            gsi2 MEMS#<ws>#<community>#<shard>  / <member>         (the ladder of a community)
//	counters    pk AGG#<ws>#<community>#<day>#<shard>  sk C#... or P#... (engagement key layout)
//	dirty day   pk DIRTY#<ws>                          sk <community>#<day>
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
func eventDayPK(ws, community, day, id string) string {
	return fmt.Sprintf("EVD#%s#%s#%s#%02d", ws, community, day, engagement.ShardOf(id))
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
// effect (docs/ENGAGEMENT.md, "Exactly-once in effect"):
//
//  1. per member, in time order: attribution from the member's state, then
//     a conditional put of the raw event keyed by its id (a retry is a
//     no-op), then one versioned write of the member;
//  2. the merged counter deltas of all newly stored events, once.
//
// An error (Unavailable) means some events may not be stored: the caller
// answers 503 and the client retries the batch; what was stored is not
// counted again. Counter failures do not fail the request (the events are
// durable); they mark the day dirty for repair.
func (s *Store) IngestEvents(ctx context.Context, ws string, events []engagement.Event, ttl time.Duration) (IngestResult, error) {
	if ttl <= 0 {
		ttl = DefaultEventTTL
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
		res    IngestResult
		first  error
		wg     sync.WaitGroup
		tokens = make(chan struct{}, ingestWorkers)
	)
	expires := s.now().Add(ttl).Unix()
	for _, k := range order {
		group := groups[k]
		wg.Add(1)
		tokens <- struct{}{}
		go func() {
			defer func() { <-tokens; wg.Done() }()
			fresh, dups, err := s.ingestMember(ctx, ws, group, expires)
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
	if len(res.Fresh) > 0 {
		s.applyCounters(ctx, ws, res.Fresh)
	}
	return res, first
}

// ingestMember stores one member's events of a request, in time order.
func (s *Store) ingestMember(ctx context.Context, ws string, events []engagement.Event, expires int64) ([]engagement.Stored, int, error) {
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
	var fresh []engagement.Stored
	dups := 0
	var failed error
	for _, e := range events {
		next := engagement.Member{Community: community, ID: id, State: m.State.Clone(), Attribution: m.Attribution}
		st := next.Record(e)
		if anonymous {
			st.Credit = engagement.Credit{}
		}
		created, err := s.putEvent(ctx, ws, st, expires)
		if err != nil {
			failed = err
			break
		}
		if !created {
			dups++
			continue
		}
		m = next
		fresh = append(fresh, st)
	}
	if len(fresh) > 0 && !anonymous {
		if err := s.saveMember(ctx, ws, m, version, fresh); err != nil && failed == nil {
			failed = err
		}
	}
	return fresh, dups, failed
}

// putEvent stores a raw event unless its id is already stored; created
// reports which.
func (s *Store) putEvent(ctx context.Context, ws string, st engagement.Stored, expires int64) (created bool, err error) {
	av, err := marshal(st)
	if err != nil {
		return false, domain.Wrap(domain.Internal, err, "internal error")
	}
	av[table.PK] = strAV(eventPK(ws, st.ID))
	av[table.SK] = strAV(skEvent)
	av[table.GSI1PK] = strAV(eventDayPK(ws, st.Community, engagement.Day(st.Time), st.ID))
	av[table.GSI1SK] = strAV(st.ID)
	av[table.TTL] = numAV(expires)
	av[kindAttr] = strAV("event")
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &s.table, Item: av,
		ConditionExpression:      aws.String("attribute_not_exists(#pk)"),
		ExpressionAttributeNames: map[string]string{"#pk": table.PK},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return false, nil
	}
	if err != nil {
		return false, s.fail("store event", err)
	}
	return true, nil
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
// member and re-applies this request's events, whose attribution is
// already decided and stored.
func (s *Store) saveMember(ctx context.Context, ws string, m engagement.Member, version int, fresh []engagement.Stored) error {
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
		for _, st := range fresh {
			cur.Attribution.Observe(st.Event)
			cur.State.Apply(st.Event)
		}
		m, version = cur, v
	}
}

// applyCounters adds the merged deltas of newly stored events to one
// shard. A counter update that fails is not retried by hand (its outcome
// may be unknown): the day is marked dirty and repaired by a recount once
// it closes.
func (s *Store) applyCounters(ctx context.Context, ws string, fresh []engagement.Stored) {
	shard, deltas := engagement.Batch(fresh)
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
	var wg sync.WaitGroup
	tokens := make(chan struct{}, ingestWorkers)
	for _, u := range updates {
		wg.Add(1)
		tokens <- struct{}{}
		go func() {
			defer func() { <-tokens; wg.Done() }()
			if err := s.addCounters(ctx, counterPK(ws, u.community, u.day, shard), u.sk, u.attrs); err != nil {
				s.markDirty(ctx, ws, u.community, u.day)
			}
		}()
	}
	wg.Wait()
}

// addCounters is one UpdateItem ADD of a counter item.
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
	})
	return s.fail("add counters", err)
}

// markDirty records that a community-day's counters may be off, best
// effort (if the store is down this fails too; the daily reconcile of
// closed days still finds the difference).
func (s *Store) markDirty(ctx context.Context, ws, community, day string) {
	_, _ = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &s.table, Item: map[string]types.AttributeValue{
		table.PK: strAV("DIRTY#" + ws), table.SK: strAV(community + "#" + day), kindAttr: strAV("dirty"),
	}})
}

// DirtyDays lists the community-days of ws marked for repair, as
// "<community>#<day>".
func (s *Store) DirtyDays(ctx context.Context, ws string) ([]string, error) {
	var out []string
	err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table,
		KeyConditionExpression:    aws.String("#pk = :pk"),
		ExpressionAttributeNames:  map[string]string{"#pk": table.PK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV("DIRTY#" + ws)},
	}, func(it map[string]types.AttributeValue) error {
		if v, ok := it[table.SK].(*types.AttributeValueMemberS); ok {
			out = append(out, v.Value)
		}
		return nil
	})
	return out, err
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
