# Sweetspot: the only entry points a person needs.
#
#   make dev     run API + site + widget locally on an embedded DynamoDB-compatible store
#   make test    go vet and every test suite, ending with one summary
#   make bench   benchmarks (see BENCHMARKS.md)
#   make build   Lambda binaries, the wasm widget and the CLI
#   make synth   CloudFormation template, offline
#   make deploy  cdk deploy (needs AWS credentials)
#
# Each area keeps its targets in mk/<area>.mk and adds itself to the lists
# below, so the areas grow without editing each other's lines.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO        ?= go
BUILD     := build
TESTOUT   := $(BUILD)/test
GOTESTSUM := $(GO) tool gotestsum
export CGO_ENABLED ?= 0

# Filled by mk/*.mk.
TEST_TARGETS  :=
BENCH_TARGETS :=
BUILD_TARGETS :=
DEV_DEPS      :=
SETUP_TARGETS :=

include $(sort $(wildcard mk/*.mk))

.PHONY: help setup test test-go vet bench build clean

# setup installs what a fresh machine lacks (npm packages, Debian's chromium);
# every step is idempotent and quick when there is nothing to do.
setup: $(SETUP_TARGETS)

help:
	@sed -n 's/^#   //p' Makefile

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './infra/node_modules/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

# Every suite writes `go test -json` into $(TESTOUT)/<suite>.json and never
# stops the others; the final gotestsum step prints one summary over all of
# them and fails if any test (or build) failed.
test: setup vet
	@rm -rf $(TESTOUT) && mkdir -p $(TESTOUT)
	@status=0; for t in test-go $(TEST_TARGETS); do \
	  echo "==> $$t"; $(MAKE) --no-print-directory $$t || status=1; done; \
	echo "==> summary"; \
	$(GOTESTSUM) --format pkgname --raw-command -- cat $(TESTOUT)/*.json || status=1; \
	exit $$status

test-go:
	@mkdir -p $(TESTOUT)
	$(GO) test -json -count=1 ./... > $(TESTOUT)/go.json

bench: setup $(BENCH_TARGETS)

build: $(BUILD_TARGETS)

clean:
	rm -rf $(BUILD)

# `make dev`'s recipe lives in mk/api.mk; every area adds what must be built first.
.PHONY: dev
dev: setup $(DEV_DEPS)
