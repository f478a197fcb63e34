# Everyday commands. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON_VERSION := 3.12
VENV := .venv
PY := $(VENV)/bin/python
# Local development: DEBUG on, SQLite, e-mails printed to the console. Override on the command line.
DEV_ENV := DEBUG=1
MANAGE := $(DEV_ENV) $(PY) manage.py
DEMO_PASSWORD ?= demo-password-v4
# `make run` shows the site as on a day before the Olomouc seminar, so registration can be tried out
# (v4project/clock.py); `make run DEMO_DATE=` shows it on the real clock.
DEMO_DATE ?= 2023-06-01

.PHONY: run test audit lint format check messages makemessages migrations-check install seed browser-deps deploy-deps pdf-deps clean bench bench-deps

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@python$(PYTHON_VERSION) --version >/dev/null 2>&1 || { echo "Python $(PYTHON_VERSION) is needed (see README)."; exit 1; }
	python$(PYTHON_VERSION) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

messages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

# English is the source language: its catalogue copies each message (msgen), so it is complete too.
# djangojs: the admin's own JavaScript messages translated again (v4project/library_messages.js) and ours.
makemessages: install
	$(MANAGE) makemessages -l cs -l sk -l pl -l hu -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests
	$(MANAGE) makemessages -d djangojs -l cs -l sk -l pl -l hu -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests --ignore=vendor
	for domain in django djangojs; do \
	  msgattrib --clear-fuzzy --empty --clear-previous --no-wrap -o locale/en/LC_MESSAGES/$$domain.po locale/en/LC_MESSAGES/$$domain.po && \
	  msgen --no-wrap -o locale/en/LC_MESSAGES/$$domain.po locale/en/LC_MESSAGES/$$domain.po || exit 1; \
	done

# The site and its worker (e-mails, scheduled jobs) in one terminal: e-mails print here; Ctrl+C stops both.
run: install messages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable
	DEMO_PASSWORD=$(DEMO_PASSWORD) $(MANAGE) seed_demo
	@DEMO_DATE=$(DEMO_DATE) $(MANAGE) run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEMO_DATE=$(DEMO_DATE) $(MANAGE) runserver 127.0.0.1:8000

seed: install
	DEMO_PASSWORD=$(DEMO_PASSWORD) $(MANAGE) seed_demo

# Browser tests need Debian's Chromium; install it once if it is missing (needs root, as on CI).
# and the checkers the browser suite uses (axe-core, the Nu HTML checker) from npm, pinned by package-lock.
browser-deps: tests/browser/node_modules/.installed
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }

tests/browser/node_modules/.installed: tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --silent --no-audit --no-fund
	touch $@

# The deployment tests run nginx with docs/deploy/nginx.conf; install it once if it is missing (needs root, as
# on CI), without starting Debian's own nginx service (a policy-rc.d that refuses, only during the install).
deploy-deps:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  made=; if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made=1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; status=$$?; \
	  if [ -n "$$made" ]; then rm -f /usr/sbin/policy-rc.d; fi; exit $$status; }

# WeasyPrint (badges, certificates, attendance sheets as PDF) draws text with Pango: Debian 12 usually has it;
# install it once if it is missing (needs root, as on CI).
pdf-deps:
	@ldconfig -p | grep 'libpangoft2-1.0.so.0' >/dev/null || { apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; }

test: install messages browser-deps deploy-deps pdf-deps
	$(VENV)/bin/pytest

# Lighthouse on the home page, an event and the registration form in two languages, served as in
# production; reports in audit/. Fails below 1.0 for accessibility, best practices and SEO.
audit: install messages browser-deps
	$(PY) tests/browser/lighthouse.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

check: lint migrations-check messages test

clean:
	rm -rf $(VENV) staticfiles .test-media

# The benchmark against a bare Django app on this machine (issue 7): PostgreSQL at 127.0.0.1:5432 (user
# postgres), wrk and Chromium from Debian. Prints the table, writes bench/results/latest.{json,md}, and
# fails when a budget does.
bench-deps: browser-deps
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

bench: install messages bench-deps
	$(PY) -m bench.run
	$(PY) -m bench.documents
