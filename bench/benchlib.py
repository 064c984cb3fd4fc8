"""Helpers shared by the benchmarks: the text corpus, varied articles, RSS sampling, output.

The corpora are read at run time from ``../shared`` beside the repository (``--corpus`` names
others); nothing of them is copied into the repository.
"""
from __future__ import annotations

import json
import os
import random
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterator

from parley.models import content_hash

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_CORPORA = (SHARED / "bench" / "polnear" / "dev" / "text", SHARED / "corpus")
FIRST_DAY = date(2019, 1, 1)
# A sentence ends at . ! ? (maybe closing a quote) before a capital, but not after "U.S." or "Mr."
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))(?<!\.[A-Z]\.)(?<!\b[A-Z]\.)"
                           r"(?<!\bMrs\.)(?<!\bM[rs]\.)(?<!\bDr\.)(?<!\bSt\.)\s+(?=[\"“‘(]?[A-Z0-9])")


def corpus_option(parser) -> None:
    """Add ``--corpus`` (repeatable: a folder of .txt files or one .txt file) to ``parser``."""
    parser.add_argument("--corpus", action="append", default=None, metavar="PATH",
                        help="folder of .txt files or one .txt file (repeatable; default: "
                             "../shared/bench/polnear/dev/text and ../shared/corpus)")


def load_texts(paths: list[str] | None) -> list[str]:
    """The texts of every .txt file under ``paths`` (sorted; default: the shared corpora)."""
    texts = []
    for path in map(Path, paths or DEFAULT_CORPORA):
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path] if path.is_file() else []
        texts += [t for t in (f.read_text(encoding="utf-8").strip() for f in files) if t]
    if not texts:
        where = ", ".join(map(str, paths or DEFAULT_CORPORA))
        sys.exit(f"no .txt texts found in {where} (name a corpus with --corpus)")
    return texts


def day_of(k: int) -> str:
    """A publication date for article k, spread over three years."""
    return (FIRST_DAY + timedelta(days=(k * 7919) % 1095)).isoformat()


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph (a rule good enough for reordering, not for analysis)."""
    return _SENTENCE_END.split(paragraph.strip())


def shuffle_sentences(text: str, rng: random.Random) -> str:
    """``text`` with its body paragraphs, and the sentences inside each, in another order (the
    first paragraph, usually the headline, stays first)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    body = [" ".join(rng.sample(s, len(s))) for s in map(split_sentences, body)]
    rng.shuffle(body)
    return "\n\n".join(head + body)


def articles(texts: list[str], n: int, *, seed: int = 0) -> Iterator[dict]:
    """``n`` distinct articles (id, text, published, title, source) made from ``texts``: the
    texts as they are first, then copies with shuffled sentences, each with its own date."""
    seen: set[str] = set()
    for k in range(n):
        base = texts[k % len(texts)]
        text = base if k < len(texts) else shuffle_sentences(base, random.Random(seed * 1_000_003 + k))
        digest = content_hash(text)
        if digest in seen:  # a text too short to reorder: mark it so it stays distinct
            text += f"\n\n(Ref. {k}.)"
            digest = content_hash(text)
        seen.add(digest)
        title = text.split("\n", 1)[0][:200]
        yield {"id": f"bench-{k:06d}", "text": text, "published": day_of(k), "title": title,
               "source": f"bench/{k:06d}.txt"}


def write_jsonl(path: Path, rows: Iterator[dict]) -> int:
    """Write ``rows`` as JSON lines, one at a time (never all in memory); returns the count."""
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def words(text: str) -> int:
    return len(text.split())


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of ``values``, by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def write_json(path: str | None, data: dict) -> None:
    if path:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def print_table(title: str, columns: list[str], rows: list[list]) -> None:
    """A plain-text table on standard output (numbers right-aligned)."""
    cells = [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) if cells else len(c) for i, c in enumerate(columns)]
    print(f"\n{title}")
    print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(columns, widths))))
    print("  ".join("-" * w for w in widths))
    for row in cells:  # the first column names the row; the others are figures
        print("  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(row, widths))))


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


# -- memory --------------------------------------------------------------------------------
def _status_kb(pid: int, key: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (by scanning /proc, which needs no extra package)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        kids = parents.get(todo.pop(), [])
        out += kids
        todo += kids
    return out


@dataclass
class RssSampler:
    """Samples the resident memory of a process and its descendants in a background thread.

    ``peak_mb`` per process comes from the kernel's high-water mark (VmHWM), so a peak between
    two samples is not missed. Each sample is a dict: ``t`` (seconds since start), ``total_mb``,
    ``mb`` (per pid) and ``probe`` (what the optional ``probe`` callable returned then).
    """

    pid: int = field(default_factory=os.getpid)
    interval: float = 0.5
    probe: Callable[[], object] | None = None
    samples: list[dict] = field(default_factory=list)
    peak_mb: dict[int, float] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> "RssSampler":
        self._t0 = time.perf_counter()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        if not Path("/proc/self/status").exists():
            return  # not Linux: no figures rather than wrong ones
        per_pid = {}
        for pid in [self.pid, *_children(self.pid)]:
            rss, hwm = _status_kb(pid, "VmRSS"), _status_kb(pid, "VmHWM")
            if rss is not None:
                per_pid[pid] = round(rss / 1024, 1)
                self.peak_mb[pid] = max(self.peak_mb.get(pid, 0.0), round((hwm or rss) / 1024, 1))
                if pid not in self.names:
                    self.names[pid] = _cmdline(pid)
        probe = None
        if self.probe is not None:
            try:
                probe = self.probe()
            except Exception:  # noqa: BLE001 - a failed probe (database busy) is only a gap
                probe = None
        self.samples.append({"t": round(time.perf_counter() - self._t0, 2),
                             "total_mb": round(sum(per_pid.values()), 1), "mb": per_pid, "probe": probe})

    def timeline(self, points: int = 10) -> list[dict]:
        """About ``points`` evenly spaced samples: t, total MB, largest process's MB, probe."""
        if not self.samples:
            return []
        step = max(1, len(self.samples) // points)
        picked = self.samples[::step]
        if picked[-1] is not self.samples[-1]:
            picked.append(self.samples[-1])
        return [{"t": s["t"], "total_mb": s["total_mb"], "max_process_mb": max(s["mb"].values(), default=0.0),
                 "probe": s["probe"]} for s in picked]


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return ""
