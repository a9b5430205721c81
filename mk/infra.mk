# Infra: the Lambda binaries and the CDK app (infra/, its own Go module, so
# the application and its binaries never pull the CDK bindings).
#
#   make lambda                  build/lambda/<fn>/bootstrap for every functions/<fn>/
#   make cdk-assets              what the CDK app deploys: the Lambda binaries and the widget
#   make synth [STAGE=prod]      CloudFormation templates in infra/cdk.out, offline, no CDK CLI
#   make cdk-bootstrap           `cdk bootstrap` of the stage's regions (once, needs credentials)
#   make deploy [STAGE=prod]     synth, then `cdk deploy --all` of those templates (needs AWS credentials)
#   make test-infra              assertion, cdk-nag and cfn-lint tests of the stacks
#   make bench-synth             synth time and template size
#
# Each stage's settings are saved in infra/stages.json (region, alarm
# e-mails, allowed origins, event TTL, reserved concurrency, web ACL; see
# docs/deploy.md). These make variables override them for one run:
# ALLOWED_ORIGINS, ALARM_EMAIL (comma-separated), EVENT_TTL_DAYS.

INFRA          := infra
LAMBDA_OUT     := $(BUILD)/lambda
LAMBDA_FNS      = $(patsubst functions/%/,%,$(wildcard functions/*/))
STAGE          ?= dev
ALLOWED_ORIGINS ?=
ALARM_EMAIL    ?=
EVENT_TTL_DAYS ?=
# Extra CDK CLI flags for deploy, e.g. CDK_FLAGS=--require-approval=never in CI.
CDK_FLAGS      ?=
CDK            := ./node_modules/.bin/cdk
# jsii prints a banner on node 20; the CLI would phone home without the second.
INFRA_ENV      := JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true
# The context the CDK CLI would pass: `make synth` runs the app directly.
INFRA_CONTEXT   = {"stage":"$(STAGE)","allowedOrigins":"$(ALLOWED_ORIGINS)","alarmEmail":"$(ALARM_EMAIL)","eventTtlDays":"$(EVENT_TTL_DAYS)"}

BUILD_TARGETS += lambda
TEST_TARGETS  += test-infra
BENCH_TARGETS += bench-synth

.PHONY: lambda cdk-assets synth deploy cdk-bootstrap test-infra setup-infra bench-synth

# Static, stripped linux/arm64 binaries named bootstrap, as provided.al2023
# wants; lambda.norpc drops the unused RPC mode of aws-lambda-go.
lambda:
	@mkdir -p $(LAMBDA_OUT)
	@if [ -z "$(LAMBDA_FNS)" ]; then echo "lambda: no functions/*/ folder yet"; fi
	@for fn in $(LAMBDA_FNS); do \
	  echo "lambda: $(LAMBDA_OUT)/$$fn/bootstrap"; \
	  GOOS=linux GOARCH=arm64 CGO_ENABLED=0 $(GO) build -tags lambda.norpc -trimpath -ldflags='-s -w' \
	    -o $(LAMBDA_OUT)/$$fn/bootstrap ./functions/$$fn; \
	done

# Everything the CDK app packages as assets: the Lambda binaries and, when
# the wasm fragment provides it, the widget (recipes expand after every
# fragment is read). infra/cdk.json runs this before the app, so
# `cdk synth`/`cdk deploy` from infra/ in a fresh clone build what they need.
cdk-assets: lambda
	$(if $(filter wasm,$(BUILD_TARGETS)),@$(MAKE) --no-print-directory wasm)

# Offline: the app runs without the CDK CLI and writes the cloud assembly
# that `make deploy` hands to the CLI.
synth: cdk-assets
	@rm -rf $(INFRA)/cdk.out
	cd $(INFRA) && $(INFRA_ENV) CDK_OUTDIR=cdk.out CDK_CONTEXT_JSON='$(INFRA_CONTEXT)' $(GO) run .
	@ls -l $(INFRA)/cdk.out/*.template.json

# The CLI is needed only to deploy; tests need node (jsii) but not the CLI.
setup-infra: $(INFRA)/node_modules/.package-lock.json
$(INFRA)/node_modules/.package-lock.json: $(INFRA)/package.json $(INFRA)/package-lock.json
	cd $(INFRA) && npm ci --no-audit --no-fund

deploy: setup-infra synth
	@mkdir -p $(BUILD)/infra
	cd $(INFRA) && $(INFRA_ENV) $(CDK) deploy --all --app cdk.out --require-approval broadening --outputs-file ../$(BUILD)/infra/outputs-$(STAGE).json $(CDK_FLAGS)

# Once per account and region, before the first deploy.
cdk-bootstrap: setup-infra synth
	cd $(INFRA) && $(INFRA_ENV) $(CDK) bootstrap --app cdk.out

test-infra:
	@mkdir -p $(TESTOUT)
	cd $(INFRA) && $(GO) vet ./...
	cd $(INFRA) && $(INFRA_ENV) $(GO) test -json -count=1 ./... > ../$(TESTOUT)/infra.json

# Synth time of the compiled app (jsii start, construct tree, cdk-nag,
# assets) over three runs, and the template's size.
bench-synth: lambda
	@mkdir -p $(BUILD)/infra
	@cd $(INFRA) && $(GO) build -o ../$(BUILD)/infra/synth .
	@for i in 1 2 3; do \
	  rm -rf $(BUILD)/infra/cdk.out; start=$$(date +%s%N); \
	  (cd $(INFRA) && $(INFRA_ENV) CDK_OUTDIR=../$(BUILD)/infra/cdk.out CDK_CONTEXT_JSON='$(INFRA_CONTEXT)' ../$(BUILD)/infra/synth) >/dev/null 2>&1; \
	  echo "bench-synth: run $$i: $$(( ($$(date +%s%N) - start) / 1000000 )) ms"; \
	done
	@for t in $(BUILD)/infra/cdk.out/*.template.json; do \
	  echo "bench-synth: $$t: $$(wc -c < $$t) bytes, $$(gzip -9c $$t | wc -c) bytes gzip," \
	    "$$(node -e 'console.log(Object.keys(require(process.argv[1]).Resources).length)' $$PWD/$$t) resources"; \
	done; echo "bench-synth: $$(ls -d $(BUILD)/infra/cdk.out/asset.* | wc -l) assets"
