"""Online linking and enrichment against a real HTTP server on 127.0.0.1 that answers like the
Wikidata API (wbsearchentities, wbgetentities). No test reaches the internet."""

from __future__ import annotations

import gc
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat

from kg.cli import cli
from kg.errors import LinkError
from kg.link import link_online, link_report, link_targets
from kg.store import open_store
from kg.vocab import LINKS_GRAPH, WIKIDATA_GRAPH
from kg.wikidata import USER_AGENT, WikidataClient, _retry_after

KGR = "https://w3id.org/kg-diplomacy/resource/"
A = KGR + "article/a1"
G = "https://w3id.org/kg-diplomacy/graph/article/a1"
TEXT = "Anwar Ibrahim Sugiono Springfield Dewan NATO-Rusia Biden Georgia"


def _phrase(s: int, e: int, ent: str, method: str = "unlinked", candidates=()) -> str:
    cands = "".join(f" ; dip:candidate wd:{c}" for c in candidates)
    return (f'<{A}#char={s},{e}> a nif:Phrase, nif:RFC5147String ; nif:beginIndex {s} ; nif:endIndex {e} ; '
            f'nif:anchorOf "{TEXT[s:e]}" ; nif:referenceContext <{A}#char=0,{len(TEXT)}> ; '
            f'itsrdf:taIdentRef <{KGR}{ent}> ; dip:linkMethod "{method}" ; dip:linkConfidence 0.6{cands} .\n')


TRIG = f"""
@prefix dip: <https://w3id.org/kg-diplomacy/ontology#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix wd: <http://www.wikidata.org/entity/> .
<{G}> {{
  <{A}> a dip:Article, schema:NewsArticle ; schema:identifier "a1" ; schema:text <{A}#char=0,{len(TEXT)}> ;
      dip:contentHash "{"0" * 64}" .
  <{A}#char=0,{len(TEXT)}> a nif:Context ; nif:isString "{TEXT}" .
  <{KGR}person/anwar-ibrahim> a dip:Person, dip:Actor ; rdfs:label "Anwar Ibrahim" ; dip:linkMethod "unlinked" .
  <{KGR}person/sugiono> a dip:Person, dip:Actor ; rdfs:label "Sugiono" ; dip:linkMethod "unlinked" .
  <{KGR}city/springfield> a dip:City, dip:Place ; rdfs:label "Springfield" ; dip:linkMethod "unlinked" .
  <{KGR}organization/nato-russia-council> a dip:Organization, dip:Actor ; rdfs:label "NATO-Russia Council"@en ;
      dip:linkMethod "unlinked" .
  <{KGR}person/joe-biden> a dip:Person, dip:Actor ; rdfs:label "Joe Biden"@en ; owl:sameAs wd:Q6279 ;
      dip:linkMethod "exact" ; dip:linkConfidence 0.95 .
  <{KGR}country/georgia> a dip:Country, dip:Actor, dip:Place ; rdfs:label "Georgia" ; dip:linkMethod "unlinked" .
  {_phrase(0, 13, "person/anwar-ibrahim")}
  {_phrase(14, 21, "person/sugiono")}
  {_phrase(22, 33, "city/springfield")}
  {_phrase(34, 50, "organization/nato-russia-council")}
  {_phrase(51, 56, "person/joe-biden", "alias")}
  {_phrase(57, 64, "country/georgia", "unlinked", ("Q230", "Q1428"))}
}}
"""

