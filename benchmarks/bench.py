"""kg against its own building blocks, in one run, as ratios (see benchmarks/README.md).

    python benchmarks/bench.py                      # ../shared/corpus/bulk.jsonl
    python benchmarks/bench.py --corpus my.jsonl --articles 500 --profile

Every measure runs kg and a reference on the same input on the same machine, so the ratio
means something where the absolute times do not: extraction against spaCy's blank Indonesian
tokenizer, loading against pyoxigraph's ``bulk_load`` of the same N-Quads, 2 workers against
1, peak memory at 3,000 articles against 300, Turtle export against pyoxigraph's ``dump``,
``kg query`` start-up against ``python -c "import pyoxigraph"``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "bulk.jsonl"
PYTHON = sys.executable
KG = [PYTHON, "-m", "kg.cli"]

# (measure, target ratio, "<=" or ">=")
TARGETS = {
    "extraction": (2.0, "<="),
    "load": (0.8, ">="),
    "workers": (1.7, ">="),
    "memory": (1.3, "<="),
    "export": (1.2, "<="),
    "startup": (2.0, "<="),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL of articles")
    ap.add_argument("--articles", type=int, default=1000,
                    help="articles for extraction and loading (default 1000)")
    ap.add_argument("--slices", type=int, default=3, metavar="N",
                    help="extraction is timed on N disjoint slices of --articles articles, "
                    "each against the tokenizer on the same slice, alternating; the row is the "
                    "median ratio (default 3, fewer when the corpus is short)")
    ap.add_argument("--memory-sizes", default="300,3000",
                    help="build sizes for peak memory (default 300,3000); the last one is also "
                    "the size of the 1-vs-2-workers build, the export and the start-up store")
    ap.add_argument("--repeat", type=int, default=5, help="start-up runs (median)")
    ap.add_argument("--profile", action="store_true", help="print cProfile tops for misses")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--only-workers", action="store_true",
                    help="only the 1-vs-2-workers builds, of the last --memory-sizes size")
    ap.add_argument("--runs", type=int, default=1, metavar="N",
                    help="1- and 2-worker builds N times each, alternating (default 1; the "
                    "median is the row; each run is printed)")
    args = ap.parse_args(argv)

    if not args.corpus.is_file():
        print(f"bench: no corpus at {args.corpus}; give one with --corpus PATH (skipped)")
        return 0
    records = read_records(args.corpus, args.articles * max(1, args.slices))
    if not records:
        print(f"bench: {args.corpus} holds no articles (skipped)")
        return 0
    print(f"corpus {args.corpus} ({min(len(records), args.articles)} articles a slice for the throughput measures), "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)

    _become_subreaper()
    rows = []
    sizes = [int(s) for s in args.memory_sizes.split(",")]
    if args.only_workers:
        with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp_name:
            tmp = Path(tmp_name)
            path = sized_corpus(args.corpus, sizes[-1], tmp / f"mem-{sizes[-1]}.jsonl")
            step("1 and 2 workers")
            rows.append(bench_workers(path, tmp, None, args.runs))
        return finish(rows, args)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp_name:
        tmp = Path(tmp_name)
        step("extraction")
        rows.append(bench_extraction(records, args.articles, tmp, args.profile))
        step("loading")
        rows.append(bench_load(tmp))
        step("memory and 1 worker")
        memory, one_worker = bench_memory(args.corpus, sizes, tmp)
        rows.append(memory)
        step("2 workers")
        rows.append(bench_workers(tmp / f"mem-{sizes[-1]}.jsonl", tmp, one_worker, args.runs))
        step("export")
        rows.append(bench_export(tmp / "store-w2", tmp, args.profile))
        step("start-up")
        rows.append(bench_startup(tmp / "store-w2", args.repeat, tmp))
    return finish(rows, args)


def finish(rows: list[dict], args) -> int:
    print()
    print(table(rows))
    notes = context_notes()
    print("\n".join(notes))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "notes": notes, "cpu": CPU,
                                         "runs": RUNS}, indent=2), encoding="utf-8")
    return 0


# -------------------------------------------------------------------------------- input


def read_records(path: Path, n: int) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if len(out) >= n:
                    break
    return out


def write_records(path: Path, records) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def sized_corpus(corpus: Path, n: int, path: Path) -> Path:
    """The first ``n`` articles of ``corpus``, cycling with new ids when it has fewer."""
    base = read_records(corpus, n)

    def records():
        for i, r in enumerate(islice(cycle(base), n)):
            yield r if i < len(base) else dict(r, id=f"{r['id']}~{i // len(base)}")

    return write_records(path, records())


def step(name: str) -> None:
    print(f"  measuring {name} ...", file=sys.stderr, flush=True)


def timed(fn, *args):
    t0 = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - t0, value


# ----------------------------------------------------------------------------- measures


def bench_extraction(records: list[dict], size: int, tmp: Path, profile: bool) -> dict:
    """kg's whole extraction (ingest, extract, to_quads, N-Quads) against spaCy's tokenizer,
    on disjoint slices of ``size`` articles: on each, the tokenizer, then kg, so that a
    machine slowing down or speeding up between the two counts once in one slice, not in
    the whole row; the row is the median of the slices' ratios. Every pass sees texts new to
    it, as a build does (a second pass over the same texts would time warm caches)."""
    import spacy

    from kg.batch import extract_shards
    from kg.ingest import read_articles
    from kg.pipeline import extractor
    from kg.pipes import CACHE_SIZE

    slices = [records[i:i + size] for i in range(0, len(records), size)]
    slices = [sl for sl in slices if 2 * len(sl) >= len(slices[0])]  # a short last slice still counts
    nlp = spacy.blank("id")
    cached = spacy.blank("id").tokenizer  # kg's tokenizer cache size, shown beside the reference
    cached.max_cache_size = CACHE_SIZE
    extractor()  # loading spaCy and the patterns is start-up, not throughput
    ratios, n, tokens, t_tok, t_cached, t_kg = [], 0, 0, 0.0, 0.0, 0.0
    for k, sl in enumerate(slices):
        path = write_records(tmp / f"articles-{k}.jsonl", sl)
        articles = [a for a in read_articles(path) if not isinstance(a, Exception)]
        texts = [a.text for a in articles]
        if k == 0:
            nlp.tokenizer(texts[0])
            cached(texts[0])
            extract_shards(articles[:1])
        t1, count = timed(lambda: sum(len(nlp.tokenizer(t)) for t in texts))
        t2, _ = timed(lambda: sum(len(cached(t)) for t in texts))
        t3, results = timed(extract_shards, articles)
        ratios.append(t3 / t1)
        n, tokens, t_tok, t_cached, t_kg = n + len(articles), tokens + count, t_tok + t1, t_cached + t2, t_kg + t3
        print(f"  slice {k + 1}: {len(articles)} articles, tokenizer {t1:.2f} s, kg {t3:.2f} s "
              f"({t3 / t1:.2f}x)", file=sys.stderr, flush=True)
        if k == 0:  # the load row loads what the first slice gave
            nquads = b"".join(r.body + r.marker for r in results)
            (tmp / "articles.nq").write_bytes(nquads)
            (tmp / "shards.json").write_text(json.dumps(
                [[r.id, r.body.decode(), r.marker.decode()] for r in results]), encoding="utf-8")
            first = articles
    if profile:
        print_profile("extraction", extract_shards, first[:200])
    ratio = statistics.median(ratios)
    spread = f"; slices {', '.join(f'{r:.2f}x' for r in ratios)}" if len(ratios) > 1 else ""
    return row("extraction", "whole extraction vs spacy.blank('id') tokenizer",
               kg=f"{n / t_kg:,.0f} art/s, {tokens / t_kg:,.0f} tok/s",
               ref=f"{n / t_tok:,.0f} art/s, {tokens / t_tok:,.0f} tok/s (with kg's "
               f"{CACHE_SIZE:,}-chunk cache: {tokens / t_cached:,.0f} tok/s, kg "
               f"{t_kg / t_cached:.2f}x{spread})",
               ratio=ratio, kg_s=t_kg, ref_s=t_tok)


def bench_load(tmp: Path) -> dict:
    """kg's commit path (``load_graph_shards`` in batches of ``kg.batch.BATCH_SIZE`` articles:
    one bulk_load each, then the hash quads) against one bulk_load of the same N-Quads."""
    from pyoxigraph import RdfFormat, Store

    from kg.batch import BATCH_SIZE
    from kg.store import load_graph_shards
    from kg.vocab import article_graph

    shards = json.loads((tmp / "shards.json").read_text(encoding="utf-8"))
    nquads = (tmp / "articles.nq").read_bytes()

    def kg_load(i):
        store = Store(str(tmp / f"load-kg-{i}"))
        for i in range(0, len(shards), BATCH_SIZE):
            batch = shards[i:i + BATCH_SIZE]
            load_graph_shards(store, {article_graph(a): (b.encode(), m.encode())
                                      for a, b, m in batch})
        store.flush()
        return len(store)

    def ox_load(i):
        store = Store(str(tmp / f"load-ox-{i}"))
        store.bulk_load(nquads, RdfFormat.N_QUADS)
        store.flush()
        return len(store)

    # best of 3, alternating, in fresh stores: on a shared machine a single run is noise
    t_ox = t_kg = float("inf")
    for i in range(3):
        t, n_ox = timed(ox_load, i)
        t_ox = min(t_ox, t)
        t, n_kg = timed(kg_load, i)
        t_kg = min(t_kg, t)
    assert n_kg == n_ox, (n_kg, n_ox)
    return row("load", f"load {n_kg:,} quads vs pyoxigraph bulk_load",
               kg=f"{n_kg / t_kg:,.0f} quads/s", ref=f"{n_ox / t_ox:,.0f} quads/s",
               ratio=t_ox / t_kg, kg_s=t_kg, ref_s=t_ox)


def bench_workers(jsonl: Path, tmp: Path, one_worker: dict | None, runs: int = 1) -> dict:
    """``kg build --workers 2`` against ``--workers 1`` (the run of ``bench_memory`` on the
    same file, when given), fresh stores, wall clock including start-up; with ``runs`` > 1,
    that many of each, alternating, and the medians."""
    ones = [one_worker] if one_worker else []
    twos = []
    for i in range(runs):
        for workers in ((2, 1) if i % 2 else (1, 2)):
            if workers == 1 and len(ones) > i:
                continue
            store = tmp / ("store-w2" if workers == 2 else "store-w1")
            shutil.rmtree(store, ignore_errors=True)
            got = kg_build(jsonl, store, workers)
            (twos if workers == 2 else ones).append(got)
            print(f"  run {i + 1}, {workers} worker{'s' * (workers > 1)}: "
                  f"{_fmt_run(got)}", file=sys.stderr, flush=True)
    shutil.rmtree(tmp / "store-w1", ignore_errors=True)
    RUNS.extend(ones + twos)
    one = {k: statistics.median(r[k] for r in ones) for k in ("wall", "cpu", "parent_cpu")}
    two = {k: statistics.median(r[k] for r in twos) for k in ("wall", "cpu", "parent_cpu")}
    CPU["1 worker"], CPU["2 workers"] = one["cpu"], two["cpu"]
    CPU["1 worker parent"], CPU["2 workers parent"] = one["parent_cpu"], two["parent_cpu"]
    CPU["2 workers wall"], CPU["1 worker wall"] = two["wall"], one["wall"]
    n = sum(1 for _ in open(jsonl, encoding="utf-8"))
    of = f" (median of {runs})" if runs > 1 else ""
    return row("workers", f"kg build of {n:,} articles, 2 workers vs 1{of}",
               kg=f"{two['wall']:.1f} s (2 workers)", ref=f"{one['wall']:.1f} s (1 worker)",
               ratio=one["wall"] / two["wall"], kg_s=two["wall"], ref_s=one["wall"])


def _fmt_run(r: dict) -> str:
    return (f"wall {r['wall']:.1f} s, CPU {r['cpu']:.1f} s (kg process {r['parent_cpu']:.1f}, "
            f"workers {r['cpu'] - r['parent_cpu']:.1f}), others on the machine "
            f"{r['others_cpu']:.1f} s")


# Runs kg in this process (so its own CPU and peak RSS are its, threads included) and prints
# them last on stderr. Its workers' CPU is counted by the benchmark, which reaps them all.
_KG_STATS = (
    "import resource, runpy, sys\n"
    "sys.argv = ['kg', *sys.argv[1:]]\n"
    "code = 0\n"
    "try:\n"
    "    runpy.run_module('kg.cli', run_name='__main__', alter_sys=True)\n"
    "except SystemExit as e:\n"
    "    code = e.code\n"
    "r = resource.getrusage(resource.RUSAGE_SELF)\n"
    "peak = r.ru_maxrss\n"
    "try:  # ru_maxrss survives exec: a child of a big process starts at its parent's size\n"
    "    with open('/proc/self/status') as fh:\n"
    "        peak = next(int(ln.split()[1]) for ln in fh if ln.startswith('VmHWM:'))\n"
    "except (OSError, StopIteration):\n"
    "    pass\n"
    "print('kg-stats', r.ru_utime + r.ru_stime, peak, file=sys.stderr)\n"
    "sys.exit(code)\n"
)
CPU: dict[str, float] = {}  # CPU seconds of the 1- and 2-worker builds, for the notes
RUNS: list[dict] = []  # every 1- and 2-worker build, for --json


def kg_build(jsonl: Path, store: Path, workers: int) -> dict:
    """``kg build -q --workers N`` in a subprocess: wall clock, CPU seconds of the kg process
    and of its whole process tree, peak RSS of the kg process (MiB), and the CPU seconds the
    rest of the machine used meanwhile (another user's work makes the wall clock meaningless).

    The tree's CPU is this process's ``RUSAGE_CHILDREN`` before and after, with every
    descendant reaped: worker processes forked by a forkserver are not the kg process's
    children, and the forkserver outlives it by a moment, so this process makes itself their
    subreaper (Linux) and waits for them too."""
    before = _children_cpu()
    busy0 = _machine_busy()
    t0 = time.perf_counter()
    out = subprocess.run([PYTHON, "-c", _KG_STATS, "--store", str(store), "build", "-q",
                          "--workers", str(workers), str(jsonl)], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    _reap_orphans()
    tree = _children_cpu() - before
    stats = [ln.split() for ln in out.stderr.splitlines() if ln.startswith("kg-stats ")]
    if out.returncode != 0 or not stats:
        raise SystemExit(f"bench: kg build failed ({out.returncode}): {out.stderr.strip()}")
    parent_cpu, rss = float(stats[-1][1]), int(stats[-1][2]) / 1024  # KiB on Linux
    return {"workers": workers, "wall": wall, "cpu": tree, "parent_cpu": parent_cpu,
            "rss_mib": rss, "others_cpu": max(_machine_busy() - busy0 - tree, 0.0),
            "load": os.getloadavg()[0]}


def _become_subreaper() -> None:
    """Orphaned descendants (a forkserver and its workers) are reparented to this process,
    so that their CPU time reaches ``RUSAGE_CHILDREN`` when they are reaped."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap_orphans(timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _machine_busy() -> float:
    """CPU seconds all processes of the machine have used since boot (Linux), else 0."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except OSError:
        return 0.0
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def bench_memory(corpus: Path, sizes: list[int], tmp: Path) -> tuple[dict, dict]:
    """Peak RSS of ``kg build --workers 1`` (one process) at each size, one subprocess each;
    also the run of the biggest one (the 1-worker build for ``bench_workers``)."""
    peaks = {}
    got: dict = {}
    for n in sizes:
        path = sized_corpus(corpus, n, tmp / f"mem-{n}.jsonl")
        store = tmp / f"store-mem-{n}"
        got = kg_build(path, store, 1)
        peaks[n] = got["rss_mib"]
        shutil.rmtree(store, ignore_errors=True)
    small, big = sizes[0], sizes[-1]
    return row("memory", f"peak RSS, kg build of {big:,} vs {small:,} articles",
               kg=f"{peaks[big]:,.0f} MiB ({big:,})", ref=f"{peaks[small]:,.0f} MiB ({small:,})",
               ratio=peaks[big] / peaks[small], kg_s=peaks[big], ref_s=peaks[small]), got


def bench_export(store_path: Path, tmp: Path, profile: bool) -> dict:
    """``kg export`` (Turtle) against pyoxigraph's ``dump`` of the same graphs, as Turtle."""
    from pyoxigraph import RdfFormat, Store

    from kg.export import export
    from kg.vocab import EXPORT_PREFIXES, ONTOLOGY_GRAPH

    store = Store.read_only(str(store_path))
    graphs = [g for g in store.named_graphs() if g != ONTOLOGY_GRAPH]

    def kg_export():
        with open(tmp / "kg.ttl", "wb") as fh:
            export(store, fh, "turtle")

    def ox_dump():
        with open(tmp / "ox.ttl", "wb") as fh:
            for g in graphs:
                store.dump(fh, RdfFormat.TURTLE, from_graph=g, prefixes=EXPORT_PREFIXES)

    ox_dump()  # warm the block cache for both
    t_ox = min(timed(ox_dump)[0] for _ in range(2))
    t_kg = min(timed(kg_export)[0] for _ in range(2))
    if profile:
        print_profile("export", kg_export)
    size = (tmp / "kg.ttl").stat().st_size / 2**20
    return row("export", f"Turtle export of {len(graphs):,} graphs vs pyoxigraph dump",
               kg=f"{t_kg:.2f} s ({size:.1f} MiB)",
               ref=f"{t_ox:.2f} s ({(tmp / 'ox.ttl').stat().st_size / 2**20:.1f} MiB)",
               ratio=t_kg / t_ox, kg_s=t_kg, ref_s=t_ox)


def bench_startup(store_path: Path, repeat: int, tmp: Path) -> dict:
    """``kg query`` of a one-row query (open the store read-only, print) against importing
    pyoxigraph, median wall clock of ``repeat`` runs each, after one warm-up run each.

    Both run with Python's bytecode cache on (``PYTHONDONTWRITEBYTECODE`` unset, the cache in a
    temporary ``PYTHONPYCACHEPREFIX``), as on any ordinary installation from the second run on:
    an editable install under ``PYTHONDONTWRITEBYTECODE=1`` recompiles kg's modules at every
    start, which is the environment's cost, not kg's. Shown beside the reference: the floor
    any click command that uses pyoxigraph pays (``import click, pyoxigraph``), and the same
    plus opening the store read-only, as every ``kg query`` must.
    """
    kg_bin = shutil.which("kg", path=str(Path(PYTHON).parent)) or ""
    kg_cmd = [kg_bin] if kg_bin else KG
    query = "SELECT ?n WHERE { BIND(1 AS ?n) }"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")

    def run(cmd, **kw):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env, **kw)
        return time.perf_counter() - t0

    def median(cmd, **kw):
        run(cmd, **kw)  # warm-up: fills the bytecode cache and the page cache
        return statistics.median(run(cmd, **kw) for _ in range(repeat))

    t_ox = median([PYTHON, "-c", "import pyoxigraph"])
    t_click = median([PYTHON, "-c", "import click, pyoxigraph"])
    t_floor = median([PYTHON, "-c", "import sys, click, pyoxigraph; "
                      "pyoxigraph.Store.read_only(sys.argv[1])", str(store_path)])
    t_kg = median([*kg_cmd, "--store", str(store_path), "query", "-"], input=query.encode())
    return row("startup", "kg query start-up vs python -c 'import pyoxigraph'",
               kg=f"{t_kg * 1000:.0f} ms",
               ref=f"{t_ox * 1000:.0f} ms (import click, pyoxigraph: {t_click * 1000:.0f} ms; "
               f"and open the store: {t_floor * 1000:.0f} ms)",
               ratio=t_kg / t_ox, kg_s=t_kg, ref_s=t_ox)


