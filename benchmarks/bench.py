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
    ap.add_argument("--memory-sizes", default="300,3000",
                    help="build sizes for peak memory (default 300,3000); the last one is also "
                    "the size of the 1-vs-2-workers build, the export and the start-up store")
    ap.add_argument("--repeat", type=int, default=5, help="start-up runs (median)")
    ap.add_argument("--profile", action="store_true", help="print cProfile tops for misses")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)

    if not args.corpus.is_file():
        print(f"bench: no corpus at {args.corpus}; give one with --corpus PATH (skipped)")
        return 0
    records = read_records(args.corpus, args.articles)
    if not records:
        print(f"bench: {args.corpus} holds no articles (skipped)")
        return 0
    print(f"corpus {args.corpus} ({len(records)} articles for the throughput measures), "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)

    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp_name:
        tmp = Path(tmp_name)
        write_records(tmp / "articles.jsonl", records)
        step("extraction")
        rows.append(bench_extraction(records, tmp, args.profile))
        step("loading")
        rows.append(bench_load(tmp))
        step("memory and 1 worker")
        sizes = [int(s) for s in args.memory_sizes.split(",")]
        memory, one_worker = bench_memory(args.corpus, sizes, tmp)
        rows.append(memory)
        step("2 workers")
        rows.append(bench_workers(tmp / f"mem-{sizes[-1]}.jsonl", tmp, one_worker))
        step("export")
        rows.append(bench_export(tmp / "store-w2", tmp, args.profile))
        step("start-up")
        rows.append(bench_startup(tmp / "store-w2", args.repeat))
    print()
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
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


def bench_extraction(records: list[dict], tmp: Path, profile: bool) -> dict:
    """kg's whole extraction (ingest, extract, to_quads, N-Quads) against spaCy's tokenizer."""
    import spacy

    from kg.batch import extract_shards
    from kg.ingest import read_articles
    from kg.pipeline import extractor

    path = tmp / "articles.jsonl"
    articles = [a for a in read_articles(path) if not isinstance(a, Exception)]
    texts = [a.text for a in articles]
    nlp = spacy.blank("id")
    nlp.tokenizer(texts[0])
    t_tok, tokens = timed(lambda: sum(len(nlp.tokenizer(t)) for t in texts))
    extractor()  # loading spaCy and the patterns is start-up, not throughput
    extract_shards(articles[:1])
    t_kg, results = timed(extract_shards, articles)
    nquads = b"".join(r.body + r.marker for r in results)
    (tmp / "articles.nq").write_bytes(nquads)
    (tmp / "shards.json").write_text(json.dumps(
        [[r.id, r.body.decode(), r.marker.decode()] for r in results]), encoding="utf-8")
    if profile:
        print_profile("extraction", extract_shards, articles[:200])
    n = len(articles)
    return row("extraction", "whole extraction vs spacy.blank('id') tokenizer",
               kg=f"{n / t_kg:,.0f} art/s, {tokens / t_kg:,.0f} tok/s",
               ref=f"{n / t_tok:,.0f} art/s, {tokens / t_tok:,.0f} tok/s",
               ratio=t_kg / t_tok, kg_s=t_kg, ref_s=t_tok)


def bench_load(tmp: Path) -> dict:
    """kg's commit path (batches of 100: drop, bulk_load, hash quads) against one bulk_load."""
    from pyoxigraph import RdfFormat, Store

    from kg.batch import BATCH_SIZE
    from kg.store import load_graph_shards
    from kg.vocab import article_graph

    shards = json.loads((tmp / "shards.json").read_text(encoding="utf-8"))
    nquads = (tmp / "articles.nq").read_bytes()

    def kg_load():
        store = Store(str(tmp / "load-kg"))
        for i in range(0, len(shards), BATCH_SIZE):
            batch = shards[i:i + BATCH_SIZE]
            load_graph_shards(store, {article_graph(a): (b.encode(), m.encode())
                                      for a, b, m in batch})
        store.flush()
        return len(store)

    def ox_load():
        store = Store(str(tmp / "load-ox"))
        store.bulk_load(nquads, RdfFormat.N_QUADS)
        store.flush()
        return len(store)

    t_ox, n_ox = timed(ox_load)
    t_kg, n_kg = timed(kg_load)
    assert n_kg == n_ox, (n_kg, n_ox)
    return row("load", f"load {n_kg:,} quads vs pyoxigraph bulk_load",
               kg=f"{n_kg / t_kg:,.0f} quads/s", ref=f"{n_ox / t_ox:,.0f} quads/s",
               ratio=t_ox / t_kg, kg_s=t_kg, ref_s=t_ox)


