"""Sides of a stance network: actors that back one another, the same every time."""
from __future__ import annotations

import random

from parley.store.sides import sides


def edge(source: str, target: str, type: str = "supports", weight: int = 1) -> dict:
    return {"source": source, "target": target, "type": type, "weight": weight}


def test_two_camps_joined_only_by_hostility_are_two_sides():
    camp_a = [edge("a1", "a2"), edge("a2", "a3"), edge("a3", "a1", weight=2)]
    camp_b = [edge("b1", "b2"), edge("b2", "b3"), edge("b4", "b1")]
    hostile = [edge("a1", "b1", "opposes", 5), edge("b2", "a2", "threatens", 3)]
    found = sides(camp_a + hostile + camp_b)
    assert found["a1"] == found["a2"] == found["a3"]
    assert found["b1"] == found["b2"] == found["b3"] == found["b4"]
    assert found["a1"] != found["b1"]
    assert found["b1"] == 1  # the larger side first


def test_actors_on_no_supporting_edge_have_no_side():
    found = sides([edge("x", "y", "opposes"), edge("p", "q"), edge("z", "z")])
    assert set(found) == {"p", "q"}


def test_sides_do_not_depend_on_edge_order():
    rng = random.Random(3)
    edges = [edge(f"n{rng.randrange(40)}", f"n{rng.randrange(40)}", rng.choice(["supports", "opposes"]),
                  rng.randrange(1, 4)) for _ in range(120)]
    first = sides(edges)
    for _ in range(5):
        rng.shuffle(edges)
        assert sides(edges) == first
    assert len(set(first.values())) >= 1


def test_a_bridge_of_one_weak_edge_does_not_merge_two_dense_sides():
    left = [edge(a, b, weight=3) for a, b in (("l1", "l2"), ("l2", "l3"), ("l3", "l1"), ("l1", "l4"), ("l4", "l2"))]
    right = [edge(a, b, weight=3) for a, b in (("r1", "r2"), ("r2", "r3"), ("r3", "r1"), ("r1", "r4"), ("r4", "r2"))]
    found = sides(left + right + [edge("l3", "r3")])
    assert len({found[n] for n in ("l1", "l2", "l3", "l4")}) == 1
    assert len({found[n] for n in ("r1", "r2", "r3", "r4")}) == 1
    assert found["l1"] != found["r1"]
