"""A small, polite client for the Wikidata API (``wbsearchentities``, ``wbgetentities``).

Standard library only (``urllib``). What Wikimedia asks of API clients, and what this does:

* a descriptive User-Agent (``kg/<version> (<project URL>; <contact>) python-urllib/<v>``);
  ``$KG_USER_AGENT`` replaces it, for instance to put your own e-mail address in;
* a bounded request rate (``rate`` requests per second, default 1) and a timeout per request;
* retries: HTTP 429 and 503 (and the API's ``maxlag`` error) wait for ``Retry-After``
  (capped at ``max_wait`` seconds), other 5xx answers, timeouts and connection errors
  back off exponentially; ``retries`` bounds the attempts. Other 4xx answers fail at once;
* an on-disk JSON cache: a second run with the same questions makes no request. Entities
  are cached per QID in a reduced form (labels and descriptions in ``languages``, the QIDs
  of P31 "instance of"), never the whole entity, which for a country is megabytes.

Every failure is a one-line :class:`kg.errors.LinkError`. The API base URL is
``https://www.wikidata.org/w/api.php`` unless ``$KG_WIKIDATA_API`` or ``api=`` says
otherwise (tests point it at a local server).
"""

from __future__ import annotations

import email.utils
import json
import os
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path

from kg import __version__
from kg.errors import LinkError

DEFAULT_API = "https://www.wikidata.org/w/api.php"
API_ENV = "KG_WIKIDATA_API"
CACHE_ENV = "KG_WIKIDATA_CACHE"
USER_AGENT_ENV = "KG_USER_AGENT"
PROJECT_URL = "https://w3id.org/kg-diplomacy/"
USER_AGENT = (
    f"kg/{__version__} ({PROJECT_URL}; contact in README) "
    f"python-urllib/{sys.version_info.major}.{sys.version_info.minor}"
)
CACHE_VERSION = 1
BATCH = 50  # wbgetentities takes at most 50 ids per request


def default_api() -> str:
    return os.environ.get(API_ENV, "").strip() or DEFAULT_API


def default_cache_path(store_path: str | os.PathLike[str] | None) -> Path:
    """``$KG_WIKIDATA_CACHE``; else ``wikidata-cache.json`` beside an on-disk store
    (``.kg/wikidata-cache.json``); else ``$XDG_CACHE_HOME/kg/wikidata-cache.json``."""
    env = os.environ.get(CACHE_ENV, "").strip()
    if env:
        return Path(env)
    if store_path is not None and str(store_path) != ":memory:":
        return Path(store_path).resolve().parent / "wikidata-cache.json"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(xdg) / "kg" / "wikidata-cache.json"


