"""Batch builds: many articles, several processes (or a Dask cluster), the store's fast path.

How a batch build runs
    The parent process streams the input (``read_articles``), skips every article whose
    ``dip:contentHash`` in the store equals its content hash (before any work is sent), and
    hands the others out in small chunks to a runner: in-process (``workers=1``), a pool of
    processes (``workers=N``; forked from a forkserver that built the ``Extractor`` once,
    see ``_Pool``), or a Dask cluster (``scheduler=ADDRESS`` or ``"local"``). At most a few
    chunks per worker are in flight, so memory stays flat however long the input is. A
    worker returns, per article, N-Quads shards (the graph's quads, and apart from them its
    ``dip:contentHash`` quad) and counts, or a one-line error. The parent commits the shards
    in batches of ``batch_size`` articles with ``kg.store.load_graph_shards``, on a thread
    of its own so the workers keep getting articles meanwhile: one ``bulk_load`` of the new
    graphs' bodies, a transaction per group of changed articles (their graphs already in the
    store: old and new never mixed), then the new graphs' content-hash quads in one
    transaction. A batch is reported "built" only when that is done.

The guarantee (what an interrupted or failed run leaves)
    * Every article reported "built" before the interruption is in the store, whole, with
      its content hash; graphs outside the batch being committed are never touched.
    * The articles of the batch being written when the process died (at most
      ``batch_size``) may be absent or partial if they are new, but none of them carries its
      new content hash, so the next build rebuilds them. With the batch filling meanwhile,
      an interruption costs at most ``2 * batch_size`` articles of extraction. An article
      that was already in the store is never absent or partial: it is replaced in one
      transaction, so it is old (with its old hash, which no longer matches, so it is
      rebuilt too) or new. An article that fails extraction changes nothing.
    * Re-running skips articles whose stored hash matches (reported "unchanged") and
      replaces those whose text or metadata changed.
    Unlike ``replace_graph``, a batch is not one transaction: a reader that opens the store
    during the commit of a batch can see its new graphs partly loaded.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kg.errors import InputError, KgError
from kg.ingest import read_articles
from kg.model import Article

if TYPE_CHECKING:
    from kg.pipeline import BuildReport

# Articles per commit. Each bulk_load call costs ~0.15 s fixed (10 calls of 100 articles ran
# at 0.55x the rate of one call, 4 calls of 250-300 at ~0.9x), and its memory grows with the
# batch; an interruption redoes at most two batches. 300 balances the three (see README).
BATCH_SIZE = 300
CHUNK_SIZE = 4  # articles per task sent to a worker process
DASK_CHUNK_SIZE = 16  # articles per Dask task (a task costs more there)
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: keeps workers busy, memory flat
ARTICLES_PER_WORKER = 40  # auto worker count: a pool pays ~5 s CPU to load spaCy once


@dataclass(frozen=True)
class ArticleResult:
    """What a worker sends back for one article (plain data: pickles and crosses Dask)."""

    id: str
    content_hash: str
    body: bytes = b""  # N-Quads, the article graph without its dip:contentHash quad
    marker: bytes = b""  # N-Quads, the dip:contentHash quad alone (committed last)
    names: bytes = b""  # N-Quads, the skos:prefLabel of each entity named (kg.vocab.NAMES_GRAPH)
    events: int = 0
    statements: int = 0
    entities: int = 0
    error: str | None = None


def extract_shards(articles: list[Article]) -> list[ArticleResult]:
    """Extract ``articles`` into N-Quads shards, in this process (the worker's task)."""
    from pyoxigraph import RdfFormat, serialize

    from kg.ontology import name_quads, to_quads
    from kg.pipeline import extract
    from kg.vocab import DIP

    out = []
    for article in articles:
        digest = article.content_hash
        try:
            ex = extract(article)
            quads = to_quads(ex)
            body = [q for q in quads if q.predicate != DIP.contentHash]
            marker = [q for q in quads if q.predicate == DIP.contentHash]
            out.append(ArticleResult(
                article.id, digest,
                serialize(body, format=RdfFormat.N_QUADS) or b"",
                serialize(marker, format=RdfFormat.N_QUADS) or b"",
                serialize(name_quads(quads), format=RdfFormat.N_QUADS) or b"",
                len(ex.events), len(ex.statements), len(ex.entities)))
        except KgError as e:
            out.append(ArticleResult(article.id, digest, error=e.message))
        except Exception as e:  # a bug in one article must not lose the batch
            reason = " ".join(str(e).split())
            out.append(ArticleResult(article.id, digest,
                                     error=f"internal error: {type(e).__name__}: {reason}"))
    return out


def _init_worker(environ: dict[str, str] | None = None) -> None:
    """A worker process starts: the parent's environment as it is now (a worker forked from
    a long-lived forkserver would otherwise have the server's, from when it started, and
    ``$KG_GAZETTEER`` is read at every article), then the extractor, unless the forkserver
    built it already (``kg._warm``). Ctrl-C reaches the whole process group: the parent
    stops the build and shuts the workers down, which must not print tracebacks of their
    own. A parent killed alone (``kill PID``) cannot shut them down: a worker waiting for a
    chunk would wait forever (and keep its forkserver alive), so it exits when the parent
    is gone."""
    import multiprocessing
    import signal
    import threading

    from kg.pipeline import extractor

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True,
                         name="kg-parent-watch").start()
    if environ is not None and environ != os.environ:
        os.environ.clear()
        os.environ.update(environ)
    extractor()


