"""The mention layer on real spaCy (blank Indonesian + sentencizer + lookup lemmatizer) and
the real gazetteer files. Sentences are short fixtures from the seed article and from the
diplomacy-dev corpus (../shared/corpus)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

from kg.entities import SPANS_KEY, Mention, _first_word, annotate, find_mentions, make_nlp
from kg.gazetteer import Gazetteer

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "kontan-2021-12-31-biden-putin.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "diplomacy-dev"
SEED_DATE = date(2021, 12, 31)


@pytest.fixture(scope="session")
def nlp():
    return make_nlp()


def mentions(nlp, text: str, on: date | None = SEED_DATE) -> list[Mention]:
    return annotate(nlp, text, on)._.kg_mentions


def ids(ms: list[Mention]) -> list[tuple[str, str]]:
    """(text, QID or key) in text order."""
    return [(m.text, m.qid or m.key) for m in ms]


def by_text(ms: list[Mention], text: str) -> Mention:
    found = [m for m in ms if m.text == text]
    assert found, f"no mention {text!r} in {ids(ms)}"
    return found[0]


# --------------------------------------------------------------------------- pipeline


def test_pipeline_components(nlp):
    assert nlp.pipe_names == ["sentencizer", "lemmatizer", "kg_entities"]
    doc = nlp("Kedua pemimpin melakukan pertemuan di Jenewa.")
    assert doc[3].lemma_ == "temu"  # spacy-lookups-data lookup table
    assert len(list(doc.sents)) == 1
    span = doc.spans[SPANS_KEY][0]
    assert (span.text, span.label_, span.kb_id_, span.id_) == ("Jenewa", "city", "Q71", "geneva")


def test_array_sentencizer_and_lemmatizer_agree_with_spacys(nlp):
    """kg.pipes runs spaCy's rules on arrays: the same sentences and lemmas as spaCy's own
    components, on the seed article and on text with quotes, ellipses and bare punctuation."""
    import spacy

    ref = spacy.blank("id")
    ref.add_pipe("sentencizer")
    ref.add_pipe("lemmatizer", config={"mode": "lookup"})
    ref.initialize()
    texts = [SEED.read_text(encoding="utf-8"),
             'Ia berkata: "Kami menolak!" ... Lalu?! Pertemuan (di Jenewa). Selesai',
             "...", "?", "Tanpa titik akhir", ""]
    for text in texts:
        ours = annotate(nlp, text, SEED_DATE)
        theirs = ref(text)
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs], text[:40]
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs], text[:40]
    assert any(t.lemma_ != t.text for t in annotate(nlp, texts[0], SEED_DATE))


def test_given_names_between_a_title_and_a_known_name_are_that_persons(nlp):
    """'Mendagri Muhammad Tito Karnavian', 'Senator Demokrat Tim Kaine', 'Ayatollah Ali
    Khamenei': the words before the known name are his, not a second person."""
    for text, key in [("Menteri Dalam Negeri (Mendagri) Muhammad Tito Karnavian mengimbau pemerintah daerah.",
                       "tito-karnavian"),
                      ("Pemimpin Tertinggi Iran Ayatollah Ali Khamenei berpidato.", "ali-khamenei")]:
        persons = [m for m in find_mentions(annotate(nlp, text, date(2025, 10, 20)), date(2025, 10, 20))
                   if m.kind == "person"]
        assert [m.key for m in persons] == [key], text


def test_a_known_name_joined_to_another_by_a_hyphen_stays_itself(nlp):
    """'Perseteruan Trump-Musk': Trump and someone else, not one person 'Trump-Musk' (a known
    one-word name is extended by the capitalised words after it, but not across a hyphen)."""
    on = date(2025, 7, 7)
    doc = annotate(nlp, "Perseteruan Trump-Musk kembali memanas saat Trump mendorong Partai Republik.", on)
    assert [m.key for m in find_mentions(doc, on) if m.kind == "person"] == ["donald-trump", "donald-trump"]


def test_an_acronym_the_article_spells_out_as_something_else_is_not_the_gazetteers(nlp):
    """'Kejari Ogan Komering Ilir (OKI)' makes every OKI of the article the regency, not the
    OIC; the OIC's own name before it, or a translation ('Federasi Sepak Bola Dunia (FIFA)'),
    keeps the gazetteer's meaning."""
    on = date(2025, 7, 7)

    def keys(text):
        return [m.key for m in find_mentions(annotate(nlp, text, on), on) if m.kind == "organization"]

    assert keys("Jaksa Kejari Ogan Komering Ilir (OKI) membacakan dakwaan. BA mendatangi Kodim 0402/OKI.") == []
    assert keys("Organisasi Kerja Sama Islam (OKI) menggelar KTT darurat. OKI mengecam Israel.") == [
        "organisation-of-islamic-cooperation"] * 3
    assert keys("Federasi Sepak Bola Dunia (FIFA) menolak banding FAM.") == ["fifa"]


