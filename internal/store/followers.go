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
	"github.com/sweetspot/sweetspot/internal/followers"
)

// The latest follower analysis of a community (docs/FOLLOWERS.md):
//
//	follower report  pk WS#<ws>  sk FOLLOWERS#<community>
//
// It holds the aggregate followers.Report only (no bio, no per-follower
// row), as one JSON attribute: the report is always read and written
// whole, and JSON keeps it exactly as the API answers it. A new analysis
// replaces the previous one.
const (
	skFollowers     = "FOLLOWERS#"
	reportAttr      = "report"
	analysedAtAttr  = "analysed_at"
	communityIDAttr = "community_id"
)

// PutFollowerReport stores (replaces) the latest follower analysis of a
// community.
func (s *Store) PutFollowerReport(ctx context.Context, ws, community string, r followers.Report, at time.Time) error {
	b, err := json.Marshal(r)
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	item := s.key(ws, skFollowers+community)
	item[kindAttr] = strAV("follower-report")
	item[communityIDAttr] = strAV(community)
	item[analysedAtAttr] = strAV(at.UTC().Format(time.RFC3339))
	item[reportAttr] = strAV(string(b))
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &s.table, Item: item})
	return s.fail("put follower report", err)
}

// GetFollowerReport reads the latest follower analysis of a community
// (NotFound when it has none).
func (s *Store) GetFollowerReport(ctx context.Context, ws, community string) (followers.Report, error) {
	res, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: s.key(ws, skFollowers+community),
		ConsistentRead: aws.Bool(true), ProjectionExpression: aws.String("#r"), ExpressionAttributeNames: map[string]string{"#r": reportAttr}})
	if err != nil {
		return followers.Report{}, s.fail("get follower report", err)
	}
	v, ok := res.Item[reportAttr].(*types.AttributeValueMemberS)
	if !ok {
		return followers.Report{}, domain.Errorf(domain.NotFound, "", "no follower analysis yet: upload the followers first (POST /v1/communities/%s/followers)", community)
	}
	var r followers.Report
	if err := json.Unmarshal([]byte(v.Value), &r); err != nil {
		return followers.Report{}, domain.Wrap(domain.Internal, fmt.Errorf("decode follower report: %w", err), "internal error")
	}
	return r, nil
}
