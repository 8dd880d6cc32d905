"""Named SPARQL queries (``queries/*.rq``) and running them with bound parameters.

A query file starts with a grlc-style comment header::

    #+ name: who-warned-whom
    #+ summary: Who warned whom, of what.
    #+ param: actor (iri|literal, optional) a label ("Biden") or an IRI (wd:Q6279)
    #+ param: type (iri, optional, prefix=plover:) THREATEN, plover:THREATEN or an IRI
    #+ default: type=THREATEN
    #+ example: kg query who-warned-whom -p actor=Biden

Parameter types: ``iri`` (a full IRI, ``<IRI>``, a prefixed name with our prefixes such as
``wd:Q6279`` or ``kgr:person/joe-biden``, or, with ``prefix=``, a bare local name), ``literal``
(a plain string), ``date`` (``YYYY-MM-DD``, bound as ``xsd:date``), ``integer``; ``iri|literal``
takes an IRI when the value reads as one and a string otherwise. Parameters are required unless
declared ``optional`` or given a ``default``.

Values are bound with pyoxigraph's ``substitutions`` (SEP-0007), never pasted into the query
text, so a value is always one RDF term. What substitution does in pyoxigraph 0.5.13, measured,
and what the query files therefore do:

* Only a variable in scope at the top of the query can be bound, otherwise pyoxigraph refuses
  ("does not contains variable ?x in its SELECT projection"): for SELECT, a variable of the
  SELECT clause, so parameters are result columns; for ASK, CONSTRUCT and DESCRIBE, a variable
  that the WHERE pattern binds (one used only in FILTER or BIND is refused; a final
  ``VALUES ?x { UNDEF }`` puts it in scope).
* The variable is replaced by the term in triple patterns and expressions, also inside
  FILTER, EXISTS and OPTIONAL, and the term is put back in every result row. A parameter used
  only inside OPTIONAL therefore filters nothing: use it in a required pattern or a FILTER.
* ``BOUND(?param)`` is always false, even when the parameter is given; test for a given
  parameter with ``COALESCE(STR(?param), "") != ""`` or ``COALESCE(?x >= ?param, true)``.
* A parameter that is not given leaves its variable free: in a pattern it matches anything,
  in an expression it is an error that COALESCE turns into "no filter".
* Sub-SELECTs have their own scope: a parameter reaches into one only if it projects the
  parameter's variable (``SELECT DISTINCT ?entity ?actor WHERE { … FILTER(… ?actor …) }``).

All queries see the union of all graphs as their default graph, and our prefixes are
predeclared (the files declare them too, so they can be pasted into any SPARQL endpoint).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    Store,
    Triple,
    Variable,
)

from kg.errors import QueryError, StoreError
from kg.vocab import PREFIXES, XSD

if TYPE_CHECKING:  # pathlib is imported where a query file is read (start-up counts)
    from pathlib import Path

PARAM_TYPES = ("iri", "literal", "date", "integer")
STDIN = "-"
INLINE = "(inline)"  # the name of SPARQL text given to run_query as a string

_HEADER_LINE = re.compile(r"^#\+\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_PARAM_LINE = re.compile(r"^([A-Za-z_]\w*)\s*\(([^)]*)\)\s*(.*)$")
_VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
_PREFIXED = re.compile(r"^([A-Za-z][\w.-]*)?:(.*)$", re.DOTALL)
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^\s])")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class Param:
    """A declared query parameter: ``#+ param: name (types, optional|required, prefix=p:) text``."""

    name: str
    types: tuple[str, ...] = ("iri", "literal")
    required: bool = True
    description: str = ""
    prefix: str | None = None  # namespace IRI that bare values of an iri parameter go into

    def to_term(self, value: str) -> NamedNode | Literal:
        """The RDF term for ``value`` by the declared type; ``QueryError`` when it does not fit."""
        text = value.strip()
        if "iri" in self.types:
            iri = _to_iri(text, self.prefix)
            if iri is not None:
                return iri
        if "date" in self.types:
            if _DATE.match(text):
                try:
                    date.fromisoformat(text)
                    return Literal(text, datatype=XSD.date)
                except ValueError:
                    pass
            if len(self.types) == 1:
                raise QueryError(f"parameter {self.name} expects a date YYYY-MM-DD, got {value!r}")
        if "integer" in self.types:
            if _INTEGER.match(text):
                return Literal(int(text))
            if len(self.types) == 1:
                raise QueryError(f"parameter {self.name} expects an integer, got {value!r}")
        if "literal" in self.types:
            return Literal(value)
        hint = f", or a bare name in {self.prefix}" if self.prefix else ""
        raise QueryError(
            f"parameter {self.name} expects an IRI (a full IRI, or a prefixed name such as "
            f"wd:Q6279 or kgr:person/joe-biden{hint}), got {value!r}"
        )

    @property
    def optional(self) -> bool:
        return not self.required

    def describe(self) -> str:
        need = "required" if self.required else "optional"
        return f"{self.name} ({'|'.join(self.types)}, {need}) {self.description}".strip()


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None
    defaults: Mapping[str, str] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    declared: bool = True  # False: no #+ header at all, so any variable of the text may be bound

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.name == name:
                return p
        return None


