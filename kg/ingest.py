"""Read news articles from files, folders, JSONL or stdin, check them, and find their layout.

``read_articles(source)`` yields an ``Article`` for every usable article and an
``InputError`` (one line, naming the file and, for JSONL, the line) for every record
that cannot be used, so a batch goes on past a bad record. A problem with the source
as a whole (no such path, unreadable, a folder without articles, a malformed
SOURCES.tsv, conflicting options) raises ``InputError`` at once.

Checks on every record: empty or whitespace-only; binary (NUL bytes, control bytes,
UTF-16); not UTF-8 (with the byte offset); HTML markup; over ``max_bytes``; not
Indonesian; a date that cannot be parsed; for JSONL lines also invalid JSON, not an
object, a missing/empty ``text`` and wrongly typed fields.

``parse_layout(article)`` finds the title line, header ("Sumber: Bloomberg | Editor:
..."), dateline ("KONTAN.CO.ID - MOSKOW. ", "JAKARTA, KOMPAS.com - "), "Baca juga"
links (to ``Article.related``) and noise lines (promos, captions, ads, credits), and
sets ``Article.body_spans`` to the spans of the lines that may carry events. The
patterns are data: ``kg/data/layout.toml``.

Language check (``language_score``): the share of word tokens that are frequent
Indonesian function words ("yang", "dan", "di" ...) against frequent English ones
(all-caps tokens such as "AS" = Amerika Serikat are not counted as English). Measured
on shared/corpus, 2,965 bulk.jsonl records / 43 diplomacy-dev files:

* Indonesian share: bulk min 0.032, p1 0.136, median 0.248, max 0.379; dev min 0.179,
  median 0.265;
* distinct Indonesian function words: bulk min 2 (a 70-word earthquake bulletin), p1 13,
  median 31; dev min 17;
* Indonesian / (Indonesian + English): bulk min 0.621, p1 0.925, median 1.0; dev min 0.932;
* English prose (tests/fixtures/english.txt): share 0.0, ratio 0.0, English share 0.45.

Thresholds in layout.toml: judged only from 30 word tokens; Indonesian when share >= 0.02,
at least 2 distinct words (one alone, like Italian "di", is not enough) and ratio >= 0.5.
Every corpus record passes (tests/test_ingest.py::test_whole_corpus_passes_as_indonesian).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import urlsplit

from kg.dates import date_from_url, parse_date_value
from kg.errors import InputError
from kg.model import Article
from kg.resources import data_file

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LanguageScore",
    "Layout",
    "check_text",
    "language_score",
    "load_layout",
    "looks_like_html",
    "parse_layout",
    "read_articles",
]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
META_KEYS = (
    "id",
    "title",
    "outlet",
    "agency",
    "editor",
    "author",
    "dateline",
    "date",
    "url",
    "language",
)
JSONL_KEYS = (
    "id",
    "title",
    "text",
    "date",
    "outlet",
    "url",
    "source",
    "agency",
    "editor",
    "author",
    "dateline",
    "language",
)
_SNIFF_CHUNK = 64 * 1024


# =========================================================================== layout data


@dataclass(frozen=True)
class Dateline:
    name: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Layout:
    """Compiled ``kg/data/layout.toml``."""

    header_max_lines: int
    header_fields: dict[str, str]
    credit: tuple[re.Pattern[str], ...]
    datelines: tuple[Dateline, ...]
    outlets: dict[str, str]
    related: tuple[re.Pattern[str], ...]
    related_strip: tuple[re.Pattern[str], ...]
    noise: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]
    heading_skip: bool
    heading_max_words: int
    heading_closing: re.Pattern[str]
    title_max_words: int
    lang_min_tokens: int
    lang_min_id_share: float
    lang_min_id_types: int
    lang_min_id_ratio: float
    lang_id: frozenset[str]
    lang_en: frozenset[str]


@functools.cache
def load_layout(path: str | None = None) -> Layout:
    """Read and compile the layout patterns (``kg/data/layout.toml`` by default)."""
    with open(path or data_file("layout.toml"), "rb") as fh:
        d = tomllib.load(fh)
    comp = lambda pats: tuple(re.compile(p) for p in pats)
    lang = d["language"]
    return Layout(
        header_max_lines=int(d["header"]["max_lines"]),
        header_fields={k.lower(): v for k, v in d["header"]["fields"].items()},
        credit=comp(d["header"]["credit"]),
        datelines=tuple(Dateline(x["name"], re.compile(x["pattern"])) for x in d["dateline"]),
        outlets={k.lower(): v for k, v in d["outlets"].items()},
        related=comp(d["related"]["patterns"]),
        related_strip=comp(d["related"]["strip"]),
        noise=comp(d["noise"]["patterns"]),
        inline=comp(d["inline"]["prefixes"]),
        heading_skip=bool(d["heading"]["skip"]),
        heading_max_words=int(d["heading"]["max_words"]),
        heading_closing=re.compile(d["heading"]["closing"]),
        title_max_words=int(d["title"]["max_words"]),
        lang_min_tokens=int(lang["min_tokens"]),
        lang_min_id_share=float(lang["min_id_share"]),
        lang_min_id_types=int(lang["min_id_types"]),
        lang_min_id_ratio=float(lang["min_id_ratio"]),
        lang_id=frozenset(lang["indonesian"]),
        lang_en=frozenset(lang["english"]),
    )


# =========================================================================== content checks

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageScore:
    tokens: int  # word tokens
    id_share: float  # Indonesian function words / tokens
    en_share: float  # English function words / tokens (all-caps tokens not counted)
    id_types: int  # distinct Indonesian function words
    id_ratio: float  # Indonesian / (Indonesian + English) function words

    def verdict(self, layout: Layout | None = None) -> bool | None:
        """True (Indonesian), False (not), None (too little text to tell)."""
        lay = layout or load_layout()
        if self.tokens < lay.lang_min_tokens:
            return None
        return (
            self.id_share >= lay.lang_min_id_share
            and self.id_types >= lay.lang_min_id_types
            and self.id_ratio >= lay.lang_min_id_ratio
        )


def language_score(text: str) -> LanguageScore:
    """How Indonesian ``text`` looks, from the share of function words."""
    lay = load_layout()
    n = n_id = n_en = 0
    types: set[str] = set()
    for tok in _WORD.findall(text):
        n += 1
        low = tok.lower()
        if low in lay.lang_id:
            n_id += 1
            types.add(low)
        elif low in lay.lang_en and not (tok.isupper() and len(tok) > 1):
            n_en += 1
    return LanguageScore(
        tokens=n,
        id_share=n_id / n if n else 0.0,
        en_share=n_en / n if n else 0.0,
        id_types=len(types),
        id_ratio=n_id / (n_id + n_en) if n_id + n_en else 0.0,
    )


_HTML_STRONG = re.compile(r"(?i)<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|</html>|</body>")
_HTML_TAG = re.compile(
    r"(?i)</?(?:a|p|div|span|br|img|script|style|table|tr|td|th|ul|ol|li|h[1-6]|meta|iframe"
    r"|figure|figcaption|strong|em|b|i|section|article|header|footer|nav|form|input|noscript)"
    r"(?:\s[^<>]*)?/?>"
)


def looks_like_html(text: str) -> bool:
    """Markup rather than article text: <html>/<body>, or many tags."""
    if _HTML_STRONG.search(text):
        return True
    tags = _HTML_TAG.findall(text)
    return len(tags) >= 5 and sum(len(t) for t in tags) > 0.02 * len(text)


_CONTROL_BYTES = bytes([*range(9), 11, *range(14, 32), 127])
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _bytes_problem(data: bytes, max_bytes: int) -> str | None:
    """What is wrong with the raw bytes of one article, if anything."""
    if len(data) > max_bytes:
        return f"is {_size(len(data))}, over the limit of {_size(max_bytes)} per article"
    if not data:
        return "is empty"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "is UTF-16 text; convert it to UTF-8 first"
    if b"\x00" in data:
        return "looks binary (it contains NUL bytes), not an article text"
    sample = data[:_SNIFF_CHUNK]
    ctrl = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if ctrl > max(2, 0.01 * len(sample)):
        return (
            f"looks binary ({ctrl} control bytes in the first {len(sample)}), not an article text"
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        high = sum(1 for b in sample if b >= 0x80)
        if high > 0.3 * len(sample):
            return "looks binary (mostly non-text bytes), not an article text"
        return (
            f"is not UTF-8: invalid byte 0x{data[e.start]:02X} at byte offset {e.start}; "
            "convert it to UTF-8 first"
        )
    return None


def normalise_text(text: str) -> str:
    """The text as kg keeps it: no BOM, "\\n" newlines, NFC."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def check_text(text: str) -> str | None:
    """What makes a decoded, normalised text unusable as an article, if anything."""
    if not text.strip():
        return "is empty (whitespace only)" if text else "is empty"
    ctrl = len(_CONTROL_CHARS.findall(text[:_SNIFF_CHUNK]))
    if "\x00" in text or ctrl > max(2, 0.01 * min(len(text), _SNIFF_CHUNK)):
        return "looks binary (control characters in the text), not an article text"
    if looks_like_html(text):
        return "looks like HTML; extract the article text first"
    score = language_score(text)
    if score.verdict() is False:
        return (
            f"does not look like Indonesian ({score.id_share:.0%} Indonesian and "
            f"{score.en_share:.0%} English function words in {score.tokens} words); "
            "kg reads Indonesian news only"
        )
    return None


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB ({n} bytes)"
    if n >= 1024:
        return f"{n / 1024:.1f} KB ({n} bytes)"
    return f"{n} bytes"


