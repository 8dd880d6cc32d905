"""Entity links to Wikidata beyond the offline gazetteer: the report, online linking, enrichment.

* :func:`link_report` reads the mentions (``nif:Phrase``) of the store: which surface forms
  were left unlinked (the gazetteer lacks them) or ambiguous (several candidate items and no
  evidence to choose), with counts and candidates, so a user knows what to add to a user
  gazetteer (``$KG_GAZETTEER``). No spaCy, only SPARQL.
* :func:`link_online` asks Wikidata (``wbsearchentities``, then ``wbgetentities`` for the
  type) about the entities that no article graph links and that had no offline candidate, and
  writes what it finds to its own graph, ``LINKS_GRAPH``: ``owl:sameAs``, ``dip:linkMethod
  "online-search"`` and a ``dip:linkConfidence``. The graph is computed whole from the
  article graphs (and the cache) and replaced atomically: the article graphs are never
  touched, and a failure leaves the store as it was.
* :func:`enrich` fetches labels (en, id), descriptions and P31 "instance of" of every linked
  item into ``WIKIDATA_GRAPH``, also replaced whole.

Online linking is "right rather than eager": a hit must be an item whose label or alias is
the surface form (case- and accent-insensitive), whose P31 fits the mention's kind (a person
is an instance of Q5; a city of a city-like class; ...), and it must be the only such hit; a
one-word person name is never linked online.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, Store, Variable

from kg.vocab import (
    DIP,
    LINKS_GRAPH,
    ONTOLOGY_GRAPH,
    OWL,
    PREFIXES,
    RDFS,
    SCHEMA,
    WD,
    WDT,
    WIKIDATA_GRAPH,
    XSD,
)
from kg.wikidata import WikidataClient

REPORT_FIELDS = ["surface", "kind", "status", "mentions", "articles", "candidates", "entity"]
ONLINE_METHOD = "online-search"
_KGR = "https://w3id.org/kg-diplomacy/resource/"
_WD = "http://www.wikidata.org/entity/"

# P31 values accepted for a kind. Deliberately a list, not a subclass walk: an item typed
# otherwise is not linked online (add it to a user gazetteer instead).
TYPES: dict[str, frozenset[str]] = {
    "person": frozenset({"Q5"}),
    "country": frozenset({
        "Q6256", "Q3624078", "Q7275", "Q3024240", "Q1763527", "Q15634554", "Q46395", "Q161243",
        "Q112099", "Q10711424", "Q13107770",
    }),
    "city": frozenset({
        "Q515", "Q1549591", "Q5119", "Q1637706", "Q200250", "Q1093829", "Q486972", "Q3957",
        "Q532", "Q15284", "Q1066984", "Q15253706", "Q7930989", "Q22865", "Q1115575", "Q2264924",
        "Q174844", "Q1187811", "Q42744322", "Q3199141", "Q1289426",
    }),
    "organization": frozenset({
        "Q43229", "Q484652", "Q7210356", "Q327333", "Q2659904", "Q1335818", "Q245065",
        "Q7278", "Q11032", "Q1193236", "Q4830453", "Q891723", "Q6881511", "Q783794", "Q163740",
        "Q1127126", "Q15911314", "Q17149090", "Q31855", "Q3918", "Q1331793", "Q192350",
        "Q2061186", "Q1752346", "Q4120211", "Q1785733", "Q3623811", "Q1616075", "Q192283",
        "Q35535", "Q17127659", "Q48204", "Q294414", "Q7188", "Q1639780", "Q1530022",
        "Q18325436", "Q20857065", "Q4438121", "Q15925165",
    }),
    "location": frozenset({
        "Q82794", "Q5107", "Q35657", "Q10864048", "Q107390", "Q34876", "Q23442", "Q165",
        "Q9430", "Q4022", "Q46831", "Q1620908", "Q56061", "Q13220204", "Q15642541", "Q8502",
        "Q39594", "Q1210950", "Q33837", "Q37901", "Q6465", "Q1763527", "Q13221722", "Q4421",
        "Q191992", "Q12284", "Q160091", "Q19953632", "Q3455524",
    }),
}

_Q = "PREFIX " + " PREFIX ".join(f"{k}: <{v}>" for k, v in PREFIXES.items()) + "\n"


def normalize(text: str) -> str:
    """One space, NFC, straight apostrophes (as kg.gazetteer, without importing spaCy)."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive key."""
    text = unicodedata.normalize("NFKD", normalize(text).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _select(store: Store, query: str, **subs) -> Iterator:
    return store.query(
        _Q + query,
        substitutions={Variable(k): v for k, v in subs.items()},
        use_default_graph_as_union=True,
    )


def _kind(iri: str) -> str:
    return iri[len(_KGR):].split("/", 1)[0] if iri.startswith(_KGR) else ""


# --------------------------------------------------------------------------------- report

_REPORT_QUERY = """
SELECT ?anchor ?e (COUNT(DISTINCT ?m) AS ?n) (COUNT(DISTINCT ?g) AS ?articles)
       (GROUP_CONCAT(DISTINCT STRAFTER(STR(?c), "entity/"); separator=" ") AS ?cands)
WHERE {
  GRAPH ?g { ?m a nif:Phrase ; nif:anchorOf ?anchor ; itsrdf:taIdentRef ?e ;
                dip:linkMethod "unlinked" .
             OPTIONAL { ?m dip:candidate ?c } }
  FILTER NOT EXISTS { ?e owl:sameAs ?any }
}
GROUP BY ?anchor ?e
"""


def link_report(store: Store) -> list[dict]:
    """Unlinked and ambiguous mentions, one row per (surface, entity), most mentioned first.

    ``status`` is ``ambiguous`` when the linker saw candidate items (listed in
    ``candidates``) and nothing to choose between them, ``unlinked`` when the gazetteer knows
    no item of that name (and no online link was found since). Entities linked online
    (``kg link --online``) are left out.
    """
    rows = []
    for r in _select(store, _REPORT_QUERY):
        cands = r["cands"].value if r["cands"] is not None else ""
        iri = r["e"].value
        rows.append({
            "surface": r["anchor"].value,
            "kind": _kind(iri),
            "status": "ambiguous" if cands else "unlinked",
            "mentions": int(r["n"].value),
            "articles": int(r["articles"].value),
            "candidates": " ".join(sorted(set(cands.split()), key=_qnum)),
            "entity": "kgr:" + iri[len(_KGR):] if iri.startswith(_KGR) else iri,
        })
    rows.sort(key=lambda x: (-x["mentions"], -x["articles"], x["surface"].casefold(), x["entity"]))
    return rows


def _qnum(q: str) -> int:
    return int(q[1:]) if q[1:].isdigit() else 1 << 40


# --------------------------------------------------------------------------------- online


@dataclass
class OnlineResult:
    asked: int = 0  # entities looked up
    linked: dict[str, tuple[str, float]] = field(default_factory=dict)  # entity IRI -> (QID, conf)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # entity IRI -> QIDs
    requests: int = 0  # HTTP requests sent (0 when everything came from the cache)
    quads: int = 0


# Entities that no article graph links, that had no offline candidate, with their labels.
_TARGETS_QUERY = """
SELECT ?e (SAMPLE(?label) AS ?l) (GROUP_CONCAT(DISTINCT ?anchor; separator="\\u001f") AS ?anchors)
WHERE {
  GRAPH ?g { ?m a nif:Phrase ; itsrdf:taIdentRef ?e ; nif:anchorOf ?anchor ;
                dip:linkMethod "unlinked" . }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg-diplomacy/graph/article/"))
  FILTER NOT EXISTS { GRAPH ?g2 { ?e owl:sameAs ?any }
                      FILTER(STRSTARTS(STR(?g2), "https://w3id.org/kg-diplomacy/graph/article/")) }
  FILTER NOT EXISTS { GRAPH ?g3 { ?m3 itsrdf:taIdentRef ?e ; dip:candidate ?c } }
  OPTIONAL { GRAPH ?g { ?e rdfs:label ?label } }
}
GROUP BY ?e
ORDER BY ?e
"""


def link_targets(store: Store) -> list[tuple[str, str, str, list[str]]]:
    """(entity IRI, kind, label, anchors) of the entities online linking would look up."""
    out = []
    for r in _select(store, _TARGETS_QUERY):
        iri = r["e"].value
        kind = _kind(iri)
        if kind not in TYPES:
            continue
        anchors = sorted(set(r["anchors"].value.split("\u001f"))) if r["anchors"] is not None else []
        label = r["l"].value if r["l"] is not None else (anchors[0] if anchors else "")
        out.append((iri, kind, label, anchors))
    return out


def _names(kind: str, label: str, anchors: list[str]) -> list[str]:
    names = list(dict.fromkeys(normalize(x) for x in [label, *anchors] if x and x.strip()))
    if kind == "person":  # a one-word name is too weak to look up
        names = [n for n in names if len(n.split()) >= 2]
    return names


def _choose(client: WikidataClient, kind: str, names: list[str]) -> tuple[str | None, float, list[str]]:
    """(QID, confidence, rivals) for an entity: search each name in each language; keep the
    hits whose label/alias is the name; keep those typed for ``kind``; one left -> link."""
    folded = {fold(n) for n in names}
    for lang in client.languages:
        exact: dict[str, bool] = {}  # qid -> the name is its label (not an alias)
        for name in names:
            for hit in client.search(name, lang):
                texts = {fold(hit["label"])} if hit["label"] else set()
                on_label = bool(texts & folded)
                if hit["match_text"] and fold(hit["match_text"]) in folded and hit["match_type"] in {"label", "alias"}:
                    on_label = on_label or hit["match_type"] == "label"
                    texts.add(fold(hit["match_text"]))
                if any(fold(a) in folded for a in hit["aliases"]):
                    texts |= {fold(a) for a in hit["aliases"]}
                if texts & folded:
                    exact[hit["id"]] = exact.get(hit["id"], False) or on_label
        if not exact:
            continue
        typed = client.entities(exact)
        fits = [q for q in exact if q in typed and TYPES[kind] & set(typed[q]["P31"])]
        if len(fits) == 1:
            q = fits[0]
            return q, 0.75 if exact[q] else 0.65, []
        if len(fits) > 1:
            return None, 0.0, sorted(fits, key=_qnum)
    return None, 0.0, []


def link_online(store: Store, client: WikidataClient, *, dry_run: bool = False) -> OnlineResult:
    """Look up the unlinked entities online and replace ``LINKS_GRAPH`` with the links found.

    All lookups happen before anything is written: a :class:`~kg.errors.LinkError` on the way
    leaves the store unchanged. ``dry_run`` writes nothing at all.
    """
    from kg.store import replace_graph

    before = client.requests
    result = OnlineResult()
    for iri, kind, label, anchors in link_targets(store):
        names = _names(kind, label, anchors)
        if not names:
            continue
        result.asked += 1
        qid, conf, rivals = _choose(client, kind, names)
        if qid is not None:
            result.linked[iri] = (qid, conf)
        elif rivals:
            result.ambiguous[iri] = rivals
    quads = []
    for iri, (qid, conf) in sorted(result.linked.items()):
        node = NamedNode(iri)
        quads += [
            Quad(node, OWL.sameAs, WD[qid], LINKS_GRAPH),
            Quad(node, DIP.linkMethod, Literal(ONLINE_METHOD), LINKS_GRAPH),
            Quad(node, DIP.linkConfidence, Literal(f"{conf:.2f}", datatype=XSD.decimal), LINKS_GRAPH),
        ]
    result.requests = client.requests - before
    result.quads = len(quads)
    if not dry_run:
        replace_graph(store, LINKS_GRAPH, quads)
    return result


# --------------------------------------------------------------------------------- enrich


@dataclass
class EnrichResult:
    items: int = 0  # linked QIDs asked about
    found: int = 0  # of which Wikidata had data
    requests: int = 0
    quads: int = 0


_LINKED_QUERY = """
SELECT DISTINCT ?w WHERE {
  GRAPH ?g { ?x owl:sameAs ?w }
  FILTER(?g != ?wikidata && ?g != ?ontology && STRSTARTS(STR(?w), "http://www.wikidata.org/entity/Q"))
}
"""


def linked_qids(store: Store) -> list[str]:
    """Every QID our resources are ``owl:sameAs`` (article graphs and the links graph)."""
    rows = store.query(_Q + _LINKED_QUERY.replace("?wikidata", f"<{WIKIDATA_GRAPH.value}>")
                       .replace("?ontology", f"<{ONTOLOGY_GRAPH.value}>"))
    return sorted({r["w"].value[len(_WD):] for r in rows}, key=_qnum)


def enrich(store: Store, client: WikidataClient) -> EnrichResult:
    """Replace ``WIKIDATA_GRAPH`` with labels (en, id), descriptions and P31 of linked items."""
    from kg.store import replace_graph

    before = client.requests
    qids = linked_qids(store)
    data = client.entities(qids)
    quads = []
    for qid in qids:
        ent = data.get(qid)
        if not ent:
            continue
        node = WD[qid]
        for lang, text in sorted(ent["labels"].items()):
            quads.append(Quad(node, RDFS.label, Literal(text, language=lang), WIKIDATA_GRAPH))
        for lang, text in sorted(ent["descriptions"].items()):
            quads.append(Quad(node, SCHEMA.description, Literal(text, language=lang), WIKIDATA_GRAPH))
        for t in ent["P31"]:
            quads.append(Quad(node, WDT.P31, WD[t], WIKIDATA_GRAPH))
    replace_graph(store, WIKIDATA_GRAPH, quads)
    return EnrichResult(items=len(qids), found=len(data), requests=client.requests - before, quads=len(quads))