def _exit_with(parent) -> None:
    parent.join()  # returns when the parent process has ended
    os._exit(1)


def _kg_location() -> str:
    """Where this process imported ``kg`` from (the pool checks a forked worker's)."""
    import kg

    return os.path.realpath(kg.__file__)


# ------------------------------------------------------------------------------ runners


class _Done:
    """A finished task, for the in-process runner (same interface as a future)."""

    def __init__(self, value: list[ArticleResult]):
        self._value = value

    def result(self) -> list[ArticleResult]:
        return self._value


class _InProcess:
    workers = 1
    chunk_size = 1

    def submit(self, chunk: list[Article]):
        return _Done(extract_shards(chunk))

    def close(self) -> None:
        pass


class _Pool:
    """``workers`` processes forked from a forkserver that built the extractor once
    (``kg._warm``), so that a worker starts in milliseconds instead of paying the 5-6 s CPU of
    importing spaCy and building the pipeline; spawned processes where there is no forkserver,
    or where the forkserver's ``kg`` is not the parent's.

    The forkserver is a fresh interpreter started by ``multiprocessing``, not a fork of this
    process: it holds no store handle, no thread, nothing of the parent but its environment
    at the time it started (so each worker is given the parent's current one). It lives until
    the parent exits, and the builds after the first one in a process start warm.
    """

    chunk_size = CHUNK_SIZE

    def __init__(self, workers: int):
        self.workers = workers
        context = _worker_context()
        self._pool = self._start(context)
        self._probe = None
        if _FORKSERVER_OK is None and context.get_start_method() == "forkserver":
            self._probe = self._pool.submit(_kg_location)

    def _start(self, context):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                   initializer=_init_worker, initargs=(dict(os.environ),))

    def submit(self, chunk: list[Article]):
        if self._probe is not None:
            self._check()
        return self._pool.submit(extract_shards, chunk)

    def _check(self) -> None:
        """The first time in a process: a worker forked from the forkserver must run the
        parent's ``kg`` (the forkserver imports ``kg._warm`` from the interpreter's own
        ``sys.path``, which a caller that changed ``sys.path`` may not share); else spawn."""
        global _FORKSERVER_OK
        probe, self._probe = self._probe, None
        try:
            where = probe.result()
        except Exception:  # no worker could start: the first chunk's result will say why
            return
        _FORKSERVER_OK = where == _kg_location()
        if not _FORKSERVER_OK:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = self._start(_worker_context())

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


_WARM_MODULE = "kg._warm"
_FORKSERVER_OK: bool | None = None  # None: not checked yet in this process


def _worker_context():
    """The forkserver context with ``kg._warm`` preloaded, or spawn (see ``_Pool``)."""
    import multiprocessing

    if _FORKSERVER_OK is False or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    # keep what the program preloads already (by default its __main__), add ours; a
    # forkserver already running keeps its own list, and its workers build the extractor
    preload = list(getattr(forkserver._forkserver, "_preload_modules", None) or ["__main__"])
    if _WARM_MODULE not in preload:
        context.set_forkserver_preload([*preload, _WARM_MODULE])
    return context


