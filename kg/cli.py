"""The ``kg`` command: a thin layer over the library that parses and prints.

Every user error is a ``KgError``: one line ``Error: …`` on stderr and a non-zero
exit (2 bad input or query, 3 store busy or unreadable, 1 a batch with failures or a
graph that does not conform). Commands that only read the store (query, export,
events, stats) import neither spaCy nor rdflib, so they start fast.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from datetime import date as _date
from typing import Iterator

import click

from kg import __version__
from kg.errors import InputError, KgError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
ROW_FORMATS = ["table", "csv", "tsv", "json"]


class _Group(click.Group):
    """Turns KgError into one line on stderr; never shows a traceback for user errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as e:
            click.echo(f"Error: {e.message}", err=True)
            ctx.exit(e.exit_code)
        except BrokenPipeError:  # `kg events | head`
            _silence_stdout()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as e:  # a bug: still one line, the traceback on request
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"Error: internal error: {type(e).__name__}: {' '.join(str(e).split())} "
                       "(set KG_DEBUG=1 for the traceback)", err=True)
            ctx.exit(70)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("--store", "store_path", envvar="KG_STORE", metavar="PATH",
              help="On-disk Oxigraph store (default: $KG_STORE or ./.kg/store; ':memory:' for none).")
@click.pass_context
def cli(ctx: click.Context, store_path: str | None) -> None:
    """Knowledge graphs of diplomatic events from Indonesian news.

    \b
    kg build examples/kontan-2021-12-31-biden-putin.txt
    kg query who-warned-whom --format csv
    kg events --format jsonl | head
    kg export -o graph.ttl
    """
    ctx.obj = {"store": store_path}


@contextmanager
def _store(ctx: click.Context, read_only: bool = False) -> Iterator:
    from kg.store import open_store

    path = ctx.obj["store"]
    store = open_store(path, memory=path == ":memory:", read_only=read_only)
    try:
        yield store
    finally:
        if not read_only:
            store.flush()


def _stdout():
    """Binary stdout (also under click's test runner)."""
    return sys.stdout.buffer


def _parse_date(value: str | None) -> _date | None:
    if value is None:
        return None
    try:
        return _date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date {value!r} is not an ISO date (YYYY-MM-DD)") from None


