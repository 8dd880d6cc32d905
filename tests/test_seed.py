"""The seed article, end to end: every fact the mission asks for, checked by SPARQL on a real
on-disk store built through the library, exactly as `kg build` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, Variable

from kg.pipeline import build
from kg.store import open_store
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kontan-2021-12-31-biden-putin.txt"
ARTICLE = "kontan-2021-12-31-biden-putin"
P = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items()) + "\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "store"
    st = open_store(path)
    report = build([str(SEED)], st)
    assert report.built == 1 and not report.failed
    return st


def ask(store, body: str, **bind) -> bool:
    subs = {Variable(k): Literal(v) for k, v in bind.items()}
    # pyoxigraph binds only variables that the pattern itself can bind: declare them
    values = "".join(f"VALUES ?{k} {{ UNDEF }} " for k in bind)
    return bool(store.query(P + "ASK {" + values + body + "}", substitutions=subs or None,
                            use_default_graph_as_union=True))


def test_biden_warned_of_sanctions_with_condition(store):
    assert ask(store, "?b owl:sameAs wd:Q6279 ; dip:warnedOf ?t . ?t rdfs:label 'sanctions'@en .")
    assert ask(store, """?e dip:eventType plover:THREATEN ; dip:source/owl:sameAs wd:Q6279 ;
        dip:target/owl:sameAs wd:Q159 ; dip:topic/rdfs:label 'sanctions'@en ; dip:condition ?c .
        FILTER(CONTAINS(STR(?c), 'Ukraina'))""")


def test_nato_russia_council_meets_in_brussels(store):
    assert ask(store, "?c dip:meetsIn/owl:sameAs wd:Q239 ; rdfs:label ?l . FILTER(CONTAINS(LCASE(STR(?l)), 'nato'))")
    assert ask(store, """?e dip:eventType plover:CONSULT ; dip:place/owl:sameAs wd:Q239 ;
        dip:date '2022-01-11'^^xsd:date ; dip:context dip:Future .""")


def test_geneva_talks_from_9_january(store):
    assert ask(store, """?e dip:eventType plover:CONSULT ; dip:place/owl:sameAs wd:Q71 ;
        dip:date '2022-01-09'^^xsd:date ; dip:source/owl:sameAs wd:Q30 ; dip:source/owl:sameAs wd:Q159 .""")


def test_vienna_osce_13_january(store):
    assert ask(store, """?e dip:eventType plover:CONSULT ; dip:place/owl:sameAs wd:Q1741 ;
        dip:date '2022-01-13'^^xsd:date ; dip:source/owl:sameAs wd:Q81299 .""")


def test_phone_call_50_minutes_on_30_december(store):
    assert ask(store, """?e dip:eventType plover:CONSULT ; dip:mode dip:phone ;
        dip:source/owl:sameAs wd:Q6279 ; dip:source/owl:sameAs wd:Q7747 ;
        dip:date '2021-12-30'^^xsd:date ; dip:duration 'PT50M'^^xsd:duration ;
        dip:topic/rdfs:label 'European security'@en .""")
    assert ask(store, "?b owl:sameAs wd:Q6279 ; dip:spokeWith/owl:sameAs wd:Q7747 .")


def test_biden_urged_putin_to_deescalate(store):
    assert ask(store, "?b owl:sameAs wd:Q6279 ; dip:urged/owl:sameAs wd:Q7747 .")
    assert ask(store, """?e dip:eventType plover:REQUEST ; dip:source/owl:sameAs wd:Q6279 ;
        dip:target/owl:sameAs wd:Q7747 ; dip:topic/rdfs:label 'de-escalation'@en .""")


def test_biden_warned_of_decisive_response(store):
    assert ask(store, """?e dip:eventType plover:THREATEN ; dip:source/owl:sameAs wd:Q6279 ;
        dip:target/owl:sameAs wd:Q159 ; dip:condition ?c ; dip:evidence/nif:anchorOf ?s .
        FILTER(CONTAINS(?s, 'menanggapi dengan tegas') && CONTAINS(STR(?c), 'menginvasi'))""")


def test_putin_warned_of_rupture(store):
    assert ask(store, """?e dip:eventType plover:THREATEN ; dip:source/owl:sameAs wd:Q7747 ;
        dip:topic/rdfs:label 'rupture of relations'@en .""")


def test_both_leaders_agreed_to_regular_contact(store):
    assert ask(store, """?e dip:eventType plover:AGREE ; dip:source/owl:sameAs wd:Q6279 ;
        dip:source/owl:sameAs wd:Q7747 ; dip:topic/rdfs:label 'regular contact'@en .""")


def test_biden_supports_diplomacy(store):
    assert ask(store, "?b owl:sameAs wd:Q6279 ; dip:supported/rdfs:label 'diplomacy'@en .")


def test_video_call_of_7_december_and_its_warning(store):
    assert ask(store, """?e dip:eventType plover:CONSULT ; dip:mode dip:video ; dip:date '2021-12-07'^^xsd:date ;
        dip:source/owl:sameAs wd:Q6279 ; dip:source/owl:sameAs wd:Q7747 .""")
    assert ask(store, """?e dip:eventType plover:THREATEN ; dip:source/owl:sameAs wd:Q6279 ;
        dip:date '2021-12-07'^^xsd:date ; dip:topic/rdfs:label 'economic punishment'@en .""")


@pytest.mark.parametrize("qid", ["Q4479563", "Q12066523"])
def test_statements_of_named_speakers(store, qid):
    rows = list(store.query(P + f"""SELECT ?st WHERE {{ ?st a dip:Statement ; dip:source/owl:sameAs wd:{qid} }}""",
                            use_default_graph_as_union=True))
    assert len(rows) >= 3


def test_statement_of_anonymous_us_official(store):
    assert ask(store, """?st a dip:Statement ; rdfs:label ?l ; dip:evidence/nif:anchorOf ?s .
        FILTER NOT EXISTS { ?st dip:source ?x } FILTER(CONTAINS(?l, 'pejabat AS'))""")


@pytest.mark.parametrize("qid,position", [
    ("Q7747", "President of Russia"),
    ("Q6279", "President of the United States"),
    ("Q12066523", "Press Secretary"),
    ("Q4479563", "aide"),
])
def test_roles(store, qid, position):
    assert ask(store, f"""?p owl:sameAs wd:{qid} ; dip:holdsPosition ?pos . ?pos rdfs:label ?l .
        FILTER(LANG(?l) = 'en' && CONTAINS(LCASE(?l), LCASE(?want)))""", want=position)


def test_article_metadata(store):
    assert ask(store, """?a a schema:NewsArticle ; schema:identifier ?id ; schema:datePublished '2021-12-31'^^xsd:date ;
        schema:publisher/schema:name 'KONTAN.CO.ID' ; dip:agency 'Bloomberg' ; dip:editor 'Noverius Laoli' .""",
               id=ARTICLE)


def test_related_headlines_are_not_events(store):
    n = store.query(P + "SELECT (COUNT(*) AS ?n) WHERE { ?a dip:relatedHeadline ?h }", use_default_graph_as_union=True)
    assert int(next(iter(n))["n"].value) == 3
    assert not ask(store, "?e a dip:Event ; dip:evidence/nif:anchorOf ?s . FILTER(CONTAINS(?s, 'Baca Juga'))")


def test_every_event_traces_to_its_sentence(store):
    text = SEED.read_text(encoding="utf-8")
    rows = store.query(P + """SELECT ?b ?e ?s WHERE { ?ev a dip:Event ; dip:evidence ?x ; dip:confidence ?c .
        ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?s }""", use_default_graph_as_union=True)
    n = 0
    for r in rows:
        n += 1
        assert text[int(r["b"].value):int(r["e"].value)] == r["s"].value
    assert n >= 10


def test_rebuild_replaces_the_graph(store):
    before = len(store)
    report = build([str(SEED)], store, force=True)
    assert report.built == 1
    assert len(store) == before