def test_an_acronym_unknown_on_its_own_names_an_organisation_only_where_the_article_defines_it(nlp):
    """'SDA' (sumber daya air) is no Bosnian party and 'PKK' no Kurdish one: the gazetteer keeps
    only the acronyms Indonesian news uses alone. 'FDA' after 'Food and Drug Administration' is
    that agency in the whole article; after a name whose initials it does not spell ('Amerika
    Serikat (FDA)') it is nothing."""
    on = date(2025, 7, 7)

    def orgs(text):
        return [(m.text, m.key) for m in find_mentions(annotate(nlp, text, on), on) if m.kind == "organization"]

    assert orgs("Kepala Dinas SDA Jakarta menemui ibu-ibu PKK.") == []
    fda = "food-and-drug-administration"
    assert orgs("Produk itu memenuhi ketentuan Food and Drug Administration (FDA) AS. FDA menolak banding.") == [
        ("Food and Drug Administration", fda), ("FDA", fda), ("FDA", fda)]
    assert orgs("Badan Pengawas Obat dan Makanan Amerika Serikat (FDA) menolak. FDA menyita produk itu.") == []
    assert orgs("PBB dan NATO mengecam serangan itu.") == [("PBB", "united-nations"), ("NATO", "nato")]


def test_a_known_alias_stays_its_person_when_another_name_ends_with_it(nlp):
    """'Prabowo' after 'Presiden RI Prabowo Subianto' and 'Kapolri Jenderal Listyo Sigit
    Prabowo' is the president: the gazetteer knows it as his, and he is named in full here."""
    on = date(2025, 10, 25)
    doc = annotate(nlp, "Presiden RI Prabowo Subianto memberikan arahan kepada Kapolri Jenderal Listyo Sigit "
                   "Prabowo. Prabowo akan mengunjungi Korea Selatan.", on)
    persons = [m.key for m in find_mentions(doc, on) if m.kind == "person"]
    assert persons == ["prabowo-subianto", "listyo-sigit-prabowo", "prabowo-subianto"]


def test_a_country_in_a_currency_is_no_actor(nlp):
    on = date(2025, 11, 4)
    doc = annotate(nlp, "Kepolisian Singapura menyita aset senilai 115 juta dollar AS milik Chen Zhi.", on)
    assert [m.key for m in find_mentions(doc, on) if m.kind == "country"] == ["singapore"]
    doc = annotate(nlp, "Ia berjanji mendorong rupiah menguat terhadap dolar Amerika Serikat (AS).", on)
    assert [m.key for m in find_mentions(doc, on) if m.kind == "country"] == []


def test_a_remembered_lemma_outlives_a_memory_zone():
    """Past kg.extract.VOCAB_LIMIT each article runs in a spaCy memory zone, which frees the
    strings made in it; a lemma the lemmatizer remembers serves later articles, so its string
    must stay (else spaCy raises E018 on the second sentence)."""
    import spacy

    import kg.pipes  # noqa: F401  (registers kg's tokenizer and lemmatizer)

    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "kg.indonesian_tokenizer.v1"}}})
    nlp.add_pipe("kg_lemmatizer", name="lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    for text in ("Mereka mempersenjatai diri.", "Kami mempersenjatai diri."):
        with nlp.memory_zone():
            assert [t.lemma_ for t in nlp(text)][1] == "senjata"
    assert "mempersenjatai" not in nlp.vocab.strings  # the zones did free their words
    assert "senjata" in nlp.vocab.strings


TOKENIZER_CASES = [
    "Kebutuhan sehari-hari.Menurut teori ekonomi",  # split by the infixes, merged again
    "secara tahunan (year-on-year/YoY) naik",  # three pieces, then a slash
    "Mereka anak - anak dan anak -anak",  # spaced: spaCy leaves it split
    "x/anak - anak/y (anak-anak) ANAK-ANAK Anak-anak, Mobil-mobil!",
    "work-life-balance, Jan. 2025, °C., :) oleh-oleh-oleh",
    "https://example.com/anak-anak dan e-mail",
]


def _tokens(doc):
    return [(t.idx, t.text, t.whitespace_, t.norm_) for t in doc]


def test_tokenizer_gives_spacys_tokens(nlp):
    """kg's tokenizer keeps spaCy's hyphenated exceptions in a set: spaCy's tokens, norms and
    offsets, where spaCy keeps a word whole and where it merges the pieces again."""
    import spacy

    from kg.pipes import HyphenSetTokenizer

    assert isinstance(nlp.tokenizer, HyphenSetTokenizer)
    ref = spacy.blank("id").tokenizer
    for text in [SEED.read_text(encoding="utf-8"), *TOKENIZER_CASES]:
        assert _tokens(nlp.tokenizer(text)) == _tokens(ref(text)), text[:40]
    merged = nlp.tokenizer(TOKENIZER_CASES[0])
    assert "sehari-hari" in [t.text for t in merged]


def test_tokenizer_pickles(nlp):
    """A pickled pipeline (a notebook's, a cluster's) keeps the tokenizer and its exceptions."""
    import pickle

    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert type(copy) is type(nlp.tokenizer) and copy.hyphenated == nlp.tokenizer.hyphenated
    for text in TOKENIZER_CASES:
        assert [t.text for t in copy(text)] == [t.text for t in nlp.tokenizer(text)], text


def test_tokenizer_looks_far_enough_for_every_exception(nlp):
    """Merging looks a fixed number of tokens around a hyphen: no exception is longer."""
    tokenizer = nlp.tokenizer
    assert len(tokenizer.hyphenated) > 15_000
    longest = max(len(tokenizer._tokens_of(w)) for w in tokenizer.hyphenated)
    assert 3 <= longest <= tokenizer._longest


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "0002.txt").is_file(), reason="needs ../shared/corpus")
def test_tokenizer_gives_spacys_tokens_on_the_corpus(nlp):
    import spacy

    ref = spacy.blank("id").tokenizer
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    bulk = CORPUS.parent / "bulk.jsonl"
    if bulk.is_file():
        with bulk.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line, _ in zip(fh, range(300))]
    for text in texts:
        assert _tokens(nlp.tokenizer(text)) == _tokens(ref(text)), text[:60]


