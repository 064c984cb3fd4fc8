"""Throughput of ``parley.analyze_many`` against a bare ``nlp.pipe`` of the same spaCy model.

Both run over the same texts with the same batch size in one process, after a warm-up, so the
ratio is the cost of Parley's components and assembly on top of the parse. Start-up (model load;
for Parley also the knowledge base, gazetteer and lexicons) is timed once and reported apart.

    python bench/throughput.py --articles 200 --json throughput.json
"""
from __future__ import annotations

import argparse
import time

import benchlib


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=100, help="texts to analyse (default 100)")
    benchlib.corpus_option(p)
    p.add_argument("--batch-size", type=int, default=None, help="texts per nlp.pipe batch (default: Settings)")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: Settings, PARLEY_MODEL)")
    p.add_argument("--warmup", type=int, default=4, help="texts run through each pipeline before timing")
    p.add_argument("--repeat", type=int, default=1, help="timed rounds; the fastest counts (default 1)")
    p.add_argument("--json", default=None, metavar="PATH", help="also write the figures as JSON")
    args = p.parse_args(argv)

    import spacy

    from parley import analyze_many
    from parley.config import Settings
    from parley.nlp.components import resources_for
    from parley.nlp.pipeline import load_pipeline

    settings = Settings.load(model=args.model, batch_size=args.batch_size)
    texts = [a["text"] for a in benchlib.articles(benchlib.load_texts(args.corpus), args.articles)]
    warm = texts[:max(1, args.warmup)]
    bare, bare_start = _timed_value(lambda: spacy.load(settings.model))
    # Parley's start-up: the model, then the knowledge base, gazetteer, lexicons and matcher.
    nlp, parley_start = _timed_value(lambda: load_pipeline(settings.model, settings.kb))
    parley_start += _timed(lambda: resources_for(nlp, settings.kb))

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=settings.batch_size):
            pass

    def run_parley() -> None:
        for _ in analyze_many(((t, {}) for t in texts), nlp=nlp, settings=settings):
            pass

    list(bare.pipe(warm, batch_size=settings.batch_size))
    list(analyze_many(((t, {}) for t in warm), nlp=nlp, settings=settings))
    rounds = [(_timed(run_bare), _timed(run_parley)) for _ in range(args.repeat)]  # interleaved: fairer
    bare_s, parley_s = min(b for b, _ in rounds), min(q for _, q in rounds)

    n_words = sum(map(benchlib.words, texts))
    result = {
        "articles": len(texts), "words": n_words, "model": settings.model, "batch_size": settings.batch_size,
        "processes": 1, "repeat": args.repeat,
        "parley_s": round(parley_s, 3), "bare_s": round(bare_s, 3),
        "ratio": round(parley_s / bare_s, 3) if bare_s else None,
        "parley_articles_per_s": round(len(texts) / parley_s, 2), "bare_articles_per_s": round(len(texts) / bare_s, 2),
        "parley_words_per_s": round(n_words / parley_s), "bare_words_per_s": round(n_words / bare_s),
        "startup": {"parley_s": round(parley_start, 2), "bare_s": round(bare_start, 2)},
    }
    _report(result)
    benchlib.write_json(args.json, result)
    return result


def _timed(fn) -> float:
    return _timed_value(fn)[1]


def _timed_value(fn) -> tuple:
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def _report(r: dict) -> None:
    benchlib.print_table(
        f"{r['articles']} articles, {r['words']:,} words; model {r['model']}, batch {r['batch_size']}, "
        f"{r['processes']} process",
        ["pipeline", "seconds", "articles/s", "words/s", "start-up s"],
        [["parley.analyze_many", r["parley_s"], r["parley_articles_per_s"], r["parley_words_per_s"],
          r["startup"]["parley_s"]],
         ["bare nlp.pipe", r["bare_s"], r["bare_articles_per_s"], r["bare_words_per_s"], r["startup"]["bare_s"]]])
    print(f"\nratio Parley/bare (time): {r['ratio']:.2f}  -- Parley runs at "
          f"{100 / r['ratio']:.0f}% of the bare parse's speed")


if __name__ == "__main__":
    main()
