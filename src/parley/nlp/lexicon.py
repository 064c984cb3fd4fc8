"""Word lists in ``nlp/data/*.tsv``: loaded once per process and passed down."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file (``#`` comment lines skipped, first other line is the header)."""
    path = DATA_DIR / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@dataclass(frozen=True)
class Cue:
    lemma: str
    pos: str
    kind: str = ""
    frame: str = ""
    plover: str | None = None


@dataclass
class Lexicons:
    """All cue lexicons, indexed for the extractors."""

    reporting_verbs: dict[str, Cue] = field(default_factory=dict)
    reporting_nouns: dict[str, Cue] = field(default_factory=dict)
    reporting_phrases: dict[str, Cue] = field(default_factory=dict)
    stance: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    demand: dict[tuple[str, str], str] = field(default_factory=dict)
    conditional: list[tuple[str, str]] = field(default_factory=list)
    negation: frozenset[str] = frozenset()
    modality: dict[str, str] = field(default_factory=dict)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    nominals: dict[str, str] = field(default_factory=dict)

    title_max_words: int = 1
    title_first_words: frozenset[str] = frozenset()
    conditional_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """Every lexicon from the package's data files."""
    lex = Lexicons()
    for row in read_tsv("reporting.tsv"):
        cue = Cue(row["lemma"].lower(), row.get("pos", "VERB").upper(), row.get("kind", ""),
                  row.get("frame", ""), None if row.get("plover") in (None, "", "-") else row["plover"])
        target = {"VERB": lex.reporting_verbs, "NOUN": lex.reporting_nouns}.get(cue.pos, lex.reporting_phrases)
        target.setdefault(cue.lemma, cue)
    for row in read_tsv("stance.tsv"):
        lex.stance[(row["lemma"], row["pos"])] = (row["relation"], row["direction"])
    for row in read_tsv("demand.tsv"):
        lex.demand[(row["lemma"], row["pos"])] = row["frame"]
    lex.conditional = sorted(((r["cue"], r["kind"]) for r in read_tsv("conditional.tsv")),
                             key=lambda c: -len(c[0]))
    lex.negation = frozenset(r["lemma"] for r in read_tsv("negation.tsv"))
    lex.modality = {r["lemma"]: r["modality"] for r in read_tsv("hedging.tsv")}
    for row in read_tsv("titles.tsv"):
        lex.titles.setdefault(row["title"].lower(), (row.get("kind", "person"), row.get("sector", "")))
    lex.nominals = {r["lemma"]: r["kind"] for r in read_tsv("nominals.tsv")}
    # indexes so that per-token checks are one set lookup
    lex.title_max_words = max((len(t.split()) for t in lex.titles), default=1)
    lex.title_first_words = frozenset(t.split()[0] for t in lex.titles)
    for cue, _ in lex.conditional:
        words = tuple(cue.split())
        lex.conditional_first.setdefault(words[0], []).append(words)
    return lex
