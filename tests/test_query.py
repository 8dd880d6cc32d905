"""kg.query and kg.output: the bundled queries on the sample, parameters, errors, formats."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from pyoxigraph import (
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    parse,
    parse_query_results,
)

from kg.errors import QueryError
from kg.output import plain, shorten, write_result, write_rows
from kg.query import (
    NamedQuery,
    list_queries,
    load_named_query,
    parse_query,
    run_query,
)
from kg.resources import queries_dir
from kg.store import open_store, replace_graph
from kg.vocab import DIP, KGR, PREFIXES, RDFS, WD, XSD, article_graph

A1 = "kontan-2021-12-31-biden-putin"
A2 = "kontan-2022-01-10-nato-russia"
BUNDLED = {
    "wikidata-enrich",  # federated (SERVICE); tested against a local endpoint in test_federated.py
    "actor-profile",
    "articles",
    "events",
    "meetings-by-place",
    "positions",
    "quotes",
    "timeline",
    "who-warned-whom",
}


def rows(store, name, **params):
    """The rows of a bundled query, as dicts of short text (``table`` style)."""
    result = run_query(store, load_named_query(name), params)
    return [{k: shorten(v) for k, v in row.items()} for row in result.dicts()]


def column(store, name, col, **params):
    return [row[col] for row in rows(store, name, **params)]


# --------------------------------------------------------------------------------------------
# The bundled queries


def test_list_queries():
    queries = list_queries()
    assert {q.name for q in queries} == BUNDLED
    for query in queries:
        assert query.summary, query.name
        assert query.path is not None and query.path.stem == query.name


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_query_files_declare_our_prefixes(name):
    """Each file runs as pasted into any endpoint: its prefixes are declared, and are ours."""
    query = load_named_query(name)
    declared = dict(re.findall(r"^PREFIX\s+(\w*):\s*<([^>]*)>", query.text, re.MULTILINE))
    assert declared, name
    for prefix, iri in declared.items():
        assert PREFIXES[prefix] == iri
    store = open_store(memory=True)
    store.query(query.text)  # no predeclared prefixes: must parse on its own


@pytest.mark.parametrize("name", sorted(BUNDLED - {"actor-profile", "wikidata-enrich"}))
def test_bundled_queries_return_no_duplicate_rows(sample_store, name):
    """pyoxigraph 0.5's union graph repeats a triple stated in two graphs; the queries cope."""
    found = [tuple(r.values()) for r in rows(sample_store, name)]
    assert found and len(found) == len(set(found))


def test_union_default_graph_sees_every_article_graph(sample_store):
    result = run_query(
        sample_store,
        "SELECT (COUNT(DISTINCT ?a) AS ?n) (COUNT(DISTINCT ?e) AS ?events) "
        "WHERE { ?a a dip:Article . ?e dip:article ?a }",
    )
    ((n, events),) = result.rows()
    assert (int(n.value), int(events.value)) == (2, 15)  # 8 events, 3 statements, 4 holdings


def test_events(sample_store):
    found = rows(sample_store, "events")
    assert [
        (r["date"], r["type"], r["sources"], r["targets"], r["participants"], r["place"])
        for r in found
    ] == [
        ("2021-12-30", "plover:CONSULT", "Joe Biden", "Vladimir Putin", "", ""),
        ("2021-12-30", "plover:THREATEN", "Joe Biden", "Russia", "", ""),
        ("2021-12-30", "plover:THREATEN", "Vladimir Putin", "Joe Biden", "", ""),
        ("2021-12-30", "plover:REQUEST", "Joe Biden", "Vladimir Putin", "", ""),
        ("2022-01-10", "plover:CONSULT", "United States", "Russia", "", "Geneva"),
        ("2022-01-11", "plover:CONSULT", "", "", "NATO–Russia Council", "Brussels"),
        ("", "plover:REJECT", "Russia", "", "", ""),
        ("", "plover:SUPPORT", "NATO", "Ukraine", "", ""),
    ]
    assert found[1]["evidence"] == (
        "Biden memperingatkan bahwa AS akan menjatuhkan sanksi besar jika Rusia menyerang Ukraina."
    )
    assert found[1]["event"] == f"kgr:article/{A1}/event/2"
    assert found[1]["article"] == f"kgr:article/{A1}"


