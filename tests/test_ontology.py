"""The ontology, the PLOVER concepts and the SHACL shapes, against kg/vocab.py and examples.

``tests/shapes/valid/`` holds graphs written as docs/GRAPH.md describes: they conform.
``tests/shapes/invalid/`` holds graphs that each break one rule; the first line of each
names the path the violation must be reported on (``# expect: dip:evidence``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, URIRef
from rdflib.collection import Collection

from kg.errors import InputError
from kg.ontology_data import ontology_path, ontology_quads
from kg.resources import ontology_dir
from kg.validate import ValidationResult, validate, validate_store
from kg.vocab import DIP, KGR, ONTOLOGY_GRAPH, PLOVER, article_graph

SHAPES_DIR = Path(__file__).parent / "shapes"
VALID = sorted((SHAPES_DIR / "valid").glob("*.t*"))
INVALID = sorted((SHAPES_DIR / "invalid").glob("*.trig"))

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")

PLOVER_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
EVENT_CLASSES = {t: t.capitalize() for t in PLOVER_TYPES}  # THREATEN -> Threaten
CONTEXTS = "Future Planned Hypothetical Negated Reported".split()
MODES = "phone video visit host thirdParty multilateral".split()
# what a dip: term is: a class, a property, or an individual (a context or a consult mode)
TERM_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    URIRef(DIP.iri + "Context"),
    URIRef(DIP.iri + "ConsultMode"),
}


def dip(name: str) -> URIRef:
    return URIRef(str(DIP[name].value))


def plover(name: str) -> URIRef:
    return URIRef(str(PLOVER[name].value))


def media_type(path: Path) -> str:
    return {".trig": "application/trig", ".ttl": "text/turtle"}[path.suffix]


@pytest.fixture(scope="session")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(), format="turtle")


@pytest.fixture(scope="session")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def superclasses(graph: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(graph.transitive_objects(cls, RDFS.subClassOf)) - {cls}


# ---------------------------------------------------------------------------- parsing


def test_ontology_parses_with_rdflib_and_pyoxigraph(onto: rdflib.Graph) -> None:
    quads = ontology_quads()
    assert len(onto) > 500
    assert len(quads) == len(onto)
    assert {q.graph_name for q in quads} == {ONTOLOGY_GRAPH}


def test_ontology_header(onto: rdflib.Graph) -> None:
    header = URIRef("https://w3id.org/kg-diplomacy/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionInfo) is not None
    assert onto.value(header, URIRef("http://purl.org/dc/terms/license")) == URIRef(
        "https://opensource.org/licenses/MIT"
    )
    descriptions = set(onto.objects(header, URIRef("http://purl.org/dc/terms/description")))
    assert {d.language for d in descriptions} == {"en", "id"}


def test_shapes_parse_with_rdflib_and_pyoxigraph(shapes: rdflib.Graph) -> None:
    path = ontology_dir() / "shapes.ttl"
    assert len(list(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE))) == len(shapes)


# ---------------------------------------------------------------------------- vocab <-> ontology


@pytest.mark.parametrize("name", sorted(DIP.terms))
def test_every_dip_term_is_defined_with_labels_and_comment(onto: rdflib.Graph, name: str) -> None:
    term = dip(name)
    assert set(onto.objects(term, RDF.type)) & TERM_TYPES, f"dip:{name} has no type"
    languages = sorted(label.language for label in onto.objects(term, RDFS.label))
    assert languages == ["en", "id"], f"dip:{name} labels: {languages}"
    assert onto.value(term, RDFS.comment) is not None, f"dip:{name} has no rdfs:comment"
    assert onto.value(term, RDFS.isDefinedBy) == URIRef("https://w3id.org/kg-diplomacy/ontology")


def test_ontology_defines_nothing_in_dip_beyond_vocab(onto: rdflib.Graph) -> None:
    used = {
        str(node)[len(DIP.iri) :]
        for triple in onto
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(DIP.iri)
    }
    assert used == set(DIP.terms)


@pytest.mark.parametrize("name", sorted(PLOVER.terms))
def test_every_plover_term_is_defined_with_labels(onto: rdflib.Graph, name: str) -> None:
    term = plover(name)
    kinds = set(onto.objects(term, RDF.type))
    assert kinds & {SKOS.Concept, SKOS.ConceptScheme}
    for predicate in (SKOS.prefLabel, RDFS.label):
        assert sorted(label.language for label in onto.objects(term, predicate)) == ["en", "id"]


def test_ontology_uses_nothing_in_plover_beyond_vocab(onto: rdflib.Graph) -> None:
    used = {
        str(node)[len(PLOVER.iri) :]
        for triple in onto
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(PLOVER.iri)
    }
    assert used == set(PLOVER.terms)
    assert set(PLOVER_TYPES) | {"scheme", "modes"} == set(PLOVER.terms)


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_plover_concept_in_scheme_with_cameo_notation(onto: rdflib.Graph, name: str) -> None:
    concept = plover(name)
    assert (concept, RDF.type, SKOS.Concept) in onto
    assert (concept, SKOS.inScheme, plover("scheme")) in onto
    assert (concept, SKOS.topConceptOf, plover("scheme")) in onto
    assert (plover("scheme"), SKOS.hasTopConcept, concept) in onto
    notations = [str(n) for n in onto.objects(concept, SKOS.notation)]
    assert notations and all(re.fullmatch(r"CAMEO:\d{2,4}", n) for n in notations), notations
    assert onto.value(concept, SKOS.definition) is not None


def test_cameo_codes_belong_to_one_plover_type(onto: rdflib.Graph) -> None:
    """A CAMEO code (or a code under it) names at most one PLOVER type."""
    codes = {
        str(n)[len("CAMEO:") :]: name
        for name in PLOVER_TYPES
        for n in onto.objects(plover(name), SKOS.notation)
    }
    for code, name in codes.items():
        for other, other_name in codes.items():
            if other != code and other.startswith(code):
                # only the documented exception: 057 (sign formal agreement) is AGREE, under 05
                assert (code, other, name, other_name) == ("05", "057", "SUPPORT", "AGREE")
    assert codes["04"] == "CONSULT" and codes["13"] == "THREATEN" and codes["16"] == "SANCTION"
    assert codes["03"] == "AGREE" and codes["02"] == "REQUEST" and codes["10"] == "REQUEST"


def test_plover_schemes(onto: rdflib.Graph) -> None:
    for scheme in ("scheme", "modes"):
        assert (plover(scheme), RDF.type, SKOS.ConceptScheme) in onto
    in_scheme = set(onto.subjects(SKOS.inScheme, plover("scheme")))
    assert in_scheme == {plover(t) for t in PLOVER_TYPES}
    in_modes = set(onto.subjects(SKOS.inScheme, plover("modes")))
    assert in_modes == {dip(m) for m in MODES}


# ---------------------------------------------------------------------------- structure


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (dip("Person"), dip("Actor")),
        (dip("Country"), dip("Actor")),
        (dip("Organization"), dip("Actor")),
        (dip("Country"), dip("Place")),
        (dip("City"), dip("Place")),
        (dip("Location"), dip("Place")),
        (dip("Event"), URIRef(SEM + "Event")),
        (dip("Person"), URIRef(SCHEMA + "Person")),
        (dip("Organization"), URIRef(SCHEMA + "Organization")),
        (dip("Place"), URIRef(SCHEMA + "Place")),
        (dip("Country"), URIRef(SCHEMA + "Country")),
        (dip("City"), URIRef(SCHEMA + "City")),
        (dip("Article"), URIRef(SCHEMA + "NewsArticle")),
        (dip("Statement"), URIRef(PROV + "Entity")),
        (dip("Context"), SKOS.Concept),
        (dip("ConsultMode"), SKOS.Concept),
    ],
)
def test_class_hierarchy(onto: rdflib.Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDF.type, OWL.Class) in onto
    assert sup in superclasses(onto, sub)


def test_statement_is_not_an_event(onto: rdflib.Graph) -> None:
    assert dip("Event") not in superclasses(onto, dip("Statement"))
    assert dip("Statement") not in superclasses(onto, dip("Event"))


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_event_class_per_plover_type(onto: rdflib.Graph, name: str) -> None:
    cls = dip(EVENT_CLASSES[name])
    assert (cls, RDFS.subClassOf, dip("Event")) in onto
    assert (cls, RDFS.seeAlso, plover(name)) in onto
    # dip:Threaten ≡ dip:Event ⊓ ∃dip:eventType.{plover:THREATEN}
    (definition,) = onto.objects(cls, OWL.equivalentClass)
    members = list(Collection(onto, onto.value(definition, OWL.intersectionOf)))
    assert members[0] == dip("Event")
    assert onto.value(members[1], OWL.onProperty) == dip("eventType")
    assert onto.value(members[1], OWL.hasValue) == plover(name)


@pytest.mark.parametrize(("names", "cls"), [(CONTEXTS, "Context"), (MODES, "ConsultMode")])
def test_individuals(onto: rdflib.Graph, names: list[str], cls: str) -> None:
    for name in names:
        assert (dip(name), RDF.type, dip(cls)) in onto
        assert (dip(name), RDF.type, SKOS.Concept) in onto
    (enumeration,) = onto.objects(dip(cls), OWL.equivalentClass)
    assert set(Collection(onto, onto.value(enumeration, OWL.oneOf))) == {dip(n) for n in names}


ACTOR_OR_TOPIC = "Actor|Topic"


@pytest.mark.parametrize(
    ("prop", "domain", "range_"),
    [
        ("warnedOf", "Actor", "Topic"),
        ("warned", "Actor", "Actor"),
        ("threatened", "Actor", "Actor"),
        ("urged", "Actor", "Actor"),
        ("requested", "Actor", ACTOR_OR_TOPIC),
        ("metWith", "Actor", "Actor"),
        ("spokeWith", "Actor", "Actor"),
        ("meetsIn", "Actor", "Place"),
        ("visited", "Actor", "Place"),
        ("agreedTo", "Actor", "Topic"),
        ("agreedWith", "Actor", "Actor"),
        ("supported", "Actor", ACTOR_OR_TOPIC),
        ("criticized", "Actor", "Actor"),
        ("accused", "Actor", "Actor"),
        ("rejected", "Actor", ACTOR_OR_TOPIC),
        ("sanctioned", "Actor", "Actor"),
        ("cooperatesWith", "Actor", "Actor"),
        ("aided", "Actor", "Actor"),
        ("holdsPosition", "Person", "Position"),
        ("eventType", "Event", None),
        ("mode", "Consult", "ConsultMode"),
        ("target", "Event", "Actor"),
        ("participant", "Event", "Actor"),
        ("place", "Event", "Place"),
        ("topic", "Event", "Topic"),
        ("context", "Event", "Context"),
        ("source", "Event|Statement", "Actor"),
        ("article", "Event|Statement|PositionHolding", "Article"),
        ("evidence", "Event|Statement|PositionHolding", None),
        ("holder", "PositionHolding", "Person"),
        ("position", "PositionHolding", "Position"),
        ("positionOf", "Position", "Actor"),
    ],
)
def test_object_property_domain_and_range(
    onto: rdflib.Graph, prop: str, domain: str, range_: str | None
) -> None:
    def classes(node: rdflib.term.Node) -> set[URIRef]:
        union = onto.value(node, OWL.unionOf)
        return set(Collection(onto, union)) if union is not None else {node}

    term = dip(prop)
    assert (term, RDF.type, OWL.ObjectProperty) in onto
    assert classes(onto.value(term, RDFS.domain)) == {dip(c) for c in domain.split("|")}
    if range_ is not None:
        assert classes(onto.value(term, RDFS.range)) == {dip(c) for c in range_.split("|")}


def test_symmetric_properties(onto: rdflib.Graph) -> None:
    for name in ("metWith", "spokeWith"):
        assert (dip(name), RDF.type, OWL.SymmetricProperty) in onto


@pytest.mark.parametrize(
    ("prop", "range_"),
    [
        ("said", RDF.langString),
        ("quote", RDF.langString),
        ("condition", RDF.langString),
        ("date", rdflib.XSD.date),
        ("confidence", rdflib.XSD.decimal),
        ("duration", rdflib.XSD.duration),
        ("contentHash", rdflib.XSD.string),
    ],
)
def test_datatype_properties(onto: rdflib.Graph, prop: str, range_: URIRef) -> None:
    assert (dip(prop), RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(dip(prop), RDFS.range) == range_


@pytest.mark.parametrize(
    ("prop", "sup"),
    [
        ("source", SEM + "hasActor"),
        ("target", SEM + "hasActor"),
        ("participant", SEM + "hasActor"),
        ("place", SEM + "hasPlace"),
        ("date", SEM + "hasTimeStamp"),
        ("startDate", SEM + "hasBeginTimeStamp"),
        ("eventType", SEM + "eventType"),
        ("article", PROV + "wasDerivedFrom"),
        ("evidence", PROV + "wasDerivedFrom"),
    ],
)
def test_property_alignments(onto: rdflib.Graph, prop: str, sup: str) -> None:
    assert (dip(prop), RDFS.subPropertyOf, URIRef(sup)) in onto


# ---------------------------------------------------------------------------- shapes <-> ontology


def test_shapes_use_only_defined_dip_and_plover_terms(
    onto: rdflib.Graph, shapes: rdflib.Graph
) -> None:
    names: set[str] = set()
    for triple in shapes:
        for node in triple:
            if isinstance(node, URIRef) and str(node).startswith(DIP.iri):
                names.add("dip:" + str(node)[len(DIP.iri) :])
            elif isinstance(node, URIRef) and str(node).startswith(PLOVER.iri):
                names.add("plover:" + str(node)[len(PLOVER.iri) :])
    for query in shapes.objects(None, SH.select):
        names.update(re.findall(r"\b(?:dip|plover):[A-Za-z]+", str(query)))
    assert names, "the shapes use no dip: terms at all?"
    def iri(name: str) -> URIRef:
        prefix, local = name.split(":", 1)
        return URIRef((DIP.iri if prefix == "dip" else PLOVER.iri) + local)

    undefined = sorted(n for n in names if onto.value(iri(n), RDF.type) is None)
    assert undefined == []


def _sh_in(shapes: rdflib.Graph, path: URIRef) -> set[rdflib.term.Node]:
    values: set[rdflib.term.Node] = set()
    for shape in shapes.subjects(SH.path, path):
        for lst in shapes.objects(shape, SH["in"]):
            values.update(Collection(shapes, lst))
    return values


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("eventType", {plover(t) for t in PLOVER_TYPES}),
        ("context", {dip(c) for c in CONTEXTS}),
        ("mode", {dip(m) for m in MODES}),
    ],
)
def test_shapes_value_sets_match_ontology(
    shapes: rdflib.Graph, path: str, expected: set[URIRef]
) -> None:
    assert _sh_in(shapes, dip(path)) == expected


# ---------------------------------------------------------------------------- SHACL on examples


def expected_path(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# expect: (\S+)", first)
    assert match, f"{path.name}: the first line must be '# expect: <path>'"
    return match.group(1)


def test_example_folders_are_populated() -> None:
    assert len(VALID) >= 2
    assert len(INVALID) >= 6


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_conforms(path: Path) -> None:
    result = validate(path.read_text(encoding="utf-8"), media_type(path))
    assert isinstance(result, ValidationResult)
    assert result.conforms, "\n".join(result.results)
    assert result.results == []
    assert "Conforms: True" in result.report_text


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_is_caught_on_its_path(path: Path) -> None:
    expected = expected_path(path)
    result = validate(path.read_text(encoding="utf-8").encode("utf-8"), "application/trig")
    assert not result.conforms
    assert result.results
    # each line is "<focus node> <path>: <message>"
    assert any(re.match(rf"\S+ {re.escape(expected)}: ", line) for line in result.results), (
        f"no violation on {expected}:\n" + "\n".join(result.results)
    )


def test_validate_reads_n_quads_by_default() -> None:
    quads = pyoxigraph.parse(path=SHAPES_DIR / "valid" / "threaten_full.trig")
    data = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    assert validate(data).conforms
    assert validate(data.decode("utf-8"), "nquads").conforms


def test_validate_rejects_unparsable_data() -> None:
    with pytest.raises(InputError, match="cannot parse"):
        validate("<a> <b> .", "application/n-quads")


def test_import_does_not_load_rdflib_or_pyshacl() -> None:
    code = (
        "import sys, kg.validate, kg.ontology_data; "
        "print(sorted({'rdflib', 'pyshacl'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------- validate_store


def _store_with_example(tmp_path: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.load(path=SHAPES_DIR / "valid" / "threaten_full.trig", format=pyoxigraph.RdfFormat.TRIG)
    store.load(
        path=SHAPES_DIR / "valid" / "consult_future.ttl",
        format=pyoxigraph.RdfFormat.TURTLE,
        to_graph=article_graph("kontan-2021-12-31-dialog"),
    )
    store.extend(ontology_quads())
    return store


def test_validate_store_on_disk(tmp_path: Path) -> None:
    store = _store_with_example(tmp_path)
    assert ONTOLOGY_GRAPH in set(store.named_graphs())
    assert len(set(store.named_graphs())) == 3
    result = validate_store(store)
    assert result.conforms, "\n".join(result.results)


def test_validate_store_merges_article_graphs(tmp_path: Path) -> None:
    """An actor described in one article graph may be used in another: one union graph."""
    store = _store_with_example(tmp_path)
    text = (SHAPES_DIR / "invalid" / "dangling_target.trig").read_text(encoding="utf-8")
    # the same event, now pointing to Russia, which this graph does not describe …
    text = text.replace("<country/rusia>", "<country/russia>")
    text = re.sub(r"    <country/russia> a dip:Country.*\n", "", text)
    assert "dip:Country" not in text
    alone = validate(text, "application/trig")
    assert not alone.conforms  # … so on its own the target is dangling
    store.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG)
    result = validate_store(store)  # … but the other article graphs describe it
    assert result.conforms, "\n".join(result.results)


def test_validate_store_reports_article_graph_errors(tmp_path: Path) -> None:
    store = _store_with_example(tmp_path)
    invalid = SHAPES_DIR / "invalid" / "confidence_above_one.trig"
    store.load(path=invalid, format=pyoxigraph.RdfFormat.TRIG)
    result = validate_store(store)
    assert not result.conforms
    assert any(" dip:confidence: " in line for line in result.results)


def test_validate_store_ignores_the_ontology_graph(tmp_path: Path) -> None:
    store = _store_with_example(tmp_path)
    # an event with no evidence, type or confidence, but in the ontology graph: not data
    broken = KGR["article/x/event/1"]
    a = pyoxigraph.NamedNode(str(RDF.type))
    store.add(pyoxigraph.Quad(broken, a, DIP.Event, ONTOLOGY_GRAPH))
    assert validate_store(store).conforms
    store.add(pyoxigraph.Quad(broken, a, DIP.Event, article_graph("x")))
    assert not validate_store(store).conforms


def test_validate_store_empty(tmp_path: Path) -> None:
    store = pyoxigraph.Store(str(tmp_path / "empty"))
    store.extend(ontology_quads())
    assert validate_store(store).conforms


# ---------------------------------------------------------------------------- OWL semantics


def _owl_rl_errors(path: Path) -> list[str]:
    import owlrl  # installed with pySHACL

    graph = rdflib.Graph()
    for s, p, o, _ in rdflib.Dataset().parse(path, format=media_type(path).split("/")[1]).quads():
        graph.add((s, p, o))
    graph.parse(ontology_path(), format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    error = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
    return [str(message) for message in graph.objects(None, error)]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_is_consistent_with_the_ontology(path: Path) -> None:
    assert _owl_rl_errors(path) == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(
    ("name", "clash"),
    [
        ("place_is_person", "#Person and https://w3id.org/kg-diplomacy/ontology#Place"),
        ("source_is_topic", "#Actor and https://w3id.org/kg-diplomacy/ontology#Topic"),
        ("two_event_types", "AllDifferent"),
    ],
)
def test_owl_reasoning_agrees_with_shapes(name: str, clash: str) -> None:
    """The ontology's disjointness axioms make the same mistakes inconsistent (OWL RL)."""
    errors = _owl_rl_errors(SHAPES_DIR / "invalid" / f"{name}.trig")
    assert any(clash in e for e in errors), errors
