"""`kg push` against a real `oxigraph serve` on 127.0.0.1 (started and stopped by the test)."""

from __future__ import annotations

import gc
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import build
from kg.store import open_store
from kg.vocab import NAMES_GRAPH, ONTOLOGY_GRAPH, article_graph

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kontan-2021-12-31-biden-putin.txt"
SEED_ID = "kontan-2021-12-31-biden-putin"

pytestmark = pytest.mark.skipif(not OXIGRAPH.exists() and not shutil.which("oxigraph"),
                                reason="the oxigraph server binary is not installed")

TEXT = ("JAKARTA, KOMPAS.com - Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri "
        "Malaysia di Jakarta pada Senin (2/6/2025). Kedua menteri sepakat memperkuat kerja sama "
        "perdagangan dan keamanan, kata juru bicara kementerian kepada wartawan di Jakarta.\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A fresh Oxigraph server; yields its Graph Store Protocol URL."""
    port = free_port()
    binary = str(OXIGRAPH) if OXIGRAPH.exists() else shutil.which("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "remote"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)
        yield base + "/store"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """A closed on-disk store with the seed and a second article."""
    tmp = tmp_path_factory.mktemp("push")
    (tmp / "b.jsonl").write_text(json.dumps({
        "id": "menlu-bertemu", "title": "Menlu bertemu", "text": TEXT, "date": "2025-06-02",
        "outlet": "Kompas.com"}) + "\n", encoding="utf-8")
    path = tmp / "store"
    store = open_store(path)
    assert build([str(SEED), str(tmp / "b.jsonl")], store).built == 2
    store.flush()
    del store
    gc.collect()
    return path


def remote_graph(url: str, graph: str) -> set[str]:
    base = url.rsplit("/", 1)[0]
    q = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    req = urllib.request.Request(base + "/query?query=" + urllib.parse.quote(q),
                                 headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return {ln for ln in resp.read().decode().splitlines() if ln.strip()}


def local_graph(path: Path, graph: str) -> set[str]:
    from pyoxigraph import NamedNode, RdfFormat, Store

    store = Store.read_only(str(path))
    nt = store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(graph)) or b""
    return {ln for ln in nt.decode().splitlines() if ln.strip()}


def kg(store: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(store), *args], catch_exceptions=False)


def test_push_all_graphs_then_skip_then_replace(server, local):
    r = kg(local, "push", server)
    assert r.exit_code == 0, r.stderr
    assert "4 pushed" in r.stderr and "0 already there" in r.stderr
    for g in (article_graph(SEED_ID).value, article_graph("menlu-bertemu").value,
              ONTOLOGY_GRAPH.value, NAMES_GRAPH.value):
        if g != ONTOLOGY_GRAPH.value:  # blank nodes of the ontology get new ids remotely
            assert remote_graph(server, g) == local_graph(local, g)
        assert remote_graph(server, g)
    # the names graph is merged every time (it grows with the store); articles are skipped
    r = kg(local, "push", server)
    assert r.exit_code == 0 and "1 pushed" in r.stderr and "3 already there" in r.stderr
    assert remote_graph(server, NAMES_GRAPH.value) == local_graph(local, NAMES_GRAPH.value)
    r = kg(local, "push", server, "--replace", "-q")
    assert r.exit_code == 0 and "4 pushed" in r.stderr
    g = article_graph(SEED_ID).value
    assert remote_graph(server, g) == local_graph(local, g)  # PUT replaced, not appended


def test_push_one_article(server, local):
    r = kg(local, "push", server, "--article", "menlu-bertemu")
    assert r.exit_code == 0, r.stderr
    assert "2 pushed" in r.stderr  # the article, and the names of its entities
    assert remote_graph(server, article_graph("menlu-bertemu").value)
    assert not remote_graph(server, article_graph(SEED_ID).value)
    names = remote_graph(server, NAMES_GRAPH.value)
    assert names and names < local_graph(local, NAMES_GRAPH.value)  # its entities' only


def test_push_unknown_article(server, local):
    r = kg(local, "push", server, "--article", "nope")
    assert r.exit_code == 3
    assert r.stderr.strip() == "Error: the store has no article 'nope'"


def test_push_network_failure_is_one_line(local):
    url = f"http://127.0.0.1:{free_port()}/store"  # nothing listens there
    r = kg(local, "push", url)
    assert r.exit_code == 5
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert lines == [f"Error: cannot reach http://127.0.0.1:{url.split(':')[2].split('/')[0]}"
                     f"/store: Connection refused"]


def test_push_http_error_is_one_line(server, local):
    r = kg(local, "push", server.rsplit("/", 1)[0] + "/nowhere", "--replace")
    assert r.exit_code == 5
    assert r.stderr.startswith("Error: PUT http://127.0.0.1:") and "HTTP 404" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_push_bad_url(local):
    r = kg(local, "push", "ftp://example.org/store")
    assert r.exit_code == 5 and "not an http(s) URL" in r.stderr
