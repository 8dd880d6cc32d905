"""Shared fixtures: a real on-disk store holding tests/data/sample.trig.

sample.trig holds the two article graphs only; the fixtures add the names graph from them
(``ensure_names``, what a build does for a store written before that graph existed), so the
store is the one a build leaves."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kg.store import ensure_names, open_store

DATA_DIR = Path(__file__).parent / "data"
SAMPLE_TRIG = DATA_DIR / "sample.trig"


@pytest.fixture
def sample_store(tmp_path):
    """A read-write store on disk with the two sample articles (two named graphs)."""
    store = open_store(tmp_path / "store")
    store.load(path=str(SAMPLE_TRIG))
    ensure_names(store)
    yield store
    del store
    gc.collect()


@pytest.fixture
def sample_store_path(tmp_path):
    """The folder of a closed on-disk store with the sample articles, for read-only opening."""
    path = tmp_path / "sample-store"
    store = open_store(path)
    store.load(path=str(SAMPLE_TRIG))
    ensure_names(store)
    store.flush()
    del store
    gc.collect()  # pyoxigraph releases the RocksDB lock when the Store is collected
    return path
