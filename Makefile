# matome: `make demo` sets everything up and runs the main job on the demo corpus; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo-output/matome.db
	mkdir -p demo-output
	$(BIN)/matome ingest examples --db demo-output/matome.db
	$(BIN)/matome read examples > demo-output/articles.jsonl
	@echo "article records: demo-output/articles.jsonl (store: demo-output/matome.db)"

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/read_pages.py
	$(BIN)/python benchmarks/entities.py
	$(BIN)/python benchmarks/analyze_speed.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache
