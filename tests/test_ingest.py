from __future__ import annotations

import collections
import io
import itertools
import json
import os
import shutil
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    DEFAULT_MAX_BYTES,
    check_text,
    language_score,
    looks_like_html,
    parse_layout,
    read_articles,
)
from kg.model import Article

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = REPO / "examples" / "kontan-2021-12-31-biden-putin.txt"
CORPUS = REPO.parent / "shared" / "corpus"
DEV = CORPUS / "diplomacy-dev"
BULK = CORPUS / "bulk.jsonl"

# An Indonesian paragraph long enough for the language check (written for these tests).
ID_TEXT = (
    "Menteri Luar Negeri Indonesia menerima kunjungan Duta Besar Jepang di Jakarta pada Kamis "
    "(5/6/2025). Dalam pertemuan itu, kedua pihak membahas kerja sama ekonomi dan rencana "
    "kunjungan kenegaraan yang akan digelar tahun depan. Menurut juru bicara kementerian, "
    "hubungan kedua negara terus menguat dan akan diperluas ke bidang energi bersih.\n"
)


def _all(source, **kw) -> list:
    return list(read_articles(source, **kw))


def _one(source, **kw):
    (item,) = _all(source, **kw)
    return item


def _error(source, **kw) -> InputError:
    item = _one(source, **kw)
    assert isinstance(item, InputError), item
    _one_line(item)
    return item


def _one_line(err: InputError) -> None:
    assert "\n" not in str(err) and str(err).strip() == str(err)


def _span_texts(a: Article) -> list[str]:
    return [a.text[s:e] for s, e in a.body_spans]


# ============================================================= the seed


def test_seed_article() -> None:
    a = _one(SEED)
    assert isinstance(a, Article)
    assert a.id == "kontan-2021-12-31-biden-putin"
    assert a.date == date(2021, 12, 31)
    assert a.agency == "Bloomberg"
    assert a.editor == "Noverius Laoli"
    assert a.outlet == "KONTAN.CO.ID"
    assert a.dateline == "Moscow"  # the sidecar's value wins over the text's "MOSKOW"
    assert a.title is None  # the seed has no headline line
    assert a.text == SEED.read_text(encoding="utf-8")
    assert a.source_path == str(SEED)


def test_seed_layout_from_text_alone() -> None:
    text = SEED.read_text(encoding="utf-8")
    a = parse_layout(Article(id="seed", text=text))
    assert a.agency == "Bloomberg"
    assert a.editor == "Noverius Laoli"
    assert a.dateline == "MOSKOW"
    assert a.outlet == "KONTAN.CO.ID"
    assert a.title is None
    assert a.related == [
        "Presiden Rusia Vladimir Putin Tiba-Tiba Minta Berbicara dengan Joe Biden Via Telepon",
        "Dialog Keamanan AS-Rusia Dipastikan Berlangsung pada 10 Januari 2022",
        "Rusia dan Barat Bersitegang, Putin Telpon Xi Minta Dukungan China",
    ]
    prefix = "KONTAN.CO.ID - MOSKOW. "
    assert a.body_spans[0][0] == text.index(prefix) + len(prefix)
    assert a.text[a.body_spans[0][0] :].startswith("Presiden Rusia Vladimir Putin disebut puas")
    body = _span_texts(a)
    assert not any("Baca Juga" in s or "Sumber:" in s or "KONTAN.CO.ID" in s for s in body)
    for headline in a.related:
        assert not any(headline in s for s in body)
    # every other line is body: 18 lines - header - 3 "Baca Juga" = 14
    assert len(text.splitlines()) == 18
    assert len(a.body_spans) == 14
    assert body[-1].endswith("di musim semi.")
    for s, e in a.body_spans:
        assert 0 <= s < e <= len(text) and not text[s].isspace() and not text[e - 1].isspace()


def test_seed_without_sidecar(tmp_path: Path) -> None:
    copy = tmp_path / "biden-putin.txt"
    shutil.copy(SEED, copy)
    a = _one(copy)
    assert a.id == "biden-putin"
    assert a.date is None
    assert a.dateline == "MOSKOW"
    assert a.outlet == "KONTAN.CO.ID"
    assert a.agency == "Bloomberg"


