"""Map an ``Extraction`` to RDF quads under the diplomacy ontology (docs/GRAPH.md).

Everything about one article goes into that article's named graph, so the article
can be replaced whole. Actor, place and topic IRIs are ours and shared across
articles (``kgr:person/joe-biden``); their links to Wikidata are ``owl:sameAs``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import Entity, Event, Extraction
from kg.vocab import (
    DIP, ITSRDF, KGR, NAMES_GRAPH, NIF, OWL, PLOVER, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD, article_graph,
)

CLASS_OF_KIND = {
    "person": (DIP.Person, DIP.Actor),
    "country": (DIP.Country, DIP.Actor, DIP.Place),
    "organization": (DIP.Organization, DIP.Actor),
    "city": (DIP.City, DIP.Place),
    "location": (DIP.Location, DIP.Place),
    "topic": (DIP.Topic,),
}

EVENT_CLASS = {
    "AGREE": "Agree", "CONSULT": "Consult", "SUPPORT": "Support", "CONCEDE": "Concede",
    "COOPERATE": "Cooperate", "AID": "Aid", "RETREAT": "Retreat", "REQUEST": "Request",
    "ACCUSE": "Accuse", "REJECT": "Reject", "THREATEN": "Threaten", "PROTEST": "Protest",
    "SANCTION": "Sanction", "MOBILIZE": "Mobilize", "COERCE": "Coerce", "ASSAULT": "Assault",
}


def slug(text: str) -> str:
    """ASCII slug for our IRIs: 'NATO–Russia Council' -> 'nato-russia-council'."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "x"


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(KGR.iri + "article/" + quote(article_id, safe=""))


def entity_iri(key: str) -> NamedNode:
    return NamedNode(KGR.iri + quote(key, safe="/"))


def _decimal(x: float) -> Literal:
    return Literal(f"{x:.2f}", datatype=XSD.decimal)


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.nonNegativeInteger)


def _date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _lang(text: str, lang: str) -> Literal:
    return Literal(text, language=lang)


class _Graph:
    def __init__(self, graph: NamedNode):
        self.g = graph
        self.quads: list[Quad] = []

    def add(self, s, p, o) -> None:
        self.quads.append(Quad(s, p, o, self.g))