def test_a_commissioner_with_the_portfolios_full_name_is_a_person(nlp):
    text = ("Penyelesaian IEU-CEPA nantinya bakal dilakukan oleh Komisioner Uni Eropa untuk "
            "Perdagangan dan Keamanan Ekonomi Maros Sefcovic dan Menko Airlangga Hartarto.")
    people = [(m.text, m.position.position_label if m.position else None)
              for m in annotate(nlp, text, date(2025, 7, 14))._.kg_mentions if m.kind == "person"]
    assert ("Maros Sefcovic", "Commissioner for Trade of the European Union") in people


NABIL = '"Kami berharap hal ini dilaksanakan," ujar Nabil Abdel Razek, warga Ramallah.\n\n'
INES = "Senada dengan hal itu, Ines Abdel Razek menilai bahwa isu utamanya adalah Gaza.\n\n"


def _people(nlp, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in annotate(nlp, text, date(2025, 7, 25))._.kg_mentions
            if m.kind == "person"]


def test_another_first_name_before_a_known_surname_is_another_person(nlp):
    people = _people(nlp, NABIL + INES + '"Itu genosida," ujar Razek.\n\nMenurut Razek, Perancis bertindak.')
    assert people == [("Nabil Abdel Razek", "nabil-abdel-razek"), ("Ines Abdel Razek", "ines-abdel-razek"),
                      ("Razek", "ines-abdel-razek"), ("Razek", "ines-abdel-razek")]


def test_a_name_part_before_the_second_person_is_still_the_first(nlp):
    people = _people(nlp, NABIL + '"Itu genosida," ujar Razek.\n\n' + INES)
    assert people == [("Nabil Abdel Razek", "nabil-abdel-razek"), ("Razek", "nabil-abdel-razek"),
                      ("Ines Abdel Razek", "ines-abdel-razek")]


def test_a_name_part_is_the_person_named_in_full_last(nlp):
    people = _people(nlp, NABIL + INES + "Pekan lalu Nabil Abdel Razek juga hadir.\n\n"
                     '"Itu genosida," ujar Razek.')
    assert people[-1] == ("Razek", "nabil-abdel-razek")


def test_one_shared_name_part_or_the_whole_name_makes_no_new_person(nlp):
    # (no speech verb after "Zayed Razek": that would make him a person by his context)
    people = _people(nlp, NABIL + "Sementara itu, Zayed Razek hadir di Gaza.\n\n"
                     "Pekan lalu Zayed Nabil Abdel Razek juga menilai hal yang sama.")
    assert {key for _, key in people} == {"nabil-abdel-razek"}


def test_find_mentions_on_a_plain_doc(nlp):
    doc = nlp.make_doc("Presiden AS menelepon Presiden Rusia.")  # no component run
    ms = find_mentions(doc, date(2025, 6, 7))
    assert [(m.text, m.qid, m.method) for m in ms if m.kind == "person"] == [
        ("Presiden AS", "Q22686", "role-at-date"),
        ("Presiden Rusia", "Q7747", "role-at-date"),
    ]
    assert [s.text for s in doc.spans[SPANS_KEY]] == [m.text for m in ms]
    assert doc._.kg_mentions == ms


# --------------------------------------------------------------------------- seed article

SEED_CASES = [
    (
        "Presiden Rusia Vladimir Putin disebut puas dengan hasil pembicaraan dengan Presiden "
        "Amerika Serikat (AS) Joe Biden.",
        [
            ("Rusia", "Q159"),
            ("Vladimir Putin", "Q7747"),
            ("Amerika Serikat", "Q30"),
            ("AS", "Q30"),
            ("Joe Biden", "Q6279"),
        ],
    ),
    (
        "Pembicaraan yang berlangsung selama 50 menit itu membahas soal keamanan Eropa dari "
        "ancaman Rusia.",
        [("Eropa", "Q46"), ("Rusia", "Q159")],
    ),
    (
        "Pembicaraan bilateral AS-Rusia akan dimulai di Jenewa pada 9 Januari, diikuti oleh "
        "pertemuan Dewan Rusia-NATO di Brussel dua hari kemudian dan negosiasi di Wina dalam "
        "kerangka OSCE pada 13 Januari, kata pembantu kebijakan luar negeri Kremlin Yuri Ushakov "
        "kepada wartawan Jumat pagi waktu Moskow.",
        [
            ("AS", "Q30"),
            ("Rusia", "Q159"),
            ("Jenewa", "Q71"),
            ("Dewan Rusia-NATO", "nato-russia-council"),
            ("Brussel", "Q239"),
            ("Wina", "Q1741"),
            ("OSCE", "Q81299"),
            ("Kremlin", "Q133274"),
            ("Yuri Ushakov", "Q4479563"),
            ("Moskow", "Q649"),
        ],
    ),
    (
        "Sekretaris Pers Gedung Putih Jen Psaki, mengatakan dalam pembicaraan itu, Biden mendesak "
        "Putin untuk mengurangi ketegangan dengan Ukraina.",
        [
            ("Gedung Putih", "Q35525"),
            ("Jen Psaki", "Q12066523"),
            ("Biden", "Q6279"),
            ("Putin", "Q7747"),
            ("Ukraina", "Q212"),
        ],
    ),
    (
        "“Presiden Biden juga menyatakan dukungan untuk diplomasi, mulai awal tahun depan dengan "
        "Dialog Stabilitas Strategis bilateral, di NATO melalui Dewan NATO-Rusia, dan di "
        "Organisasi untuk Keamanan dan Kerjasama di Eropa,” kata Psaki.",
        [
            ("Biden", "Q6279"),
            ("NATO", "Q7184"),
            ("Dewan NATO-Rusia", "nato-russia-council"),
            ("Organisasi untuk Keamanan dan Kerjasama di Eropa", "Q81299"),
            ("Psaki", "Q12066523"),
        ],
    ),
    (
        "Setelah peringatan Biden bahwa Rusia menghadapi sanksi besar jika menyerang Ukraina, "
        "Putin menjawab bahwa hukuman skala besar lebih lanjut akan mengarah pada pemutusan "
        "hubungan antara Moskow dan Barat, kata Ushakov.",
        [
            ("Biden", "Q6279"),
            ("Rusia", "Q159"),
            ("Ukraina", "Q212"),
            ("Putin", "Q7747"),
            ("Moskow", "Q649"),
            ("Barat", "Q160381"),
            ("Ushakov", "Q4479563"),
        ],
    ),
    (
        "Pembicaraan itu mengikuti panggilan video Biden-Putin 7 Desember di mana presiden Amerika "
        "menegaskan komitmen terhadap kedaulatan dan integritas wilayah Ukraina.",
        [
            ("Biden", "Q6279"),
            ("Putin", "Q7747"),
            ("presiden Amerika", "Q6279"),
            ("Amerika", "Q30"),
            ("Ukraina", "Q212"),
        ],
    ),
    (
        "Gedung Putih berencana untuk berkonsultasi dengan sekutunya menjelang dialog bulan depan.",
        [("Gedung Putih", "Q35525")],
    ),
    (
        "Baca Juga: Rusia dan Barat Bersitegang, Putin Telpon Xi Minta Dukungan China",
        [
            ("Rusia", "Q159"),
            ("Barat", "Q160381"),
            ("Putin", "Q7747"),
            ("Xi", "Q15031"),
            ("China", "Q148"),
        ],
    ),
    (
        "Konsekuensinya kemungkinan termasuk penambahan pasukan NATO dan dampak ekonomi yang luas, "
        "kata orang itu.",
        [("NATO", "Q7184")],
    ),
]


