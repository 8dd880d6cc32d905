"""The offline gazetteer: entities, their Indonesian and English names, who held which post.

Data files (``kg/data/``, built by ``scripts/build_gazetteer.py``):

* ``gazetteer.tsv``  ``qid kind key label_en label_id aliases`` (aliases ``|``-separated);
* ``positions.tsv``  ``person_qid position_en position_qid of_qid start end role as_of ...``;
* ``titles.tsv``     Indonesian titles ("Presiden", "Menlu", ...) -> roles and label templates.

Extra gazetteer files in the same TSV format (at least ``qid``/``key``, ``kind``,
``label_en``; the other columns are optional) are added by path or through the
``KG_GAZETTEER`` environment variable (paths separated by ``os.pathsep``). A row whose
QID (or key) is already known adds its aliases and replaces the labels it gives.

Matching rules for a surface form (:meth:`Gazetteer.candidates`):

* acronyms (all letters upper case, e.g. "AS", "PBB", "NATO") and forms of at most three
  characters match case-sensitively; acronyms of four or more letters also match in
  title case ("Nato", "Asean");
* everything else matches case-insensitively;
* a one-word form that is an Indonesian stop word or in :data:`BLOCKLIST` never matches.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.lang.id.stop_words import STOP_WORDS

from .resources import data_file

__all__ = [
    "Entry",
    "Holding",
    "Title",
    "Gazetteer",
    "slug",
    "normalize",
    "KINDS",
    "BLOCKLIST",
    "STOP",
    "fold",
]

KINDS = ("country", "city", "organization", "location", "person")
KIND_RANK = {k: i for i, k in enumerate(KINDS)}
ENV_VAR = "KG_GAZETTEER"

# One-word names that are ordinary words in Indonesian (or English) news text.
BLOCKLIST = frozenset(
    """
    presiden menteri negara pemerintah pemerintahan dewan kota wilayah pulau daerah provinsi
    selatan utara timur tengah raya baru besar kecil uni republik kerajaan federasi bangsa rakyat
    partai bank media sumber editor baca juga kata ujar menurut kantor istana gedung putih
    organisasi komisi majelis parlemen kongres senat militer tentara angkatan pasukan polisi
    the of and for new national state city government president minister council union
    international world united republic kingdom party group news post times
    """.split()
)

# spaCy's Indonesian stop words, minus the ones that are also common surnames
STOP = frozenset(STOP_WORDS) - {"wong"}

_WS = re.compile(r"\s+")
_HYPHEN = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def normalize(text: str) -> str:
    """Canonical surface: NFC, straight apostrophes, one space, no spaces around hyphens."""
    if (
        text.isascii()
        and "  " not in text
        and " -" not in text
        and "- " not in text
        and text == text.strip()
        and "\t" not in text
        and "\n" not in text
    ):
        return text
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = _HYPHEN.sub("-", text)
    return _WS.sub(" ", text).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``fold("Erdoğan") == fold("erdogan")``."""
    text = text.casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def slug(label: str) -> str:
    """Key for kgr: IRIs: ``slug("People's Republic of China") == "peoples-republic-of-china"``."""
    text = unicodedata.normalize("NFKD", label)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def is_acronym(text: str) -> bool:
    """All letters upper case, at least two of them: "AS", "PBB", "U.S.", "NATO"."""
    return text.isupper() and sum(c.isalpha() for c in text) >= 2


