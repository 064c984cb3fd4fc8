"""The actor knowledge base: YAML data files, a loader, and name resolution with reasons.

File format (every ``*.yaml`` in ``knowledge/data`` and any user file given by ``--kb``)::

    actors:
      - id: gna                      # unique, lowercase; persons may use "person:slug"
        name: Government of National Accord
        kind: government             # state | government | armed_group | person |
                                     # organization | party | international_org | other
        country: LY                  # ISO 3166-1 alpha-2 or null
        affiliation: libya           # id of the actor it belongs to or speaks for
        aliases: [GNA, Al-Wefaq, Government of Concord, the Accord]
        adjectives: []               # demonyms / adjectives: "Russian", "Emirati"
        seats: [Tripoli]             # cities whose name, used as an agent, means this actor
        valid_from: 2015-12-17       # optional validity of the actor (or of its seats)
        valid_to: 2021-03-15
    offices:                         # who held a title when (the PETRARCH idea)
      - {title: Foreign Minister, of: russia, holder: sergey-lavrov, from: 2004-03-09}

A user file is merged over the built-in one: an entry with a known id updates that actor
(lists are extended, scalars replaced); ``remove: true`` drops it.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

import yaml

from parley.errors import KnowledgeBaseError
from parley.knowledge.translit import name_key
from parley.models import ACTOR_KINDS

DATA_DIR = Path(__file__).parent / "data"
KINDS = frozenset(ACTOR_KINDS)
_LIST_FIELDS = ("aliases", "adjectives", "seats")
# data files whose names match only as written, never by transliteration key: the generated
# world-wide list is too large for loose matching ("Laconia" is no "Lagunya")
EXACT_ONLY = frozenset({"conflict_actors.yaml"})
# libyaml's loader when PyYAML was built with it: the same safe subset, several times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class KBActor:
    """One knowledge-base actor."""

    id: str
    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    origin: str = ""

    def valid_on(self, day: str | None) -> bool:
        """Whether the actor existed on ``day`` (ISO date); unknown dates are always valid."""
        return not day or _within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class Office:
    """A title held by a person for a time: "Foreign Minister" of Russia, 2004-2024."""

    title: str
    """The title as written in texts, e.g. "Foreign Minister"."""
    of: str
    """Id of the state or body the title belongs to."""
    holder: str
    """Id of the person who held it."""
    start: str | None = None
    """First day held (ISO date), or None when unknown."""
    end: str | None = None
    """Last day held, or None while still held."""

    def held_on(self, day: str | None) -> bool:
        """Whether the title was held on ``day``; without a day, whether it is still held."""
        return _within(day, self.start, self.end) if day else self.end is None


def _within(day: str, start: str | None, end: str | None) -> bool:
    """Whether ISO ``day`` falls in [start, end], an open end being unbounded."""
    return (not start or start <= day) and (not end or day <= end)


@dataclass(frozen=True)
class Resolution:
    """How a surface name resolves to an actor, and which rule fired."""

    actor: KBActor
    rule: str          # alias | adjective | seat | name-key
    matched: str       # the KB form that matched
    detail: str = ""


@dataclass
class KnowledgeBase:
    """All actors and offices, indexed for lookup by exact name and by transliteration key."""

    actors: dict[str, KBActor] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index()

    # -- indexing -------------------------------------------------------------------------
    def _index(self) -> None:
        self.by_alias: dict[str, list[tuple[KBActor, str, str]]] = {}
        self.by_key: dict[str, list[tuple[KBActor, str]]] = {}
        self._forms: dict[str, tuple[KBActor, str]] = {}   # every spelling, for the text matcher
        for actor in self.actors.values():
            for form in (actor.name, *actor.aliases):
                self._add(surface_key(form), actor, "alias", form)
                if actor.kind in {"person", "armed_group", "organization", "government", "party"} \
                        and not _is_short_form(form) and actor.origin not in EXACT_ONLY:
                    self.by_key.setdefault(name_key(form), []).append((actor, form))
            for form in actor.adjectives:
                self._add(surface_key(form), actor, "adjective", form)
            for form in actor.seats:
                self._add(surface_key(form), actor, "seat", form)

    def _add(self, key: str, actor: KBActor, rule: str, form: str) -> None:
        self._forms.setdefault(form, (actor, rule))
        entries = self.by_alias.setdefault(key, [])
        if not any(a.id == actor.id and r == rule for a, r, _ in entries):
            entries.append((actor, rule, form))

    def surface_forms(self) -> Iterable[tuple[str, KBActor, str]]:
        """Every (form, actor, rule) the text matcher should look for: each spelling, also those
        sharing a key that tokenise differently ("al-Qaeda in Iraq", "al Qaeda in Iraq")."""
        for form, (actor, rule) in self._forms.items():
            yield form, actor, rule

    # -- lookup ---------------------------------------------------------------------------
    def get(self, actor_id: str | None) -> KBActor | None:
        return self.actors.get(actor_id) if actor_id else None

    def resolve(self, name: str, *, day: str | None = None, fuzzy: bool = True) -> list[Resolution]:
        """All resolutions of ``name``, best first: exact alias, adjective, seat, then name key."""
        out: list[Resolution] = []
        for actor, rule, form in self.by_alias.get(surface_key(name), []):
            if rule == "seat":
                continue
            out.append(Resolution(actor, rule, form))
        out.extend(self.resolve_seat(name, day=day))
        if fuzzy and not out:
            key = name_key(name)
            for actor, form in self.by_key.get(key, []):
                out.append(Resolution(actor, "name-key", form, f"transliteration key {key!r}"))
        out.sort(key=lambda r: (not r.actor.valid_on(day), _RULE_RANK[r.rule]))
        return _dedupe(out)

    def resolve_seat(self, name: str, *, day: str | None = None) -> list[Resolution]:
        """The actor a city stands for when used as an agent, by the KB's seats and dates.

        Several actors may share a seat (a state and its government, or rival governments):
        the most specific valid one wins — a government over its state, a state otherwise.
        """
        hits = [(a, f) for a, r, f in self.by_alias.get(surface_key(name), []) if r == "seat"]
        valid = [(a, f) for a, f in hits if a.valid_on(day)] or ([] if day else hits)
        valid.sort(key=lambda af: af[0].kind == "state")
        return [Resolution(a, "seat", f, f"{f} is the seat of {a.name}") for a, f in valid]

    def holder(self, title: str, of: str, day: str | None = None) -> KBActor | None:
        """The person holding ``title`` of actor ``of`` on ``day`` (or now)."""
        title_l = title.lower()
        for office in self.offices:
            if office.of == of and office.title.lower() == title_l and office.held_on(day):
                return self.actors.get(office.holder)
        return None

    def explain(self, name: str, *, day: str | None = None) -> list[str]:
        """Human-readable lines saying how ``name`` resolves and why."""
        lines = []
        for res in self.resolve(name, day=day):
            why = {"alias": f"alias {res.matched!r}", "adjective": f"adjective/demonym {res.matched!r}",
                   "seat": f"metonym: {res.detail}", "name-key": f"name-key match with {res.matched!r} ({res.detail})"}[res.rule]
            a = res.actor
            lines.append(f"{name!r} -> {a.id} ({a.name}; {a.kind}, {a.country or '-'}) by {why} [{a.origin}]")
        return lines


def _is_short_form(form: str) -> bool:
    """An all-capitals short form ("GAM", "HISBA"): matched as written, never by its
    transliteration key, which for a few capitals is the key of many unrelated names."""
    return " " not in form and not any(ch.islower() for ch in form)


_RULE_RANK = {"alias": 0, "adjective": 1, "seat": 2, "name-key": 3}


def _dedupe(items: list[Resolution]) -> list[Resolution]:
    seen, out = set(), []
    for r in items:
        if (r.actor.id, r.rule) not in seen:
            seen.add((r.actor.id, r.rule))
            out.append(r)
    return out


def surface_key(text: str) -> str:
    """Case- and punctuation-insensitive key of a surface form ("the Accord" == "accord")."""
    t = text.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").lower().strip()
    for prefix in ("the ",):
        if t.startswith(prefix):
            t = t[len(prefix):]
    if t.endswith("'s"):
        t = t[:-2]
    return " ".join(t.replace("-", " ").split())


# -- loading --------------------------------------------------------------------------------
def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _actor_from(entry: dict, origin: str) -> KBActor:
    try:
        actor_id, name = str(entry["id"]), str(entry["name"])
    except KeyError as exc:
        raise KnowledgeBaseError(f"{origin}: an actor lacks {exc.args[0]!r}: {entry}") from None
    kind = entry.get("kind", "other")
    if kind not in KINDS:
        raise KnowledgeBaseError(f"{origin}: actor {actor_id!r} has unknown kind {kind!r}")
    return KBActor(
        id=actor_id, name=name, kind=kind, country=entry.get("country"),
        affiliation=entry.get("affiliation"),
        aliases=tuple(str(x) for x in entry.get("aliases") or ()),
        adjectives=tuple(str(x) for x in entry.get("adjectives") or ()),
        seats=tuple(str(x) for x in entry.get("seats") or ()),
        valid_from=_date(entry.get("valid_from")), valid_to=_date(entry.get("valid_to")),
        origin=origin,
    )


def _merge(old: KBActor, entry: dict, origin: str) -> KBActor:
    changes: dict[str, Any] = {"origin": f"{old.origin}+{origin}"}
    for key in ("name", "kind", "country", "affiliation"):
        if key in entry:
            changes[key] = entry[key]
    for key in ("valid_from", "valid_to"):
        if key in entry:
            changes[key] = _date(entry[key])
    for key in _LIST_FIELDS:
        if entry.get(key):
            extra = [str(x) for x in entry[key] if str(x) not in getattr(old, key)]
            changes[key] = getattr(old, key) + tuple(extra)
    return replace(old, **changes)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except FileNotFoundError:
        raise KnowledgeBaseError(f"knowledge-base file not found: {path}") from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path}: expected a mapping with 'actors' and/or 'offices'")
    return data


def build_kb(paths: Iterable[Path]) -> KnowledgeBase:
    """A knowledge base from YAML files, later files merged over earlier ones."""
    actors: dict[str, KBActor] = {}
    offices: list[Office] = []
    sources = []
    for path in paths:
        data = _read_yaml(path)
        origin = path.name
        sources.append(str(path))
        for entry in data.get("actors") or []:
            if not isinstance(entry, dict):
                raise KnowledgeBaseError(f"{path}: each actor must be a mapping, got {entry!r}")
            actor_id = str(entry.get("id", ""))
            if entry.get("remove"):
                actors.pop(actor_id, None)
            elif actor_id in actors:
                actors[actor_id] = _merge(actors[actor_id], entry, origin)
            else:
                actors[actor_id] = _actor_from(entry, origin)
        for entry in data.get("offices") or []:
            try:
                offices.append(Office(title=str(entry["title"]), of=str(entry["of"]),
                                      holder=str(entry["holder"]), start=_date(entry.get("from")),
                                      end=_date(entry.get("to"))))
            except (KeyError, TypeError):
                raise KnowledgeBaseError(f"{path}: an office needs title, of and holder: {entry!r}") from None
    return KnowledgeBase(actors=actors, offices=offices, sources=sources)


@functools.lru_cache(maxsize=8)
def load_kb(extra: str | None = None) -> KnowledgeBase:
    """The built-in knowledge base, with the user's YAML file ``extra`` merged over it.

    Loaded once per process and per ``extra``; pass the result down rather than reloading.
    """
    paths = sorted(DATA_DIR.glob("*.yaml"))
    if extra:
        paths.append(Path(extra))
    return build_kb(paths)
