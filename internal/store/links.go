package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/table"
)

// A tracked link is stored twice: in its workspace's partition (sk
// LINK#<code>: listed, read and deleted like every resource of the
// workspace) and under its code alone (pk CODE#<code>), because
// GET /r/{code} carries no key and must find the link, and its workspace,
// in one read. The code item is created first and conditionally, which
// makes codes unique across workspaces.
const skLink = "LINK#"

func codeKey(code string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{table.PK: strAV("CODE#" + code), table.SK: strAV("CODE")}
}

// linkCode is what the code item holds: the link and its workspace.
type linkCode struct {
	domain.Link
	Workspace string `json:"workspace"`
}

// CreateLink stores a new tracked link of workspace ws.
func (s *Store) CreateLink(ctx context.Context, ws string, l *domain.Link) error {
	av, err := marshal(linkCode{Link: *l, Workspace: ws})
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	for k, v := range codeKey(l.Code) {
		av[k] = v
	}
	av[kindAttr] = strAV("link-code")
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &s.table, Item: av,
		ConditionExpression:      aws.String("attribute_not_exists(#pk)"),
		ExpressionAttributeNames: map[string]string{"#pk": table.PK}})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return domain.Errorf(domain.Conflict, "code", "a tracked link with this code already exists")
	}
	if err != nil {
		return s.fail("create link", err)
	}
	if err := s.create(ctx, item{ws: ws, sk: skLink + l.Code, kind: "link", value: l, meta: &l.Meta, noun: "tracked link"}); err != nil {
		_, _ = s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: &s.table, Key: codeKey(l.Code)})
		return err
	}
	return nil
}

// GetLink reads tracked link code of workspace ws.
func (s *Store) GetLink(ctx context.Context, ws, code string) (domain.Link, error) {
	var l domain.Link
	_, err := s.get(ctx, ws, skLink+code, "tracked link", &l)
	return l, err
}

// LinkByCode reads a tracked link by its code alone (the redirect) and
// returns it with its workspace id.
func (s *Store) LinkByCode(ctx context.Context, code string) (domain.Link, string, error) {
	res, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: codeKey(code)})
	if err != nil {
		return domain.Link{}, "", s.fail("get link", err)
	}
	if len(res.Item) == 0 {
		return domain.Link{}, "", domain.Errorf(domain.NotFound, "", "no such tracked link")
	}
	var lc linkCode
	if err := unmarshal(res.Item, &lc); err != nil {
		return domain.Link{}, "", domain.Wrap(domain.Internal, fmt.Errorf("decode link: %w", err), "internal error")
	}
	return lc.Link, lc.Workspace, nil
}

// ListLinks lists the tracked links of workspace ws.
func (s *Store) ListLinks(ctx context.Context, ws, cursor string, limit int) (Page[domain.Link], error) {
	return list[domain.Link](ctx, s, s.tableQuery(ws, skLink, "tracked links"), cursor, limit)
}

// DeleteLink deletes a tracked link of workspace ws: the workspace item
// first (NotFound if absent), then the code item, so a deleted link stops
// redirecting.
func (s *Store) DeleteLink(ctx context.Context, ws, code string) error {
	if err := s.remove(ctx, ws, skLink+code, "tracked link"); err != nil {
		return err
	}
	_, err := s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: &s.table, Key: codeKey(code)})
	return s.fail("delete link", err)
}
