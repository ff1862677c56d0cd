"""Configuration sources: what each kind reads and how its text becomes one JSON object (a layer).

Every source yields a JSON object that is applied to the layers below it as an RFC 7396 merge
patch. Parsing problems are ``InfraError(config)`` whose message and context name the source
(its file path or label) and, where the parser reports one, the line and column (1-based; the
column counts characters). Values JSON cannot carry are refused, naming their path, so that
Python and TypeScript see the same documents: TOML date-times, ``inf``/``nan``, and integers
beyond ±(2^53 − 1).
"""

from __future__ import annotations

import datetime
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._json_types import JSONObject
from ..errors import ErrorKind, InfraError
from ..json import FORBIDDEN_NAMES, MAX_DEPTH, clone, parse
from ._env import env_document
from ._text import MAX_SAFE_INTEGER, fmt_path, quote, unsafe_integer_literal

__all__ = ["Source", "load_text", "to_config_document"]

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)$")
_TOML_END = "(at end of document)"
_JSON_POS = re.compile(r"^invalid JSON at line (\d+) column (\d+): ")


@dataclass(slots=True)
class Source:
    """One layer: a label for ``explain``, its priority and how to produce its JSON object.

    ``load`` returns the layer's object, or ``None`` when an optional file is missing (no layer).
    """

    kind: str
    label: str
    load: Callable[[], JSONObject | None]
    priority: float = 0.0
    order: int = 0
    meta: dict[str, Any] = field(default_factory=dict)


def _fail(label: str, problem: str, **context: object) -> InfraError:
    return InfraError(
        ErrorKind.CONFIG, f"config source {quote(label)}: {problem}", context={"source": label, **context}
    )


def _end_position(text: str) -> tuple[int, int]:
    last = text.rfind("\n")
    return text.count("\n") + 1, len(text) - last


_TOO_BIG = "a value is too large or nested too deeply to read"


def load_text(fmt: str, text: str, label: str) -> JSONObject:
    """Parse ``text`` in format ``fmt`` (json, toml, yaml) into a config object for source ``label``."""
    if not isinstance(text, str):
        raise _fail(label, f"{fmt} text must be a string, got {type(text).__name__}")
    if fmt == "json":
        try:
            doc: object = parse(text)
        except InfraError as exc:
            m = _JSON_POS.match(exc.message)
            if m is None:
                detail = exc.message.removeprefix("invalid JSON: ")
                raise _fail(label, f"invalid JSON: {detail}", format="json") from None
            line, column = int(m.group(1)), int(m.group(2))
            raise _fail(
                label,
                f"invalid JSON at line {line} column {column}: {exc.message[m.end() :]}",
                format="json",
                line=line,
                column=column,
            ) from None
        big = unsafe_integer_literal(text)
        if big is not None:
            raise _fail(label, f"the integer {big[:40]} is beyond ±(2^53 - 1)", format="json")
        return to_config_document(doc, label, checked=True)
    if fmt == "toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            msg = str(exc).splitlines()[0] if str(exc) else "invalid TOML"
            pm = _TOML_POS.search(msg)
            if pm is not None:
                line, column = int(pm.group(1)), int(pm.group(2))
                detail = msg[: pm.start()].rstrip()
            elif msg.endswith(_TOML_END):
                line, column = _end_position(text)
                detail = msg[: -len(_TOML_END)].rstrip()
            else:
                raise _fail(label, f"invalid TOML: {msg}", format="toml") from None
            raise _fail(
                label, f"invalid TOML at line {line} column {column}: {detail}", format="toml", line=line, column=column
            ) from None
        except (ValueError, RecursionError):  # an integer past int()'s digit limit, or nesting past the stack
            raise _fail(label, f"invalid TOML: {_TOO_BIG}", format="toml") from None
        # tomllib builds fresh plain dicts/lists/scalars; _check refuses its datetimes and big ints.
        return to_config_document(data, label, checked=True)
    if fmt == "yaml":
        try:
            import yaml  # type: ignore[import-untyped]
        except ImportError:
            raise _fail(label, "YAML needs the PyYAML package, which is not installed", format="yaml") from None
        try:
            ydata = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            if mark is not None:
                line, column = mark.line + 1, mark.column + 1
                raise _fail(
                    label,
                    f"invalid YAML at line {line} column {column}: {problem}",
                    format="yaml",
                    line=line,
                    column=column,
                ) from None
            raise _fail(label, f"invalid YAML: {problem}", format="yaml") from None
        except (ValueError, RecursionError):
            raise _fail(label, f"invalid YAML: {_TOO_BIG}", format="yaml") from None
        return to_config_document({} if ydata is None else ydata, label)
    raise InfraError.config(f"unknown config format {quote(str(fmt))} (json, toml, yaml)", format=str(fmt))


