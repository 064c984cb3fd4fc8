"""The accuracy gate: score this checkout on the shared evaluation sets and compare with floors.

Runs the independent scorers in ``../shared/eval`` (the referee on the example article and on
the annotated conflict documents, ``bench.py`` on the PolNeAR dev split, the re3d tuning
folders and the LGL and GeoVirus geoparsing sets) with this checkout's ``parley``, then compares every figure named in
``bench/baseline.json`` with its floor. A figure below its floor fails the gate (exit 1).

Floors only rise: ``--raise-floors`` writes the measured figures into the baseline where they
are higher than the floors and never lowers one.

Examples:
    .venv/bin/python bench/gate.py                       # every suite (about 4 minutes)
    .venv/bin/python bench/gate.py --suite polnear-dev   # one suite
    .venv/bin/python bench/gate.py --raise-floors        # after an accuracy gain
    .venv/bin/python bench/gate.py --json scores.json    # keep the measured figures
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared"))
BASELINE = REPO / "bench" / "baseline.json"
# Figures are compared after rounding to this many digits, so float noise never fails the gate.
DIGITS = 3


@dataclass(frozen=True)
class Suite:
    """One scorer run: how to produce the figures of one evaluation set."""

    name: str
    kind: str            # "referee" or "bench"
    args: tuple[str, ...]
    corpus: str = ""     # referee only: the folder of article texts


SUITES = (
    Suite("example", "referee", ("gold",), corpus="corpus"),
    Suite("conflict-dev", "referee", ("gold/conflict-dev",), corpus="corpus/conflict-dev"),
    Suite("polnear-dev", "bench", ("polnear", "bench/polnear/dev")),
    Suite("re3d-tuning", "bench", ("re3d", "bench/re3d/CENTCOM", "bench/re3d/Wikipedia",
                                   "bench/re3d/Australian Department of Foreign Affairs")),
    Suite("geo", "bench", ("geo", "bench/geo/lgl.xml", "bench/geo/GeoVirus.xml")),
)


def _env() -> dict[str, str]:
    """The environment for the scorers: this interpreter's ``parley`` first on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    run = subprocess.run(cmd, capture_output=True, text=True, env=_env(), **kwargs)
    if run.returncode != 0:
        raise SystemExit(f"gate: {' '.join(cmd[:4])} ... failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return run


def _referee(suite: Suite, work: Path) -> dict:
    """Analyse the suite's articles in one ``parley analyze`` run, then let the referee score
    the saved outputs (one process instead of one model load per article)."""
    gold = SHARED / suite.args[0]
    corpus = SHARED / suite.corpus
    articles = [json.loads(p.read_text())["article"] for p in sorted(gold.glob("*.json"))]
    paths = [str(corpus / a) for a in articles]
    run = _run(["parley", "analyze", *paths, "--format", "jsonl"])
    outputs = work / suite.name
    outputs.mkdir()
    for line in run.stdout.splitlines():
        analysis = json.loads(line)
        (outputs / f"{Path(analysis['article']['source']).stem}.json").write_text(line)
    scores = work / f"{suite.name}.json"
    _run([sys.executable, str(SHARED / "eval" / "referee.py"), str(gold), "--outputs", str(outputs),
          "--quiet", "--json", str(scores)])
    return json.loads(scores.read_text())


def _bench(suite: Suite, work: Path) -> dict:
    scores = work / f"{suite.name}.json"
    bench, *folders = suite.args
    _run([sys.executable, str(SHARED / "eval" / "bench.py"), "--json", str(scores), bench,
          *(str(SHARED / f) for f in folders)])
    return json.loads(scores.read_text())


def flatten(scores: dict, prefix: str = "") -> dict[str, float]:
    """Nested scores as ``a.b`` -> number (counts and non-numbers left out)."""
    out: dict[str, float] = {}
    for key, value in scores.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, float):
            out[name] = value
    return out