class _Dask:
    chunk_size = DASK_CHUNK_SIZE

    def __init__(self, scheduler: str, workers: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise KgError("--scheduler needs Dask: pip install 'kg[dask]'") from None
        self._cluster = None
        try:
            if scheduler == "local":
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address="127.0.0.1:0")
                self._client = Client(self._cluster)
            else:
                self._client = Client(scheduler, timeout="5s")
        except (OSError, TimeoutError) as e:
            self.close()
            raise KgError(f"cannot reach the Dask scheduler {scheduler}: "
                          f"{' '.join(str(e).split())}") from None
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def submit(self, chunk: list[Article]):
        return self._client.submit(extract_shards, chunk, pure=False)

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()


# -------------------------------------------------------------------------------- build


def run_build(
    sources: Iterable[str],
    store,
    report: BuildReport,
    *,
    date: Date | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    force: bool = False,
    on_article: Callable[[str, str], None] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[BuildReport], None] | None = None,
) -> BuildReport:
    """The body of ``kg.pipeline.build`` (see there and this module's docstring)."""
    from concurrent.futures import ThreadPoolExecutor

    from kg.store import article_hash, load_graph_shards
    from kg.vocab import article_graph

    notify = on_article or (lambda _id, _status: None)
    tick = progress or (lambda _report: None)

    def tell(where: str, status: str) -> None:
        notify(where, status)
        tick(report)

    def failed(where: str, reason: str) -> None:
        report.failed.append((where, reason))
        tell(where, f"failed: {reason}")

    if scheduler:
        runner: Any = _Dask(scheduler, workers)
    elif workers > 1:
        runner = _Pool(workers)
    else:
        runner = _InProcess()

    in_flight: deque = deque()  # futures, in input order
    window = max(1, runner.workers) * IN_FLIGHT_PER_WORKER
    pending: dict[str, str] = {}  # id -> hash of articles sent and not yet committed
    batch: dict[str, ArticleResult] = {}  # id -> shards to commit (the later one wins)
    batch_results: list[ArticleResult] = []  # every result in the batch, for the report

    # A batch is bulk-loaded on a thread of its own (pyoxigraph releases the GIL), so the
    # workers keep getting articles while the store writes; at most one batch is being
    # written and one filling, and a batch is reported "built" only once it is written.
    committer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-commit")
    writing: list = []  # [(future, results)] of the batch being written, at most one

    def settle() -> None:
        """Wait for the batch being written, then report its articles."""
        if not writing:
            return
        future, results = writing.pop()
        try:
            future.result()
        except KgError as e:
            for r in results:
                if pending.get(r.id) == r.content_hash:
                    del pending[r.id]
                failed(r.id, e.message)
            return
        for r in results:
            if pending.get(r.id) == r.content_hash:
                del pending[r.id]
            report.built += 1
            report.events += r.events
            report.statements += r.statements
            report.entities += r.entities
            report.articles.append(r.id)
            tell(r.id, "built")

    def commit() -> None:
        settle()  # batches are written in order: a later version of an article wins
        if not batch:
            return
        # the report keeps the counts, not the shards: those go as soon as they are written
        results = [replace(r, body=b"", marker=b"", names=b"") for r in batch_results]
        shards = {article_graph(r.id): (r.body, r.marker) for r in batch.values()}
        names = b"".join(r.names for r in batch.values())
        batch.clear()
        batch_results.clear()
        writing.append((committer.submit(load_graph_shards, store, shards, names), results))

    def collect(future) -> None:
        try:
            results = future.result()
        except KgError:
            raise
        except Exception as e:  # a worker process died (killed, out of memory)
            raise KgError(
                f"a worker failed ({type(e).__name__}: {' '.join(str(e).split())}); the "
                "articles reported built are in the store, run the build again to continue"
            ) from None
        for r in results:
            if r.error is not None:
                if pending.get(r.id) == r.content_hash:
                    del pending[r.id]
                failed(r.id, r.error)
                continue
            batch.pop(r.id, None)  # the same id twice in one batch: the later one wins
            batch[r.id] = r
            batch_results.append(r)
            if len(batch_results) >= batch_size:
                commit()

    def send(chunk: list[Article]) -> None:
        in_flight.append(runner.submit(chunk))
        while len(in_flight) >= window:
            collect(in_flight.popleft())

    try:
        chunk: list[Article] = []
        for item in _articles(sources, date, outlet, article_id, failed):
            digest = item.content_hash
            if not force and (pending.get(item.id) == digest
                              or (item.id not in pending
                                  and article_hash(store, item.id) == digest)):
                report.unchanged += 1
                report.articles.append(item.id)
                tell(item.id, "unchanged")
                continue
            pending[item.id] = digest
            chunk.append(item)
            if len(chunk) >= runner.chunk_size:
                send(chunk)
                chunk = []
        if chunk:
            send(chunk)
        while in_flight:
            collect(in_flight.popleft())
        commit()
        settle()
    finally:
        committer.shutdown(wait=True)  # never leave a bulk load running behind the caller
        for future in in_flight:
            cancel = getattr(future, "cancel", None)
            if cancel is not None:
                cancel()
        runner.close()
    return report


