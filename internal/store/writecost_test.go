package store_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
	"github.com/sweetspot/sweetspot/internal/table"
)

// writeLog records every write request the store sends (dynalite reports
// no index capacity, so the write units are computed from the requests
// with DynamoDB's published size rules).
type writeLog struct {
	mu   sync.Mutex
	puts []putRequest
	upds int
}

type putRequest struct {
	Item      map[string]json.RawMessage
	Condition string `json:"ConditionExpression"`
	ok        bool   // the write succeeded (no failed condition)
}

func (l *writeLog) RoundTrip(r *http.Request) (*http.Response, error) {
	target := r.Header.Get("X-Amz-Target")
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	res, err := testTransport.RoundTrip(r)
	if err != nil {
		return res, err
	}
	switch {
	case strings.HasSuffix(target, ".PutItem"):
		var p putRequest
		if err := json.Unmarshal(body, &p); err != nil {
			return nil, err
		}
		p.ok = res.StatusCode == http.StatusOK
		l.mu.Lock()
		l.puts = append(l.puts, p)
		l.mu.Unlock()
	case strings.HasSuffix(target, ".UpdateItem"):
		if res.StatusCode == http.StatusOK {
			l.mu.Lock()
			l.upds++
			l.mu.Unlock()
		}
	}
	return res, nil
}

// attrSize is an attribute value's size by DynamoDB's rules: strings and
// binaries their bytes, numbers 1 byte per two significant digits plus 1,
// booleans and null 1, lists and maps 3 bytes plus 1 per element plus the
// elements (and, in maps, the element names).
func attrSize(raw json.RawMessage) int {
	var v map[string]json.RawMessage
	if err := json.Unmarshal(raw, &v); err != nil {
		return 0
	}
	for typ, val := range v {
		switch typ {
		case "S":
			var s string
			_ = json.Unmarshal(val, &s)
			return len(s)
		case "N":
			var n string
			_ = json.Unmarshal(val, &n)
			digits := len(strings.Trim(strings.NewReplacer("-", "", ".", "").Replace(n), "0"))
			return (digits+1)/2 + 1
		case "B":
			var b string
			_ = json.Unmarshal(val, &b)
			d, _ := base64.StdEncoding.DecodeString(b)
			return len(d)
		case "BOOL", "NULL":
			return 1
		case "L":
			var l []json.RawMessage
			_ = json.Unmarshal(val, &l)
			n := 3
			for _, e := range l {
				n += 1 + attrSize(e)
			}
			return n
		case "M":
			var m map[string]json.RawMessage
			_ = json.Unmarshal(val, &m)
			n := 3
			for k, e := range m {
				n += 1 + len(k) + attrSize(e)
			}
			return n
		case "SS", "NS", "BS":
			var l []string
			_ = json.Unmarshal(val, &l)
			n := 0
			for _, e := range l {
				n += len(e)
			}
			return n
		}
	}
	return 0
}

func itemSize(item map[string]json.RawMessage, only map[string]bool) int {
	n := 0
	for k, v := range item {
		if only == nil || only[k] {
			n += len(k) + attrSize(v)
		}
	}
	return n
}

func units(bytes int) int { return (bytes + 1023) / 1024 }

// writeUnits is what the recorded writes cost for a table definition:
// the table's write units plus each index's. An index entry is written
// when an item with the index's keys is created or, for an ALL projection,
// whenever the item changes; a KEYS_ONLY index is not written when a
// rewrite leaves the keys as they were (the store never moves an item
// between index keys). Counter updates (UpdateItem ADD on items far under
// 1 KB, checked below) cost one unit each.
func (l *writeLog) writeUnits(def table.Definition) (tableUnits, indexUnits int) {
	for _, p := range l.puts {
		if !p.ok {
			continue // a duplicate event: the failed condition costs 1 unit, counted apart
		}
		size := itemSize(p.Item, nil)
		tableUnits += units(size)
		created := strings.Contains(p.Condition, "attribute_not_exists")
		for _, ix := range def.Indexes {
			if _, ok := p.Item[ix.PartitionKey.Name]; !ok {
				continue
			}
			switch {
			case ix.Projection == table.All:
				indexUnits += units(size)
			case created:
				keys := map[string]bool{def.PartitionKey.Name: true, def.SortKey.Name: true, ix.PartitionKey.Name: true, ix.SortKey.Name: true}
				indexUnits += units(itemSize(p.Item, keys))
			}
		}
	}
	return tableUnits + l.upds, indexUnits
}

func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b) // what the offer widget generates (32 hex digits)
}

