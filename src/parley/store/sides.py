"""The sides of a stance network: groups of actors that back one another, found by Louvain
community detection over the supporting edges (networkx, with a fixed seed and the graph built
in a fixed order, so one graph always gives the same sides)."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

SIDE_TYPES = ("supports",)  # the stances that put two actors on one side
SEED = 16


def sides(edges: Iterable[dict], *, types: tuple[str, ...] = SIDE_TYPES) -> dict[str, int]:
    """Number the sides of a graph's actors.

    Args:
        edges: stance edges with ``source``, ``target``, ``type`` and ``weight``.
        types: the edge types that join two actors into one side (either direction).

    Returns:
        ``{actor id: side}`` for every actor on a side of two or more, sides numbered from 1,
        the largest first (ties: the side whose first member sorts first); actors on no such
        side are left out.
    """
    import networkx as nx

    weight: Counter = Counter()
    for e in edges:
        if e["type"] in types and e["source"] != e["target"]:
            weight[tuple(sorted((e["source"], e["target"])))] += e["weight"]
    graph = nx.Graph()
    graph.add_nodes_from(sorted({n for pair in weight for n in pair}))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weight.items()))
    groups = [sorted(g) for g in nx.community.louvain_communities(graph, weight="weight", seed=SEED)]
    ordered = sorted((g for g in groups if len(g) > 1), key=lambda g: (-len(g), g[0]))
    return {node: i for i, group in enumerate(ordered, 1) for node in group}
