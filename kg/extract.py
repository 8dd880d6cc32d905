"""Event, statement and position extraction from one article.

Rule-based, over the spaCy tokens of ``spacy.blank("id")`` and the entity mentions of
``kg.entities``. What the rules look for is data (``kg/data/triggers.toml``,
``cues.toml``, ``topics.tsv``); this module is the machinery that reads Indonesian
clause structure well enough to fill the roles of an event:

* a *trigger* (``mendesak``, ``pertemuan``, ``panggilan telepon``) in one of four
  voices: active (source left, target right), passive (target left, source after
  ``oleh`` or right after the verb), intransitive (``bertemu dengan X``) and noun
  (``peringatan Biden bahwa …``, ``pertemuan Dewan Rusia-NATO``, ``antara X dan Y``);
* clause boundaries (commas, complementisers, speech verbs), so a subject is looked
  for in the trigger's own clause and coordinated verbs share a subject;
* coreference that news needs: ``Dia``/``Ia``, ``kedua pemimpin``, subjects carried
  into the next sentence, ``orang itu`` for an unnamed source, anaphoric
  ``pembicaraan itu`` that adds duration, topic and mode to an earlier call;
* context: future and planned (``akan``, ``dijadwalkan``, a date after
  publication), conditions (``jika …`` becomes ``dip:condition``), negation, and
  reported speech.

Offsets are character offsets in ``Article.text``.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import csv
import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable, NamedTuple

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

from kg.dates import NUMBER_WORDS, DateMention, resolve_dates, resolve_relative
from kg.entities import LOCAL_BODIES, NATIONAL_TEAM, Mention, annotate, capitals, cities, find_mentions, make_nlp
from kg.gazetteer import Gazetteer
from kg.model import Article, Entity, Event, Extraction, PositionHolding, Statement
from kg.morph import derive, voice_of
from kg.resources import data_file

ACTOR_KINDS = {"person", "country", "organization"}
# joint acts: one side alone agrees or cooperates with the other side of the article's
# meeting (a directed act, a request or support, may address anyone, so it is not inferred)
PARTNER_TYPES = {"AGREE", "COOPERATE"}
# what may be done: with these before it, an escalation is a threat
MODALS = {"dapat", "bisa", "siap", "mungkin"}
# what a request asks for follows these: "mendesak agar …", "mendorong X untuk melanjutkan dialog"
ASKED_FOR = {"agar", "supaya", "untuk"}
_WORDS = re.compile(r"\w+")
# "kelima negara itu": how many states the phrase takes up again
COLLECTIVE_NUMERALS = {
    "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
    "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
}  # fmt: skip
# between the one who must and "harus": "AS juga harus", "Israel tetap harus"
OBLIGATION_ADVERBS = frozenset({"juga", "pun", "tetap", "memang", "tentu", "segera", "sebenarnya"})
# ", saat …": at the same time as the clause before
SIMULTANEOUS = {"saat", "ketika", "sewaktu", "selama", "dalam"}
# prefixes written together with the noun they modify ("pascaserangan": after the attack)
BOUND_PREFIXES = ("pasca",)
# what may stand between coordinated actors ("X dan Y", "X-Y", "X, Y")
COORDINATION = {"", "-", "--", "dan", ",", "serta", ", dan", "dan juga", "/", "–", "plus", "maupun", ", maupun", "&"}  # "baik X maupun Y", "China & AS"
# ... of them, those that join a list read backwards from its end (not "X-Y" or adjacent names:
# "Presiden AS Donald Trump")
LIST_GAPS = COORDINATION - {"", "-", "--", "–"}
PURPOSE = {"untuk", "guna", "demi"}  # purpose clauses share their matrix subject
AFTER_WHEN = {"setelah", "sesudah", "usai", "seusai", "sebelum", "sembari", "sambil", "seraya"}  # so do time clauses
# a protest "setelah/menyusul X …" answers X's act (the time words that follow an act)
PROVOKED_BY = frozenset(AFTER_WHEN - {"sebelum", "sembari", "sambil", "seraya"} | {"menyusul", "pasca"})
# spaCy keeps every word it has seen, for good (a Lexeme and its strings): 55,000 words after
# 3,000 bulk articles, and the process grows by ~1 KiB per word. Once the vocabulary holds
# this many, each article runs in a spaCy memory zone, which frees the words new to it when
# it is done. The words of the first articles (the common ones) stay, with the tokenizer's
# cache of them: a zone caches nothing, so zoning every article doubles the extraction's CPU.
# Measured extracting 3,000 bulk articles in one process: +12 MiB from article 1,000 to
# 3,000 before, +1 MiB with this limit, for ~5% more CPU after it is reached.
VOCAB_LIMIT = 30_000
# acts done by saying: a second one coordinated after a request's "agar" clause is the
# speaker's own act, not part of what is asked for
SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})
OBJECT_PREPS = ("kepada", "terhadap", "atas", "bagi")  # prepositions that mark a verb's target
PLACE_KINDS = {"city", "country", "location"}
QUOTE_CHARS = "\"“”„«»"
DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
TITLE_JOINERS = frozenset({"of", "for", "the", "and", "on", "dan", "urusan", "bidang"})  # inside a title


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Trigger:
    id: str
    type: str
    words: tuple[str, ...]  # lower-cased tokens of the form
    voice: str  # active | passive | intransitive | noun
    mode: str | None
    relation: str | None
    topic_relation: str | None
    place_relation: str | None
    complement: bool
    target_kinds: frozenset[str]
    not_followed_by: frozenset[str]
    object_any: frozenset[str]
    confidence: float
    untargeted_type: str | None = None  # the type when no target is named (a launch: MOBILIZE)
    not_preceded_by: frozenset[str] = frozenset()  # "KTT Peringatan …" is a commemoration
    target_preps: tuple[str, ...] = ()  # more prepositions that mark the target ("ke" of an attack)
    needs_light_verb: bool = False  # a noun form counts only after a light verb ("memberikan bantuan")
    needs_consequence: bool = False  # a warning is a threat only with a consequence after it
    needs_irrealis: bool = False  # only what will or may be done ("akan", "dapat", "jika …")
    needs_target: bool = False  # only towards someone ("keprihatinan atas serangan Israel")
    object_reach: int = 4  # how many words after the form object_any looks
    person_next: bool = False  # only with a person named next, titles between ("menerima PM Anwar")
    needs_object: bool = False  # the event needs a target or a topic ("menolak" what?)


@dataclass(frozen=True)
class Topic:
    key: str
    label_en: str
    label_id: str
    patterns: tuple[tuple[str, ...], ...]


@dataclass
class Patterns:
    triggers: dict[str, list[Trigger]]  # first word -> triggers starting with it
    cues: dict
    topics: list[Topic]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Patterns":
        return cls.load()

    @classmethod
    def load(cls) -> "Patterns":
        with open(data_file("triggers.toml"), "rb") as fh:
            spec = tomllib.load(fh)
        with open(data_file("cues.toml"), "rb") as fh:
            cues = tomllib.load(fh)
        triggers: dict[str, list[Trigger]] = {}
        for t in spec["trigger"]:
            forms: dict[str, str] = {}
            for root, frames in t.get("derive", {}).items():
                forms.update(derive(root, frames))
            for form in t.get("forms", []):
                forms.setdefault(form, voice_of(form.split()[0]))
            for form in t.get("intransitive", []):
                forms[form] = "intransitive"
            for form, voice in forms.items():
                words = tuple(form.lower().split())
                trig = Trigger(
                    id=t["id"],
                    type=t["type"],
                    words=words,
                    voice=voice,
                    mode=t.get("mode"),
                    relation=t.get("relation"),
                    topic_relation=t.get("topic_relation"),
                    place_relation=t.get("place_relation"),
                    complement=bool(t.get("complement", False)),
                    target_kinds=frozenset(t.get("target_kinds", ())),
                    not_followed_by=frozenset(w.lower() for w in t.get("not_followed_by", ())),
                    object_any=frozenset(w.lower() for w in t.get("object_any", ())),
                    confidence=float(t.get("confidence", 0.7)),
                    untargeted_type=t.get("untargeted_type"),
                    not_preceded_by=frozenset(w.lower() for w in t.get("not_preceded_by", ())),
                    target_preps=tuple(t.get("target_preps", ())),
                    needs_light_verb=bool(t.get("needs_light_verb", False)),
                    needs_consequence=bool(t.get("needs_consequence", False)),
                    needs_irrealis=bool(t.get("needs_irrealis", False)),
                    needs_target=bool(t.get("needs_target", False)),
                    object_reach=int(t.get("object_reach", 4)),
                    person_next=bool(t.get("person_next", False)),
                    needs_object=bool(t.get("needs_object", False)),
                )
                triggers.setdefault(words[0], []).append(trig)
        for lst in triggers.values():
            lst.sort(key=lambda tr: -len(tr.words))  # longest form first
        topics = []
        with open(data_file("topics.tsv"), encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                pats = tuple(tuple(p.lower().split()) for p in row["patterns"].split("|") if p)
                topics.append(Topic(row["key"], row["label_en"], row["label_id"], pats))
        return cls(triggers, cues, topics)

    def words(self, section: str, name: str) -> set[str]:
        return {w.lower() for w in self.cues[section][name]}


# ----------------------------------------------------------------------- sentences


class Word(NamedTuple):
    text: str
    lower: str
    start: int
    end: int


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    words: list[Word]
    mentions: list[Mention]  # actor/place mentions inside, by position
    quotes: list[tuple[int, int]]  # quoted char spans
    dates: list  # DateMention objects inside, resolved
    text: str = ""  # the whole article text (offsets index into it)
    tail_start: int | None = None  # start of ", kata X" attribution
    speakers: list[str] = field(default_factory=list)  # the statement's speaker(s), if any
    content_span: tuple[int, int] | None = None  # what the speaker said

    @property
    def speaker(self) -> str | None:
        """Entity key of the statement's (first) speaker, if any."""
        return self.speakers[0] if self.speakers else None

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quotes)

    def says(self, pos: int) -> bool:
        """Offset ``pos`` is inside what the sentence's speaker says."""
        return self.content_span is not None and self.content_span[0] <= pos < self.content_span[1]


@dataclass
class Match:
    trigger: Trigger
    i: int  # first word index
    j: int  # last word index + 1

    @property
    def voice(self) -> str:
        return self.trigger.voice


@dataclass
class DocState:
    """What the extractor remembers while reading an article, sentence by sentence."""

    last_person: str | None = None
    last_speaker: str | None = None
    last_subject: list[str] = field(default_factory=list)
    last_anonymous: str | None = None
    main_consult: Event | None = None
    last_consult: Event | None = None
    last_pair: list[str] = field(default_factory=list)  # the actors of the last two-actor event
    pairs: list[list[str]] = field(default_factory=list)  # the actors of the two-actor events, last last
    last_government: str | None = None  # the country of the last "Pemerintah X"
    # the country or body whose unnamed spokesperson spoke last, when no one was named since
    # ("Juru Bicara Kementerian Luar Negeri Korea Utara mengatakan, … . Dia juga menuduh …")
    spokesperson_of: str | None = None
    last_of_kind: dict = field(default_factory=dict)  # kind -> the last two such actors named, last last
    ex: Extraction | None = None  # the article's extraction, to add entities a reference needs
    private: frozenset[str] = frozenset()  # people known only by name, no actors on their own
    pair_here: list[str] = field(default_factory=list)  # the two sides of an event of this sentence
    last_country_list: list[str] = field(default_factory=list)  # the last list of two or more states


# ------------------------------------------------------------------------ extractor


