# Quick start: `make run` and `make test`. Both create .venv and install pinned,
# hash-checked dependencies on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
POLNEAR ?= ../shared/data/polnear
PUBLISHED ?= 2024-12-26

.PHONY: run test lint eval bench lexicon clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements.txt
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --require-hashes -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(BIN)/reportedly extract examples/*.txt --published $(PUBLISHED) --format text

test: $(VENV)/.dev
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/pytest

eval: $(VENV)/.runtime
	$(BIN)/reportedly eval polnear $(POLNEAR)/dev --format text

bench: $(VENV)/.runtime
	$(BIN)/python bench/throughput.py $(POLNEAR)/dev

lexicon: $(VENV)/.runtime
	$(BIN)/python scripts/build_cue_lexicon.py $(POLNEAR)/train

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