@pytest.mark.parametrize(
    "value", ["THREATEN", "plover:THREATEN", "https://w3id.org/kg-diplomacy/plover#THREATEN"]
)
def test_events_by_type(sample_store, value):
    assert column(sample_store, "events", "sources", type=value) == ["Joe Biden", "Vladimir Putin"]


@pytest.mark.parametrize("value", [A2, f"kgr:article/{A2}", f"<{KGR.iri}article/{A2}>"])
def test_events_by_article(sample_store, value):
    assert column(sample_store, "events", "type", article=value) == [
        "plover:CONSULT",
        "plover:CONSULT",
        "plover:REJECT",
        "plover:SUPPORT",
    ]


def test_events_by_type_and_article(sample_store):
    assert (
        rows(sample_store, "events", type="CONSULT", article=A1)[0]["targets"] == "Vladimir Putin"
    )
    assert rows(sample_store, "events", type="SANCTION") == []


def test_who_warned_whom(sample_store):
    found = rows(sample_store, "who-warned-whom")
    assert [(r["warner"], r["warned"], r["about"], r["condition"], r["date"]) for r in found] == [
        ("Joe Biden", "Russia", "sanctions", "jika Rusia menyerang Ukraina", "2021-12-30"),
        ("Vladimir Putin", "Joe Biden", "rupture of relations", "", "2021-12-30"),
    ]
    assert found[0]["actor"] == ""


@pytest.mark.parametrize(
    ("actor", "warners"),
    [
        ("Putin", ["Vladimir Putin"]),
        ("biden", ["Joe Biden", "Vladimir Putin"]),  # Biden warned, and was warned
        ("Rusia", ["Joe Biden"]),  # the Indonesian label of Russia, the one warned
        ("wd:Q7747", ["Vladimir Putin"]),
        ("kgr:person/vladimir-putin", ["Vladimir Putin"]),
        ("http://www.wikidata.org/entity/Q159", ["Joe Biden"]),
        ("nobody", []),
    ],
)
def test_who_warned_whom_by_actor(sample_store, actor, warners):
    assert column(sample_store, "who-warned-whom", "warner", actor=actor) == warners


def test_who_warned_whom_includes_direct_links_without_an_event(sample_store):
    extra = article_graph("extra")
    # a warning known only as a direct link, with no THREATEN event behind it
    replace_graph(
        sample_store,
        extra,
        [Quad(KGR["person/joe-biden"], DIP.warned, KGR["country/ukraine"], extra)],
    )
    found = rows(sample_store, "who-warned-whom", actor="Ukraine")
    assert [(r["warner"], r["warned"], r["event"]) for r in found] == [("Joe Biden", "Ukraine", "")]
    assert len(rows(sample_store, "who-warned-whom")) == 3


def test_meetings_by_place(sample_store):
    found = rows(sample_store, "meetings-by-place")
    assert [(r["at"], r["date"], r["who"], r["mode"]) for r in found] == [
        ("Brussels", "2022-01-11", "NATO–Russia Council", "dip:multilateral"),
        ("Geneva", "2022-01-10", "United States; Russia", ""),
    ]


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Brussel", ["Brussels"]),
        ("jenewa", ["Geneva"]),
        ("wd:Q71", ["Geneva"]),
        ("kgr:city/brussels", ["Brussels"]),
        ("Wina", []),
    ],
)
def test_meetings_by_place_filtered(sample_store, place, expected):
    assert column(sample_store, "meetings-by-place", "at", place=place) == expected


