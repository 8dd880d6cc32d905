"""Extraction rules on short Indonesian sentences: one construction per case.

Each case is a sentence or two in the style of Indonesian news (quoted or adapted from the
development corpus), run through the real pipeline (ingest, spaCy blank("id"), gazetteer,
extractor); the assertions name the event type and the actors by their Wikidata QIDs or,
for people not in the gazetteer, by the slug of our IRI.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.ingest import read_articles
from kg.pipeline import extract

US, RUSSIA, THAILAND, CAMBODIA, ICC = "Q30", "Q159", "Q869", "Q424", "Q47488"
PRABOWO, VDL, BRUSSELS, MACRON, NETANYAHU, MERZ = (
    "Q2107268", "Q60772", "Q239", "Q3052772", "Q43723", "Q566257")
INDONESIA, EU, ISRAEL = "Q252", "Q458", "Q801"


def extraction_of(tmp_path, text: str, pub: str = "2025-07-14", **meta):
    """The whole extraction of ``text`` read as a one-article JSONL (ingest included)."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "Berita", "text": text, "date": pub, **meta}) + "\n",
                    encoding="utf-8")
    (article,) = read_articles(str(path))
    return extract(article)


def events_of(tmp_path, text: str, pub: str = "2025-07-14"):
    ex = extraction_of(tmp_path, text, pub)

    def ref(key: str) -> str:
        ent = ex.entities[key]
        return ent.qid or key.split("/", 1)[1]

    return [
        {"type": ev.type, "source": {ref(k) for k in ev.sources}, "target": {ref(k) for k in ev.targets},
         "place": ref(ev.place) if ev.place else None, "date": ev.date, "mode": ev.mode,
         "contexts": set(ev.contexts)}
        for ev in ex.events
    ]


def find(events, type_, source=None, target=None):
    return [e for e in events if e["type"] == type_
            and (source is None or e["source"] == set(source))
            and (target is None or set(target) <= e["target"])]


def test_past_the_vocabulary_limit_an_article_frees_its_new_words(monkeypatch):
    """Once spaCy's vocabulary holds kg.extract.VOCAB_LIMIT words, each article runs in a
    memory zone: its new words are freed, and what it yields is the same."""
    import kg.extract
    from kg.model import Article
    from kg.pipeline import extractor

    shared = extractor()
    article = Article(id="a", date=date(2025, 7, 14), text=(
        "Presiden Prabowo Subianto bertemu Menteri Luar Negeri Vietnam Qwertiplon Zorbax di Jakarta "
        "pada Senin (14/7/2025). Keduanya sepakat memperkuat kerja sama perdagangan."))
    monkeypatch.setattr(kg.extract, "VOCAB_LIMIT", 0, raising=False)
    zoned = kg.extract.Extractor(nlp=shared.nlp, patterns=shared.p).extract(article)
    assert "Qwertiplon" not in shared.nlp.vocab.strings
    monkeypatch.setattr(kg.extract, "VOCAB_LIMIT", 10**9)
    plain = kg.extract.Extractor(nlp=shared.nlp, patterns=shared.p).extract(article)
    assert "Qwertiplon" in shared.nlp.vocab.strings
    assert zoned.events and zoned == plain


def test_abbreviation_in_parentheses_does_not_cut_the_subject_off(tmp_path):
    evs = events_of(tmp_path, "Pada Februari lalu, Amerika Serikat (AS) menjatuhkan sanksi kepada "
                    "Mahkamah Pidana Internasional. Langkah itu dikritik banyak negara.")
    assert find(evs, "SANCTION", source=[US], target=[ICC])


def test_trigger_form_with_nya_and_counterpart_after_dengan(tmp_path):
    evs = events_of(tmp_path, "Thailand telah menutup wilayah perbatasannya dengan Kamboja. "
                    "Kamboja melarang impor dari Thailand seperti buah-buahan dan sayuran.")
    assert find(evs, "SANCTION", source=[THAILAND], target=[CAMBODIA])
    assert find(evs, "SANCTION", source=[CAMBODIA], target=[THAILAND])


def test_meeting_noun_between_titled_names(tmp_path):
    evs = events_of(tmp_path, "Kesepakatan itu dicapai dalam pertemuan antara Presiden Prabowo Subianto "
                    "dan Presiden Komisi Eropa Ursula von der Leyen di Brussels, Belgia, Minggu (13/7/2025).")
    (meet,) = find(evs, "CONSULT")
    assert meet["source"] | meet["target"] == {PRABOWO, VDL}
    assert meet["place"] == BRUSSELS and meet["date"] == date(2025, 7, 13)


def test_first_person_in_a_quote_is_the_speaker(tmp_path):
    evs = events_of(tmp_path, "Presiden Perancis Emmanuel Macron berbicara kepada wartawan di Paris.\n\n"
                    "\u201cSaya mendesak Israel untuk menghentikan blokade,\u201d kata Macron.")
    assert find(evs, "REQUEST", source=[MACRON], target=[ISRAEL])


def test_possessive_first_person_is_no_subject(tmp_path):
    evs = events_of(tmp_path, "Yuri Ushakov berbicara kepada wartawan di Moskwa.\n\n"
                    "\u201cInilah yang kami kerjakan dan untuk ini presiden kami mencapai kesepakatan,\u201d "
                    "kata Ushakov.")
    assert not find(evs, "AGREE", source=["Q4479563"])


def test_clause_after_a_speech_verb_shares_the_speaker(tmp_path):
    evs = events_of(tmp_path, "Kanselir Jerman Friedrich Merz mengatakan akan segera berbicara langsung "
                    "dengan Perdana Menteri Israel Benjamin Netanyahu.")
    (talk,) = find(evs, "CONSULT")
    assert talk["source"] | talk["target"] == {MERZ, NETANYAHU}
    assert "Future" in talk["contexts"]


def test_both_sides_resolve_to_the_last_pair(tmp_path):
    evs = events_of(tmp_path, "Indonesia dan Uni Eropa menggelar perundingan dagang di Jakarta.\n\n"
                    "Kedua pihak telah sepakat untuk mempercepat penyelesaian perundingan.")
    agree = find(evs, "AGREE")
    assert agree and agree[0]["source"] | agree[0]["target"] == {INDONESIA, EU}


def test_ministerial_titles_make_unknown_people(tmp_path):
    evs = events_of(tmp_path, "Sekretaris Kabinet (Seskab) Teddy Indra Wijaya bertemu dengan Duta Besar "
                    "Jerman, Ina Lepel di Jakarta, Sabtu (14/6/2025).", pub="2025-06-14")
    (meet,) = find(evs, "CONSULT")
    assert meet["source"] | meet["target"] == {"teddy-indra-wijaya", "ina-lepel"}
    assert meet["date"] == date(2025, 6, 14)


def test_contacting_by_phone_is_a_call(tmp_path):
    evs = events_of(tmp_path, "Paus Leo XIV mengecam serangan itu. Sehari sebelumnya, Paus Leo XIV sempat "
                    "menghubungi Perdana Menteri Israel (PM) Benjamin Netanyahu melalui sambungan telepon.")
    (call,) = find(evs, "CONSULT")
    assert call["source"] | call["target"] == {"pope-leo-xiv", NETANYAHU}
    assert call["mode"] == "phone"


def test_passive_about_a_thing_is_no_event(tmp_path):
    evs = events_of(tmp_path, "Bantuan hanya masuk melalui Yayasan Kemanusiaan Gaza yang didukung "
                    "Amerika Serikat. Kemajuan militer tersebut didukung oleh Rusia.")
    assert not find(evs, "SUPPORT")


def test_fronted_date_dates_the_clause(tmp_path):
    evs = events_of(tmp_path, "Pada Minggu (13/7/2025), Indonesia dan Uni Eropa telah mencapai kesepakatan "
                    "politik untuk menuntaskan perundingan dagang.")
    agree = find(evs, "AGREE")
    assert agree and agree[0]["source"] | agree[0]["target"] == {INDONESIA, EU}
    assert agree[0]["date"] == date(2025, 7, 13)


def test_agreement_takes_its_partner_after_dengan(tmp_path):
    evs = events_of(tmp_path, "Jepang menandatangani kesepakatan pertahanan dengan Australia di Tokyo.")
    agree = find(evs, "AGREE")
    assert agree and agree[0]["source"] | agree[0]["target"] == {"Q17", "Q408"}


def test_bilateral_talks_with_a_list_are_one_talk_per_partner(tmp_path):
    evs = events_of(tmp_path, "Presiden China Xi Jinping turut mengadakan pembicaraan bilateral dengan para "
                    "pemimpin Jepang, Kanada, dan Thailand.")
    pairs = {frozenset(e["source"] | e["target"]) for e in find(evs, "CONSULT")}
    assert pairs == {frozenset({"Q15031", c}) for c in ("Q17", "Q16", THAILAND)}
    assert {e["mode"] for e in find(evs, "CONSULT")} == {None}  # bilateral, not multilateral


@pytest.mark.parametrize("text, type_, source", [
    ("Korea Utara kembali menguji rudal hipersonik di lepas pantai timur.", "MOBILIZE", "Q423"),
    ("Israel menyatakan penyesalan atas serangan yang menewaskan warga sipil itu.", "CONCEDE", "Q801"),
    ("Israel telah melonggarkan sebagian blokade selama 11 minggu.", "CONCEDE", "Q801"),
    ("Israel menuding Hizbullah mempersenjatai diri kembali di Lebanon selatan.", "ACCUSE", "Q801"),
    ("Kanselir Jerman Friedrich Merz menyuarakan kritik tajam terhadap operasi militer Israel.", "ACCUSE", MERZ),
    ("Israel telah menarik pulang Duta Besarnya dari Spanyol tahun lalu.", "SANCTION", "Q801"),
    ("Amerika Serikat menengahi perundingan antara Thailand dan Kamboja.", "CONSULT", US),
])
def test_triggers_of_other_plover_types(tmp_path, text, type_, source):
    evs = events_of(tmp_path, text + " Pernyataan itu disampaikan kepada wartawan di Jakarta.")
    assert find(evs, type_, source=[source]), evs


def test_who_is_urged_is_the_subject_of_the_agar_clause(tmp_path):
    evs = events_of(tmp_path, "Diplomat Palestina Ines Abdel Razek menyerukan agar Perancis memutus "
                    "hubungan dengan Israel serta menerapkan embargo dagang.")
    req = find(evs, "REQUEST")
    assert req and "Q142" in req[0]["target"]


def test_mendorong_and_mengundang_are_requests(tmp_path):
    evs = events_of(tmp_path, "Oman kembali mendorong Iran dan Amerika Serikat untuk melanjutkan dialog. "
                    "Presiden Rusia Vladimir Putin mengundang Presiden Prabowo Subianto ke St Petersburg.")
    assert find(evs, "REQUEST", source=["Q842"], target=["Q794", US])
    assert not find(evs, "CONSULT")  # the dialogue is what Oman asks for
    assert find(evs, "REQUEST", source=["Q7747"], target=[PRABOWO])
    # memper-sila-kan: the root is "sila" ("memersilakan" was generated and never matched)
    evs = events_of(tmp_path, "Presiden Prabowo Subianto mempersilakan Rusia membuka penerbangan langsung.")
    assert find(evs, "REQUEST", source=[PRABOWO], target=[RUSSIA])


def test_purpose_clause_shares_the_matrix_subject(tmp_path):
    evs = events_of(tmp_path, "Menko Perekonomian Airlangga Hartarto dalam perjalanan menuju Washington DC "
                    "untuk bertemu perwakilan pemerintah Amerika Serikat.")
    meet = find(evs, "CONSULT")
    assert meet and "Q12471140" in meet[0]["source"] | meet[0]["target"]


def test_arrival_is_a_visit(tmp_path):
    evs = events_of(tmp_path, "Rezim Korea Utara menguji rudal seminggu sebelum kedatangan Trump di Korea Selatan.")
    visit = find(evs, "CONSULT")
    assert visit and visit[0]["mode"] == "visit" and "Q22686" in visit[0]["source"]


def test_a_visit_restated_without_its_host_is_one_visit(tmp_path):
    evs = events_of(tmp_path, "Presiden Perancis Emmanuel Macron melakukan kunjungan kenegaraan ke Indonesia.\n\n"
                    "Selama berada di sana, Macron direncanakan mengunjungi sebuah akademi militer.")
    visits = [e for e in find(evs, "CONSULT") if e["mode"] == "visit"]
    assert len(visits) == 1 and visits[0]["source"] == {MACRON}


def test_the_visitors_meeting_where_he_visits_is_the_visits_meeting(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto akan melanjutkan kunjungan kerjanya ke Rusia untuk "
                    "menemui Presiden Rusia Vladimir Putin.\n\n"
                    "\"Di Rusia, Presiden Prabowo akan melakukan pertemuan bilateral pada 19 Juni 2025,\" "
                    "kata Seskab.", pub="2025-06-16")
    (meeting,) = find(evs, "CONSULT", source=[PRABOWO])
    assert (meeting["target"], meeting["place"], meeting["date"]) == ({"Q7747"}, "Q159", date(2025, 6, 19))


def test_an_accusation_with_no_accuser_is_no_event_but_the_act_is(tmp_path):
    evs = events_of(tmp_path, "Pada Sabtu (19/7/2025), pasukan Israel dituduh menewaskan sedikitnya 32 "
                    "orang di wilayah Teina, Jalur Gaza.", pub="2025-07-20")
    assert not find(evs, "ACCUSE")
    assert find(evs, "ASSAULT", source=["Q801"])
    assert all(e["source"] for e in evs)


def test_my_meeting_with_someone_is_the_speakers(tmp_path):
    evs = events_of(tmp_path, "\"Rusia adalah mitra penting bagi Indonesia,\" kata Presiden Prabowo "
                    "Subianto.\n\n\"Hari ini hubungan kita semakin tinggi, pertemuan saya dengan "
                    "Presiden Putin hari ini berlangsung produktif,\" kata dia.", pub="2025-06-20")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["source"] | meeting["target"] == {PRABOWO, "Q7747"}


def test_a_meeting_of_another_month_is_not_the_days_meeting(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto bertemu dengan Presiden Rusia Vladimir Putin di "
                    "St Petersburg, Kamis (19/6/2025).\n\n"
                    "Menurut Prabowo, penerbangan langsung itu menindaklanjuti pertemuannya dengan Putin "
                    "pada Juli 2024 yang lalu.", pub="2025-06-20")
    meetings = find(evs, "CONSULT")
    assert len(meetings) == 2
    assert {m["date"] for m in meetings} == {date(2025, 6, 19), None}


def test_a_meeting_told_again_by_its_month_is_the_same_meeting(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto bertemu dengan Presiden Rusia Vladimir Putin di "
                    "St Petersburg, Kamis (19/6/2025).\n\n"
                    "Menurut Prabowo, penerbangan langsung itu menindaklanjuti pertemuannya dengan Putin "
                    "pada Juni 2025.", pub="2025-06-20")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["date"] == date(2025, 6, 19)


def test_a_visit_received_by_someone_is_to_him(tmp_path):
    evs = events_of(tmp_path, "Protokol itu disahkan bersamaan dengan kunjungan Perdana Menteri RRT Li Qiang "
                    "ke Indonesia, yang diterima oleh Presiden Prabowo di Istana Negara, Jakarta pada 25 "
                    "Mei 2025.", pub="2025-05-29")
    (visit,) = find(evs, "CONSULT", source=["Q4414390"], target=[PRABOWO])
    assert (visit["mode"], visit["place"], visit["date"]) == ("visit", "Q3630", date(2025, 5, 25))


def test_a_quote_said_by_a_pronoun_is_the_persons_spoken_of(tmp_path):
    statements = extraction_of(tmp_path, "Prabowo pun mengaku senang karena hubungan antara Indonesia dan Rusia "
                               "kini telah berkembang lebih jauh.\n\n\"Hari ini hubungan kita semakin tinggi,\" "
                               "kata dia.", "2025-06-20").statements
    # ("mengaku senang …" is a statement of its own, reported)
    assert [(st.speaker, st.content) for st in statements] == [
        ("person/prabowo-subianto", "senang karena hubungan antara Indonesia dan Rusia kini telah berkembang lebih jauh."),
        ("person/prabowo-subianto", "Hari ini hubungan kita semakin tinggi")]


def test_a_quote_said_by_a_pronoun_is_the_last_quoted(tmp_path):
    ex = extraction_of(tmp_path, "\"Saya senang berada di sini,\" kata Presiden Prancis Emmanuel Macron.\n\n"
                       "Ia juga mengenang pertemuannya dengan Presiden RI ke-7 Joko Widodo di Bali.\n\n"
                       "\"Saya senang untuk bertemu lagi bersama saudara Prabowo,\" ujar dia.", "2025-05-27")
    assert [st.speaker for st in ex.statements] == ["person/emmanuel-macron"] * 2


