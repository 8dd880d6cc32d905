"""Plain data passed between the stages: ingest -> extract -> ontology (RDF).

Offsets are character offsets into ``Article.text`` (the whole text as read,
title line and header lines included), so every fact can be traced back to the
exact sentence it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    date: date | None = None
    outlet: str | None = None
    url: str | None = None
    agency: str | None = None  # "Sumber: Bloomberg"
    editor: str | None = None
    author: str | None = None
    dateline: str | None = None  # "MOSKOW"
    language: str = "id"
    source_path: str | None = None
    related: list[str] = field(default_factory=list)  # "Baca Juga:" headlines
    # (start, end) character spans of the text that may carry events: body lines
    # only, never header, dateline prefix, "Baca Juga", promo or caption lines.
    body_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        h.update(self.text.encode("utf-8"))
        h.update(repr((self.date, self.outlet, self.url, self.title)).encode("utf-8"))
        return h.hexdigest()


@dataclass
class Entity:
    """An actor, place or topic as resolved within one article."""

    key: str  # stable slug, e.g. "joe-biden"; with ``kind`` it makes our IRI
    label: str  # canonical label (English where the gazetteer has one)
    kind: str  # person | country | organization | city | location | topic
    qid: str | None = None  # Wikidata QID when linked
    label_id: str | None = None  # Indonesian label
    link_method: str | None = None  # exact | alias | role-at-date | context
    link_confidence: float | None = None
    positions: list["PositionHolding"] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def is_place(self) -> bool:
        return self.kind in {"city", "location", "country"}


@dataclass
class PositionHolding:
    """Person holds a position (of a country or organisation) as of the article date."""

    position_label: str  # "President of Russia"
    position_label_id: str | None = None  # "Presiden Rusia"
    position_qid: str | None = None
    of: str | None = None  # entity key of the country/org (None when the article never names it)
    of_ref: str | None = None  # its gazetteer id (QID or key), named in the article or not
    evidence: tuple[int, int] | None = None


@dataclass
class Event:
    type: str  # PLOVER type: CONSULT, AGREE, REQUEST, THREATEN, ...
    sources: list[str] = field(default_factory=list)  # entity keys
    targets: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    mode: str | None = None  # phone | video | visit | host | thirdParty | multilateral
    place: str | None = None  # entity key
    date: date | None = None
    date_text: str | None = None
    duration_minutes: int | None = None
    topics: list[str] = field(default_factory=list)  # topic entity keys
    contexts: list[str] = field(default_factory=list)  # Future Planned Hypothetical Negated Reported
    condition: str | None = None  # the condition clause, as text
    trigger: str | None = None
    evidence: tuple[int, int] = (0, 0)  # sentence span
    confidence: float = 0.5
    # direct properties derived from this event: (subject key, property, object key)
    relations: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Statement:
    speaker: str | None  # entity key; None for an unnamed source
    speaker_label: str  # "Yuri Ushakov" or "seorang pejabat AS"
    content: str  # the quote or reported content
    evidence: tuple[int, int] = (0, 0)
    content_span: tuple[int, int] | None = None
    confidence: float = 0.5


@dataclass
class Extraction:
    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    # every actor/place mention (kg.entities.Mention) in the body, with its link
    mentions: list = field(default_factory=list)
