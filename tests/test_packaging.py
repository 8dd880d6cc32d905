"""A non-editable install works: the wheel carries ontology/, queries/ and the package data,
and `kg` runs on the example from outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kontan-2021-12-31-biden-putin.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # the installed hatchling builds it: no build isolation, nothing fetched
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(ROOT)], check=True, timeout=300)
    (whl,) = out.glob("kg-*.whl")
    return whl


def test_wheel_carries_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/_assets/ontology/diplomacy.ttl", "kg/_assets/ontology/shapes.ttl",
                   "kg/_assets/queries/who-warned-whom.rq", "kg/data/gazetteer.tsv",
                   "kg/data/triggers.toml", "kg/cli.py"):
        assert needed in names, needed


def test_installed_wheel_runs_outside_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    vpy = venv / "bin" / "python"
    subprocess.run([str(vpy), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=300)
    # the dependencies come from this environment's site-packages (a plain path entry, so the
    # editable install of the checkout that lives there is not picked up)
    site = Path(subprocess.check_output([str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "KG_STORE"}}
    kg = str(venv / "bin" / "kg")

    def run(*args):
        return subprocess.run([kg, *args], cwd=work, env=env, capture_output=True, text=True, timeout=300)

    where = run("--version")
    assert where.returncode == 0 and "0.1.0" in where.stdout
    mod = subprocess.check_output([str(vpy), "-c", "import kg; print(kg.__file__)"], cwd=work, env=env, text=True)
    assert str(venv) in mod and str(ROOT) not in mod
    b = run("build", str(SEED))
    assert b.returncode == 0, b.stderr
    assert (work / ".kg" / "store").is_dir()
    q = run("query", "who-warned-whom", "--format", "csv")
    assert q.returncode == 0 and "Biden" in q.stdout
    e = run("export", "-o", "graph.ttl")
    assert e.returncode == 0 and (work / "graph.ttl").stat().st_size > 10_000
    v = run("validate")
    assert v.returncode == 0, v.stdout + v.stderr
