"""The stable table of extracted events, read back from the store with SPARQL.

One row per event, with exactly these fields (``kg events --format jsonl``):
``article, event, type, mode, source, target, place, date, context, topic,
evidence, start, end, confidence``. Actors are ``{"id": QID or None, "label": …,
"iri": …}``. This module imports no spaCy: it reads only the store.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from pyoxigraph import Literal, Store, Variable

from kg.vocab import DIP, PREFIXES

FIELDS = [
    "article", "event", "type", "mode", "source", "target", "place", "date",
    "context", "topic", "evidence", "start", "end", "confidence",
]

_PREFIXES = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items())

_SCALARS = _PREFIXES + """
SELECT ?event ?article ?type ?mode ?place ?date ?evidence ?start ?end ?confidence WHERE {
  ?event a dip:Event ; dip:eventType ?t ; dip:article ?a ; dip:confidence ?confidence ;
         dip:evidence ?ev .
  ?a schema:identifier ?article .
  ?ev nif:beginIndex ?start ; nif:endIndex ?end ; nif:anchorOf ?evidence .
  BIND(STRAFTER(STR(?t), "#") AS ?type)
  OPTIONAL { ?event dip:mode ?m . BIND(STRAFTER(STR(?m), "#") AS ?mode) }
  OPTIONAL { ?event dip:place ?place }
  OPTIONAL { ?event dip:date ?date }
} ORDER BY ?article ?start ?event
"""

_ROLES = _PREFIXES + """
SELECT ?article ?event ?role ?actor WHERE {
  ?event a dip:Event ; dip:article ?a ; ?p ?actor .
  ?a schema:identifier ?article .
  VALUES (?p ?role) { (dip:source "source") (dip:target "target") (dip:place "place") }
}
"""

# Names and links of the actors, asked apart and per actor: joined to the roles over the
# union graph, an actor named in n articles brought n links into every row (quadratic:
# minutes for 3,000 articles; this way it is linear).
_QIDS = _PREFIXES + """
SELECT DISTINCT ?actor ?wd WHERE {
  VALUES ?actor { %s }
  ?actor owl:sameAs ?wd . FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/"))
}
"""

# names: the one display name of each entity (kg.vocab.NAMES_GRAPH)
_LABELS = _PREFIXES + """
SELECT ?actor ?l WHERE {
  VALUES ?actor { %s }
  ?actor skos:prefLabel ?l .
}
"""

_CONTEXTS = _PREFIXES + """
SELECT ?article ?event ?context WHERE {
  ?event a dip:Event ; dip:article ?a ; dip:context ?c .
  ?a schema:identifier ?article .
  BIND(STRAFTER(STR(?c), "#") AS ?context)
}
"""

_TOPICS = _PREFIXES + """
SELECT ?article ?event (SAMPLE(?l) AS ?label) WHERE {
  ?event a dip:Event ; dip:article ?a ; dip:topic ?t .
  ?a schema:identifier ?article .
  ?t skos:prefLabel ?l .
} GROUP BY ?article ?event ?t
"""


def _run(store: Store, query: str, article: str | None):
    # pyoxigraph binds only projected variables: every query here projects ?article
    subs = {Variable("article"): Literal(article)} if article is not None else None
    return store.query(query, substitutions=subs, use_default_graph_as_union=True)


def iter_events(store: Store, article: str | None = None) -> Iterator[dict]:
    """Yield one dict per event (the FIELDS above), ordered by article and position."""
    roles = [(row["event"].value, row["role"].value, row["actor"]) for row in _run(store, _ROLES, article)]
    qids, labels = _actor_names(store, {actor for _, _, actor in roles})
    actors: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for event, role, actor in roles:
        actors[event][role].append(
            {"id": qids.get(actor.value), "label": labels.get(actor.value), "iri": actor.value}
        )
    contexts: dict[str, list[str]] = defaultdict(list)
    for row in _run(store, _CONTEXTS, article):
        contexts[row["event"].value].append(row["context"].value)
    topics: dict[str, list[str]] = defaultdict(list)
    for row in _run(store, _TOPICS, article):
        topics[row["event"].value].append(row["label"].value)
    for row in _run(store, _SCALARS, article):
        iri = row["event"].value
        roles = actors.get(iri, {})
        places = roles.get("place", [])
        yield {
            "article": row["article"].value,
            "event": iri,
            "type": row["type"].value,
            "mode": row["mode"].value if row["mode"] else None,
            "source": sorted(roles.get("source", []), key=_actor_key),
            "target": sorted(roles.get("target", []), key=_actor_key),
            "place": places[0] if places else None,
            "date": row["date"].value if row["date"] else None,
            "context": sorted(contexts.get(iri, [])),
            "topic": sorted(topics.get(iri, [])),
            "evidence": row["evidence"].value,
            "start": int(row["start"].value),
            "end": int(row["end"].value),
            "confidence": float(row["confidence"].value),
        }


def _actor_names(store: Store, actors: set) -> tuple[dict[str, str], dict[str, str]]:
    """QID and display name of each actor IRI."""
    qids: dict[str, str] = {}
    labels: dict[str, str] = {}
    nodes = sorted(actors, key=lambda n: n.value)
    for k in range(0, len(nodes), 500):
        values = " ".join(str(n) for n in nodes[k : k + 500])  # IRIs read from the store
        for row in store.query(_QIDS % values, use_default_graph_as_union=True):
            qid = row["wd"].value.rsplit("/", 1)[-1]
            old = qids.get(row["actor"].value)
            qids[row["actor"].value] = qid if old is None else min(old, qid)
        for row in store.query(_LABELS % values, use_default_graph_as_union=True):
            labels.setdefault(row["actor"].value, row["l"].value)
    return qids, labels


def _actor_key(a: dict) -> tuple:
    return (a["label"] or "", a["iri"])


def flat_row(event: dict) -> dict:
    """The same row with lists joined, for CSV and tables."""
    def actors(xs):
        return "; ".join(f"{x['label']} ({x['id']})" if x["id"] else str(x["label"]) for x in xs)

    out = dict(event)
    out["source"] = actors(event["source"])
    out["target"] = actors(event["target"])
    p = event["place"]
    out["place"] = (f"{p['label']} ({p['id']})" if p and p["id"] else (p["label"] if p else ""))
    out["context"] = "; ".join(event["context"])
    out["topic"] = "; ".join(event["topic"])
    return out


__all__ = ["FIELDS", "iter_events", "flat_row", "DIP"]
