"""The package gazetteer: build script, data files, lookups and positions at a date."""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer, Holding, fold, normalize, slug
from kg.resources import data_file

REPO = Path(__file__).resolve().parent.parent
RAW = REPO.parent / "shared" / "wikidata"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _load_build_script():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", REPO / "scripts" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- build


@pytest.mark.skipif(not (RAW / "gazetteer.tsv").is_file(), reason="needs ../shared/wikidata")
def test_build_is_deterministic_and_matches_committed_files(tmp_path):
    build = _load_build_script()
    assert build.main([str(RAW), "--out", str(tmp_path), "--strict"]) == 0
    for name in ("gazetteer.tsv", "positions.tsv", "cities.tsv"):
        assert (tmp_path / name).read_bytes() == data_file(name).read_bytes(), (
            f"kg/data/{name} is stale: run scripts/build_gazetteer.py"
        )


def test_organisation_acronyms_are_the_ones_news_uses_alone(gaz):
    """Of the raw gazetteer's organisation acronyms, only those of kg/data/acronyms.txt (and
    the curated ones) are aliases: "SDA", "PKK", "NIB", "CCTV" mean other things in Indonesian."""
    for acronym in ("SDA", "PKK", "NIB", "CCTV", "KTM", "ETF"):
        assert not gaz.lookup(acronym), acronym
    for acronym, key in (("PBB", "united-nations"), ("NATO", "nato"), ("OKI", "organisation-of-islamic-cooperation"),
                         ("IMF", "imf")):
        assert [e.key for e, _ in gaz.lookup(acronym)] == [key], acronym
    # multi-word forms in capitals are no acronyms of one word: "DK PBB" stays
    assert [e.key for e, _ in gaz.lookup("DK PBB")] == ["un-security-council"]


@pytest.mark.parametrize("name", ["gazetteer.tsv", "positions.tsv", "cities.tsv"])
def test_data_files_stay_small(name):
    assert data_file(name).stat().st_size < 1_000_000


def test_keys_are_unique_and_kinds_known(gaz):
    keys = [e.key for e in gaz]
    assert len(keys) == len(set(keys))
    assert {e.kind for e in gaz} <= {"country", "city", "organization", "location", "person"}


def test_positions_refer_to_known_entries(gaz):
    for h in gaz._holdings:
        assert gaz.entry(h.person) is not None, h
        assert h.of is None or gaz.entry(h.of) is not None, h


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Joe Biden", "joe-biden"),
        ("People's Republic of China", "peoples-republic-of-china"),
        ("NATO–Russia Council", "nato-russia-council"),
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("  Vladimir   Putin ", "vladimir-putin"),
    ],
)
def test_slug(label, expected):
    assert slug(label) == expected
    assert Gazetteer.slug(label) == expected


def test_normalize_and_fold():
    assert normalize("Dewan NATO - Rusia") == "Dewan NATO-Rusia"
    assert normalize("Dewan  NATO–Rusia") == "Dewan NATO-Rusia"
    assert fold("Erdoğan") == fold("ERDOGAN") == "erdogan"


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    "surface, qid_or_key, kind",
    [
        ("AS", "Q30", "country"),
        ("Amerika Serikat", "Q30", "country"),
        ("China", "Q148", "country"),
        ("Tiongkok", "Q148", "country"),
        ("RRT", "Q148", "country"),
        ("Rusia", "Q159", "country"),
        ("Ukraina", "Q212", "country"),
        ("Perancis", "Q142", "country"),
        ("Inggris", "Q145", "country"),  # before England (location)
        ("Moskow", "Q649", "city"),
        ("Moskwa", "Q649", "city"),
        ("Jenewa", "Q71", "city"),
        ("Brussel", "Q239", "city"),
        ("Wina", "Q1741", "city"),
        ("PBB", "Q1065", "organization"),
        ("UE", "Q458", "organization"),
        ("Uni Eropa", "Q458", "organization"),
        ("NATO", "Q7184", "organization"),
        ("Nato", "Q7184", "organization"),
        ("OSCE", "Q81299", "organization"),
        ("Organisasi untuk Keamanan dan Kerjasama di Eropa", "Q81299", "organization"),
        ("Gedung Putih", "Q35525", "organization"),
        ("Kremlin", "Q133274", "organization"),
        ("Eropa", "Q46", "location"),
        ("Barat", "Q160381", "location"),
        ("Dewan Rusia-NATO", "nato-russia-council", "organization"),
        ("Dewan NATO-Rusia", "nato-russia-council", "organization"),
        ("Biden", "Q6279", "person"),
        ("Putin", "Q7747", "person"),
        ("Psaki", "Q12066523", "person"),
        ("Ushakov", "Q4479563", "person"),
        ("Sergei Lavrov", "Q58217", "person"),
        ("Erdogan", "Q39259", "person"),
        ("Kim Jong Un", "Q56226", "person"),
    ],
)
def test_candidates_first(gaz, surface, qid_or_key, kind):
    first = gaz.candidates(surface)[0]
    assert first.id == qid_or_key
    assert first.kind == kind


