package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// Rollups (docs/ENGAGEMENT.md, "Insights over long periods"): once a day
// can no longer change, its 16 counter shards are summed into one item,
//
//	rollup      pk ROLL#<ws>#<community>   sk D#<day>   counts (JSON of the day's cells and credits), gen (N)
//	register    gsi2 ROLLQ#<day> → the day leases of every community-day that received events (intents.go)
//	watermark   pk ROLLMARK                sk ROLLMARK  day: every ready day before it is rolled up
//
// so a period of N closed days costs one range query over the community's
// rollups (N items, a few KB each) instead of N × 16 queries: a 366-day
// insights request reads a year of rollups in one or two pages.
//
// Reads never build rollups. The reconciler (Reconcile, every
// RECONCILE_EVERY locally, on a schedule in AWS) rolls up each day once it
// is ready (RollupAfter past its close): it walks the days from the
// watermark, lists the community-days of each from the register, writes
// their rollups and moves the watermark on. A read of a day without a
// rollup (not ready yet, or the reconciler behind) sums that day's shards
// instead: exact, only slower.
//
// Exactness when counters are replaced (reconcile after a fault,
// RepairDay): the replacement first writes the new counters, then bumps the
// rollup's gen and removes its counts (invalidateRollup), and moves the
// watermark back to that day, so the next rollup pass rolls the day again.
// A rollup is written only on the condition that gen is still what it was
// before the shards were read, so a rollup pass that read the shards
// before a replacement cannot overwrite the invalidation with stale counts.
const (
	skRollupPrefix = "D#"
	// RollupAfter is how long after a day closes (engagement.Closed) it is
	// rolled up: the last day leases written before the close have reached
	// the register (an eventually consistent index) long before. A repair
	// after that rolls the day up again, so there is no need to wait for
	// the reconciler's repairs; every day not rolled up costs a read 16
	// queries, so the shorter the better (a 366-day read sums 4 or 5 open
	// days from their shards).
	RollupAfter = time.Hour
	// RollupsPerPass bounds the community-days one reconcile pass rolls up
	// (about 18 store calls each), so a pass after a long outage stays
	// within the scheduled function's time; the next pass, which then
	// comes at once (ReconcileReport.NextDue), goes on.
	RollupsPerPass = 200
	// rollupMaxBytes keeps a rollup well inside DynamoDB's 400 KB item
	// limit; a day with more cells than that is read from its shards.
	rollupMaxBytes = 300 << 10
	pkRollupMark   = "ROLLMARK"
)

func rollupPK(ws, community string) string { return "ROLL#" + ws + "#" + community }

// rollupReady reports whether day's counters are final at now.
func rollupReady(day string, now time.Time) bool {
	return engagement.Closed(day, now.Add(-RollupAfter))
}

// rollupJSON is a day's counts as stored in a rollup.
type rollupJSON struct {
	Cells   []rollupCell   `json:"cells,omitempty"`
	Credits []rollupCredit `json:"credits,omitempty"`
	// Campaigns: older rollups have none (written before campaigns were counted).
	Campaigns []rollupCampaign `json:"campaigns,omitempty"`
}

type rollupCampaign struct {
	engagement.CampaignCell
	engagement.Tally
}

type rollupCell struct {
	engagement.Cell
	engagement.Tally
}

type rollupCredit struct {
	engagement.CreditCell
	engagement.Credits
}

func encodeRollup(c engagement.Counts) ([]byte, error) {
	var r rollupJSON
	for k, v := range c.Cells {
		r.Cells = append(r.Cells, rollupCell{k, v})
	}
	for k, v := range c.Credits {
		r.Credits = append(r.Credits, rollupCredit{k, v})
	}
	for k, v := range c.Campaigns {
		r.Campaigns = append(r.Campaigns, rollupCampaign{k, v})
	}
	return json.Marshal(r)
}

func decodeRollup(b []byte) (engagement.Counts, error) {
	var r rollupJSON
	c := engagement.NewCounts()
	if err := json.Unmarshal(b, &r); err != nil {
		return c, err
	}
	for _, x := range r.Cells {
		c.Cells[x.Cell] = x.Tally
	}
	for _, x := range r.Credits {
		c.Credits[x.CreditCell] = x.Credits
	}
	for _, x := range r.Campaigns {
		c.Campaigns[x.CampaignCell] = x.Tally
	}
	return c, nil
}

