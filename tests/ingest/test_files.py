"""Reading one file or page: short binary inputs, NUL bytes, deeply nested HTML."""
from __future__ import annotations

import pytest

from parley.errors import InputError
from parley.ingest.files import read_bytes

GOOD = "Russia said on Monday that it supports the ceasefire in Libya. Turkey rejected the proposal."


@pytest.mark.parametrize("data", [b"\x80", b"\xff\xd8", b"\xff\xd8\xff\xe0", b"\xc3\x28\xa0\xa1\xe2\x28",
                                  b"\x7fELF\x02\x01\x01", b"\x1f\x8b\x08\x00\x00", b"\xe2\x80\x8b\xe2\x80\x8b"])
def test_short_binary_inputs_are_not_analysed(data):
    with pytest.raises(InputError, match=r"^x\.txt: (empty input|binary file)"):
        read_bytes(data, "x.txt")


def test_a_nul_past_the_binary_check_is_replaced():
    data = GOOD.encode() + b" " * 9000 + b"\x00" + GOOD.encode()
    item = read_bytes(data, "x.txt")
    assert item.text == data.decode().replace("\x00", "\ufffd")


def test_deeply_nested_html_keeps_its_text():
    html = ("<html><head><title>Deep</title></head><body>" + "<div>" * 10_000 + f"<p>{GOOD}</p>"
            + "</div>" * 10_000 + "<script>var x = 1;</script></body></html>")
    item = read_bytes(html.encode(), "deep.html", html=True)
    assert item.text == GOOD
    assert item.title == "Deep"


def test_html_without_text_is_refused():
    html = "<html><body><div>\u200b</div><script>var a = 'words words';</script></body></html>"
    with pytest.raises(InputError, match="^x.html: (no article text|empty input)"):
        read_bytes(html.encode(), "x.html", html=True)