# =========================================================================== layout


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _canonical_outlet(name: str, lay: Layout) -> str:
    return lay.outlets.get(name.strip().lower(), name.strip())


def _outlet_from_url(url: str | None, lay: Layout) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if (name := ".".join(parts[i:])) in lay.outlets:
            return lay.outlets[name]
    return None


def _header_fields(line: str, lay: Layout) -> dict[str, str]:
    """ "Sumber: Bloomberg | Editor: Noverius Laoli" -> {agency: ..., editor: ...}."""
    out: dict[str, str] = {}
    for part in line.strip().strip("()").split("|"):
        key, sep, value = part.partition(":")
        field = lay.header_fields.get(key.strip().lower())
        if sep and field and value.strip() and field not in out:
            out[field] = value.strip()
    return out


def _is_noise(s: str, lay: Layout) -> bool:
    return any(p.search(s) for p in lay.noise)


def _is_credit(s: str, lay: Layout) -> bool:
    return any(p.match(s) for p in lay.credit)


def _related_headline(s: str, lay: Layout) -> str | None:
    for p in lay.related:
        m = p.match(s)
        if m:
            h = m.group("headline")
            for strip in lay.related_strip:
                h = strip.sub("", h)
            h = " ".join(h.split()).strip(" -–—:")
            return h or None
    return None


