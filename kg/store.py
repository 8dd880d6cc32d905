"""The Oxigraph store: where it lives, how it is opened, and the only code that writes it.

Where
    ``$KG_STORE`` when set, else ``./.kg/store`` under the current directory: a project-local
    hidden folder, like ``.git``, so each corpus gets its own store and ``kg query`` run in the
    same folder finds what ``kg build`` wrote. ``:memory:`` means a throw-away in-memory store.

One writer, many readers (measured with pyoxigraph 0.5.13)
    An on-disk store is a RocksDB folder. A read-write ``Store(path)`` takes RocksDB's ``LOCK``
    file, so a second writer, in another process or in this one, fails at once; ``open_store``
    reports that as a one-line ``StoreError``. ``Store.read_only(path)`` takes no lock: query,
    export and events open the store read-only and work while a build is writing it. A read-only
    store is a snapshot of what was committed when it was opened (later writes stay invisible to
    it). pyoxigraph calls reading beside a live writer "undefined behaviour"; what happens in
    practice is that opening can race with the writer's compaction and fail with
    ``Corruption: ... No such file``, so ``open_store`` retries a few times before giving up
    with a "try again" ``StoreError``.

Writes are atomic per call
    pyoxigraph 0.5 has no Python transaction API, but one ``Store.update`` call (several SPARQL
    operations separated by ``;``) runs in one transaction: if any operation fails, nothing is
    written. ``replace_graph`` drops the graph and inserts the new quads in one update. The
    quads never pass through SPARQL text: the update reads them through custom functions that
    return pyoxigraph terms by index, so no escaping is involved. The same update ends with an
    in-transaction check (the graph holds exactly the expected number of quads, otherwise a
    ``CREATE GRAPH`` that must fail aborts it), because SPARQL treats a failing expression as
    "unbound" and would otherwise skip a quad silently.

The store keeps numbers by value
    pyoxigraph 0.5 stores numeric literals by value: ``"424"^^xsd:nonNegativeInteger`` is
    read back as ``"424"^^xsd:integer`` and ``"1.0"^^xsd:decimal`` as ``"1"^^xsd:decimal``.
    ``as_stored`` shows what a set of quads becomes; ``ensure_ontology`` compares through it.

The union default graph repeats shared triples
    With ``use_default_graph_as_union`` a triple stated in two graphs (an actor described by
    two articles) matches twice (oxigraph issue #1919, fixed after 0.5): queries over the
    union use DISTINCT and COUNT(DISTINCT ...).
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from pyoxigraph import (
    CanonicalizationAlgorithm,
    Dataset,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Store,
    Triple,
    parse,
    serialize,
)

from kg.errors import StoreError
from kg.vocab import (
    BASE, DIP, KGR, NAMES_GRAPH, ONTOLOGY_GRAPH, PLOVER, PREFIXES, RDFS, SKOS, article_graph,
)

if TYPE_CHECKING:
    from pathlib import Path

ENV_VAR = "KG_STORE"
# The default store, ./.kg/store. DEFAULT_PATH (its Path) is made on first use (module
# __getattr__ below): pathlib costs ~7 ms of import, and `kg query` start-up is measured
# against importing pyoxigraph, so opening a store works on strings.
_DEFAULT = os.path.join(".kg", "store")
MEMORY = ":memory:"

# Batches up to this many quads are replaced in one atomic update by ``bulk_replace_graphs``;
# bigger ones take the bulk-load path (see there). Measured on 300-quad articles: one
# ``replace_graph`` takes 13-19 ms; 100,000 quads take 5.5 s atomically, 2 s by bulk load.
ATOMIC_BATCH_LIMIT = 50_000

_READ_ONLY_RETRIES = 5
_ARTICLE_GRAPH_PREFIX = BASE + "graph/article/"
_FN = "urn:kg:store:"  # custom SPARQL functions used by the replace update; never stored
_CHECK_GRAPH = NamedNode(_FN + "check")


def _default_location() -> str:
    return os.environ.get(ENV_VAR, "").strip() or _DEFAULT


def default_store_path() -> Path:
    """``$KG_STORE`` if set and not empty, else ``./.kg/store`` (under the current directory)."""
    from pathlib import Path

    return Path(_default_location())


def __getattr__(name: str):
    if name == "DEFAULT_PATH":
        from pathlib import Path

        return Path(_DEFAULT)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(
    path: str | os.PathLike[str] | None = None, *, memory: bool = False, read_only: bool = False
) -> Store:
    """Open the store at ``path`` (default: ``default_store_path()``).

    ``memory=True`` or ``path == ":memory:"`` gives a new, empty in-memory store. A read-write
    store is created (with its folders) when missing; a read-only one must exist. Every failure
    is a one-line ``StoreError``: the store is in use by another process, the folder is not a
    store, the store is missing (read-only), or RocksDB refused it.
    """
    if memory or (path is not None and str(path) == MEMORY):
        return Store()
    # os.path, not pathlib, on this path: every `kg query` opens a store, and start-up counts
    where = os.path.normpath(os.fspath(path) if path is not None else _default_location())
    if os.path.exists(where) and not os.path.isdir(where):
        raise StoreError(f"store path {where} is a file, not a store folder")
    looks_like_store = os.path.isfile(os.path.join(where, "CURRENT"))
    if read_only:
        if not looks_like_store:
            raise StoreError(f"no store at {where} (build one first, or set {ENV_VAR})")
        return _open_read_only(where)
    if os.path.isdir(where) and not looks_like_store and os.listdir(where):
        raise StoreError(
            f"{where} is a non-empty folder that is not a kg store; choose another path"
        )
    try:
        os.makedirs(where, exist_ok=True)
        return Store(where)
    except OSError as exc:
        raise _open_error(where, exc) from None


def _open_read_only(where: str) -> Store:
    last: Exception | None = None
    for attempt in range(_READ_ONLY_RETRIES):
        try:
            return Store.read_only(str(where))
        except (OSError, RuntimeError) as exc:  # RocksDB reports a racing compaction as either
            last = exc
            if not _is_transient(exc):
                break
            time.sleep(0.05 * (attempt + 1))
    assert last is not None
    if _is_transient(last):
        raise StoreError(
            f"store at {where} is being rewritten by another process; try again ({_one_line(last)})"
        ) from None
    raise _open_error(where, last) from None


def _is_transient(exc: Exception) -> bool:
    text = str(exc)
    return "Corruption" in text or "No such file" in text


def _open_error(where: str, exc: Exception) -> StoreError:
    text = _one_line(exc)
    if "LOCK" in text or "lock" in text:
        if "current process" in text:
            return StoreError(f"store at {where} is already open for writing in this process")
        return StoreError(
            f"store at {where} is in use by another process (another kg command is writing it; "
            "wait for it to finish, read-only commands such as kg query still work)"
        )
    return StoreError(f"cannot open store at {where}: {text}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


# --------------------------------------------------------------------------------------------
# Writing


def replace_graph(store: Store, graph: NamedNode, quads: Iterable[Quad | Triple]) -> int:
    """Replace the named graph ``graph`` with ``quads``, atomically; return the quads written.

    Either the whole new graph is in the store afterwards, or the old one is, unchanged: the
    quads are first read into memory (an iterable that fails half way changes nothing), then one
    SPARQL update drops the graph, inserts them and checks the count, in one transaction.
    Triples, and quads in the default graph, go into ``graph``; a quad naming another graph is
    a programming error (``ValueError``). Duplicates are written once. Replacing with nothing
    removes the graph.
    """
    batch = {graph: _graph_quads(graph, quads)}
    _replace_atomically(store, batch)
    return len(batch[graph])


def bulk_replace_graphs(
    store: Store, graphs: Mapping[NamedNode, Iterable[Quad | Triple]], *, atomic: bool | None = None
) -> int:
    """Replace many named graphs at once (a build of many articles); return the quads written.

    With ``atomic=True`` (the default when the batch holds at most ``ATOMIC_BATCH_LIMIT``
    quads) this is ``replace_graph`` for all the graphs together: one transaction, all or
    nothing. Otherwise it takes the fast path of a batch build, ``load_graph_shards``: not one
    transaction, but safe. All quads are read first (a failing iterable changes nothing); the
    new graphs are bulk-loaded, the graphs already in the store replaced in transactions (so
    an old version is never lost); the new graphs' ``dip:contentHash`` quads are written
    last, in one transaction, as a commit marker. ``dip:contentHash`` is what a build
    reads (``article_hash``) to skip unchanged articles: if the process dies or fails before
    the markers, the batch's graphs carry no new hash, and the next build rebuilds them.
    """
    from kg.ontology import name_quads

    batch = {graph: _graph_quads(graph, quads) for graph, quads in graphs.items()}
    total = sum(len(q) for q in batch.values())
    names = [n for quads in batch.values() for n in name_quads(quads)]
    if atomic is None:
        atomic = total <= ATOMIC_BATCH_LIMIT
    if atomic or not batch:
        add_names(store, names)
        _replace_atomically(store, batch)
        return total
    shards = {
        graph: (_nquads(q for q in quads if q.predicate != DIP.contentHash),
                _nquads(q for q in quads if q.predicate == DIP.contentHash))
        for graph, quads in batch.items()
    }
    load_graph_shards(store, shards, _nquads(names))
    return total


def _nquads(quads: Iterable[Quad]) -> bytes:
    return serialize(quads, format=RdfFormat.N_QUADS) or b""


def load_graph_shards(
    store: Store, shards: Mapping[NamedNode, tuple[bytes, bytes]], names: bytes = b""
) -> None:
    """Replace named graphs with N-Quads shards on the fast path (what a batch build commits).

    ``shards`` maps each graph to ``(body, marker)``: N-Quads of that graph's quads, the
    ``dip:contentHash`` quad apart in ``marker`` (``kg.batch`` makes them with ``to_quads``;
    every quad must be in its own graph); ``names``, N-Quads of the ``NAMES_GRAPH`` names of
    the entities they mention (``kg.ontology.name_quads``). The steps:

    0. the names of entities not named yet are added (``add_names``), first: a name whose
       article then fails to load is harmless, an article committed without names is not;
    1. one ``Store.bulk_load`` call loads the bodies of the graphs not in the store yet;
    2. the graphs already in the store (changed articles) are replaced, body and marker, the
       way ``replace_graph`` does it: one transaction per group of at most
       ``ATOMIC_BATCH_LIMIT`` quads, so each keeps its old version, whole, until its new one
       is in, whole;
    3. one transaction adds the markers of the new graphs last.

    An interruption leaves each new graph absent or partial but without a content hash (the
    next build redoes it) or whole with it, and each replaced graph old (with its old hash,
    which no longer matches the article, so it is rebuilt too) or new and whole. Nothing that
    was in the store before is lost at any moment; graphs outside the batch are never touched.

    One ``bulk_load`` per call, not one per graph: each call costs a fixed ~0.15 s (it writes
    and ingests a set of RocksDB files per index), so the caller should commit big batches;
    its memory grows with the batch (measured: +19 MiB at 100 articles, +28 at 300, +40 at
    500). Replacing is slower than loading (measured on 300 articles, 43,000 quads: 5 s in
    transactions, against 0.9 s for a bulk load into empty graphs; staging the new versions
    by bulk load and copying them over in one transaction took 7.8 s).
    """
    if not shards:
        return
    if names:
        try:
            add_names(store, parse(names, RdfFormat.N_QUADS))
        except SyntaxError as exc:
            raise StoreError(f"the names shard is not N-Quads: {_one_line(exc)}") from None
    fresh: list[NamedNode] = []
    replaced: list[NamedNode] = []
    for graph in shards:
        (replaced if store.contains_named_graph(graph) else fresh).append(graph)
    try:
        if fresh:
            bodies = [shards[g][0] for g in fresh]
            store.bulk_load(io.BufferedReader(_ChunkReader(bodies), 1 << 20), RdfFormat.N_QUADS)
    except (OSError, RuntimeError, SyntaxError) as exc:
        raise StoreError(f"loading {len(fresh)} graphs failed: {_one_line(exc)}") from None
    group: dict[NamedNode, list[Quad]] = {}
    size = 0
    for graph in replaced:
        body, marker = shards[graph]
        try:
            quads = _graph_quads(graph, parse(body + marker, RdfFormat.N_QUADS))
        except SyntaxError as exc:
            raise StoreError(f"the shard of {graph} is not N-Quads: {_one_line(exc)}") from None
        if group and size + len(quads) > ATOMIC_BATCH_LIMIT:
            _replace_atomically(store, group)
            group, size = {}, 0
        group[graph] = quads
        size += len(quads)
    _replace_atomically(store, group)
    try:
        if fresh:
            store.load(b"".join(shards[g][1] for g in fresh), RdfFormat.N_QUADS)
    except (OSError, RuntimeError, SyntaxError) as exc:
        raise StoreError(f"loading {len(fresh)} graphs failed: {_one_line(exc)}") from None


def add_names(store: Store, names: Iterable[Quad]) -> int:
    """Add to ``NAMES_GRAPH`` the ``skos:prefLabel`` quads of entities it does not name yet
    (the first given wins; one transaction); return how many were added."""
    wanted: dict[NamedNode, Quad] = {}
    for q in names:
        if q.predicate != SKOS.prefLabel or q.graph_name != NAMES_GRAPH:
            raise ValueError(f"not a name quad: {q}")
        wanted.setdefault(q.subject, q)
    new = [q for s, q in wanted.items()
           if next(store.quads_for_pattern(s, SKOS.prefLabel, None, NAMES_GRAPH), None) is None]
    if new:
        try:
            store.extend(new)
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"writing entity names failed: {_one_line(exc)}") from None
    return len(new)


_NAME_ALL = """
INSERT { GRAPH <%(names)s> { ?s <%(pref)s> ?name } } WHERE {
  { SELECT ?s (SAMPLE(?en) AS ?enName) (SAMPLE(?plain) AS ?plainName) (SAMPLE(?l) AS ?anyName) WHERE {
      GRAPH ?g { ?s <%(label)s> ?l }
      FILTER(STRSTARTS(STR(?g), "%(articles)s") && STRSTARTS(STR(?s), "%(kgr)s")
             && !STRSTARTS(STR(?s), "%(kgr)sarticle/"))
      BIND(IF(LANG(?l) = "en", ?l, ?unbound) AS ?en)
      BIND(IF(LANG(?l) = "", ?l, ?unbound) AS ?plain)
    } GROUP BY ?s }
  FILTER NOT EXISTS { GRAPH <%(names)s> { ?s <%(pref)s> ?old } }
  BIND(COALESCE(?enName, ?plainName, ?anyName) AS ?name)
}"""


def ensure_names(store: Store) -> bool:
    """Give a store built before ``NAMES_GRAPH`` existed its names (one update, all or
    nothing); return True when it had to. A store that has the graph is left alone."""
    if store.contains_named_graph(NAMES_GRAPH):
        return False
    if not any(g.value.startswith(_ARTICLE_GRAPH_PREFIX) for g in store.named_graphs()):
        return False
    _update(store, _NAME_ALL % {
        "names": NAMES_GRAPH.value, "pref": SKOS.prefLabel.value, "label": RDFS.label.value,
        "articles": _ARTICLE_GRAPH_PREFIX, "kgr": KGR.iri})
    return True


class _ChunkReader(io.RawIOBase):
    """A binary stream over a list of byte strings: ``bulk_load`` reads the shards one after
    the other instead of one joined copy (a batch of 300 articles is ~15 MB of N-Quads)."""

    def __init__(self, chunks: list[bytes]):
        self._chunks = iter(chunks)
        self._rest = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not len(self._rest):
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._rest = memoryview(chunk)
        n = min(len(buffer), len(self._rest))
        buffer[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n


def ensure_ontology(store: Store, quads: Iterable[Quad | Triple]) -> bool:
    """Make ONTOLOGY_GRAPH hold exactly ``quads``; return True when it had to be rewritten.

    The comparison is up to blank node renaming (RDFC-1.0 canonical form), since the
    ontology's ``owl:oneOf`` lists are blank nodes that get new ids at every parse, and it
    compares the quads as the store keeps them (see ``as_stored``).
    """
    wanted = _graph_quads(ONTOLOGY_GRAPH, quads)
    stored = list(store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH))
    if _canonical(stored) == _canonical(as_stored(wanted)):
        return False
    replace_graph(store, ONTOLOGY_GRAPH, wanted)
    return True


def as_stored(quads: Iterable[Quad]) -> list[Quad]:
    """``quads`` as a pyoxigraph 0.5 store gives them back.

    The store keeps numbers by value: ``"424"^^xsd:nonNegativeInteger`` and
    ``"5"^^xsd:int`` come back as ``xsd:integer``, ``"1.0"^^xsd:decimal`` as ``"1"``, and
    quads equal after that are one quad.
    """
    scratch = Store()
    scratch.extend(quads)
    return list(scratch)


def _canonical(quads: list[Quad]) -> set[str]:
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    return {str(q) for q in dataset}


def _graph_quads(graph: NamedNode, quads: Iterable[Quad | Triple]) -> list[Quad]:
    if not isinstance(graph, NamedNode):
        raise TypeError(f"a graph name must be a NamedNode, not {type(graph).__name__}")
    out: dict[Quad, None] = {}
    for item in quads:
        if isinstance(item, Quad):
            if item.graph_name != graph and item.graph_name != DefaultGraph():
                raise ValueError(f"quad in graph {item.graph_name} given for graph {graph}")
            item = item.triple
        if not isinstance(item, Triple):
            raise TypeError(f"expected a Quad or Triple, not {type(item).__name__}")
        out[Quad(item.subject, item.predicate, item.object, graph)] = None
    return list(out)


def _replace_atomically(store: Store, batch: dict[NamedNode, list[Quad]]) -> None:
    """One update: drop the graphs, insert the quads, check the count, or change nothing."""
    if not batch:
        return
    quads = [q for qs in batch.values() for q in qs]
    expected = len(as_stored(quads))  # "01" and "1" are one stored integer
    indexes = " ".join(str(i) for i in range(len(quads)))
    drops = " ;\n".join(f"DROP SILENT GRAPH {g}" for g in batch)
    graphs = " ".join(str(g) for g in batch)
    update = f"""DROP SILENT GRAPH {_CHECK_GRAPH} ;
{drops} ;
INSERT {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{
  VALUES ?i {{ {indexes} }}
  BIND(<{_FN}g>(?i) AS ?g) BIND(<{_FN}s>(?i) AS ?s)
  BIND(<{_FN}p>(?i) AS ?p) BIND(<{_FN}o>(?i) AS ?o)
}} ;
INSERT {{ GRAPH {_CHECK_GRAPH} {{ {_CHECK_GRAPH} {_CHECK_GRAPH} ?n }} }} WHERE {{
  {{ SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }} }}
  FILTER(?n != {expected})
}} ;
CREATE GRAPH {_CHECK_GRAPH} ;
DROP GRAPH {_CHECK_GRAPH}"""
    functions = {
        NamedNode(_FN + "g"): lambda i: _quad_part(quads, i, "graph_name"),
        NamedNode(_FN + "s"): lambda i: _quad_part(quads, i, "subject"),
        NamedNode(_FN + "p"): lambda i: _quad_part(quads, i, "predicate"),
        NamedNode(_FN + "o"): lambda i: _quad_part(quads, i, "object"),
    }
    try:
        store.update(update, custom_functions=functions)
    except RuntimeError as exc:
        if "already exists" in str(exc):
            names = ", ".join(str(g) for g in batch)
            raise StoreError(
                f"replacing {names} did not write all {expected} quads; nothing was changed"
            ) from None
        raise StoreError(
            f"replacing graphs failed, nothing was changed: {_one_line(exc)}"
        ) from None
    except OSError as exc:
        raise StoreError(
            f"replacing graphs failed, nothing was changed: {_one_line(exc)}"
        ) from None


def _quad_part(quads: list[Quad], index: Literal, part: str):
    """The term ``part`` of ``quads[index]``, for the replace update's custom functions."""
    return getattr(quads[int(index.value)], part)


