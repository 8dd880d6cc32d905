"""Entity mentions in Indonesian news: countries, cities, organisations, places and people.

There is no trained Indonesian spaCy model, so this layer is rules over the gazetteer
(:mod:`kg.gazetteer`) on ``spacy.blank("id")``:

1. **Gazetteer names**, longest match over token sequences (within a sentence and a
   line). Acronyms and short forms ("AS", "PBB", "UE", "Xi") match case-sensitively; other
   names match case-insensitively but the span must start with an upper-case letter.
   One-word names that are stop words / common words never match; "Barat" (the West) does
   not match inside a place name ("Jawa Barat"). Names are also found inside hyphenated
   tokens the tokenizer kept whole ("AS-Rusia") and before the clitic "-nya".
2. **Titles** (``kg/data/titles.tsv``): ``TITLE [(ABBR)] [COUNTRY/ORG [(ABBR)]] [,] NAME``
   gives one person mention with a :class:`~kg.model.PositionHolding` ("Presiden Rusia
   Vladimir Putin", "Perdana Menteri (PM) Singapura Lawrence Wong", "pembantu kebijakan luar
   negeri Kremlin Yuri Ushakov"). A capitalised name that the gazetteer does not know is
   still a person (method "unlinked", key = slug of the name). A title with a country but
   no name ("Presiden AS", "presiden Amerika") is the holder at the article date (method
   "role-at-date") when the position data covers that date.
3. **Short names**: a surname or other name part ("Biden", "Wong", "Macron") is the person
   named in full elsewhere in the same article; otherwise the gazetteer's unique alias.
4. **Ambiguity**: a country beats a city, an organisation, a place, a person of the same
   name (in that order); two candidates of the same rank and no evidence give a mention of
   that kind without QID (method "unlinked", low confidence) rather than a guess.

Use :func:`make_nlp` for the pipeline, :func:`annotate` to run it with an article date,
or :func:`find_mentions` on any Indonesian ``Doc``.
"""

from __future__ import annotations

import gzip
import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .dates import NUMBER_WORDS
from .gazetteer import BLOCKLIST, KIND_RANK, STOP, Entry, Gazetteer, Title, fold, is_acronym, normalize, slug
from .model import PositionHolding
from .resources import data_file

__all__ = [
    "Mention",
    "find_mentions",
    "make_nlp",
    "default_nlp",
    "annotate",
    "SPANS_KEY",
    "KgEntities",
    "dateline_mention",
]

SPANS_KEY = "kg_mentions"
PERSON = "person"
OF_KINDS = {"country", "organization", "location"}

DAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}
MONTHS = {
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember",
}  # fmt: skip
NAME_PARTICLES = {
    "bin", "binti", "bint", "van", "von", "der", "den", "de", "del", "della", "al", "el", "da",
    "dos", "du", "la", "le", "ibn", "abu", "ben", "y",
}  # fmt: skip
DIRECTIONS = {"barat", "timur", "utara", "selatan", "tengah"}
ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")  # regnal numbers: Leo XIV
# a one-word place right after these is part of a building's name ("Istana Constantine")
FACILITIES = {
    "istana", "universitas", "kampus", "hotel", "stadion", "masjid", "gereja", "museum",
    "jalan", "jl", "gedung", "apartemen",
}  # fmt: skip
# capitalised words of institutions, never part of a person's name
INSTITUTIONS = {
    "badan", "kementerian", "kemlu", "lembaga", "universitas", "komite", "sekretariat",
    "pengadilan", "mahkamah", "kepolisian", "markas", "konferensi", "ktt", "forum", "dialog",
}  # fmt: skip
# before a country in a title: the formal name of the state ("Duta Besar Republik Prancis")
STATE_WORDS = {"republik", "kerajaan", "kesultanan", "keemiran", "federasi", "negara"}
# honorifics and ranks: part of a written name, but never identify a person on their own
HONORIFICS = {
    "dato", "datuk", "seri", "sri", "tan", "tun", "haji", "hj", "sheikh", "syekh", "pangeran",
    "putra", "mahkota", "jenderal", "brigjen", "letjen", "mayjen", "laksamana", "marsekal",
    "kolonel", "dr", "prof", "ir", "sir", "lord", "mohammed", "muhammad", "mohamed",
}  # fmt: skip
# words that start a name-like run but are never (part of) a person's name
NOT_NAME = {"kompas.com", "kontan.co.id", "reuters", "afp", "ap", "cnn", "bbc", "antara"}


if not Doc.has_extension("kg_pub_date"):
    Doc.set_extension("kg_pub_date", default=None)
if not Doc.has_extension("kg_mentions"):
    Doc.set_extension("kg_mentions", default=None)
if not Doc.has_extension("kg_gazetteer"):  # the component's gazetteer, for find_mentions
    Doc.set_extension("kg_gazetteer", default=None)


@dataclass
class Mention:
    """One mention of an entity, with character offsets into ``doc.text``."""

    start_char: int
    end_char: int
    text: str
    kind: str  # person | country | organization | city | location
    qid: str | None
    label: str  # canonical label (English where known), or the text when unlinked
    label_id: str | None
    key: str  # slug used in kgr:{kind}/{key}
    method: str  # exact | alias | role-at-date | title | unlinked
    confidence: float
    position: PositionHolding | None = None
    candidates: tuple[str, ...] = ()  # ids of the rival entries when left unlinked

    @property
    def span(self) -> tuple[int, int]:
        return (self.start_char, self.end_char)


# --------------------------------------------------------------------------- common words


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary Indonesian words (stop words + the lookup lemma table of spacy-lookups-data)."""
    words = {w.lower() for w in STOP}
    try:
        import spacy_lookups_data

        path = Path(spacy_lookups_data.__file__).parent / "data" / "id_lemma_lookup.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            table = json.load(fh)
        words.update(k.lower() for k in table)
        words.update(v.lower() for v in table.values())
    except (ImportError, OSError):  # pragma: no cover - the package is a dependency
        pass
    return frozenset(words)


# --------------------------------------------------------------------------- internals


@dataclass
class _GazMatch:
    i: int  # first token
    j: int  # token end (exclusive)
    start: int  # chars
    end: int
    hits: list[tuple[Entry, bool]]  # (entry, label?)


@dataclass
class _Person:
    """A person mention under construction."""

    i: int
    j: int
    start: int
    end: int
    entry: Entry | None = None
    method: str = "unlinked"
    confidence: float = 0.5
    name_tokens: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    title: Title | None = None
    of: Entry | None = None
    title_span: tuple[int, int] | None = None
    name: str | None = None  # display name when unlinked ("Leo XIV", "Keir Starmer")
    by_context: bool = False  # an unknown name the words around it make a person


class _Tok:
    """What the analysis reads of a token, with spaCy's values. A spaCy ``Token`` is a new
    Python object at every ``doc[k]`` and a string-store lookup at every ``.text``; the
    passes below read tokens millions of times over a corpus, so each is read once, from
    the Doc's arrays."""

    __slots__ = ("text", "lower_", "idx", "is_alpha", "is_space", "is_sent_start", "whitespace_")

    def __init__(self, text: str, idx: int, spacy: int, alpha: int, space: int, sent_start: int):
        self.text = text
        self.lower_ = text.lower()  # spaCy's LOWER
        self.idx = idx
        self.is_alpha = alpha == 1
        self.is_space = space == 1
        # SENT_START: 1 starts a sentence, 0 unknown (no sentencizer ran), -1 (as uint64) not
        self.is_sent_start = True if sent_start == 1 else None if sent_start == 0 else False
        self.whitespace_ = " " if spacy else ""

    def __len__(self) -> int:
        return len(self.text)


def _tokens(doc: Doc) -> list[_Tok]:
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IDX, SPACY, IS_ALPHA, IS_SPACE, SENT_START]).tolist() if len(doc) else []
    return [_Tok(strings[orth], *rest) for orth, *rest in rows]


