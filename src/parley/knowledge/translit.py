"""Transliteration-aware name keys for names romanised from Arabic, Turkish, Persian, Russian.

``name_key("Al-Zoui") == name_key("Al-Zawi")``: the key drops articles (al-, el-) and joins
compound names (Abdul Hamid, Abu Mohammad), folds letter variants that romanisations
disagree on, and keeps only the consonant skeleton of each token plus two vowel hints:

* letter classes: q/k/g/gh/kh/c (Gaddafi, Qaddafi, Kadhafi), dh/d, th/t, sh/ch/s,
  ph/f, v/w, dj/j, zh/j; a ``y`` is a vowel except at the start of a token (Sergey, Sergei);
  French ``ou`` is ``u`` (Houthi, Huthi); a ``u``/``o`` that glides into a vowel, or follows
  one, is the consonant ``w`` (Zoui, Zawi, Zaoui; Daoud, Dawud) so Ali and Allawi differ;
  a final ``-ah``/``-eh`` loses its ``h`` (Dbeibah, Dbeiba) and a final silent ``e`` after a
  consonant is dropped (Mohieddine, Muhyiddin); doubled letters are single;
* vowels inside a token are dropped (Haftar, Hifter; Jufra, Jafra), but an initial vowel
  and a final vowel keep their class ``a`` / ``i`` (e, i, y) / ``u`` (o, u): Hadi is not
  Hoda, Asma is not Osama.

The key is deliberately coarse. :func:`same_name` adds the guards a caller needs before
merging two person or organisation names (given names must agree; known distinct names
with equal keys, such as Hassan and Hussein, are kept apart); a kind or country guard is
the caller's job (Abdullah of Jordan and Abdallah of Saudi Arabia share a name).
"""
from __future__ import annotations

import functools
import re
import unicodedata

_ARTICLE = re.compile(r"^(?:al|el|ul|il|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|ud|ur|us|ut|uz|un)$")
_DROP = {"the", "bin", "ibn", "bint", "ben"}
_ABD = re.compile(r"^abd(?:ul|el|al|ol|il|ou|u|e|a|o|i)?(?=[a-z]{3,}$)")
_ABD_TOKEN = re.compile(r"^abd(?:ul|el|al|ol|il|ou|u|e|a|o|i)?$")
_ABU_TOKEN = re.compile(r"^ab(?:u|ou|o)$")
_VOWELS = "aeiou"
_CLASS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}
_FOLDS = [
    ("tch", "c"), ("sch", "s"), ("ch", "s"), ("sh", "s"), ("kh", "k"), ("gh", "k"), ("ck", "k"),
    ("dj", "j"), ("zh", "j"), ("dh", "d"), ("th", "t"), ("ph", "f"),
    ("q", "k"), ("g", "k"), ("c", "k"), ("x", "ks"), ("v", "w"),
]
# leading titles and honorifics ignored by same_name ("President Erdogan" is "Erdogan")
_TITLES = {"president", "vice", "prime", "minister", "foreign", "field", "marshal", "general", "gen",
           "gen.", "lt", "col", "colonel", "commander", "sheikh", "shaikh", "shaykh", "sheik", "mr",
           "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "king", "prince", "crown", "emir", "amir",
           "sayyed", "sayyid", "ayatollah", "grand", "mullah", "imam", "speaker", "chairman",
           "secretary", "deputy", "envoy", "special", "ambassador", "senator", "sen.", "rep."}
# given names whose keys collide but which are different names, not spellings of one name
_DISTINCT_GROUPS = [
    {"hassan", "hasan", "hassen", "hasen"},
    {"hussein", "husayn", "husain", "hussain", "hosein", "hossein", "houssein", "husein", "hussien"},
    {"mohammed", "mohammad", "muhammad", "mohamed", "mohamad", "muhammed", "mehmet", "mohammet",
     "mouhamed", "mohamud"},
    {"mahmoud", "mahmud", "mahmood", "mehmood", "mahmut"},
    {"omar", "umar", "omer"},
    {"amr", "amru", "amro"},
    {"ammar", "amar"},
    {"saad", "sa'd", "saed"},
    {"said", "saeed", "sayed", "sayeed", "saïd", "sa'id", "saied", "saeid", "sayyid", "sayyed"},
    {"bashar", "bachar"},
    {"bashir", "bachir", "basheer", "beshir"},
    {"jamal", "jamaal", "jemal"},
    {"jamil", "jameel", "jamile", "djamil"},
    {"samir", "sameer", "smir"},
    {"samer", "sameur"},
]
_DISTINCT = {name: i for i, group in enumerate(_DISTINCT_GROUPS) for name in group}


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u0131", "i").replace("\u0130", "I"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@functools.lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """Key of one name token: letter classes folded, inner vowels dropped (see module doc)."""
    t = re.sub(r"[^a-z]", "", _ascii(token))
    if not t:
        return ""
    t = _ABD.sub("abd", t)
    if len(t) > 3:
        t = re.sub(r"(?<=[^aeiouy])e$", "", t)          # French silent e: Mohieddine
    t = re.sub(r"(?<=[aeiou])h$", "", t)                # Dbeibah -> Dbeiba, Abdullah -> Abdulla
    t = re.sub(r"^y(?=[aeiou])", "Y", t)                # initial y is a consonant
    t = re.sub(r"([gq])u(?=[ei])", r"\1", t)            # Spanish/Italian gu, qu: Aguila
    t = t.replace("y", "i")
    t = t.replace("ou", "u")                            # French ou
    t = re.sub(r"(?<=[aeo])u", "w", t)                  # au, eu, ou after a vowel: Daoud, Fauzi
    t = re.sub(r"(?<=[^aeiou])[uo](?=[aei])", "w", t)   # a glide: Zoui -> Zwi, Muammar -> Mwammar
    t = re.sub(r"^[uo](?=[aei])", "w", t)
    for a, b in _FOLDS:
        t = t.replace(a, b)
    t = t.lower()
    t = re.sub(r"(.)\1+", r"\1", t)
    if not t:
        return ""
    head = _CLASS[t[0]] if t[0] in _VOWELS else t[0]
    if len(t) == 1:
        return head
    body = re.sub(r"[aeiou]", "", t[1:-1])
    last = t[-1]
    tail = _CLASS[last] if last in _VOWELS else last
    return head + body + tail


def name_tokens(name: str) -> list[str]:
    """Name tokens with articles dropped and compounds joined.

    "al-Sarraj" -> ["sarraj"]; "Abdul Hamid Dbeibah" -> ["abdhamid", "dbeibah"];
    "Abu Mohammad al-Jolani" -> ["abumohammad", "jolani"].
    """
    text = _ascii(name).replace("\u2019", "'").replace("`", "'")
    parts = [p.strip(".,;:'\"()") for p in re.split(r"[\s\-\u2010\u2011\u2013_]+", text)]
    parts = [p for p in parts if p and not _ARTICLE.match(p) and p not in _DROP]
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if (_ABD_TOKEN.match(p) or _ABU_TOKEN.match(p)) and i + 1 < len(parts):
            stem = "abd" if _ABD_TOKEN.match(p) else "abu"
            out.append(stem + parts[i + 1])
            i += 2
            continue
        out.append(p)
        i += 1
    return out


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Key of a whole name: token keys joined by spaces."""
    return " ".join(k for k in (token_key(t) for t in name_tokens(name)) if k)