def test_talks_between_the_two_countries_are_between_the_two_named(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto berbicara dengan Presiden AS Donald Trump soal "
                    "tarif.\n\nKesepakatan itu dicapai setelah negosiasi panjang antara delegasi kedua "
                    "negara.", pub="2025-07-16")
    assert find(evs, "CONSULT", source=["Q252", "Q30"])
    evs = events_of(tmp_path, "Penurunan tarif untuk produk asal Indonesia yang masuk ke AS ini diputuskan "
                    "setelah melalui negosiasi panjang antara delegesi kedua negara.", pub="2025-07-16")
    assert find(evs, "CONSULT", source=["Q252", "Q30"])


def test_a_visit_to_meet_someone_is_in_the_country_visited(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto akan melanjutkan kunjungan kerjanya ke Rusia untuk "
                    "menemui Presiden Rusia Vladimir Putin, usai menyelesaikan rangkaian agendanya di "
                    "Singapura.", pub="2025-06-16")
    (visit,) = find(evs, "CONSULT", source=[PRABOWO], target=["Q7747"])
    assert (visit["mode"], visit["place"]) == ("visit", "Q159")


def test_the_visitor_visited_the_country_and_met_no_one(tmp_path):
    ex = extraction_of(tmp_path, "Presiden Prancis Emmanuel Macron melakukan kunjungan kenegaraan ke Indonesia "
                       "pada 28 Mei 2025.", "2025-05-28")
    (visit,) = [ev for ev in ex.events if ev.mode == "visit"]
    qid = {k: e.qid for k, e in ex.entities.items()}
    # the country visited is where he went, not someone he met
    assert {(qid[s], p, qid[o]) for s, p, o in visit.relations} == {(MACRON, "visited", INDONESIA)}


def test_a_visit_to_no_one_known_and_nowhere_known_is_no_event(tmp_path):
    evs = events_of(tmp_path, "Presiden Prancis, Emmanuel Macron, memberikan tanda jasa kehormatan kepada "
                    "Presiden Prabowo Subianto, dalam rangkaian kunjungannya ke Akademi Militer.",
                    pub="2025-05-29")
    assert find(evs, "SUPPORT", source=[MACRON], target=[PRABOWO])
    assert not find(evs, "CONSULT")


COURTS = ("Spanyol mendukung penyelidikan ICC. Spanyol juga telah bergabung dalam kasus di hadapan "
          "pengadilan dunia lainnya, Mahkamah Internasional (ICJ), yang menuduh Israel melakukan "
          "genosida di Gaza. ")


def test_the_court_spoken_of_again_is_the_last_court_named(tmp_path):
    evs = events_of(tmp_path, COURTS + "Pengadilan itu menuai kritikan keras dari Israel.", pub="2025-09-18")
    (accuse,) = find(evs, "ACCUSE", source=[ISRAEL])
    assert accuse["target"] == {"Q7801"}


def test_both_courts_behind_a_relative_clause_are_the_last_two_named(tmp_path):
    evs = events_of(tmp_path, COURTS + "Kedua pengadilan internasional yang berkantor di Den Haag itu "
                    "menuai kritikan keras dari Israel dan sekutu-sekutunya.", pub="2025-09-18")
    (accuse,) = find(evs, "ACCUSE", source=[ISRAEL])
    assert accuse["target"] == {ICC, "Q7801"}


def test_what_an_accusation_alleges_is_no_event_of_its_own(tmp_path):
    evs = events_of(tmp_path, "Presiden Lebanon Joseph Aoun menyerukan negosiasi dengan Israel. Akan tetapi, ia "
                    "kemudian menuduh Israel merespons tawaran tersebut dengan melancarkan serangan udara "
                    "tambahan.", pub="2025-11-02")
    (accuse,) = find(evs, "ACCUSE", target=[ISRAEL])
    assert len(accuse["source"]) == 1 and ISRAEL not in accuse["source"]
    assert not find(evs, "ASSAULT")
    # with no accuser the act is what the sentence reports
    evs = events_of(tmp_path, "Pasukan Israel dituduh menewaskan sedikitnya 32 orang di wilayah Teina, Jalur "
                    "Gaza.", pub="2025-07-20")
    assert find(evs, "ASSAULT", source=[ISRAEL])


def test_a_date_in_what_is_said_does_not_date_the_meeting(tmp_path):
    evs = events_of(tmp_path, "Perdana Menteri Jepang Sanae Takaichi mengatakan kepada Trump dalam pertemuan "
                    "mereka di Tokyo akhir Oktober lalu bahwa Jepang akan meningkatkan pengeluaran pertahanan "
                    "pada awal tahun fiskal berikutnya (1 April 2026).", pub="2025-11-06")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["date"] is None and "Future" not in meeting["contexts"]


def test_a_capital_acts_for_its_state_across_an_adverb(tmp_path):
    evs = events_of(tmp_path, "Pyongyang juga meluncurkan rudal dan artileri pada Senin (3/11/2025).",
                    pub="2025-11-06")
    assert find(evs, "MOBILIZE", source=["Q423"])
    evs = events_of(tmp_path, "Pyongyang, yang juga meluncurkan rudal pada Senin (3/11/2025), menolak tawaran "
                    "dialog dari Korea Selatan.", pub="2025-11-06")
    assert find(evs, "REJECT", source=["Q423"])


def test_a_capitals_own_province_is_not_the_state(tmp_path):
    evs = events_of(tmp_path, "DPRD DKI Jakarta akan terus mendorong agar program ini diperluas. Presiden "
                    "Prabowo Subianto meminta Pemprov DKI Jakarta fokus meningkatkan pendapatan "
                    "masyarakat.", pub="2025-07-26")
    assert not [e for e in evs if INDONESIA in e["source"] | e["target"]]


def test_a_guest_named_among_those_hosted_visits_the_hosts_country(tmp_path):
    ex = extraction_of(tmp_path, "Sebagai tuan rumah sekaligus ketua bergilir ASEAN, Malaysia akan menjamu lebih "
                       "dari 30 kepala negara, termasuk Presiden Amerika Serikat Donald Trump.", "2025-10-24")
    qid = {k: e.qid for k, e in ex.entities.items()}
    (visit,) = [ev for ev in ex.events if ev.type == "CONSULT"]
    assert (visit.mode, [qid[k] for k in visit.sources], [qid[k] for k in visit.targets], qid[visit.place]) == (
        "visit", ["Q22686"], ["Q833"], "Q833")
    assert {(qid[s], p, qid[o]) for s, p, o in visit.relations} == {("Q22686", "visited", "Q833")}


def test_their_president_is_the_president_of_the_country_spoken_of(tmp_path):
    evs = events_of(tmp_path, 'Presiden AS Donald Trump mengumumkan tarif 19 persen untuk Indonesia. "Saya '
                    'berbicara dengan Presiden mereka yang sangat hebat," ucap dia.', pub="2025-07-16")
    assert find(evs, "CONSULT", source=["Q22686"], target=[PRABOWO])


def test_a_fronted_summit_is_the_setting_of_the_meeting_after_it(tmp_path):
    evs = events_of(tmp_path, "Di sela KTT APEC, Trump juga bertemu Xi dan mencapai kesepakatan perdagangan.",
                    pub="2025-11-01")
    assert [e["mode"] for e in evs if e["type"] == "CONSULT"] == [None]
    assert find(evs, "CONSULT", source=["Q22686"], target=["Q15031"])


def test_taking_part_in_a_conference_its_organiser_and_the_conference_again(tmp_path):
    evs = events_of(tmp_path, "PM Wong mengungkapkan, Singapura akan ikut serta dalam konferensi internasional "
                    "yang diselenggarakan oleh Perserikatan Bangsa-Bangsa (PBB) pada 17-20 Juni mendatang. "
                    '"Singapura akan berpartisipasi dalam konferensi ini," kata Wong.', pub="2025-05-30")
    (conference,) = find(evs, "CONSULT")
    assert conference["source"] | conference["target"] == {"Q334", "Q1065"}
    assert (conference["mode"], conference["date"]) == ("multilateral", date(2025, 6, 17))


def test_a_summit_named_again_by_its_name_is_the_same_summit(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto tiba di Malaysia pada Sabtu (25/10/2025) untuk "
                    "menghadiri KTT ke-47 ASEAN. Adapun rangkaian KTT Ke-47 ASEAN akan berlangsung di Kuala "
                    "Lumpur pada 26-28 Oktober 2025. KTT ASEAN ini mengusung tema Inclusivity and "
                    "Sustainability.", pub="2025-10-25")
    (summit,) = find(evs, "CONSULT", source=["Q7768"])
    assert summit["date"] == date(2025, 10, 26)


def test_a_clause_of_whether_asserts_no_event(tmp_path):
    evs = events_of(tmp_path, "Trump ditanya apakah dia akan mempertimbangkan untuk mendeportasi Musk.",
                    pub="2025-07-07")
    assert evs and all("Hypothetical" in e["contexts"] for e in evs)


def test_a_yes_no_question_asserts_no_event(tmp_path):
    evs = events_of(tmp_path, "Sepakat bicara lebih lanjut, akankah AS-China bertemu?", pub="2025-09-20")
    (meeting,) = find(evs, "CONSULT")
    assert "Hypothetical" in meeting["contexts"]
    # a question with a question word takes its event as given
    evs = events_of(tmp_path, "Lantas, apa isi pembicaraan antara Presiden AS Donald Trump dan China tersebut?",
                    pub="2025-09-20")
    assert [e["contexts"] for e in find(evs, "CONSULT")] == [set()]


def test_a_summit_with_its_ordinal_split_by_the_tokenizer(tmp_path):
    evs = events_of(tmp_path, "Konferensi Tingkat Tinggi (KTT) ke-47 ASEAN di Kuala Lumpur, Malaysia, akan digelar "
                    "pada 26-28 Oktober 2025.", pub="2025-10-24")
    (summit,) = find(evs, "CONSULT", source=["Q7768"])
    assert (summit["mode"], summit["place"], summit["date"]) == ("multilateral", "Q1865", date(2025, 10, 26))
    # the "ke" of an ordinal is no preposition: "KTT ke-20 Asia Timur" is not held in Asia
    evs = events_of(tmp_path, "Selain itu, akan digelar juga KTT ke-28 ASEAN Plus Three (RRT, Jepang, dan Republik "
                    "Korea), KTT ke-20 Asia Timur, KTT ASEAN--Perserikatan Bangsa-Bangsa (PBB).", pub="2025-10-24")
    assert find(evs, "CONSULT", source=["Q7768"]) and not [e for e in evs if e["place"] == "Q48"]


def test_challenging_a_courts_jurisdiction_rejects_it(tmp_path):
    evs = events_of(tmp_path, "Israel menggugat yurisdiksi ICC yang beranggotakan 125 negara dalam kasus tersebut.",
                    pub="2025-09-18")
    assert find(evs, "REJECT", source=[ISRAEL], target=[ICC]) and not find(evs, "ACCUSE")
    # suing a state is a complaint against it
    evs = events_of(tmp_path, "Australia sedang mempertimbangkan untuk menggugat Amerika Serikat ke WTO.",
                    pub="2025-06-02")
    assert find(evs, "ACCUSE", source=["Q408"], target=[US])


def test_a_local_government_is_not_the_state(tmp_path):
    evs = events_of(tmp_path, "Pemerintah setempat telah meminta dukungan dari unit bantuan bencana militer "
                    "Swiss. Pemerintah Kabupaten Kendal telah menyalurkan bantuan beras kepada warga.",
                    pub="2025-07-01")
    assert not [e for e in evs if INDONESIA in e["source"]]
    assert find(events_of(tmp_path, "Pemerintah meminta Malaysia menindak tegas pelaku.", pub="2025-07-01"),
                "REQUEST", source=[INDONESIA], target=["Q833"])


def test_a_protest_is_an_accusation_only_when_someone_lodges_it(tmp_path):
    evs = events_of(tmp_path, "Bendera itu menjadi simbol utama protes anti-pemerintah dari Peru hingga "
                    "Madagaskar.", pub="2025-10-20")
    assert not evs
    evs = events_of(tmp_path, "Pemerintah Indonesia melayangkan protes kepada Jepang.", pub="2025-10-20")
    assert find(evs, "ACCUSE", source=[INDONESIA], target=["Q17"])


def test_speaking_freely_or_openly_is_no_talk(tmp_path):
    assert not events_of(tmp_path, "Pihak universitas menyebut kebijakan itu pelanggaran terhadap Konstitusi AS, "
                         "khususnya hak kebebasan berbicara.", pub="2025-05-27")
    assert not events_of(tmp_path, "CEO Microsoft Satya Nadella sebelumnya telah berbicara terbuka tentang AI.",
                         pub="2025-05-27")


def test_visiting_a_web_page_is_no_visit(tmp_path):
    assert not events_of(tmp_path, "Hubungi layanan Hubungan Internasional di institusi Prancis dengan mengunjungi "
                         "situs web mereka, melalui email, atau telepon.", pub="2025-11-06")
    assert [e["target"] for e in events_of(tmp_path, "Presiden Perancis Emmanuel Macron mengunjungi Vietnam.",
                                             pub="2025-05-27")] == [{"Q881"}]


def test_holding_a_meeting_elsewhere_is_no_hosting(tmp_path):
    """ "menggelar pertemuan dengan X di London" holds talks; neither side visits the other."""
    evs = events_of(tmp_path, "Presiden AS Donald Trump mengumumkan bahwa pejabat tinggi dari pemerintahannya akan "
                    "menggelar pertemuan dagang dengan delegasi China di London pada Senin pekan depan.", pub="2025-06-06")
    assert [(e["type"], e["mode"], e["source"] | e["target"], e["place"], e["date"]) for e in evs] == [
        ("CONSULT", None, {"Q30", "Q148"}, "Q84", date(2025, 6, 9))]


def test_a_leaders_administration_is_his_country(tmp_path):
    evs = events_of(tmp_path, "China juga mengecam keputusan pemerintahan Trump yang mencabut visa sejumlah "
                    "mahasiswa.", pub="2025-06-06")
    assert [(e["type"], e["source"], e["target"]) for e in evs if e["type"] == "ACCUSE"] == [
        ("ACCUSE", {"Q148"}, {"Q30"})]


def test_what_an_unnamed_spokesperson_says_and_does_is_his_countrys(tmp_path):
    evs = events_of(tmp_path, "Juru Bicara Kementerian Luar Negeri Korea Utara dalam siaran yang dirilis media resmi "
                    "KCNA mengatakan, negaranya menyampaikan keprihatinan yang serius atas serangan militer Israel "
                    "terhadap situs sipil Iran. Dia juga menuduh Israel terlibat dalam terorisme.", pub="2025-06-19")
    accusations = [(e["source"], e["target"]) for e in evs if e["type"] == "ACCUSE"]
    assert accusations == [({"Q423"}, {"Q801"}), ({"Q423"}, {"Q801"})]


def test_judging_an_act_judges_its_author_and_concern_needs_someone(tmp_path):
    evs = events_of(tmp_path, "Korea Utara mengecam keras serangan udara Israel.", pub="2025-06-19")
    assert {(e["type"], frozenset(e["source"]), frozenset(e["target"])) for e in evs} == {
        ("ACCUSE", frozenset({"Q423"}), frozenset({"Q801"})), ("ASSAULT", frozenset({"Q801"}), frozenset())}
    assert not events_of(tmp_path, "Indonesia menyampaikan keprihatinan atas banjir di Bekasi.", pub="2025-06-19")
    # one politician "attacking" another attacks with words
    assert not events_of(tmp_path, "Pengamat menilai serangan terbaru Trump terhadap Barack Obama berkaitan dengan tekanan "
                         "yang sedang dihadapinya.", pub="2025-07-23")


def test_a_warning_to_do_or_not_is_a_demand(tmp_path):
    evs = events_of(tmp_path, "Korea Utara juga memperingatkan AS dan negara-negara Eropa agar tidak campur tangan "
                    "lebih lanjut.", pub="2025-06-19")
    assert [(e["type"], e["source"], e["target"], e["contexts"]) for e in evs] == [
        ("REQUEST", {"Q423"}, {"Q30"}, set())]


def test_an_appeal_named_with_its_author_is_made_to_whom_it_goes(tmp_path):
    evs = events_of(tmp_path, "Kekhawatiran semakin mencuat seiring desakan Israel kepada Gedung Putih untuk campur "
                    "tangan dalam konfliknya dengan Teheran.", pub="2025-06-19")
    assert [(e["type"], e["source"], e["target"]) for e in evs] == [("REQUEST", {"Q801"}, {"Q35525"})]


def test_a_national_team_is_not_the_state(tmp_path):
    assert not events_of(tmp_path, "Dalam laga final ASEAN U23 Championship 2025, Timnas U23 Indonesia akan bersua "
                         "dengan Vietnam.", pub="2025-07-20")
    assert not events_of(tmp_path, "Timnas Indonesia akan melakukan kunjungan ke Stadion Panasonic Suita di Osaka "
                         "pada Selasa (10/6).", pub="2025-06-05")


def test_a_countrys_people_are_not_its_state(tmp_path):
    assert not events_of(tmp_path, "Tidak semua warga Iran mendukung permusuhan Iran terhadap Israel.")
    assert not events_of(tmp_path, "Untuk informasi lebih lanjut, masyarakat Indonesia dapat menghubungi nomor "
                         "+62 812-8971-0029.")
    # a name with "Rakyat" in it is no people
    assert find(events_of(tmp_path, "Dewan Perwakilan Rakyat RI mendukung kemerdekaan Palestina."),
                "SUPPORT", source=[INDONESIA])


