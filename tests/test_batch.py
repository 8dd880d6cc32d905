"""Batch builds: parallel equals sequential, unchanged articles are skipped, changed ones
replaced, and a build killed mid-way leaves every article it reported intact."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import Dataset

import kg
from kg import batch
from kg.batch import ProgressBar, auto_workers, count_articles
from kg.ingest import read_articles
from kg.pipeline import BuildReport, article_quads, build
from kg.store import article_hash, open_store, replace_graph
from kg.vocab import NAMES_GRAPH, ONTOLOGY_GRAPH, RDFS, SKOS, article_graph

COUNTRIES = [
    ("Indonesia", "Jakarta"), ("Malaysia", "Kuala Lumpur"), ("Jepang", "Tokyo"),
    ("Australia", "Canberra"), ("Singapura", "Singapura"), ("Thailand", "Bangkok"),
    ("Vietnam", "Hanoi"), ("Filipina", "Manila"), ("India", "New Delhi"), ("China", "Beijing"),
]
TOPICS = ["perdagangan dan investasi", "keamanan maritim", "energi terbarukan", "pendidikan",
          "kesehatan masyarakat", "perubahan iklim"]


def article(i: int, extra: str = "") -> dict:
    """A short Indonesian diplomacy article, different for every ``i``."""
    (a, city), (b, _) = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
    if a == b:
        b = "Korea Selatan"
    topic = TOPICS[i % len(TOPICS)]
    day = 1 + i % 27
    text = (
        f"{city.upper()}, KOMPAS.com - Menteri Luar Negeri {a} bertemu dengan Menteri Luar "
        f"Negeri {b} di {city} pada Senin ({day}/6/2025). Kedua menteri sepakat memperkuat "
        f"kerja sama {topic}. Presiden {a} mengecam serangan terhadap kapal nelayan di "
        f"perairan {b}, kata juru bicara kementerian kepada wartawan pada pertemuan ke-{i}. "
        f"{extra}\n"
    )
    return {"id": f"uji-{i:04d}", "title": f"Menlu {a} dan {b} membahas {topic}", "text": text,
            "date": f"2025-06-{day:02d}", "outlet": "Kompas.com",
            "url": f"https://example.org/uji/{i}"}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def reference(path: Path) -> dict[str, set[str]]:
    """Each article's graph as the per-article, one-transaction path writes it."""
    store = open_store(memory=True)
    out = {}
    for art in read_articles(path):
        _, quads = article_quads(art)
        replace_graph(store, article_graph(art.id), quads)
        out[art.id] = graph_of(store, art.id)
    return out


def graph_of(store, article_id: str) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, article_graph(article_id))}


def article_graphs(store) -> dict[str, set[str]]:
    prefix = article_graph("").value
    return {g.value[len(prefix):]: graph_of(store, g.value[len(prefix):])
            for g in store.named_graphs() if g.value.startswith(prefix)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("batch") / "uji.jsonl",
                       [article(i) for i in range(12)])


@pytest.fixture(scope="module")
def expected(corpus) -> dict[str, set[str]]:
    return reference(corpus)


def test_articles_have_events(corpus):
    report = build([str(corpus)], open_store(memory=True))
    assert report.built == 12 and report.ok
    assert report.events >= 12


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_build_equals_per_article_build(corpus, expected, workers):
    store = open_store(memory=True)
    seen = []
    report = build([str(corpus)], store, workers=workers, batch_size=5,
                   on_article=lambda a, s: seen.append((a, s)))
    assert report.ok and report.built == 12
    assert article_graphs(store) == expected
    assert sorted(seen) == [(f"uji-{i:04d}", "built") for i in range(12)]
    assert store.contains_named_graph(ONTOLOGY_GRAPH)
    d = Dataset(store)  # every quad in an article graph, the ontology or the names: nothing stray
    assert {q.graph_name for q in d} == (
        {article_graph(a) for a in expected} | {ONTOLOGY_GRAPH, NAMES_GRAPH})
    named = [q.subject for q in store.quads_for_pattern(None, SKOS.prefLabel, None, NAMES_GRAPH)]
    labelled = {q.subject for a in expected
                for q in store.quads_for_pattern(None, RDFS.label, None, article_graph(a))
                if "/article/" not in q.subject.value}
    assert len(named) == len(set(named)) and set(named) == labelled  # each entity named once


