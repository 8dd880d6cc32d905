"""Indonesian date expressions: find them in text and resolve them to calendar dates.

``resolve_dates(text, pub_date)`` finds every date expression in ``text`` and
resolves it against the article's publication date:

* explicit dates: ``13 Januari 2022``, ``Kamis (5/6/2025)``, ``(30/5/2025)``,
  ``Jumat (31/12)`` (year from ``pub_date``; the weekday picks the year when it can),
  ``9 Januari`` / ``7 Des`` (no year: in a sentence about the future - "akan",
  "dijadwalkan" ... - the year of ``pub_date``, or the next year when that date would be
  more than 60 days before ``pub_date``; otherwise the nearest such date, so "9 Januari"
  in an article of 31 December 2021 is 2022-01-09 and "7 Desember" 2021-12-07;
  "lalu"/"mendatang" after the date force past/future), ``Oktober 2025``,
  ``tahun 2026``;
* expressions relative to the publication date (``relative=True``): ``hari ini``,
  ``kemarin``, ``besok``, ``lusa``, a weekday alone (``Kamis`` = the latest Thursday on
  or before ``pub_date``; ``Jumat pagi`` = the same day as ``Jumat``), ``pekan lalu``
  (week granularity: the date 7 days earlier), ``bulan depan``, ``tahun depan``,
  ``awal tahun depan``, ``tiga hari lalu``, ``Februari lalu``;
* expressions relative to another date in the sentence (``relative=True`` and
  ``anchor_needed=True``, ``value=None``): ``dua hari kemudian``, ``sehari kemudian``,
  ``tiga hari setelahnya``, ``keesokan harinya``, ``sehari sebelumnya``. Resolve them
  with ``resolve_relative(expr, anchor)`` or ``anchor_relative(mentions, sentences)``,
  which anchors each on the previous resolved mention (in the same sentence).

Values are ``datetime.date``; a month is represented by its first day and a year by
1 January, with ``granularity`` saying which.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "WEEKDAYS",
    "DateMention",
    "anchor_relative",
    "date_from_url",
    "parse_date_value",
    "resolve",
    "resolve_dates",
    "resolve_relative",
]

# --------------------------------------------------------------------------- language data

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "agust": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}  # fmt: skip
_FULL_MONTHS = [
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli",
    "agustus", "september", "oktober", "november", "nopember", "desember",
]  # fmt: skip
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]

# Monday = 0, as date.weekday()
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3,
    "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}  # fmt: skip

_UNITS = {"hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year"}

# --------------------------------------------------------------------------- the mention


@dataclass(frozen=True)
class DateMention:
    """One date expression in a text, with the date it stands for.

    ``value`` is None when it cannot be resolved (no publication date, or an anchor is
    needed). ``granularity`` is "day", "week", "month" or "year". ``relative`` is True
    when the expression is relative to the publication date or to another date;
    ``anchor_needed`` when it is relative to another date mentioned nearby, whose shift
    ``offset`` gives (amount, unit), e.g. (2, "day") for "dua hari kemudian".
    """

    start: int
    end: int
    text: str
    value: date | None
    granularity: str = "day"
    relative: bool = False
    anchor_needed: bool = False
    offset: tuple[int, str] | None = None


# --------------------------------------------------------------------------- patterns


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_B = r"(?<![\w])"  # word start
_E = r"(?![\w])"  # word end
_WD = (
    r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum['’]at|Sabtu|Minggu|Ahad"
    r"|SENIN|SELASA|RABU|KAMIS|JUMAT|SABTU|MINGGU)"
)
_TOD = r"(?:pagi|siang|sore|petang|malam|dini\s+hari)"
_MONTH_FULL = rf"(?i:{_alt(_FULL_MONTHS)})"
_MONTH_ANY = rf"(?i:{_alt(_FULL_MONTHS)}|(?:{_alt(_ABBR_MONTHS)})\.?)"
_NUM = (
    r"(?:\d{1,3}|(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s+(?:belas|puluh)"
    r"|sepuluh|sebelas|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|beberapa)"
)
_UNIT = r"(?:hari|pekan|minggu|bulan|tahun)"
_AMOUNT = rf"(?:(?P<n>{_NUM})\s+(?P<unit>{_UNIT})|se(?P<seunit>hari|pekan|minggu|bulan|tahun))"
_FUTURE = r"(?:mendatang|depan|nanti|yang\s+akan\s+datang)"
_PAST = r"(?:lalu|kemarin|silam|yang\s+lalu)"

_SKIP: tuple = ()  # a resolver returns this to drop a match
_Resolver = Callable[
    [re.Match[str], "date | None"], "tuple[date | None, str, bool, bool, tuple[int, str] | None]"
]
# (pattern, gate, resolver): the gate is a necessary condition, searched in the lower-cased
# text before the pattern itself: every match of the pattern contains a match of its gate.
# Gates are plain alternations that Python's regex engine scans quickly; the patterns,
# with their look-behinds and case-insensitive groups, cost ~1 ms per article each, so a
# pattern whose gate is absent from an article is not run on it.
_PATTERNS: list[tuple[re.Pattern[str], re.Pattern[str], _Resolver]] = []


def _pattern(regex: str, gate: str) -> Callable[[_Resolver], _Resolver]:
    def deco(fn: _Resolver) -> _Resolver:
        _PATTERNS.append((re.compile(regex), re.compile(gate), fn))
        return fn

    return deco


_G_MONTH_ANY = _alt(m.lower() for m in _FULL_MONTHS + _ABBR_MONTHS)
_G_MONTH_FULL = _alt(m.lower() for m in _FULL_MONTHS)
_G_UNIT = r"(?:hari|pekan|minggu|bulan|tahun)"


# --------------------------------------------------------------------------- arithmetic


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _shift(anchor: date, amount: int, unit: str) -> date:
    if unit == "day":
        return anchor + timedelta(days=amount)
    if unit == "week":
        return anchor + timedelta(days=7 * amount)
    if unit == "month":
        return _add_months(anchor, amount).replace(day=1)
    return date(anchor.year + amount, 1, 1)


def _number(word: str | None) -> int | None:
    if word is None:
        return 1
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    head, _, tail = w.partition(" ")
    if head in NUMBER_WORDS and tail == "belas":
        return 10 + NUMBER_WORDS[head]
    if head in NUMBER_WORDS and tail == "puluh":
        return 10 * NUMBER_WORDS[head]
    return None  # "beberapa" (several): no number


def _amount(m: re.Match[str]) -> tuple[int | None, str]:
    if m.group("seunit"):
        return 1, _UNITS[m.group("seunit").lower()]
    return _number(m.group("n")), _UNITS[m.group("unit").lower()]


_FUTURE_HINT = re.compile(
    r"(?i)(?<![\w])(akan|bakal|mendatang|dijadwalkan|direncanakan|rencananya|berencana"
    r"|nanti|hendak)(?![\w])"
)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    rights = [i for c in ".!?\n" if (i := text.find(c, end)) != -1]
    return text[left + 1 : min(rights) if rights else len(text)]


def _year_for_day_month(
    day: int, month: int, pub: date, direction: str | None = None, future: bool = False
) -> date | None:
    """The year of a day-month without one. "lalu"/"mendatang" after it force the past or
    the future; in a sentence about the future ("akan", "dijadwalkan" ...) it is the
    publication year, or the next year when that is more than 60 days before publication
    ("9 Januari" in an article of 31 December); otherwise the nearest such date to
    publication ("2 April" in July is this April, "9 Januari" in December next January)."""
    cand = _safe_date(pub.year, month, day)
    if cand is None:  # 29 Februari in a non-leap year
        for y in (pub.year + 1, pub.year - 1, pub.year + 2, pub.year + 3):
            cand = _safe_date(y, month, day)
            if cand:
                return cand
        return None
    if direction == "past":
        return cand if cand <= pub else _safe_date(pub.year - 1, month, day)
    if direction == "future":
        return cand if cand >= pub else _safe_date(pub.year + 1, month, day)
    if future:  # the publication year, or the next one when more than 60 days before
        return _safe_date(pub.year + 1, month, day) if (pub - cand).days > 60 else cand
    options = [
        c for y in (pub.year - 1, pub.year, pub.year + 1) if (c := _safe_date(y, month, day))
    ]
    return min(options, key=lambda c: (abs((c - pub).days), c < pub))


def _weekday_on_or_before(pub: date, weekday: int) -> date:
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _direction(word: str | None) -> str | None:
    if not word:
        return None
    w = " ".join(word.lower().split())
    if re.fullmatch(_PAST, w):
        return "past"
    if re.fullmatch(_FUTURE, w):
        return "future"
    return "this" if w == "ini" else None


# --------------------------------------------------------------------------- explicit dates

_DIR_AFTER = rf"(?:\s+(?P<dir>{_PAST}|{_FUTURE}))?"


@_pattern(
    rf"{_B}(?:(?P<wd>{_WD})(?:\s+{_TOD})?\s*,?\s*)?"
    r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)",
    gate=r"\(\s*\d{1,2}\s*/",
)
def _slash_in_parens(m, pub):
    """Kompas/detik style: "Jumat (31/12)", "Kamis (5/6/2025)", "(30/5/2025)"."""
    d, mo = int(m.group("d")), int(m.group("m"))
    wd = WEEKDAYS[m.group("wd").lower().replace("’", "'")] if m.group("wd") else None
    if m.group("y"):
        y = int(m.group("y"))
        y = y + 2000 if y < 100 else y
        written = _safe_date(y, mo, d)
        if written is not None and wd is not None and pub is not None:
            # "Kamis (19/6/2026)" in an article of 19 June 2025: 19 June 2026 is a Friday, and
            # the weekday agrees with the year next to it, nearer the article: a slip of the year
            slips = [c for yy in (y - 1, y + 1) if (c := _safe_date(yy, mo, d)) and c.weekday() == wd
                     and abs((c - pub).days) < abs((written - pub).days)]
            if written.weekday() != wd and slips:
                return slips[0], "day", False, False, None
        return written, "day", False, False, None
    if pub is None:
        return None, "day", False, False, None
    if wd is not None:
        fits = [
            c
            for y in (pub.year, pub.year - 1, pub.year + 1)
            if (c := _safe_date(y, mo, d)) and c.weekday() == wd
        ]
        if fits:
            return min(fits, key=lambda c: abs((c - pub).days)), "day", False, False, None
    cand = _safe_date(pub.year, mo, d)
    if cand and (cand - pub).days > 60:  # "(28/12)" in an article of 2 January
        cand = _safe_date(pub.year - 1, mo, d)
    return cand, "day", False, False, None


def _full_date(m, pub):
    """A date written out in full (day, month and year groups): nothing relative about it."""
    return _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "day", False, False, None


_pattern(r"(?<![\d/.])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])",
         gate=r"\d/\d{1,2}/\d")(_full_date)  # 5/6/2025
_pattern(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])",
         gate=r"\d-\d\d-\d")(_full_date)  # 2025-06-05


@_pattern(
    rf"{_B}(?:(?P<wd>{_WD})\s*,?\s+)?(?:(?i:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})"
    rf"(?:\s*[-–—]{{1,2}}\s*\d{{1,2}}|\s+(?:dan|hingga|sampai|s\.?d\.?)\s+\d{{1,2}})?"
    rf"\s+(?P<mon>{_MONTH_ANY})(?![\w])(?:\s+(?P<y>\d{{4}})(?![\d]))?{_DIR_AFTER}",
    gate=rf"\d\s+(?:{_G_MONTH_ANY})",
)
def _day_month(m, pub):
    """ "9 Januari", "13 Januari 2022", "Selasa, 21 Oktober 2025", "17-20 Juni" (its start)."""
    d = int(m.group("d"))
    if not 1 <= d <= 31:
        return _SKIP
    mo = MONTHS[m.group("mon").lower().rstrip(".")]
    if m.group("y"):
        return _safe_date(int(m.group("y")), mo, d), "day", False, False, None
    if pub is None:
        return None, "day", False, False, None
    future = bool(_FUTURE_HINT.search(_sentence_around(m.string, m.start(), m.end())))
    return (
        _year_for_day_month(d, mo, pub, _direction(m.group("dir")), future),
        "day",
        False,
        False,
        None,
    )


@_pattern(
    rf"{_B}(?P<span>(?:(?i:bulan|awal|akhir|pertengahan)\s+)?"
    rf"(?P<mon>{_MONTH_FULL})\s+(?P<y>\d{{4}}))(?![\d])",
    gate=rf"(?:{_G_MONTH_FULL})\s+\d",
)
def _month_year(m, pub):
    return date(int(m.group("y")), MONTHS[m.group("mon").lower()], 1), "month", False, False, None


@_pattern(
    rf"{_B}(?:(?i:pada|sejak|hingga|sampai|jelang|menjelang)\s+)?"
    rf"(?P<span>(?:(?i:bulan|awal|akhir|pertengahan)\s+)?(?P<mon>{_MONTH_FULL})"
    rf"(?P<dirpart>\s+(?P<dir>{_PAST}|{_FUTURE}|ini))?)"
    rf"(?![\w])",
    gate=_G_MONTH_FULL,
)
def _month_alone(m, pub):
    """ "Februari lalu", "Juni mendatang", "pada Desember", "awal Mei" (month granularity)."""
    whole = m.group(0)
    if not m.group("dirpart") and not re.match(
        r"(?i)(pada|sejak|hingga|sampai|jelang|menjelang|bulan|awal|akhir|pertengahan)\s", whole
    ):
        return _SKIP
    mo = MONTHS[m.group("mon").lower()]
    if pub is None:
        return None, "month", True, False, None
    direction = _direction(m.group("dir"))
    if direction == "past":
        y = pub.year if mo <= pub.month else pub.year - 1
    elif direction == "future":
        y = pub.year if mo >= pub.month else pub.year + 1
    elif direction == "this":
        y = pub.year
    else:  # the nearest such month: within five months ahead or six behind
        diff = mo - pub.month
        y = pub.year + (1 if diff < -6 else -1 if diff > 5 else 0)
    return date(y, mo, 1), "month", True, False, None


@_pattern(
    rf"{_B}(?:(?i:pada|sejak|hingga|sampai|per)\s+)?"
    rf"(?P<span>(?:(?i:awal|akhir|pertengahan)\s+)?(?:(?i:tahun)\s+)?"
    rf"(?P<y>(?:19|20)\d{{2}}))(?![\d]|[.,/]\d)",
    gate=r"(?:19|20)\d\d",
)
def _year(m, pub):
    whole = m.group(0).lower()
    if not re.match(r"(pada|sejak|hingga|sampai|per|awal|akhir|pertengahan|tahun)\s", whole):
        return _SKIP
    return date(int(m.group("y")), 1, 1), "year", False, False, None


# --------------------------------------------------------------------------- relative to pub_date


@_pattern(
    rf"{_B}(?P<w>(?i:kemarin\s+lusa|hari\s+ini|kemarin|besok|lusa|tadi\s+{_TOD}"
    rf"|{_TOD}\s+ini))(?![\w])",
    gate=r"kemarin|besok|lusa|tadi|(?:hari|pagi|siang|sore|petang|malam)\s+ini",
)
def _deictic_day(m, pub):
    w = " ".join(m.group("w").lower().split())
    delta = {"kemarin lusa": -2, "kemarin": -1, "besok": 1, "lusa": 2}.get(w, 0)
    return (pub + timedelta(days=delta) if pub else None), "day", True, False, None


@_pattern(
    rf"{_B}(?P<pre>(?i:awal|akhir|pertengahan)\s+)?(?P<unit>(?i:pekan|minggu|bulan|tahun))\s+"
    rf"(?P<dir>(?i:lalu|kemarin|depan|mendatang|ini|yang\s+lalu|yang\s+akan\s+datang))(?![\w])",
    gate=r"(?:pekan|minggu|bulan|tahun)\s+(?:lalu|kemarin|depan|mendatang|ini|yang)",
)
def _deictic_period(m, pub):
    """ "pekan lalu" (pub - 7 days, week), "bulan depan", "tahun ini", "awal tahun depan"."""
    unit = _UNITS[m.group("unit").lower()]
    direction = _direction(m.group("dir"))
    amount = {"past": -1, "future": 1}.get(direction or "", 0)
    if pub is None:
        return None, unit, True, False, None
    base = {"day": pub, "week": pub, "month": pub.replace(day=1), "year": date(pub.year, 1, 1)}[
        unit
    ]
    return _shift(base, amount, unit), unit, True, False, None


@_pattern(rf"{_B}{_AMOUNT}\s+(?P<dir>(?i:yang\s+lalu|lalu|silam|lagi|mendatang|terakhir))(?![\w])",
          gate=rf"{_G_UNIT}\s+(?:yang|lalu|silam|lagi|mendatang|terakhir)")
def _ago(m, pub):
    """ "tiga hari lalu", "sepekan lalu", "dua tahun silam", "lima hari lagi"."""
    n, unit = _amount(m)
    direction = m.group("dir").lower()
    if direction == "terakhir":  # "dua pekan terakhir": a period, not a date
        return _SKIP
    if n is None or pub is None:
        return None, unit, True, False, None
    sign = 1 if direction in ("lagi", "mendatang") else -1
    base = {"day": pub, "week": pub, "month": pub.replace(day=1), "year": date(pub.year, 1, 1)}[
        unit
    ]
    return _shift(base, sign * n, unit), unit, True, False, None


@_pattern(
    rf"(?<![\w(])(?P<wd>{_WD})(?:\s+{_TOD})?"
    r"(?:\s+(?P<week>(?i:pekan|minggu))\s+(?P<wdir>(?i:lalu|kemarin|depan|mendatang|ini|yang\s+lalu"
    r"|yang\s+akan\s+datang))"
    r"|\s+(?P<dir>lalu|kemarin|depan|mendatang|ini|yang\s+lalu))?(?![\w])",
    gate=r"senin|selasa|rabu|kamis|jum|sabtu|minggu|ahad",
)
def _weekday(m, pub):
    """A weekday alone: the latest such day on or before publication ("Kamis", "Jumat
    pagi"); "Senin lalu" strictly before, "Senin depan" strictly after, "Senin ini" in the
    publication's week; "Senin pekan depan" the Monday of the next calendar week, "Jumat
    pekan lalu" the Friday of the last one."""
    wd_text = m.group("wd")
    if wd_text in ("Minggu", "MINGGU") and (m.group("dir") or m.group("week")):
        return _SKIP  # "Minggu lalu" at a sentence start is "last week" (handled above)
    wd = WEEKDAYS[wd_text.lower().replace("’", "'")]
    if pub is None:
        return None, "day", True, False, None
    if m.group("week"):
        weeks = {"past": -1, "future": 1, "this": 0}.get(_direction(m.group("wdir")) or "", 0)
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(days=7 * weeks + wd), "day", True, False, None
    direction = _direction(m.group("dir"))
    on_or_before = _weekday_on_or_before(pub, wd)
    if direction == "past":
        value = on_or_before if on_or_before < pub else on_or_before - timedelta(days=7)
    elif direction == "future":
        value = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    elif direction == "this":
        value = pub - timedelta(days=pub.weekday()) + timedelta(days=wd)
    else:
        value = on_or_before
    return value, "day", True, False, None


# --------------------------------------------------------------------------- relative to an anchor

_AFTER = r"(?i:kemudian|setelahnya|sesudahnya|berikutnya|setelah\s+itu|sesudah\s+itu|selanjutnya)"
_BEFORE = r"(?i:sebelumnya|sebelum\s+itu)"


@_pattern(rf"{_B}(?i:{_AMOUNT})\s+(?P<dir>{_AFTER}|{_BEFORE})(?![\w])",
          gate=rf"{_G_UNIT}\s+(?:kemudian|setelah|sesudah|berikutnya|selanjutnya|sebelum)")
def _anchor_amount(m, pub):
    """ "dua hari kemudian", "sehari sebelumnya", "tiga hari setelahnya"."""
    n, unit = _amount(m)
    if n is None:
        return None, unit, True, True, None
    sign = -1 if m.group("dir").lower().startswith("sebelum") else 1
    return None, unit, True, True, (sign * n, unit)


@_pattern(
    rf"{_B}(?P<w>(?i:keesokan\s+harinya|esok\s+harinya|keesokan\s+hari|hari\s+berikutnya"
    r"|hari\s+sebelumnya|malam\s+sebelumnya|pekan\s+berikutnya|minggu\s+berikutnya"
    r"|bulan\s+berikutnya|tahun\s+berikutnya))(?![\w])",
    gate=r"harinya|keesokan|(?:hari|malam|pekan|minggu|bulan|tahun)\s+(?:berikutnya|sebelumnya)",
)
def _anchor_word(m, pub):
    w = " ".join(m.group("w").lower().split())
    unit = _UNITS.get(w.split()[0], "day")
    sign = -1 if "sebelum" in w else 1
    return None, unit, True, True, (sign, unit)


# --------------------------------------------------------------------------- API


def resolve_dates(text: str, pub_date: date | None) -> list[DateMention]:
    """Every date expression in ``text``, left to right, resolved against ``pub_date``.

    Overlapping matches are settled by the earliest start, then the longest match.
    """
    found: list[tuple[int, int, int, DateMention]] = []
    lowered = text.lower()
    for prio, (regex, gate, fn) in enumerate(_PATTERNS):
        if gate.search(lowered) is None:
            continue
        for m in regex.finditer(text):
            res = fn(m, pub_date)
            if res == _SKIP:
                continue
            value, gran, relative, anchor_needed, offset = res
            start, end = m.span("span") if "span" in regex.groupindex else m.span()
            found.append(
                (
                    start,
                    end,
                    prio,
                    DateMention(
                        start, end, text[start:end], value, gran, relative, anchor_needed, offset
                    ),
                )
            )
    found.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    out: list[DateMention] = []
    last_end = -1
    for start, end, _prio, mention in found:
        if start >= last_end:
            out.append(mention)
            last_end = end
    return out


def resolve(expr_text: str, pub_date: date | None) -> date | None:
    """The date of one expression ("9 Januari", "kemarin", "Kamis (5/6/2025)"), or None.

    Expressions that need an anchor ("dua hari kemudian") give None here: use
    ``resolve_relative``.
    """
    mentions = resolve_dates(expr_text, pub_date)
    if not mentions:
        return None
    stripped = expr_text.strip()
    whole = [m for m in mentions if m.text == stripped]
    best = whole[0] if whole else max(mentions, key=lambda m: m.end - m.start)
    return best.value


def resolve_relative(expr: str, anchor: date) -> date | None:
    """Resolve an anchored expression against ``anchor``: ("dua hari kemudian",
    2022-01-09) -> 2022-01-11. Other expressions are resolved with ``anchor`` as the
    reference date."""
    mentions = resolve_dates(expr, anchor)
    if not mentions:
        return None
    best = max(mentions, key=lambda m: m.end - m.start)
    if best.anchor_needed:
        if best.offset is None:
            return None
        return _shift(anchor, *best.offset)
    return best.value


def anchor_relative(
    mentions: Sequence[DateMention], sentences: Sequence[tuple[int, int]] | None = None
) -> list[DateMention]:
    """Fill the value of each ``anchor_needed`` mention from the previous mention that has
    a value (within the same sentence span when ``sentences`` is given)."""

    def sentence_of(pos: int) -> int | None:
        if sentences is None:
            return 0
        for i, (s, e) in enumerate(sentences):
            if s <= pos < e:
                return i
        return None

    out: list[DateMention] = []
    for i, m in enumerate(mentions):
        if m.anchor_needed and m.value is None and m.offset is not None:
            here = sentence_of(m.start)
            for prev in reversed(out[:i]):
                if prev.value is not None and here is not None and sentence_of(prev.start) == here:
                    m = replace(m, value=_shift(prev.value, *m.offset))
                    break
        out.append(m)
    return out


# --------------------------------------------------------------------------- metadata dates

_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def parse_date_value(value: str) -> date:
    """A publication date from metadata: "2025-06-02", "2025-06-02T21:10:00+07:00",
    "2025-06-02 21:10", "2025/06/02", "02/06/2025" (day first), "2 Juni 2025",
    "Senin, 2 Juni 2025 21:10 WIB". The date is taken as written (no time-zone shift).
    Raises ValueError when there is no full date in it."""
    s = value.strip()
    if not s:
        raise ValueError("empty date")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", s)
    if m:
        try:
            if "T" in s or " " in s:
                datetime.fromisoformat(s.replace("Z", "+00:00"))  # validates the time part too
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"not a valid date: {value!r}") from None
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", s)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
        raise ValueError(f"not a valid date: {value!r}")
    for mention in resolve_dates(s, None):
        if mention.value is not None and mention.granularity == "day" and not mention.relative:
            return mention.value
    raise ValueError(f"no date in {value!r}")


def date_from_url(url: str | None) -> date | None:
    """The date in a news URL such as ``.../read/2025/06/02/211000870/...``, or None."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