def test_the_outlet_that_confirmed_a_quote_did_not_say_it(tmp_path):
    ex = extraction_of(tmp_path, '"Kami tetap akan demo selama tuntutan kami untuk bertemu dengan gubernur belum '
                       'dipenuhi," kata Wahyu saat dikonfirmasi Kompas.com, Rabu (5/11/2025).', "2025-11-06")
    assert not ex.events and not [st for st in ex.statements if st.speaker == "organization/kompas"]
    ex = extraction_of(tmp_path, '"Kami mendukung Palestina," kata Menteri Luar Negeri Sugiono kepada wartawan.',
                       "2025-11-06")
    assert [st.speaker for st in ex.statements] == ["person/sugiono"]


def test_the_articles_own_outlet_acts_in_none_of_its_events(tmp_path):
    text = ("Kompas.com telah berupaya menghubungi Manager Corporate Secretary TMII Novera Mayang Sari untuk "
            "meminta tanggapan. Tim Cek Fakta Kompas.com mengonfirmasi informasi itu dengan menghubungi BPJS.")
    assert not extraction_of(tmp_path, text, "2025-05-01", outlet="Kompas.com").events
    assert extraction_of(tmp_path, text, "2025-05-01", outlet="detik.com").events  # another outlet may act


def test_not_only_and_did_not_forget_negate_nothing(tmp_path):
    (ev,) = events_of(tmp_path, "Presiden Prabowo tak lupa berterima kasih kepada Presiden Putin.")
    assert "Negated" not in ev["contexts"]
    (ev,) = events_of(tmp_path, "Indonesia tidak mendukung rencana Israel itu.")
    assert "Negated" in ev["contexts"]


def test_a_bare_government_under_a_foreign_dateline_is_that_countrys(tmp_path):
    evs = events_of(tmp_path, "BANGKOK, KOMPAS.com - Pemerintah meminta Kamboja menarik pasukannya.",
                    pub="2025-06-19")
    assert find(evs, "REQUEST", source=[THAILAND], target=[CAMBODIA])
    evs = events_of(tmp_path, "JAKARTA, KOMPAS.com - Pemerintah meminta Malaysia menindak tegas pelaku.",
                    pub="2025-06-19")
    assert find(evs, "REQUEST", source=[INDONESIA], target=["Q833"])


def test_where_someone_comes_from_is_no_actor(tmp_path):
    assert not events_of(tmp_path, "Dua turis asal Amerika Serikat (AS) meminta bantuan tim penyelamat di Gunung Fuji.")
    assert not events_of(tmp_path, "Pembicaraan dilakukan di tengah potensi bergabungnya GoTo dengan Grab Holdings "
                         "yang merupakan perusahaan asal Singapura.")


def test_attacks_stopping_are_no_attack(tmp_path):
    assert not events_of(tmp_path, "Kampanye itu berakhir pada Mei, seiring tercapainya kesepakatan yang mencakup "
                         "penghentian serangan Houthi terhadap kapal-kapal internasional.")


def test_an_indonesian_embassy_acts_for_indonesia(tmp_path):
    evs = events_of(tmp_path, "KBRI Phnom Penh tengah memberikan bantuan kepada Kamboja.", pub="2025-07-25")
    assert find(evs, "AID", source=[INDONESIA], target=[CAMBODIA])
    assert find(events_of(tmp_path, "KBRI Australia pun mengeluarkan imbauan."), "REQUEST", source=[INDONESIA])


def test_coordinating_with_another_side_is_cooperation(tmp_path):
    evs = events_of(tmp_path, "KBRI Tokyo dan KJRI Osaka secara rutin menjalin komunikasi dan koordinasi dengan "
                    "otoritas Jepang.", pub="2025-10-20")
    assert find(evs, "COOPERATE", source=[INDONESIA], target=["Q17"])
    assert not events_of(tmp_path, "Menteri Luar Negeri Sugiono menyampaikan hal itu dalam rapat koordinasi di "
                         "Jakarta.", pub="2025-10-20")


def test_attacking_play_is_no_attack(tmp_path):
    assert not events_of(tmp_path, "Tim itu sering membuat kejutan ketika menghadapi tim-tim besar Premier League "
                         "dengan permainan menyerang.")


def test_a_threatened_act_is_no_act(tmp_path):
    evs = events_of(tmp_path, "Trump mengancam menaikkan tarif barang impor dari China.", pub="2025-10-20")
    assert find(evs, "THREATEN", source=["Q22686"], target=["Q148"]) and not find(evs, "SANCTION")
    assert find(events_of(tmp_path, "Trump menaikkan tarif barang impor dari China.", pub="2025-10-20"),
                "SANCTION", source=["Q22686"], target=["Q148"])


def test_a_place_fronted_before_a_comma_is_where_the_sentence_happens(tmp_path):
    evs = events_of(tmp_path, '"Di Rusia, Presiden Prabowo akan melakukan pertemuan bilateral dengan Presiden '
                    'Putin pada 19 Juni 2025," kata Seskab.', pub="2025-06-16")
    (meeting,) = find(evs, "CONSULT", source=[PRABOWO])
    assert (meeting["place"], meeting["date"]) == ("Q159", date(2025, 6, 19))


def test_an_attack_named_with_its_agent_and_target(tmp_path):
    evs = events_of(tmp_path, "Serangan dari Israel terhadap Hizbullah menewaskan empat orang.", pub="2025-11-02")
    assert find(evs, "ASSAULT", source=[ISRAEL], target=["Q41053"])
    # condemning it accuses its agent
    evs = events_of(tmp_path, "Paus Leo XIV mengecam serangan mematikan dari militer Israel di Gaza.",
                    pub="2025-07-20")
    assert find(evs, "ACCUSE", source=["pope-leo-xiv"], target=[ISRAEL])
    # a noun written with "pasca" ("after") is still the noun
    evs = events_of(tmp_path, "Pernyataan itu dilontarkan pascaserangan mematikan dari militer Israel di Gaza.",
                    pub="2025-07-20")
    assert find(evs, "ASSAULT", source=[ISRAEL])


def test_a_role_noun_with_tersebut_is_the_last_person_named(tmp_path):
    evs = events_of(tmp_path, '"Itu genosida," ujar Francesca Albanese, pelapor khusus PBB.\n\n'
                    "Pakar Italia tersebut telah menghadapi kritik keras dari Israel.", pub="2025-09-16")
    assert find(evs, "ACCUSE", source=[ISRAEL], target=["francesca-albanese"])


def test_words_of_a_meetings_own_name_stand_between_it_and_its_sides(tmp_path):
    evs = events_of(tmp_path, "Presiden Putin mula-mula menyinggung soal pertemuan Komisi Bersama "
                    "Rusia-Indonesia di Jakarta pada April 2025.", pub="2025-06-19")
    (meeting,) = find(evs, "CONSULT")
    # "Bersama" in the name is no "bersama" (with): Putin only speaks of the meeting
    assert meeting["source"] | meeting["target"] == {"Q159", INDONESIA}
    assert meeting["place"] == "Q3630"


def test_an_event_during_the_clause_before_takes_its_day(tmp_path):
    evs = events_of(tmp_path, "Pernyataan tersebut disampaikan Wong dalam konferensi pers bersama Presiden "
                    "Perancis Emmanuel Macron pada Jumat (30/5/2025), saat kunjungan kenegaraan Macron ke "
                    "Singapura.", pub="2025-05-31")
    (visit,) = [e for e in find(evs, "CONSULT", source=[MACRON]) if e["mode"] == "visit"]
    assert visit["date"] == date(2025, 5, 30)
    # and what happens during an occasion dated after it takes the occasion's day
    evs = events_of(tmp_path, "Presiden Prancis, Emmanuel Macron, memberikan tanda jasa kehormatan kepada "
                    "Presiden Prabowo Subianto, dalam rangkaian kunjungannya ke Akademi Militer Magelang, "
                    "pada Kamis (29/5/2025).", pub="2025-05-30")
    (award,) = find(evs, "SUPPORT", source=[MACRON], target=[PRABOWO])
    assert award["date"] == date(2025, 5, 29)


def test_an_attack_is_on_whom_what_it_destroys_belongs_to(tmp_path):
    evs = events_of(tmp_path, "Trump menyebut serangan yang dilakukan pasukan gabungan AS dan Israel telah "
                    "menghancurkan program nuklir Iran.", pub="2025-11-02")
    assert find(evs, "ASSAULT", source=[US, ISRAEL], target=["Q794"])


def test_people_known_only_by_name_are_actors_only_beside_a_public_one(tmp_path):
    # a judge asking a witness: no diplomacy
    evs = events_of(tmp_path, '"Silakan," kata Arfian Setyawardhana. Ia meminta Nikita Mirzani untuk merumuskan '
                    "pertanyaan secara fokus.", pub="2025-07-20")
    assert evs == []
    # an activist urging a state
    evs = events_of(tmp_path, "Aktivis politik Samer Sinijlawi mendesak Perancis memutus hubungan dengan "
                    "Israel.", pub="2025-07-25")
    assert find(evs, "REQUEST", source=["samer-sinijlawi"], target=["Q142"])


def test_people_known_only_by_name_and_in_no_event_are_left_out(tmp_path):
    ex = extraction_of(tmp_path, '"Kami akan bermain lebih baik," kata Arfian Setyawardhana. Aktivis politik Samer '
                       'Sinijlawi mendesak Perancis memutus hubungan dengan Israel. "Itu simbolis," kata Samer '
                       'Sinijlawi.', "2025-07-25")
    assert "person/arfian-setyawardhana" not in ex.entities
    assert [st.speaker for st in ex.statements] == ["person/samer-sinijlawi"]
    assert all(m.key != "arfian-setyawardhana" for m in ex.mentions)


def test_one_appeal_of_one_source_in_one_sentence_is_one_event(tmp_path):
    evs = events_of(tmp_path, "Paus Leo XIV menyerukan agar konflik di Gaza segera diakhiri dan mendesak "
                    "militer Israel menghentikan agresi.", pub="2025-07-20")
    (request,) = find(evs, "REQUEST")
    assert request["target"] == {ISRAEL}


def test_what_a_speaker_does_by_saying_it_happens_where_and_when_it_is_said(tmp_path):
    evs = events_of(tmp_path, '"Kami mendesak Israel menghentikan serangan," ujar Menlu Sugiono dalam '
                    "konferensi pers di Jakarta, Senin (5/5/2025).", pub="2025-05-06")
    (request,) = find(evs, "REQUEST", target=[ISRAEL])
    assert (request["place"], request["date"]) == ("Q3630", date(2025, 5, 5))
    # what it tells happened elsewhere, at another time
    evs = events_of(tmp_path, '"Saya sudah bertemu Presiden Rusia Vladimir Putin," ujar Presiden Prabowo Subianto '
                    "dalam konferensi pers di Jakarta, Senin (5/5/2025).", pub="2025-05-06")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["place"] != "Q3630" and meeting["date"] != date(2025, 5, 5)


def test_words_of_a_documents_name_are_no_act(tmp_path):
    evs = events_of(tmp_path, '"Saya sangat berbahagia menandatangani Pernyataan Kerja Sama bersama Menteri '
                    'Rosan Roeslani," ujar Duta Besar Uni Eropa untuk Indonesia Denis Chaibi.', pub="2025-06-14")
    assert [e["type"] for e in evs] == ["AGREE"]
    assert evs[0]["source"] == {"denis-chaibi"} and evs[0]["target"] == {"rosan-roeslani"}


def test_a_penalty_a_leader_announces_on_another_state_is_his(tmp_path):
    evs = events_of(tmp_path, "Presiden AS Donald Trump menekankan bahwa Indonesia bakal dikenai tarif hingga "
                    "32 persen mulai 1 Agustus 2025.", pub="2025-07-16")
    assert find(evs, "SANCTION", source=["Q22686"], target=[INDONESIA])
    # but not one he says his own country faces
    evs = events_of(tmp_path, "Presiden Prabowo Subianto mengatakan bahwa Indonesia dikenai tarif 19 persen.",
                    pub="2025-07-16")
    assert not find(evs, "SANCTION", source=[PRABOWO])


def test_the_one_who_answers_a_request_is_the_one_it_was_made_to(tmp_path):
    evs = events_of(tmp_path, "Pemerintah Indonesia juga meminta produk perikanan Indonesia diperlakukan setara. "
                    "Uni Eropa menyetujui permintaan tersebut.", pub="2025-07-13")
    assert find(evs, "REQUEST", source=[INDONESIA], target=[EU])
    assert find(evs, "AGREE", source=[EU], target=[INDONESIA])


def test_a_leader_saying_his_country_acts_is_the_one_acting(tmp_path):
    evs = events_of(tmp_path, "Kanselir Jerman Friedrich Merz menyatakan dengan tegas bahwa Jerman mendukung "
                    "realisasi solusi dua negara.", pub="2025-05-26")
    assert find(evs, "SUPPORT", source=[MERZ])
    # another country in his statement stays the source
    evs = events_of(tmp_path, "Kanselir Jerman Friedrich Merz mengatakan bahwa Perancis mendukung solusi dua "
                    "negara.", pub="2025-05-26")
    assert find(evs, "SUPPORT", source=["Q142"])


def test_what_is_agreed_is_no_other_act(tmp_path):
    evs = events_of(tmp_path, '"Kita sepakat untuk terus bekerja sama dengan Uni Eropa," ujar Menteri '
                    "Koordinator Bidang Perekonomian Airlangga Hartarto.", pub="2025-05-06")
    assert [e["type"] for e in evs] == ["AGREE"]


def test_an_escalation_is_a_threat_only_when_it_will_or_may_come(tmp_path):
    evs = events_of(tmp_path, "Perancis dapat memperkeras sikapnya terhadap Israel apabila negara tersebut terus "
                    "menghalangi bantuan kemanusiaan ke Gaza.", pub="2025-05-30")
    assert find(evs, "THREATEN", source=["Q142"], target=[ISRAEL])
    evs = events_of(tmp_path, "Israel bakal meningkatkan operasi militer di Lebanon selatan.", pub="2025-11-02")
    assert find(evs, "THREATEN", source=[ISRAEL], target=["Q822"])
    evs = events_of(tmp_path, "Israel meningkatkan operasi militer di Lebanon selatan.", pub="2025-11-02")
    assert not find(evs, "THREATEN")


def test_both_countries_are_the_two_of_this_sentence_first(tmp_path):
    evs = events_of(tmp_path, "Presiden China Xi Jinping bertemu Presiden Korea Selatan Lee Jae Myung di "
                    "Gyeongju.\n\nSebelumnya, Lee juga menjamu Presiden AS Donald Trump dalam kunjungan "
                    "kenegaraan singkat, memuji kerja sama kedua negara.", pub="2025-11-01")
    assert find(evs, "SUPPORT", source=["Q12612463"], target=[US])


def test_a_subject_of_its_own_keeps_the_clause_from_reaching_back(tmp_path):
    evs = events_of(tmp_path, "Meskipun Pyongyang belum memberikan komentar resmi, para analis mengatakan bahwa "
                    "rezim Kim Jong Un hampir pasti akan bereaksi dengan marah dan mengumumkan langkah balasan.",
                    pub="2025-11-04")
    assert not find(evs, "THREATEN")


def test_talks_a_third_country_hosts_are_held_there(tmp_path):
    evs = events_of(tmp_path, "Oman sebelumnya telah menjadi tuan rumah lima putaran pembicaraan antara Iran dan "
                    "AS sepanjang tahun ini.", pub="2025-11-02")
    (talks,) = find(evs, "CONSULT")
    assert talks["source"] | talks["target"] == {"Q794", US} and talks["place"] == "Q842"


def test_a_day_relative_to_the_sentence_before(tmp_path):
    evs = events_of(tmp_path, "Serangan dari Israel pada Sabtu (1/11/2025) di distrik Nabatiyeh menewaskan empat "
                    "orang. Sehari sebelumnya, seorang petugas Hizbullah tewas dalam serangan Israel.",
                    pub="2025-11-02")
    assert sorted(e["date"] for e in find(evs, "ASSAULT")) == [date(2025, 10, 31), date(2025, 11, 1)]


def test_reciprocal_restrictions_are_one_event(tmp_path):
    evs = events_of(tmp_path, "Thailand dan Kamboja memberlakukan pembatasan di perbatasan satu sama lain.")
    (sanction,) = find(evs, "SANCTION")
    assert sanction["source"] | sanction["target"] == {THAILAND, CAMBODIA}


def test_a_launch_at_a_target_is_an_attack_and_without_one_a_show_of_force(tmp_path):
    evs = events_of(tmp_path, "Iran meluncurkan rentetan rudal balistik ke Israel pada Selasa malam. "
                    "Korea Utara juga meluncurkan rudal dan artileri pada Senin.")
    assert find(evs, "ASSAULT", source=["Q794"], target=[ISRAEL])
    assert find(evs, "MOBILIZE", source=["Q423"])


