"""The notebook API: the same results as the CLI, from Python."""

from pathlib import Path

import kg

SEED = Path(__file__).resolve().parent.parent / "examples" / "kontan-2021-12-31-biden-putin.txt"


def test_notebook_round_trip(tmp_path):
    store = kg.open_store(memory=True)
    report = kg.build(SEED, store)
    assert report.built == 1 and report.events >= 12
    warners = {row["warner"].value for row in kg.run_query(store, "who-warned-whom")}
    assert {"Joe Biden", "Vladimir Putin"} <= warners
    inline = list(kg.run_query(store, "PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>\n"
                                  "SELECT ?e WHERE { ?e a dip:Event }"))
    rows = list(kg.iter_events(store))
    assert len(inline) == len(rows)
    assert {r["type"] for r in rows} >= {"CONSULT", "THREATEN", "REQUEST", "AGREE", "SUPPORT"}
    out = kg.export_to(store, tmp_path / "g.ttl")
    assert out.read_text(encoding="utf-8").startswith("@prefix")
    assert kg.validate_graph(store).conforms


def test_query_params_are_bound(tmp_path):
    store = kg.open_store(memory=True)
    kg.build(SEED, store)
    rows = list(kg.run_query(store, "who-warned-whom", actor="Putin"))
    assert rows and all("Putin" in (r["warner"].value + str(r.get("warned") or "")) for r in rows)


def test_the_extractor_tables_are_frozen_out_of_the_collector():
    """The extractor lives as long as the process: its objects (gazetteer, patterns, spaCy's
    vocabulary) are frozen, so full collections during a long build do not walk them."""
    import gc

    from kg.pipeline import extractor

    extractor()
    assert gc.get_freeze_count() > 100_000
