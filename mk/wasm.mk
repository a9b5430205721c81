# The editor widget (issue 3): the Go engine compiled to WebAssembly, its
# loader (site/widget.js), their tests under node and in headless Chromium.

WIDGET_DIR  := $(BUILD)/widget
WASM_STAGE  := $(BUILD)/wasm
GO_WASM_LIB := $(shell $(GO) env GOROOT)/lib/wasm
ARTIFACTS   := $(TESTOUT)/artifacts

BUILD_TARGETS += wasm
DEV_DEPS      += wasm
TEST_TARGETS  += test-wasm test-browser
BENCH_TARGETS += bench-widget
SETUP_TARGETS += setup-chromium setup-e2e

.PHONY: wasm test-wasm test-browser bench-widget setup-chromium setup-e2e

# One widget build per language the engine models: the build for language X
# is compiled with `-tags widgetlang,widgetlang_X` (only X's stemmer and word
# lists; no tags: every language, as in the server and the CLI). The loader
# picks the build from data-lang, the page's <html lang> or the draft.
WIDGET_LANGS := en es fr de pt it nl

# build/widget/: sweetspot-<lang>.<hash>.wasm per language and
# wasm_exec.<hash>.js with .br and .gz siblings, manifest.json, and widget.js
# (the loader stamped with the hashed names; internal/static serves it at
# /widget.js). Go's build cache makes an unchanged rebuild quick, and publish
# skips files whose hash exists.
wasm:
	@mkdir -p $(WASM_STAGE)
	@set -e; for l in $(WIDGET_LANGS); do \
		echo "GOOS=js GOARCH=wasm $(GO) build -tags widgetlang,widgetlang_$$l -trimpath -ldflags='-s -w' -o $(WASM_STAGE)/sweetspot-$$l.wasm ./wasm"; \
		GOOS=js GOARCH=wasm $(GO) build -tags widgetlang,widgetlang_$$l -trimpath -ldflags='-s -w' -o $(WASM_STAGE)/sweetspot-$$l.wasm ./wasm; \
	done
	cp $(GO_WASM_LIB)/wasm_exec.js $(WASM_STAGE)/wasm_exec.js
	$(GO) run ./wasm/publish -o $(WIDGET_DIR) -loader site/widget.js $(foreach l,$(WIDGET_LANGS),$(WASM_STAGE)/sweetspot-$(l).wasm) $(WASM_STAGE)/wasm_exec.js

# The wasm package's tests run under node with Go's own runner on PATH.
# (safejs's jsguard analyzer runs from wasm/jsguard_test.go in test-go.)
test-wasm:
	@mkdir -p $(TESTOUT)
	PATH="$(GO_WASM_LIB):$$PATH" GOOS=js GOARCH=wasm $(GO) test -json -count=1 ./wasm/ > $(TESTOUT)/wasm.json

# Browser end-to-end tests (build tag `browser`, so test-go skips them).
test-browser: wasm setup-chromium setup-e2e
	@mkdir -p $(TESTOUT) $(ARTIFACTS)
	SWEETSPOT_ARTIFACTS=$(abspath $(ARTIFACTS)) $(GO) test -tags browser -json -count=1 -timeout 5m ./e2e/ > $(TESTOUT)/browser.json

# Budgets (wasm/budget: sizes, first score on screen, re-score time inside
# Chromium), then the size ledger: what each part adds to the wasm. Both run;
# the target fails when either reports a budget exceeded (timings are not
# judged on a busy machine, sizes always are).
bench-widget: wasm setup-chromium setup-e2e
	@status=0; \
	$(GO) test -tags browser -run '^$$' -bench . -benchtime 1x -count=1 ./e2e/ || status=1; \
	WIDGET_LANGS="$(WIDGET_LANGS)" $(GO) run ./wasm/sizes || status=1; \
	exit $$status

setup-chromium:
	@test -x /usr/bin/chromium || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

setup-e2e:
	@test -f e2e/node_modules/playwright-core/package.json -a -f e2e/node_modules/axe-core/package.json || (cd e2e && npm ci --no-audit --no-fund)