@pytest.mark.parametrize("surface", ["as", "dan", "yang", "Presiden", "negara", "Media", "Mobil"])
def test_common_words_are_not_names(gaz, surface):
    assert gaz.candidates(surface) == []


def test_entry_and_keys(gaz):
    assert gaz.entry("Q30").key == "united-states"
    assert gaz.entry("united-states").qid == "Q30"
    council = gaz.entry("nato-russia-council")
    assert council.qid is None and council.kind == "organization"
    assert gaz.entry("Q133274").key == "kremlin"
    assert gaz.entry("Q999999999") is None


def test_known_noise_is_fixed(gaz):
    orban = gaz.entry("Q57641")
    assert "Ursula von der Leyen" not in orban.names()
    assert all("European Commission" not in h.position_en for h in gaz.holdings("Q57641"))
    vdl = gaz.candidates("Ursula von der Leyen")[0]
    assert vdl.qid == "Q60772"  # not in the raw files; curated.tsv gives it
    assert any(
        h.position_en == "President of the European Commission" for h in gaz.holdings(vdl.id)
    )


def test_surnames_that_name_someone_else_in_indonesian_news_are_refused(gaz):
    """curated.tsv's unalias rows hold for the surnames the build adds itself: "Momen" is
    the word "moment", "Prasetyo" Prasetyo Hadi, "Saud" the royal house."""
    for word in ("Momen", "Prasetyo", "Kadir", "Saud", "Apple Inc."):
        assert not [e for e in gaz.candidates(word) if e.kind == "person"], word
    assert gaz.candidates("Abulkalam Abdul Momen")[0].qid == "Q26923392"
    assert [e.qid for e in gaz.candidates("Putin") if e.kind == "person"] == ["Q7747"]


# --------------------------------------------------------------------------- positions


@pytest.mark.parametrize(
    "title, of, on, expected",
    [
        ("Presiden", "Q30", date(2021, 12, 31), "Q6279"),  # Biden
        ("Presiden", "Q30", date(2025, 6, 7), "Q22686"),  # Trump
        ("Presiden", "Q30", date(2021, 1, 19), "Q22686"),
        ("Presiden", "Q30", date(2021, 1, 20), "Q6279"),
        ("presiden", "Q30", date(2021, 12, 31), "Q6279"),
        ("president", "Q30", date(2021, 12, 31), "Q6279"),  # a role key works too
        ("Presiden", "Q159", date(2021, 12, 31), "Q7747"),
        ("Presiden", "Q142", date(2025, 5, 30), "Q3052772"),
        ("PM", "Q334", date(2025, 5, 30), "Q6504758"),
        ("Perdana Menteri", "Q334", date(2021, 12, 31), "Q57643"),
        ("Menlu", "Q159", date(2021, 12, 31), "Q58217"),
        ("Menteri Luar Negeri", "Q30", date(2021, 12, 31), "Q7821917"),
        ("Sekretaris Pers", "Q35525", date(2021, 12, 31), "Q12066523"),
        ("Sekretaris Pers", "Q35525", date(2022, 6, 1), "Q28957228"),
        ("pembantu kebijakan luar negeri", "Q133274", date(2021, 12, 31), "Q4479563"),
        ("Presiden", "Q252", date(2025, 6, 1), "Q2107268"),
        ("Presiden", "Q252", date(2021, 6, 1), "Q3318231"),
    ],
)
def test_holder_of(gaz, title, of, on, expected):
    holder = gaz.holder_of(title, of, on)
    assert holder is not None and holder.qid == expected


