package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/table"
)

// Sort-key prefixes of the items in a workspace partition. New entity
// kinds (issue 5: links, events, counters) add their own prefixes.
const (
	skWorkspace = "WS"
	skKey       = "KEY#"
	skCommunity = "COMM#"
	skPartner   = "PART#"
	skOffer     = "OFFER#"
	// skDeletedCommunity records a deleted community while its members
	// and raw events may live (DeleteCommunity).
	skDeletedCommunity = "GONE#COMM#"
)

// versionAttr is the optimistic-concurrency attribute (domain.Meta.Version).
const versionAttr = "version"

// WorkspacePK is the partition key of everything in workspace ws.
func WorkspacePK(ws string) string { return "WS#" + ws }

// kindOf names the entity kind stored in an item (for humans reading the
// table and for Scan-based tooling; no access pattern depends on it).
const kindAttr = "entity"

// marshal encodes a domain value with its JSON field names, so the table
// and the API speak the same names.
func marshal(v any) (map[string]types.AttributeValue, error) {
	return attributevalue.MarshalMapWithOptions(v, func(o *attributevalue.EncoderOptions) { o.TagKey = "json" })
}

func unmarshal(item map[string]types.AttributeValue, v any) error {
	return attributevalue.UnmarshalMapWithOptions(item, v, func(o *attributevalue.DecoderOptions) { o.TagKey = "json" })
}

// item is what the generic helpers need to know about one stored value.
type item struct {
	ws, sk, kind string
	value        any // pointer to the domain struct
	meta         *domain.Meta
	// extra attributes (index keys, secret hash) written next to value.
	extra map[string]string
	// what to call it in errors ("community").
	noun string
}

func (s *Store) encode(it item) (map[string]types.AttributeValue, error) {
	av, err := marshal(it.value)
	if err != nil {
		return nil, domain.Wrap(domain.Internal, err, "internal error")
	}
	av[table.PK] = &types.AttributeValueMemberS{Value: WorkspacePK(it.ws)}
	av[table.SK] = &types.AttributeValueMemberS{Value: it.sk}
	av[kindAttr] = &types.AttributeValueMemberS{Value: it.kind}
	for k, v := range it.extra {
		if v != "" {
			av[k] = &types.AttributeValueMemberS{Value: v}
		}
	}
	return av, nil
}

func (s *Store) key(ws, sk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		table.PK: &types.AttributeValueMemberS{Value: WorkspacePK(ws)},
		table.SK: &types.AttributeValueMemberS{Value: sk},
	}
}

// create writes a new item unless one with the same key exists.
func (s *Store) create(ctx context.Context, it item) error {
	now := s.now()
	*it.meta = domain.Meta{Version: 1, CreatedAt: now, UpdatedAt: now}
	av, err := s.encode(it)
	if err != nil {
		return err
	}
	cond, err := expression.NewBuilder().WithCondition(expression.AttributeNotExists(expression.Name(table.PK))).Build()
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &s.table, Item: av,
		ConditionExpression:      cond.Condition(),
		ExpressionAttributeNames: cond.Names(),
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return domain.Errorf(domain.Conflict, "id", "a %s with this id already exists", it.noun)
	}
	return s.fail("create "+it.noun, err)
}

// get reads one item (strongly consistent: a PATCH right after a POST sees it).
func (s *Store) get(ctx context.Context, ws, sk, noun string, out any) (map[string]types.AttributeValue, error) {
	res, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: s.key(ws, sk), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return nil, s.fail("get "+noun, err)
	}
	if len(res.Item) == 0 {
		return nil, domain.Errorf(domain.NotFound, "", "no such %s", noun)
	}
	if err := unmarshal(res.Item, out); err != nil {
		return nil, domain.Wrap(domain.Internal, fmt.Errorf("decode %s: %w", noun, err), "internal error")
	}
	return res.Item, nil
}

// update replaces an item if its stored version is still it.meta.Version,
// and bumps the version. A stale version is a Conflict; a vanished item
// NotFound.
func (s *Store) update(ctx context.Context, it item) error {
	expected := it.meta.Version
	it.meta.Version = expected + 1
	it.meta.UpdatedAt = s.now()
	av, err := s.encode(it)
	if err != nil {
		return err
	}
	cond, err := expression.NewBuilder().WithCondition(
		expression.Name(versionAttr).Equal(expression.Value(expected))).Build()
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &s.table, Item: av,
		ConditionExpression:       cond.Condition(),
		ExpressionAttributeNames:  cond.Names(),
		ExpressionAttributeValues: cond.Values(),
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		it.meta.Version = expected
		// Missing item or newer version? One consistent read tells.
		res, gerr := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: s.key(it.ws, it.sk),
			ConsistentRead: aws.Bool(true), ProjectionExpression: aws.String(table.PK)})
		if gerr != nil {
			return s.fail("update "+it.noun, gerr)
		}
		if len(res.Item) == 0 {
			return domain.Errorf(domain.NotFound, "", "no such %s", it.noun)
		}
		return domain.Errorf(domain.Conflict, "version", "the %s was changed since version %d: read it again and retry", it.noun, expected)
	}
	if err != nil {
		it.meta.Version = expected
	}
	return s.fail("update "+it.noun, err)
}

// remove deletes an item that exists (NotFound otherwise).
func (s *Store) remove(ctx context.Context, ws, sk, noun string) error {
	cond, err := expression.NewBuilder().WithCondition(expression.AttributeExists(expression.Name(table.PK))).Build()
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	_, err = s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: &s.table, Key: s.key(ws, sk),
		ConditionExpression:      cond.Condition(),
		ExpressionAttributeNames: cond.Names(),
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return domain.Errorf(domain.NotFound, "", "no such %s", noun)
	}
	return s.fail("delete "+noun, err)
}

