// Package store keeps Sweetspot's domain types in DynamoDB (one table,
// internal/table) through aws-sdk-go-v2. Every item of a workspace lives
// under the partition key WS#<workspace id>, so every read and write is
// scoped by the caller's workspace: another workspace's ids are simply not
// there (NotFound). docs/ACCESS_PATTERNS.md lists each access pattern.
//
// Creates are conditional (never overwrite); updates replace the item on
// the condition that its version attribute is still the one read
// (optimistic concurrency: a stale update is a Conflict). Throttling and
// unreachable endpoints become domain.Unavailable.
package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/table"
)

// DefaultMaxAttempts is how often the SDK tries one call (with backoff on
// throttling) before the store reports Unavailable.
const DefaultMaxAttempts = 3

// Config says where the table is.
type Config struct {
	// Table is the table name (TABLE_NAME; default table.DefaultName).
	Table string
	// Endpoint overrides the DynamoDB endpoint (DYNAMODB_ENDPOINT), for
	// dynalite. With an endpoint set, static dummy credentials are used.
	Endpoint string
	// Region is the AWS region (AWS_REGION; default us-east-1 locally).
	Region string
	// HTTPClient replaces the SDK's HTTP client (tests inject faults here).
	HTTPClient aws.HTTPClient
	// MaxAttempts overrides DefaultMaxAttempts when > 0.
	MaxAttempts int
	// CallTimeout bounds every store call, SDK retries included
	// (STORE_TIMEOUT; default DefaultCallTimeout).
	CallTimeout time.Duration
	// ApplyTimeout bounds the work an ingest request finishes after its
	// intents are written (APPLY_TIMEOUT; default DefaultApplyTimeout).
	ApplyTimeout time.Duration
	// Now replaces the clock (tests and benchmarks that replay a year of
	// days); nil means time.Now.
	Now func() time.Time
}

func (c Config) callTimeout() time.Duration  { return cmp.Or(c.CallTimeout, DefaultCallTimeout) }
func (c Config) applyTimeout() time.Duration { return cmp.Or(c.ApplyTimeout, DefaultApplyTimeout) }

// NewClient builds a DynamoDB client from cfg and the default AWS chain
// (environment, Lambda role).
func NewClient(ctx context.Context, cfg Config) (*dynamodb.Client, error) {
	attempts := cfg.MaxAttempts
	if attempts <= 0 {
		attempts = DefaultMaxAttempts
	}
	opts := []func(*config.LoadOptions) error{config.WithRetryMaxAttempts(attempts)}
	if cfg.Region != "" {
		opts = append(opts, config.WithRegion(cfg.Region))
	} else if cfg.Endpoint != "" {
		opts = append(opts, config.WithRegion("us-east-1"))
	}
	if cfg.Endpoint != "" {
		opts = append(opts, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("local", "local", "")))
	}
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("load AWS config: %w", err)
	}
	timeout := cfg.callTimeout()
	return dynamodb.NewFromConfig(awsCfg, func(o *dynamodb.Options) {
		o.APIOptions = append(o.APIOptions, func(st *middleware.Stack) error {
			return st.Initialize.Add(callDeadline(timeout), middleware.Before)
		})
		if cfg.Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.Endpoint)
		}
		if cfg.HTTPClient != nil {
			o.HTTPClient = cfg.HTTPClient
		}
	}), nil
}

// Store is the DynamoDB implementation of Sweetspot's persistence.
type Store struct {
	db    *dynamodb.Client
	table string
	now   func() time.Time
	// callTimeout and applyTimeout are the deadlines of Config; the
	// intent lease derives from them.
	callTimeout, applyTimeout time.Duration
}

// callDeadline gives every call of the client its own deadline (within the
// caller's): a store that stops answering turns into Unavailable within
// d, not a request that hangs for as long as the store does.
func callDeadline(d time.Duration) middleware.InitializeMiddleware {
	return middleware.InitializeMiddlewareFunc("SweetspotCallDeadline",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			ctx, cancel := context.WithTimeout(ctx, d)
			defer cancel()
			return next.HandleInitialize(ctx, in)
		})
}

// New returns a store over an existing client and table.
func New(db *dynamodb.Client, tableName string) *Store {
	if tableName == "" {
		tableName = table.DefaultName
	}
	return &Store{db: db, table: tableName, now: func() time.Time { return time.Now().UTC().Truncate(time.Millisecond) },
		callTimeout: DefaultCallTimeout, applyTimeout: DefaultApplyTimeout}
}

