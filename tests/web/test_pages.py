"""The web UI in a real browser (Chromium via Playwright) against a real uvicorn server.
Every test screenshots what it saw into test-artifacts/screenshots/."""
from __future__ import annotations

import re

import pytest

from api.support import HTML_NAME, SCRIPT

pytestmark = pytest.mark.browser


def article_id(web, source: str) -> str:
    items = web.page.request.get(web.base + "/api/v1/articles?limit=100").json()["items"]
    return next(a["id"] for a in items if a["source"] == source)


def test_every_page_renders(web):
    pages = {"overview": "/", "articles": "/articles", "actors": "/actors", "actor": "/actors/turkey",
             "article": f"/articles/{article_id(web, '01-ankara-sirte.txt')}", "network": "/network",
             "map": "/map", "demands": "/demands", "negotiation": "/negotiation", "search": "/search?q=ceasefire",
             "api-docs": "/api/v1/docs"}
    for name, path in pages.items():
        page = web.open(path)
        if name == "network":
            page.wait_for_selector("#cy[data-edges]")
        if name == "api-docs":
            page.wait_for_selector(".swagger-ui .opblock")
        else:
            assert page.locator("header.top nav a").count() == 7
            assert page.locator("main h1").first.is_visible()
        web.shot(name)
    web.page.goto(web.base + "/articles/nope")
    assert "no article" in web.page.locator(".error-message").inner_text()
    web.errors.clear()  # the 404 was the point


def test_actor_statement_leads_to_highlighted_evidence(web):
    page = web.open("/actors/turkey")
    link = page.locator("table.statements a.evidence").first
    said = link.inner_text().strip("“”")
    link.click()
    page.wait_for_url(re.compile(r"/articles/\w+#s-\d+-\d+$"))
    page.wait_for_selector("#text .target")
    start, end = map(int, re.search(r"#s-(\d+)-(\d+)$", page.url).groups())
    marked = "".join(page.locator("#text .target").all_inner_texts())
    assert marked == said
    assert page.locator("#text .target").first.is_visible()
    assert page.locator(f"#s-{start}-{end}").count() == 1
    web.shot("actor-to-evidence")


def test_clicking_a_highlight_shows_what_was_extracted(web):
    page = web.open(f"/articles/{article_id(web, '01-ankara-sirte.txt')}")
    assert page.locator("#selection").is_hidden()
    page.locator("#text .hl-actor", has_text="Turkey").first.click()
    panel = page.locator("#selection")
    assert panel.is_visible()
    assert panel.locator(".fact").first.get_attribute("data-ref").startswith("m")  # the mention first
    assert "actor" in panel.inner_text().lower() and "Turkey" in panel.inner_text()
    page.locator("#text .hl-statement").first.click()
    assert "statement" in panel.inner_text().lower()
    web.shot("article-selection")
    # the side panel's stance and demand links jump to their evidence in the text
    for selector in (".side .panel:has(h2:text('Stances')) a.evidence",
                     ".side .panel:has(h2:text('Demands')) a.evidence"):
        link = page.locator(selector).first
        href = link.get_attribute("href")
        start = re.match(r"#s-(\d+)-", href).group(1)
        link.click()
        assert page.url.endswith(href)
        page.wait_for_function("s => (document.querySelector('#text .target') || {dataset: {}}).dataset.start === s",
                               arg=start)


def test_negotiation_evidence_leads_to_the_article_text(web):
    page = web.open("/negotiation")
    link = page.locator("table.changes a.evidence").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/articles/\w+#s-\d+-\d+$"))
    page.wait_for_selector("#text .target")
    assert page.url.endswith(href) and page.locator("#text .target").first.is_visible()
    web.shot("negotiation-to-evidence")


def test_network_filters_by_date_and_lists_edge_evidence(web):
    page = web.open("/network")
    page.wait_for_selector("#cy[data-edges]")
    everything = int(page.get_attribute("#cy", "data-edges"))
    assert everything > 0
    web.shot("network-all")
    page.fill("input[name=since]", "2020-07-05")
    page.click("#filters button[type=submit]")
    page.wait_for_function("n => document.querySelector('#cy').dataset.edges !== n", arg=str(everything))
    later = int(page.get_attribute("#cy", "data-edges"))
    assert 0 < later < everything
    assert "since=2020-07-05" in page.url
    web.shot("network-since-2020-07-05")
    # click the middle of an edge as a person would
    x, y = page.evaluate("""() => {
        const cy = window.parleyNetwork(), edge = cy.edges()[0], box = cy.container().getBoundingClientRect();
        const m = edge.renderedMidpoint();
        return [box.left + m.x, box.top + m.y];
    }""")
    page.mouse.click(x, y)
    evidence = page.locator("#edge-body a.evidence")
    evidence.first.wait_for()
    href = evidence.first.get_attribute("href")
    assert re.match(r"/articles/\w+#s-\d+-\d+$", href)
    web.shot("network-edge-evidence")
    evidence.first.click()
    page.wait_for_selector("#text .target")
    # the filtered address is stable: opening it again gives the same view
    page = web.open("/network?since=2020-07-05")
    page.wait_for_selector("#cy[data-edges]")
    assert int(page.get_attribute("#cy", "data-edges")) == later