class _Analysis:
    def __init__(self, doc: Doc, gaz: Gazetteer, pub_date: date | None):
        self.doc = doc
        self.gaz = gaz
        self.pub_date = pub_date
        self.toks = _tokens(doc)
        self.text = "".join(t.text + t.whitespace_ for t in self.toks)  # doc.text, built again
        self.n = len(doc)
        self.common = common_words()
        self._by_start: dict[int, _GazMatch] = {}  # final gazetteer matches by first token
        self._starts: dict[int, _GazMatch] = {}  # gazetteer matches by first token, before titles
        self._by_end: dict[int, _GazMatch] = {}  # ... and by token end
        self._segments()

    # ---- segmentation: sentences and lines; title-case lines (headlines)
    def _segments(self) -> None:
        doc, n = self.toks, self.n
        seg = [0] * n
        sid = 0
        for k, tok in enumerate(doc):
            if k > 0:
                gap = self.text[doc[k - 1].idx + len(doc[k - 1]) : tok.idx]
                if "\n" in gap or tok.is_space or doc[k - 1].is_space:
                    sid += 1
                elif tok.is_sent_start:  # None where no sentencizer ran
                    sid += 1
            seg[k] = sid
        self.seg = seg
        # headline-like segments: most alphabetic words capitalised
        counts: dict[int, list[int]] = {}
        for k, tok in enumerate(doc):
            if tok.is_alpha:
                c = counts.setdefault(seg[k], [0, 0])
                c[0] += 1
                c[1] += tok.text[0].isupper()
        # ... and not ending like a sentence (headlines and "Baca Juga" lines have no period)
        last: dict[int, str] = {}
        for k, tok in enumerate(doc):
            if not tok.is_space:
                last[seg[k]] = tok.text
        self.headline = {
            s
            for s, (a, u) in counts.items()
            if a >= 3 and u / a >= 0.7 and last.get(s) not in {".", "!", "?", "”", '"', "'"}
        }
        self.seg_start = [k == 0 or seg[k] != seg[k - 1] for k in range(n)]

    def same_seg(self, i: int, j: int) -> bool:
        return self.seg[i] == self.seg[j]

    def span_text(self, i: int, j: int) -> tuple[int, int, str]:
        start = self.toks[i].idx
        end = self.toks[j - 1].idx + len(self.toks[j - 1])
        return start, end, self.text[start:end]

    # ---- 1. gazetteer matches
    def gazetteer_matches(self) -> list[_GazMatch]:
        doc, gaz = self.toks, self.gaz
        out: list[_GazMatch] = []
        i = 0
        while i < self.n:
            word = _first_word(doc[i])
            best: _GazMatch | None = None
            longest = gaz.max_tokens_from(word) if word else 0
            if longest:
                jmax = min(self.n, i + longest + 2)  # + 2: tokenisation may differ a little
                for j in range(jmax, i, -1):
                    if not self.same_seg(i, j - 1) or doc[j - 1].is_space:
                        continue
                    start, end, surface = self.span_text(i, j)
                    hits = self._accept(surface, i, j, gaz.lookup(surface))
                    if hits:
                        best = _GazMatch(i, j, start, end, hits)
                        break
            if best is not None:
                out.append(best)
                i = best.j
            else:
                i += 1
        other = self._acronyms_defined_otherwise(out)
        if other:
            out = [m for m in out if self.text[m.start : m.end] not in other]
        return self._defined_acronyms(out)

    def _defined_acronyms(self, matches: list[_GazMatch]) -> list[_GazMatch]:
        """An acronym the article defines after a name it spells ("Food and Drug Administration
        (FDA)") names that entity wherever the article uses it, gazetteer or not: the
        gazetteer keeps only the acronyms Indonesian news uses on their own
        (``kg/data/acronyms.txt``), so "FDA" alone is nothing until an article defines it."""
        doc = self.toks
        defined: dict[str, tuple[Entry, bool]] = {}
        for m in matches:
            k = m.j
            if not (k + 2 < self.n and doc[k].text == "(" and doc[k + 2].text == ")"):
                continue
            acronym = doc[k + 1].text
            if not (is_acronym(acronym) and acronym.isalpha() and len(acronym) >= 2):
                continue
            orgs = [h for h in m.hits if h[0].kind == "organization"]
            if orgs and _spells(acronym, self.text[m.start : m.end]):
                defined.setdefault(acronym, (orgs[0][0], False))
        if not defined:
            return matches
        taken = {k for m in matches for k in range(m.i, m.j)}
        added = [
            _GazMatch(k, k + 1, tok.idx, tok.idx + len(tok), [defined[tok.text]])
            for k, tok in enumerate(doc)
            if k not in taken and tok.text in defined
        ]
        return sorted(matches + added, key=lambda m: m.i) if added else matches

    def _acronyms_defined_otherwise(self, matches: list[_GazMatch]) -> set[str]:
        """Acronyms the article spells out as something the gazetteer does not mean by them:
        "Kejari Ogan Komering Ilir (OKI)" is a regency, not the OIC (Indonesian "OKI"), in
        the whole article. An acronym after its own name ("Organisasi Kerja Sama Islam
        (OKI)"), after a translation whose initials it does not spell ("Federasi Sepak Bola
        Dunia (FIFA)") or after nothing capitalised is kept."""
        doc = self.toks
        other: set[str] = set()
        for m in matches:
            surface = self.text[m.start : m.end]
            if not (is_acronym(surface) and m.i >= 2 and doc[m.i - 1].text == "("
                    and m.j < self.n and doc[m.j].text == ")"):
                continue
            k = m.i - 1
            while k > 0 and m.i - 1 - k < 8 and self.same_seg(k - 1, m.i) and (
                    doc[k - 1].text[:1].isupper() or doc[k - 1].text == "-"):
                k -= 1
            # the acronym of the words right before it (a gloss in Indonesian, "Federasi Sepak
            # Bola Dunia (FIFA)", is no definition)
            words = [t.text for t in doc[k : m.i - 1] if t.text[:1].isupper()][-len(surface):]
            if len(words) < 2 or "".join(w[0] for w in words).upper() != surface.upper():
                continue
            long_form = fold(" ".join(words))
            names = [fold(n) for h in m.hits for n in h[0].names()]
            if not any(n == long_form or n.startswith(long_form) or long_form.endswith(n) for n in names):
                other.add(surface)
        return other

    def _accept(
        self, surface: str, i: int, j: int, hits: list[tuple[Entry, bool]]
    ) -> list[tuple[Entry, bool]]:
        if not hits:
            return hits
        exact_case = [h for h in hits if _exact_surface(h[0], surface)]
        if not surface[:1].isupper():
            hits = exact_case  # lower-case start: only a case-exact name ("de-eskalasi": none)
            if not hits:
                return hits
        one_token = j - i == 1
        low = surface.casefold()
        if one_token:
            # "Barat" (the West) but not "Jawa Barat"; a capitalised name just before
            if low in DIRECTIONS and i > 0 and self.same_seg(i - 1, i):
                prev = self.toks[i - 1]
                if prev.is_alpha and prev.text[0].isupper() and prev.lower_ not in STOP:
                    return []
            if i > 0 and self.toks[i - 1].lower_ in FACILITIES and self.same_seg(i - 1, i):
                hits = [h for h in hits if h[0].kind == "country"]
            # a common word at the start of a sentence is a word, unless it names a country
            if self.seg_start[i] and low in self.common and not surface.isupper():
                hits = [h for h in hits if h[0].kind == "country"]
        return hits

    # ---- 1b. names inside hyphenated tokens and before "-nya"
    def inner_matches(self, covered: list[bool]) -> list[_GazMatch]:
        out: list[_GazMatch] = []
        for k, tok in enumerate(self.toks):
            if covered[k] or not tok.text[:1].isupper():
                continue
            text = tok.text
            if "-" in text.strip("-"):
                pos = 0
                for part in text.split("-"):
                    if part and part[:1].isupper():
                        hits = self._accept(part, k, k + 1, self.gaz.lookup(part))
                        if hits:
                            s = tok.idx + pos
                            out.append(_GazMatch(k, k + 1, s, s + len(part), hits))
                    pos += len(part) + 1
            elif text.endswith("nya") and len(text) > 5 and tok.is_alpha:
                stem = text[:-3]
                hits = self._accept(stem, k, k + 1, self.gaz.lookup(stem))
                if hits:
                    out.append(_GazMatch(k, k + 1, tok.idx, tok.idx + len(stem), hits))
        return out

    # ---- 2. titles
    def title_at(self, i: int) -> tuple[int, Title] | None:
        doc = self.toks
        best: tuple[int, Title] | None = None
        for t in self._titles_starting(doc[i].lower_):
            toks = t.tokens
            j = i + len(toks)
            if j > self.n or not self.same_seg(i, j - 1):
                continue
            if all(doc[i + q].lower_ == toks[q] for q in range(len(toks))):
                if best is None or j > best[0]:
                    best = (j, t)
        if best is not None:
            # "PM" is an abbreviation: case-exact only; other titles any case
            j, t = best
            if t.pattern.isupper() and doc[i].text != t.pattern:
                return None
        return self._portfolio_title(i, best)

    def _portfolio_title(self, i: int, best: tuple[int, Title] | None) -> tuple[int, Title] | None:
        """A minister of a portfolio titles.tsv does not list: "Menteri" and capitalised
        ordinary words ("Keamanan Nasional", "Pendidikan Dasar dan Menengah": longer than the
        table's "Menteri Pendidikan"), ending before a capitalised word that is not one (the
        country or the name). Else ``best``, the table's title."""
        doc = self.toks
        heads = _name_cues().portfolio_heads
        if not doc[i].text[:1].isupper() or not (
                doc[i].lower_ in heads or (best is not None and doc[best[0] - 1].lower_ in heads)):
            return best  # "Menteri …", "Wakil Menteri …"
        start = best[0] if best is not None else i + 1
        k = start
        while k < self.n and self.same_seg(i, k):
            w = doc[k]
            if w.lower_ == "dan" and k + 1 < self.n and doc[k + 1].text[:1].isupper() \
                    and doc[k + 1].lower_ in self.common and k > i + 1:
                k += 1
                continue
            if not (w.is_alpha and w.text[:1].isupper() and w.lower_ in self.common):
                break
            g = self._starts.get(k)
            if g is not None and not _person_hits(g):
                break  # "Perdana Menteri Arab Saudi": the country, not a portfolio
            k += 1
        if k == start or k >= self.n or not self.same_seg(i, k) or not (
                doc[k].text[:1].isupper() or doc[k].text in {"(", ","}):
            return best  # the name, the country, "(Mendikdasmen)" or ", Abdul Mu'ti" follows
        words = " ".join(t.text for t in doc[i:k])
        if best is not None:  # the table's role, on the longer words
            t = best[1]
            return k, Title(words, t.role, words, t.position_en, t.resolvable, t.default_of, t.needs_of)
        return k, Title(words, "minister", words, "Minister of {of}", False)

    def _titles_starting(self, word: str) -> list[Title]:
        return self.gaz.titles_starting(word)

    def _ordinal_end(self, k: int) -> int | None:
        """The token after an ordinal at k ("ke-7", "ke - 7", "ke-tujuh"), or None."""
        doc = self.toks
        if k < self.n and re.fullmatch(r"ke-\d+", doc[k].lower_):
            return k + 1
        if (k + 2 < self.n and doc[k].lower_ == "ke" and doc[k + 1].text == "-"
                and (doc[k + 2].text.isdigit() or doc[k + 2].lower_ in NUMBER_WORDS)
                and self.same_seg(k, k + 2)):
            return k + 3
        return None

    def skip_abbreviation(self, k: int) -> int:
        """Skip "(AS)", "(PM)", "(Menlu)" at token k; return the new position."""
        doc = self.toks
        if (
            k + 2 < self.n
            and doc[k].text == "("
            and doc[k + 2].text == ")"
            and self.same_seg(k, k + 2)
        ):
            inner = doc[k + 1].text
            if inner.isupper() or self.gaz.title(inner) is not None or inner[:1].isupper():
                return k + 3
        return k

    @staticmethod
    def _name_stops(gm: list[_GazMatch], own: _GazMatch | None) -> tuple[set[int], set[int]]:
        """Where a name run must stop: any other name (hard); a one-word person name
        ("Aoun", an alias of another Aoun) may still be absorbed after a space (soft)."""
        hard: set[int] = set()
        soft: set[int] = set()
        for x in gm:
            if x is own:
                continue
            if x.j - x.i == 1 and all(h[0].kind == PERSON for h in x.hits):
                soft.add(x.i)
            else:
                hard.add(x.i)
        return hard, soft

    def name_run(self, k: int, stop: set[int], soft: set[int] = frozenset()) -> int:
        """End of a capitalised name starting at token k (k if none). Tokens in ``soft``
        join only after a space, not across a hyphen ("Biden-Putin" is two people)."""
        doc = self.toks
        headline = self.seg[k] in self.headline if k < self.n else False
        end = k
        q = k
        count = 0
        while q < self.n and count < 6 and self.same_seg(k, q) and q not in stop:
            tok = doc[q]
            low = tok.lower_
            if q in soft and q > k and not doc[q - 1].whitespace_:
                break
            if (
                (tok.is_alpha or (count and _APOSTROPHE_NAME.fullmatch(tok.text)))
                and tok.text[0].isupper()
                and not (len(tok.text) > 1 and tok.text.isupper())
            ):
                if low in STOP or low in DAYS or low in MONTHS or low in NOT_NAME:
                    break
                if low in BLOCKLIST or low in INSTITUTIONS:
                    break
                if self.gaz.titles_starting(low) and self.title_at(q) is not None:
                    break
                if headline and low in self.common:
                    break
                count += 1
                q += 1
                end = q
            elif re.fullmatch(r"[A-Z]\.", tok.text):  # initial
                count += 1
                q += 1
                end = q
            elif count and ROMAN.fullmatch(tok.text):  # "Paus Leo XIV"
                q += 1
                end = q
            elif (
                count and low in NAME_PARTICLES and q + 1 < self.n and doc[q + 1].text[:1].isupper()
            ):
                q += 1
            elif (
                count
                and tok.text in {"-", "'"}
                and not doc[q - 1].whitespace_
                and not tok.whitespace_
                and q + 1 < self.n
                and doc[q + 1].text[:1].isupper()
            ):
                q += 1
            else:
                break
        return end

    # ---- main
    def run(self) -> list[Mention]:
        doc = self.toks
        gm = self.gazetteer_matches()
        covered = [False] * self.n
        for m in gm:
            for k in range(m.i, m.j):
                covered[k] = True
        gm += self.inner_matches(covered)
        starts: dict[int, _GazMatch] = {
            m.i: m for m in gm if m.j - m.i >= 1 and m.start == doc[m.i].idx
        }
        self._starts = starts

        persons: list[_Person] = []
        role_mentions: list[Mention] = []
        consumed: set[int] = set()  # id() of the person matches used by titles
        title_tokens: set[int] = set()

        i = 0
        while i < self.n:
            found = self.title_at(i)
            if found is None:
                i += 1
                continue
            k, title = found
            g = starts.get(i)
            if g is not None and g.j > k:
                i = g.j  # a longer name starting with a title word ("Raja Ampat")
                continue
            # a gazetteer match *inside* the title words is dropped ("Sultan" as a name)
            for m in list(gm):
                if m.i >= i and m.j <= k:
                    gm.remove(m)
            title_tokens.update(range(i, k))
            pos = self.skip_abbreviation(k)
            of_match = None
            if pos + 1 < self.n and doc[pos].lower_ in STATE_WORDS and self.same_seg(pos, pos + 1):
                g = starts.get(pos + 1)
                if g is not None and any(h[0].kind == "country" for h in g.hits):
                    pos += 1
            g = starts.get(pos)
            if g is not None and any(h[0].kind in OF_KINDS for h in g.hits):
                of_match = g
                pos = self.skip_abbreviation(g.j)
                to = starts.get(pos + 1) if pos < self.n and doc[pos].lower_ == "untuk" else None
                if to is not None and any(h[0].kind in OF_KINDS for h in to.hits):
                    pos = self.skip_abbreviation(to.j)  # "Duta Besar Prancis untuk Indonesia"
            # "Presiden RI ke-7 Joko Widodo": an ordinal names one holder of the office,
            # not the one of the day; the name after it is the person, with no position
            ordinal = self._ordinal_end(pos)
            if ordinal is not None:
                pos = ordinal
                if of_match is not None and of_match in gm:
                    gm.remove(of_match)  # "RI" in it is part of the description, no actor
            name_pos = pos
            apposition = False
            if name_pos < self.n and doc[name_pos].text == ",":
                name_pos += 1  # "Menhan Malaysia, Dato Seri Mohamed Khaled Nordin"
                apposition = True
            title_span_start = doc[i].idx
            of_best = _best(of_match.hits, OF_KINDS)[0] if of_match is not None else None
            of_entry = of_best[0] if of_best is not None else None
            if title.needs_of and of_entry is None:
                i = k  # "Dirjen Administrasi Hukum Umum": a department, not a country
                continue

            person: _Person | None = None
            g = starts.get(name_pos)
            stop, soft = self._name_stops(gm, g)
            run_end = self.name_run(name_pos, stop, soft) if name_pos < self.n else name_pos
            known = starts.get(run_end) if g is None and 0 < run_end - name_pos <= 2 else None
            named, first, first_char = None, name_pos, 0  # a gazetteer person after the title
            if known is not None and _person_hits(known) and doc[run_end - 1].whitespace_:
                # "Mendagri Muhammad Tito Karnavian": given names before a known name are his
                named, first_char = known, doc[name_pos].idx
            elif (
                g is not None
                and _person_hits(g)
                and not (run_end > g.j and self.seg[name_pos] not in self.headline)
            ):
                named, first, first_char = g, g.i, g.start
            if named is not None:
                person = _Person(first, named.j, first_char, named.end)
                person.name_tokens = tuple(t.text for t in doc[named.i : named.j] if t.is_alpha)
                person.candidates = tuple(h[0].id for h in named.hits if h[0].kind == PERSON)
                self._link_from_hits(person, named)
                if apposition and not self._fits_title(person, title, of_entry):
                    person = None
                else:
                    consumed.add(id(named))
            elif run_end > name_pos and (g is None or _person_hits(g)):
                start, stop_char, _ = self.span_text(name_pos, run_end)
                person = _Person(name_pos, run_end, start, stop_char)
                person.name_tokens = tuple(
                    t.text
                    for t in doc[name_pos:run_end]
                    if _name_part(t)
                ) or (doc[name_pos].text,)
                for x in [x for x in gm if x.i >= name_pos and x.j <= run_end]:
                    consumed.add(id(x))  # "Pete" in "Pete Hegseth", "Aoun" in "Joseph Aoun"
                    gm.remove(x)
            if person is not None and apposition and len(person.name_tokens) < 2:
                person = None  # "Selain Menhan Malaysia, Prabowo juga ...": a list, not a name
            if (person is not None and person.entry is None and len(person.name_tokens) == 1
                    and person.name_tokens[0].lower() in self.common
                    and person.j < self.n and doc[person.j].lower_ == "dan"):
                person = None  # "Menteri Pendidikan Dasar dan Menengah": the office's name
            if person is not None:
                if ordinal is None:
                    person.title = title
                    person.of = of_entry
                    person.title_span = (title_span_start, person.end)
                persons.append(person)
                i = person.j
                continue
            if ordinal is not None:
                i = ordinal  # "Presiden ke-7": not the president of the day
                continue
            if of_match is not None and of_entry is not None:
                m = self._role_at_date(title, of_entry, title_span_start, of_match)
                if m is not None:
                    role_mentions.append(m)
            elif title.alone and title.default_of and self.gaz.entry(title.default_of) is not None \
                    and all(t.text[:1].isupper() for t in doc[i:k] if t.is_alpha):
                # "Paus sempat menghubungi …": the one pope of the day
                m = self._role_at_date(title, self.gaz.entry(title.default_of), title_span_start, None, k)
                if m is not None:
                    role_mentions.append(m)
            i = max(k, i + 1)

        # untitled gazetteer persons
        for m in gm:
            if id(m) in consumed or not _person_hits(m):
                continue
            if any(h[0].kind != PERSON for h in m.hits):
                continue  # a country/city of the same name wins (resolved below)
            if m.j - m.i == 1 and self.seg[m.i] not in self.headline and m.start == doc[m.i].idx:
                stop, soft = self._name_stops(gm, m)
                run_end = self.name_run(m.i, stop, soft)
                # "Pete Hegseth", not "Pete" (Sampras); but "Trump-Musk" is two people
                if run_end > m.j and doc[m.j].text != "-":
                    for x in [x for x in gm if x is not m and x.i >= m.i and x.j <= run_end]:
                        consumed.add(id(x))
                    start, end, _ = self.span_text(m.i, run_end)
                    p = _Person(m.i, run_end, start, end)
                    p.name_tokens = tuple(
                        t.text
                        for t in doc[m.i : run_end]
                        if _name_part(t)
                    )
                    persons.append(p)
                    continue
            p = _Person(m.i, m.j, m.start, m.end)
            p.name_tokens = tuple(t.text for t in doc[m.i : m.j] if t.is_alpha)
            if m.start != doc[m.i].idx or m.end != doc[m.j - 1].idx + len(doc[m.j - 1]):
                p.name_tokens = (self.text[m.start : m.end],)
            p.candidates = tuple(h[0].id for h in m.hits)
            self._link_from_hits(p, m)
            persons.append(p)

        # people the gazetteer lacks, named with no title: known by the words around them
        self._context_names(gm, persons, title_tokens)

        # name parts of the people named in full in this article
        self._resolve_short_names(persons, gm, title_tokens)

        mentions: list[Mention] = []
        self._by_start = {m.i: m for m in gm}
        self._by_end = {m.j: m for m in gm}
        for m in gm:
            if _person_hits(m) and not any(h[0].kind != PERSON for h in m.hits):
                continue
            if self._national_team(m) or self._in_currency(m) or self._in_company_name(m):
                continue  # "Timnas U23 Indonesia akan bersua dengan Vietnam", "115 juta dollar AS",
                # "Bank Indonesia", "Air India"
            mentions.append(self._place_mention(m))
        for p in persons:
            mentions.append(self._administration(self._person_mention(p)))
        mentions.extend(role_mentions)
        mentions.sort(key=lambda x: (x.start_char, -x.end_char, x.kind))
        # identical duplicates (a name seen by two rules)
        out: list[Mention] = []
        seen: set[tuple[int, int, str]] = set()
        for x in mentions:
            sig = (x.start_char, x.end_char, x.kind)
            if sig not in seen:
                seen.add(sig)
                out.append(x)
        return out

    # ---- 2b. untitled names the gazetteer lacks
    def _context_names(
        self, gm: list[_GazMatch], persons: list[_Person], title_tokens: set[int]
    ) -> None:
        """Capitalised runs of unknown words that the words around them make a person
        (cues.toml [names]): '…," kata Sudarnoto', "aktivis politik Samer Sinijlawi",
        "Nour Odeh, seorang komentator". A run after an attribution verb may be one word;
        the others need two, as a single capitalised word after a role noun is as often a
        place or a group. Adds them to ``persons``."""
        doc = self.toks
        hard, soft = self._name_stops(gm, None)
        # a one-word gazetteer person may be the surname of an unknown one ("Francesca
        # Albanese"); anything else the earlier passes found is taken
        taken = [False] * self.n
        for lo, hi in [(m.i, m.j) for m in gm if m.i not in soft]:
            taken[lo:hi] = [True] * (hi - lo)
        for p in persons:
            if not (p.j - p.i == 1 and p.i in soft):
                taken[p.i : p.j] = [True] * (p.j - p.i)
        for k in title_tokens:
            taken[k] = True
        cues = _name_cues()
        one_word_roles = {w for w, rs in cues.roles_by_last.items() if (w,) in rs}
        end_done = 0
        for k in self._name_cue_spots(cues):
            if k < end_done:
                continue
            # from the start of the capitalised stretch the spot is in
            while k > end_done and self._joins_name(k - 1, k, taken, soft, one_word_roles):
                k -= 1
            tok = doc[k]
            if taken[k] or not tok.is_alpha or not tok.text[0].isupper() or k in soft:
                continue
            end = self.name_run(k, hard, soft)
            end = next((q for q in range(k, end) if taken[q]), end)
            if end == k:
                continue
            end_done = end
            # a sentence-initial role or ordinary word is no part of the name ("Aktivis …")
            start = k
            while start < end and (
                doc[start].lower_ in self.common or doc[start].lower_ in one_word_roles
            ):
                start += 1
            # (what is left starts with a word that is not an ordinary one)
            words = [t.text for t in doc[start:end] if _name_part(t)]
            if words and (
                self._attributed(start)
                or len(words) >= 2
                and (self._role_before(start) or self._role_after(end) or self._speaks_after(end))
            ):
                s, e, _ = self.span_text(start, end)
                persons[:] = [p for p in persons if not start <= p.i < end]  # absorbed surnames
                persons.append(_Person(start, end, s, e, name_tokens=tuple(words), by_context=True))

    def _joins_name(
        self, q: int, k: int, taken: list[bool], soft: set[int], roles: set[str]
    ) -> bool:
        """Token q, just before k, is a capitalised word of the same name: not a role noun
        ("Komisaris Santi Marintan"), nothing found already."""
        tok = self.toks[q]
        return (
            self.same_seg(q, k)
            and tok.is_alpha
            and tok.text.istitle()
            and not taken[q]
            and q not in soft
            and tok.lower_ not in roles
        )

    def _name_cue_spots(self, cues: _NameCues) -> list[int]:
        """Tokens near a word that can make a name a person's, in order: right after an
        attribution verb, up to seven after a role noun (the gap ``_role_before`` allows),
        up to six before ", <role>". Only there can ``_context_names`` find one."""
        doc = self.toks
        spots: set[int] = set()
        for k, tok in enumerate(doc):
            low = tok.lower_
            if low in cues.attribution:
                spots.add(k + 1)
            elif low in cues.roles_by_last:
                spots.update(range(k + 1, k + 8))
            elif low == "," and k + 1 < self.n and doc[k + 1].lower_ in cues.roles_by_first:
                spots.update(range(max(0, k - 6), k))
            elif low in cues.speech_verbs:
                spots.update(range(max(0, k - 4), k))
        return sorted(q for q in spots if q < self.n)

    def _speaks_after(self, end: int) -> bool:
        """A speech verb right after the run: "Mardani Ali Sera menilai …"."""
        return end < self.n and self.same_seg(end - 1, end) and self.toks[end].lower_ in _name_cues().speech_verbs

    def _attributed(self, k: int) -> bool:
        """'…," kata X' / ', ujar X': an attribution verb after a quote or comma."""
        doc = self.toks
        return (
            k >= 2
            and self.same_seg(k - 2, k)
            and doc[k - 1].lower_ in _name_cues().attribution
            and doc[k - 2].text in {",", '"', "”", "'", "’"}
        )

    def _role_before(self, k: int) -> bool:
        """A role noun before k, with at most four lower-case or abbreviated words between
        ("aktivis politik X", "buron kasus E-KTP, X")."""
        doc = self.toks
        by_last = _name_cues().roles_by_last
        q = k - 1
        if q >= 0 and doc[q].text == ",":
            q -= 1
        gap = 0
        while q >= 0 and gap <= 4 and self.same_seg(q, k):
            word = doc[q].lower_
            for r in by_last.get(word, ()):
                if tuple(w.lower_ for w in doc[q - len(r) + 1 : q + 1]) == r:
                    return True
            text = doc[q].text
            if not (word == text or text.isupper() or "-" in text):
                return False  # a capitalised word: the run is no apposition of a role
            gap += 1
            q -= 1
        return False

    def _role_after(self, end: int) -> bool:
        """", seorang komentator" / ", pelapor khusus PBB" after the run."""
        doc = self.toks
        if end + 1 >= self.n or doc[end].text != "," or not self.same_seg(end, end + 1):
            return False
        words = tuple(t.lower_ for t in doc[end + 1 : end + 4])
        return any(words[: len(r)] == r for r in _name_cues().roles_by_first.get(words[0], ()))

    # ---- linking helpers
    def _link_from_hits(self, p: _Person, m: _GazMatch) -> None:
        people = [(e, lab) for e, lab in m.hits if e.kind == PERSON]
        if len(people) == 1:
            e, lab = people[0]
            p.entry = e
            multi = len(p.name_tokens) > 1
            p.method = "exact" if lab else "alias"
            p.confidence = (0.95 if multi else 0.85) if lab else (0.9 if multi else 0.8)
        else:
            p.entry = None
            p.method = "unlinked"
            p.confidence = 0.3
            p.candidates = tuple(e.id for e, _ in people)

    def _fits_title(self, p: _Person, title: Title, of: Entry | None) -> bool:
        """May this (linked) person hold the post? False when the data gives them that
        role only elsewhere: "Menhan Malaysia, Prabowo Subianto" is a list."""
        if p.entry is None:
            return True
        hs = [h for h in self.gaz.holdings(p.entry.id) if h.role == title.role]
        return not hs or of is None or any(h.of == of.id for h in hs)

    def _role_at_date(
        self, title: Title, of: Entry, start: int, of_match: _GazMatch | None, title_end: int = 0
    ) -> Mention | None:
        """The holder of ``title`` of ``of`` at the article date, as a mention spanning the
        title and the country after it (``of_match``), or the title alone (ending at token
        ``title_end``)."""
        if not title.resolvable or self.pub_date is None:
            return None
        h = self.gaz.holding_at(title.role, of.id, self.pub_date)
        if h is None:
            return None
        holder = self.gaz.entry(h.person)
        if holder is None:
            return None
        if of_match is None:
            last = self.toks[title_end - 1]
            end = last.idx + len(last.text)
        else:
            end = of_match.end
            # include a trailing "(AS)"
            j = self.skip_abbreviation(of_match.j)
            if j != of_match.j:
                end = self.toks[j - 1].idx + 1
        pos = self._position(title, of, holder.id, (start, end))
        return Mention(
            start_char=start,
            end_char=end,
            text=self.text[start:end],
            kind=PERSON,
            qid=holder.qid,
            label=holder.label,
            label_id=holder.label_id,
            key=holder.key,
            method="role-at-date",
            confidence=0.8,
            position=pos,
        )

    def _position(
        self, title: Title, of: Entry | None, person: str | None, evidence: tuple[int, int]
    ) -> PositionHolding:
        gaz = self.gaz
        role = title.role
        if of is None and person is not None:
            h = gaz.person_role(person, role, self.pub_date)
            if h is not None and h.of:
                of = gaz.entry(h.of)
        if of is None and title.default_of:
            of = gaz.entry(title.default_of)
        label_en, qid = gaz.position_label(role, of.id if of else None)
        title_id = title.label_id or title.pattern
        label_id = f"{title_id} {of.label_id or of.label}" if of is not None else title_id
        return PositionHolding(
            position_label=label_en,
            position_label_id=label_id,
            position_qid=qid,
            of=of.key if of is not None else None,
            evidence=evidence,
        )

    def _resolve_short_names(
        self, persons: list[_Person], gm: list[_GazMatch], title_tokens: set[int]
    ) -> None:
        """Link one-word person names to someone named in full in the article."""
        full = [p for p in persons if len(p.name_tokens) > 1]
        in_doc = {p.entry.id for p in full if p.entry is not None}
        resolve = self._name_table(full)

        # one-word persons already found (gazetteer aliases, titled surnames)
        for p in persons:
            if len(p.name_tokens) != 1:
                continue
            if p.entry is not None and p.entry.id in in_doc:
                continue  # "Prabowo", an alias of Prabowo Subianto, named in full here, is his
                # though "Listyo Sigit Prabowo" ends with it
            ref = resolve(p.name_tokens[0])
            if ref is None:
                if p.entry is None and p.candidates:
                    # an ambiguous alias: the one candidate named in full in the article
                    named = [c for c in p.candidates if c in in_doc]
                    if len(named) == 1:
                        p.entry = self.gaz.entry(named[0])
                        p.method, p.confidence = "alias", 0.85
                        continue
                if p.entry is None and p.title is not None and p.of is not None:
                    self._link_by_title(p)
                continue
            if p.title is not None and p.of is None and ref.of is not None:
                p.of = ref.of  # "PM Wong" after "PM Singapura Lawrence Wong"
            if ref.entry is not None:
                if p.entry is None or p.entry.id != ref.entry.id:
                    p.candidates = p.candidates or ((p.entry.id,) if p.entry else ())
                p.entry = ref.entry
                p.method = "alias"
                p.confidence = 0.9
            else:
                p.entry = None
                p.method = "unlinked"
                p.confidence = 0.6
                p.name = ref.name or self.text[ref.start : ref.end]

        # a one-word name after a title or known by its context that nothing resolved is
        # a reference too ("Menlu Sugiono ... Sugiono", '"…," kata Sudarnoto ... Sudarnoto')
        titled = [
            p
            for p in persons
            if len(p.name_tokens) == 1
            and (p.title is not None or p.by_context)
            and p.entry is None
            and p.name is None
        ]
        resolve = self._name_table(full + titled)

        # bare capitalised words equal to a name part of someone named in full
        covered = [False] * self.n
        for m in gm:
            for k in range(m.i, m.j):
                covered[k] = True
        for p in persons:
            for k in range(p.i, p.j):
                covered[k] = True
        for k in title_tokens:
            covered[k] = True
        doc = self.toks
        newer: list[_Person] = []  # people named in full here for the first time
        k = 0
        while k < self.n:
            tok = doc[k]
            if covered[k] or not tok.is_alpha or not tok.text[0].isupper():
                k += 1
                continue
            ref = resolve(tok.text) or self._shared_surname(persons, tok.text, k)
            if ref is None:
                k += 1
                continue
            # the name again in full, or in part ("Paulus Tannos", "Tannos"): one mention
            j = k + 1
            while (
                j < self.n
                and not covered[j]
                and doc[j - 1].whitespace_
                and self.same_seg(k, j)
                and doc[j].text in ref.name_tokens
                and resolve(doc[j].text) in (ref, None)  # ("Abdel Razek": shared, his here)
            ):
                j += 1
            first = k - 1
            if (j - k >= 2 and len(ref.name_tokens) > j - k and first >= 0 and not covered[first]
                    and doc[first].is_alpha
                    and doc[first].text[:1].isupper() and not doc[first].text.isupper()
                    and doc[first].whitespace_ and self.same_seg(first, k)
                    and doc[first].lower_ not in self.common
                    and doc[first].text not in ref.name_tokens):
                # "Ines Abdel Razek" after "Nabil Abdel Razek": another first name in place of
                # his, before two of his name parts, is another person (the parts are hers
                # from here on; one part is too little: "Kasunanan Kartasura")
                p = _Person(first, j, doc[first].idx, doc[j - 1].idx + len(doc[j - 1]))
                p.name_tokens = tuple(t.text for t in doc[first:j])
                p.name = self.text[p.start : p.end]
                newer.append(p)
                persons.append(p)
                k = j
                continue
            s0 = k
            while (s0 >= 2 and doc[s0 - 1].text == "-" and not doc[s0 - 1].whitespace_
                   and not doc[s0 - 2].whitespace_ and not covered[s0 - 2]
                   and doc[s0 - 2].text in ref.name_tokens):
                s0 -= 2  # "Ben-Gvir": the hyphenated surname whole, not its last part
            p = _Person(s0, j, doc[s0].idx, doc[j - 1].idx + len(doc[j - 1]))
            p.name_tokens = tuple(t.text for t in doc[s0:j] if t.text != "-")
            k = j
            if ref.entry is not None:
                p.entry, p.method, p.confidence = ref.entry, "alias", 0.85
            else:
                p.entry, p.method, p.confidence = None, "unlinked", 0.55
                p.name = ref.name or self.text[ref.start : ref.end]
            persons.append(p)
        self._nearest_full_name(persons, newer)

    @staticmethod
    def _shared_surname(persons: list[_Person], token: str, k: int) -> _Person | None:
        """The person named in full nearest before token k whose surname it is, when people
        of two names share it ("Razek" after "Nabil Abdel Razek" and "Ines Abdel Razek")."""
        named = [q for q in persons if len(q.name_tokens) > 1 and q.name_tokens[-1] == token]
        idents = {q.entry.id if q.entry is not None else q.name_tokens for q in named}
        if len(idents) < 2:
            return None
        return max((q for q in named if q.j <= k), key=lambda q: q.j, default=None)

    @staticmethod
    def _nearest_full_name(persons: list[_Person], newer: list[_Person]) -> None:
        """A name part whose nearest full name before it is a newer person's is hers ("Razek"
        after "Ines Abdel Razek", though "Nabil Abdel Razek" came first); a surname that
        several share and nothing resolved is the one named in full nearest before it."""
        full = sorted((q for q in persons if len(q.name_tokens) > 1), key=lambda q: q.i)
        for p in persons:
            nearest = next((q for q in reversed(full) if q.j <= p.i
                            and len(q.name_tokens) > len(p.name_tokens)
                            and set(p.name_tokens) <= set(q.name_tokens)), None)
            if nearest is None:
                continue
            if any(nearest is n for n in newer):
                p.entry, p.method, p.confidence = None, "unlinked", 0.55
                p.name, p.candidates = nearest.name, ()
            elif (p.entry is None and p.name is None and p.by_context
                  and p.name_tokens[-1] == nearest.name_tokens[-1]):
                p.entry, p.candidates = nearest.entry, ()
                p.method, p.confidence = ("alias", 0.8) if nearest.entry else ("unlinked", 0.55)
                p.name = None if nearest.entry else (nearest.name or " ".join(nearest.name_tokens))

    @staticmethod
    def _name_table(refs: list[_Person]):
        """token -> the one referenced person with that surname (or other name part)."""
        by_token: dict[str, set[str]] = {}
        last: dict[str, set[str]] = {}
        ident_of: dict[str, _Person] = {}
        for p in refs:
            ident = p.entry.id if p.entry is not None else "name:" + " ".join(p.name_tokens)
            ident_of.setdefault(ident, p)
            for t in p.name_tokens:
                low = t.lower()
                if len(t) >= 3 and low not in NAME_PARTICLES | HONORIFICS and low not in STOP:
                    by_token.setdefault(t, set()).add(ident)
            last.setdefault(p.name_tokens[-1], set()).add(ident)

        def resolve(token: str) -> _Person | None:
            for table in (last, by_token):
                found = table.get(token)
                if found and len(found) == 1:
                    return ident_of[next(iter(found))]
            return None

        return resolve

    def _link_by_title(self, p: _Person) -> None:
        """ "PM Singapura Wong": the holder at the date whose name contains the word."""
        if self.pub_date is None or p.title is None or p.of is None:
            return
        h = self.gaz.holding_at(p.title.role, p.of.id, self.pub_date)
        holder = self.gaz.entry(h.person) if h is not None else None
        if holder is None:
            return
        word = p.name_tokens[0].casefold()
        names = [n.casefold() for n in holder.names()]
        if any(word in re.findall(r"\w+", n) for n in names):
            p.entry = holder
            p.method = "title"
            p.confidence = 0.85

    def _person_mention(self, p: _Person) -> Mention:
        gaz = self.gaz
        # an ambiguous titled name: keep the candidate who holds that kind of post
        if p.entry is None and p.title is not None and len(p.candidates) > 1:
            fits = [
                c
                for c in p.candidates
                if any(
                    h.role == p.title.role and (p.of is None or h.of == p.of.id)
                    for h in gaz.holdings(c)
                )
            ]
            if len(fits) == 1:
                p.entry, p.method, p.confidence = gaz.entry(fits[0]), "title", 0.85
        text = self.text[p.start : p.end]
        position = None
        if p.title is not None and p.title_span is not None:
            position = self._position(p.title, p.of, p.entry.id if p.entry else None, p.title_span)
        if p.entry is not None:
            return Mention(
                p.start, p.end, text, PERSON, p.entry.qid, p.entry.label, p.entry.label_id,
                p.entry.key, p.method, p.confidence, position,
                tuple(c for c in p.candidates if c != p.entry.id),
            )  # fmt: skip
        name = p.name or text
        conf = (
            p.confidence
            if p.method == "unlinked" and p.candidates
            else 0.6
            if p.title
            else p.confidence
        )
        return Mention(
            p.start, p.end, text, PERSON, None, name, None, slug(name), "unlinked", conf,
            position, p.candidates,
        )  # fmt: skip

    def _coordinated_capital_acts(self, k: int, depth: int) -> bool:
        """Token k starts a capital that acts itself: the second of "Washington dan Teheran
        tengah menjajaki perundingan" makes the first an actor too."""
        other = self._by_start.get(k)
        if other is None or depth > 2 or self.seg[k] != self.seg[k - 1]:
            return False
        best, _ = _best(other.hits, None)
        return best is not None and self._capital_as_actor(best[0], other, depth + 1) is not None

    def _capital_as_actor(self, entry: Entry, m: _GazMatch, depth: int = 0) -> Entry | None:
        """The country, when a national capital is the agent of a clause: followed by a
        verb or an auxiliary ("Teheran meluncurkan", "Pyongyang tidak memberikan",
        "pandangan Washington tetap"), not after a preposition of place ("di Teheran"), not
        in a compound ("Moskow-Bali")."""
        if entry.kind != "city" or not entry.qid:
            return None
        country_qid = capitals().get(entry.qid)
        if country_qid is None:
            return None
        doc = self.toks
        prev = doc[m.i - 1].lower_ if m.i > 0 else ""
        nxt = doc[m.j].lower_ if m.j < self.n else ""
        after = doc[m.j + 1].lower_ if m.j + 1 < self.n else ""
        if m.i > 0 and self.seg[m.i - 1] != self.seg[m.i]:
            prev = ""
        if m.j < self.n and self.seg[m.j] != self.seg[m.j - 1]:
            return None  # the capital ends its sentence or line
        if prev in LOCATIVE or prev in LOCAL_BODIES or prev in {"-", "–", "—"} or nxt in {"-", "–", "—", "--"}:
            return None
        if nxt in {"dan", "serta"} and self._coordinated_capital_acts(m.j + 1, depth):
            return self.gaz.entry(country_qid)  # "Washington dan Teheran tengah menjajaki"
        q = m.j  # the word that tells whether the capital acts
        if nxt == "," and after == "yang":
            q += 2
            nxt = doc[q].lower_ if q < self.n else ""
        skipped = 0
        while nxt in AGENT_ADVERBS and skipped < 2 and q + 1 < self.n and self.seg[q + 1] == self.seg[m.i]:
            q, skipped = q + 1, skipped + 1  # "Pyongyang juga meluncurkan", "Moskwa diperkirakan telah memasok"
            nxt = doc[q].lower_
        verb = nxt in AGENT_CUES or (
            nxt.isalpha() and len(nxt) > 5 and nxt.startswith("me") and nxt not in NOT_AGENT_VERBS
        )
        if not verb:
            return None
        return self.gaz.entry(country_qid)

    def _region_in_context(self, m: _GazMatch) -> Entry | None:
        """The region (kind "location") when a country or city has a same-named region
        and the context says the region: "negara bagian Georgia", "provinsi X", "region X";
        "Atlanta, Georgia" (Atlanta lies in the region Georgia of the US, kg/data/cities.tsv);
        "Georgia, AS" (the US has a region Georgia). "Batumi, Georgia" (a city of the country
        Georgia) and a bare "Georgia" stay the country."""
        regions = [h[0] for h in m.hits if h[0].kind == "location"]
        if not regions or not any(h[0].kind in ("country", "city") for h in m.hits):
            return None
        doc = self.toks

        def word(k: int) -> str:
            return doc[k].lower_ if 0 <= k < self.n and self.same_seg(k, m.i) else ""

        def one(found: list[Entry]) -> Entry | None:
            found = list({e.id: e for e in found}.values())
            return found[0] if len(found) == 1 else None

        if (word(m.i - 2), word(m.i - 1)) == ("negara", "bagian") or word(m.i - 1) in REGION_CUES:
            return one(regions)
        countries = {h[0].qid for h in m.hits if h[0].kind == "country"}
        table = cities()
        if word(m.i - 1) == ",":  # "Atlanta, Georgia"
            city = self._by_end.get(m.i - 1)
            for e, _ in city.hits if city is not None else []:
                country, region = table.get(e.qid or "", (None, ""))
                if country is None or e.kind != "city":
                    continue
                if country in countries:
                    return None  # "Batumi, Georgia": a city of that country
                return one([r for r in regions if fold(region) in {fold(x) for x in r.names()}])
        if m.j < self.n and doc[m.j].text == "," and self.same_seg(m.j, m.i):  # "Georgia, AS"
            after = self._by_start.get(m.j + 1)
            states = {h[0].qid for h in after.hits if h[0].kind == "country"} if after else set()
            if states and not states & countries:
                names = {fold(x) for r in regions for x in r.names()}
                if any(c in states and fold(reg) in names for c, reg in table.values()):
                    return one(regions)
        return None

    def _after_word_in(self, m: _GazMatch, words: set[str]) -> bool:
        return m.i > 0 and self.toks[m.i - 1].lower_ in words and self.same_seg(m.i - 1, m.i)

    def _indonesian_mission(self, m: _GazMatch) -> Entry | None:
        """ "KBRI Canberra", "KJRI Osaka", "KBRI Australia": Indonesia's embassy or consulate
        there, so Indonesia when it acts, not the country or city it is in."""
        if not self._after_word_in(m, INDONESIAN_MISSION):
            return None
        if not any(h[0].kind in ("country", "city") for h in m.hits):
            return None
        return self.gaz.entry("Q252")

    def _administration(self, x: Mention) -> Mention:
        """ "pemerintahan Trump", "rezim Assad": the government a head of state or government
        leads on the article's date, so his country, not the man."""
        if x.kind != "person" or not x.qid or self.pub_date is None:
            return x
        span = self.doc.char_span(x.start_char, x.end_char, alignment_mode="expand")
        if span is None or span.start == 0 or not self.same_seg(span.start - 1, span.start):
            return x
        before = self.toks[span.start - 1]
        if before.lower_ not in ADMINISTRATION:
            return x
        for role in LEADER_ROLES:
            held = self.gaz.person_role(x.qid, role, self.pub_date)
            if held is None or not held.held_on(self.pub_date) or not held.of:
                continue
            country = self.gaz.entry(held.of)
            if country is not None and country.kind == "country":
                return Mention(
                    before.idx, x.end_char, self.text[before.idx : x.end_char], country.kind, country.qid,
                    country.label, country.label_id, country.key, "context", 0.8, None, (x.qid,),
                )  # fmt: skip
        return x

    def _in_currency(self, m: _GazMatch) -> bool:
        """A country naming a currency ("115 juta dollar AS"), and its acronym glossed after it
        ("dolar Amerika Serikat (AS)"), no actor."""
        if not any(h[0].kind == "country" for h in m.hits):
            return False
        if self._after_word_in(m, CURRENCY_WORDS):
            return True
        doc = self.toks
        if m.i >= 1 and m.j < self.n and doc[m.i - 1].text == "(" and doc[m.j].text == ")":
            named = self._by_end.get(m.i - 1)
            return named is not None and self._after_word_in(named, CURRENCY_WORDS) and any(
                h[0].kind == "country" for h in named.hits)
        return False

    def _in_company_name(self, m: _GazMatch) -> bool:
        """A country's name as the last word of a company's or a central bank's: "Bank
        Indonesia", "Bank Syariah Indonesia", "Air India", "Garuda Indonesia", "Bursa Efek
        Indonesia" act for themselves, not for the state."""
        if not any(h[0].kind == "country" for h in m.hits):
            return False
        doc = self.toks
        for k in range(m.i - 1, max(-1, m.i - 4), -1):
            if not (self.same_seg(k, m.i) and doc[k].text[:1].isupper() and doc[k].text.isalpha()):
                return False
            if doc[k].lower_ in COMPANY_HEADS:
                return True
        return False

    def _national_team(self, m: _GazMatch) -> bool:
        """A country named as a national sports team: "Timnas Indonesia", "Timnas U-23
        Indonesia", "timnas putri Jepang"."""
        if not any(h[0].kind == "country" for h in m.hits):
            return False
        doc = self.toks
        k = m.i - 1
        while k >= 0 and k >= m.i - 4 and self.same_seg(k, m.i) and TEAM_QUALIFIER.fullmatch(doc[k].lower_):
            k -= 1
        return k >= 0 and self.same_seg(k, m.i) and doc[k].lower_ in NATIONAL_TEAM

    def _in_context(self, m: _GazMatch, entry: Entry, confidence: float, others: tuple[str, ...]) -> Mention:
        """A mention that the words around it make ``entry`` (a region, a capital's country,
        the country of an embassy); ``others``, what the surface alone would have meant."""
        return Mention(
            m.start, m.end, self.text[m.start : m.end], entry.kind, entry.qid, entry.label,
            entry.label_id, entry.key, "context", confidence, None, others,
        )  # fmt: skip

    def _place_mention(self, m: _GazMatch) -> Mention:
        text = self.text[m.start : m.end]
        home = self._indonesian_mission(m)
        if home is not None:  # "KBRI Tokyo menjalin koordinasi …": Indonesia's embassy
            return self._in_context(m, home, 0.75, tuple(h[0].id for h in m.hits))
        region = self._region_in_context(m)
        if region is not None:
            return self._in_context(m, region, 0.8, tuple(h[0].id for h in m.hits if h[0] is not region))
        best, rivals = _best(m.hits, None)
        if best is None:
            kind = min((h[0].kind for h in m.hits), key=_kind_rank)
            return Mention(
                m.start, m.end, text, kind, None, text, None, slug(text), "unlinked", 0.3,
                None, tuple(h[0].id for h in m.hits),
            )  # fmt: skip
        entry, is_label = best
        country = self._capital_as_actor(entry, m)
        if country is not None:  # "Teheran akan membangun kembali ..." is Iran, not the city
            return self._in_context(m, country, 0.75, (entry.id,))
        multi = m.j - m.i > 1 or " " in text
        conf = (0.95 if multi else 0.9) if is_label else (0.9 if multi else 0.85)
        if rivals:
            conf = round(conf * 0.9, 2)
        return Mention(
            m.start, m.end, text, entry.kind, entry.qid, entry.label, entry.label_id, entry.key,
            "exact" if is_label else "alias", conf, None, tuple(rivals),
        )  # fmt: skip


