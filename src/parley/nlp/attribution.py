"""The trained attribution model: content, source and cue spans proposed by a small CNN tagger.

The model (``nlp/models/attribution``, trained by ``tools/train_attribution.py``; see
``docs/attribution-model.md``) is a spaCy ``tok2vec`` + ``ner`` pipeline of its own. It is
loaded lazily, once per process, from the package, never downloaded, and runs on the tokens of
the Doc the main pipeline parsed, so its spans share the Doc's token offsets.

Which attribution is used is the ``attribution`` setting: ``rules``, ``model`` or ``both`` (the
default); the analyser puts it on each Doc (``doc.user_data["parley_attribution"]``). When the
model folder is missing, ``both`` falls back to the rules with a warning and ``model`` is an
error (:class:`~parley.errors.ModelError`).
"""
from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from parley.errors import ModelError
from parley.nlp.components import Resources, component, doc_attribute

MODEL_DIR = Path(__file__).parent / "models" / "attribution"
MODES = ("rules", "model", "both")
DEFAULT_MODE = "both"


@dataclass(frozen=True)
class ModelSpan:
    """A span the model tagged: its label (CONTENT, SOURCE or CUE) and token range in the Doc."""

    label: str
    start: int
    end: int


def mode_of(doc: Doc) -> str:
    """The attribution mode the analyser put on the Doc (default ``both``).

    Raises:
        ModelError: the mode is not one of rules, model, both.
    """
    mode = doc.user_data.get("parley_attribution") or DEFAULT_MODE
    if mode not in MODES:
        raise ModelError(f"attribution must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


@functools.lru_cache(maxsize=2)
def load_model(path: Path = MODEL_DIR) -> Language | None:
    """The attribution model at ``path`` (loaded once per process), or None when it is missing."""
    if not (path / "config.cfg").is_file():
        return None
    import spacy

    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the attribution model at {path}: {exc}") from None


def model_for(mode: str, path: Path = MODEL_DIR) -> Language | None:
    """The model a mode needs: None for ``rules``; for ``both`` without a model, None and a
    warning (the rules alone run).

    Raises:
        ModelError: ``model`` was asked for and the model is missing.
    """
    if mode == "rules":
        return None
    model = load_model(path)
    if model is None:
        if mode == "model":
            raise ModelError(f"attribution 'model' needs the trained model at {path}, which is missing; "
                             "reinstall parley or use --attribution rules")
        _warn_missing(str(path))
    return model


@functools.lru_cache(maxsize=2)
def _warn_missing(path: str) -> None:
    warnings.warn(f"the attribution model at {path} is missing: statements come from the rules alone",
                  RuntimeWarning, stacklevel=3)


def tag(doc: Doc, model: Language) -> list[ModelSpan]:
    """The model's spans on the Doc's own tokens, in text order. Sentences that are not prose
    (fewer than half their tokens words, punctuation aside: a run of URL pieces, a table) are
    not tagged, so that junk input costs no model time."""
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    keep = [t.i for sent in sents if _prose(sent) for t in sent]
    if not keep:
        return []
    mdoc = Doc(model.vocab, words=[doc[i].text for i in keep], spaces=[bool(doc[i].whitespace_) for i in keep])
    for _, proc in model.pipeline:
        mdoc = proc(mdoc)
    return [ModelSpan(ent.label_, keep[ent.start], keep[ent.end - 1] + 1) for ent in mdoc.ents]


def _prose(sent) -> bool:
    """At least half the tokens that are not punctuation or space are words."""
    tokens = [t for t in sent if not (t.is_punct or t.is_space)]
    return sum(1 for t in tokens if t.is_alpha) * 2 >= len(tokens)


def _run(doc: Doc, r: Resources) -> list[ModelSpan]:
    model = model_for(mode_of(doc))
    return tag(doc, model) if model is not None else []


# the spaCy component of tag(): the model's spans, or none when the rules alone are asked for
Language.factory("parley_attribution", default_config={"kb": None},
                 requires=[], assigns=[doc_attribute("parley_attribution")],
                 func=component("parley_attribution", _run))
