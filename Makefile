# The README's two commands: `make run` and `make test`. Both bootstrap .venv from the
# pins in pyproject.toml, compile the translation catalogues, and then do their job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kedut-installed
LOCALES := tracker/i18n/locales
CATALOGUES := $(LOCALES)/en/LC_MESSAGES/kedut.mo $(LOCALES)/id/LC_MESSAGES/kedut.mo

.PHONY: run test bench bytecode lint typecheck imports migrations-check system-packages unit-tests catalogues pot clean

run: $(STAMP) $(CATALOGUES) bytecode
	@scripts/ensure-system-packages run
	$(BIN)/python main.py

# Kedut's modules compiled ahead, as `pip install` does for an installed package: with
# PYTHONDONTWRITEBYTECODE set, a checkout would compile them from source at every start
# (≈ 60 ms of the app's cold start). Quick when they are already up to date.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q tracker main.py

test: $(STAMP) $(CATALOGUES) system-packages lint typecheck imports migrations-check
	$(BIN)/python -m pytest

# Xvfb for the UI tests, PostgreSQL for the sync tests (installed as root when missing).
system-packages:
	@scripts/ensure-system-packages test

# Benchmarks are measured here, never in `make test` (tests stay fast).
bench: $(STAMP) $(CATALOGUES)
	@scripts/ensure-system-packages test
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python -m bench.run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

# `alembic check` on a fresh store migrated to head, on SQLite and on a throwaway
# PostgreSQL server: models and migrations never drift on either engine.
migrations-check: $(STAMP) system-packages
	$(BIN)/python -m tests.pg_server $(BIN)/python -m tracker.storage.check_migrations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

catalogues: $(CATALOGUES)

$(LOCALES)/%/LC_MESSAGES/kedut.mo: $(LOCALES)/%/LC_MESSAGES/kedut.po $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@

# Refresh the template and both catalogues after changing user-facing text.
pot: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -k _ -k gettext -k ngettext:1,2 \
		-o tracker/i18n/kedut.pot tracker
	$(BIN)/pybabel update --no-fuzzy-matching -i tracker/i18n/kedut.pot -d $(LOCALES) -D kedut
	@# Our texts use str.format; Babel would take "95% interval" for a %-placeholder.
	sed -i -e '/^#, python-format$$/d' -e 's/, python-format//' tracker/i18n/kedut.pot $(LOCALES)/*/LC_MESSAGES/kedut.po
	@# Indonesian has one plural form.
	sed -i -e 's/"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/"Plural-Forms: nplurals=1; plural=0;\\n"/' \
		-e '/^msgstr\[1\] ""$$/d' $(LOCALES)/id/LC_MESSAGES/kedut.po

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis $(CATALOGUES)
