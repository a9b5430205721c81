package store

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/table"
)

// Counts derive from the durable events (docs/ENGAGEMENT.md, "Faults"):
//
//	intent      pk INTENT#<shard>                      sk <ws>#<community>#<day>#<shard>#<request>   at (unix ms)
//	day lease   pk LEASE#<ws>#<community>#<day>#<shard> sk LEASE   started (N), locked_until (unix ms)
//
// A request writes an intent for each community-day of its batch before it
// stores any event, and deletes it once the counter deltas of the events
// it stored are applied. Then it "enters" each community-day shard: an
// ADD on the day lease, refused while a reconciler holds the lock. An
// intent older than the lease (IntentLease) belongs to a request that died
// or gave up; the reconciler locks that community-day shard, checks that no
// younger intent exists (a request still at work), recounts the shard's
// raw events and replaces its counters, deletes the expired intents and
// unlocks.

// LockTTL is how long a reconciler's lock on a community-day shard holds
// if the reconciler dies (killed, or its store gone mid-repair): another
// reconciler may take the shard after it.
const LockTTL = 30 * time.Second

const (
	skLease = "LEASE"
	// lockTTL is how long a reconciler's lock on a community-day shard
	// holds if the reconciler dies; requests for that shard answer 503
	// meanwhile. reconcileShardTimeout (< lockTTL) bounds one repair.
	lockTTL               = LockTTL
	reconcileShardTimeout = 20 * time.Second
	// intentTTL removes intents of a table nobody reconciles any more; a
	// running reconciler deletes them long before.
	intentTTL = 30 * 24 * time.Hour
	// leaseTTL is how long a day lease outlives the day's close: no
	// request enters a closed day, and by then its intents are long gone.
	// The leases are also the register of community-days to roll up
	// (rollup.go): a reconciler that stops for less than this (minus
	// RollupAfter) still finds every day it has to roll up.
	leaseTTL = 30 * 24 * time.Hour
)

// leaseExpiry is the TTL (epoch seconds) of a day's lease items.
func leaseExpiry(day string) int64 {
	d, err := time.Parse(engagement.DayLayout, day)
	if err != nil {
		return 0
	}
	return d.Add(24*time.Hour + engagement.MaxEventAge + engagement.ApplyLease + leaseTTL).Unix()
}

// Defaults of the deadlines (STORE_TIMEOUT, APPLY_TIMEOUT).
const (
	// DefaultCallTimeout bounds every store call (SDK retries included):
	// a store that does not answer in time is Unavailable (503 with
	// Retry-After), so a paused store cannot hang a request.
	DefaultCallTimeout = 3 * time.Second
	// DefaultApplyTimeout bounds the work a request finishes after it has
	// written its intents, on a context its client cannot cancel: storing
	// the events, the members and the counter deltas.
	DefaultApplyTimeout = 10 * time.Second
)

// IntentLease is how old an intent must be before the reconciler may treat
// its request as finished or dead: twice the longest a request may still
// be writing after it wrote the intent (one call to enter the day, then the
// apply deadline), so that a write sent just before a deadline has had as
// long again to land.
func IntentLease(call, apply time.Duration) time.Duration { return 2 * (call + apply) }

// IntentLease is this store's lease (from its deadlines).
func (s *Store) IntentLease() time.Duration { return IntentLease(s.callTimeout, s.applyTimeout) }

func intentPK(shard int) string { return fmt.Sprintf("INTENT#%02d", shard) }

// dayShard names one community-day shard of a workspace's counters.
type dayShard struct {
	ws, community, day string
	shard              int
}

func (d dayShard) prefix() string {
	return fmt.Sprintf("%s#%s#%s#%02d#", d.ws, d.community, d.day, d.shard)
}
func (d dayShard) leasePK() string {
	return fmt.Sprintf("LEASE#%s#%s#%s#%02d", d.ws, d.community, d.day, d.shard)
}

func parseIntentSK(sk string) (dayShard, bool) {
	parts := strings.Split(sk, "#")
	if len(parts) != 5 {
		return dayShard{}, false
	}
	shard, err := strconv.Atoi(parts[3])
	if err != nil || shard < 0 || shard >= engagement.Shards {
		return dayShard{}, false
	}
	return dayShard{parts[0], parts[1], parts[2], shard}, true
}

