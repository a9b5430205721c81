package store

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/table"
)

// ---- workspaces ----

// CreateWorkspace stores a new workspace (w.ID set by the caller).
func (s *Store) CreateWorkspace(ctx context.Context, w *domain.Workspace) error {
	return s.create(ctx, item{ws: w.ID, sk: skWorkspace, kind: "workspace", value: w, meta: &w.Meta, noun: "workspace"})
}

// GetWorkspace reads workspace ws.
func (s *Store) GetWorkspace(ctx context.Context, ws string) (domain.Workspace, error) {
	var w domain.Workspace
	_, err := s.get(ctx, ws, skWorkspace, "workspace", &w)
	return w, err
}

// UpdateWorkspace replaces w if w.Version is current.
func (s *Store) UpdateWorkspace(ctx context.Context, w *domain.Workspace) error {
	return s.update(ctx, item{ws: w.ID, sk: skWorkspace, kind: "workspace", value: w, meta: &w.Meta, noun: "workspace"})
}

// ---- API keys ----

// hashAttr holds a key's SHA-256 secret hash, next to the key's fields
// but never part of domain.APIKey, so it cannot leak into a response.
const hashAttr = "secret_hash"

// CreateKey stores a new key with the hash of its secret.
func (s *Store) CreateKey(ctx context.Context, k *domain.APIKey, hash string) error {
	return s.create(ctx, item{ws: k.WorkspaceID, sk: skKey + k.ID, kind: "key", value: k, meta: &k.Meta,
		extra: map[string]string{hashAttr: hash}, noun: "key"})
}

// GetKey reads key id of workspace ws and its stored secret hash.
func (s *Store) GetKey(ctx context.Context, ws, id string) (domain.APIKey, string, error) {
	var k domain.APIKey
	av, err := s.get(ctx, ws, skKey+id, "key", &k)
	if err != nil {
		return k, "", err
	}
	h, _ := av[hashAttr].(*types.AttributeValueMemberS)
	if h == nil {
		return k, "", domain.Errorf(domain.Internal, "", "key without hash")
	}
	return k, h.Value, nil
}

// ListKeys lists the keys of workspace ws.
func (s *Store) ListKeys(ctx context.Context, ws, cursor string, limit int) (Page[domain.APIKey], error) {
	return list[domain.APIKey](ctx, s, s.tableQuery(ws, skKey, "keys"), cursor, limit)
}

// DeleteKey deletes a key: it stops working at once (keys are read with
// strongly consistent reads).
func (s *Store) DeleteKey(ctx context.Context, ws, id string) error {
	return s.remove(ctx, ws, skKey+id, "key")
}

// ---- communities ----

// CreateCommunity stores a new community of workspace ws.
func (s *Store) CreateCommunity(ctx context.Context, ws string, c *domain.Community) error {
	return s.create(ctx, item{ws: ws, sk: skCommunity + c.ID, kind: "community", value: c, meta: &c.Meta, noun: "community"})
}

// GetCommunity reads community id of workspace ws.
func (s *Store) GetCommunity(ctx context.Context, ws, id string) (domain.Community, error) {
	var c domain.Community
	_, err := s.get(ctx, ws, skCommunity+id, "community", &c)
	return c, err
}

// ListCommunities lists the communities of workspace ws.
func (s *Store) ListCommunities(ctx context.Context, ws, cursor string, limit int) (Page[domain.Community], error) {
	return list[domain.Community](ctx, s, s.tableQuery(ws, skCommunity, "communities"), cursor, limit)
}

// UpdateCommunity replaces c if c.Version is current.
func (s *Store) UpdateCommunity(ctx context.Context, ws string, c *domain.Community) error {
	return s.update(ctx, item{ws: ws, sk: skCommunity + c.ID, kind: "community", value: c, meta: &c.Meta, noun: "community"})
}