def measure(names: list[str]) -> dict[str, dict[str, float]]:
    """The figures of the named suites, as {suite: {figure: value}}."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="parley-gate-") as tmp:
        for suite in SUITES:
            if suite.name not in names:
                continue
            print(f"gate: scoring {suite.name} ...", file=sys.stderr, flush=True)
            raw = (_referee if suite.kind == "referee" else _bench)(suite, Path(tmp))
            results[suite.name] = flatten(raw)
    return results


def compare(floors: dict[str, dict[str, float]], measured: dict[str, dict[str, float]]) -> list[str]:
    """One line per figure below its floor (or missing); empty when the gate passes."""
    failures = []
    for suite, figures in floors.items():
        if suite not in measured:
            continue
        for name, floor in figures.items():
            value = measured[suite].get(name)
            if value is None:
                failures.append(f"{suite} {name}: not measured (floor {floor})")
            elif round(value, DIGITS) < round(floor, DIGITS):
                failures.append(f"{suite} {name}: {value:.{DIGITS}f} is below the floor {floor:.{DIGITS}f}")
    return failures


def raised(floors: dict[str, dict[str, float]], measured: dict[str, dict[str, float]]) -> dict:
    """The floors with every gated figure raised to what was measured, never lowered."""
    out = {suite: dict(figures) for suite, figures in floors.items()}
    for suite, figures in out.items():
        for name, floor in figures.items():
            value = measured.get(suite, {}).get(name)
            if value is not None and round(value, DIGITS) > floor:
                figures[name] = round(value, DIGITS)
    return out


def lowered_floors(path: Path = BASELINE) -> list[str]:
    """Floors that some commit lowered or dropped, read from the baseline's git history
    (newest first); empty outside a git checkout."""
    rel = path.resolve().relative_to(REPO)
    log = subprocess.run(["git", "-C", str(REPO), "log", "--format=%H", "--", str(rel)],
                         capture_output=True, text=True)
    if log.returncode != 0:
        return []
    versions = [json.loads(path.read_text())["floors"]]
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "-C", str(REPO), "show", f"{commit}:{rel}"], capture_output=True, text=True)
        if shown.returncode == 0:
            versions.append(json.loads(shown.stdout)["floors"])
    return lowered_between(versions)


def lowered_between(versions: list[dict]) -> list[str]:
    """Floors lowered or dropped from one version to the next (versions newest first)."""
    problems = []
    for newer, older in zip(versions, versions[1:]):
        for suite, figures in older.items():
            for name, floor in figures.items():
                now = newer.get(suite, {}).get(name)
                if now is None or now < floor:
                    problems.append(f"{suite} {name}: floor {floor} became {now}")
    return sorted(set(problems))


def report(floors: dict, measured: dict) -> None:
    print(f"{'suite':14} {'figure':36} {'floor':>6} {'now':>6}")
    for suite, figures in floors.items():
        for name, floor in figures.items():
            value = measured.get(suite, {}).get(name)
            now = "  -   " if value is None else f"{value:6.3f}"
            print(f"{suite:14} {name:36} {floor:6.3f} {now}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", action="append", choices=[s.name for s in SUITES],
                    help="score only this suite (repeatable; default: all)")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="the floors (default: bench/baseline.json)")
    ap.add_argument("--raise-floors", action="store_true", help="raise floors to the measured figures")
    ap.add_argument("--json", type=Path, help="write the measured figures here")
    args = ap.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print(f"gate: SKIPPED: no evaluation sets at {SHARED} (set PARLEY_SHARED)", file=sys.stderr)
        return 0
    floors = json.loads(args.baseline.read_text())["floors"]
    measured = measure(args.suite or [s.name for s in SUITES])
    if args.json:
        args.json.write_text(json.dumps(measured, indent=2, sort_keys=True))
    report(floors, measured)
    failures = compare(floors, measured) + [f"floor lowered: {p}" for p in lowered_floors(args.baseline)]
    for line in failures:
        print(f"FAIL {line}")
    if args.raise_floors and not failures:
        data = json.loads(args.baseline.read_text())
        data["floors"] = raised(floors, measured)
        args.baseline.write_text(json.dumps(data, indent=2) + "\n")
        print(f"gate: floors written to {args.baseline}")
    print("gate: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
