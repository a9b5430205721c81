package main

import (
	"context"
	"errors"
)

// runScore is implemented by issue 2 (the engine and its CLI).
func runScore(ctx context.Context, e env, args []string) error {
	return errors.New("not implemented yet")
}