def test_what_is_said_at_the_reported_occasion_takes_its_day(tmp_path):
    evs = events_of(tmp_path, "Perdana Menteri Singapura Lawrence Wong berbicara dalam konferensi pers "
                    "pada Jumat (30/5/2025).\n\n"
                    "\u201cKami mendesak Israel untuk membuka akses bantuan,\u201d kata Wong.\n\n"
                    "Sebelumnya, Wong pernah mendesak Hamas membebaskan sandera.", pub="2025-05-31")
    (now,) = find(evs, "REQUEST", target=[ISRAEL])
    assert now["date"] == date(2025, 5, 30)
    (before,) = find(evs, "REQUEST", target=["Q38799"])
    assert before["date"] is None


def test_what_the_lead_narrates_takes_its_day(tmp_path):
    evs = events_of(tmp_path, "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto memulai kunjungan "
                    "kenegaraannya di Singapura, Senin (16/6/2025).\n\n"
                    "Presiden Tharman menyampaikan apresiasi kepada Presiden Prabowo.\n\n"
                    "Tharman sebelumnya pernah memuji Presiden Macron.\n\n"
                    "Tharman akan mendukung Presiden Macron.", pub="2025-06-16")
    (now,) = find(evs, "SUPPORT", target=[PRABOWO])
    assert now["date"] == date(2025, 6, 16)
    assert [e["date"] for e in find(evs, "SUPPORT", target=[MACRON])] == [None, None]


def test_place_after_an_unknown_building(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di Istana "
                    "Constantine, St Petersburg, Kamis (19/6/2025).", pub="2025-06-20")
    (meet,) = find(evs, "CONSULT")
    assert meet["place"] == "Q656" and meet["date"] == date(2025, 6, 19)


def test_a_meeting_in_one_sides_country_is_the_others_visit(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto mengadakan pertemuan bilateral dengan Presiden Rusia "
                    "Vladimir Putin di St Petersburg, Kamis (19/6/2025).", pub="2025-06-20")
    (visit,) = find(evs, "CONSULT")
    assert visit["mode"] == "visit"
    assert visit["source"] == {PRABOWO} and visit["target"] == {"Q7747"} and visit["place"] == "Q656"


def test_a_commemorative_summit_is_no_warning(tmp_path):
    evs = events_of(tmp_path, "Selanjutnya, ada KTT Peringatan ASEAN-Selandia Baru turut diselenggarakan "
                    "di Kuala Lumpur.")
    assert not find(evs, "THREATEN")


def test_both_countries_as_the_target_of_a_threat(tmp_path):
    evs = events_of(tmp_path, "Thailand dan Kamboja sepakat melakukan gencatan senjata.\n\n"
                    "Sebelumnya, Presiden AS Donald Trump mengancam akan menaikkan tarif perdagangan bagi "
                    "kedua negara bila konflik terus berlanjut.", pub="2025-10-20")
    threat = find(evs, "THREATEN", source=["Q22686"])
    assert threat and threat[0]["target"] == {THAILAND, CAMBODIA}


IRAN, CHINA, SOUTH_KOREA, XI, LEBANON, MYANMAR = "Q794", "Q148", "Q884", "Q15031", "Q822", "Q836"


def test_a_capital_urged_is_its_government(tmp_path):
    evs = events_of(tmp_path, "Oman kembali mendorong Teheran dan Washington untuk melanjutkan "
                    "perundingan nuklir.")
    assert find(evs, "REQUEST", target=[IRAN, US])
    # a capital after "di" stays a place
    evs = events_of(tmp_path, "Menlu Sugiono tiba di Beijing pada Senin (14/7/2025).")
    (visit,) = find(evs, "CONSULT")
    assert visit["place"] == "Q956" and visit["target"] == {CHINA}  # the host: China


def test_visiting_a_capital_visits_its_country(tmp_path):
    evs = events_of(tmp_path, "Presiden China Xi Jinping mengunjungi Seoul pekan lalu.")
    (visit,) = find(evs, "CONSULT", source=[XI])
    assert visit["mode"] == "visit" and visit["target"] == {SOUTH_KOREA} and visit["place"] == "Q8684"


