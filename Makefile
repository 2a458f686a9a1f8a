# clerk: two commands on a fresh clone — `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= db/clerk.db
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: run test explore soak bench import-eval import-eval-invented clean

run: $(VENV)/.installed ## Open the app on db/clerk.db (DB=path for another file)
	$(BIN)/clerk --db $(DB)

test: $(VENV)/.installed-test ## Run every test, after the import contracts ([tool.importlinter] in pyproject.toml)
	$(BIN)/lint-imports --no-logo
	$(BIN)/python -m pytest $(PYTEST_ARGS)

EXPLORED := tests/test_bad_input.py tests/test_text_properties.py tests/test_text_is_text.py \
	tests/test_quick_entry.py tests/test_search.py tests/test_security.py tests/test_word_export.py
explore: $(VENV)/.installed-test ## Property tests looking for new examples (make test repeats the same ones); a failure prints the example to keep
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q $(EXPLORED) $(PYTEST_ARGS)

soak: $(VENV)/.installed-test ## The long crash campaign: kill -9 while typing, 200 times (TRIALS=n); the terminal taken away, 20 times (LOSS_TRIALS=n)
	$(BIN)/python tests/crash_campaign.py --trials $(or $(TRIALS),200) --loss-trials $(or $(LOSS_TRIALS),20)

bench: $(VENV)/.installed-bench ## Speed and memory against baselines (QUICK=1: a small run); bench/README.md
	$(BIN)/python -m bench $(if $(filter 1 yes true,$(QUICK)),--quick)

SHARED ?= ../shared
import-eval: $(VENV)/.installed ## Score the importer on the real minutes in $(SHARED)/fixtures/corpus (measurement; not part of make test)
	@test -f $(SHARED)/tools/score_import.py -a -d $(SHARED)/fixtures/corpus || \
	  { echo "make import-eval needs $(SHARED)/tools/score_import.py and $(SHARED)/fixtures/corpus;" \
	    "they are not there (SHARED=path names another folder)." >&2; exit 2; }
	$(PYTHON) $(SHARED)/tools/score_import.py $(SHARED)/fixtures/corpus --clerk $(BIN)/clerk $(IMPORT_EVAL_ARGS)

import-eval-invented: $(VENV)/.installed ## The same score on eval/invented: minutes invented for it, written blind to the importer (a check, not a target to tune to)
	@test -f $(SHARED)/tools/score_import.py || \
	  { echo "make import-eval-invented needs $(SHARED)/tools/score_import.py." >&2; exit 2; }
	$(PYTHON) $(SHARED)/tools/score_import.py eval/invented --clerk $(BIN)/clerk $(IMPORT_EVAL_ARGS)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "clerk needs Python 3.11 or newer; run e.g. 'make PYTHON=python3.12 run'."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) -e '.[test]'
	@touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-test
	$(PIP) -e '.[test,bench]'
	@touch $@

clean: ## Remove the virtual environment (your database in db/ is kept)
	rm -rf $(VENV) .pytest_cache