@pytest.mark.parametrize(
    "text, expected", SEED_CASES, ids=[f"seed-{n}" for n in range(len(SEED_CASES))]
)
def test_seed_sentences(nlp, text, expected):
    assert ids(mentions(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, name, label, position_qid, of, evidence",
    [
        (
            "Presiden Rusia Vladimir Putin disebut puas.",
            "Vladimir Putin",
            "President of Russia",
            "Q218295",
            "russia",
            "Presiden Rusia Vladimir Putin",
        ),
        (
            "Hasil pembicaraan dengan Presiden Amerika Serikat (AS) Joe Biden.",
            "Joe Biden",
            "President of the United States",
            "Q11696",
            "united-states",
            "Presiden Amerika Serikat (AS) Joe Biden",
        ),
        (
            "Sekretaris Pers Gedung Putih Jen Psaki, mengatakan dalam pembicaraan itu.",
            "Jen Psaki",
            "White House Press Secretary",
            None,
            "white-house",
            "Sekretaris Pers Gedung Putih Jen Psaki",
        ),
        (
            "Kata pembantu kebijakan luar negeri Kremlin Yuri Ushakov kepada wartawan.",
            "Yuri Ushakov",
            "Foreign-Policy Aide of the Kremlin",
            None,
            "kremlin",
            "pembantu kebijakan luar negeri Kremlin Yuri Ushakov",
        ),
        (
            "“Presiden Biden juga menyatakan dukungan untuk diplomasi,” kata Psaki.",
            "Biden",
            "President of the United States",
            "Q11696",
            "united-states",
            "Presiden Biden",
        ),
        (
            "Menlu Rusia Sergei Lavrov tiba di Jakarta.",
            "Sergei Lavrov",
            "Minister of Foreign Affairs of Russia",
            "Q1418873",
            "russia",
            "Menlu Rusia Sergei Lavrov",
        ),
    ],
)
def test_titled_names_carry_positions(nlp, text, name, label, position_qid, of, evidence):
    m = by_text(mentions(nlp, text), name)
    assert m.kind == "person" and m.qid is not None
    assert m.position is not None
    assert m.position.position_label == label
    assert m.position.position_qid == position_qid
    assert m.position.of == of
    s, e = m.position.evidence
    assert text[s:e] == evidence


def test_position_indonesian_label(nlp):
    m = by_text(mentions(nlp, "Presiden Rusia Vladimir Putin disebut puas."), "Vladimir Putin")
    assert m.position.position_label_id == "Presiden Rusia"
    m = by_text(
        mentions(nlp, "Kata Perdana Menteri (PM) Singapura Lawrence Wong."), "Lawrence Wong"
    )
    assert m.position.position_label_id == "Perdana Menteri Singapura"


def test_whole_seed_article(nlp):
    text = SEED.read_text(encoding="utf-8")
    ms = mentions(nlp, text)
    people = {m.qid for m in ms if m.kind == "person"}
    assert people == {"Q6279", "Q7747", "Q12066523", "Q4479563", "Q15031"}
    assert all(m.qid or m.key == "nato-russia-council" or m.key == "kontan" for m in ms)
    keys = {m.key for m in ms}
    assert {
        "russia", "united-states", "ukraine", "nato", "osce", "geneva", "brussels", "vienna",
        "moscow", "europe", "white-house", "kremlin", "nato-russia-council", "western-world",
    } <= keys  # fmt: skip
    # every bare surname resolves to the person named in full
    for surname, qid in [
        ("Biden", "Q6279"),
        ("Putin", "Q7747"),
        ("Ushakov", "Q4479563"),
        ("Psaki", "Q12066523"),
    ]:
        assert {m.qid for m in ms if m.text == surname} == {qid}
    # "presiden Amerika" on 2021-12-31 is Biden
    assert by_text(ms, "presiden Amerika").qid == "Q6279"


# --------------------------------------------------------------------------- role at date


@pytest.mark.parametrize(
    "on, qid, key",
    [
        (date(2021, 12, 31), "Q6279", "joe-biden"),
        (date(2025, 6, 7), "Q22686", "donald-trump"),
    ],
)
def test_title_without_name_is_the_holder_at_the_date(nlp, on, qid, key):
    ms = mentions(nlp, "Presiden AS memperingatkan Rusia soal sanksi.", on)
    m = by_text(ms, "Presiden AS")
    assert (m.kind, m.qid, m.key, m.method) == ("person", qid, key, "role-at-date")
    assert m.position.position_label == "President of the United States"
    assert by_text(ms, "AS").qid == "Q30"  # the country is still a mention


def test_role_at_date_without_data_gives_no_person(nlp):
    ms = mentions(nlp, "Presiden AS memperingatkan Rusia soal sanksi.", date(1950, 1, 1))
    assert [m.kind for m in ms] == ["country", "country"]
    assert mentions(nlp, "Presiden AS memperingatkan Rusia.", None)[0].text == "AS"


# --------------------------------------------------------------------------- corpus sentences


def test_lawrence_wong_and_later_surnames(nlp):
    text = (
        "Dihadapan Macron, PM Singapura: Tindakan Israel di Gaza Sudah Keterlaluan\n\n"
        "SINGAPURA - Perdana Menteri (PM) Singapura Lawrence Wong menyatakan keprihatinan "
        "mendalam terhadap situasi kemanusiaan di Gaza.\n\n"
        "Pernyataan tersebut disampaikan Wong dalam konferensi pers bersama Presiden Perancis "
        "Emmanuel Macron pada Jumat (30/5/2025), saat kunjungan kenegaraan Macron ke Singapura.\n\n"
        '"Kami selalu mengatakan bahwa Israel memiliki hak untuk membela diri," ujar PM Wong.'
    )
    ms = mentions(nlp, text, date(2025, 5, 30))
    wong = [m for m in ms if m.qid == "Q6504758"]
    assert [m.text for m in wong] == ["PM Singapura", "Lawrence Wong", "Wong", "Wong"]
    assert wong[0].method == "role-at-date"
    assert wong[1].method == "exact"
    assert wong[1].position.position_label == "Prime Minister of Singapore"
    assert wong[1].position.position_qid == "Q866756"
    assert wong[1].position.of == "singapore"
    assert wong[3].position.position_label == "Prime Minister of Singapore"  # "PM Wong"
    macron = [m for m in ms if m.qid == "Q3052772"]
    assert [m.text for m in macron] == ["Macron", "Emmanuel Macron", "Macron"]
    assert macron[1].position.position_label == "President of the French Republic"
    assert macron[1].position.of == "france"
    assert by_text(ms, "Perancis").qid == "Q142"
    assert by_text(ms, "Gaza").qid == "Q39760"


@pytest.mark.parametrize(
    "text, on, expected",
    [
        (
            "Gugatan tersebut terkait tarif baja dan aluminium yang diberlakukan Presiden AS "
            "Donald Trump, seperti diberitakan media lokal pada Senin (2/6/2025).",
            date(2025, 6, 2),
            [("AS", "Q30"), ("Donald Trump", "Q22686")],
        ),
        (
            "Perdana Menteri Australia Anthony Albanese dijadwalkan bertemu dengan Trump di "
            "sela-sela Konferensi Tingkat Tinggi (KTT) G7 di Kanada pada akhir Juni ini.",
            date(2025, 6, 2),
            [
                ("Australia", "Q408"),
                ("Anthony Albanese", "Q335697"),
                ("Trump", "Q22686"),
                ("G7", "Q1764511"),
                ("Kanada", "Q16"),
            ],
        ),
        (
            "Presiden Prabowo Subianto tiba di Malaysia untuk menghadiri Konferensi Tingkat "
            "Tinggi (KTT) ke-47 ASEAN.",
            date(2025, 10, 25),
            [("Prabowo Subianto", "Q2107268"), ("Malaysia", "Q833"), ("ASEAN", "Q7768")],
        ),
    ],
)
def test_corpus_sentences(nlp, text, on, expected):
    assert ids(mentions(nlp, text, on)) == expected


def test_indonesian_title_without_country(nlp):
    m = by_text(
        mentions(nlp, "Presiden Prabowo Subianto tiba di Malaysia.", date(2025, 10, 25)),
        "Prabowo Subianto",
    )
    assert m.position.position_label == "President of Indonesia"
    assert m.position.of == "indonesia"


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "0002.txt").is_file(), reason="needs ../shared/corpus")
def test_corpus_article_0002(nlp):
    ms = mentions(nlp, (CORPUS / "0002.txt").read_text(encoding="utf-8"), date(2025, 5, 30))
    people = {m.qid or m.key for m in ms if m.kind == "person"}
    assert people == {"Q6504758", "Q3052772"}


