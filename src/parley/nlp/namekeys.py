"""Name keys and short forms for in-text alias merging (:mod:`parley.nlp.coref`): folding
of diacritics and apostrophes, order-free organisation name keys, initials, and whether a
short form can abbreviate a name. Word lists: ``nlp/data/aliases.tsv``."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from parley.nlp.lexicon import load_lexicons

_ABBREV = re.compile(r"^[A-Za-z][A-Za-z0-9&.\-]{1,11}$")
_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc`]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")


@dataclass(frozen=True)
class AliasWords:
    """The word lists of ``aliases.tsv``."""

    markers: tuple[tuple[str, ...], ...]   # longest first
    joiners: frozenset[str]
    name_heads: frozenset[str]
    stopwords: frozenset[str]
    title_heads: frozenset[str]
    links: frozenset[str]
    event_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def alias_words() -> AliasWords:
    """The lists of ``nlp/data/aliases.tsv`` (read once per process)."""
    lists = load_lexicons().alias_lists
    markers = sorted((tuple(m.split()) for m in lists.get("alias_markers", [])), key=len, reverse=True)
    return AliasWords(tuple(markers), frozenset(lists.get("alias_joiners", [])),
                      frozenset(lists.get("name_heads", [])), frozenset(lists.get("key_stopwords", [])),
                      frozenset(lists.get("title_heads", [])), frozenset(lists.get("name_links", [])),
                      frozenset(lists.get("event_words", [])))


def fold(text: str) -> str:
    """Lowercase text without diacritics or apostrophes ("Erdoğan" -> "erdogan", "Da’esh" -> "daesh")."""
    text = unicodedata.normalize("NFKD", text.replace("\u0131", "i").replace("\u0130", "I"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", text).lower()


def name_key(text: str) -> tuple[str, ...]:
    """The words of an organisation name, folded, without "the", "of", a possessive: sorted, so
    that "the Energy Department" and "the Department of Energy" have one key."""
    words = re.split(r"[^a-z0-9]+", fold(_POSSESSIVE.sub("", text)))
    return tuple(sorted(w for w in words if w and w not in alias_words().stopwords))


def initials(name: str) -> set[str]:
    """Short forms a name's initials spell: of every word but "the", and of its capitalised
    words only, also with a final institution noun moved before "of" ("Energy Department" ->
    "Department of Energy": "doe", "de")."""
    parts = re.split(r"[\s\-\u2010-\u2015/]+", _POSSESSIVE.sub("", name))
    words = [w for w in parts if any(c.isalnum() for c in w)]
    words = [w for w in words if w.lower() != "the"]
    variants = [words]
    if len(words) >= 2 and words[-1].lower() in alias_words().name_heads:
        variants.append([words[-1], "of", *words[:-1]])
    out = set()
    for ws in variants:
        if len(ws) >= 2:
            out.add("".join(fold(w)[0] for w in ws))
            caps = [w for w in ws if w[0].isupper() or w[0].isdigit()]
            if len(caps) >= 2:
                out.add("".join(fold(w)[0] for w in caps))
    return out


def abbreviation_like(text: str) -> bool:
    """A short form: up to 12 letters, digits, hyphens or dots, at least two capitals and
    not a capitalised word ("GULFMARCOM", "JBF-OCS", "TH-West", "DoE"; not "Arabic")."""
    if not _ABBREV.match(text):
        return False
    return sum(c.isupper() for c in text) >= 2


def spells(short: str, name: str) -> bool:
    """Whether the letters of ``short`` occur in ``name`` in order, the first at a word start."""
    letters = [c for c in fold(short) if c.isalnum()]
    text = fold(name)
    if len(letters) < 2:
        return False
    for m in re.finditer(r"(?<![a-z0-9])" + re.escape(letters[0]), text):
        pos = m.end()
        for c in letters[1:]:
            pos = text.find(c, pos)
            if pos < 0:
                break
            pos += 1
        else:
            return True
    return False
