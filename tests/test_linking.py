"""Linking beyond plain names: datelines, capitals that act, mentions as nif:Phrase in the graph."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg.entities import annotate, dateline_mention, find_mentions, make_nlp
from kg.model import Article
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kontan-2021-12-31-biden-putin.txt"
ON = date(2025, 6, 2)


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _links(nlp, text: str) -> dict[str, list[tuple[str | None, str]]]:
    out: dict[str, list[tuple[str | None, str]]] = {}
    for m in find_mentions(annotate(nlp, text, ON), ON):
        out.setdefault(m.text, []).append((m.qid, m.method))
    return out


@pytest.mark.parametrize(
    "text, dateline, qid",
    [
        ("Judul\n\nCANBERRA, KOMPAS.com - Australia sedang ...", "CANBERRA", "Q3114"),
        ("Judul\n\nTEHERAN, KOMPAS.com - Iran ...", "TEHERAN", "Q3616"),
        ("Judul\n\nKONTAN.CO.ID - MOSKOW. Presiden ...", "MOSKOW", "Q649"),
        ("Judul\n\nGAZA, KOMPAS.com - ...", "GAZA", "Q39760"),  # the Strip, not Gaza City
        ("Judul\n\nKUALA LUMPUR, KOMPAS.com - ...", "KUALA LUMPUR", "Q1865"),
    ],
)
def test_dateline_is_a_place_mention(text, dateline, qid):
    m = dateline_mention(text, dateline, len(text) - 3)
    assert m is not None and m.qid == qid
    assert text[m.start_char : m.end_char] == dateline


def test_dateline_unknown_or_absent_is_none():
    assert dateline_mention("XYZZYVILLE, KOMPAS.com - ...", "XYZZYVILLE") is None
    assert dateline_mention("no dateline here", "JAKARTA") is None
    m = dateline_mention("KONTAN.CO.ID - MOSKOW. Presiden", "Moscow", 23)  # metadata in English
    assert m is not None and (m.text, m.qid) == ("MOSKOW", "Q649")
    assert dateline_mention("text", None) is None


@pytest.mark.parametrize(
    "text, surface, qid, method",
    [
        ("Sebagai balasan, Teheran meluncurkan rudal ke Israel.", "Teheran", "Q794", "context"),
        ("Ia mengatakan bahwa Teheran akan membangun kembali situs itu.", "Teheran", "Q794", "context"),
        ("Pandangan Washington tetap tercermin dalam deklarasi.", "Washington", "Q30", "context"),
        ("Menteri itu tiba di Teheran pada Senin.", "Teheran", "Q3616", "exact"),
        ("Penerbangan Moskow-Bali dibuka pekan depan.", "Moskow", "Q649", "alias"),
        ("Teheran merupakan ibu kota Iran.", "Teheran", "Q3616", "exact"),
    ],
)
def test_a_capital_that_acts_is_its_country(nlp, text, surface, qid, method):
    assert _links(nlp, text)[surface] == [(qid, method)]


def test_mentions_are_nif_phrases_in_the_article_graph():
    from kg.ingest import read_articles
    from kg.ontology import to_quads
    from kg.pipeline import extract

    (article,) = [a for a in read_articles(SEED) if isinstance(a, Article)]
    ex = extract(article)
    assert ex.mentions, "extract_doc keeps the mentions"
    store = Store()
    store.extend(to_quads(ex))
    q = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items()) + """
    SELECT ?anchor ?e ?method WHERE {
      ?m a nif:Phrase ; nif:anchorOf ?anchor ; itsrdf:taIdentRef ?e ; dip:linkMethod ?method ;
         dip:linkConfidence ?c ; nif:beginIndex ?b ; nif:endIndex ?end ; nif:referenceContext ?ctx .
      ?ctx nif:isString ?text .
      FILTER(SUBSTR(?text, ?b + 1, ?end - ?b) = ?anchor)
    }"""
    rows = {(r["anchor"].value, r["e"].value.rsplit("resource/", 1)[-1], r["method"].value)
            for r in store.query(q, use_default_graph_as_union=True)}
    assert ("presiden Amerika", "person/joe-biden", "role-at-date") in rows
    assert ("Moskow", "city/moscow", "alias") in rows
    assert ("MOSKOW", "city/moscow", "alias") in rows  # the dateline
    assert ("Dewan NATO-Rusia", "organization/nato-russia-council", "unlinked") in rows
