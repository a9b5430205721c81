package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/table"
)

// EraseMember deletes a member of a community and that member's raw
// events of the given days (a data-subject request, issue 13). Raw events
// have no index by member, so each day's events are read through the
// raw-event index and the member's deleted by key: days × 16 queries,
// bounded by the event TTL. Counters are aggregates without personal data
// and stay as they are (docs/ENGAGEMENT.md, "Erasing a member"). It
// returns how many events were deleted, and NotFound when there was
// neither a member nor an event.
func (s *Store) EraseMember(ctx context.Context, ws, community, member string, days []string) (int, error) {
	_, version, err := s.getMember(ctx, ws, community, member)
	if err != nil {
		return 0, err
	}
	var reqs []types.WriteRequest
	for _, d := range days {
		evs, err := s.RawEvents(ctx, ws, community, d)
		if err != nil {
			return 0, err
		}
		for _, e := range evs {
			if e.Member == member {
				reqs = append(reqs, types.WriteRequest{DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{
					table.PK: strAV(eventPK(ws, e.ID)), table.SK: strAV(skEvent)}}})
			}
		}
	}
	if version == 0 && len(reqs) == 0 {
		return 0, domain.Errorf(domain.NotFound, "", "no such member")
	}
	if err := s.BatchWrite(ctx, reqs); err != nil {
		return 0, err
	}
	if version > 0 {
		_, err = s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: &s.table, Key: map[string]types.AttributeValue{
			table.PK: strAV(memberPK(ws, community, member)), table.SK: strAV(skMember)}})
		if err != nil {
			return 0, s.fail("erase member", err)
		}
	}
	return len(reqs), nil
}