def test_options_override_metadata() -> None:
    a = _one(SEED, date="2022-01-01", outlet="Kontan", article_id="x1")
    assert (a.id, a.date, a.outlet) == ("x1", date(2022, 1, 1), "Kontan")
    a = _one(SEED, date=date(2020, 5, 5))
    assert a.date == date(2020, 5, 5)


# ============================================================= layout


@pytest.mark.parametrize(
    ("first_line", "city", "outlet", "body_start"),
    [
        ("KONTAN.CO.ID - MOSKOW. Presiden Rusia tiba.", "MOSKOW", "KONTAN.CO.ID", "Presiden"),
        ("JAKARTA, KOMPAS.com - Presiden menerima tamu.", "JAKARTA", "Kompas.com", "Presiden"),
        ("JAKARTA, KOMPAS.com -- Presiden menerima tamu.", "JAKARTA", "Kompas.com", "Presiden"),
        ("JAKARTA, KOMPAS.com --- Presiden menerima tamu.", "JAKARTA", "Kompas.com", "Presiden"),
        (
            "WASHINGTON DC, KOMPAS.com - Presiden AS berbicara.",
            "WASHINGTON DC",
            "Kompas.com",
            "Presiden",
        ),
        ("NEW YORK. KOMPAS.com - Pasar saham menguat.", "NEW YORK", "Kompas.com", "Pasar"),
        ("BANDUNG KOMPAS.com - Gubernur meninjau banjir.", "BANDUNG", "Kompas.com", "Gubernur"),
        ("KOMPAS.com - Presiden menerima tamu.", None, "Kompas.com", "Presiden"),
        ("KOMPAS.com -- Presiden menerima tamu.", None, "Kompas.com", "Presiden"),
        ("Jakarta - Presiden menerima tamu.", "Jakarta", None, "Presiden"),
        ("Washington DC - Presiden AS berbicara.", "Washington DC", None, "Presiden"),
        ("Jakarta (ANTARA) - Presiden menerima tamu.", "Jakarta", "ANTARA", "Presiden"),
        ("TEMPO.CO, Jakarta - Presiden menerima tamu.", "Jakarta", "Tempo.co", "Presiden"),
        (
            "Jakarta, CNN Indonesia -- Presiden menerima tamu.",
            "Jakarta",
            "CNN Indonesia",
            "Presiden",
        ),
        ("- Kepala kantor itu merasa tuntutan jaksa berat.", None, None, "Kepala"),
        ("Presiden menerima tamu di Istana Merdeka.", None, None, "Presiden"),
    ],
)
def test_dateline(first_line: str, city: str | None, outlet: str | None, body_start: str) -> None:
    text = first_line + "\nKeduanya membahas kerja sama ekonomi.\n"
    a = parse_layout(Article(id="t", text=text), title_line=False)
    assert a.dateline == city
    assert a.outlet == outlet
    assert a.text[a.body_spans[0][0] :].startswith(body_start)
    assert len(a.body_spans) == 2


def test_dateline_only_on_the_first_body_line() -> None:
    text = "Presiden menerima tamu.\nJakarta - kota itu macet lagi hari ini.\n"
    a = parse_layout(Article(id="t", text=text), title_line=False)
    assert a.dateline is None
    assert _span_texts(a)[1] == "Jakarta - kota itu macet lagi hari ini."


def test_outlet_and_dateline_from_metadata_are_kept() -> None:
    a = Article(
        id="t",
        text="JAKARTA, KOMPAS.com - Presiden menerima tamu.\n",
        outlet="Kompas",
        dateline="Jakarta",
    )
    parse_layout(a, title_line=False)
    assert (a.outlet, a.dateline) == ("Kompas", "Jakarta")


def test_outlet_from_url() -> None:
    a = Article(
        id="t", text="Jakarta - Presiden menerima tamu.\n", url="https://news.detik.com/x/d-1/y"
    )
    assert parse_layout(a, title_line=False).outlet == "detik.com"
    a = Article(id="t", text="Presiden menerima tamu.\n", url="http://kmp.im/AGHpu0")
    assert parse_layout(a, title_line=False).outlet == "Kompas.com"