def to_quads(ex: Extraction) -> list[Quad]:
    """All quads for one article, in its named graph."""
    a = ex.article
    g = _Graph(article_graph(a.id))
    art = article_iri(a.id)
    base = art.value
    context = NamedNode(f"{base}#char=0,{len(a.text)}")

    def evidence(span: tuple[int, int]) -> NamedNode:
        s, e = span
        node = NamedNode(f"{base}#char={s},{e}")
        g.add(node, RDF.type, NIF.String)
        g.add(node, RDF.type, NIF.RFC5147String)
        g.add(node, NIF.beginIndex, _int(s))
        g.add(node, NIF.endIndex, _int(e))
        g.add(node, NIF.anchorOf, Literal(a.text[s:e]))
        g.add(node, NIF.referenceContext, context)
        return node

    # the article
    g.add(art, RDF.type, SCHEMA.NewsArticle)
    g.add(art, RDF.type, DIP.Article)
    g.add(art, SCHEMA.identifier, Literal(a.id))
    if a.title:
        g.add(art, SCHEMA.headline, _lang(a.title, "id"))
    if a.date:
        g.add(art, SCHEMA.datePublished, _date(a.date))
    if a.outlet:
        outlet = NamedNode(KGR.iri + "outlet/" + slug(a.outlet))
        g.add(art, SCHEMA.publisher, outlet)
        g.add(outlet, RDF.type, NamedNode("https://schema.org/Organization"))
        g.add(outlet, SCHEMA.name, Literal(a.outlet))
    if a.url:
        g.add(art, SCHEMA.url, NamedNode(a.url) if _is_iri(a.url) else Literal(a.url))
    if a.agency:
        g.add(art, DIP.agency, Literal(a.agency))
    if a.editor:
        g.add(art, DIP.editor, Literal(a.editor))
    if a.author:
        g.add(art, SCHEMA.author, Literal(a.author))
    if a.dateline:
        g.add(art, DIP.dateline, Literal(a.dateline))
    for headline in a.related:
        g.add(art, DIP.relatedHeadline, _lang(headline, "id"))
    g.add(art, DIP.contentHash, Literal(a.content_hash))
    g.add(art, SCHEMA.text, context)
    g.add(context, RDF.type, NIF.Context)
    g.add(context, NIF.isString, Literal(a.text))

    # entities, topics, positions
    for ent in ex.entities.values():
        _entity(g, ent)
    _mentions(g, ex, base, context)
    n_holding = 0
    for ent in ex.entities.values():
        for pos in ent.positions:
            n_holding += 1
            piri = NamedNode(KGR.iri + "position/" + slug(pos.position_label))
            g.add(piri, RDF.type, DIP.Position)
            g.add(piri, RDFS.label, _lang(pos.position_label, "en"))
            if pos.position_label_id:
                g.add(piri, RDFS.label, _lang(pos.position_label_id, "id"))
            if pos.position_qid:
                g.add(piri, OWL.sameAs, WD[pos.position_qid])
            if pos.of:  # the gazetteer's fact, said whether or not the article names the country
                g.add(piri, DIP.positionOf, entity_iri(pos.of))
            person = entity_iri(ent.key)
            g.add(person, DIP.holdsPosition, piri)
            h = NamedNode(f"{base}/holding/{n_holding}")
            g.add(h, RDF.type, DIP.PositionHolding)
            g.add(h, DIP.holder, person)
            g.add(h, DIP.position, piri)
            if a.date:
                g.add(h, DIP.asOf, _date(a.date))
            g.add(h, DIP.article, art)
            if pos.evidence:
                g.add(h, DIP.evidence, evidence(pos.evidence))

    # events
    for n, ev in enumerate(ex.events, start=1):
        _event(g, ex, ev, NamedNode(f"{base}/event/{n}"), art, evidence)

    # statements
    for n, st in enumerate(ex.statements, start=1):
        node = NamedNode(f"{base}/statement/{n}")
        g.add(node, RDF.type, DIP.Statement)
        if st.speaker and st.speaker in ex.entities:
            speaker = entity_iri(st.speaker)
            g.add(node, DIP.source, speaker)
            g.add(speaker, DIP.said, _lang(st.content, "id"))
        if st.speaker_label:
            g.add(node, RDFS.label, _lang(st.speaker_label, "id"))
        g.add(node, DIP.quote, _lang(st.content, "id"))
        g.add(node, DIP.confidence, _decimal(st.confidence))
        g.add(node, DIP.article, art)
        g.add(node, PROV.wasDerivedFrom, art)
        g.add(node, DIP.evidence, evidence(st.evidence))
    return _dedupe(g.quads)


def name_quads(quads: list[Quad]) -> list[Quad]:
    """The ``NAMES_GRAPH`` quads for an article's quads: one ``skos:prefLabel`` per entity it
    labels (its English label, else its untagged one, else any), article-scoped nodes
    (statements, evidence) left out. An entity's labels come from the gazetteer or from its
    name as written, so every article gives it the same one; the store keeps the first."""
    rank: dict[NamedNode, tuple[int, Literal]] = {}
    article_nodes = KGR.iri + "article/"
    for q in quads:
        if q.predicate != RDFS.label or not isinstance(q.subject, NamedNode):
            continue
        if q.subject.value.startswith(article_nodes) or not q.subject.value.startswith(KGR.iri):
            continue
        lang = q.object.language
        order = 0 if lang == "en" else 1 if not lang else 2
        if q.subject not in rank or order < rank[q.subject][0]:
            rank[q.subject] = (order, q.object)
    return [Quad(s, SKOS.prefLabel, label, NAMES_GRAPH) for s, (_, label) in rank.items()]


def _entity(g: _Graph, ent: Entity) -> None:
    node = entity_iri(ent.key)
    for cls in CLASS_OF_KIND.get(ent.kind, (DIP.Actor,)):
        g.add(node, RDF.type, cls)
    g.add(node, RDFS.label, _lang(ent.label, "en") if ent.qid or ent.kind == "topic" else Literal(ent.label))
    if ent.label_id and ent.label_id != ent.label:
        g.add(node, RDFS.label, _lang(ent.label_id, "id"))
    if ent.qid:
        g.add(node, OWL.sameAs, WD[ent.qid])
        if ent.link_method:
            g.add(node, DIP.linkMethod, Literal(ent.link_method))
        if ent.link_confidence is not None:
            g.add(node, DIP.linkConfidence, _decimal(ent.link_confidence))
    elif ent.kind != "topic":
        g.add(node, DIP.linkMethod, Literal("unlinked"))


