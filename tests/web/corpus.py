"""A generated store of a few hundred articles over many actors, for the pages at scale: each
article is built from templated sentences, and its facts are written with spans into that very
text (no pipeline run, so the store is built in seconds and is the same every time)."""
from __future__ import annotations

import datetime as dt
import random

from parley.models import Actor, Analysis, Article, Demand, Mention, Relation, Statement, article_id

SIDES = 4
PER_SIDE = 30  # actors per side; with the mediators, over 120 actors in all
MEDIATORS = 6
ARTICLES = 220
KINDS = ("state", "government", "armed_group", "person", "organization", "party")
PLACES = ("Northern", "Coastal", "Eastern", "Western", "Highland", "Delta", "Central", "Southern")
NOUNS = ("Front", "Council", "Brigade", "Movement", "Alliance", "Assembly", "Union", "Coalition")
ITEMS = ("a ceasefire", "the withdrawal of foreign fighters", "the release of detainees",
         "access for aid convoys", "the reopening of the oil terminals", "elections before the end of the year")


def actors() -> list[dict]:
    """The cast: ``SIDES`` sides of ``PER_SIDE`` actors and a few mediators, names unique."""
    cast = []
    for side in range(SIDES):
        for i in range(PER_SIDE):
            name = f"{PLACES[(side * 3 + i) % len(PLACES)]} {NOUNS[i % len(NOUNS)]} {side + 1}-{i + 1}"
            cast.append({"id": f"side{side + 1}-{i + 1}", "name": name, "kind": KINDS[(side + i) % len(KINDS)],
                         "side": side})
    for i in range(MEDIATORS):
        cast.append({"id": f"mediator-{i + 1}", "name": f"Envoy Office {i + 1}", "kind": "international_org",
                     "side": None})
    return cast


class _Text:
    """An article text built sentence by sentence, remembering where each name stands."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.mentions: dict[str, list[Mention]] = {}

    def add(self, *pieces) -> tuple[int, int]:
        """Append a sentence of plain strings and (actor, words) pairs; returns its span."""
        start = self.length + (1 if self.parts else 0)
        if self.parts:
            self._put(" ")
        for piece in pieces:
            if isinstance(piece, tuple):
                actor, words = piece
                self.mentions.setdefault(actor["id"], []).append(Mention(words, self.length, self.length + len(words)))
                self._put(words)
            else:
                self._put(piece)
        return start, self.length

    def _put(self, words: str) -> None:
        self.parts.append(words)
        self.length += len(words)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _article(n: int, cast: list[dict], rng: random.Random) -> Analysis:
    """Article ``n``: a few stances within and across sides, a statement, a demand."""
    day = dt.date(2021, 1, 1) + dt.timedelta(days=n * 2)
    sides = [[a for a in cast if a["side"] == s] for s in range(SIDES)]
    text, relations = _Text(), []
    side = sides[n % SIDES]
    for _ in range(3):
        a, b = rng.sample(side, 2)
        relations.append(_relation(text, a, "supports", b, "voiced support for"))
    rival = sides[(n + 1) % SIDES]
    for kind, words in (("opposes", "opposed"), ("accuses", "accused"), ("threatens", "threatened"),
                        ("rejects", "rejected the offer of")):
        if rng.random() < 0.6:
            relations.append(_relation(text, rng.choice(side), kind, rng.choice(rival), words))
    if n % 4 == 0:  # one sentence, two stances: its evidence is shown once
        a, b, c = rng.sample(side, 3)
        s, e = text.add((a, a["name"]), " welcomed both ", (b, b["name"]), " and ", (c, c["name"]), ".")
        relations += [Relation(a["id"], "supports", x["id"], text.text[s:e], s, e, claimed_by=a["id"]) for x in (b, c)]
    mediator = cast[-1 - n % MEDIATORS]
    relations.append(_relation(text, mediator, "mediates", rng.choice(side), "mediated between the parties and"))
    speaker, target = rng.choice(side), rng.choice(rival)
    item_a, item_b = rng.sample(ITEMS, 2)
    s, e = text.add((speaker, speaker["name"]), " said that ", (target, target["name"]), f" must agree to {item_a} "
                    f"and {item_b} before the talks resume.")
    content = f"{target['name']} must agree to {item_a} and {item_b} before the talks resume"
    statement = Statement(speaker["id"], "said", content, s, e, role="spokesperson" if n % 3 == 0 else None)
    demand = Demand((speaker["id"],), (target["id"],), (item_a, item_b), text.text[s:e], s, e,
                    condition_for="the talks resume", status=("stated", "reiterated", "rejected")[n % 3],
                    claimed_by=speaker["id"])
    s, e = text.add("Its negotiators left the meeting early.")
    text.mentions.setdefault(speaker["id"], []).append(Mention("Its", s, s + 3))  # a pronoun resolved to it
    body = text.text
    names = {a["id"]: a for a in cast}
    people = tuple(Actor(aid, names[aid]["name"], names[aid]["kind"], mentions=tuple(ms))
                   for aid, ms in sorted(text.mentions.items()))
    title = (f"Talks between {side[0]['name']} and {rival[0]['name']} resume in round {n + 1}" if n % 5
             else f"{'A very long headline about the negotiations ' * 3}number {n + 1}")
    article = Article(text=body, id=article_id(body), title=title, published=day.isoformat(),
                      source=f"https://news.example.org/{day.year}/{day.month:02d}/"
                             f"a-long-address-for-article-number-{n + 1}-about-the-ceasefire-talks.html")
    return Analysis(article=article, actors=people, statements=(statement,), relations=tuple(relations),
                    demands=(demand,))


def _relation(text: _Text, a: dict, kind: str, b: dict, words: str) -> Relation:
    s, e = text.add((a, a["name"]), f" {words} ", (b, b["name"]), ".")
    return Relation(a["id"], kind, b["id"], text.text[s:e], s, e,
                    claimed_by=a["id"] if kind != "accuses" else None)


def build(url: str, *, articles: int = ARTICLES) -> str:
    """Write the generated articles into a new store at ``url``; returns the URL."""
    from parley.store import open_store

    cast, rng = actors(), random.Random(16)
    with open_store(url) as store:
        for n in range(articles):
            store.add_analysis(_article(n, cast, rng))
    return url