func newRequestID() string {
	var b [8]byte
	for i := range b {
		b[i] = byte(rand.Uint32())
	}
	return hex.EncodeToString(b[:])
}

// batchDays lists the community-day shards a request's events fall in.
func batchDays(ws string, events []engagement.Event, shard int) []dayShard {
	seen := map[dayShard]bool{}
	var out []dayShard
	for _, e := range events {
		d := dayShard{ws, e.Community, engagement.Day(e.Time), shard}
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].prefix() < out[j].prefix() })
	return out
}

// writeIntents records, before any event of the request is stored, that
// the request is about to change these community-day shards.
func (s *Store) writeIntents(ctx context.Context, days []dayShard, req string) error {
	at := s.now()
	for _, d := range days {
		_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &s.table, Item: map[string]types.AttributeValue{
			table.PK: strAV(intentPK(d.shard)), table.SK: strAV(d.prefix() + req),
			"at": numAV(at.UnixMilli()), table.TTL: numAV(at.Add(intentTTL).Unix()), kindAttr: strAV("intent"),
		}})
		if err != nil {
			return s.fail("write intent", err)
		}
	}
	return nil
}

// clearIntents deletes the request's intents once its counter deltas are
// applied. A failure leaves them for the reconciler (a recount is always
// correct, only slower).
func (s *Store) clearIntents(ctx context.Context, days []dayShard, req string) error {
	for _, d := range days {
		if err := s.deleteIntent(ctx, d.shard, d.prefix()+req); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) deleteIntent(ctx context.Context, shard int, sk string) error {
	_, err := s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: &s.table,
		Key: map[string]types.AttributeValue{table.PK: strAV(intentPK(shard)), table.SK: strAV(sk)}})
	return s.fail("clear intent", err)
}

// enterDays admits the request to its community-day shards: refused
// (Unavailable, the client retries) while a reconciler holds the lock of
// one. It runs after the intents are written, so a reconciler that takes
// the lock after a request entered sees that request's intent.
func (s *Store) enterDays(ctx context.Context, days []dayShard) error {
	now := s.now().UnixMilli()
	for _, d := range days {
		_, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: &s.table,
			Key: map[string]types.AttributeValue{table.PK: strAV(d.leasePK()), table.SK: strAV(skLease)},
			// The lease also registers the community-day for its rollup
			// (rollup.go): the same index keys every time, on an index that
			// projects keys only, so only the first entry writes the index.
			UpdateExpression:    aws.String("ADD #started :one SET #ttl = :ttl, #rpk = :rpk, #rsk = :rsk"),
			ConditionExpression: aws.String("attribute_not_exists(#lock) OR #lock < :now"),
			ExpressionAttributeNames: map[string]string{"#started": "started", "#lock": "locked_until", "#ttl": table.TTL,
				"#rpk": table.GSI2PK, "#rsk": table.GSI2SK},
			ExpressionAttributeValues: map[string]types.AttributeValue{":one": numAV(1), ":now": numAV(now),
				":ttl": numAV(leaseExpiry(d.day)), ":rpk": strAV(rollupQueuePK(d.day)), ":rsk": strAV(d.ws + "#" + d.community)},
		})
		var ccf *types.ConditionalCheckFailedException
		if errors.As(err, &ccf) {
			return domain.Errorf(domain.Unavailable, "", "the counters of %s are being reconciled, retry in a moment", d.day)
		}
		if err != nil {
			return s.fail("enter day", err)
		}
	}
	return nil
}

// ReconcileReport says what one reconcile pass found and did.
type ReconcileReport struct {
	// Pending counts the intents found (requests at work or dead).
	Pending int `json:"pending"`
	// Expired counts intents older than the lease: the backlog to repair.
	Expired int `json:"expired"`
	// Oldest is the age of the oldest intent (0 when there is none).
	Oldest time.Duration `json:"oldest_ns"`
	// Repaired lists the community-day shards recounted.
	Repaired []string `json:"repaired"`
	// Skipped counts shards left for a later pass (locked by another
	// reconciler, or a request still at work there).
	Skipped int `json:"skipped"`
	// NextDue is when the youngest intents found will have expired: a
	// caller that runs again then repairs them at once instead of a whole
	// period later (0 when no intent is waiting for its lease).
	NextDue time.Duration `json:"next_due_ns"`
	// Rollups says what the rollup pass after the repairs did (rollup.go).
	Rollups RollupReport `json:"rollups"`
}