@pytest.mark.parametrize(
    "line",
    [
        "Baca Juga: Presiden Tiba di Tokyo",
        "Baca juga: Presiden Tiba di Tokyo",
        "BACA JUGA: Presiden Tiba di Tokyo",
        "Baca juga : Presiden Tiba di Tokyo",
        'Baca juga: [Presiden Tiba di Tokyo](http://kmp.im/x){target="_self"}',
    ],
)
def test_related_lines(line: str) -> None:
    text = f"Presiden menerima tamu di Istana.\n{line}\nKeduanya membahas kerja sama.\n"
    a = parse_layout(Article(id="t", text=text), title_line=False)
    assert a.related == ["Presiden Tiba di Tokyo"]
    assert _span_texts(a) == ["Presiden menerima tamu di Istana.", "Keduanya membahas kerja sama."]


NOISE_LINES = [
    "Simak video berikut ini.",
    'Simak Video "Presiden Tiba di Tokyo"',
    "Tonton juga video: Presiden Tiba di Tokyo",
    "Lihat juga: Presiden Tiba di Tokyo",
    "Artikel ini telah tayang di Kompas.com dengan judul Presiden Tiba",
    "Artikel ini pernah tayang di DW Indonesia dengan judul: Presiden Tiba.",
    "Sebagian artikel ini telah tayang di:",
    "SCROLL TO CONTINUE WITH CONTENT",
    "SCROLL TO RESUME CONTENT",
    "ADVERTISEMENT",
    "Foto: Presiden tiba di bandara.",
    "Presiden tiba di Bandara Haneda, Tokyo. (Foto: dok. Setpres)",
    "Presiden tiba di Bandara Haneda, Tokyo. (dok. Kemlu)",
    "Penulis: Contoh Penulis",
    "Editor: Contoh Editor",
    "Reporter: Contoh Reporter",
    "(Reporter: Contoh Reporter | Editor: Contoh Editor)",
    "(Sumber: Kompas.com/Contoh Penulis)",
    "Baca selengkapnya di sini.",
    "Dapatkan update berita pilihan setiap hari. Mari bergabung di Kanal WhatsApp.",
    "Caranya klik link https://whatsapp.com/channel/0000. Anda harus install aplikasi WhatsApp.",
    "[img.2]",
    "[Gambas:Instagram]",
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
    "<LINK LIVE STREAMING>",
    "(rdp/imk)",
    "============================",
    '- Presiden Tiba di Tokyo{target="_self"} - Menlu Bertemu Dubes{target="_self"}',
    "Bagikan:",
    "Disclaimer: Artikel ini bukan ajakan untuk membeli saham.",
    "*) Tulisan ini merupakan opini pribadi penulis.",
]


@pytest.mark.parametrize("line", NOISE_LINES)
def test_noise_lines_are_not_body(line: str) -> None:
    text = f"Presiden menerima tamu di Istana.\n{line}\nKeduanya membahas kerja sama.\n"
    a = parse_layout(Article(id="t", text=text), title_line=False)
    assert _span_texts(a) == ["Presiden menerima tamu di Istana.", "Keduanya membahas kerja sama."]
    assert a.related == []


def test_inline_image_marker_is_cut_from_the_body_line() -> None:
    text = "Presiden menerima tamu.\n[img.3]Keduanya membahas kerja sama.\n"
    a = parse_layout(Article(id="t", text=text), title_line=False)
    assert _span_texts(a) == ["Presiden menerima tamu.", "Keduanya membahas kerja sama."]


def test_headings_and_title() -> None:
    text = (
        "Menlu Bertemu Dubes Jepang di Jakarta\n\n"
        "JAKARTA, KOMPAS.com - Menlu menerima Dubes Jepang.\n\n"
        "Agenda kunjungan berikutnya\n\n"
        "Kedua negara sepakat menggelar dialog.\n"
    )
    a = parse_layout(Article(id="t", text=text))
    assert a.title == "Menlu Bertemu Dubes Jepang di Jakarta"
    assert _span_texts(a) == [
        "Menlu menerima Dubes Jepang.",
        "Kedua negara sepakat menggelar dialog.",
    ]


