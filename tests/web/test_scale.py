"""Every page at a desk and on a phone (1280x800 and 390x844) over a generated store of a few
hundred articles and over a hundred actors: nothing wider than the screen, the network found
and centred by name and laid out the same on every load, no errors in the console. Screenshots
of every page at both sizes go to the artifacts folder (printed)."""
from __future__ import annotations

import pytest

from web.conftest import SCREENSHOTS, watched_page

pytestmark = pytest.mark.browser

SIZES = {"desk": (1280, 800), "phone": (390, 844)}
WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def pages(web) -> dict[str, str]:
    """One address of every page of the UI over the generated store."""
    first = web.page.request.get(web.base + "/api/v1/articles?limit=1").json()["items"][0]["id"]
    actor = web.page.request.get(web.base + "/api/v1/actors?limit=1").json()["items"][0]["id"]
    return {"overview": "/", "articles": "/articles", "article": f"/articles/{first}", "actors": "/actors",
            "actor": f"/actors/{actor}", "network": "/network", "map": "/map", "demands": "/demands",
            "negotiation": "/negotiation", "search": "/search?q=ceasefire"}


def network_ready(page) -> None:
    page.wait_for_selector("#cy[data-layout=done]")


@pytest.mark.parametrize("size", SIZES)
def test_no_page_is_wider_than_the_screen(browser, big_server, size):
    width, height = SIZES[size]
    with watched_page(browser, big_server, width, height) as web:
        wide = {}
        for name, path in pages(web).items():
            page = web.open(path)
            if name == "network":
                network_ready(page)
            document, viewport = page.evaluate(WIDTH)
            assert viewport == width
            if document > viewport:
                wide[name] = document
            web.shot(f"scale-{size}-{name}")
        print(f"screenshots in {SCREENSHOTS}")
        assert not wide, f"pages wider than {width} px: {wide}"


def positions(page) -> dict[str, tuple[float, float]]:
    return page.evaluate("""() => Object.fromEntries(window.parleyNetwork().nodes(':childless').map(
        n => [n.id(), [Math.round(n.position('x') * 100) / 100, Math.round(n.position('y') * 100) / 100]]))""")


def test_network_layout_is_the_same_on_every_load(browser, big_server):
    seen = []
    for _ in range(2):
        with watched_page(browser, big_server, *SIZES["desk"]) as web:
            page = web.open("/network")
            network_ready(page)
            seen.append(positions(page))
    assert len(seen[0]) > 100
    assert seen[0] == seen[1]
    assert len({tuple(p) for p in seen[0].values()}) == len(seen[0])  # laid out, not piled up


@pytest.mark.parametrize("size", SIZES)
def test_network_search_finds_and_centres_a_node(browser, big_server, size):
    with watched_page(browser, big_server, *SIZES[size]) as web:
        page = web.open("/network")
        network_ready(page)
        wanted = page.evaluate("""() => window.parleyNetwork().nodes(':childless')
            .sort((a, b) => a.data('weight') - b.data('weight'))[0].data('label')""")  # the weakest: off centre
        page.fill("#find-actor", wanted.lower())
        page.press("#find-actor", "Enter")
        page.wait_for_function("() => window.parleyNetwork().$('node:selected').length === 1")
        found = page.evaluate("""() => {
            const cy = window.parleyNetwork(), n = cy.$('node:selected')[0], p = n.renderedPosition();
            return {label: n.data('label'), x: p.x, y: p.y, w: cy.width(), h: cy.height(),
                    near: cy.$('node.near').length, faded: cy.$('.faded').length, zoom: cy.zoom()};
        }""")
        assert found["label"] == wanted
        assert abs(found["x"] - found["w"] / 2) < 2 and abs(found["y"] - found["h"] / 2) < 2
        assert found["near"] >= 2 and found["faded"] > 0 and found["zoom"] >= 1.2
        assert wanted in page.inner_text("#edge-body")
        assert page.inner_text("#graph-status").startswith("Found " + wanted)
        web.shot(f"scale-{size}-network-found", full_page=False)
        page.fill("#find-actor", "no such actor anywhere")
        page.press("#find-actor", "Enter")
        page.wait_for_function("() => document.querySelector('#graph-status').textContent.startsWith('No actor')")


def test_network_minimum_evidence_and_sides(browser, big_server):
    with watched_page(browser, big_server, *SIZES["desk"]) as web:
        page = web.open("/network")
        network_ready(page)
        edges = int(page.get_attribute("#cy", "data-edges"))
        sides = page.evaluate("() => window.parleyNetwork().nodes('.side').length")
        assert sides >= 2
        page.evaluate("""() => { const s = document.querySelector('#min-weight'); s.value = '2';
                                 s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); }""")
        page.wait_for_function("n => document.querySelector('#cy').dataset.edges !== n", arg=str(edges))
        network_ready(page)
        assert "min_weight=2" in page.url
        weights = page.evaluate("() => window.parleyNetwork().edges().map(e => e.data('weight'))")
        assert weights and min(weights) >= 2 and len(weights) < edges
        assert page.inner_text("#min-weight-value") == "2"
        web.shot("scale-desk-network-min-evidence-2", full_page=False)
        page.uncheck("#group-sides")
        page.wait_for_function("() => window.parleyNetwork().nodes('.side').length === 0")