class Extractor:
    def __init__(self, nlp=None, patterns: Patterns | None = None):
        self.nlp = nlp if nlp is not None else make_nlp()
        self._zoned = False  # articles run in memory zones (VOCAB_LIMIT)
        self.p = patterns or Patterns.default()
        c = self.p
        self.future = c.words("context", "future")
        self.planned = c.words("context", "planned")
        self.negation = c.words("context", "negation")
        self.not_negating = c.words("context", "not_negating")
        self.hypothetical = c.words("context", "hypothetical")
        self.deontic = c.words("context", "deontic")
        self.condition = c.words("clause", "condition")
        self.condition_clause = c.words("clause", "condition_clause")
        self.complementizer = c.words("clause", "complementizer")
        self.oblique = c.words("clause", "oblique")
        self.light_verbs = c.words("clause", "light_verbs")
        self.participation = c.words("clause", "participation")
        self.address = c.words("clause", "address")
        self.allied = c.words("clause", "allied")
        self.accompany = c.words("clause", "accompany")
        self.obligation = c.words("clause", "obligation")
        self.origin_heads = c.words("clause", "origin_heads")
        self.organised_by = c.words("clause", "organised_by")
        self.people_of = c.words("clause", "people_of")
        self.origin = c.words("clause", "origin")
        self.local_government = c.words("clause", "local_government")
        self.saying_circumstances = c.words("speech", "circumstances")
        self.harm_verbs = c.words("clause", "harm_verbs")
        self.noun_modifiers = c.words("clause", "noun_modifiers")
        self.speech_verbs = c.words("speech", "verbs")
        self.tail = c.words("speech", "tail")
        self.according = c.words("speech", "according")
        self.anon_heads = c.words("speech", "anonymous_heads")
        self.anon_anaphora = [tuple(x.split()) for x in c.words("speech", "anaphoric_anonymous")]
        self.threat_cues = [tuple(x.split()) for x in c.words("threat", "cues")]
        self.pron_person = c.words("coref", "pronouns_person")
        self.pron_first = c.words("coref", "pronouns_first")
        self.pron_country = c.words("coref", "pronouns_country")
        self.neighbour = c.words("coref", "neighbour")
        self.including = c.words("clause", "including")
        self.manner = c.words("clause", "manner")
        self.what_follows = c.words("threat", "follows")
        self.receive_verbs = c.words("clause", "receive_verbs")
        self.consequence = c.words("threat", "consequence")
        self.fronted = c.words("clause", "fronted")
        self.adverbs = c.words("clause", "adverbs")
        self.statement_nouns = c.words("clause", "statement_nouns")
        self.own_people = c.words("clause", "own_people")
        self.linking_adverbs = c.words("clause", "linking_adverbs")
        self.setting = c.words("clause", "setting")
        self.irrealis = c.words("context", "irrealis")
        self.about = c.words("clause", "about")
        self.control_verbs = c.words("clause", "control_verbs")
        self.both_leaders = [tuple(x.split()) for x in c.words("coref", "both_leaders")]
        self.both_countries = [tuple(x.split()) for x in c.words("coref", "both_countries")]
        self.coref_heads = {p[0] for p in self.both_leaders + self.both_countries}
        self.past = c.words("context", "past")
        self.deny_verbs = c.words("context", "deny_verbs")
        self.denial_before = [tuple(x.split()) for x in c.words("context", "denial_before")] + [
            (v,) for v in self.deny_verbs]
        self.denial_after = [tuple(x.split()) for x in c.words("context", "denial_after")]
        self.desire = c.words("context", "desire")
        self.performative = c.words("context", "performative")
        self.facilities = _facilities()
        self.report_words = c.words("speech", "report_words")
        self.said_before = [tuple(x.split()) for x in c.words("speech", "said_before")]
        self.said_verbs = c.words("speech", "said_verbs")
        self.actor_heads = c.words("coref", "actor_heads")
        self.zero_tariff = [tuple(x.split()) for x in c.words("threat", "zero_tariff")]
        self.event_anaphors = c.words("coref", "event_anaphors")
        self.event_nouns = {k.lower(): v for k, v in c.cues["coref"]["event_nouns"].items()}
        self.anaphor_heads = {k.lower(): v for k, v in c.cues["coref"]["anaphor_heads"].items()}
        self.eval_negative = [tuple(x.split()) for x in c.words("evaluation", "negative")]
        self.eval_positive = [tuple(x.split()) for x in c.words("evaluation", "positive")]
        home = c.cues["home"]
        self.home_country = home["country"]
        self.home_name = home["name"]
        self.home_places = set(home["places"])
        self.home_organizations = set(home["organizations"])

    # -- entry point -------------------------------------------------------------

    def extract(self, article: Article) -> Extraction:
        # the article date goes in before the pipeline runs, so kg_entities finds the
        # mentions once, with titles resolved at that date
        # once zoned, for good: len(vocab) counts the words zones freed too
        self._zoned = self._zoned or len(self.nlp.vocab) >= VOCAB_LIMIT
        with self.nlp.memory_zone() if self._zoned else contextlib.nullcontext():
            return self.extract_doc(article, annotate(self.nlp, article.text, article.date))

    def extract_doc(self, article: Article, doc) -> Extraction:
        ex = Extraction(article=article)
        spans = article.body_spans or [(0, len(article.text))]
        found = doc._.kg_mentions if doc._.kg_mentions is not None and doc._.kg_pub_date == article.date \
            else find_mentions(doc, article.date)
        outlet = _outlet_name(article.outlet)
        # the outlet that publishes the article reports it, and acts in none of its events
        # ("Kompas.com telah berupaya menghubungi …", "Tim Cek Fakta Kompas.com mengonfirmasi …")
        mentions = [m for m in found if _inside(m.start_char, spans)
                    and not (outlet and _outlet_name(m.text) == outlet)]
        ex.mentions = mentions
        for m in mentions:
            self._add_entity(ex, m)
        # "Presiden Rusia Vladimir Putin": Rusia belongs to the title, not to the clause
        titles = [m.position.evidence for m in mentions if m.kind == "person" and m.position and m.position.evidence]
        mentions = [
            m for m in mentions
            if not any(a <= m.start_char and m.end_char <= b and (m.start_char, m.end_char) != (a, b)
                       and not (m.kind == "person") for a, b in titles)
        ]
        date_mentions = resolve_dates(article.text, article.date)
        sentences = list(self._sentences(doc, spans, mentions, date_mentions, article))
        # positions first: the rules read a person's country ("kedua negara" after a meeting
        # of two presidents is their two countries)
        self._positions(ex, mentions, article)
        state = DocState(ex=ex, private=_private_people(mentions))
        _anchor_on_sentences_before(sentences)
        for sent in sentences:
            self._statements(ex, sent, state)
            self._events(ex, sent, state, article)
            self._remember(ex, sent, state)
        self._said_then(ex, sentences)
        self._occasion_dates(ex, sentences, article)
        _welcomes(ex)
        _visit_hosts(ex)
        _tariff_sides(ex)
        self._visit_leaders(ex)
        _visits(ex)
        ex.events = _merge_events(_dyadic(_bilateral(_visit_each(ex, ex.events), article.text)), ex)
        # an act no one is said to do is no event of the graph: "pasukan Israel dituduh
        # menewaskan …" names no accuser (the killing is an event of its own); a meeting of
        # named participants keeps them
        ex.events = [ev for ev in ex.events if (ev.sources or ev.participants)
                     and not (ev.mode == "visit" and not ev.targets and not ev.place)]
        # "ia menolak cara pandang antroposentris": a refusal of nothing we can name is no event
        ex.events = [ev for ev in ex.events if ev.targets or ev.topics or not getattr(
            getattr(ev, "_trigger", None), "needs_object", False)]
        # an agreement or a cooperation takes two: with one state or person and no partner
        # found ("Xi juga … menandatangani deklarasi terpisah", "kita telah mencapai
        # kesepakatan"), the other side is unknown, and the event says too little
        ex.events = [ev for ev in ex.events if ev.type not in PARTNER_TYPES or self._with_partner(ex, ev)]
        if not self._abroad(ex):
            # domestic politics ("Gubernur meminta Dinas …", "Pemerintah menyalurkan bansos"):
            # no event of diplomacy where the article names nothing beyond the home country
            ex.events = []
        for ev in ex.events:
            during = getattr(ev, "_during", None)
            while getattr(during, "_merged_into", None) is not None:
                during = during._merged_into  # type: ignore[union-attr]
            if ev.date is None and during is not None and during.date is not None:
                ev.date, ev.date_text = during.date, during.date_text
            if ev.place is None and during is not None and during.place is not None and _opens_with_that_meeting(
                    getattr(ev, "_sentence", None)):
                ev.place = during.place  # "Dari pertemuan itu, Indonesia dan Perancis sepakat …"
        for ev in ex.events:
            ev.relations = self._relations(ex, ev)
        _forget_bystanders(ex, state.private)
        return ex

    def _with_partner(self, ex: Extraction, ev: Event) -> bool:
        """Two sides, or a body whose members agree among themselves; else the partner named
        in what is agreed ("Kita sepakat untuk terus bekerja sama dengan Uni Eropa") is made
        its target. False when there is none."""
        actors = _actors(ev)
        ent = ex.entities.get(actors[0]) if len(actors) == 1 else None
        if ent is None or ent.kind == "organization":
            return True
        partner = self._partner_in_complement(ex, ev)
        if partner is not None:
            ev.targets.append(partner)
        return partner is not None

    def _partner_in_complement(self, ex: Extraction, ev: Event) -> str | None:
        """The actor right after "dengan"/"bersama" in the clause of the event, if another."""
        s = getattr(ev, "_sentence", None)
        span = getattr(ev, "_span", None)
        if s is None or span is None:
            return None
        W = s.words
        for k, w in enumerate(W[:-1]):
            if span[0] < w.start < span[1] and w.lower in ("dengan", "bersama"):
                m = next((m for m in s.mentions if m.start_char == W[k + 1].start and m.kind in ACTOR_KINDS), None)
                if m is not None and self._key(m) in ex.entities and self._key(m) not in _actors(ev):
                    return self._key(m)
        return None

    def _abroad(self, ex: Extraction) -> bool:
        """The article names something beyond the home country (cues.toml [home]): another
        state, a place abroad, a body of the gazetteer that is not the home country's (an
        international organisation, a foreign company), or a person holding office in one of
        them. "KBRI Australia", the home state's embassy named by its host, counts too."""
        gaz = Gazetteer.default()
        return any(self.is_abroad(ent.kind, ent.qid or key.split("/", 1)[1], [p.of_ref for p in ent.positions])
                   for key, ent in ex.entities.items()) or any(
            self._foreign(gaz, c) for m in ex.mentions for c in m.candidates)

    def is_abroad(self, kind: str, ident: str, offices: Iterable[str | None] = ()) -> bool:
        """An entity (its kind, and QID or key) beyond the home country; a person by the
        offices the article names (``offices``: what they are of) or the gazetteer knows."""
        gaz = Gazetteer.default()
        if kind == "person":
            held = [*offices, *(h.of for h in gaz.holdings(ident))]
            return any(of and self._foreign(gaz, of) for of in held)
        return self._foreign(gaz, ident)

    def _foreign(self, gaz: Gazetteer, ident: str) -> bool:
        """A state, place or body of the gazetteer (QID or key) beyond the home country."""
        e = gaz.entry(ident)
        if e is None:
            return False
        if e.kind == "country":
            return e.qid != self.home_country
        if e.kind == "city":
            found = cities().get(e.qid or "")  # (country, region); a few have none known
            return found[0] != self.home_country if found else e.key not in self.home_places
        if e.kind == "location":
            return e.key not in self.home_places
        if e.kind == "organization":
            return e.key not in self.home_organizations and self.home_name not in e.key
        return False

    # -- entities ----------------------------------------------------------------

    @staticmethod
    def _key(m: Mention) -> str:
        return f"{m.kind}/{m.key}"

    def _add_entity(self, ex: Extraction, m: Mention) -> Entity:
        key = self._key(m)
        ent = ex.entities.get(key)
        if ent is None:
            ent = Entity(
                key=key,
                label=m.label,
                kind=m.kind,
                qid=m.qid,
                label_id=getattr(m, "label_id", None),
                link_method=m.method if m.qid else "unlinked",
                link_confidence=m.confidence if m.qid else None,
            )
            ex.entities[key] = ent
        ent.mentions.append((m.start_char, m.end_char))
        return ent

    def _topic_entity(self, ex: Extraction, topic: Topic) -> str:
        key = f"topic/{topic.key}"
        if key not in ex.entities:
            ex.entities[key] = Entity(key=key, label=topic.label_en, kind="topic", label_id=topic.label_id)
        return key

    def _positions(self, ex: Extraction, mentions: list[Mention], article: Article) -> None:
        seen: set[tuple[str, str]] = set()
        for m in mentions:
            pos: PositionHolding | None = getattr(m, "position", None)
            if m.kind != "person" or pos is None:
                continue
            k = (self._key(m), pos.position_label)
            if k in seen:
                continue
            seen.add(k)
            holding = PositionHolding(
                position_label=pos.position_label,
                position_label_id=pos.position_label_id,
                position_qid=pos.position_qid,
                of=_entity_key_for(ex, pos.of),
                of_ref=pos.of,
                evidence=pos.evidence or (m.start_char, m.end_char),
            )
            ex.entities[self._key(m)].positions.append(holding)

    # -- sentence segmentation ----------------------------------------------------

    def _sentences(self, doc, spans, mentions, date_mentions, article) -> Iterable[Sentence]:
        """The sentencizer's sentences, cut again at every newline (news paragraphs are
        lines), as lists of words without the whitespace tokens. Reads the tokens as one
        array: a ``Token`` object per token costs more than the rest of this."""
        text = article.text
        quotes = _quote_spans(text)
        index = 0
        chunk: list[Word] = []
        for idx, length, is_space, sent_start in doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).tolist():
            if (sent_start == 1 or (is_space and "\n" in text[idx:idx + length])) and chunk:
                yield from self._make_sentence(index, chunk, spans, mentions, date_mentions, quotes, article)
                index += 1
                chunk = []
            if not is_space:
                word = text[idx:idx + length]
                chunk.append(Word(word, word.lower(), idx, idx + length))
        if chunk:
            yield from self._make_sentence(index, chunk, spans, mentions, date_mentions, quotes, article)

    def _make_sentence(self, index, words, spans, mentions, date_mentions, quotes, article):
        first = _span_index(words[0].start, spans)
        if first < 0 or first != _span_index(words[-1].start, spans):
            words = [w for w in words if _inside(w.start, spans)]  # the sentence crosses a layout gap
        words = _drop_asides(words)
        if not words:
            return
        start, end = words[0].start, words[-1].end
        sent_mentions = [m for m in mentions if start <= m.start_char < end]
        sent_dates = [d for d in date_mentions if start <= d.start < end]
        sent_quotes = [(max(a, start), min(b, end)) for a, b in quotes if a < end and b > start]
        yield Sentence(index, start, end, words, sent_mentions, sent_quotes, sent_dates, text=article.text)

    # -- statements ----------------------------------------------------------------

    def _statements(self, ex: Extraction, s: Sentence, state: DocState) -> None:
        W = s.words
        speaker: str | None = None
        label: str | None = None
        content_span: tuple[int, int] | None = None
        confidence = 0.0
        # 1. tail attribution: ", kata X" / "katanya" / "kata orang itu"
        for i, w in enumerate(W):
            if w.lower not in self.tail or s.in_quote(w.start):
                continue
            before = W[i - 1].text if i > 0 else ""
            if i > 0 and before not in {",", ".", "”", '"'} and not before.endswith(("”", '"', ",")):
                continue
            if w.lower.endswith("nya"):
                speaker, label = state.last_speaker, None
                if speaker is None and state.last_anonymous:
                    label = state.last_anonymous
            elif i + 1 < len(W) and W[i + 1].lower in self.pron_person and state.last_person:
                # '…," kata dia.': the one quoted last, else the person spoken of ("Prabowo
                # mengaku senang … . '…,' kata dia")
                last = state.last_speaker
                speaker = last if last and last.startswith("person/") else self._pronoun_target(state)
            else:
                anon = self._anonymous_ref(W, i + 1, state)
                if anon:
                    label = anon
                else:
                    # the speaker is named before the circumstances of the saying: "kata
                    # Wahyu saat dikonfirmasi Kompas.com" is Wahyu's, not Kompas's
                    until = next((q for q in range(i + 1, min(i + 13, len(W)))
                                  if W[q].lower in self.saying_circumstances), min(i + 13, len(W)))
                    m = self._first_mention(s, W[i].end, kinds=ACTOR_KINDS, within=until - i - 1)
                    if m is not None:
                        speaker = self._key(m)
            if speaker or label:
                s.tail_start = W[i - 1].start if i > 0 else w.start
                content_span = (s.start, s.tail_start)
                confidence = 0.9
            break
        # 2. "menurut X"
        if not (speaker or label):
            for i, w in enumerate(W):
                if w.lower in self.according and not s.in_quote(w.start):
                    anon = self._anonymous_phrase(W, i + 1)
                    if anon:
                        label = anon
                        state.last_anonymous = anon
                    else:
                        m = self._first_mention(s, w.end, kinds=ACTOR_KINDS, within=8)
                        if m is not None:
                            speaker = self._key(m)
                    if speaker or label:
                        comma = next((q for q in range(i + 1, len(W)) if W[q].text == ","), None)
                        if all(x.lower in self.adverbs or x.lower in self.linking_adverbs for x in W[:i]) \
                                and comma is not None and comma + 1 < len(W):
                            # fronted: "Menurut Rubio, Inggris mengecam Hamas": what follows
                            # the comma is what is said, events and all
                            content_span = (W[comma + 1].start, s.end)
                        else:
                            s.tail_start = W[i - 1].start if i > 0 and W[i - 1].text == "," else w.start
                            content_span = (s.start, s.tail_start)
                        confidence = 0.85
                    break
        # 3. "X mengatakan (bahwa) …" opening the sentence ("Sebelumnya, pada 19 Mei, para
        # pemimpin Inggris, Perancis, dan Kanada dalam pernyataan bersama menekankan, …")
        speakers: list[str] = []
        if not (speaker or label):
            for i, w in enumerate(W[:20]):
                if w.lower in {"dimana", "mana"}:
                    break  # "… di mana presiden Amerika menegaskan …": a relative clause
                if w.lower in self.speech_verbs and not s.in_quote(w.start):
                    subj = self._subject(s, i, state, allow_carry=False)
                    if subj:
                        speaker, speakers = subj[0], subj
                        content_span = (W[i + 1].start if i + 1 < len(W) else w.end, s.end)
                        confidence = 0.8
                    break
        if not (speaker or label):
            return
        if speaker is None and label is None:
            return
        s.speakers = speakers or ([speaker] if speaker else [])
        s.content_span = content_span
        content = ex.article.text[content_span[0] : content_span[1]] if content_span else ""
        content = content.strip().strip(",").strip()
        quoted = [ex.article.text[a:b] for a, b in s.quotes]
        if quoted:
            content = " ".join(q.strip(QUOTE_CHARS + " ,") for q in quoted)
        ent = ex.entities.get(speaker) if speaker else None
        ex.statements.append(
            Statement(
                speaker=speaker,
                speaker_label=ent.label if ent else (label or ""),
                content=content,
                evidence=(s.start, s.end),
                content_span=content_span,
                confidence=confidence,
            )
        )
        if speaker:
            state.last_speaker = speaker
        elif label:
            state.last_anonymous = label

    def _anonymous_ref(self, W: list[Word], i: int, state: DocState) -> str | None:
        for pat in self.anon_anaphora:
            if tuple(w.lower for w in W[i : i + len(pat)]) == pat:
                return state.last_anonymous or " ".join(w.text for w in W[i : i + len(pat)])
        return self._anonymous_phrase(W, i)

    def _anonymous_phrase(self, W: list[Word], i: int) -> str | None:
        """ "seorang pejabat AS yang …" -> "seorang pejabat AS"."""
        k = i
        if k < len(W) and W[k].lower in {"seorang", "sejumlah", "beberapa", "para", "salah"}:
            k += 1
            if k < len(W) and W[k].lower == "satu":
                k += 1
        if k >= len(W) or W[k].lower not in self.anon_heads:
            return None
        if k == i and W[k].lower == "orang":
            return None
        end = k + 1
        while end < len(W) and end - k < 5 and W[end].lower not in {"yang", ",", ".", "kepada", "dengan"}:
            end += 1
        return " ".join(w.text for w in W[i:end])

    # -- events --------------------------------------------------------------------

    def _matches(self, s: Sentence) -> list[Match]:
        W = s.words
        out: list[Match] = []
        i = 0
        while i < len(W):
            found = None
            trigs = self.p.triggers.get(W[i].lower, ())
            inner = None if trigs else _inner_noun(W[i].lower)
            if inner is not None:  # "kunjungannya", "pascaserangan": a noun inside the word
                trigs = [t for t in self.p.triggers.get(inner, ()) if len(t.words) == 1 and t.voice == "noun"]
            for trig in trigs:
                n = len(trig.words)
                got = tuple(w.lower for w in W[i : i + n])
                if inner is not None or got == trig.words or (
                    n > 1 and got[:-1] == trig.words[:-1] and got[-1] == trig.words[-1] + "nya"
                ):
                    if i + n < len(W) and W[i + n].lower in trig.not_followed_by:
                        continue
                    if i > 0 and W[i - 1].lower in trig.not_preceded_by:
                        continue
                    if trig.object_any and not any(
                            w.lower in trig.object_any for w in W[i + n : i + n + trig.object_reach]
                    ) and self._performed(W, i + n) is None:
                        continue
                    if trig.person_next and not _person_next(s, i + n):
                        continue
                    if (trig.voice == "noun" and trig.type != "CONSULT" and i > 0 and W[i].text.istitle()
                            and W[i - 1].text.istitle() and W[i - 1].text.isalpha()):
                        continue  # a word of a document's name: "Pernyataan Kerja Sama"
                    found = Match(trig, i, i + n)
                    break
            if found and found.trigger.type == "CONSULT" and i > 0 and W[i - 1].lower in self.setting \
                    and out and out[-1].trigger.type == "CONSULT":
                found = None  # its words stay in the window of the event before it
                i += 1
                continue
            if found:
                out.append(found)
                i = found.j
            else:
                i += 1

        def fronted_setting(m: Match) -> bool:
            """ "Di sela KTT APEC, Trump juga bertemu Xi": a summit set off by a comma before
            the meeting it is the occasion of is no event of its own."""
            if not (m.trigger.mode == "multilateral" and m.i > 0 and W[m.i - 1].lower in self.setting):
                return False
            meeting = next((o for o in out if o.i >= m.j and o.trigger.type == "CONSULT"), None)
            return meeting is not None and any(w.text == "," for w in W[m.j : meeting.i])

        return [m for m in out if not fronted_setting(m)]

    @staticmethod
    def _performed(W: list[Word], k: int) -> int | None:
        """A noun that names the act done, with its doers next ("Penandatanganan itu dilakukan
        oleh X dan Y", "Penandatanganan dilakukan Menko Yusril …": a passive's agent needs no
        "oleh"): what is signed was said before, and the act needs no object. The index of
        "dilakukan", or None."""
        while k < len(W) and W[k].lower in DEMONSTRATIVES:
            k += 1
        if k + 1 < len(W) and W[k].lower == "dilakukan" and (
                W[k + 1].lower == "oleh" or W[k + 1].text[:1].isupper()):
            return k
        return None

    def _joined_only_by(self, words: list[Word], allowed: set[str]) -> bool:
        """No clause boundary among ``words`` but the ``allowed`` ones: what follows a verb is
        its complement ("sepakat untuk …", "menolak gagasan untuk …", "mendesak agar …")."""
        return not any(self._is_boundary(w) and w.lower not in allowed for w in words)

    def _events(self, ex: Extraction, s: Sentence, state: DocState, article: Article) -> None:
        W = s.words
        state.pair_here = []
        matches = []
        for mt in self._matches(s):
            prev = matches[-1] if matches else None
            if (prev is not None and prev.trigger.object_any and mt.voice == "noun" and mt.i - prev.j <= 3
                    and (mt.trigger.type == prev.trigger.type or W[mt.i].lower in prev.trigger.object_any)):
                continue  # "menandatangani kesepakatan …", "penandatanganan kerja sama": what is signed
            if (prev is not None and prev.trigger.type == "THREATEN" and prev.j < len(W)
                    and W[prev.j].lower in {"akan", "bakal", "untuk"} and mt.i - prev.j <= 2):
                continue  # "mengancam akan menaikkan tarif …": what is threatened, not an act
            if (prev is not None and prev.trigger.type == "REQUEST" and prev.voice != "noun"
                    and mt.trigger.type == "CONSULT" and mt.voice == "noun" and mt.i - prev.j <= 1):
                continue  # "menawarkan pertemuan dengan Kim", "menyerukan perundingan": asked for
            if (prev is not None and prev.trigger.type == "AGREE" and prev.voice != "noun"
                    and 0 < mt.i - prev.j <= 3 and W[prev.j].lower == "untuk"
                    and self._joined_only_by(W[prev.j : mt.i], {"untuk"})):
                continue  # "sepakat untuk terus bekerja sama": what is agreed, not another act
            if (prev is not None and prev.trigger.type == "ACCUSE" and prev.voice == "active"
                    and mt.voice == "active" and 0 < mt.i - prev.j <= 4
                    and all(any(m.start_char <= w.start < m.end_char for m in s.mentions if m.kind in ACTOR_KINDS)
                            for w in W[prev.j : mt.i])):
                continue  # "Putin menuduh NATO menyerang Rusia": what NATO is accused of, not an act told
            if (prev is not None and prev.trigger.type == "REJECT" and W[prev.i].lower in self.deny_verbs
                    and mt.trigger.type != "REJECT" and mt.voice != "noun" and mt.i - prev.j <= 2
                    and all(w.lower in {"telah", "pernah", "sudah", "ikut", "turut"} for w in W[prev.j : mt.i])):
                matches[-1] = mt  # "Iran membantah telah menyerang kapal …": the act, denied (Negated)
                continue
            if (prev is not None and prev.trigger.type == "REJECT" and prev.voice != "noun"
                    and mt.i - prev.j <= 3
                    and self._joined_only_by(W[prev.j : mt.i], PURPOSE)
                    and not (mt.voice == "active" and W[mt.i - 1].lower in {"dan", "serta"})):
                continue  # "menolak gagasan untuk memberlakukan embargo": what is refused ("membantah
                # tuduhan itu dan mengecam AS" criticises as well)
            if (prev is not None and prev.trigger.type == "REQUEST" and prev.voice not in ("noun", "passive")
                    and any(w.lower in ASKED_FOR for w in W[prev.j : mt.i])
                    and self._joined_only_by(W[prev.j : mt.i], ASKED_FOR)
                    and not (mt.voice == "active" and W[mt.i - 1].lower in {"dan", "serta"}
                             and mt.trigger.type in SPEECH_ACTS)):
                continue  # "menyerukan agar proses negosiasi … dimulai": what is asked for, but
                # "menyerukan agar konflik diakhiri dan mendesak Israel …" urges again, and
                # "Prabowo diundang untuk menghadiri KTT G7" is Prabowo's attendance, to come
            matches.append(mt)
        cond = self._condition_spans(s)
        sentence_events: list[Event] = []
        anaphoric_consult: Event | None = None
        pending_visit: tuple[str | None, list[str]] | None = None
        for n, mt in enumerate(matches):
            w0 = W[mt.i]
            if s.tail_start is not None and w0.start >= s.tail_start and not (
                    mt.trigger.type == "CONSULT" and (mt.voice == "noun" or (
                        mt.i > 0 and W[mt.i - 1].lower in AFTER_WHEN | SIMULTANEOUS))):
                continue  # the attribution ", kata X" is no event, but its occasion can be:
                # ", kata Putin seusai pertemuan bilateral dengan Presiden Prabowo", "…, kata
                # Putin usai bertemu Prabowo"
            if any(a <= w0.start < b for a, b in cond):
                continue  # inside "jika …": part of another event's condition
            limit = matches[n + 1].i if n + 1 < len(matches) else len(W)
            if s.tail_start is not None and w0.start < s.tail_start:
                limit = min(limit, _word_index_at(W, s.tail_start))
            ev = self._build_event(ex, s, mt, limit, state, article)
            if ev is not None and not ev.targets and mt.trigger.type in JUDGEMENTS and n + 1 < len(matches):
                # "mengecam keras serangan Israel", "menyampaikan keprihatinan atas serangan
                # militer Israel terhadap …": judging an act judges the one whose act it is
                nxt = matches[n + 1]
                gap = W[mt.j : nxt.i]
                if nxt.voice == "noun" and len(gap) <= 3 and all(
                        w.lower in self.manner or w.lower in ("atas", "terhadap", "yang", "serius") for w in gap):
                    owner, _ = self._noun_actors(s, nxt.j, matches[n + 2].i if n + 2 < len(matches) else len(W),
                                                 modifiers=True)
                    ev.targets = [o for o in owner if o not in ev.sources]
            if ev is not None and ev.type == "ACCUSE" and not ev.targets:
                ev.targets = self._provoked_by(s, mt.j, ev.sources)
            if ev is not None and mt.trigger.needs_target and not ev.targets:
                ev = None  # concern over a flood is no one's accusation
            if (ev is not None and ev.mode == "multilateral" and mt.voice == "noun"
                    and self._named_again(s, mt)):
                # "Singapura akan berpartisipasi dalam konferensi ini": the conference told
                # before, which these actors take part in already
                if any(e.type == "CONSULT" and e.mode == ev.mode and set(_actors(ev)) <= set(_actors(e))
                       for e in ex.events):
                    continue
            if ev is not None and len(_actors(ev)) == 2:
                state.pair_here = _actors(ev)
            if ev is not None and pending_visit is not None and ev.type == "CONSULT" and not ev.mode:
                # "melanjutkan kunjungan kerjanya ke Rusia untuk menemui Presiden Putin": the
                # meeting is that visit, to Russia
                ev.mode = "visit"
                ev.place = pending_visit[0] or ev.place
                ev.contexts = _uniq(pending_visit[1] + ev.contexts)
            pending_visit = None
            if ev is None:
                if (mt.trigger.mode == "visit" and mt.voice == "noun" and n + 1 < len(matches)
                        and any(w.lower in PURPOSE for w in W[mt.j : matches[n + 1].i])):
                    before = [w.lower for w in W[self._clause_left(s, mt.i) : mt.i]]
                    pending_visit = (self._place(s, mt.i, mt.j, matches[n + 1].i, ex),
                                     self._time_contexts(before))
                    continue
                if mt.trigger.type == "CONSULT" and self._is_anaphoric(s, mt):
                    anaphoric_consult = self._attach_anaphoric(ex, s, mt, state) or anaphoric_consult
                elif sentence_events and sentence_events[-1].type == mt.trigger.type == "CONSULT":
                    # "bertemu dalam pertemuan bilateral di sela-sela KTT G20 di Brasil": a
                    # noun with no actors of its own continues the meeting before it
                    prev = sentence_events[-1]
                    prev.place = prev.place or self._place(s, mt.i, mt.j, limit, ex)
                    prev.mode = prev.mode or mt.trigger.mode
                    if prev.date is None:
                        self._date(prev, s, W[mt.i].start, W[limit - 1].end if limit else s.end)
                continue
            sentence_events.append(ev)
        if sentence_events and getattr(sentence_events[0], "_fronted_with", False):
            first = sentence_events[0]
            main = next((e for e in sentence_events[1:] if e.sources), None)
            if main is not None and not set(main.sources) & set(first.sources):
                first.sources, first.targets = list(main.sources), list(first.sources)
                for e in sentence_events[1:]:  # said there and then
                    e.place = e.place or first.place
                    if e.date is None and first.date is not None:
                        e.date, e.date_text = first.date, first.date_text
        sentence_events = self._visit_to_meet(s, sentence_events)
        for ev in sentence_events:
            if len(ev.sources) != 1 or ev.type not in PARTNER_TYPES:
                continue
            # "Trump bertemu Xi dan mencapai kesepakatan perdagangan": agreed with the one met
            met = None
            if ev.type == "AGREE":
                met = next((e for e in sentence_events if e.type == "CONSULT" and e.sources == ev.sources
                            and e.targets and e._span[0] < ev._span[0]), None)  # type: ignore[attr-defined]
            if met is not None:
                ev.targets = list(met.targets)
            elif not ev.targets and "Negated" not in ev.contexts:
                ev.targets = self._other_side(ex, state, ev.sources[0])
        here = self._fronted_place(s)
        for ev in sentence_events:
            ev.place = ev.place or here
            if self._speaks_for(ex, s, ev):
                ev.sources = [s.speaker]
        self._said_there_and_then(s, sentence_events)
        sentence_events += self._evaluation(ex, s, sentence_events)
        # the complement of a speech verb can be a warning: "X menjawab bahwa … akan …"
        self._speech_threats(ex, s, matches, state, sentence_events)
        self._speech_demands(ex, s, sentence_events)
        self._inherit_dates(s, sentence_events, anaphoric_consult, state)
        sentence_events = _without_requested_acts(
            _without_threatened_acts(_without_alleged_acts(sentence_events), W), W, self._is_boundary)
        for ev in sentence_events:
            self._finish_contexts(ev, s, article)
            ev._sentence = s  # type: ignore[attr-defined]
            ex.events.append(ev)
            if len(_actors(ev)) == 2:
                state.last_pair = _actors(ev)
                state.pairs.append(state.last_pair)
            if ev.type == "CONSULT":
                if "Future" not in ev.contexts and "Planned" not in ev.contexts:
                    state.last_consult = ev
                if state.main_consult is None and len(self._persons(ex, _actors(ev))) >= 2:
                    state.main_consult = ev

    def _other_side(self, ex: Extraction, state: DocState, source: str) -> list[str]:
        """In an article on a meeting of two sides, a joint act of one side that names no
        other is with the other: "Kami juga sudah mencapai banyak persetujuan baru" (Putin,
        in an article on his meeting with Prabowo), "Rusia juga sudah membuka konsulat di
        Bali" (Russia, with Indonesia). The other side is taken at the source's level: a
        person's counterpart, or a country's."""
        sides = _actors(state.main_consult) if state.main_consult is not None else []
        if len(sides) != 2:
            return []
        ent = ex.entities.get(source)
        for me, other in (sides, sides[::-1]):
            if source == me:
                return [other]
            if ent is not None and ent.kind == "country" and ent.qid and ent.qid == _country_of(ex, me):
                theirs = _country_key(ex, other)
                return [theirs] if theirs is not None and theirs != source else []
        return []

    def _time_contexts(self, words: list[str]) -> list[str]:
        """ "dijadwalkan" before an event: Planned and Future; "akan": Future."""
        if any(w in self.planned for w in words):
            return ["Planned", "Future"]
        return ["Future"] if any(w in self.future for w in words) else []

    def _event_anaphor(self, ex: Extraction, s: Sentence, j: int, sources: list[str]) -> list[str]:
        """ "mengecam serangan tersebut": the attack told before, whose sources are the ones
        condemned; "membantah tuduhan" answers the last accuser; "menyambut gembira keputusan
        ini" welcomes whoever acted last (a noun of type ANY). The noun must be the
        object (within two words of the verb) and, unless it is a bare accusation or demand
        or names its agent after "dari"/"oleh", carry "tersebut/itu/ini"."""
        W = s.words
        for k in range(j, min(j + 3, len(W))):  # the noun may be a trigger, which ends the window
            kind = self.event_nouns.get(W[k].lower)
            if kind is None:
                continue
            # "mengecam serangan mematikan dari militer Israel": the act's own agent, here
            by = self._after_word(s, k + 1, min(k + 7, len(W)), ("dari", "oleh"), reach=3)
            if by and not set(by) & set(sources):
                return by
            near = [w.lower for w in W[k + 1 : k + 4]]
            if not (any(a in self.event_anaphors for a in near) or kind in ("ACCUSE", "REQUEST")):
                return []
            for ev in reversed(ex.events):
                if (ev.type == kind or kind == "ANY") and ev.sources and not set(ev.sources) & set(sources):
                    if ev.type == "REQUEST" and not ev.targets and sources:
                        # "Pemerintah juga meminta … . Uni Eropa menyetujui permintaan tersebut.":
                        # the one who answers a request is the one it was made to
                        ev.targets = list(sources)
                    return list(ev.sources)
            return []
        return []

    def _visit_leaders(self, ex: Extraction) -> None:
        """A visit to a country whose leader the same sentence names is a visit to him:
        "disampaikan Wong dalam konferensi pers bersama Presiden Macron, saat kunjungan
        kenegaraan Macron ke Singapura" is Macron's visit to Wong."""
        for ev in ex.events:
            s = getattr(ev, "_sentence", None)
            if ev.mode != "visit" or s is None or len(ev.targets) != 1 or ev.targets[0] not in ex.entities:
                continue
            country = ex.entities[ev.targets[0]]
            if country.kind != "country":
                continue
            leaders = _uniq(self._key(m) for m in s.mentions if m.kind == "person"
                            and self._key(m) not in ev.sources and _is_leader(ex, self._key(m))
                            and _country_of(ex, self._key(m)) == country.qid)
            if len(leaders) == 1:
                ev.place = ev.place or ev.targets[0]  # the country stays, as the place
                ev.targets = leaders

    def _evaluation(self, ex: Extraction, s: Sentence, events: list[Event]) -> list[Event]:
        """What a speaker says of another side, judged: "Ia menyebut tindakan Israel … sebagai
        sesuatu yang tidak dapat diterima" accuses Israel; "Ia menyebut Presiden RI itu
        sebagai sosok yang hebat" praises him. Cue words are data (cues.toml [evaluation])."""
        if not s.speaker or not s.content_span or any(e.type in ("ACCUSE", "SUPPORT") for e in events):
            return []
        a, b = s.content_span
        words = [w.lower for w in s.words if a <= w.start < b]
        kind = "ACCUSE" if _phrase_in(words, self.eval_negative) else "SUPPORT" if _phrase_in(words, self.eval_positive) else None
        if kind is None:
            return []
        own = _country_key(ex, s.speaker)
        first = next((m for m in s.mentions if a <= m.start_char < b and m.kind in ACTOR_KINDS
                      and self._key(m) != own and self._key(m) not in s.speakers), None)
        if first is None:
            return []
        # "Menteri Smotrich dan Ben-Gvir telah … merusak": the first actor and those listed with it
        targets = [t for t in self._group(s, first, b) if t != own and t not in s.speakers]
        ev = Event(type=kind, sources=list(s.speakers), targets=targets, evidence=(s.start, s.end),
                   trigger="", confidence=0.55)
        ev._span = (a, b)  # type: ignore[attr-defined]
        self._date(ev, s, a, b)
        return [ev]

    def _visit_to_meet(self, s: Sentence, events: list[Event]) -> list[Event]:
        """ "mengunjungi Singapura untuk bertemu dengan PM Lawrence Wong": one visit, to the
        person met, in the country visited."""
        W = s.words
        out = list(events)
        for visit in events:
            if visit.type != "CONSULT" or visit.mode != "visit" or visit not in out:
                continue
            for meet in events:
                if meet is visit or meet.type != "CONSULT" or meet.mode or not meet.targets:
                    continue
                k = _word_index_at(W, meet._span[0])  # type: ignore[attr-defined]
                if (set(meet.sources) != set(visit.sources) or meet._span[0] < visit._span[0]  # type: ignore[attr-defined]
                        or k == 0 or W[k - 1].lower not in PURPOSE):
                    continue
                meet.mode = "visit"
                # met where the visit went ("kunjungan ke Rusia untuk menemui Putin, usai … di
                # Singapura": in Russia)
                meet.place = visit.place or meet.place or (visit.targets[0] if visit.targets else None)
                meet.date, meet.date_text = meet.date or visit.date, meet.date_text or visit.date_text
                meet.contexts = _uniq(visit.contexts + meet.contexts)
                meet.evidence = visit.evidence
                out.remove(visit)
                break
        return out

    def _build_event(self, ex, s: Sentence, mt: Match, limit: int, state: DocState, article) -> Event | None:
        W = s.words
        trig = mt.trigger
        sources: list[str] = []
        targets: list[str] = []
        participants: list[str] = []
        confidence = trig.confidence
        complement_from: int | None = None
        voice = mt.voice
        light = None
        at_session = False  # "berpidato di KTT G20": an address given at a meeting of others
        fronted_with = False
        if voice == "noun":
            k = mt.i - 1
            while k >= 0 and W[k].lower in {"juga", "akan", "telah", "sudah", "pun", "turut", "segera",
                                             "banyak", "sejumlah", "berbagai"}:
                k -= 1  # "memberikan banyak bantuan"
            if k >= 0 and W[k].lower in self.light_verbs:
                light = k
            elif k >= 1 and W[k].lower in ("dalam", "di") and W[k - 1].lower in self.participation:
                light = k - 1  # "Singapura akan ikut serta dalam konferensi internasional …"
            elif k >= 2 and W[k].lower == "dan" and W[k - 2].lower in self.light_verbs:
                light = k - 2  # "menjalin komunikasi dan koordinasi", "memberikan dukungan dan bantuan"
            elif (k >= 2 and W[k].lower in ("lewat", "melalui", "via") and W[k - 2].lower in self.light_verbs
                    and trig.mode in ("phone", "video")):
                light = k - 2  # "menjalin komunikasi lewat panggilan telepon"
            elif trig.type == "CONSULT" and k >= 1 and W[k].lower in ("pada", "dalam", "di"):
                for q in range(k - 1, max(-1, k - 4), -1):
                    if W[q].lower in self.address:  # "menyampaikan Pernyataan Nasional pada Sidang Umum"
                        light = q - 1 if q >= 1 and W[q - 1].lower in self.light_verbs else q
                        at_session = True
                        break
        if trig.needs_irrealis and not (
                any(w.lower in self.future | MODALS for w in W[max(0, mt.i - 3) : mt.i])
                or any(w.lower in self.condition for w in W[mt.j :])):
            return None  # "Israel meningkatkan operasi militer" is an act; "bakal meningkatkan" a threat
        if trig.type in THREATENED_ACTS and any(w.lower in self.deontic for w in W[max(0, mt.i - 3) : mt.i]):
            return None  # "Israel harus melakukan serangan terlebih dahulu": should, not did
        if trig.needs_consequence and not any(w.lower in self.what_follows for w in W[mt.j :]):
            return None  # "Ia memperingatkan, 'Israel tidak boleh bertindak melewati batas'": a
            # caution; a threat says what follows ("akan dibalas", "jika …", "sanksi")
        if voice == "noun" and light is None and trig.needs_light_verb and not (
                mt.i > 0 and W[mt.i - 1].lower in self.receive_verbs):
            return None  # "tidak lupa dengan bantuan dari Rusia": no act of giving (but "disambut
            # protes keras dari Thailand" is received from Thailand)
        if voice == "active" or (voice == "noun" and light is not None):
            head = light if light is not None else mt.i
            sources = self._subject(s, head, state)
            possessor: list[str] = []
            if light is not None:
                possessor, _ = self._noun_actors(s, mt.j, limit, modifiers=False)
            if possessor and trig.mode == "multilateral" and sources and all(
                    p.startswith("organization/") for p in possessor):
                # "Prabowo menghadiri KTT BRICS": the one who attends, at the bloc's summit
                targets = [p for p in possessor if p not in sources]
                after = mt.j
            elif possessor:
                sources = possessor
                targets = self._after_word(s, mt.j, limit, ("terhadap", "kepada", "untuk", "bagi", "atas"))
                after = mt.j
            else:
                # a directed act takes its counterpart after "dengan"/"dari" too: "menutup
                # perbatasan dengan Kamboja", "melarang impor dari Thailand"
                preps = OBJECT_PREPS if trig.type in UNDIRECTED else OBJECT_PREPS + ("dengan", "dari")
                preps += trig.target_preps
                targets, after = self._object(s, mt.j, limit, prepositions=preps)
                targets = targets or self._plural_anaphor(s, mt.j, state)
                if trig.type == "SANCTION" and targets and mt.j < len(W) and any(
                        m.start_char == W[mt.j].start and m.kind == "organization" for m in s.mentions):
                    # "memulihkan sanksi PBB terhadap Iran": whose sanctions, not their target
                    targets = self._after_word(s, mt.j + 1, limit, ("terhadap", "kepada", "atas", "bagi"))
                if trig.type == "REJECT" and targets:
                    # what is refused is a thing, and an actor far into it is part of it:
                    # "menolak keras segala bentuk pengusiran paksa terhadap warga Palestina"
                    # refuses no Palestinians; "menolak tuduhan Thailand" answers Thailand.
                    # A refused act is towards its addressee: "menolak menyerahkan diri
                    # secara sukarela kepada Pemerintah Indonesia"
                    first = min((m.start_char for m in s.mentions if self._key(m) in targets), default=None)
                    k = mt.j
                    while k < len(W) and W[k].lower in self.manner:
                        k += 1
                    at = _word_index_at(W, first) if first is not None else None
                    if at is not None and at - k > 1 and not (
                            k < len(W) and W[k].lower.startswith("me") and _looks_verb(W[k].lower)) and not (
                            at - k <= 4 and W[at - 1].lower in ("dari", "oleh")):
                        targets = []  # but "menolak tawaran dialog dari Korea Selatan" refuses Seoul
                if mt.j - mt.i >= 2 and W[mt.i].lower in self.light_verbs and targets:
                    # "menegaskan dukungan Singapura terhadap hak rakyat Palestina": the name
                    # after the noun is whose support it is; the target follows "terhadap"
                    owner, _ = self._noun_actors(s, mt.j, limit, modifiers=False)
                    beyond = self._after_word(s, mt.j, limit, ("terhadap", "kepada", "bagi", "atas"))
                    if owner and beyond and not set(beyond) & set(owner):
                        targets = beyond
                if trig.type == "ACCUSE" and not targets and mt.j + 1 < len(W) and W[mt.j].lower == "bahwa":
                    # "Liberman menuding bahwa Teheran memiliki ribuan rudal": the accused is
                    # the subject of what is alleged, when it opens the clause
                    subject, _ = self._object(s, mt.j + 1, limit, prepositions=())
                    first = next((m for m in s.mentions if m.start_char >= W[mt.j + 1].start), None)
                    if subject and first is not None and _word_index_at(W, first.start_char) <= mt.j + 2 \
                            and self._key(first) in subject and not set(subject) & set(sources):
                        targets = subject[:1]
            complement_from = after
        elif voice == "passive":
            targets = self._passive_subject(s, mt.i, state)
            sources = self._agent(s, mt.j, limit)
            if not sources and trig.type == "SANCTION" and s.says(W[mt.i].start):
                # "Trump menekankan bahwa Indonesia bakal dikenai tarif hingga 32 persen": a
                # penalty a leader announces on another state is that leader's
                sources = [a for a in s.speakers[:1] if _country_of(ex, a) and not any(
                    _country_of(ex, t) == _country_of(ex, a) for t in targets)]
        elif voice == "intransitive":
            sources = self._subject(s, mt.i, state)
            targets, after = self._object(s, mt.j, limit, prepositions=(
                "dengan", "kepada", "terhadap", "bersama", *trig.target_preps))
        else:  # noun without a light verb: possessor, "antara X dan Y", "dengan X", "oleh X"
            participants, after = self._noun_actors(s, mt.j, limit, objects=trig.object_any)
            with_ = self._after_word(s, mt.j, limit, ("dengan", "bersama"))
            participants += self._after_word(s, mt.j, limit, ("kerangka", "naungan"))
            # "kritik keras dari Israel", "dukungan dari Rusia": who criticises, supports
            # "menerima panggilan telepon dari Trump": who made the call
            by = self._after_word(s, mt.j, limit, ("oleh", "dari") if trig.type in FROM_SOURCE or trig.mode == "phone"
                                  else ("oleh",))
            # "serangan yang dilakukan pasukan gabungan AS dan Israel"
            if not by and mt.j < len(W) and W[mt.j].lower == "yang":
                by = self._after_word(s, mt.j + 1, limit, ("dilakukan", "dilancarkan"), reach=4)
            done_at = self._performed(W, mt.j) if not by else None
            if done_at is not None:  # "Penandatanganan dilakukan Menko Kumham Imipas Yusril …"
                by = self._after_word(s, done_at, limit, ("dilakukan",), reach=6)
            complement_from = after
            if by:
                sources = by
                received = self._received_by(ex, s, mt, state, by)
                if received:
                    # "pengadilan itu menuai kritikan keras dari Israel", "Langkah ini disambut
                    # protes keras dari Thailand": the one who receives it is the target
                    participants, targets = [], received
                elif trig.type not in UNDIRECTED:
                    # "serangan dari Israel terhadap Hizbullah"
                    targets = self._after_word(s, mt.j, limit, ("terhadap", "kepada", "atas"))
            elif trig.type == "CONSULT" and not participants and with_ and mt.j < len(W) \
                    and W[mt.j].lower in self.pron_first \
                    and (owner := self._first_person(s, W[mt.j], state)):
                # "… pertemuan saya dengan Presiden Putin hari ini …," kata Prabowo: the
                # speaker's meeting ("kesepakatan kami" is what they have, not what they do)
                participants = [owner]
            elif trig.type == "CONSULT" and (led := self._accompanied(s, mt)) and (
                    not participants or trig.mode == "multilateral"
                    and all(p.startswith("organization/") for p in participants)):
                if participants:  # "mendampingi Presiden Prabowo dalam KTT BRICS": at the bloc's summit
                    sources, targets, participants = led, participants, []
                else:
                    participants = led
            elif not participants and self._owned(s, mt):
                # "Xi menutup kunjungan tiga harinya di Korea Selatan": the owner of the
                # noun ("-nya") is the subject of its clause
                owner = self._owner(s, mt, state)
                if trig.type == "CONSULT":
                    participants = owner
                else:
                    sources = owner
            if trig.type == "CONSULT" and not participants and not with_ and not by:
                # "negosiasi panjang antara delegasi kedua negara": the two sides told before
                at = next((k for k in range(mt.j, min(limit, mt.j + 3)) if W[k].lower == "antara"), None)
                both = next((k for k in range(at + 1, min(limit, at + 3)) if W[k].lower == "kedua"),
                            None) if at is not None else None
                if both is not None:
                    participants = self._pronoun_subject(s, both, W[min(both + 2, len(W) - 1)].end, state)
            if trig.type == "CONSULT" and not participants and not with_ and not by and (
                    (mt.i > 0 and W[mt.i - 1].lower in {"usai", "seusai", "setelah", "sesudah", "sebelum", "dalam"})
                    or (mt.j < len(W) and W[mt.j].lower in {"mereka", "keduanya"})):
                # "memberikan keterangan bersama dengan Presiden Prabowo usai pertemuan",
                # "mengatakan kepada Trump dalam pertemuan mereka": the clause's two sides
                left = self._clause_left(s, mt.i)
                subj = self._subject(s, mt.i, state, allow_carry=False) or ([s.speaker] if s.speaker else [])
                other: list[str] = []
                for k in range(left, mt.i):
                    if W[k].lower in {"dengan", "kepada", "bersama"}:
                        other = self._after_word(s, k, mt.i, (W[k].lower,), reach=6)
                        if other:
                            break
                if subj and other:
                    participants = _uniq(subj + other)
            if trig.type == "CONSULT":
                if with_ and not participants:
                    subj = self._subject(s, mt.i, state, allow_carry=False)
                    if not subj and s.speaker and s.speaker not in with_ and s.says(W[mt.i].start):
                        # "Macron menyatakan telah menantikan pertemuan dengan Presiden Prabowo"
                        subj = [s.speaker]
                    participants = subj + with_
                    # "Dalam pertemuan dengan Menlu Spanyol di Madrid, ia menyerukan …": the
                    # other side is the subject of the main clause (see _events)
                    fronted_with = not subj and mt.i <= 2 and W[0].lower in FRONTED_OCCASION
                elif with_:
                    participants += with_
            elif participants:
                sources, participants = participants, []
                targets = with_ or []
                if not targets and trig.type not in UNDIRECTED:
                    # "desakan Israel kepada Gedung Putih untuk campur tangan"
                    targets = [t for t in self._after_word(s, after, limit, ("kepada", "terhadap", "atas"), reach=4)
                               if t not in sources]
            confidence -= 0.05
        if not targets and voice in ("active", "noun", "intransitive") and trig.type not in UNDIRECTED:
            # "mengancam … bagi kedua negara": the two sides named last (the words after the
            # trigger up to the clause's end: a noun trigger inside them ends no object)
            stop = next((k for k in range(mt.j, len(W)) if self._is_boundary(W[k])), len(W))
            rest = [w.lower for w in W[mt.j : max(limit, min(stop, mt.j + 8))]]
            hit = _phrase_in(rest, self.both_countries)
            if hit is not None:
                # "Lee menjamu Presiden Trump …, memuji kerja sama kedua negara": the two of
                # this sentence, else of the article's meeting, else the last two named
                sides = state.pair_here or (_actors(state.main_consult) if state.main_consult else state.last_pair)
                if hit[-1] == "negara":  # "memuji kerja sama kedua negara": the countries
                    sides = [_country_key(ex, t) or t for t in sides]
                own = {_country_key(ex, x) for x in sources} | set(sources)
                targets = [t for t in sides if t not in own]
            elif any(w in self.neighbour for w in rest[:4]) and state.last_pair:
                # "menuduh negara tetangganya itu …": the other side of the dyad at hand
                # (the own country is looked up only here: it adds the country to the graph)
                own = {_country_key(ex, x) for x in sources} | set(sources)
                other = [t for t in state.last_pair if t not in own]
                if len(other) == 1:
                    targets = other
            elif "anda" in rest[:6] and state.main_consult:
                # "berterima kasih atas kepemimpinan Anda": the one spoken to, met
                targets = [t for t in _actors(state.main_consult) if t not in sources]
        if trig.type == "CONSULT" and voice == "noun":
            # "konferensi internasional yang diselenggarakan oleh PBB": its organiser
            at = next((k for k in range(mt.j, min(limit, len(W)) - 2) if W[k].lower == "yang"
                       and W[k + 1].lower in self.organised_by and W[k + 2].lower == "oleh"), None)
            if at is not None:
                targets += [x for x in self._after_word(s, at + 2, limit, ("oleh",), reach=4)
                            if x not in sources + targets]
        if trig.mode == "visit" and not targets and voice in ("active", "noun"):
            # "mengunjungi tiga negara di ASEAN, yakni Vietnam, Indonesia, dan Singapura"
            targets = self._after_word(s, mt.j, limit, ENUMERATORS, reach=2)
        if trig.type == "REQUEST" and not targets and voice != "passive":
            # "menyerukan agar Perancis memutus …": who is asked is the subject of the agar-clause
            targets = self._after_word(s, mt.j, limit, ("agar", "supaya"), reach=6)
        if trig.type in UNDIRECTED and len(_uniq(sources + participants)) == 1 and not targets:
            # "menandatangani kesepakatan … dengan X", "sepakat bersama X": the other party
            targets = self._after_word(s, mt.j, limit, ("dengan", "bersama"))
            if not targets:
                targets = self._their_leader(ex, s, mt.j, limit, _uniq(sources + participants), article)
            if not targets and trig.type == "AGREE":
                # "Indonesia menyetujui untuk mengizinkan AS …", "menandatangani kesepakatan
                # untuk memasok Australia": the one the agreement is made for
                targets = self._after_word(s, mt.j, min(len(W), mt.j + 6), ("untuk",), reach=3)
        # "mendorong Teheran dan Washington untuk …": one urges a government, not a city;
        # "mengunjungi Seoul" visits South Korea, in Seoul
        if trig.type == "ASSAULT" and sources and not targets:
            targets = self._harmed(s, mt.j, sources)
        cities_named = [t for t in targets if t.startswith("city/")]
        targets = [_government_of(ex, t) for t in targets]
        if not targets and trig.type in ("ACCUSE", "REJECT", "SUPPORT", "AGREE") and voice in ("active", "intransitive"):
            targets = self._event_anaphor(ex, s, mt.j, sources)
        # the actors of a talk or meeting with no direction are all its sources
        sources = _uniq(sources + participants)
        participants = []
        targets = [t for t in _uniq(targets) if t not in sources]
        if trig.target_kinds and targets:
            targets = [t for t in targets if ex.entities[t].kind in trig.target_kinds] if all(t in ex.entities for t in targets) else targets
        if not (sources or targets or participants):
            return None
        if all(a in state.private for a in sources + targets + participants):
            return None  # private people only ("Ia meminta Nikita Mirzani untuk …"): no diplomacy
        if trig.type == "CONSULT" and not sources and len(targets) < 2:
            return None  # a meeting with one known side and no one meeting it: "The Hammers
            # menjamu Chelsea di … London" has only London's country
        if trig.type == "ASSAULT" and sources and targets and all(
                a.startswith("person/") for a in sources + targets):
            return None  # "serangan terbaru Trump terhadap Obama": words, not arms
        if trig.type == "REQUEST" and self._to_own_people(s, mt):
            return None  # "menyampaikan imbauan kepada WNI di Jepang": advice to citizens
        if trig.type == "SANCTION" and "tarif" in [w.lower for w in W[mt.i : mt.j]]:
            after = [w.lower for w in W[mt.j : mt.j + 4]]
            if _phrase_in(after, self.zero_tariff):
                return None  # "produk asal AS dikenakan tarif 0 persen"
        if voice == "passive" and trig.type != "CONSULT" and not targets:
            return None  # "Yayasan … yang didukung AS", "kemajuan militer didukung oleh Rusia": no actor is acted on
        if at_session and not targets:
            return None  # "memberikan pidato dalam forum tersebut": whose forum is not said
        if trig.type != "CONSULT" and not sources:
            # an event with no known source is only kept for passives ("X dikecam")
            if voice != "passive":
                return None
            confidence -= 0.15
        ev = Event(
            type=trig.untargeted_type if trig.untargeted_type and not targets else trig.type,
            sources=sources,
            targets=targets,
            participants=participants,
            mode=trig.mode,
            trigger=" ".join(w.text for w in W[mt.i : mt.j]),
            evidence=(s.start, s.end),
            confidence=confidence,
        )
        ev._trigger = trig  # type: ignore[attr-defined]
        ev._fronted_with = fronted_with  # type: ignore[attr-defined]
        rest = " ".join(w.lower for w in W[max(0, mt.i - 1) : limit])
        # "memberlakukan pembatasan … satu sama lain", "saling menuduh": one reciprocal event
        ev._reciprocal = ("satu sama lain" in rest or (mt.i > 0 and W[mt.i - 1].lower == "saling")  # type: ignore[attr-defined]
                          or (voice == "noun" and light is None and "antara" in [w.lower for w in W[mt.j : mt.j + 6]])
                          # "serangan yang dilakukan pasukan gabungan AS dan Israel": one joint act
                          or "gabungan" in rest.split())
        ev._span = (W[mt.i].start, W[limit - 1].end if limit > 0 else W[mt.i].end)  # type: ignore[attr-defined]
        window_end = W[limit - 1].end if limit - 1 < len(W) and limit > 0 else s.end
        # complement: "bahwa …" gives target, topic and condition of warnings
        comp_words = self._complement(s, mt.j, limit if not trig.complement else len(W))
        if trig.complement and comp_words:
            comp_words = self._clip_fronted(s, mt.i, comp_words)
            self._fill_from_complement(ex, ev, s, comp_words)
        # mode, place, date, duration, topics inside the trigger's window
        ev.mode = ev.mode or self._mode_from_modifiers(s, mt, limit)
        actors = [ex.entities[a] for a in _actors(ev) if a in ex.entities]
        if ev.type == "CONSULT" and ev.mode is None and (
            len(actors) >= 3 or (voice == "noun" and actors and all(a.kind == "organization" for a in actors))
            # "Mu'ti menyampaikan pernyataan pada Sidang Umum UNESCO": one at a body's session
            or (at_session and ev.targets and all(
                ex.entities[t].kind == "organization" for t in ev.targets if t in ex.entities))
        ):
            ev.mode = "multilateral"
        # a statement's place is where it was made ("Dalam pidatonya di Jenewa, X mengecam"),
        # not where what it speaks of happens ("mengecam serangan Israel di Gaza")
        ev.place = ev.place or self._place(s, mt.i, mt.j, mt.j if trig.type in SPEECH_ACTS else limit, ex)
        if not ev.place and trig.mode == "visit" and voice == "active":
            ev.place = self._visited_place(s, mt.j, limit)
        if not ev.place and trig.type in SPEECH_ACTS:
            # but the setting set off after it is where: "memberikan tanda jasa kepada Presiden
            # Prabowo, dalam rangkaian kunjungannya ke Akademi Militer Magelang"
            # (the setting may name an event of its own, past this trigger's window)
            k = next((q for q in range(mt.j, len(W) - 1) if W[q].text == "," and (
                W[q + 1].lower in SIMULTANEOUS | AFTER_WHEN or W[q + 1].lower in self.setting)), None)
            if k is not None:
                ev.place = self._place(s, k + 1, k + 1, len(W), ex)
        if ev.type == "CONSULT" and not ev.place:
            ev.place = self._hosted_by(ex, s, mt, state, _actors(ev))
        if ev.type == "CONSULT" and not ev.place and len(cities_named) == 1:
            ev.place = cities_named[0]
        # a date in what is said ("mengatakan … dalam pertemuan mereka … bahwa Jepang akan …
        # (1 April 2026)") is not the day of the event
        said = next((w.start for w in W[mt.j : limit] if w.lower == "bahwa"), window_end)
        self._date(ev, s, W[mt.i].start, min(window_end, said))
        if not ev.topics and not (trig.complement and comp_words):
            ev.topics = self._topics(ex, W[mt.j : limit])
        ev.duration_minutes = self._duration(W[mt.i : limit])
        # contexts from markers before the trigger, in its clause
        left = self._clause_left(s, light if light is not None else mt.i)
        before = [w.lower for w in W[left : (light if light is not None else mt.i)]]
        # a noun after "mengenai/tentang" is talked about, not planned: no context from the clause
        about = voice == "noun" and light is None and any(w.lower in self.about for w in W[max(0, mt.i - 2) : mt.i])
        if not about:
            purpose = left >= 2 and W[left - 1].lower in PURPOSE
            wanted = before + ([W[left - 2].lower] if purpose else [])
            # "mengumumkan rencana untuk menggandakan tarif"; the light verb itself may plan:
            # "menjajaki perundingan", "menjadwalkan pertemuan"
            ev.contexts += self._time_contexts(wanted + ([W[light].lower] if light is not None else []))
            wanted += [w.lower for w in W[max(0, left - 4) : left - 1]] if purpose else []  # "undangan resmi untuk"
            if any(b in self.desire for b in wanted) and W[light if light is not None else mt.i].lower not in self.performative:
                ev.contexts.append("Future")  # "berminat untuk bekerja sama", not "ingin mengucapkan terima kasih"
            if voice == "noun" and any(b in self.irrealis for b in before[-4:]):
                ev.contexts.append("Hypothetical")  # "menawarkan pertemuan", "berharap … perundingan"
            if voice == "noun" and "Planned" not in ev.contexts:
                # "pertemuan dengan Presiden Prabowo yang dijadwalkan berlangsung besok"
                after = [w.lower for w in W[mt.j : min(len(W), limit + 8)]]
                if "yang" in after[:8]:
                    k = after.index("yang")
                    ev.contexts = _uniq(ev.contexts + self._time_contexts(after[k + 1 : k + 3]))
        head = light if light is not None else mt.i
        near = [w.lower for w in W[max(left, head - 3) : head]]
        if any(W[k].lower in self.negation and not (k + 1 < len(W) and W[k + 1].lower in self.not_negating)
               for k in range(max(left, head - 3), head)):
            ev.contexts.append("Negated")
        if any(b in self.hypothetical for b in near):
            ev.contexts.append("Hypothetical")
        if trig.type != "REJECT" and self._denied(s, head, mt.j) and not (
                voice == "noun" and any(W[k].lower in self.deny_verbs for k in range(max(0, head - 3), head))):
            # ("membantah tuduhan AS": the accusation was made; what it says is denied)
            ev.contexts = _uniq(ev.contexts + ["Negated"])
        for c0, c1 in self._condition_spans(s):
            k0 = _word_index_at(W, c0)
            if c1 <= W[head].start and (k0 == 0 or self._is_boundary(W[k0 - 1])) and not any(
                    w.text in {";", ".", "?", "!"} for w in W[_word_index_at(W, c1) : head]):
                # "Begitu negara Palestina diakui oleh Israel, Indonesia siap untuk mengakui
                # Israel", "Jika …, AS akan …": what follows a fronted condition hangs on it
                self._conditional(ev, s.text[c0:c1])
            elif (W[head].start < c0 <= ev._span[1] + 2 and W[_word_index_at(W, c0)].lower != "kecuali"  # type: ignore[attr-defined]
                  and not any(w.text in {";", ".", "?", "!"} for w in W[head : _word_index_at(W, c0)])):
                # "Indonesia siap mengakui Israel …, asalkan Israel juga mengakui Palestina":
                # what is done on a condition that follows ("kecuali Israel" only excepts)
                self._conditional(ev, s.text[c0:c1])
        ev.confidence = max(0.05, min(0.99, round(ev.confidence, 2)))
        return ev

    def _denied(self, s: Sentence, head: int, j: int) -> bool:
        """The act is denied: "tidak benar ada rencana blacklist", "Iran membantah telah menyerang
        …" (at most 12 words before it, no "namun" between), "Kabar bahwa X bertemu Y adalah hoaks"."""
        W = s.words
        a = head
        while a > 0 and head - a < 12 and W[a - 1].lower not in CONTRAST | {"dan", "serta"} \
                and W[a - 1].text not in {";", ":"}:
            a -= 1  # "membantah tuduhan itu dan mengancam …": the threat is made
        b = j
        while b < len(W) and W[b].lower not in self.complementizer and W[b].text not in {";", ":"}:
            b += 1  # "… agar publik tak berpikiran yang tidak benar" judges no act
        return (_phrase_in([w.lower for w in W[a:head]], self.denial_before) is not None
                or _phrase_in([w.lower for w in W[j:b]], self.denial_after) is not None)

    @staticmethod
    def _conditional(ev: Event, condition: str) -> None:
        """The event hangs on ``condition``. A threat or a demand is made all the same ("mengancam
        akan menaikkan tarif bila konflik berlanjut"): what it threatens or asks is conditional."""
        if ev.type not in CONDITIONS_CONTENT:
            ev.contexts = _uniq(ev.contexts + ["Hypothetical"])
        ev.condition = ev.condition or condition

    # -- argument finding ----------------------------------------------------------------

    def _is_boundary(self, w: Word) -> bool:
        return (
            w.text in {",", ";", ":", "(", ")", "—", "–"}
            or w.text in QUOTE_CHARS
            or w.lower in self.complementizer
            or w.lower in self.speech_verbs
            or w.lower in self.condition
        )

    def _clause_left(self, s: Sentence, i: int) -> int:
        """Index of the first word of the clause that word i is in."""
        W = s.words
        k = i - 1
        while k >= 0:
            if W[k].text == ")":
                # "Mohamad Hasan pada Jumat (24/10/2025) mengatakan": a date in brackets
                # does not end the clause
                o = k - 1
                while o >= 0 and W[o].text != "(":
                    o -= 1
                if o >= 0 and all(_is_date_word(x) or x.text.isdigit() or x.text in {"/", "-"}
                                  for x in W[o + 1 : k]):
                    k = o - 1
                    continue
            if W[k].text in QUOTE_CHARS and k == i - 1:
                # 'bahwa "Negeri Paman Sam" mengutuk …': a name in quotation marks right
                # before the verb is its subject (at most four words between the marks)
                o = next((q for q in range(k - 1, max(-1, k - 6), -1) if W[q].text in QUOTE_CHARS), None)
                if o is not None and o < k - 1 and not any(self._is_boundary(w) for w in W[o + 1 : k]):
                    return o + 1
            if self._is_boundary(W[k]) and not self._is_control(W, k):
                break
            if k > 0 and (W[k - 1].lower, W[k].lower) in {("di", "mana")}:
                return k + 1
            k -= 1
        return k + 1

    def _is_control(self, W: list[Word], k: int) -> bool:
        """ "berencana untuk", "sepakat untuk": the infinitive shares the matrix subject."""
        return W[k].lower in {"untuk", "akan"} and k > 0 and W[k - 1].lower in self.control_verbs

    def _mentions_between(self, s: Sentence, a: int, b: int, kinds=ACTOR_KINDS) -> list[Mention]:
        return [m for m in s.mentions if a <= m.start_char < b and m.kind in kinds]

    @staticmethod
    def _is_member_of(s: Sentence, m: Mention) -> bool:
        """ "142 dari 193 negara anggota PBB telah mengakui …": the members act, not the
        organisation."""
        if m.kind != "organization":
            return False
        if s.text[max(0, m.start_char - 1) : m.start_char] == "(":  # "(PBB)" after its full name
            full = [x for x in s.mentions if x.end_char <= m.start_char - 1 and x.kind == m.kind]
            if full and not s.text[full[-1].end_char : m.start_char - 1].strip():
                m = full[-1]
        k = _word_index_at(s.words, m.start_char)
        return k > 0 and s.words[k - 1].lower == "anggota"

    def _is_oblique(self, s: Sentence, m: Mention) -> bool:
        """After a preposition ("oleh Presiden Putin": before the title of a titled name)."""
        W = s.words
        start = m.start_char
        pos = getattr(m, "position", None) if m.kind == "person" else None
        if pos is not None and pos.evidence and pos.evidence[0] < start and pos.evidence[1] >= start - 1:
            start = pos.evidence[0]
        k = _word_index_at(W, start)
        prev = W[k - 1].lower if k > 0 else ""
        prev2 = W[k - 2].lower if k > 1 else ""
        return prev in self.oblique or (prev in {"dan", "serta", ","} and prev2 in self.oblique)

    @staticmethod
    def _list_ending_at(s: Sentence, last: Mention, kinds=ACTOR_KINDS) -> list[Mention]:
        """The mentions of a list that ends at ``last`` ("Australia, Kanada, Inggris, dan
        Norwegia"), in order; ``last`` alone when nothing is coordinated before it."""
        out = [last]
        before = [m for m in s.mentions if m.end_char <= last.start_char and m.kind in kinds]
        for m in reversed(before):
            if s_text_between(s, m.end_char, out[0].start_char).strip() not in LIST_GAPS:
                break
            out.insert(0, m)
        return out

    def _group(self, s: Sentence, first: Mention, end_char: int, kinds=ACTOR_KINDS,
               between: bool = False) -> list[str]:
        """The actor at `first` plus actors coordinated with it ("X dan Y", "X-Y", "X, Y");
        after "antara", "dengan" coordinates too ("antara X, …, dengan Y")."""
        if first.kind in ("organization", "country"):
            # "Presiden Komisi Uni Eropa Ursula von der Leyen": the organisation is the
            # person's, who is the actor
            after = next((m for m in s.mentions if m.kind == "person" and m.start_char > first.start_char), None)
            if after is not None and after.start_char < end_char and \
                    s_text_between(s, first.end_char, after.start_char).strip() == "":
                first = after
        out = [self._key(first)]
        gaps: list[str] = []
        pos = first.end_char
        for m in s.mentions:
            if m.start_char < pos or m.start_char >= end_char or m.kind not in kinds:
                continue
            if self._key(m) == out[-1] and s_text_between(s, pos, m.start_char).strip() == "(":
                pos = m.end_char  # "Dana Moneter Internasional (IMF)": the name again, as an acronym
                continue
            title = m.position.evidence if m.kind == "person" and getattr(m, "position", None) else None
            begin = title[0] if title and pos <= title[0] < m.start_char else m.start_char
            raw = s_text_between(s, pos, begin)
            # "Pemerintah Indonesia dan Pemerintah Inggris": a head noun before the next side;
            # "Dana Moneter Internasional (IMF) dan Bank Dunia": the name's own acronym
            gap = " ".join(w for w in re.sub(r"\([^()]{1,40}\)|^\s*\)", " ", raw).lower().split()
                           if w not in self.actor_heads)
            if gap in COORDINATION or between and gap in {"dengan", ", dengan"}:
                out.append(self._key(m))
                gaps.append(gap)
                pos = m.end_char
                continue
            named = self._named_after_title(s, raw, m, end_char)
            if named is None:
                break
            out.append(self._key(named))
            gaps.append("dan")
            pos = named.end_char
        # a list of states closes with "dan": "oleh Israel, Indonesia siap …" ends a clause,
        # and the next one's subject follows ("Raja Belgia, Raja Philippe": a name in apposition)
        while gaps and gaps[-1] == "," and not out[-1].startswith("person/"):
            gaps.pop()
            out.pop()
        return out

    @staticmethod
    def _named_after_title(s: Sentence, gap: str, m: Mention, end_char: int) -> Mention | None:
        """ "Yusril dan Secretary of State for Foreign, Commonwealth, and Development Affairs
        of the United Kingdom, Yvette Cooper": a title no table knows (here an English one)
        between the coordinator and the name. Its words are capitalised or joining words;
        the state or body in it (``m``) is the title's, and the person after it the actor."""
        words = gap.replace(",", " , ").split()
        if not words or words[0].lower() not in {"dan", "serta"}:
            return None
        rest = [w for w in words[1:] if w != ","]
        if not rest or len(rest) > 16 or not all(
                w[:1].isupper() or w.lower() in TITLE_JOINERS for w in rest):
            return None
        if m.kind == "person":
            return m
        person = next((p for p in s.mentions if p.start_char >= m.end_char), None)
        if person is None or person.kind != "person" or person.start_char >= end_char:
            return None
        return person if s_text_between(s, m.end_char, person.start_char).strip() in {"", ","} else None

    def _subject(self, s: Sentence, i: int, state: DocState, allow_carry: bool = True) -> list[str]:
        W = s.words
        # relative clause: "pernyataan pemerintah AS yang meminta Indonesia …" is the US's
        k = i - 1
        while k > 0 and W[k].lower in self.adverbs and W[k].text != ",":
            k -= 1
        if k > 0 and W[k].lower == "yang":
            # the noun phrase right before "yang": no boundary between, at most three words
            lo = k
            while lo > max(0, k - 3) and not self._is_boundary(W[lo - 1]):
                lo -= 1
            near = [m for m in self._mentions_between(s, W[lo].start, W[k].start)
                    if not self._is_oblique(s, m)]
            if near:
                # "keputusan Australia, Kanada, Inggris, dan Norwegia yang juga menjatuhkan
                # sanksi": the whole list before "yang"
                return _uniq([self._key(m) for m in self._list_ending_at(s, near[-1])])
            noun = next((q for q in range(max(1, k - 5), k) if W[q].lower in self.statement_nouns
                         and _looks_verb(W[q - 1].lower)
                         and not any(self._is_boundary(w) and w.text not in QUOTE_CHARS for w in W[q:k])), None)
            if noun is not None:
                # "Kemlu Singapura mengeluarkan pernyataan terbaru yang menyerukan …": what the
                # statement calls for, its issuer does
                return self._subject(s, noun - 1, state, allow_carry)
        # coordinated verb: "X menegaskan … dan memperingatkan …", "X akan diterima …, dan
        # akan melakukan …" share X
        c = i - 1
        while c > 0 and W[c].lower in self.adverbs and W[c].text != "," and W[c].lower not in {"lalu", "kemudian"}:
            c -= 1
        if c >= 0 and c < i and W[c].lower in {"dan", "serta", "lalu", "kemudian"}:
            tried = 0
            for k in range(c - 1, -1, -1):
                if _looks_verb(W[k].lower) and W[k].lower not in self.oblique | self.complementizer:
                    # a passive verb's subject is the one it happens to ("X akan diterima …")
                    subj = self._passive_subject(s, k, state) if voice_of(W[k].lower) == "passive" \
                        else self._subject(s, k, state, allow_carry)
                    if subj:
                        return subj
                    # "X mengatakan, rencana itu tidak sulit diimplementasikan, dan mendesak
                    # …": a verb of the reported clause has no actor; the speaker's verb has
                    tried += 1
                    if tried == 3:
                        break
        left = self._clause_left(s, i)
        # "Jen Psaki, mengatakan": skip one comma back when the clause has no actor, nor a
        # subject of its own ("Meskipun Pyongyang belum …, para analis mengatakan …")
        tries = [(left, W[i].start)]
        own_subject = any(w.lower == "para" for w in W[left:i])
        if left > 0 and W[left - 1].text == "," and not own_subject:
            prev_left = self._clause_left(s, left - 1)
            if prev_left == 0 or W[prev_left - 1].lower not in self.condition:
                if not (prev_left < len(W) and W[prev_left].lower in self.complementizer | self.condition):
                    tries.append((prev_left, W[left - 1].start))
            if prev_left > 1 and W[prev_left - 1].lower == "yang":
                # "Presiden AS Donald Trump yang ingin memulai babak baru …, mendukung …": a
                # relative clause stands between the subject and its verb
                tries.append((self._clause_left(s, prev_left - 2), W[prev_left - 1].start))
        elif left > 1 and W[left - 1].lower == "yang" and left < i - 1 and (
                W[i - 1].lower in self.event_anaphors or W[left - 2].lower in self.statement_nouns):
            # "Kedua pengadilan yang berkantor di Den Haag itu menuai …": a relative clause
            # closed by "itu" before the verb, without commas; "Juru Bicara … dalam siaran yang
            # dirilis media resmi KCNA mengatakan": one on the medium of the saying
            tries.append((self._clause_left(s, left - 2), W[left - 1].start))
        if any(w.lower in NATIONAL_TEAM for w in W[left:i]):
            return []  # "Timnas U23 Indonesia akan bersua dengan Vietnam": a team, no state
        first = next(iter(self._mentions_between(s, W[left].start, W[i].start)), None)
        q = _word_index_at(W, first.start_char) if first is not None else 0
        if q > 0 and W[q - 1].lower in self.people_of | self.origin and not (q > 1 and W[q - 2].text.istitle() and q - 2 > left):
            # "masyarakat Indonesia dapat …", "Tidak semua warga Iran …": its people, not the
            # state ("Dewan Perwakilan Rakyat RI" is a name); "perusahaan asal Singapura": a
            # firm from there
            return []
        for a, end in tries:
            if W[a].lower in self.anaphor_heads:  # "Pakar Italia tersebut": Italy only modifies
                pron = self._pronoun_subject(s, a, end, state)
                if pron:
                    return pron
            cands = [m for m in self._mentions_between(s, W[a].start, end)
                     if not self._is_oblique(s, m) and not self._is_member_of(s, m)]
            if cands:
                return self._group(s, self._list_head(s, cands[0]), end)
            pron = self._pronoun_subject(s, a, end, state)
            if pron:
                return pron
        spoken = self._speech_subject(s, left, i, state)
        if spoken:
            return spoken
        sub = i - 1
        while sub >= 0 and W[sub].lower in self.adverbs and W[sub].lower not in AFTER_WHEN:
            sub -= 1
        if sub >= max(0, left - 1) and W[sub].lower in AFTER_WHEN:
            # "Trump menyampaikan pengumuman ini sehari setelah melakukan percakapan …": a
            # time clause with no subject of its own shares its matrix clause's; fronted
            # ("Usai bertemu Prabowo, Putin mengatakan …"), the one after its comma
            if sub > 0 and not self._is_boundary(W[sub - 1]):
                subj = self._subject(s, sub, state, allow_carry)
                head = self._clause_left(s, sub) - 1
                if not subj and head > 0 and W[head].lower in self.speech_verbs:
                    subj = self._subject(s, head, state, allow_carry)  # "X mengatakan hal itu usai …"
                return subj
            if W[sub].lower == "sebelum":
                return []  # "Sebelum bertolak ke Rusia, Prabowo akan mengunjungi Singapura": another trip
            comma = next((k for k in range(i + 1, len(W)) if W[k].text == ","), None)
            verb = next((k for k in range(comma + 2, len(W)) if _looks_verb(W[k].lower)
                         and W[k].text[:1].islower()), None) if comma is not None else None
            if verb is not None and self._mentions_between(s, W[comma].end, W[verb].start):
                return self._subject(s, verb, state, allow_carry)
            return []
        if left > 0 and W[left - 1].lower in PURPOSE and all(w.lower in self.adverbs for w in W[left:i]):
            # "Airlangga dalam perjalanan menuju Washington untuk bertemu …": a purpose
            # clause shares the subject of its matrix clause ("Trump mengumumkan rencana
            # untuk menggandakan tarif": the subject of the verb before it)
            subj = self._subject(s, left - 1, state, allow_carry)
            if subj:
                return subj
            verb = next((k for k in range(left - 2, max(-1, left - 6), -1) if _looks_verb(W[k].lower)
                         and W[k].text[:1].islower()), None)
            if verb is not None:
                return self._subject(s, verb, state, allow_carry)
            return []
        if allow_carry and left == 0 and s.index > 0 and state.last_subject:
            # "Ia …" was handled above; "Pemerintah menyambut …" has a subject we cannot
            # resolve, and then carrying the previous one would be wrong
            if all(w.lower in self.adverbs for w in W[:i]):
                return list(state.last_subject)
        return []

    def _list_head(self, s: Sentence, m: Mention) -> Mention:
        """The first member of the list whose last member is ``m``: "Inggris, Jerman, dan
        Perancis menjatuhkan …" (the clause search stops at the commas). Only a list closed
        by "dan"/"serta" before ``m``: "Di sela KTT APEC, Trump …" is no list."""
        actors = [x for x in s.mentions if x.kind in ACTOR_KINDS]
        head, conjoined = m, False
        while True:
            before = [x for x in actors if x.end_char <= head.start_char]
            if not before:
                break
            prev = before[-1]
            gap = s.text[prev.end_char : head.start_char].strip().lower()
            if gap in {"dan", ", dan", "serta", ", serta"} and head is m:
                conjoined = True  # the last member, after the conjunction
            elif not (gap == "," and conjoined):
                break
            if self._is_oblique(s, prev):
                break
            head = prev
        return head

    def _passive_subject(self, s: Sentence, i: int, state: DocState) -> list[str]:
        """ "Prabowo disambut …", "Kedatangan Prabowo disambut …": the patient is the noun
        phrase just before the verb (auxiliaries and adverbs skipped), not any actor earlier."""
        W = s.words
        k = i - 1
        while k >= 0 and W[k].lower in self.adverbs:
            k -= 1
        if k < 0:
            return self._subject(s, i, state)
        near = W[max(0, k - 3)].start
        cands = [m for m in self._mentions_between(s, near, W[k].end) if not self._is_oblique(s, m)]
        if cands:
            # "Malaysia, Jepang, dan Korea Selatan dikenakan tarif …": the list the last one ends
            first = self._list_ending_at(s, cands[0], kinds={cands[0].kind})[0]
            return self._group(s, first, W[i].start)
        if W[k].lower in self.pron_person or k == 0:
            return self._subject(s, i, state)
        return []

    def _pronoun_subject(self, s: Sentence, a: int, end: int, state: DocState) -> list[str]:
        W = s.words
        k = a
        while k < len(W) and W[k].start < end:
            w = W[k]
            if (w.lower in self.pron_person and s.speaker and s.speaker.startswith("person/")
                    and s.content_span and s.content_span[0] <= w.start < s.content_span[1]
                    and not s.in_quote(w.start)):
                # "Trump mengatakan bahwa ia telah …": the one who says it (in his own words,
                # "beliau" is someone else)
                return [s.speaker]
            if w.lower in self.pron_person and state.spokesperson_of:
                return [state.spokesperson_of]
            if w.lower in self.pron_person and state.last_person:
                return [self._pronoun_target(state)]
            if w.lower in self.pron_country and (k == a or W[k - 1].lower in self.adverbs or (
                    W[k - 1].lower == "dari" and W[a].lower in self.anon_heads and k - a <= 3)):
                # "negaranya turut berminat …", "pejabat tinggi dari pemerintahannya akan …":
                # the country of the person spoken of, or the one its spokesperson speaks for
                before = [m for m in s.mentions if m.kind == "person" and m.end_char <= w.start]
                person = s.speaker or (self._key(before[-1]) if before else None) or (
                    self._pronoun_target(state) if state.last_person else None)
                if person and person.startswith("country/"):
                    return [person]
                country = _country_key(state.ex, person) if person else None
                if country:
                    return [country]
            if w.lower in self.pron_first and (  # "presiden kami" is a possessor, not a subject
                k == a or W[k - 1].lower in self.adverbs or W[k - 1].text in QUOTE_CHARS
            ):
                speaker = self._first_person(s, w, state)
                if speaker:
                    return [speaker]
            if w.text == "Pemerintah" and (k == a or W[k - 1].lower in self.adverbs) and not any(
                    m.start_char == W[k + 1].start for m in s.mentions if k + 1 < len(W)) and not (
                    k + 1 < len(W) and W[k + 1].lower in self.local_government):
                # bare "Pemerintah": the government last named ("Pemerintah Jepang …"), else,
                # in Indonesian news, Indonesia's
                gov = state.last_government or _dateline_country(state.ex) or _indonesia(state.ex)
                if gov:
                    return [gov]
            if (w.lower in self.anaphor_heads and (k == a or W[k - 1].lower in self.adverbs)
                    and any(x.lower in self.event_anaphors for x in W[k + 1 : k + 4])):
                # "kelompok tersebut …": the last organisation named; "negara itu": country;
                # "Pakar Italia tersebut": the last person
                named = state.last_of_kind.get(self.anaphor_heads[w.lower])
                if named:
                    return named[-1:]
            if (k == a or W[k - 1].lower in self.adverbs) and (
                    w.lower == "negara-negara" or w.lower in COLLECTIVE_NUMERALS):
                named = self._plural_anaphor(s, k, state)  # "Kelima negara tersebut juga …"
                if named:
                    return named
            if (w.lower == "kedua" and k + 1 < len(W) and W[k + 1].lower in self.anaphor_heads
                    and any(x.lower in self.event_anaphors for x in W[k + 2 : k + 9])):
                # "Kedua pengadilan internasional yang berkantor di Den Haag itu": the last
                # two of that kind
                named = state.last_of_kind.get(self.anaphor_heads[W[k + 1].lower], [])
                if len(named) == 2:
                    return list(named)
            if w.lower not in self.coref_heads:  # every pattern below starts with one of these
                k += 1
                continue
            for pat in self.both_leaders:
                if tuple(x.lower for x in W[k : k + len(pat)]) == pat and state.main_consult:
                    return self._persons_of(state.main_consult)
            for pat in self.both_countries:
                if tuple(x.lower for x in W[k : k + len(pat)]) == pat:
                    if state.main_consult:
                        return [_country_key(state.ex, a) or a if pat[-1] == "negara" else a
                                for a in _actors(state.main_consult)]
                    if state.last_pair:  # "kedua pihak": the two sides of the last dyad
                        if s.speaker and s.says(W[k].start):
                            # "Trump mengumumkan bahwa kedua belah pihak sepakat …": two sides
                            # the speaker and his state are not one of (Israel and Iran, not
                            # Trump and Iran, nor the US and Iran)
                            own = {s.speaker, _country_key(state.ex, s.speaker)}
                            return next((list(p) for p in reversed(state.pairs) if not own & set(p)),
                                        list(state.last_pair))
                        return list(state.last_pair)
                    if pat[-1] == "negara":
                        # else the last two countries named before it ("produk asal Indonesia
                        # yang masuk ke AS … negosiasi antara delegasi kedua negara")
                        named = _uniq([self._key(m) for m in s.mentions
                                       if m.kind == "country" and m.end_char <= W[k].start])
                        if len(named) >= 2:
                            return named[-2:]
            k += 1
        return []

    @staticmethod
    def _first_person(s: Sentence, w: Word, state: DocState) -> str | None:
        """ "Saya"/"Kami" in reported speech is its speaker: the one this sentence attributes
        (", kata X"), else, inside a quote, the last one named as speaking."""
        if s.speaker:
            return s.speaker
        if s.in_quote(w.start) or any(c in QUOTE_CHARS for c in s.text[s.start : s.start + 2]):
            return state.last_speaker
        return None

    def _speech_subject(self, s: Sentence, left: int, i: int, state: DocState) -> list[str]:
        """ "Merz mengatakan akan segera berbicara dengan …": a clause without a subject
        right after a speech verb (or its "bahwa") shares the speaker."""
        W = s.words
        k = left - 1
        if k >= 0 and W[k].text == ",":
            k -= 1
        if k >= 0 and W[k].lower == "bahwa":
            k -= 1
        if k < 0 or W[k].lower not in self.speech_verbs:
            return []
        if not all(w.lower in self.adverbs or w.lower in self.future for w in W[left:i]):
            return []
        return self._subject(s, k, state, allow_carry=False)

    @staticmethod
    def _pronoun_target(state: DocState) -> str:
        """ "Ia"/"dia": the person who was the subject of the sentence before ("Merz mengatakan
        akan berbicara dengan PM Netanyahu. Ia memperingatkan …" is Merz), else the last
        speaker, else the last person named."""
        if len(state.last_subject) == 1 and state.last_subject[0].startswith("person/"):
            return state.last_subject[0]
        return state.last_speaker if state.last_speaker and state.last_speaker.startswith("person/") else state.last_person  # type: ignore[return-value]

    def _persons_of(self, ev: Event) -> list[str]:
        return [a for a in _actors(ev) if a.startswith("person/")]

    @staticmethod
    def _persons(ex: Extraction, keys: list[str]) -> list[str]:
        return [k for k in keys if k.startswith("person/")]

    def _object(self, s: Sentence, j: int, limit: int, prepositions=OBJECT_PREPS) -> tuple[list[str], int]:
        """Target right of a verb: the first actor before a boundary, directly or after a preposition."""
        W = s.words
        titled = [m.position.evidence for m in s.mentions
                  if m.kind == "person" and getattr(m, "position", None) and m.position.evidence]
        k = j
        # a comma inside a titled name ("Duta Besar Jerman, Ina Lepel") is no boundary, nor
        # "yang dilakukan" naming the agent of the act ("mengecam kekejaman yang dilakukan Israel")
        actor_starts = {m.start_char for m in s.mentions if m.kind in ACTOR_KINDS}
        while k < limit and k < len(W) and (
            not self._is_boundary(W[k]) or any(a <= W[k].start < b for a, b in titled)
            or (W[k].lower == "yang" and k + 1 < len(W) and W[k + 1].lower in {"dilakukan", "dilancarkan"})
            # a target's preposition that also opens clauses: "tarif 32 persen untuk Indonesia"
            or (W[k].lower in prepositions and k + 1 < len(W) and W[k + 1].start in actor_starts)
        ):
            k += 1
        end = W[k].start if k < len(W) else s.end
        start = W[j].start if j < len(W) else s.end
        for m in self._mentions_between(s, start, end, kinds=ACTOR_KINDS | {"city"}):
            idx = _word_index_at(W, m.start_char)
            prev = W[idx - 1].lower if idx > 0 else ""
            if m.kind == "city" and (m.qid not in capitals() or prev in LOCAL_BODIES
                                     or (self._is_oblique(s, m) and idx > 0 and prev not in prepositions)):
                continue  # "tiba di Teheran" is a place; "mendorong Teheran", "menarik duta
                # besarnya dari Madrid" name its government, "Pemprov DKI Jakarta" its own
            if prev in self.allied:
                continue  # "menuntut negara-negara sekutu AS tersebut": the allies, not the US
            if prev == "di" and any(w.lower in {"kepada", "bagi"} for w in W[j:idx]):
                continue  # "imbauan kepada WNI di Jepang": where the addressees are (but
                # "rudal ke sejumlah kota di Israel" hits Israel)
            governed = any(w.lower in prepositions for w in W[j:idx]) or (
                prev == "asal" and idx >= 2 and W[idx - 2].lower in self.origin_heads)
            if not self._is_oblique(s, m) or prev in prepositions or governed:
                # a list "Jepang, Kanada, dan Thailand" runs over its commas
                list_end = W[limit - 1].end if 0 < limit <= len(W) else s.end
                kinds = ACTOR_KINDS | {"city"} if m.kind == "city" else ACTOR_KINDS
                group = self._group(s, m, max(end, list_end), kinds=kinds)
                return group + self._including(s, group, max(end, list_end)), k
        if k + 1 < len(W) and W[k].text == "," and W[k + 1].lower in self.including and k > j:
            # "menjamu lebih dari 30 kepala negara, termasuk Presiden AS Donald Trump": the
            # ones named among those the verb takes
            return self._after_word(s, k + 1, len(W), (W[k + 1].lower,), reach=6), k
        return [], k

    def _provoked_by(self, s: Sentence, j: int, sources: list[str]) -> list[str]:
        """The one whose act a protest answers, when the protest names no one: "Beijing
        melayangkan protes setelah Departemen Perdagangan AS mengeluarkan peringatan …" (the
        subject of the clause right after "setelah/usai/menyusul", its actor first)."""
        W = s.words
        k = j
        while k < len(W) and k - j < 3 and W[k].lower not in PROVOKED_BY:
            if self._is_boundary(W[k]) or _looks_verb(W[k].lower):
                return []
            k += 1
        if k >= len(W) or W[k].lower not in PROVOKED_BY:
            return []
        for q in range(k + 1, min(len(W), k + 6)):
            if self._is_boundary(W[q]) or _looks_verb(W[q].lower):
                return []
            m = next((m for m in s.mentions if W[q].start <= m.start_char < W[q].end and m.kind in ACTOR_KINDS), None)
            if m is not None:
                key = self._key(m)
                return [] if key in sources else [key]
        return []

    def _visited_place(self, s: Sentence, j: int, limit: int) -> str | None:
        """The place a visit verb takes as its object: "mengunjungi Magelang", "mengunjungi
        Akademi Militer (Akmil) Magelang" (a facility we do not know, then its city)."""
        W = s.words
        for k in range(j, min(limit, j + 6, len(W))):
            if self._is_boundary(W[k]) and W[k].text not in {"(", ")"}:
                return None
            m = next((m for m in s.mentions if m.start_char == W[k].start), None)
            if m is not None:
                return self._key(m) if m.kind in PLACE_KINDS else None
        return None

    def _plural_anaphor(self, s: Sentence, j: int, state: DocState) -> list[str]:
        """ "menuntut negara-negara sekutu AS tersebut untuk …", "kelima negara itu": the
        states of the last list of states named before (of that many, when counted)."""
        W = s.words
        if j + 1 >= len(W):
            return []
        count = COLLECTIVE_NUMERALS.get(W[j].lower)
        if W[j].lower == "negara-negara":
            start = j + 1
        elif count is not None and W[j + 1].lower == "negara":
            start = j + 2
        else:
            return []
        for q in range(start, min(len(W), start + 5)):
            if self._is_boundary(W[q]):
                return []
            if W[q].lower in DEMONSTRATIVES:
                named = state.last_country_list
                return list(named) if named and count in (None, len(named)) else []
        return []

    def _their_leader(self, ex: Extraction, s: Sentence, j: int, limit: int, sides: list[str],
                      article: Article) -> list[str]:
        """ "berbicara dengan Presiden mereka": the holder of that office, on the article's
        date, in the last country named before that is not the speaker's own."""
        W = s.words
        k = next((q for q in range(j, min(limit, len(W)) - 2) if W[q].lower in ("dengan", "bersama")), None)
        if k is None or W[k + 2].lower != "mereka" or article.date is None:
            return []
        gaz = Gazetteer.default()
        if gaz.role_of(W[k + 1].text) is None:
            return []
        own = {ex.entities[x].qid for x in sides if x in ex.entities} | {
            _country_of(ex, x) for x in sides}
        before = [e for e in ex.entities.values() if e.kind == "country" and e.qid and e.qid not in own
                  and e.mentions and min(a for a, _ in e.mentions) < W[k].start]
        if not before:
            return []
        country = max(before, key=lambda e: max(a for a, _ in e.mentions if a < W[k].start))
        leader = gaz.holder_of(W[k + 1].text, country.qid, article.date)
        key = _add_known(ex, leader.id if leader else None, "person", "leader-of-country-spoken-of", 0.6)
        return [key] if key else []

    def _including(self, s: Sentence, group: list[str], end: int) -> list[str]:
        """ "pemimpin senior Hizbullah, termasuk pemimpin tertinggi Hassan Nasrallah": the
        actors a "termasuk" after the target adds to it."""
        W = s.words
        last = max((m.end_char for m in s.mentions if self._key(m) in group), default=None)
        if last is None:
            return []
        k = _word_index_at(W, last) + 1
        while k < len(W) and W[k].start < end and W[k].text == ",":
            k += 1
        if k >= len(W) or W[k].lower not in self.including:
            return []
        return [x for x in self._after_word(s, k, len(W), (W[k].lower,), reach=6) if x not in group]

    def _agent(self, s: Sentence, j: int, limit: int) -> list[str]:
        """ "disambut oleh Presiden Singapura, Tharman …", "diterima Presiden Prabowo"."""
        W = s.words
        end = W[limit - 1].end if 0 < limit <= len(W) else s.end
        k = j
        while k < len(W) and W[k].lower in self.adverbs:
            k += 1
        oleh = k < len(W) and W[k].lower == "oleh"
        if not oleh:
            # "dikenakan tarif 32 persen oleh AS": "oleh" a few words on, in the same clause
            by = next((q for q in range(k, min(k + 7, len(W))) if W[q].lower == "oleh"
                       or self._is_boundary(W[q])), None)
            if by is not None and W[by].lower == "oleh":
                k, oleh = by, True
        for m in self._mentions_between(s, W[j].start if j < len(W) else s.end, end):
            idx = _word_index_at(W, m.start_char)
            if idx <= k + 1 or (oleh and k < idx <= k + 8):
                return self._group(s, m, end)
            if oleh and idx < k:
                continue  # a name inside what was done, before "oleh"
            break
        return []

    def _to_own_people(self, s: Sentence, mt: Match) -> bool:
        """A request to people, not to a side: "imbauan kepada WNI di Jepang", "imbauan agar
        warga tidak …", "warga Indonesia di Australia juga diminta …"."""
        W = s.words
        for k in range(mt.j, min(mt.j + 4, len(W) - 1)):
            if W[k].lower in {"kepada", "bagi", "agar", "supaya"} and W[k + 1].lower in self.own_people:
                return True
        if mt.voice == "passive":
            k = mt.i - 1
            while k >= 0 and W[k].lower in self.adverbs:
                k -= 1
            return any(w.lower in self.own_people for w in W[max(0, k - 4) : k + 1])
        return False

    def _received_by(self, ex: Extraction, s: Sentence, mt: Match, state: DocState, by: list[str]) -> list[str]:
        """Who receives a criticism, protest or support "dari Y": the subject of "menuai",
        "mendapat", "menghadapi", "disambut" right before the noun; an act named again
        ("Langkah ini") is its actor's."""
        W = s.words
        k = mt.i - 1
        while k >= 0 and W[k].lower in self.adverbs | self.manner:
            k -= 1
        if k < 0 or W[k].lower not in self.receive_verbs:
            return []
        subject = self._passive_subject(s, k, state) if voice_of(W[k].lower) == "passive" else self._subject(s, k, state)
        subject = [x for x in subject if x not in by]
        if subject:
            return subject
        if k > 3:
            return []
        # "Langkah ini …": the actor of the act told before, else the subject before
        named = self._event_anaphor(ex, s, 0, by) or list(state.last_subject)
        return [x for x in named if x not in by]

    def _accompanied(self, s: Sentence, mt: Match) -> list[str]:
        """ "mendampingi Presiden Prabowo Subianto dalam kunjungan kenegaraan ke Singapura",
        "… dalam KTT BRICS": the one accompanied takes part, not who goes with him."""
        W = s.words
        k = mt.i - 1
        while k >= 0 and W[k].lower in self.noun_modifiers | {"rangkaian", "acara"}:
            k -= 1
        if k < 2 or W[k].lower not in ("dalam", "pada", "saat", "ketika", "di", "ke"):
            return []
        for a in range(k - 1, max(-1, k - 8), -1):
            if W[a].lower in self.accompany:
                return _uniq(self._key(m) for m in self._mentions_between(s, W[a + 1].start, W[k - 1].end))
            if W[a].text in {",", ";"}:
                return []
        return []

    def _owned(self, s: Sentence, mt: Match) -> bool:
        """The noun trigger carries "-nya", or a word of its own noun phrase right after it
        does ("kunjungannya", "kunjungan kenegaraannya", "kunjungan tiga harinya")."""
        W = s.words
        if W[mt.j - 1].lower.endswith("nya"):
            return True
        for k in range(mt.j, min(mt.j + 3, len(W))):
            w = W[k]
            if w.lower.endswith("nya") and len(w.lower) > 4 and w.text.islower() and w.lower not in self.adverbs:
                return True
            if not (w.lower in self.noun_modifiers or w.lower in NUMBER_WORDS or w.text.isdigit()):
                return False  # "dialog ini hanya …": the noun phrase ended
        return False

    def _owner(self, s: Sentence, mt: Match, state: DocState) -> list[str]:
        """Whose "-nya": the name right before "dalam" ("kehadiran Presiden Prabowo dalam
        kunjungan kenegaraan perdananya"), else the subject of the sentence's first verb
        ("Macron memberikan tanda jasa kepada Prabowo, dalam rangkaian kunjungannya";
        "Trump menawarkan pertemuan dengan Kim selama kunjungannya ke Seoul")."""
        W = s.words
        if mt.i >= 2 and W[mt.i - 1].lower == "dalam":
            before = next((m for m in s.mentions if m.kind in ACTOR_KINDS
                           and W[mt.i - 2].start <= m.end_char - 1 < W[mt.i - 2].end), None)
            if before is not None:
                return self._group(s, before, W[mt.i - 1].start)
        verb = next((k for k, w in enumerate(W[:mt.i]) if w.text[:1].islower() and _looks_verb(w.lower)
                     and w.lower not in self.report_words), None)
        return self._subject(s, verb if verb is not None else mt.i, state)

    def _noun_actors(self, s: Sentence, j: int, limit: int, modifiers: bool = True,
                     objects: frozenset[str] = frozenset()) -> tuple[list[str], int]:
        """Actors that a noun trigger takes: 'pertemuan Dewan Rusia-NATO', 'antara X dan Y';
        past its ``objects``: 'penandatanganan perjanjian damai antara Thailand dan Kamboja'."""
        W = s.words
        starts = {m.start_char for m in s.mentions}
        # a person's title starts a side: "kunjungan Perdana Menteri RRT Li Qiang" is not a
        # "kunjungan perdana" (a maiden visit)
        titles = {m.position.evidence[0] for m in s.mentions
                  if m.kind == "person" and getattr(m, "position", None) and m.position.evidence}
        k = j
        while modifiers and k < limit and W[k].start not in titles and (
            W[k].lower in self.noun_modifiers or _is_date_word(W[k]) or W[k].text in {"-"}
            or (W[k].lower in objects and k - j < 2)
            # "KTT ke-47 ASEAN", which the tokenizer may split: "ke", "-", "47"
            or _ordinal_at(W, k) or (W[k].text.isdigit() and k > j and W[k - 1].text in {"-", "ke"})
            # words of the event's own name: "pertemuan Komisi Bersama Rusia-Indonesia"
            or (W[k].text.istitle() and W[k].start not in starts and k - j < 3)
        ):
            if W[k].lower == "antara":
                break
            k += 1
        if k + 2 < limit and W[k].lower == "di" and W[k + 1].lower == "bidang":
            k += 3  # "kerja sama di bidang pertahanan antara Indonesia dan Prancis"
            if k < limit and W[k].lower != "antara":
                return [], k
        between = k < limit and W[k].lower == "antara"
        if between:
            k += 1
            while k < limit and W[k].lower in self.actor_heads:
                k += 1  # "pertempuran antara tentara Thailand dan Kamboja"
        if k >= len(W) or k >= limit:
            return [], k
        for m in s.mentions:
            title = m.position.evidence if m.kind == "person" and getattr(m, "position", None) else None
            at_title = title is not None and W[k].start <= title[0] < W[k].end and title[0] < m.start_char
            if m.kind in ACTOR_KINDS and (W[k].start <= m.start_char < W[k].end or at_title):
                end = W[limit - 1].end if limit <= len(W) else s.end
                group = self._group(s, m, end, between=between)
                last = max((x.end_char for x in s.mentions if self._key(x) in group), default=W[k].end)
                return group, _word_index_at(W, last)
        return [], k

    def _after_word(self, s: Sentence, j: int, limit: int, words: tuple[str, ...], reach: int = 8) -> list[str]:
        """Actors right after one of `words` ("dengan X", "oleh X", "dalam kerangka X") in the window."""
        W = s.words
        stop = W[limit].start if limit < len(W) else s.end
        for k in range(j, min(limit, len(W))):
            if W[k].lower in self.complementizer and W[k].lower not in words:
                break
            if W[k].lower in words and k + 1 < len(W) and not (k > 0 and W[k].text[:1].isupper()):
                # (a capitalised word mid-sentence is a name's: "Komisi Bersama Rusia-Indonesia")
                reach_end = W[min(k + reach, len(W) - 1)].end
                for m in s.mentions:
                    if m.kind in ACTOR_KINDS and W[k + 1].start <= m.start_char < min(reach_end, stop):
                        q = _word_index_at(W, m.start_char)
                        if q > 0 and W[q - 1].lower in self.origin:
                            break  # "dengan Grab Holdings yang merupakan perusahaan asal Singapura"
                        return self._group(s, m, stop)
        return []

    def _first_mention(self, s: Sentence, pos: int, kinds=ACTOR_KINDS, within: int = 10) -> Mention | None:
        W = s.words
        k = _word_index_at(W, pos)
        end = W[min(k + within, len(W) - 1)].end if W else s.end
        for m in s.mentions:
            if pos <= m.start_char < end and m.kind in kinds:
                return m
        return None

    # -- complement, condition, topic, place, date ------------------------------------------

    def _condition_spans(self, s: Sentence) -> list[tuple[int, int]]:
        W = s.words
        out = []
        for i, w in enumerate(W):
            if w.lower in self.condition or w.lower in self.condition_clause:
                k = i + 1
                while k < len(W) and W[k].text not in {",", ";", ".", "”", '"'} and W[k].lower not in {"maka"}:
                    k += 1
                if w.lower in self.condition_clause and not (
                        k < len(W) and W[k].text == "," and k - i >= 4
                        and any(_looks_verb(x.lower) for x in W[i + 1 : k])):
                    continue  # "begitu juga", "begitu besar": an adverb
                out.append((w.start, W[k - 1].end))
        return out

    def _complement(self, s: Sentence, j: int, limit: int) -> list[Word]:
        W = s.words
        for k in range(j, min(len(W), j + 8)):
            if W[k].lower == "bahwa":
                end = limit
                if s.tail_start is not None:
                    end = min(end, _word_index_at(W, s.tail_start))
                return W[k + 1 : end]
            if self._is_boundary(W[k]) and W[k].lower not in {"bahwa"}:
                break
        return []

    def _clip_fronted(self, s: Sentence, i: int, comp: list[Word]) -> list[Word]:
        """In a fronted clause ("Setelah peringatan Biden bahwa …, Putin menjawab …") the
        complement ends at the comma that closes the clause."""
        W = s.words
        if not W or W[0].lower not in self.fronted or any(w.text == "," for w in W[:i]):
            return comp
        for k, w in enumerate(comp):
            if w.text == ",":
                return comp[:k]
        return comp

    def _fill_from_complement(self, ex: Extraction, ev: Event, s: Sentence, comp: list[Word]) -> None:
        if not comp:
            return
        a, b = comp[0].start, comp[-1].end
        cond = [c for c in self._condition_spans(s) if a <= c[0] < b]
        if cond:
            c0, c1 = cond[0]
            ev.condition = ex.article.text[c0:c1]
        side = set(ev.sources)
        for src in ev.sources:
            ent = ex.entities.get(src)
            for pos in ent.positions if ent else []:
                if pos.of:
                    side.add(pos.of)
        if not ev.targets:
            target = None
            if cond:
                cm = self._mentions_between(s, cond[0][0], cond[0][1])
                if cm and _word_index_at(s.words, cm[0].start_char) <= _word_index_at(s.words, cond[0][0]) + 1:
                    target = self._key(cm[0])
            if target is None:
                for m in self._mentions_between(s, a, cond[0][0] if cond else b):
                    if self._key(m) not in side:
                        target = self._key(m)
                        break
            if target:
                ev.targets = [target]
        main_words = [w for w in comp if not (cond and cond[0][0] <= w.start < cond[0][1])]
        for k, w in enumerate(main_words):
            if w.lower in self.consequence:
                ev.topics = self._topics(ex, main_words[k + 1 :]) or self._topics(ex, main_words)
                return
        ev.topics = self._topics(ex, main_words)

    def _topics(self, ex: Extraction, words: list[Word]) -> list[str]:
        lw = [w.lower for w in words]
        found: list[tuple[int, str]] = []
        for topic in self.p.topics:
            for pat in topic.patterns:
                n = len(pat)
                for i in range(len(lw) - n + 1):
                    if tuple(lw[i : i + n]) == pat:
                        found.append((i, self._topic_entity(ex, topic)))
                        break
                else:
                    continue
                break
        found.sort()
        return _uniq([k for _, k in found])

    def _mode_from_modifiers(self, s: Sentence, mt: Match, limit: int) -> str | None:
        if mt.trigger.type != "CONSULT":
            return None
        near = [w.lower for w in s.words[mt.j : min(limit, mt.j + 3)]]
        if "telepon" in near:
            return "phone"
        window = [w.lower for w in s.words[mt.j : limit]]
        for k in range(1, len(window)):  # "menghubungi X melalui sambungan telepon"
            if window[k] == "telepon" and window[k - 1] in {"melalui", "lewat", "via", "sambungan", "panggilan"}:
                return "phone"
        if near and near[0] in {"video", "virtual", "daring"}:
            return "video"
        return None

    def _place(self, s: Sentence, i: int, j: int, limit: int, ex: Extraction | None = None) -> str | None:
        """ "di Jenewa", "ke Singapura": after the trigger in its window, else just before it.
        With ``ex``, a building that stands for its city ("di Istana Merdeka") gives the city."""
        W = s.words
        left = max(self._clause_left(s, i), i - 6)
        if ex is not None:
            for k in list(range(j, min(limit, len(W)))) + list(range(i - 1, left - 1, -1)):
                if W[k].lower in {"di", "ke"} and not (k < i and _inside_noun_phrase(W, k, i)):
                    # "di Kantor Pusat Uni Eropa Berlaymont Building"
                    for f in range(k + 1, min(k + 7, limit if k >= j else len(W), len(W))):
                        if self._is_boundary(W[f]):
                            break
                        city = self._facility_city(ex, W, f)
                        if city:
                            return city
        if j > 0 and W[j - 1].lower in {"di", "ke"} and j < len(W):  # "tiba di Indonesia"
            for m in s.mentions:
                if W[j].start <= m.start_char <= W[j].end and m.kind in PLACE_KINDS:
                    return self._key(m)
        for k in list(range(j, min(limit, len(W)))) + list(range(i - 1, left - 1, -1)):
            if W[k].lower in {"di", "ke"} and k + 1 < len(W) and not _ordinal_at(W, k):
                # the word after, or after a building or district we do not know ("di Istana
                # Constantine, St Petersburg", "di wilayah Teina, Jalur Gaza") the place it is in
                end = k + 2
                while end < min(k + 8, len(W)) and not _looks_verb(W[end].lower) and not (
                    self._is_boundary(W[end]) and W[end].text != ","
                ) and W[end].lower not in {"di", "ke", "dan", "pada", "untuk", "dengan"}:
                    end += 1
                stop = W[end - 1].end
                for m in s.mentions:
                    if W[k + 1].start <= m.start_char < stop and m.kind in PLACE_KINDS:
                        if k < i and _inside_noun_phrase(W, k, i):
                            break
                        return self._key(m)
        return None

    def _hosted_by(self, ex: Extraction, s: Sentence, mt: Match, state: DocState, sides: list[str]) -> str | None:
        """ "Oman sebelumnya telah menjadi tuan rumah lima putaran pembicaraan antara Iran dan AS":
        talks a third country hosts are held there."""
        W = s.words
        k = next((q for q in range(max(0, mt.i - 5), mt.i - 1)
                  if (W[q].lower, W[q + 1].lower) == ("tuan", "rumah")), None)
        if k is None:
            return None
        host = self._subject(s, k, state, allow_carry=False)
        ent = ex.entities.get(host[0]) if len(host) == 1 else None
        if ent is None or ent.kind != "country" or host[0] in sides:
            return None
        return host[0]

    def _harmed(self, s: Sentence, j: int, sources: list[str]) -> list[str]:
        """ "serangan yang dilakukan pasukan gabungan AS dan Israel telah menghancurkan
        program nuklir Iran": an attack is on whom what it destroys or kills belongs to (a
        harm verb later in its clause, the first other actor at most six words after it)."""
        W = s.words
        for k in range(j, len(W)):
            if self._is_boundary(W[k]) and W[k].lower != "yang":
                return []
            if W[k].lower in self.harm_verbs:
                end = W[min(k + 6, len(W) - 1)].end
                for m in self._mentions_between(s, W[k].end, end):
                    if self._key(m) not in sources:
                        return [self._key(m)]
                return []
        return []

    def _said_there_and_then(self, s: Sentence, events: list[Event]) -> None:
        """ '"…," ujar Francesca Albanese … kepada para wartawan di Jenewa, dilansir AFP, Selasa
        (16/9/2025)': what the speaker does by saying it (asks, accuses, supports) happens
        where and when it is said, the place after "di" and the day in the attribution."""
        if s.tail_start is None or not s.speakers:
            return
        W = s.words
        k0 = _word_index_at(W, s.tail_start)
        place = None
        for k in range(k0, len(W) - 1):
            if W[k].lower == "di":
                m = next((m for m in s.mentions if m.start_char == W[k + 1].start), None)
                if m is not None and m.kind in PLACE_KINDS:
                    place = self._key(m)
                break
        days = [d for d in _days(s.dates) if d.start >= s.tail_start]
        for ev in events:
            # ("Saya sudah bertemu Putin," kata Prabowo di Jakarta: the meeting was elsewhere)
            if ev.type in SPEECH_ACTS and set(ev.sources) & set(s.speakers):
                ev.place = ev.place or place
                if ev.date is None and days:
                    ev.date, ev.date_text = days[0].value, days[0].text

    def _fronted_place(self, s: Sentence) -> str | None:
        """ "Di Rusia, Presiden Prabowo … akan melakukan pertemuan bilateral": a place put
        before the sentence (or its opening quote) and set off by a comma is where all of it
        happens."""
        W = s.words
        k = 1 if W and W[0].text in QUOTE_CHARS else 0
        if k + 2 >= len(W) or W[k].lower != "di":
            return None
        comma = next((q for q in range(k + 1, min(k + 5, len(W))) if W[q].text == ","), None)
        if comma is None:
            return None
        found = [m for m in s.mentions if W[k + 1].start <= m.start_char < W[comma].start]
        if len(found) == 1 and found[0].kind in PLACE_KINDS:
            return self._key(found[0])
        return None

    def _facility_city(self, ex: Extraction, W: list[Word], k: int) -> str | None:
        for name, qid in self.facilities:
            if tuple(w.lower for w in W[k : k + len(name)]) == name:
                return _add_known(ex, qid, "city", "facility")
        return None

    def _date(self, ev: Event, s: Sentence, start: int, end: int) -> None:
        prev_value = None
        chosen = None
        for d in s.dates:
            value = d.value
            if getattr(d, "anchor_needed", False):
                value = resolve_relative(d.text, prev_value) if prev_value else None
            if value is not None and not getattr(d, "anchor_needed", False):
                prev_value = value
            elif value is not None:
                prev_value = value
            if start <= d.start < end and value is not None and chosen is None:
                if getattr(d, "granularity", "day") == "day" and not self._is_report_date(s, d.start):
                    chosen = (value, d.text)
                elif d.granularity in ("month", "year") and getattr(ev, "_period", None) is None:
                    # "pertemuannya dengan Putin pada Juli 2024": no day, but not any day
                    ev._period = (value, d.granularity)  # type: ignore[attr-defined]
        if chosen:
            ev.date, ev.date_text = chosen

    def _is_report_date(self, s: Sentence, pos: int) -> bool:
        """ "dikutip dari Sky News pada Minggu (20/7/2025)": the day it was reported, not the
        day it happened."""
        W = s.words
        k = _word_index_at(W, pos)
        return any(w.lower in self.report_words for w in W[max(0, k - 6) : k])

    def _duration(self, words: list[Word]) -> int | None:
        lw = [w.lower for w in words]
        for i in range(len(lw) - 2):
            if lw[i] == "selama":
                n = _number(lw[i + 1])
                if n is not None and lw[i + 2] in {"menit", "jam"}:
                    return n * (60 if lw[i + 2] == "jam" else 1)
        return None

    # -- anaphora, inheritance, contexts ------------------------------------------------------

    def _named_again(self, s: Sentence, mt: Match) -> bool:
        """The noun, or the noun and the name after it, then "ini"/"itu"/"tersebut":
        "konferensi ini", "KTT ASEAN ini"."""
        W = s.words
        k = mt.j
        name = next((m for m in s.mentions if k < len(W) and m.start_char == W[k].start), None)
        if name is not None:
            k = _word_index_at(W, name.end_char - 1) + 1
        return k < len(W) and W[k].lower in self.event_anaphors

    def _is_anaphoric(self, s: Sentence, mt: Match) -> bool:
        """ "Pembicaraan yang berlangsung selama 50 menit itu", "selama panggilan telepon",
        "Pertemuan yang berlangsung di Gedung Sekretariat Kabinet, Jakarta Pusat, itu"."""
        W = s.words
        places = {m.start_char for m in s.mentions if m.kind in PLACE_KINDS}
        k = mt.j
        while k < len(W) and k < mt.j + 12 and (
                not self._is_boundary(W[k]) or W[k].lower == "yang"
                # a place in apposition: "di Gedung Sekretariat Kabinet, Jakarta Pusat, itu"
                or (W[k].text == "," and any(w.start in places for w in W[max(0, k - 3) : k + 2]))):
            if W[k].lower in {"itu", "tersebut"}:
                return True
            k += 1
        before = W[mt.i - 1].lower if mt.i > 0 else ""
        return before in {"selama", "dalam"} and mt.trigger.mode is not None

    def _attach_anaphoric(self, ex: Extraction, s: Sentence, mt: Match, state: DocState) -> Event | None:
        target = state.last_consult
        if target is None:
            return None
        W = s.words
        words = W[mt.i :]
        d = self._duration(words)
        if d and not target.duration_minutes:
            target.duration_minutes = d
        lw = [w.lower for w in words]
        if any(x in lw for x in ("membahas", "tentang", "soal", "mengenai", "membicarakan")):
            topics = self._topics(ex, words)
            for t in topics:
                if t not in target.topics:
                    target.topics.append(t)
        mode = self._mode_from_modifiers(s, mt, len(W)) or mt.trigger.mode
        if mode and target.mode is None:
            target.mode = mode
        if target.place is None:
            # "Pertemuan yang berlangsung di Gedung Sekretariat Kabinet, Jakarta Pusat, itu …"
            end = next((w.start for w in W[mt.j :] if w.lower in {"itu", "tersebut"}), None)
            if end is not None and any(w.lower == "di" for w in W[mt.j :] if w.start < end):
                place = next((m for m in s.mentions if W[mt.j].start <= m.start_char < end
                              and m.kind in PLACE_KINDS and self._key(m) in ex.entities), None)
                if place is not None:
                    target.place = self._key(place)
        return target

    def _speech_threats(self, ex, s: Sentence, matches: list[Match], state: DocState, events: list[Event]) -> None:
        W = s.words
        for i, w in enumerate(W):
            if w.lower not in self.speech_verbs or s.in_quote(w.start):
                continue
            comp = self._complement(s, i + 1, len(W))
            if not comp:
                continue
            a, b = comp[0].start, comp[-1].end
            if any(a <= W[m.i].start < b for m in matches):
                continue  # the complement has an event of its own
            lw = [x.lower for x in comp]
            if not _phrase_in(lw, self.threat_cues) or not ({"akan", "bakal"} & set(lw) or self.condition & set(lw)):
                continue
            sources = self._subject(s, i, state, allow_carry=False)
            if not sources:
                continue
            ev = Event(
                type="THREATEN",
                sources=sources,
                trigger=w.text,
                evidence=(s.start, s.end),
                confidence=0.6,
            )
            ev._trigger = None  # type: ignore[attr-defined]
            ev._span = (w.start, b)  # type: ignore[attr-defined]
            self._fill_from_complement(ex, ev, s, comp)
            events.append(ev)

    def _speech_demands(self, ex: Extraction, s: Sentence, events: list[Event]) -> None:
        """What a side says another must do is its demand of it: "AS tetap bersikeras bahwa
        Iran harus menghentikan program pengayaan uraniumnya", '"Pihak AS harus … mencabut
        langkah-langkah negatif terhadap China," kata Xi'. The one who must is a state or a
        body named right before "harus" (adverbs between), in what the sentence's speaker
        says; the speaker acts for a side (a state, a body, or a person who holds a
        position) and is not of the state that must ("Indonesia harus …" said by an
        Indonesian minister is policy at home)."""
        if not s.speakers:
            return
        W = s.words
        for h, w in enumerate(W):
            if w.lower not in self.obligation or h == 0 or not s.says(w.start):
                continue
            k = h
            while k > 0 and W[k - 1].lower in OBLIGATION_ADVERBS:
                k -= 1
            before = [m for m in s.mentions if m.kind in ("country", "organization")
                      and k > 0 and m.end_char == W[k - 1].end and s.says(m.start_char)]
            if not before:
                continue
            named = self._list_ending_at(s, before[0])
            p = _word_index_at(W, named[0].start_char) - 1
            while p >= 0 and W[p].lower in self.actor_heads:
                p -= 1  # "Pihak AS harus …", "pemerintah Israel harus …"
            if p >= 0 and not (self._is_boundary(W[p]) or W[p].lower in self.complementizer):
                continue  # inside a phrase: "sikap Indonesia … apabila Israel mengakui Palestina harus …"
            nxt = next((x.lower for x in W[h + 1 :] if x.lower not in OBLIGATION_ADVERBS), "")
            if nxt.startswith("di") and nxt not in {"dia", "diri"}:
                continue  # "Iran harus diberi sanksi": done to it, not asked of it
            targets = [self._key(m) for m in named]
            sources = [a for a in s.speakers if a in ex.entities]
            if not sources or set(sources) & set(targets) or not all(self._acts_for_a_side(ex, a) for a in sources):
                continue
            home = {_country_of(ex, a) for a in sources} - {None}
            for m in named:
                self._add_entity(ex, m)
            if any(_country_of(ex, t) in home for t in targets):
                continue
            end = next((x.end for x in W[h + 1 :] if self._is_boundary(x)), W[-1].end)
            ev = Event(type="REQUEST", sources=sources, targets=targets, trigger=w.text,
                       evidence=(s.start, s.end), confidence=0.55)
            ev._trigger = None  # type: ignore[attr-defined]
            ev._span = (w.start, end)  # type: ignore[attr-defined]
            ev.topics = self._topics(ex, [x for x in W[h + 1 :] if x.end <= end])
            events.append(ev)

    def _acts_for_a_side(self, ex: Extraction, key: str) -> bool:
        """A state or a body, or a person who holds a position or is titled where the article
        names them ("Juru Bicara Kementerian Luar Negeri AS Tammy Bruce … Dia menuturkan"),
        not an analyst ("Sharon Seah, peneliti senior di ISEAS")."""
        ent = ex.entities[key]
        if ent.kind in ("country", "organization") or (ent.kind == "person" and ent.positions):
            return True
        if ent.kind != "person":
            return False
        gaz = Gazetteer.default()
        for a, _ in ent.mentions:
            # the words just before the name, in its sentence
            words = [w.casefold() for w in _WORDS.findall(ex.article.text[max(0, a - 80) : a].rsplit(".", 1)[-1])]
            if any(tuple(words[q : q + len(t.tokens)]) == t.tokens
                   for q in range(len(words)) for t in gaz.titles_starting(words[q])):
                return True
        return False

    def _said_then(self, ex: Extraction, sentences: list[Sentence]) -> None:
        """ "… Indonesia siap untuk mengakui Israel," ujar Prabowo. / Hal tersebut disampaikan
        Prabowo dalam joint statement …, Rabu (28/5/2025).": the day of the saying dates the
        undated events of the sentence before (and of the quote it ends)."""
        said_on: dict[int, DateMention] = {}  # Sentence.index -> the day it was said
        for n, s in enumerate(sentences[1:], 1):
            lw = [w.lower for w in s.words[:4]]
            if not any(tuple(lw[: len(p)]) == p and len(lw) > len(p) and lw[len(p)] in self.said_verbs
                       for p in self.said_before):
                continue
            days = [d for d in _days(s.dates) if not self._is_report_date(s, d.start)]
            if days:
                said_on[sentences[n - 1].index] = days[0]
                if n >= 2 and sentences[n - 1].quotes and sentences[n - 2].quotes:
                    said_on.setdefault(sentences[n - 2].index, days[0])  # a quote of two sentences
        for ev in ex.events:
            s = getattr(ev, "_sentence", None)
            d = said_on.get(s.index) if s is not None else None
            if d is not None and ev.date is None and not {"Future", "Planned"} & set(ev.contexts):
                ev.date, ev.date_text = d.value, d.text

    def _occasion_dates(self, ex: Extraction, sentences: list[Sentence], article: Article) -> None:
        """What the lead reports is dated by the lead's day ("… dalam konferensi pers pada
        Jumat (30/5/2025)"; "Prabowo memulai kunjungan kenegaraannya … Senin (16/6/2025)"):
        an undated event in a sentence with no time of its own, no marker of an earlier time
        ("sebelumnya", "pernah", "lalu") and nothing planned takes the lead's day when that
        day is at most a week before publication."""
        if article.date is None:
            return
        occasion = None
        for s in sentences[:3]:
            days = _days(s.dates)
            if days:
                if 0 <= (article.date - days[0].value).days <= 7:
                    occasion = days[0].value
                break
        if occasion is None:
            return
        for ev in ex.events:
            s = getattr(ev, "_sentence", None)
            if ev.date is not None or s is None or s.dates or {"Future", "Planned"} & set(ev.contexts):
                continue
            if any(w.lower in self.past for w in s.words):
                continue
            ev.date, ev.date_text = occasion, None

    def _fronted_date(self, s: Sentence):
        """A day written before the first comma of the sentence, as an adjunct of the whole
        clause ("Pada Minggu (13/7/2025), …", "Kamis (19/6/2025), …", "Sebelumnya, pada 19
        Mei, …"): (date, text, comma offset), or None."""
        W = s.words
        first = 2 if len(W) > 2 and W[0].lower in self.linking_adverbs and W[1].text == "," else 0
        comma = next((k for k, w in enumerate(W[first:12], first) if w.text == ","), None)
        if comma is None or any(_looks_verb(w.lower) for w in W[first:comma]):
            return self._subject_date(s)
        end = W[comma].start
        if any(not (_is_date_word(w) or w.lower in {"pada", "hari", "ini", "itu", "lalu", "malam",
                                                   "pagi", "siang", "sore", "(", ")", "/", "-"}
                    or any(d.start <= w.start < d.end for d in s.dates))  # "Sehari sebelumnya, …"
               for w in W[first:comma]):
            return None
        days = [d for d in _days(s.dates) if d.start < end]
        if len(days) != 1:
            return None
        return days[0].value, days[0].text, end

    def _subject_date(self, s: Sentence):
        """A day between the subject and the first verb of the sentence dates the whole of
        it: "Menlu Malaysia Mohamad Hasan pada Jumat (24/10/2025) mengatakan, … dan mendesak
        …" (date, text, start of that verb), or None."""
        W = s.words
        verb = next((k for k, w in enumerate(W) if _looks_verb(w.lower) and w.text[:1].islower()
                     and w.lower not in self.report_words), None)
        if verb is None:
            return None
        days = [d for d in _days(s.dates) if d.start < W[verb].start]
        if len(days) != 1 or self._is_report_date(s, days[0].start):
            return None
        k = _word_index_at(W, days[0].start)
        if not (k > 0 and W[k - 1].lower in {"pada", "hari", ",", "("}):
            return None
        return days[0].value, days[0].text, W[verb].start

    def _inherit_dates(self, s: Sentence, events: list[Event], anaphoric: Event | None, state: DocState) -> None:
        if anaphoric is not None:
            for ev in events:
                if ev.type != "CONSULT":
                    # "dalam pembicaraan itu, Biden mendesak …": it happened during that talk,
                    # whose date and place may only be known from a later sentence (filled
                    # after merging)
                    ev._during = anaphoric  # type: ignore[attr-defined]
        if all(ev.date is not None for ev in events):
            return  # most sentences: no event, so none to date
        W = s.words
        rel = None
        for k in range(len(W) - 1):
            if (W[k].lower, W[k + 1].lower) == ("di", "mana") or W[k].lower == "dimana":
                rel = W[k].start
                break
        fronted = self._fronted_date(s)
        for ev in events:
            if ev.date is not None:
                continue
            start = ev._span[0]  # type: ignore[attr-defined]
            if fronted is not None and start > fronted[2]:
                # "Pada Minggu (13/7/2025), Indonesia dan Uni Eropa telah mencapai …"
                ev.date, ev.date_text = fronted[0], fronted[1]
                continue
            # "Militer Israel pada Minggu (20/7/2025) juga mengeluarkan perintah …": a day
            # between the subject and the verb, in the verb's clause
            left = W[self._clause_left(s, _word_index_at(W, start))].start
            days = [d for d in _days(s.dates) if left <= d.start < start]
            if len(days) == 1:
                ev.date, ev.date_text = days[0].value, days[0].text
                continue
            if rel is not None and start > rel:
                head = [e for e in events if e.type == "CONSULT" and e._span[0] < rel and e.date]  # type: ignore[attr-defined]
                if head:
                    ev.date, ev.date_text = head[-1].date, head[-1].date_text
                    continue
            k = self._set_off_by(W, start)
            if k is not None:
                # "… pada Jumat (30/5/2025), saat kunjungan kenegaraan Macron ke Singapura":
                # during what the clause before tells, on its day
                days = [d for d in _days(s.dates) if d.start < W[k].start]
                if days:
                    ev.date, ev.date_text = days[-1].value, days[-1].text
                    continue
            occasion = next((e for e in events if e.date and e._span[0] > start  # type: ignore[attr-defined]
                             and self._set_off_by(W, e._span[0]) is not None), None)  # type: ignore[attr-defined]
            if occasion is not None:
                # "Macron memberikan tanda jasa kepada Presiden Prabowo, dalam rangkaian
                # kunjungannya ke Magelang, pada Kamis (29/5/2025)": on the day of that visit
                ev.date, ev.date_text = occasion.date, occasion.date_text
                ev._during = None  # type: ignore[attr-defined]
                continue

    @staticmethod
    def _speaks_for(ex: Extraction, s: Sentence, ev: Event) -> bool:
        """ "Merz menyatakan dengan tegas bahwa Jerman mendukung …": a leader saying what his
        own country does is the one doing it (a meeting keeps its sides)."""
        if not s.speaker or len(ev.sources) != 1 or ev.type == "CONSULT":
            return False
        if not s.says(ev._span[0]):  # type: ignore[attr-defined]
            return False
        ent = ex.entities.get(ev.sources[0])
        return ent is not None and ent.kind == "country" and ent.qid == _country_of(ex, s.speaker)

    def _set_off_by(self, W: list[Word], start: int) -> int | None:
        """Index of the comma before ", saat/dalam (rangkaian) …" that opens the phrase of the
        event starting at ``start``, or None."""
        k = _word_index_at(W, start)
        while k > 0 and (W[k - 1].lower in self.adverbs | self.noun_modifiers or W[k - 1].lower in self.setting):
            k -= 1
        if k > 1 and W[k - 1].lower in SIMULTANEOUS and W[k - 2].text == ",":
            return k - 2
        return None

    def _finish_contexts(self, ev: Event, s: Sentence, article: Article) -> None:
        if ev.date and article.date and ev.date > article.date and "Future" not in ev.contexts:
            ev.contexts.append("Future")
        if _yes_no_question(s) or _whether(s, getattr(ev, "_span", (s.end, s.end))[0]):
            ev.contexts.append("Hypothetical")  # "akankah AS-China bertemu?" asserts no meeting
        if s.speaker and s.speaker not in ev.sources:
            ev.contexts.append("Reported")
        ev.contexts = _uniq(ev.contexts)

    def _remember(self, ex: Extraction, s: Sentence, state: DocState) -> None:
        persons = [m for m in s.mentions if m.kind == "person" and not s.in_quote(m.start_char)]
        if persons:
            state.last_person = self._key(persons[-1])
            state.spokesperson_of = None
        elif s.speaker and not s.speaker.startswith("person/") and _phrase_in(
                [w.lower for w in s.words[:3]], [tuple(h.split()) for h in self.anon_heads]):
            state.spokesperson_of = s.speaker  # "Juru Bicara Kementerian Luar Negeri Korea Utara …"
        countries = [m for m in s.mentions if m.kind == "country"]
        for m in countries:
            named = self._list_ending_at(s, m, kinds=("country",))
            if len(named) >= 2:  # (the last list of the sentence is kept)
                state.last_country_list = _uniq(self._key(x) for x in named)
        for m in s.mentions:
            if m.kind in ACTOR_KINDS:
                key = self._key(m)
                named = [x for x in state.last_of_kind.get(m.kind, []) if x != key]
                state.last_of_kind[m.kind] = [*named[-1:], key]
        for k, w in enumerate(s.words[:-1]):
            if w.lower == "pemerintah":
                nxt = next((m for m in s.mentions if m.start_char == s.words[k + 1].start), None)
                if nxt is not None and nxt.kind == "country":
                    state.last_government = self._key(nxt)
        subj = self._subject(s, min(len(s.words) - 1, 12), state, allow_carry=False) if s.words else []
        first = [m for m in s.mentions if m.kind in ACTOR_KINDS and not self._is_oblique(s, m)]
        if first:
            state.last_subject = [self._key(first[0])]
        elif subj:
            state.last_subject = subj

    # -- direct relations ------------------------------------------------------------------

    def _relations(self, ex: Extraction, ev: Event) -> list[tuple[str, str, str]]:
        if "Negated" in ev.contexts or "Hypothetical" in ev.contexts:
            return []
        trig: Trigger | None = getattr(ev, "_trigger", None)
        rel = trig.relation if trig else UNTRIGGERED_RELATION.get(ev.type)
        topic_rel = trig.topic_relation if trig else ("warnedOf" if ev.type == "THREATEN" else None)
        place_rel = trig.place_relation if trig else None
        if ev.mode == "visit" and trig is not None and trig.mode == "host":
            place_rel = "visited"  # "Malaysia akan menjamu Presiden Trump": the guest visited
        out: list[tuple[str, str, str]] = []
        actors = _actors(ev)
        if ev.type in {"CONSULT", "AGREE", "COOPERATE"}:
            sym = "spokeWith" if ev.mode in {"phone", "video"} else (rel or "metWith")
            if ev.type == "AGREE":
                sym = "agreedWith"
            # symmetric: one triple per pair, whatever the word order; a country visited is
            # where the visitor went ("visited" below), not someone met
            ordered = sorted(a for a in actors if not (place_rel == "visited" and a == ev.place))
            for a_i, a in enumerate(ordered):
                for b in ordered[a_i + 1 :]:
                    out.append((a, sym, b))
            if ev.type == "AGREE":
                out += [(a, "agreedTo", t) for a in actors for t in ev.topics]
            if ev.place and ev.type == "CONSULT":
                # the visitors visited the place; their hosts are where they live
                at = (ev.sources or actors) if place_rel == "visited" else actors
                out += [(a, place_rel or "meetsIn", ev.place) for a in at]
            return out
        for s_ in ev.sources:
            if rel:
                out += [(s_, rel, t) for t in ev.targets]
            if topic_rel:
                out += [(s_, topic_rel, t) for t in ev.topics]
        return out


