"""The actor network as files for graph programs: GEXF valid against the GEXF 1.2 schema
(tests/data/gexf-1.2-static.xsd), edges that carry stance, negation, modality, claimant and
dates, no isolated actors unless asked, and GEXF and GraphML that networkx and igraph read
back with the same nodes and edges."""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from parley.cli import cli
from parley.models import Actor, Analysis, Article, Mention, Relation, article_id
from parley.store.export_files import write_export

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "gexf-1.2-static.xsd"
NS = {"g": "http://www.gexf.net/1.2draft"}
NAMES = {"gna": ("Government of National Accord", "government"), "lna": ("Libyan National Army", "armed_group"),
         "turkey": ("Turkey", "state"), "egypt": ("Egypt", "state"), "malta": ("Malta", "state")}


def _analysis(text: str, day: str, relations: tuple[Relation, ...]) -> Analysis:
    actors = tuple(Actor(key, name, kind, mentions=(Mention(name, text.index(name), text.index(name) + len(name)),))
                   for key, (name, kind) in NAMES.items() if name in text)
    return Analysis(article=Article(text, article_id(text), published=day, source=f"{day}.txt", pipeline="test 1"),
                    actors=actors, relations=relations)


def _relation(text: str, source: str, kind: str, target: str, **extra) -> Relation:
    return Relation(source, kind, target, text, 0, len(text), **extra)


@pytest.fixture
def filled(store):
    one = "Turkey supports the Government of National Accord against the Libyan National Army; Malta is neutral."
    two = "Turkey supports the Government of National Accord, Egypt said, and Egypt will not oppose the Libyan National Army."
    three = "Egypt threatens Turkey and supports the Libyan National Army."
    store.add_analysis(_analysis(one, "2020-06-01", (_relation(one, "turkey", "supports", "gna"),
                                                      _relation(one, "turkey", "opposes", "lna"))))
    store.add_analysis(_analysis(two, "2020-06-09", (
        _relation(two, "turkey", "supports", "gna", claimed_by="egypt"),
        _relation(two, "egypt", "opposes", "lna", negated=True, modality="future"))))
    store.add_analysis(_analysis(three, "2020-06-20", (_relation(three, "egypt", "threatens", "turkey"),
                                                        _relation(three, "egypt", "supports", "lna"))))
    return store


def _export(store, fmt: str, **options) -> bytes:
    stream = io.BytesIO()
    write_export(store, fmt, stream, **options)
    return stream.getvalue()


def test_gexf_is_valid_gexf_1_2(filled):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.fromstring(_export(filled, "gexf"))
    schema.assertValid(document)
    assert b"networkx_key" not in etree.tostring(document)
    assert {e.get("type") for e in document.iterfind(".//g:edge", NS)} <= {None, "directed", "undirected", "mutual"}
    assert document.find("g:graph", NS).get("defaultedgetype") == "directed"


def test_schema_refuses_what_gexf_does_not_allow(filled):
    """The check can fail: networkx's own writer puts the stance in the edge's ``type``."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    graph = filled.network()
    for _, _, data in graph.edges(data=True):
        data["type"] = data.pop("relation")
    stream = io.BytesIO()
    nx.write_gexf(graph, stream)
    assert not schema.validate(etree.fromstring(stream.getvalue()))
    assert any("type" in str(err.message) for err in schema.error_log)


def test_edges_carry_stance_negation_modality_claimant_and_dates(filled):
    document = etree.fromstring(_export(filled, "gexf"))
    titles = {a.get("id"): a.get("title") for a in document.iterfind(".//g:attributes[@class='edge']/g:attribute", NS)}
    assert set(titles.values()) == {"relation", "negated", "modality", "claimed_by", "first", "last"}
    edges = []
    for edge in document.iterfind(".//g:edge", NS):
        values = {titles[v.get("for")]: v.get("value") for v in edge.iterfind("g:attvalues/g:attvalue", NS)}
        edges.append((edge.get("source"), edge.get("target"), float(edge.get("weight")), values))
    claimed = [e for e in edges if e[3].get("claimed_by") == "egypt"]
    assert claimed == [("turkey", "gna", 1.0, {"relation": "supports", "negated": "false", "modality": "asserted",
                                               "claimed_by": "egypt", "first": "2020-06-09", "last": "2020-06-09"})]
    plain = [e for e in edges if e[:2] == ("turkey", "gna") and "claimed_by" not in e[3]]
    assert [e[3]["first"] for e in plain] == ["2020-06-01"]
    negated = [e for e in edges if e[3]["negated"] == "true"]
    assert [(e[0], e[1], e[3]["relation"], e[3]["modality"]) for e in negated] == [("egypt", "lna", "opposes", "future")]
    assert len(edges) == 6


def test_isolated_actors_only_when_asked(filled, store_url, tmp_path):
    document = etree.fromstring(_export(filled, "gexf"))
    labels = {n.get("id"): n.get("label") for n in document.iterfind(".//g:node", NS)}
    assert set(labels) == {"gna", "lna", "turkey", "egypt"} and labels["gna"] == "Government of National Accord"
    with_isolated = etree.fromstring(_export(filled, "gexf", isolated=True))
    assert "malta" in {n.get("id") for n in with_isolated.iterfind(".//g:node", NS)}
    out = tmp_path / "net.gexf"
    result = CliRunner().invoke(cli, ["export", "--format", "gexf", "--isolated", "-o", str(out), "--db", store_url])
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(out).number_of_nodes() == 5


def test_formats_load_in_networkx_and_igraph_alike(filled, tmp_path):
    graph = filled.network()
    counts = (graph.number_of_nodes(), graph.number_of_edges())
    assert counts == (4, 6)
    files = {fmt: tmp_path / f"net.{fmt}" for fmt in ("gexf", "graphml")}
    for fmt, path in files.items():
        path.write_bytes(_export(filled, fmt))
    gexf = nx.read_gexf(files["gexf"])
    graphml = nx.read_graphml(files["graphml"], force_multigraph=True)
    for read in (gexf, graphml):
        assert (read.number_of_nodes(), read.number_of_edges()) == counts and read.is_directed()
        assert sorted(d["relation"] for *_, d in read.edges(data=True)) == \
            sorted(d["relation"] for *_, d in graph.edges(data=True))
    assert gexf.nodes["turkey"]["label"] == "Turkey" and gexf.nodes["turkey"]["kind"] == "state"
    igraph = pytest.importorskip("igraph")
    loaded = igraph.Graph.Read_GraphML(str(files["graphml"]))
    assert (loaded.vcount(), loaded.ecount()) == counts and loaded.is_directed()
    assert sorted(loaded.es["relation"]) == sorted(d["relation"] for *_, d in graph.edges(data=True))
