"""Other names and descriptions the text gives a place it names.

* A second name after an alias marker: "Qayyarah Airfield West, also called “Q-West”" (the
  markers of ``aliases.tsv``, as for actors in :mod:`parley.nlp.coref`); later uses of the
  second name are the same place.
* An apposition that describes the place by what it is: "Raqqah, ISIL's self-proclaimed
  capital", "Ajdabiya, a town south of Benghazi": the description up to its head noun (a
  town or region noun, or one of ``place_description_heads`` in ``words.tsv``) is a mention
  of the place. An apposition headed by any other noun ("Mosul, a disaster") is not.
"""
from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Span

from parley.nlp.lexicon import WordLists
from parley.nlp.namekeys import abbreviation_like, alias_words

_QUOTES = {'"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "``", "''"}


class _Info(Protocol):
    place: object
    mentions: list[tuple[int, int, str]]
    literal: list[bool]

    def add(self, start: int, end: int, text: str, literal: bool) -> None: ...


def add_place_aliases(doc: Doc, out: dict[str, _Info], words: WordLists) -> None:
    """Add the second names and descriptions of the module docstring to the places of ``out``
    (whose mentions are character offsets of ``doc``). A second name the gazetteer lacks that
    was listed as a place of its own is merged into the place it names."""
    by_end = {}
    for info in out.values():
        for start, end, _ in info.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                by_end.setdefault(span.end, (info, span))
    names: dict[str, _Info] = {}
    for end, (info, span) in sorted(by_end.items()):
        other = _marked_name(doc, end)
        if other is not None:
            owner = _owner(out, other)
            if owner is None:
                info.add(other.start_char, other.end_char, other.text, True)
                names[other.text] = info
            elif owner is not info and owner.place is None:
                for (s, e, text), literal in zip(owner.mentions, owner.literal):
                    info.add(s, e, text, literal)
                del out[next(k for k, v in out.items() if v is owner)]
        described = _description(doc, span, words)
        if described is not None and _owner(out, described) is None:
            info.add(described.start_char, described.end_char, described.text, True)
    for tok in doc if names else ():
        info = names.get(tok.text)
        if info is not None and _owner(out, doc[tok.i:tok.i + 1]) is None:
            info.add(tok.idx, tok.idx + len(tok), tok.text, True)


def _owner(out: dict[str, _Info], span: Span) -> _Info | None:
    """The place one of whose mentions overlaps ``span``."""
    return next((info for info in out.values() for s, e, _ in info.mentions
                 if s < span.end_char and span.start_char < e), None)


def _marked_name(doc: Doc, end: int) -> Span | None:
    """The name after "PLACE, also called" ending at token ``end``: a run of capitalised words
    (inner hyphens allowed) or a short form, in quotes or not."""
    lower = [t.lower_ for t in doc[end:end + 8]]
    r = 1 if lower[:1] == [","] else 0
    marker = next((m for m in alias_words().markers if tuple(lower[r:r + len(m)]) == m), None)
    if marker is None:
        return None
    r = end + r + len(marker)
    while r < len(doc) and doc[r].text in _QUOTES:
        r += 1
    start = stop = r
    while stop < len(doc) and (doc[stop].is_title or doc[stop].is_upper or abbreviation_like(doc[stop].text)
                               or doc[stop].text in {"-", "\u2013"} and stop > start):
        stop += 1
    while stop > start and doc[stop - 1].text in {"-", "\u2013"}:
        stop -= 1
    return doc[start:stop] if stop > start else None


def _description(doc: Doc, span: Span, words: WordLists) -> Span | None:
    """The apposition describing the place ``span`` names, up to its head noun."""
    heads = words.town_nouns | words.region_nouns | words.place_description_heads
    for child in span.root.children:
        if child.dep_ != "appos" or child.i < span.end or child.pos_ != "NOUN" or child.lemma_.lower() not in heads:
            continue
        if not all(t.text == "," for t in doc[span.end:child.left_edge.i]):
            continue
        start = child.left_edge.i
        if start > child.i or doc[start].ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            continue
        return doc[start:child.i + 1]
    return None