def test_timeline(sample_store):
    assert column(sample_store, "timeline", "date") == ["2021-12-30"] * 4 + [
        "2022-01-10",
        "2022-01-11",
    ]
    assert column(sample_store, "timeline", "date", **{"from": "2022-01-01"}) == [
        "2022-01-10",
        "2022-01-11",
    ]
    assert column(sample_store, "timeline", "date", to="2022-01-10") == ["2021-12-30"] * 4 + [
        "2022-01-10"
    ]
    assert column(
        sample_store, "timeline", "place", **{"from": "2022-01-11", "to": "2022-01-11"}
    ) == ["Brussels"]
    assert rows(sample_store, "timeline", **{"from": "2023-01-01"}) == []


def test_timeline_binds_typed_dates(sample_store):
    result = run_query(sample_store, load_named_query("timeline"), {"from": "2022-01-11"})
    assert result.bindings == {"from": Literal("2022-01-11", datatype=XSD.date)}


@pytest.mark.parametrize("value", ["2022-13-01", "11/01/2022", "2022-01-11T00:00:00", "yesterday"])
def test_timeline_rejects_bad_dates(sample_store, value):
    with pytest.raises(QueryError) as info:
        run_query(sample_store, load_named_query("timeline"), {"from": value})
    assert "expects a date YYYY-MM-DD" in str(info.value)


def test_quotes(sample_store):
    found = rows(sample_store, "quotes")
    assert [(r["who"], r["quote"], r["date"], r["source"]) for r in found] == [
        (
            "Yuri Ushakov",
            "Ini akan menjadi kesalahan besar yang dapat menyebabkan konsekuensi paling serius",
            "2021-12-31",
            "kgr:person/yuri-ushakov",
        ),
        (
            "Jen Psaki",
            "Kami siap untuk diplomasi, tetapi juga siap untuk merespons",
            "2022-01-10",
            "kgr:person/jen-psaki",
        ),
        ("seorang pejabat AS", "Pembicaraan itu tidak mudah", "2022-01-10", ""),
    ]


@pytest.mark.parametrize(
    ("speaker", "who"),
    [
        ("Psaki", ["Jen Psaki"]),
        ("pejabat AS", ["seorang pejabat AS"]),
        ("kgr:person/yuri-ushakov", ["Yuri Ushakov"]),
        ("Lavrov", []),
    ],
)
def test_quotes_by_speaker(sample_store, speaker, who):
    assert column(sample_store, "quotes", "who", speaker=speaker) == who


def test_positions(sample_store):
    found = rows(sample_store, "positions")
    assert [(r["person"], r["position"], r["of"], r["asOf"], r["wikidata"]) for r in found] == [
        ("Jen Psaki", "White House Press Secretary", "United States", "2022-01-10", ""),
        ("Joe Biden", "President of the United States", "United States", "2021-12-31", "wd:Q11696"),
        ("Vladimir Putin", "President of Russia", "Russia", "2021-12-31", "wd:Q218295"),
        ("Yuri Ushakov", "Kremlin foreign policy aide", "Russia", "2021-12-31", ""),
    ]
    assert column(sample_store, "positions", "position", holder="putin") == ["President of Russia"]


def test_articles(sample_store):
    found = rows(sample_store, "articles")
    assert [(r["id"], r["date"], r["outlet"], r["events"], r["statements"]) for r in found] == [
        (A1, "2021-12-31", "Kontan", "4", "1"),
        (A2, "2022-01-10", "Kontan", "4", "2"),
    ]


