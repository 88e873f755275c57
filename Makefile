# matome: `make demo` sets everything up and runs the main job on the demo corpus; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup browser demo test lint bench screenshots clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian's chromium and CJK fonts for the browser tests and screenshots; the tests skip without them.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk \
	    fonts-noto-color-emoji >/dev/null) || echo "chromium could not be installed: browser tests will be skipped"; }

demo: $(STAMP)
	rm -rf demo-output
	mkdir -p demo-output
	$(BIN)/matome ingest examples --db demo-output/matome.db
	$(BIN)/matome analyze examples > demo-output/articles.jsonl
	$(BIN)/matome digest demo-output/matome.db --out demo-output/digests > /dev/null
	@echo "article records: demo-output/articles.jsonl (store: demo-output/matome.db)"
	@echo "digests: demo-output/digests/index.html"
	@echo "browse: $(BIN)/matome serve --db demo-output/matome.db  (then open http://127.0.0.1:8000/)"

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python benchmarks/read_pages.py
	$(BIN)/python benchmarks/entities.py
	$(BIN)/python benchmarks/statements.py
	$(BIN)/python benchmarks/analyze_speed.py
	$(BIN)/python benchmarks/title_checks.py
	$(BIN)/python benchmarks/stories.py

screenshots: $(STAMP) browser demo
	$(BIN)/python docs/screenshots.py demo-output/digests

clean:
	rm -rf $(VENV) demo-output .pytest_cache benchmarks/.cache
