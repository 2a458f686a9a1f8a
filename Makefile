# clerk: two commands on a fresh clone — `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= db/clerk.db
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: run test soak bench clean

run: $(VENV)/.installed ## Open the app on db/clerk.db (DB=path for another file)
	$(BIN)/clerk --db $(DB)

test: $(VENV)/.installed-test ## Run every test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

soak: $(VENV)/.installed-test ## The long crash campaign: kill -9 while typing, 200 times (TRIALS=n); the terminal taken away, 20 times (LOSS_TRIALS=n)
	$(BIN)/python tests/crash_campaign.py --trials $(or $(TRIALS),200) --loss-trials $(or $(LOSS_TRIALS),20)

bench: $(VENV)/.installed-bench ## Speed and memory against baselines (QUICK=1: a small run); bench/README.md
	$(BIN)/python -m bench $(if $(filter 1 yes true,$(QUICK)),--quick)

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
