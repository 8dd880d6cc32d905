"""One catalogue of the errors kg reports to users.

Every error a user can cause (bad input, bad query, a busy store) is a ``KgError``
with a code and a one-line message. The CLI prints ``Error: <message>`` on stderr
and exits with ``exit_code``; it never shows a traceback for these.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: a problem the user can act on, described in one line."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = " ".join(str(message).split())  # always one line

    def __str__(self) -> str:
        return self.message


class InputError(KgError):
    """An input file or record cannot be used as an article."""

    code = "E100"
    exit_code = 2


class QueryError(KgError):
    """A SPARQL query is malformed, unknown, or its parameters are wrong."""

    code = "E200"
    exit_code = 2


class StoreError(KgError):
    """The store cannot be opened or written (held by another process, unreadable)."""

    code = "E300"
    exit_code = 3


class GoldError(KgError):
    """A gold-standard file for ``kg eval`` is malformed."""

    code = "E400"
    exit_code = 2


class LinkError(KgError):
    """Linking with Wikidata failed (network, bad response)."""

    code = "E500"
    exit_code = 4


class PushError(KgError):
    """A remote SPARQL store (Graph Store Protocol) cannot be reached or refused a graph."""

    code = "E600"
    exit_code = 5