// Page is one page of a list.
type Page[T any] struct {
	Items []T `json:"items"`
	// Next is the opaque cursor of the next page; empty on the last page.
	Next string `json:"next_cursor,omitempty"`
}

// query describes a list: a partition of the table or of an index, sort
// keys starting with prefix.
type query struct {
	ws           string
	index        string // "" for the table
	pkAttr, pk   string
	skAttr, skPf string
	noun         string
}

// list reads one page of up to limit items after cursor. The cursor is
// the last sort key(s) seen, base64url-encoded; it never carries the
// partition key, which is rebuilt from the caller's workspace, so a
// crafted cursor cannot read another workspace.
func list[T any](ctx context.Context, s *Store, q query, cursor string, limit int) (Page[T], error) {
	if limit <= 0 {
		limit = domain.DefaultPageSize
	}
	if limit > domain.MaxPageSize {
		limit = domain.MaxPageSize
	}
	kc := expression.Key(q.pkAttr).Equal(expression.Value(q.pk)).And(expression.Key(q.skAttr).BeginsWith(q.skPf))
	expr, err := expression.NewBuilder().WithKeyCondition(kc).Build()
	if err != nil {
		return Page[T]{}, domain.Wrap(domain.Internal, err, "internal error")
	}
	in := &dynamodb.QueryInput{
		TableName:                 &s.table,
		KeyConditionExpression:    expr.KeyCondition(),
		ExpressionAttributeNames:  expr.Names(),
		ExpressionAttributeValues: expr.Values(),
		Limit:                     aws.Int32(int32(limit)),
	}
	if q.index != "" {
		in.IndexName = aws.String(q.index)
	} else {
		in.ConsistentRead = aws.Bool(true)
	}
	if cursor != "" {
		start, err := decodeCursor(cursor, q)
		if err != nil {
			return Page[T]{}, err
		}
		in.ExclusiveStartKey = start
	}
	// The paginator follows LastEvaluatedKey; a page is one call, and the
	// caller resumes with the cursor (Lambda must not hold state between
	// requests).
	p := dynamodb.NewQueryPaginator(s.db, in)
	out, err := p.NextPage(ctx)
	if err != nil {
		return Page[T]{}, s.fail("list "+q.noun, err)
	}
	page := Page[T]{Items: make([]T, 0, len(out.Items))}
	if err := attributevalue.UnmarshalListOfMapsWithOptions(out.Items, &page.Items, func(o *attributevalue.DecoderOptions) { o.TagKey = "json" }); err != nil {
		return Page[T]{}, domain.Wrap(domain.Internal, fmt.Errorf("decode %s: %w", q.noun, err), "internal error")
	}
	if p.HasMorePages() && len(out.LastEvaluatedKey) > 0 {
		page.Next = encodeCursor(out.LastEvaluatedKey, q)
	}
	return page, nil
}

// each calls fn for every item of a query, page after page (used for
// reference checks, which must see all items).
func each(ctx context.Context, s *Store, q query, projection []string, fn func(map[string]types.AttributeValue) error) error {
	kc := expression.Key(q.pkAttr).Equal(expression.Value(q.pk)).And(expression.Key(q.skAttr).BeginsWith(q.skPf))
	b := expression.NewBuilder().WithKeyCondition(kc)
	if len(projection) > 0 {
		pe := expression.NamesList(expression.Name(projection[0]))
		for _, n := range projection[1:] {
			pe = pe.AddNames(expression.Name(n))
		}
		b = b.WithProjection(pe)
	}
	expr, err := b.Build()
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	p := dynamodb.NewQueryPaginator(s.db, &dynamodb.QueryInput{
		TableName: &s.table, ConsistentRead: aws.Bool(true),
		KeyConditionExpression:    expr.KeyCondition(),
		ProjectionExpression:      expr.Projection(),
		ExpressionAttributeNames:  expr.Names(),
		ExpressionAttributeValues: expr.Values(),
	})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return s.fail("scan "+q.noun, err)
		}
		for _, it := range out.Items {
			if err := fn(it); err != nil {
				return err
			}
		}
	}
	return nil
}

// cursorKey is what a cursor holds: the sort keys of the last item.
type cursorKey struct {
	SK    string `json:"s"`
	IndSK string `json:"i,omitempty"`
}

func encodeCursor(last map[string]types.AttributeValue, q query) string {
	var c cursorKey
	if v, ok := last[table.SK].(*types.AttributeValueMemberS); ok {
		c.SK = v.Value
	}
	if q.index != "" {
		if v, ok := last[q.skAttr].(*types.AttributeValueMemberS); ok {
			c.IndSK = v.Value
		}
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(cursor string, q query) (map[string]types.AttributeValue, error) {
	bad := domain.Errorf(domain.Invalid, "cursor", "is not a cursor returned by this list")
	if len(cursor) > domain.MaxCursorLen {
		return nil, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return nil, bad
	}
	var c cursorKey
	if err := json.Unmarshal(b, &c); err != nil || !strings.HasPrefix(c.SK, q.skPf) && q.index == "" {
		return nil, bad
	}
	key := map[string]types.AttributeValue{
		table.PK: &types.AttributeValueMemberS{Value: WorkspacePK(q.ws)},
		table.SK: &types.AttributeValueMemberS{Value: c.SK},
	}
	if q.index != "" {
		if !strings.HasPrefix(c.IndSK, q.skPf) || c.SK == "" {
			return nil, bad
		}
		key[q.pkAttr] = &types.AttributeValueMemberS{Value: q.pk}
		key[q.skAttr] = &types.AttributeValueMemberS{Value: c.IndSK}
	}
	return key, nil
}

// reqAttr marks a raw event with the call that stored it (putEvent).
const reqAttr = "req"
