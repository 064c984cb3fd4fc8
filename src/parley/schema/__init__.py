"""The JSON Schema of the analysis contract (``parley.analysis/1``), shipped with the package.

The file is generated from the dataclasses in :mod:`parley.models` (see
:mod:`parley.schema.generate`); after changing them, regenerate it with
``python -m parley.schema > src/parley/schema/analysis.schema.json``. A test fails while the
file and the models differ.
"""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "analysis.schema.json"


@functools.lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``Analysis.to_dict()`` validates against.

    Returns:
        A fresh dict on each call, so callers may modify it.
    """
    return json.loads(_schema_text())