def test_coming_home_is_no_visit_to_ones_own_country(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto tiba di Jakarta usai lawatan ke Rusia.")
    assert all(INDONESIA not in e["target"] for e in find(evs, "CONSULT"))


def test_a_date_in_brackets_does_not_end_the_subject_clause(tmp_path):
    evs = events_of(tmp_path, "Menteri Luar Negeri Malaysia Mohamad Hasan pada Jumat (24/10/2025) "
                    "mengatakan, rencana lima poin itu tidak sulit diimplementasikan, dan mendesak "
                    "junta Myanmar untuk membuka akses bantuan kemanusiaan.", "2025-10-25")
    (request,) = find(evs, "REQUEST", source=["mohamad-hasan"], target=[MYANMAR])
    assert request["date"] == date(2025, 10, 24)  # the day the subject spoke dates the sentence
    evs = events_of(tmp_path, "Militer Israel pada Minggu (20/7/2025) juga mengeluarkan perintah "
                    "evakuasi bagi warga di Jalur Gaza tengah.", "2025-07-21")
    (order,) = find(evs, "COERCE", source=[ISRAEL])
    assert order["date"] == date(2025, 7, 20)


def test_criticism_from_x_has_x_as_source_but_imports_from_x_do_not(tmp_path):
    evs = events_of(tmp_path, "Kedua pengadilan itu menuai kritikan keras dari Israel.")
    assert find(evs, "ACCUSE", source=[ISRAEL])
    evs = events_of(tmp_path, "Amerika Serikat akan meninjau ulang semua permohonan visa dari China.")
    assert not find(evs, "REQUEST", source=[CHINA])


def test_pressure_on_a_country_is_a_request(tmp_path):
    evs = events_of(tmp_path, "Pasca-gencatan senjata, Amerika Serikat (AS) meningkatkan tekanan "
                    "terhadap Lebanon agar segera melucuti senjata Hizbullah.")
    assert find(evs, "REQUEST", source=[US], target=[LEBANON])


def test_the_occasion_of_a_quote_is_a_meeting(tmp_path):
    evs = events_of(tmp_path, '"Kami terbuka untuk kerja sama dengan mitra Indonesia," kata Putin '
                    "seusai pertemuan bilateral dengan Presiden Prabowo Subianto di St Petersburg, "
                    "Kamis (19/6/2025).", "2025-06-20")
    (meeting,) = find(evs, "CONSULT")
    assert {"Q7747", PRABOWO} <= meeting["source"] | meeting["target"]
    assert meeting["date"] == date(2025, 6, 19)


def test_meeting_in_a_fronted_adjunct_takes_the_main_subject(tmp_path):
    evs = events_of(tmp_path, "Menteri Luar Negeri Jerman Johann Wadephul mengkritik Israel. Dalam "
                    "pertemuan dengan Menteri Luar Negeri Spanyol di Madrid, ia menyerukan agar proses "
                    "negosiasi antara Israel dan Hamas segera dimulai.")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["source"] == {"johann-wadephul"} and meeting["target"] == {"Q29"}
    assert meeting["place"] == "Q2807"
    # what is asked for is no event of its own; those asked are the agar-clause's actors
    (request,) = find(evs, "REQUEST", source=["johann-wadephul"])
    assert request["target"] == {ISRAEL, "Q38799"} and request["place"] == "Q2807"


def test_visit_to_meet_someone_is_one_visit_to_that_person(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo akan mengunjungi Singapura untuk bertemu dengan Perdana "
                    "Menteri Singapura, Yang Mulia Lawrence Wong, pada Senin (16/6/2025).", "2025-06-15")
    (visit,) = find(evs, "CONSULT")
    assert visit["source"] == {PRABOWO} and visit["target"] == {"Q6504758"}
    assert visit["mode"] == "visit" and visit["place"] == "Q334" and visit["date"] == date(2025, 6, 16)
    assert "Future" in visit["contexts"]


def test_a_palace_stands_for_its_city(tmp_path):
    evs = events_of(tmp_path, "Macron diketahui akan bertemu dengan Presiden Prabowo Subianto di Istana "
                    "Merdeka, Rabu (28/5/2025).", "2025-05-27")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["place"] == "Q3630" and meeting["date"] == date(2025, 5, 28)
    evs = events_of(tmp_path, "Presiden Prabowo Subianto bertemu Presiden Donald Trump di Gedung Putih.")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["place"] == "Q61"


def test_a_title_without_a_name_is_the_2025_holder(tmp_path):
    evs = events_of(tmp_path, "Menlu AS bertemu Menlu Jerman di Washington pada Senin (2/6/2025). "
                    "PM Israel mengecam Hamas.", "2025-06-03")
    assert find(evs, "CONSULT", source=["johann-wadephul"], target=["marco-rubio"])
    assert find(evs, "ACCUSE", source=[NETANYAHU])
    # in 2021 the same title named someone else: Prabowo was Indonesia's defence minister
    evs = events_of(tmp_path, "Menhan Indonesia bertemu Menhan Prancis di Jakarta.", "2021-06-03")
    assert all("sjafrie-sjamsoeddin" not in e["source"] | e["target"] for e in evs)


def test_a_tour_of_three_countries_is_three_visits(tmp_path):
    evs = events_of(tmp_path, "Diketahui, Presiden Prancis Emmanuel Macron mengunjungi tiga negara di "
                    "ASEAN, yakni Vietnam, Indonesia, dan Singapura.", "2025-05-27")
    visits = find(evs, "CONSULT", source=[MACRON])
    assert sorted((tuple(v["target"]), v["place"]) for v in visits) == [
        (("Q252",), "Q252"), (("Q334",), "Q334"), (("Q881",), "Q881")]


def test_the_pope_alone_is_the_pope_of_the_day(tmp_path):
    evs = events_of(tmp_path, "Paus sempat menghubungi Perdana Menteri Israel (PM) Benjamin Netanyahu "
                    "melalui sambungan telepon.", "2025-07-21")
    assert find(evs, "CONSULT", source=["pope-leo-xiv"], target=[NETANYAHU])
    evs = events_of(tmp_path, "Paus bertemu Presiden Joko Widodo di Jakarta.", "2024-09-05")
    assert find(evs, "CONSULT", source=["Q450675"])  # Pope Francis


def test_a_reporting_date_is_not_the_event_date(tmp_path):
    evs = events_of(tmp_path, "Pada Sabtu (19/7/2025), pasukan Israel menewaskan sedikitnya 32 orang di "
                    "wilayah Teina, Jalur Gaza, dikutip dari Sky News pada Minggu (20/7/2025).", "2025-07-21")
    (attack,) = find(evs, "ASSAULT", source=[ISRAEL])
    assert attack["date"] == date(2025, 7, 19)


def test_the_person_of_an_organisation_title_is_the_actor(tmp_path):
    evs = events_of(tmp_path, "Prabowo Subianto melangsungkan pertemuan dengan Presiden Komisi Uni Eropa "
                    "Ursula von der Leyen di Kantor Pusat Uni Eropa Berlaymont Building, Brussel, "
                    "Minggu (13/7/2025).")
    (meeting,) = find(evs, "CONSULT")
    assert VDL in meeting["source"] | meeting["target"] and EU not in meeting["source"] | meeting["target"]
    assert meeting["place"] == BRUSSELS


def test_relative_clause_verb_takes_the_noun_before_yang(tmp_path):
    evs = events_of(tmp_path, "Hal itu terlihat dari pernyataan pemerintah AS yang meminta Indonesia "
                    "tidak kecewa atas keputusan mereka.")
    assert find(evs, "REQUEST", source=[US], target=[INDONESIA])
    # not across a comma: the customers who call are nobody's
    evs = events_of(tmp_path, "Mengutip CNN Indonesia, pelanggan yang menelepon kembali dikenakan biaya.")
    assert not evs


def test_fighting_between_two_armies_is_one_event_of_both(tmp_path):
    evs = events_of(tmp_path, "Kedua negara terlibat pertempuran antara tentara Thailand dan Kamboja.")
    assert find(evs, "ASSAULT", source=[THAILAND, CAMBODIA])
    evs = events_of(tmp_path, "Ia menyoroti serangan yang dilakukan pasukan gabungan AS dan Israel.")
    assert find(evs, "ASSAULT", source=[US, ISRAEL])  # a joint strike, not two


def test_bare_pemerintah_is_the_government_last_named_else_indonesia(tmp_path):
    evs = events_of(tmp_path, "Pemerintah menyambut baik rencana kehadiran Presiden Macron. Pemerintah "
                    "Jepang mengecam Korea Utara. Pemerintah juga memperingatkan Pyongyang akan sanksi baru.")
    assert find(evs, "SUPPORT", source=[INDONESIA], target=[MACRON])
    assert find(evs, "THREATEN", source=["Q17"], target=["Q423"])


def test_a_welcome_by_the_head_of_state_is_the_visit_to_him(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto memulai kunjungan kenegaraannya di Singapura. "
                    "Kedatangan Prabowo disambut langsung oleh Presiden Singapura, Tharman Shanmugaratnam.",
                    "2025-06-16")
    (visit,) = find(evs, "CONSULT")
    assert visit["source"] == {PRABOWO} and visit["target"] == {"Q983752"} and visit["mode"] == "visit"


def test_hosting_is_the_guests_visit(tmp_path):
    evs = events_of(tmp_path, "Presiden Korea Selatan Lee Jae Myung menjamu Presiden AS Donald Trump "
                    "dalam kunjungan kenegaraan singkat.", "2025-10-30")
    (visit,) = find(evs, "CONSULT")
    assert visit["source"] == {"Q22686"} and visit["target"] == {"Q12612463"} and visit["mode"] == "visit"


def test_a_zero_tariff_is_no_sanction(tmp_path):
    evs = events_of(tmp_path, "Sekitar 80 persen produk ekspor Indonesia ke Uni Eropa akan dikenakan "
                    "tarif 0 persen.")
    assert not find(evs, "SANCTION")


def test_offering_talks_is_a_request_not_a_meeting(tmp_path):
    evs = events_of(tmp_path, "Trump sempat menawarkan pertemuan dengan Pemimpin Korea Utara Kim Jong Un.",
                    "2025-10-30")
    assert find(evs, "REQUEST", source=["Q22686"], target=["Q56226"]) and not find(evs, "CONSULT")


def test_both_countries_after_a_meeting_of_two_presidents_are_their_countries(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di St "
                    "Petersburg. Di samping itu, kedua negara juga sepakat untuk meningkatkan jumlah "
                    "pelajar.", "2025-06-20")
    assert find(evs, "AGREE", source=[INDONESIA, RUSSIA])


def test_a_judgement_in_a_statement_accuses_or_praises(tmp_path):
    evs = events_of(tmp_path, "Perdana Menteri Singapura Lawrence Wong menyebut tindakan Israel dalam "
                    "membatasi bantuan sebagai sesuatu yang tidak dapat diterima.", "2025-05-30")
    assert find(evs, "ACCUSE", source=["Q6504758"], target=[ISRAEL])
    evs = events_of(tmp_path, "Presiden AS Donald Trump menyebut Presiden Prabowo sebagai sosok yang hebat.")
    assert find(evs, "SUPPORT", source=["Q22686"], target=[PRABOWO])
    evs = events_of(tmp_path, "Presiden AS Donald Trump menyebut Presiden Prabowo datang pekan lalu.")
    assert not evs


def test_an_event_named_again_points_to_its_actors(tmp_path):
    evs = events_of(tmp_path, "Pasukan Israel menyerang Gaza. Paus Leo XIV dan Presiden Amerika Serikat "
                    "Donald Trump sama-sama mengecam serangan tersebut. Thailand menuduh Kamboja menanam "
                    "ranjau darat. Kamboja membantah tuduhan itu.", "2025-07-21")
    assert find(evs, "ACCUSE", source=["pope-leo-xiv"], target=[ISRAEL])
    assert find(evs, "ACCUSE", source=["Q22686"], target=[ISRAEL])
    assert find(evs, "REJECT", source=[CAMBODIA], target=[THAILAND])


def test_the_agent_of_the_act_condemned_is_the_target(tmp_path):
    evs = events_of(tmp_path, "Paus Leo XIV mengecam dengan keras kekejaman yang dilakukan Israel di Jalur "
                    "Gaza.", "2025-07-21")
    assert find(evs, "ACCUSE", source=["pope-leo-xiv"], target=[ISRAEL])


def test_a_visit_to_meet_someone_told_as_a_noun(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto akan melanjutkan kunjungan kerjanya ke Rusia untuk "
                    "menemui Presiden Rusia Vladimir Putin.", "2025-06-15")
    (visit,) = find(evs, "CONSULT")
    assert visit["target"] == {"Q7747"} and visit["mode"] == "visit" and visit["place"] == RUSSIA
    assert "Future" in visit["contexts"]


def test_a_visit_to_a_country_whose_leader_the_sentence_names_is_to_him(tmp_path):
    evs = events_of(tmp_path, "Pernyataan tersebut disampaikan Perdana Menteri Singapura Lawrence Wong dalam "
                    "konferensi pers bersama Presiden Perancis Emmanuel Macron, saat kunjungan kenegaraan "
                    "Macron ke Singapura.", "2025-05-31")
    (visit,) = find(evs, "CONSULT", source=[MACRON])
    assert visit["target"] == {"Q6504758"} and visit["place"] == "Q334"


def test_two_governments_are_two_sides(tmp_path):
    evs = events_of(tmp_path, "Pemerintah Indonesia dan Pemerintah Inggris telah menandatangani kesepakatan "
                    "pengaturan praktis. Indonesia meminta perlakuan setara. Uni Eropa menyetujui "
                    "permintaan tersebut.", "2025-10-22")
    assert find(evs, "AGREE", source=[INDONESIA, "Q145"])
    (agree,) = find(evs, "AGREE", source=[EU])
    assert agree["target"] == {INDONESIA}  # granting the request of the one who asked


def test_praise_of_both_countries_and_of_you_goes_to_the_other_side(tmp_path):
    evs = events_of(tmp_path, "Presiden Korea Selatan Lee Jae Myung bertemu Presiden AS Donald Trump di "
                    "Gyeongju. Lee memuji kerja sama kedua negara. Trump berterima kasih atas "
                    "kepemimpinan Anda.", "2025-10-30")
    assert find(evs, "SUPPORT", source=["Q12612463"], target=[US])
    assert find(evs, "SUPPORT", source=["Q22686"], target=["Q12612463"])


def test_a_bare_meeting_after_usai_or_with_mereka_is_the_clauses_two_sides(tmp_path):
    evs = events_of(tmp_path, "Keinginan itu disampaikan saat Presiden Rusia Vladimir Putin memberikan "
                    "pernyataan bersama dengan Presiden Prabowo Subianto usai pertemuan di Istana "
                    "Constantin, St Petersburg, Rusia, Kamis (19/6/2025).", "2025-06-20")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["source"] | meeting["target"] == {"Q7747", PRABOWO}
    evs = events_of(tmp_path, "PM Jepang Sanae Takaichi mengatakan kepada Trump dalam pertemuan mereka di "
                    "Tokyo akhir Oktober lalu.", "2025-11-03")
    assert find(evs, "CONSULT", source=["Q1705028", "Q22686"])


def test_talks_undergone_and_summits_with_ordinals(tmp_path):
    evs = events_of(tmp_path, "Israel dan Hamas dilaporkan tengah menjalani perundingan gencatan senjata di "
                    "Qatar.")
    assert find(evs, "CONSULT", source=[ISRAEL, "Q38799"])
    evs = events_of(tmp_path, "Prabowo akan menghadiri KTT ke-47 ASEAN di Kuala Lumpur.")
    assert any("Q7768" in e["source"] | e["target"] for e in find(evs, "CONSULT"))


def test_speaking_for_or_to_someone_is_no_talk(tmp_path):
    evs = events_of(tmp_path, "Pelapor khusus itu tidak berbicara atas nama PBB. Menlu Sugiono berbicara "
                    "kepada wartawan di Jakarta.")
    assert not find(evs, "CONSULT")
    evs = events_of(tmp_path, "Menlu Sugiono berbicara dengan Menlu Rusia Sergey Lavrov di Moskwa.")
    assert find(evs, "CONSULT", source=["sugiono"])
    evs = events_of(tmp_path, "Negosiasi antara Amerika Serikat dan Rusia di Jenewa berlangsung alot.")
    assert find(evs, "CONSULT", source=[US, RUSSIA])


def test_the_group_named_again_is_the_last_organisation(tmp_path):
    evs = events_of(tmp_path, "AS mendesak Lebanon melucuti Hizbullah. Namun, kelompok tersebut dan "
                    "sekutunya menolak desakan itu. Judha Nugraha membantah informasi tersebut.")
    assert find(evs, "REJECT", source=["Q41053"], target=[US])
    assert len(find(evs, "REJECT")) == 1  # denying a news report rejects no one


def test_what_is_refused_is_no_event_and_recalling_an_ambassador_from_a_capital(tmp_path):
    evs = events_of(tmp_path, "Menteri Luar Negeri Jerman Johann Wadephul menolak gagasan untuk memberlakukan "
                    "embargo senjata terhadap Israel.")
    assert find(evs, "REJECT", source=["johann-wadephul"]) and not find(evs, "SANCTION")
    evs = events_of(tmp_path, "Israel telah menarik pulang Duta Besarnya dari Madrid tahun lalu.")
    assert find(evs, "SANCTION", source=[ISRAEL], target=["Q29"])


def test_agreeing_after_meeting_is_agreeing_with_the_one_met(tmp_path):
    evs = events_of(tmp_path, "Di sela KTT APEC, Trump juga bertemu Xi dan mencapai kesepakatan perdagangan.",
                    "2025-11-01")
    assert find(evs, "AGREE", source=["Q22686"], target=["Q15031"])


def test_giving_much_aid(tmp_path):
    evs = events_of(tmp_path, "Rusia yang dulu masih bernama Uni Soviet memberikan banyak bantuan kepada "
                    "Indonesia. Warga dengan bantuan relawan membersihkan sungai. Rakyat Indonesia tidak "
                    "lupa dengan bantuan dari Rusia.", "2025-06-20")
    assert [e["type"] for e in evs] == ["AID"] and find(evs, "AID", target=[INDONESIA])


def test_a_meeting_the_speaker_looks_forward_to_is_his_and_planned(tmp_path):
    evs = events_of(tmp_path, "Presiden Prancis Emmanuel Macron menyatakan telah menantikan pertemuan dengan "
                    "Presiden Prabowo Subianto yang dijadwalkan berlangsung pada hari berikutnya.",
                    "2025-05-27")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["source"] | meeting["target"] == {MACRON, PRABOWO}
    assert {"Planned", "Future"} <= meeting["contexts"]


def test_whose_support_is_no_target(tmp_path):
    evs = events_of(tmp_path, "Perdana Menteri Singapura Lawrence Wong menegaskan dukungan Singapura "
                    "terhadap hak rakyat Palestina.")
    (ev,) = find(evs, "SUPPORT")
    assert ev["source"] == {"Q6504758"} and ev["target"] == {"Q23792"}


def test_a_visit_owned_by_nya_is_its_subjects(tmp_path):
    evs = events_of(tmp_path, "Usai KTT, Presiden China Xi Jinping menutup kunjungan tiga harinya di "
                    "Korea Selatan dengan menghadiri pertemuan puncak bersama Presiden Korea Selatan "
                    "Lee Jae Myung.\n\nKunjungan Xi menjadi yang pertama ke Korea Selatan dalam 11 tahun.",
                    pub="2025-11-02")
    (visit,) = [e for e in evs if e["type"] == "CONSULT"]  # the restatement is the same visit
    assert (visit["source"], visit["target"], visit["place"], visit["mode"]) == (
        {"Q15031"}, {"Q12612463"}, "Q884", "visit")


def test_whose_nya_after_dalam_and_after_a_comma(tmp_path):
    evs = events_of(tmp_path, "Presiden Tharman menyampaikan apresiasi atas kehadiran Presiden Prabowo "
                    "dalam kunjungan kenegaraan perdananya ke Singapura.", pub="2025-06-16")
    assert find(evs, "CONSULT", source=[PRABOWO], target=["Q334"])
    evs = events_of(tmp_path, "Presiden Prancis, Emmanuel Macron, memberikan tanda jasa kehormatan kepada "
                    "Presiden Prabowo Subianto, dalam rangkaian kunjungannya ke Jakarta.", pub="2025-05-29")
    assert find(evs, "CONSULT", source=[MACRON]) and not find(evs, "CONSULT", source=[PRABOWO])
    # an adverb in -nya is no owner: "dialog ini hanya …"
    evs = events_of(tmp_path, "Presiden Biden menegaskan bahwa kemajuan dalam dialog ini hanya dapat "
                    "terjadi tanpa eskalasi.")
    assert not find(evs, "CONSULT")


def test_what_a_statement_calls_for_its_issuer_calls_for(tmp_path):
    evs = events_of(tmp_path, "Kementerian Luar Negeri Singapura telah mengeluarkan pernyataan terbaru "
                    "yang menyerukan gencatan senjata segera.")
    assert find(evs, "REQUEST", source=["Q334"])


def test_ia_is_the_subject_before_not_the_last_name(tmp_path):
    evs = events_of(tmp_path, "Kanselir Jerman Friedrich Merz menyuarakan kritik tajam terhadap Israel.\n\n"
                    "Dalam pernyataannya pada Senin (26/5/2025), Merz mengatakan akan segera berbicara "
                    "langsung dengan Perdana Menteri Israel, Benjamin Netanyahu.\n\n"
                    "Ia kemudian mengecam Hamas.", pub="2025-05-26")
    assert find(evs, "ACCUSE", source=[MERZ]) and not find(evs, "ACCUSE", source=[NETANYAHU])


def test_a_second_urging_after_an_agar_clause_is_an_act(tmp_path):
    evs = events_of(tmp_path, "Paus Leo XIV menyerukan agar konflik di Gaza segera diakhiri dan mendesak "
                    "militer Israel menghentikan agresi.", pub="2025-07-20")
    assert find(evs, "REQUEST", target=[ISRAEL])
    # what is asked for stays no act: "menyerukan agar kedua pihak bertemu"
    evs = events_of(tmp_path, "Paus Leo XIV menyerukan agar Israel dan Hamas bertemu.", pub="2025-07-20")
    assert not find(evs, "CONSULT")


def test_a_tariff_takes_its_missing_side_from_the_articles_other_tariffs(tmp_path):
    evs = events_of(tmp_path, "Presiden AS Donald Trump mengenakan tarif 32 persen terhadap Indonesia.\n\n"
                    "Pada pengumuman sebelumnya, Trump menetapkan tarif 32 persen sejak 2 April.\n\n"
                    "Barang-barang Indonesia dikenakan tarif dasar 10 persen.", pub="2025-07-08")
    tariffs = [e for e in evs if e["type"] == "SANCTION"]
    assert len(tariffs) == 3
    assert all(e["source"] == {"Q22686"} and e["target"] == {INDONESIA} for e in tariffs)


def test_an_agreement_of_one_side_is_with_the_other_side_of_the_articles_meeting(tmp_path):
    evs = events_of(tmp_path, "Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di "
                    "St Petersburg.\n\n\"Kami juga sudah mencapai banyak persetujuan baru,\" kata Putin.",
                    pub="2025-06-19")
    (agree,) = find(evs, "AGREE")
    assert agree["source"] | agree["target"] == {PRABOWO, "Q7747"}


def test_cooperation_of_one_country_is_with_the_country_of_the_other_side_met(tmp_path):
    meeting = ("Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di St Petersburg.\n\n")
    evs = events_of(tmp_path, meeting + "Rusia juga sudah membuka konsulat di Bali dan bekerja sama di "
                    "bidang pariwisata.", pub="2025-06-19")
    assert find(evs, "COOPERATE", source=["Q159"], target=[INDONESIA])
    # a request names whom it asks, or no one: it is not inferred
    evs = events_of(tmp_path, meeting + "Putin juga meminta agar negosiasi dipercepat.", pub="2025-06-19")
    (request,) = find(evs, "REQUEST")
    assert request["target"] == set()


def test_sources_listed_together_act_together_unless_each_on_their_own(tmp_path):
    evs = events_of(tmp_path, "Inggris, Jerman, dan Perancis menjatuhkan sanksi terhadap Iran.")
    (ev,) = find(evs, "SANCTION")
    assert ev["source"] == {"Q145", "Q183", "Q142"} and ev["target"] == {IRAN}
    evs = events_of(tmp_path, "Inggris dan Perancis secara terpisah menjatuhkan sanksi terhadap Iran.")
    assert sorted(tuple(e["source"]) for e in find(evs, "SANCTION", target=[IRAN])) == [("Q142",), ("Q145",)]


def test_negaranya_is_the_country_of_the_person_spoken_of(tmp_path):
    evs = events_of(tmp_path, "Presiden Rusia Vladimir Putin menyampaikan bahwa negaranya turut berminat "
                    "untuk bekerja sama dengan Indonesia.", pub="2025-06-19")
    assert find(evs, "COOPERATE", source=[RUSSIA], target=[INDONESIA])


def test_a_coordinated_verb_after_adverbs_shares_the_subject(tmp_path):
    evs = events_of(tmp_path, "Perdana Menteri Jepang Shigeru Ishiba juga menandatangani kesepakatan dengan "
                    "Australia, dan kini tengah bernegosiasi dengan Selandia Baru.", pub="2025-08-05")
    (talk,) = find(evs, "CONSULT")
    assert talk["source"] == {"Q7509236"} or talk["source"] == {"shigeru-ishiba"}
    assert talk["target"] == {"Q664"}
    # the subject of a passive verb is shared, not its agent after "oleh Presiden …"
    evs = events_of(tmp_path, "Presiden Prabowo, yang diundang oleh Presiden Rusia Vladimir Putin, akan "
                    "diterima secara resmi, dan akan melakukan pertemuan bilateral dengan Presiden "
                    "Brasil.", pub="2025-06-16")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["source"] == {PRABOWO}


def test_advice_to_ones_own_citizens_is_no_request(tmp_path):
    evs = events_of(tmp_path, "Kedutaan Besar Republik Indonesia di Tokyo menyampaikan sejumlah imbauan "
                    "kepada WNI di Jepang.", pub="2025-07-01")
    assert not find(evs, "REQUEST")
    for text in ("KBRI Canberra pun mengeluarkan imbauan agar warga tetap tenang.",
                 "Kedua, warga Indonesia di Australia juga diminta mematuhi arahan aparat keamanan."):
        assert not find(events_of(tmp_path, text, pub="2025-07-01"), "REQUEST"), text
    evs = events_of(tmp_path, "Presiden Prabowo menyampaikan imbauan kepada Jepang.", pub="2025-07-01")
    assert find(evs, "REQUEST", target=["Q17"])


def test_a_joint_statement_judging_another_side_accuses_it_from_all_its_speakers(tmp_path):
    evs = events_of(tmp_path, "Sebelumnya, pada 19 Mei, para pemimpin Inggris, Perancis, dan Kanada dalam "
                    "pernyataan bersama menekankan, penolakan Israel terhadap bantuan kemanusiaan berisiko "
                    "melanggar hukum humaniter internasional.", pub="2025-05-30")
    (ev,) = find(evs, "ACCUSE")
    assert ev["source"] == {"Q145", "Q142", "Q16"} and ev["target"] == {ISRAEL}
    assert ev["date"] == date(2025, 5, 19)  # the date after "Sebelumnya,"


def test_setting_off_for_a_country_is_a_visit(tmp_path):
    evs = events_of(tmp_path, "Menko Airlangga Hartarto dalam perjalanan menuju Washington DC untuk bertemu "
                    "perwakilan pemerintah AS.", pub="2025-07-08")
    (visit,) = find(evs, "CONSULT")
    assert (visit["mode"], visit["target"], visit["place"]) == ("visit", {US}, "Q61")
    evs = events_of(tmp_path, "Presiden Prabowo bertolak ke Brasil.", pub="2025-07-05")
    assert find(evs, "CONSULT", source=[PRABOWO], target=["Q155"])
    # "melawat ke" (meN-lawat); "melawati" was derived before, and is no word
    evs = events_of(tmp_path, "Presiden Prabowo melawat ke Jepang.", pub="2025-07-05")
    assert find(evs, "CONSULT", source=[PRABOWO], target=["Q17"])


def test_welcoming_a_decision_named_again_welcomes_who_decided(tmp_path):
    evs = events_of(tmp_path, "Presiden AS Donald Trump menyetujui Korea Selatan membangun kapal selam "
                    "bertenaga nuklir. Seoul menyambut gembira keputusan ini.", pub="2025-11-03")
    assert find(evs, "SUPPORT", source=["Q884"], target=["Q22686"])


def test_the_neighbour_is_the_other_side_of_the_dyad(tmp_path):
    evs = events_of(tmp_path, "Thailand dan Kamboja terlibat bentrokan di perbatasan. Kamboja kemudian "
                    "menuduh negara tetangganya itu menggunakan kekuatan berlebihan.", pub="2025-07-25")
    assert find(evs, "ACCUSE", source=[CAMBODIA], target=[THAILAND])


def test_termasuk_adds_to_the_target(tmp_path):
    evs = events_of(tmp_path, "Israel membunuh sejumlah pemimpin senior Hizbullah, termasuk pemimpin "
                    "tertinggi Hassan Nasrallah.", pub="2025-11-02")
    (ev,) = find(evs, "ASSAULT", source=[ISRAEL])
    assert ev["target"] == {"Q41053", "Q181182"}


def test_a_plan_to_act_is_the_planners_act(tmp_path):
    evs = events_of(tmp_path, "Presiden AS Donald Trump telah mengumumkan rencana untuk menggandakan tarif "
                    "impor baja menjadi 50 persen mulai Rabu (4/6/2025).", pub="2025-06-02")
    (ev,) = find(evs, "SANCTION", source=["Q22686"])
    assert ev["date"] == date(2025, 6, 4) and "Planned" in ev["contexts"]


def test_members_of_an_organisation_are_not_the_organisation(tmp_path):
    evs = events_of(tmp_path, "Saat ini, setidaknya 142 dari 193 negara anggota Perserikatan Bangsa-Bangsa "
                    "(PBB) telah mengakui negara Palestina.", pub="2025-07-25")
    assert not find(evs, "SUPPORT", source=["Q1065"])


def test_an_actor_deep_in_what_is_refused_is_no_target(tmp_path):
    evs = events_of(tmp_path, "Jerman menolak keras segala bentuk pengusiran paksa terhadap warga Palestina "
                    "dan menolak kelaparan sebagai strategi perang.", pub="2025-05-26")
    (ev,) = find(evs, "REJECT")  # one refusal, of things
    assert ev["source"] == {"Q183"} and not ev["target"]
    evs = events_of(tmp_path, "Kamboja menolak keras tuduhan Thailand.", pub="2025-07-25")
    assert find(evs, "REJECT", source=[CAMBODIA], target=[THAILAND])
    # a refused act is towards its addressee
    evs = events_of(tmp_path, "Paulus Tannos ditahan di Singapura. Buron kasus E-KTP Paulus Tannos menolak "
                    "menyerahkan diri secara sukarela kepada Pemerintah Indonesia.", pub="2025-06-02")
    assert find(evs, "REJECT", source=["paulus-tannos"], target=[INDONESIA])


def test_a_warning_with_nothing_to_follow_is_no_threat(tmp_path):
    evs = events_of(tmp_path, "Kanselir Jerman Friedrich Merz memperingatkan, \"Israel tidak boleh bertindak "
                    "melewati batas.\"", pub="2025-05-26")
    assert not find(evs, "THREATEN")
    evs = events_of(tmp_path, "Kanselir Jerman Friedrich Merz memperingatkan bahwa Jerman akan menjatuhkan "
                    "sanksi jika Israel melewati batas.", pub="2025-05-26")
    assert find(evs, "THREATEN", source=[MERZ])


def test_an_agreement_to_do_something_for_a_side_is_with_that_side(tmp_path):
    evs = events_of(tmp_path, "Jepang juga menandatangani kesepakatan untuk memasok Australia dengan 11 "
                    "fregat kelas Mogami.", pub="2025-08-05")
    (ev,) = find(evs, "AGREE")
    assert ev["source"] | ev["target"] == {"Q17", "Q408"}


def test_what_a_mechanism_does_its_user_does(tmp_path):
    evs = events_of(tmp_path, "Inggris, Jerman, dan Perancis mengaktifkan mekanisme \"snapback\" yang "
                    "memulihkan sanksi PBB terhadap Iran.", pub="2025-11-02")
    (ev,) = find(evs, "SANCTION")
    assert ev["source"] == {"Q145", "Q183", "Q142"} and ev["target"] == {IRAN}  # not the UN


def test_who_receives_a_criticism_is_its_target(tmp_path):
    evs = events_of(tmp_path, "Mahkamah Pidana Internasional menuai kritikan keras dari Israel.", pub="2025-09-18")
    assert find(evs, "ACCUSE", source=[ISRAEL], target=[ICC])
    evs = events_of(tmp_path, "Kamboja mendaftarkan kuil itu ke UNESCO pada 2008. Langkah ini disambut protes "
                    "keras dari Thailand.", pub="2025-07-25")
    assert find(evs, "ACCUSE", source=[THAILAND], target=[CAMBODIA])


def test_a_relative_clause_between_subject_and_verb(tmp_path):
    evs = events_of(tmp_path, "Presiden AS Donald Trump yang ingin memulai babak baru aliansinya dengan Asia "
                    "Timur, mendukung gagasan Korea Selatan untuk membangun kapal selam.", pub="2025-11-03")
    assert find(evs, "SUPPORT", source=["Q22686"], target=["Q884"])
    # "asal China" says where someone is from: no subject, no statement by China
    evs = events_of(tmp_path, "Yaqiu Wang, seorang peneliti asal China yang kini tinggal di AS, mengatakan "
                    "bahwa Beijing telah menyalahgunakan kebebasan akademik di AS.", pub="2025-05-30")
    assert not find(evs, "ACCUSE", source=[CHINA])


def test_a_meeting_with_no_known_side_meeting_it_is_no_event(tmp_path):
    evs = events_of(tmp_path, "Pada pekan selanjutnya, The Hammers menjamu Chelsea di Stadion Olimpiade London.",
                    pub="2025-08-22")
    assert not find(evs, "CONSULT")
    evs = events_of(tmp_path, "Presiden Prabowo Subianto bertemu dengan Presiden Rusia Vladimir Putin.",
                    pub="2025-06-19")
    assert find(evs, "CONSULT", source=[PRABOWO], target=["Q7747"])


@pytest.mark.parametrize(
    "words, expected",
    [
        ("tindakan itu tidak dapat diterima", ("tidak", "dapat", "diterima")),
        ("itu tidak dapat dan tidak bisa diterima", ("tidak", "bisa", "diterima")),
        # the first of the phrases, not the first in the words
        ("tidak bisa diterima dan tidak dapat diterima", ("tidak", "dapat", "diterima")),
        ("itu sebuah provokasi", ("provokasi",)),
        ("tidak dapat", None),  # a phrase cut short at the end is no phrase
        ("diterima dapat tidak", None),
        ("", None),
    ],
)
def test_phrase_in_words(words, expected):
    from kg.extract import _phrase_in

    phrases = [("tidak", "dapat", "diterima"), ("tidak", "bisa", "diterima"), ("provokasi",)]
    assert _phrase_in(words.split(), phrases) == expected


def test_a_time_clause_without_subject_shares_its_matrix_clauses(tmp_path):
    XI = "Q15031"
    evs = events_of(tmp_path, "Trump menyampaikan pengumuman ini sehari setelah melakukan percakapan panjang "
                    "melalui telepon dengan Presiden China Xi Jinping.", pub="2025-06-09")
    (call,) = find(evs, "CONSULT", source=["Q22686"], target=[XI])
    assert call["mode"] == "phone"
    # fronted, the subject after its comma; after a speech verb, the speaker
    evs = events_of(tmp_path, "Usai bertemu dengan Presiden China Xi Jinping, Trump mengatakan hal itu.",
                    pub="2025-06-09")
    assert find(evs, "CONSULT", source=["Q22686"], target=[XI])
    evs = events_of(tmp_path, "Prabowo mengatakan hal itu usai bertemu dengan Presiden China Xi Jinping.",
                    pub="2025-06-09")
    assert find(evs, "CONSULT", source=[PRABOWO], target=[XI])
    # a player of a club is not the club
    evs = events_of(tmp_path, "Pemain Real Sociedad ini akan bergabung dengan Arsenal setelah menyepakati "
                    "syarat pribadi dengan klub tersebut.", pub="2025-06-08")
    assert not find(evs, "AGREE")


def test_he_in_reported_speech_is_the_speaker_in_a_quote_someone_else(tmp_path):
    XI = "Q15031"
    evs = events_of(tmp_path, "Trump mengatakan bahwa ia telah bertemu dengan Presiden China Xi Jinping.",
                    pub="2025-06-09")
    assert find(evs, "CONSULT", source=["Q22686"], target=[XI])
    # in his own words, "ia" is someone else: the one spoken of before
    evs = events_of(tmp_path, "Presiden Prabowo Subianto tiba di Beijing. \"Ia akan bertemu dengan Presiden "
                    "Xi Jinping,\" kata Menlu Sugiono.", pub="2025-07-20")
    assert find(evs, "CONSULT", source=[PRABOWO], target=[XI])


def test_a_signing_done_by_two_people_needs_no_object(tmp_path):
    evs = events_of(tmp_path, "Indonesia dan Inggris menandatangani pengaturan praktis pemindahan narapidana. "
                    "Penandatanganan dilakukan oleh Menko Yusril Ihza Mahendra dan Menlu Inggris "
                    "David Lammy di Jakarta pada 21 Oktober 2025.", pub="2025-11-07")
    signing = [e for e in find(evs, "AGREE") if e["date"] == date(2025, 10, 21)]
    assert signing and signing[0]["place"] == "Q3630" and len(signing[0]["source"]) == 2


def test_the_agent_of_dilakukan_needs_no_oleh_and_may_carry_a_title_no_table_knows(tmp_path):
    evs = events_of(tmp_path, "Penandatanganan dilakukan Menko Kumham Imipas Yusril Ihza Mahendra dan Secretary of "
                    "State for Foreign, Commonwealth, and Development Affairs of the United Kingdom, Yvette "
                    "Cooper, di Jakarta pada 21 Oktober 2025.", pub="2025-11-07")
    (signing,) = find(evs, "AGREE")
    assert signing["source"] == {"yusril-ihza-mahendra", "yvette-cooper"}
    assert signing["place"] == "Q3630" and signing["date"] == date(2025, 10, 21)
    # a lower-case word in the gap is no title: the list ends at the country
    evs = events_of(tmp_path, "Penandatanganan dilakukan oleh Menko Yusril Ihza Mahendra dan pejabat dari "
                    "United Kingdom, Yvette Cooper, di Jakarta.", pub="2025-11-07")
    assert all("yvette-cooper" not in e["source"] for e in find(evs, "AGREE"))


def test_a_state_recognising_another_supports_it_admitting_is_not(tmp_path):
    PALESTINE = "Q23792"
    evs = events_of(tmp_path, "Prancis resmi mengakui Palestina sebagai negara.", pub="2025-09-23")
    assert find(evs, "SUPPORT", source=["Q142"], target=[PALESTINE])
    evs = events_of(tmp_path, "Menlu Prancis mengakui bahwa Palestina belum merdeka. "
                    "Israel mengakui kesalahannya.", pub="2025-09-23")
    assert not find(evs, "SUPPORT")


def test_a_fronted_begitu_clause_is_the_condition_of_what_follows(tmp_path):
    evs = events_of(tmp_path, "Begitu negara Palestina diakui oleh Israel, Indonesia siap untuk mengakui "
                    "Israel dan membuka hubungan diplomatik.", pub="2025-05-28")
    (ev,) = find(evs, "SUPPORT", source=[INDONESIA], target=[ISRAEL])
    assert "Hypothetical" in ev["contexts"]
    # the agent of the condition ends with its comma: Israel is not one of those who recognise
    assert not [e for e in evs if ISRAEL in e["source"]]
    # "begitu juga" is an adverb, and conditions nothing
    evs = events_of(tmp_path, "Begitu juga Malaysia mendukung Palestina.", pub="2025-05-28")
    (ev,) = find(evs, "SUPPORT", source=["Q833"])
    assert "Hypothetical" not in ev["contexts"]


def test_a_list_of_actors_does_not_run_into_the_next_clause(tmp_path):
    evs = events_of(tmp_path, "Palestina diserang oleh Israel, Indonesia mengecam serangan itu.",
                    pub="2025-05-28")
    assert not [e for e in evs if {ISRAEL, INDONESIA} <= e["source"] | e["target"] and e["type"] == "ASSAULT"]
    # a person in apposition to a title stays: one person, not a list cut short
    evs = events_of(tmp_path, "Prabowo menerima kunjungan Raja Belgia, Raja Philippe, di Istana Merdeka.",
                    pub="2025-05-28")
    (visit,) = find(evs, "CONSULT", target=[PRABOWO])
    assert "philippe" in visit["source"]


def test_the_day_a_quote_was_said_dates_what_it_reports(tmp_path):
    evs = events_of(tmp_path, "\"Indonesia siap untuk mengakui Israel,\" ujar Prabowo. Hal tersebut "
                    "disampaikan Prabowo dalam konferensi pers di Jakarta, Rabu (28/5/2025).",
                    pub="2025-05-30")
    (ev,) = find(evs, "SUPPORT", source=[INDONESIA], target=[ISRAEL])
    assert ev["date"] == date(2025, 5, 28)


def test_receiving_a_person_is_hosting_a_visit_receiving_a_thing_is_not(tmp_path):
    ANWAR = "Q299574"
    evs = events_of(tmp_path, "Presiden Prabowo menerima Perdana Menteri Malaysia Anwar Ibrahim di Istana "
                    "Merdeka, Jakarta, Senin (7/7/2025).", pub="2025-07-08")
    (visit,) = find(evs, "CONSULT", source=[ANWAR], target=[PRABOWO])
    assert visit["mode"] == "visit" and visit["place"] == "Q3630" and visit["date"] == date(2025, 7, 7)
    evs = events_of(tmp_path, "Prabowo menerima bantuan dari Jepang. Prabowo menerima laporan dari Menlu "
                    "Sugiono.", pub="2025-07-08")
    assert not find(evs, "CONSULT")


def test_a_condition_after_the_act_makes_it_hypothetical_but_a_threat_is_made(tmp_path):
    ex = extraction_of(tmp_path, "Prabowo menyatakan Indonesia siap mengakui Israel sebagai negara yang "
                       "berdaulat, asalkan Israel juga mengakui Palestina.", pub="2025-05-29")
    (ev,) = [e for e in ex.events if e.type == "SUPPORT"]
    assert "Hypothetical" in ev.contexts and ev.condition == "asalkan Israel juga mengakui Palestina"
    ex = extraction_of(tmp_path, "Trump mengancam akan menaikkan tarif perdagangan bagi Thailand dan Kamboja "
                       "bila konflik terus berlanjut.", pub="2025-07-27")
    (ev,) = [e for e in ex.events if e.type == "THREATEN"]
    assert "Hypothetical" not in ev.contexts and ev.condition == "bila konflik terus berlanjut"
    # "kecuali" after the act excepts someone from it
    ex = extraction_of(tmp_path, "Malaysia mendukung semua negara anggota kecuali Israel.", pub="2025-07-27")
    assert all(e.condition is None and "Hypothetical" not in e.contexts for e in ex.events)


def test_a_call_received_from_someone_is_his_call(tmp_path):
    for text in ("Prabowo menerima panggilan telepon dari Presiden AS Donald Trump pada Senin (7/7/2025).",
                 "Prabowo mendapat telepon dari Presiden AS Donald Trump pada Senin (7/7/2025)."):
        evs = events_of(tmp_path, text, pub="2025-07-08")
        (call,) = find(evs, "CONSULT", source=["Q22686"], target=[PRABOWO])
        assert call["mode"] == "phone" and call["date"] == date(2025, 7, 7)
    # a telephone number is no call; "melalui telepon" is the means of the talk told before it
    assert not events_of(tmp_path, "Nomor telepon KBRI Tokyo dapat dihubungi warga.", pub="2025-07-08")
    evs = events_of(tmp_path, "Trump melakukan percakapan panjang melalui telepon dengan Presiden China "
                    "Xi Jinping.", pub="2025-07-08")
    assert find(evs, "CONSULT", source=["Q22686"], target=["Q15031"])


def test_wanting_to_do_it_is_future_but_wanting_to_thank_thanks(tmp_path):
    ex = extraction_of(tmp_path, "Rusia berminat untuk bekerja sama dengan Indonesia di bidang nuklir.",
                       pub="2025-06-19")
    (ev,) = [e for e in ex.events if e.type == "COOPERATE"]
    assert "Future" in ev.contexts
    ex = extraction_of(tmp_path, "\"Saya ingin mengucapkan terima kasih kepada Presiden Prabowo,\" kata "
                       "Ursula von der Leyen.", pub="2025-07-13")
    (ev,) = [e for e in ex.events if e.type == "SUPPORT"]
    assert "Future" not in ev.contexts


def test_who_is_accompanied_makes_the_visit_and_attends_the_summit(tmp_path):
    evs = events_of(tmp_path, "Mentan Amran Sulaiman mendampingi Presiden Prabowo Subianto dalam kunjungan "
                    "kenegaraan ke Singapura, yang dimulai Minggu (15/6/2025).", pub="2025-06-16")
    (visit,) = find(evs, "CONSULT", source=[PRABOWO], target=["Q334"])
    assert visit["mode"] == "visit" and visit["date"] == date(2025, 6, 15)
    for text in ("Airlangga sebelumnya mendampingi Presiden Prabowo Subianto dalam Konferensi Tingkat Tinggi "
                 "(KTT) BRICS di Rio de Janeiro, Brasil.",
                 "Prabowo menghadiri Konferensi Tingkat Tinggi (KTT) BRICS di Rio de Janeiro, Brasil."):
        evs = events_of(tmp_path, text, pub="2025-07-08")
        (summit,) = find(evs, "CONSULT", source=[PRABOWO], target=["brics"])
        assert summit["mode"] == "multilateral"


def test_asking_forgiveness_is_an_apology_not_a_request(tmp_path):
    evs = events_of(tmp_path, "\"Saya ingin memohon maaf sebesar-besarnya kepada Rusia,\" kata Gibran.",
                    pub="2025-07-26")
    assert [e["type"] for e in evs] == ["CONCEDE"] and "Future" not in evs[0]["contexts"]


def test_an_invitation_to_attend_is_attendance_to_come(tmp_path):
    G7 = "Q1764511"
    for text in ("Presiden Prabowo Subianto mendapatkan undangan resmi untuk menghadiri Konferensi Tingkat "
                 "Tinggi (KTT) G7 tahun 2025 di Kanada.",
                 "Prabowo diundang untuk menghadiri KTT G7 di Kanada."):
        evs = events_of(tmp_path, text, pub="2025-06-05")
        (summit,) = find(evs, "CONSULT", source=[PRABOWO], target=[G7])
        assert "Future" in summit["contexts"]


def test_a_signing_or_a_ceasefire_between_two_states_is_their_agreement(tmp_path):
    THAILAND, CAMBODIA = "Q869", "Q424"
    evs = events_of(tmp_path, "Orang nomor satu di Gedung Putih itu dijadwalkan menyaksikan penandatanganan "
                    "perjanjian damai antara Thailand dan Kamboja.", pub="2025-10-20")
    (deal,) = find(evs, "AGREE", source=[THAILAND, CAMBODIA])
    # the White House tells whose the eyes are, not where the signing is
    assert "Planned" in deal["contexts"] and deal["place"] is None
    evs = events_of(tmp_path, "Gencatan senjata antara Thailand dan Kamboja mulai berlaku pada 29 Juli.",
                    pub="2025-10-20")
    (truce,) = find(evs, "AGREE", source=[THAILAND, CAMBODIA])
    assert truce["date"] == date(2025, 7, 29)
    # a ceasefire called for is asked, not agreed
    evs = events_of(tmp_path, "Paus Leo XIV menyerukan gencatan senjata di Gaza.", pub="2025-10-20")
    assert not find(evs, "AGREE") and find(evs, "REQUEST")


def test_people_of_a_country_taken_by_an_act_make_it_the_target(tmp_path):
    evs = events_of(tmp_path, "Pemerintahan Trump mencabut visa sejumlah mahasiswa asal China.", pub="2025-06-09")
    assert find(evs, "SANCTION", source=["Q30"], target=["Q148"])
    # a place of origin after anything else stays a place: no one is targeted
    evs = events_of(tmp_path, "AS mencabut visa yang diterbitkan di kantor asal China.", pub="2025-06-09")
    assert not find(evs, "SANCTION", target=["Q148"])


def test_a_refusal_of_nothing_named_is_no_event(tmp_path):
    evs = events_of(tmp_path, "Indonesia menolak usulan Israel dalam acara itu. Presiden Prabowo "
                    "menolak cara pandang antroposentris.", pub="2025-06-09")
    assert [(e["source"], e["target"]) for e in evs if e["type"] == "REJECT"] == [({INDONESIA}, {ISRAEL})]


def test_what_is_refused_is_kept_as_its_topic(tmp_path):
    ex = extraction_of(tmp_path, "Jerman menolak keras segala bentuk pengusiran paksa terhadap warga Palestina.",
                       pub="2025-05-26")
    (ev,) = [e for e in ex.events if e.type == "REJECT"]
    assert ev.topics == ["topic/forced-displacement"] and not ev.targets
    # an offer refused is refused to the one who made it
    evs = events_of(tmp_path, "Korea Utara menolak tawaran dialog dari Korea Selatan.", pub="2025-11-06")
    assert find(evs, "REJECT", source=["Q423"], target=["Q884"])


def test_a_price_at_home_is_no_tariff_on_anyone(tmp_path):
    evs = events_of(tmp_path, "Pramono berencana menaikkan tarif parkir dan menerapkan skema ERP. Trump "
                    "menaikkan tarif impor terhadap China.", pub="2025-06-01")
    assert [(e["type"], e["source"]) for e in evs] == [("SANCTION", {"Q22686"})]


def test_a_denied_act_is_negated(tmp_path):
    for text, type_ in (
            ("Kami sudah cek, tidak benar ada rencana Jepang memberlakukan sanksi terhadap Indonesia.", "SANCTION"),
            ("Kabar bahwa Prabowo bertemu Netanyahu adalah hoaks.", "CONSULT"),
            ("Iran membantah telah menyerang kapal tanker Inggris.", "ASSAULT")):
        evs = events_of(tmp_path, text, pub="2025-06-01")
        (ev,) = find(evs, type_)
        assert "Negated" in ev["contexts"], text
    # denying an accusation rejects the accuser; a contrast ends the denial
    evs = events_of(tmp_path, "China membantah tuduhan AS, namun AS tetap menjatuhkan sanksi terhadap China.",
                    pub="2025-06-01")
    assert find(evs, "REJECT", source=["Q148"], target=["Q30"])
    (sanction,) = find(evs, "SANCTION", source=["Q30"], target=["Q148"])
    assert "Negated" not in sanction["contexts"] and not find(evs, "ACCUSE")
    # what a purpose clause calls untrue judges no act; a coordinated verb is out of the denial
    ex = extraction_of(tmp_path, "Puan meminta agar Kemlu menjelaskan kebijakan itu kepada Malaysia agar publik "
                       "tak berpikiran yang tidak benar.", pub="2025-06-01")
    assert ex.events and all("Negated" not in e.contexts for e in ex.events)
    evs = events_of(tmp_path, "Beijing membantah tuduhan itu dan mengecam Amerika Serikat.", pub="2025-06-01")
    (criticism,) = find(evs, "ACCUSE", source=["Q148"], target=["Q30"])
    assert "Negated" not in criticism["contexts"]


def test_a_host_receives_at_home(tmp_path):
    evs = events_of(tmp_path, "Presiden Korea Selatan Lee Jae Myung membuka KTT APEC. Sebelumnya, Lee juga "
                    "menjamu Presiden Trump dalam kunjungan kenegaraan singkat.", pub="2025-11-01")
    (visit,) = find(evs, "CONSULT", source=["Q22686"], target=["Q12612463"])
    assert visit["mode"] == "visit" and visit["place"] == "Q884"


def test_an_attack_threatened_is_not_an_invasion(tmp_path):
    ex = extraction_of(tmp_path, "Presiden AS Donald Trump mengancam akan menyerang Iran lebih kuat jika tidak "
                       "mau menyerah.", pub="2025-06-20")
    (threat,) = [e for e in ex.events if e.type == "THREATEN"]
    assert "topic/invasion" not in threat.topics
    ex = extraction_of(tmp_path, "Biden memperingatkan Rusia akan menghadapi sanksi berat jika menginvasi Ukraina.",
                       pub="2021-12-31")
    (warning,) = [e for e in ex.events if e.type == "THREATEN"]
    assert warning.topics == ["topic/sanctions"]


def test_what_someone_is_accused_of_is_no_act_told(tmp_path):
    evs = events_of(tmp_path, "Putin menuduh NATO menyerang Rusia.", pub="2025-06-20")
    assert [(e["type"], e["source"], e["target"]) for e in evs] == [("ACCUSE", {"Q7747"}, {"Q7184"})]


def test_the_occasion_of_an_attribution_is_an_event(tmp_path):
    evs = events_of(tmp_path, "\"Kami juga bekerja sama di bidang pelatihan staf,\" kata Putin usai bertemu Prabowo "
                    "di St Petersburg, Kamis (19/6/2025).", pub="2025-06-20")
    (meeting,) = find(evs, "CONSULT", source=["Q7747"], target=[PRABOWO])
    assert meeting["place"] == "Q656" and meeting["date"] == date(2025, 6, 19)
    # being met by reporters is no meeting
    assert not find(events_of(tmp_path, "\"Kami siap,\" ujar Prabowo saat ditemui wartawan di Istana.",
                              pub="2025-06-20"), "CONSULT")


def test_an_article_that_names_nothing_abroad_yields_no_event(tmp_path):
    """Domestic politics is not diplomacy: a governor asking a city office, the government
    handing out aid. One name beyond the home country anywhere in the article is enough."""
    for text in ("Gubernur DKI Jakarta Pramono Anung meminta Dinas Lingkungan Hidup membersihkan sungai.",
                 "Pemerintah kembali menyalurkan bantuan sosial kepada masyarakat.",
                 "Presiden Prabowo Subianto meminta para menteri bekerja keras di Jakarta."):
        assert not extraction_of(tmp_path, text, pub="2025-06-01").events, text
    # the same request in an article that names a state abroad, its capital, a foreign
    # leader by the gazetteer alone, an international body, the host of an embassy
    for text in ("Presiden Prabowo Subianto meminta para menteri bekerja keras. Ia lalu terbang ke Jepang.",
                 "Presiden Prabowo Subianto meminta para menteri bekerja keras sebelum ke Canberra.",
                 "Presiden Prabowo Subianto meminta para menteri bekerja keras. Ia lalu bertemu Macron.",
                 "Presiden Prabowo Subianto meminta para menteri bekerja keras menjelang KTT ASEAN.",
                 "KBRI Australia pun mengeluarkan imbauan."):
        assert extraction_of(tmp_path, text, pub="2025-06-01").events, text
    # an Indonesian official named alone is at home; a domestic place is no place abroad
    assert not extraction_of(tmp_path, "Menlu Sugiono meminta warga tenang. Ia berada di Bali.",
                             pub="2025-06-01").events


def test_met_by_someone_named_is_a_meeting(tmp_path):
    evs = events_of(tmp_path, "Prabowo ditemui Putin di Istana Konstantinus, Rusia, Kamis (19/6/2025).",
                    pub="2025-06-19")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["source"] | meeting["target"] == {PRABOWO, "Q7747"}
    assert meeting["place"] == "Q656" and meeting["date"] == date(2025, 6, 19)  # the palace is in St Petersburg
    evs = events_of(tmp_path, "Prabowo ditemui oleh Presiden Rusia Vladimir Putin di St Petersburg.", pub="2025-06-19")
    assert find(evs, "CONSULT")


def test_thanks_in_other_words_and_to_someone_after_ke(tmp_path):
    for text in ("Prabowo menyampaikan rasa terima kasihnya kepada Putin yang sudah menerima Indonesia di BRICS.",
                 "Prabowo berterima kasih ke Putin."):
        assert find(events_of(tmp_path, text, pub="2025-06-19"), "SUPPORT", source=[PRABOWO], target=["Q7747"]), text


def test_a_tariff_for_a_state_after_a_fronted_latest(tmp_path):
    (tariff,) = find(events_of(tmp_path, "Terbaru, pada 7 Juli 2025, Presiden Trump menetapkan tarif 32 persen untuk "
                               "Indonesia, sama seperti yang sudah berlaku sejak April 2025.", pub="2025-07-09"),
                     "SANCTION", source=["Q22686"], target=[INDONESIA])
    assert tariff["date"] == date(2025, 7, 7)
    # "untuk" that opens a purpose names no target
    (tariff,) = find(events_of(tmp_path, "Trump menetapkan tarif untuk melindungi industri Amerika Serikat.",
                               pub="2025-07-09"), "SANCTION")
    assert not tariff["target"]


def test_halting_visas_is_a_sanction(tmp_path):
    (halt,) = find(events_of(tmp_path, "Sebelumnya, AS menghentikan sementara proses penerbitan visa mahasiswa asing "
                             "pada Selasa (27/5/2025).", pub="2025-05-29"), "SANCTION", source=[US])
    assert halt["date"] == date(2025, 5, 27)
    assert not find(events_of(tmp_path, "AS menghentikan bantuan ke Ukraina.", pub="2025-05-29"), "SANCTION")


def test_an_act_asked_for_is_not_reported(tmp_path):
    evs = events_of(tmp_path, "Mantan Menteri Pertahanan Israel Avigdor Liberman mendesak Israel menyerang Iran lagi.",
                    pub="2025-07-23")
    assert find(evs, "REQUEST", target=[ISRAEL]) and not find(evs, "ASSAULT")
    # a time clause after the request is no part of what is asked
    evs = events_of(tmp_path, "Kamboja menyerukan gencatan senjata tanpa syarat dengan Thailand usai bentrokan "
                    "di perbatasan.", pub="2025-07-25")
    assert find(evs, "REQUEST", source=[CAMBODIA]) and find(evs, "ASSAULT", source=[CAMBODIA])


def test_both_sides_a_speaker_announces_are_not_his(tmp_path):
    evs = events_of(tmp_path, "Israel melancarkan serangan udara ke Iran pada 13 Juni. Presiden AS Donald Trump "
                    "mengancam akan menyerang Iran lebih kuat jika tidak mau menyerah. Pada 24 Juni, Trump "
                    "mengumumkan bahwa kedua belah pihak sepakat untuk gencatan senjata.", pub="2025-07-23")
    (truce,) = find(evs, "AGREE")
    assert truce["source"] == {ISRAEL, "Q794"} and truce["date"] == date(2025, 6, 24)


def test_returning_an_attack_attacks_its_author(tmp_path):
    evs = events_of(tmp_path, "Iran pun langsung membalas serangan Israel dengan serentetan serangan rudal.",
                    pub="2025-06-20")
    assert [(e["source"], e["target"]) for e in find(evs, "ASSAULT")] == [({"Q794"}, {ISRAEL})]
    # likely to return it: not yet done
    (ev,) = find(events_of(tmp_path, "Iran berpotensi besar membalas serangan Israel itu.", pub="2025-06-20"), "ASSAULT")
    assert "Hypothetical" in ev["contexts"]


def test_the_accused_of_an_allegation_is_the_subject_of_what_is_alleged(tmp_path):
    for text in ("Menlu Israel Gideon Saar menuding bahwa Iran memiliki ribuan rudal.",
                 "Menlu Israel Gideon Saar menuding bahwa Teheran memiliki ribuan rudal."):
        assert find(events_of(tmp_path, text, pub="2025-07-23"), "ACCUSE", target=["Q794"]), text
    (ev,) = find(events_of(tmp_path, "Menlu Israel Gideon Saar menuding bahwa program nuklir Iran berbahaya.",
                           pub="2025-07-23"), "ACCUSE")
    assert not ev["target"]  # Iran is deep in it, not its subject


def test_a_passive_takes_the_whole_list_and_an_agent_a_few_words_on(tmp_path):
    (tariff,) = find(events_of(tmp_path, "Malaysia, Jepang, dan Korea Selatan dikenakan tarif lebih rendah sebesar "
                               "24 persen oleh Trump.", pub="2025-07-09"), "SANCTION", source=["Q22686"])
    assert tariff["target"] == {"Q833", "Q17", "Q884"}
    assert find(events_of(tmp_path, "Indonesia dikenakan tarif 32 persen oleh AS.", pub="2025-07-09"),
                "SANCTION", source=[US], target=[INDONESIA])


def test_what_a_state_should_do_is_not_done(tmp_path):
    evs = events_of(tmp_path, "Liberman berpendapat, Iran berambisi untuk melancarkan balas dendam, sehingga Israel "
                    "harus melakukan serangan terlebih dahulu.", pub="2025-07-23")
    assert not find(evs, "ASSAULT")
    assert find(events_of(tmp_path, "Israel melakukan serangan terhadap Iran.", pub="2025-07-23"), "ASSAULT")


def test_starting_a_war_with_a_state_attacks_it(tmp_path):
    evs = events_of(tmp_path, "Israel memulai perang selama 12 hari dengan Iran setelah meluncurkan serangan udara "
                    "besar-besaran pada 13 Juni.", pub="2025-07-23")
    assert [(e["type"], e["source"], e["target"], e["date"]) for e in evs] == [
        ("ASSAULT", {ISRAEL}, {"Q794"}, date(2025, 6, 13))]  # a launched attack is no show of force


def test_signing_cooperation_is_an_agreement_of_its_witnesses(tmp_path):
    evs = events_of(tmp_path, "Penandatanganan kerja sama disaksikan secara langsung oleh Prabowo dan Shehbaz Sharif.",
                    pub="2025-12-09")
    assert [(e["type"], e["source"]) for e in evs] == [("AGREE", {PRABOWO, "Q2096387"})]


def test_a_meeting_named_again_gives_its_place(tmp_path):
    evs = events_of(tmp_path, "Kunjungan itu dibahas dalam pertemuan antara Duta Besar Prancis untuk Indonesia, Fabien "
                    "Penone, dengan Sekretaris Kabinet, Teddy Indra Wijaya, pada hari ini. Pertemuan yang berlangsung "
                    "di Gedung Sekretariat Kabinet, Jakarta Pusat, itu bertujuan untuk koordinasi teknis.",
                    pub="2025-05-27")
    (meeting,) = find(evs, "CONSULT")
    assert meeting["source"] | meeting["target"] == {"fabien-penone", "teddy-indra-wijaya"}
    assert meeting["place"] == "Q3630" and meeting["date"] == date(2025, 5, 27)


def test_a_name_with_its_acronym_in_parentheses_is_still_in_the_list(tmp_path):
    evs = events_of(tmp_path, "Organisasi Perburuhan Internasional (ILO) dan Bank Dunia menandatangani nota "
                    "kesepahaman.", pub="2025-10-19")
    assert find(evs, "AGREE", source=["Q54129", "Q7164"])
    # the full name and the acronym both known: the acronym is the same body again
    evs = events_of(tmp_path, "Pertemuan Tahunan Dana Moneter Internasional (IMF) dan Bank Dunia di Amerika Serikat "
                    "menyoroti ketahanan ekonomi global.", pub="2025-10-19")
    assert find(evs, "CONSULT", source=["Q7804", "Q7164"])


def test_an_agreement_or_cooperation_with_no_partner_is_left_out(tmp_path):
    # one state and no partner named anywhere near: the other side is unknown
    evs = events_of(tmp_path, "Xi juga mengusulkan pembentukan organisasi baru dan menandatangani deklarasi terpisah "
                    "mengenai teknologi AI.", pub="2025-11-01")
    assert not find(evs, "AGREE")
    # a body of states agrees among its members; two sides agree with each other
    assert find(events_of(tmp_path, "Para menteri G20 menyepakati agenda kebijakan global.", pub="2025-10-19"), "AGREE")
    assert find(events_of(tmp_path, "Indonesia dan Singapura menandatangani kerja sama energi.", pub="2025-10-19"),
                "AGREE", source=[INDONESIA, "Q334"])


def test_an_act_named_again_with_nothing_new_is_the_same_act(tmp_path):
    evs = events_of(tmp_path, "Kelompok Houthi di Yaman kembali melancarkan serangan terhadap kapal-kapal di Laut Merah. "
                    "Mengapa Houthi melancarkan serangan lagi? Serangan Houthi telah memicu gangguan besar pada "
                    "jalur pelayaran.", pub="2025-07-11")
    assert len(find(evs, "ASSAULT")) == 1
    # an attack with a target or a day of its own is another one
    evs = events_of(tmp_path, "Israel menyerang Lebanon pada Kamis (30/10/2025). Israel juga menyerang Suriah pada "
                    "Sabtu (1/11/2025).", pub="2025-11-02")
    assert len(find(evs, "ASSAULT")) == 2


def test_seas_by_their_indonesian_names(tmp_path):
    (attack,) = find(events_of(tmp_path, "Kelompok Houthi di Yaman kembali melancarkan serangan terhadap kapal-kapal "
                               "di Laut Merah.", pub="2025-07-11"), "ASSAULT")
    assert attack["place"] == "Q23406"  # where the ships are hit, not where the group is


def test_an_entry_ban_is_a_sanction_on_someone(tmp_path):
    evs = events_of(tmp_path, "Selandia Baru melarang Menteri Keuangan Israel Bezalel Smotrich dan Menteri "
                              "Keamanan Nasional Itamar Ben-Gvir masuk ke negaranya. Polisi melarang "
                              "kendaraan masuk ke Jalan Sudirman.", "2025-06-11")
    assert [e["type"] for e in evs] == ["SANCTION"]
    assert find(evs, "SANCTION", source={"Q664"}, target={"bezalel-smotrich", "itamar-ben-gvir"})


def test_a_list_before_yang_is_the_subject_of_the_relative_clause(tmp_path):
    evs = events_of(tmp_path, "Langkah itu mengikuti keputusan Australia, Kanada, Inggris, dan Norwegia yang "
                              "juga menjatuhkan sanksi kepada Rusia.", "2025-06-11")
    assert find(evs, "SANCTION", source={"Q408", "Q16", "Q145", "Q20"}, target={"Q159"})


def test_a_quoted_name_before_the_verb_is_its_subject(tmp_path):
    evs = events_of(tmp_path, 'Menteri Luar Negeri AS Marco Rubio menulis di platform media sosial X bahwa '
                              '"Negeri Paman Sam" mengutuk langkah dari Selandia Baru dan Norwegia.', "2025-06-11")
    assert find(evs, "ACCUSE", source={"Q30"}, target={"Q664", "Q20"})


def test_an_address_at_a_session_is_taking_part_in_it(tmp_path):
    evs = events_of(tmp_path, "Menteri Pendidikan Dasar dan Menengah Abdul Mu'ti menyampaikan Pernyataan "
                              "Nasional pada Sidang Umum UNESCO ke-43 di Kota Samarkand, Uzbekistan, Selasa "
                              "(4/11/2025).", "2025-11-05")
    ev = find(evs, "CONSULT", source={"abdul-muti"}, target={"Q7809"})
    assert ev and ev[0]["mode"] == "multilateral" and ev[0]["place"] == "Q5753"


def test_a_judgement_of_two_named_together_targets_both(tmp_path):
    evs = events_of(tmp_path, 'Menteri Keuangan Israel Bezalel Smotrich dan Menteri Keamanan Nasional Itamar '
                              'Ben-Gvir berkunjung. "Menteri Smotrich dan Ben-Gvir telah secara serius merusak '
                              'perdamaian, dan itu tidak dapat diterima," papar Menteri Luar Negeri Selandia '
                              'Baru Winston Peters.', "2025-06-11")
    assert find(evs, "ACCUSE", source={"Q1396178"}, target={"bezalel-smotrich", "itamar-ben-gvir"})


def test_an_address_in_a_forum_no_one_is_named_for_is_no_event(tmp_path):
    evs = events_of(tmp_path, "Utusan Khusus Retno Marsudi turut memberikan pidato inspiratif dalam forum "
                              "tersebut. Presiden Prabowo berpidato di KTT G20 di Johannesburg.", "2025-11-05")
    assert [(e["source"], e["target"], e["mode"]) for e in evs] == [({"Q2107268"}, {"Q19771"}, "multilateral")]


def test_a_call_by_way_of_a_light_verb_and_its_noun(tmp_path):
    evs = events_of(tmp_path, "Presiden AS Donald Trump dan Presiden China Xi Jinping akhirnya menjalin "
                              "komunikasi lewat panggilan telepon pada Kamis (5/6/2025).", "2025-06-07")
    calls = [e for e in evs if e["type"] == "CONSULT" and e["mode"] == "phone"]
    assert calls and calls[0]["source"] | calls[0]["target"] == {"Q22686", "Q15031"}
    assert calls[0]["date"] == date(2025, 6, 5)


def test_the_allies_of_a_state_are_not_the_state(tmp_path):
    evs = events_of(tmp_path, "Menteri Luar Negeri AS Marco Rubio menuntut negara-negara sekutu AS tersebut "
                              "untuk mencabut sanksi. Rusia mengancam mitra Ukraina.", "2025-06-11")
    assert all("Q30" not in e["target"] and "Q212" not in e["target"] for e in evs)
    assert find(evs, "THREATEN", source={"Q159"})


def test_baik_x_maupun_y_are_both_sources(tmp_path):
    evs = events_of(tmp_path, "Baik Indonesia maupun Perancis mendesak agar Israel menghentikan operasi militer "
                              "di Gaza sesegera mungkin.", "2025-05-28")
    assert find(evs, "REQUEST", source={"Q252", "Q142"}, target={"Q801"})


def test_an_armed_conflict_between_two_states_is_fighting_between_them(tmp_path):
    evs = events_of(tmp_path, "Konflik bersenjata antara militer Thailand dan Kamboja pecah pada Kamis "
                              "(24/7/2025) pagi di wilayah perbatasan.", "2025-07-26")
    ev = find(evs, "ASSAULT", source={"Q869", "Q424"})
    assert ev and ev[0]["date"] == date(2025, 7, 24)


def test_what_is_agreed_at_that_meeting_happens_where_it_was_held(tmp_path):
    text = ("Presiden RI Prabowo Subianto dan Presiden Perancis Emmanuel Macron mengadakan pertemuan bilateral "
            "di Istana Merdeka, Jakarta, Rabu (28/5/2025). {} Indonesia dan Perancis sepakat menandatangani "
            "4 deklarasi bersama.")
    agree = find(events_of(tmp_path, text.format("Dari pertemuan itu,"), "2025-05-28"), "AGREE")
    assert agree and agree[0]["place"] == "Q3630"
    agree = find(events_of(tmp_path, text.format("Sebelumnya,"), "2025-05-28"), "AGREE")
    assert agree and agree[0]["place"] is None


def test_that_meeting_is_the_one_a_later_mention_was_merged_into(tmp_path):
    # the meeting named again (no place of its own) is merged into the first; what is agreed
    # "Dari pertemuan itu" still happens where the meeting was held
    text = ("Presiden RI Prabowo Subianto dan Presiden Perancis Emmanuel Macron mengadakan pertemuan di Istana "
            "Negara, Jakarta, Rabu (28/5/2025). Pertemuan Prabowo Subianto dan Emmanuel Macron pada Rabu "
            "(28/5/2025) menghasilkan sejumlah perjanjian kerja sama. Dari pertemuan itu, Indonesia dan Perancis "
            "sepakat menandatangani 4 deklarasi bersama.")
    agree = find(events_of(tmp_path, text, "2025-05-29"), "AGREE", source={"Q252", "Q142"})
    assert agree and agree[0]["place"] == "Q3630"


def test_two_capitals_that_act_together_are_their_states(tmp_path):
    evs = events_of(tmp_path, "Di satu sisi, Washington dan Teheran tengah menjajaki perundingan soal nuklir. "
                              "Beijing dan Moskwa sepakat memperkuat kerja sama militer.", "2025-07-10")
    talks = find(evs, "CONSULT", source={"Q30", "Q794"})
    assert talks and {"Planned", "Future"} <= talks[0]["contexts"]  # exploring talks: not held yet
    assert find(evs, "AGREE", source={"Q148", "Q159"})
    # a capital that only names a place stays a city
    assert not find(events_of(tmp_path, "Menlu Sugiono bertemu Menlu Araghchi di Teheran dan Washington.",
                              "2025-07-10"), "CONSULT", source={"Q794"})


def test_a_light_verb_that_plans_makes_the_event_planned(tmp_path):
    def talks(verb):
        evs = events_of(tmp_path, f"Indonesia dan Jepang {verb} perundingan dagang di Tokyo.", "2025-07-10")
        return [e for e in evs if e["type"] == "CONSULT" and e["source"] | e["target"] == {"Q252", "Q17"}]

    planned, held = talks("menjadwalkan"), talks("mengadakan")
    assert planned and {"Planned", "Future"} <= planned[0]["contexts"]
    assert held and not held[0]["contexts"]


def test_a_sea_named_after_a_country_is_not_the_country(tmp_path):
    evs = events_of(tmp_path, "Jepang sepakat memberikan Filipina pesawat patroli untuk memantau kapal-kapal di "
                              "Laut China Selatan.", "2025-07-10")
    agree = find(evs, "AGREE", source={"Q17"}, target={"Q928"})
    assert agree and agree[0]["place"] == "south-china-sea"
    assert not any("Q148" in e["source"] | e["target"] or e["place"] == "Q148" for e in evs)


def test_what_a_side_says_another_must_do_is_its_demand(tmp_path):
    def requests(text):
        return [(e["source"], e["target"]) for e in events_of(tmp_path, text, "2025-06-05") if e["type"] == "REQUEST"]

    assert requests("AS tetap bersikeras bahwa Iran harus menghentikan program pengayaan uraniumnya.") == [
        ({"Q30"}, {"Q794"})]
    assert requests('"Pihak AS harus mencabut langkah-langkah negatif terhadap China," bunyi pernyataan resmi '
                    "Pemerintah China.") == [({"Q148"}, {"Q30"})]
    # a spokesperson titled in the sentence before, then "Dia"
    assert requests("Juru Bicara Kementerian Luar Negeri AS Tammy Bruce mengatakan, sanksi tersebut tidak akan "
                    "membantu. Dia menuturkan, Inggris, Kanada, dan Australia harus fokus pada Hamas.") == [
        ({"tammy-bruce"}, {"Q145", "Q16", "Q408"})]
    # no demand: an analyst's view, policy at home, what is done to a state, a state inside a phrase
    assert not requests('"Malaysia harus menanggapi pemilu di Myanmar," ujar Sharon Seah, peneliti senior di ISEAS.')
    assert not requests('"Indonesia harus memperkuat ekspor," kata Menteri Perdagangan Budi Santoso.')
    assert not requests("Menlu Rusia Sergey Lavrov mengatakan Iran harus diberi jaminan keamanan.")
    assert not requests("Majelis Ulama Indonesia menyatakan, sikap Indonesia yang siap mengakui Israel apabila "
                        "Israel mengakui Palestina harus diikuti dengan komitmen.")


def test_the_states_named_in_a_list_are_taken_up_again_by_a_plural(tmp_path):
    five = {"Q145", "Q16", "Q20", "Q664", "Q408"}
    listed = ("Inggris, Kanada, Norwegia, Selandia Baru, dan Australia menjatuhkan sanksi kepada dua menteri "
              "Israel. Menlu AS Marco Rubio mengecam langkah Jepang. ")
    evs = events_of(tmp_path, listed + "Dia juga menuntut negara-negara sekutu AS tersebut untuk mencabut sanksi.",
                    "2025-06-11")
    assert find(evs, "REQUEST", target=five)
    evs = events_of(tmp_path, listed + "Kelima negara itu juga mengecam Hamas.", "2025-06-11")
    assert [e["source"] for e in evs if e["type"] == "ACCUSE" and e["target"] == {"Q38799"}] == [five]
    # a count that does not fit the list takes nothing up
    evs = events_of(tmp_path, listed + "Dia juga menuntut ketiga negara tersebut untuk mencabut sanksi.",
                    "2025-06-11")
    assert not any(e["type"] == "REQUEST" and e["target"] & five for e in evs)


def test_a_fronted_menurut_keeps_the_events_of_what_follows(tmp_path):
    evs = events_of(tmp_path, "Menurut Rubio, Inggris mengecam Hamas.", "2025-06-11")
    assert find(evs, "ACCUSE", source={"Q145"}, target={"Q38799"})
    # at the end it is an attribution, as before
    evs = events_of(tmp_path, "Inggris mengecam Hamas, menurut Rubio.", "2025-06-11")
    assert find(evs, "ACCUSE", source={"Q145"}, target={"Q38799"})


def test_pushing_a_thing_is_no_request(tmp_path):
    assert not [e for e in events_of(tmp_path, "Uni Eropa mendorong pertumbuhan investasi di Indonesia.", "2025-06-11")
                if e["type"] == "REQUEST"]
    assert find(events_of(tmp_path, "Uni Eropa mendorong Israel untuk menghentikan serangan di Gaza.", "2025-06-11"),
                "REQUEST", source={"Q458"}, target={"Q801"})


def test_a_condemnation_is_not_placed_where_what_it_condemns_happened(tmp_path):
    evs = events_of(tmp_path, "Paus Leo XIV mengecam dengan keras kekejaman yang dilakukan Israel di Jalur Gaza. "
                              "Menlu Sugiono mengecam serangan Israel di Gaza.", "2025-07-21")
    condemned = [e for e in evs if e["type"] == "ACCUSE"]
    assert len(condemned) == 2 and all(e["place"] is None for e in condemned)
    assert find(evs, "ASSAULT", source={"Q801"})[0]["place"] == "Q39760"  # the attack stays in Gaza


def test_welcoming_an_act_supports_the_one_whose_act_it_is(tmp_path):
    evs = events_of(tmp_path, "Presiden Rusia Vladimir Putin menyambut baik kunjungan Presiden Prabowo Subianto ke "
                              "Rusia.", "2025-06-19")
    assert find(evs, "SUPPORT", source={"Q7747"}, target={PRABOWO})


def test_a_talk_owned_by_whoever_reports_it(tmp_path):
    # "mengabarkan" is a speech verb: Trump, who reports "dialognya", is its owner
    evs = events_of(tmp_path, "Melalui media sosial, Trump mengabarkan bahwa dialognya bersama Xi Jinping "
                              "berlangsung sekitar satu setengah jam.", "2025-06-06")
    assert [e for e in evs if e["type"] == "CONSULT" and e["source"] | e["target"] == {"Q22686", "Q15031"}]


def test_visiting_a_place_places_the_visit(tmp_path):
    evs = events_of(tmp_path, "Presiden Prancis Emmanuel Macron tiba di Indonesia pada Selasa (27/5/2025). Macron "
                              "akan mengunjungi Akademi Militer (Akmil) Magelang dan Candi Borobudur.", "2025-05-27")
    visits = [e for e in evs if e["type"] == "CONSULT" and e["place"] == "magelang"]
    assert visits and visits[0]["source"] == {MACRON} and "Future" in visits[0]["contexts"]


def test_an_award_is_placed_by_the_setting_set_off_after_it(tmp_path):
    evs = events_of(tmp_path, "Presiden Prancis, Emmanuel Macron, memberikan tanda jasa kehormatan kepada Presiden "
                              "Prabowo Subianto, dalam rangkaian kunjungannya ke Akademi Militer Magelang, Jawa Tengah, "
                              "pada Kamis (29/5/2025).", "2025-05-29")
    award = find(evs, "SUPPORT", source={MACRON}, target={PRABOWO})
    assert award and award[0]["place"] == "magelang" and award[0]["date"] == date(2025, 5, 29)


def test_a_home_city_or_sea_without_a_qid_is_no_place_abroad(tmp_path):
    # Magelang, the North Natuna Sea: keyed in the gazetteer with no QID, so no country known
    # from the QID table; they are home places (cues.toml [home]), not abroad
    assert not events_of(tmp_path, "Presiden Prabowo Subianto berkunjung ke Magelang, Jawa Tengah, pada Kamis "
                                   "(29/5/2025).", "2025-05-29")
    assert not events_of(tmp_path, "TNI AL mengerahkan kapal perang ke Laut Natuna Utara.", "2025-05-29")


def test_a_protest_after_an_act_is_against_its_author(tmp_path):
    evs = events_of(tmp_path, "Beijing melayangkan protes setelah Departemen Perdagangan AS mengeluarkan peringatan "
                              "kepada industri semikonduktor domestik.", "2025-06-10")
    assert find(evs, "ACCUSE", source={"Q148"}, target={"Q30"})
    assert not events_of(tmp_path, "Warga Jakarta melayangkan protes setelah harga beras naik.", "2025-06-10")