def test_actor_profile(sample_store):
    found = rows(sample_store, "actor-profile", actor="Putin")
    assert {r["entity"] for r in found} == {"kgr:person/vladimir-putin"}
    pairs = {(r["relation"], r["value"]) for r in found}
    assert pairs >= {
        ("label", "Vladimir Putin"),
        ("sameAs", "wd:Q7747"),
        ("type", "dip:Person"),
        ("holds position", "President of Russia"),
        ("source of THREATEN", "Joe Biden; rupture of relations"),
        ("target of CONSULT", "Joe Biden"),
        ("target of REQUEST", "Joe Biden; de-escalation"),
        ("warned", "Joe Biden"),
        ("warnedOf", "rupture of relations"),
    }
    dated = [r for r in found if r["relation"] == "source of THREATEN"]
    assert dated[0]["date"] == "2021-12-30"


def test_actor_profile_by_iri_and_statements(sample_store):
    def without_echo(found):
        return [{k: v for k, v in r.items() if k != "actor"} for r in found]

    by_wikidata = without_echo(rows(sample_store, "actor-profile", actor="wd:Q7747"))
    by_iri = without_echo(rows(sample_store, "actor-profile", actor="kgr:person/vladimir-putin"))
    assert by_wikidata == by_iri == without_echo(rows(sample_store, "actor-profile", actor="putin"))
    said = [
        r for r in rows(sample_store, "actor-profile", actor="Ushakov") if r["relation"] == "said"
    ]
    assert [r["value"] for r in said] == [
        "Ini akan menjadi kesalahan besar yang dapat menyebabkan konsekuensi paling serius"
    ]


def test_actor_profile_label_can_match_several_actors(sample_store):
    entities = {r["entity"] for r in rows(sample_store, "actor-profile", actor="rusia")}
    assert entities == {"kgr:country/russia", "kgr:organization/nato-russia-council"}


def test_actor_profile_needs_an_actor(sample_store):
    with pytest.raises(QueryError) as info:
        run_query(sample_store, load_named_query("actor-profile"), {})
    assert str(info.value).startswith(
        "query actor-profile needs parameter actor (iri|literal, required)"
    )


# --------------------------------------------------------------------------------------------
# Parameters are terms, never text