# --------------------------------------------------------------------------- unlinked names


@pytest.mark.parametrize(
    "text, name, key, label, of",
    [
        (
            "Menteri Luar Negeri Filipina Theresa Lazaro bertemu mitranya.",
            "Theresa Lazaro",
            "theresa-lazaro",
            "Minister of Foreign Affairs of the Philippines",
            "philippines",
        ),
        (
            "Kata juru bicara Kremlin Dmitry Peskov kepada wartawan.",
            "Dmitry Peskov",
            "dmitry-peskov",
            "Spokesperson of the Kremlin",
            "kremlin",
        ),
        (
            "Menteri Pertahanan Australia Richard Marles mengunjungi Zona Demiliterisasi.",
            "Richard Marles",
            "richard-marles",
            "Minister of Defence of Australia",
            "australia",
        ),
        (
            "Dia disambut Menteri Pertahanan (Menhan) Malaysia, Dato Seri Mohamed Khaled Nordin.",
            "Dato Seri Mohamed Khaled Nordin",
            "dato-seri-mohamed-khaled-nordin",
            "Minister of Defence of Malaysia",
            "malaysia",
        ),
    ],
)
def test_titled_unknown_name_is_an_unlinked_person(nlp, text, name, key, label, of):
    m = by_text(mentions(nlp, text, date(2025, 6, 1)), name)
    assert (m.kind, m.qid, m.key, m.method) == ("person", None, key, "unlinked")
    assert m.position.position_label == label
    assert m.position.of == of


