"""Check graphs against the SHACL shapes of ``ontology/shapes.ttl``.

The data is validated as one graph: the union of every graph it holds (for a store, every
article graph; the ontology graph is left out and given to pySHACL as the ontology
instead). pySHACL runs with RDFS inference over data and ontology, so ``sh:class
dip:Actor`` is met by a ``dip:Person`` and ranges type the values of roles.

rdflib and pySHACL are imported inside the functions: importing this module is cheap,
and commands that never validate never pay for them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.resources import ontology_dir
from kg.vocab import ONTOLOGY_GRAPH, PREFIXES

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

# Media types and file extensions callers use, mapped to rdflib parser names.
_FORMATS = {
    "application/n-quads": "nquads",
    "application/n-triples": "nt",
    "text/turtle": "turtle",
    "application/trig": "trig",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "text/n3": "n3",
    "nq": "nquads",
    "ttl": "turtle",
    "jsonld": "json-ld",
    "rdf": "xml",
    "owl": "xml",
}

_SH = "http://www.w3.org/ns/shacl#"

# Longest namespace first, so kgr: never shadows a longer match.
_COMPACT = sorted(
    [(iri, prefix) for prefix, iri in PREFIXES.items()] + [("http://www.w3.org/ns/shacl#", "sh")],
    key=lambda pair: -len(pair[0]),
)


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of a validation.

    ``results`` has one line per violation, ``<focus node> <path>: <message>``, with
    IRIs shortened by the prefixes of :mod:`kg.vocab`; ``report_text`` is pySHACL's
    full report.
    """

    conforms: bool
    results: list[str] = field(default_factory=list)
    report_text: str = ""


def validate(data: str | bytes, format: str = "application/n-quads") -> ValidationResult:
    """Validate serialised RDF (any format rdflib reads) against the kg shapes.

    Quads of every named graph and the default graph are merged into one data graph.
    Raises :class:`kg.errors.InputError` when ``data`` cannot be parsed as ``format``.
    """
    import rdflib

    parser = _FORMATS.get(format.lower(), format)
    dataset = rdflib.Dataset()
    try:
        with warnings.catch_warnings():
            # rdflib's own TriG and N-Quads parsers use its deprecated ConjunctiveGraph API
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(data=data, format=parser)
    except Exception as exc:  # rdflib raises many types: BadSyntax, ParserError, ValueError…
        raise InputError(f"cannot parse RDF data as {format}: {exc}") from exc
    union = _query_caching_graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return _validate_graph(union)


def validate_store(store: pyoxigraph.Store) -> ValidationResult:
    """Validate the union of all named graphs of ``store`` except the ontology graph."""
    import pyoxigraph

    quads = (
        quad
        for graph in store.named_graphs()
        if graph != ONTOLOGY_GRAPH
        for quad in store.quads_for_pattern(None, None, None, graph)
    )
    data = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    return validate(data or b"", "application/n-quads")


def _validate_graph(data_graph: rdflib.Graph) -> ValidationResult:
    import pyshacl
    import rdflib

    conforms, report_graph, report_text = pyshacl.validate(
        data_graph,
        shacl_graph=_shapes_graph(),
        ont_graph=_ontology_graph(),
        inference="rdfs",
        abort_on_first=False,
        allow_warnings=False,
        inplace=True,  # the union graph is ours and thrown away: no need for a copy
    )
    if not isinstance(report_graph, rdflib.Graph):  # pySHACL could not run the shapes at all
        raise RuntimeError(f"SHACL validation failed to run: {report_text}")
    return ValidationResult(
        conforms=bool(conforms),
        results=_result_lines(report_graph),
        report_text=str(report_text),
    )


def _query_caching_graph() -> rdflib.Graph:
    """An empty rdflib graph that parses each SPARQL text once."""
    return _query_caching_graph_class()()


@lru_cache(maxsize=1)
def _query_caching_graph_class() -> type[rdflib.Graph]:
    """pySHACL runs a SPARQL-based constraint once per focus node, passing the same text
    each time with ``$this`` pre-bound; rdflib would parse it again every time (tens of
    milliseconds each), which dominates validation. This graph caches parsed queries."""
    import rdflib

    class QueryCachingGraph(rdflib.Graph):
        def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(query_object, str):
                query_object = _prepared_query(query_object)
            return super().query(query_object, *args, **kwargs)

    return QueryCachingGraph


@lru_cache(maxsize=256)
def _prepared_query(text: str) -> Any:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


@lru_cache(maxsize=1)
def _shapes_graph() -> rdflib.Graph:
    import rdflib

    return rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


@lru_cache(maxsize=1)
def _ontology_graph() -> rdflib.Graph:
    import rdflib

    return rdflib.Graph().parse(ontology_dir() / "diplomacy.ttl", format="turtle")


def _result_lines(report: rdflib.Graph) -> list[str]:
    from rdflib import URIRef

    sh = lambda name: URIRef(_SH + name)  # noqa: E731
    lines = []
    # Top-level results only: the sh:detail results nested in them repeat the same problem.
    for result in report.objects(None, sh("result")):
        focus = report.value(result, sh("focusNode"))
        path = report.value(result, sh("resultPath"))
        value = report.value(result, sh("value"))
        component = report.value(result, sh("sourceConstraintComponent"))
        severity = report.value(result, sh("resultSeverity"))
        messages = sorted(str(m) for m in report.objects(result, sh("resultMessage")))
        line = _term(focus)
        if path is not None:
            line += " " + _term(path)
        line += ": " + ("; ".join(messages) or "violates " + _term(component))
        if value is not None and value != focus:
            line += f" (value {_term(value)})"
        if component is not None:
            line += f" [{_term(component).removeprefix('sh:').removesuffix('ConstraintComponent')}]"
        if severity is not None and severity != sh("Violation"):
            line += f" ({_term(severity)})"
        lines.append(line)
    return sorted(set(lines))


def _term(term: Any) -> str:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return "-"
    if isinstance(term, URIRef):
        iri = str(term)
        for namespace, prefix in _COMPACT:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = str(term)
        if len(text) > 60:
            text = text[:57] + "..."
        shown = '"' + text.replace("\n", "\\n").replace('"', '\\"') + '"'
        if term.language:
            return f"{shown}@{term.language}"
        if term.datatype is not None:
            return f"{shown}^^{_term(term.datatype)}"
        return shown
    return str(term)


__all__ = ["ValidationResult", "validate", "validate_store"]
