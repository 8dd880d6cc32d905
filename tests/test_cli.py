"""The `kg` command as users meet it: real store on disk, real files, exact exit codes,
one line on stderr for every kind of bad input, and the store unchanged after a failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kontan-2021-12-31-biden-putin.txt"
KG = [sys.executable, "-m", "kg.cli"]

INDONESIAN = (
    "JAKARTA, KOMPAS.com - Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri "
    "Malaysia di Jakarta pada Senin (2/6/2025). Kedua menteri sepakat untuk memperkuat kerja sama "
    "perdagangan dan keamanan di kawasan. Pertemuan itu membahas banyak hal yang penting bagi "
    "kedua negara, kata juru bicara kementerian kepada wartawan di Jakarta.\n"
)


def run(store: Path, *args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(cli, ["--store", str(store), *args], input=input, catch_exceptions=False)
    return result


def one_error_line(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("Error: ")]
    assert errors, result.stderr
    assert "Traceback" not in result.stderr
    return errors[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store with the seed built by `kg build`."""
    store = tmp_path_factory.mktemp("cli") / "store"
    r = run(store, "build", str(SEED))
    assert r.exit_code == 0, r.stderr
    assert "1 built" in r.stderr
    return store


def count(store: Path) -> int:
    r = run(store, "stats", "--format", "json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    return next(int(x["value"]) for x in rows if x["metric"] == "triples")


# ----------------------------------------------------------------------------- happy paths


def test_every_command_has_help():
    for name, command in cli.commands.items():
        assert command.help, name
        r = CliRunner().invoke(cli, [name, "--help"])
        assert r.exit_code == 0 and "Usage:" in r.output


def test_events_jsonl_has_exactly_the_stable_fields(built):
    r = run(built, "events", "--format", "jsonl")
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) >= 12
    text = SEED.read_text(encoding="utf-8")
    for row in rows:
        assert list(row) == ["article", "event", "type", "mode", "source", "target", "place", "date",
                             "context", "topic", "evidence", "start", "end", "confidence"]
        assert row["article"] == "kontan-2021-12-31-biden-putin"
        assert text[row["start"]:row["end"]] == row["evidence"]
        for actor in row["source"] + row["target"]:
            assert set(actor) == {"id", "label", "iri"}
    urged = [r_ for r_ in rows if r_["type"] == "REQUEST"]
    assert urged and urged[0]["source"][0]["id"] == "Q6279" and urged[0]["target"][0]["id"] == "Q7747"


def test_events_csv_and_article_filter(built):
    r = run(built, "events", "--format", "csv", "--article", "no-such-article")
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [",".join(["article", "event", "type", "mode", "source", "target", "place",
                                               "date", "context", "topic", "evidence", "start", "end",
                                               "confidence"])]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_formats(built, fmt):
    r = run(built, "query", "who-warned-whom", "--format", fmt)
    assert r.exit_code == 0, r.stderr
    assert "Biden" in r.stdout or "Q6279" in r.stdout or "joe-biden" in r.stdout
    if fmt == "json":
        assert json.loads(r.stdout)["head"]["vars"]


def test_query_param_is_bound_not_pasted(built):
    before = count(built)
    r = run(built, "query", "quotes", "--param", 'speaker=x" } ; DROP ALL ; #', "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert count(built) == before


def test_query_from_stdin_and_file(built, tmp_path):
    q = "PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>\nSELECT (COUNT(*) AS ?n) WHERE { ?e a dip:Event }"
    r = run(built, "query", "-", "--format", "csv", input=q)
    assert r.exit_code == 0, r.stderr
    assert int(r.stdout.splitlines()[1]) >= 12
    f = tmp_path / "n.rq"
    f.write_text(q, encoding="utf-8")
    r2 = run(built, "query", str(f), "--format", "csv")
    assert r2.stdout == r.stdout


def test_export_turtle_parses_back(built, tmp_path):
    import rdflib

    out = tmp_path / "g.ttl"
    r = run(built, "export", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) > 300
    assert (rdflib.URIRef("https://w3id.org/kg-diplomacy/resource/person/joe-biden"),
            rdflib.URIRef("https://w3id.org/kg-diplomacy/ontology#warnedOf"),
            rdflib.URIRef("https://w3id.org/kg-diplomacy/resource/topic/sanctions")) in g


def test_validate_conforms(built):
    r = run(built, "validate")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "conforms" in r.stdout


def test_eval_reports_precision_and_recall(built):
    # the seed's gold alone: tests/gold also holds the development corpus, not built here
    r = run(built, "eval", str(ROOT / "tests" / "gold" / "kontan-2021-12-31-biden-putin.jsonl"),
            "--format", "json")
    assert r.exit_code == 0, r.stderr
    report = json.loads(r.stdout)
    ev = report["levels"]["event"]
    assert ev["gold"] >= 12
    assert ev["precision"] >= 0.9 and ev["recall"] >= 0.9
    assert report["levels"]["statement"]["recall"] >= 0.9


def test_rebuilding_is_skipped_when_unchanged(built):
    before = count(built)
    r = run(built, "build", str(SEED))
    assert r.exit_code == 0
    assert "1 unchanged" in r.stderr
    assert count(built) == before


# ------------------------------------------------------------------------------ bad input


def bad_inputs(tmp: Path) -> dict[str, Path]:
    cases = {}
    cases["missing"] = tmp / "nope.txt"
    (tmp / "empty.txt").write_text("   \n", encoding="utf-8")
    cases["empty"] = tmp / "empty.txt"
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    cases["binary"] = tmp / "binary.txt"
    (tmp / "latin1.txt").write_bytes(INDONESIAN.replace("Senin", "Sénin").encode("latin-1"))
    cases["not-utf8"] = tmp / "latin1.txt"
    (tmp / "page.txt").write_text("<!DOCTYPE html><html><head><title>x</title></head><body><div><p>"
                                  + INDONESIAN + "</p></div></body></html>", encoding="utf-8")
    cases["html"] = tmp / "page.txt"
    (tmp / "english.txt").write_text(
        "The foreign minister of Indonesia met his Malaysian counterpart in Jakarta on Monday. "
        "Both ministers agreed to strengthen cooperation on trade and security in the region, and they "
        "said that the meeting discussed many things that are important for the two countries.\n",
        encoding="utf-8")
    cases["english"] = tmp / "english.txt"
    (tmp / "bad.jsonl").write_text('{"id": "a", "title": "t", "text": \n', encoding="utf-8")
    cases["malformed-jsonl"] = tmp / "bad.jsonl"
    return cases


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "not-utf8", "html", "english", "malformed-jsonl"])
def test_bad_input_one_line_nonzero_store_intact(built, tmp_path, case):
    path = bad_inputs(tmp_path)[case]
    before = count(built)
    r = run(built, "build", str(path), "--date", "2025-06-02")
    assert r.exit_code != 0
    line = one_error_line(r)
    assert str(path.name) in line or case == "missing" and "nope.txt" in line
    assert count(built) == before


