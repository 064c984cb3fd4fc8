"""Packaging: what the code imports is what pyproject.toml installs, declared directly."""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _project() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement (PEP 503)."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()


def test_the_html_path_imports_only_direct_dependencies():
    # lxml.html.clean lives in lxml_html_clean, which the HTML extractor's dependencies pull in only
    # through an extra (lxml[html_clean]); an installer that skips it breaks every HTML input.
    from parley.ingest.files import html_to_text

    item = html_to_text("<html><body><article><p>Turkey said it supports the Government of National "
                        "Accord.</p></article></body></html>", "page.html")
    assert "Government of National Accord" in item.text
    assert "lxml_html_clean" in sys.modules
    assert "lxml-html-clean" in {_name(r) for r in _project()["dependencies"]}


def test_license_is_an_spdx_expression():
    assert _project()["license"] == "MIT"
    backend = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["build-system"]["requires"]
    assert "setuptools>=77" in backend  # the first setuptools that reads an SPDX license string
