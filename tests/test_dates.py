from __future__ import annotations

import itertools
from datetime import date

import pytest

from kg.dates import (
    _PATTERNS,
    DateMention,
    anchor_relative,
    date_from_url,
    parse_date_value,
    resolve,
    resolve_dates,
    resolve_relative,
)

FRI = date(2021, 12, 31)  # the seed's publication date, a Friday
THU = date(2025, 6, 5)  # a Thursday


RESOLVE_CASES = [
    # day/month in parentheses, with and without year and weekday
    ("Jumat (31/12)", FRI, date(2021, 12, 31), "day"),
    ("(30/12)", FRI, date(2021, 12, 30), "day"),
    ("Kamis (5/6/2025)", THU, date(2025, 6, 5), "day"),
    ("(30/5/2025)", THU, date(2025, 5, 30), "day"),
    ("Senin (2/6)", THU, date(2025, 6, 2), "day"),
    ("Minggu (1/6/2025)", THU, date(2025, 6, 1), "day"),
    ("Jumat pagi (31/12)", FRI, date(2021, 12, 31), "day"),
    # a slip of the year: 5 June 2026 is a Friday, the weekday and the article say 2025
    ("Kamis (5/6/2026)", THU, date(2025, 6, 5), "day"),
    ("Jumat (5/6/2026)", THU, date(2026, 6, 5), "day"),  # the weekday agrees: as written
    ("(5/6/2026)", THU, date(2026, 6, 5), "day"),
    # day + month name: the year from the publication date
    ("9 Januari", FRI, date(2022, 1, 9), "day"),
    ("7 Desember", FRI, date(2021, 12, 7), "day"),
    ("13 Januari 2022", FRI, date(2022, 1, 13), "day"),
    ("10 Januari 2022", FRI, date(2022, 1, 10), "day"),
    ("19 Mei", THU, date(2025, 5, 19), "day"),
    ("1 April 2026", THU, date(2026, 4, 1), "day"),
    ("Sabtu, 7 Juni 2025", THU, date(2025, 6, 7), "day"),
    ("tanggal 1 Agustus", THU, date(2025, 8, 1), "day"),
    ("17-20 Juni mendatang", THU, date(2025, 6, 17), "day"),
    ("26--28 Oktober 2025", THU, date(2025, 10, 26), "day"),
    ("1 November lalu", date(2025, 11, 6), date(2025, 11, 1), "day"),
    # abbreviated months
    ("9 Jan", FRI, date(2022, 1, 9), "day"),
    ("7 Des", FRI, date(2021, 12, 7), "day"),
    ("5 Agu 2021", FRI, date(2021, 8, 5), "day"),
    ("5 Agt 2021", FRI, date(2021, 8, 5), "day"),
    ("12 Okt. 2021", FRI, date(2021, 10, 12), "day"),
    ("3 Feb 2022", FRI, date(2022, 2, 3), "day"),
    # numeric dates
    ("31/12/2024", THU, date(2024, 12, 31), "day"),
    ("2025-06-02", THU, date(2025, 6, 2), "day"),
    # deictic days
    ("hari ini", FRI, FRI, "day"),
    ("Hari ini", THU, THU, "day"),
    ("kemarin", FRI, date(2021, 12, 30), "day"),
    ("besok", FRI, date(2022, 1, 1), "day"),
    ("lusa", FRI, date(2022, 1, 2), "day"),
    ("kemarin lusa", THU, date(2025, 6, 3), "day"),
    ("tadi pagi", THU, THU, "day"),
    ("malam ini", THU, THU, "day"),
    # weekdays alone: the latest such day on or before publication
    ("Kamis", FRI, date(2021, 12, 30), "day"),
    ("Jumat", FRI, FRI, "day"),
    ("Jumat pagi", FRI, FRI, "day"),
    ("Sabtu", FRI, date(2021, 12, 25), "day"),
    ("Kamis", THU, THU, "day"),
    ("Jumat", THU, date(2025, 5, 30), "day"),
    ("Rabu", THU, date(2025, 6, 4), "day"),
    ("Minggu", THU, date(2025, 6, 1), "day"),
    ("Jum'at", THU, date(2025, 5, 30), "day"),
    ("Jumat lalu", FRI, date(2021, 12, 24), "day"),
    ("Senin depan", FRI, date(2022, 1, 3), "day"),
    ("Senin mendatang", THU, date(2025, 6, 9), "day"),
    # a weekday of a week: the Monday of next week, not last Monday and the week apart
    ("Senin pekan depan", FRI, date(2022, 1, 3), "day"),
    ("Senin pekan depan", THU, date(2025, 6, 9), "day"),
    ("Jumat pekan lalu", THU, date(2025, 5, 30), "day"),
    ("Rabu minggu ini", FRI, date(2021, 12, 29), "day"),
    # weeks, months, years
    ("pekan lalu", FRI, date(2021, 12, 24), "week"),
    ("minggu lalu", FRI, date(2021, 12, 24), "week"),
    ("Minggu lalu", FRI, date(2021, 12, 24), "week"),
    ("pekan depan", THU, date(2025, 6, 12), "week"),
    ("bulan depan", FRI, date(2022, 1, 1), "month"),
    ("bulan lalu", THU, date(2025, 5, 1), "month"),
    ("bulan ini", THU, date(2025, 6, 1), "month"),
    ("tahun depan", FRI, date(2022, 1, 1), "year"),
    ("awal tahun depan", FRI, date(2022, 1, 1), "year"),
    ("tahun lalu", FRI, date(2020, 1, 1), "year"),
    ("tahun ini", THU, date(2025, 1, 1), "year"),
    ("Februari lalu", THU, date(2025, 2, 1), "month"),
    ("Desember mendatang", THU, date(2025, 12, 1), "month"),
    ("Januari mendatang", THU, date(2026, 1, 1), "month"),
    ("akhir Mei lalu", THU, date(2025, 5, 1), "month"),
    ("Oktober 2023", THU, date(2023, 10, 1), "month"),
    ("tahun 2026", THU, date(2026, 1, 1), "year"),
    # counted offsets from publication, with Indonesian number words
    ("tiga hari lalu", FRI, date(2021, 12, 28), "day"),
    ("sehari lalu", FRI, date(2021, 12, 30), "day"),
    ("sepekan lalu", FRI, date(2021, 12, 24), "week"),
    ("dua minggu lalu", THU, date(2025, 5, 22), "week"),
    ("sepuluh hari yang lalu", THU, date(2025, 5, 26), "day"),
    ("lima hari lagi", THU, date(2025, 6, 10), "day"),
    ("dua tahun lalu", THU, date(2023, 1, 1), "year"),
    ("sebulan lalu", THU, date(2025, 5, 1), "month"),
    ]


