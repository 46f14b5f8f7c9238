# The two commands: `make run` (development server with demo content) and
# `make test` (the whole suite). See README.md.
# The first interpreter on PATH that really runs and is 3.11 or newer.
PYTHON ?= $(shell for p in python3 python3.11 python3.12 python3.13; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test serve install install-dev system-packages lint format check messages messages-check bench screenshots map-outlines clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production mode on one machine (README "Production"): DEBUG off, deploy checks, migrations,
# fingerprinted static files for WhiteNoise, gunicorn with tep_portal/gunicorn.conf.py on
# $(HOST):$(PORT). Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS in the environment.
HOST ?= 127.0.0.1
PROD := env DJANGO_ENV=production
serve: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve: set DJANGO_SECRET_KEY (a random string of 50+ characters)" >&2; exit 2; }
	@test -n "$$DJANGO_ALLOWED_HOSTS" || { echo "make serve: set DJANGO_ALLOWED_HOSTS (e.g. portal.example.org)" >&2; exit 2; }
	$(PROD) $(BIN)/python manage.py check --deploy
	$(PROD) $(BIN)/python manage.py migrate --noinput
	$(PROD) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	exec $(PROD) HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config tep_portal/gunicorn.conf.py tep_portal.wsgi

# axe-core and the Nu Html Checker (vnu.jar), used by the browser and HTML validity tests.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Debian's Chromium, CJK fonts, gettext and Java for the browser and HTML validity tests: installed
# when missing (scripts/system-packages.sh, shared with .ci/run), or the exact command to run is shown.
system-packages:
	@bash scripts/system-packages.sh

test: install-dev node_modules/.package-lock.json system-packages
	$(BIN)/pytest

# Performance figures (README "Performance"): a large generated data set in a fresh database, the
# production server on loopback, 16 connections per page. About 8 minutes. For PostgreSQL:
# make bench BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/tep_bench (dropped and created again).
bench: install
	$(BIN)/python scripts/bench.py

# Full-page PNGs of every page type at 375 and 1280 px in screenshots/ (git-ignored).
screenshots: install-dev
	$(BIN)/python scripts/screenshots.py

# The partnership map's land outlines (static/geo/land-*.svg, committed) from Natural Earth's land-50m
# in the npm package world-atlas: README "Map and open data".
map-outlines: install-dev node_modules/.package-lock.json
	$(BIN)/python scripts/build_map_outlines.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# The Simplified Chinese interface: collect every marked string from the templates and the
# Python code into locale/zh_Hans/LC_MESSAGES/django.po, then compile django.mo. Commit both
# (`make run` then needs no gettext tools); CI fails when the .po is behind the code.
# File-only locations keep line numbers out of the .po, so unrelated edits do not churn it.
PO := locale/zh_Hans/LC_MESSAGES/django.po
MAKEMESSAGES := $(BIN)/python manage.py makemessages -l zh_Hans --no-obsolete --add-location=file \
	--ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media --ignore=tests --ignore=scripts
messages: install-dev
	$(MAKEMESSAGES)
	$(BIN)/python manage.py compilemessages -l zh_Hans --ignore=.venv --ignore=node_modules
	@echo "zh_Hans: $$(msgattrib --untranslated $(PO) | grep -c '^msgid ') untranslated and" \
		"$$(msgattrib --only-fuzzy $(PO) | grep -c '^msgid ') fuzzy entries left in $(PO)"

# CI: the committed .po must already hold every marked string (POT-Creation-Date aside, which
# makemessages stamps on every change). tests/test_translations.py checks each entry is translated and
# that the committed .mo holds exactly the .po's translations.
messages-check: install-dev
	$(MAKEMESSAGES)
	@git diff --exit-code -I '^"POT-Creation-Date: ' -- $(PO) || { \
		echo "$(PO) is behind the code: run 'make messages', translate the new entries, commit both files." >&2; exit 1; }

clean:
	rm -rf $(VENV) staticfiles .pytest_cache node_modules screenshots
