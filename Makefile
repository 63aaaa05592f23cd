# atazan — the two commands: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: demo test install lint bench crawl serve clean chromium nginx stack stack-stop

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

## make demo: set up, migrate the SQLite database under var/, load the official texts and every context's demo data,
## and serve at http://127.0.0.1:$(PORT)
demo: install
	$(BIN)/atazan demo --serve --port $(PORT)

serve: install
	$(BIN)/atazan serve --port $(PORT)

## Debian's Chromium for the browser tests (nothing is downloaded by the test tools themselves)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }; \
	  else sudo apt-get install -y chromium; fi; }

## Debian's nginx for `make stack` (the caching reverse proxy; it runs as the current user from var/stack/)
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y nginx >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y nginx >/dev/null; }; \
	  else sudo apt-get install -y nginx; fi; }

## make stack: referendum night on one machine (docs/deploy.md): nginx caching in front of two gunicorn instances on
## one PostgreSQL database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/atazan_stack, created and filled
## with the demo when missing) and Redis (REDIS_URL); served at http://127.0.0.1:$(STACK_PORT). make stack-stop ends it.
STACK_PORT ?= 8080
stack: install nginx
	ATAZAN_STACK_PORT=$(STACK_PORT) $(BIN)/python deploy/stack.py start

stack-stop:
	$(BIN)/python deploy/stack.py stop

## make test: install what the tests need (Chromium for the browser tests, nginx for the stack's proxy tests) and run
## the whole suite
test: install chromium nginx
	$(BIN)/python -m pytest -q --durations=15

## make crawl: the demo-wide checks (English share of every kk/ru page, every page at 375 px); each builds the whole
## demo first (minutes), so they are not part of `make test`
crawl: install chromium
	$(BIN)/python -m pytest -q -m demo_crawl

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/atazan/*/domain
	$(BIN)/lint-imports

bench: install
	$(BIN)/pip install --quiet -e '.[test,bench]'
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
