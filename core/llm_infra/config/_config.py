"""``Config``: the resolved, validated configuration — dot-path access, typed getters, explain, typed loading."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime
import enum
import math
import re
import types
import typing
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from .._json_types import JSONObject, JSONValue
from ..errors import InfraError
from ..json import format_number, path_format, path_parse
from ._merge import Origins
from ._rules import violations_error
from ._text import MAX_SAFE_INTEGER, REDACTED, ascii_lower, json_type, quote

__all__ = ["DEFAULT_SECRET_KEYS", "Config", "SecretMatcher", "parse_duration"]

#: Key substrings (case-insensitive) whose values are secrets, redacted as ``***``.
DEFAULT_SECRET_KEYS = ("password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "credential")
_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})
_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_FLOAT_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DURATION_PART = re.compile(r"([0-9]+)(?:\.([0-9]{1,3}))?(ms|s|m|h|d)")
_UNIT_MS = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000}
_MISSING: Any = object()
T = TypeVar("T")


class SecretMatcher:
    """Decides whether a key names a secret: it contains one of the substrings (ASCII case-insensitive)."""

    __slots__ = ("keys",)

    def __init__(self, keys: Sequence[str] = DEFAULT_SECRET_KEYS) -> None:
        if isinstance(keys, str) or not all(isinstance(k, str) and k for k in keys):
            raise InfraError.config("secret keys must be a list of non-empty strings", field="secret_keys")
        self.keys = tuple(ascii_lower(k) for k in keys)

    def key(self, key: str) -> bool:
        low = ascii_lower(key)
        return any(k in low for k in self.keys)

    def path(self, tokens: Sequence[str]) -> bool:
        return any(self.key(t) for t in tokens)

    def redact(self, value: Any) -> Any:
        if type(value) is dict:
            return {k: REDACTED if self.key(k) else self.redact(v) for k, v in value.items()}
        if type(value) is list:
            return [self.redact(v) for v in value]
        return value


def _not_set(path: str) -> InfraError:
    return InfraError.config(f"config value {quote(path)} is not set", path=path)


def _bad_value(path: str, want: str, value: object, secret: bool) -> InfraError:
    shown = REDACTED if secret else _show(value)  # callers pass the value with nested secrets redacted
    return InfraError.config(f"config value {quote(path)} must be {want}, got {json_type(value)} {shown}", path=path)


def _show(value: object) -> str:
    from ._text import fmt_value

    return fmt_value(value)


def parse_duration(value: object, path: str = "value", *, redact: bool = False) -> int:
    """Milliseconds of a duration: a number of seconds, or text like ``1h30m``, ``250ms``, ``1.5s``.

    Units ``ms s m h d``; parts may repeat in any order; up to three decimals per part; the
    result is rounded half up to whole milliseconds and must be within 0..2^53 − 1. ``redact``
    shows the text as ``***`` in the error (the value of a secret key).

        >>> parse_duration("1h30m"), parse_duration(2.5), parse_duration("250ms")
        (5400000, 2500, 250)
    """
    if isinstance(value, bool):
        raise InfraError.config(f"config value {quote(path)} must be a duration, got boolean", path=path)
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or value < 0:
            raise InfraError.config(f"config value {quote(path)} must be a non-negative duration", path=path)
        ms = math.floor(value * 1000 + 0.5)
    elif isinstance(value, str):
        text = value
        if _FLOAT_TEXT.fullmatch(text) and not text.startswith(("+", "-")):
            return parse_duration(float(text), path, redact=redact)
        pos, total = 0, 0
        shown = REDACTED if redact else quote(value)
        if not text:
            raise InfraError.config(f"config value {quote(path)} is not a duration: {shown}", path=path)
        while pos < len(text):
            m = _DURATION_PART.match(text, pos)
            if m is None:
                raise InfraError.config(
                    f"config value {quote(path)} is not a duration: {shown} "
                    "(use e.g. 1h30m, 250ms, 30s, 2m, 1d)",
                    path=path,
                )
            whole, frac, unit = m.group(1), m.group(2) or "", m.group(3)
            scale = 10 ** len(frac)
            units = (int(whole) * scale + (int(frac) if frac else 0)) * _UNIT_MS[unit]
            total += (2 * units + scale) // (2 * scale)  # round half up, exactly
            pos = m.end()
        ms = total
    else:
        raise InfraError.config(f"config value {quote(path)} must be a duration, got {json_type(value)}", path=path)
    if ms > MAX_SAFE_INTEGER:
        raise InfraError.config(f"config value {quote(path)} is a duration beyond 2^53 - 1 ms", path=path)
    return int(ms)


class Config:
    """A resolved configuration: read values by dot path, typed, explained and redacted.

    >>> from llm_infra.config import ConfigBuilder
    >>> cfg = (ConfigBuilder().add_defaults({"db": {"port": 5432, "password": "x"}})
    ...        .add_env(prefix="APP_", vars={"APP_DB__PORT": "6543", "APP_DEBUG": "yes"}).build())
    >>> cfg.get_int("db.port"), cfg.get_bool("debug"), cfg.explain("db.port")
    (6543, True, 'env:APP_')
    >>> cfg.to_dict(redact=True)
    {'db': {'port': 6543, 'password': '***'}, 'debug': 'yes'}
    """

    __slots__ = ("_data", "_labels", "_origin_map", "_secrets")

    def __init__(
        self, data: JSONObject, origins: Origins | Callable[[], Origins], labels: Sequence[str], secrets: SecretMatcher
    ) -> None:
        self._data = data
        self._origin_map = origins
        self._labels = tuple(labels)
        self._secrets = secrets

    @property
    def _origins(self) -> Origins:
        """Where each path came from (worked out on the first ``explain``: builds need not pay for it)."""
        if callable(self._origin_map):
            self._origin_map = self._origin_map()
        return self._origin_map

    # -- access ------------------------------------------------------------------------------

    def _lookup(self, path: str) -> Any:
        node: Any = self._data
        for t in path_parse(path):
            if type(node) is dict:
                if t not in node:
                    return _MISSING
                node = node[t]
            elif type(node) is list:
                if not (t.isdigit() and t.isascii() and (t == "0" or t[0] != "0")) or int(t) >= len(node):
                    return _MISSING
                node = node[int(t)]
            else:
                return _MISSING
        return node

    @staticmethod
    def _fallback(path: str, default: Any) -> Any:
        """What a getter returns for a missing ``path``: ``default`` as given (not converted), else an error."""
        if default is _MISSING:
            raise _not_set(path)
        return default

    def _value(self, path: str, default: Any) -> Any:
        value = self._lookup(path)
        if value is _MISSING:
            if default is _MISSING:
                raise _not_set(path)
            return default
        return value

    def _secret(self, path: str) -> bool:
        return self._secrets.path(path_parse(path))

    def _bad(self, path: str, want: str, value: object) -> InfraError:
        return _bad_value(path, want, self._secrets.redact(value), self._secret(path))

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._lookup(path) is not _MISSING

    def get(self, path: str, default: Any = _MISSING) -> Any:
        """The value at ``path`` (a copy); ``default`` when missing, else ``InfraError(config)``."""
        value = self._value(path, default)
        return copy.deepcopy(value) if isinstance(value, (dict, list)) else value

    def get_int(self, path: str, default: Any = _MISSING) -> int:
        """An integer: a JSON integer (``8080.0`` too) or integer text (``"8080"``); booleans are refused."""
        value = self._lookup(path)
        if value is _MISSING:
            return self._fallback(path, default)  # type: ignore[no-any-return]
        if isinstance(value, bool):
            raise self._bad(path, "an integer", value)
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INT_TEXT.fullmatch(value) and abs(int(value)) <= MAX_SAFE_INTEGER:
            return int(value)
        raise self._bad(path, "an integer", value)

    def get_float(self, path: str, default: Any = _MISSING) -> float:
        """A number: a JSON number or decimal text (``"0.5"``, ``"1e3"``); booleans are refused."""
        value = self._lookup(path)
        if value is _MISSING:
            return self._fallback(path, default)  # type: ignore[no-any-return]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str) and _FLOAT_TEXT.fullmatch(value) and math.isfinite(float(value)):
            return float(value)
        raise self._bad(path, "a number", value)

    def get_bool(self, path: str, default: Any = _MISSING) -> bool:
        """A boolean: JSON ``true``/``false``, or (any case) ``true yes on 1`` / ``false no off 0``; 1 and 0 too."""
        value = self._lookup(path)
        if value is _MISSING:
            return self._fallback(path, default)  # type: ignore[no-any-return]
        if isinstance(value, bool):
            return value
        text: str | None = None
        if isinstance(value, str):
            text = value
        elif isinstance(value, (int, float)) and value in (0, 1):
            text = "1" if value == 1 else "0"
        if text is not None:
            low = ascii_lower(text)
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
        raise self._bad(path, "a boolean (true/yes/on/1 or false/no/off/0)", value)

    def get_str(self, path: str, default: Any = _MISSING) -> str:
        """A string; numbers and booleans are given in their JSON spelling (``8080`` → ``"8080"``)."""
        value = self._lookup(path)
        if value is _MISSING:
            return self._fallback(path, default)  # type: ignore[no-any-return]
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return format_number(value)
        raise self._bad(path, "a string", value)

    def get_duration(self, path: str, default: Any = _MISSING) -> int:
        """A duration in milliseconds (see :func:`parse_duration`): ``"1h30m"`` → 5400000, ``30`` → 30000."""
        value = self._lookup(path)
        if value is _MISSING:
            return self._fallback(path, default)  # type: ignore[no-any-return]
        return parse_duration(value, path, redact=self._secret(path))

    def get_list(self, path: str, default: Any = _MISSING) -> list[JSONValue]:
        """An array (a copy), or a comma-separated string split into trimmed, non-empty items."""
        value = self._lookup(path)
        if value is _MISSING:
            return self._fallback(path, default)  # type: ignore[no-any-return]
        if isinstance(value, list):
            return copy.deepcopy(value)
        if isinstance(value, str):
            return [s.strip(" \t") for s in value.split(",") if s.strip(" \t")]
        raise self._bad(path, "an array or a comma-separated string", value)

    def section(self, path: str) -> Config:
        """The object at ``path`` as a ``Config`` of its own (origins and secret keys kept)."""
        tokens = tuple(path_parse(path))
        value = self._value(path, _MISSING)
        if type(value) is not dict:
            raise InfraError.config(
                f"config value {quote(path)} is not a section (an object), got {json_type(value)}", path=path
            )
        n = len(tokens)
        origins = {p[n:]: i for p, i in self._origins.items() if p[:n] == tokens and len(p) > n}
        return Config(value, origins, self._labels, self._secrets)

    # -- explain -----------------------------------------------------------------------------

    def explain(self, path: str) -> str:
        """The label of the source that set the value at ``path`` last (for an object: touched it last)."""
        tokens = tuple(path_parse(path))
        if not tokens:
            raise InfraError.validation("explain needs a non-empty path", field="path")
        if self._lookup(path) is _MISSING:
            raise _not_set(path)
        for i in range(len(tokens), 0, -1):
            idx = self._origins.get(tokens[:i])
            if idx is not None:
                return self._labels[idx]
        raise InfraError.internal(f"no origin recorded for {quote(path)}", path=path)

    def explain_all(self) -> dict[str, str]:
        """Every leaf value's dot path → the label of its source (arrays are leaves)."""
        out: dict[str, str] = {}
        stack: list[tuple[tuple[str, ...], Any]] = [((), self._data)]
        while stack:
            p, v = stack.pop()
            if type(v) is dict and (v or not p):
                stack.extend(((*p, k), x) for k, x in reversed(v.items()))
            else:
                out[path_format(list(p))] = self._labels[self._origins[p]]
        return out

    @property
    def sources(self) -> tuple[str, ...]:
        """The labels of the sources, lowest priority first."""
        return self._labels

    # -- export ------------------------------------------------------------------------------

    def to_dict(self, *, redact: bool = False) -> JSONObject:
        """A deep copy of the whole configuration; ``redact=True`` replaces secrets by ``***``."""
        return self._secrets.redact(self._data) if redact else copy.deepcopy(self._data)

    def __repr__(self) -> str:
        return f"Config({self._secrets.redact(self._data)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Config) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    # -- typed loading -----------------------------------------------------------------------

    def load(self, cls: type[T], path: str = "") -> T:
        """The object at ``path`` (default: everything) as an instance of the dataclass ``cls``.

        Fields are converted by their annotations: ``str int float bool`` (as the typed getters),
        ``datetime.timedelta`` (a duration), ``list[X]``, ``tuple[X, ...]``, ``dict[str, X]``,
        ``X | None``, unions (first that fits), ``Literal``, ``Enum`` (by value), nested dataclasses
        and ``msgspec.Struct`` classes (when msgspec is installed; recognised without importing it).
        Unknown keys are ignored; a missing field without a default, or a value that does not fit,
        is a violation, and all of them are raised together as one ``InfraError(config)``.
        """
        value = self._value(path, _MISSING) if path else self._data
        problems: list[JSONObject] = []
        result = _convert(value, cls, path_parse(path) if path else [], problems, self._secrets)
        if problems:
            raise violations_error(problems)
        return result  # type: ignore[no-any-return]


