"""Candidates for a new held-out batch (tests/gold/README.md): bulk articles outside the
development set and the held-out files whose title names something abroad (a state other
than Indonesia, a place abroad, an international body, someone in office abroad), in a
seeded random order. A reader takes the first ones that are foreign relations and
annotates them before the extractor runs on them.

    python scripts/pick_heldout.py --seed 20261202 -n 20
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bulk.jsonl")
    ap.add_argument("--dev-sources", type=Path,
                    default=ROOT.parent / "shared" / "corpus" / "diplomacy-dev" / "SOURCES.tsv")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-n", type=int, default=20)
    args = ap.parse_args()

    from kg.pipeline import extractor

    taken = {json.loads(line)["article"] for f in (ROOT / "tests" / "gold" / "heldout").glob("*.jsonl")
             for line in f.open(encoding="utf-8") if line.strip()}
    with args.dev_sources.open(encoding="utf-8") as fh:
        taken |= {row[-1] for row in csv.reader(fh, delimiter="\t") if row}
    records = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
    random.Random(args.seed).shuffle(records)
    ex = extractor()
    seen_titles: set[str] = set()
    shown = 0
    for r in records:
        title = (r.get("title") or "").strip()
        if r["id"] in taken or not title or title.lower() in seen_titles:
            continue
        seen_titles.add(title.lower())
        mentions = ex.nlp(title)._.kg_mentions
        abroad = [m.text for m in mentions if ex.is_abroad(
            m.kind, m.qid or m.key, [m.position.of_ref] if m.position else [])]
        if abroad:
            print(f"{r['id']}\t{r.get('outlet', '')}\t{r.get('date', '')}\t{title}\t[{', '.join(abroad)}]")
            shown += 1
            if shown >= args.n:
                break


if __name__ == "__main__":
    main()
