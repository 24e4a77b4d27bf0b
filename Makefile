# Tuuma: `make run` serves the demo municipality, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
CHROMIUM := /usr/bin/chromium

# Local development: debug on, plain HTTP.
DEV_ENV := DEBUG=true SECURE_COOKIES=false SECURE_SSL_REDIRECT=false
# Tests: production settings except HTTPS, which the test client does not speak.
TEST_ENV := DEBUG=false SECRET_KEY=test-secret-key-not-for-production-0123456789abcdefghij \
	SECURE_COOKIES=false SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=*

.PHONY: help setup bytecode static run test test-fast lint format messages migrations-check bench-caselog bench-ideas bench-web clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

# editable_mode=compat: a plain path entry, so no process imports an import hook
# at start-up (that costs ~15 ms of every `tuuma caselog` run).
$(VENV)/.installed: pyproject.toml requirements.lock Makefile
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 ($(PYTHON)) is required"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv
	$(VENV)/bin/uv pip sync --quiet --compile-bytecode --python $(PY) requirements.lock
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) --no-deps \
		--config-settings editable_mode=compat -e .
	touch $@

# Byte-compiled once, so no process pays for compiling (PYTHONDONTWRITEBYTECODE).
bytecode: $(VENV)/.installed
	@$(PY) -m compileall -q -x '/(tests|migrations)/' tuuma

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is required: apt-get install -y npm"; exit 1; }
	npm ci --no-audit --no-fund --silent
	touch $@

setup: $(VENV)/.installed node_modules/.installed messages bytecode ## Create the environment (idempotent)
	@mkdir -p var

messages: $(VENV)/.installed ## Compile the fi/sv/en translations
	@for dir in tuuma/*/locale; do (cd $$dir/.. && $(DEV_ENV) $(CURDIR)/$(PY) $(CURDIR)/manage.py compilemessages -v 0) || exit 1; done

run: setup ## Migrate, load the demo municipality and serve on http://127.0.0.1:8000 with the worker
	$(DEV_ENV) $(MANAGE) migrate --noinput -v 0
	$(DEV_ENV) $(MANAGE) seed_demo --if-empty
	@echo "Tuuma is at http://127.0.0.1:8000 (Ctrl-C stops the server and the worker)"
	@trap 'kill 0' INT TERM EXIT; \
	$(DEV_ENV) $(MANAGE) worker & \
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000 --noreload

$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium; \
	else echo "Browser tests need Debian's chromium at $(CHROMIUM): apt-get install chromium"; exit 1; fi

static: setup
	@$(TEST_ENV) $(MANAGE) collectstatic --noinput -v 0

test: setup static $(CHROMIUM) ## Run every test (unit, integration, browser)
	$(TEST_ENV) $(PY) -m pytest -n 2 $(PYTEST_ARGS)

test-fast: setup static ## Every test but the browser ones
	$(TEST_ENV) $(PY) -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)

lint: setup ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: setup
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run

makemessages: setup ## Refresh the .po files after changing user-facing text
	for dir in tuuma/*/locale; do (cd $$dir/.. && $(DEV_ENV) $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l fi -l sv -l en --no-location --ignore 'engine/*' -v 0) || exit 1; done

bench-caselog: setup ## Case-log engine against PM4Py (see bench/README.md)
	$(PY) bench/caselog/run.py

bench-ideas: setup static ## Idea pages with 100,000 ideas on PostgreSQL (see bench/README.md)
	$(TEST_ENV) $(PY) bench/ideas/run.py

bench-web: setup static ## Pages under 10 and 50 users: gunicorn + PostgreSQL + locust (see bench/README.md)
	$(TEST_ENV) $(PY) bench/web/run.py

clean: ## Remove the environment and local data
	rm -rf $(VENV) node_modules var
