"""`kg build --scheduler`: extraction on a real Dask LocalCluster (2 worker processes on
127.0.0.1), N-Quads shards bulk-loaded by the parent, the same graph as a local build."""

from __future__ import annotations

import socket

import pytest

distributed = pytest.importorskip("distributed")

from click.testing import CliRunner  # noqa: E402

from kg.cli import cli  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.store import open_store  # noqa: E402

from test_batch import article, article_graphs, reference, write_jsonl  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("dask") / "uji.jsonl",
                       [article(i) for i in range(40)])


def test_dask_build_equals_local_build(cluster, corpus):
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    store = open_store(memory=True)
    seen = []
    report = build([str(corpus)], store, scheduler=cluster.scheduler_address, batch_size=7,
                   on_article=lambda a, s: seen.append(s))
    assert report.ok and report.built == 40 and seen == ["built"] * 40
    assert article_graphs(store) == reference(corpus)
    again = build([str(corpus)], store, scheduler=cluster.scheduler_address)
    assert (again.built, again.unchanged) == (0, 40)


def test_cli_build_on_a_cluster(cluster, corpus, tmp_path):
    r = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "build", "-q",
                                 "--scheduler", cluster.scheduler_address, str(corpus)])
    assert r.exit_code == 0, r.stderr
    store = open_store(tmp_path / "s")
    assert len(article_graphs(store)) == 40


def test_build_on_a_local_cluster_it_starts(tmp_path):
    path = write_jsonl(tmp_path / "few.jsonl", [article(i) for i in range(6)])
    store = open_store(memory=True)
    report = build([str(path)], store, scheduler="local", workers=2)
    assert report.built == 6
    assert article_graphs(store) == reference(path)


def test_unreachable_scheduler_is_one_line(tmp_path, corpus):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "build", "--scheduler",
                                 f"tcp://127.0.0.1:{port}", str(corpus)])
    assert r.exit_code == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(
        f"Error: cannot reach the Dask scheduler tcp://127.0.0.1:{port}")
