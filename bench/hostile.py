"""Cost of hostile input: CPU per KB of pathological texts, a long text's memory, and how the
API answers reads while a pathological analysis runs.

Three parts, each optional:

- ``--sizes``: every kind of pathological text (runs of quotation marks, brackets, dashes, one
  huge word, random punctuation, ...) at each size, analysed in this process; CPU ms per KB,
  the worst kind, and how its cost grows (the exponent of CPU against size: 1 is linear).
- ``--big-mb``: one text of that many MB (corpus articles joined), analysed in a subprocess;
  its peak RSS and CPU time.
- ``--api``: a server (uvicorn on 127.0.0.1) over a small store; GET /api/v1/stats and
  /api/v1/actors timed while idle and while a pathological POST /api/v1/analyze runs.

    python bench/hostile.py --sizes 1,4,16,64 --big-mb 2 --api --json hostile.json
"""
from __future__ import annotations

import argparse
import json
import math
import random
import resource
import string
import subprocess
import sys
import time

import benchlib

KINDS = {
    "straight quotes": '"', "curly quotes": "\u201c\u201d", "two apostrophes": "''",
    "brackets": "((((", "dashes": "-----", "one word": "a", "spaced quotes": '" ',
    "one-letter words": "a ", "said and quote": 'said " ',
}


def hostile_text(kind: str, size: int, *, seed: int = 0) -> str:
    """A pathological text of ``size`` characters (random punctuation when ``kind`` is not a
    pattern of :data:`KINDS`)."""
    if kind in KINDS:
        unit = KINDS[kind]
        return (unit * (size // len(unit) + 1))[:size]
    rng = random.Random(seed)
    pool = string.punctuation + (" " if kind == "random punctuation and spaces" else "")
    return "".join(rng.choice(pool) for _ in range(size))


ALL_KINDS = [*KINDS, "random punctuation", "random punctuation and spaces"]


def cpu_per_kb(sizes_kb: list[int], *, settings=None) -> dict:
    """CPU ms per KB of every kind at every size, the worst kind and its growth exponent."""
    from parley import analyze

    analyze("A warm-up text. Turkey said so.", settings=settings)
    rows = {}
    for kind in ALL_KINDS:
        rows[kind] = {}
        for kb in sizes_kb:
            text = hostile_text(kind, kb * 1024)
            t0 = time.process_time()
            analyze(text, settings=settings)
            rows[kind][kb] = round((time.process_time() - t0) * 1000 / kb, 2)
    big = max(sizes_kb)
    worst = max(rows, key=lambda k: rows[k][big])
    return {"sizes_kb": sizes_kb, "ms_per_kb": rows, "worst": worst, "worst_ms_per_kb": rows[worst][big],
            "worst_exponent": _exponent(rows[worst], sizes_kb)}


def _exponent(ms_per_kb: dict, sizes_kb: list[int]) -> float | None:
    """The exponent e of CPU ~ size**e between the smallest and largest size."""
    lo, hi = min(sizes_kb), max(sizes_kb)
    if lo == hi or ms_per_kb[lo] <= 0:
        return None
    total_lo, total_hi = ms_per_kb[lo] * lo, ms_per_kb[hi] * hi
    return round(math.log(total_hi / total_lo) / math.log(hi / lo), 2)


def long_text(mb: float, corpus: list[str] | None) -> str:
    """Corpus articles joined by blank lines up to ``mb`` million characters."""
    parts, size = [], 0
    for article in benchlib.articles(benchlib.load_texts(corpus), 10**7):
        parts.append(article["text"])
        size += len(article["text"]) + 2
        if size >= mb * 1e6:
            break
    return "\n\n".join(parts)


def big_child(mb: float, corpus: list[str] | None) -> dict:
    """(In the subprocess) analyse one long text; its size, CPU, wall time and peak RSS."""
    from parley import analyze

    text = long_text(mb, corpus)
    analyze("A warm-up text. Turkey said so.")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, w0 = time.process_time(), time.perf_counter()
    analysis = analyze(text)
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"chars": len(text), "cpu_s": round(cpu, 1), "wall_s": round(wall, 1),
            "cpu_ms_per_kb": round(cpu * 1000 / (len(text) / 1024), 2),
            "rss_before_mb": round(before / 1024), "peak_rss_mb": round(peak / 1024),
            "statements": len(analysis.statements), "actors": len(analysis.actors)}


def big_text(mb: float, corpus: list[str] | None) -> dict:
    """Run :func:`big_child` in a fresh interpreter, so that its peak RSS is its own."""
    cmd = [sys.executable, __file__, "--big-child", str(mb)] + [a for c in corpus or [] for a in ("--corpus", c)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1,4,16,64", help="KB sizes of the pathological texts ('' skips)")
    p.add_argument("--big-mb", type=float, default=0, help="MB of the long text (0 skips; default)")
    p.add_argument("--api", action="store_true", help="also time the API's reads during a slow analysis")
    p.add_argument("--api-kb", type=int, default=256, help="KB of the pathological POST (default 256)")
    p.add_argument("--budget", type=int, default=None, help="the server's analysis budget in s (default: Settings)")
    p.add_argument("--big-child", type=float, default=None, help=argparse.SUPPRESS)
    benchlib.corpus_option(p)
    p.add_argument("--json", default=None, metavar="PATH", help="also write the figures as JSON")
    args = p.parse_args(argv)
    if args.big_child is not None:
        print(json.dumps(big_child(args.big_child, args.corpus)))
        return {}
    result: dict = {}
    if args.sizes:
        result["cpu"] = cpu_per_kb([int(s) for s in args.sizes.split(",")])
    if args.big_mb:
        result["big_text"] = big_text(args.big_mb, args.corpus)
    if args.api:
        import hostile_api

        result["api"] = hostile_api.measure(hostile_text(_worst_kind(result), args.api_kb * 1024),
                                            corpus=args.corpus, budget=args.budget)
    _report(result)
    benchlib.write_json(args.json, result)
    return result


def _worst_kind(result: dict) -> str:
    return result["cpu"]["worst"] if "cpu" in result else "spaced quotes"


def _report(r: dict) -> None:
    if "cpu" in r:
        c = r["cpu"]
        benchlib.print_table("CPU ms per KB of pathological texts", ["kind", *(f"{kb} KB" for kb in c["sizes_kb"])],
                             [[k, *row.values()] for k, row in c["ms_per_kb"].items()])
        print(f"\nworst: {c['worst']}, {c['worst_ms_per_kb']} ms/KB; CPU grows as size^{c['worst_exponent']}")
    if "big_text" in r:
        b = r["big_text"]
        print(f"\nlong text: {b['chars']:,} characters, {b['cpu_s']} s CPU ({b['cpu_ms_per_kb']} ms/KB), "
              f"peak RSS {b['peak_rss_mb']} MB (after start-up {b['rss_before_mb']} MB)")
    if "api" in r:
        a = r["api"]
        benchlib.print_table(f"GET latency in ms (POST /analyze of {a['post_kb']} KB: {a['post_status']} "
                             f"after {a['post_s']} s)", ["endpoint", "idle p50", "idle p95", "busy p50", "busy p95"],
                             [[e, *v.values()] for e, v in a["get_ms"].items()])


if __name__ == "__main__":
    main()