// rollupRetry is how soon a caller runs again when the rollup pass was
// left behind (its per-pass limit, or a repair meanwhile).
const rollupRetry = time.Second

// Reconcile recounts every community-day shard with an expired intent
// from its raw events and replaces its counters (docs/ENGAGEMENT.md,
// "Faults"), then rolls up the days that became ready and those it just
// repaired (RollUp), so that reads find them rolled up. It is safe to run
// concurrently with requests and with other reconcilers, and as often as
// wanted: `sweetspot serve` runs it every RECONCILE_EVERY, the stack on a
// schedule. The first error stops the pass (the next pass starts over).
func (s *Store) Reconcile(ctx context.Context) (ReconcileReport, error) {
	var rep ReconcileReport
	now := s.now()
	lease := s.IntentLease()
	expired := map[dayShard][]string{}
	var order []dayShard
	for shard := range engagement.Shards {
		err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, ConsistentRead: aws.Bool(true),
			KeyConditionExpression:    aws.String("#pk = :pk"),
			ExpressionAttributeNames:  map[string]string{"#pk": table.PK},
			ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(intentPK(shard))},
		}, func(it map[string]types.AttributeValue) error {
			sk, _ := it[table.SK].(*types.AttributeValueMemberS)
			if sk == nil {
				return nil
			}
			d, ok := parseIntentSK(sk.Value)
			if !ok {
				return nil
			}
			rep.Pending++
			age := now.Sub(intentTime(it))
			rep.Oldest = max(rep.Oldest, age)
			if age < lease {
				if due := lease - age; rep.NextDue == 0 || due < rep.NextDue {
					rep.NextDue = due
				}
				return nil
			}
			rep.Expired++
			if _, ok := expired[d]; !ok {
				order = append(order, d)
			}
			expired[d] = append(expired[d], sk.Value)
			return nil
		})
		if err != nil {
			return rep, err
		}
	}
	for _, d := range order {
		done, err := s.reconcileShard(ctx, d, expired[d], lease)
		if err != nil {
			return rep, fmt.Errorf("reconcile %s: %w", strings.TrimSuffix(d.prefix(), "#"), err)
		}
		if done {
			rep.Repaired = append(rep.Repaired, strings.TrimSuffix(d.prefix(), "#"))
		} else {
			rep.Skipped++
			if rep.NextDue == 0 {
				rep.NextDue = lockTTL // locked or busy: try again soon
			}
		}
	}
	// Then roll up the days that became ready (and those just repaired),
	// so that reads find them rolled up.
	rolled, err := s.RollUp(ctx, 0)
	rep.Rollups = rolled
	if err != nil {
		return rep, fmt.Errorf("rollups: %w", err)
	}
	if rolled.Behind > 0 && (rep.NextDue == 0 || rep.NextDue > rollupRetry) {
		rep.NextDue = rollupRetry
	}
	return rep, nil
}

func intentTime(it map[string]types.AttributeValue) time.Time {
	if n, ok := it["at"].(*types.AttributeValueMemberN); ok {
		if ms, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return time.UnixMilli(ms).UTC()
		}
	}
	return time.Time{} // unreadable: treat as expired
}

