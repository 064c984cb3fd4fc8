"""Word lists and cue lexicons in ``nlp/data/*.tsv``: loaded once per process and passed down."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from pathlib import Path

from parley.errors import LexiconError

DATA_DIR = Path(__file__).parent / "data"


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV data file (``#`` comment lines skipped, first other line is the header).

    Args:
        path: the file.
        columns: the columns the header must name; every row needs a value in each.

    Returns:
        One dict a row, keyed by the header's names, values stripped.

    Raises:
        LexiconError: the file is missing or unreadable, the header lacks a column, or a row has
            another number of fields than the header or an empty value in one of ``columns``.
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read the word list {path}: {exc}") from None
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        raise LexiconError(f"{path}: no header line")
    header = numbered[0][1].split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise LexiconError(f"{path}: the header lacks the column {', '.join(missing)}")
    rows = []
    for n, line in numbered[1:]:
        values = [v.strip() for v in line.split("\t")]
        if len(values) != len(header):
            raise LexiconError(f"{path}, line {n}: {len(values)} tab-separated fields, "
                               f"the header has {len(header)}")
        row = dict(zip(header, values))
        empty = [c for c in columns if not row[c]]
        if empty:
            raise LexiconError(f"{path}, line {n}: no value for {', '.join(empty)}")
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Cue:
    lemma: str
    pos: str
    kind: str = ""
    frame: str = ""
    plover: str | None = None


@dataclass(frozen=True)
class WordLists:
    """The closed word lists of ``words.tsv`` (its comments say what each is for)."""

    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    linked_pronouns: frozenset[str]
    first_plural_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    name_connectors: frozenset[str]
    articles: frozenset[str]
    group_determiners: frozenset[str]
    armed_nouns: frozenset[str]
    shared_titles: frozenset[str]
    locative_preps: frozenset[str]
    compass_words: frozenset[str]
    facility_nouns: frozenset[str]
    direction_words: frozenset[str]
    thing_nouns: frozenset[str]
    region_nouns: frozenset[str]
    place_heads: frozenset[str]
    town_nouns: frozenset[str]
    definite_words: frozenset[str]
    agent_nouns: frozenset[str]
    office_words: frozenset[str]
    quote_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    speaker_preps: frozenset[str]
    speaker_pronouns: frozenset[str]
    relative_words: frozenset[str]
    content_preps: frozenset[str]
    frame_preps: frozenset[str]
    content_marks: frozenset[str]
    parenthetical_marks: frozenset[str]
    channel_nouns: frozenset[str]
    dash_marks: frozenset[str]
    body_kinds: frozenset[str]
    voice_words: frozenset[str]
    noun_content_preps: frozenset[str]
    addressee_verbs: frozenset[str]
    notice_words: frozenset[str]
    agreement_words: frozenset[str]
    regime_nouns: frozenset[str]
    action_nouns: frozenset[str]
    organization_words: frozenset[str]
    equipment_words: frozenset[str]
    target_preps: frozenset[str]
    party_preps: frozenset[str]
    list_separators: frozenset[str]
    holder_preps: frozenset[str]
    condition_marks: frozenset[str]
    ending_verbs: frozenset[str]
    light_verbs: frozenset[str]
    helping_verbs: frozenset[str]
    part_nouns: frozenset[str]
    on_preps: frozenset[str]
    precondition_preps: frozenset[str]
    demand_nouns: frozenset[str]
    condition_nouns: frozenset[str]
    demand_object_preps: frozenset[str]
    reiterating: frozenset[str]
    rejecting: frozenset[str]
    rejected_when_negated: frozenset[str]
    accepting: frozenset[str]
    then_words: frozenset[str]
    aside_marks: frozenset[str]
    belief_adjectives: frozenset[str]
    unit_words: frozenset[str]
    unit_designators: frozenset[str]
    anaphor_heads: frozenset[str]
    armed_descriptors: frozenset[str]
    opposed_when_negated: frozenset[str]
    state_body_words: frozenset[str]
    rank_abbreviations: frozenset[str]
    place_description_heads: frozenset[str]
    first_singular_pronouns: frozenset[str]
    document_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    container_nouns: frozenset[str]

    @property
    def pronouns(self) -> frozenset[str]:
        """Every pronoun of the lists: words that may refer to an actor but never name one."""
        return (self.person_pronouns | self.group_pronouns | self.plural_pronouns | self.linked_pronouns
                | self.first_plural_pronouns | self.possessive_pronouns | self.speaker_pronouns)


@dataclass
class Lexicons:
    """All cue lexicons and word lists, indexed for the extractors."""

    words: WordLists
    reporting_verbs: dict[str, Cue] = field(default_factory=dict)
    reporting_nouns: dict[str, Cue] = field(default_factory=dict)
    stance: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    demand: dict[tuple[str, str], str] = field(default_factory=dict)
    conditional: list[tuple[str, str]] = field(default_factory=list)
    negation: frozenset[str] = frozenset()
    modality: dict[str, str] = field(default_factory=dict)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    nominals: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    events: dict[str, tuple[str, str | None]] = field(default_factory=dict)   # fact -> (PLOVER type, mode)
    alias_lists: dict[str, tuple[str, ...]] = field(default_factory=dict)   # aliases.tsv: list -> entries
    layout_lists: dict[str, tuple[str, ...]] = field(default_factory=dict)  # layout.tsv: kind -> words

    title_max_words: int = 1
    title_first_words: frozenset[str] = frozenset()
    conditional_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def plover_of(self, cue: str) -> str | None:
        """The PLOVER event type a reporting cue expresses (``reporting.tsv``), if any."""
        found = self.reporting_verbs.get(cue) or self.reporting_nouns.get(cue)
        return found.plover if found else None


@functools.lru_cache(maxsize=4)
def load_lexicons(data_dir: Path = DATA_DIR) -> Lexicons:
    """Every lexicon and word list, from the data files in ``data_dir``.

    Args:
        data_dir: the folder of the TSV files; default: the package's own.

    Returns:
        The Lexicons (cached: one per folder and process).

    Raises:
        LexiconError: a file is missing or malformed (the message names it).
    """
    def rows(name: str, *columns: str) -> list[dict[str, str]]:
        return read_tsv(data_dir / name, columns)

    lex = Lexicons(words=_word_lists(data_dir / "words.tsv"))
    _reporting(lex, rows("reporting.tsv", "lemma", "pos", "kind", "frame", "plover"))
    for row in rows("stance.tsv", "lemma", "pos", "relation", "direction"):
        lex.stance[(row["lemma"], row["pos"])] = (row["relation"], row["direction"])
    for row in rows("demand.tsv", "lemma", "pos", "frame"):
        lex.demand[(row["lemma"], row["pos"])] = row["frame"]
    lex.conditional = sorted(((r["cue"], r["kind"]) for r in rows("conditional.tsv", "cue", "kind")),
                             key=lambda c: -len(c[0]))
    lex.negation = frozenset(r["lemma"] for r in rows("negation.tsv", "lemma"))
    lex.modality = {r["lemma"]: r["modality"] for r in rows("hedging.tsv", "lemma", "modality")}
    for row in rows("titles.tsv", "title", "kind", "sector"):
        lex.titles.setdefault(row["title"].lower(), (row["kind"], row["sector"]))
    lex.nominals = {r["lemma"]: r["kind"] for r in rows("nominals.tsv", "lemma", "kind")}
    lex.numbers = _numbers(data_dir / "numbers.tsv")
    lex.events = {r["fact"]: (r["plover"], None if r["mode"] == "-" else r["mode"])
                  for r in rows("events.tsv", "fact", "plover", "mode")}
    for row in rows("aliases.tsv", "list", "word"):
        lex.alias_lists[row["list"]] = (*lex.alias_lists.get(row["list"], ()), row["word"].lower())
    for row in rows("layout.tsv", "kind", "word"):
        lex.layout_lists[row["kind"]] = (*lex.layout_lists.get(row["kind"], ()), row["word"])
    _index(lex)
    return lex


def _reporting(lex: Lexicons, rows: list[dict[str, str]]) -> None:
    """Reporting verbs and nouns by lemma (the first row of a lemma wins). PHRASE rows are
    documentation only: the one phrase a rule reads, "according to", has its own rule."""
    for row in rows:
        cue = Cue(row["lemma"].lower(), row["pos"].upper(), row["kind"], row["frame"],
                  None if row["plover"] == "-" else row["plover"])
        target = {"VERB": lex.reporting_verbs, "NOUN": lex.reporting_nouns}.get(cue.pos)
        if target is not None:
            target.setdefault(cue.lemma, cue)


def _word_lists(path: Path) -> WordLists:
    """The lists of ``words.tsv``: exactly the ones WordLists names, each with words.

    Raises:
        LexiconError: the file is missing or malformed, names an unknown list or lacks one.
    """
    found: dict[str, set[str]] = {}
    for row in read_tsv(path, ("list", "word")):
        found.setdefault(row["list"], set()).add(row["word"])
    wanted = [f.name for f in fields(WordLists)]
    unknown = sorted(set(found) - set(wanted))
    if unknown:
        raise LexiconError(f"{path}: unknown word list {', '.join(unknown)}")
    missing = [name for name in wanted if name not in found]
    if missing:
        raise LexiconError(f"{path}: no words for the list {', '.join(missing)}")
    return WordLists(**{name: frozenset(found[name]) for name in wanted})


def _numbers(path: Path) -> dict[str, int]:
    """Number words and the counts they announce (``numbers.tsv``).

    Raises:
        LexiconError: the file is missing or malformed, or a count is not a whole number.
    """
    out = {}
    for row in read_tsv(path, ("word", "count")):
        if not row["count"].isdigit():
            raise LexiconError(f"{path}: the count of {row['word']!r} is not a whole number")
        out[row["word"]] = int(row["count"])
    return out


def _index(lex: Lexicons) -> None:
    """Indexes so that per-token checks are one set lookup."""
    lex.title_max_words = max((len(t.split()) for t in lex.titles), default=1)
    lex.title_first_words = frozenset(t.split()[0] for t in lex.titles)
    for cue, _ in lex.conditional:
        words = tuple(cue.split())
        lex.conditional_first.setdefault(words[0], []).append(words)
