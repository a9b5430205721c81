package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/store"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// ingestClients multiplies GOMAXPROCS into concurrent clients (2 cores
// here: 16), a bounded load on loopback; -benchtime bounds its duration.
const ingestClients = 8

// countingTransport counts DynamoDB calls by operation.
type countingTransport struct{ writes, reads atomic.Int64 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	switch strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "DynamoDB_20120810.") {
	case "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem":
		c.writes.Add(1)
	case "GetItem", "Query", "BatchGetItem":
		c.reads.Add(1)
	}
	return http.DefaultTransport.RoundTrip(r)
}

// BenchmarkIngestRawPutItem is dynalite's raw PutItem rate through the
// same SDK and concurrency, in the same run: the ceiling the ingestion
// above works under (each event costs about two writes and 1–1.5 reads).
func BenchmarkIngestRawPutItem(b *testing.B) {
	st := storetest.New(b)
	db, table := st.Client(), st.Table()
	var n atomic.Int64
	b.SetParallelism(ingestClients)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_, err := db.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: map[string]types.AttributeValue{
				"pk": &types.AttributeValueMemberS{Value: fmt.Sprintf("EV#bench#%d", n.Add(1))},
				"sk": &types.AttributeValueMemberS{Value: "EV"},
			}})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "puts/s")
}

// BenchmarkIngestEvents is events/s through POST /v1/events (HTTP on
// loopback, ingest key and origin check, validation, reference checks,
// conditional puts, member writes, counter adds) against dynalite, with
// DynamoDB write and read requests per event. Batches of 2 are what the
// offer widget sends for one visitor; 25 is an integrator's batch over
// many visitors.
func BenchmarkIngestEvents(b *testing.B) {
	for _, size := range []int{2, 25} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) { benchIngest(b, size) })
	}
}

func benchIngest(b *testing.B, size int) {
	ctx := context.Background()
	base := storetest.New(b)
	counter := &countingTransport{}
	st, err := store.Open(ctx, store.Config{Endpoint: storetest.Endpoint(), Table: base.Table(),
		HTTPClient: &http.Client{Transport: counter}})
	if err != nil {
		b.Fatal(err)
	}
	h, err := api.New(api.Options{Store: st, Rate: 1e9, Burst: 1 << 30})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	e := &env{t: b, srv: srv, st: st}
	e.ws, e.admin, e.ingest = e.workspace("Bench")
	_, community, offer := e.seed(e.admin)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	endpoint := srv.URL + "/v1/events?key=" + url.QueryEscape(e.ingest)
	var n, failed atomic.Int64
	counter.writes.Store(0)
	counter.reads.Store(0)
	b.SetParallelism(ingestClients)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			events := make([]map[string]any, size)
			for j := range events {
				member := i // the widget: one visitor per request
				if size > 2 {
					member = i*int64(size) + int64(j)
				}
				events[j] = map[string]any{"id": fmt.Sprintf("ev-bench-%d-%d", i, j), "offer": offer, "community": community,
					"member": fmt.Sprintf("member-%06d", member%5000), "type": []string{"view", "click"}[j%2],
					"network": "linkedin", "time": time.Now().UTC().Format(time.RFC3339Nano)}
			}
			body, _ := json.Marshal(map[string]any{"events": events})
			req, _ := http.NewRequest("POST", endpoint, bytes.NewReader(body))
			req.Header.Set("Content-Type", "text/plain")
			req.Header.Set("Origin", testOrigin)
			res, err := client.Do(req)
			if err != nil {
				failed.Add(1)
				continue
			}
			res.Body.Close()
			if res.StatusCode != http.StatusAccepted {
				failed.Add(1)
			}
		}
	})
	elapsed := time.Since(start)
	events := float64(b.N * size)
	b.ReportMetric(events/elapsed.Seconds(), "events/s")
	b.ReportMetric(float64(counter.writes.Load())/events, "writes/event")
	b.ReportMetric(float64(counter.reads.Load())/events, "reads/event")
	if f := failed.Load(); f > 0 {
		b.Fatalf("%d of %d requests failed", f, b.N)
	}
}
