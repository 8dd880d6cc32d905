"""Printing rows and query results: one place for every command that prints results.

Formats (``ROW_FORMATS``):

``table``
    An aligned text table for people: IRIs shortened with our prefixes
    (``kgr:person/joe-biden``), literals shown by their text (``"Biden"@en`` -> ``Biden``),
    cells cut with ``…`` so that the table fits the terminal (no cutting when the output is
    not a terminal and ``$COLUMNS`` is unset). Columns that only echo a query parameter are
    left out.
``csv``, ``tsv``, ``json``
    For SPARQL SELECT results, the W3C SPARQL 1.1 results formats, written by pyoxigraph
    (``QuerySolutions.serialize``). For other rows: CSV with plain values, TSV with terms in
    N-Triples syntax (as W3C TSV), JSON as an array of objects with plain values.
``jsonl``
    One JSON object a row, plain values: IRIs as strings, numbers and booleans as JSON
    numbers and booleans, other literals as their text, unbound as ``null``.

ASK results print ``true`` / ``false`` (``json``: the W3C boolean document). CONSTRUCT and
DESCRIBE results are RDF: Turtle with our prefixes (``table``, ``turtle``), N-Triples
(``ntriples``, ``jsonl``) or JSON-LD (``json``, ``jsonld``).

``out`` may be a binary stream, a text stream with a ``buffer`` (``sys.stdout``) or a plain
text stream (``io.StringIO``). Rows stream: only ``table`` holds rows back, and only the first
``TABLE_SAMPLE`` of them, to size its columns.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    serialize,
)

from kg.errors import QueryError, StoreError
from kg.vocab import PREFIXES, XSD

ROW_FORMATS = ("table", "csv", "tsv", "json", "jsonl")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")
TABLE_SAMPLE = 1000
ELLIPSIS = "…"

_RESULT_FORMATS = {
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
}
_GRAPH_RDF_FORMATS = {
    "table": RdfFormat.TURTLE,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonl": RdfFormat.N_TRIPLES,
    "json": RdfFormat.JSON_LD,
    "jsonld": RdfFormat.JSON_LD,
}
_INTEGER_TYPES = {
    XSD.integer.value,
    XSD.nonNegativeInteger.value,
    "http://www.w3.org/2001/XMLSchema#int",
    "http://www.w3.org/2001/XMLSchema#long",
    "http://www.w3.org/2001/XMLSchema#positiveInteger",
}
_FLOAT_TYPES = {
    XSD.decimal.value,
    "http://www.w3.org/2001/XMLSchema#double",
    "http://www.w3.org/2001/XMLSchema#float",
}
# Longest namespace first, so that a more specific prefix wins.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


# --------------------------------------------------------------------------------------------
# Terms


def shorten(value, prefixes: dict[str, str] | None = None) -> str:
    """A term (or any value) as short text for a table cell.

    IRIs become ``prefix:local`` with our prefixes (``kgr:person/joe-biden``, ``wd:Q6279``) or
    ``<iri>`` when none fits; literals become their text; ``None`` becomes ``""``.
    """
    if value is None:
        return ""
    if isinstance(value, NamedNode):
        iri = value.value
        pairs = (
            _BY_LENGTH if prefixes is None else sorted(prefixes.items(), key=lambda i: -len(i[1]))
        )
        for prefix, namespace in pairs:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"
    if isinstance(value, Literal):
        return value.value
    if isinstance(value, BlankNode):
        return f"_:{value.value}"
    if isinstance(value, Triple):
        return f"<< {shorten(value.subject)} {shorten(value.predicate)} {shorten(value.object)} >>"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def plain(value):
    """A term (or any value) as a plain JSON value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, NamedNode):
        return value.value
    if isinstance(value, BlankNode):
        return f"_:{value.value}"
    if isinstance(value, Literal):
        datatype = value.datatype.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(value.value)
            if datatype in _FLOAT_TYPES:
                return float(value.value)
        except ValueError:
            return value.value
        if datatype == XSD.boolean.value:
            return value.value in ("true", "1")
        return value.value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


def _json():
    """The json module, imported on first use (``kg query`` start-up does not pay for it)."""
    import json

    return json


def _csv_text(value) -> str:
    """W3C SPARQL CSV: IRIs and literals by their plain text, blank nodes as ``_:id``."""
    if value is None:
        return ""
    if isinstance(value, (NamedNode, Literal)):
        return value.value
    if isinstance(value, BlankNode):
        return f"_:{value.value}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _tsv_text(value) -> str:
    """W3C SPARQL TSV: terms in N-Triples syntax; other values as text without tabs or newlines."""
    if value is None:
        return ""
    if isinstance(value, (NamedNode, Literal, BlankNode, Triple)):
        return str(value)
    text = "true" if value is True else "false" if value is False else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# --------------------------------------------------------------------------------------------
