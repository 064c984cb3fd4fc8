"""Cut an article's text into flat segments for the reader: each segment knows which extracted
facts cover it, so overlapping highlights need no nested markup."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Segment:
    """``text[start:end]`` and the facts over it (innermost first); ``shown`` are those a click
    on it lists (see :func:`closest`); ``anchors`` are the evidence ids starting here."""

    start: int
    end: int
    text: str
    refs: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)


def anchor(start: int, end: int) -> str:
    """The element id marking evidence ``[start, end)`` in the reader (``#s-<start>-<end>``)."""
    return f"s-{start}-{end}"


def segments(text: str, marks: list[tuple[int, int, str, str | None]],
             anchors: list[tuple[int, int]] = ()) -> list[Segment]:
    """Split ``text`` at every mark boundary.

    Args:
        marks: (start, end, ref, css class or None) for each fact; a mark with a class is drawn,
            one without only makes its segments clickable.
        anchors: evidence spans to give an id at their start.

    Returns:
        Segments in text order covering the whole text; spans outside the text are clipped.
    """
    n = len(text)
    clipped = [(max(0, min(s, n)), max(0, min(e, n)), ref, cls) for s, e, ref, cls in marks]
    clipped = [m for m in clipped if m[0] < m[1]]
    ids: dict[int, list[str]] = {}
    for s, e in anchors:
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if s < e and anchor(s, e) not in ids.setdefault(s, []):
            ids[s].append(anchor(s, e))
    bounds = sorted({0, n, *ids, *(m[0] for m in clipped), *(m[1] for m in clipped)})
    opening: dict[int, list] = {}
    for m in clipped:
        opening.setdefault(m[0], []).append(m)
    active: list = []
    out = []
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m[1] > a] + opening.get(a, [])
        seg = Segment(a, b, text[a:b], anchors=ids.get(a, []))
        for _, _, ref, cls in sorted(active, key=lambda m: (m[1] - m[0], m[0])):  # innermost first
            seg.refs.append(ref)
            if cls and cls not in seg.classes:
                seg.classes.append(cls)
        out.append(seg)
    return out


CLOSE = 0.5  # how much of the clicked span a fact's evidence must share (of both spans together)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The length two spans share over the length they cover together (1.0: the same span)."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(shared, 0) / max(max(a[1], b[1]) - min(a[0], b[0]), 1)


def closest(refs: list[str], drawn: set[str], spans: dict[str, tuple[int, int]],
            parties: dict[str, set[str]]) -> list[str]:
    """The facts a click on a segment lists: the innermost drawn fact over it (what was
    clicked), then, of the other facts over the segment, those whose evidence overlaps the
    clicked span most closely. A click on an actor's mention lists the facts that actor takes
    part in; a click on anything else, those sharing at least ``CLOSE`` of its span.

    Args:
        refs: the facts over the segment, innermost first.
        drawn: the facts that are drawn as highlights (mentions, places, statements).
        spans: each fact's (start, end).
        parties: each fact's actor ids (a mention's actor, a relation's two ends...).

    Returns:
        The clicked fact first, then the closest others in ``refs`` order.
    """
    if not refs:
        return []
    clicked = next((r for r in refs if r in drawn), refs[0])
    others = [r for r in refs if r != clicked]
    floor = CLOSE
    if clicked.startswith("m"):
        others, floor = [r for r in others if parties[clicked] & parties.get(r, set())], 0.0
    score = {r: _overlap(spans[r], spans[clicked]) for r in others}
    best = max(score.values(), default=0.0)
    return [clicked] + [r for r in others if score[r] >= max(best, floor) - 1e-9 and score[r] > 0]


def reader(article: dict) -> tuple[list[Segment], dict[str, dict]]:
    """Segments of an article (from ``Store.article``) and, by ref, what each fact says."""
    marks: list[tuple[int, int, str, str | None]] = []
    facts: dict[str, dict] = {}
    for m in article["mentions"]:
        ref = f"m{m['id']}"
        marks.append((m["start"], m["end"], ref, f"hl-actor kind-{m['actor_kind']}"))
        facts[ref] = {"type": "actor", "text": m["text"], "actor": m["actor_id"], "name": m["actor_name"],
                      "kind": m["actor_kind"]}
    actor_spans = {(m["start"], m["end"]) for m in article["mentions"]}
    for p in article["places"]:
        if (p["start"], p["end"]) in actor_spans:
            continue    # a place name used for an actor ("Moscow said") reads as the actor
        ref = f"p{p['id']}"
        marks.append((p["start"], p["end"], ref, "hl-place"))
        facts[ref] = {"type": "place", "text": p["text"], "name": p["name"], "country": p["country"],
                      "lat": p["lat"], "lon": p["lon"]}
    for s in article["statements"]:
        ref = f"s{s['id']}"
        marks.append((s["start"], s["end"], ref, "hl-statement"))
        facts[ref] = {"type": "statement", "speaker": s["speaker"], "name": s["speaker_name"], "cue": s["cue"],
                      "content": s["content"], "direct": s["direct"], "role": s["role"],
                      "anchor": anchor(s["start"], s["end"])}
    for r in article["relations"]:
        ref = f"r{r['id']}"
        marks.append((r["start"], r["end"], ref, None))
        facts[ref] = {"type": "relation", "source": r["source"], "source_name": r["source_name"],
                      "relation": r["type"], "target": r["target"], "target_name": r["target_name"],
                      "negated": r["negated"], "modality": r["modality"], "anchor": anchor(r["start"], r["end"])}
    for d in article["demands"]:
        ref = f"d{d['id']}"
        marks.append((d["start"], d["end"], ref, None))
        facts[ref] = {"type": "demand", "by": d["by"], "of": d["of"], "items": d["items"], "status": d["status"],
                      "condition_for": d["condition_for"], "anchor": anchor(d["start"], d["end"])}
    for c in article["conditionals"]:
        ref = f"c{c['id']}"
        marks.append((c["start"], c["end"], ref, None))
        facts[ref] = {"type": "conditional", "actor": c["actor"], "name": c["actor_name"], "if": c["if_text"],
                      "then": c["then_text"], "anchor": anchor(c["start"], c["end"])}
    spans = [(f["start"], f["end"]) for key in ("statements", "relations", "demands", "conditionals", "events")
             for f in article[key]] + [(p["start"], p["end"]) for p in article["places"]]
    out = segments(article["text"], marks, spans)
    drawn, where = {ref for _, _, ref, cls in marks if cls}, {ref: (s, e) for s, e, ref, _ in marks}
    parties = {ref: {f.get(k) for k in ("actor", "speaker", "source", "target") if f.get(k)}
               | set(f.get("by", ())) | set(f.get("of", ())) for ref, f in facts.items()}
    for seg in out:
        seg.shown = closest(seg.refs, drawn, where, parties)
    return out, facts