def _match_dateline(s: str, lay: Layout) -> tuple[re.Match[str], Dateline] | None:
    for dl in lay.datelines:
        m = dl.regex.match(s)
        if m and m.end() < len(s):
            return m, dl
    return None


def _looks_like_title(line: str, next_blank: bool, lay: Layout) -> bool:
    s = line.strip()
    if not s or _is_credit(s, lay) or _is_noise(s, lay) or _related_headline(s, lay):
        return False
    if _match_dateline(s, lay):
        return False
    return (
        len(s.split()) <= lay.title_max_words
        and not s.endswith(".")
        and (next_blank or len(s) < 150)
    )


def parse_layout(article: Article, *, title_line: bool | None = None) -> Article:
    """Fill ``article`` from the layout of its text, in place, and return it.

    Sets ``body_spans`` and ``related``; fills ``title`` (from line 1 when it is the
    title line), ``agency``/``editor``/``author`` (header and credit lines),
    ``dateline`` and ``outlet`` (dateline prefix, then the URL's host) when they are
    still None. ``title_line``: whether the first non-blank line is the headline; None
    decides from ``article.title`` (line 1 equals it) or, without a title, from its
    shape (short, no full stop, not a header or dateline).
    """
    lay = load_layout()
    text = article.text
    lines = _lines(text)
    nonblank = [i for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    body: list[tuple[int, int]] = []
    related: list[str] = []
    if not nonblank:
        article.body_spans, article.related = body, related
        return article

    first = nonblank[0]
    first_text = text[slice(*lines[first])].strip()
    if title_line is None:
        if article.title:
            title_line = _norm(first_text) == _norm(article.title)
        else:
            next_blank = first + 1 < len(lines) and not text[slice(*lines[first + 1])].strip()
            title_line = len(nonblank) > 1 and _looks_like_title(first_text, next_blank, lay)
    if title_line and not article.title:
        article.title = first_text

    seen_body = False
    dateline_tried = False
    header_seen = 0
    headings: list[tuple[int, int]] = []
    for i in nonblank:
        if i == first and title_line:
            continue
        start, end = _strip_span(text, *lines[i])
        s = text[start:end]
        if _is_credit(s, lay):
            fields = _header_fields(s, lay)
            in_header = not seen_body and header_seen < lay.header_max_lines
            header_seen += 1
            for field, value in fields.items():
                if field == "agency" and not in_header:
                    continue  # "(Sumber: Kompas.com/...)" at the end credits writers
                if getattr(article, field) is None:
                    setattr(article, field, value)
            continue
        headline = _related_headline(s, lay)
        if headline is not None:
            related.append(headline)
            continue
        if _is_noise(s, lay):
            continue
        is_dateline_line = False
        if not dateline_tried:
            dateline_tried = True
            found = _match_dateline(s, lay)
            if found:
                m, _dl = found
                is_dateline_line = True
                city = (m.groupdict().get("city") or "").strip(" ,.-")
                outlet = m.groupdict().get("outlet")
                if city and article.dateline is None:
                    article.dateline = city
                if outlet and article.outlet is None:
                    article.outlet = _canonical_outlet(outlet, lay)
                start, end = _strip_span(text, start + m.end(), end)
                s = text[start:end]
        for p in lay.inline:
            m = p.match(s)
            if m:
                start, end = _strip_span(text, start + m.end(), end)
                s = text[start:end]
        if not s or _is_noise(s, lay):
            continue
        if (
            lay.heading_skip
            and not is_dateline_line
            and len(s.split()) <= lay.heading_max_words
            and not lay.heading_closing.search(s)
        ):
            headings.append((start, end))
            continue  # a section heading
        seen_body = True
        body.append((start, end))

    if article.outlet is None:
        article.outlet = _outlet_from_url(article.url, lay)
    if not body:  # a text of short lines only ("Putin menelepon Biden"): keep them
        body = headings
    article.body_spans = body
    article.related = related
    return article


# =========================================================================== reading


@dataclass(frozen=True)
class _Options:
    date: Date | None
    outlet: str | None
    article_id: str | None
    max_bytes: int


class _Readable(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...
    def read(self, size: int = -1, /) -> bytes: ...


def read_articles(
    source: str | Path,
    *,
    date: Date | str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Articles from ``source``: a ``.txt`` file (with an optional ``NAME.meta.json``
    sidecar), a ``.jsonl`` file (one article per line, streamed), a folder (its ``*.txt``
    and ``*.jsonl``, recursively, sorted; a ``SOURCES.tsv`` supplies per-file metadata and
    makes line 1 of those files the title), or "-" for stdin (JSONL when the first
    non-blank character is "{", else one text article).

    ``date``, ``outlet`` and ``article_id`` override the metadata (``article_id`` only for
    a single article). Yields ``Article`` or, for a record that cannot be used,
    ``InputError``; raises ``InputError`` at once when the source itself cannot be read.
    """
    if max_bytes <= 0:
        raise InputError(f"max_bytes must be positive, got {max_bytes}")
    if isinstance(date, str):
        try:
            date = parse_date_value(date)
        except ValueError:
            raise InputError(f"cannot parse the date {date!r}; use YYYY-MM-DD") from None
    opts = _Options(date=date, outlet=outlet, article_id=article_id, max_bytes=max_bytes)

    if str(source) == "-":
        return _read_stdin(opts)
    path = Path(source)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        files, sources = _list_dir(path)
        if article_id is not None and len(files) != 1:
            raise InputError(
                f"{path}: an article id can only be given for a single article, not a folder"
            )
        return _read_dir(path, files, sources, opts)
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the generator that reads it
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None
    if path.suffix.lower() == ".jsonl":
        if article_id is not None:
            fh.close()
            raise InputError(
                f"{path}: an article id can only be given for a single article, not a JSONL file"
            )
        return _read_jsonl_file(fh, str(path), opts)
    if path.suffix.lower() == ".txt":
        return _read_text_file(fh, path, opts)
    return _read_sniffed(fh, str(path), path.stem, opts, path=path)


# ---------------------------------------------------------------- stdin / sniffing


class _Prefixed:
    """A binary reader that first replays bytes already read."""

    def __init__(self, prefix: bytes, fh: _Readable):
        self._prefix = io.BytesIO(prefix)
        self._fh = fh

    def readline(self, size: int = -1) -> bytes:
        line = self._prefix.readline(size)
        if line.endswith(b"\n") or (size > 0 and len(line) >= size):
            return line
        return line + self._fh.readline(-1 if size < 0 else size - len(line))

    def read(self, size: int = -1) -> bytes:
        data = self._prefix.read(size)
        if size < 0:
            return data + self._fh.read()
        return data + (self._fh.read(size - len(data)) if len(data) < size else b"")


def _sniff(fh: _Readable) -> tuple[bytes, bool]:
    """Read up to the first non-blank byte: (bytes read, looks like JSONL)."""
    head = b""
    while True:
        chunk = fh.readline(_SNIFF_CHUNK)
        head += chunk
        stripped = chunk.lstrip(b" \t\r\n\f\v")
        if stripped.startswith(b"\xef\xbb\xbf"):
            stripped = stripped[3:].lstrip()
        if not chunk or stripped:
            return head, stripped.startswith(b"{")


def _read_stdin(opts: _Options) -> Iterator[Article | InputError]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("<stdin>: cannot read bytes from standard input")
    return _read_sniffed(stream, "<stdin>", None, opts)


def _read_sniffed(
    fh: _Readable, where: str, stem: str | None, opts: _Options, path: Path | None = None
) -> Iterator[Article | InputError]:
    try:
        head, is_jsonl = _sniff(fh)
    except OSError as e:
        raise InputError(f"{where}: cannot be read ({e.strerror or e})") from None
    reader = _Prefixed(head, fh)
    if is_jsonl:
        if opts.article_id is not None:
            raise InputError(
                f"{where}: an article id can only be given for a single article, not JSONL"
            )
        return _iter_jsonl(reader, where, opts, close=fh if path else None)

    def gen() -> Iterator[Article | InputError]:
        try:
            data = reader.read(opts.max_bytes + 1)
            if len(data) > opts.max_bytes:
                size = len(data)
                while chunk := reader.read(1 << 20):  # count the rest, without keeping it
                    size += len(chunk)
                yield InputError(
                    f"{where}: is {_size(size)}, over the limit of {_size(opts.max_bytes)} "
                    "per article"
                )
                return
        finally:
            if path is not None:
                fh.close()  # type: ignore[attr-defined]
        meta: dict[str, Any] = {}
        if path is not None:
            meta_or_err = _sidecar(path)
            if isinstance(meta_or_err, InputError):
                yield meta_or_err
                return
            meta = meta_or_err
        digest = hashlib.sha256(data).hexdigest()[:12]
        yield _article_from_bytes(
            data,
            where,
            meta,
            opts,
            default_id=stem or f"stdin-{digest}",
            source_path=str(path) if path else None,
        )

    return gen()


# ---------------------------------------------------------------- text files


def _sidecar(path: Path) -> dict[str, Any] | InputError:
    meta_path = path.with_name(path.stem + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        with open(meta_path, "rb") as fh:
            meta = json.loads(fh.read().decode("utf-8-sig"))
    except OSError as e:
        return InputError(f"{meta_path}: cannot be read ({e.strerror or e})")
    except UnicodeDecodeError as e:
        return InputError(f"{meta_path}: is not UTF-8 (byte offset {e.start})")
    except json.JSONDecodeError as e:
        return InputError(
            f"{meta_path}: invalid JSON ({e.msg} at line {e.lineno} column {e.colno})"
        )
    if not isinstance(meta, dict):
        return InputError(f"{meta_path}: must be a JSON object, got {_json_type(meta)}")
    return meta


def _read_text_file(
    fh: IO[bytes],
    path: Path,
    opts: _Options,
    extra_meta: dict[str, Any] | None = None,
    title_line: bool | None = None,
    where: str | None = None,
) -> Iterator[Article | InputError]:
    where = where or str(path)

    def gen() -> Iterator[Article | InputError]:
        with fh:
            try:
                data = fh.read(opts.max_bytes + 1)
                if len(data) > opts.max_bytes:
                    size = len(data)
                    try:
                        size = path.stat().st_size
                    except OSError:
                        pass
                    yield InputError(
                        f"{where}: is {_size(size)}, over the limit of {_size(opts.max_bytes)}"
                        " per article"
                    )
                    return
            except OSError as e:
                yield InputError(f"{where}: cannot be read ({e.strerror or e})")
                return
        meta = _sidecar(path)
        if isinstance(meta, InputError):
            yield meta
            return
        if extra_meta:
            meta = {**extra_meta, **meta}
        yield _article_from_bytes(
            data,
            where,
            meta,
            opts,
            default_id=path.stem,
            source_path=str(path),
            title_line=title_line,
        )

    return gen()


def _article_from_bytes(
    data: bytes,
    where: str,
    meta: dict[str, Any],
    opts: _Options,
    *,
    default_id: str,
    source_path: str | None,
    title_line: bool | None = None,
) -> Article | InputError:
    problem = _bytes_problem(data, opts.max_bytes)
    if problem:
        return InputError(f"{where}: {problem}")
    text = normalise_text(data.decode("utf-8"))
    return _article_from_text(
        text,
        where,
        meta,
        opts,
        default_id=default_id,
        source_path=source_path,
        title_line=title_line,
    )


def _check_meta_types(meta: dict[str, Any], keys: tuple[str, ...], where: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if value is None:
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, str):
            return f"{where}: '{key}' must be a string, got {_json_type(value)}"
    return None


def _article_from_text(
    text: str,
    where: str,
    meta: dict[str, Any],
    opts: _Options,
    *,
    default_id: str,
    source_path: str | None,
    title_line: bool | None = None,
) -> Article | InputError:
    problem = check_text(text)
    if problem:
        return InputError(f"{where}: {problem}")
    bad_type = _check_meta_types(meta, META_KEYS, where)
    if bad_type:
        return InputError(bad_type)
    language = (meta.get("language") or "id").strip().lower()
    if language not in ("id", "ind", "indonesian", "bahasa indonesia", "id-id"):
        return InputError(
            f"{where}: its metadata gives the language {language!r}; kg reads Indonesian news only"
        )

    url = (meta.get("url") or "").strip() or None
    pub: Date | None = opts.date
    if pub is None and (meta.get("date") or "").strip():
        try:
            pub = parse_date_value(meta["date"])
        except ValueError:
            return InputError(f"{where}: cannot parse the date {meta['date']!r}; use YYYY-MM-DD")
    if pub is None:
        pub = date_from_url(url)

    def opt(key: str) -> str | None:
        v = meta.get(key)
        return v.strip() or None if isinstance(v, str) else None

    article = Article(
        id=opts.article_id
        or (str(meta["id"]).strip() if meta.get("id") not in (None, "") else default_id),
        text=text,
        title=opt("title"),
        date=pub,
        outlet=opts.outlet or opt("outlet"),
        url=url,
        agency=opt("agency"),
        editor=opt("editor"),
        author=opt("author"),
        dateline=opt("dateline"),
        language="id",
        source_path=source_path,
    )
    return parse_layout(article, title_line=title_line)


# ---------------------------------------------------------------- JSONL


def _read_jsonl_file(fh: IO[bytes], where: str, opts: _Options) -> Iterator[Article | InputError]:
    return _iter_jsonl(fh, where, opts, close=fh)


def _iter_jsonl(
    fh: _Readable, where: str, opts: _Options, close: Any = None
) -> Iterator[Article | InputError]:
    limit = opts.max_bytes

    def gen() -> Iterator[Article | InputError]:
        try:
            head = fh.readline(_SNIFF_CHUNK)
            reader = _Prefixed(head, fh)
            if b"\x00" in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield InputError(f"{where}: looks binary (it contains NUL bytes), not JSONL")
                return
            lineno = 0
            records = 0
            while True:
                raw = reader.readline(limit + 2)
                if not raw:
                    break
                lineno += 1
                if len(raw.rstrip(b"\r\n")) > limit:
                    size = len(raw)
                    while not raw.endswith(b"\n"):
                        raw = reader.readline(1 << 20)
                        if not raw:
                            break
                        size += len(raw)
                    records += 1
                    yield InputError(
                        f"{where}:{lineno}: record is {_size(size)}, "
                        f"over the limit of {_size(limit)}"
                    )
                    continue
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                records += 1
                yield _jsonl_record(raw, f"{where}:{lineno}", opts, lineno, where)
            if records == 0:
                yield InputError(f"{where}: is empty (no JSONL records)")
        except OSError as e:
            yield InputError(f"{where}: cannot be read ({e.strerror or e})")
        finally:
            if close is not None:
                close.close()

    return gen()


def _jsonl_record(
    raw: bytes, where: str, opts: _Options, lineno: int, file_where: str
) -> Article | InputError:
    if b"\x00" in raw:
        return InputError(f"{where}: contains NUL bytes, not a JSON line")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return InputError(
            f"{where}: is not UTF-8: invalid byte 0x{raw[e.start]:02X} "
            f"at byte offset {e.start} of the line"
        )
    try:
        rec = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        return InputError(f"{where}: invalid JSON ({e.msg} at column {e.colno})")
    if not isinstance(rec, dict):
        return InputError(f"{where}: must be a JSON object, got {_json_type(rec)}")
    if "text" not in rec or rec["text"] is None:
        return InputError(f"{where}: missing 'text'")
    if not isinstance(rec["text"], str):
        return InputError(f"{where}: 'text' must be a string, got {_json_type(rec['text'])}")
    bad_type = _check_meta_types(rec, JSONL_KEYS, where)
    if bad_type:
        return InputError(bad_type)
    text = normalise_text(rec["text"])
    if not text.strip():
        return InputError(f"{where}: 'text' is empty")
    stem = Path(file_where).stem if file_where != "<stdin>" else "stdin"
    return _article_from_text(
        text,
        where,
        rec,
        opts,
        default_id=f"{stem}-{lineno}",
        source_path=None if file_where == "<stdin>" else file_where,
    )


def _json_type(v: Any) -> str:
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(v), type(v).__name__)


# ---------------------------------------------------------------- folders


def _list_dir(root: Path) -> tuple[list[Path], dict[Path, dict[str, dict[str, str]]]]:
    try:
        files = sorted(
            p
            for p in root.rglob("*")
            if p.suffix.lower() in (".txt", ".jsonl")
            and not any(part.startswith(".") for part in p.relative_to(root).parts)
            and p.is_file()
        )
    except OSError as e:
        raise InputError(f"{root}: cannot be listed ({e.strerror or e})") from None
    if not files:
        raise InputError(f"{root}: no .txt or .jsonl files in this folder")
    sources: dict[Path, dict[str, dict[str, str]]] = {}
    for folder in sorted({p.parent for p in files}):
        tsv = folder / "SOURCES.tsv"
        if tsv.is_file():
            sources[folder] = _read_sources_tsv(tsv)
    return files, sources


def _read_sources_tsv(tsv: Path) -> dict[str, dict[str, str]]:
    try:
        with open(tsv, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            if not reader.fieldnames or "file" not in reader.fieldnames:
                raise InputError(
                    f"{tsv}: has no 'file' column (a tab-separated header line is needed)"
                )
            rows: dict[str, dict[str, str]] = {}
            for n, row in enumerate(reader, start=2):
                name = (row.get("file") or "").strip()
                if not name:
                    raise InputError(f"{tsv}:{n}: empty 'file' column")
                rows[name] = {k: (v or "").strip() for k, v in row.items() if k}
            return rows
    except UnicodeDecodeError as e:
        raise InputError(f"{tsv}: is not UTF-8 (byte offset {e.start})") from None
    except csv.Error as e:
        raise InputError(f"{tsv}: malformed TSV ({e})") from None
    except OSError as e:
        raise InputError(f"{tsv}: cannot be read ({e.strerror or e})") from None


_AUTHOR_NOTE = re.compile(r"(?:^|;)\s*author=([^;]*)")


def _tsv_meta(row: dict[str, str]) -> dict[str, Any]:
    """SOURCES.tsv columns -> article metadata (url from ``url`` or ``original_id_or_url``;
    author from ``notes`` "author=...")."""
    meta: dict[str, Any] = {k: row[k] for k in META_KEYS if row.get(k)}
    if "url" not in meta:
        orig = row.get("original_id_or_url", "")
        if orig.startswith(("http://", "https://")):
            meta["url"] = orig
    if "author" not in meta:
        m = _AUTHOR_NOTE.search(row.get("notes", ""))
        if m and m.group(1).strip():
            meta["author"] = m.group(1).strip()
    return meta


def _read_dir(
    root: Path, files: list[Path], sources: dict[Path, dict[str, dict[str, str]]], opts: _Options
) -> Iterator[Article | InputError]:
    def gen() -> Iterator[Article | InputError]:
        for p in files:
            where = str(p)
            try:
                fh = open(p, "rb")  # noqa: SIM115 - closed by the reader
            except OSError as e:
                yield InputError(f"{where}: cannot be read ({e.strerror or e})")
                continue
            if p.suffix.lower() == ".jsonl":
                yield from _iter_jsonl(fh, where, opts, close=fh)
                continue
            rows = sources.get(p.parent, {})
            row = rows.get(p.name) or rows.get(str(p.relative_to(p.parent)))
            if row is not None:
                yield from _read_text_file(
                    fh, p, opts, extra_meta=_tsv_meta(row), title_line=True, where=where
                )
            else:
                yield from _read_text_file(fh, p, opts, where=where)

    return gen()