def to_config_document(value: object, label: str, *, checked: bool = False) -> JSONObject:
    """``value`` as an owned JSON object, or ``InfraError(config)`` naming the source and the path.

    ``checked`` says ``value`` is already a fresh value of plain types (the strict JSON parser's or
    tomllib's output): it is still checked, but not copied.
    """
    if not isinstance(value, dict):
        raise _fail(label, f"the top level must be an object (a table), got {_kind(value)}")
    _check(value, label, [])
    if not checked:
        try:
            value = clone(value)
        except InfraError as exc:
            raise _fail(label, exc.message) from None
    return value  # type: ignore[return-value]


def _kind(value: object) -> str:
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


def _check(value: object, label: str, path: list[str]) -> None:
    """Refuse what JSON cannot carry identically in both languages, naming the path."""
    stack: list[tuple[object, list[str]]] = [(value, path)]
    while stack:
        v, p = stack.pop()
        if len(p) > MAX_DEPTH:
            raise _fail(label, f"value nested deeper than {MAX_DEPTH} levels at {fmt_path(p[:MAX_DEPTH])}")
        if isinstance(v, dict):
            for k, x in v.items():
                if not isinstance(k, str):
                    raise _fail(label, f"key {k!r} at {fmt_path(p)} is not a string", path=fmt_path(p))
                if k in FORBIDDEN_NAMES:
                    raise _fail(label, f"member name {quote(k)} is not allowed (at {fmt_path([*p, k])})")
                stack.append((x, [*p, k]))
        elif isinstance(v, list):
            stack.extend((x, [*p, str(i)]) for i, x in enumerate(v))
        elif isinstance(v, bool) or v is None or isinstance(v, str):
            continue
        elif isinstance(v, int):
            if abs(v) > MAX_SAFE_INTEGER:
                raise _fail(label, f"integer at {fmt_path(p)} is beyond ±(2^53 - 1)", path=fmt_path(p))
        elif isinstance(v, float):
            if not math.isfinite(v):
                raise _fail(label, f"number at {fmt_path(p)} is not finite", path=fmt_path(p))
        elif isinstance(v, (datetime.date, datetime.time)):
            raise _fail(
                label, f"date/time value at {fmt_path(p)} is not supported (quote it as a string)", path=fmt_path(p)
            )
        else:
            raise _fail(label, f"value at {fmt_path(p)} is a {type(v).__name__}, not a JSON value", path=fmt_path(p))


def format_of(path: str) -> str:
    """The format a file name implies (``.json``, ``.toml``, ``.yaml``/``.yml``)."""
    suffix = Path(path).suffix.lower()
    fmt = {".json": "json", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}.get(suffix)
    if fmt is None:
        raise InfraError.config(
            f"config file {quote(path)}: cannot tell the format from the name (give format=json|toml|yaml)",
            source=path,
        )
    return fmt


def file_loader(
    path: str | os.PathLike[str], fmt: str | None, required: bool
) -> tuple[str, Callable[[], JSONObject | None]]:
    """The label and the loader of a file source (the file is read only when the loader runs)."""
    name = os.fspath(path)
    the_fmt = fmt if fmt is not None else format_of(name)

    def load() -> JSONObject | None:
        try:
            raw = Path(name).read_bytes()
        except FileNotFoundError:
            if required:
                raise InfraError.config(f"config file {quote(name)} not found", source=name) from None
            return None
        except OSError as exc:
            raise InfraError.config(f"config file {quote(name)} cannot be read: {exc.strerror}", source=name) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InfraError.config(f"config file {quote(name)} is not UTF-8 (byte {exc.start})", source=name) from None
        return load_text(the_fmt, text, name)

    return name, load


def env_loader(
    prefix: str, separator: str, variables: Mapping[str, str] | None, label: str
) -> Callable[[], JSONObject]:
    """The loader of an env source: ``variables``, or ``os.environ`` read when the loader runs."""

    def load() -> JSONObject:
        doc = env_document(os.environ if variables is None else variables, prefix, separator)
        return to_config_document(doc, label, checked=True)

    return load