class WikidataClient:
    """``search`` and ``entities`` against one API endpoint, cached, rate-limited, retried.

    Use as a context manager (or call :meth:`save`) so the cache is written back; the cache
    is saved even when a request fails, so work already done is not asked for again.
    """

    def __init__(
        self,
        api: str | None = None,
        *,
        cache_path: str | os.PathLike[str] | None = None,
        rate: float = 1.0,
        timeout: float = 10.0,
        retries: int = 4,
        max_wait: float = 60.0,
        user_agent: str | None = None,
        languages: tuple[str, ...] = ("id", "en"),
        sleep: Callable[[float], None] = time.sleep,
    ):
        if rate <= 0:
            raise LinkError(f"the request rate must be positive, not {rate}")
        self.api = (api or default_api()).rstrip("?")
        self.min_interval = 1.0 / rate
        self.timeout = timeout
        self.retries = max(1, retries)
        self.max_wait = max_wait
        self.user_agent = user_agent or os.environ.get(USER_AGENT_ENV, "").strip() or USER_AGENT
        self.languages = languages
        self.sleep = sleep
        self.requests = 0  # HTTP requests actually sent (cache misses and retries)
        self._last = 0.0
        self.cache_path = Path(cache_path) if cache_path is not None else None
        self._cache: dict[str, object] = self._load_cache()
        self._dirty = False

    # ------------------------------------------------------------------ cache

    def _load_cache(self) -> dict[str, object]:
        if self.cache_path is None or not self.cache_path.is_file():
            return {}
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # an unreadable cache is only a cold cache
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def save(self) -> None:
        """Write the cache back (atomically), when anything was added."""
        if self.cache_path is None or not self._dirty:
            return
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_path.with_name(self.cache_path.name + ".part")
            payload = {"version": CACHE_VERSION, "api": self.api, "entries": self._cache}
            tmp.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.cache_path)
            self._dirty = False
        except OSError as exc:
            raise LinkError(f"cannot write the Wikidata cache {self.cache_path}: {exc}") from None

    def __enter__(self) -> "WikidataClient":
        return self

    def __exit__(self, *exc) -> None:
        self.save()

    # ------------------------------------------------------------------ API

    def search(self, text: str, language: str, limit: int = 7) -> list[dict]:
        """``wbsearchentities`` hits for ``text`` in ``language`` (items only)."""
        key = f"search:{language}:{limit}:{text}"
        if key not in self._cache:
            data = self._get({
                "action": "wbsearchentities", "search": text, "language": language,
                "uselang": language, "type": "item", "limit": str(limit), "format": "json",
            })
            hits = data.get("search")
            if not isinstance(hits, list):
                raise LinkError(f"Wikidata API at {self.api} gave no search results for {text!r}")
            self._cache[key] = [_reduce_hit(h) for h in hits if isinstance(h, dict) and h.get("id")]
            self._dirty = True
        return list(self._cache[key])  # type: ignore[arg-type]

    def entities(self, ids: Iterable[str]) -> dict[str, dict]:
        """``wbgetentities``: QID -> {"labels": {lang: text}, "descriptions": {...},
        "P31": [QID...]} for the items that exist (missing ones are left out)."""
        wanted = list(dict.fromkeys(i for i in ids if i))
        missing = [i for i in wanted if f"entity:{i}" not in self._cache]
        for n in range(0, len(missing), BATCH):
            batch = missing[n : n + BATCH]
            data = self._get({
                "action": "wbgetentities", "ids": "|".join(batch),
                "props": "labels|descriptions|claims", "languages": "|".join(self.languages),
                "format": "json",
            })
            found = data.get("entities")
            if not isinstance(found, dict):
                raise LinkError(f"Wikidata API at {self.api} gave no entities for {batch[0]}…")
            for qid in batch:
                ent = found.get(qid)
                self._cache[f"entity:{qid}"] = _reduce_entity(ent) if isinstance(ent, dict) else None
            self._dirty = True
        out = {}
        for qid in wanted:
            ent = self._cache.get(f"entity:{qid}")
            if ent:
                out[qid] = ent
        return out  # type: ignore[return-value]

    # ------------------------------------------------------------------ HTTP

    def _get(self, params: dict[str, str]) -> dict:
        url = self.api + "?" + urllib.parse.urlencode(params)
        what = f"Wikidata API at {self.api}"
        last = "no answer"
        for attempt in range(self.retries):
            self._pace()
            self.requests += 1
            req = urllib.request.Request(url, headers={
                "User-Agent": self.user_agent, "Accept": "application/json",
            })
            wait: float | None = None
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    body = resp.read()
                    retry_after = resp.headers.get("Retry-After")
                data = json.loads(body.decode("utf-8"))
                if not isinstance(data, dict):
                    raise LinkError(f"{what} answered with something other than a JSON object")
                err = data.get("error")
                if isinstance(err, dict):
                    if err.get("code") == "maxlag":  # the servers are lagging: try again later
                        last = "maxlag"
                        wait = _retry_after(retry_after, 5.0)
                    else:
                        raise LinkError(f"{what} refused the request: {err.get('code')}: {err.get('info')}")
                else:
                    return data
            except urllib.error.HTTPError as exc:
                last = f"HTTP {exc.code}"
                if exc.code in (429, 503):
                    wait = _retry_after(exc.headers.get("Retry-After"), 2.0 ** attempt)
                elif exc.code >= 500:
                    wait = 0.5 * 2 ** attempt
                else:
                    raise LinkError(f"{what} answered HTTP {exc.code} {exc.reason}") from None
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                last = "timed out" if isinstance(reason, (socket.timeout, TimeoutError)) else str(reason)
                wait = 0.5 * 2 ** attempt
            except (ValueError, UnicodeDecodeError):
                raise LinkError(f"{what} answered with something that is not JSON") from None
            if attempt + 1 < self.retries and wait is not None:
                wait = min(wait, self.max_wait)
                self.sleep(wait)
                if wait >= self.min_interval:  # the wait paced the next request already
                    self._last = 0.0
        raise LinkError(f"{what} failed after {self.retries} attempts ({last})")

    def _pace(self) -> None:
        now = time.monotonic()
        gap = self._last + self.min_interval - now
        if gap > 0 and self._last:
            self.sleep(gap)
        self._last = time.monotonic()


def _retry_after(value: str | None, default: float) -> float:
    """Seconds from a Retry-After header (a number or an HTTP date); ``default`` without one."""
    if not value:
        return default
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


def _reduce_hit(hit: dict) -> dict:
    match = hit.get("match") if isinstance(hit.get("match"), dict) else {}
    return {
        "id": hit["id"],
        "label": hit.get("label") or "",
        "description": hit.get("description") or "",
        "aliases": [a for a in hit.get("aliases") or [] if isinstance(a, str)],
        "match_type": match.get("type") or "",
        "match_text": match.get("text") or "",
    }


def _reduce_entity(ent: dict) -> dict | None:
    if "missing" in ent or not ent.get("id"):
        return None

    def texts(field: str) -> dict[str, str]:
        values = ent.get(field) or {}
        return {lang: v["value"] for lang, v in values.items() if isinstance(v, dict) and v.get("value")}

    p31: list[str] = []
    for claim in (ent.get("claims") or {}).get("P31", []):
        try:
            value = claim["mainsnak"]["datavalue"]["value"]["id"]
        except (KeyError, TypeError):
            continue
        if claim.get("rank") != "deprecated" and value not in p31:
            p31.append(value)
    return {"id": ent["id"], "labels": texts("labels"), "descriptions": texts("descriptions"), "P31": p31}
