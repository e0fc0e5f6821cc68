# The two commands of the README: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip -q --disable-pip-version-check

.PHONY: run test lint install install-test migrate demo check clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -e ".[test,s3]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

## make run: set up, migrate, load the demo (once) and serve at http://127.0.0.1:8000
run: demo
	@echo "Serving at http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: install the test dependencies, check the layers and the style, and run the whole suite
test: install-test lint
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

## make lint: the four layers (import-linter) and ruff's lint and format checks
lint: install-test
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install
	$(PY) manage.py check

clean:
	rm -rf $(VENV) var

## make serve: production, with gunicorn and whitenoise on PostgreSQL (see the README)
# Production: needs DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (postgres://...) in the environment.
GUNICORN_WORKERS ?= 3
BIND ?= 0.0.0.0:8000

.PHONY: serve bench reminders

serve: install
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn scrutiny.wsgi:application --bind $(BIND) --workers $(GUNICORN_WORKERS) \
		--access-logfile - --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

# 1x, 10x and 100x the demo in PostgreSQL database scrutiny_bench, then a Locust load run; writes bench/RESULTS.md.
bench: install
	$(PIP) install -e ".[bench]"
	$(PY) bench/run.py

# What cron runs once a day (see the README).
reminders: install
	$(PY) manage.py send_reminders
