// Package faults holds the fault suite of engagement ingestion (issue 12,
// docs/ENGAGEMENT.md "Faults"): real dynalite, a real built `sweetspot
// serve` subprocess, and a client that retries every batch with the same
// event ids until it is accepted, while the suite drops requests, kills
// and restarts the API, kills and restarts the store, and pauses the store.
// After one reconcile the insights must equal the distinct accepted events
// exactly and every member must equal the replay of its raw events.
//
// The tests carry the build tag "faults" (`make test-faults`, part of
// `make test`), so a plain `go test ./...` stays quick.
package faults