def _articles(sources, date, outlet, article_id, failed) -> Iterator[Article]:
    for source in sources:
        try:
            for item in read_articles(source, date=date, outlet=outlet, article_id=article_id):
                if isinstance(item, InputError):
                    failed(source, item.message)
                else:
                    yield item
        except InputError as e:
            failed(source, e.message)


# ---------------------------------------------------------------------- sizes, progress


def count_articles(sources: Iterable[str]) -> int | None:
    """About how many articles ``sources`` hold (lines of JSONL, text files), without
    parsing them; None for standard input or an unreadable source."""
    total = 0
    for source in sources:
        if str(source) == "-":
            return None
        path = Path(source)
        try:
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file())
                total += sum(1 for p in files if p.suffix.lower() == ".txt")
                total += sum(_count_lines(p) for p in files if p.suffix.lower() == ".jsonl")
            elif path.suffix.lower() == ".jsonl":
                total += _count_lines(path)
            else:
                total += 1
        except OSError:
            return None
    return total


def _count_lines(path: Path) -> int:
    n = 0
    last = b"\n"
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


def auto_workers(total: int | None, cpus: int | None = None) -> int:
    """The default worker count: the machine's cores, but no more than one per
    ``ARTICLES_PER_WORKER`` articles (a pool starts a forkserver that loads spaCy). An input
    of unknown size (standard input) gets one: it is most often a single article, and a long
    stream can ask for more with ``--workers``."""
    cpus = cpus or os.cpu_count() or 1
    if total is None:
        return 1
    return max(1, min(cpus, total // ARTICLES_PER_WORKER))


class ProgressBar:
    """One line on a terminal: articles done of total, rate, events/s and ETA."""

    def __init__(self, total: int | None, stream: TextIO = sys.stderr, interval: float = 0.2):
        self.total = total
        self.stream = stream
        self.interval = interval
        self.start = time.monotonic()
        self._last = 0.0
        self._width = 0

    def update(self, report: BuildReport, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self._last < self.interval:
            return
        self._last = now
        done = report.built + report.unchanged + len(report.failed)
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        line = f"{done:,}"
        if self.total:
            share = min(done / self.total, 1.0)
            filled = int(share * 24)
            line = f"[{'#' * filled}{'.' * (24 - filled)}] {done:,}/{self.total:,} articles"
        else:
            line += " articles"
        line += f"  {rate:,.1f}/s  {report.events / elapsed:,.0f} events/s"
        if self.total and rate > 0 and not final:
            left = max(self.total - done, 0) / rate
            line += f"  ETA {int(left // 60)}:{int(left % 60):02d}"
        elif final:
            line += f"  {int(elapsed // 60)}:{int(elapsed % 60):02d}"
        pad = max(self._width - len(line), 0)
        self._width = len(line)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()

    def clear(self) -> None:
        """Erase the line (before printing something else)."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
            self._last = 0.0

    def close(self, report: BuildReport) -> None:
        self.update(report, final=True)
        self.stream.write("\n")
        self.stream.flush()


__all__ = [
    "ArticleResult",
    "BATCH_SIZE",
    "ProgressBar",
    "auto_workers",
    "count_articles",
    "extract_shards",
    "run_build",
]