INJECTIONS = ['x" } ; DROP ALL ; #', "x' } ; DROP ALL ; #", "> } DROP ALL #", "\\u0022 } DROP ALL"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize(
    ("name", "param"),
    [
        ("quotes", "speaker"),
        ("who-warned-whom", "actor"),
        ("actor-profile", "actor"),
        ("meetings-by-place", "place"),
    ],
)
def test_injection_is_a_plain_literal(sample_store, name, param, value):
    before = len(sample_store)
    result = run_query(sample_store, load_named_query(name), {param: value})
    assert result.bindings[param] == Literal(value)
    assert list(result.rows()) == []
    assert len(sample_store) == before


def test_injection_into_an_iri_parameter_is_refused(sample_store):
    with pytest.raises(QueryError) as info:
        run_query(sample_store, load_named_query("events"), {"type": "x> } ; DROP ALL ; #"})
    assert "expects an IRI" in str(info.value)
    assert len(sample_store) == 400


def test_an_update_is_not_a_query(sample_store):
    with pytest.raises(QueryError):
        run_query(sample_store, "DROP ALL")
    assert len(sample_store) == 400


def test_unknown_parameter(sample_store):
    with pytest.raises(QueryError) as info:
        run_query(sample_store, load_named_query("events"), {"typ": "THREATEN"})
    assert str(info.value) == "unknown parameter typ for query events; allowed: type, article"
    with pytest.raises(QueryError, match="query articles takes no parameters, got since"):
        run_query(sample_store, load_named_query("articles"), {"since": "2022-01-01"})


def test_iri_parameter_without_prefix_needs_an_iri(sample_store):
    query = parse_query(
        "#+ name: t\n#+ param: who (iri, required) an actor\nSELECT ?who WHERE { ?who a ?c }"
    )
    with pytest.raises(QueryError, match="parameter who expects an IRI"):
        run_query(sample_store, query, {"who": "Joe Biden"})
    with pytest.raises(QueryError, match="expects an IRI"):
        run_query(sample_store, query, {"who": "nope:thing"})  # not one of our prefixes
    result = run_query(sample_store, query, {"who": "kgr:person/joe-biden"})
    assert {r[0] for r in result.rows()} == {KGR["person/joe-biden"]}


def test_integer_and_default_parameters(sample_store):
    query = parse_query(
        "#+ name: t\n#+ param: n (integer, optional) a number\n#+ default: n=7\n"
        "SELECT ?n ?double WHERE { BIND(?n * 2 AS ?double) }"
    )
    ((n, double),) = run_query(sample_store, query).rows()
    assert (n, double) == (Literal(7), Literal(14))
    ((n, _),) = run_query(sample_store, query, {"n": "-3"}).rows()
    assert n == Literal(-3)
    with pytest.raises(QueryError, match="expects an integer"):
        run_query(sample_store, query, {"n": "3.5"})


def test_headerless_query_binds_its_variables(sample_store):
    text = "SELECT ?person ?label WHERE { ?person rdfs:label ?label }"
    result = run_query(sample_store, text, {"person": "wd:Q6279"})
    assert list(result.rows()) == []  # the IRI is wd:, our person is kgr:
    result = run_query(sample_store, text, {"person": "kgr:person/joe-biden"})
    assert [shorten(r[1]) for r in result.rows()] == ["Joe Biden"]
    with pytest.raises(QueryError, match="has no variable \\?nobody"):
        run_query(sample_store, text, {"nobody": "x"})


def test_a_parameter_must_be_selected(sample_store):
    text = "SELECT ?person WHERE { ?person rdfs:label ?label }"
    with pytest.raises(QueryError) as info:
        run_query(sample_store, text, {"label": "Joe Biden"})
    assert (
        str(info.value)
        == "the query cannot bind parameter label: ?label is not in its SELECT clause"
    )


def test_ask_parameters_must_be_bound_by_the_pattern(sample_store):
    text = "ASK { ?who dip:warned ?whom FILTER(?whom = ?want) }"
    with pytest.raises(QueryError) as info:
        run_query(sample_store, text, {"want": "kgr:country/russia"})
    assert str(info.value) == (
        "the query cannot bind parameter want: ?want is not bound by its WHERE pattern"
    )
    in_scope = text[:-1] + " VALUES ?want { UNDEF } }"
    assert run_query(sample_store, in_scope, {"want": "kgr:country/russia"}).boolean is True


def test_substitution_semantics_the_queries_rely_on(sample_store):
    """pyoxigraph 0.5: BOUND(?param) is false; COALESCE tells a given parameter apart."""
    text = (
        "SELECT ?p ?bound ?given WHERE { BIND(BOUND(?p) AS ?bound) "
        'BIND(COALESCE(STR(?p), "") != "" AS ?given) }'
    )
    ((p, bound, given),) = run_query(sample_store, text, {"p": "x"}).rows()
    assert (p, bound.value, given.value) == (Literal("x"), "false", "true")
    ((p, bound, given),) = run_query(sample_store, text).rows()
    assert (p, bound.value, given.value) == (None, "false", "false")


# --------------------------------------------------------------------------------------------
# Loading queries


def test_unknown_query_lists_the_known_ones():
    with pytest.raises(QueryError) as info:
        load_named_query("who-warned")
    assert str(info.value) == "unknown query 'who-warned'; known queries: " + ", ".join(
        sorted(BUNDLED)
    )


def test_messages_name_the_query(sample_store):
    with pytest.raises(QueryError, match="^malformed SPARQL in query mine at line 2"):
        run_query(sample_store, parse_query("#+ name: mine\nSELEC ?x", name="mine"))
    stdin = load_named_query("-", "SELECT ?x WHERE { BIND(1 AS ?x) }")
    with pytest.raises(QueryError, match="^the query from standard input has no variable"):
        run_query(sample_store, stdin, {"y": "1"})


def test_load_by_path_and_stdin(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("#+ summary: mine\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n")
    query = load_named_query(str(path))
    assert (query.name, query.summary, query.path) == ("mine", "mine", path)
    assert load_named_query(queries_dir() / "events.rq").name == "events"
    stdin = load_named_query("-", "ASK { ?s ?p ?o }")
    assert (stdin.name, stdin.declared) == ("-", False)
    with pytest.raises(QueryError, match="no query text on standard input"):
        load_named_query("-", "  \n")
    with pytest.raises(QueryError, match="no query file"):
        load_named_query(str(tmp_path / "missing.rq"))


def test_header_parsing():
    query = load_named_query("events")
    assert isinstance(query, NamedQuery)
    (type_param, article_param) = query.params
    assert (type_param.name, type_param.types, type_param.optional) == ("type", ("iri",), True)
    assert type_param.prefix == "https://w3id.org/kg-diplomacy/plover#"
    assert article_param.prefix == KGR.iri + "article/"
    assert query.examples == ("kg query events -p type=THREATEN",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("#+ param: x (uri) thing", "unknown type 'uri'"),
        ("#+ param: x (iri, sometimes) thing", "unknown option 'sometimes'"),
        ("#+ param: x thing", "a #+ param line reads"),
        ("#+ param: x (iri, prefix=foo:) thing", "not one of our prefixes"),
    ],
)
def test_bad_headers(line, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_query(f"{line}\nSELECT ?x WHERE {{}}")


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?e WHERE { ?e dip:typ e ?t }",
        "SELECT ?e WHERE {\n  ?e a dip:Event\n  FILTER(?e = )\n}",
        "SELEC * WHERE { ?s ?p ?o }",
        "SELECT ?e WHERE { ?e a undeclared:Thing }",
    ],
)
def test_malformed_sparql_is_one_line(sample_store, text):
    with pytest.raises(QueryError) as info:
        run_query(sample_store, text)
    message = str(info.value)
    assert "\n" not in message and len(message) < 400
    assert re.match(r"malformed SPARQL in the query at line \d+, column \d+: ", message)
    assert info.value.exit_code == 2