// readRollups returns the rollups of days from..to (inclusive) by day.
// A rollup item without counts (invalidated by a repair, or too large)
// is returned as absent in counts and present in items.
func (s *Store) readRollups(ctx context.Context, ws, community, from, to string) (counts map[string]engagement.Counts, items map[string]bool, err error) {
	counts, items = map[string]engagement.Counts{}, map[string]bool{}
	err = s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, ConsistentRead: aws.Bool(true),
		KeyConditionExpression:   aws.String("#pk = :pk AND #sk BETWEEN :from AND :to"),
		ExpressionAttributeNames: map[string]string{"#pk": table.PK, "#sk": table.SK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(rollupPK(ws, community)),
			":from": strAV(skRollupPrefix + from), ":to": strAV(skRollupPrefix + to)},
	}, func(it map[string]types.AttributeValue) error {
		sk, _ := it[table.SK].(*types.AttributeValueMemberS)
		if sk == nil {
			return nil
		}
		day := strings.TrimPrefix(sk.Value, skRollupPrefix)
		items[day] = true
		body, _ := it["counts"].(*types.AttributeValueMemberS)
		if body == nil {
			return nil
		}
		c, err := decodeRollup([]byte(body.Value))
		if err != nil {
			return domain.Wrap(domain.Internal, fmt.Errorf("decode rollup %s: %w", sk.Value, err), "internal error")
		}
		counts[day] = c
		return nil
	})
	return counts, items, err
}

func rollupQueuePK(day string) string { return "ROLLQ#" + day }

// rollupHorizon is the oldest day whose day leases (the register) may
// still exist at now: where a first rollup pass starts.
func rollupHorizon(now time.Time) string {
	return engagement.Day(now.Add(-(24*time.Hour + engagement.MaxEventAge + engagement.ApplyLease + leaseTTL)))
}

// RollupReport says what one rollup pass did.
type RollupReport struct {
	// Rolled counts the community-days rolled up.
	Rolled int `json:"rolled"`
	// Behind counts the ready days not rolled up yet after the pass (0
	// when the pass caught up): reads sum those days from their shards.
	Behind int `json:"behind"`
	// Watermark is the first day not known to be rolled up.
	Watermark string `json:"watermark"`
}

// RollUp rolls up every ready community-day not rolled up yet, from the
// watermark on, at most limit of them (RollupsPerPass when limit <= 0).
// Reconcile runs it after its repairs; it is safe to run concurrently
// with requests, repairs and other passes.
func (s *Store) RollUp(ctx context.Context, limit int) (RollupReport, error) {
	if limit <= 0 {
		limit = RollupsPerPass
	}
	now := s.now()
	var rep RollupReport
	stored, err := s.rollupMark(ctx)
	if err != nil {
		return rep, err
	}
	mark := stored
	switch horizon := rollupHorizon(now); {
	case stored.Day == "":
		// The first pass: the register is complete only for days whose
		// every request ran with it (from today on); older days are rolled
		// up as far as the register knows them, but a read never takes a
		// missing rollup before Since for a day without events.
		mark = rollupMark{Day: horizon, Since: engagement.Day(now)}
	case stored.Day < horizon:
		// The reconciler stopped for longer than the register lives: the
		// days in between are read from their shards from now on.
		mark = rollupMark{Day: horizon, Since: horizon}
	}
	day, err := time.Parse(engagement.DayLayout, mark.Day)
	if err != nil {
		return rep, domain.Wrap(domain.Internal, fmt.Errorf("rollup watermark %q: %w", mark.Day, err), "internal error")
	}
	next := mark // next.Day: the first day not known to be rolled up
	for ; rollupReady(engagement.Day(day), now); day = day.AddDate(0, 0, 1) {
		d := engagement.Day(day)
		complete := rep.Rolled < limit
		if complete {
			pending, err := s.rollupQueue(ctx, d)
			if err != nil {
				return rep, err
			}
			for _, wc := range pending {
				if rep.Rolled >= limit {
					complete = false
					break
				}
				done, err := s.rollUpDay(ctx, wc[0], wc[1], d)
				if err != nil {
					return rep, fmt.Errorf("roll up %s/%s %s: %w", wc[0], wc[1], d, err)
				}
				if !done {
					complete = false // replaced meanwhile: the next pass rolls it again
					continue
				}
				rep.Rolled++
			}
		}
		switch {
		case !complete:
			rep.Behind++
		case rep.Behind == 0:
			next.Day = engagement.Day(day.AddDate(0, 0, 1))
		}
	}
	if next != stored {
		// One conditional write per pass: it fails if a repair moved the
		// watermark back meanwhile, and the next pass starts from there.
		moved, err := s.moveRollupMark(ctx, stored, next)
		if err != nil {
			return rep, err
		}
		if !moved {
			rep.Behind = max(rep.Behind, 1)
			return rep, nil
		}
	}
	rep.Watermark = next.Day
	return rep, nil
}

