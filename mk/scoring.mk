# The scoring engine (internal/scoring). Its Go benchmarks run in the bench
# target of the score CLI's fragment; these are the engine's own chores.

FUZZTIME ?= 3m
SIZE_DIR := $(BUILD)/size-scoring

.PHONY: fuzz-scoring size-scoring

# fuzz-scoring runs the FuzzScore fuzzer (FUZZTIME=3m by default); a crasher
# lands in internal/scoring/testdata/fuzz/FuzzScore: fix it and commit it.
fuzz-scoring:
	$(GO) test -run '^$$' -fuzz '^FuzzScore$$' -fuzztime $(FUZZTIME) ./internal/scoring

# size-scoring prints what the engine (with its stemmer and word lists) adds
# to a js/wasm build: raw, gzip -9 and, when installed, brotli -q 11.
size-scoring:
	@mkdir -p $(SIZE_DIR)
	@for p in base engine; do \
	  GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(SIZE_DIR)/$$p.wasm ./internal/scoring/internal/sizeprobe/$$p; \
	done
	@size() { raw=$$(stat -c %s $$1); gz=$$(gzip -9c $$1 | wc -c); \
	  br=$$(command -v brotli >/dev/null && brotli -c -q 11 $$1 | wc -c || echo 0); echo "$$raw $$gz $$br"; }; \
	read r0 g0 b0 <<<"$$(size $(SIZE_DIR)/base.wasm)"; read r1 g1 b1 <<<"$$(size $(SIZE_DIR)/engine.wasm)"; \
	echo "scoring engine adds: raw $$(( (r1-r0)/1024 )) KB, gzip -9 $$(( (g1-g0)/1024 )) KB, brotli $$(( (b1-b0)/1024 )) KB (0 = brotli not installed)"

# test-scoring-wasm runs the engine's tests compiled to js/wasm under node
# (Go's go_js_wasm_exec runner): with TestGolden it shows that the browser
# gets byte-identical results to the native API.
TEST_TARGETS += test-scoring-wasm
.PHONY: test-scoring-wasm
test-scoring-wasm:
	@mkdir -p $(TESTOUT)
	PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -json -count=1 ./internal/scoring > $(TESTOUT)/scoring-wasm.json

# eval-scoring prints the model's record: the confusion matrix and pairwise
# accuracy on the team's corpora (internal/scoring/testdata/eval and the
# blind eval-holdout), the
# aggregations compared, and on the real posts next to the repository
# (../shared/data/real, REAL_DATA= to move or skip them) the community
# discrimination rate and Spearman's rho per community. docs/scoring.md keeps
# the results.
REAL_DATA ?= ../shared/data/real
.PHONY: eval-scoring
eval-scoring:
	$(GO) run ./tools/evalscoring -real "$(REAL_DATA)" $(if $(VERBOSE),-v)

# eval-calibration calibrates each Medium publication of the real posts on its
# `profile` posts (the same calibration.Fit as `sweetspot calibrate`), scores
# its `heldout` posts with and without the calibration, and prints Spearman's
# rho with claps for both (docs/scoring.md, "Calibration").
.PHONY: eval-calibration
eval-calibration:
	$(GO) run ./tools/evalcalibration -set "$(REAL_DATA)/medium-publications"

# eval-ceiling fits general-purpose learners (scikit-learn: TF-IDF words and
# characters, ridge) on the same split as eval-calibration: how far any model
# of titles and subtitles gets on held-out claps (docs/scoring.md, "How far
# titles go"). Evaluation only; Debian's python3-sklearn, installed if missing.
.PHONY: eval-ceiling
eval-ceiling:
	@/usr/bin/python3 -c 'import sklearn' 2>/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3-sklearn; }
	/usr/bin/python3 tools/ceiling/ceiling.py -set "$(REAL_DATA)/medium-publications" -cli "$(GO) run ./cmd/sweetspot"

# bench-calibration times calibration.Fit on 1,000 short posts and on 1,000
# posts of 150 words from a wide vocabulary (issue 11: at most 2 s on the
# 2-core machine; BENCHMARKS.md, "Calibration").
BENCH_TARGETS += bench-calibration
.PHONY: bench-calibration
bench-calibration:
	@mkdir -p $(BUILD)/bench
	$(GO) test -run '^$$' -bench 'BenchmarkFit' -benchmem -count 3 ./internal/calibration | tee $(BUILD)/bench/calibration.txt