@pytest.mark.parametrize(
    "title, of, on",
    [
        ("Presiden", "Q30", date(1950, 1, 1)),  # before the data
        ("Perdana Menteri", "Q27", date(2025, 6, 1)),  # Ireland: data stops in 2022
        ("Presiden", "Q212", date(2026, 6, 1)),  # Ukraine: confirmed only to 2025-11-30
        ("Juru Bicara", "Q133274", date(2021, 12, 31)),  # no holder data
        ("Kepala Suku", "Q30", date(2021, 12, 31)),  # not a title
    ],
)
def test_holder_of_missing_data_is_none(gaz, title, of, on):
    assert gaz.holder_of(title, of, on) is None


def test_holders_by_position_qid(gaz):
    assert gaz.holders("Q11696", date(2021, 12, 31)) == ["Q6279"]
    assert gaz.holders("Q11696", date(2025, 6, 7)) == ["Q22686"]
    assert gaz.holders("Q218295", date(2021, 12, 31)) == ["Q7747"]
    assert gaz.holders("Q0", date(2021, 12, 31)) == []


@pytest.mark.parametrize(
    "h, on, held",
    [
        (Holding("x", "P", None, None, "2021", "", "", "2022-10-09"), date(2021, 6, 1), False),
        (Holding("x", "P", None, None, "2021", "", "", "2022-10-09"), date(2021, 12, 31), True),
        (Holding("x", "P", None, None, "2021", "", "", "2022-10-09"), date(2023, 1, 1), False),
        (Holding("x", "P", None, None, "2019", "2022", "", ""), date(2021, 12, 31), True),
        (Holding("x", "P", None, None, "2019", "2022", "", ""), date(2022, 6, 1), False),
        (
            Holding("x", "P", None, None, "2021-01-20", "2025-01-20", "", ""),
            date(2025, 1, 20),
            False,
        ),
    ],
)
def test_held_on_is_conservative(h, on, held):
    assert h.held_on(on) is held


@pytest.mark.parametrize(
    "role, of, label, qid",
    [
        ("president", "Q30", "President of the United States", "Q11696"),
        ("president", "Q159", "President of Russia", "Q218295"),
        ("prime-minister", "Q334", "Prime Minister of Singapore", "Q866756"),
        ("press-secretary", "Q35525", "White House Press Secretary", None),
        ("foreign-policy-aide", "Q133274", "Foreign-Policy Aide of the Kremlin", None),
        ("spokesperson", "Q133274", "Spokesperson of the Kremlin", None),
        ("foreign-minister", "Q159", "Minister of Foreign Affairs of Russia", "Q1418873"),
        ("president", None, "President", None),
    ],
)
def test_position_label(gaz, role, of, label, qid):
    assert gaz.position_label(role, of) == (label, qid)


def test_titles_table(gaz):
    assert gaz.title("Menlu").role == "foreign-minister"
    assert gaz.title("perdana menteri").role == "prime-minister"
    assert gaz.title("Dubes").resolvable is False
    assert gaz.title("Presiden").default_of == "Q252"


# --------------------------------------------------------------------------- user files

USER_TSV = (
    "qid\tkind\tlabel_en\tlabel_id\taliases\n"
    "\torganization\tFictional Peace Board\tDewan Perdamaian Fiksi\tBoP\n"
    "Q30\tcountry\t\t\tNegeri Paman Sam\n"
)