# Rows


def write_rows(
    rows: Iterable[dict | Sequence],
    columns: Sequence[str],
    fmt: str,
    out,
    *,
    width: int | None = None,
    hide: Iterable[str] = (),
    hide_if_empty: Iterable[str] = (),
) -> int:
    """Write ``rows`` (dicts by column name, or sequences in ``columns`` order) as ``fmt``.

    Values may be pyoxigraph terms, ``None`` or plain Python values. In a ``table``, the
    columns named in ``hide`` are left out, and so are those in ``hide_if_empty`` when no row
    has a value there. ``width`` is the table's width (0: no limit; default: the terminal's).
    Returns the number of rows written.
    """
    if fmt not in ROW_FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; choose one of {', '.join(ROW_FORMATS)}")
    columns = list(columns)
    sink = _Sink(out)
    as_lists = (_as_list(row, columns) for row in rows)
    try:
        if fmt == "table":
            count = _write_table(as_lists, columns, sink, width, set(hide), set(hide_if_empty))
        elif fmt == "csv":
            count = _write_delimited(as_lists, columns, sink, ",", _csv_text)
        elif fmt == "tsv":
            count = _write_tsv(as_lists, columns, sink)
        elif fmt == "json":
            count = _write_json_array(as_lists, columns, sink)
        else:
            count = 0
            for row in as_lists:
                sink.write_text(
                    _json().dumps(dict(zip(columns, map(plain, row))), ensure_ascii=False) + "\n"
                )
                count += 1
    finally:
        sink.flush()
    return count


def _as_list(row, columns: list[str]) -> list:
    if isinstance(row, dict):
        return [row.get(c) for c in columns]
    values = list(row)
    if len(values) != len(columns):
        raise ValueError(f"row has {len(values)} values for {len(columns)} columns")
    return values