SEARCH = {
    "Anwar Ibrahim": [
        {"id": "Q295120", "label": "Anwar Ibrahim", "description": "Prime Minister of Malaysia",
         "match": {"type": "label", "language": "en", "text": "Anwar Ibrahim"}},
        {"id": "Q999001", "label": "Anwar Ibrahim Street", "description": "road",
         "match": {"type": "label", "language": "en", "text": "Anwar Ibrahim Street"}},
    ],
    "Springfield": [
        {"id": "Q28515", "label": "Springfield", "match": {"type": "label", "language": "en", "text": "Springfield"}},
        {"id": "Q28513", "label": "Springfield", "match": {"type": "label", "language": "en", "text": "Springfield"}},
        {"id": "Q151885", "label": "Springfield", "match": {"type": "label", "language": "en", "text": "Springfield"}},
    ],
    "NATO-Russia Council": [
        {"id": "Q1129212", "label": "NATO–Russia Council", "aliases": ["NATO-Russia Council"],
         "match": {"type": "alias", "language": "en", "text": "NATO-Russia Council"}},
    ],
}
ENTITIES = {
    "Q295120": ("Anwar Ibrahim", "Anwar Ibrahim", "Prime Minister of Malaysia", ["Q5"]),
    "Q999001": ("Anwar Ibrahim Street", None, "road", ["Q34442"]),
    "Q28515": ("Springfield", None, "capital of Illinois", ["Q1093829"]),
    "Q28513": ("Springfield", None, "city in Massachusetts", ["Q1093829"]),
    "Q151885": ("Springfield", None, "fictional town", ["Q1964689"]),
    "Q1129212": ("NATO–Russia Council", "Dewan NATO-Rusia", "body", ["Q484652"]),
    "Q6279": ("Joe Biden", "Joe Biden", "46th president of the United States", ["Q5"]),
}


def _entity(qid: str) -> dict:
    if qid not in ENTITIES:
        return {"id": qid, "missing": ""}
    en, id_, desc, p31 = ENTITIES[qid]
    labels = {"en": {"language": "en", "value": en}}
    if id_:
        labels["id"] = {"language": "id", "value": id_}
    claims = {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31",
                                    "datavalue": {"value": {"entity-type": "item", "id": t}, "type": "wikibase-entityid"}},
                       "type": "statement", "rank": "normal"} for t in p31],
              "P17": [{"mainsnak": {"datavalue": {"value": {"id": "Q833"}}}, "rank": "normal"}]}
    return {"type": "item", "id": qid, "labels": labels,
            "descriptions": {"en": {"language": "en", "value": desc}}, "claims": claims}


class FakeWikidata(BaseHTTPRequestHandler):
    server: "Server"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        srv = self.server
        with srv.lock:
            srv.requests += 1
            srv.agents.append(self.headers.get("User-Agent", ""))
            action = srv.plan.pop(0) if srv.plan else "ok"
        if action == "429":
            return self._send(429, {"error": "too many"}, {"Retry-After": "1"})
        if action == "503":
            return self._send(503, {"error": "unavailable"}, {"Retry-After": "2"})
        if action == "500":
            return self._send(500, {"error": "boom"})
        if action == "sleep":
            time.sleep(1.0)
        q = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        if q.get("action") == "wbsearchentities":
            hits = [dict(h, concepturi="http://www.wikidata.org/entity/" + h["id"]) for h in SEARCH.get(q.get("search", ""), [])]
            return self._send(200, {"searchinfo": {"search": q.get("search")}, "search": hits, "success": 1})
        if q.get("action") == "wbgetentities":
            ids = q.get("ids", "").split("|")
            return self._send(200, {"entities": {i: _entity(i) for i in ids}, "success": 1})
        return self._send(200, {"error": {"code": "badvalue", "info": "unknown action"}})

    def _send(self, code: int, body: dict, headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client gave up (timeout test)
            pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FakeWikidata)
        self.lock = threading.Lock()
        self.requests = 0
        self.agents: list[str] = []
        self.plan: list[str] = []

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/w/api.php"


@pytest.fixture
def server():
    srv = Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def store_path(tmp_path) -> Path:
    path = tmp_path / "store"
    store = open_store(path)
    store.load(TRIG.encode(), format=RdfFormat.TRIG)
    store.flush()
    del store
    gc.collect()
    return path


def _client(server, tmp_path, **kw) -> WikidataClient:
    sleeps: list[float] = []
    kw.setdefault("sleep", sleeps.append)
    kw.setdefault("rate", 1000)
    c = WikidataClient(server.api, cache_path=tmp_path / "cache.json", timeout=5, **kw)
    c.sleeps = sleeps  # type: ignore[attr-defined]
    return c


def _dump(path: Path) -> set[str]:
    store = open_store(path, read_only=True)
    out = {str(q) for q in store}
    del store
    gc.collect()
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------------ the client


