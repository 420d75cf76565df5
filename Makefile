# cshire — the two commands: `make run` and `make test`.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
PYTHON  ?= python3
HOST    ?= 127.0.0.1
PORT    ?= 5000
export FLASK_APP := app
export CSHIRE_ENV ?= development

.PHONY: run test lint bench translations extract-messages screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m tools.catalogs compile

run: $(STAMP) translations
	$(BIN)/flask db upgrade
	$(BIN)/flask cshire demo --if-empty
	@echo "cshire is serving on http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	$(BIN)/flask run --host $(HOST) --port $(PORT)

test: $(STAMP) translations
	$(BIN)/python -m tests.run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(STAMP) translations
	$(BIN)/python -m bench.run $(BENCH_ARGS)

screenshots: $(STAMP) translations
	$(BIN)/python -m tools.screenshots

extract-messages: $(STAMP)
	$(BIN)/python -m tools.catalogs update
	@echo "Untranslated Japanese entries:"; $(BIN)/python -m tools.catalogs missing

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .tmp
