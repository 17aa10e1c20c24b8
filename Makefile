# Praatplein. `make run` and `make test` are all a newcomer needs; see README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint fuzz bench bench-web bench-chat nlp-model eval messages worker clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# The server starts in the background; once it listens, the demo accounts and the address are
# printed, last, where they stay in sight. Ctrl+C stops the server.
run: install
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py load_demo --no-accounts
	@$(PY) manage.py runserver $(HOST):$(PORT) & server=$$!; \
	trap 'pkill -TERM -P $$server; kill $$server 2>/dev/null' INT TERM EXIT; \
	$(PY) -c "import socket, time; any(socket.socket().connect_ex(('$(HOST)', $(PORT))) == 0 or time.sleep(0.3) for _ in range(200))"; \
	$(PY) manage.py load_demo --accounts-only --url http://$(HOST):$(PORT)/; \
	wait $$server

# The gates CI runs: Django's checks, migrations in step with the models, lint, types, then every test.
test: install
	$(PY) manage.py check --fail-level WARNING --settings=config.settings.test
	$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(PY) -m ruff check .
	$(PY) -m mypy .
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy .

# The full fuzzing run: 90,000 generated inputs at the filter and 10,000 at the post forms
# (CI runs 6,000 and 500 of them; see tests/fuzzing.py). About 16 minutes on 2 cores.
fuzz: install
	FUZZ_FILTER_EXAMPLES=45000 FUZZ_FORM_EXAMPLES=5000 $(PY) -m pytest -q -p no:cacheprovider \
		--hypothesis-show-statistics --durations=0 tests/nlp_models/test_fuzz.py tests/forum/test_fuzz.py

bench: install
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev,bench]"
	$(PY) -m nlp_models.bench

# Serves the site with gunicorn on loopback and loads its pages with wrk; see bench/web.py.
bench-web: install
	command -v wrk >/dev/null || apt-get install -y wrk
	$(PY) -m bench.web

# One uvicorn process holding chats over WebSockets with the Redis channel layer (REDIS must run);
# on PostgreSQL when DATABASE_URL names it, else a scratch SQLite file. See chat/bench.py.
bench-chat: install
	$(PY) -m chat.bench $(BENCH_ARGS)

# The name model, then the post classifier (both from files in the repo; about 3 minutes on 2 cores).
nlp-model: install
	$(PY) -m nlp_models.train
	$(PY) -m nlp_models.train_classifier

# The whole filter on the frozen test split and, when it is there, ../shared/dev-posts.jsonl: figures,
# a confusion table per decision and category, and the misses. Not a test.
eval: install
	$(PY) -m nlp_models.evaluate

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=tests
	$(PY) manage.py compilemessages -l en --ignore=.venv

worker: install
	$(VENV)/bin/celery -A config worker --beat --loglevel=INFO

clean:
	rm -rf $(VENV) .test-db.sqlite3 staticfiles