# --------------------------------------------------------------------------- helpers


_WORD = re.compile(r"\w+")


def _spells(acronym: str, name: str) -> bool:
    """Whether an acronym is made of the initials of a name's capitalised words, in order,
    starting with the first ("FDA": Food and Drug Administration; not "Amerika Serikat")."""
    initials = [w[0] for w in re.findall(r"[^\W\d_][\w'’]*", name) if w[0].isupper()]
    if not initials or initials[0] != acronym[0]:
        return False
    it = iter(initials)
    return all(c in it for c in acronym)


def _first_word(tok: _Tok) -> str:
    """The word characters a token starts with ("" for none): a gazetteer name's first word
    is looked up by them. Most tokens are all letters, so the whole token, with no regex."""
    if tok.is_alpha:
        return tok.text
    first = _WORD.match(tok.text)
    return first.group(0) if first else ""


def _exact_surface(entry: Entry, surface: str) -> bool:
    s = normalize(surface)
    return any(normalize(n) == s for n in entry.names())


def _kind_rank(kind: str) -> int:
    return KIND_RANK.get(kind, 9)


def _person_hits(m: _GazMatch) -> bool:
    return any(h[0].kind == PERSON for h in m.hits)


def _best(
    hits: list[tuple[Entry, bool]], kinds: set[str] | None
) -> tuple[tuple[Entry, bool] | None, list[str]]:
    """The preferred entry: the best-ranked kind; within it a unique label, else a unique
    entry. Returns (None, ids) when the best kind has rivals that nothing separates."""
    pool = [h for h in hits if kinds is None or h[0].kind in kinds]
    if not pool:
        return None, []
    top = min(_kind_rank(h[0].kind) for h in pool)
    tier = [h for h in pool if _kind_rank(h[0].kind) == top]
    others = [h[0].id for h in pool if _kind_rank(h[0].kind) != top]
    if len(tier) == 1:
        return tier[0], others
    labels = [h for h in tier if h[1]]
    if len(labels) == 1:
        return labels[0], others + [h[0].id for h in tier if h is not labels[0]]
    return None, [h[0].id for h in tier]


