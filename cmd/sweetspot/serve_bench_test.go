package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/demo"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/store"
)

// The load benchmarks of `make bench-api`: `sweetspot serve` (the same
// code the binary runs, in-process) against dynalite, next to dynalite's
// raw PutItem and GetItem rates through the same SDK, in the same run.

// benchClients multiplies GOMAXPROCS into concurrent clients (2 cores
// here: 16), a bounded load on loopback; -benchtime bounds its duration.
const benchClients = 8

// benchStore starts an in-memory dynalite with the demo workspace.
func benchStore(b *testing.B) (*dynalite.Server, *store.Store, demo.Result) {
	b.Helper()
	ctx := context.Background()
	srv, err := dynalite.Start(ctx, dynalite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Stop)
	st, err := store.Open(ctx, store.Config{Endpoint: srv.Endpoint(), Table: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	if err := st.EnsureTable(ctx); err != nil {
		b.Fatal(err)
	}
	res, err := demo.Seed(ctx, st, nil)
	if err != nil {
		b.Fatal(err)
	}
	return srv, st, res
}

// BenchmarkServe is requests/s of `sweetspot serve` against dynalite (its
// JSON request log on, written to io.Discard): three
// reads (GET /v1/offers/{id}, admin key) per write (POST /v1/partners).
// Each request costs two store calls: the key, then the resource.
func BenchmarkServe(b *testing.B) {
	srv, st, seeded := benchStore(b)
	live, err := st.ListOffers(context.Background(), demo.WorkspaceID, domain.StatusLive, "", 1)
	if err != nil || len(live.Items) == 0 {
		b.Fatalf("no live demo offer: %v", err)
	}
	offer := live.Items[0].ID
	vars := map[string]string{"DYNAMODB_ENDPOINT": srv.Endpoint(), "TABLE_NAME": "bench", "PORT": "0",
		"RATE_LIMIT_RPS": "1e9", "RATE_LIMIT_BURST": "1000000000"}
	ctx, cancel := context.WithCancel(context.Background())
	out := &lineWaiter{ch: make(chan string, 16)}
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, env{stdin: strings.NewReader(""), stdout: out, stderr: io.Discard, getenv: func(k string) string { return vars[k] }},
			[]string{"--site", b.TempDir()})
	}()
	defer func() { cancel(); <-done }()
	first, _, _ := strings.Cut(<-out.ch, "\n")
	base := strings.TrimPrefix(first, "Sweetspot is serving on ")

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var n, failed atomic.Int64
	b.SetParallelism(benchClients)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			var req *http.Request
			if n.Add(1)%4 == 0 {
				req, _ = http.NewRequest("POST", base+"/v1/partners", strings.NewReader(`{"name":"bench partner"}`))
				req.Header.Set("Content-Type", "application/json")
			} else {
				req, _ = http.NewRequest("GET", base+"/v1/offers/"+offer, nil)
			}
			req.Header.Set("Authorization", "Bearer "+seeded.AdminKey)
			res, err := client.Do(req)
			if err != nil {
				failed.Add(1)
				continue
			}
			res.Body.Close()
			if res.StatusCode >= 300 {
				failed.Add(1)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
	if f := failed.Load(); f > 0 {
		b.Fatalf("%d of %d requests failed", f, b.N)
	}
}

// BenchmarkDynalitePutItem is dynalite's raw PutItem rate: the ceiling
// the server runs under.
func BenchmarkDynalitePutItem(b *testing.B) {
	_, st, _ := benchStore(b)
	db, table := st.Client(), st.Table()
	var n atomic.Int64
	b.SetParallelism(benchClients)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_, err := db.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: map[string]types.AttributeValue{
				"pk":   &types.AttributeValueMemberS{Value: "BENCH"},
				"sk":   &types.AttributeValueMemberS{Value: fmt.Sprintf("ITEM#%d", n.Add(1))},
				"name": &types.AttributeValueMemberS{Value: "bench partner"},
			}})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "puts/s")
}

// BenchmarkDynaliteGetItem is dynalite's raw consistent GetItem rate.
func BenchmarkDynaliteGetItem(b *testing.B) {
	_, st, _ := benchStore(b)
	db, table := st.Client(), st.Table()
	key := map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "WS#" + demo.WorkspaceID},
		"sk": &types.AttributeValueMemberS{Value: "WS"},
	}
	b.SetParallelism(benchClients)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := db.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String(table), Key: key, ConsistentRead: aws.Bool(true)}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "gets/s")
}