def test_user_agent_is_descriptive(server, tmp_path):
    with _client(server, tmp_path) as c:
        c.search("Springfield", "en")
    assert server.agents == [USER_AGENT]
    assert USER_AGENT.startswith("kg/") and "(" in USER_AGENT and "python-urllib/" in USER_AGENT


def test_429_waits_for_retry_after_then_succeeds(server, tmp_path):
    server.plan = ["429", "503"]
    # one request a second: a wait of Retry-After seconds paces the next request already, so
    # no pacing sleep comes on top of it (the sleeps here are recorded, not slept)
    c = _client(server, tmp_path, rate=1)
    assert [h["id"] for h in c.search("Springfield", "en")] == ["Q28515", "Q28513", "Q151885"]
    assert server.requests == 3
    assert c.sleeps == [1.0, 2.0]  # Retry-After honoured


def test_retry_after_is_bounded(server, tmp_path):
    server.plan = ["503"]
    c = _client(server, tmp_path, max_wait=0.5)
    c.search("Springfield", "en")
    assert c.sleeps == [0.5]
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 3.0) == 0.0  # a date in the past
    assert _retry_after(None, 3.0) == 3.0


def test_500_is_retried_and_gives_up_with_one_line(server, tmp_path):
    server.plan = ["500"] * 3
    c = _client(server, tmp_path, retries=3)
    with pytest.raises(LinkError) as e:
        c.search("Springfield", "en")
    assert server.requests == 3
    assert "failed after 3 attempts (HTTP 500)" in str(e.value) and "\n" not in str(e.value)


def test_timeout_is_retried(server, tmp_path):
    server.plan = ["sleep"]
    c = WikidataClient(server.api, cache_path=None, rate=1000, timeout=0.3, sleep=lambda s: None)
    assert c.search("Springfield", "en")
    assert c.requests == 2


def test_rate_is_bounded(server, tmp_path):
    c = _client(server, tmp_path, sleep=time.sleep)
    c.min_interval = 0.2
    start = time.monotonic()
    for name in ("Springfield", "Anwar Ibrahim", "NATO-Russia Council"):
        c.search(name, "en")
    assert time.monotonic() - start >= 0.38


def test_cache_makes_the_second_run_silent(server, tmp_path):
    with _client(server, tmp_path) as c:
        c.search("Springfield", "en")
        c.entities(["Q28515", "Q151885", "Q404"])
    n = server.requests
    with _client(server, tmp_path) as c:
        assert len(c.search("Springfield", "en")) == 3
        got = c.entities(["Q28515", "Q151885", "Q404"])
    assert server.requests == n and c.requests == 0
    assert got["Q28515"]["P31"] == ["Q1093829"] and "Q404" not in got
    cached = json.loads((tmp_path / "cache.json").read_text())
    assert "claims" not in json.dumps(cached)  # reduced entities only


def test_api_error_is_one_line(server, tmp_path):
    c = _client(server, tmp_path)
    with pytest.raises(LinkError, match="refused the request: badvalue"):
        c._get({"action": "nonsense"})


# ------------------------------------------------------------------------- linking online


def test_targets_skip_linked_and_ambiguous(store_path):
    store = open_store(store_path, read_only=True)
    targets = {iri.rsplit("/", 1)[-1]: (kind, label) for iri, kind, label, _ in link_targets(store)}
    assert targets == {
        "anwar-ibrahim": ("person", "Anwar Ibrahim"),
        "sugiono": ("person", "Sugiono"),
        "springfield": ("city", "Springfield"),
        "nato-russia-council": ("organization", "NATO-Russia Council"),
    }


def test_link_online_is_right_rather_than_eager(server, tmp_path, store_path):
    store = open_store(store_path)
    with _client(server, tmp_path) as c:
        res = link_online(store, c)
    linked = {iri.rsplit("/", 1)[-1]: q for iri, (q, _) in res.linked.items()}
    # Anwar Ibrahim: the person, not the street; the council by its alias; Springfield has two
    # typed cities -> ambiguous; Sugiono (one word) is never looked up
    assert linked == {"anwar-ibrahim": "Q295120", "nato-russia-council": "Q1129212"}
    assert list(res.ambiguous.values()) == [["Q28513", "Q28515"]]
    assert res.asked == 3
    links = {(q.subject.value.rsplit("/", 1)[-1], q.predicate.value.rsplit("#", 1)[-1], q.object.value)
             for q in store.quads_for_pattern(None, None, None, LINKS_GRAPH)}
    assert ("anwar-ibrahim", "sameAs", "http://www.wikidata.org/entity/Q295120") in links
    assert ("anwar-ibrahim", "linkMethod", "online-search") in links
    # the report no longer lists what was linked online
    surfaces = {r["surface"]: r["status"] for r in link_report(store)}
    assert surfaces == {"Sugiono": "unlinked", "Springfield": "unlinked", "Georgia": "ambiguous"}