def _strip_titles(tokens: list[str]) -> list[str]:
    i = 0
    while i < len(tokens) - 1 and tokens[i] in _TITLES:
        i += 1
    return tokens[i:]


def _plain(token: str) -> str:
    return re.sub(r"[^a-z']", "", token)


def _distinct(a: str, b: str) -> bool:
    ga, gb = _DISTINCT.get(_plain(a)), _DISTINCT.get(_plain(b))
    return ga is not None and gb is not None and ga != gb


@functools.lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> tuple[bool, str]:
    """Whether two person/organisation names may denote the same actor, and why.

    Rules, in order: equal name keys (token by token, after titles and articles are
    dropped) match, unless a token pair is a known pair of distinct names (Hassan, Hussein);
    a one-token name (a surname) matches a longer name whose last token has its key; two
    longer names must agree on the given name (first token) and on the family name (last
    token), middle names may be missing. Kind and country guards are the caller's job.
    """
    ta, tb = _strip_titles(name_tokens(a)), _strip_titles(name_tokens(b))
    ka = [token_key(t) for t in ta]
    kb = [token_key(t) for t in tb]
    pa = [(t, k) for t, k in zip(ta, ka) if k]
    pb = [(t, k) for t, k in zip(tb, kb) if k]
    if not pa or not pb:
        return False, "empty name"
    if len(pa) >= 2 and len(pb) >= 2:
        (ga, gka), (gb, gkb) = pa[0], pb[0]
        if gka != gkb:
            return False, f"given names differ: {_plain(ga)} vs {_plain(gb)}"
        if _distinct(ga, gb):
            return False, f"distinct given names with one key: {_plain(ga)} vs {_plain(gb)}"
        (la, lka), (lb, lkb) = pa[-1], pb[-1]
        if lka != lkb:
            return False, f"family names differ: {_plain(la)} vs {_plain(lb)}"
        if _distinct(la, lb):
            return False, f"distinct names with one key: {_plain(la)} vs {_plain(lb)}"
        full_a, full_b = " ".join(k for _, k in pa), " ".join(k for _, k in pb)
        if full_a == full_b:
            return True, f"name-key {full_a!r}"
        mid_a, mid_b = [k for _, k in pa[1:-1]], [k for _, k in pb[1:-1]]
        short, long_ = sorted((mid_a, mid_b), key=len)
        if all(k in long_ for k in short):
            return True, f"given and family names agree ({gka!r} ... {lka!r}); middle names differ or are missing"
        return False, f"middle names differ: {' '.join(mid_a)!r} vs {' '.join(mid_b)!r}"
    if len(pa) == 1 and len(pb) == 1:
        (ta1, k1), (tb1, k2) = pa[0], pb[0]
        if k1 != k2:
            return False, f"name keys differ: {k1!r} vs {k2!r}"
        if _distinct(ta1, tb1):
            return False, f"distinct names with one key: {_plain(ta1)} vs {_plain(tb1)}"
        return True, f"name-key {k1!r}"
    single, longer = (pa, pb) if len(pa) == 1 else (pb, pa)
    (st, sk), (lt, lk) = single[0], longer[-1]
    if sk != lk:
        return False, f"surname {_plain(st)!r} is not the last name of the longer name ({_plain(lt)!r})"
    if _distinct(st, lt):
        return False, f"distinct names with one key: {_plain(st)} vs {_plain(lt)}"
    return True, f"surname name-key {sk!r}"