_FIELDS: weakref.WeakKeyDictionary[type, list[tuple[str, Any, bool]] | None] = weakref.WeakKeyDictionary()


def _fields(cls: type) -> list[tuple[str, Any, bool]] | None:
    """``(name, annotation, has_default)`` of a dataclass or msgspec Struct, else ``None`` (cached per class)."""
    try:
        return _FIELDS[cls]
    except (KeyError, TypeError):
        pass
    found = _read_fields(cls)
    with contextlib.suppress(TypeError):  # not weak-referenceable: just do not cache
        _FIELDS[cls] = found
    return found


def _read_fields(cls: type) -> list[tuple[str, Any, bool]] | None:
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        return [
            (
                f.name,
                hints.get(f.name, Any),
                f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING,
            )
            for f in dataclasses.fields(cls)
            if f.init
        ]
    names = getattr(cls, "__struct_fields__", None)
    if isinstance(names, tuple):
        hints = typing.get_type_hints(cls)
        n_defaults = len(getattr(cls, "__struct_defaults__", ()))
        first_default = len(names) - n_defaults
        return [(name, hints.get(name, Any), i >= first_default) for i, name in enumerate(names)]
    return None


def _convert(value: Any, hint: Any, path: list[str], problems: list[JSONObject], secrets: SecretMatcher) -> Any:
    # Fast path: a scalar that already has the field's type (the common case) needs no conversion.
    t = type(value)
    if t is hint and t in _EXACT:
        return value
    if hint is float and t is int:
        return float(value)

    where = path_format(path) if path else "(root)"

    def fail(want: str) -> None:
        shown = REDACTED if secrets.path(path) else _show(secrets.redact(value))
        problems.append(
            {"path": where, "rule": "type", "message": f"{where}: must be {want}, got {json_type(value)} {shown}"}
        )

    if hint is Any or hint is object:
        return copy.deepcopy(value)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        if value is None and type(None) in args:
            return None
        for a in args:
            if a is type(None):
                continue
            trial: list[JSONObject] = []
            out = _convert(value, a, path, trial, secrets)
            if not trial:
                return out
        fail(" or ".join(getattr(a, "__name__", str(a)) for a in args))
        return None
    if origin is typing.Literal:
        if any(value == a and type(value) is type(a) for a in args):
            return value
        fail("one of " + ", ".join(repr(a) for a in args))
        return None
    if origin in (list, Sequence, tuple) or hint in (list, tuple):
        if not isinstance(value, list):
            fail("an array")
            return None
        item = args[0] if args else Any
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(value):
                fail(f"an array of {len(args)} items")
                return None
            return tuple(
                _convert(v, a, [*path, str(i)], problems, secrets) for i, (v, a) in enumerate(zip(value, args, strict=True))  # noqa: E501
            )
        items = [_convert(v, item, [*path, str(i)], problems, secrets) for i, v in enumerate(value)]
        return tuple(items) if origin is tuple or hint is tuple else items
    if origin in (dict, Mapping) or hint is dict:
        if type(value) is not dict:
            fail("an object")
            return None
        item = args[1] if len(args) == 2 else Any
        return {k: _convert(v, item, [*path, k], problems, secrets) for k, v in value.items()}
    if isinstance(hint, type):
        fields = _fields(hint)
        if fields is not None:
            if type(value) is not dict:
                fail(f"an object ({hint.__name__})")
                return None
            kwargs: dict[str, Any] = {}
            for name, ann, has_default in fields:
                if name in value:
                    kwargs[name] = _convert(value[name], ann, [*path, name], problems, secrets)
                elif not has_default:
                    p = path_format([*path, name])
                    problems.append({"path": p, "rule": "required", "message": f"{p}: is required but not set"})
            if problems:
                return None
            try:
                return hint(**kwargs)
            except (TypeError, ValueError) as exc:
                problems.append({"path": where, "rule": "type", "message": f"{where}: {hint.__name__}: {exc}"})
                return None
        if issubclass(hint, enum.Enum):
            for member in hint:
                if member.value == value and type(member.value) is type(value):
                    return member
            fail("one of " + ", ".join(repr(m.value) for m in hint))
            return None
        getter = _SCALARS.get(hint)
        if getter is not None:
            try:
                return getter(Config({"v": value}, {}, (), secrets), "v")
            except InfraError:
                fail(_WANT[hint])
                return None
    problems.append({"path": where, "rule": "type", "message": f"{where}: unsupported field type {hint!r}"})
    return None


_SCALARS: dict[Any, Any] = {
    bool: Config.get_bool,
    int: Config.get_int,
    float: Config.get_float,
    str: Config.get_str,
    datetime.timedelta: lambda c, p: datetime.timedelta(milliseconds=c.get_duration(p)),
}
#: Field types whose values, when already of exactly that type, are taken as they are.
_EXACT = frozenset({bool, int, float, str})
_WANT = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", datetime.timedelta: "a duration"}