# --------------------------------------------------------------------------- public API


def find_mentions(
    doc: Doc,
    pub_date: date | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    spans_key: str = SPANS_KEY,
) -> list[Mention]:
    """All entity mentions of an Indonesian ``Doc`` (any tokenisation of ``spacy.blank("id")``).

    ``pub_date`` (default: ``doc._.kg_pub_date``) is the article date used to resolve
    titles without a name ("Presiden AS") and a person's country when the title names none.
    ``gazetteer`` defaults to the one of the ``kg_entities`` component that made the doc,
    else :meth:`Gazetteer.default`.
    The mentions are also stored in ``doc.spans[spans_key]`` (label = kind, kb_id = QID or
    "", id = key) and ``doc._.kg_mentions``.
    """
    if pub_date is None:
        pub_date = doc._.kg_pub_date
    gaz = gazetteer or doc._.kg_gazetteer or Gazetteer.default()
    mentions = _Analysis(doc, gaz, pub_date).run()
    _store(doc, mentions, spans_key)
    return mentions


DATELINE_KINDS = ({"city"}, {"country", "location"})


@dataclass(frozen=True)
class _NameCues:
    attribution: frozenset[str]  # ", kata X"
    roles_by_last: dict[str, tuple[tuple[str, ...], ...]]  # "aktivis X": by the word before X
    roles_by_first: dict[str, tuple[tuple[str, ...], ...]]  # "X, seorang komentator"
    speech_verbs: frozenset[str] = frozenset()  # "X Y menilai …": a two-word name that speaks
    portfolio_heads: frozenset[str] = frozenset()  # "Menteri Keamanan Nasional X"