def test_network_lists_all_the_evidence_of_an_edge_on_request(web):
    def no_evidence_listed(route):  # as a graph listing fewer pieces of evidence than an edge has
        route.continue_(url=route.request.url + ("&" if "?" in route.request.url else "?") + "evidence=0")
    web.page.route("**/api/v1/graph*", no_evidence_listed)
    page = web.open("/network")
    page.wait_for_selector("#cy[data-edges]")
    x, y, weight = page.evaluate("""() => {
        const cy = window.parleyNetwork(), edge = cy.edges().sort((a, b) => b.data('weight') - a.data('weight'))[0];
        const box = cy.container().getBoundingClientRect(), m = edge.renderedMidpoint();
        return [box.left + m.x, box.top + m.y, edge.data('weight')];
    }""")
    page.mouse.click(x, y)
    button = page.locator("button.more-evidence")
    button.wait_for()
    assert page.locator("#edge-body a.evidence").count() == 0
    assert button.inner_text() == f"List all {weight}"
    button.click()
    page.wait_for_function("n => document.querySelectorAll('#edge-body a.evidence').length === n", arg=weight)
    assert "All of it." in page.inner_text("#edge-body")
    web.shot("network-edge-all-evidence")


def test_network_kind_filter(web):
    page = web.open("/network?kind=state")
    page.wait_for_selector("#cy[data-edges]")
    kinds = page.evaluate("() => window.parleyNetwork().nodes(':childless').map(n => n.data('kind'))")
    assert kinds and set(kinds) == {"state"}


def test_map_draws_outlines_and_places(web):
    page = web.open("/map")
    page.wait_for_function("() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100")
    page.wait_for_selector("#map[data-countries]")
    markers, countries = int(page.get_attribute("#map", "data-markers")), int(page.get_attribute("#map", "data-countries"))
    places = page.evaluate("() => JSON.parse(document.getElementById('places-data').textContent)")
    # a country is shaded as its outline, never a pin; every other located place is a marker or an area
    assert countries == len({p["country"] for p in places if p["kind"] == "country"})
    assert markers == sum(1 for p in places if p["kind"] != "country" and p["lat"] is not None)
    assert markers + countries > 0
    assert page.locator("table.places tbody tr").count() >= markers + countries
    page.locator("path.leaflet-interactive").last.click(force=True)
    page.locator(".leaflet-popup-content a").first.wait_for()
    page.wait_for_timeout(400)  # the popup fades in
    web.shot("map")


def test_html_in_articles_and_names_is_shown_as_text(web):
    html_id = article_id(web, "html-looking.txt")
    checks = {"overview": "/", "article-html": f"/articles/{html_id}", "actor-html": "/actors/bold-brigade",
              "actors-html": "/actors?q=Bold", "demands-html": "/demands", "search-html": "/search?q=Bold+Brigade",
              "network-html": "/network", "map-html": "/map"}
    for name, path in checks.items():
        page = web.open(path)
        assert page.locator("main b, main script:not([type='application/json']), main img").count() == 0, path
        if name == "network-html":
            page.wait_for_selector("#cy[data-edges]")
            labels = page.evaluate("() => window.parleyNetwork().nodes().map(n => n.data('label'))")
            assert HTML_NAME in labels
        elif name == "map-html":
            assert page.locator("main").inner_text()  # no injected markup, no dialog (checked on teardown)
        else:
            assert HTML_NAME in page.locator("main").inner_text(), path  # rendered, visible text
        web.shot(name)
    page = web.open(f"/articles/{html_id}")
    text = page.locator("#text").inner_text()
    assert SCRIPT in text and "<img src=x onerror=alert(2)>" in text
    page.locator("#text .hl-actor").first.click()
    assert HTML_NAME in page.locator("#selection").inner_text()
    page.wait_for_timeout(300)  # time for any injected script to fire (it must not)
    assert web.dialogs == []
