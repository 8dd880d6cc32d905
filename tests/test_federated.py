"""The federated query (queries/wikidata-enrich.rq) against a real `oxigraph serve` on
127.0.0.1 standing in for the Wikidata Query Service. No test reaches the internet."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kontan-2021-12-31-biden-putin.txt"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DESC = "http://schema.org/description"
REMOTE = f"""
<{WD}Q30> <{WDT}P31> <{WD}Q3624078> .
<{WD}Q30> <{WDT}P31> <{WD}Q6256> .
<{WD}Q30> <{LABEL}> "United States of America"@en .
<{WD}Q30> <{LABEL}> "Amerika Serikat"@id .
<{WD}Q30> <{DESC}> "country primarily located in North America"@en .
<{WD}Q159> <{WDT}P31> <{WD}Q3624078> .
<{WD}Q159> <{LABEL}> "Russia"@en .
<{WD}Q159> <{LABEL}> "Rusia"@id .
<{WD}Q6279> <{WDT}P31> <{WD}Q5> .
<{WD}Q6279> <{LABEL}> "Joe Biden"@en .
"""

pytestmark = pytest.mark.skipif(not OXIGRAPH.exists() and not shutil.which("oxigraph"),
                                reason="the oxigraph server (PyPI package oxigraph) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    exe = str(OXIGRAPH) if OXIGRAPH.exists() else shutil.which("oxigraph")
    where = tmp_path_factory.mktemp("wdqs")
    data = where / "remote.nt"
    data.write_text(REMOTE, encoding="utf-8")
    subprocess.run([exe, "load", "--location", str(where / "db"), "--file", str(data)],
                   check=True, capture_output=True, timeout=60)
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(where / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = tmp_path_factory.mktemp("fed") / "store"
    r = CliRunner().invoke(cli, ["--store", str(store), "build", "-q", str(SEED)])
    assert r.exit_code == 0, r.stderr
    return store


def test_wikidata_enrich_joins_our_links_with_the_remote_endpoint(built, endpoint):
    r = CliRunner().invoke(cli, ["--store", str(built), "query", "wikidata-enrich",
                                 "--param", f"endpoint={endpoint}", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(r.stdout)["results"]["bindings"]]
    got = {(x["label"], x["item"], x["wikidataLabel"], x["wikidataLabelId"], x["instanceOf"]) for x in rows}
    assert got == {  # Joe Biden is linked too, but the remote pattern asks for countries only
        ("Russia", WD + "Q159", "Russia", "Rusia", WD + "Q3624078"),
        ("United States", WD + "Q30", "United States of America", "Amerika Serikat", WD + "Q3624078"),
        ("United States", WD + "Q30", "United States of America", "Amerika Serikat", WD + "Q6256"),
    }
    us = next(x for x in rows if x["item"] == WD + "Q30")
    assert us["description"] == "country primarily located in North America"
    assert {x["endpoint"] for x in rows} == {endpoint}


def test_wikidata_enrich_defaults_to_the_wikidata_query_service():
    from kg.query import bind_params, load_named_query

    q = load_named_query("wikidata-enrich")
    assert bind_params(q, {})["endpoint"].value == "https://query.wikidata.org/sparql"


def test_unreachable_endpoint_is_one_line(built):
    port = _free_port()
    r = CliRunner().invoke(cli, ["--store", str(built), "query", "wikidata-enrich",
                                 "--param", f"endpoint=http://127.0.0.1:{port}/query"])
    assert r.exit_code != 0
    errors = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(errors) == 1 and errors[0].startswith("Error: "), r.stderr
