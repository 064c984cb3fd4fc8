"""The most active actors of a store: are they real, named actors with the right identity?

Ingests the texts (default: ../shared/bench/polnear/dev/text and the examples) into a fresh
SQLite store and reads the ``--top`` actors an analyst sees first (``parley actors``: most
mentioned first). Each is flagged when it is

- a pronoun ("we", "they") or a speaker no rule resolved;
- a common noun: a name whose words are all lowercase ("violations", "sides");
- a placeholder: no mention, or its id as its name;
- a state (its id a state of the knowledge base) that is not of kind ``state`` or lacks its country.

    .venv/bin/python bench/top_actors.py
    .venv/bin/python bench/top_actors.py --top 100 --json top_actors.json
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from benchlib import REPO, SHARED

from parley.analyzer import analyze_many
from parley.knowledge.kb import load_kb
from parley.nlp.lexicon import load_lexicons
from parley.store import open_store

DEFAULT_TEXTS = (SHARED / "bench" / "polnear" / "dev" / "text", REPO / "examples")


def flaws(actor: dict, pronouns: frozenset[str], states: dict) -> list[str]:
    """What is wrong with one listed actor (see the module docstring); empty when nothing."""
    out = []
    name = actor["name"] or ""
    if actor["id"].startswith("pronoun:") or name.lower() in pronouns:
        out.append("pronoun")
    elif name == name.lower():
        out.append("common noun")
    if not actor["mentions"] or name == actor["id"]:
        out.append("placeholder")
    state = states.get(actor["id"])
    if state is not None and (actor["kind"] != "state" or (actor["country"] or "").upper() != state):
        out.append(f"state as {actor['kind']}/{actor['country']}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="folders of .txt files (default: PolNeAR dev and the examples)")
    ap.add_argument("--top", type=int, default=50, help="how many of the most active actors to check (50)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    files = sorted(f for p in (args.paths or DEFAULT_TEXTS) for f in Path(p).glob("*.txt"))
    if not files:
        sys.exit("top_actors: no .txt files found")
    kb = load_kb()
    states = {a.id: (a.country or "").upper() for a in kb.actors.values() if a.kind == "state"}
    pronouns = load_lexicons().words.pronouns
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/top.db") as store:
        items = ((f.read_text(encoding="utf-8"), {"source": f.name}) for f in files)
        for n, analysis in enumerate(analyze_many(items), 1):
            store.add_analysis(analysis)
            print(f"\r{n}/{len(files)} articles", end="", file=sys.stderr)
        print(file=sys.stderr)
        top = store.actors(limit=args.top).items
    flagged = [(a, f) for a in top if (f := flaws(a, pronouns, states))]
    for a, f in flagged:
        print(f"{a['mentions']:>5}  {a['id']:<40} {a['name']:<30} {', '.join(f)}")
    figures = {"articles": len(files), "top": len(top), "flagged": len(flagged),
               "clean_share": round(1 - len(flagged) / len(top), 3) if top else None,
               "seconds": round(time.perf_counter() - began, 1)}
    print(json.dumps(figures))
    if args.json:
        Path(args.json).write_text(json.dumps({**figures, "flags": {a["id"]: f for a, f in flagged}}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