@lru_cache(maxsize=1)
def _name_cues() -> _NameCues:
    with open(data_file("cues.toml"), "rb") as fh:
        cues = tomllib.load(fh)
    roles = [tuple(r.lower().split()) for r in cues["names"]["roles"]]
    by_last: dict[str, list[tuple[str, ...]]] = {}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for r in roles:
        by_last.setdefault(r[-1], []).append(r)
        by_first.setdefault(r[0], []).append(r)
    return _NameCues(
        frozenset(w.lower() for w in cues["speech"]["tail"] if not w.endswith("nya")),
        {w: tuple(rs) for w, rs in by_last.items()},
        {w: tuple(rs) for w, rs in by_first.items()},
        frozenset(w.lower() for w in cues["speech"]["verbs"]),
        frozenset(w.lower() for w in cues["names"]["portfolio_heads"]),
    )

# a name part with an apostrophe inside, after a first name ("Abdul Mu'ti", "Conan O'Brien")
_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]*['’][A-Za-z]+")


def _name_part(t: _Tok) -> bool:
    """A word of a person's name: letters, or letters with an apostrophe inside; not a
    regnal number ("Leo XIV")."""
    return bool(t.is_alpha or _APOSTROPHE_NAME.fullmatch(t.text)) and not ROMAN.fullmatch(t.text)

# before a capital: it is the place, not the state ("di Teheran", "ke Beijing")
LOCATIVE = {
    "di", "ke", "dari", "menuju", "kota", "ibu", "ibukota", "bandara", "sekitar", "pinggiran",
    "wilayah", "tiba", "berbasis", "asal", "via", "kawasan", "pusat", "luar", "dalam",
}  # fmt: skip
# a country after these names a currency ("dollar AS", "dolar Singapura"), no actor
CURRENCY_WORDS = {"dollar", "dolar", "yuan", "yen", "euro", "won", "ringgit", "rupee", "baht", "peso"}
# Indonesia's embassies and consulates: "KBRI Tokyo" acts for Indonesia
INDONESIAN_MISSION = {"kbri", "kjri"}
# a country after these is a national sports team, not the state ("Timnas U-23 Indonesia")
NATIONAL_TEAM = {"timnas", "skuad"}
# the first word of a company or bank whose name ends in a country's: "Bank Indonesia", "Air India"
COMPANY_HEADS = {"bank", "air", "garuda", "telkom", "pos", "semen", "bursa", "kereta", "pupuk", "asuransi",
                 "angkasa", "pelabuhan", "maskapai", "pertamina", "pegadaian"}
TEAM_QUALIFIER = re.compile(r"u|-|\d+|u-?\d+|putri|putra|senior|junior|futsal|basket|voli")
# before a capital: its own city or province acts, not the state ("Pemprov Jakarta juga telah
# menyalurkan bantuan", "DPRD DKI Jakarta akan …")
LOCAL_BODIES = {
    "pemprov", "pemkot", "pemkab", "pemda", "dprd", "dki", "provinsi", "gubernur", "wali",
    "walikota", "warga", "polda", "polres", "kodam", "balai",
}  # fmt: skip
# after a capital that acts: auxiliaries and negations
AGENT_CUES = {
    "akan", "telah", "sudah", "tidak", "tak", "belum", "tetap", "masih", "harus", "ingin",
    "enggan", "bersikeras", "berjanji", "berharap", "berupaya", "bereaksi", "sepakat", "bersepakat",
}  # fmt: skip
# "pemerintahan Trump", "rezim Assad": a leader's government, so his country
ADMINISTRATION = frozenset({"pemerintahan", "rezim", "administrasi"})
LEADER_ROLES = ("president", "prime-minister", "monarch", "supreme-leader")


# words between a capital that acts and its verb: "Pyongyang juga meluncurkan", "Moskwa
# diperkirakan telah memasok"
AGENT_ADVERBS = {
    "juga", "pun", "pula", "kembali", "terus", "sempat", "kemudian", "lalu", "segera", "bahkan",
    "justru", "diperkirakan", "dilaporkan", "dikabarkan", "disebut", "tengah", "sedang",
}  # fmt: skip


# meN- words after a capital that do not make it an agent: "Teheran merupakan ibu kota"
NOT_AGENT_VERBS = {"merupakan", "menjadi", "menteri", "media", "mereka", "memiliki", "meliputi"}


# before a place name: a first-level region, not the country or city of the same name
REGION_CUES = {"provinsi", "region", "prefektur", "oblast", "kanton"}


def _qid_table(name: str, columns: int) -> list[list[str]]:
    """Rows of a shipped TSV (``kg/data/NAME``) whose first two cells are QIDs."""
    from .resources import data_file

    path = data_file(name)
    if not path.is_file():  # pragma: no cover - shipped with the package
        return []
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return [c for c in rows if len(c) >= columns and c[0].startswith("Q") and c[1].startswith("Q")]


@lru_cache(maxsize=1)
def cities() -> dict[str, tuple[str, str]]:
    """City QID -> (country QID, first-level region) (``kg/data/cities.tsv``)."""
    return {c[0]: (c[1], c[2]) for c in _qid_table("cities.tsv", 3)}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """National capital QID -> country QID (``kg/data/capitals.tsv``)."""
    return {c[0]: c[1] for c in _qid_table("capitals.tsv", 2)}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].startswith("Q") and cells[1].startswith("Q"):
            out[cells[0]] = cells[1]
    return out