# ------------------------------------------------------------------------------ helpers


def s_text_between(s: Sentence, a: int, b: int) -> str:
    gap = s.text[a:b]
    return " ".join(gap.split()) if gap.strip() else ("" if not gap else " ")


ASIDE_MAX = 5  # words inside "( … )" that still make an aside, not a clause


def _drop_asides(words: list[Word]) -> list[Word]:
    """Leave out short parentheses without digits: abbreviations and glosses ("Amerika
    Serikat (AS) menjatuhkan", "Perdana Menteri Israel (PM) Benjamin Netanyahu", "Konferensi
    Tingkat Tinggi (KTT)"), so they neither end a clause nor stand between a verb and its
    actors. Parentheses with digits ("Sabtu (14/6/2025)") are dates and stay."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w.text == "(":
            close = next((x for x in range(k + 1, min(k + ASIDE_MAX + 2, len(words)))
                          if words[x].text in {")", "("}), None)
            if close is not None and words[close].text == ")" and close > k + 1 and not any(
                    ch.isdigit() for x in words[k + 1 : close] for ch in x.text):
                k = close + 1
                continue
        out.append(w)
        k += 1
    return out


def _days(dates: list) -> list:
    """The date mentions that name a resolved day by themselves (no anchor needed)."""
    return [d for d in dates if d.value is not None and not getattr(d, "anchor_needed", False)
            and getattr(d, "granularity", "day") == "day"]


def _span_index(pos: int, spans: list[tuple[int, int]]) -> int:
    """Index of the span (sorted, disjoint) that holds ``pos``, or -1."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k if k >= 0 and spans[k][0] <= pos < spans[k][1] else -1


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return _span_index(pos, spans) >= 0


