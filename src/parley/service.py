"""Orchestration shared by the CLI and the API: sources -> analyses (-> store: ``ingest``)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from rich.console import Console

from parley.config import Settings
from parley.errors import ParleyError
from parley.ingest.pipeline import Result, analyse_units
from parley.ingest.fetch import FetchOptions
from parley.ingest.sources import Unit, expand_sources


class SeveralArticles(ParleyError):
    """Exactly one article was asked for, and the sources name several (or a folder)."""


def analyze_sources(sources: list[str], *, settings: Settings, published: str | None = None,
                    console: Console | None = None, single: bool = False,
                    fetch_options: FetchOptions = FetchOptions()) -> Iterator[Result]:
    """Analyse every article the sources name, in order; a bad one is a Result with an error.

    Args:
        sources: files, folders, glob patterns, ``-`` (standard input), JSONL files, http(s)
            pages or RSS/Atom feeds, as ``parley.ingest.sources`` reads them.
        settings: the model, knowledge base and batch size.
        published: date for articles that carry none.
        console: where progress goes (stderr): a bar on a terminal, else plain lines; None for none.
        single: refuse, before analysing anything, sources that name more than one article.
        fetch_options: which addresses URLs and feed links may reach, and the limits of a fetch.

    Returns:
        One Result per article, and one per source that named none.

    Raises:
        SeveralArticles: ``single`` and the sources name several articles; the message says why.
    """
    if single and len(sources) > 1:
        raise SeveralArticles(f"{len(sources)} inputs given")
    if single and sources[0] != "-" and Path(sources[0]).is_dir():
        raise SeveralArticles(f"{sources[0]} is a folder")
    units = list(expand_sources(sources, fetch_options=fetch_options))
    found = sum(isinstance(unit, Unit) for unit in units)
    if single and found > 1:
        raise SeveralArticles(f"{sources[0]} holds {found} articles")
    return analyse_units(units, settings=settings, published=published, console=console)


def explain_name(name: str, *, kb: str | None = None, date: str | None = None,
                 within: str | None = None) -> list[str]:
    """Lines saying how a name resolves: knowledge-base rules, then the gazetteer's candidate
    places, each with its score and why, the chosen one first.

    Args:
        name: a name as a text would have it.
        kb: a YAML file merged over the built-in knowledge base.
        date: resolve as of this date (YYYY-MM-DD).
        within: a region or country the text puts the place in ("Austin, Texas").

    Returns:
        One line per way the name resolves, or one saying it does not.
    """
    from parley.knowledge.gazetteer import load_gazetteer
    from parley.knowledge.kb import load_kb

    base = load_kb(kb)
    lines = base.explain(name, day=date)
    gaz = load_gazetteer()
    region = None
    if within:
        region = next((p for p in gaz.candidates(within, fuzzy=False, qualifier=True)
                       if p.kind in {"region", "country"}), None)
        if region is None:
            lines.append(f"{within!r}: no gazetteer region or country; ignored")
    choice = gaz.resolve(name, within=region)
    for rank, (score, place, why) in enumerate(choice.scored[:5] if choice else ()):
        how = "exact name" if place in gaz.exact.get(_fold(name), []) else "transliteration key"
        mark = "chosen" if rank == 0 else "candidate"
        lines.append(f"{name!r} -> place {place.name} ({place.kind}, {place.country}, {place.lat}, {place.lon}; "
                     f"geonames {place.geonames_id}) by {how}: {mark}, score {score:.2f} ({why})")
    if choice is not None and base.explain(name, day=date):
        lines.append(f"{name!r}: a known actor; in a text it is a place only where it is used as one")
    if not lines:
        lines.append(f"{name!r}: no knowledge-base actor or gazetteer place; in a text it would be "
                     f"kept as a new actor or place named by its own words")
    return lines


def _fold(name: str) -> str:
    from parley.knowledge.gazetteer import fold

    return fold(name)
