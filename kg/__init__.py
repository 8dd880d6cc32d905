"""kg: knowledge graphs of diplomatic events from Indonesian news.

The library API, for scripts and notebooks (imports are lazy: ``import kg`` is cheap,
and only building pulls in spaCy)::

    import kg
    store = kg.open_store(memory=True)            # or kg.open_store("path/to/store")
    kg.build(["examples/kontan-2021-12-31-biden-putin.txt"], store)
    for row in kg.run_query(store, "who-warned-whom"):
        print(row["warner"], row["about"])
    events = list(kg.iter_events(store))               # the `kg events` rows, as dicts
    kg.export_to(store, "graph.ttl")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from pathlib import Path

__version__ = "0.1.0"

# (the names differ from the submodules kg.query, kg.events, kg.export, kg.validate,
# which would otherwise shadow them once imported)
__all__ = ["open_store", "build", "run_query", "iter_events", "export_to", "validate_graph", "__version__"]


def open_store(path: str | Path | None = None, *, memory: bool = False, read_only: bool = False):
    """An Oxigraph store: on disk at ``path`` (default ``$KG_STORE`` or ``./.kg/store``) or in memory."""
    from kg.store import open_store as _open

    return _open(path, memory=memory, read_only=read_only)


def build(sources, store, **options):
    """Extract articles (paths, directories, JSONL files, or "-") into ``store``; returns a BuildReport."""
    from kg.pipeline import build as _build

    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    return _build([str(s) for s in sources], store, **options)


def run_query(store, name_or_sparql: str, **params: str) -> Iterator[dict[str, Any]]:
    """Rows of a named query (``queries/NAME.rq``), a ``.rq`` path, or SPARQL text, as dicts of
    pyoxigraph terms. Parameters are bound as RDF terms, never pasted into the text."""
    from kg.query import load_named_query, parse_query
    from kg.query import run_query as _run

    # a query name or a path never contains "{"; SPARQL text always does
    if "{" in name_or_sparql:
        named = parse_query(name_or_sparql, name="inline")
    else:
        named = load_named_query(name_or_sparql)
    return _run(store, named, params).dicts()


def iter_events(store, article: str | None = None) -> Iterator[dict[str, Any]]:
    """The extracted events, one dict per event (the fields of ``kg events --format jsonl``)."""
    from kg.events import iter_events as _iter

    return _iter(store, article)


def export_to(store, path: str | Path, fmt: str | None = None, **options) -> Path:
    """Write the graph to ``path`` (format from the extension unless given)."""
    from pathlib import Path

    from kg.export import export as _export, format_for_path

    path = Path(path)
    with open(path, "wb") as fh:
        _export(store, fh, fmt or format_for_path(str(path)), **options)
    return path


def validate_graph(store):
    """SHACL validation of every article graph (``ValidationResult`` with ``conforms``)."""
    from kg.validate import validate_store

    return validate_store(store)