def _phrase_in(words: list[str], phrases: Iterable[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The first of ``phrases`` (tuples of lower-case words) that occurs in ``words``, or None.
    Only a phrase whose first word is among the words is looked for."""
    present = set(words)
    return next((p for p in phrases if p[0] in present
                 and any(tuple(words[k : k + len(p)]) == p for k in range(len(words)))), None)


def _uniq(xs: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for x in xs:
        seen.setdefault(x, None)
    return list(seen)


def _private_people(mentions: list[Mention]) -> frozenset[str]:
    """Keys of the people known only by name: neither in the gazetteer nor given a public
    office anywhere in the article (a witness, a coach, an activist)."""
    def by_name(m: Mention) -> bool:
        return m.method == "unlinked" and m.position is None and not m.candidates

    people = [m for m in mentions if m.kind == "person"]
    public = {f"person/{m.key}" for m in people if not by_name(m)}
    return frozenset(f"person/{m.key}" for m in people if by_name(m)) - public


def _anchor_on_sentences_before(sentences: list[Sentence]) -> None:
    """ "Serangan terbaru pada Sabtu (1/11/2025) … . Sehari sebelumnya, …": a date relative to
    another with none before it in its sentence counts from the last day named before."""
    last: date | None = None
    for s in sentences:
        dated = False
        for n, d in enumerate(s.dates):
            if d.anchor_needed and not dated and last is not None:
                value = resolve_relative(d.text, last)
                if value is not None:
                    s.dates[n] = d = dataclasses.replace(d, value=value, anchor_needed=False)
            if d.value is not None and d.granularity == "day":
                dated, last = True, d.value


def _forget_bystanders(ex: Extraction, private: frozenset[str]) -> None:
    """People known only by name who take part in no event (a coach, a witness, a shopper
    quoted in any story) are left out of the graph, with what they said and where they are
    named: they were found only so that an event could have them as an actor."""
    gone = private - {a for ev in ex.events for a in _actors(ev)}
    if not gone:
        return
    ex.statements = [st for st in ex.statements if st.speaker not in gone]
    ex.mentions = [m for m in ex.mentions if f"{m.kind}/{m.key}" not in gone]
    for key in gone:
        ex.entities.pop(key, None)


def _inner_noun(word: str) -> str | None:
    """The noun inside a word: "kunjungannya" (owned, with "-nya"), "pascaserangan" and
    "pasca-serangan" (after it: a prefix written with its noun)."""
    if word.endswith("nya") and len(word) > 5:
        return word[:-3]
    for prefix in BOUND_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 3:
            return word[len(prefix) :].lstrip("-")
    return None


def _actors(ev: Event) -> list[str]:
    return _uniq(ev.sources + ev.targets + ev.participants)


def _word_index_at(W: list[Word], pos: int) -> int:
    for k, w in enumerate(W):
        if w.end > pos:
            return k
    return len(W)


def _looks_verb(lw: str) -> bool:
    return len(lw) > 4 and lw.startswith(("me", "ber", "di", "ter"))


_DATE_WORDS = {
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "pagi", "siang", "sore", "malam",
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember", "lalu", "depan", "ini", "kemarin", "(", ")",
}


def _opens_with_that_meeting(s: Sentence | None) -> bool:
    """ "Dari pertemuan itu, …", "Dalam pembicaraan tersebut, …": the sentence opens with the
    meeting told before, as where what follows happened."""
    if s is None:
        return False
    lw = [w.lower for w in s.words[:5]]
    return (len(lw) >= 3 and lw[0] in {"dari", "dalam", "pada", "di"}
            and any(x in DEMONSTRATIVES for x in lw[2:4]))


def _is_date_word(w: Word) -> bool:
    return w.lower in _DATE_WORDS or bool(re.fullmatch(r"[\d/]+", w.text))


_NUMBERS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
            "sembilan": 9, "sepuluh": 10, "setengah": 0, "sejam": 1}


def _number(w: str) -> int | None:
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches: “…” pairs and straight-quote pairs, per line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", line):
            out.append((pos + m.start(), pos + m.end()))
        pos += len(line) + 1
    return out


def _entity_key_for(ex: Extraction, ref: str | None) -> str | None:
    """Position 'of' refs come as slugs or kind/slug; map them to entity keys present."""
    if not ref:
        return None
    if ref in ex.entities:
        return ref
    for key in ex.entities:
        if key.split("/", 1)[-1] == ref:
            return key
    return None


UNDIRECTED = {"CONSULT", "AGREE", "COOPERATE"}
CONDITIONS_CONTENT = {"THREATEN", "REQUEST"}  # types whose condition is on what is threatened or asked
# types whose target can be the author of an act judged: "mengecam serangan Israel", "menyambut
# baik kunjungan Presiden Prabowo"
JUDGEMENTS = {"ACCUSE", "REJECT", "SUPPORT"}
SPEECH_ACTS = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"}  # acts done by saying: placed where said
CONTRAST = {"namun", "tetapi", "tapi", "sedangkan", "sementara", "melainkan"}  # a denial does not cross these
# acts a threat can name right after its verb ("mengancam menaikkan tarif", "mengancam akan menyerang")
THREATENED_ACTS = {"SANCTION", "ASSAULT", "COERCE", "MOBILIZE"}
# accusing of an act (not condemning one): "menuduh", "dituding", "tuduhan"
ALLEGING = frozenset(f for root in ("tuduh", "tuding") for f in derive(root, ["meN", "di", "-an"]))
# the direct property of an event no trigger word made (a threat told in a complement, a
# judgement in a statement)
UNTRIGGERED_RELATION = {"THREATEN": "warned", "ACCUSE": "criticized", "SUPPORT": "supported"}
# words opening a fronted adjunct that names the occasion: "Dalam pertemuan dengan …, ia …"
ENUMERATORS = ("yakni", "yaitu", "ialah", "meliputi", "termasuk")  # "… tiga negara, yakni X, Y, dan Z"
FRONTED_OCCASION = {"dalam", "saat", "ketika", "usai", "seusai", "setelah", "sebelum", "di"}
# noun events whose "dari X" is who acts ("kecaman dari Israel", "dukungan dari Rusia"); for
# the others it is where something comes from ("tarif impor dari China", "permohonan visa dari …")
FROM_SOURCE = {"ACCUSE", "SUPPORT", "THREATEN", "REJECT", "AID", "ASSAULT", "COERCE"}


def _copy_event(ev: Event, **roles: list[str]) -> Event:
    """A copy of ``ev`` with its own lists, and ``roles`` (sources=…, targets=…) replaced."""
    one = copy.copy(ev)
    one.sources, one.targets = list(ev.sources), list(ev.targets)
    one.topics, one.contexts = list(ev.topics), list(ev.contexts)
    for name, value in roles.items():
        setattr(one, name, list(value))
    return one


SEPARATELY = (("sama-sama",), ("masing-masing",), ("secara", "terpisah"))


def _dyadic(events: list[Event]) -> list[Event]:
    """Acts done each on their own are one event per source: "Paus Leo dan Presiden Trump
    sama-sama mengecam …" is two accusations. Without such a word a list of sources acts
    together and stays one event: "Inggris, Jerman, dan Perancis mengaktifkan mekanisme
    snapback", "serangan pasukan gabungan AS dan Israel". Meetings, agreements and
    cooperation always stay whole."""
    out: list[Event] = []
    for ev in events:
        s = getattr(ev, "_sentence", None)
        if ev.type in UNDIRECTED or len(ev.sources) < 2 or getattr(ev, "_reciprocal", False) \
                or s is None or not _phrase_in([w.lower for w in s.words], SEPARATELY):
            out.append(ev)
            continue
        out += [_copy_event(ev, sources=[src]) for src in ev.sources]
    return out


def _country_of(ex: Extraction, key: str) -> str | None:
    """The country QID an actor or place belongs to: itself, a city's country, a person's
    country by the position the article names (Presiden Rusia …)."""
    ent = ex.entities.get(key)
    if ent is None:
        return None
    if ent.kind == "country":
        return ent.qid
    if ent.kind == "city" and ent.qid:
        found = cities().get(ent.qid)
        return found[0] if found else None
    if ent.kind == "person":
        for pos in ent.positions:
            of = Gazetteer.default().entry(pos.of_ref) if pos.of_ref else None  # "Presiden Prabowo": of Indonesia
            if of is not None and of.kind == "country":
                return of.qid
    return None


@lru_cache(maxsize=1)
def _facilities() -> list[tuple[tuple[str, ...], str]]:
    """(lower-cased words of the name, city QID), longest name first (kg/data/facilities.tsv)."""
    rows = []
    with data_file("facilities.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
            rows.append((tuple(row["name"].lower().split()), row["city_qid"]))
    return sorted(rows, key=lambda r: -len(r[0]))


def _add_known(ex: Extraction | None, ident: str | None, kind: str, method: str,
               confidence: float = 0.8) -> str | None:
    """The entity key of gazetteer item ``ident`` (a QID or key) if it is of ``kind``, added to
    the extraction's entities when the article did not name it (with how it was inferred:
    ``method``); None when the gazetteer has no such item."""
    entry = Gazetteer.default().entry(ident) if ident and ex is not None else None
    if entry is None or entry.kind != kind:
        return None
    key = f"{kind}/{entry.key}"
    if key not in ex.entities:
        ex.entities[key] = Entity(key=key, label=entry.label, kind=kind, qid=entry.qid,
                                  label_id=entry.label_id, link_method=method,
                                  link_confidence=confidence)
    return key


def _country_key(ex: Extraction | None, key: str) -> str | None:
    """The entity key of a person's country (by the position the article names); None for
    anyone else."""
    if ex is None or key not in ex.entities or ex.entities[key].kind != "person":
        return None
    return _add_known(ex, _country_of(ex, key), "country", "country-of-leader", 0.7)


def _dateline_country(ex: Extraction | None) -> str | None:
    """The key of the country of a foreign dateline ("BANGKOK, KOMPAS.com - … Pemerintah siap
    mendukung militer" is Thailand's government); None for an Indonesian or unknown one."""
    if ex is None or not ex.article.dateline:
        return None
    found = {cities().get(e.qid, (None,))[0] for e, _ in Gazetteer.default().lookup(ex.article.dateline)
             if e.kind == "city" and e.qid}
    country = found.pop() if len(found) == 1 else None
    if country is None or country == "Q252":
        return None
    return _add_known(ex, country, "country", "dateline-government", 0.6)


def _indonesia(ex: Extraction | None) -> str | None:
    """The key of Indonesia (bare "Pemerintah" in Indonesian news)."""
    return _add_known(ex, "Q252", "country", "government-of-the-day", 0.7)


def _government_of(ex: Extraction, key: str) -> str:
    """A national capital named as an actor is its country's government ("Teheran" = Iran);
    any other key is itself."""
    ent = ex.entities.get(key)
    if ent is None or ent.kind != "city" or not ent.qid:
        return key
    return _add_known(ex, capitals().get(ent.qid), "country", "capital-as-actor") or key


def _country_entity(ex: Extraction, city: str) -> str | None:
    """The key of a city's country (None for a city the data does not place, or one that is
    not a city)."""
    ent = ex.entities.get(city)
    if ent is None or ent.kind != "city" or not ent.qid:
        return None
    found = cities().get(ent.qid)
    return _add_known(ex, found[0] if found else None, "country", "country-of-city")


# positions whose holder, welcoming a guest, is the one the guest visits
LEADER_POSITIONS = ("President of", "Prime Minister of", "Monarch of", "Chancellor of", "Pope",
                    "President of the European Commission")


def _inside_noun_phrase(W: list[Word], k: int, i: int) -> bool:
    """ "Orang nomor satu di Gedung Putih itu dijadwalkan menyaksikan …": the place before the
    trigger at ``i`` is closed by a demonstrative, so it tells whose, not where."""
    return any(W[x].lower in DEMONSTRATIVES for x in range(k + 2, min(i, k + 7)))


def _person_next(s: Sentence, k: int, reach: int = 5) -> bool:
    """A person is named at word ``k``, or after a title of capitalised words ("menerima
    Perdana Menteri Malaysia Anwar Ibrahim"); "menerima telepon dari Xi" names a thing first."""
    W = s.words
    starts = {m.start_char for m in s.mentions if m.kind == "person"}
    if k < len(W) and W[k].lower == "oleh":  # a passive's agent: "ditemui oleh Presiden Putin"
        k += 1
    for w in W[k : k + reach + 1]:
        if w.start in starts:
            return True
        if not (w.text[:1].isupper() and w.text.isalpha() or w.text == ","):
            return False  # a comma sets a name in apposition: "Raja Belgia, Raja Philippe"
    return False


def _is_leader(ex: Extraction, key: str) -> bool:
    ent = ex.entities.get(key)
    return ent is not None and ent.kind == "person" and any(
        p.position_label.startswith(LEADER_POSITIONS) for p in ent.positions)


def _welcomes(ex: Extraction) -> None:
    """Hosting is the guest's visit seen from the host: "Lee menjamu Presiden Trump" is
    Trump's visit to Lee. A welcome ("Kedatangan Prabowo disambut oleh Presiden Tharman")
    of a guest whose visit the article tells is that visit (its host the leader who
    welcomed him, when the visit named only the country); otherwise the hosting becomes a
    visit of its own."""
    out: list[Event] = []
    for ev in ex.events:
        if ev.type != "CONSULT" or ev.mode != "host" or not ev.targets or not ev.sources:
            out.append(ev)
            continue
        visit = next((v for v in ex.events if v is not ev and v.type == "CONSULT" and v.mode == "visit"
                      and set(v.sources) == set(ev.targets)), None)
        if visit is None:
            hosts = list(ev.sources)
            ev.sources, ev.targets, ev.mode = list(ev.targets), hosts, "visit"
            if ev.place is None and len(hosts) == 1:
                # "Lee juga menjamu Presiden Trump dalam kunjungan kenegaraan": a host receives at home
                ent = ex.entities.get(hosts[0])
                ev.place = hosts[0] if ent is not None and ent.kind == "country" else _country_key(ex, hosts[0])
            out.append(ev)
            continue
        leaders = [h for h in ev.sources if _is_leader(ex, h)]
        if leaders and all(ex.entities[t].kind == "country" for t in visit.targets if t in ex.entities):
            visit.targets = leaders
        visit.date = visit.date or ev.date
        visit.place = visit.place or ev.place
    ex.events = out


def _visit_hosts(ex: Extraction) -> None:
    """ "tiba di Singapura", "tiba di Beijing": a visit with no host named is to the country
    visited, unless that is the visitor's own ("Presiden Prabowo tiba di Jakarta" is a
    return); a visit to a country with no place named is in that country. Run after
    positions, which tell a person's country."""
    for ev in ex.events:
        if (ev.mode == "visit" and not ev.place and len(ev.targets) == 1
                and ex.entities.get(ev.targets[0]) is not None and ex.entities[ev.targets[0]].kind == "country"):
            ev.place = ev.targets[0]  # "Malaysia akan menjamu Presiden Trump": he comes to Malaysia
            continue
        if ev.mode != "visit" or not ev.place or ev.targets or len(ev.sources) != 1 \
                or ev.place not in ex.entities:
            continue  # two sides meeting in a third country: neither is its guest
        place = ex.entities[ev.place]
        host = ev.place if place.kind == "country" else _country_entity(ex, ev.place)
        homes = {_country_of(ex, a) for a in ev.sources}
        if host and host not in ev.sources and ex.entities[host].qid not in homes:
            ev.targets = [host]


def _visits(ex: Extraction) -> None:
    """A meeting of two sides in the country of one of them is the other's visit: "pertemuan
    bilateral dengan Presiden Rusia Vladimir Putin di St Petersburg" has Prabowo visit Putin."""
    for ev in ex.events:
        if ev.type != "CONSULT" or ev.mode is not None or not ev.place:
            continue
        actors = _actors(ev)
        if len(actors) != 2:
            continue
        here = _country_of(ex, ev.place)
        if here is None:
            continue
        homes = [_country_of(ex, a) for a in actors]
        if None in homes or homes[0] == homes[1] or here not in homes:
            continue
        host = actors[homes.index(here)]
        ev.sources = [a for a in actors if a != host]
        ev.targets = [host]
        ev.mode = "visit"


def _visit_each(ex: Extraction, events: list[Event]) -> list[Event]:
    """A tour of several countries is one visit to each, there: "mengunjungi tiga negara,
    yakni Vietnam, Indonesia, dan Singapura"."""
    out: list[Event] = []
    for ev in events:
        countries = [t for t in ev.targets if t in ex.entities and ex.entities[t].kind == "country"]
        if ev.type != "CONSULT" or ev.mode != "visit" or len(ev.targets) < 2 or countries != ev.targets:
            out.append(ev)
            continue
        for country in countries:
            one = _copy_event(ev, targets=[country])
            if one.place is None or one.place in ev.targets or _country_of(ex, one.place) != ex.entities[country].qid:
                one.place = country
            out.append(one)
    return out


def _bilateral(events: list[Event], text: str) -> list[Event]:
    """ "pembicaraan bilateral dengan para pemimpin Jepang, Kanada, dan Thailand" is three
    bilateral talks, one per partner."""
    out: list[Event] = []
    for ev in events:
        span = getattr(ev, "_span", None)
        if (ev.type != "CONSULT" or len(ev.sources) != 1 or len(ev.targets) < 2 or span is None
                or "bilateral" not in text[span[0] : span[1]].lower()):
            out.append(ev)
            continue
        for target in ev.targets:
            one = _copy_event(ev, targets=[target])
            if one.mode == "multilateral":
                one.mode = None  # each is two-sided, whatever the count of actors made the whole
            out.append(one)
    return out


def _ordinal_at(W: list[Word], k: int) -> bool:
    """An ordinal starts at ``k`` ("ke-47" in one token, or "ke", "-", "20" in "KTT ke-20 Asia
    Timur"): its "ke" is not the preposition."""
    if re.fullmatch(r"ke-?\d+", W[k].lower):
        return True
    return W[k].lower == "ke" and k + 1 < len(W) and (
        W[k + 1].text.isdigit() or (W[k + 1].text == "-" and k + 2 < len(W) and W[k + 2].text.isdigit()))


def _outlet_name(name: str | None) -> str:
    """ "Kompas.com", "KOMPAS", "detikcom", "detik.com" -> "kompas", "detik"."""
    letters = re.sub(r"[^a-z]", "", (name or "").lower())
    return letters[:-3] if letters.endswith("com") and len(letters) > 5 else letters


def _whether(s: Sentence, pos: int) -> bool:
    """``pos`` is in a clause of whether: "ditanya apakah dia akan mempertimbangkan untuk
    mendeportasi Musk", "Terkait apakah masalah tersebut perlu dibawa ke Forum ASEAN"."""
    return any(w.lower == "apakah" and w.start < pos for w in s.words)


def _yes_no_question(s: Sentence) -> bool:
    """The sentence asks whether: it ends with "?" and a word carries the particle "-kah"
    ("akankah", "bisakah", "benarkah", "apakah"). A question with a question word ("apa isi
    pembicaraan itu?") takes its event as given, so it is not one of these."""
    words = [w for w in s.words if w.text not in QUOTE_CHARS]
    if not words or words[-1].text != "?":
        return False
    after = s.text[words[-1].end : words[-1].end + 1]
    if after.isalpha():
        return False  # a "?" inside a word the source mangled ("Šef?ovi?")
    return any(len(w.lower) > 4 and w.lower.endswith("kah") and w.text.isalpha() for w in words)


def _without_threatened_acts(events: list[Event], W: list[Word]) -> list[Event]:
    """Leave out the act a threat names right after its verb: "Trump mengancam menaikkan
    tarif barang impor asal China" threatens a tariff and imposes none (the threat takes the
    act's targets and topics when it has none of its own)."""
    out = []
    for e in events:
        threat = next((t for t in events if t.type == "THREATEN" and t is not e and e.type in THREATENED_ACTS
                       and set(e.sources) <= set(t.sources)
                       and 0 < e._span[0] - t._span[0]  # type: ignore[attr-defined]
                       and len([w for w in W if t._span[0] < w.start < e._span[0]]) <= 2), None)  # type: ignore[attr-defined]
        if threat is None:
            out.append(e)
            continue
        threat.targets = threat.targets or list(e.targets)
        threat.topics = _uniq(threat.topics + e.topics)
    return out


def _without_requested_acts(events: list[Event], W: list[Word], is_boundary) -> list[Event]:
    """Leave out the act a request asks for: "Liberman mendesak Israel menyerang Iran lagi"
    urges an attack and reports none. The act follows the request's verb in its clause, a
    few words on (the addressee, "agar", "untuk" between)."""
    requests = [e for e in events if e.type == "REQUEST"]
    if not requests:
        return events

    def asked(e: Event) -> bool:
        for r in requests:
            between = [w for w in W if r._span[0] < w.start < e._span[0]]  # type: ignore[attr-defined]
            if r is not e and r._span[0] < e._span[0] and len(between) <= 8 and not any(  # type: ignore[attr-defined]
                    (is_boundary(w) and w.lower not in ASKED_FOR) or w.lower in AFTER_WHEN | SIMULTANEOUS
                    for w in between):  # "menyerukan gencatan senjata usai bentrokan": when, not what
                return True
        return False

    return [e for e in events if e.type not in THREATENED_ACTS or not asked(e)]


def _without_alleged_acts(events: list[Event]) -> list[Event]:
    """Leave out what an accusation says the accused did: "Aoun menuduh Israel merespons …
    dengan melancarkan serangan udara" is an accusation, not also an attack the sentence
    reports (the act, when it happened, is told as a fact elsewhere). With no accuser
    ("pasukan Israel dituduh menewaskan …") the act is what the sentence reports."""
    alleging = [e for e in events if e.type == "ACCUSE" and e.sources and e.targets
                and (e.trigger or "").lower() in ALLEGING]
    return [e for e in events if not any(
        a is not e and a._span[0] < e._span[0] and e.sources  # type: ignore[attr-defined]
        and set(e.sources) <= set(a.targets) for a in alleging)]


def _places_agree(ex: Extraction | None, a: str | None, b: str | None) -> bool:
    """Same place, or one is a city of the other ("Jakarta" and "Indonesia")."""
    if not a or not b or a == b:
        return True
    if ex is None:
        return False
    ea, eb = ex.entities.get(a), ex.entities.get(b)
    if ea is None or eb is None:
        return False
    if ea.kind == "city" and eb.kind == "country":
        return _country_of(ex, a) == eb.qid
    if eb.kind == "city" and ea.kind == "country":
        return _country_of(ex, b) == ea.qid
    return False


def _periods_agree(a: Event, b: Event) -> bool:
    """An event dated only by month or year ("pada Juli 2024") is not one on a day outside it,
    nor one of another month or year."""
    pa, pb = getattr(a, "_period", None), getattr(b, "_period", None)
    if pa is None and pb is None:
        return True
    da = pa or ((a.date, "day") if a.date else None)
    db = pb or ((b.date, "day") if b.date else None)
    if da is None or db is None:
        return True
    if "year" in (da[1], db[1]):
        return da[0].year == db[0].year
    return (da[0].year, da[0].month) == (db[0].year, db[0].month)


def _more_specific(ex: Extraction | None, a: str | None, b: str | None) -> str | None:
    if not a or not b or ex is None:
        return a or b
    return b if ex.entities.get(b) is not None and ex.entities[b].kind == "city" else a


def _is_tariff(ev: Event) -> bool:
    trig: Trigger | None = getattr(ev, "_trigger", None)
    return ev.type == "SANCTION" and trig is not None and any(w in ("tarif", "bea") for w in trig.words)


def _tariff_sides(ex: Extraction) -> None:
    """An article on a tariff names who sets it once and then writes "Indonesia dikenai tarif
    …", "Trump menetapkan tarif 32 persen …": a tariff without a setter or without a payer
    takes them from the nearest tariff of the article that names them (before it, else
    after it)."""
    tariffs = [ev for ev in ex.events if _is_tariff(ev)]
    for n, ev in enumerate(tariffs):
        order = tariffs[:n][::-1] + tariffs[n + 1 :]  # the nearest before it first
        if not ev.sources:
            donor = next((o for o in order if o.sources and not set(o.sources) & set(ev.targets)), None)
            if donor is not None:
                ev.sources = list(donor.sources)
        if not ev.targets:
            donor = next((o for o in order if o.targets and not set(o.targets) & set(ev.sources)), None)
            if donor is not None:
                ev.targets = list(donor.targets)


def _host_of(ex: Extraction | None, a: list[str], b: list[str]) -> list[str] | None:
    """A visit's host named twice, as a country and as a person whose position is in it
    ("kunjungan Xi ke Korea Selatan", "… bersama Presiden Lee"): the person; else None."""
    if ex is None or len(a) != 1 or len(b) != 1:
        return None
    for country, person in ((a[0], b[0]), (b[0], a[0])):
        ent, host = ex.entities.get(country), ex.entities.get(person)
        if ent is not None and host is not None and ent.kind == "country" and host.kind == "person" \
                and ent.qid is not None and _country_of(ex, person) == ent.qid:
            return [person]
    return None


def _bare_restatement(ev: Event) -> bool:
    """An act named by its noun or verb with no one acted on, no day, no place, no topic and
    no context of its own: what it adds to an earlier act of its source is nothing."""
    return not (ev.targets or ev.date or ev.place or ev.topics or ev.condition
                or set(ev.contexts) - {"Reported"})


def _merge_events(events: list[Event], ex: Extraction | None = None) -> list[Event]:
    """Merge mentions of the same event: same type and actors, no conflicting mode/date/place."""
    out: list[Event] = []
    for ev in events:
        target = None
        for prev in out:
            if prev.type != ev.type:
                continue
            if ev.type != "CONSULT" and _bare_restatement(ev) and ev.sources and set(ev.sources) == set(prev.sources):
                # "Mengapa Houthi melancarkan serangan lagi?", "serangan Houthi telah memicu
                # gangguan besar": the attacks told before, named again with nothing new
                target = prev
                break
            if set(_actors(prev)) != set(_actors(ev)) and not (
                # "Macron mengunjungi tiga negara …" restates "kunjungan Macron ke Indonesia":
                # a meeting or visit by the same source that names no one else
                ev.type == "CONSULT" and prev.mode == ev.mode == "visit"
                and set(prev.sources) == set(ev.sources)
                and (not (prev.targets and ev.targets) or _host_of(ex, prev.targets, ev.targets))
            ) and not (
                # "… ke Rusia untuk menemui Putin" then "akan melakukan pertemuan bilateral
                # pada 19 Juni di Rusia": a meeting of the visitor alone, where he visits
                ev.type == "CONSULT" and prev.mode == "visit" and not ev.mode
                and set(prev.sources) == set(ev.sources) and not ev.targets
                and ev.place is not None and prev.place is not None
            ) and not (
                # "menyerukan agar konflik di Gaza diakhiri dan mendesak militer Israel …": one
                # appeal of one source in one sentence, to the one it names
                ev.type != "CONSULT" and prev.evidence == ev.evidence
                and set(prev.sources) == set(ev.sources) and not (prev.targets and ev.targets)
            ):
                continue
            if ev.type != "CONSULT" and prev.evidence != ev.evidence:
                continue
            if prev.mode and ev.mode and prev.mode != ev.mode:
                continue
            if prev.date and ev.date and prev.date != ev.date:
                continue
            if not _periods_agree(prev, ev):
                continue
            if not _places_agree(ex, prev.place, ev.place):
                continue
            target = prev
            break
        if target is None:
            out.append(ev)
            continue
        ev._merged_into = target  # type: ignore[attr-defined]  # (what "pertemuan itu" meant)
        target.targets = _host_of(ex, target.targets, ev.targets) or target.targets or list(ev.targets)
        target.mode = target.mode or ev.mode
        target.date = target.date or ev.date
        target.date_text = target.date_text or ev.date_text
        target.place = _more_specific(ex, target.place, ev.place)
        target.duration_minutes = target.duration_minutes or ev.duration_minutes
        target.topics = _uniq(target.topics + ev.topics)
        target.condition = target.condition or ev.condition
        target.confidence = min(0.99, round(max(target.confidence, ev.confidence) + 0.05, 2))
    return out