class QueryResult:
    """The result of ``run_query``: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    The rows and triples are lazy and can be read once, either through ``rows()`` /
    ``triples()`` or by serialising ``raw`` (``kg.output.write_result`` does either).
    """

    def __init__(self, query: NamedQuery, raw, bindings: dict[str, NamedNode | Literal]):
        self.query = query
        self.raw = raw
        self.bindings = bindings
        if isinstance(raw, QuerySolutions):
            self.kind = "select"
            self.variables = [v.value for v in raw.variables]
        elif isinstance(raw, QueryBoolean):
            self.kind = "ask"
            self.variables = []
        elif isinstance(raw, QueryTriples):
            self.kind = "graph"
            self.variables = ["subject", "predicate", "object"]
        else:  # pragma: no cover - pyoxigraph returns one of the three
            raise TypeError(f"unexpected query result {type(raw).__name__}")

    @property
    def boolean(self) -> bool:
        if self.kind != "ask":
            raise TypeError("only an ASK query has a boolean result")
        return bool(self.raw)

    def rows(self) -> Iterator[list]:
        """SELECT rows as lists of terms (None for unbound), in ``variables`` order."""
        if self.kind != "select":
            raise TypeError("only a SELECT query has rows")
        width = len(self.variables)
        for solution in guard_iteration(self.raw, label(self.query)):
            yield [solution[i] for i in range(width)]

    def dicts(self) -> Iterator[dict]:
        for row in self.rows():
            yield dict(zip(self.variables, row))

    def triples(self) -> Iterator[Triple]:
        if self.kind != "graph":
            raise TypeError("only a CONSTRUCT or DESCRIBE query has triples")
        yield from guard_iteration(self.raw, label(self.query))


def label(query: NamedQuery) -> str:
    """How messages name a query: ``query events``, or ``the query`` for inline text."""
    if query.name == INLINE:
        return "the query"
    if query.name == STDIN:
        return "the query from standard input"
    return f"query {query.name}"


def guard_iteration(iterable, name: str = "the query"):
    """Iterate a lazy pyoxigraph result, turning its failures into ``StoreError``/``QueryError``."""
    iterator = iter(iterable)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except OSError as exc:
            raise StoreError(f"reading the store failed ({name}): {_one_line(exc)}") from None
        except RuntimeError as exc:
            raise QueryError(f"{name} failed: {_one_line(exc)}") from None
        yield item


# --------------------------------------------------------------------------------------------
# Loading


