"""The web pages without a browser: status, escaping and headers, through a TestClient."""
from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ESCAPED_NAME = "&lt;b&gt;Bold&lt;/b&gt; Brigade"


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def html_article(client) -> str:
    items = client.get("/api/v1/articles", params={"limit": 100}).json()["items"]
    return next(a["id"] for a in items if a["source"] == "html-looking.txt")


PAGES = ["/", "/articles", "/articles?since=2020-07-01&until=", "/actors", "/actors?kind=state", "/actors/turkey",
         "/actors/bold-brigade", "/network", "/network?since=2020-07-01&kind=state&kind=person", "/map", "/demands",
         "/demands?status=stated&by=Turkey", "/negotiation", "/search", "/search?q=ceasefire", "/search?q=Bold"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_strict_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<b>Bold</b>" not in response.text and "<script>alert" not in response.text
    assert not re.search(r"<script[^>]+src=\"https?:", response.text)  # nothing from a CDN


def test_article_text_and_names_are_escaped(client, html_article):
    page = client.get(f"/articles/{html_article}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and ESCAPED_NAME in page
    assert "<img src=x" not in page
    facts = re.search(r'<script type="application/json" id="facts">(.*?)</script>', page, re.S).group(1)
    assert "<" not in facts  # tojson escapes <, > and & inside the data block
    for path in ("/", "/actors/bold-brigade", "/demands", "/actors?q=Bold"):
        assert ESCAPED_NAME in client.get(path).text, path


def test_reader_marks_highlights_and_anchors(client):
    items = client.get("/api/v1/articles", params={"limit": 100}).json()["items"]
    art_id = next(a["id"] for a in items if a["source"] == "01-ankara-sirte.txt")
    art = client.get(f"/api/v1/articles/{art_id}").json()
    page = client.get(f"/articles/{art_id}").text
    for key in ("statements", "relations", "demands"):
        for fact in art[key]:
            assert f'id="s-{fact["start"]}-{fact["end"]}"' in page
    assert 'class="hl hl-actor kind-state"' in page and "hl-statement" in page and "hl-place" in page


@pytest.mark.parametrize("path, title, button", [("/articles", "Articles", "Filter"), ("/actors", "Actors", "Filter"),
                                                 ("/demands", "Demands", "Filter"), ("/search", "Search", "Search")])
def test_list_pages_head_with_their_title_and_filters(client, path, title, button):
    page = client.get(path, params={"offset": 0}).text
    assert f"<title>{title} · Parley</title>" in page and f'<body class="page-{title.lower()}">' in page
    form = re.search(r'<h1>(.*?)</h1>\n<form class="filters" method="get" action="(.*?)">\n(.*?)</form>', page, re.S)
    assert form and form.group(1) == title and form.group(2) == path, path
    assert "<label>" in form.group(3) and form.group(3).endswith(f'  <button type="submit">{button}</button>\n')


def test_article_side_panels_have_headings_and_counts(client, html_article):
    page = client.get(f"/articles/{html_article}").text
    panels = re.findall(r'^    <section class="panel">\n      <h2>(.*?)</h2>\n      <ul class="[^"]+">$', page, re.M)
    assert [p.split(" <")[0] for p in panels if p.startswith(("Stances", "Demands", "Actors"))] == \
        ["Stances", "Demands", "Actors"]
    assert page.count("</ul>\n    </section>\n") == len(panels)
    assert re.fullmatch(r'Stances <span class="muted">\(\d+\)</span>', panels[0])


def test_missing_things_and_bad_parameters_get_html_errors(client):
    for path, status in [("/articles/nope", 404), ("/actors/nobody-at-all", 404), ("/nowhere", 404),
                         ("/actors?kind=alien", 422), ("/network?since=tomorrow", 422), ("/demands?status=maybe", 422),
                         ("/articles?offset=-1", 422), ("/network?since=2020-07-02&until=2020-07-01", 422)]:
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html")
        assert 'class="error-message"' in response.text and "Traceback" not in response.text


def test_static_files_are_vendored(client):
    for path in ("/static/vendor/cytoscape/cytoscape.min.js", "/static/vendor/cytoscape/LICENSE",
                 "/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/LICENSE",
                 "/static/geo/countries-110m.geojson", "/static/js/article.js", "/static/parley.css"):
        assert client.get(path).status_code == 200, path
    world = client.get("/static/geo/countries-110m.geojson").json()
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 150


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A client over the generated store (see ``web.corpus``)."""
    from parley.api import create_app
    from parley.config import Settings

    from web import corpus

    url = corpus.build(f"sqlite:///{tmp_path_factory.mktemp('pages') / 'parley.db'}", articles=40)
    with TestClient(create_app(url, settings=Settings.load(db=url))) as c:
        yield c


def test_network_page_has_its_controls_and_the_key_beside_the_graph(big):
    html = big.get("/network?min_weight=3&limit=1000").text
    assert re.search(r'<input type="range" id="min-weight" name="min_weight" min="1" max="10" value="3">', html)
    assert '<option value="1000" selected>' in html and 'id="find-actor"' in html and 'id="group-sides"' in html
    aside = html[html.index('<aside class="network-side">'):html.index("</aside>")]
    assert aside.count('class="swatch line-') == 8 and "Evidence" in aside
    for lib in ("layout-base", "cose-base", "cytoscape-fcose"):
        assert f'src="/static/vendor/cytoscape-fcose/{lib}.js"' in html
        assert big.get(f"/static/vendor/cytoscape-fcose/{lib}.js").status_code == 200
        assert big.get(f"/static/vendor/cytoscape-fcose/LICENSE.{lib}").status_code == 200
    assert big.get("/network?min_weight=0").status_code == 422


def test_demands_list_owner_target_items_condition_and_status(big):
    html = big.get("/demands").text
    table = html[html.index('<table class="facts-table stack demand-list">'):]
    table = table[:table.index("</table>")]
    heads = re.findall(r"<th>([^<]+)</th>", table)
    assert heads == ["Date", "Owner", "Target", "Items", "Condition", "Status", "Evidence"]
    first = table[table.index("<tbody>"):].split("</tr>")[0]
    assert len(re.findall(r"<li>", first.split('class="col-items"')[1].split("</td>")[0])) == 2
    assert "before the talks resume" in first and 'class="status status-' in first
    assert "; " not in first


def test_actor_page_names_its_claimants_shows_each_sentence_once_and_no_pronoun_names(big):
    relations = big.get("/api/v1/relations", params={"limit": 500}).json()["items"]
    spans = [(r["source"], r["article_id"], r["start"], r["end"]) for r in relations]
    welcomer = next(s[0] for s in spans if spans.count(s) == 2)  # gave two stances in one sentence
    actor = big.get(f"/api/v1/actors/{welcomer}").json()
    html = big.get(f"/actors/{actor['id']}").text
    aliases = html[html.index('<ul class="chips">'):].split("</ul>")[0]
    assert actor["name"] in aliases and "Its" not in aliases
    stances = html[html.index('<table class="facts-table stack stances">'):].split("</table>")[0]
    evidence = re.findall(r'<a class="evidence" href="[^"]+">([^<]+)</a>', stances)
    assert evidence and len(evidence) == len(set(evidence))
    assert 'muted">per</span>' in stances
    rows = stances.split("<tr>")[2:]
    assert any(row.count("<li>") == 2 for row in rows)  # two stances of one sentence in one row


def test_actor_page_rolls_up_the_persons_who_speak_for_it(client):
    def statements(html: str) -> str:
        return html[html.index('<table class="facts-table stack statements">'):].split("</table>")[0]

    page = client.get("/actors/turkey").text
    said = statements(page)
    assert 'class="via muted">via</span> <a class="actor" href="/actors/mevlut-cavusoglu">Mevlut Cavusoglu</a>' in said
    assert 'href="/actors/turkey?direct=true">Only its own</a>' in page
    own = client.get("/actors/turkey", params={"direct": "true"}).text
    assert "Mevlut Cavusoglu" not in statements(own) and 'href="/actors/turkey">Include' in own
    assert len(statements(own).split("<tr>")) < len(said.split("<tr>"))


def test_an_unknown_actor_page_suggests_names(client):
    response = client.get("/actors/Turky")
    assert response.status_code == 404 and "did you mean: Turkey?" in response.text