// Open is NewClient followed by New.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	db, err := NewClient(ctx, cfg)
	if err != nil {
		return nil, err
	}
	s := New(db, cfg.Table)
	s.callTimeout, s.applyTimeout = cfg.callTimeout(), cfg.applyTimeout()
	if cfg.Now != nil {
		s.now = func() time.Time { return cfg.Now().UTC().Truncate(time.Millisecond) }
	}
	return s, nil
}

// Client returns the underlying DynamoDB client (benchmarks, issue 5's
// event writers share it).
func (s *Store) Client() *dynamodb.Client { return s.db }

// Table returns the table name.
func (s *Store) Table() string { return s.table }

// EnsureTable creates the table from table.Sweetspot() unless it exists,
// and enables TTL where the server supports it (dynalite does not).
func (s *Store) EnsureTable(ctx context.Context) error {
	_, err := s.db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &s.table})
	if err == nil {
		return nil
	}
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) {
		return s.fail("describe table", err)
	}
	if _, err := s.db.CreateTable(ctx, CreateTableInput(s.table, table.Sweetspot())); err != nil {
		var inUse *types.ResourceInUseException
		if !errors.As(err, &inUse) { // created concurrently: fine
			return s.fail("create table", err)
		}
	}
	w := dynamodb.NewTableExistsWaiter(s.db, func(o *dynamodb.TableExistsWaiterOptions) { o.MinDelay = 50 * time.Millisecond })
	if err := w.Wait(ctx, &dynamodb.DescribeTableInput{TableName: &s.table}, time.Minute); err != nil {
		return s.fail("wait for table", err)
	}
	def := table.Sweetspot()
	_, err = s.db.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName:               &s.table,
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String(def.TTLAttribute), Enabled: aws.Bool(true)},
	})
	var ae smithy.APIError
	if err != nil && !(errors.As(err, &ae) && ae.ErrorCode() == "UnknownOperationException") {
		return s.fail("enable TTL", err)
	}
	return nil
}

// CreateTableInput translates the one table definition into a CreateTable
// request (on-demand billing, each index with its projection).
func CreateTableInput(name string, def table.Definition) *dynamodb.CreateTableInput {
	attrs := map[string]table.KeyType{}
	key := func(pk, sk table.Key) []types.KeySchemaElement {
		attrs[pk.Name], attrs[sk.Name] = pk.Type, sk.Type
		return []types.KeySchemaElement{
			{AttributeName: aws.String(pk.Name), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String(sk.Name), KeyType: types.KeyTypeRange},
		}
	}
	in := &dynamodb.CreateTableInput{
		TableName:   aws.String(name),
		BillingMode: types.BillingModePayPerRequest,
		KeySchema:   key(def.PartitionKey, def.SortKey),
	}
	for _, ix := range def.Indexes {
		in.GlobalSecondaryIndexes = append(in.GlobalSecondaryIndexes, types.GlobalSecondaryIndex{
			IndexName:  aws.String(ix.Name),
			KeySchema:  key(ix.PartitionKey, ix.SortKey),
			Projection: &types.Projection{ProjectionType: types.ProjectionType(ix.Projection)},
		})
	}
	for n, t := range attrs {
		in.AttributeDefinitions = append(in.AttributeDefinitions, types.AttributeDefinition{
			AttributeName: aws.String(n), AttributeType: types.ScalarAttributeType(t)})
	}
	return in
}

// fail turns an SDK error into a domain error: throttling, server faults
// and transport failures are Unavailable (the API answers 503 with
// Retry-After); anything else is Internal (a bug: ours or the SDK's).
func (s *Store) fail(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return domain.Wrap(domain.Unavailable, fmt.Errorf("%s: %w", op, err), "the store did not answer in time, retry later")
	}
	if errors.Is(err, context.Canceled) {
		return domain.Wrap(domain.Unavailable, fmt.Errorf("%s: %w", op, err), "request cancelled")
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
			"InternalServerError", "ServiceUnavailable", "LimitExceededException":
			return domain.Wrap(domain.Unavailable, fmt.Errorf("%s: %w", op, err), "the store is busy, retry later")
		case "ResourceNotFoundException":
			return domain.Wrap(domain.Unavailable, fmt.Errorf("%s: %w", op, err), "the store is not ready")
		}
		if ae.ErrorFault() == smithy.FaultServer {
			return domain.Wrap(domain.Unavailable, fmt.Errorf("%s: %w", op, err), "the store is unavailable, retry later")
		}
		return domain.Wrap(domain.Internal, fmt.Errorf("%s: %w", op, err), "internal error")
	}
	// No API answer at all: connection refused, timeout, DNS.
	return domain.Wrap(domain.Unavailable, fmt.Errorf("%s: %w", op, err), "the store is unreachable, retry later")
}
