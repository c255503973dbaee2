# Two front doors: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL suite; scripts/prepare-tests creates this role and database.
SELFTRUST_TEST_POSTGRES_URL ?= postgres://selftrust:selftrust@127.0.0.1:5432/selftrust
# Test processes (pytest-xdist): CI has two cores; browser tests mostly wait, so two suit it.
TEST_PROCESSES ?= 2

.PHONY: run test prepare-tests test-quick lint format test-sqlite test-browser test-postgres bench bench-screening bench-clinic clean

$(BIN)/.runtime: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

run: $(BIN)/.runtime
	$(BIN)/selftrust migrate
	$(BIN)/selftrust serve --host $(HOST) --port $(PORT)

# Prepares chromium and PostgreSQL first (scripts/prepare-tests), and a missing browser fails
# the browser tests instead of skipping them.
test: export SELFTRUST_REQUIRE_BROWSER = 1
test: prepare-tests lint test-sqlite test-postgres

prepare-tests:
	bash scripts/prepare-tests

# Unit and integration tests only, no browser and no PostgreSQL: a quick loop while working.
test-quick: $(BIN)/.dev
	$(BIN)/pytest -n $(TEST_PROCESSES) -m "not browser" -q

lint: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Unit, integration and browser tests on SQLite.
test-sqlite: $(BIN)/.dev
	$(BIN)/pytest -n $(TEST_PROCESSES)

test-browser: $(BIN)/.dev
	$(BIN)/pytest tests/browser

# The same migrations and tests (browser flows excluded: they prove the UI, not the database).
test-postgres: $(BIN)/.dev
	DATABASE_URL=$(SELFTRUST_TEST_POSTGRES_URL) $(BIN)/pytest -n $(TEST_PROCESSES) -m "not browser" -q

format: $(BIN)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(BIN)/.dev bench-screening
	$(BIN)/python bench/run.py
	$(BIN)/python bench/durability.py

bench-screening: $(BIN)/.dev
	$(BIN)/python bench/screening.py

# The clinic on PostgreSQL (a scratch database on the server DATABASE_URL names).
bench-clinic: $(BIN)/.dev
	DATABASE_URL=$${DATABASE_URL:-$(SELFTRUST_TEST_POSTGRES_URL)} $(BIN)/python bench/clinic.py

clean:
	rm -rf $(VENV) .pytest_cache
