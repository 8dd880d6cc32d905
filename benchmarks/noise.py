"""How often kg finds diplomatic events where there are none: the share of non-political
articles (sport, cars, lifestyle, food, travel, technology, health, property, celebrities,
jobs) that yield any event, beside the share of news and international articles that do.

    python benchmarks/noise.py                       # ../shared/corpus/bulk.jsonl
    python benchmarks/noise.py --corpus my.jsonl --show 20

An article's section is read from its URL (``lifestyle.kompas.com``, ``sport.detik.com``,
``www.detik.com/edu``, ``kompas.com/food`` ...): a label the outlet gave, not one we guessed.
Articles whose section says nothing either way are counted apart. The corpus is built into
a throw-away store with ``kg.build``; ``--show`` prints the events found in non-political
articles, the list to read when tightening a rule.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "bulk.jsonl"

# (host or first path segment) -> group; first match wins
NON_POLITICAL = re.compile(
    r"^(otomotif|oto|lifestyle|tekno|inet|travel|food|homey|properti|health|bola|sport|hot|"
    r"wolipop|haibunda|foto-hot|celeb|sepakbola|moto|kuliner|hikmah|edu|jeda|"
    r"parapuan|kids|vik|skola)$"
)
POLITICAL = re.compile(r"^(news|global|internasional|berita|nasional|kolom|regional|dunia)$")
JOBS = re.compile(r"lowongan|loker|rekrutmen|cpns|pppk", re.IGNORECASE)


def section(record: dict) -> str:
    """'non-political', 'news' or 'other', from the URL (and job adverts from the title)."""
    if JOBS.search(record.get("title") or ""):
        return "non-political"
    m = re.match(r"https?://([^/]+)/([^/?#]+)?", record.get("url") or "")
    if not m:
        return "other"
    sub = m.group(1).split(".")[0]
    seg = (m.group(2) or "").lower()
    for name in (sub, seg):
        if NON_POLITICAL.match(name):
            return "non-political"
    for name in (sub, seg):
        if POLITICAL.match(name):
            return "news"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many non-political events")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"noise: no corpus at {args.corpus}; give one with --corpus PATH (skipped)")
        return 0

    import kg

    groups: dict[str, str] = {}
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                groups[str(rec.get("id"))] = section(rec)
    with tempfile.TemporaryDirectory(prefix="kg-noise-") as tmp:
        store = kg.open_store(Path(tmp) / "store")
        t0 = time.perf_counter()
        report = kg.build([str(args.corpus)], store, workers=args.workers or 2)
        took = time.perf_counter() - t0
        with_events: Counter = Counter()
        events_by_type: Counter = Counter()
        shown = []
        for ev in kg.iter_events(store):
            group = groups.get(ev["article"], "other")
            with_events[(group, ev["article"])] += 1
            if group == "non-political":
                events_by_type[ev["type"]] += 1
                if len(shown) < args.show:
                    shown.append(ev)
    totals = Counter(groups.values())
    hit = Counter(g for g, _ in with_events)
    rows = []
    for g in ("non-political", "news", "other"):
        n = totals.get(g, 0)
        share = hit.get(g, 0) / n if n else 0.0
        rows.append({"group": g, "articles": n, "with_events": hit.get(g, 0), "share": round(share, 3)})
    print(f"corpus {args.corpus}: {len(groups):,} articles, built in {took:.0f} s "
          f"({report.built} built, {report.unchanged} unchanged, {len(report.failed)} failed)")
    print(f"{'group':15} {'articles':>9} {'with events':>12} {'share':>7}")
    for r in rows:
        print(f"{r['group']:15} {r['articles']:>9,} {r['with_events']:>12,} {r['share']:>7.1%}")
    print("events in non-political articles by type: "
          + ", ".join(f"{t} {n}" for t, n in events_by_type.most_common()))
    for ev in shown:
        who = ", ".join(a["label"] for a in ev["source"]) or "?"
        print(f"  {ev['article']}: {ev['type']} {who} | {ev['evidence'][:140]}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "types": dict(events_by_type)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