// rollupMark is the rollup watermark: every community-day from Since to
// before Day that received events is rolled up (or its rollup marked
// invalid, without counts), so a day in that range without a rollup item
// had no events. Day is "" when no pass has run yet.
type rollupMark struct{ Day, Since string }

// covers reports whether a missing rollup of day means a day without
// events.
func (m rollupMark) covers(day string) bool {
	return m.Since != "" && m.Since <= day && day < m.Day
}

// rollupMark reads the watermark (consistently).
func (s *Store) rollupMark(ctx context.Context) (rollupMark, error) {
	out, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, ConsistentRead: aws.Bool(true),
		Key: map[string]types.AttributeValue{table.PK: strAV(pkRollupMark), table.SK: strAV(pkRollupMark)}})
	if err != nil {
		return rollupMark{}, s.fail("read rollup watermark", err)
	}
	var m rollupMark
	if d, ok := out.Item["day"].(*types.AttributeValueMemberS); ok {
		m.Day = d.Value
	}
	if d, ok := out.Item["since"].(*types.AttributeValueMemberS); ok {
		m.Since = d.Value
	}
	return m, nil
}

// moveRollupMark replaces the watermark stored with next, unless it
// changed meanwhile (a repair moved it back): moved is false then.
func (s *Store) moveRollupMark(ctx context.Context, stored, next rollupMark) (bool, error) {
	cond := "attribute_not_exists(#day)"
	values := map[string]types.AttributeValue{":next": strAV(next.Day), ":since": strAV(next.Since), ":kind": strAV("rollup-mark")}
	if stored.Day != "" {
		cond = "#day = :day"
		values[":day"] = strAV(stored.Day)
	}
	_, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: &s.table,
		Key:                       map[string]types.AttributeValue{table.PK: strAV(pkRollupMark), table.SK: strAV(pkRollupMark)},
		UpdateExpression:          aws.String("SET #day = :next, #since = :since, #kind = :kind"),
		ConditionExpression:       aws.String(cond),
		ExpressionAttributeNames:  map[string]string{"#day": "day", "#since": "since", "#kind": kindAttr},
		ExpressionAttributeValues: values,
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return false, nil
	}
	if err != nil {
		return false, s.fail("move rollup watermark", err)
	}
	return true, nil
}

// lowerRollupMark moves an existing watermark back to day, so that the
// next pass rolls day up again (a missing watermark starts at the horizon
// anyway).
func (s *Store) lowerRollupMark(ctx context.Context, day string) error {
	_, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: &s.table,
		Key:                       map[string]types.AttributeValue{table.PK: strAV(pkRollupMark), table.SK: strAV(pkRollupMark)},
		UpdateExpression:          aws.String("SET #day = :day"),
		ConditionExpression:       aws.String("#day > :day"),
		ExpressionAttributeNames:  map[string]string{"#day": "day"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":day": strAV(day)},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return nil
	}
	return s.fail("lower rollup watermark", err)
}

// rollupQueue lists the community-days of day (workspace, community) that
// received events, from the register.
func (s *Store) rollupQueue(ctx context.Context, day string) ([][2]string, error) {
	seen := map[string]bool{}
	var out [][2]string
	err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table, IndexName: aws.String(table.GSI2),
		KeyConditionExpression:    aws.String("#pk = :pk"),
		ExpressionAttributeNames:  map[string]string{"#pk": table.GSI2PK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(rollupQueuePK(day))},
	}, func(it map[string]types.AttributeValue) error {
		sk, _ := it[table.GSI2SK].(*types.AttributeValueMemberS)
		if sk == nil || seen[sk.Value] {
			return nil
		}
		seen[sk.Value] = true
		ws, community, ok := strings.Cut(sk.Value, "#")
		if ok {
			out = append(out, [2]string{ws, community})
		}
		return nil
	})
	return out, err
}