@pytest.mark.parametrize(("expr", "pub", "expected", "granularity"), RESOLVE_CASES)
def test_resolve(expr: str, pub: date, expected: date, granularity: str) -> None:
    assert resolve(expr, pub) == expected
    (mention,) = resolve_dates(expr, pub)
    assert mention.text == expr
    assert mention.granularity == granularity
    assert not mention.anchor_needed


@pytest.mark.parametrize(
    ("expr", "relative"),
    [
        ("13 Januari 2022", False),
        ("Jumat (31/12)", False),
        ("9 Januari", False),
        ("kemarin", True),
        ("Kamis", True),
        ("pekan lalu", True),
        ("bulan depan", True),
        ("tiga hari lalu", True),
    ],
)
def test_relative_flag(expr: str, relative: bool) -> None:
    (mention,) = resolve_dates(expr, FRI)
    assert mention.relative is relative


ANCHOR_CASES = [
    ("dua hari kemudian", date(2022, 1, 9), date(2022, 1, 11)),
    ("sehari kemudian", date(2022, 1, 9), date(2022, 1, 10)),
    ("tiga hari setelahnya", date(2022, 1, 9), date(2022, 1, 12)),
    ("empat hari sesudahnya", date(2025, 6, 5), date(2025, 6, 9)),
    ("sepuluh hari kemudian", date(2025, 6, 5), date(2025, 6, 15)),
    ("dua belas hari kemudian", date(2025, 6, 5), date(2025, 6, 17)),
    ("5 hari kemudian", date(2025, 6, 5), date(2025, 6, 10)),
    ("keesokan harinya", date(2021, 12, 31), date(2022, 1, 1)),
    ("hari berikutnya", date(2021, 12, 31), date(2022, 1, 1)),
    ("sehari sebelumnya", date(2022, 1, 1), date(2021, 12, 31)),
    ("dua hari sebelumnya", date(2025, 6, 5), date(2025, 6, 3)),
    ("seminggu kemudian", date(2025, 6, 5), date(2025, 6, 12)),
    ("sepekan setelahnya", date(2025, 6, 5), date(2025, 6, 12)),
    ("dua pekan kemudian", date(2025, 6, 5), date(2025, 6, 19)),
    ("sebulan kemudian", date(2022, 1, 9), date(2022, 2, 1)),
    ("setahun kemudian", date(2022, 1, 9), date(2023, 1, 1)),
]


