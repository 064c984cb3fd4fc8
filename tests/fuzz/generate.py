"""A seeded generator of hostile inputs for Parley's readers and analysis.

``generate(seed)`` returns the same list of :class:`Case` for the same seed. Each case goes down
one channel: ``text`` (a str for ``parley.analyze``), ``file`` (bytes written to a file with
``suffix`` and read by the CLI) or ``jsonl`` (one line of a JSONL file, as bytes). ``good`` says
whether a JSONL line is a well-formed article record that must be ingested; ``trivial`` whether a
file holds no text worth analysing and must be skipped.

Run ``python tests/fuzz/generate.py [SEED]`` to print how many cases of each kind there are.
"""
from __future__ import annotations

import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Callable

# Short articles written for these tests: the seeds that mutations start from.
ARTICLES = [
    "Russia said on Monday that it supports the ceasefire in Libya. Turkey opposes Haftar and backs "
    "the Government of National Accord, a spokesman said in Ankara.",
    '"We will not accept foreign troops in Sirte," the Egyptian President said in Cairo on Tuesday. '
    "The United Nations called on both sides to return to talks in Geneva.",
    "If the rebels advance on Aden, Saudi Arabia will resume air strikes, the coalition warned. The "
    "Houthis demanded the release of all prisoners before any negotiations.",
    "The European Union urged Iran to return to the nuclear deal. Tehran rejected the proposal and "
    "said it would not negotiate under pressure, the foreign ministry said.",
    "Ukraine accused Russia of shelling Kharkiv overnight. Moscow denied the claim and said its forces "
    "only struck military targets, the defence ministry told reporters.",
    "The Syrian government and the opposition agreed to a new round of talks in Geneva, the UN envoy "
    "said on Friday. Turkey welcomed the announcement.",
    "Israel said it would not halt operations in Gaza until Hamas releases the hostages. Qatar and "
    "Egypt called for an immediate ceasefire, officials said in Doha.",
    "The African Union demanded that Sudan's army and the Rapid Support Forces withdraw from "
    "Khartoum. Ethiopia offered to mediate between the two sides.",
]

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`"
PUNCT = "!?.,;:-\u2014\u2013\u2026()[]{}*#/\\|~^&%$@"
SEPARATORS = "\u2028\u2029\u0085"
SCRIPTS = [
    "\u0642\u0627\u0644\u062a \u062a\u0631\u0643\u064a\u0627 \u0625\u0646\u0647\u0627 \u062a\u062f\u0639\u0645 "
    "\u0648\u0642\u0641 \u0625\u0637\u0644\u0627\u0642 \u0627\u0644\u0646\u0627\u0631.",
    "\u0420\u043e\u0441\u0441\u0438\u044f \u043f\u043e\u0434\u0434\u0435\u0440\u0436\u0438\u0432\u0430\u0435\u0442 "
    "\u043f\u0435\u0440\u0435\u043c\u0438\u0440\u0438\u0435, \u0437\u0430\u044f\u0432\u0438\u043b \u041c\u0418\u0414.",
    "D\u0131\u015fi\u015fleri Bakan\u0131 \u00c7avu\u015fo\u011flu \u0130stanbul'da konu\u015ftu; "
    "\u015fart\u0131n \u00fcst\u00fcnde \u0131srar etti.",
    "\u0391\u03b8\u03ae\u03bd\u03b1 \u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd \u5317\u4eac \u6771\u4eac "
    "\ud55c\uad6d \u0926\u093f\u0932\u094d\u0932\u0940",
    "e\u0301\u0301\u0301 a\u0308\u0323 \u200f\u202eRTL\u202c \U0001f468\u200d\U0001f469\u200d\U0001f467 "
    "\U0001f1f1\U0001f1fe",
]
BAD_PUBLISHED = [5, float("nan"), "1e999", float("inf"), "garbage", "2020-02-30", "2020-13-01", "20200101",
                 True, [], {}, "", " ", "2020-06-18T25:00:00", "-1", "0000-00-00", 1e308]
BAD_FIELDS = {"title": [{"a": 1}, [1, 2], 5, True, 1.5], "url": [{"href": "x"}, 7, ["http://a"]],
              "source": [{"a": "b"}, [1]], "text": [5, None, [], {"t": "x"}, True, ""]}


@dataclass(frozen=True)
class Case:
    """One hostile input."""

    kind: str
    channel: str                 # "text", "file" or "jsonl"
    data: str | bytes
    suffix: str = ".txt"         # for files
    good: bool = False           # a JSONL line that is a well-formed article record
    trivial: bool = False        # a file with nothing to analyse (must be skipped)

    @property
    def size(self) -> int:
        return len(self.data)

    def preview(self, width: int = 90) -> str:
        """A short repr of the data, saying its length."""
        shown = repr(self.data if len(self.data) <= width else self.data[:width])
        return f"{self.kind} ({self.channel}{self.suffix if self.channel == 'file' else ''}, "\
               f"{self.size} {'bytes' if isinstance(self.data, bytes) else 'chars'}): {shown}" \
               + ("..." if len(self.data) > width else "")


def _article(rng: random.Random, n: int = 1) -> str:
    return " ".join(rng.choice(ARTICLES) for _ in range(n))


def _sprinkle(rng: random.Random, text: str, chars: str, count: int, *, start: int = 0) -> str:
    """``text`` with ``count`` characters drawn from ``chars`` inserted at random places after ``start``."""
    out = list(text)
    for _ in range(count):
        out.insert(rng.randint(min(start, len(out)), len(out)), rng.choice(chars))
    return "".join(out)


def _run(rng: random.Random, chars: str, lo: int, hi: int) -> str:
    n = rng.randint(lo, hi)
    if rng.random() < 0.5:
        return rng.choice(chars) * n
    return "".join(rng.choice(chars) for _ in range(n))


# -- text channel ------------------------------------------------------------------------------
def t_surrogates(rng):
    return Case("lone-surrogate", "text", _sprinkle(rng, _article(rng), "\ud800\udbff\udc00\udfff", rng.randint(1, 5)))


def t_controls(rng):
    chars = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xa0)]))
    return Case("nul-control", "text", _sprinkle(rng, _article(rng, 2), chars, rng.randint(1, 30)))


def t_zero_width(rng):
    return Case("zero-width-only", "text", _run(rng, ZERO_WIDTH + " \n\t\u00a0\u3000", 1, 400))


def t_quotes(rng):
    # Mostly short runs (cheap); now and then a long one, the costly case.
    hi = 8192 if rng.random() < 0.04 else 600
    run = _run(rng, QUOTES, 2, hi)
    return Case("quote-run", "text", run if rng.random() < 0.5 else f"{_article(rng)} {run} {_article(rng)}")


def t_punct(rng):
    hi = 8192 if rng.random() < 0.04 else 600
    run = _run(rng, PUNCT, 2, hi)
    return Case("punct-run", "text", run if rng.random() < 0.5 else f"{_article(rng)} {run} {_article(rng)}")


def t_brackets(rng):
    n = rng.randint(10, 3000)
    opener = rng.choice(["[", "{", "(", "<div>", '{"a":'])
    return Case("nested-brackets", "text", opener * n + rng.choice(["", "]" * n, _article(rng)]))


def t_giant_token(rng):
    n = rng.randint(500, 12000)
    token = rng.choice([lambda: "a" * n, lambda: "".join(rng.choice("abcxyzQ") for _ in range(n)),
                        lambda: "https://example.org/" + "x/" * (n // 2), lambda: "9" * n])()
    return Case("giant-token", "text", f"{_article(rng)} {token} {_article(rng)}")


def t_scripts(rng):
    parts = [rng.choice(SCRIPTS + ARTICLES) for _ in range(rng.randint(1, 6))]
    return Case("mixed-scripts", "text", " ".join(parts))


def t_long_line(rng):
    return Case("long-line", "text", " ".join(ARTICLES) * rng.randint(4, 16))


def t_separators(rng):
    return Case("line-separators", "text", _sprinkle(rng, _article(rng, 2), SEPARATORS + "\r\v\f", rng.randint(1, 20)))


def t_empty(rng):
    return Case("empty", "text", rng.choice(["", " ", "\n", "\r\n\r\n", "\t \t", "\x00", ".", "a", "\ufeff"]))


def t_mutation(rng):
    return Case("mutation", "text", _mutate(rng, _article(rng, rng.randint(1, 3))))


def _mutate(rng: random.Random, text: str) -> str:
    """``text`` after a few random edits: cuts, repeats, odd characters, case and space changes."""
    for _ in range(rng.randint(1, 6)):
        i, j = sorted(rng.randint(0, len(text)) for _ in range(2))
        op = rng.randrange(9)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:j] + text[i:j] * rng.randint(2, 5) + text[j:]
        elif op == 2:
            text = text[:i] + chr(rng.choice([rng.randint(0x20, 0x2fff), rng.randint(0x10000, 0x1faff)])) + text[i:]
        elif op == 3:
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == 4:
            text = text.replace(" ", rng.choice(["\u00a0", "  ", "\t", "\n", "\u2009", ""]), rng.randint(1, 20))
        elif op == 5:
            text = text[:i] + rng.choice(QUOTES) + text[i:]
        elif op == 6:
            text = text[:i] + rng.choice(["<b>", "</p>", "&amp;", "&#0;", "\\n", "%s", "{0}", "${x}"]) + text[i:]
        elif op == 7:
            text = text[:i] + "\n" * rng.randint(1, 50) + text[i:]
        else:
            text = text[:i]
    return text


# -- file channel ------------------------------------------------------------------------------
def f_nul_late(rng):
    body = _article(rng, 60).encode()
    pos = rng.randint(8200, len(body))
    return Case("nul-past-8192", "file", body[:pos] + b"\x00" * rng.randint(1, 3) + body[pos:])


def f_nul_early(rng):
    body = _article(rng).encode()
    pos = rng.randint(0, len(body))
    return Case("nul-early", "file", body[:pos] + b"\x00" + body[pos:])


def f_tiny_binary(rng):
    data = bytes(rng.choice([*range(0, 9), *range(14, 32), *range(0x80, 0x100)]) for _ in range(rng.randint(1, 7)))
    return Case("tiny-binary", "file", data, suffix=rng.choice([".txt", "", ".md"]), trivial=True)


def f_invalid_utf8(rng):
    body = bytearray(_article(rng, 2).encode())
    for _ in range(rng.randint(1, 4)):
        body[rng.randint(0, len(body)):0] = rng.choice([b"\xff", b"\xc0", b"\x80", b"\xe2\x82", b"\xed\xa0\x80",
                                                       b"\xf4\x90\x80\x80", b"\xc3"])
    return Case("invalid-utf8", "file", bytes(body))


def f_bom(rng):
    text = _article(rng)
    data = rng.choice([lambda: b"\xef\xbb\xbf" + text.encode(), lambda: text.encode("utf-16"),
                       lambda: b"\xef\xbb\xbf" * 3 + text.encode(), lambda: text.encode("utf-16-be"),
                       lambda: b"\xff\xfe" + text.encode("utf-16-le"), lambda: b"\xef\xbb\xbf"])()
    return Case("bom", "file", data, trivial=data == b"\xef\xbb\xbf")


def f_zero_width(rng):
    text = _run(rng, ZERO_WIDTH + " \n\t\u00a0", 1, 200)
    return Case("zero-width-only", "file", text.encode(), trivial=True)


def f_controls_only(rng):
    data = bytes(rng.choice([1, 2, 3, 7, 8, 11, 12, 27, 127, 9, 10, 13, 32]) for _ in range(rng.randint(8, 300)))
    return Case("controls-only", "file", data, trivial=True)


def f_empty(rng):
    return Case("empty", "file", rng.choice([b"", b" ", b"\n\n", b"\r\n", b"\t"]), suffix=rng.choice([".txt", ".html",
                                                                                                   ".md"]),
                trivial=True)


def f_deep_html(rng):
    tag = rng.choice(["div", "span", "b", "section", "table"])
    n = rng.choice([50, 500, 2000, 10000])
    inner = f"<p>{_article(rng, 3)}</p>"
    html = f"<html><head><title>T</title></head><body>{f'<{tag}>' * n}{inner}{f'</{tag}>' * n}</body></html>"
    return Case("deep-html", "file", html.encode(), suffix=".html")


def f_html_junk(rng):
    junk = rng.choice(["<", "<<<>>>", "<!--", "<![CDATA[", "<script>", "&#xD800;", "&#0;", "<?xml ?>",
                       '<!DOCTYPE x [<!ENTITY a "b">]>'])
    html = f"<html><body>{junk * rng.randint(1, 200)}<p>{_article(rng)}</p></body></html>"
    return Case("html-junk", "file", html.encode(), suffix=rng.choice([".html", ".htm"]))


def f_text(rng):
    """A text-channel case, written to a file (lone surrogates become invalid UTF-8)."""
    case = rng.choice(TEXT_KINDS)(rng)
    return Case(case.kind, "file", case.data.encode("utf-8", "surrogatepass"),
                suffix=rng.choice([".txt", ".md", ""]))


# -- jsonl channel -----------------------------------------------------------------------------
def _line(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")


def j_good(rng):
    record = {"text": _article(rng, rng.randint(1, 2)) + f" Line {rng.randrange(10 ** 9)}."}
    if rng.random() < 0.5:
        record["title"] = "A title"
    if rng.random() < 0.5:
        record["published"] = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Case("good-record", "jsonl", _line(record), good=True)


def j_separators(rng):
    text = _sprinkle(rng, _article(rng), SEPARATORS, rng.randint(1, 6)) + f" Line {rng.randrange(10 ** 9)}."
    return Case("separator-in-record", "jsonl", _line({"text": text, "title": f"T{SEPARATORS}"}), good=True)


def j_bad_published(rng):
    value = rng.choice(BAD_PUBLISHED)
    raw = json.dumps({"text": _article(rng), "published": value}, ensure_ascii=False)
    if value == "1e999":  # JSON's own overflow to infinity, not a string
        raw = raw.replace('"1e999"', "1e999")
    return Case("bad-published", "jsonl", raw.encode())


def j_bad_field(rng):
    name = rng.choice(list(BAD_FIELDS))
    record = {"text": _article(rng), name: rng.choice(BAD_FIELDS[name])}
    return Case(f"bad-{name}", "jsonl", _line(record))


def j_nested(rng):
    n = rng.choice([100, 1000, 10000, 100000])
    raw = rng.choice(["[" * n, "[" * n + "]" * n, '{"text": "x", "extra": ' + "[" * n + "]" * n + "}",
                      '{"a":' * n + "1" + "}" * n])
    return Case("nested-json", "jsonl", raw.encode())


def j_surrogate(rng):
    text = _sprinkle(rng, _article(rng), "\ud800\udfff", rng.randint(1, 3))
    escaped = json.dumps({"text": text})  # ASCII escapes: "\ud800" in the JSON itself
    return Case("lone-surrogate", "jsonl", escaped.encode() if rng.random() < 0.5 else _line({"text": text}))


def j_nul(rng):
    text = _sprinkle(rng, _article(rng), "\x00\x01\x1b\x7f", rng.randint(1, 5))
    return Case("nul-control", "jsonl", json.dumps({"text": text}).encode())


def j_broken(rng):
    record = _line({"text": _article(rng)})
    cut = rng.choice([record[: rng.randint(0, len(record) - 1)], record + b"}", b"[1, 2]", b'"text"', b"null",
                      b"\xff" + record, record.replace(b'"', b"'"), b"{'text': 'x'}", b"NaN", b"{}",
                      b'{"html": "<p>"}', b'{"text": "   "}'])
    return Case("broken-record", "jsonl", cut)


def j_html(rng):
    n = rng.choice([10, 1000, 10000])
    html = "<div>" * n + f"<p>{_article(rng, 3)}</p>" + "</div>" * n
    return Case("html-record", "jsonl", _line({"html": html}))


def j_text(rng):
    case = rng.choice(TEXT_KINDS)(rng)
    return Case(case.kind, "jsonl", _line({"text": case.data}))


TEXT_KINDS: list[Callable[[random.Random], Case]] = [
    t_surrogates, t_controls, t_zero_width, t_quotes, t_punct, t_brackets, t_giant_token, t_scripts,
    t_separators, t_empty, t_mutation, t_mutation, t_mutation]
RARE_TEXT_KINDS = [t_long_line]
FILE_KINDS = [f_nul_late, f_nul_early, f_tiny_binary, f_invalid_utf8, f_bom, f_zero_width, f_controls_only,
              f_empty, f_deep_html, f_html_junk, f_text, f_text, f_text]
JSONL_KINDS = [j_good, j_good, j_separators, j_bad_published, j_bad_field, j_nested, j_surrogate, j_nul,
               j_broken, j_html, j_text]


def generate(seed: int = 17, *, texts: int = 1100, files: int = 550, jsonl: int = 450) -> list[Case]:
    """The cases for ``seed``: ``texts`` for analysis, ``files`` for the file readers, ``jsonl`` lines.

    Args:
        seed: the random seed; the same seed gives the same cases.
        texts, files, jsonl: how many cases of each channel.

    Returns:
        The cases, text ones first, then files, then JSONL lines (in file order).
    """
    rng = random.Random(seed)
    cases = [(RARE_TEXT_KINDS[0] if i % 100 == 99 else TEXT_KINDS[i % len(TEXT_KINDS)])(rng) for i in range(texts)]
    cases += [FILE_KINDS[i % len(FILE_KINDS)](rng) for i in range(files)]
    cases += [JSONL_KINDS[i % len(JSONL_KINDS)](rng) for i in range(jsonl)]
    return cases


if __name__ == "__main__":
    found = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 17)
    for (channel, kind), n in sorted(Counter((c.channel, c.kind) for c in found).items()):
        print(f"{channel:6} {kind:22} {n}")
    print(f"total {len(found)}, {sum(c.size for c in found) / 1e6:.1f} M chars/bytes")