def test_title_line_given_by_metadata() -> None:
    text = "Menlu Bertemu Dubes\nMenlu menerima Dubes Jepang di Jakarta.\n"
    a = parse_layout(Article(id="t", text=text, title="Menlu  bertemu dubes"))
    assert _span_texts(a) == ["Menlu menerima Dubes Jepang di Jakarta."]
    # line 1 is not the given title: it stays body (the JSONL case: text without headline)
    text = "Menlu menerima Dubes Jepang di Jakarta.\nKeduanya membahas kerja sama.\n"
    a = parse_layout(Article(id="t", text=text, title="Judul lain"))
    assert a.title == "Judul lain"
    assert _span_texts(a) == [
        "Menlu menerima Dubes Jepang di Jakarta.",
        "Keduanya membahas kerja sama.",
    ]


def test_header_and_credit_lines() -> None:
    text = (
        "Sumber: Reuters | Editor: Contoh Editor\n"
        "KONTAN.CO.ID - JAKARTA. Presiden menerima tamu.\n"
        "(Sumber: Kompas.com/Penulis Lain | Editor: Editor Lain)\n"
    )
    a = parse_layout(Article(id="t", text=text))
    assert (a.agency, a.editor, a.dateline) == ("Reuters", "Contoh Editor", "JAKARTA")
    assert _span_texts(a) == ["Presiden menerima tamu."]


def test_fixture_article_layout() -> None:
    a = _one(FIXTURES / "artikel-contoh.txt")
    assert a.title == "Menlu RI Terima Kunjungan Dubes Jepang di Jakarta"
    assert (a.dateline, a.outlet, a.author, a.editor) == (
        "JAKARTA",
        "Kompas.com",
        "Contoh Penulis",
        "Contoh Editor",
    )
    assert a.related == ["Indonesia dan Jepang Sepakati Kerja Sama Energi Bersih"]
    body = _span_texts(a)
    assert body[0].startswith("Menteri Luar Negeri Indonesia menerima")
    assert len(body) == 4
    assert not any("SCROLL" in s or "Foto" in s or "Agenda" in s or "Penulis" in s for s in body)


# ============================================================= bad inputs: the whole source


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as e:
        read_articles(missing)  # raised at once, before iterating
    assert str(missing) in str(e.value) and "no such file" in str(e.value)
    _one_line(e.value)


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("kosong")
    with pytest.raises(InputError, match="no .txt or .jsonl files"):
        read_articles(tmp_path)


def test_article_id_needs_a_single_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ID_TEXT)
    (tmp_path / "b.txt").write_text(ID_TEXT)
    with pytest.raises(InputError, match="single article"):
        read_articles(tmp_path, article_id="x")
    with pytest.raises(InputError, match="single article"):
        read_articles(FIXTURES / "malformed.jsonl", article_id="x")


def test_bad_date_option() -> None:
    with pytest.raises(InputError, match="cannot parse the date"):
        read_articles(SEED, date="kapan-kapan")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(ID_TEXT)
    p.chmod(0)
    try:
        with pytest.raises(InputError, match="cannot be read"):
            read_articles(p)
    finally:
        p.chmod(0o644)


def test_malformed_sources_tsv(tmp_path: Path) -> None:
    (tmp_path / "0001.txt").write_text("Judul\n\n" + ID_TEXT)
    (tmp_path / "SOURCES.tsv").write_text("nama\tdate\n0001.txt\t2025-06-05\n")
    with pytest.raises(InputError, match="no 'file' column"):
        read_articles(tmp_path)


# ============================================================= bad inputs: one record


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\n   \n", "is empty (whitespace only)"),
        ("nul.txt", b"Presiden menerima tamu.\x00\x00\x01", "looks binary"),
        ("ctrl.txt", bytes(range(1, 9)) * 40 + b"Presiden", "looks binary"),
        ("random.txt", bytes((i * 37 + 11) % 256 for i in range(4096)), "looks binary"),
        ("utf16.txt", ID_TEXT.encode("utf-16"), "UTF-16"),
        ("bom-only.txt", b"\xef\xbb\xbf", "is empty"),
    ],
)
def test_bad_text_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    err = _error(p)
    assert str(p) in str(err)
    assert message in str(err)