def test_malformed_sparql_names_the_line(sample_store):
    with pytest.raises(QueryError) as info:
        run_query(sample_store, "SELECT ?e WHERE {\n  ?e a dip:Event .\n  ?e dip:typ e ?t\n}")
    assert "at line 3, column" in str(info.value)
    assert str(info.value).endswith("(in: ?e dip:typ e ?t)")


# --------------------------------------------------------------------------------------------
# Query forms and the read-only store


def test_ask_construct_describe(sample_store):
    assert run_query(sample_store, "ASK { ?e a dip:Event }").boolean is True
    assert run_query(sample_store, "ASK { ?e a dip:Sanction }").boolean is False
    construct = run_query(sample_store, "CONSTRUCT { ?p dip:warned ?q } WHERE { ?p dip:warned ?q }")
    assert construct.kind == "graph"
    assert len(set(construct.triples())) == 2
    describe = run_query(sample_store, "DESCRIBE ?x WHERE { ?x owl:sameAs wd:Q7747 }")
    assert any(t.predicate == RDFS.label for t in describe.triples())


def test_ask_and_construct_take_parameters_anywhere(sample_store):
    ask = "ASK { ?who dip:warned ?whom }"
    assert run_query(sample_store, ask, {"whom": "kgr:country/russia"}).boolean is True
    assert run_query(sample_store, ask, {"whom": "kgr:country/ukraine"}).boolean is False


def test_queries_run_on_a_read_only_store(sample_store_path):
    store = open_store(sample_store_path, read_only=True)
    assert len(rows(store, "events")) == 8


# --------------------------------------------------------------------------------------------
# Output


def output(result, fmt, **kwargs) -> str:
    out = io.BytesIO()
    write_result(result, fmt, out, **kwargs)
    return out.getvalue().decode("utf-8")