def dateline_mention(
    text: str,
    dateline: str | None,
    body_start: int | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> Mention | None:
    """The dateline ("CANBERRA, KOMPAS.com - ", "KONTAN.CO.ID - MOSKOW.") as a place mention.

    ``dateline`` (as ingest or the metadata give it: "CANBERRA", "Moscow") is linked to a
    city of that name, else a country or region; written in capitals, it is looked up in
    title case. The mention is its last occurrence before ``body_start`` (the first body
    span, which starts after the dateline prefix), or, when the text writes it otherwise
    ("MOSKOW" for "Moscow"), the last of the place's names found there, in any case. None
    when the gazetteer knows no place of that name, two places tie, or the text lacks it.
    """
    if not dateline or not dateline.strip():
        return None
    gaz = gazetteer or Gazetteer.default()
    forms = [dateline] + ([dateline.title()] if dateline.isupper() else [])
    hits: dict[str, tuple[Entry, bool]] = {}
    for form in forms:
        for entry, is_label in gaz.lookup(form):
            if entry.kind in {"city", "country", "location"}:
                old = hits.get(entry.id)
                hits[entry.id] = (entry, is_label or (old is not None and old[1]))
    chosen: tuple[Entry, bool] | None = None
    rivals: list[str] = []
    for kinds in DATELINE_KINDS:
        chosen, rivals = _best(list(hits.values()), kinds)
        if chosen is not None:
            break
        if rivals:
            return None  # two places of the same kind: say nothing rather than guess
    if chosen is None:
        return None
    entry, is_label = chosen
    end_at = body_start if body_start is not None and body_start > 0 else len(text)
    span = None
    labels = {fold(n) for n in (entry.label_en, entry.label_id) if n}
    for name in [dateline, *entry.names()]:
        found = [
            m.span()
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text[:end_at], re.IGNORECASE)
        ]
        if found:
            span = found[-1]
            is_label = fold(text[span[0] : span[1]]) in labels
            break
    if span is None:
        return None
    start, end = span
    return Mention(
        start, end, text[start:end], entry.kind, entry.qid, entry.label, entry.label_id, entry.key,
        "exact" if is_label else "alias", 0.9 if is_label else 0.85, None, tuple(rivals),
    )  # fmt: skip