// DeleteCommunity deletes a community no offer targets. Its members and
// raw events are left to their TTL (deleting them is unbounded work for
// one request), so it first records the deletion (DeletedCommunities) for
// as long as they may live: the export still finds them, and erasure
// still reaches them. Recorded first, so a deletion cut short leaves the
// record beside a community that still exists, never data nobody can find;
// retrying the deletion completes it.
func (s *Store) DeleteCommunity(ctx context.Context, ws, id string) error {
	if _, err := s.GetCommunity(ctx, ws, id); err != nil {
		return err
	}
	if err := s.refusedIfReferenced(ctx, ws, skLink, "community_id", id, "community", "tracked link"); err != nil {
		return err
	}
	if err := s.refusedIfReferenced(ctx, ws, skOffer, "communities", id, "community", "offer"); err != nil {
		return err
	}
	now := s.now().UTC()
	rec := s.key(ws, skDeletedCommunity+id)
	rec["id"] = strAV(id)
	rec["deleted_at"] = strAV(now.Format(time.RFC3339))
	rec[kindAttr] = strAV("deleted-community")
	rec[table.TTL] = numAV(now.Add(deletedCommunityTTL).Unix())
	if _, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &s.table, Item: rec}); err != nil {
		return s.fail("record the deleted community", err)
	}
	return s.remove(ctx, ws, skCommunity+id, "community")
}

// KnownCommunity returns nil when community id of workspace ws exists, or
// was deleted while its members or raw events may still be stored
// (DeleteCommunity's record): what member erasure may reach. Otherwise a
// NotFound error, so a mistyped id costs one or two reads, not a search of
// every kept day.
func (s *Store) KnownCommunity(ctx context.Context, ws, id string) error {
	_, err := s.GetCommunity(ctx, ws, id)
	if err == nil || domain.AsError(err).Code != domain.NotFound {
		return err
	}
	out, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: s.key(ws, skDeletedCommunity+id),
		ConsistentRead: aws.Bool(true), ProjectionExpression: aws.String("id")})
	if err != nil {
		return s.fail("read a deleted community", err)
	}
	if len(out.Item) == 0 {
		return domain.Errorf(domain.NotFound, "", "no such community")
	}
	return nil
}

// deletedCommunityTTL is how long a deleted community's record is kept:
// its members live MemberTTL after their last event (none comes after the
// deletion: no offer targets the community), its raw events less, and
// DynamoDB removes expired items days late.
const deletedCommunityTTL = MemberTTL + 14*24*time.Hour

// DeletedCommunity is a community deleted while its members or raw events
// may still be stored.
type DeletedCommunity struct {
	ID        string `json:"id" dynamodbav:"id"`
	DeletedAt string `json:"deleted_at" dynamodbav:"deleted_at"`
}

