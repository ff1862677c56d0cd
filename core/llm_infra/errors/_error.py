"""``InfraError``: the one exception type every llm-infra API raises.

An error carries a :class:`ErrorKind`, a human-readable message, a JSON-safe context
(``key -> JSON value``), a ``retryable`` flag and an optional cause chain. Its JSON form is
identical in Python and TypeScript, so an error can cross a process or language boundary
and come back unchanged::

    {"kind": "validation", "message": "port out of range", "retryable": false,
     "context": {"field": "db.port"}, "cause": null}

Keys always appear in that order; ``context`` is ``{}`` and ``cause`` is ``null`` when absent.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, NoReturn

from .._json_types import JSONObject, JSONValue
from ._kinds import ErrorKind

__all__ = ["MAX_CAUSE_DEPTH", "InfraError"]

#: Causes deeper than this are cut from the JSON form (and rejected by ``from_dict``),
#: so a cyclic or pathological chain can never recurse without bound.
MAX_CAUSE_DEPTH = 32

# HTTP statuses that are worth retrying by default (RFC 9110 semantics + 429 rate limiting).
_RETRYABLE_HTTP = frozenset({408, 425, 429, 500, 502, 503, 504})
_JSON_KEYS = ("kind", "message", "retryable", "context", "cause")
_KIND_VALUES = frozenset(k.value for k in ErrorKind)


def _default_retryable(kind: ErrorKind, context: Mapping[str, JSONValue]) -> bool:
    if kind is ErrorKind.TIMEOUT:
        return True
    if kind is ErrorKind.HTTP:
        status = context.get("status")
        return isinstance(status, int) and not isinstance(status, bool) and status in _RETRYABLE_HTTP
    return False


def _json_safe(value: object, depth: int = 0) -> JSONValue:
    """Coerce a context value to JSON; anything JSON cannot carry becomes its ``str()``."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if depth < 16:
        if isinstance(value, Mapping):
            return {str(k): _json_safe(v, depth + 1) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [_json_safe(v, depth + 1) for v in value]
    return str(value)


class InfraError(Exception):
    """An infrastructure failure with a kind, a message, JSON context and a retry hint.

    Build one with the per-kind constructors; keyword arguments become the context::

        >>> err = InfraError.validation("port out of range", field="db.port")
        >>> err.kind, err.context, err.retryable
        (<ErrorKind.VALIDATION: 'validation'>, {'field': 'db.port'}, False)
        >>> InfraError.from_dict(err.to_dict()).to_dict() == err.to_dict()
        True
        >>> InfraError.timeout("upstream too slow").retryable
        True
    """

    kind: ErrorKind
    message: str
    context: JSONObject
    retryable: bool

    def __init__(
        self,
        kind: ErrorKind | str,
        message: str,
        *,
        context: Mapping[str, object] | None = None,
        retryable: bool | None = None,
        cause: BaseException | None = None,
    ) -> None:
        try:
            kind = ErrorKind(kind)
        except ValueError:
            raise InfraError(
                ErrorKind.VALIDATION, f"unknown error kind {kind!r}", context={"field": "kind"}
            ) from None
        super().__init__(message)
        self.kind = kind
        self.message = str(message)
        self.context = {str(k): _json_safe(v) for k, v in (context or {}).items()}
        self.retryable = _default_retryable(kind, self.context) if retryable is None else bool(retryable)
        if cause is not None:
            self.__cause__ = cause

    # -- per-kind constructors -------------------------------------------------------------

    @classmethod
    def _make(
        cls, kind: ErrorKind, message: str, cause: BaseException | None, retryable: bool | None,
        context: Mapping[str, object],
    ) -> InfraError:
        return cls(kind, message, context=context, retryable=retryable, cause=cause)

    @classmethod
    def config(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
               **context: object) -> InfraError:
        """A configuration source or value is wrong (``ErrorKind.CONFIG``)."""
        return cls._make(ErrorKind.CONFIG, message, cause, retryable, context)

    @classmethod
    def validation(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
                   **context: object) -> InfraError:
        """An input failed validation (``ErrorKind.VALIDATION``); name the ``field``."""
        return cls._make(ErrorKind.VALIDATION, message, cause, retryable, context)

    @classmethod
    def io(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
           **context: object) -> InfraError:
        """A file, socket or other I/O operation failed (``ErrorKind.IO``)."""
        return cls._make(ErrorKind.IO, message, cause, retryable, context)

    @classmethod
    def http(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
             **context: object) -> InfraError:
        """An HTTP exchange failed; ``status`` 408/425/429/5xx-gateway defaults to retryable."""
        return cls._make(ErrorKind.HTTP, message, cause, retryable, context)

    @classmethod
    def auth(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
             **context: object) -> InfraError:
        """Authentication or authorization failed (``ErrorKind.AUTH``)."""
        return cls._make(ErrorKind.AUTH, message, cause, retryable, context)

    @classmethod
    def external(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
                 **context: object) -> InfraError:
        """A third-party service misbehaved (``ErrorKind.EXTERNAL``)."""
        return cls._make(ErrorKind.EXTERNAL, message, cause, retryable, context)

    @classmethod
    def crypto(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
               **context: object) -> InfraError:
        """A cryptographic check failed or a key is unusable (``ErrorKind.CRYPTO``)."""
        return cls._make(ErrorKind.CRYPTO, message, cause, retryable, context)

    @classmethod
    def serialization(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
                      **context: object) -> InfraError:
        """Data could not be encoded or decoded (``ErrorKind.SERIALIZATION``)."""
        return cls._make(ErrorKind.SERIALIZATION, message, cause, retryable, context)

    @classmethod
    def message_queue(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
                      **context: object) -> InfraError:
        """A message-queue operation failed (``ErrorKind.MESSAGE_QUEUE``)."""
        return cls._make(ErrorKind.MESSAGE_QUEUE, message, cause, retryable, context)

    @classmethod
    def vector(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
               **context: object) -> InfraError:
        """A vector-store operation failed (``ErrorKind.VECTOR``)."""
        return cls._make(ErrorKind.VECTOR, message, cause, retryable, context)

    @classmethod
    def schema(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
               **context: object) -> InfraError:
        """A document does not match its JSON Schema (``ErrorKind.SCHEMA``)."""
        return cls._make(ErrorKind.SCHEMA, message, cause, retryable, context)

    @classmethod
    def timeout(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
                **context: object) -> InfraError:
        """An operation ran out of time; retryable by default (``ErrorKind.TIMEOUT``)."""
        return cls._make(ErrorKind.TIMEOUT, message, cause, retryable, context)

    @classmethod
    def not_found(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
                  **context: object) -> InfraError:
        """A named thing does not exist (``ErrorKind.NOT_FOUND``)."""
        return cls._make(ErrorKind.NOT_FOUND, message, cause, retryable, context)

    @classmethod
    def internal(cls, message: str, /, *, cause: BaseException | None = None, retryable: bool | None = None,
                 **context: object) -> InfraError:
        """A bug or an unexpected state inside llm-infra (``ErrorKind.INTERNAL``)."""
        return cls._make(ErrorKind.INTERNAL, message, cause, retryable, context)

    # -- conversion ------------------------------------------------------------------------

    @classmethod
    def from_exception(cls, exc: BaseException, *, message: str | None = None) -> InfraError:
        """Convert any exception to an ``InfraError`` (an ``InfraError`` is returned as is).

        ``TimeoutError`` → timeout (retryable), ``json.JSONDecodeError``/``UnicodeError`` →
        serialization, ``ConnectionError`` → io (retryable), other ``OSError`` → io,
        ``LookupError`` → not_found, ``ValueError``/``TypeError`` → validation, anything
        else → internal. The original exception becomes the cause.

            >>> InfraError.from_exception(FileNotFoundError(2, "No such file", "a.toml")).context
            {'exception': 'FileNotFoundError', 'errno': 2, 'path': 'a.toml'}
        """
        if isinstance(exc, InfraError):
            return exc
        text = message if message is not None else (f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
        context: dict[str, object] = {"exception": type(exc).__name__}
        kind: ErrorKind
        retryable: bool | None = None
        if isinstance(exc, TimeoutError):
            kind = ErrorKind.TIMEOUT
        elif isinstance(exc, json.JSONDecodeError):
            kind = ErrorKind.SERIALIZATION
            context.update(line=exc.lineno, column=exc.colno, position=exc.pos)
        elif isinstance(exc, UnicodeError):
            kind = ErrorKind.SERIALIZATION
        elif isinstance(exc, OSError):
            kind = ErrorKind.IO
            retryable = isinstance(exc, (ConnectionError, InterruptedError, BlockingIOError))
            if exc.errno is not None:
                context["errno"] = exc.errno
            if exc.filename is not None:
                context["path"] = str(exc.filename)
        elif isinstance(exc, LookupError):
            kind = ErrorKind.NOT_FOUND
        elif isinstance(exc, (ValueError, TypeError)):
            kind = ErrorKind.VALIDATION
        else:
            kind = ErrorKind.INTERNAL
        return cls(kind, text, context=context, retryable=retryable, cause=exc)

    # -- JSON form -------------------------------------------------------------------------

    @property
    def cause(self) -> BaseException | None:
        """The exception this one was raised from (``__cause__``), if any."""
        return self.__cause__

    def with_context(self, **context: object) -> InfraError:
        """A copy of this error with ``context`` merged over the existing context."""
        merged: dict[str, object] = dict(self.context)
        merged.update(context)
        return type(self)(self.kind, self.message, context=merged, retryable=self.retryable, cause=self.__cause__)

    def to_dict(self) -> JSONObject:
        """The JSON form: ``{kind, message, retryable, context, cause}`` in that key order."""
        return self._to_dict(0)

    def _to_dict(self, depth: int) -> JSONObject:
        return {
            "kind": self.kind.value,
            "message": self.message,
            "retryable": self.retryable,
            "context": dict(self.context),
            "cause": _cause_to_dict(self.__cause__, depth + 1),
        }

    def to_json(self) -> str:
        """``to_dict()`` as compact JSON text (the same bytes ``JSON.stringify(err)`` gives in TS)."""
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_dict(cls, data: object) -> InfraError:
        """Rebuild an error from its JSON form; malformed input raises ``InfraError(serialization)``.

        ``retryable`` (default: the kind's default), ``context`` (default ``{}``) and ``cause``
        (default ``null``) may be omitted; unknown keys are rejected so nothing is silently lost.
        """
        return cls._from_dict(data, "$", 0)

    @classmethod
    def from_json(cls, text: str | bytes) -> InfraError:
        """Parse ``to_json()`` output back into an error."""
        try:
            data = json.loads(text)
        except (ValueError, TypeError) as exc:
            raise InfraError.from_exception(exc, message=f"error JSON is not valid JSON: {exc}") from exc
        return cls.from_dict(data)

    @classmethod
    def _from_dict(cls, data: object, path: str, depth: int) -> InfraError:
        if depth >= MAX_CAUSE_DEPTH:
            _bad(path, f"cause chain deeper than {MAX_CAUSE_DEPTH}")
        if not isinstance(data, dict):
            _bad(path, f"expected an object, got {_json_type(data)}")
        unknown = [k for k in data if k not in _JSON_KEYS]
        if unknown:
            _bad(f"{path}.{unknown[0]}", "unknown key in error JSON")
        kind = data.get("kind")
        if not isinstance(kind, str) or kind not in _KIND_VALUES:
            _bad(f"{path}.kind", f"expected one of {', '.join(k.value for k in ErrorKind)}, got {kind!r}")
        message = data.get("message")
        if not isinstance(message, str):
            _bad(f"{path}.message", f"expected a string, got {_json_type(message)}")
        retryable = data.get("retryable")
        if retryable is not None and not isinstance(retryable, bool):
            _bad(f"{path}.retryable", f"expected a boolean, got {_json_type(retryable)}")
        context = data.get("context")
        if context is None:
            context = {}
        elif not isinstance(context, dict):
            _bad(f"{path}.context", f"expected an object, got {_json_type(context)}")
        cause_data = data.get("cause")
        cause = None if cause_data is None else cls._from_dict(cause_data, f"{path}.cause", depth + 1)
        return cls(kind, message, context=context, retryable=retryable, cause=cause)

    # -- dunder ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        ctx = f", context={self.context!r}" if self.context else ""
        return f"InfraError(kind={self.kind.value!r}, message={self.message!r}{ctx}, retryable={self.retryable})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (InfraError.from_dict, (self.to_dict(),))


def _cause_to_dict(cause: BaseException | None, depth: int) -> JSONValue:
    if cause is None or depth >= MAX_CAUSE_DEPTH:
        return None
    if isinstance(cause, InfraError):
        return cause._to_dict(depth)
    # A foreign exception: described as its converted form, then followed by its own __cause__.
    described = InfraError.from_exception(cause)._to_dict(depth)
    described["cause"] = _cause_to_dict(cause.__cause__, depth + 1)
    return described


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _bad(path: str, problem: str) -> NoReturn:
    raise InfraError(ErrorKind.SERIALIZATION, f"invalid error JSON at {path}: {problem}", context={"path": path})