def test_not_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    data = ID_TEXT.replace("Jepang", "Jépang").encode("latin-1")
    p.write_bytes(data)
    err = _error(p)
    offset = data.index(b"\xe9")
    assert f"{p}: is not UTF-8: invalid byte 0xE9 at byte offset {offset}" in str(err)


@pytest.mark.parametrize("name", ["page.html", "tag-soup.txt"])
def test_html(name: str) -> None:
    err = _error(FIXTURES / name)
    assert str(err) == f"{FIXTURES / name}: looks like HTML; extract the article text first"


def test_over_max_bytes(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text(ID_TEXT * 20)
    size = p.stat().st_size
    err = _error(p, max_bytes=1000)
    assert str(p) in str(err)
    assert f"({size} bytes)" in str(err) and "over the limit of 1000 bytes" in str(err)
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024
    assert isinstance(_one(p), Article)


def test_english() -> None:
    err = _error(FIXTURES / "english.txt")
    assert str(FIXTURES / "english.txt") in str(err)
    assert "does not look like Indonesian" in str(err)


def test_metadata_language_not_indonesian(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ID_TEXT)
    (tmp_path / "a.meta.json").write_text('{"language": "en"}')
    assert "Indonesian news only" in str(_error(p))


def test_sidecar_problems(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ID_TEXT)
    meta = tmp_path / "a.meta.json"
    meta.write_text('{"date": "31/31/2025"}')
    err = _error(p)
    assert str(p) in str(err) and "cannot parse the date '31/31/2025'" in str(err)
    meta.write_text("{not json")
    err = _error(p)
    assert str(meta) in str(err) and "invalid JSON" in str(err)
    meta.write_text('["a"]')
    assert "must be a JSON object" in str(_error(p))
    meta.write_text('{"outlet": 5}')
    assert "'outlet' must be a string" in str(_error(p))


def test_sidecar_metadata(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Menlu Bertemu Dubes Jepang\n\n" + ID_TEXT)
    (tmp_path / "a.meta.json").write_text(
        json.dumps(
            {
                "id": "menlu-dubes",
                "title": "Menlu Bertemu Dubes Jepang",
                "date": "2025-06-05T10:00:00+07:00",
                "url": "https://www.kompas.com/global/read/2025/06/05/1/menlu",
                "agency": "Antara",
                "language": "id",
                "note": "extra keys are ignored",
            }
        )
    )
    a = _one(p)
    assert (a.id, a.date, a.agency, a.title) == (
        "menlu-dubes",
        date(2025, 6, 5),
        "Antara",
        "Menlu Bertemu Dubes Jepang",
    )
    assert a.outlet == "Kompas.com"  # from the URL's host
    assert _span_texts(a)[0].startswith("Menteri Luar Negeri")


def test_date_from_url_when_no_metadata_date(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ID_TEXT)
    (tmp_path / "a.meta.json").write_text(
        '{"url": "http://www.kompas.com/global/read/2025/06/02/211000870/x"}'
    )
    assert _one(p).date == date(2025, 6, 2)


# ============================================================= normalisation


def test_bom_crlf_nfc(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    decomposed = unicodedata.normalize("NFD", "Café")
    raw = (
        "\ufeffJudul Berita\r\n\r\n"
        + ID_TEXT.replace("\n", "\r\n")
        + f"Ia minum kopi di {decomposed}.\r"
    )
    p.write_bytes(raw.encode("utf-8"))
    a = _one(p)
    assert not a.text.startswith("\ufeff") and "\r" not in a.text
    assert "Café" in a.text and unicodedata.is_normalized("NFC", a.text)
    assert a.title == "Judul Berita"
    assert _span_texts(a)[-1] == "Ia minum kopi di Café."
    for s, e in a.body_spans:
        assert a.text[s:e] == a.text[s:e].strip()


def test_short_text_is_not_judged_for_language(tmp_path: Path) -> None:
    p = tmp_path / "short.txt"
    p.write_text("Presiden tiba di Tokyo.\n")
    a = _one(p)
    assert isinstance(a, Article) and a.title is None


def test_a_single_line_is_body_not_title() -> None:
    a = parse_layout(Article(id="t", text="Putin menelepon Biden pada Kamis"))
    assert a.title is None and a.body_spans == [(0, 32)]


# ============================================================= JSONL


def test_malformed_jsonl() -> None:
    path = FIXTURES / "malformed.jsonl"
    items = _all(path)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [a.id for a in articles] == ["ok-1", "ok-2"]
    for i in items:
        if isinstance(i, InputError):
            _one_line(i)
    assert errors == [
        f"{path}:2: invalid JSON (Expecting ',' delimiter at column 51)",
        f"{path}:3: must be a JSON object, got an array",
        f"{path}:4: missing 'text'",
        f"{path}:5: 'text' is empty",
        f"{path}:6: 'text' must be a string, got a number",
        f"{path}:7: cannot parse the date '31-31-2025'; use YYYY-MM-DD",
        f"{path}:8: 'title' must be a string, got an array",
    ]
    ok1, ok2 = articles
    assert (ok1.date, ok1.outlet, ok1.dateline, ok1.title) == (
        date(2025, 6, 5),
        "detik.com",
        "Jakarta",
        "Menlu Bertemu Dubes",
    )
    assert ok1.text[ok1.body_spans[0][0] :].startswith("Menteri Luar Negeri")
    assert (ok2.date, ok2.url, ok2.source_path) == (date(2025, 6, 4), None, str(path))


def test_jsonl_per_line_checks(tmp_path: Path) -> None:
    p = tmp_path / "mix.jsonl"
    good = json.dumps({"id": "g", "text": ID_TEXT, "date": "2025-06-05"}).encode()
    english = json.dumps({"id": "e", "text": (FIXTURES / "english.txt").read_text()}).encode()
    html = json.dumps({"id": "h", "text": (FIXTURES / "page.html").read_text()}).encode()
    big = json.dumps({"id": "b", "text": ID_TEXT * 50}).encode()
    latin = b'{"id": "l", "text": "Caf\xe9"}'
    nul = json.dumps({"id": "n", "text": "Presiden\u0000\u0001\u0002\u0003 tiba"}).encode()
    no_id = json.dumps({"text": ID_TEXT}).encode()
    p.write_bytes(b"\n".join([good, english, html, big, latin, nul, no_id, good]) + b"\n")
    items = _all(p, max_bytes=5000)
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "Article",
        "InputError",
        "InputError",
        "InputError",
        "InputError",
        "InputError",
        "Article",
        "Article",
    ]
    msgs = [str(i) for i in items]
    assert msgs[1].startswith(f"{p}:2: does not look like Indonesian")
    assert msgs[2] == f"{p}:3: looks like HTML; extract the article text first"
    assert (
        msgs[3].startswith(f"{p}:4: record is ")
        and "over the limit of 4.9 KB (5000 bytes)" in msgs[3]
    )
    offset = latin.index(b"\xe9")
    assert msgs[4] == f"{p}:5: is not UTF-8: invalid byte 0xE9 at byte offset {offset} of the line"
    assert msgs[5].startswith(f"{p}:6: looks binary")
    assert items[6].id == "mix-7"  # no id: file stem and line number


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """Records come one at a time: the first arrives before a broken tail is read."""
    p = tmp_path / "stream.jsonl"
    with open(p, "wb") as fh:
        fh.writelines(
            json.dumps({"id": f"r{i}", "text": ID_TEXT}).encode() + b"\n" for i in range(3)
        )
        fh.write(b"x" * 200_000)  # one oversized, broken last line without a newline
    it = read_articles(p, max_bytes=100_000)
    assert next(it).id == "r0"
    rest = list(it)
    assert [getattr(r, "id", None) for r in rest[:2]] == ["r1", "r2"]
    assert str(rest[2]).startswith(f"{p}:4: record is 195.3 KB (200000 bytes), over the limit")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty (no JSONL records)"),
        (b"\n  \n\n", "is empty (no JSONL records)"),
        (b"\x00\x01\x02binary\x00" * 10, "looks binary"),
    ],
)
def test_jsonl_whole_file_problems(tmp_path: Path, data: bytes, message: str) -> None:
    p = tmp_path / "x.jsonl"
    p.write_bytes(data)
    err = _error(p)
    assert str(err).startswith(f"{p}: ") and message in str(err)


