# The member survey (issue 11, part 1): site/survey.js and internal/survey.
# The domain's tests run in test-go; the widget's Chromium test is
# e2e/survey_test.go in test-browser.

# SURVEY_JS_MAX_GZIP is the survey widget's size budget: 3 KB gzip (issue 11).
SURVEY_JS_MAX_GZIP := 3072

BENCH_TARGETS += bench-survey-size

.PHONY: bench-survey-size
# bench-survey-size measures site/survey.js as served (gzip -9) and fails over budget.
bench-survey-size:
	@raw=$$(wc -c < site/survey.js); gz=$$(gzip -9c site/survey.js | wc -c); \
	echo "survey.js: $$raw bytes raw, $$gz bytes gzip -9 (budget $(SURVEY_JS_MAX_GZIP))"; \
	test $$gz -le $(SURVEY_JS_MAX_GZIP) || { echo "survey.js is over its gzip budget"; exit 1; }
