# Secretariat: `make demo` to try it, `make test` to check it. GNU make.
#
# Works on a fresh Debian machine with python3 (3.11+) and python3-venv; run as root, it installs
# python3-venv (and gettext for `make messages`) itself when they are missing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Settings need a SECRET_KEY even for static checks (mypy's Django plugin and makemigrations load
# them). A key set in the environment wins; `.env` is only read by the settings, not by make.
CHECKS_SECRET_KEY := checks-only-not-secret

.PHONY: help install env demo check test lint-fix messages

help:
	@echo "make demo      run the demo on http://127.0.0.1:$(PORT) (SQLite, CSTO data, demo users)"
	@echo "make test      static checks, then the test suite (DATABASE_URL picks the database)"
	@echo "make check     static checks only: ruff, import-linter, mypy, migrations"
	@echo "make lint-fix  let ruff fix and format what it can"
	@echo "make messages  regenerate and compile the ru and en translations"
	@echo "make install   create .venv and install the project with its dev tools"

install: $(STAMP)

# Reinstall when pyproject.toml changes; create the venv only when there is none.
$(STAMP): pyproject.toml
	@if [ ! -x $(BIN)/python ]; then \
	  if ! $(PYTHON) -m venv $(VENV); then \
	    rm -rf $(VENV); \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      echo "python3-venv is missing: installing it"; \
	      DEBIAN_FRONTEND=noninteractive apt-get update -q; \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv; \
	      $(PYTHON) -m venv $(VENV); \
	    else \
	      echo "cannot create $(VENV): install python3-venv (apt-get install python3-venv)" >&2; \
	      exit 1; \
	    fi; \
	  fi; \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $@

# A git-ignored .env with a random key, written once and never overwritten.
env: .env

.env:
	@umask 077 && $(PYTHON) -c 'import secrets, string; \
	  alphabet = string.ascii_letters + string.digits + "-_"; \
	  print("SECRET_KEY=" + "".join(secrets.choice(alphabet) for _ in range(50)))' > $@
	@echo "DEBUG=true" >> $@
	@echo "wrote $@ (a random SECRET_KEY, DEBUG=true); it is git-ignored: keep it out of commits"

demo: install env
	$(BIN)/secretariat demo --port $(PORT)

# Without DATABASE_URL, makemigrations checks against an empty in-memory SQLite rather than var/
# (absent in a fresh clone; a developer's own data is not what the check is about).
check: export SECRET_KEY ?= $(CHECKS_SECRET_KEY)
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	DATABASE_URL="$${DATABASE_URL:-sqlite://:memory:}" $(BIN)/secretariat makemigrations --check --dry-run

test: check
	$(BIN)/pytest

lint-fix: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: export SECRET_KEY ?= $(CHECKS_SECRET_KEY)
messages: install
	@if ! command -v xgettext >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -q; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q gettext; \
	  else \
	    echo "makemessages needs GNU gettext: apt-get install gettext" >&2; exit 1; \
	  fi; \
	fi
	cd src/secretariat && ../../$(BIN)/secretariat makemessages -l ru -l en --ignore='.venv/*'
	cd src/secretariat && ../../$(BIN)/secretariat compilemessages