def bench_workers(jsonl: Path, tmp: Path, one_worker: float) -> dict:
    """``kg build --workers 2`` against ``--workers 1`` (timed by ``bench_memory`` on the
    same file), fresh stores, wall clock including start-up."""
    store = tmp / "store-w2"
    shutil.rmtree(store, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([*KG, "--store", str(store), "build", "-q", "--workers", "2", str(jsonl)],
                   check=True)
    two = time.perf_counter() - t0
    n = sum(1 for _ in open(jsonl, encoding="utf-8"))
    return row("workers", f"kg build of {n:,} articles, 2 workers vs 1",
               kg=f"{two:.1f} s (2 workers)", ref=f"{one_worker:.1f} s (1 worker)",
               ratio=one_worker / two, kg_s=two, ref_s=one_worker)


_MAXRSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def bench_memory(corpus: Path, sizes: list[int], tmp: Path) -> tuple[dict, float]:
    """Peak RSS of ``kg build --workers 1`` (one process) at each size, one subprocess each;
    also the wall time of the biggest one (the 1-worker time for ``bench_workers``)."""
    peaks = {}
    wall = 0.0
    for n in sizes:
        path = sized_corpus(corpus, n, tmp / f"mem-{n}.jsonl")
        store = tmp / f"store-mem-{n}"
        t0 = time.perf_counter()
        out = subprocess.run(
            [PYTHON, "-c", _MAXRSS, *KG, "--store", str(store), "build", "-q", "--workers", "1",
             str(path)], check=True, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        peaks[n] = int(out.stdout.split()[-1]) / 1024  # KiB on Linux
        shutil.rmtree(store, ignore_errors=True)
    small, big = sizes[0], sizes[-1]
    return row("memory", f"peak RSS, kg build of {big:,} vs {small:,} articles",
               kg=f"{peaks[big]:,.0f} MiB ({big:,})", ref=f"{peaks[small]:,.0f} MiB ({small:,})",
               ratio=peaks[big] / peaks[small], kg_s=peaks[big], ref_s=peaks[small]), wall


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


def bench_startup(store_path: Path, repeat: int) -> dict:
    """``kg query`` of a one-row query (open the store read-only, print) against importing
    pyoxigraph, median wall clock of ``repeat`` runs each."""
    kg_bin = shutil.which("kg", path=str(Path(PYTHON).parent)) or ""
    kg_cmd = [kg_bin] if kg_bin else KG
    query = "SELECT ?n WHERE { BIND(1 AS ?n) }"

    def run(cmd, **kw):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, **kw)
        return time.perf_counter() - t0

    ox = [run([PYTHON, "-c", "import pyoxigraph"]) for _ in range(repeat)]
    kg = [run([*kg_cmd, "--store", str(store_path), "query", "-"], input=query.encode())
          for _ in range(repeat)]
    t_ox, t_kg = statistics.median(ox), statistics.median(kg)
    return row("startup", "kg query start-up vs python -c 'import pyoxigraph'",
               kg=f"{t_kg * 1000:.0f} ms", ref=f"{t_ox * 1000:.0f} ms",
               ratio=t_kg / t_ox, kg_s=t_kg, ref_s=t_ox)


# ------------------------------------------------------------------------------ output


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