def test_user_gazetteer_file_adds_and_merges(tmp_path):
    path = tmp_path / "extra.tsv"
    path.write_text(USER_TSV, encoding="utf-8")
    g = Gazetteer.default([path])
    assert g is Gazetteer.default([path])  # cached
    board = g.candidates("Dewan Perdamaian Fiksi")[0]
    assert board.qid is None and board.key == "fictional-peace-board"
    assert g.candidates("BoP")[0].key == "fictional-peace-board"
    us = g.candidates("Negeri Paman Sam")[0]
    assert us.qid == "Q30" and us.label == "United States" and "AS" in us.aliases


def test_user_gazetteer_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "env.tsv"
    path.write_text(USER_TSV, encoding="utf-8")
    monkeypatch.setenv("KG_GAZETTEER", str(path) + os.pathsep)
    g = Gazetteer.default()
    assert g.candidates("Dewan Perdamaian Fiksi")[0].key == "fictional-peace-board"
    monkeypatch.delenv("KG_GAZETTEER")
    assert Gazetteer.default().candidates("Dewan Perdamaian Fiksi") == []


def test_user_rows_merge_by_key_and_never_reuse_a_key(tmp_path):
    path = tmp_path / "keys.tsv"
    path.write_text(
        "qid\tkind\tkey\tlabel_en\tlabel_id\taliases\n"
        "\torganization\tnato-russia-council\t\t\tNRC\n"  # merges into the curated row
        "Q900000009\tperson\t\tRussia\t\t\n",  # a person labelled like a country
        encoding="utf-8",
    )
    g = Gazetteer.default([path])
    assert g.candidates("NRC")[0].key == "nato-russia-council"
    keys = [e.key for e in g]
    assert len(keys) == len(set(keys))
    assert g.entry("Q900000009").key == "russia-q900000009"


def test_user_row_with_a_qid_links_an_item_without_one(tmp_path):
    path = tmp_path / "qid.tsv"
    path.write_text(
        "qid\tkind\tlabel_en\tlabel_id\taliases\n"
        "Q1129212\torganization\tNATO-Russia Council\t\tNRC\n"  # slug = the curated key
        "Q900000010\tperson\tKontan\t\t\n",  # same slug, another kind: a new item
        encoding="utf-8",
    )
    g = Gazetteer.default([path])
    council = g.entry("nato-russia-council")
    assert council.qid == "Q1129212" and g.entry("Q1129212") is council
    assert [e.id for e in g.candidates("Dewan NATO-Rusia")] == ["Q1129212"]  # no rival
    assert g.candidates("NRC")[0] is council
    assert g.entry("kontan").qid is None
    assert g.entry("Q900000010").kind == "person"


def test_cities_table_places_cities_in_countries_and_regions():
    from kg.entities import cities

    table = cities()
    assert table["Q23556"] == ("Q30", "Georgia")  # Atlanta
    assert table["Q25475"][0] == "Q230"  # Batumi, in the country Georgia
    assert table["Q239"][0] == "Q31"  # Brussels, Belgium
    assert len(table) > 1000


def test_every_facility_stands_for_a_city_of_the_gazetteer():
    from kg.extract import _facilities
    from kg.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    facilities = _facilities()
    assert len(facilities) >= 20
    for name, qid in facilities:
        entry = gaz.entry(qid)
        assert entry is not None and entry.kind == "city", (name, qid)


@pytest.mark.parametrize(
    "title, of, on, key",
    [
        ("Perdana Menteri", "Q17", date(2025, 1, 1), "shigeru-ishiba"),  # curated: 2024-10..2025-10
        ("Perdana Menteri", "Q17", date(2025, 11, 1), "sanae-takaichi"),
        ("Menhan", "Q252", date(2025, 5, 27), "sjafrie-sjamsoeddin"),
        ("Menhan", "Q252", date(2021, 5, 27), "prabowo-subianto"),
        ("Menteri Luar Negeri", "Q145", date(2025, 6, 1), "david-lammy"),
        ("Menteri Luar Negeri", "Q145", date(2025, 10, 1), "yvette-cooper"),
        ("Presiden", "Q212", date(2025, 6, 1), "volodymyr-zelenskyy"),  # confirmed still held
    ],
)
def test_holder_of_curated_2024_2025_offices(gaz, title, of, on, key):
    holder = gaz.holder_of(title, of, on)
    assert holder is not None and holder.key == key
