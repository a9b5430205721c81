package main

import (
	"context"
	"errors"
)

// runServe is implemented by issue 4 (HTTP API and store).
func runServe(ctx context.Context, e env, args []string) error {
	return errors.New("not implemented yet")
}