def run(store: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(store), *args], catch_exceptions=False)


def test_cli_link_report_formats(store_path):
    r = run(store_path, "link", "--report", "--format", "json")
    assert r.exit_code == 0, r.stderr
    rows = {x["surface"]: x for x in json.loads(r.stdout)}
    assert rows["Georgia"]["status"] == "ambiguous" and rows["Georgia"]["candidates"] == "Q230 Q1428"
    assert rows["Anwar Ibrahim"] == {"surface": "Anwar Ibrahim", "kind": "person", "status": "unlinked",
                                     "mentions": 1, "articles": 1, "candidates": "",
                                     "entity": "kgr:person/anwar-ibrahim"}
    r = run(store_path, "link", "-f", "csv")
    assert r.stdout.splitlines()[0] == "surface,kind,status,mentions,articles,candidates,entity"


def test_cli_online_then_cached_then_enrich_then_validate(server, tmp_path, store_path):
    cache = tmp_path / "c.json"
    r = run(store_path, "link", "--online", "--api", server.api, "--cache", str(cache), "--rate", "100")
    assert r.exit_code == 0, r.stderr
    assert "3 entities looked up, 2 linked, 1 ambiguous" in r.stderr
    first = server.requests
    assert first > 0
    before = _dump(store_path)
    r = run(store_path, "link", "--online", "--api", server.api, "--cache", str(cache))
    assert r.exit_code == 0, r.stderr
    assert server.requests == first and "0 requests" in r.stderr
    assert _dump(store_path) == before

    r = run(store_path, "enrich", "--api", server.api, "--cache", str(cache), "--rate", "100")
    assert r.exit_code == 0, r.stderr
    assert "3 of 3 items" in r.stderr  # Q6279 (article graph) + the two online links
    store = open_store(store_path, read_only=True)
    facts = {(q.subject.value[31:], q.predicate.value.rsplit("/", 1)[-1], q.object.value)
             for q in store.quads_for_pattern(None, None, None, WIKIDATA_GRAPH)}
    del store
    gc.collect()
    assert ("Q6279", "rdf-schema#label", "Joe Biden") in facts
    assert ("Q295120", "P31", "http://www.wikidata.org/entity/Q5") in facts
    assert ("Q1129212", "description", "body") in facts

    r = run(store_path, "validate")
    assert r.exit_code == 0, r.output


def test_cli_network_failure_one_line_store_unchanged(tmp_path, store_path):
    before = _dump(store_path)
    dead = f"http://127.0.0.1:{_free_port()}/w/api.php"
    for cmd in (["link", "--online"], ["enrich"]):
        r = run(store_path, *cmd, "--api", dead, "--no-cache", "--retries", "2", "--timeout", "1")
        assert r.exit_code == 4, r.output
        errors = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(errors) == 1 and errors[0].startswith("Error: Wikidata API at ")
        assert errors[0].endswith("the store is unchanged")
        assert _dump(store_path) == before


def test_dry_run_needs_online(store_path):
    r = run(store_path, "link", "--dry-run")
    assert r.exit_code == 2 and "--dry-run only goes with --online" in r.stderr


def test_link_report_does_not_import_spacy(store_path):
    import os
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(f"""
        import sys
        from kg.cli import cli
        try:
            cli(["--store", {str(store_path)!r}, "link", "--report"], standalone_mode=False)
        except SystemExit:
            pass
        print("IMPORTED", sorted(m for m in ("spacy", "rdflib", "pyshacl") if m in sys.modules))
    """)
    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(root)})
    assert r.returncode == 0, r.stderr
    assert "IMPORTED []" in r.stdout and "Georgia" in r.stdout
