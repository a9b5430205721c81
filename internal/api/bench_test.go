package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/store/storetest"
)

// benchParallelism multiplies GOMAXPROCS into the number of concurrent
// clients (2 cores here: 16 connections), a bounded loopback load.
const benchParallelism = 8

// BenchmarkServeDynalite is requests/s of the real server (HTTP on
// loopback, auth, store) against dynalite: a mix of one write (POST
// /v1/partners) per three reads (GET /v1/offers/{id} by admin key).
func BenchmarkServeDynalite(b *testing.B) {
	e := newEnvB(b)
	_, _, offer := e.seed(e.admin)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var n atomic.Int64
	var failed atomic.Int64
	b.SetParallelism(benchParallelism)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			var req *http.Request
			if i%4 == 0 {
				req, _ = http.NewRequest("POST", e.srv.URL+"/v1/partners", bytes.NewReader([]byte(`{"name":"bench partner"}`)))
				req.Header.Set("Content-Type", "application/json")
			} else {
				req, _ = http.NewRequest("GET", e.srv.URL+"/v1/offers/"+offer, nil)
			}
			req.Header.Set("Authorization", "Bearer "+e.admin)
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

// BenchmarkDynalitePutItem is dynalite's raw PutItem rate through the same
// SDK client and concurrency: the ceiling the server above runs under.
func BenchmarkDynalitePutItem(b *testing.B) {
	st := storetest.New(b)
	db, table := st.Client(), st.Table()
	var n atomic.Int64
	b.SetParallelism(benchParallelism)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			_, err := db.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: map[string]types.AttributeValue{
				"pk":   &types.AttributeValueMemberS{Value: "BENCH"},
				"sk":   &types.AttributeValueMemberS{Value: fmt.Sprintf("ITEM#%d", i)},
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

// newEnvB is newEnv for benchmarks (no rate limit in the way).
func newEnvB(b *testing.B) *env {
	return newEnvTB(b, api.Options{Rate: 1e9, Burst: 1 << 30})
}

// BenchmarkDynaliteGetItem is dynalite's raw consistent GetItem rate: an
// authenticated GET costs two of these (the key, then the resource).
func BenchmarkDynaliteGetItem(b *testing.B) {
	st := storetest.New(b)
	db, table := st.Client(), st.Table()
	key := map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "BENCH"},
		"sk": &types.AttributeValueMemberS{Value: "ITEM"},
	}
	item := map[string]types.AttributeValue{"pk": key["pk"], "sk": key["sk"], "name": &types.AttributeValueMemberS{Value: "bench partner"}}
	if _, err := db.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: item}); err != nil {
		b.Fatal(err)
	}
	b.SetParallelism(benchParallelism)
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
