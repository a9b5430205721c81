# HTTP API, store and local dev (issue 4).
#
#   make dev          dynalite + table + demo seed + API + site on http://127.0.0.1:8080 (PORT to change)
#   make bench-api    handler overhead (internal/api); `sweetspot serve` req/s against dynalite
#                     next to dynalite's raw PutItem/GetItem rates (cmd/sweetspot)

DYNALITE_DIR := tools/dynalite
DYNALITE_BIN := $(DYNALITE_DIR)/node_modules/.bin/dynalite

SETUP_TARGETS += setup-dynalite
BENCH_TARGETS += bench-api

.PHONY: setup-dynalite bench-api

# npm ci only when the pinned package (or its lock) changed: fast when done.
setup-dynalite: $(DYNALITE_BIN)
$(DYNALITE_BIN): $(DYNALITE_DIR)/package.json $(DYNALITE_DIR)/package-lock.json
	cd $(DYNALITE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The recipe of `dev` (its prerequisites are declared in the Makefile).
# serve --dev starts dynalite with its data in .dev/dynalite, creates the
# table, seeds the demo workspace and prints the URLs and keys; Ctrl-C stops
# the server and then dynalite.
dev:
	$(GO) build -o $(BUILD)/sweetspot ./cmd/sweetspot
	$(BUILD)/sweetspot serve --dev --data .dev/dynalite

bench-api:
	@mkdir -p $(BUILD)/bench
	$(GO) test -run '^$$' -bench . -benchtime 3s ./internal/api ./cmd/sweetspot | tee $(BUILD)/bench/api.txt