def test_unlinked_surname_refers_to_the_full_name(nlp):
    ms = mentions(nlp, "Menlu Sugiono tiba di Tokyo. Sugiono lalu bertemu mitranya.")
    assert [(m.text, m.key) for m in ms if m.kind == "person"] == [
        ("Sugiono", "sugiono"),
        ("Sugiono", "sugiono"),
    ]
    ms = mentions(nlp, "Kata juru bicara Kremlin Dmitry Peskov. Peskov menolak.")
    assert [m.label for m in ms if m.kind == "person"] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_apposition_list_is_not_a_titled_name(nlp):
    ms = mentions(
        nlp,
        "Selain Menhan Malaysia, Prabowo juga disambut Menteri Luar Negeri.",
        date(2025, 10, 25),
    )
    prabowo = by_text(ms, "Prabowo")
    assert prabowo.qid == "Q2107268" and prabowo.position is None


@pytest.mark.parametrize(
    "text, name",
    [
        # after an attribution verb, one word is enough
        ('"Kami mendukung Palestina," kata Sudarnoto dalam keterangannya.', "Sudarnoto"),
        ('"Itu genosida," ujar Francesca Albanese, pelapor khusus PBB.', "Francesca Albanese"),
        # after a role noun, over lower-case and abbreviated words
        ("Aktivis politik Samer Sinijlawi menyebut langkah Perancis simbolis.", "Samer Sinijlawi"),
        ("Singapura menahan buron kasus E-KTP, Paulus Tannos.", "Paulus Tannos"),
        # before a comma and a role noun
        ("Hal itu ditulis Nour Odeh, seorang komentator politik.", "Nour Odeh"),
        # two or more capitalised words before a speech verb
        ("Mardani Ali Sera menilai langkah itu tepat.", "Mardani Ali Sera"),
    ],
)
def test_untitled_unknown_name_known_by_its_context(nlp, text, name):
    m = by_text(mentions(nlp, text, date(2025, 6, 1)), name)
    assert (m.kind, m.qid, m.method, m.position) == ("person", None, "unlinked", None)


@pytest.mark.parametrize(
    "text",
    [
        # a role noun before one capitalised word: as often a place or a group
        "Warga Ramallah menyambut keputusan itu.",
        "Pengamat Universitas Indonesia menilai langkah itu.",
        "Pakar Unpad menilai langkah itu tepat.",
        # ordinary capitalised words after an attribution verb are no name
        '"Kami siap," kata Menteri itu.',
        '"Kami siap," kata Sumber itu.',
        # an institution that speaks is no person, nor is one word before a speech verb
        "Kementerian Luar Negeri mengatakan langkah itu tepat.",
        "Rusia menilai langkah itu tepat.",
    ],
)
def test_context_alone_does_not_make_ordinary_words_a_person(nlp, text):
    assert [m.text for m in mentions(nlp, text, date(2025, 6, 1)) if m.kind == "person"] == []


def test_a_name_known_by_its_context_is_found_again_in_full_and_in_part(nlp):
    text = (
        "Singapura menahan buron kasus E-KTP, Paulus Tannos. KPK menangkap Paulus Tannos "
        'pada Januari. "Kami yakin," kata Sudarnoto. Permohonan Tannos ditolak, menurut Sudarnoto.'
    )
    people = [(m.text, m.label) for m in mentions(nlp, text, date(2025, 6, 1)) if m.kind == "person"]
    assert people == [
        ("Paulus Tannos", "Paulus Tannos"),
        ("Paulus Tannos", "Paulus Tannos"),
        ("Sudarnoto", "Sudarnoto"),
        ("Tannos", "Paulus Tannos"),
        ("Sudarnoto", "Sudarnoto"),
    ]


def test_ambassador_of_a_republic_to_a_country_in_apposition(nlp):
    text = (
        "Hal itu dibahas dalam pertemuan antara Duta Besar Republik Prancis untuk Republik "
        "Indonesia, Fabien Penone, dengan Sekretaris Kabinet, Teddy Indra Wijaya."
    )
    ms = mentions(nlp, text, date(2025, 5, 27))
    penone = by_text(ms, "Fabien Penone")
    assert (penone.kind, penone.position.position_label) == ("person", "Ambassador of France")
    teddy = by_text(ms, "Teddy Indra Wijaya")
    assert teddy.position is not None and teddy.position.of == "indonesia"


