"""Where ``analyze_many`` spends its time: per pipeline component, then per Parley function.

First each component of the pipeline (spaCy's and Parley's) runs over the same texts on its
own, timed; then pyinstrument samples a normal ``analyze_many`` run and the functions in
Parley's own code (``src/parley``) are ranked by self time (time in their own lines, including
the spaCy attribute lookups and builtins they call) and inclusive time (with their callees).
Needs pyinstrument (``pip install pyinstrument``).

    python bench/profile_analyze.py --articles 100 --html profile.html
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import benchlib

PARLEY_SRC = str(benchlib.REPO / "src" / "parley")


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=100, help="texts to analyse (default 100)")
    benchlib.corpus_option(p)
    p.add_argument("--top", type=int, default=15, help="Parley functions to list (default 15)")
    p.add_argument("--interval", type=float, default=0.001, help="sampling interval in seconds")
    p.add_argument("--html", default=None, metavar="PATH", help="also write pyinstrument's HTML report")
    p.add_argument("--json", default=None, metavar="PATH", help="also write the figures as JSON")
    args = p.parse_args(argv)

    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("profile_analyze needs pyinstrument: pip install pyinstrument") from None
    from parley import analyze_many
    from parley.config import Settings
    from parley.nlp.components import resources_for
    from parley.nlp.pipeline import load_pipeline

    settings = Settings.load()
    nlp = load_pipeline(settings.model, settings.kb)
    resources_for(nlp, settings.kb)
    texts = [a["text"] for a in benchlib.articles(benchlib.load_texts(args.corpus), args.articles)]
    list(analyze_many(((t, {}) for t in texts[:4]), nlp=nlp, settings=settings))  # warm-up

    stages = component_times(nlp, texts, settings.batch_size)
    profiler = Profiler(interval=args.interval)
    profiler.start()
    for _ in analyze_many(((t, {}) for t in texts), nlp=nlp, settings=settings):
        pass
    profiler.stop()
    session = profiler.last_session
    functions = parley_functions(session.root_frame(), session.duration)

    result = {"articles": len(texts), "words": sum(map(benchlib.words, texts)),
              "duration_s": round(session.duration, 3), "components": stages,
              "functions": functions[:max(args.top, 30)]}
    _report(result, args.top)
    if args.html:
        Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
    benchlib.write_json(args.json, result)
    return result


def component_times(nlp, texts: list[str], batch_size: int) -> list[dict]:
    """Seconds each pipeline component takes over ``texts`` (run one component at a time)."""
    from parley.analyzer import assemble
    from parley.models import Article

    docs = []
    t0 = time.perf_counter()
    for text in texts:
        doc = nlp.make_doc(text)
        doc.user_data["parley_published"] = None
        doc.user_data["parley_offset"] = 0
        docs.append(doc)
    times = [("tokenizer", time.perf_counter() - t0)]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times.append((name, time.perf_counter() - t0))
    t0 = time.perf_counter()
    for text, doc in zip(texts, docs):
        assemble(Article(text=text, id=""), [(0, doc)])
    times.append(("assemble (analyzer.py)", time.perf_counter() - t0))
    total = sum(s for _, s in times)
    return [{"component": n, "seconds": round(s, 3), "percent": round(100 * s / total, 1),
             "parley": n.startswith(("parley_", "assemble"))} for n, s in times]


def parley_functions(root, duration: float) -> list[dict]:
    """Parley's functions with self and inclusive seconds, by self time (a recursive call is
    counted once in the inclusive time)."""
    stats: dict[str, list[float]] = {}

    def walk(frame, open_keys: frozenset) -> None:
        key = _key(frame)
        if key:
            entry = stats.setdefault(key, [0.0, 0.0])
            entry[0] += frame.total_self_time
            if key not in open_keys:
                entry[1] += frame.time
                open_keys = open_keys | {key}
        for child in frame.children:
            walk(child, open_keys)

    walk(root, frozenset())
    rows = [{"function": k, "self_s": round(s, 3), "self_percent": round(100 * s / duration, 1),
             "inclusive_s": round(i, 3), "inclusive_percent": round(100 * i / duration, 1)}
            for k, (s, i) in stats.items()]
    return sorted(rows, key=lambda r: -r["self_s"])


def _key(frame) -> str | None:
    path = frame.file_path or ""
    if frame.is_synthetic or not path.startswith(PARLEY_SRC):
        return None
    return f"{Path(path).relative_to(Path(PARLEY_SRC).parent)}:{frame.line_no} {frame.function}"


def _report(r: dict, top: int) -> None:
    benchlib.print_table(f"components over {r['articles']} articles ({r['words']:,} words), one at a time",
                         ["component", "seconds", "%"],
                         [[c["component"], c["seconds"], c["percent"]] for c in r["components"]])
    share = sum(c["percent"] for c in r["components"] if c["parley"])
    print(f"Parley's components and assembly: {share:.1f}% of the time")
    benchlib.print_table(f"top {top} functions in Parley's code by self time (analyze_many, {r['duration_s']:.1f} s "
                         "sampled)", ["function", "self s", "self %", "incl. s", "incl. %"],
                         [[f["function"], f["self_s"], f["self_percent"], f["inclusive_s"], f["inclusive_percent"]]
                          for f in r["functions"][:top]])


if __name__ == "__main__":
    main()
