# Parley: `make demo` analyses the example article, stores the examples in ./parley.db and opens
# the web UI on http://127.0.0.1:8000; `make test` runs the tests (both install what they need).
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

DEMO_DB ?= sqlite:///parley.db
# Plain-text examples carry no date: these are theirs (any other example gets the first). The
# examples go into one JSONL file with their dates, so that one ingest (one model load) stores them.
DEMO_DATES := libya-ceasefire-conditions=2020-06-18 libya-berlin-follow-up=2020-06-21 \
              syria-constitutional-committee=2020-08-29 yemen-stockholm-prisoners=2020-09-27
DEMO_JSONL := build/examples.jsonl
define DEMO_RECORDS
import json, pathlib, sys
dates = dict(pair.split("=") for pair in sys.argv[1:])
for path in sorted(pathlib.Path("examples").glob("*.txt")):
    print(json.dumps({"source": str(path), "published": dates.get(path.stem, sys.argv[1].split("=")[1]),
                      "text": path.read_text(encoding="utf-8")}, ensure_ascii=False))
endef
export DEMO_RECORDS

demo: install
	$(VENV)/bin/parley analyze examples/libya-ceasefire-conditions.txt --date 2020-06-18
	@mkdir -p $(dir $(DEMO_JSONL))
	@$(PY) -c "$$DEMO_RECORDS" $(DEMO_DATES) > $(DEMO_JSONL)
	$(VENV)/bin/parley ingest $(DEMO_JSONL) --db $(DEMO_DB)
	$(VENV)/bin/parley stats --db $(DEMO_DB)
	@echo "Parley UI: http://127.0.0.1:8000"
	$(VENV)/bin/parley serve --db $(DEMO_DB) --host 127.0.0.1 --port 8000

# pytest exits 5 when a marker selects no test: that is not a failure here
test: install
	$(VENV)/bin/pytest -q -m "$(TEST_MARKERS)" $(PYTEST_ARGS); rc=$$?; [ $$rc -eq 5 ] && exit 0; exit $$rc

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