def test_huge_file_is_refused(built, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(INDONESIAN * 60_000, encoding="utf-8")  # ~20 MB, over the 5 MB limit
    before = count(built)
    r = run(built, "build", str(big))
    assert r.exit_code != 0
    assert "MB" in one_error_line(r) or "limit" in one_error_line(r)
    assert count(built) == before


def test_batch_keeps_good_articles_and_reports_bad_lines(tmp_path):
    store = tmp_path / "store"
    batch = tmp_path / "batch.jsonl"
    good = {"id": "good-1", "title": "Menlu bertemu", "text": INDONESIAN, "date": "2025-06-02",
            "outlet": "Kompas.com", "url": "https://example.org/a"}
    batch.write_text(json.dumps(good) + "\n" + "{not json\n" + json.dumps({"id": "no-text"}) + "\n",
                     encoding="utf-8")
    r = run(store, "build", str(batch))
    assert r.exit_code == 1
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("Error: ")]
    assert len(errors) == 2 and ":2:" in errors[0] and ":3:" in errors[1]
    assert "1 built" in r.stderr
    ids = run(store, "query", "articles", "--format", "csv").stdout
    assert "good-1" in ids


def test_build_from_stdin(tmp_path):
    store = tmp_path / "store"
    r = run(store, "build", "-", "--date", "2025-06-02", "--id", "piped", input=INDONESIAN.encode("utf-8"))
    assert r.exit_code == 0, r.stderr
    assert "piped" in run(store, "query", "articles", "--format", "csv").stdout


def test_bad_date_option(tmp_path):
    r = run(tmp_path / "s", "build", str(SEED), "--date", "31/12/2021")
    assert r.exit_code == 2
    assert "ISO date" in one_error_line(r)


@pytest.mark.parametrize("args,needle", [
    (["query", "no-such-query"], "unknown query"),
    (["query", "quotes", "--param", "nosuch=1"], "nosuch"),
    (["query", "quotes", "--param", "speaker"], "NAME=VALUE"),
    (["query", "-"], "SPARQL"),
])
def test_bad_queries(built, args, needle):
    r = run(built, *args, input="SELECT ?x WHERE { ?x ?y }" if args[-1] == "-" else None)
    assert r.exit_code == 2 or r.exit_code == 1
    assert needle.lower() in one_error_line(r).lower()


def test_locked_store_one_line_and_data_intact(built, tmp_path):
    """Another process holds the store open for writing: build refuses in one line."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pyoxigraph import Store
            s = Store({str(built)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        r = subprocess.run([*KG, "--store", str(built), "build", str(SEED), "--force"],
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 3, r.stderr
        assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: ") and "in use" in r.stderr
        # readers still work while the writer holds the lock
        q = subprocess.run([*KG, "--store", str(built), "query", "who-warned-whom", "--format", "csv"],
                           capture_output=True, text=True, timeout=120)
        assert q.returncode == 0, q.stderr
        assert "Biden" in q.stdout
    finally:
        holder.communicate("", timeout=30)
    assert count(built) > 0


def test_read_commands_do_not_import_spacy(built):
    code = textwrap.dedent(f"""
        import sys
        from kg.cli import cli
        for args in (["query", "who-warned-whom"], ["export"], ["events"], ["stats"]):
            try:
                cli(["--store", {str(built)!r}, *args], standalone_mode=False)
            except SystemExit:
                pass
        print("IMPORTED", sorted(m for m in ("spacy", "rdflib", "pyshacl") if m in sys.modules))
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr
    assert "IMPORTED []" in r.stdout
