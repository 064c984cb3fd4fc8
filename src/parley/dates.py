"""The publication date an article's text states: a dated dateline ("CAIRO, 13 July 2021 —")
or a full date in its opening ("on Tuesday, 13 July 2021"). Conservative: a date counts only
with day, month name and a four-digit year, after "on" or in a dateline, near the start."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
MONTHS.update({name[:3]: n for name, n in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "13 July 2021" and "July 13, 2021", optionally after a weekday
_DATE = re.compile(rf"\b(?:{_DAY}\s+{_MONTH},?\s+{_YEAR}|(?P<month2>[A-Za-z]{{3,9}})\.?\s+(?P<day2>\d{{1,2}})"
                   rf"(?:st|nd|rd|th)?,\s*(?P<year2>(?:19|20)\d\d))\b")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# what stands before a publication date: "on (Tuesday,)" or a dateline's place "CAIRO, "
_LEAD = re.compile(rf"(?:\bon\s+{_WEEKDAY}|(?:^|\n)[A-Z][A-Z .'/]+(?:\([^)]{{1,30}}\))?,\s*{_WEEKDAY})$")
# how far into the text a date may stand to be the publication date: the first paragraph
OPENING_CHARS = 400


def text_date(text: str) -> str | None:
    """The ISO date the opening of ``text`` gives as its publication date, or None.

    The date must stand in the first ``OPENING_CHARS`` characters, after "on" or a dateline's
    place, and be a full, valid calendar date; anything else (a year alone, a date in passing)
    gives None.
    """
    opening = text.lstrip()[:OPENING_CHARS]
    for m in _DATE.finditer(opening):
        if not _LEAD.search(opening[max(0, m.start() - 60):m.start()]):
            continue   # a date in passing ("died 4 February 2015"), or the end of a range
        day, month, year = (m.group("day") or m.group("day2"), m.group("month") or m.group("month2"),
                            m.group("year") or m.group("year2"))
        number = MONTHS.get(month.lower())
        if number is None:
            continue
        try:
            return dt.date(int(year), number, int(day)).isoformat()
        except ValueError:
            continue
    return None
