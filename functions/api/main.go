// Command api is the Lambda function behind API Gateway (HTTP API, payload
// 2.0): the same net/http handler as `sweetspot serve`, through
// aws-lambda-go-api-proxy's httpadapter. Thin wiring only.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/core"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/config"
	"github.com/sweetspot/sweetspot/internal/store"
)

func main() {
	h, err := newHandler(context.Background(), os.Getenv, os.Stdout)
	if err != nil {
		slog.New(slog.NewJSONHandler(os.Stderr, nil)).Error("init", "error", err.Error())
		os.Exit(1)
	}
	lambda.Start(h)
}

// handler is what lambda.Start runs: one API Gateway v2 event in, one out.
type handler func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error)

// newHandler wires configuration (TABLE_NAME, ...), the store and the API.
func newHandler(ctx context.Context, getenv func(string) string, logs io.Writer) (handler, error) {
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, cfg.Store())
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	h, err := api.New(api.Options{Store: st, Logger: cfg.Logger(logs), Rate: cfg.Rate, Burst: cfg.Burst, RequestID: gatewayRequestID, EventTTL: cfg.EventTTL,
		OriginSecrets: cfg.OriginSecrets})
	if err != nil {
		return nil, err
	}
	proxy := httpadapter.NewV2(h).ProxyWithContext
	return func(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		// The adapter cannot build a request from a malformed path (a
		// function error: API Gateway's 500); answer those like the API.
		if status, body, bad := api.RawPathError(req.RawPath); bad {
			return events.APIGatewayV2HTTPResponse{StatusCode: status, Body: string(body),
				Headers: map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}}, nil
		}
		return proxy(ctx, req)
	}, nil
}

// gatewayRequestID names each request by API Gateway's request id, so a
// log line matches the gateway's access log.
func gatewayRequestID(r *http.Request) string {
	if c, ok := core.GetAPIGatewayV2ContextFromContext(r.Context()); ok {
		return c.RequestID
	}
	return ""
}
