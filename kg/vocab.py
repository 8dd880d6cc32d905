"""The IRIs kg writes, one namespace a class, as pyoxigraph terms.

A term that is not declared here is an error (``AttributeError``), not a new IRI:
``DIP.warnedOf`` works, ``DIP.warnedof`` raises. ``ontology/diplomacy.ttl`` defines every
``DIP`` term listed here; a test checks that the two agree.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

BASE = "https://w3id.org/kg-diplomacy/"


class Namespace:
    """A closed namespace: only the declared local names are terms."""

    def __init__(self, iri: str, terms: str | tuple[str, ...] = (), closed: bool = True):
        self.iri = iri
        self._terms = frozenset(terms.split() if isinstance(terms, str) else terms)
        self._closed = closed

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._closed and name not in self._terms:
            raise AttributeError(f"{name!r} is not a term of <{self.iri}>")
        node = NamedNode(self.iri + name)
        if name.isidentifier():
            setattr(self, name, node)  # the next access is an ordinary attribute lookup
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return self.__getattr__(name)

    def term(self, name: str) -> NamedNode:
        return self.__getattr__(name)

    @property
    def terms(self) -> frozenset[str]:
        return self._terms


# Our ontology. Classes first, then event roles, contexts, direct properties, provenance.
DIP = Namespace(
    BASE + "ontology#",
    """
    Actor Person Country Organization Place City Location Position PositionHolding
    Article Event Statement Topic Context ConsultMode
    Consult Agree Request Threaten Sanction Support Accuse Reject Cooperate Aid
    Concede Retreat Protest Mobilize Coerce Assault
    eventType mode source target participant place date startDate topic condition context
    duration confidence trigger quote article evidence
    Future Planned Hypothetical Negated Reported
    phone video visit host thirdParty multilateral
    warnedOf warned threatened meetsIn metWith spokeWith urged requested agreedTo agreedWith
    said supported criticized accused rejected sanctioned visited cooperatesWith aided
    holdsPosition position positionOf holder asOf heldBy
    relatedHeadline dateline editor agency contentHash wikidata linkMethod linkConfidence
    candidate
    """,
)

# PLOVER event types as SKOS concepts (with CAMEO root codes as notations).
PLOVER = Namespace(
    BASE + "plover#",
    """
    scheme modes
    AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN
    PROTEST SANCTION MOBILIZE COERCE ASSAULT
    """,
)

# Our resources: actors, places, topics, positions, articles and their events.
KGR = Namespace(BASE + "resource/", closed=False)

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type")
RDFS = Namespace(
    "http://www.w3.org/2000/01/rdf-schema#",
    "label comment subClassOf subPropertyOf domain range Class",
)
OWL = Namespace("http://www.w3.org/2002/07/owl#", "sameAs Class ObjectProperty DatatypeProperty")
XSD = Namespace(
    "http://www.w3.org/2001/XMLSchema#",
    "string date dateTime decimal integer nonNegativeInteger duration boolean",
)
SKOS = Namespace(
    "http://www.w3.org/2004/02/skos/core#",
    "Concept ConceptScheme prefLabel altLabel notation inScheme broader definition",
)
SCHEMA = Namespace(
    "https://schema.org/",
    """NewsArticle headline datePublished publisher author editor url identifier
    isBasedOn contentLocation sourceOrganization text name description""",
)
PROV = Namespace(
    "http://www.w3.org/ns/prov#", "wasDerivedFrom wasQuotedFrom generatedAtTime Entity"
)
NIF = Namespace(
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "Context String RFC5147String Phrase beginIndex endIndex anchorOf referenceContext isString sourceUrl",
)
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#", "taIdentRef taClassRef taConfidence")
WDT = Namespace("http://www.wikidata.org/prop/direct/", closed=False)
WD = Namespace("http://www.wikidata.org/entity/", closed=False)
DCTERMS = Namespace("http://purl.org/dc/terms/", "source created identifier title language")

PREFIXES: dict[str, str] = {
    "dip": DIP.iri,
    "plover": PLOVER.iri,
    "kgr": KGR.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "owl": OWL.iri,
    "xsd": XSD.iri,
    "skos": SKOS.iri,
    "schema": SCHEMA.iri,
    "prov": PROV.iri,
    "nif": NIF.iri,
    "wd": WD.iri,
    "wdt": WDT.iri,
    "itsrdf": ITSRDF.iri,
    "dcterms": DCTERMS.iri,
}

# For serialisations: one prefix per kind of resource, so Turtle reads `person:joe-biden`
# rather than an escaped `kgr:person\/joe-biden`.
RESOURCE_KINDS = ("person", "country", "organization", "city", "location", "topic", "position", "outlet")
EXPORT_PREFIXES: dict[str, str] = {**PREFIXES, **{k: f"{KGR.iri}{k}/" for k in RESOURCE_KINDS}}

# The ontology's own named graph in the store.
ONTOLOGY_GRAPH = NamedNode(BASE + "graph/ontology")


def article_graph(article_id: str) -> NamedNode:
    """The named graph that holds everything extracted from one article."""
    from urllib.parse import quote

    return NamedNode(BASE + "graph/article/" + quote(article_id, safe=""))


# Online links (``kg link --online``) and Wikidata facts (``kg enrich``): one graph each, so
# the article graphs stay untouched and each is replaced whole.
LINKS_GRAPH = NamedNode(BASE + "graph/links")
# One display name (``skos:prefLabel``) per entity, written when an article naming it is
# committed. The article graphs each carry their own ``rdfs:label`` copies (an entity named
# in 1,000 articles has 1,000 of them in the union graph, which a query joining labels per
# row multiplies); queries read names here, once per entity.
NAMES_GRAPH = NamedNode(BASE + "graph/names")
WIKIDATA_GRAPH = NamedNode(BASE + "graph/wikidata")
