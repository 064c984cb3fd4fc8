"""Parley: who says what, who backs whom, and who demands what, from conflict news."""
__version__ = "0.1.0"

from parley.analyzer import analyze, analyze_many  # noqa: E402
from parley.models import (Actor, Analysis, Article, Conditional, Demand, Event, Mention,  # noqa: E402
                           Place, Relation, Statement)

__all__ = ["analyze", "analyze_many", "Actor", "Analysis", "Article", "Conditional", "Demand",
           "Event", "Mention", "Place", "Relation", "Statement", "__version__"]
