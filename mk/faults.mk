# Fault suite of engagement ingestion (issue 12, docs/ENGAGEMENT.md "Faults"):
# real dynalite, a real built `sweetspot serve`, and a client retrying every
# batch while requests are dropped, the API and the store are killed and the
# store is paused. Build tag "faults" keeps it out of the plain `go test ./...`.

TEST_TARGETS += test-faults

.PHONY: test-faults
test-faults: setup-dynalite
	@mkdir -p $(TESTOUT)
	$(GO) test -tags faults -json -count=1 -timeout 5m ./internal/faults/ > $(TESTOUT)/faults.json
