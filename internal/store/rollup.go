package store

import (
	"context"
	"encoding/json"
	"fmt"
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
//	rollup      pk ROLL#<ws>#<community>   sk D#<day>   counts (JSON of the day's cells and credits)
//
// so a period of N closed days costs one range query over the community's
// rollups (N items, a few KB each) instead of N × 16 queries: a 366-day
// insights request reads a year of rollups in one or two pages. Rollups are
// written by the first read that needs them and dropped whenever the
// day's counters are replaced (reconcile, RepairDay).
const (
	skRollupPrefix = "D#"
	// RollupAfter is how long after a day closes (engagement.Closed) it is
	// rolled up: by then every request that could touch it has ended and
	// the reconciler (every minute; its backlog alarm fires after 15
	// minutes) has repaired it if needed.
	RollupAfter = 24 * time.Hour
	// rollupMaxBytes keeps a rollup well inside DynamoDB's 400 KB item
	// limit; a day with more cells than that is read from its shards.
	rollupMaxBytes = 300 << 10
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
func (s *Store) readRollups(ctx context.Context, ws, community, from, to string) (map[string]engagement.Counts, error) {
	out := map[string]engagement.Counts{}
	err := s.queryAll(ctx, &dynamodb.QueryInput{TableName: &s.table,
		KeyConditionExpression:   aws.String("#pk = :pk AND #sk BETWEEN :from AND :to"),
		ExpressionAttributeNames: map[string]string{"#pk": table.PK, "#sk": table.SK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": strAV(rollupPK(ws, community)),
			":from": strAV(skRollupPrefix + from), ":to": strAV(skRollupPrefix + to)},
	}, func(it map[string]types.AttributeValue) error {
		sk, _ := it[table.SK].(*types.AttributeValueMemberS)
		body, _ := it["counts"].(*types.AttributeValueMemberS)
		if sk == nil || body == nil {
			return nil
		}
		c, err := decodeRollup([]byte(body.Value))
		if err != nil {
			return domain.Wrap(domain.Internal, fmt.Errorf("decode rollup %s: %w", sk.Value, err), "internal error")
		}
		out[sk.Value[len(skRollupPrefix):]] = c
		return nil
	})
	return out, err
}

// writeRollups stores final days' counts as their rollups, 25 to a
// BatchWriteItem (a first year-long read writes 366 of them).
func (s *Store) writeRollups(ctx context.Context, ws, community string, days []string, counts map[string]engagement.Counts) error {
	var reqs []types.WriteRequest
	for _, day := range days {
		b, err := encodeRollup(counts[day])
		if err != nil {
			return domain.Wrap(domain.Internal, err, "internal error")
		}
		if len(b) > rollupMaxBytes {
			continue
		}
		reqs = append(reqs, types.WriteRequest{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{
			table.PK: strAV(rollupPK(ws, community)), table.SK: strAV(skRollupPrefix + day),
			"counts": strAV(string(b)), kindAttr: strAV("rollup"),
		}}})
	}
	return s.BatchWrite(ctx, reqs)
}

// dropRollup deletes a day's rollup after its counters were replaced.
func (s *Store) dropRollup(ctx context.Context, ws, community, day string) error {
	_, err := s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: &s.table, Key: map[string]types.AttributeValue{
		table.PK: strAV(rollupPK(ws, community)), table.SK: strAV(skRollupPrefix + day)}})
	return s.fail("drop rollup", err)
}
