"""Score what is in the store against gold annotations (``kg eval``).

Gold files are JSONL (format in ``tests/gold/README.md``), one record per line, each
with ``kind``: ``event``, ``triple``, ``statement``, ``position`` or ``metadata``, and
the ``article`` id it belongs to. Only articles that have gold records are scored.

Matching, level by level:

* event: same PLOVER type; the actors agree (``actors``: the set of all extracted
  sources and targets equals it; ``source``: the extracted sources equal it;
  ``target``: every gold target is among the extracted targets); and where the gold
  gives them, the same place, date and mode. Events are paired one to one
  (maximum bipartite matching), so one extracted event never counts twice.
* triple: the direct property with the same subject and object; actors compare by
  QID or by our key (``nato-russia-council``), topics by key or label.
* statement: the same speaker (``anonymous`` for an unnamed source) and an evidence
  sentence that contains the gold snippet.
* position: the person holds a position whose English label contains the gold one.
* link: one record per distinct surface form of an article (``surface``, ``qid`` or null,
  ``in_gazetteer``). The predicted QID of a surface is the majority QID of our mentions
  (``nif:Phrase``) whose anchor is exactly that text (a tie prefers a QID to no link).
  Precision = right links / links predicted for gold surfaces (a link where the gold says
  null is wrong); recall = right links / gold surfaces with a QID and ``in_gazetteer``.

Actor references in gold: a Wikidata QID (``Q6279``) or the slug of our IRI.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import Literal, Store, Variable

from kg.errors import GoldError
from kg.events import iter_events
from kg.vocab import PREFIXES

KINDS = {"event", "triple", "statement", "position", "metadata", "link"}
_PREFIXES = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items())


# ---------------------------------------------------------------------------- gold


def load_gold(paths: Iterable[str | Path]) -> list[dict]:
    records: list[dict] = []
    for path in paths:
        p = Path(path)
        files = sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
        if not p.exists():
            raise GoldError(f"gold file {p} does not exist")
        for f in files:
            with open(f, encoding="utf-8") as fh:
                for n, line in enumerate(fh, start=1):
                    if not line.strip() or line.lstrip().startswith("//"):
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise GoldError(f"{f}:{n}: not valid JSON ({e.msg})") from None
                    if not isinstance(rec, dict) or rec.get("kind") not in KINDS or not rec.get("article"):
                        raise GoldError(f"{f}:{n}: a gold record needs 'kind' ({', '.join(sorted(KINDS))}) and 'article'")
                    rec["_where"] = f"{f.name}:{n}"
                    records.append(rec)
    return records


# ------------------------------------------------------------------------ matching


def _actor_matches(ref: str, actor: dict) -> bool:
    if not actor:
        return False
    if ref == actor.get("id"):
        return True
    iri = actor.get("iri") or ""
    return iri.rsplit("/", 1)[-1] == ref or iri.endswith("/" + ref)


def _set_matches(refs: list[str], actors: list[dict]) -> bool:
    """Every gold ref has an actor and every actor has a gold ref."""
    return all(any(_actor_matches(r, a) for a in actors) for r in refs) and all(
        any(_actor_matches(r, a) for r in refs) for a in actors
    )


def _subset_matches(refs: list[str], actors: list[dict]) -> bool:
    return all(any(_actor_matches(r, a) for a in actors) for r in refs)


def event_matches(gold: dict, ev: dict) -> bool:
    if gold["type"] != ev["type"]:
        return False
    if "actors" in gold and not _set_matches(gold["actors"], ev["source"] + ev["target"]):
        return False
    if "source" in gold and not _set_matches(gold["source"], ev["source"]):
        return False
    if gold.get("target") and not _subset_matches(gold["target"], ev["target"]):
        return False
    if gold.get("place") and not (ev["place"] and _actor_matches(gold["place"], ev["place"])):
        return False
    if gold.get("date") and gold["date"] != ev["date"]:
        return False
    if gold.get("mode") and gold["mode"] != ev["mode"]:
        return False
    return True


def _max_matching(golds: list, preds: list, ok: Callable[[dict, dict], bool]) -> dict[int, int]:
    """Maximum bipartite matching gold index -> prediction index (Kuhn's algorithm)."""
    adj = [[j for j, p in enumerate(preds) if ok(g, p)] for g in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


# ------------------------------------------------------------------------- scores


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.gold += other.gold
        self.pred += other.pred

    def as_dict(self) -> dict:
        return {
            "tp": self.tp, "gold": self.gold, "predicted": self.pred,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass
class LinkScore(Score):
    """Entity links: ``tp`` counts right links among the surfaces recall is over (in the
    gazetteer), ``correct`` right links among all predicted ones (precision's numerator)."""

    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 1.0

    def add(self, other: "Score") -> None:
        super().add(other)
        self.correct += getattr(other, "correct", other.tp)


@dataclass
class Report:
    levels: dict[str, Score] = field(default_factory=dict)
    by_type: dict[str, Score] = field(default_factory=dict)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    context_agreement: Score = field(default_factory=Score)
    articles: list[str] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "missing_articles": self.missing_articles,
            "levels": {k: v.as_dict() for k, v in self.levels.items()},
            "event_types": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "contexts": self.context_agreement.as_dict(),
            "missed": self.missed,
            "spurious": self.spurious,
        }


def evaluate(store: Store, gold: list[dict]) -> Report:
    report = Report()
    by_article: dict[str, list[dict]] = defaultdict(list)
    for rec in gold:
        by_article[rec["article"]].append(rec)
    known = _articles_in_store(store)
    for name in ("event", "triple", "statement", "position", "metadata"):
        report.levels[name] = Score()
    report.levels["link"] = LinkScore()
    for article, recs in sorted(by_article.items()):
        if article not in known:
            report.missing_articles.append(article)
        report.articles.append(article)
        _score_events(store, article, [r for r in recs if r["kind"] == "event"], report)
        _score_simple(report, "triple", [r for r in recs if r["kind"] == "triple"], _triples(store, article),
                      _triple_matches, lambda g: f"{g['s']} {g['p']} {g['o']}", lambda p: f"{p['s_label']} {p['p']} {p['o_label']}", article)
        _score_simple(report, "statement", [r for r in recs if r["kind"] == "statement"], _statements(store, article),
                      _statement_matches, lambda g: f"{g['speaker']}: {g['evidence']}", lambda p: f"{p['speaker_label']}: {p['evidence'][:80]}", article)
        _score_simple(report, "position", [r for r in recs if r["kind"] == "position"], _positions(store, article),
                      _position_matches, lambda g: f"{g['person']} holds {g['position']}", lambda p: f"{p['person_label']} holds {p['position']}", article)
        _score_metadata(store, article, [r for r in recs if r["kind"] == "metadata"], report)
        _score_links(store, article, [r for r in recs if r["kind"] == "link"], report)
    return report


def _score_links(store: Store, article: str, golds: list[dict], report: Report) -> None:
    if not golds:
        return
    predicted = predicted_links(store, article)
    score = report.levels["link"]
    assert isinstance(score, LinkScore)
    for g in golds:
        want = g.get("qid") or None
        got = predicted.get(g["surface"])
        in_gaz = bool(g.get("in_gazetteer")) and want is not None
        if in_gaz:
            score.gold += 1
        if got is not None:
            score.pred += 1
            if got == want:
                score.correct += 1
                score.tp += int(in_gaz)
            else:
                report.spurious.append({"level": "link", "article": article,
                                        "extracted": f"{g['surface']!r} -> {got} (gold {want or 'none'})"})
        elif in_gaz:
            report.missed.append({"level": "link", "article": article,
                                  "gold": f"{g['surface']!r} -> {want} ({g.get('entity_kind') or '?'})"})


_LINKS_QUERY = """SELECT DISTINCT ?g ?links ?m ?anchor ?w WHERE {
  GRAPH ?g { ?m a nif:Phrase ; nif:anchorOf ?anchor ; itsrdf:taIdentRef ?e }
  OPTIONAL { { GRAPH ?g { ?e owl:sameAs ?w } } UNION { GRAPH ?links { ?e owl:sameAs ?w } } }
}"""


def predicted_links(store: Store, article: str) -> dict[str, str | None]:
    """surface -> the majority QID of our mentions with that exact anchor in ``article``
    (None: mostly unlinked). Online links (the links graph) count as links."""
    from kg.vocab import LINKS_GRAPH, article_graph

    per_mention: dict[tuple[str, str], str | None] = {}
    rows = store.query(_PREFIXES + _LINKS_QUERY,
                       substitutions={Variable("g"): article_graph(article), Variable("links"): LINKS_GRAPH})
    for r in rows:
        qid = r["w"].value.rsplit("/", 1)[-1] if r["w"] is not None else None
        k = (r["m"].value, r["anchor"].value)
        per_mention[k] = per_mention.get(k) or qid
    votes: dict[str, Counter] = defaultdict(Counter)
    for (_, anchor), qid in per_mention.items():
        votes[anchor][qid] += 1
    out: dict[str, str | None] = {}
    for surface, counter in votes.items():
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
        out[surface] = ranked[0][0]
    return out


def _score_events(store: Store, article: str, golds: list[dict], report: Report) -> None:
    preds = list(iter_events(store, article))
    pairs = _max_matching(golds, preds, event_matches)
    score = report.levels["event"]
    score.gold += len(golds)
    score.pred += len(preds)
    score.tp += len(pairs)
    for g in golds:
        report.by_type.setdefault(g["type"], Score()).gold += 1
    for p in preds:
        report.by_type.setdefault(p["type"], Score()).pred += 1
    for gi, pj in pairs.items():
        report.by_type[golds[gi]["type"]].tp += 1
        want = set(golds[gi].get("context", []))
        got = set(preds[pj]["context"]) & {"Future", "Planned", "Hypothetical", "Negated"}
        report.context_agreement.gold += 1
        report.context_agreement.pred += 1
        report.context_agreement.tp += int(want == got)
    matched_preds = set(pairs.values())
    for gi, g in enumerate(golds):
        if gi not in pairs:
            near = [p for p in preds if p["type"] == g["type"]]
            report.missed.append({"level": "event", "article": article, "gold": _clean(g),
                                  "closest": [_brief(p) for p in near[:2]]})
    for pj, p in enumerate(preds):
        if pj not in matched_preds:
            report.spurious.append({"level": "event", "article": article, "event": _brief(p)})


def _score_simple(report, level, golds, preds, ok, gold_text, pred_text, article) -> None:
    pairs = _max_matching(golds, preds, ok)
    score = report.levels[level]
    score.gold += len(golds)
    score.pred += len(preds) if golds else 0  # articles without gold of this kind are not scored
    score.tp += len(pairs)
    if not golds:
        return
    for gi, g in enumerate(golds):
        if gi not in pairs:
            report.missed.append({"level": level, "article": article, "gold": gold_text(g)})
    matched = set(pairs.values())
    for pj, p in enumerate(preds):
        if pj not in matched:
            report.spurious.append({"level": level, "article": article, "extracted": pred_text(p)})


def _score_metadata(store: Store, article: str, golds: list[dict], report: Report) -> None:
    if not golds:
        return
    meta = _metadata(store, article)
    score = report.levels["metadata"]
    for g in golds:
        for k, v in g.items():
            if k in {"kind", "article", "_where"}:
                continue
            score.gold += 1
            score.pred += 1 if meta.get(k) is not None else 0
            if str(meta.get(k, "")).casefold() == str(v).casefold():
                score.tp += 1
            else:
                report.missed.append({"level": "metadata", "article": article, "gold": f"{k}={v}", "got": meta.get(k)})


def _brief(p: dict) -> str:
    def names(xs):
        return ",".join(str(x.get("label") or x.get("iri")) for x in xs)

    place = p["place"]["label"] if p.get("place") else None
    parts = [p["type"], p.get("mode") or "", f"src={names(p['source'])}", f"tgt={names(p['target'])}"]
    if place:
        parts.append(f"place={place}")
    if p.get("date"):
        parts.append(f"date={p['date']}")
    parts.append(f"«{p['evidence'][:70]}»")
    return " ".join(x for x in parts if x)


def _clean(g: dict) -> dict:
    return {k: v for k, v in g.items() if not k.startswith("_") and k not in {"kind", "article"}}


# ---------------------------------------------------------------------- store reads


def _q(store: Store, body: str, article: str):
    return store.query(_PREFIXES + body, substitutions={Variable("article"): Literal(article)},
                       use_default_graph_as_union=True)


def _articles_in_store(store: Store) -> set[str]:
    rows = store.query(_PREFIXES + "SELECT ?id WHERE { ?a a dip:Article ; schema:identifier ?id }",
                       use_default_graph_as_union=True)
    return {r["id"].value for r in rows}


_DIRECT = ("warnedOf warned threatened meetsIn metWith spokeWith urged requested agreedTo agreedWith "
           "supported criticized accused rejected sanctioned visited cooperatesWith aided").split()


def _triples(store: Store, article: str) -> list[dict]:
    from kg.vocab import LINKS_GRAPH, article_graph

    values = " ".join(f"dip:{p}" for p in _DIRECT)
    # the article's graph (and the online links) as the default graph: binding ?g of a
    # GRAPH ?g pattern through substitutions filtered after evaluating every graph (18 s an
    # article on the 43 development articles, against 3 ms)
    q = f"""SELECT ?s ?p ?o ?sq ?oq (SAMPLE(?sl) AS ?sl1) (SAMPLE(?ol) AS ?ol1) (SAMPLE(?oli) AS ?oli1) WHERE {{
      ?s ?p ?o . VALUES ?p {{ {values} }}
      OPTIONAL {{ ?s owl:sameAs ?sw . BIND(STRAFTER(STR(?sw), "entity/") AS ?sq) }}
      OPTIONAL {{ ?o owl:sameAs ?ow . BIND(STRAFTER(STR(?ow), "entity/") AS ?oq) }}
      OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?o rdfs:label ?ol . FILTER(LANG(?ol) != "id") }}
      OPTIONAL {{ ?o rdfs:label ?oli . FILTER(LANG(?oli) = "id") }}
    }} GROUP BY ?s ?p ?o ?sq ?oq"""
    rows = store.query(_PREFIXES + q, default_graph=[article_graph(article), LINKS_GRAPH])
    out = []
    for r in rows:
        out.append({
            "s": {"id": r["sq"].value if r["sq"] else None, "iri": r["s"].value},
            "p": r["p"].value.rsplit("#", 1)[-1],
            "o": {"id": r["oq"].value if r["oq"] else None, "iri": r["o"].value},
            "o_labels": {x.value.casefold() for x in (r["ol1"], r["oli1"]) if x},
            "s_label": r["sl1"].value if r["sl1"] else r["s"].value,
            "o_label": r["ol1"].value if r["ol1"] else r["o"].value,
        })
    return out


SYMMETRIC = {"metWith", "spokeWith", "agreedWith", "cooperatesWith"}


def _triple_matches(g: dict, p: dict) -> bool:
    if g["p"] != p["p"]:
        return False
    if _actor_matches(g["s"], p["s"]) and (_actor_matches(g["o"], p["o"]) or g["o"].casefold() in p["o_labels"]):
        return True
    return g["p"] in SYMMETRIC and _actor_matches(g["s"], p["o"]) and _actor_matches(g["o"], p["s"])


def _statements(store: Store, article: str) -> list[dict]:
    q = """SELECT ?article ?st ?speaker ?qid ?evidence (SAMPLE(?l) AS ?label) (SAMPLE(?sl) AS ?slabel) WHERE {
      ?st a dip:Statement ; dip:article ?a ; dip:evidence ?e . ?a schema:identifier ?article .
      ?e nif:anchorOf ?evidence .
      OPTIONAL { ?st dip:source ?speaker . OPTIONAL { ?speaker rdfs:label ?sl }
                 OPTIONAL { ?speaker owl:sameAs ?w . BIND(STRAFTER(STR(?w), "entity/") AS ?qid) } }
      OPTIONAL { ?st rdfs:label ?l }
    } GROUP BY ?article ?st ?speaker ?qid ?evidence"""
    out = []
    for r in _q(store, q, article):
        speaker = {"id": r["qid"].value if r["qid"] else None, "iri": r["speaker"].value} if r["speaker"] else None
        out.append({"speaker": speaker, "evidence": r["evidence"].value,
                    "speaker_label": (r["slabel"] or r["label"]).value if (r["slabel"] or r["label"]) else "?"})
    return out


def _statement_matches(g: dict, p: dict) -> bool:
    if g["evidence"] not in p["evidence"]:
        return False
    if g["speaker"] == "anonymous":
        return p["speaker"] is None
    return p["speaker"] is not None and _actor_matches(g["speaker"], p["speaker"])


def _positions(store: Store, article: str) -> list[dict]:
    q = """SELECT ?article ?person ?qid ?plabel (SAMPLE(?pl) AS ?position) WHERE {
      ?h a dip:PositionHolding ; dip:article ?a ; dip:holder ?person ; dip:position ?pos .
      ?a schema:identifier ?article .
      ?pos rdfs:label ?pl . FILTER(LANG(?pl) = "en")
      OPTIONAL { ?person rdfs:label ?plabel }
      OPTIONAL { ?person owl:sameAs ?w . BIND(STRAFTER(STR(?w), "entity/") AS ?qid) }
    } GROUP BY ?article ?person ?qid ?plabel ?pos"""
    return [{"person": {"id": r["qid"].value if r["qid"] else None, "iri": r["person"].value},
             "person_label": r["plabel"].value if r["plabel"] else "?",
             "position": r["position"].value} for r in _q(store, q, article)]


def _position_matches(g: dict, p: dict) -> bool:
    return _actor_matches(g["person"], p["person"]) and g["position"].casefold() in p["position"].casefold()


def _metadata(store: Store, article: str) -> dict:
    q = """SELECT ?article ?date ?outlet ?agency ?editor ?dateline ?title WHERE {
      ?a a dip:Article ; schema:identifier ?article .
      OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:publisher/schema:name ?outlet }
      OPTIONAL { ?a dip:agency ?agency } OPTIONAL { ?a dip:editor ?editor }
      OPTIONAL { ?a dip:dateline ?dateline } OPTIONAL { ?a schema:headline ?title }
    } LIMIT 1"""
    for r in _q(store, q, article):
        return {k: (r[k].value if r[k] else None) for k in ("date", "outlet", "agency", "editor", "dateline", "title")}
    return {}


# ------------------------------------------------------------------------- printing


def format_report(report: Report, *, show_errors: bool = True) -> str:
    lines = [f"articles scored: {len(report.articles)}"]
    if report.missing_articles:
        lines.append(f"not in the store (all their gold counts as missed): {', '.join(report.missing_articles)}")
    lines.append("")
    lines.append(f"{'level':<12}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for name, s in report.levels.items():
        if s.gold or s.pred:
            lines.append(f"{name:<12}{s.gold:>6}{s.pred:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    lines.append("")
    lines.append(f"{'event type':<12}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for name, s in sorted(report.by_type.items()):
        lines.append(f"{name:<12}{s.gold:>6}{s.pred:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    c = report.context_agreement
    if c.gold:
        lines.append(f"\ncontexts right on matched events (Future/Planned/Hypothetical/Negated): {c.tp}/{c.gold}")
    if show_errors:
        if report.missed:
            lines.append("\nmissed (in gold, not extracted):")
            for m in report.missed:
                lines.append(f"  [{m['level']}] {m['article']}: {json.dumps(m.get('gold'), ensure_ascii=False)}")
                for c_ in m.get("closest", []):
                    lines.append(f"      closest: {c_}")
        if report.spurious:
            lines.append("\nspurious (extracted, matching no gold):")
            for s_ in report.spurious:
                lines.append(f"  [{s_['level']}] {s_['article']}: {s_.get('event') or s_.get('extracted')}")
    return "\n".join(lines)


def type_counts(records: list[dict]) -> Counter:
    return Counter(r["type"] for r in records if r["kind"] == "event")
