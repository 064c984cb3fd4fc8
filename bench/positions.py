"""Position grouping: pairwise precision and recall of the positions the store computes.

Two sets:
- ``scenario``: the articles of tests/data/scenario, analysed by the pipeline with their actors
  and stored; the gold grouping is ``expected.json`` (each step of a history belongs to the
  expected position whose history lists that date, status and actors and whose word it has).
- ``generated``: ``--negotiations`` invented negotiations of ``--articles`` articles each, built
  as analyses directly (no model: this measures the grouping, not the extraction). Each has a
  rebel group, a government and a mediator, three places and demands worded in varied ways
  ("the withdrawal of troops from A and B" ~ "the government forces must leave A and al-B" ~
  "a pullout from B"), answers (rejected, accepted), restatements, distractors that share a head
  but name other places or things, and conditional threats; every fact carries its gold position.

A pair of facts is a true positive when both the store and the gold put them in one position.

    .venv/bin/python bench/positions.py
    .venv/bin/python bench/positions.py --negotiations 200 --articles 12 --json positions.json
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations, permutations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCENARIO = REPO / "tests" / "data" / "scenario"
SYLLABLES = ["bra", "ken", "lor", "mar", "vel", "dos", "tir", "han", "sul", "oro", "zem", "qua", "pel", "rin"]
WITHDRAWAL = ["the withdrawal of {gov} troops from {p1} and {p2}", "{gov} forces must leave {p1} and al-{p2}",
              "the pullout of troops from {p2} and {p1}", "a full withdrawal from {p1} and {p2}",
              "the departure of all {gov} soldiers from {p1} and {p2}",
              "an end to the {gov} military presence in {p1} and {p2}"]  # no shared head: a known miss
SOFTENED = ["the withdrawal of {gov} troops from {p1}", "a pullout from {p1}", "{gov} forces must leave {p1}"]
RELEASE = ["the release of all political prisoners", "freeing the political prisoners",
           "the release of political prisoners held in the capital",
           "an amnesty for political detainees"]  # other words for the same thing: a known miss
DISARM = ["the disarmament of {reb} fighters", "disarm the {reb} fighters", "the full disarmament of the militias"]
OTHER = ["the withdrawal of troops from {p3}", "the release of foreign hostages", "elections in {p3}",
         "the reopening of the {p3} airport", "humanitarian access to {p1} and {p2}"]
THREAT = ["it would attack {gov} troops", "it would resume attacks on {gov} troops"]


def pairs(labels: dict[object, object]) -> set[frozenset]:
    groups = defaultdict(list)
    for fact, label in labels.items():
        groups[label].append(fact)
    return {frozenset(p) for members in groups.values() for p in combinations(sorted(members, key=str), 2)}


def score(predicted: dict, gold: dict) -> dict:
    """Pairwise precision, recall and F1 of ``predicted`` against ``gold`` (fact -> label)."""
    facts = predicted.keys() & gold.keys()
    p, g = pairs({f: predicted[f] for f in facts}), pairs({f: gold[f] for f in facts})
    precision = len(p & g) / len(p) if p else 1.0
    recall = len(p & g) / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"facts": len(facts), "gold_positions": len(set(gold.values())),
            "positions": len({predicted[f] for f in facts}), "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4)}


def predicted_labels(store) -> dict[tuple, str]:
    """Each step of each position (by article and span), labelled with its position id."""
    return {(h["article_id"], h["start"], h["text"]): p["id"] for p in store.positions().items for h in p["history"]}


# -- the scenario ---------------------------------------------------------------------------------
def scenario() -> dict:
    from parley.analyzer import analyze_many
    from parley.config import Settings
    from parley.store import open_store

    sys.path.insert(0, str(REPO / "tests" / "store"))
    from test_scenario import scenario_items

    expected = json.loads((SCENARIO / "expected.json").read_text(encoding="utf-8"))["positions"]
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/scenario.db") as store:
        for analysis in analyze_many(scenario_items(), settings=Settings.load(kb=str(SCENARIO / "actors.yaml"))):
            store.add_analysis(analysis)
        predicted = predicted_labels(store)
        gold = {}
        for p in store.positions().items:
            for h in p["history"]:
                step = f"{h['date']} {h['status']} {' '.join(h['actors'])}"
                found = [i for i, e in enumerate(expected) if step in e["history"] and e["about"].split()[0]
                         in h["text"].lower()]
                gold[(h["article_id"], h["start"], h["text"])] = found[0] if found else ("unexpected", step)
    return score(predicted, gold)


# -- the generated variant ------------------------------------------------------------------------
def _names(rng: random.Random) -> list[str]:
    """Invented names of two or three syllables, shuffled, none twice (2,366 of them)."""
    names = ["".join(p).capitalize() for k in (2, 3) for p in permutations(SYLLABLES, k)]
    rng.shuffle(names)
    return names


def generated(negotiations: int, articles: int, seed: int) -> dict:
    from parley.store import open_store

    rng = random.Random(seed)
    names = _names(rng)
    if 6 * negotiations > len(names):
        raise SystemExit(f"at most {len(names) // 6} negotiations")
    analyses, gold = [], {}
    for n in range(negotiations):
        world = {"reb": f"{names.pop()} Front", "gov": names.pop(), "med": f"{names.pop()} League",
                 **{f"p{i}": names.pop() for i in (1, 2, 3)}}
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(300))
        for a in range(articles):
            facts = _article_facts(rng, world, a)
            analysis, keys = _analysis(world, facts, (day + dt.timedelta(days=7 * a)).isoformat(), n, a)
            analyses.append(analysis)
            gold.update(keys)
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/generated.db") as store:
        for analysis in analyses:
            store.add_analysis(analysis)
        started = time.perf_counter()
        predicted = predicted_labels(store)
        seconds = time.perf_counter() - started
    return {**score(predicted, gold), "articles": len(analyses), "seconds": round(seconds, 3)}


def _article_facts(rng: random.Random, w: dict, a: int) -> list[tuple]:
    """(kind, actor, text, status, gold topic) of one article; the first article states the
    main demands, later ones restate, answer, distract and threaten."""
    facts = []
    if a == 0 or rng.random() < 0.6:
        pick = WITHDRAWAL if a < 3 or rng.random() < 0.5 else SOFTENED
        facts.append(("demand", "reb", rng.choice(pick), "stated", "withdrawal"))
    if rng.random() < 0.4:
        facts.append(("demand", "gov", rng.choice(WITHDRAWAL[:2]), rng.choice(["rejected", "accepted"]), "withdrawal"))
    if a == 0 or rng.random() < 0.4:
        facts.append(("demand", "reb", rng.choice(RELEASE), "stated", "release"))
    if rng.random() < 0.5:
        facts.append(("demand", "gov", rng.choice(DISARM), "stated", "disarm"))
    if rng.random() < 0.3:
        i = rng.randrange(len(OTHER))
        facts.append(("demand", "med", OTHER[i], "stated", f"other{i}"))
    if a in (1, 2) or rng.random() < 0.15:
        facts.append(("conditional", "reb", rng.choice(THREAT), "stated", "threat"))
    return facts


def _analysis(w: dict, facts: list[tuple], day: str, n: int, a: int):
    """One article of sentences "<Actor> demanded <item>." / "<Actor> said <then> if talks fail."."""
    from parley.models import Actor, Analysis, Article, Conditional, Demand, Mention, article_id

    ids = {"reb": f"reb-{n}", "gov": f"gov-{n}", "med": f"med-{n}"}
    kinds = {"reb": "armed_group", "gov": "state", "med": "international_org"}
    verbs = {"stated": "demanded", "rejected": "rejected the demand for", "accepted": "accepted the demand for"}
    text, mentions, demands, conditionals, keys = f"Report {n}.{a}. ", defaultdict(list), [], [], {}
    for kind, who, template, status, topic in facts:
        item = template.format(**w)
        start = len(text)
        if kind == "demand":
            sentence = f"{w[who]} {verbs[status]} {item}."
            demands.append(Demand((ids[who],), (), (item,), sentence, start, start + len(sentence), status=status,
                                  claimed_by=ids[who] if status != "stated" else None))
        else:
            sentence = f"{w[who]} said {item} if talks fail."
            conditionals.append(Conditional(ids[who], "talks fail", item, sentence, start, start + len(sentence)))
        for key in ids:  # every name of an actor in the sentence is a mention of it
            for m in re.finditer(rf"\b{re.escape(w[key])}\b", sentence):
                mentions[key].append(Mention(w[key], start + m.start(), start + m.end()))
        text += sentence + " "
        keys[(start, item)] = (n, topic)
    article = Article(text, article_id(text), published=day, source=f"gen-{n}-{a}.txt", pipeline="bench 1")
    actors = tuple(Actor(ids[k], w[k], kinds[k], mentions=tuple(v)) for k, v in mentions.items())
    analysis = Analysis(article=article, actors=actors, demands=tuple(demands), conditionals=tuple(conditionals))
    return analysis, {(article.id, s, item): label for (s, item), label in keys.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--negotiations", type=int, default=100, help="generated negotiations (default 100)")
    parser.add_argument("--articles", type=int, default=10, help="articles per generated negotiation (default 10)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--skip-scenario", action="store_true", help="only the generated set (no model needed)")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    out = {} if args.skip_scenario else {"scenario": scenario()}
    out["generated"] = generated(args.negotiations, args.articles, args.seed)
    print(f"{'set':<10} {'facts':>6} {'gold':>5} {'found':>6} {'precision':>9} {'recall':>7} {'f1':>6}")
    for name, r in out.items():
        print(f"{name:<10} {r['facts']:>6} {r['gold_positions']:>5} {r['positions']:>6} {r['precision']:>9.3f} "
              f"{r['recall']:>7.3f} {r['f1']:>6.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