def test_an_ordinary_word_before_dan_after_a_title_is_the_offices_name(nlp):
    text = "Menteri Pendidikan Dasar dan Menengah Abdul Mu'ti meninjau sekolah."
    assert "Dasar" not in [m.text for m in mentions(nlp, text, date(2025, 8, 1)) if m.kind == "person"]


def test_department_after_director_general_is_not_a_name(nlp):
    text = "Kata Dirjen Administrasi Hukum Umum (AHU) Kemenkum, Widodo, saat dihubungi."
    assert [m for m in mentions(nlp, text) if m.kind == "person"] == []


# --------------------------------------------------------------------------- tokens


def test_hyphenated_token_kept_whole(nlp):
    # the tokenizer splits "AS-Rusia"; a Doc that keeps it whole is matched inside the token
    doc = Doc(
        nlp.vocab, words=["Dialog", "AS-Rusia", "dimulai", "."], spaces=[True, True, False, False]
    )
    ms = find_mentions(doc, SEED_DATE)
    assert [(m.text, m.qid, m.start_char, m.end_char) for m in ms] == [
        ("AS", "Q30", 7, 9),
        ("Rusia", "Q159", 10, 15),
    ]
    assert [s.text for s in doc.spans[SPANS_KEY]] == ["AS-Rusia", "AS-Rusia"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Panggilan video Biden-Putin berlangsung 50 menit.",
            [("Biden", "Q6279"), ("Putin", "Q7747")],
        ),
        ("Dialog Keamanan AS-Rusia berlangsung.", [("AS", "Q30"), ("Rusia", "Q159")]),
        ("Sekutu Rusia-nya menolak.", [("Rusia", "Q159")]),
        ("Para diplomat Rusianya menolak.", [("Rusia", "Q159")]),
    ],
)
def test_hyphens_and_clitics(nlp, text, expected):
    assert ids(mentions(nlp, text)) == expected


@pytest.mark.parametrize(
    "word, first",
    [
        ("Putin", "Putin"),
        ("Erdoğan", "Erdoğan"),
        ("AS-Rusia", "AS"),
        ("G20", "G20"),
        ("Jum'at", "Jum"),
        ("(", ""),
        ("\n", ""),
        ("-nya", ""),
    ],
)
def test_first_word_of_a_token(nlp, word, first):
    """A gazetteer name is looked up by the word characters its first token starts with."""
    doc = Doc(nlp.vocab, words=[word], spaces=[False])
    assert _first_word(doc[0]) == first


# --------------------------------------------------------------------------- what is not a name


@pytest.mark.parametrize(
    "text",
    [
        "Saya makan nasi goreng di warung dekat rumah bersama teman-teman pada hari Minggu pagi.",
        "Cuaca hari ini cerah, angin bertiup dari arah barat dan matahari bersinar terang.",
        "Media sosial ramai membahas harga cabai yang naik di pasar tradisional.",
        "Bank menaikkan suku bunga, kata seorang ekonom kepada wartawan.",
        "Harapan masyarakat adalah jalan desa segera diperbaiki sebelum musim hujan tiba.",
        "Lima orang tewas dalam kecelakaan itu, kata polisi.",  # Lima (Peru) starts a sentence
        "Padang rumput itu kini menjadi taman kota yang indah.",
        "Kedua pemimpin sepakat untuk tetap berhubungan secara teratur selama negosiasi.",
        "Indah sekali pemandangan gunung itu, kata presiden kami.",
    ],
)
def test_no_mentions_in_ordinary_sentences(nlp, text):
    assert mentions(nlp, text) == []


def test_west_only_as_an_actor(nlp):
    assert ids(mentions(nlp, "Gubernur Jawa Barat meresmikan jembatan.")) == []
    assert ids(mentions(nlp, "Hubungan antara Moskow dan Barat memburuk.")) == [
        ("Moskow", "Q649"),
        ("Barat", "Q160381"),
    ]


# --------------------------------------------------------------------------- ambiguity

AMBIGUOUS_TSV = (
    "qid\tkind\tlabel_en\tlabel_id\taliases\n"
    "Q900000001\tperson\tSam Alpha\t\tSamwise\n"
    "Q900000002\tperson\tSam Beta\t\tSamwise\n"
    "Q900000003\tperson\tGeorgia Gamma\t\tGeorgia\n"
)


