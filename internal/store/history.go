package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/table"
)

// A community's post history (calibration; docs/ACCESS_PATTERNS.md):
//
//	history post  pk HIST#<ws>#<community>  sk P#<published>#<post key>
//
// One partition per community, sorted by publication date, so that
// calibration reads the newest domain.MaxHistoryPosts with one query (page
// after page) and an import never touches the workspace's partition. The
// post key is domain.HistoryPost.Key: importing the same post again
// replaces it.
const skHistoryPost = "P#"

// historyWorkers bounds the concurrent BatchWriteItem calls of one import.
const historyWorkers = 4

func historyPK(ws, community string) string { return "HIST#" + ws + "#" + community }

// PutHistory stores posts of a community (validated, without duplicate
// keys), replacing any stored post with the same key. On an error some
// posts may be stored: the import can be sent again as it was.
func (s *Store) PutHistory(ctx context.Context, ws, community string, posts []domain.HistoryPost) error {
	reqs := make([]types.WriteRequest, 0, len(posts))
	for _, p := range posts {
		av, err := marshal(p)
		if err != nil {
			return domain.Wrap(domain.Internal, err, "internal error")
		}
		av[table.PK] = strAV(historyPK(ws, community))
		av[table.SK] = strAV(skHistoryPost + p.Published + "#" + p.Key())
		av[kindAttr] = strAV("history-post")
		reqs = append(reqs, types.WriteRequest{PutRequest: &types.PutRequest{Item: av}})
	}
	return s.batchWriteParallel(ctx, reqs)
}

// batchWriteParallel is BatchWrite over historyWorkers goroutines, each
// taking chunks of batchWriteMax requests.
func (s *Store) batchWriteParallel(ctx context.Context, reqs []types.WriteRequest) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan []types.WriteRequest)
	)
	for range historyWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chunk := range next {
				if err := s.BatchWrite(ctx, chunk); err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
				}
			}
		}()
	}
	for start := 0; start < len(reqs); start += batchWriteMax {
		mu.Lock()
		failed := first != nil
		mu.Unlock()
		if failed {
			break
		}
		next <- reqs[start:min(start+batchWriteMax, len(reqs))]
	}
	close(next)
	wg.Wait()
	return first
}

// CountHistory counts the stored posts of a community (a consistent
// Query with Select COUNT: it reads, and is billed for, every post).
func (s *Store) CountHistory(ctx context.Context, ws, community string) (int, error) {
	n := 0
	p := dynamodb.NewQueryPaginator(s.db, s.historyQuery(ws, community, &dynamodb.QueryInput{Select: types.SelectCount}))
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return 0, s.fail("count history", err)
		}
		n += int(out.Count)
	}
	return n, nil
}

// ListHistory returns the newest max posts of a community (all of them
// when it has fewer), oldest first.
func (s *Store) ListHistory(ctx context.Context, ws, community string, max int) ([]domain.HistoryPost, error) {
	in := s.historyQuery(ws, community, &dynamodb.QueryInput{ScanIndexForward: aws.Bool(false)})
	var posts []domain.HistoryPost
	errEnough := errors.New("enough")
	err := s.queryAll(ctx, in, func(av map[string]types.AttributeValue) error {
		if len(posts) == max {
			return errEnough
		}
		var p domain.HistoryPost
		if err := unmarshal(av, &p); err != nil {
			return domain.Wrap(domain.Internal, fmt.Errorf("decode history post: %w", err), "internal error")
		}
		posts = append(posts, p)
		return nil
	})
	if err != nil && err != errEnough {
		return nil, err
	}
	slices.Reverse(posts)
	return posts, nil
}

// DeleteHistory deletes every stored post of a community and returns how
// many there were.
func (s *Store) DeleteHistory(ctx context.Context, ws, community string) (int, error) {
	in := s.historyQuery(ws, community, &dynamodb.QueryInput{ProjectionExpression: aws.String("#hpk, #hsk")})
	var reqs []types.WriteRequest
	err := s.queryAll(ctx, in, func(av map[string]types.AttributeValue) error {
		reqs = append(reqs, types.WriteRequest{DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{
			table.PK: av[table.PK], table.SK: av[table.SK]}}})
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(reqs), s.batchWriteParallel(ctx, reqs)
}

// historyQuery fills in a consistent query of a community's posts.
func (s *Store) historyQuery(ws, community string, in *dynamodb.QueryInput) *dynamodb.QueryInput {
	in.TableName = &s.table
	in.ConsistentRead = aws.Bool(true)
	in.KeyConditionExpression = aws.String("#hpk = :pk AND begins_with(#hsk, :p)")
	in.ExpressionAttributeNames = map[string]string{"#hpk": table.PK, "#hsk": table.SK}
	in.ExpressionAttributeValues = map[string]types.AttributeValue{":pk": strAV(historyPK(ws, community)), ":p": strAV(skHistoryPost)}
	return in
}