def parse_date(value: str, *, upper: bool = False) -> date | None:
    """'2021' -> 2021-01-01 (or 2021-12-31 with ``upper``); '2018-06' -> 2018-06-01 / -30."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if upper else date(parts[0], 1, 1)
    if len(parts) == 2:
        y, m = parts
        if not upper:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(*parts[:3])


@dataclass(frozen=True)
class Entry:
    """One gazetteer item. ``id`` is the QID, or the key for items without a verified QID."""

    qid: str | None
    kind: str
    key: str
    label_en: str
    label_id: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.qid or self.key

    @property
    def label(self) -> str:
        return self.label_en or self.label_id or self.key

    def names(self) -> list[str]:
        return [n for n in (self.label_en, self.label_id, *self.aliases) if n]


@dataclass(frozen=True)
class Holding:
    """A person held a position (of a country or organisation) from ``start`` to ``end``."""

    person: str  # QID, or key
    position_en: str
    position_qid: str | None
    of: str | None  # QID, or key
    start: str = ""
    end: str = ""
    role: str = ""
    as_of: str = ""

    def held_on(self, on: date) -> bool:
        """True when the data shows the post was certainly held on ``on``.

        Partial dates count conservatively (a start in "2021" is certain from 2021-12-31,
        an end in "2022" from 2022-01-01); an open end counts only up to ``as_of``, the
        date the source was compiled; after that the data is missing, not a yes.
        """
        start = parse_date(self.start, upper=True)
        if start is None or start > on:
            return False
        if self.end:
            end = parse_date(self.end)
            return end is not None and on < end
        as_of = parse_date(self.as_of, upper=True)
        return as_of is not None and on <= as_of

    @property
    def start_date(self) -> date:
        return parse_date(self.start) or date.min


@dataclass(frozen=True)
class Title:
    pattern: str
    role: str
    label_id: str
    position_en: str  # template with {of}
    resolvable: bool
    default_of: str | None = None
    needs_of: bool = False
    alone: bool = False  # the bare title names the holder of default_of at the date ("Paus")

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(t.casefold() for t in _TOKEN.findall(self.pattern))


THE_PREFIXES = (
    "United ",
    "Republic",
    "Kingdom",
    "Netherlands",
    "Philippines",
    "Czech Republic",
    "Dominican Republic",
    "Central African",
    "Democratic",
    "Gambia",
    "Bahamas",
    "Maldives",
    "Marshall Islands",
    "Solomon Islands",
    "Comoros",
    "Seychelles",
    "Holy See",
    "State of",
    "People's",
    "Federated",
)


def with_article(kind: str, label: str) -> str:
    """'the Kremlin', 'the United States', 'Russia', 'NATO'."""
    if label.startswith("The "):
        return "the " + label[4:]
    if kind == "organization" and not is_acronym(label):
        return "the " + label
    if kind == "country" and label.startswith(THE_PREFIXES):
        return "the " + label
    return label


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header line; ``#`` lines and blank lines are skipped."""
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = [h.strip() for h in lines[0].rstrip("\r").split("\t")]
    width = len(header)
    rows = []
    for ln in lines[1:]:
        cells = ln.rstrip("\r").split("\t")
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells) if h})
    return rows


