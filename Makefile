# ogp-platform task runner. `make help` lists the targets.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install run serve test test-fast test-browser lint format typecheck messages \
        check-messages migrations-check deploy-check browser-deps bench-deps ci bench screenshots \
        clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; install Python 3.11 (apt-get install python3 python3-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@mkdir -p var
	@touch $(STAMP)

install: $(STAMP) ## create or reuse .venv and install the platform with its dev tools

run: install ## migrate the embedded SQLite database, seed, serve on http://127.0.0.1:8000 (+ task worker)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed
	@$(MANAGE) db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(MANAGE) runserver $(HOST):$(PORT)

browser-deps: ## install Debian's chromium, gettext and DejaVu fonts (letter PDFs) when missing
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

bench-deps: ## install wrk (bench/volume_http.py) when missing
	@command -v wrk >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }

test: install browser-deps ## run every test (unit, integration, browser) on $$DATABASE_URL or SQLite
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test-fast: install ## every test except the browser journeys
	$(BIN)/pytest -n 2 --dist loadfile -m "not browser" $(PYTEST_ARGS)

test-browser: install browser-deps ## only the Playwright journeys
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

lint: install ## ruff lint + format check, import contracts (pure rules import no Django)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install ## apply ruff formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install ## mypy with django-stubs
	$(BIN)/mypy ogp config

messages: install ## extract and compile en/fr/es catalogues
	$(PY) scripts/messages.py

check-messages: install ## compile catalogues and fail on any untranslated or fuzzy fr/es message
	$(PY) scripts/messages.py --compile-only
	$(PY) scripts/check_translations.py

migrations-check: install ## fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

deploy-check: install ## Django's deployment checks with production-like settings
	DJANGO_SETTINGS_MODULE=config.settings.production DEBUG=false \
	SECRET_KEY=ci-only-$$(date +%s%N)-long-enough-secret-key-for-the-deploy-check-0123456789 \
	ALLOWED_HOSTS=ogp.example.org $(MANAGE) check --deploy --fail-level WARNING

ci: lint typecheck migrations-check check-messages deploy-check test ## everything CI runs on one database

screenshots: install browser-deps ## desk and phone screenshots of the main pages into docs/screenshots/
	$(PY) scripts/screenshots.py

bench: install bench-deps ## benchmarks (figures printed; see bench/; volume_http.py needs DATABASE_URL)
	@for script in bench/eligibility*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean: ## remove the virtualenv and local data
	rm -rf $(VENV) var