def _update(store: Store, update: str) -> None:
    try:
        store.update(update)
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"updating the store failed: {_one_line(exc)}") from None


# --------------------------------------------------------------------------------------------
# Reading

_STATS_QUERIES = {
    "articles": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dip:Article }",
    "events": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a dip:Event }",
    "statements": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a dip:Statement }",
    "position_holdings": "SELECT (COUNT(DISTINCT ?h) AS ?n) WHERE { ?h a dip:PositionHolding }",
}
_ENTITY_QUERY = """
SELECT (COUNT(?x) AS ?entities) (SUM(?linked) AS ?linkedCount) WHERE {
  { SELECT DISTINCT ?x WHERE {
      VALUES ?class { dip:Actor dip:Place dip:Topic dip:Position }
      ?x a ?class } }
  BIND(IF(EXISTS { ?x owl:sameAs ?other }, 1, 0) AS ?linked)
}"""
_EVENT_TYPE_QUERY = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a dip:Event ; dip:eventType ?type }
GROUP BY ?type ORDER BY DESC(?n) ?type"""


def stats(store: Store) -> dict:
    """Counts over the whole store (all graphs, as the union ``kg query`` sees).

    Keys: ``quads`` (stored, a triple in two graphs counts twice), ``triples`` (distinct, in
    the union), ``graphs`` and ``article_graphs`` (named graphs), ``ontology`` (whether the
    ontology graph is loaded), ``articles``, ``events``, ``events_by_type`` (PLOVER name ->
    count), ``statements``, ``position_holdings``, ``entities`` (actors, places, topics and
    positions), ``entities_linked`` (with ``owl:sameAs``) and ``entities_unlinked``.
    """
    graphs = list(store.named_graphs())
    out: dict = {
        "quads": len(store),
        "triples": _count(
            store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
        ),
        "graphs": len(graphs),
        "article_graphs": sum(1 for g in graphs if g.value.startswith(_ARTICLE_GRAPH_PREFIX)),
        "ontology": ONTOLOGY_GRAPH in graphs,
    }
    for key, query in _STATS_QUERIES.items():
        out[key] = _count(store, query)
    by_type: dict[str, int] = {}
    for row in _select(store, _EVENT_TYPE_QUERY):
        name = row[0].value
        name = name.removeprefix(PLOVER.iri)
        by_type[name] = int(row[1].value)
    out["events_by_type"] = by_type
    row = next(iter(_select(store, _ENTITY_QUERY)))
    entities = int(row[0].value)
    linked = int(row[1].value) if row[1] is not None else 0
    out.update(entities=entities, entities_linked=linked, entities_unlinked=entities - linked)
    return out


def article_hash(store: Store, article_id: str) -> str | None:
    """The ``dip:contentHash`` stored for article ``article_id``, or None when not built."""
    for quad in store.quads_for_pattern(None, DIP.contentHash, None, article_graph(article_id)):
        return quad.object.value
    return None


def article_ids(store: Store) -> Iterator[str]:
    """The ids (``schema:identifier``) of the articles in the store, sorted."""
    query = "SELECT DISTINCT ?id WHERE { ?a a dip:Article ; schema:identifier ?id } ORDER BY ?id"
    for row in _select(store, query):
        yield row[0].value


def _select(store: Store, query: str):
    try:
        return store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"reading the store failed: {_one_line(exc)}") from None


def _count(store: Store, query: str) -> int:
    for row in _select(store, query):
        return int(row[0].value)
    return 0


__all__ = [
    "ATOMIC_BATCH_LIMIT",
    "DEFAULT_PATH",
    "ENV_VAR",
    "MEMORY",
    "article_hash",
    "article_ids",
    "as_stored",
    "bulk_replace_graphs",
    "default_store_path",
    "add_names",
    "ensure_names",
    "ensure_ontology",
    "load_graph_shards",
    "open_store",
    "replace_graph",
    "stats",
]