class Gazetteer:
    """Entities, surface forms, positions and titles, loaded from TSV files."""

    def __init__(
        self,
        gazetteer_files: Iterable[str | os.PathLike[str]] = (),
        positions_files: Iterable[str | os.PathLike[str]] = (),
        titles_file: str | os.PathLike[str] | None = None,
    ):
        self._entries: list[Entry] = []
        self._by_id: dict[str, int] = {}
        # surface -> [(entry index, the surface is a label)]
        self._exact: dict[str, list[tuple[int, bool]]] = {}  # case-sensitive forms
        self._folded: dict[str, list[tuple[int, bool]]] = {}  # fold()ed forms
        self._first_words: dict[str, int] = {}  # first word -> most tokens of a name
        self.max_tokens = 1
        self._holdings: list[Holding] = []
        self._by_person: dict[str, list[Holding]] = {}
        self._by_role_of: dict[tuple[str, str], list[Holding]] = {}
        self._by_position: dict[str, list[Holding]] = {}
        self.titles: dict[str, Title] = {}
        self._title_by_role: dict[str, Title] = {}
        self._titles_by_first: dict[str, list[Title]] = {}

        rows: dict[str, dict[str, str]] = {}
        order: list[str] = []
        idents: dict[str, str] = {}  # key -> ident of its row
        for path in gazetteer_files:
            for row in _read_tsv(Path(path)):
                self._merge_row(rows, order, idents, row)
        for ident in order:
            row = rows[ident]
            qid = row.get("qid") or None
            key = row["key"]
            if key in self._by_id:  # a user row whose label slug is taken by another item
                key = f"{key}-{(qid or str(len(self._entries))).lower()}"
            entry = Entry(
                qid=qid,
                kind=row.get("kind") or "organization",
                key=key,
                label_en=row.get("label_en") or row.get("label_id") or "",
                label_id=row.get("label_id") or None,
                aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
            )
            self._add_entry(entry)

        for path in positions_files:
            for row in _read_tsv(Path(path)):
                h = Holding(
                    person=row["person_qid"],
                    position_en=row["position_en"],
                    position_qid=row.get("position_qid") or None,
                    of=row.get("of_qid") or None,
                    start=row.get("start", ""),
                    end=row.get("end", ""),
                    role=row.get("role", ""),
                    as_of=row.get("as_of", ""),
                )
                self._holdings.append(h)
                self._by_person.setdefault(h.person, []).append(h)
                if h.position_qid:
                    self._by_position.setdefault(h.position_qid, []).append(h)
                if h.role and h.of:
                    self._by_role_of.setdefault((h.role, h.of), []).append(h)

        if titles_file is not None:
            for row in _read_tsv(Path(titles_file)):
                t = Title(
                    pattern=row["pattern"],
                    role=row["role"],
                    label_id=row.get("label_id") or row["pattern"],
                    position_en=row.get("position_en") or "",
                    resolvable=(row.get("resolvable", "").lower() in {"yes", "true", "1"}),
                    default_of=row.get("default_of") or None,
                    needs_of=(row.get("needs_of", "").lower() in {"yes", "true", "1"}),
                    alone=(row.get("alone", "").lower() in {"yes", "true", "1"}),
                )
                self.titles[normalize(t.pattern).casefold()] = t
                self._title_by_role.setdefault(t.role, t)
                if t.tokens:
                    self._titles_by_first.setdefault(t.tokens[0], []).append(t)
            for ts in self._titles_by_first.values():
                ts.sort(key=lambda t: -len(t.tokens))

    # ------------------------------------------------------------------ loading

    @staticmethod
    def _merge_row(
        rows: dict[str, dict[str, str]],
        order: list[str],
        idents: dict[str, str],
        row: dict[str, str],
    ) -> None:
        """Add a row, or merge it into the row with the same QID (or, without QID, key).

        A row with a QID that is not known yet, whose key (given, or the slug of its label)
        is that of an item without QID of the same kind, gives that item its QID: a user
        file can link "nato-russia-council" without creating a rival of the same name."""
        qid = row.get("qid") or ""
        key = row.get("key") or slug(row.get("label_en") or row.get("label_id") or "")
        ident = qid or idents.get(key) or (f"key:{key}" if key else "")
        if not ident:
            return
        old = rows.get(ident)
        if old is None and qid and key in idents:
            same = rows[idents[key]]
            if not same.get("qid") and (not row.get("kind") or row.get("kind") == same.get("kind")):
                same["qid"] = qid
                rows[qid] = old = same
        if old is None:
            rows[ident] = dict(row, key=key)
            order.append(ident)
            idents.setdefault(key, ident)
            return
        for col in ("kind", "label_en", "label_id"):
            if row.get(col):
                old[col] = row[col]
        if row.get("key") and row["key"] != old["key"]:
            old["key"] = row["key"]
            idents.setdefault(row["key"], ident)
        extra = [a for a in (row.get("aliases") or "").split("|") if a]
        if extra:
            have = [a for a in (old.get("aliases") or "").split("|") if a]
            old["aliases"] = "|".join(have + [a for a in extra if a not in have])

    def _add_entry(self, entry: Entry) -> None:
        idx = len(self._entries)
        self._entries.append(entry)
        self._by_id[entry.id] = idx
        if entry.qid:
            self._by_id.setdefault(entry.key, idx)
        labels = {entry.label_en.casefold(), (entry.label_id or "").casefold()}
        exact, folded, firsts = self._exact, self._folded, self._first_words
        seen: set[str] = set()
        for name in entry.names():
            surface = normalize(name)
            if not surface or surface in seen:
                continue
            seen.add(surface)
            low = surface.casefold()
            acronym = is_acronym(surface)
            if not acronym and " " not in surface and "-" not in surface:
                if low in STOP or low in BLOCKLIST:
                    continue
            match = (idx, low in labels)
            if acronym or len(surface) <= 3:  # case-sensitive
                exact.setdefault(surface, []).append(match)
                if acronym and len(surface) >= 4 and surface.isalpha():
                    exact.setdefault(surface.capitalize(), []).append(match)
            else:
                folded.setdefault(fold(surface), []).append(match)
            toks = _TOKEN.findall(surface)
            first = fold(toks[0])
            if len(toks) > firsts.get(first, 0):
                firsts[first] = len(toks)
                if len(toks) > self.max_tokens:
                    self.max_tokens = len(toks)

    @classmethod
    def from_files(
        cls,
        extra: Iterable[str | os.PathLike[str]] = (),
        *,
        env: bool = True,
    ) -> "Gazetteer":
        """The package data plus ``extra`` gazetteer files (and ``$KG_GAZETTEER`` if ``env``)."""
        files: list[str | os.PathLike[str]] = [data_file("gazetteer.tsv")]
        if env and os.environ.get(ENV_VAR):
            files += [p for p in os.environ[ENV_VAR].split(os.pathsep) if p]
        files += list(extra)
        return cls(files, [data_file("positions.tsv")], data_file("titles.tsv"))

    @classmethod
    def default(cls, extra: Iterable[str | os.PathLike[str]] = ()) -> "Gazetteer":
        """The shared instance (cached per extra files and ``$KG_GAZETTEER``)."""
        return _cached(tuple(str(p) for p in extra), os.environ.get(ENV_VAR, ""))

    # ------------------------------------------------------------------ entities

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return iter(self._entries)

    def entry(self, ident: str) -> Entry | None:
        """The item with this QID (or key, for items without QID)."""
        idx = self._by_id.get(ident)
        return None if idx is None else self._entries[idx]

    def is_first_word(self, word: str) -> bool:
        return fold(word) in self._first_words

    def max_tokens_from(self, word: str) -> int:
        """The most tokens of a name starting with ``word`` (0: no name starts so)."""
        return self._first_words.get(fold(word), 0)

    def titles_starting(self, word: str) -> list[Title]:
        """Titles whose first token is ``word`` (lower case), longest first."""
        return self._titles_by_first.get(word, [])

    def lookup(self, surface: str) -> list[tuple[Entry, bool]]:
        """(entry, matched a label rather than an alias) for a surface, unranked."""
        surface = normalize(surface)
        if not surface:
            return []
        hits = self._exact.get(surface, []) + self._folded.get(fold(surface), [])
        seen: set[int] = set()
        out = []
        for m in hits:
            if m[0] not in seen:
                seen.add(m[0])
                out.append((self._entries[m[0]], m[1]))
        return out

    def candidates(self, surface: str) -> list[Entry]:
        """Entries named ``surface``, best first: country, city, organization, location,
        person; within a kind a label before an alias, then the lower QID."""
        hits = self.lookup(surface)
        hits.sort(key=lambda h: (KIND_RANK.get(h[0].kind, 9), not h[1], _qnum(h[0].qid)))
        return [e for e, _ in hits]

    @staticmethod
    def slug(label: str) -> str:
        return slug(label)

    # ------------------------------------------------------------------ positions

    def holdings(self, person: str) -> list[Holding]:
        """All positions of a person (QID or key), oldest first."""
        return sorted(self._by_person.get(person, []), key=lambda h: h.start_date)

    def holders(self, position_qid: str, on: date) -> list[str]:
        """Who held the position (a Wikidata position QID) on that date, latest start first."""
        held = [h for h in self._by_position.get(position_qid, []) if h.held_on(on)]
        held.sort(key=lambda h: h.start_date, reverse=True)
        out: list[str] = []
        for h in held:
            if h.person not in out:
                out.append(h.person)
        return out

    def title(self, pattern: str) -> Title | None:
        return self.titles.get(normalize(pattern).casefold())

    def role_of(self, title_or_role: str) -> str | None:
        t = self.title(title_or_role)
        if t is not None:
            return t.role
        return title_or_role if title_or_role in self._title_by_role else None

    def holding_at(self, role: str, of: str, on: date) -> Holding | None:
        """The holding of a one-holder role (e.g. "president" of Q30) on a date, or None."""
        held = [h for h in self._by_role_of.get((role, of), []) if h.held_on(on)]
        if not held:
            return None
        held.sort(key=lambda h: h.start_date, reverse=True)
        if len(held) > 1 and held[0].start_date == held[1].start_date:
            if held[0].person != held[1].person:
                return None  # two holders, same start: the data cannot tell
        return held[0]

    def holder_of(self, title_pattern: str, country_qid: str, on: date) -> Entry | None:
        """The person holding the post named by an Indonesian title (or a role key) of a
        country/organisation on a date: ``holder_of("Presiden", "Q30", date(2021, 12, 31))``
        is Joe Biden. None when the data does not cover that date."""
        role = self.role_of(title_pattern)
        if role is None:
            return None
        h = self.holding_at(role, country_qid, on)
        return None if h is None else self.entry(h.person)

    def person_role(self, person: str, role: str, on: date | None) -> Holding | None:
        """The person's holding of ``role``: the one held on ``on``, else the latest started."""
        hs = [h for h in self._by_person.get(person, []) if h.role == role]
        if not hs:
            return None
        if on is not None:
            now = [h for h in hs if h.held_on(on)]
            if now:
                return max(now, key=lambda h: h.start_date)
            before = [h for h in hs if h.start_date <= on]
            if before:
                return max(before, key=lambda h: h.start_date)
        return max(hs, key=lambda h: h.start_date)

    def position_label(self, role: str, of: str | None) -> tuple[str, str | None]:
        """English label and Wikidata QID of a role of a country/organisation.

        The data's label when it has one ("President of the United States", Q11696),
        else the title template ("Foreign-Policy Aide of the Kremlin", None).
        """
        if of:
            hs = self._by_role_of.get((role, of))
            if hs:
                labelled = [h for h in hs if h.position_qid] or hs
                return labelled[0].position_en, labelled[0].position_qid
        t = self._title_by_role.get(role)
        template = t.position_en if t else role.replace("-", " ").title() + " of {of}"
        ent = self.entry(of) if of else None
        if ent is None:
            return template.split(" of {of}")[0].replace("{of}", "").strip(), None
        return template.format(of=with_article(ent.kind, ent.label)), None

    def title_for_role(self, role: str) -> Title | None:
        return self._title_by_role.get(role)


def _qnum(qid: str | None) -> int:
    if qid and qid[0] == "Q" and qid[1:].isdigit():
        return int(qid[1:])
    return 1 << 62


@lru_cache(maxsize=8)
def _cached(extra: tuple[str, ...], env_value: str) -> Gazetteer:
    return Gazetteer.from_files(extra, env=bool(env_value))