# ------------------------------------------------------------------------------ output


def context_notes() -> list[str]:
    """What the machine was doing: the wall-clock ratios mean little on a busy machine."""
    notes = [f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
             f"({os.cpu_count()} cores)"]
    if {"1 worker", "2 workers"} <= CPU.keys():
        one, two = CPU["1 worker"], CPU["2 workers"]
        wall1, wall2 = CPU["1 worker wall"], CPU["2 workers wall"]
        notes.append(
            f"CPU seconds, whole process tree: 1 worker {one:.1f} s (the kg process "
            f"{CPU['1 worker parent']:.1f}), 2 workers {two:.1f} s (the kg process "
            f"{CPU['2 workers parent']:.1f}: reading, committing, sending and receiving; "
            f"{two - one:+.1f} s in all); the 1-worker build kept {one / wall1:.2f} cores "
            f"busy, the 2-worker build {two / wall2:.2f}; with 2 idle cores (wall = CPU / 2 at "
            f"best, were the start-up not serial) the speed-up would be at most "
            f"{wall1 / max(two / 2, 1e-9):.2f}x")
    return notes


def row(key: str, what: str, *, kg: str, ref: str, ratio: float, kg_s: float,
        ref_s: float) -> dict:
    target, sense = TARGETS[key]
    ok = ratio <= target if sense == "<=" else ratio >= target
    return {"measure": key, "what": what, "kg": kg, "reference": ref, "ratio": round(ratio, 2),
            "target": f"{sense} {target}", "result": "PASS" if ok else "MISS",
            "kg_value": kg_s, "reference_value": ref_s}


def table(rows: list[dict]) -> str:
    cols = ["what", "kg", "reference", "ratio", "target", "result"]
    head = ["measure", "kg", "reference", "ratio", "target", ""]
    cells = [[str(r[c]) if c != "ratio" else f"{r[c]:.2f}x" for c in cols] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(cell, widths)) + " |"
              for cell in cells]
    return "\n".join(lines)


def print_profile(name: str, fn, *args) -> None:
    prof = cProfile.Profile()
    prof.runcall(fn, *args)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(15)
    print(f"\n--- profile: {name} (top 15 by own time) ---", file=sys.stderr)
    print("\n".join(out.getvalue().splitlines()[4:30]), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
