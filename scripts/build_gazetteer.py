#!/usr/bin/env python3
"""Build the package gazetteer (kg/data/gazetteer.tsv, kg/data/positions.tsv).

Input: the raw offline Wikidata gazetteer (``gazetteer.tsv``, ``alias_provenance.tsv``,
``people_positions.tsv``; see its README.md and SOURCES.md) plus two hand-written
overlays kept in this repository:

* ``kg/data/curated.tsv``            entity fixes and additions (Indonesian news forms),
* ``kg/data/curated_positions.tsv``  position fixes (wrong rows, end dates, additions).

Usage::

    python scripts/build_gazetteer.py [RAW_DIR] [--out DIR] [--strict]

``RAW_DIR`` defaults to ``<repo>/../shared/wikidata``; ``--out`` defaults to
``<repo>/kg/data``; ``--strict`` fails when an overlay row does not apply. The output is
deterministic: same inputs, same bytes (tests/test_gazetteer.py rebuilds and compares).
Role templates ("President of {of}") come from ``kg/data/titles.tsv``.

What is kept (diplomacy news in Indonesian):

* all countries, cities, international organisations, politicians and regions;
* rows that only come from the English entity-linking benchmarks (elevant) unless they
  are sports teams or one-word people ("Madonna"); their one-word aliases are dropped
  (acronyms kept), a surname alias only survives when it is unique (below);
* one-word names that are ordinary Indonesian words (spaCy's Indonesian stop words and
  lemma table) are never aliases, unless a trusted source (Natural Earth, CLDR, the
  curated overlay) gives them for a country or city;
* a first name is never a one-word alias of a person known only from weak sources
  ("Pete" for Pete Sampras); Natural Earth artefacts ("Leon2", "Le") are dropped;
* aliases in non-Latin scripts are dropped;
* an organisation's acronym is an alias only when ``kg/data/acronyms.txt`` lists it (or
  curated.tsv adds it): "SDA", "PKK", "NIB" mean other things in Indonesian news.

What is added: Latin spelling variants for Russian/Ukrainian/Belarusian officials
("Sergei Lavrov", "Yuri"), "Kim Jong Un" for "Kim Jong-un", and the surname of leaders
(heads of state/government, foreign ministers, heads of international bodies) when no
other person, place or organisation has that name ("Albanese", "Netanyahu").

Positions: each Wikidata position label is classified into a role (president,
prime-minister, foreign-minister, ...: the roles of titles.tsv) of a country or
organisation; one label and QID per (role, country) is chosen ("President of the
United States", Q11696); the same holding from several sources is merged.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.gazetteer import is_acronym, slug, with_article  # noqa: E402 (after sys.path)

KINDS = ("country", "city", "organization", "location", "person")
KIND_ORDER = {k: i for i, k in enumerate(KINDS)}
UNTRUSTED = {"elevant-benchmarks"}  # sources whose one-word aliases we do not keep

GAZ_COLUMNS = ["qid", "kind", "key", "label_en", "label_id", "aliases"]
POS_COLUMNS = [
    "person_qid",
    "position_en",
    "position_qid",
    "of_qid",
    "start",
    "end",
    "role",
    "as_of",
    "person_label",
    "source",
]

SPORTS = re.compile(
    r"(?i)(\b(a\.?f\.?c|f\.?c|s\.?c|c\.?f|b\.?c|r\.?f\.?c)\.?$|^(fc|sc|cf|ac|as|ss|sv|vfb|vfl|sd|cd|ud|rc)\b"
    r"|\bnational\b.*\bteam\b|\bfootball\b|\brugby\b|\bcricket\b|\bbasketball\b|\bbaseball\b"
    r"|\bhockey\b|\bvolleyball\b|\bhandball\b|\bcalcio\b|\bathletic\b|\brovers\b|\bwanderers\b"
    r"|\bolympique\b|\besporte\b|\bclube\b|\bfutebol\b|\bfútbol\b|\bhapoel\b|\bmaccabi\b"
    r"|\bsporting\b|\bcycling team\b|\bteam \w+-\w+)"
)

SOURCE_SHORT = {
    "everypolitician/world-leaders-2021": "ep-world-leaders",
    "everypolitician/world-foreign-ministers": "ep-foreign-ministers",
    "everypolitician/world-html": "ep-world",
    "open-data-archive/world-leaders-current(2026-08-22)": "oda-leaders-2026",
}


# --------------------------------------------------------------------------- text helpers


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    return " ".join(text.split())


def is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text) if w]


def common_words() -> set[str]:
    """Ordinary Indonesian words: spaCy stop words + the lookup lemma table."""
    import spacy_lookups_data
    from spacy.lang.id.stop_words import STOP_WORDS

    path = Path(spacy_lookups_data.__file__).parent / "data" / "id_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    out = {w.lower() for w in STOP_WORDS}
    out.update(k.lower() for k in table)
    out.update(v.lower() for v in table.values())
    return out


# --------------------------------------------------------------------------- dates


def date_bounds(value: str) -> tuple[str, str]:
    """'2021' -> ('2021-01-01', '2021-12-31'); '2018-06' -> ('2018-06-01', '2018-06-30')."""
    if not value:
        return "", ""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-01-01", f"{value}-12-31"
    if len(parts) == 2:
        return f"{value}-01", f"{value}-31"
    return value, value


def more_precise(a: str, b: str, *, latest: bool = False) -> str:
    """The more precise of two dates of the same event ('2021' vs '2021-01-20'); when
    neither refines the other, the earliest (or with ``latest``, the latest)."""
    if not a:
        return b
    if not b:
        return a
    if len(b) > len(a) and b.startswith(a):
        return b
    if len(a) > len(b) and a.startswith(b):
        return a
    return max(a, b) if latest else min(a, b)


# --------------------------------------------------------------------------- io


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def write_tsv(path: Path, columns: list[str], rows: list[dict[str, str]], header: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for line in header.strip().splitlines():
            fh.write(f"# {line}\n")
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(row.get(c, "") for c in columns) + "\n")


def qnum(qid: str) -> int:
    return int(qid[1:]) if qid[:1] == "Q" and qid[1:].isdigit() else 1 << 62


# --------------------------------------------------------------------------- entities


class Ent:
    __slots__ = (
        "qid", "kind", "key", "label_en", "label_id", "aliases", "sources", "untrusted", "surname", "refused",
    )  # fmt: skip

    def __init__(self, qid, kind, label_en, label_id, sources):
        self.qid = qid
        self.kind = kind
        self.key = ""
        self.label_en = label_en
        self.label_id = label_id
        self.aliases: list[str] = []
        self.sources: set[str] = sources
        self.untrusted: set[str] = set()  # aliases only vouched for by untrusted sources
        self.surname = ""  # a weak source's surname alias, kept only if unique
        self.refused: set[str] = set()  # aliases kg/data/curated.tsv removed: never added again

    def add_alias(self, alias: str, *, first: bool = False) -> None:
        alias = clean(alias)
        if not alias:
            return
        low = alias.casefold()
        if low in {self.label_en.casefold(), self.label_id.casefold()} or low in self.refused:
            return
        if any(a.casefold() == low for a in self.aliases):
            return
        if first:
            self.aliases.insert(0, alias)
        else:
            self.aliases.append(alias)

    def remove_alias(self, alias: str) -> bool:
        low = clean(alias).casefold()
        before = len(self.aliases)
        self.aliases = [a for a in self.aliases if a.casefold() != low]
        return len(self.aliases) != before


def known_acronyms(path: Path) -> set[str]:
    """The organisation acronyms Indonesian news uses on their own (``kg/data/acronyms.txt``)."""
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        out.update(line.split("#", 1)[0].split())
    return out


def load_entities(
    raw: Path, common: set[str], keep: set[str] = frozenset(), acronyms: set[str] | None = None
) -> dict[str, Ent]:
    """Rows of the raw gazetteer worth keeping; ``keep``: QIDs the curated overlay fixes;
    ``acronyms``: the organisation acronyms to keep as aliases (None: all)."""
    prov: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in read_tsv(raw / "alias_provenance.tsv"):
        src = row["source"].split(":")[0]
        prov[(row["qid"], clean(row["name"]).casefold())].add(src)

    ents: dict[str, Ent] = {}
    for row in read_tsv(raw / "gazetteer.tsv"):
        qid, kind = row["qid"], row["type"]
        if kind not in KIND_ORDER:
            continue
        sources = {s.strip() for s in row["source"].split(";") if s.strip()}
        elevant_only = sources <= UNTRUSTED
        label_en = clean(row["label_en"])
        label_id = clean(row["label_id"])
        if elevant_only and kind == "organization" and SPORTS.search(label_en):
            continue
        # a one-word label that is an ordinary Indonesian word, from a weak source: drop
        if qid not in keep and elevant_only and len(words(label_en)) == 1:
            if label_en.casefold() in common or kind == "person":
                continue  # "Mobil"; "Madonna", "Muhammad": one-word names of weak rows
        last_word = words(label_en)[-1].casefold() if label_en else ""
        ent = Ent(qid, kind, label_en, label_id, sources)
        for alias in row["aliases"].split("|"):
            alias = clean(alias)
            if not alias or not is_latin(alias):
                continue
            srcs = prov.get((qid, alias.casefold()), set()) or sources
            weak = srcs <= UNTRUSTED
            one_word = len(words(alias)) == 1
            if re.search(r"\d", alias) and not re.search(r"\d", label_en):
                continue  # Natural Earth artefacts: "Panama City1", "Leon2"
            if len(alias) <= 2 and not is_acronym(alias):
                continue  # "Le" (León)
            if kind == "organization" and one_word and is_acronym(alias):
                if acronyms is not None and alias not in acronyms:
                    continue  # "SDA" is sumber daya air far more often than a Bosnian party
            if (
                kind == "person"
                and one_word
                and sources <= UNTRUSTED | {"IndEL-general"}
                and alias.casefold() != last_word
            ):
                continue  # a first name ("Pete" for Pete Sampras) names many people
            if one_word and weak and not (is_acronym(alias) and len(alias) >= 3):
                if kind == "person" and alias.casefold() == last_word:
                    ent.surname = alias
                continue
            if one_word and alias.casefold() in common:
                trusted_place = kind in ("country", "city") and not weak
                if not trusted_place:
                    continue
            ent.add_alias(alias)
            if weak:
                ent.untrusted.add(alias.casefold())
        ents[qid] = ent
    return ents


def apply_curated(ents: dict[str, Ent], rows: list[dict[str, str]]) -> list[str]:
    """Apply kg/data/curated.tsv. Returns problems (unknown QIDs, missing aliases)."""
    problems: list[str] = []
    for n, row in enumerate(rows, 2):
        action, qid, key = row["action"], row["qid"], row["key"]
        ident = qid or f"key:{key}"
        aliases = [a for a in row["aliases"].split("|") if a.strip()]
        if action == "add":
            if ident in ents:
                problems.append(f"curated line {n}: {ident} already exists")
                continue
            ent = Ent(qid, row["kind"], clean(row["label_en"]), clean(row["label_id"]), {"curated"})
            ent.key = key
            for a in aliases:
                ent.add_alias(a)
            ents[ident] = ent
            continue
        ent = ents.get(ident)
        if ent is None:
            problems.append(f"curated line {n}: {action} {ident}: not in the raw gazetteer")
            continue
        if action == "drop":
            del ents[ident]
        elif action == "set":
            for field in ("kind", "key", "label_en", "label_id"):
                if row[field]:
                    old = getattr(ent, field)
                    setattr(ent, field, clean(row[field]))
                    if field in ("label_en", "label_id") and old and old != row[field]:
                        ent.add_alias(old)
            ent.sources.add("curated")
        elif action == "alias":
            for a in aliases:
                ent.add_alias(a)
                ent.untrusted.discard(clean(a).casefold())
            ent.sources.add("curated")
        elif action == "unalias":
            for a in aliases:
                # a surname the build adds later (add_leader_surnames) is refused as well
                ent.refused.add(clean(a).casefold())
                if not ent.remove_alias(a) and not (ent.kind == "person" and a in words(ent.label_en)[-1:]):
                    problems.append(f"curated line {n}: {ident} has no alias {a!r}")
        else:
            problems.append(f"curated line {n}: unknown action {action!r}")
    return problems


RU_UA = {"Q159", "Q212", "Q184"}  # Russia, Ukraine, Belarus: Latin spellings vary


def translit_variant(name: str) -> str:
    """'Sergey Lavrov' -> 'Sergei Lavrov', 'Yury' -> 'Yuri', 'Zelenskyy' -> 'Zelensky'."""
    out = []
    for w in name.split(" "):
        w = re.sub(r"yy$", "y", w)
        w = re.sub(r"(?<=[aer])y$", "i", w)  # Sergey, Nikolay, Dmitry/Yury
        w = re.sub(r"(?<=o)y(?=[bcdfghklmnprstvz])", "i", w)  # Shoygu
        out.append(w)
    return " ".join(out)


LEADER_SOURCES = {
    "everypolitician/world-leaders-2021",
    "everypolitician/world-foreign-ministers",
    "everypolitician/world-html",
    "open-data-archive/world-leaders-current(2026-08-22)",
}


def add_leader_surnames(ents: dict[str, Ent], common: set[str]) -> None:
    """Surname aliases ("Albanese", "Netanyahu") for heads of state/government, foreign
    ministers, heads of international bodies and the people a weak source gave that
    surname alias, when the surname is unique: no other person has it as a name part
    and no place or organisation is called so."""
    from kg.gazetteer import fold

    parts: dict[str, set[str]] = defaultdict(set)
    other: set[str] = set()
    for ident, e in ents.items():
        if e.kind == "person":
            for name in [e.label_en, *e.aliases]:
                for w in words(name):
                    parts[fold(w)].add(ident)
        else:
            for name in [e.label_en, e.label_id, *e.aliases]:
                if name:
                    other.add(fold(name))
    for ident in sorted(ents, key=qnum):
        e = ents[ident]
        if e.kind != "person" or not (e.sources & LEADER_SOURCES or e.surname):
            continue
        ws = words(e.label_en)
        if len(ws) < 2:
            continue
        last = ws[-1]
        key = fold(last)
        if len(last) < 4 or not last[0].isupper() or not last.isalpha():
            continue
        if key in common or key in other:
            continue
        leader = bool(e.sources & LEADER_SOURCES)
        # a surname a source gave for a leader ("Trump") stands even if relatives share it
        if (leader and e.surname) or parts.get(key) == {ident}:
            e.add_alias(last)


def assign_keys(ents: dict[str, Ent]) -> None:
    taken: set[str] = {e.key for e in ents.values() if e.key}
    order = sorted(
        (e for e in ents.values() if not e.key),
        key=lambda e: (
            KIND_ORDER[e.kind],
            bool(e.sources <= UNTRUSTED),
            qnum(e.qid),
            e.label_en,
        ),
    )
    for e in order:
        base = slug(e.label_en) or slug(e.label_id) or e.qid.lower()
        key = base if base not in taken else f"{base}-{e.qid.lower()}"
        e.key = key
        taken.add(key)


# --------------------------------------------------------------------------- positions

ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("vice-president", re.compile(r"(?i)^(first )?vice[- ]president( of (?P<of>.+?))?( \(.*\))?$")),
    (
        "president",
        re.compile(
            r"(?i)^(acting )?president( of (?P<of>.+?))?( \(head of (state|government)\))?$"
        ),
    ),
    (
        "prime-minister",
        re.compile(
            r"(?i)^((sultan and |first )?prime minister|premier)( of (?P<of>.+?))?"
            r"( \(king\))?( \(head of government\))?$"
        ),
    ),
    (
        "chancellor",
        re.compile(r"(?i)^(federal )?chancellor( of (?P<of>.+?))?( \(head of government\))?$"),
    ),
    (
        "monarch",
        re.compile(
            r"(?i)^(king|queen|monarch|emperor|emir|sultan|grand duke|prince)( of (?P<of>.+?))?"
            r"( \(head of state\))?$"
        ),
    ),
    (
        "foreign-minister",
        re.compile(
            r"(?i)^(?!deputy|first deputy|state secretary|under)("
            r"(\w+ )?(federal )?minister (of|for) (europe and )?(foreign|external)\b.*"
            r"|.*\bforeign (affairs )?minister\b.*"
            r"|(united states )?secretary of state( for foreign.*)?"
            r"|secretary (of|for) (foreign|external)\b.*"
            r"|.*\bminister of foreign affairs\b.*"
            r"|minister of international relations\b.*"
            r")$"
        ),
    ),
    (
        "defence-minister",
        re.compile(r"(?i)^(minister|secretary) (of|for) defen[cs]e( of (?P<of>.+))?$"),
    ),
    (
        "finance-minister",
        re.compile(r"(?i)^(minister (of|for) finance( of (?P<of>.+))?|secretary of the treasury)$"),
    ),
    ("trade-minister", re.compile(r"(?i)^(minister|secretary) (of|for) (trade|commerce)$")),
    ("press-secretary", re.compile(r"(?i)^(?P<of>white house) press secretary$")),
    ("national-security-advisor", re.compile(r"(?i)^national security advisor$")),
    ("secretary-general", re.compile(r"(?i)^secretary[- ]general of (?P<of>.+)$")),
    ("director-general", re.compile(r"(?i)^director[- ]general of (?P<of>.+)$")),
]


def role_templates(titles: Path) -> dict[str, str]:
    """role -> English label template, from kg/data/titles.tsv (first row of each role)."""
    out: dict[str, str] = {}
    for row in read_tsv(titles):
        if row["role"] and row.get("position_en"):
            out.setdefault(row["role"], row["position_en"])
    return out


ROLE_TEMPLATES: dict[str, str] = {}


def role_template(role: str, ent: Ent) -> str:
    template = ROLE_TEMPLATES.get(role, role.replace("-", " ").title() + " of {of}")
    return template.format(of=with_article(ent.kind, ent.label_en))


def build_name_index(ents: dict[str, Ent]) -> dict[str, list[Ent]]:
    index: dict[str, list[Ent]] = defaultdict(list)
    for e in ents.values():
        if e.kind == "person":
            continue
        for name in [e.label_en, e.label_id, *e.aliases]:
            if name:
                index[name.casefold()].append(e)
    for v in index.values():
        v.sort(key=lambda e: (KIND_ORDER[e.kind], qnum(e.qid)))
    return index


def resolve_name(index: dict[str, list[Ent]], name: str) -> Ent | None:
    name = clean(name)
    for cand in (name, re.sub(r"^the ", "", name, flags=re.I)):
        hits = index.get(cand.casefold())
        if hits:
            return hits[0]
    return None


CITY_PLACE = re.compile(r"^(?:Admin-[01] (?:region )?capital(?: alt)?|Populated place) in ([^(;]+?)(?: \(([^)]*)\))?(?:;|$)")


def build_cities(raw: Path, ents: dict[str, Ent], index: dict[str, list[Ent]]) -> list[dict[str, str]]:
    """City -> country (and region) for the cities kept, from Natural Earth descriptions."""
    rows = []
    for row in read_tsv(raw / "gazetteer.tsv"):
        e = ents.get(row["qid"])
        if e is None or e.kind != "city":
            continue
        m = CITY_PLACE.match(row["description_en"])
        if m is None:
            continue
        country = resolve_name(index, m.group(1).strip())
        if country is None or country.kind != "country" or not country.qid:
            continue
        rows.append({"city_qid": e.qid, "country_qid": country.qid,
                     "region": clean(m.group(2) or ""), "city": e.label_en})
    rows.sort(key=lambda r: qnum(r["city_qid"]))
    return rows


def classify(label: str) -> tuple[str, str]:
    for role, pat in ROLE_PATTERNS:
        m = pat.match(label)
        if m:
            of = m.groupdict().get("of") or ""
            return role, of
    return "", ""


def build_positions(
    raw: Path, ents: dict[str, Ent], curated: list[dict[str, str]]
) -> tuple[list[dict[str, str]], list[str]]:
    problems: list[str] = []
    index = build_name_index(ents)
    by_ident = {e.qid or f"key:{e.key}": e for e in ents.values()}
    by_key = {e.key: e for e in ents.values()}
    country_cache: dict[str, Ent | None] = {}

    rows: list[dict[str, str]] = []
    for r in read_tsv(raw / "people_positions.tsv"):
        person = r["qid"]
        if person not in ents:
            continue
        label = re.sub(r" \(head of (state|government)\)$", "", clean(r["position"]))
        country = r["country"]
        if country not in country_cache:
            country_cache[country] = resolve_name(index, country)
        c_ent = country_cache[country]
        role, of_name = classify(label)
        of_ent = None
        if of_name:
            of_ent = resolve_name(index, of_name)
            if of_ent is None or (
                of_ent.kind in ("country", "location", "city")
                and c_ent is not None
                and of_ent.qid != c_ent.qid
            ):
                # "President of the Sakha Republic": a regional post, not the country's
                role, of_ent = "", None
        if of_ent is None:
            of_ent = c_ent
        rows.append(
            {
                "person_qid": person,
                "person_label": ents[person].label_en,
                "raw_label": label,
                "position_qid": r["position_qid"],
                "of_qid": (of_ent.qid or f"key:{of_ent.key}") if of_ent else "",
                "start": r["start"],
                "end": r["end"],
                "role": role,
                "as_of": r["as_of"],
                "source": SOURCE_SHORT.get(r["source"], r["source"]).replace(
                    "everypolitician/", "ep-"
                ),
            }
        )

    # canonical label and QID per (role, of)
    canon: dict[tuple[str, str], tuple[str, str]] = {}
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["role"] and row["of_qid"]:
            groups[(row["role"], row["of_qid"])].append(row)
    for (role, of), members in groups.items():
        of_ent = by_ident.get(of) or ents.get(of)
        names = [n.casefold() for n in ([of_ent.label_en, *of_ent.aliases] if of_ent else [])]
        qids = sorted({m["position_qid"] for m in members if m["position_qid"]}, key=qnum)
        pats = [re.compile(r"\b" + re.escape(n) + r"\b") for n in names if len(n) > 3]
        naming = [m for m in members if any(p.search(m["raw_label"].casefold()) for p in pats)]
        named = sorted({m["raw_label"] for m in naming if m["position_qid"]}) or sorted(
            {m["raw_label"] for m in naming}
        )
        if named:
            label = named[0]
            qid = (
                sorted(
                    {m["position_qid"] for m in naming if m["raw_label"] == label} - {""}, key=qnum
                )
                or [""]
            )[0]
            if not qid and len(qids) == 1:
                qid = qids[0]
        else:
            label = role_template(role, of_ent) if of_ent else members[0]["raw_label"]
            qid = qids[0] if len(qids) == 1 else ""
        canon[(role, of)] = (label, qid)

    for row in rows:
        if row["role"] and row["of_qid"]:
            row["position_en"], row["position_qid"] = canon[(row["role"], row["of_qid"])]
        else:
            row["position_en"] = row["raw_label"]

    # merge the same holding reported by several sources
    merged: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        merged[(row["person_qid"], row["position_en"], row["of_qid"])].append(row)
    out: list[dict[str, str]] = []
    for members in merged.values():
        members.sort(key=lambda m: (date_bounds(m["start"])[0] or "0000", m["end"] or "9999"))
        spans: list[dict[str, str]] = []
        for m in members:
            lo = date_bounds(m["start"])[0] or "0000-00-00"
            for s in spans:
                s_hi = date_bounds(s["end"])[1] if s["end"] else "9999-99-99"
                m_hi = date_bounds(m["end"])[1] if m["end"] else "9999-99-99"
                s_lo = date_bounds(s["start"])[0] or "0000-00-00"
                if lo <= s_hi and s_lo <= m_hi:
                    s["start"] = more_precise(s["start"], m["start"])
                    if s["end"] and m["end"]:
                        s["end"] = more_precise(s["end"], m["end"], latest=True)
                    else:
                        s["end"] = s["end"] or m["end"]
                    s["as_of"] = max(s["as_of"], m["as_of"])
                    s["position_qid"] = s["position_qid"] or m["position_qid"]
                    srcs = set(s["source"].split(";")) | {m["source"]}
                    s["source"] = ";".join(sorted(srcs))
                    break
            else:
                spans.append(dict(m))
        out.extend(spans)

    # curated position fixes
    def ident_of(value: str) -> str:
        if value.startswith("Q") or not value:
            return value
        return f"key:{value}"

    for n, c in enumerate(curated, 2):
        action = c["action"]
        person = c["person"]
        if person.startswith("Q"):
            p_ent = ents.get(person)
            pcol = person
        else:
            p_ent = by_key.get(person)
            pcol = f"key:{person}"
        if p_ent is None:
            problems.append(f"curated_positions line {n}: unknown person {person}")
            continue
        pat = c["position_en"]
        if action == "drop":
            before = len(out)
            out = [
                o
                for o in out
                if not (
                    o["person_qid"] == pcol
                    and o["position_en"] == pat
                    and (not c["of"] or o["of_qid"] == ident_of(c["of"]))
                )
            ]
            if len(out) == before:
                problems.append(f"curated_positions line {n}: nothing to drop for {person} {pat}")
        elif action in ("end", "as_of"):
            hit = False
            for o in out:
                if o["person_qid"] == pcol and o["position_en"] == pat and not o["end"]:
                    if action == "end":
                        o["end"] = c["end"]
                    else:
                        o["as_of"] = max(o["as_of"], c["as_of"])
                    o["source"] = ";".join(sorted(set(o["source"].split(";")) | {"curated"}))
                    hit = True
            if not hit:
                problems.append(f"curated_positions line {n}: no open {pat} for {person}")
        elif action == "add":
            role = c["role"]
            of_id = ident_of(c["of"])
            of_ent = by_ident.get(of_id)
            label = pat
            qid = c["position_qid"]
            if role and of_id and (role, of_id) in canon:
                label, qid0 = canon[(role, of_id)]
                qid = qid or qid0
            elif not label and role and of_ent:
                label = role_template(role, of_ent)
            out.append(
                {
                    "person_qid": pcol,
                    "person_label": p_ent.label_en,
                    "position_en": label,
                    "position_qid": qid,
                    "of_qid": of_id,
                    "start": c["start"],
                    "end": c["end"],
                    "role": role,
                    "as_of": c["as_of"],
                    "source": "curated",
                }
            )
        else:
            problems.append(f"curated_positions line {n}: unknown action {action!r}")

    for o in out:
        for col in ("person_qid", "of_qid"):
            if o[col].startswith("key:"):
                o[col] = o[col][4:]
    out.sort(
        key=lambda o: (
            qnum(o["person_qid"]),
            o["person_qid"],
            date_bounds(o["start"])[0],
            o["position_en"],
            o["of_qid"],
            o["end"],
        )
    )
    return out, problems


# --------------------------------------------------------------------------- main

GAZ_HEADER = """
kg gazetteer: built by scripts/build_gazetteer.py from the offline Wikidata gazetteer
(../shared/wikidata, see its SOURCES.md) + kg/data/curated.tsv. Do not edit by hand.
Columns: qid (empty for curated items without a verified QID), kind, key (slug used in
kgr:{kind}/{key}), label_en, label_id (Indonesian), aliases (|-separated).
Licences of the sources: Natural Earth (public domain), Wikidata-derived lists (CC0),
supraverden and open-data-archive (CC BY-SA 4.0), CLDR (Unicode), elevant (Apache-2.0).
"""

CITY_COLUMNS = ["city_qid", "country_qid", "region", "city"]
CITY_HEADER = """
kg cities: built by scripts/build_gazetteer.py from the Natural Earth descriptions of the
offline Wikidata gazetteer ("Admin-1 capital in United States of America (Georgia)").
Do not edit by hand. city_qid -> country_qid and the first-level region it lies in, used to
decide "Atlanta, Georgia" (the US state) against "Batumi, Georgia" (the country).
"""

POS_HEADER = """
kg positions: built by scripts/build_gazetteer.py from people_positions.tsv of the offline
Wikidata gazetteer + kg/data/curated_positions.tsv. Do not edit by hand.
person_qid/of_qid hold a QID, or the entity key when the item has no verified QID.
start/end: YYYY[-MM[-DD]]; end empty = still held when the source was compiled (as_of).
role: the title-resolvable role (see kg/data/titles.tsv), empty for other positions.
"""


def build(raw: Path, out_dir: Path, data_dir: Path) -> list[str]:
    ROLE_TEMPLATES.clear()
    ROLE_TEMPLATES.update(role_templates(data_dir / "titles.tsv"))
    common = common_words()
    curated = read_tsv(data_dir / "curated.tsv")
    ents = load_entities(
        raw,
        common,
        {row["qid"] for row in curated if row["qid"]},
        known_acronyms(data_dir / "acronyms.txt"),
    )
    problems = apply_curated(ents, curated)

    # transliteration variants for people holding Russian/Ukrainian/Belarusian posts
    pos_raw = read_tsv(raw / "people_positions.tsv")
    index = build_name_index(ents)
    ru_people = set()
    for r in pos_raw:
        c = resolve_name(index, r["country"])
        if c is not None and c.qid in RU_UA:
            ru_people.add(r["qid"])
    for qid in sorted(ru_people, key=qnum):
        e = ents.get(qid)
        if e is None:
            continue
        for name in [e.label_en, *list(e.aliases)]:
            if len(words(name)) > 1 and is_latin(name):
                variant = translit_variant(name)
                if variant != name:
                    e.add_alias(variant)

    # Korean-style given names: "Kim Jong-un" is written "Kim Jong Un" in Indonesian news
    for e in ents.values():
        if e.kind == "person":
            for name in [e.label_en, *list(e.aliases)]:
                if re.search(r"\b[A-Z][a-z]+-[a-z]+\b", name) and is_latin(name):
                    e.add_alias(
                        re.sub(
                            r"\b([A-Z][a-z]+)-([a-z])",
                            lambda m: m.group(1) + " " + m.group(2).upper(),
                            name,
                        )
                    )

    add_leader_surnames(ents, common)

    for e in ents.values():  # a relabelled item must not keep its new label as an alias
        labels = {e.label_en.casefold(), e.label_id.casefold()}
        e.aliases = [a for a in e.aliases if a.casefold() not in labels]

    assign_keys(ents)
    keys = [e.key for e in ents.values()]
    dup = sorted({k for k in keys if keys.count(k) > 1}) if len(set(keys)) != len(keys) else []
    problems += [f"duplicate key {k}" for k in dup]

    gaz_rows = []
    for e in sorted(ents.values(), key=lambda e: (KIND_ORDER[e.kind], qnum(e.qid), e.key)):
        gaz_rows.append(
            {
                "qid": e.qid,
                "kind": e.kind,
                "key": e.key,
                "label_en": e.label_en,
                "label_id": e.label_id,
                "aliases": "|".join(e.aliases),
            }
        )
    pos_rows, pos_problems = build_positions(
        raw, ents, read_tsv(data_dir / "curated_positions.tsv")
    )
    problems += pos_problems

    city_rows = build_cities(raw, ents, index)

    out_dir.mkdir(parents=True, exist_ok=True)
    write_tsv(out_dir / "gazetteer.tsv", GAZ_COLUMNS, gaz_rows, GAZ_HEADER)
    write_tsv(out_dir / "cities.tsv", CITY_COLUMNS, city_rows, CITY_HEADER)
    write_tsv(out_dir / "positions.tsv", POS_COLUMNS, pos_rows, POS_HEADER)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("raw", nargs="?", default=str(REPO.parent / "shared" / "wikidata"))
    parser.add_argument("--out", default=str(REPO / "kg" / "data"))
    parser.add_argument(
        "--data", default=str(REPO / "kg" / "data"), help="folder of the curated overlays"
    )
    parser.add_argument("--strict", action="store_true", help="fail on curation problems")
    args = parser.parse_args(argv)
    raw = Path(args.raw)
    if not (raw / "gazetteer.tsv").is_file():
        print(f"error: {raw}/gazetteer.tsv not found", file=sys.stderr)
        return 2
    problems = build(raw, Path(args.out), Path(args.data))
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    return 1 if (problems and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