@pytest.fixture(scope="module")
def ambiguous_gaz(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "ambiguous.tsv"
    path.write_text(AMBIGUOUS_TSV, encoding="utf-8")
    return Gazetteer.default([path])


def test_ambiguous_people_stay_unlinked(nlp, ambiguous_gaz):
    doc = nlp.make_doc("Kemarin Samwise berbicara di depan wartawan.")
    (m,) = find_mentions(doc, SEED_DATE, gazetteer=ambiguous_gaz)
    assert (m.kind, m.qid, m.method) == ("person", None, "unlinked")
    assert set(m.candidates) == {"Q900000001", "Q900000002"}
    assert m.confidence < 0.5


def test_ambiguous_person_resolved_by_full_name_in_the_article(nlp, ambiguous_gaz):
    doc = nlp.make_doc("Sam Beta tiba kemarin. Kemarin Samwise berbicara.")
    ms = find_mentions(doc, SEED_DATE, gazetteer=ambiguous_gaz)
    assert [(m.text, m.qid) for m in ms] == [("Sam Beta", "Q900000002"), ("Samwise", "Q900000002")]


def test_country_preferred_over_person_of_the_same_name(nlp, ambiguous_gaz):
    doc = nlp.make_doc("Pasukan Rusia memasuki Georgia pada 2008.")
    ms = find_mentions(doc, SEED_DATE, gazetteer=ambiguous_gaz)
    georgia = by_text(ms, "Georgia")
    assert (georgia.kind, georgia.qid) == ("country", "Q230")
    assert "Q900000003" in georgia.candidates


def test_two_places_of_one_kind_stay_unlinked(nlp):
    ms = mentions(nlp, "Pertemuan berlangsung di Hyderabad pekan lalu.")
    (m,) = ms
    assert (m.kind, m.qid, m.method) == ("city", None, "unlinked")
    assert len(m.candidates) == 2


def test_component_with_a_user_gazetteer(tmp_path):
    path = tmp_path / "extra.tsv"
    path.write_text(
        "qid\tkind\tlabel_en\tlabel_id\taliases\n"
        "\torganization\tFictional Peace Board\tDewan Perdamaian Fiksi\t\n",
        encoding="utf-8",
    )
    nlp = make_nlp([path])
    doc = nlp("Dewan Perdamaian Fiksi bertemu di Kairo.")
    assert [(s.text, s.label_, s.id_) for s in doc.spans[SPANS_KEY]] == [
        ("Dewan Perdamaian Fiksi", "organization", "fictional-peace-board"),
        ("Kairo", "city", "cairo"),
    ]
    # find_mentions on that doc keeps using the component's gazetteer
    assert [m.key for m in find_mentions(doc, SEED_DATE)] == ["fictional-peace-board", "cairo"]


def test_an_ordinal_title_names_a_former_holder_not_the_one_of_the_day(nlp):
    ms = mentions(nlp, "Ia mengenang pertemuannya dengan Presiden RI ke-7 Joko Widodo di Bali.",
                  date(2025, 5, 27))
    assert [(m.text, m.qid, m.position) for m in ms if m.kind == "person"] == [
        ("Joko Widodo", "Q3318231", None)]
    assert not [m for m in ms if m.kind == "country"]  # "RI" belongs to the description
    # alone, "Presiden RI ke-7" is not resolved to the president of the day
    assert not [m for m in mentions(nlp, "Presiden RI ke-7 mengatakan hal itu.", date(2025, 5, 27))
                if m.kind == "person"]


def test_a_bare_title_names_the_holder_only_capitalised(nlp):
    on = date(2025, 10, 25)
    assert not [m for m in mentions(nlp, "Nelayan menangkap seekor paus di perairan Bali.", on)
                if m.kind == "person"]  # a whale
    (head,) = [m for m in mentions(nlp, "Setelahnya, Kepala Negara juga disambut oleh Menhan Malaysia.", on)
               if m.text == "Kepala Negara"]
    assert head.qid == "Q2107268"  # the President of Indonesia, in Indonesian news
    assert not [m for m in mentions(nlp, "Malaysia akan menjamu lebih dari 30 kepala negara.", on)
                if m.kind == "person"]


def test_a_company_named_after_its_country_is_not_the_country(nlp):
    found = mentions(nlp, "Bank Indonesia menahan suku bunga. Air India membatalkan penerbangan. PT Bank "
                          "Syariah Indonesia tumbuh, dan Garuda Indonesia mendukung penyelidikan. Pemerintah "
                          "Indonesia menyambut Bank Dunia di Indonesia.", on=date(2025, 6, 1))
    countries = [m.text for m in found if m.kind == "country"]
    assert countries == ["Indonesia", "Indonesia"]  # the government's, and the place
    assert [m.text for m in found if m.kind == "organization"] == ["Bank Dunia"]


def test_a_minister_of_a_portfolio_the_table_lacks(nlp):
    """'Menteri' and capitalised ordinary words (the portfolio, longer than the table's
    'Menteri Pendidikan') before a name; an apostrophe inside a name part; a hyphenated
    surname named again whole."""
    found = mentions(nlp, "Menteri Keamanan Nasional Itamar Ben-Gvir tiba. Menteri Pendidikan Dasar dan "
                          "Menengah Abdul Mu'ti berpidato. Ben-Gvir dan Mu'ti pulang.", on=date(2025, 6, 1))
    persons = [(m.text, m.key) for m in found if m.kind == "person"]
    assert persons[:3] == [("Itamar Ben-Gvir", "itamar-ben-gvir"), ("Abdul Mu'ti", "abdul-muti"),
                           ("Ben-Gvir", "itamar-ben-gvir")]
    roles = [m.position.position_label_id for m in found if m.position is not None]
    assert "Menteri Keamanan Nasional" in roles
    found = mentions(nlp, "Bahasa Indonesia dibawakan oleh Menteri Pendidikan Dasar dan Menengah "
                          "(Mendikdasmen), Abdul Mu'ti.", on=date(2025, 11, 5))
    assert [(m.kind, m.text) for m in found if m.kind == "person"] == [("person", "Abdul Mu'ti")]


def test_a_portfolio_never_takes_the_country_after_the_title(nlp):
    found = mentions(nlp, "Perdana Menteri Arab Saudi Mohammed bin Salman menerima Wakil Menteri Sosial RI "
                          "Agus Jabo Priyono.", on=date(2025, 6, 1))
    assert [(m.kind, m.text) for m in found] == [
        ("country", "Arab Saudi"), ("person", "Mohammed bin Salman"), ("country", "RI"),
        ("person", "Agus Jabo Priyono")]