def _store(doc: Doc, mentions: Sequence[Mention], spans_key: str) -> None:
    spans = []
    for m in mentions:
        span = doc.char_span(
            m.start_char, m.end_char, label=m.kind, kb_id=m.qid or "", alignment_mode="expand"
        )
        if span is None:  # pragma: no cover - expand always aligns
            continue
        span.id_ = m.key
        spans.append(span)
    doc.spans[spans_key] = spans
    doc._.kg_mentions = list(mentions)


class KgEntities:
    """The ``kg_entities`` pipeline component: see :func:`find_mentions`."""

    def __init__(self, nlp: Language, name: str, gazetteer_paths: Iterable[str], spans_key: str):
        self.name = name
        self.spans_key = spans_key
        self.gazetteer_paths = tuple(gazetteer_paths)
        self.gazetteer  # load it now, not on the first doc

    @property
    def gazetteer(self) -> Gazetteer:
        """The package gazetteer + the component's files + ``$KG_GAZETTEER`` as it is now
        (cached per value), so a long-lived pipeline sees a user gazetteer set later."""
        return Gazetteer.default(self.gazetteer_paths)

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer
        doc._.kg_gazetteer = gaz
        find_mentions(doc, doc._.kg_pub_date, gazetteer=gaz, spans_key=self.spans_key)
        return doc