// reconcileShard repairs one community-day shard under its lock; done is
// false when it had to leave the shard for a later pass.
func (s *Store) reconcileShard(ctx context.Context, d dayShard, intents []string, lease time.Duration) (done bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, reconcileShardTimeout)
	defer cancel()
	now := s.now()
	mine := now.Add(lockTTL).UnixMilli()
	key := map[string]types.AttributeValue{table.PK: strAV(d.leasePK()), table.SK: strAV(skLease)}
	_, err = s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: &s.table, Key: key,
		UpdateExpression:          aws.String("SET #lock = :mine"),
		ConditionExpression:       aws.String("attribute_not_exists(#lock) OR #lock < :now"),
		ExpressionAttributeNames:  map[string]string{"#lock": "locked_until"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":mine": numAV(mine), ":now": numAV(now.UnixMilli())},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return false, nil // another reconciler is at it
	}
	if err != nil {
		return false, s.fail("lock day", err)
	}
	defer func() {
		// Unlock even if the caller's context is gone: a held lock makes
		// requests for this shard wait until it expires.
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.callTimeout)
		defer cancel()
		_, uerr := s.db.UpdateItem(uctx, &dynamodb.UpdateItemInput{TableName: &s.table, Key: key,
			UpdateExpression:          aws.String("REMOVE #lock"),
			ConditionExpression:       aws.String("#lock = :mine"),
			ExpressionAttributeNames:  map[string]string{"#lock": "locked_until"},
			ExpressionAttributeValues: map[string]types.AttributeValue{":mine": numAV(mine)},
		})
		if uerr != nil && !errors.As(uerr, &ccf) && err == nil {
			err = s.fail("unlock day", uerr)
		}
	}()
	// With the lock held no request can enter; one that entered before
	// has an intent, written before it entered. Any intent younger than the
	// lease means a request may still write: leave the shard for later.
	live := false
	err = s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, ConsistentRead: aws.Bool(true),
		KeyConditionExpression:    aws.String("#pk = :pk AND begins_with(#sk, :p)"),
		ExpressionAttributeNames:  map[string]string{"#pk": table.PK, "#sk": table.SK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(intentPK(d.shard)), ":p": strAV(d.prefix())},
	}, func(it map[string]types.AttributeValue) error {
		live = live || now.Sub(intentTime(it)) < lease
		return nil
	})
	if err != nil || live {
		return false, err
	}
	if _, err := s.replaceShard(ctx, d); err != nil {
		return false, err
	}
	if err := s.invalidateRollup(ctx, d.ws, d.community, d.day); err != nil {
		return false, err
	}
	if err := s.reroll(ctx, d.ws, d.community, d.day, now, false); err != nil {
		return false, err
	}
	for _, sk := range intents {
		if err := s.deleteIntent(ctx, d.shard, sk); err != nil {
			return false, err
		}
	}
	return true, nil
}

// replaceShard overwrites a community-day shard's counters with the
// recount of the raw events whose deltas belong to that shard, and returns
// the recount.
func (s *Store) replaceShard(ctx context.Context, d dayShard) (engagement.Counts, error) {
	raw, err := s.shardEvents(ctx, d, true)
	if err != nil {
		return engagement.Counts{}, err
	}
	recount := engagement.Recount(raw)
	return recount, s.writeCounts(ctx, counterPK(d.ws, d.community, d.day, d.shard), recount)
}

// writeCounts makes the counter partition pk hold exactly c: every item
// of c is put, every other item deleted.
func (s *Store) writeCounts(ctx context.Context, pk string, c engagement.Counts) error {
	var reqs []types.WriteRequest
	keep := map[string]bool{}
	put := func(sk string, attrs map[string]int64) {
		item := map[string]types.AttributeValue{table.PK: strAV(pk), table.SK: strAV(sk)}
		for k, v := range attrs {
			item[k] = numAV(v)
		}
		keep[sk] = true
		reqs = append(reqs, types.WriteRequest{PutRequest: &types.PutRequest{Item: item}})
	}
	for _, it := range c.Items() {
		put(it.SortKey, it.Attrs)
	}
	err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, ConsistentRead: aws.Bool(true),
		KeyConditionExpression:    aws.String("#pk = :pk"),
		ProjectionExpression:      aws.String("#pk, #sk"),
		ExpressionAttributeNames:  map[string]string{"#pk": table.PK, "#sk": table.SK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(pk)},
	}, func(it map[string]types.AttributeValue) error {
		if sk, _ := it[table.SK].(*types.AttributeValueMemberS); sk != nil && !keep[sk.Value] {
			reqs = append(reqs, types.WriteRequest{DeleteRequest: &types.DeleteRequest{
				Key: map[string]types.AttributeValue{table.PK: it[table.PK], table.SK: it[table.SK]}}})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.BatchWrite(ctx, reqs)
}