// rollUpDay writes a community-day's rollup unless it has one: done is
// false when its counters were replaced while it was being rolled up.
func (s *Store) rollUpDay(ctx context.Context, ws, community, day string) (done bool, err error) {
	key := map[string]types.AttributeValue{table.PK: strAV(rollupPK(ws, community)), table.SK: strAV(skRollupPrefix + day)}
	out, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: key, ConsistentRead: aws.Bool(true)})
	if err != nil {
		return false, s.fail("read rollup", err)
	}
	if _, ok := out.Item["counts"]; ok {
		return true, nil
	}
	if _, ok := out.Item["oversize"]; ok {
		return true, nil
	}
	gen := int64(0)
	if n, ok := out.Item["gen"].(*types.AttributeValueMemberN); ok {
		if gen, err = strconv.ParseInt(n.Value, 10, 64); err != nil {
			return false, domain.Wrap(domain.Internal, fmt.Errorf("rollup gen %q: %w", n.Value, err), "internal error")
		}
	}
	perDay, err := s.readShards(ctx, ws, community, []string{day}, true)
	if err != nil {
		return false, err
	}
	b, err := encodeRollup(perDay[day])
	if err != nil {
		return false, domain.Wrap(domain.Internal, err, "internal error")
	}
	item := map[string]types.AttributeValue{table.PK: key[table.PK], table.SK: key[table.SK],
		"gen": numAV(gen), kindAttr: strAV("rollup")}
	if len(b) > rollupMaxBytes {
		item["oversize"] = numAV(int64(len(b))) // read from its shards
	} else {
		item["counts"] = strAV(string(b))
	}
	cond := "#gen = :gen"
	if gen == 0 {
		cond = "attribute_not_exists(#gen) OR #gen = :gen"
	}
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &s.table, Item: item,
		ConditionExpression:       aws.String(cond),
		ExpressionAttributeNames:  map[string]string{"#gen": "gen"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":gen": numAV(gen)},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return false, nil
	}
	if err != nil {
		return false, s.fail("write rollup", err)
	}
	return true, nil
}

// invalidateRollup runs after a day's counters were replaced: it removes
// the day's rollup counts and bumps its gen, so a rollup pass that read
// the old counters cannot write them. The caller then rolls the day up
// again itself (RepairDay) or has the next pass do it (rerollLater).
func (s *Store) invalidateRollup(ctx context.Context, ws, community, day string) error {
	_, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: &s.table, Key: map[string]types.AttributeValue{
		table.PK: strAV(rollupPK(ws, community)), table.SK: strAV(skRollupPrefix + day)},
		UpdateExpression:          aws.String("ADD #gen :one SET #kind = :kind REMOVE #counts, #oversize"),
		ExpressionAttributeNames:  map[string]string{"#gen": "gen", "#kind": kindAttr, "#counts": "counts", "#oversize": "oversize"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":one": numAV(1), ":kind": strAV("rollup")},
	})
	return s.fail("invalidate rollup", err)
}

// reroll runs after invalidateRollup: the day is rolled up again, at
// once when inline (RepairDay) or when it is older than the register's
// horizon (the pass could not find it, and a watermark before the horizon
// restarts at the horizon, forgetting which days were empty), else by the
// next pass, for which the watermark moves back to the day. A day that is
// not ready yet is rolled up by a pass when it is. If a replacement raced
// this one, the last of them writes the rollup (its gen).
func (s *Store) reroll(ctx context.Context, ws, community, day string, now time.Time, inline bool) error {
	if !rollupReady(day, now) {
		return nil
	}
	old := day < rollupHorizon(now)
	if inline || old {
		done, err := s.rollUpDay(ctx, ws, community, day)
		if err != nil || done || old {
			return err
		}
	}
	return s.lowerRollupMark(ctx, day)
}

// RollUpDays rolls up those of a community's days that are ready and have
// no rollup yet, whatever the register says, and returns how many it
// wrote: for days the reconciler's passes cannot find (written before the
// register existed, on a table that predates reconciler-built rollups, or
// older than its horizon, like the demo's history). A day without events
// gets an empty rollup, so reads skip its shards. Run it once the days'
// events are all stored: it is a backfill, not a read path. (Days rolled
// up already count as done.)
func (s *Store) RollUpDays(ctx context.Context, ws, community string, days []string) (int, error) {
	now := s.now()
	n := 0
	for _, d := range days {
		if !rollupReady(d, now) {
			continue
		}
		done, err := s.rollUpDay(ctx, ws, community, d)
		if err != nil {
			return n, fmt.Errorf("roll up %s/%s %s: %w", ws, community, d, err)
		}
		if done {
			n++
		}
	}
	return n, nil
}
