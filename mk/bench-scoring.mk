# Scoring engine benchmarks, side by side with Yoast's content analysis
# (npm yoastseo, pinned in bench/yoast/package.json) on the same drafts.
# Yoast is installed only for `make bench`, never by `make setup`/`make test`.

SCORING_DRAFTS := internal/scoring/testdata/bench/draft1500.txt internal/scoring/testdata/bench/draft10000.txt
SCORING_BENCH  := $(BUILD)/bench
# Go: -count runs of each benchmark; Yoast: warm runs per draft (one untimed
# warm-up first). The table reports medians.
SCORING_BENCH_COUNT ?= 5
YOAST_RUNS          ?= 5
# Yoast's SEO assessor needs a focus keyphrase: the fixture IT administrators'
# heaviest interest, which both drafts are about.
YOAST_KEYPHRASE     ?= backup

BENCH_TARGETS += bench-scoring

.PHONY: bench-scoring setup-bench-yoast

# npm ci only when the lock file changed since the last install.
setup-bench-yoast: bench/yoast/node_modules/.package-lock.json
bench/yoast/node_modules/.package-lock.json: bench/yoast/package.json bench/yoast/package-lock.json
	cd bench/yoast && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

bench-scoring: setup-bench-yoast
	@mkdir -p $(SCORING_BENCH)
	$(GO) test -run '^$$' -bench 'BenchmarkScore' -benchmem -count $(SCORING_BENCH_COUNT) ./internal/scoring | tee $(SCORING_BENCH)/scoring-go.txt
	node bench/yoast/bench.js --runs $(YOAST_RUNS) --keyphrase '$(YOAST_KEYPHRASE)' $(SCORING_DRAFTS) | tee $(SCORING_BENCH)/scoring-yoast.jsonl
	@echo
	@$(GO) run ./bench/compare -go $(SCORING_BENCH)/scoring-go.txt -yoast $(SCORING_BENCH)/scoring-yoast.jsonl | tee $(SCORING_BENCH)/scoring-compare.txt