@Language.factory(
    "kg_entities",
    default_config={"gazetteer_paths": [], "spans_key": SPANS_KEY},
    assigns=["doc.spans", "doc._.kg_mentions", "doc._.kg_gazetteer"],
    requires=["token.is_sent_start"],
)
def make_kg_entities(
    nlp: Language, name: str, gazetteer_paths: list[str], spans_key: str
) -> KgEntities:
    return KgEntities(nlp, name, gazetteer_paths, spans_key)


def make_nlp(gazetteer_paths: Iterable[str] = ()) -> Language:
    """``spacy.blank("id")`` + sentencizer + lookup lemmatizer + ``kg_entities``.

    The sentencizer and the lemmatizer are spaCy's rules and spacy-lookups-data's table run
    on arrays (:mod:`kg.pipes`), under spaCy's names."""
    import spacy

    import kg.pipes  # noqa: F401  (registers kg_sentencizer and kg_lemmatizer)

    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "kg.indonesian_tokenizer.v1"}}})
    nlp.add_pipe("kg_sentencizer", name="sentencizer")
    nlp.add_pipe("kg_lemmatizer", name="lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("kg_entities", config={"gazetteer_paths": [str(p) for p in gazetteer_paths]})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """One shared :func:`make_nlp` pipeline per process (building one takes ~2 s, almost
    all of it spaCy's Indonesian tokenizer exceptions). Do not add or remove pipes."""
    return make_nlp()


def annotate(nlp: Language, text: str, pub_date: date | None = None) -> Doc:
    """Run ``nlp`` on ``text`` with the article date set before the components run."""
    doc = nlp.make_doc(text)
    doc._.kg_pub_date = pub_date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
