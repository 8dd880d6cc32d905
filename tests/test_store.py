"""kg.store: opening (paths, locks, read-only), atomic graph replacement, stats."""

from __future__ import annotations

import gc
import hashlib
import subprocess
import sys
import textwrap

import pytest
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Triple,
    parse,
    serialize,
)

import kg.store as kg_store
from kg.errors import StoreError
from kg.store import (
    DEFAULT_PATH,
    ENV_VAR,
    article_hash,
    article_ids,
    as_stored,
    bulk_replace_graphs,
    default_store_path,
    ensure_ontology,
    load_graph_shards,
    open_store,
    replace_graph,
    stats,
)
from kg.vocab import DIP, KGR, NAMES_GRAPH, ONTOLOGY_GRAPH, RDFS, SKOS, XSD, article_graph

A1 = "kontan-2021-12-31-biden-putin"
A2 = "kontan-2022-01-10-nato-russia"
G1 = article_graph(A1)
G2 = article_graph(A2)
EX = "http://example.org/"


def graph_quads(store, graph) -> set[Quad]:
    return set(store.quads_for_pattern(None, None, None, graph))


def new_quads(graph, n=10, tag="new"):
    return [
        Quad(NamedNode(f"{EX}{tag}/{i}"), RDFS.label, Literal(f"{tag} {i}", language="id"), graph)
        for i in range(n)
    ]


def one_line(error: Exception) -> str:
    text = str(error)
    assert "\n" not in text
    return text


# --------------------------------------------------------------------------------------------
# Where the store lives


