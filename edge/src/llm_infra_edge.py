"""The Python side of the edge worker: a tiny JSON router run by Pyodide inside workerd.

``py-worker.mjs`` installs the core wheel, writes this module and every ``edge/routes/<module>.py``
(as ``llm_infra_edge_routes.<module>``) into Pyodide, and hands each request to :func:`handle` as
JSON text. The contract is the TypeScript router's (``router.ts``): a handler returns a JSON value
(HTTP 200) or raises :class:`InfraError`, answered as ``{"error": <InfraError JSON>}`` with the
status of its kind; the query helpers behave, and word their errors, the same in both languages.

Python routes are served under ``/py``: ``@route("GET", "/ulid", ...)`` answers ``GET /py/ulid``.

    >>> @route("GET", "/doc-example", "An example.")
    ... def _example(req: Request) -> JSONValue:
    ...     return {"n": req.number("n", 1)}
    >>> json.loads(handle(json.dumps({"method": "GET", "path": "/py/doc-example", "query": [["n", "2"]], "body": ""})))
    {'status': 200, 'body': '{"n":2}'}
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from llm_infra._json_types import JSONValue
from llm_infra.conformance import run_text
from llm_infra.errors import ErrorKind, InfraError

__all__ = ["PREFIX", "STATUS_OF_KIND", "Request", "Route", "handle", "js_json", "route", "routes"]

#: Every Python route lives under this path prefix (the TypeScript worker forwards it here).
PREFIX = "/py"
#: HTTP status per error kind (the same table as ``router.ts``).
STATUS_OF_KIND: dict[ErrorKind, int] = {
    ErrorKind.CONFIG: 400, ErrorKind.VALIDATION: 400, ErrorKind.SERIALIZATION: 400, ErrorKind.SCHEMA: 400,
    ErrorKind.CRYPTO: 400, ErrorKind.AUTH: 401, ErrorKind.NOT_FOUND: 404, ErrorKind.TIMEOUT: 504,
    ErrorKind.HTTP: 502, ErrorKind.EXTERNAL: 502, ErrorKind.MESSAGE_QUEUE: 503, ErrorKind.IO: 500,
    ErrorKind.VECTOR: 500, ErrorKind.INTERNAL: 500,
}
_NUMBER = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?")


def _parse_number(name: str, text: str) -> int | float:
    t = text.strip()
    value = float(t) if _NUMBER.fullmatch(t) else math.nan
    if not math.isfinite(value):
        raise InfraError.validation(
            f"query parameter {name} must be a number, got {json.dumps(text, ensure_ascii=False)}", field=name)
    # JavaScript has one number type: 3 and 3.0 are the same input there, so they are here too.
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


class Request:
    """What a handler sees of a request; query helpers raise ``InfraError(validation)`` naming the parameter."""

    def __init__(self, method: str, path: str, query: list[tuple[str, str]], body: str) -> None:
        self.method = method
        self.path = path
        self.query = query
        self.body = body

    def _param(self, name: str) -> str | None:
        return next((v for k, v in self.query if k == name), None)

    @staticmethod
    def _missing(name: str) -> InfraError:
        return InfraError.validation(f"query parameter {name} is required", field=name)

    def string(self, name: str, fallback: str | None = None) -> str:
        """A string parameter (``fallback`` when absent; required without one)."""
        v = self._param(name)
        if v is not None:
            return v
        if fallback is None:
            raise self._missing(name)
        return fallback

    def number(self, name: str, fallback: float | None = None) -> int | float:
        """A number parameter written as a JSON number."""
        v = self._param(name)
        if v is not None:
            return _parse_number(name, v)
        if fallback is None:
            raise self._missing(name)
        return fallback

    def numbers(self, name: str, fallback: list[float] | None = None) -> list[int | float]:
        """A comma-separated list of numbers (``""`` is the empty list)."""
        v = self._param(name)
        if v is None:
            if fallback is None:
                raise self._missing(name)
            return list(fallback)
        return [_parse_number(name, p) for p in v.split(",") if p.strip()]

    def json(self) -> JSONValue:
        """The JSON body; anything else is ``InfraError(serialization)``."""
        try:
            value: JSONValue = json.loads(self.body)
        except ValueError as exc:
            raise InfraError.serialization(f"request body is not JSON: {exc}", field="body") from exc
        return value


Handler = Callable[[Request], JSONValue]


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    path: str
    summary: str
    handler: Handler


_ROUTES: dict[tuple[str, str], Route] = {}


def _normalise(path: str) -> str:
    """``/py`` → ``/py/``; any other trailing slash is dropped."""
    if path in (PREFIX, PREFIX + "/"):
        return PREFIX + "/"
    return path.rstrip("/") or "/"


def route(method: str, path: str, summary: str) -> Callable[[Handler], Handler]:
    """Decorator: serve ``handler`` at ``method`` ``/py`` + ``path``."""
    if method not in ("GET", "POST") or not path.startswith("/"):
        raise InfraError.internal(f"bad route {method} {path}: method GET or POST, path starting with /")

    def deco(handler: Handler) -> Handler:
        key = (method, _normalise(PREFIX + path))
        if key in _ROUTES and _ROUTES[key].handler is not handler:
            raise InfraError.internal(f"route {method} {key[1]} registered twice")
        _ROUTES[key] = Route(method, key[1], summary, handler)
        return handler

    return deco


def routes() -> list[Route]:
    """Every registered route, sorted by path."""
    return sorted(_ROUTES.values(), key=lambda r: (r.path, r.method))


@route("GET", "/", "This list.")
def _index(req: Request) -> JSONValue:
    return {"service": "llm-infra edge worker (Python)", "runtime": "workerd-pyodide",
            "routes": [{"method": r.method, "path": r.path, "summary": r.summary} for r in routes()]}


@route("POST", "/conformance/run", "Run vector files ({files: [{file, text}]}) with the Python conformance runner.")
def _conformance(req: Request) -> JSONValue:
    body = req.json()
    files = body.get("files") if isinstance(body, dict) else None
    if not isinstance(files, list):
        raise InfraError.validation("body.files must be an array of {file, text}", field="files")
    results: list[JSONValue] = []
    for i, f in enumerate(files):
        name = f.get("file") if isinstance(f, dict) else None
        text = f.get("text") if isinstance(f, dict) else None
        if not (isinstance(name, str) and isinstance(text, str)):
            raise InfraError.validation(f"body.files[{i}] must be {{file: string, text: string}}", field=f"files[{i}]")
        results.append(run_text(text, name).to_dict("workerd-pyodide"))
    return {"runtime": "workerd-pyodide", "results": results}


def _has_float(value: object) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    return isinstance(value, list) and any(_has_float(v) for v in value)


def js_json(value: object) -> str:
    """``value`` as compact JSON printed the way ``JSON.stringify`` prints it.

    ``json.dumps(separators=(",", ":"), ensure_ascii=False)``, except that floats are ECMAScript
    numbers (``1.0`` → ``1``, ``1e-07`` → ``1e-7``): the TypeScript and Python routes then answer
    with the same bytes for the same JSON value.

        >>> js_json({"a": [1.0, 0.5, 1e-7, 2], "b": "ü"})
        '{"a":[1,0.5,1e-7,2],"b":"ü"}'
    """
    if not _has_float(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if isinstance(value, float):
        from llm_infra.json import format_number

        return format_number(value)
    if isinstance(value, list):
        return "[" + ",".join(js_json(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(str(k), ensure_ascii=False) + ":" + js_json(v) for k, v in value.items()) + "}"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _response(status: int, value: object) -> str:
    # compact, like JSON.stringify: the TypeScript and Python routes answer with the same bytes
    return json.dumps({"status": status, "body": js_json(value)})


def handle(request_json: str) -> str:
    """One request ``{method, path, query: [[k, v]...], body}`` → ``{status, body}`` (both as JSON text)."""
    req = json.loads(request_json)
    path = _normalise(req["path"])
    hit = _ROUTES.get((req["method"], path))
    try:
        if hit is None:
            allowed = sorted(m for (m, p) in _ROUTES if p == path)
            if allowed:
                err = InfraError.validation(f"{req['method']} is not allowed on {path} (allowed: {', '.join(allowed)})",
                                            field="method")
                return _response(405, {"error": err.to_dict()})
            raise InfraError.not_found(f"no route {req['method']} {path}", path=path)
        value = hit.handler(Request(req["method"], path, [(k, v) for k, v in req["query"]], req["body"]))
        return _response(200, value)
    except Exception as exc:  # noqa: BLE001 -- every failure becomes an HTTP answer, never a dead worker
        err = InfraError.from_exception(exc)
        return _response(STATUS_OF_KIND[err.kind], {"error": err.to_dict()})
