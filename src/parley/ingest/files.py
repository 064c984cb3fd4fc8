"""Read one input (a text, Markdown or HTML file, standard input, or bytes) into text with metadata."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from parley.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


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
        return (text[1:] if text.startswith("\ufeff") else text), None
    except UnicodeDecodeError:
        pass
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
    """Main text, title and date of an HTML page, by trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not getattr(doc, "text", None):
        raise InputError(f"{source}: no article text found in the HTML")
    return InputText(text=doc.text, source=source, title=doc.title, published=doc.date,
                     url=getattr(doc, "url", None))


def read_bytes(data: bytes, source: str, *, html: bool = False) -> InputText:
    """An input from raw bytes; ``html`` selects main-text extraction."""
    text, note = decode(data, source)
    if html or (source.endswith(tuple(HTML_SUFFIXES)) and not source.endswith(".txt")):
        item = html_to_text(text, source)
    else:
        if not text.strip():
            raise InputError(f"{source}: empty input, nothing to analyse")
        item = InputText(text=text, source=source)
    if note:
        item.notes.append(note)
    return item


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