def test_unchanged_skipped_changed_replaced(tmp_path, expected):
    records = [article(i) for i in range(12)]
    path = write_jsonl(tmp_path / "a.jsonl", records)
    store = open_store(tmp_path / "store")
    assert build([str(path)], store, workers=2, batch_size=4).built == 12
    records[3] = article(3, extra="Pertemuan berikutnya digelar di Bali pada Juli.")
    records[7]["title"] = "Judul yang diperbarui"
    write_jsonl(path, records)
    seen: dict[str, str] = {}
    report = build([str(path)], store, workers=2, batch_size=4,
                   on_article=lambda a, s: seen.__setitem__(a, s))
    assert (report.built, report.unchanged, report.failed) == (2, 10, [])
    assert seen["uji-0003"] == seen["uji-0007"] == "built"
    new = reference(path)
    assert article_graphs(store) == new
    assert new["uji-0003"] != expected["uji-0003"] and new["uji-0007"] != expected["uji-0007"]
    assert any("Bali" in q for q in graph_of(store, "uji-0003"))


def test_same_article_twice_in_one_input(tmp_path, expected):
    one = article(1)
    changed = dict(one, title="Judul kedua")
    path = write_jsonl(tmp_path / "dup.jsonl", [one, article(2), one, changed])
    store = open_store(memory=True)
    seen = []
    report = build([str(path)], store, workers=1, batch_size=10,
                   on_article=lambda a, s: seen.append((a, s)))
    assert (report.built, report.unchanged) == (3, 1)
    assert ("uji-0001", "unchanged") in seen
    assert graph_of(store, "uji-0001") == reference(write_jsonl(tmp_path / "c.jsonl",
                                                                [changed]))["uji-0001"]


def test_failed_article_reported_others_built(tmp_path):
    records = [article(0), {"id": "kosong", "text": ""}, article(1)]
    path = write_jsonl(tmp_path / "f.jsonl", records)
    report = build([str(path)], open_store(memory=True), workers=2)
    assert report.built == 2 and len(report.failed) == 1