def _write_delimited(rows: Iterator[list], columns, sink: _Sink, delimiter: str, text) -> int:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([text(v) for v in row])
        count += 1
        if buffer.tell() > 65536:
            sink.write_text(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
    sink.write_text(buffer.getvalue())
    return count


def _write_tsv(rows: Iterator[list], columns, sink: _Sink) -> int:
    sink.write_text("\t".join("?" + c for c in columns) + "\n")
    count = 0
    for row in rows:
        sink.write_text("\t".join(_tsv_text(v) for v in row) + "\n")
        count += 1
    return count


def _write_json_array(rows: Iterator[list], columns, sink: _Sink) -> int:
    count = 0
    sink.write_text("[")
    for row in rows:
        sink.write_text(("," if count else "") + "\n  ")
        sink.write_text(_json().dumps(dict(zip(columns, map(plain, row))), ensure_ascii=False))
        count += 1
    sink.write_text("\n]\n" if count else "]\n")
    return count


def _write_table(
    rows: Iterator[list], columns, sink: _Sink, width, hide: set[str], hide_if_empty: set[str]
) -> int:
    sample = [[_cell(v) for v in row] for row in islice(rows, TABLE_SAMPLE)]
    if len(sample) < TABLE_SAMPLE:  # the sample is the whole result: empty columns are known
        hide = hide | {
            c for i, c in enumerate(columns) if c in hide_if_empty and not any(r[i] for r in sample)
        }
    keep = [i for i, c in enumerate(columns) if c not in hide] or list(range(len(columns)))
    headers = [columns[i] for i in keep]
    natural = [max([len(headers[j])] + [len(r[i]) for r in sample]) for j, i in enumerate(keep)]
    widths = _fit(natural, [len(h) for h in headers], _table_width(sink, width))

    def line(cells: list[str]) -> str:
        return "  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n"

    sink.write_text(line(headers))
    sink.write_text("  ".join("-" * w for w in widths) + "\n")
    count = 0
    for cells in sample:
        sink.write_text(line([cells[i] for i in keep]))
        count += 1
    for row in rows:
        cells = [_cell(v) for v in row]
        sink.write_text(line([cells[i] for i in keep]))
        count += 1
    if not count:
        sink.write_text("(no results)\n")
    return count


def _cell(value) -> str:
    return " ".join(shorten(value).split())


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + ELLIPSIS if width > 0 else ""


def _fit(natural: list[int], header: list[int], total: int | None) -> list[int]:
    """Column widths within ``total`` characters, narrowing the widest column first.

    Long columns are first narrowed to 16 characters (or their header), and only then, if the
    table is still too wide, down to 10 (or their header): a date stays whole. A table that
    still does not fit is wider than ``total`` rather than unreadable.
    """
    widths = list(natural)
    if not total or not widths:
        return widths
    excess = sum(widths) + 2 * (len(widths) - 1) - total
    for least in (16, 10):
        floors = [min(n, max(h, least)) for n, h in zip(natural, header)]
        while excess > 0:
            candidates = [i for i, w in enumerate(widths) if w > floors[i]]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
    return widths


def _table_width(sink: _Sink, width: int | None) -> int | None:
    if width is not None:
        return width or None
    if sink.isatty():
        import shutil  # (imported here: it pulls in bz2 and lzma, and start-up counts)

        return shutil.get_terminal_size((100, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else None


# --------------------------------------------------------------------------------------------
# Query results


def write_result(result, fmt: str, out, *, width: int | None = None) -> int | None:
    """Write a ``kg.query.QueryResult`` as ``fmt``; returns the number of rows for SELECT."""
    kind = result.kind
    if kind == "select":
        if fmt in _RESULT_FORMATS:
            sink = _Sink(out)
            _guarded(lambda: result.raw.serialize(sink.binary, _RESULT_FORMATS[fmt]), result)
            if fmt == "json":
                sink.write_text("\n")
            sink.flush()
            return None
        if fmt not in ROW_FORMATS:
            raise QueryError(f"a SELECT result prints as {', '.join(ROW_FORMATS)}, not {fmt!r}")
        given, declared = _parameter_columns(result)
        return write_rows(
            result.rows(),
            result.variables,
            fmt,
            out,
            width=width,
            hide=given,
            hide_if_empty=declared,
        )
    if kind == "ask":
        sink = _Sink(out)
        if fmt == "json":
            sink.binary.write(result.raw.serialize(format=QueryResultsFormat.JSON) + b"\n")
        elif fmt in ROW_FORMATS or fmt in GRAPH_FORMATS:
            sink.write_text("true\n" if result.boolean else "false\n")
        else:
            raise QueryError(f"unknown output format {fmt!r}")
        sink.flush()
        return None
    if fmt not in _GRAPH_RDF_FORMATS:
        raise QueryError(
            f"a CONSTRUCT or DESCRIBE result is RDF: print it as table (Turtle), turtle, "
            f"ntriples or json (JSON-LD), not {fmt!r}"
        )
    sink = _Sink(out)
    _guarded(
        lambda: serialize(
            result.triples(), sink.binary, _GRAPH_RDF_FORMATS[fmt], prefixes=PREFIXES
        ),
        result,
    )
    sink.flush()
    return None


write_query_result = write_result  # the name kg.cli uses


def _parameter_columns(result) -> tuple[set[str], set[str]]:
    """The parameter columns: (given ones, which repeat the bound term in every row, all)."""
    bindings = getattr(result, "bindings", {}) or {}
    params = getattr(getattr(result, "query", None), "params", ()) or ()
    given = {name for name in bindings if name in result.variables}
    declared = {p.name for p in params if p.name in result.variables}
    return given, declared


def _guarded(action, result):
    name = getattr(getattr(result, "query", None), "name", "")
    name = f"query {name}" if name and not name.startswith(("(", "-")) else "the query"
    try:
        return action()
    except BrokenPipeError:
        raise
    except (QueryError, StoreError):
        raise
    except OSError as exc:
        raise StoreError(
            f"reading the store failed ({name}): {' '.join(str(exc).split())}"
        ) from None
    except RuntimeError as exc:
        raise QueryError(f"{name} failed: {' '.join(str(exc).split())}") from None


# --------------------------------------------------------------------------------------------
# Output streams


class _Sink:
    """Writes text or bytes to ``out``, whichever kind of stream it is."""

    def __init__(self, out):
        self._out = out
        if isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
            buffer = getattr(out, "buffer", None)
            if buffer is not None:
                out.flush()
                self.binary = buffer
                self._text = None
            else:
                self.binary = _TextAdapter(out)
                self._text = out
        else:
            self.binary = out
            self._text = None

    def write_text(self, text: str) -> None:
        if self._text is not None:
            self._text.write(text)
        else:
            self.binary.write(text.encode("utf-8"))

    def flush(self) -> None:
        if hasattr(self.binary, "flush"):
            self.binary.flush()

    def isatty(self) -> bool:
        try:
            return bool(self._out.isatty())
        except (AttributeError, ValueError):
            return False


class _TextAdapter:
    """A binary ``write`` for a text-only stream, decoding UTF-8 across chunk boundaries."""

    def __init__(self, text_stream):
        self._stream = text_stream
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def write(self, data) -> int:
        self._stream.write(self._decoder.decode(bytes(data)))
        return len(data)

    def flush(self) -> None:
        rest = self._decoder.decode(b"", final=True)
        if rest:
            self._stream.write(rest)
        if hasattr(self._stream, "flush"):
            self._stream.flush()


__all__ = [
    "GRAPH_FORMATS",
    "ROW_FORMATS",
    "plain",
    "shorten",
    "write_query_result",
    "write_result",
    "write_rows",
]
