"""Train Parley's attribution model: a small CNN span tagger for who-said-what.

The model tags CONTENT (what was said), SOURCE (who said it) and CUE (the reporting words) as
non-overlapping spans, with spaCy's transition-based ``ner`` over a fresh CNN tok2vec
(MultiHashEmbed NORM/PREFIX/SUFFIX/SHAPE, MaxoutWindowEncoder width 96, depth 4). It trains on
brat attribution files (PolNeAR's layout: ``text/*.txt`` and ``attributions/<stem>_*.ann``) on
one CPU core (about 30 minutes), with a fixed seed and a fixed number of epochs, and keeps the
epoch with the best exact-span CONTENT F1 on the evaluation split (``--dev``).

Only the weights are written: the saved vocabulary keeps spaCy's own strings and the labels,
never the words of the training texts.

    OMP_NUM_THREADS=1 nice -n 10 python tools/train_attribution.py \\
        --data ../shared/bench/polnear/train --dev ../shared/bench/polnear/dev \\
        --out src/parley/nlp/models/attribution

It writes the model folder with ``figures.json`` in it (per-label exact-span precision, recall
and F1 on the evaluation split, the epoch kept, seed, training time). See
``docs/attribution-model.md``.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

LABELS = ("CONTENT", "SOURCE", "CUE")

CONFIG = """
[nlp]
lang = "en"
pipeline = ["tok2vec","ner"]

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,2500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96
upstream = "tok2vec"
"""


def read_ann(path: Path) -> list[tuple[str, int, int]]:
    """(label, start, end) of every Source, Cue and Content span of one brat file (a
    discontinuous span is taken from its first to its last piece)."""
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        label, _, ranges = parts[1].partition(" ")
        if label.upper() not in LABELS or not ranges:
            continue
        pieces = [tuple(map(int, r.split())) for r in ranges.split(";")]
        spans.append((label.upper(), min(p[0] for p in pieces), max(p[1] for p in pieces)))
    return spans


def labelled(nlp, split: Path, limit: int = 0) -> list:
    """One Example per article: its text and its spans, overlaps resolved longest first."""
    from spacy.training import Example
    from spacy.util import filter_spans

    out = []
    for txt in sorted((split / "text").glob("*.txt"))[: limit or None]:
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        ref = nlp.make_doc(txt.read_text(encoding="utf-8"))
        spans = []
        for lab, s, e in read_ann(anns[0]):
            span = ref.char_span(s, e, label=lab, alignment_mode="expand")
            if span is None:
                continue
            a, b = span.start, span.end
            while a < b and ref[a].is_space:
                a += 1
            while b > a and ref[b - 1].is_space:
                b -= 1
            if b > a:
                spans.append(ref[a:b])
                spans[-1].label_ = lab
        ref.ents = filter_spans(spans)
        out.append(Example(nlp.make_doc(ref.text), ref))
    return out


def scores(nlp, dev: list) -> dict:
    """Per-label precision, recall and F1 of exact spans on ``dev``."""
    result = nlp.evaluate(dev)
    per = result.get("ents_per_type") or {}
    return {lab: {k: round(v, 4) for k, v in per.get(lab, {}).items()} for lab in LABELS} | {
        "all": {"p": round(result["ents_p"], 4), "r": round(result["ents_r"], 4), "f": round(result["ents_f"], 4)}}


def train(args) -> dict:
    """Train, keep the best epoch by CONTENT F1 on the evaluation split, return the figures."""
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch
    from thinc.api import Config

    fix_random_seed(args.seed)
    random.seed(args.seed)
    nlp = spacy.util.load_model_from_config(Config().from_str(CONFIG), auto_fill=True, validate=True)
    train_set = labelled(nlp, Path(args.data), args.limit)
    dev_set = labelled(nlp, Path(args.dev), args.dev_limit) if args.dev else train_set[:20]
    for lab in LABELS:
        nlp.get_pipe("ner").add_label(lab)
    optimizer = nlp.initialize(lambda: train_set)
    best, figures, started = -1.0, {}, time.time()
    work = Path(args.out).with_name(Path(args.out).name + ".best")
    for epoch in range(args.epochs):
        random.shuffle(train_set)
        losses: dict = {}
        for batch in minibatch(train_set, size=compounding(2.0, 8.0, 1.001)):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        figure = scores(nlp, dev_set)
        elapsed = time.time() - started
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.0f} content F1 {figure['CONTENT'].get('f', 0):.3f}"
              f" ({elapsed / 60:.1f} min)", flush=True)
        if figure["CONTENT"].get("f", 0) > best:
            best, figures = figure["CONTENT"].get("f", 0), {"epoch": epoch + 1, "dev": figure}
            nlp.to_disk(work)
        if elapsed > args.max_minutes * 60:
            print("time budget spent: stopping", flush=True)
            break
    figures.update(seed=args.seed, epochs_run=epoch + 1, train_minutes=round((time.time() - started) / 60, 1),
                   train_articles=len(train_set), eval_articles=len(dev_set), labels=list(LABELS))
    return figures


def strip_strings(model_dir: Path) -> None:
    """Keep only spaCy's own strings and the labels in the saved vocabulary."""
    import spacy

    strings = set(spacy.blank("en").vocab.strings) | set(LABELS)
    (model_dir / "vocab" / "strings.json").write_text(json.dumps(sorted(strings)), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="training split (text/ and attributions/)")
    ap.add_argument("--dev", default=None, help="evaluation split that picks the best epoch")
    ap.add_argument("--out", required=True, help="model folder to write")
    ap.add_argument("--epochs", type=int, default=14)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--limit", type=int, default=0, help="first N training articles (0: all)")
    ap.add_argument("--dev-limit", type=int, default=0)
    ap.add_argument("--max-minutes", type=float, default=60.0,
                    help="safety stop after the epoch that passes this (the shipped model ran all its epochs)")
    args = ap.parse_args()
    figures = train(args)
    out, work = Path(args.out), Path(args.out).with_name(Path(args.out).name + ".best")
    if out.exists():
        shutil.rmtree(out)
    shutil.move(str(work), str(out))
    strip_strings(out)
    import spacy

    reloaded = spacy.load(out)
    figures["reloaded_dev"] = scores(reloaded, labelled(reloaded, Path(args.dev), args.dev_limit)) if args.dev else None
    (out / "figures.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures["dev"]["CONTENT"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
