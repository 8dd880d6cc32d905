"""kg.export: every format parses back (with rdflib) to what the store holds."""

from __future__ import annotations

import io

import pytest
import rdflib
from pyoxigraph import Literal, Quad, RdfFormat, parse, serialize
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.export import EXPORT_FORMATS, export, format_for_path
from kg.store import ensure_ontology, open_store
from kg.vocab import DIP, ONTOLOGY_GRAPH, RDFS, article_graph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib 7's own parsers

A1 = "kontan-2021-12-31-biden-putin"
A2 = "kontan-2022-01-10-nato-russia"
RDFLIB_FORMATS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "trig": "trig",
    "nquads": "nquads",
    "jsonld": "json-ld",
}


def store_dataset(store) -> rdflib.Dataset:
    """The oracle: every quad of the store, as N-Quads straight from pyoxigraph, read by rdflib.

    (Not the sample file itself: the store keeps numbers by value, so that
    ``"424"^^xsd:nonNegativeInteger`` in the file is ``"424"^^xsd:integer`` in the store.)
    """
    dataset = rdflib.Dataset()
    dataset.parse(data=serialize(list(store), format=RdfFormat.N_QUADS), format="nquads")
    return dataset


def named(dataset: rdflib.Dataset, iri: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    for triple in dataset.graph(rdflib.URIRef(iri)):
        graph.add(triple)
    return graph


def merged(dataset: rdflib.Dataset) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def exported(store, fmt, **kwargs) -> bytes:
    out = io.BytesIO()
    export(store, out, fmt, **kwargs)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_triple_formats_hold_the_merge_of_all_graphs(sample_store, fmt):
    data = exported(sample_store, fmt)
    graph = rdflib.Graph().parse(data=data, format=RDFLIB_FORMATS[fmt])
    expected = merged(store_dataset(sample_store))
    assert len(graph) == len(expected) == 374  # a triple stated by both articles comes once; 20 names
    assert isomorphic(graph, expected)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dataset_formats_keep_the_graphs(sample_store, fmt):
    data = exported(sample_store, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    expected = store_dataset(sample_store)
    for article in (A1, A2):
        iri = article_graph(article).value
        assert isomorphic(named(dataset, iri), named(expected, iri)), fmt
    assert len(list(dataset.quads((None, None, None, None)))) == 400  # 380 in the articles, 20 names


def test_turtle_uses_our_prefixes(sample_store):
    text = exported(sample_store, "turtle").decode()
    assert "@prefix dip: <https://w3id.org/kg-diplomacy/ontology#> ." in text
    assert "@prefix kgr: <https://w3id.org/kg-diplomacy/resource/> ." in text
    assert "dip:warnedOf" in text
    assert len(list(parse(text.encode(), RdfFormat.TURTLE))) == 374


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_export_one_graph(sample_store, fmt):
    graph = article_graph(A2)
    data = exported(sample_store, fmt, graph=graph)
    if fmt == "turtle":
        got = rdflib.Graph().parse(data=data, format="turtle")
    else:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format="trig")
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {graph.value}
        got = named(dataset, graph.value)
    assert isomorphic(got, named(store_dataset(sample_store), graph.value))


def test_ontology_is_left_out_unless_asked_for(sample_store):
    ensure_ontology(
        sample_store, [Quad(DIP.Event, RDFS.label, Literal("event", language="en"), ONTOLOGY_GRAPH)]
    )
    for fmt in EXPORT_FORMATS:
        assert b"graph/ontology" not in exported(sample_store, fmt)
    turtle = rdflib.Graph().parse(
        data=exported(sample_store, "turtle", include_ontology=True), format="turtle"
    )
    assert (
        rdflib.URIRef(DIP.Event.value),
        rdflib.RDFS.label,
        rdflib.Literal("event", lang="en"),
    ) in turtle
    dataset = rdflib.Dataset()
    dataset.parse(data=exported(sample_store, "trig", include_ontology=True), format="trig")
    assert len(named(dataset, ONTOLOGY_GRAPH.value)) == 1


def test_export_errors(sample_store):
    with pytest.raises(StoreError, match="unknown export format 'rdfxml'"):
        exported(sample_store, "rdfxml")
    with pytest.raises(StoreError, match="has no graph"):
        exported(sample_store, "turtle", graph=article_graph("missing"))


def test_export_of_a_read_only_store(sample_store_path):
    store = open_store(sample_store_path, read_only=True)
    graph = rdflib.Graph().parse(data=exported(store, "ntriples"), format="nt")
    assert len(graph) == 374


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("graph.ttl", "turtle"),
        ("out/graph.TRIG", "trig"),
        ("g.nq", "nquads"),
        ("g.nt", "ntriples"),
        ("g.jsonld", "jsonld"),
        ("g.json", "jsonld"),
        ("graph", "turtle"),
        ("g.xml", "turtle"),
    ],
)
def test_format_for_path(path, fmt):
    assert format_for_path(path) == fmt
