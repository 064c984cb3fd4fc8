"""A large synthetic store for the query benchmark: rows generated directly, no NLP.

Article texts are sentences drawn from the shared corpus; actors, places and relation types
follow a long-tailed (Zipf-like) popularity, so a few actors appear everywhere and most rarely,
as in real news. Rows go in with ``parley.store.bulk`` (COPY on PostgreSQL), a few thousand
articles per transaction.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import accumulate

import benchlib

from parley.models import RELATION_TYPES, article_id, content_hash
from parley.store import schema as t
from parley.store.bulk import SEARCH_COLUMNS, bulk_insert, reset_sequences

KINDS = [("state", 0.1), ("person", 0.5), ("organization", 0.25), ("armed_group", 0.15)]
COUNTRIES = ["LY", "TR", "RU", "EG", "FR", "US", "AE", "QA", "SY", "IT", "DE", "GB", None]
CUES = ["said", "told", "stated", "warned", "denied", "announced", "insisted", "added"]
RELATIONS = list(RELATION_TYPES)  # the contract's types, so that the API can answer with them
STATUSES = ["stated", "reiterated", "rejected", "accepted", "met"]
ITEMS = ["ceasefire", "withdrawal of foreign forces", "elections", "release of prisoners", "talks",
         "end of the blockade", "humanitarian access", "sanctions relief"]
EVENTS = ["statement", "support", "opposition", "demand", "threat", "meeting", "accusation"]
PIPELINE = "parley bench-generated"

ARTICLE_COLS = ("id", "content_hash", "text", "title", "url", "source", "published", "language", "pipeline",
                "ingested_at")


@dataclass
class Pools:
    sentences: list[str]
    actors: list[tuple[str, str, str, str | None]]  # id, name, kind, country (most popular first)
    actor_weights: list[float]
    places: list[tuple[int, str]]
    place_weights: list[float]


def pools(texts: list[str], n_articles: int, rng: random.Random) -> Pools:
    sentences = [s for text in texts for s in benchlib.split_sentences(" ".join(text.split()))
                 if 40 <= len(s) <= 400]
    n_actors = max(200, n_articles // 20)
    kinds = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS], k=n_actors)
    actors = [(f"{kind}:{_name(i)}", _name(i).replace("-", " ").title(), kind, rng.choice(COUNTRIES))
              for i, kind in enumerate(kinds)]
    places = [(i + 1, f"Place {_name(i).title()}") for i in range(max(50, n_actors // 10))]
    return Pools(sentences, actors, list(accumulate(1 / (r + 1) ** 1.1 for r in range(n_actors))),
                 places, list(accumulate(1 / (r + 1) for r in range(len(places)))))


def _name(i: int) -> str:
    syllables = ["ka", "ri", "mo", "sa", "tel", "an", "dur", "bel", "zi", "hor", "ne", "vic"]
    out = []
    while True:
        out.append(syllables[i % len(syllables)])
        i //= len(syllables)
        if i == 0:
            return "".join(out) + ("-" + "".join(reversed(out)) if len(out) > 1 else "-al")


def generate(conn, n_articles: int, pools_: Pools, *, start: int = 0, seed: int = 0) -> None:
    """Insert articles ``start``..``n_articles``-1 with their facts (actors, places must exist).
    The actors' mention counters and the stance edges are left as they were: once the load is
    done, ``parley.store.writer.recount`` and ``rebuild_stances`` compute them."""
    sqlite = conn.dialect.name == "sqlite"
    rows: dict[str, list[tuple]] = {}
    for k in range(start, n_articles):
        _article(rows, k, pools_, random.Random(seed * 7_000_003 + k), sqlite)
    _flush(conn, rows, sqlite)


def base_rows(conn, pools_: Pools, rng: random.Random) -> None:
    """Actors, their aliases and the places."""
    bulk_insert(conn, t.actors, ((aid, name, kind, country, None, benchlib.day_of(rng.randrange(400)),
                                  benchlib.day_of(800 + rng.randrange(295))) for aid, name, kind, country in
                                 pools_.actors),
                ("id", "name", "kind", "country", "affiliation", "first_seen", "last_seen"))
    aliases = {(name.casefold(), aid): name for aid, name, _, _ in pools_.actors}
    aliases.update({(name.split()[0].casefold(), aid): name.split()[0] for aid, name, _, _ in pools_.actors})
    bulk_insert(conn, t.aliases, ((aid, alias, key) for (key, aid), alias in aliases.items()),
                ("actor_id", "alias", "alias_key"))
    bulk_insert(conn, t.places, ((pid, f"name:{name.casefold()}", name, rng.choice(COUNTRIES[:-1]),
                                  rng.uniform(-40, 60), rng.uniform(-20, 60), None, "city")
                                 for pid, name in pools_.places),
                ("id", "place_key", "name", "country", "lat", "lon", "geonames_id", "kind"))
    reset_sequences(conn, ["places"])


def _article(rows: dict, k: int, p: Pools, rng: random.Random, sqlite: bool) -> None:
    sents = rng.sample(p.sentences, rng.randint(3, 6))
    text = " ".join(sents) + f" (Ref. {k}.)"
    digest, aid, day = content_hash(text), article_id(text), benchlib.day_of(k)
    when = "2024-01-01 00:00:00.000000" if sqlite else datetime(2024, 1, 1, tzinfo=timezone.utc)

    def add(table: str, *values) -> None:
        rows.setdefault(table, []).append(values)

    add("articles", aid, digest, text, sents[0][:120], None, f"bench/{k:06d}", day, "en", PIPELINE, when)
    cast = list(dict.fromkeys(rng.choices(p.actors, cum_weights=p.actor_weights, k=rng.randint(3, 8))))
    offsets = [m.start() for m in re.finditer(r"\S+", text)]
    for actor_id, name, _, _ in cast:
        add("appearances", aid, actor_id, None)
        for _ in range(rng.randint(1, 3)):
            s = rng.choice(offsets)
            add("mentions", aid, actor_id, s, s + len(name), name, name.casefold())
    if sqlite:
        add("search_index", text, "article", aid, aid)
    for j, sent in enumerate(rng.sample(sents, min(len(sents), rng.randint(0, 5)))):
        sid = k * 10 + j + 1  # explicit ids, so that search rows can name their statement
        s = text.index(sent)
        add("statements", sid, aid, rng.choice(cast)[0], rng.choice(CUES), sent, s, s + len(sent),
            rng.random() < 0.3, None, None, None, None, None, day)
        if sqlite:
            add("search_index", sent, "statement", str(sid), aid)
    for _ in range(rng.randint(0, 4) if len(cast) > 1 else 0):
        (src, *_), (dst, *_) = rng.sample(cast, 2)
        sent = rng.choice(sents)
        s = text.index(sent)
        add("relations", aid, src, rng.choice(RELATIONS), dst, src if rng.random() < 0.5 else None,
            rng.random() < 0.1, rng.choice(["asserted", "asserted", "hypothetical"]), rng.choice(CUES), sent, s,
            s + len(sent), day)
        add("events", aid, rng.choice(EVENTS), None, src, dst, None, day, sent, s, s + len(sent), day)
    _demands(add, k, aid, cast, sents, text, rng, day)
    for pid, name in dict.fromkeys(rng.choices(p.places, cum_weights=p.place_weights, k=rng.randint(0, 2))):
        s = rng.choice(offsets)
        add("place_mentions", aid, pid, s, s + len(name), name)


def _demands(add, k: int, aid: str, cast: list, sents: list[str], text: str, rng: random.Random, day: str) -> None:
    if len(cast) < 2:
        return
    for j in range(rng.choice([0, 0, 1, 1, 2])):
        did = k * 4 + j + 1
        sent = rng.choice(sents)
        s = text.index(sent)
        add("demands", did, aid, rng.choice(STATUSES), None, cast[0][0], sent, s, s + len(sent), day)
        add("demand_parties", did, "by", cast[0][0])
        add("demand_parties", did, "of", cast[1][0])
        for pos, item in enumerate(rng.sample(ITEMS, rng.randint(1, 2))):
            add("demand_items", did, pos, item)
        if rng.random() < 0.4:
            add("conditionals", aid, cast[0][0], "if " + rng.choice(ITEMS), "we will talk", "if",
                cast[0][0], sent, s, s + len(sent), day)


COLUMNS = {
    "articles": ARTICLE_COLS,
    "appearances": ("article_id", "actor_id", "role"),
    "mentions": ("article_id", "actor_id", "start", "end", "text", "alias_key"),
    "statements": ("id", "article_id", "speaker", "cue", "content", "start", "end", "direct", "source_start",
                   "source_end", "cue_start", "cue_end", "role", "sort_date"),
    "relations": ("article_id", "source", "type", "target", "claimed_by", "negated", "modality", "cue",
                  "evidence", "start", "end", "sort_date"),
    "events": ("article_id", "type", "mode", "source", "target", "place", "date", "evidence", "start", "end",
               "sort_date"),
    "demands": ("id", "article_id", "status", "condition_for", "claimed_by", "evidence", "start", "end",
                "sort_date"),
    "demand_parties": ("demand_id", "side", "actor_id"),
    "demand_items": ("demand_id", "position", "item"),
    "conditionals": ("article_id", "actor", "if_text", "then_text", "cue", "claimed_by", "evidence", "start",
                     "end", "sort_date"),
    "place_mentions": ("article_id", "place_id", "start", "end", "text"),
    "search_index": SEARCH_COLUMNS,
}


def _flush(conn, rows: dict[str, list[tuple]], sqlite: bool) -> None:
    for table, columns in COLUMNS.items():  # parents before children (foreign keys)
        if rows.get(table):
            bulk_insert(conn, table, rows[table], columns)
    reset_sequences(conn, ["statements", "demands"])