def test_default_store_path_is_env_or_dot_kg(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_store_path() == DEFAULT_PATH
    assert str(DEFAULT_PATH) == ".kg/store"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere"))
    assert default_store_path() == tmp_path / "elsewhere"


def test_open_store_uses_env_when_no_path(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env-store"))
    store = open_store()
    store.add(Quad(NamedNode(EX + "s"), RDFS.label, Literal("x"), NamedNode(EX + "g")))
    assert (tmp_path / "env-store" / "CURRENT").is_file()


@pytest.mark.parametrize("kwargs", [{"memory": True}, {"path": ":memory:"}])
def test_open_store_in_memory(kwargs, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = open_store(**kwargs)
    assert len(store) == 0
    assert list(tmp_path.iterdir()) == []


def test_open_store_creates_folders_and_persists(tmp_path):
    path = tmp_path / "a" / "b" / "store"
    store = open_store(path)
    replace_graph(store, NamedNode(EX + "g"), new_quads(NamedNode(EX + "g"), 3))
    del store
    gc.collect()
    assert len(open_store(path, read_only=True)) == 3


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError) as info:
        open_store(tmp_path / "missing", read_only=True)
    assert "no store at" in one_line(info.value)
    assert not (tmp_path / "missing").exists()


def test_refuses_a_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError) as info:
        open_store(tmp_path)
    assert "not a kg store" in one_line(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_refuses_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(tmp_path / "file")


# --------------------------------------------------------------------------------------------
# One writer, many readers

HOLDER = textwrap.dedent(
    """
    import sys
    from pyoxigraph import Store
    store = Store(sys.argv[1])
    print("ready", len(store), flush=True)
    sys.stdin.read()  # hold the store until the test closes our stdin
    """
)


def hold(path) -> subprocess.Popen:
    """Another process that opens the store at ``path`` for writing and keeps it open."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().split() == ["ready", "400"]
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.stdin.close()
    try:
        holder.wait(timeout=20)
    except subprocess.TimeoutExpired:  # pragma: no cover
        holder.kill()
        holder.wait()


@pytest.fixture
def held_store(sample_store_path):
    """The sample store, held open for writing by another process."""
    holder = hold(sample_store_path)
    try:
        yield sample_store_path
    finally:
        release(holder)


def test_store_held_by_another_process(held_store):
    with pytest.raises(StoreError) as info:
        open_store(held_store)
    message = one_line(info.value)
    assert message.startswith(f"store at {held_store} is in use by another process")
    assert info.value.exit_code == 3


def test_read_only_works_while_another_process_holds_the_store(held_store):
    reader = open_store(held_store, read_only=True)
    assert len(reader) == 400
    assert article_hash(reader, A1) is not None


def test_data_intact_after_a_refused_open(sample_store_path):
    holder = hold(sample_store_path)
    try:
        with pytest.raises(StoreError):
            open_store(sample_store_path)
    finally:
        release(holder)
    store = open_store(sample_store_path)  # the other process is gone: writable again
    assert len(store) == 400
    assert stats(store)["events"] == 8


def test_store_open_twice_in_one_process(sample_store_path):
    first = open_store(sample_store_path)
    with pytest.raises(StoreError) as info:
        open_store(sample_store_path)
    assert "already open for writing in this process" in one_line(info.value)
    assert len(first) == 400


def test_read_only_store_refuses_writes(sample_store_path):
    reader = open_store(sample_store_path, read_only=True)
    with pytest.raises(StoreError) as info:
        replace_graph(reader, G1, new_quads(G1))
    assert "nothing was changed" in one_line(info.value)
    assert len(reader) == 400


# --------------------------------------------------------------------------------------------
# replace_graph


def test_replace_graph_replaces_one_graph_only(sample_store):
    other = graph_quads(sample_store, G2)
    written = replace_graph(sample_store, G1, new_quads(G1, 5))
    assert written == 5
    assert graph_quads(sample_store, G1) == set(new_quads(G1, 5))
    assert graph_quads(sample_store, G2) == other


def test_replace_twice_gives_the_same_count(sample_store):
    quads = list(sample_store.quads_for_pattern(None, None, None, G1))
    before = len(sample_store)
    replace_graph(sample_store, G1, quads)
    assert len(sample_store) == before
    replace_graph(sample_store, G1, quads)
    assert len(sample_store) == before
    assert graph_quads(sample_store, G1) == set(quads)


def test_replace_graph_accepts_triples_and_default_graph_quads(tmp_path):
    store = open_store(tmp_path / "s")
    g = NamedNode(EX + "g")
    s, p = NamedNode(EX + "s"), RDFS.label
    replace_graph(
        store,
        g,
        [Triple(s, p, Literal("a")), Quad(s, p, Literal("b")), Quad(s, p, Literal("c"), g)],
    )
    assert {q.object.value for q in graph_quads(store, g)} == {"a", "b", "c"}
    assert list(store.quads_for_pattern(None, None, None, DefaultGraph())) == []


def test_replace_graph_refuses_a_quad_of_another_graph(sample_store):
    stray = Quad(NamedNode(EX + "s"), RDFS.label, Literal("x"), G2)
    with pytest.raises(ValueError):
        replace_graph(sample_store, G1, [stray])
    assert len(sample_store) == 400


def test_replace_graph_writes_duplicates_once(tmp_path):
    store = open_store(tmp_path / "s")
    g = NamedNode(EX + "g")
    quads = new_quads(g, 3)
    assert replace_graph(store, g, quads + quads) == 3
    assert len(store) == 3


def test_replace_graph_keeps_blank_nodes_linked(tmp_path):
    store = open_store(tmp_path / "s")
    g = NamedNode(EX + "g")
    b = BlankNode()
    quads = [
        Quad(NamedNode(EX + "s"), NamedNode(EX + "p"), b, g),
        Quad(b, RDFS.label, Literal("inside"), g),
    ]
    replace_graph(store, g, quads)
    (link,) = store.quads_for_pattern(NamedNode(EX + "s"), None, None, g)
    assert isinstance(link.object, BlankNode)
    assert [q.object for q in store.quads_for_pattern(link.object, None, None, g)] == [
        Literal("inside")
    ]


def test_replace_with_nothing_removes_the_graph(sample_store):
    replace_graph(sample_store, G1, [])
    assert not sample_store.contains_named_graph(G1)
    assert graph_quads(sample_store, G1) == set()
    assert len(graph_quads(sample_store, G2)) > 0


def test_replace_graph_is_atomic_when_the_input_fails_half_way(sample_store):
    old = graph_quads(sample_store, G1)
    total = len(sample_store)

    def half_then_fail():
        yield from new_quads(G1, 5)
        raise RuntimeError("extraction crashed")

    with pytest.raises(RuntimeError, match="extraction crashed"):
        replace_graph(sample_store, G1, half_then_fail())
    assert graph_quads(sample_store, G1) == old
    assert len(sample_store) == total


def test_replace_graph_is_atomic_when_the_write_fails_inside_the_transaction(
    sample_store, monkeypatch
):
    """A failure in the middle of the one update rolls everything back: drop included."""
    old = graph_quads(sample_store, G1)
    total = len(sample_store)
    replacement = new_quads(G1, 20)
    real = kg_store._quad_part

    def failing_half_way(quads, index, part):
        if int(index.value) >= 10:
            raise RuntimeError("injected failure")
        return real(quads, index, part)

    monkeypatch.setattr(kg_store, "_quad_part", failing_half_way)
    with pytest.raises(StoreError) as info:
        replace_graph(sample_store, G1, replacement)
    assert "nothing was changed" in one_line(info.value)
    assert graph_quads(sample_store, G1) == old
    assert len(sample_store) == total
    assert not any(q in sample_store for q in replacement)
    assert sorted(map(str, sample_store.named_graphs())) == sorted(map(str, [G1, G2, NAMES_GRAPH]))

    monkeypatch.setattr(kg_store, "_quad_part", real)
    replace_graph(sample_store, G1, replacement)
    assert graph_quads(sample_store, G1) == set(replacement)


# --------------------------------------------------------------------------------------------
# bulk_replace_graphs


@pytest.mark.parametrize("atomic", [True, False])
def test_bulk_replace_graphs(sample_store, atomic):
    batch = {
        G1: new_quads(G1, 4, "one") + [Quad(KGR["article/x"], DIP.contentHash, Literal("h1"), G1)],
        article_graph("fresh"): new_quads(article_graph("fresh"), 3, "fresh"),
    }
    other = graph_quads(sample_store, G2)
    written = bulk_replace_graphs(sample_store, batch, atomic=atomic)
    assert written == 8
    for graph, quads in batch.items():
        assert graph_quads(sample_store, graph) == set(quads)
    assert graph_quads(sample_store, G2) == other
    assert article_hash(sample_store, A1) == "h1"


class FailingBulk:
    """A store whose bulk load dies after writing part of its input."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        return getattr(self._store, name)

    def bulk_load(self, data, format):
        quads = list(parse(data, format))
        self._store.extend(quads[: len(quads) // 2])
        raise OSError("disk full")


def test_bulk_path_failure_keeps_the_old_graph(sample_store):
    """The fast path is not atomic, but a graph being replaced keeps its old version (and its
    old hash) until the new one is whole, and a half-written new graph is never marked."""
    old_hash = article_hash(sample_store, A1)
    old_g1, old_g2 = graph_quads(sample_store, G1), graph_quads(sample_store, G2)
    assert old_hash is not None
    fresh = article_graph("fresh")
    batch = {
        G1: [Quad(KGR["article/" + A1], DIP.contentHash, Literal("new"), G1)] + new_quads(G1, 10),
        fresh: [Quad(KGR["article/fresh"], DIP.contentHash, Literal("f"), fresh)]
        + new_quads(fresh, 10),
    }
    with pytest.raises(StoreError, match="disk full"):
        bulk_replace_graphs(FailingBulk(sample_store), batch, atomic=False)
    assert article_hash(sample_store, A1) == old_hash  # old, whole: nothing is lost
    assert graph_quads(sample_store, G1) == old_g1
    assert graph_quads(sample_store, G2) == old_g2
    assert article_hash(sample_store, "fresh") is None  # so the next build rebuilds it
    bulk_replace_graphs(sample_store, batch, atomic=False)
    assert graph_quads(sample_store, G1) == set(batch[G1])
    assert graph_quads(sample_store, fresh) == set(batch[fresh])
    assert article_hash(sample_store, A1) == "new"


class FailingUpdate:
    """A store whose every SPARQL update fails (a full disk in the middle of a commit)."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        return getattr(self._store, name)

    def update(self, *args, **kwargs):
        raise OSError("disk full")


def test_load_graph_shards_replaces_in_one_transaction(sample_store):
    """A graph already in the store is never dropped before its new version is in: a failed
    replacement leaves it old and whole, with its old hash; a good one, new and whole."""
    old_g1, old_hash = graph_quads(sample_store, G1), article_hash(sample_store, A1)
    fresh = article_graph("fresh")
    body = serialize(new_quads(G1, 5), format=RdfFormat.N_QUADS)
    marker = serialize([Quad(KGR["article/" + A1], DIP.contentHash, Literal("h2"), G1)],
                       format=RdfFormat.N_QUADS)
    fresh_body = serialize(new_quads(fresh, 3, "fresh"), format=RdfFormat.N_QUADS)
    fresh_marker = serialize([Quad(KGR["article/fresh"], DIP.contentHash, Literal("f"), fresh)],
                             format=RdfFormat.N_QUADS)
    shards = {G1: (body, marker), fresh: (fresh_body, fresh_marker)}
    with pytest.raises(StoreError, match="disk full"):
        load_graph_shards(FailingUpdate(sample_store), shards)
    assert graph_quads(sample_store, G1) == old_g1
    assert article_hash(sample_store, A1) == old_hash
    assert article_hash(sample_store, "fresh") is None  # loaded, but not marked: redone
    load_graph_shards(sample_store, shards)
    assert graph_quads(sample_store, G1) == set(new_quads(G1, 5)) | {
        Quad(KGR["article/" + A1], DIP.contentHash, Literal("h2"), G1)}
    assert article_hash(sample_store, "fresh") == "f"
    assert graph_quads(sample_store, fresh) == set(new_quads(fresh, 3, "fresh")) | {
        Quad(KGR["article/fresh"], DIP.contentHash, Literal("f"), fresh)}


def test_bulk_replace_graphs_reads_all_input_before_writing(sample_store):
    def broken():
        yield from new_quads(G2, 2)
        raise RuntimeError("bad article")

    with pytest.raises(RuntimeError):
        bulk_replace_graphs(sample_store, {G1: new_quads(G1, 3), G2: broken()}, atomic=False)
    assert len(sample_store) == 400


# --------------------------------------------------------------------------------------------
# Ontology, stats, hashes

ONTOLOGY_TTL = """
@prefix dip: <https://w3id.org/kg-diplomacy/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
dip:Context a owl:Class ; rdfs:label "context"@en ;
    owl:equivalentClass [ a owl:Class ; owl:oneOf ( dip:Future dip:Planned ) ] .
"""


def ontology_quads(text=ONTOLOGY_TTL):
    return [
        Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH)
        for t in parse(text, RdfFormat.TURTLE)
    ]


def test_ensure_ontology_writes_only_when_changed(sample_store):
    assert ensure_ontology(sample_store, ontology_quads()) is True
    count = len(sample_store)
    # a fresh parse has new blank node ids: still the same ontology
    assert ensure_ontology(sample_store, ontology_quads()) is False
    assert len(sample_store) == count
    changed = ontology_quads(ONTOLOGY_TTL.replace('"context"', '"event context"'))
    assert ensure_ontology(sample_store, changed) is True
    labels = {
        q.object.value
        for q in sample_store.quads_for_pattern(None, RDFS.label, None, ONTOLOGY_GRAPH)
    }
    assert labels == {"event context"}
    assert len(sample_store) == count


def test_the_store_keeps_numbers_by_value(tmp_path):
    """pyoxigraph 0.5 stores numeric literals by value; kg.store copes with it."""
    store = open_store(tmp_path / "s")
    g = NamedNode(EX + "g")
    s, p = NamedNode(EX + "s"), NamedNode(EX + "p")
    given = [
        Quad(s, p, Literal("424", datatype=XSD.nonNegativeInteger), g),
        Quad(s, p, Literal("01", datatype=XSD.integer), g),
        Quad(s, p, Literal("1", datatype=XSD.integer), g),  # the same number as "01"
        Quad(s, p, Literal("1.0", datatype=XSD.decimal), g),
    ]
    replace_graph(store, g, given)  # the count check knows that "01" and "1" are one quad
    stored = {str(q.object) for q in graph_quads(store, g)}
    assert stored == {
        '"424"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"1"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    }
    assert set(as_stored(given)) == graph_quads(store, g)


def test_ensure_ontology_with_typed_numbers(sample_store):
    text = (
        ONTOLOGY_TTL
        + 'dip:Event owl:cardinality "1"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .'
    )
    assert ensure_ontology(sample_store, ontology_quads(text)) is True
    assert ensure_ontology(sample_store, ontology_quads(text)) is False


def test_stats_of_the_sample(sample_store):
    assert stats(sample_store) == {
        "quads": 400,  # 380 in the two article graphs, 20 in the names graph
        "triples": 374,  # 26 triples are stated in both articles
        "graphs": 3,
        "article_graphs": 2,
        "ontology": False,
        "articles": 2,
        "events": 8,
        "statements": 3,
        "position_holdings": 4,
        "events_by_type": {"CONSULT": 3, "THREATEN": 2, "REJECT": 1, "REQUEST": 1, "SUPPORT": 1},
        "entities": 20,
        "entities_linked": 10,
        "entities_unlinked": 10,
    }


def test_stats_of_an_empty_store():
    result = stats(open_store(memory=True))
    assert result["quads"] == 0 and result["events"] == 0 and result["events_by_type"] == {}
    assert result["entities"] == 0 and result["entities_linked"] == 0


def test_article_hash(sample_store):
    text = next(
        q.object.value
        for q in sample_store.quads_for_pattern(None, None, None, G1)
        if q.predicate.value.endswith("#isString")
    )
    assert article_hash(sample_store, A1) == hashlib.sha256(text.encode()).hexdigest()
    assert article_hash(sample_store, "no-such-article") is None


def test_article_ids(sample_store):
    assert list(article_ids(sample_store)) == [A1, A2]


# --------------------------------------------------------------------------------------------
# The names graph: one skos:prefLabel per entity

def names(store) -> dict[str, Literal]:
    found: dict[str, list[Literal]] = {}
    for q in store.quads_for_pattern(None, SKOS.prefLabel, None, NAMES_GRAPH):
        found.setdefault(q.subject.value, []).append(q.object)
    assert all(len(v) == 1 for v in found.values()), "an entity with two names"
    return {k: v[0] for k, v in found.items()}


def test_ensure_names_names_every_labelled_entity_once(sample_store):
    # the fixture ran ensure_names on the two article graphs of sample.trig
    got = names(sample_store)
    labelled = {q.subject.value for q in sample_store.quads_for_pattern(None, RDFS.label, None, None)
                if q.subject.value.startswith(KGR.iri) and "/article/" not in q.subject.value}
    assert set(got) == labelled
    assert got[KGR.iri + "person/joe-biden"] == Literal("Joe Biden", language="en")
    assert got[KGR.iri + "country/russia"] == Literal("Russia", language="en")  # not "Rusia"@id
    assert not kg_store.ensure_names(sample_store)  # a store with names is left alone


def test_a_build_names_entities_and_keeps_the_first_name(tmp_path):
    store = open_store(tmp_path / "store")
    person = NamedNode(KGR.iri + "person/siti-aminah")
    country = NamedNode(KGR.iri + "country/testland")

    def article(graph, person_label):
        return [
            Quad(person, RDFS.label, Literal(person_label), graph),
            Quad(country, RDFS.label, Literal("Negeri Uji", language="id"), graph),
            Quad(country, RDFS.label, Literal("Testland", language="en"), graph),
        ]

    bulk_replace_graphs(store, {G1: article(G1, "Siti Aminah")}, atomic=True)
    bulk_replace_graphs(store, {G2: article(G2, "SITI AMINAH")}, atomic=False)
    assert names(store) == {person.value: Literal("Siti Aminah"),
                            country.value: Literal("Testland", language="en")}
    # the bulk path too: a new entity in a shard is named before its graph is loaded
    other = NamedNode(KGR.iri + "person/budi")
    g3 = article_graph("a3")
    body = serialize([Quad(other, RDFS.label, Literal("Budi"), g3)], format=RdfFormat.N_QUADS)
    name = serialize([Quad(other, SKOS.prefLabel, Literal("Budi"), NAMES_GRAPH)], format=RdfFormat.N_QUADS)
    load_graph_shards(store, {g3: (body, b"")}, name)
    assert names(store)[other.value] == Literal("Budi")
    with pytest.raises(ValueError, match="not a name quad"):
        kg_store.add_names(store, [Quad(other, RDFS.label, Literal("x"), NAMES_GRAPH)])
