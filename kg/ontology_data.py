"""The ontology as quads, ready to load into the store's ontology graph.

``ontology/diplomacy.ttl`` holds the classes and properties of ``dip:`` and the PLOVER
concepts of ``plover:``; :func:`ontology_quads` puts all of it in
:data:`kg.vocab.ONTOLOGY_GRAPH`, so queries see it in the union default graph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from kg.resources import ontology_dir
from kg.vocab import ONTOLOGY_GRAPH


def ontology_path() -> Path:
    """Where ``diplomacy.ttl`` lives (source checkout or installed wheel)."""
    return ontology_dir() / "diplomacy.ttl"


def ontology_quads() -> list[pyoxigraph.Quad]:
    """Every triple of ``ontology/diplomacy.ttl`` as a quad in ``ONTOLOGY_GRAPH``.

    Blank nodes (OWL restrictions and lists) get fresh identifiers, so loading the
    ontology again after clearing its graph never collides with earlier blank nodes.
    """
    return [
        pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, ONTOLOGY_GRAPH)
        for quad in pyoxigraph.parse(
            path=ontology_path(),
            format=pyoxigraph.RdfFormat.TURTLE,
            without_named_graphs=True,
            rename_blank_nodes=True,
        )
    ]
