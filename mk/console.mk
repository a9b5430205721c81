# The console (issue 13): site/app/, plain ES modules served as they are.
# Its end-to-end test is e2e/console_test.go (test-browser): a newcomer's
# session from `serve --dev`, with axe-core on every page.
#
#   make bench-console-size   the console's own JS, gzip -9 file by file, against its budget
#   make console-shots        refresh the screenshots in docs/ (runs the Chromium test)

# CONSOLE_JS_MAX_GZIP is the console's JS budget: 60 KB gzip (issue 13),
# the editor widget's wasm and loader aside.
CONSOLE_JS_MAX_GZIP := 61440

BENCH_TARGETS += bench-console-size

.PHONY: bench-console-size console-shots
bench-console-size:
	@total=0; for f in site/app/*.js; do gz=$$(gzip -9c $$f | wc -c); total=$$((total + gz)); \
	  echo "$$f: $$(wc -c < $$f) bytes raw, $$gz bytes gzip -9"; done; \
	echo "console JS: $$total bytes gzip -9 in all (budget $(CONSOLE_JS_MAX_GZIP))"; \
	test $$total -le $(CONSOLE_JS_MAX_GZIP) || { echo "the console's JS is over its gzip budget"; exit 1; }

console-shots: wasm setup-chromium setup-e2e
	SWEETSPOT_CONSOLE_SHOTS=$(abspath docs/console) $(GO) test -tags browser -count=1 -run TestConsoleNewcomer ./e2e/