@pytest.mark.parametrize(("expr", "anchor", "expected"), ANCHOR_CASES)
def test_resolve_relative(expr: str, anchor: date, expected: date) -> None:
    assert resolve_relative(expr, anchor) == expected
    (mention,) = resolve_dates(expr, FRI)
    assert mention.relative and mention.anchor_needed
    assert mention.value is None
    assert resolve(expr, FRI) is None  # needs an anchor


def test_resolve_relative_falls_back_to_plain_resolution() -> None:
    assert resolve_relative("kemarin", date(2025, 6, 5)) == date(2025, 6, 4)
    assert resolve_relative("tidak ada tanggal", date(2025, 6, 5)) is None
    assert resolve_relative("beberapa hari kemudian", date(2025, 6, 5)) is None


def test_every_match_contains_its_patterns_gate() -> None:
    """resolve_dates skips a pattern whose gate is not in the lower-cased text: each gate
    must be a necessary condition of its pattern. Checked on every expression above, as
    written and in capitals, so a gate narrower than its pattern fails here."""
    exprs = [c[0] for c in RESOLVE_CASES] + [c[0] for c in ANCHOR_CASES]
    seen = set()
    for expr in exprs + [e.upper() for e in exprs]:
        for prio, (regex, gate, _fn) in enumerate(_PATTERNS):
            for m in regex.finditer(expr):
                assert gate.search(m.group(0).lower()), (expr, regex.pattern[:60])
                seen.add(prio)
    assert seen == set(range(len(_PATTERNS)))  # every pattern is exercised


SEED_SENTENCE = (
    "Pembicaraan bilateral AS-Rusia akan dimulai di Jenewa pada 9 Januari, diikuti oleh "
    "pertemuan Dewan Rusia-NATO di Brussel dua hari kemudian dan negosiasi di Wina dalam "
    "kerangka OSCE pada 13 Januari, kata pembantu kebijakan luar negeri Kremlin Yuri Ushakov "
    "kepada wartawan Jumat pagi waktu Moskow."
)


def test_seed_sentence() -> None:
    mentions = resolve_dates(SEED_SENTENCE, FRI)
    assert [m.text for m in mentions] == [
        "9 Januari",
        "dua hari kemudian",
        "13 Januari",
        "Jumat pagi",
    ]
    for m in mentions:
        assert SEED_SENTENCE[m.start : m.end] == m.text
    anchored = anchor_relative(mentions)
    assert [m.value for m in anchored] == [
        date(2022, 1, 9),
        date(2022, 1, 11),
        date(2022, 1, 13),
        date(2021, 12, 31),
    ]
    assert anchored[1].anchor_needed and anchored[1].offset == (2, "day")


def test_anchor_stays_within_the_sentence() -> None:
    text = "Pertemuan digelar 9 Januari. Dua hari kemudian, delegasi pulang."
    mentions = resolve_dates(text, FRI)
    sentences = [(0, 28), (29, len(text))]
    assert anchor_relative(mentions, sentences)[1].value is None
    assert anchor_relative(mentions)[1].value == date(2022, 1, 11)


