"""Read one input (a text, Markdown or HTML file, standard input, or bytes) into text with metadata."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from parley.errors import InputError
from parley.ingest.clean import clean_meta, clean_text, is_empty
from parley.ingest.layout import title_of

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MIN_GUESS_BYTES = 8  # below this, bytes that are not UTF-8 are too few to tell text from binary


@dataclass
class InputText:
    """One input's text and what is known about it."""

    text: str
    source: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


def decode(data: bytes, source: str) -> tuple[str, str | None]:
    """UTF-8 text of ``data``; other encodings are detected. Returns (text, note or None).

    Raises:
        InputError: the bytes are empty, binary, or in no detectable text encoding.
    """
    if not data.strip():
        raise InputError(f"{source}: empty input, nothing to analyse")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > 0.05:
            raise InputError(f"{source}: binary file, not text")
        return (text[1:] if text.startswith("\ufeff") else text), None
    if len(data) < MIN_GUESS_BYTES:
        raise InputError(f"{source}: empty input, nothing to analyse")
    best = _best_encoding(data[:200_000])
    if best is None or best.encoding is None:
        raise InputError(f"{source}: not text in any encoding Parley can detect")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{source}: cannot decode as {best.encoding}") from None
    if _control_share(text) > 0.05:
        raise InputError(f"{source}: binary file, not text")
    return text, f"{source}: not UTF-8; decoded as {best.encoding}"


def _best_encoding(sample: bytes):
    """charset_normalizer's best match, but cp1252 wins a tie.

    Short Western European texts often score the same in several single-byte code pages, and
    charset_normalizer then picks one arbitrarily (cp1250 turns "à Genève" into "ŕ Genčve");
    cp1252, a superset of the latin-1 that HTML and old newsroom systems label, is the likeliest.
    """
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return match
    return best


def _control_share(text: str) -> float:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(len(sample), 1)


def html_to_text(html: str, source: str) -> InputText:
    """Main text, title and date of an HTML page, by trafilatura; all of its text, if trafilatura
    finds none or fails (as on very deeply nested markup).

    Raises:
        InputError: the page has no text at all.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except ImportError:
        raise
    except Exception:  # noqa: BLE001 - any failure of the extractor leaves the flat text
        doc = None
    if doc is not None and getattr(doc, "text", None):
        return InputText(text=doc.text, source=source, title=doc.title, published=doc.date,
                         url=getattr(doc, "url", None))
    flat = _FlatText()
    flat.feed(html)
    flat.close()
    text = flat.text()
    if is_empty(text):
        raise InputError(f"{source}: no article text found in the HTML")
    return InputText(text=text, source=source, title=flat.title.strip() or None)


class _FlatText(HTMLParser):
    """Every text of a page but scripts and styles, with a line break per block element.

    The standard library's parser keeps no tree, so no depth of nesting can exhaust it."""

    SKIP = frozenset({"script", "style", "noscript", "template", "head"})
    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                        "article", "section", "blockquote", "pre", "header", "footer", "ul", "ol", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        self._in_title = tag == "title"
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False
        if tag in self.SKIP:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.parts.append(data)

    def text(self) -> str:
        """The text gathered, blank lines and runs of spaces collapsed."""
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n\n".join(line for line in lines if line)


def checked(item: InputText, where: str | None = None) -> InputText:
    """``item`` with its text and metadata cleaned (see ``parley.ingest.clean``) and checked.

    Args:
        item: what a reader made of one input.
        where: how errors name the input; default: its source.

    Returns:
        The same item, cleaned in place.

    Raises:
        InputError: the text is empty, or a title, url, source or date is malformed.
    """
    where = where or str(item.source)
    if is_empty(item.text):
        raise InputError(f"{where}: empty input, nothing to analyse")
    try:
        meta = clean_meta({"title": item.title, "url": item.url, "source": item.source,
                           "published": item.published})
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None
    item.text = clean_text(item.text)
    item.title, item.url, item.source, item.published = (meta["title"], meta["url"], meta["source"],
                                                         meta["published"])
    return item


def read_bytes(data: bytes, source: str, *, html: bool = False) -> InputText:
    """An input from raw bytes; ``html`` selects main-text extraction. Its title is the page's,
    or else the text's headline (``parley.ingest.layout``), if any.

    Raises:
        InputError: the bytes are not text, or hold nothing to analyse.
    """
    text, note = decode(data, source)
    if html or (source.endswith(tuple(HTML_SUFFIXES)) and not source.endswith(".txt")):
        item = html_to_text(text, source)
        item.title = item.title or title_of(item.text)
    else:
        item = InputText(text=text, source=source, title=title_of(text))
    if note:
        item.notes.append(note)
    return checked(item)


def read_path(path: str) -> InputText:
    """Read one file (or ``-`` for standard input)."""
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder")
    if p.is_dir():
        raise InputError(f"{path}: is a folder")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return read_bytes(data, path, html=p.suffix.lower() in HTML_SUFFIXES)