def test_jsonl_bom_and_crlf(tmp_path: Path) -> None:
    p = tmp_path / "bom.jsonl"
    line = json.dumps({"id": "a", "text": "Presiden tiba.\r\nIa disambut."}).encode()
    p.write_bytes(b"\xef\xbb\xbf" + line + b"\r\n" + line.replace(b'"a"', b'"b"') + b"\r\n")
    a, b = _all(p)
    assert (a.id, b.id) == ("a", "b")
    assert a.text == "Presiden tiba.\nIa disambut."


# ============================================================= folders


def test_folder_with_sources_tsv(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "0002.txt").write_text("Menlu Bertemu Dubes Jepang\n\nJAKARTA, KOMPAS.com - " + ID_TEXT)
    (root / "0001.txt").write_text("Judul Kedua Berita\n\n" + ID_TEXT)
    (root / "sub" / "b.jsonl").write_text(
        json.dumps({"id": "j1", "text": ID_TEXT, "date": "2025-06-01"}) + "\n"
    )
    (root / "sub" / "a.txt").write_text(ID_TEXT)
    (root / "sub" / "a.meta.json").write_text('{"date": "2025-06-03"}')
    (root / ".hidden" / "x.txt").write_text(ID_TEXT)
    (root / "SOURCES.tsv").write_text(
        "file\toutlet\tdate\toriginal_id_or_url\tnotes\n"
        "0001.txt\tKompas.com\t2025-06-05\thttp://kmp.im/AGHpu0\t"
        "markdown stripped; author=Contoh Penulis; date_src=url\n"
        "0002.txt\tKompas.com\t2025-06-04\thttp://www.kompas.com/global/read/2025/06/04/1/x\t\n"
    )
    items = _all(root)
    assert all(isinstance(i, Article) for i in items), items
    assert [a.id for a in items] == ["0001", "0002", "a", "j1"]
    first, second, plain, record = items
    assert (first.title, first.date, first.url, first.author) == (
        "Judul Kedua Berita",
        date(2025, 6, 5),
        "http://kmp.im/AGHpu0",
        "Contoh Penulis",
    )
    assert (second.title, second.dateline, second.date) == (
        "Menlu Bertemu Dubes Jepang",
        "JAKARTA",
        date(2025, 6, 4),
    )
    assert first.text[first.body_spans[0][0] :].startswith("Menteri Luar Negeri")
    assert (plain.date, plain.title) == (date(2025, 6, 3), None)
    assert record.date == date(2025, 6, 1)