def test_seed_article_dates() -> None:
    from pathlib import Path

    text = (
        Path(__file__).resolve().parents[1] / "examples" / "kontan-2021-12-31-biden-putin.txt"
    ).read_text()
    found = {m.text: m.value for m in anchor_relative(resolve_dates(text, FRI))}
    assert found["Jumat (31/12)"] == date(2021, 12, 31)
    assert found["hari ini"] == date(2021, 12, 31)
    assert found["awal tahun depan"] == date(2022, 1, 1)
    assert found["10 Januari 2022"] == date(2022, 1, 10)
    assert found["Kamis"] == date(2021, 12, 30)
    assert found["7 Desember"] == date(2021, 12, 7)
    assert found["bulan depan"] == date(2022, 1, 1)
    assert found["dua hari kemudian"] == date(2022, 1, 11)


@pytest.mark.parametrize(
    ("text", "pub", "expected"),
    [
        # a sentence about the future pushes an early-in-the-year date into next year
        ("Pertemuan itu akan digelar pada 10 Maret.", THU, date(2026, 3, 10)),
        ("Kesepakatan itu diteken pada 10 Maret.", THU, date(2025, 3, 10)),
        ("Tarif berlaku sejak 2 April, kata dia.", date(2025, 7, 9), date(2025, 4, 2)),
        ("Pemilu dijadwalkan pada 20 Desember.", date(2022, 1, 5), date(2022, 12, 20)),
        ("Kerusuhan terjadi pada 20 Desember.", date(2022, 1, 5), date(2021, 12, 20)),
        ("Laporan itu terbit Senin (28/12).", date(2022, 1, 2), date(2021, 12, 28)),
    ],
)
def test_year_choice(text: str, pub: date, expected: date) -> None:
    values = [m.value for m in resolve_dates(text, pub)]
    assert values == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Harga naik 10 persen dalam tiga minggu.",
        "Sebanyak 2021 orang hadir.",
        "Kim Jong Un tiba di Pyongyang.",
        "Ia menulis 12 buku dan 3 artikel.",
        "Dua pekan terakhir hujan turun.",
        "Skor akhir 2-1 untuk tuan rumah.",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert resolve_dates(text, THU) == []


def test_without_publication_date() -> None:
    assert resolve("13 Januari 2022", None) == date(2022, 1, 13)
    assert resolve("Kamis (5/6/2025)", None) == date(2025, 6, 5)
    assert resolve("9 Januari", None) is None
    assert resolve("kemarin", None) is None
    assert resolve("Jumat (31/12)", None) is None


def test_mentions_are_ordered_and_disjoint() -> None:
    text = "Pada Jumat (31/12) dan Kamis, serta 9 Januari 2022, bulan depan, dan hari ini."
    mentions = resolve_dates(text, FRI)
    assert [m.text for m in mentions] == [
        "Jumat (31/12)",
        "Kamis",
        "9 Januari 2022",
        "bulan depan",
        "hari ini",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert all(isinstance(m, DateMention) for m in mentions)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-02", date(2025, 6, 2)),
        ("2025-06-02T21:10:00+07:00", date(2025, 6, 2)),
        ("2025-06-02T14:10:00Z", date(2025, 6, 2)),
        ("2025-06-02 21:10:00", date(2025, 6, 2)),
        ("2025/06/02", date(2025, 6, 2)),
        ("02/06/2025", date(2025, 6, 2)),
        ("2 Juni 2025", date(2025, 6, 2)),
        ("Senin, 2 Juni 2025 21:10 WIB", date(2025, 6, 2)),
        (" 2021-12-31 ", date(2021, 12, 31)),
    ],
)
def test_parse_date_value(value: str, expected: date) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "31-31-2025", "2025-13-01", "2025-02-30", "kemarin", "Juni 2025", "2025-06-02Tjunk"],
)
def test_parse_date_value_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date_value(value)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://www.kompas.com/global/read/2025/06/02/211000870/australia-pertimbangkan",
            date(2025, 6, 2),
        ),
        ("https://nasional.kontan.co.id/news/2021/12/31/putin", date(2021, 12, 31)),
        ("https://news.detik.com/internasional/d-8118787/bantu-icc", None),
        ("http://kmp.im/AGHpu0", None),
        ("", None),
        (None, None),
        ("https://x.com/read/2025/13/45/", None),
    ],
)
def test_date_from_url(url: str | None, expected: date | None) -> None:
    assert date_from_url(url) == expected
