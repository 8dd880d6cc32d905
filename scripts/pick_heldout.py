"""Candidates for a new held-out batch (tests/gold/README.md): bulk articles outside the
development set and the held-out files whose title names something abroad (a state other
than Indonesia, a place abroad, an international body, someone in office abroad), in a
seeded random order. A reader takes the first ones that are foreign relations and
annotates them before the extractor runs on them.

    python scripts/pick_heldout.py --seed 20261202 -n 20

Once the titles are used up (batches C to J took the foreign-relations articles among the
~350 candidates of seed 20261202), ``--in-text K`` lists instead the articles whose title
names nothing abroad but whose text names K or more different states other than Indonesia,
in the same seeded order.
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
    ap.add_argument("--in-text", type=int, default=0, metavar="K",
                    help="articles whose title names nothing abroad and whose text names K or more "
                         "different states other than Indonesia (0: by the title, the default)")
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
        abroad = _abroad(ex, title)
        if args.in_text:
            if abroad:
                continue  # a title candidate: the default listing has it
            states = {label for label, kind in _abroad(ex, r.get("text") or "", kinds=True) if kind == "country"}
            abroad = sorted(states) if len(states) >= args.in_text else []
        if abroad:
            print(f"{r['id']}\t{r.get('outlet', '')}\t{r.get('date', '')}\t{title}\t[{', '.join(abroad)}]")
            shown += 1
            if shown >= args.n:
                break


def _abroad(ex, text: str, kinds: bool = False) -> list:
    """What ``text`` names abroad (``Extractor.is_abroad``): the surface forms, or with
    ``kinds`` (entity label, kind) pairs."""
    found = [m for m in ex.nlp(text)._.kg_mentions
             if ex.is_abroad(m.kind, m.qid or m.key, [m.position.of_ref] if m.position else [])]
    return [(m.label, m.kind) for m in found] if kinds else [m.text for m in found]


if __name__ == "__main__":
    main()
