"""Pushing graphs to a remote SPARQL store with the SPARQL 1.1 Graph Store Protocol.

The endpoint is the store's Graph Store Protocol URL, for example

    Oxigraph   http://localhost:7878/store
    Fuseki     http://localhost:3030/DATASET/data
    GraphDB    http://localhost:7200/repositories/REPO/rdf-graphs/service

Every named graph of the local store (each article, and the ontology unless one article is
asked for) is sent as its own request on ``URL?graph=IRI`` with a Turtle body: ``PUT``, which
replaces that graph on the server and leaves every other graph alone. Without ``replace`` a
graph the server already has (``HEAD`` answers 200) is skipped, so pushing again only sends
what is new; ``replace=True`` sends every graph (what to do after rebuilding changed articles).
The names graph (one ``skos:prefLabel`` per entity, see ``kg.vocab.NAMES_GRAPH``) is not an
article's: it grows with every build, so it is always sent, and merged (``POST``) rather than
replaced, keeping the names other stores pushed there; with one article, only the names of
the entities it mentions are sent.
Only the standard library is used (``urllib``); the store is read-only throughout.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, RdfFormat, Store, Triple, serialize

from kg.errors import PushError, StoreError
from kg.vocab import EXPORT_PREFIXES, NAMES_GRAPH, ONTOLOGY_GRAPH, article_graph

TIMEOUT = 60.0  # seconds per request
TURTLE = "text/turtle; charset=utf-8"


@dataclass
class PushReport:
    pushed: list[str] = field(default_factory=list)  # graph IRIs sent
    skipped: list[str] = field(default_factory=list)  # already on the server
    quads: int = 0


def push(
    store: Store,
    url: str,
    *,
    article: str | None = None,
    replace: bool = False,
    on_graph: Callable[[str, str], None] | None = None,
    timeout: float = TIMEOUT,
) -> PushReport:
    """Send the named graphs of ``store`` (or only ``article``'s) to the Graph Store Protocol
    endpoint ``url``; ``on_graph(iri, "pushed" | "exists")`` after each. Stops at the first
    failure with a one-line ``PushError`` (graphs sent before it stay on the server)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{url!r} is not an http(s) URL of a Graph Store Protocol endpoint")
    if article is not None:
        graphs = [article_graph(article)]
        if not store.contains_named_graph(graphs[0]):
            raise StoreError(f"the store has no article {article!r}")
    else:
        graphs = sorted(store.named_graphs(), key=lambda g: (g != ONTOLOGY_GRAPH, g.value))
    notify = on_graph or (lambda _g, _s: None)
    report = PushReport()
    for graph in graphs:
        if not isinstance(graph, NamedNode):
            continue
        target = _graph_url(url, graph)
        if graph == NAMES_GRAPH:
            continue  # last, below
        if not replace and _exists(target, timeout):
            report.skipped.append(graph.value)
            notify(graph.value, "exists")
            continue
        body = store.dump(format=RdfFormat.TURTLE, from_graph=graph, prefixes=EXPORT_PREFIXES)
        _request("PUT", target, body or b"", timeout)
        report.pushed.append(graph.value)
        report.quads += sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
        notify(graph.value, "pushed")
    names = _names(store, graphs)
    if names:
        _request("POST", _graph_url(url, NAMES_GRAPH),
                 serialize(names, format=RdfFormat.TURTLE, prefixes=EXPORT_PREFIXES) or b"", timeout)
        report.pushed.append(NAMES_GRAPH.value)
        report.quads += len(names)
        notify(NAMES_GRAPH.value, "pushed")
    return report


def _names(store: Store, graphs: list) -> list[Triple]:
    """The names to send: all of them, or those of the entities the one article mentions."""
    if NAMES_GRAPH in graphs:
        return [q.triple for q in store.quads_for_pattern(None, None, None, NAMES_GRAPH)]
    out = []
    for graph in graphs:
        if graph == ONTOLOGY_GRAPH:
            continue
        subjects = {q.subject for q in store.quads_for_pattern(None, None, None, graph)}
        for s in sorted(subjects, key=str):
            out.extend(q.triple for q in store.quads_for_pattern(s, None, None, NAMES_GRAPH))
    return out


def _graph_url(url: str, graph: NamedNode) -> str:
    sep = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{sep}graph={urllib.parse.quote(graph.value, safe='')}"


def _exists(target: str, timeout: float) -> bool:
    try:
        _request("HEAD", target, None, timeout)
        return True
    except _NotFound:
        return False


class _NotFound(Exception):
    pass


def _request(method: str, target: str, body: bytes | None, timeout: float) -> None:
    headers = {"Content-Type": TURTLE} if body is not None else {}
    req = urllib.request.Request(target, data=body, method=method, headers=headers)
    where = target.split("?", 1)[0]
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as e:
        if e.code == 404 and method == "HEAD":
            raise _NotFound() from None
        detail = " ".join(e.read(300).decode("utf-8", "replace").split()) if method != "HEAD" else ""
        raise PushError(f"{method} {where}: HTTP {e.code} {e.reason}"
                        + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as e:
        raise PushError(f"cannot reach {where}: {_reason(e.reason)}") from None
    except (OSError, TimeoutError) as e:
        raise PushError(f"cannot reach {where}: {_reason(e)}") from None


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return " ".join(str(reason).split()) or type(reason).__name__


__all__ = ["PushError", "PushReport", "push"]