def test_shorten_and_plain():
    assert shorten(KGR["person/joe-biden"]) == "kgr:person/joe-biden"
    assert shorten(WD.Q6279) == "wd:Q6279"
    assert shorten(DIP.warnedOf) == "dip:warnedOf"
    assert shorten(NamedNode("http://example.org/x")) == "<http://example.org/x>"
    assert shorten(Literal("Biden", language="en")) == "Biden"
    assert shorten(None) == ""
    assert plain(Literal(5)) == 5
    assert plain(Literal("0.85", datatype=XSD.decimal)) == 0.85
    assert plain(Literal("true", datatype=XSD.boolean)) is True
    assert plain(Literal("2022-01-11", datatype=XSD.date)) == "2022-01-11"
    assert plain(KGR["person/joe-biden"]) == KGR.iri + "person/joe-biden"


def test_table_output(sample_store):
    result = run_query(sample_store, load_named_query("who-warned-whom"), {"actor": "Putin"})
    text = output(result, "table", width=0)
    lines = text.splitlines()
    assert lines[0].split() == [
        "warner",
        "warned",
        "about",
        "condition",
        "date",
        "evidence",
        "event",
    ]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].startswith("Vladimir Putin  Joe Biden  rupture of relations")
    assert f"kgr:article/{A1}/event/3" in lines[2]
    assert "actor" not in lines[0]  # the parameter's echo column is left out of a table
    assert len(lines) == 3


def test_table_fits_the_width(sample_store):
    result = run_query(sample_store, load_named_query("events"))
    text = output(result, "table", width=140)
    lines = text.splitlines()
    assert all(len(line) <= 140 for line in lines)
    assert "…" in text
    assert lines[2].startswith("2021-12-30  plover:CONSULT")
    assert len(lines) == 2 + 8


def test_table_of_nothing(sample_store):
    result = run_query(sample_store, load_named_query("events"), {"type": "SANCTION"})
    assert output(result, "table", width=80).splitlines()[-1] == "(no results)"


def test_csv_tsv_json_are_the_w3c_formats(sample_store):
    query = load_named_query("events")
    csv_text = output(run_query(sample_store, query, {"type": "THREATEN"}), "csv")
    table = list(csv.reader(io.StringIO(csv_text)))
    assert table[0] == [
        "date",
        "type",
        "sources",
        "targets",
        "participants",
        "place",
        "evidence",
        "event",
        "article",
    ]
    assert table[1][:4] == [
        "2021-12-30",
        "https://w3id.org/kg-diplomacy/plover#THREATEN",
        "Joe Biden",
        "Russia",
    ]
    assert csv_text.endswith("\r\n")

    tsv_text = output(run_query(sample_store, query, {"type": "THREATEN"}), "tsv")
    assert tsv_text.splitlines()[0].startswith("?date\t?type\t")
    assert (
        '"2021-12-30"^^<http://www.w3.org/2001/XMLSchema#date>\t'
        "<https://w3id.org/kg-diplomacy/plover#THREATEN>" in tsv_text
    )

    json_text = output(run_query(sample_store, query, {"type": "THREATEN"}), "json")
    document = json.loads(json_text)
    assert document["head"]["vars"][:2] == ["date", "type"]
    first = document["results"]["bindings"][0]
    assert first["type"] == {
        "type": "uri",
        "value": "https://w3id.org/kg-diplomacy/plover#THREATEN",
    }
    assert first["date"]["datatype"] == XSD.date.value
    # and pyoxigraph reads its own output back
    parsed = parse_query_results(json_text.encode(), format=QueryResultsFormat.JSON)
    assert len(list(parsed)) == 2


def test_jsonl_output(sample_store):
    result = run_query(sample_store, load_named_query("timeline"), {"from": "2022-01-11"})
    lines = output(result, "jsonl").splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert row["date"] == "2022-01-11" and row["place"] == "Brussels" and row["to"] is None
    assert row["type"] == "https://w3id.org/kg-diplomacy/plover#CONSULT"


