"""GEXF 1.2 (Gephi's format) of the actor network, written directly: networkx's writer takes a
``type`` edge attribute for the edge's direction and adds a ``networkx_key`` attribute to every
edge of a multigraph, neither of which a GEXF reader expects."""
from __future__ import annotations

import re
from datetime import date
from typing import BinaryIO, Iterable
from xml.etree.ElementTree import Element, ElementTree, SubElement, indent

from parley.version import __version__

NS = "http://www.gexf.net/1.2draft"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TYPES = {bool: "boolean", int: "integer", float: "double", str: "string"}  # GEXF attribute types
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def write_gexf(graph, stream: BinaryIO, *, description: str = "stance network") -> None:
    """Write a networkx directed graph as GEXF 1.2 to ``stream``.

    Args:
        graph: nodes with a ``label`` and other scalar attributes; edges with a ``weight`` and
            other scalar attributes (a multigraph's keys become the edge ids).
        stream: a binary stream.
        description: the file's description (meta).
    """
    root = Element("gexf", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd",
                            "version": "1.2"})
    meta = SubElement(root, "meta", lastmodifieddate=date.today().isoformat())
    SubElement(meta, "creator").text = f"Parley {__version__}"
    SubElement(meta, "description").text = description
    body = SubElement(root, "graph", defaultedgetype="directed", mode="static", idtype="string")
    node_data = [data for _, data in graph.nodes(data=True)]
    edge_rows = list(graph.edges(keys=True, data=True)) if graph.is_multigraph() else \
        [(u, v, n, d) for n, (u, v, d) in enumerate(graph.edges(data=True))]
    node_ids = _declare(body, "node", node_data, reserved={"label"})
    edge_ids = _declare(body, "edge", [d for *_, d in edge_rows], reserved={"weight"})
    nodes = SubElement(body, "nodes", count=str(len(node_data)))
    for node, data in graph.nodes(data=True):
        element = SubElement(nodes, "node", id=_text(node), label=_text(data.get("label", node)))
        _values(element, data, node_ids)
    edges = SubElement(body, "edges", count=str(len(edge_rows)))
    for source, target, key, data in edge_rows:
        element = SubElement(edges, "edge", id=_text(key), source=_text(source), target=_text(target),
                             weight=_text(data.get("weight", 1)))
        _values(element, data, edge_ids)
    indent(root)
    ElementTree(root).write(stream, encoding="utf-8", xml_declaration=True)


def _declare(graph: Element, kind: str, items: Iterable[dict], *, reserved: set[str]) -> dict[str, str]:
    """Declare the attributes the items carry (in order of first appearance, typed by their
    first value); returns each name's attribute id."""
    types: dict[str, str] = {}
    for data in items:
        for name, value in data.items():
            if name not in reserved and name not in types:
                types[name] = TYPES.get(type(value), "string")
    if not types:
        return {}
    declared = SubElement(graph, "attributes", {"class": kind, "mode": "static"})
    for n, (name, kind_) in enumerate(types.items()):
        SubElement(declared, "attribute", id=str(n), title=name, type=kind_)
    return {name: str(n) for n, name in enumerate(types)}


def _values(element: Element, data: dict, ids: dict[str, str]) -> None:
    values = [(ids[k], v) for k, v in data.items() if k in ids and v is not None]
    if values:
        holder = SubElement(element, "attvalues")
        for attr, value in values:
            SubElement(holder, "attvalue", {"for": attr, "value": _text(value)})


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))
