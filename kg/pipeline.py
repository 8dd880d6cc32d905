"""ingest -> extract -> ontology -> store, for one article or a whole batch.

The unit of work and of failure is the article: each one is read, extracted and
mapped in full before its named graph replaces the old one in a single
transaction. A bad article is reported and skipped; the good ones still go in,
and nothing already in the store is lost.

    >>> from kg.pipeline import build
    >>> from kg.store import open_store
    >>> store = open_store(memory=True)
    >>> report = build(["examples/kontan-2021-12-31-biden-putin.txt"], store)
    >>> report.built, report.events > 10
    (1, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from kg.errors import InputError, KgError
from kg.ingest import read_articles
from kg.model import Article, Extraction


@dataclass
class BuildReport:
    built: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where, one-line reason)
    events: int = 0
    statements: int = 0
    entities: int = 0
    articles: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


_EXTRACTOR = None


def extractor():
    """The shared extractor (spaCy pipeline and patterns load once per process)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from kg.extract import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def extract(article: Article) -> Extraction:
    return extractor().extract(article)


def article_quads(article: Article) -> tuple[Extraction, list]:
    from kg.ontology import to_quads

    ex = extract(article)
    return ex, to_quads(ex)


def build(
    sources: Iterable[str],
    store,
    *,
    date: date | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    force: bool = False,
    on_article: Callable[[str, str], None] | None = None,
) -> BuildReport:
    """Build every article of ``sources`` (paths, directories, JSONL, or "-") into ``store``.

    ``on_article(article_id, status)`` is called after each article with status
    "built", "unchanged" or "failed: reason".
    """
    from kg.ontology_data import ontology_quads
    from kg.store import article_hash, ensure_ontology, replace_graph
    from kg.vocab import article_graph

    ensure_ontology(store, ontology_quads())
    report = BuildReport()
    notify = on_article or (lambda _id, _status: None)
    for source in sources:
        try:
            items = read_articles(source, date=date, outlet=outlet, article_id=article_id)
            for item in items:
                if isinstance(item, InputError):
                    report.failed.append((source, item.message))
                    notify(source, f"failed: {item.message}")
                    continue
                article = item
                try:
                    if not force and article_hash(store, article.id) == article.content_hash:
                        report.unchanged += 1
                        report.articles.append(article.id)
                        notify(article.id, "unchanged")
                        continue
                    ex, quads = article_quads(article)
                    replace_graph(store, article_graph(article.id), quads)
                except KgError as e:
                    report.failed.append((article.id, e.message))
                    notify(article.id, f"failed: {e.message}")
                    continue
                report.built += 1
                report.events += len(ex.events)
                report.statements += len(ex.statements)
                report.entities += len(ex.entities)
                report.articles.append(article.id)
                notify(article.id, "built")
        except InputError as e:
            report.failed.append((source, e.message))
            notify(source, f"failed: {e.message}")
    return report
