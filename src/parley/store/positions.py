"""Positions across articles: the same demand or conditional threat made in several articles,
grouped into one position with its holders, its evidence and its status history.

Pure functions over plain fact dicts (``parley.store.negotiation`` reads them from the store).
Two facts are the same position when their demanded things share a normalised head (the first
content word: "withdrawal" ~ "leave" ~ "pull out") and the same places or other names ("from
Halden and Brenna" ~ "out of Halden"), or, when they name no place, most of their words. The
words for this are in ``data/positions.tsv``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Iterable, NamedTuple

RESPONSES = ("rejected", "accepted")
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
CLAUSE = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s*")
MIN_OVERLAP = 0.5  # the share of words two unnamed demands must have in common
CARRIED_OUT = 0.6  # the share of a threat's words a later event must have


class Words(NamedTuple):
    stop: frozenset[str]
    aspect: frozenset[str]
    offer: frozenset[str]
    modal: frozenset[str]
    same: dict[str, str]
    prefixes: tuple[str, ...]


@cache
def words() -> Words:
    """The word lists of ``data/positions.tsv`` (read once)."""
    rows: dict[str, list[list[str]]] = {}
    text = (resources.files("parley.store") / "data" / "positions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, *rest = line.rstrip("\n").split("\t")
            rows.setdefault(kind, []).append(rest)
    same = {stem(a): stem(b) for a, b in rows.get("same", [])}
    same.update({a: stem(b) for a, b in rows.get("same", [])})
    return Words(frozenset(w for w, in rows.get("stop", [])), frozenset(stem(w) for w, in rows.get("aspect", [])),
                 frozenset(stem(w) for w, in rows.get("offer", [])), frozenset(w for w, in rows.get("modal", [])), same,
                 tuple(p for p, in rows.get("prefix", [])))


def stem(word: str) -> str:
    """A crude English stem, the same for "release", "releases" and "released", "withdraw"
    and "withdrawal" (both sides of a comparison are stemmed alike, so overstemming is harmless)."""
    w = word.lower().removesuffix("'s").strip("'")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 6 and w.endswith("al"):
        w = w[:-2]
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


@dataclass(frozen=True)
class Sig:
    """What a demanded thing (or a threat's consequence) is about: its ``head`` (first content
    word, normalised), its content ``terms``, the ``names`` among them (places and other proper
    names that are no actor) and the ``actors`` mentioned in it."""

    head: str | None
    terms: frozenset[str]
    names: frozenset[str]
    actors: frozenset[str]


def signature(text: str, base: int = 0, mentions: Iterable[tuple[int, int, str]] = ()) -> Sig:
    """The signature of ``text``, which starts at offset ``base`` of its article.

    Args:
        mentions: actor mentions of the article (start, end, actor id); words inside one count
            as that actor, not as terms.
    """
    lex = words()
    spans = [(s - base, e - base, a) for s, e, a in mentions if s < base + len(text) and e > base]
    head, terms, names, actors = None, [], set(), set()
    for m in WORD.finditer(text):
        inside = [a for s, e, a in spans if s <= m.start() < e]
        if inside:
            actors.update(inside)
            continue
        raw = m.group().lower()
        if raw in lex.modal and len(terms) - len(names) <= 1:
            head = None  # the word before the modal was its subject ("forces must leave")
        if raw in lex.stop or raw.removesuffix("'s") in lex.stop:
            continue
        word = next((m.group()[len(p):] for p in lex.prefixes if raw.startswith(p)), m.group())
        if word[:1].isupper():
            name = word.lower().removesuffix("'s")
            names.add(name)
            terms.append(name)
            continue
        term = lex.same.get(raw) or lex.same.get(stem(raw)) or stem(raw)
        terms.append(term)
        if head is None and term not in lex.aspect:
            head = term
    return Sig(head, frozenset(terms), frozenset(names), frozenset(actors))


def same_thing(a: Sig, b: Sig) -> bool:
    """Whether two signatures name the same demanded thing."""
    if a.head is None or a.head != b.head:
        return False
    if a.names and b.names:
        return bool(a.names & b.names)
    return overlap(a.terms, b.terms) >= MIN_OVERLAP


def overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def clauses(text: str) -> list[str]:
    """The conditions of an "if" part, one per clause ("A and B" -> A, B)."""
    return [c.strip(" .") for c in CLAUSE.split(text or "") if len(c.split()) >= 2]


@dataclass
class Position:
    """A demand or conditional held across articles (see ``to_dict`` for its fields)."""

    kind: str
    facts: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)

    def holders(self) -> list[str]:
        return _unique(a for f in self.facts for a in (f["actors"] if f["role"] == "holder" else f["named"]))

    def matches(self, fact: dict) -> bool:
        if fact["kind"] == "conditional":
            return any(f["kind"] == "conditional" and set(f["actors"]) & set(fact["actors"])
                       and same_thing(f["sig"], fact["sig"]) for f in self.facts)
        # another holder's demand joins only on the same places or names, and so does an answer
        # from an article that does not name a holder
        holders = set(self.holders())
        own = bool(set(fact["actors"] if fact["role"] == "holder" else fact.get("present", ())) & holders)
        return any(f["kind"] == "demand" and same_thing(f["sig"], fact["sig"])
                   and (own or bool(f["sig"].names & fact["sig"].names)) for f in self.facts)

    def to_dict(self) -> dict:
        first = self.facts[0]
        held = [f for f in self.facts if f["role"] == "holder"] or self.facts
        by = {"rejected": [], "accepted": []}
        for h in self.history:
            if h["status"] in by:
                by[h["status"]] += [{"actor": a, "date": h["date"]} for a in h["actors"]]
        dates = [h["date"] for h in self.history if h["date"]]
        return {"id": "p" + hashlib.sha1(f"{first['kind']}|{first['article_id']}|{first['start']}|"
                                          f"{first['text']}".encode()).hexdigest()[:10],
                "kind": self.kind, "form": first["kind"], "summary": held[-1]["text"], "condition": held[-1].get("condition"),
                "holders": self.holders(), "of": _unique(a for f in self.facts for a in f.get("of", ())),
                "status": self.history[-1]["status"], "first_seen": min(dates, default=None),
                "last_seen": max(dates, default=None),
                "articles": len({f["article_id"] for f in self.facts}),
                "rejected_by": by["rejected"], "accepted_by": by["accepted"],
                "flags": self.flags, "history": self.history}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def group(facts: list[dict], events: list[dict] = ()) -> list[dict]:
    """Group facts into positions, oldest first.

    Args:
        facts: demands and conditionals in reading order, each a dict with ``kind`` (demand or
            conditional), ``status``, ``actors`` (who holds or answers it), ``role`` (holder or
            response), ``sig`` (its ``Sig``), ``text``, ``condition``, ``date``, ``article_id``,
            ``start``, ``end``, ``evidence``; for demands also ``of``, ``condition_for``,
            ``named`` (the holders an answer names) and ``present`` (the actors its article
            mentions: an answer without a place in common joins only a position held by one).
        events: later facts that may carry a threat out: ``source``, ``target``, ``sig``,
            ``date``, ``article_id``, ``start``, ``end``, ``evidence``.

    Returns:
        Position dicts: ``id``, ``kind`` (demand, precondition, threat), ``summary``,
        ``condition``, ``holders``, ``of``, ``status``, ``first_seen``, ``last_seen``,
        ``articles``, ``rejected_by``, ``accepted_by``, ``flags`` and the ``history``.
    """
    positions: list[Position] = []
    by_head: dict[str | None, list[Position]] = {}
    for fact in facts:
        found = _best([p for p in by_head.get(fact["sig"].head, ()) if p.matches(fact)], fact)
        if found is None:
            found = Position(_kind(fact))
            positions.append(found)
            by_head.setdefault(fact["sig"].head, []).append(found)
        _add(found, fact)
    for p in positions:
        if p.kind == "threat":
            _carried_out(p, events)
    return [p.to_dict() for p in positions]


def _best(candidates: list[Position], fact: dict) -> Position | None:
    """The position a fact joins: one its actors already hold, else the one most recently
    active (an answer answers the latest of the demands it could be about)."""
    if not candidates:
        return None
    own = [p for p in candidates if set(fact["actors"]) & set(p.holders())]
    return own[0] if own and fact["role"] == "holder" else max(candidates, key=lambda p: p.facts[-1]["date"] or "")


def _kind(fact: dict) -> str:
    if fact["kind"] == "conditional":
        return "precondition" if fact["sig"].head in words().offer else "threat"
    return "precondition" if fact.get("condition_for") else "demand"


def _add(p: Position, fact: dict) -> None:
    """Add one fact to a position, with its history entry and any flag it raises."""
    earlier = [f for f in p.facts if f["role"] == "holder"]
    status = fact["status"]
    if fact["role"] == "holder" and earlier and status not in RESPONSES + ("met",):
        status = _change(p, earlier[-1], fact)
    if fact["role"] == "response":
        _reversal(p, fact)
    if fact.get("condition_for") and p.kind == "demand":
        p.kind = "precondition"
    p.facts.append(fact)
    p.history.append({"date": fact["date"], "status": status, "actors": fact["actors"], "text": fact["text"],
                      "condition": fact.get("condition"), "article_id": fact["article_id"],
                      "start": fact["start"], "end": fact["end"], "evidence": fact["evidence"]})


def _change(p: Position, before: dict, now: dict) -> str:
    """How a holder's restatement differs from the last one: softened (fewer places or
    conditions), hardened (more), else reiterated; a condition dropped is flagged."""
    old, new = set(clauses(before.get("condition") or "")), set(clauses(now.get("condition") or ""))
    if before["kind"] == "demand":
        old, new = ({before["condition"]} if before.get("condition") else set(),
                    {now["condition"]} if now.get("condition") else set())
    kept = {c for c in old if any(same_condition(c, n) for n in new)}
    for c in sorted(old - kept):
        p.flags.append(_flag("condition_dropped", now, c))
    if old - kept:
        return "softened"
    if any(not any(same_condition(o, n) for o in old) for n in new):
        return "hardened"  # a condition was added
    a, b = before["sig"].names, now["sig"].names
    if b < a:
        return "softened"
    if a and b > a:
        return "hardened"
    return "reiterated"


def same_condition(a: str, b: str) -> bool:
    ta, tb = signature(a).terms, signature(b).terms
    return bool(ta) and len(ta & tb) / len(ta) >= MIN_OVERLAP


def _reversal(p: Position, fact: dict) -> None:
    """Flag an actor that accepted a position and now rejects it, or the reverse."""
    for h in reversed(p.history):
        same = set(h["actors"]) & set(fact["actors"])
        if h["status"] in RESPONSES and same:
            if h["status"] != fact["status"]:
                p.flags.append(_flag("reversal", fact, f"{h['status']} on {h['date'] or 'an undated day'}, "
                                                       f"{fact['status']} on {fact['date'] or 'an undated day'}"))
            return


def _carried_out(p: Position, events: Iterable[dict]) -> None:
    """Mark a threat carried out when a later event of its actor does what it threatened."""
    threat = p.facts[0]
    terms = {t for t in threat["sig"].terms if t not in words().aspect}
    for ev in events:
        if ev["source"] not in p.holders() or (ev["date"] or "") < (threat["date"] or ""):
            continue
        if ev["article_id"] == threat["article_id"] and ev["start"] < threat["end"]:
            continue
        sig = ev["sig"]
        hit = len(terms & sig.terms) / len(terms) if terms else 0.0
        targets = threat["sig"].actors
        if hit >= CARRIED_OUT and (not targets or targets & (sig.actors | {ev["target"]})):
            p.flags.append(_flag("carried_out", ev, ev["evidence"]))
            p.history.append({"date": ev["date"], "status": "carried_out", "actors": [ev["source"]],
                              "text": ev["evidence"], "condition": None, "article_id": ev["article_id"],
                              "start": ev["start"], "end": ev["end"], "evidence": ev["evidence"]})
            return


def _flag(kind: str, fact: dict, detail: str) -> dict:
    actors = fact.get("actors") or [fact.get("source")]
    return {"type": kind, "actors": [a for a in actors if a], "date": fact["date"], "detail": detail,
            "article_id": fact["article_id"], "start": fact["start"], "end": fact["end"]}
