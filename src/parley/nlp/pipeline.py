"""The spaCy pipeline: the model's parse and NER, then Parley's components.

Each extractor module declares its own component (``Language.factory``, with what it requires
from and assigns to the Doc); the order they run in is the one list in ``data/pipeline.cfg``.
"""
from __future__ import annotations

import configparser
import functools
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

# importing the extractor modules registers their factories
from parley.nlp import actors, attribution, conditionals, demands, events, mentions, paragraphs, places, relations, statements  # noqa: F401
from parley.errors import LexiconError, ModelError
from parley.nlp.footnotes import split_footnotes
from parley.nlp.lexicon import DATA_DIR

PIPES_FILE = DATA_DIR / "pipeline.cfg"


@functools.lru_cache(maxsize=4)
def parley_pipes(path: Path = PIPES_FILE) -> tuple[str, ...]:
    """Parley's component names in the order they run: ``[parley] pipes`` of a config file.

    Args:
        path: the config file; default: the package's ``nlp/data/pipeline.cfg``.

    Returns:
        The factory names, in order.

    Raises:
        LexiconError: the file is missing or malformed, or has no list of names at ``[parley] pipes``.
    """
    try:
        pipes = Config().from_disk(path, interpolate=False)["parley"]["pipes"]
    except (OSError, KeyError, ValueError, configparser.Error) as exc:
        raise LexiconError(f"{path}: no [parley] pipes list ({type(exc).__name__}: {exc})") from None
    if not isinstance(pipes, list) or not all(isinstance(p, str) for p in pipes):
        raise LexiconError(f"{path}: [parley] pipes is not a list of component names")
    return tuple(pipes)


def add_parley_pipes(nlp: Language, *, kb: str | None = None) -> Language:
    """Add Parley's components to a pipeline, in the order of :func:`parley_pipes`.

    The pipeline needs no parser or NER of its own when its Docs already carry heads,
    dependencies, lemmas and entities (``spacy.blank("en")`` with hand-built Docs).

    Args:
        nlp: the pipeline.
        kb: a knowledge-base file or folder; None: the package's own.

    Returns:
        ``nlp``, with the components added at its end.
    """
    for name in parley_pipes():
        nlp.add_pipe(name, config={"kb": kb})
    return nlp


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str, kb: str | None = None) -> Language:
    """The named spaCy pipeline with Parley's components added (cached per process); before
    its parser, ``parley_paragraphs`` ends a sentence at each blank line.

    Args:
        model: the installed spaCy pipeline (it needs a parser and NER).
        kb: a knowledge-base file or folder; None: the package's own.

    Returns:
        The pipeline.

    Raises:
        ModelError: the model is not installed or lacks a parser or NER.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"cannot load the spaCy pipeline {model!r}: is it installed? "
                         f"({str(exc).splitlines()[0][:200]})") from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}")
    split_footnotes(nlp)   # "the Levant.[1]": the mark is a token of its own
    if "parley_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("parley_paragraphs", before="parser")   # blank lines end sentences
    if "parley_footnotes" not in nlp.pipe_names:
        nlp.add_pipe("parley_footnotes", before="parser")   # reference marks close sentences
    return add_parley_pipes(nlp, kb=kb)


def pipeline_name(nlp: Language) -> str:
    """The pipeline's name as an analysis reports it: ``en_core_web_sm-3.8.0``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
