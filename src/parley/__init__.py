"""Parley: who says what, who backs whom, and who demands what, from conflict news."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parley.version import __version__

if TYPE_CHECKING:  # pragma: no cover - for type checkers only; loaded lazily below
    from parley.analyzer import analyze, analyze_many
    from parley.models import (Actor, Analysis, Article, Conditional, Demand, Event, Mention, Place,
                               Relation, Statement)

__all__ = ["analyze", "analyze_many", "Actor", "Analysis", "Article", "Conditional", "Demand",
           "Event", "Mention", "Place", "Relation", "Statement", "__version__"]

_LAZY = {"analyze": "parley.analyzer", "analyze_many": "parley.analyzer"}


def __getattr__(name: str) -> Any:
    """The public API, imported on first use so that ``import parley`` stays light (no spaCy)."""
    if name in _LAZY or name in __all__:
        import importlib

        module = importlib.import_module(_LAZY.get(name, "parley.models"))
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'parley' has no attribute {name!r}")
