"""Shared fixtures: a real on-disk store holding tests/data/sample.trig."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kg.store import open_store

DATA_DIR = Path(__file__).parent / "data"
SAMPLE_TRIG = DATA_DIR / "sample.trig"


@pytest.fixture
def sample_store(tmp_path):
    """A read-write store on disk with the two sample articles (two named graphs)."""
    store = open_store(tmp_path / "store")
    store.load(path=str(SAMPLE_TRIG))
    yield store
    del store
    gc.collect()


@pytest.fixture
def sample_store_path(tmp_path):
    """The folder of a closed on-disk store with the sample articles, for read-only opening."""
    path = tmp_path / "sample-store"
    store = open_store(path)
    store.load(path=str(SAMPLE_TRIG))
    store.flush()
    del store
    gc.collect()  # pyoxigraph releases the RocksDB lock when the Store is collected
    return path