// TestWriteUnitsPerEvent measures the write units per stored event of
// three traffic shapes, with the index projections of table.Sweetspot()
// and with every index projecting all attributes (the design before):
// the numbers in docs/ACCESS_PATTERNS.md, "Write cost".
func TestWriteUnitsPerEvent(t *testing.T) {
	ctx := context.Background()
	now := time.Now().UTC()
	offer, community := domain.NewID(domain.OfferPrefix), domain.NewID(domain.CommunityPrefix)
	event := func(member string, typ engagement.Type) engagement.Event {
		return engagement.Event{ID: randomID(), Offer: offer, Community: community, Member: member, Type: typ,
			Network: "linkedin", Time: now}
	}
	shapes := []struct {
		name     string
		requests func() [][]engagement.Event
	}{
		{"widget, new visitors: 1 request of 2 events (view, click)", func() [][]engagement.Event {
			var out [][]engagement.Event
			for range 50 {
				m := randomID()
				out = append(out, []engagement.Event{event(m, "view"), event(m, "click")})
			}
			return out
		}},
		{"widget, returning visitors: 5 requests of 2 events each", func() [][]engagement.Event {
			var out [][]engagement.Event
			for range 10 {
				m := randomID()
				for range 5 {
					out = append(out, []engagement.Event{event(m, "view"), event(m, "click")})
				}
			}
			return out
		}},
		{"returning visitors, 1 event per request", func() [][]engagement.Event {
			var out [][]engagement.Event
			for range 10 {
				m := randomID()
				for range 5 {
					out = append(out, []engagement.Event{event(m, "view")})
				}
			}
			return out
		}},
		{"integrator batch: 25 events of 25 new visitors", func() [][]engagement.Event {
			var out [][]engagement.Event
			for range 4 {
				var b []engagement.Event
				for range 25 {
					b = append(b, event(randomID(), "view"))
				}
				out = append(out, b)
			}
			return out
		}},
	}
	before := table.Sweetspot()
	before.Indexes = append([]table.Index(nil), before.Indexes...)
	for i := range before.Indexes {
		before.Indexes[i].Projection = table.All
	}
	after := table.Sweetspot()
	var report strings.Builder
	for _, shape := range shapes {
		log := &writeLog{}
		st, err := store.Open(ctx, store.Config{Endpoint: storetest.Endpoint(), Table: "writecost-" + randomID()[:8],
			HTTPClient: &http.Client{Transport: log}})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.EnsureTable(ctx); err != nil {
			t.Fatal(err)
		}
		ws := storetest.Workspace(t, st, "Acme")
		log.mu.Lock()
		log.puts, log.upds = nil, 0 // the workspace is not an event
		log.mu.Unlock()
		stored := 0
		for _, req := range shape.requests() {
			res, err := st.IngestEvents(ctx, ws.ID, req, store.DefaultEventTTL)
			if err != nil {
				t.Fatal(err)
			}
			stored += res.Accepted
		}
		for _, p := range log.puts {
			if s := itemSize(p.Item, nil); s > 1024 {
				t.Errorf("%s: an item of %d bytes: the one-unit assumption of the model is off", shape.name, s)
			}
		}
		tb, ib := log.writeUnits(before)
		ta, ia := log.writeUnits(after)
		perB, perA := float64(tb+ib)/float64(stored), float64(ta+ia)/float64(stored)
		fmt.Fprintf(&report, "| %s | %.2f | %.2f |\n", shape.name, perB, perA)
		if perA > perB {
			t.Errorf("%s: %.2f write units per event with the new projections, %.2f before", shape.name, perA, perB)
		}
	}
	t.Logf("write units per stored event (all indexes ALL | table.Sweetspot()):\n%s", report.String())
}

// TestMembersThroughKeysOnlyIndex: the members index copies keys only
// (dynalite honours projections like DynamoDB: the index query returns no
// state), and Members still returns whole members, read by key.
func TestMembersThroughKeysOnlyIndex(t *testing.T) {
	ctx := context.Background()
	cfg := store.Config{Endpoint: storetest.Endpoint(), Table: "members-" + randomID()[:8]}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureTable(ctx); err != nil {
		t.Fatal(err)
	}
	ws := storetest.Workspace(t, st, "Acme")
	now := time.Now().UTC()
	offer, community := domain.NewID(domain.OfferPrefix), domain.NewID(domain.CommunityPrefix)
	members := map[string]bool{}
	for range 3 {
		m := randomID()
		members[m] = true
		for _, typ := range []engagement.Type{"view", "click"} {
			ev := engagement.Event{ID: randomID(), Offer: offer, Community: community, Member: m, Type: typ, Time: now}
			if _, err := st.IngestEvents(ctx, ws.ID, []engagement.Event{ev}, store.DefaultEventTTL); err != nil {
				t.Fatal(err)
			}
		}
	}
	// What the index itself holds: keys, no state.
	db, err := store.NewClient(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	out, err := db.Scan(ctx, &dynamodb.ScanInput{TableName: &cfg.Table, IndexName: aws.String(table.GSI2)})
	if err != nil {
		t.Fatal(err)
	}
	// The index also registers the day leases for rollups (ROLLQ#<day>).
	var entries []map[string]types.AttributeValue
	for _, it := range out.Items {
		if pk, _ := it[table.GSI2PK].(*types.AttributeValueMemberS); pk != nil && !strings.HasPrefix(pk.Value, "ROLLQ#") {
			entries = append(entries, it)
		}
	}
	if len(entries) != len(members) {
		t.Fatalf("index holds %d member entries, want %d", len(entries), len(members))
	}
	for _, it := range entries {
		if _, ok := it["state"]; ok || len(it) != 4 {
			t.Errorf("index entry has %d attributes (state: %v), want the 4 keys only", len(it), ok)
		}
	}
	got, err := st.Members(ctx, ws.ID, community)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(members) {
		t.Fatalf("%d members, want %d", len(got), len(members))
	}
	for _, m := range got {
		if !members[m.ID] || m.State.LastActive.IsZero() || m.State.Score == 0 {
			t.Errorf("member %q read without its state: %+v", m.ID, m.State)
		}
	}
	states, err := st.ListMembers(ctx, ws.ID, community)
	if err != nil || len(states) != len(members) {
		t.Errorf("ListMembers: %d states, %v", len(states), err)
	}
}