_QID = re.compile(r"^Q[0-9]+$")


def _mentions(g: _Graph, ex: Extraction, base: str, context: NamedNode) -> None:
    """Each actor/place mention as a nif:Phrase pointing (itsrdf:taIdentRef) to our entity,
    with how it was linked; an unlinked ambiguous one lists its dip:candidate items."""
    text = ex.article.text
    mentions = list(getattr(ex, "mentions", ()))
    known = set(ex.entities)
    if ex.article.dateline:
        from kg.entities import dateline_mention  # only building maps mentions

        body = ex.article.body_spans
        dm = dateline_mention(text, ex.article.dateline, body[0][0] if body else None)
        if dm is not None and not any(m.start_char < dm.end_char and dm.start_char < m.end_char for m in mentions):
            key = f"{dm.kind}/{dm.key}"
            if key not in ex.entities:
                _entity(g, Entity(key=key, label=dm.label, kind=dm.kind, qid=dm.qid, label_id=dm.label_id,
                                  link_method=dm.method if dm.qid else "unlinked",
                                  link_confidence=dm.confidence if dm.qid else None))
                known.add(key)
            mentions.append(dm)
    for m in mentions:
        s, e = m.start_char, m.end_char
        key = f"{m.kind}/{m.key}"
        if key not in known or not 0 <= s < e <= len(text):
            continue
        node = NamedNode(f"{base}#char={s},{e}")
        g.add(node, RDF.type, NIF.Phrase)
        g.add(node, RDF.type, NIF.RFC5147String)
        g.add(node, NIF.beginIndex, _int(s))
        g.add(node, NIF.endIndex, _int(e))
        g.add(node, NIF.anchorOf, Literal(text[s:e]))
        g.add(node, NIF.referenceContext, context)
        g.add(node, ITSRDF.taIdentRef, entity_iri(key))
        g.add(node, DIP.linkMethod, Literal(m.method if m.qid else "unlinked"))
        g.add(node, DIP.linkConfidence, _decimal(min(max(m.confidence, 0.0), 1.0)))
        if not m.qid:
            for c in m.candidates:
                if _QID.match(c):
                    g.add(node, DIP.candidate, WD[c])


def _event(g: _Graph, ex: Extraction, ev: Event, node: NamedNode, art: NamedNode, evidence) -> None:
    g.add(node, RDF.type, DIP.Event)
    g.add(node, RDF.type, DIP[EVENT_CLASS[ev.type]])
    g.add(node, DIP.eventType, PLOVER[ev.type])
    if ev.mode:
        g.add(node, DIP.mode, DIP[ev.mode])
    for role, keys in ((DIP.source, ev.sources), (DIP.target, ev.targets), (DIP.participant, ev.participants)):
        for key in keys:
            if key in ex.entities:
                g.add(node, role, entity_iri(key))
    if ev.place and ev.place in ex.entities:
        g.add(node, DIP.place, entity_iri(ev.place))
    if ev.date:
        g.add(node, DIP.date, _date(ev.date))
    if ev.duration_minutes:
        g.add(node, DIP.duration, Literal(f"PT{ev.duration_minutes}M", datatype=XSD.duration))
    for t in ev.topics:
        if t in ex.entities:
            g.add(node, DIP.topic, entity_iri(t))
    if ev.condition:
        g.add(node, DIP.condition, _lang(ev.condition, "id"))
    for c in ev.contexts:
        g.add(node, DIP.context, DIP[c])
    if ev.trigger:
        g.add(node, DIP.trigger, _lang(ev.trigger, "id"))
    g.add(node, DIP.confidence, _decimal(ev.confidence))
    g.add(node, DIP.article, art)
    g.add(node, PROV.wasDerivedFrom, art)
    g.add(node, DIP.evidence, evidence(ev.evidence))
    for s, p, o in ev.relations:
        if s in ex.entities and o in ex.entities:
            g.add(entity_iri(s), DIP[p], entity_iri(o))


def _is_iri(value: str) -> bool:
    return bool(re.match(r"^https?://[^\s<>\"{}|\\^`]+$", value))


def _dedupe(quads: list[Quad]) -> list[Quad]:
    return list(dict.fromkeys(quads))