def test_ask_output(sample_store):
    ask = run_query(sample_store, "ASK { ?e a dip:Event }")
    assert output(ask, "table") == "true\n"
    assert json.loads(output(run_query(sample_store, "ASK { ?e a dip:Sanction }"), "json")) == {
        "head": {},
        "boolean": False,
    }


def test_construct_output(sample_store):
    text = "CONSTRUCT { ?p dip:warned ?q } WHERE { ?p dip:warned ?q }"
    turtle = output(run_query(sample_store, text), "table")
    assert "@prefix dip: <https://w3id.org/kg-diplomacy/ontology#> ." in turtle
    assert len(list(parse(turtle.encode(), RdfFormat.TURTLE))) == 2
    ntriples = output(run_query(sample_store, text), "ntriples")
    assert len(ntriples.splitlines()) == 2
    with pytest.raises(QueryError, match="is RDF"):
        output(run_query(sample_store, text), "csv")


def test_write_result_to_text_streams(sample_store):
    out = io.StringIO()
    write_result(run_query(sample_store, load_named_query("articles")), "csv", out)
    assert out.getvalue().startswith("id,date,outlet,headline,events,statements,article\r\n")
    out = io.StringIO()
    write_result(
        run_query(sample_store, load_named_query("quotes"), {"speaker": "Psaki"}), "json", out
    )
    assert json.loads(out.getvalue())["results"]["bindings"][0]["who"]["value"] == "Jen Psaki"


def test_write_result_to_sys_stdout(sample_store, capsys):
    print("before")
    write_result(run_query(sample_store, load_named_query("articles")), "tsv", sys.stdout)
    print("after")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "before" and lines[-1] == "after"
    assert lines[1].startswith("?id\t?date")
    assert len(lines) == 5


def test_write_rows_of_plain_values():
    rows_ = [
        {"name": "events", "count": 8},
        {"name": "ratio", "count": 0.5},
        {"name": "none", "count": None},
    ]
    columns = ["name", "count"]

    def render(fmt, **kwargs):
        out = io.StringIO()
        assert write_rows(iter(rows_), columns, fmt, out, **kwargs) == 3
        return out.getvalue()

    assert render("csv") == "name,count\r\nevents,8\r\nratio,0.5\r\nnone,\r\n"
    assert render("tsv") == "?name\t?count\nevents\t8\nratio\t0.5\nnone\t\n"
    assert json.loads(render("json")) == rows_
    assert [json.loads(line) for line in render("jsonl").splitlines()] == rows_
    assert render("table", width=0).splitlines() == [
        "name    count",
        "------  -----",
        "events  8",
        "ratio   0.5",
        "none",
    ]
    out = io.StringIO()
    write_rows([["a", Literal("x", language="id")]], columns, "table", out, width=0)
    assert out.getvalue().splitlines()[-1] == "a     x"


def test_write_rows_streams():
    def rows_then_fail():
        yield {"n": 1}
        yield {"n": 2}
        raise RuntimeError("source failed")

    out = io.StringIO()
    with pytest.raises(RuntimeError):
        write_rows(rows_then_fail(), ["n"], "jsonl", out)
    assert out.getvalue() == '{"n": 1}\n{"n": 2}\n'


def test_write_rows_rejects_unknown_format():
    with pytest.raises(QueryError, match="unknown output format 'xml'"):
        write_rows([], ["a"], "xml", io.StringIO())


def test_query_modules_import_no_heavy_dependencies():
    """kg query / export / events must start fast: no spaCy, rdflib or pySHACL at import."""
    code = (
        "import sys, kg.store, kg.query, kg.output, kg.export; "
        "print(sorted(m for m in ('spacy', 'rdflib', 'pyshacl') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