# ------------------------------------------------------------------------------ build


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH...|-")
@click.option("--date", "pub_date", metavar="YYYY-MM-DD", help="Publication date, when the input has none.")
@click.option("--outlet", help="Outlet name, when the input has none.")
@click.option("--id", "article_id", help="Article id for a single text article (default: file name).")
@click.option("--force", is_flag=True, help="Rebuild articles even when unchanged in the store.")
@click.option("-q", "--quiet", is_flag=True, help="No per-article lines on stderr.")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extraction processes (default: the machine's cores, fewer for small inputs, 1 for stdin).")
@click.option("--scheduler", metavar="ADDRESS|local",
              help="Extract on a Dask cluster (tcp://host:8786, or 'local' for a local one).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, metavar="N",
              help="Articles per bulk-load commit (default 300): the most an interruption redoes.")
@click.pass_context
def build(ctx, sources, pub_date, outlet, article_id, force, quiet, workers, scheduler, batch_size):
    """Extract events from articles into the store.

    PATH is a .txt article (metadata from NAME.meta.json beside it), a directory of
    them (with an optional SOURCES.tsv), a JSONL file with id, title, text, date,
    outlet, url per line, or - for standard input. Building an article again
    replaces its graph. Exit status 1 when some articles failed (the others are in).
    """
    from kg.batch import ProgressBar, auto_workers, count_articles
    from kg.pipeline import build as run_build

    total = count_articles(sources)
    if workers is None:
        workers = auto_workers(total)
    bar = ProgressBar(total) if not quiet and sys.stderr.isatty() else None

    def report_line(article: str, status: str) -> None:
        if status.startswith("failed"):
            if bar:
                bar.clear()
            click.echo(f"Error: {status[len('failed: '):]}", err=True)
        elif not quiet and not bar:
            click.echo(f"{status:9} {article}", err=True)

    with _store(ctx) as store:
        report = run_build(list(sources), store, date=_parse_date(pub_date), outlet=outlet,
                           article_id=article_id, force=force, on_article=report_line,
                           workers=workers, scheduler=scheduler, batch_size=batch_size,
                           progress=bar.update if bar else None)
    if bar:
        bar.close(report)
    if not quiet:
        click.echo(
            f"{report.built} built, {report.unchanged} unchanged, {len(report.failed)} failed; "
            f"{report.events} events, {report.statements} statements", err=True)
    if report.failed:
        ctx.exit(1)


# ------------------------------------------------------------------------------ query


@cli.command()
@click.argument("query", required=False, metavar="NAME|FILE.rq|-")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (repeatable); values are bound as RDF terms, never pasted.")
@click.option("-f", "--format", "fmt", type=click.Choice(ROW_FORMATS), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@click.pass_context
def query(ctx, query, params, fmt, list_):
    """Run a SPARQL query: a named query from queries/, a .rq file, or - for stdin."""
    from kg.query import list_queries, load_named_query, run_query
    from kg.output import write_query_result

    if list_ or not query:
        for q in list_queries():
            ps = " ".join(f"[{p.name}]" if p.optional else p.name for p in q.params)
            click.echo(f"{q.name:<20} {q.summary}" + (f"  params: {ps}" if ps else ""))
        return
    bound = {}
    for item in params:
        if "=" not in item:
            raise KgError(f"--param {item!r} must be NAME=VALUE")
        k, v = item.split("=", 1)
        bound[k.strip()] = v
    if query == "-":
        named = load_named_query("-", text=sys.stdin.read())
    else:
        named = load_named_query(query)
    with _store(ctx, read_only=True) as store:
        result = run_query(store, named, bound)
        write_query_result(result, fmt, _stdout())


# ----------------------------------------------------------------------------- export


@cli.command()
@click.option("-o", "--output", default="-", metavar="FILE|-", help="Where to write (default: stdout).")
@click.option("-f", "--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]),
              default=None, help="Default: from the file extension, else turtle.")
@click.option("--article", help="Only this article's graph.")
@click.option("--with-ontology", is_flag=True, help="Include the ontology graph.")
@click.pass_context
def export(ctx, output, fmt, article, with_ontology):
    """Write the graph as Turtle (with prefixes), TriG, N-Quads, N-Triples or JSON-LD."""
    from kg.export import export as run_export, format_for_path
    from kg.vocab import article_graph

    fmt = fmt or (format_for_path(output) if output != "-" else "turtle")
    with _store(ctx, read_only=True) as store:
        graph = article_graph(article) if article else None
        if output == "-":
            run_export(store, _stdout(), fmt, graph=graph, include_ontology=with_ontology)
        else:
            tmp = f"{output}.part"
            with open(tmp, "wb") as fh:
                run_export(store, fh, fmt, graph=graph, include_ontology=with_ontology)
            os.replace(tmp, output)
            click.echo(f"wrote {output}", err=True)


# ----------------------------------------------------------------------------- events


@cli.command()
@click.option("--article", help="Only this article (its id as given in the input).")
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="table",
              show_default=True)
@click.pass_context
def events(ctx, article, fmt):
    """The extracted events, one row each (the table evaluation uses)."""
    from kg.events import FIELDS, flat_row, iter_events
    from kg.output import write_rows

    out = _stdout()
    with _store(ctx, read_only=True) as store:
        rows = iter_events(store, article)
        if fmt == "jsonl":
            write_rows(rows, FIELDS, "jsonl", out)
        else:
            write_rows((flat_row(r) for r in rows), FIELDS, fmt, out)


# ------------------------------------------------------------------------ validate etc.


@cli.command()
@click.pass_context
def validate(ctx):
    """Check the graph against ontology/shapes.ttl (exit 0 conforms, 1 does not)."""
    from kg.validate import validate_store

    with _store(ctx, read_only=True) as store:
        result = validate_store(store)
    if result.conforms:
        click.echo("conforms")
        return
    for line in result.results:
        click.echo(line)
    click.echo(f"{len(result.results)} violation(s)", err=True)
    ctx.exit(1)


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(ROW_FORMATS), default="table", show_default=True)
@click.pass_context
def stats(ctx, fmt):
    """Counts: triples, articles, events by type, statements, linked entities."""
    from kg.output import write_rows
    from kg.store import stats as store_stats

    with _store(ctx, read_only=True) as store:
        s = store_stats(store)
    rows = []
    for k, v in s.items():
        if isinstance(v, dict):
            rows += [{"metric": f"{k}.{kk}", "value": vv} for kk, vv in v.items()]
        else:
            rows.append({"metric": k, "value": v})
    write_rows(rows, ["metric", "value"], fmt, _stdout())


@cli.command(name="eval")
@click.argument("gold", nargs=-1, required=True, metavar="GOLD.jsonl|DIR...")
@click.option("--input", "inputs", multiple=True, metavar="PATH",
              help="Build these articles into a fresh in-memory store and score that instead of --store.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--errors/--no-errors", default=True, help="List missed and spurious items.")
@click.pass_context
def eval_(ctx, gold, inputs, fmt, errors):
    """Precision, recall and F1 of the graph against gold annotations."""
    import json as _json

    from kg.evaluate import evaluate, format_report, load_gold

    records = load_gold(gold)
    if inputs:
        from kg.pipeline import build as run_build
        from kg.store import open_store

        store = open_store(memory=True)
        report = run_build(list(inputs), store)
        for where, why in report.failed:
            click.echo(f"Error: {why}", err=True)
        result = evaluate(store, records)
    else:
        with _store(ctx, read_only=True) as store:
            result = evaluate(store, records)
    if fmt == "json":
        click.echo(_json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(result, show_errors=errors))


# ------------------------------------------------------------------------ link, enrich