def test_killed_build_keeps_reported_articles_and_rerun_completes(tmp_path):
    n = 80
    path = write_jsonl(tmp_path / "big.jsonl", [article(i) for i in range(n)])
    store_path = tmp_path / "store"
    cmd = [sys.executable, "-m", "kg.cli", "--store", str(store_path), "build",
           "--workers", "2", "--batch-size", "5", str(path)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    reported = []
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 120
        while len(reported) < 12 and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            if line.startswith("built"):
                reported.append(line.split()[1])
        assert len(reported) >= 12, "the build finished or stalled before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, mid-build
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL

    expected = reference(path)
    store = open_store(store_path)
    hashed = {a for a in expected if article_hash(store, a) is not None}
    assert set(reported) <= hashed < set(expected)  # killed before the end
    for a in hashed:  # every article with its hash is whole
        assert graph_of(store, a) == expected[a], a
    del store
    import gc

    gc.collect()

    r = subprocess.run([*cmd[:-1], "-q", str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    store = open_store(store_path)
    assert article_graphs(store) == expected


def test_killed_rebuild_never_loses_the_old_version(tmp_path):
    """Killing a build that replaces changed articles leaves each of them old and whole (with
    its old hash) or new and whole: never absent, never partial."""
    n = 60
    old_records = [article(i) for i in range(n)]
    new_records = [article(i, extra="Pertemuan berikutnya digelar di Bali.") for i in range(n)]
    path = write_jsonl(tmp_path / "a.jsonl", old_records)
    old = reference(path)
    store_path = tmp_path / "store"
    base = [sys.executable, "-m", "kg.cli", "--store", str(store_path), "build"]
    r = subprocess.run([*base, "-q", "--workers", "2", str(path)], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    write_jsonl(path, new_records)
    new = reference(path)
    proc = subprocess.Popen([*base, "--workers", "2", "--batch-size", "5", str(path)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    reported = []
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 120
        while len(reported) < 8 and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            if line.startswith("built"):
                reported.append(line.split()[1])
        assert len(reported) >= 8, "the build finished or stalled before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(30)

    store = open_store(store_path)
    states = {}
    for a in old:
        got = graph_of(store, a)
        assert got in (old[a], new[a]), a  # with its own hash, never partial
        states[a] = "old" if got == old[a] else "new"
    assert all(states[a] == "new" for a in reported)
    assert "old" in states.values()  # killed before the end
    del store
    import gc

    gc.collect()
    r = subprocess.run([*base, "-q", "--workers", "2", str(path)], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    store = open_store(store_path)
    assert article_graphs(store) == new
    assert set(store.named_graphs()) == {article_graph(a) for a in new} | {ONTOLOGY_GRAPH, NAMES_GRAPH}


def _worker_state() -> tuple[bool, bool, str]:
    """In a worker: was it forked from the warm forkserver, is its extractor built, and its
    $KG_GAZETTEER."""
    from kg import pipeline

    return "kg._warm" in sys.modules, pipeline._EXTRACTOR is not None, \
        os.environ.get("KG_GAZETTEER", "")


forkserver = pytest.mark.skipif(
    "forkserver" not in __import__("multiprocessing").get_all_start_methods(),
    reason="no forkserver on this platform (workers are spawned)")


@forkserver
def test_workers_fork_from_a_warm_forkserver():
    """Workers do not import spaCy and build the extractor each: the forkserver did, once."""
    pool = batch._Pool(2)
    try:
        pool.submit([])  # waits for the first worker (and checks its kg is ours)
        assert pool._pool._mp_context.get_start_method() == "forkserver"
        assert all(pool._pool.submit(_worker_state).result()[:2] for _ in range(4))
    finally:
        pool.close()
    assert "kg._warm" not in sys.modules  # the parent never builds an extractor for them


USER_GAZETTEER = (
    "qid\tkind\tlabel_en\tlabel_id\taliases\n"
    "\torganization\tFictional Peace Board\tDewan Perdamaian Fiksi\tBoP\n"
)


def test_workers_see_the_environment_of_the_build(tmp_path, monkeypatch):
    """$KG_GAZETTEER set after a first build (which started the pool's forkserver, whose
    environment stays as it was) is read by the workers of the next build as by the
    in-process one: the same graphs whatever the worker count."""
    path = write_jsonl(tmp_path / "g.jsonl", [
        article(i, extra="Dewan Perdamaian Fiksi menyambut baik pertemuan itu.")
        for i in range(4)])
    monkeypatch.delenv("KG_GAZETTEER", raising=False)
    plain = open_store(memory=True)
    assert build([str(path)], plain, workers=2).built == 4
    user = tmp_path / "user.tsv"
    user.write_text(USER_GAZETTEER, encoding="utf-8")
    monkeypatch.setenv("KG_GAZETTEER", str(user))
    one, two = open_store(memory=True), open_store(memory=True)
    assert build([str(path)], one, workers=1).built == 4
    assert build([str(path)], two, workers=2).built == 4
    assert article_graphs(two) == article_graphs(one) != article_graphs(plain)
    assert any("fictional-peace-board" in q for q in graph_of(two, "uji-0000"))


@forkserver
def test_forkserver_with_another_kg_falls_back_to_spawn(corpus, expected, monkeypatch):
    """A forkserver imports kg._warm from the interpreter's own sys.path: when its kg is not
    the parent's (a caller that put another checkout on sys.path), workers are spawned."""
    monkeypatch.setattr(batch, "_FORKSERVER_OK", None)
    monkeypatch.setattr(kg, "__file__", "/elsewhere/kg/__init__.py")
    pool = batch._Pool(2)
    try:
        pool.submit([])
        assert pool._pool._mp_context.get_start_method() == "spawn"
        assert batch._FORKSERVER_OK is False
    finally:
        pool.close()
    store = open_store(memory=True)
    assert build([str(corpus)], store, workers=2).built == 12
    assert article_graphs(store) == expected


def _wait_until_idle(pgid: int, deadline: float = 30.0) -> None:
    """Until no process of group ``pgid`` is running (Linux; elsewhere, return): the parent
    waits for input, the workers for chunks. Only makes the test sharper (an interrupted
    extraction never printed a traceback); it asserts nothing."""
    end = time.monotonic() + deadline
    quiet = 0
    while quiet < 3 and time.monotonic() < end:
        try:
            states = []
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                    if int(fields[2]) == pgid:
                        states.append(fields[0])
        except OSError:
            if not os.path.isdir("/proc/self"):
                return
            continue
        quiet = quiet + 1 if states and "R" not in states else 0
        time.sleep(0.1)


def test_interrupted_build_is_one_line(tmp_path):
    """Ctrl-C (SIGINT to the process group) stops a 2-worker build with one line: the
    workers leave the interruption to the parent and print no tracebacks of their own. The
    input is a pipe left open, so that the workers run out of chunks and wait for more (a
    worker interrupted while it waits printed a traceback)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "--store", str(tmp_path / "store"), "build",
         "--workers", "2", "--batch-size", "5", "-"],
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        start_new_session=True,
        # as from a terminal: a shell's background job ignores SIGINT, and so would the build
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert proc.stdin is not None and proc.stderr is not None
        proc.stdin.write("".join(json.dumps(article(i)) + "\n" for i in range(60)))
        proc.stdin.flush()
        built = 0
        while built < 5:
            line = proc.stderr.readline()
            assert line, "the build ended before it could be interrupted"
            built += line.startswith("built")
        _wait_until_idle(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        rest = proc.stderr.read()
        proc.wait(60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
    assert proc.returncode == 130
    other = [ln for ln in rest.splitlines() if not ln.startswith("built")]
    assert other == ["Error: interrupted"], rest


def _group(pgid: int) -> list[int]:
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                out.append(int(pid))
    return out


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_workers_end_with_a_parent_killed_alone(tmp_path):
    """`kill -9 PID` of the kg process alone (not its group): its workers (and the
    forkserver) do not stay behind waiting for chunks that will never come."""
    path = write_jsonl(tmp_path / "k.jsonl", [article(i) for i in range(80)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "--store", str(tmp_path / "store"), "build",
         "--workers", "2", "--batch-size", "5", str(path)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, start_new_session=True)
    try:
        assert proc.stderr is not None
        built = 0
        while built < 5:
            line = proc.stderr.readline()
            assert line, "the build ended before it could be killed"
            built += line.startswith("built")
        assert len(_group(proc.pid)) >= 3  # kg, its workers (and forkserver, tracker)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        deadline = time.monotonic() + 60
        while _group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _group(proc.pid) == []
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_count_and_auto_workers(tmp_path, corpus):
    assert count_articles([str(corpus)]) == 12
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "a.meta.json").write_text("{}", encoding="utf-8")
    write_jsonl(tmp_path / "d" / "b.jsonl", [article(0), article(1)])
    assert count_articles([str(tmp_path / "d"), str(corpus)]) == 15
    assert count_articles(["-"]) is None
    assert auto_workers(10, cpus=8) == 1
    assert auto_workers(3000, cpus=8) == 8
    assert auto_workers(None, cpus=2) == 1  # stdin: most often one article


def test_progress_bar_line():
    out = io.StringIO()
    bar = ProgressBar(200, out, interval=0)
    report = BuildReport(built=40, unchanged=10, events=300)
    bar.update(report)
    bar.close(report)
    text = out.getvalue()
    assert text.startswith("\r[") and "50/200 articles" in text and "ETA" in text
    assert "events/s" in text and text.endswith("\n")


def test_cli_build_in_a_pipe_has_no_progress_bar(tmp_path, corpus):
    from click.testing import CliRunner

    from kg.cli import cli

    r = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "build", "--workers", "1",
                                 str(corpus)])
    assert r.exit_code == 0, r.stderr
    assert "\r" not in r.stderr
    assert "12 built, 0 unchanged, 0 failed" in r.stderr

