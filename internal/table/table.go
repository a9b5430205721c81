// Package table is the one definition of Sweetspot's DynamoDB table: its
// keys, global secondary indexes and TTL attribute. The store creates local
// tables from it and the CDK stack (infra/) declares the real table from it,
// so the two cannot drift.
//
// It deliberately has no AWS SDK dependency: it describes, others translate.
package table

// DefaultName is the table name used locally when TABLE_NAME is unset.
const DefaultName = "sweetspot"

// Attribute names of the keys. The table is a single-table design with
// overloaded generic keys; docs/ACCESS_PATTERNS.md lists what each holds.
const (
	PK     = "pk"
	SK     = "sk"
	GSI1PK = "gsi1pk"
	GSI1SK = "gsi1sk"
	GSI2PK = "gsi2pk"
	GSI2SK = "gsi2sk"
	// TTL is the attribute DynamoDB's time-to-live reads (epoch seconds).
	TTL = "expires_at"
)

// Bounds of EVENT_TTL_DAYS, how long raw engagement events live before the
// TTL removes them. Both the API's configuration (internal/config) and the
// CDK stack (infra/stack) check them, so a deploy cannot pass a value the
// Lambda would refuse at start.
const (
	// MinEventTTLDays: a day's raw events must outlive the day's close
	// (engagement.MaxEventAge after it) so its counters can be recounted.
	MinEventTTLDays = 7
	// MaxEventTTLDays: member erasure and the export find raw events day
	// by day (they have no index by member), at most 366 days back
	// (engagement.MaxInsightDays), and look back the TTL plus 3 days of
	// late arrival, a week of TTL deletion lag and a day: 354 + 11 = 365
	// days back, 366 days with today. Keeping raw events longer is a
	// choice for an archive (S3), not for the table.
	MaxEventTTLDays = 354
)

// Index names.
const (
	GSI1 = "gsi1"
	GSI2 = "gsi2"
)

// KeyType is the DynamoDB scalar type of a key attribute.
type KeyType string

// Key attribute types.
const (
	String KeyType = "S"
	Number KeyType = "N"
)

// Key is one key attribute.
type Key struct {
	Name string
	Type KeyType
}

// Projection says which attributes an index copies from the table.
type Projection string

// Projections.
const (
	// All copies every attribute: a query reads whole items from the index,
	// but every write that changes any attribute also writes the index.
	All Projection = "ALL"
	// KeysOnly copies the table's and the index's keys: a query returns
	// keys to read the items with, and a write that leaves the index keys
	// unchanged costs the index nothing.
	KeysOnly Projection = "KEYS_ONLY"
)

// Index is a global secondary index.
type Index struct {
	Name         string
	PartitionKey Key
	SortKey      Key
	Projection   Projection
}

// Definition describes the table.
type Definition struct {
	PartitionKey Key
	SortKey      Key
	Indexes      []Index
	TTLAttribute string
}

// Sweetspot returns the table definition. It is a function, not a variable,
// so no caller can change it for everyone.
func Sweetspot() Definition {
	return Definition{
		PartitionKey: Key{PK, String},
		SortKey:      Key{SK, String},
		Indexes: []Index{
			// Live offers by status and raw events by community-day: both
			// are read whole from the index, and both are written rarely
			// (an offer) or once (an event, whose index entry costs one
			// write unit whatever is projected: events are under 1 KB).
			{Name: GSI1, PartitionKey: Key{GSI1PK, String}, SortKey: Key{GSI1SK, String}, Projection: All},
			// A community's members: the member item is rewritten on every
			// request of that visitor, with the same index keys. Keys only,
			// so those rewrites cost the index nothing; the ladder reads
			// the items by key (docs/ACCESS_PATTERNS.md, "Write cost").
			{Name: GSI2, PartitionKey: Key{GSI2PK, String}, SortKey: Key{GSI2SK, String}, Projection: KeysOnly},
		},
		TTLAttribute: TTL,
	}
}