def parse_query(text: str, *, name: str | None = None, path: Path | None = None) -> NamedQuery:
    """A ``NamedQuery`` from SPARQL text with an optional ``#+`` header."""
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _HEADER_LINE.match(stripped)
        if match:
            header.setdefault(match.group(1).lower(), []).append(match.group(2))
    where = str(path) if path else (name or "query")
    qname = (header.get("name") or [name or (path.stem if path else STDIN)])[0]
    params = tuple(_parse_param(line, where) for line in header.get("param", []))
    defaults: dict[str, str] = {}
    for line in header.get("default", []):
        for item in line.split(","):
            key, sep, value = item.partition("=")
            key = key.strip()
            if not sep or not key:
                raise QueryError(
                    f"{where}: a #+ default line reads name=value, got {item.strip()!r}"
                )
            if key not in {p.name for p in params}:
                raise QueryError(f"{where}: #+ default for undeclared parameter {key}")
            defaults[key] = value.strip()
    params = tuple(
        Param(p.name, p.types, False, p.description, p.prefix) if p.name in defaults else p
        for p in params
    )
    return NamedQuery(
        name=qname,
        summary=" ".join(header.get("summary", [])),
        params=params,
        text=text,
        path=path,
        defaults=defaults,
        examples=tuple(header.get("example", [])),
        declared=bool(header),
    )


def _parse_param(line: str, where: str) -> Param:
    match = _PARAM_LINE.match(line)
    if not match:
        raise QueryError(
            f"{where}: a #+ param line reads 'name (type, optional) text', got {line!r}"
        )
    name, options, description = match.groups()
    parts = [part.strip() for part in options.split(",") if part.strip()]
    if not parts:
        raise QueryError(f"{where}: parameter {name} has no type")
    types = tuple(t.strip().lower() for t in parts[0].split("|"))
    for t in types:
        if t not in PARAM_TYPES:
            raise QueryError(
                f"{where}: parameter {name} has unknown type {t!r} "
                f"(known: {', '.join(PARAM_TYPES)})"
            )
    required, prefix = True, None
    for part in parts[1:]:
        if part == "optional":
            required = False
        elif part == "required":
            required = True
        elif part.startswith("prefix="):
            prefix = _namespace(part[len("prefix=") :].strip(), where, name)
        else:
            raise QueryError(f"{where}: parameter {name} has unknown option {part!r}")
    return Param(name, types, required, description.strip(), prefix)


def _namespace(value: str, where: str, name: str) -> str:
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    match = _PREFIXED.match(value)
    if match and (match.group(1) or "") in PREFIXES:
        return PREFIXES[match.group(1) or ""] + match.group(2)
    raise QueryError(f"{where}: parameter {name} has prefix={value}, not one of our prefixes")


def list_queries() -> list[NamedQuery]:
    """The bundled queries (``queries/*.rq``), sorted by name."""
    from kg.resources import queries_dir

    found = [_read(path) for path in sorted(queries_dir().glob("*.rq"))]
    return sorted(found, key=lambda q: q.name)


def load_named_query(name_or_path: str | Path, text: str | None = None) -> NamedQuery:
    """A bundled query by name, a ``.rq`` file by path, or ``"-"``.

    For ``"-"`` the caller reads standard input and passes it as ``text``.
    """
    source = str(name_or_path)
    if source == STDIN:
        if text is None or not text.strip():
            raise QueryError("no query text on standard input")
        return parse_query(text, name=STDIN)
    from pathlib import Path

    path = Path(source)
    if source.endswith(".rq") or "/" in source or path.is_file():
        if not path.is_file():
            raise QueryError(f"no query file {source}")
        return _read(path)
    known = list_queries()
    for query in known:
        if source in (query.name, query.path.stem if query.path else None):
            return query
    names = ", ".join(q.name for q in known) or "none"
    raise QueryError(f"unknown query {source!r}; known queries: {names}")