def _wikidata_options(f):
    """Options shared by the commands that call the Wikidata API."""
    f = click.option("--api", metavar="URL", envvar="KG_WIKIDATA_API",
                     help="Wikidata API endpoint (default: $KG_WIKIDATA_API or https://www.wikidata.org/w/api.php).")(f)
    f = click.option("--cache", "cache_path", metavar="FILE", envvar="KG_WIKIDATA_CACHE",
                     help="JSON cache of API answers (default: wikidata-cache.json beside the store).")(f)
    f = click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")(f)
    f = click.option("--rate", type=click.FloatRange(min=0.01), default=1.0, show_default=True,
                     help="At most this many requests per second.")(f)
    f = click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
                     help="Seconds to wait for one answer.")(f)
    f = click.option("--retries", type=click.IntRange(min=1, max=10), default=4, show_default=True,
                     help="Attempts per request (429/503 wait for Retry-After).")(f)
    return f


def _wikidata_client(ctx, api, cache_path, no_cache, rate, timeout, retries):
    from kg.store import default_store_path
    from kg.wikidata import WikidataClient, default_cache_path

    if no_cache:
        cache = None
    elif cache_path:
        cache = cache_path
    else:
        cache = default_cache_path(ctx.obj["store"] or default_store_path())
    return WikidataClient(api or None, cache_path=cache, rate=rate, timeout=timeout, retries=retries)


@cli.command()
@click.option("--report", is_flag=True, help="List unlinked and ambiguous mentions (the default action).")
@click.option("--online", is_flag=True, help="Link the entities the gazetteer lacks with the Wikidata API.")
@click.option("--dry-run", is_flag=True, help="With --online: look up and count, write nothing.")
@click.option("-f", "--format", "fmt", type=click.Choice(ROW_FORMATS), default="table", show_default=True)
@_wikidata_options
@click.pass_context
def link(ctx, report, online, dry_run, fmt, api, cache_path, no_cache, rate, timeout, retries):
    """Wikidata links: report what is unlinked, or link it online.

    \b
    kg link --report            unlinked and ambiguous mentions, with counts and candidates
    kg link --online            search Wikidata for unlinked entities (graph .../graph/links)
    kg link --online --report   both, the report after the online links

    Online linking writes only its own named graph, replaced whole; a network failure
    leaves the store unchanged. Answers are cached, so a second run sends no request.
    """
    from kg.errors import LinkError
    from kg.link import REPORT_FIELDS, link_online, link_report
    from kg.output import write_rows

    if dry_run and not online:
        raise InputError("--dry-run only goes with --online")
    if online:
        client = _wikidata_client(ctx, api, cache_path, no_cache, rate, timeout, retries)
        with _store(ctx) as store:
            try:
                with client:
                    res = link_online(store, client, dry_run=dry_run)
            except LinkError as e:
                raise LinkError(f"{e.message}; the store is unchanged") from None
        click.echo(
            f"online: {res.asked} entities looked up, {len(res.linked)} linked, "
            f"{len(res.ambiguous)} ambiguous; {res.requests} requests"
            + (" (dry run, nothing written)" if dry_run else ""), err=True)
    if report or not online:
        with _store(ctx, read_only=True) as store:
            rows = link_report(store)
        write_rows(rows, REPORT_FIELDS, fmt, _stdout())


@cli.command()
@_wikidata_options
@click.pass_context
def enrich(ctx, api, cache_path, no_cache, rate, timeout, retries):
    """Fetch labels, descriptions and instance-of (P31) of the linked Wikidata items.

    They go into the named graph <https://w3id.org/kg-diplomacy/graph/wikidata>, replaced
    whole; a network failure leaves the store unchanged.
    """
    from kg.errors import LinkError
    from kg.link import enrich as run_enrich

    client = _wikidata_client(ctx, api, cache_path, no_cache, rate, timeout, retries)
    with _store(ctx) as store:
        try:
            with client:
                res = run_enrich(store, client)
        except LinkError as e:
            raise LinkError(f"{e.message}; the store is unchanged") from None
    click.echo(f"enrich: {res.found} of {res.items} items, {res.quads} triples; {res.requests} requests", err=True)


# ------------------------------------------------------------------------------- push


@cli.command()
@click.argument("url", metavar="URL")
@click.option("--article", help="Only this article's graph.")
@click.option("--replace", is_flag=True,
              help="Send every graph, replacing it on the server (default: skip graphs it has).")
@click.option("-q", "--quiet", is_flag=True, help="No per-graph lines on stderr.")
@click.pass_context
def push(ctx, url, article, replace, quiet):
    """Send the graphs to a remote SPARQL store (Graph Store Protocol, PUT per named graph).

    URL is the store's Graph Store Protocol endpoint: http://HOST:7878/store (Oxigraph),
    http://HOST:3030/DATASET/data (Fuseki), http://HOST:7200/repositories/REPO/rdf-graphs/service
    (GraphDB).
    """
    from kg.push import push as run_push

    def line(graph: str, status: str) -> None:
        if not quiet:
            click.echo(f"{status:7} {graph}", err=True)

    with _store(ctx, read_only=True) as store:
        report = run_push(store, url, article=article, replace=replace, on_graph=line)
    click.echo(f"{len(report.pushed)} pushed ({report.quads} quads), "
               f"{len(report.skipped)} already there", err=True)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
