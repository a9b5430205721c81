# Engagement: event ingestion, attribution, member ladder, insights, the offer widget.
# The domain and widget unit tests run in `make test` through test-go
# (internal/engagement/... includes the node:test suite of site/offer.js).

# OFFER_JS_MAX_GZIP is the offer widget's size budget: 3 KB gzip (issue 5).
OFFER_JS_MAX_GZIP := 3072

BENCH_TARGETS += bench-offer-size bench-events bench-insights

.PHONY: bench-offer-size bench-events bench-insights
# bench-offer-size measures site/offer.js as served (gzip -9) and fails over budget.
bench-offer-size:
	@raw=$$(wc -c < site/offer.js); gz=$$(gzip -9c site/offer.js | wc -c); \
	echo "offer.js: $$raw bytes raw, $$gz bytes gzip -9 (budget $(OFFER_JS_MAX_GZIP))"; \
	test $$gz -le $(OFFER_JS_MAX_GZIP) || { echo "offer.js is over its gzip budget"; exit 1; }

# bench-events: events/s through POST /v1/events against dynalite (bounded
# loopback load: 16 clients), DynamoDB write and read requests per event,
# and dynalite's raw PutItem rate in the same run.
bench-events: setup-dynalite
	@mkdir -p $(BUILD)/bench
	$(GO) test -run '^$$' -bench 'BenchmarkIngest' -benchtime 3s -count=1 ./internal/api | tee $(BUILD)/bench/events.txt

# bench-insights: the FIRST 366-day insights request on dynalite (budget 300 ms, issue 12)
# after a year replayed through POST /v1/events with the reconciler's passes (which roll
# the days up), four parallel first requests, then warm requests; prints the load average.
bench-insights: setup-dynalite
	@mkdir -p $(BUILD)/bench
	$(GO) test -run '^$$' -bench 'BenchmarkInsights366Days' -benchtime 20x -count=1 ./internal/api | tee $(BUILD)/bench/insights.txt