// DeletedCommunities lists the deleted communities of workspace ws whose
// members or raw events may still be stored.
func (s *Store) DeletedCommunities(ctx context.Context, ws string) ([]DeletedCommunity, error) {
	var out []DeletedCommunity
	err := each(ctx, s, s.tableQuery(ws, skDeletedCommunity, "deleted communities"), []string{"id", "deleted_at"}, func(av map[string]types.AttributeValue) error {
		var d DeletedCommunity
		if err := attributevalue.UnmarshalMap(av, &d); err != nil {
			return domain.Wrap(domain.Internal, err, "internal error")
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// ---- partners ----

// CreatePartner stores a new partner of workspace ws.
func (s *Store) CreatePartner(ctx context.Context, ws string, p *domain.Partner) error {
	return s.create(ctx, item{ws: ws, sk: skPartner + p.ID, kind: "partner", value: p, meta: &p.Meta, noun: "partner"})
}

// GetPartner reads partner id of workspace ws.
func (s *Store) GetPartner(ctx context.Context, ws, id string) (domain.Partner, error) {
	var p domain.Partner
	_, err := s.get(ctx, ws, skPartner+id, "partner", &p)
	return p, err
}

// ListPartners lists the partners of workspace ws.
func (s *Store) ListPartners(ctx context.Context, ws, cursor string, limit int) (Page[domain.Partner], error) {
	return list[domain.Partner](ctx, s, s.tableQuery(ws, skPartner, "partners"), cursor, limit)
}

// UpdatePartner replaces p if p.Version is current.
func (s *Store) UpdatePartner(ctx context.Context, ws string, p *domain.Partner) error {
	return s.update(ctx, item{ws: ws, sk: skPartner + p.ID, kind: "partner", value: p, meta: &p.Meta, noun: "partner"})
}

// DeletePartner deletes a partner no community or offer references.
func (s *Store) DeletePartner(ctx context.Context, ws, id string) error {
	if _, err := s.GetPartner(ctx, ws, id); err != nil {
		return err
	}
	if err := s.refusedIfReferenced(ctx, ws, skLink, "partner_id", id, "partner", "tracked link"); err != nil {
		return err
	}
	if err := s.refusedIfReferenced(ctx, ws, skCommunity, "partner_id", id, "partner", "community"); err != nil {
		return err
	}
	if err := s.refusedIfReferenced(ctx, ws, skOffer, "partner_id", id, "partner", "offer"); err != nil {
		return err
	}
	return s.remove(ctx, ws, skPartner+id, "partner")
}

// ---- offers ----

// offerIndexKeys puts an offer in GSI1 under its status, so live offers
// (what site widgets read) list without reading drafts.
func offerIndexKeys(ws string, o *domain.Offer) map[string]string {
	return map[string]string{table.GSI1PK: offerStatusPK(ws, o.Status), table.GSI1SK: skOffer + o.ID}
}

func offerStatusPK(ws, status string) string { return WorkspacePK(ws) + "#OFFERS#" + status }

// CreateOffer stores a new offer of workspace ws.
func (s *Store) CreateOffer(ctx context.Context, ws string, o *domain.Offer) error {
	return s.create(ctx, item{ws: ws, sk: skOffer + o.ID, kind: "offer", value: o, meta: &o.Meta,
		extra: offerIndexKeys(ws, o), noun: "offer"})
}

// GetOffer reads offer id of workspace ws.
func (s *Store) GetOffer(ctx context.Context, ws, id string) (domain.Offer, error) {
	var o domain.Offer
	_, err := s.get(ctx, ws, skOffer+id, "offer", &o)
	return o, err
}

// ListOffers lists the offers of workspace ws; a non-empty status lists
// only offers in that status (through GSI1).
func (s *Store) ListOffers(ctx context.Context, ws, status, cursor string, limit int) (Page[domain.Offer], error) {
	q := s.tableQuery(ws, skOffer, "offers")
	if status != "" {
		q = query{ws: ws, index: table.GSI1, pkAttr: table.GSI1PK, pk: offerStatusPK(ws, status),
			skAttr: table.GSI1SK, skPf: skOffer, noun: "offers"}
	}
	return list[domain.Offer](ctx, s, q, cursor, limit)
}

// UpdateOffer replaces o if o.Version is current.
func (s *Store) UpdateOffer(ctx context.Context, ws string, o *domain.Offer) error {
	return s.update(ctx, item{ws: ws, sk: skOffer + o.ID, kind: "offer", value: o, meta: &o.Meta,
		extra: offerIndexKeys(ws, o), noun: "offer"})
}

// DeleteOffer deletes an offer.
//
// An offer, community or partner that a tracked link names cannot be
// deleted (409 naming the link): a link printed on a partner's page would
// otherwise redirect nowhere. Delete the link first; its engagement stays.
func (s *Store) DeleteOffer(ctx context.Context, ws, id string) error {
	if err := s.refusedIfReferenced(ctx, ws, skLink, "offer_id", id, "offer", "tracked link"); err != nil {
		return err
	}
	return s.remove(ctx, ws, skOffer+id, "offer")
}

// ---- helpers ----

func (s *Store) tableQuery(ws, prefix, noun string) query {
	return query{ws: ws, pkAttr: table.PK, pk: WorkspacePK(ws), skAttr: table.SK, skPf: prefix, noun: noun}
}

// refusedIfReferenced returns a Conflict when an item under prefix has
// attribute attr equal to id (or containing it, for lists). Workspaces hold
// tens to hundreds of offers, so reading their reference attributes is a
// few RCUs; it keeps dangling ids out of the table without transactions
// (which dynalite lacks).
func (s *Store) refusedIfReferenced(ctx context.Context, ws, prefix, attr, id, noun, by string) error {
	found := ""
	errStop := domain.Errorf(domain.Conflict, "id", "stop")
	err := each(ctx, s, s.tableQuery(ws, prefix, by+"s"), []string{table.SK, attr}, func(av map[string]types.AttributeValue) error {
		switch v := av[attr].(type) {
		case *types.AttributeValueMemberS:
			if v.Value == id {
				found = av[table.SK].(*types.AttributeValueMemberS).Value
			}
		case *types.AttributeValueMemberL:
			for _, e := range v.Value {
				if s, ok := e.(*types.AttributeValueMemberS); ok && s.Value == id {
					found = av[table.SK].(*types.AttributeValueMemberS).Value
				}
			}
		}
		if found != "" {
			return errStop
		}
		return nil
	})
	if found != "" {
		ref := found[len(prefix):]
		return domain.Errorf(domain.Conflict, "id", "the %s is still referenced by %s %s", noun, by, ref)
	}
	return err
}

// IssueKey validates k, gives it an id and a fresh secret, stores it and
// returns it with the token to show once. The API's POST /v1/keys and the
// `sweetspot admin` bootstrap both use it.
func IssueKey(ctx context.Context, s *Store, k domain.APIKey) (domain.APIKey, string, error) {
	if err := k.Validate(); err != nil {
		return k, "", err
	}
	k.ID = domain.NewID(domain.KeyPrefix)
	token, hash, hint := domain.NewSecret(k.WorkspaceID, k.ID)
	k.Hint = hint
	if err := s.CreateKey(ctx, &k, hash); err != nil {
		return k, "", err
	}
	return k, token, nil
}

// batchGetMax is DynamoDB's limit of keys per BatchGetItem call.
const batchGetMax = 100

// maxBatchRounds bounds how often unprocessed keys are retried before the
// store reports Unavailable (DynamoDB returns them under throttling).
const maxBatchRounds = 5

// GetCommunities reads the communities ids of workspace ws in one
// BatchGetItem (strongly consistent), in the order of ids. A missing id is
// reported as NotFound with Field "communities[i]".
func (s *Store) GetCommunities(ctx context.Context, ws string, ids []string) ([]domain.Community, error) {
	if len(ids) == 0 {
		return []domain.Community{}, nil
	}
	if len(ids) > batchGetMax {
		return nil, domain.Errorf(domain.Invalid, "communities", "at most %d at once", batchGetMax)
	}
	keys := make([]map[string]types.AttributeValue, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			keys = append(keys, s.key(ws, skCommunity+id))
		}
	}
	found := map[string]domain.Community{}
	req := map[string]types.KeysAndAttributes{s.table: {Keys: keys, ConsistentRead: aws.Bool(true)}}
	for round := 0; len(req) > 0; round++ {
		if round == maxBatchRounds {
			return nil, domain.Errorf(domain.Unavailable, "", "the store is busy, retry later")
		}
		if round > 0 {
			select {
			case <-ctx.Done():
				return nil, s.fail("get communities", ctx.Err())
			case <-time.After(time.Duration(round*round) * 20 * time.Millisecond):
			}
		}
		out, err := s.db.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: req})
		if err != nil {
			return nil, s.fail("get communities", err)
		}
		for _, av := range out.Responses[s.table] {
			var c domain.Community
			if err := unmarshal(av, &c); err != nil {
				return nil, domain.Wrap(domain.Internal, fmt.Errorf("decode community: %w", err), "internal error")
			}
			found[c.ID] = c
		}
		req = out.UnprocessedKeys
	}
	res := make([]domain.Community, 0, len(ids))
	for i, id := range ids {
		c, ok := found[id]
		if !ok {
			return nil, domain.Errorf(domain.NotFound, fmt.Sprintf("communities[%d]", i), "no such community")
		}
		res = append(res, c)
	}
	return res, nil
}
