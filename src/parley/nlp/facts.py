"""What every kind of fact shares: the chunk it is turned into a model in, and dropping repeats.

A fact (``StatementInfo``, ``RelationInfo``, ...) has the Doc's own offsets; its ``to_model``
takes the :class:`Chunk` it was found in and returns the contract's dataclass with article
offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, TypeVar

from spacy.tokens import Doc

from parley.models import Article, Span

T = TypeVar("T")


@dataclass(frozen=True)
class Chunk:
    """One chunk's Doc as a part of its article, which starts ``offset`` characters in."""

    article: Article
    doc: Doc
    offset: int

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """A character span of the Doc as a span of the article."""
        return start + self.offset, end + self.offset

    def text(self, start: int, end: int) -> str:
        """The article's text at a character span of the Doc."""
        return self.article.text[start + self.offset:end + self.offset]

    def span(self, pair: tuple[int, int] | None) -> Span | None:
        """A character span of the Doc as the contract's Span of the article."""
        return Span(pair[0] + self.offset, pair[1] + self.offset) if pair else None

    def role_of(self, actor_id: str) -> str | None:
        """The role this chunk gives an actor ("Deputy Foreign Minister")."""
        actor = self.doc._.parley_actors.actors.get(actor_id)
        return actor.role if actor is not None else None

    def place_at(self, start: int, end: int) -> str | None:
        """The first place of this chunk named as a location inside a character span of the
        Doc ("fighting in Tripoli"; not "Moscow said")."""
        for place in self.doc._.parley_places:
            if any(start <= s < end and literal for (s, _, _), literal in zip(place.mentions, place.literal)):
                return place.name
        return None


def unique(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first item of each key, in order."""
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