def test_folder_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ID_TEXT)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "d.txt").write_text(ID_TEXT)
    items = _all(tmp_path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article"]
    assert str(tmp_path / "b.txt") in str(items[1]) and str(tmp_path / "c.txt") in str(items[2])


def test_fixture_folder_reads_without_raising() -> None:
    items = _all(FIXTURES)
    assert any(isinstance(i, Article) for i in items)
    assert all(isinstance(i, (Article, InputError)) for i in items)


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text(ID_TEXT)
    assert _one(md).id == "a"
    js = tmp_path / "b.data"
    js.write_text(json.dumps({"id": "x", "text": ID_TEXT}) + "\n")
    assert _one(js).id == "x"


# ============================================================= stdin


class _Stdin(io.TextIOWrapper):
    pass


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\n\n" + SEED.read_bytes())
    a = _one("-", date="2021-12-31")
    assert a.id.startswith("stdin-") and a.source_path is None
    assert (a.agency, a.dateline, a.date) == ("Bloomberg", "MOSKOW", date(2021, 12, 31))
    _stdin(monkeypatch, ID_TEXT.encode())
    assert _one("-", article_id="mine").id == "mine"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"s{i}", "text": ID_TEXT}) for i in range(3)]
    _stdin(monkeypatch, ("\n" + "\n".join(lines[:2]) + "\n{broken\n" + lines[2] + "\n").encode())
    items = _all("-")
    assert [getattr(i, "id", None) for i in items] == ["s0", "s1", None, "s2"]
    assert str(items[2]).startswith("<stdin>:4: invalid JSON")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "<stdin>: is empty"),
        (b"   \n\n", "<stdin>: is empty (whitespace only)"),
        (b"\x00\x01\x02", "<stdin>: looks binary"),
        (b"<html><body><p>Presiden</p></body></html>", "<stdin>: looks like HTML"),
        (
            "Presiden tiba di Jépang.".encode("latin-1"),
            "<stdin>: is not UTF-8: invalid byte 0xE9 at byte offset 18",
        ),
    ],
)
def test_stdin_bad(monkeypatch: pytest.MonkeyPatch, data: bytes, message: str) -> None:
    _stdin(monkeypatch, data)
    assert str(_error("-")).startswith(message)


