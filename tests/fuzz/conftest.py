"""Fixtures for the fuzz suite: the generated cases, the schema validator, a loaded model."""
from __future__ import annotations

import os

import jsonschema
import pytest

from .generate import Case, generate

SEED = int(os.environ.get("PARLEY_FUZZ_SEED", "17"))
# A share of the cases, for a quick look while working on the suite (the full set is 1).
SCALE = float(os.environ.get("PARLEY_FUZZ_SCALE", "1"))


@pytest.fixture(scope="session")
def cases() -> list[Case]:
    if SCALE == 1:
        return generate(SEED)
    return generate(SEED, texts=int(1100 * SCALE), files=int(550 * SCALE), jsonl=int(450 * SCALE))


@pytest.fixture(scope="session")
def validator():
    from parley.schema import load_schema

    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="session")
def warm():
    """Load the model once, so that no measured call pays for it."""
    import parley

    parley.analyze("Russia supports the ceasefire, Turkey said.")