def _read(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {_one_line(exc)}") from None
    return parse_query(text, path=path)


# --------------------------------------------------------------------------------------------
# Running


def bind_params(
    query: NamedQuery, params: Mapping[str, str] | None
) -> dict[str, NamedNode | Literal]:
    """Check ``params`` against the query's declaration and convert them to terms."""
    given = dict(params or {})
    if not query.declared:
        allowed = sorted(set(_VARIABLE.findall(query.text)))
        out = {}
        for key, value in given.items():
            if key not in allowed:
                raise QueryError(
                    f"{label(query)} has no variable ?{key} to bind; its variables: "
                    + (", ".join(allowed) or "none")
                )
            out[key] = Param(key, ("iri", "literal"), False).to_term(value)
        return out
    declared = {p.name: p for p in query.params}
    for key in given:
        if key not in declared:
            if not declared:
                raise QueryError(f"{label(query)} takes no parameters, got {key}")
            raise QueryError(
                f"unknown parameter {key} for {label(query)}; allowed: {', '.join(declared)}"
            )
    out = {}
    for name, param in declared.items():
        value = given.get(name, query.defaults.get(name))
        if value is None:
            if param.required:
                raise QueryError(f"{label(query)} needs parameter {param.describe()}")
            continue
        out[name] = param.to_term(value)
    return out


def run_query(
    store: Store, query: NamedQuery | str, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a named query (or SPARQL text) with ``params`` bound; see the module docstring."""
    named = query if isinstance(query, NamedQuery) else parse_query(query, name=INLINE)
    bindings = bind_params(named, params)
    substitutions = {Variable(name): term for name, term in bindings.items()}
    try:
        raw = store.query(
            named.text,
            prefixes=PREFIXES,
            use_default_graph_as_union=True,
            substitutions=substitutions or None,
        )
    except SyntaxError as exc:
        raise QueryError(_syntax_message(named, exc)) from None
    except OSError as exc:
        raise StoreError(f"reading the store failed ({label(named)}): {_one_line(exc)}") from None
    except RuntimeError as exc:
        text = _one_line(exc)
        missing = re.search(r"variable \?(\w+) in its SELECT projection", text)
        if missing:
            var = missing.group(1)
            where = (
                "is not in its SELECT clause"
                if re.search(r"\bSELECT\b", _without_comments(named.text), re.IGNORECASE)
                else "is not bound by its WHERE pattern"
            )
            raise QueryError(
                f"{label(named)} cannot bind parameter {var}: ?{var} {where}"
            ) from None
        raise QueryError(f"{label(named)} failed: {text}") from None
    return QueryResult(named, raw, bindings)


def _syntax_message(query: NamedQuery, exc: BaseException) -> str:
    """pyoxigraph's parse error in one readable line, with the offending line quoted."""
    text = _one_line(exc)
    match = re.match(r"error at (\d+):(\d+): (.*)", text)
    if not match:
        return f"malformed SPARQL in {label(query)}: {_shorten(text, 200)}"
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    detail = re.sub(r"\[[^\]]*\]", "", detail)  # drop pest's character-class listings
    detail = re.sub(r"(,\s*)+", ", ", detail).strip(" ,")
    lines = query.text.splitlines()
    near = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    message = (
        f"malformed SPARQL in {label(query)} at line {line}, column {column}: "
        f"{_shorten(detail, 120)}"
    )
    if near:
        message += f" (in: {_shorten(near, 60)})"
    return message


def _without_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _to_iri(text: str, prefix: str | None) -> NamedNode | None:
    candidate: str | None = None
    if text.startswith("<") and text.endswith(">"):
        candidate = text[1:-1]
    else:
        match = _PREFIXED.match(text)
        if match and (match.group(1) or "") in PREFIXES and match.group(1):
            candidate = PREFIXES[match.group(1)] + match.group(2)
        elif _ABSOLUTE_IRI.match(text) and ("://" in text or text.startswith("urn:")):
            candidate = text
        elif prefix and ":" not in text and text:
            candidate = prefix + text
    if candidate is None:
        return None
    try:
        return NamedNode(candidate)
    except ValueError:
        return None


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


__all__ = [
    "PARAM_TYPES",
    "NamedQuery",
    "Param",
    "QueryResult",
    "bind_params",
    "guard_iteration",
    "list_queries",
    "load_named_query",
    "parse_query",
    "run_query",
]
