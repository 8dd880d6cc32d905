"""Where the data files live, in a source checkout and in an installed wheel.

The wheel carries ``ontology/`` and ``queries/`` under ``kg/_assets/`` (hatchling
force-include); a source checkout or an editable install finds them at the top of
the repository. Package data (patterns, gazetteer) always sits in ``kg/data/``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def _asset_dir(name: str) -> Path:
    for candidate in (PACKAGE_DIR / "_assets" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kg asset folder {name!r} not found beside the package")


def ontology_dir() -> Path:
    return _asset_dir("ontology")


def queries_dir() -> Path:
    return _asset_dir("queries")


def data_file(name: str) -> Path:
    return DATA_DIR / name
