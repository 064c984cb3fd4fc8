# Parley: `make demo` runs the main job on the example article; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
TEST_MARKERS ?= not slow and not postgres and not browser
PYTEST_ARGS ?=

.PHONY: install demo test clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/parley analyze examples/libya-ceasefire-conditions.txt --date 2020-06-18

test: install
	$(VENV)/bin/pytest -q -m "$(TEST_MARKERS)" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