def test_stdin_over_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ID_TEXT.encode() * 10
    _stdin(monkeypatch, data)
    err = str(_error("-", max_bytes=100))
    assert err.startswith("<stdin>: is ") and f"({len(data)} bytes)" in err
    assert "over the limit of 100 bytes" in err


# ============================================================= checks as functions


def test_check_functions() -> None:
    assert check_text(ID_TEXT) is None
    assert check_text("") == "is empty"
    assert not looks_like_html("Ia menulis <https://contoh.id> dan <LINK LIVE STREAMING>.")
    assert looks_like_html("<!DOCTYPE html><p>x</p>")
    en = language_score((FIXTURES / "english.txt").read_text())
    assert en.verdict() is False and en.id_share < 0.01
    idn = language_score(ID_TEXT)
    assert idn.verdict() is True and idn.id_ratio == 1.0
    assert language_score("Presiden tiba.").verdict() is None
    # "AS" (Amerika Serikat) is not the English "as"
    assert language_score("Dolar AS melemah terhadap rupiah. " * 10).en_share == 0.0


# ============================================================= the real corpus

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="shared/corpus is not beside the repository"
)


@pytest.mark.corpus
@needs_corpus
def test_diplomacy_dev_corpus() -> None:
    import csv

    with open(DEV / "SOURCES.tsv", encoding="utf-8", newline="") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
    items = _all(DEV)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors == []
    assert len(items) == len(rows) == 43
    for a in items:
        row = rows[a.id + ".txt"]
        assert a.date == date.fromisoformat(row["date"])
        assert a.outlet == row["outlet"]
        first_line = a.text.split("\n", 1)[0].strip()
        assert a.title == first_line and a.title
        assert a.body_spans and a.body_spans[0][0] > len(first_line)
        assert not any("KOMPAS.com -" in a.text[s:e][:40] for s, e in a.body_spans)


@pytest.mark.corpus
@needs_corpus
def test_bulk_first_300_lines_streamed(capsys: pytest.CaptureFixture[str]) -> None:
    items = list(itertools.islice(read_articles(BULK), 300))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if isinstance(i, Article)]
    reasons = collections.Counter(str(e).split(": ", 1)[1].split(" (")[0] for e in errors)
    with capsys.disabled():
        print(
            f"\nbulk.jsonl first 300: {len(articles)} articles, "
            f"{len(errors)} flagged {dict(reasons)}"
        )
    assert len(items) == 300
    assert errors == []
    assert all(a.date and a.title and a.outlet and a.body_spans for a in articles)


@pytest.mark.corpus
@pytest.mark.slow
@needs_corpus
def test_whole_corpus_passes_as_indonesian() -> None:
    """The language thresholds accept every corpus record (see kg/data/layout.toml)."""
    bad = []
    with open(BULK, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if language_score(json.loads(line)["text"]).verdict() is False:
                bad.append(n)
    for p in sorted(DEV.glob("*.txt")):
        if language_score(p.read_text(encoding="utf-8")).verdict() is False:
            bad.append(p.name)
    assert bad == []
