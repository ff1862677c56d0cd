"""Validation rules: declared per path, checked after layering, every violation reported at once.

Rules (JSON shape in brackets, as ``ConfigBuilder.add_rules`` and the vectors take them):

- ``required`` — the path holds a value (``{"rule": "required", "path": "db.host"}``);
- ``type`` — one of string, integer, number, boolean, object, array, null; integers are numbers
  with an integral value (``8080.0`` is an integer), ``number`` accepts them too (``{"type": "integer"}``);
- ``range`` — a number within ``min``/``max`` inclusive (``{"min": 1, "max": 65535}``, either optional);
- ``length`` — a string's length in code points or an array's length within ``min``/``max``;
- ``pattern`` — a string that matches the portable regular expression completely (``_pattern``);
- ``enum`` (alias ``one_of``) — JSON-equal to one of ``values`` (``1 == 1.0``, ``true != 1``);
- ``custom`` — a predicate (Python callable / TS function) with its own message; not in vectors.

A rule other than ``required`` on a missing path is skipped. Violations come in rule-declaration
order, one per failing rule, as ``{"path", "rule", "message"}``; values in messages are canonical
JSON, and ``***`` when the path names a secret. A malformed rule is ``InfraError(config)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .._json_types import JSONObject, JSONValue
from ..errors import InfraError
from ..json import json_equal, path_parse
from ._pattern import compile_portable
from ._text import REDACTED, fmt_value, json_type, quote

__all__ = ["TYPES", "Rule", "Violation", "check_rules", "rule_from_json", "violations_error"]

#: The type names the ``type`` rule accepts.
TYPES = ("string", "integer", "number", "boolean", "object", "array", "null")
_KEYS = {
    "required": set(),
    "type": {"type"},
    "range": {"min", "max"},
    "length": {"min", "max"},
    "pattern": {"pattern"},
    "enum": {"values"},
    "one_of": {"values"},
}
_MISSING = object()


@dataclass(frozen=True, slots=True)
class Rule:
    """One declared rule: its name, the path it checks, its parameters (and, for custom, a predicate)."""

    rule: str
    path: str
    tokens: tuple[str, ...]
    params: tuple[Any, ...] = ()
    predicate: Callable[[Any], bool] | None = None
    message: str = ""


Violation = JSONObject


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _where(index: int, rule: str, path: str) -> str:
    return f"rules[{index}] ({rule} on {quote(path)})"


def make_rule(
    rule: str,
    path: str,
    params: dict[str, Any],
    index: int,
    predicate: Callable[[Any], bool] | None = None,
    message: str = "",
) -> Rule:
    """A checked :class:`Rule` (``index`` only names it in errors)."""
    if not isinstance(path, str):
        raise InfraError.config(f"rules[{index}]: path must be a string", field=f"rules[{index}].path")
    try:
        tokens = tuple(path_parse(path))
    except InfraError as exc:
        raise InfraError.config(f"{_where(index, rule, path)}: {exc.message}", field=f"rules[{index}].path") from None
    where = _where(index, rule, path)
    if rule == "required":
        return Rule("required", path, tokens)
    if rule == "type":
        t = params.get("type")
        if t not in TYPES:
            raise InfraError.config(f"{where}: type must be one of {', '.join(TYPES)}", field=f"rules[{index}].type")
        return Rule("type", path, tokens, (t,))
    if rule in ("range", "length"):
        lo, hi = params.get("min"), params.get("max")
        for name, b in (("min", lo), ("max", hi)):
            ok = b is None or (_number(b) if rule == "range" else (_number(b) and float(b).is_integer() and b >= 0))
            if not ok:
                what = "a number" if rule == "range" else "a non-negative integer"
                raise InfraError.config(f"{where}: {name} must be {what}", field=f"rules[{index}].{name}")
        if lo is None and hi is None:
            raise InfraError.config(f"{where}: give min, max or both", field=f"rules[{index}]")
        return Rule(rule, path, tokens, (lo, hi))
    if rule == "pattern":
        p = params.get("pattern")
        if not isinstance(p, str):
            raise InfraError.config(f"{where}: pattern must be a string", field=f"rules[{index}].pattern")
        try:
            compiled = compile_portable(p)
        except InfraError as exc:
            raise InfraError.config(f"{where}: {exc.message}", field=f"rules[{index}].pattern") from None
        return Rule("pattern", path, tokens, (p, compiled))
    if rule in ("enum", "one_of"):
        values = params.get("values")
        if not isinstance(values, list) or not values:
            raise InfraError.config(f"{where}: values must be a non-empty array", field=f"rules[{index}].values")
        return Rule("enum", path, tokens, (list(values),))
    if rule == "custom":
        if not callable(predicate):
            raise InfraError.config(f"{where}: the predicate must be callable", field=f"rules[{index}]")
        return Rule("custom", path, tokens, (), predicate, message or "failed a custom check")
    raise InfraError.config(
        f"rules[{index}]: unknown rule {quote(str(rule))} (required, type, range, length, pattern, enum, one_of)",
        field=f"rules[{index}].rule",
    )


def rule_from_json(spec: object, index: int) -> Rule:
    """The rule a JSON object such as ``{"rule": "range", "path": "db.port", "min": 1}`` declares."""
    if not isinstance(spec, dict):
        raise InfraError.config(f"rules[{index}] must be an object", field=f"rules[{index}]")
    rule, path = spec.get("rule"), spec.get("path")
    if not isinstance(rule, str) or rule not in _KEYS:
        raise InfraError.config(
            f"rules[{index}]: unknown rule {quote(str(rule))} (required, type, range, length, pattern, enum, one_of)",
            field=f"rules[{index}].rule",
        )
    extra = sorted(set(spec) - {"rule", "path"} - _KEYS[rule])
    if extra:
        raise InfraError.config(
            f"rules[{index}]: unknown key {quote(extra[0])} for rule {rule}", field=f"rules[{index}].{extra[0]}"
        )
    return make_rule(rule, path, spec, index)  # type: ignore[arg-type]


def _lookup(doc: object, tokens: tuple[str, ...]) -> Any:
    node = doc
    for t in tokens:
        if type(node) is dict:
            node = node.get(t, _MISSING)
            if node is _MISSING:
                return _MISSING
        elif type(node) is list:
            if not (t.isdigit() and t.isascii() and (t == "0" or t[0] != "0")) or int(t) >= len(node):
                return _MISSING
            node = node[int(t)]
        else:
            return _MISSING
    return node


def _length(v: str | list[Any]) -> int:
    return len(v)  # code points for str (no lone surrogates after strict parsing)


def _bounds(rule: Rule, value: float) -> str | None:
    """Which bound ``value`` breaks, as the message's tail (``None``: within bounds)."""
    lo, hi = rule.params
    if lo is not None and value < lo:
        return f"is below the minimum {fmt_value(lo)}"
    if hi is not None and value > hi:
        return f"is above the maximum {fmt_value(hi)}"
    return None


def check_rules(
    doc: JSONObject,
    rules: Sequence[Rule],
    is_secret: Callable[[Sequence[str]], bool],
    redact: Callable[[Any], Any] = lambda v: v,
) -> list[Violation]:
    """Every violation of ``rules`` in ``doc``, in declaration order.

    ``is_secret`` tells whether a path names a secret (its value is shown as ``***``), ``redact``
    replaces the secrets inside an object or array that a message shows.

    Messages (and the secret check that decides whether a value may be shown) are worked out
    only for the rules that fail: a passing rule costs a lookup and a comparison.
    """
    out: list[Violation] = []
    for rule in rules:
        value = _lookup(doc, rule.tokens)
        if value is _MISSING:
            if rule.rule == "required":
                out.append({"path": rule.path, "rule": "required", "message": f"{rule.path}: is required but not set"})
            continue
        problem: str | None = None
        kind = rule.rule
        if kind == "type":
            t = json_type(value)
            want = rule.params[0]
            if not (t == want or (want == "number" and t == "integer")):
                problem = f"must be of type {want}, got {t}"
        elif kind == "range":
            if not _number(value):
                problem = f"must be a number to check its range, got {json_type(value)}"
            else:
                broken = _bounds(rule, value)
                if broken is not None:
                    shown = REDACTED if is_secret(rule.tokens) else fmt_value(value)
                    problem = f"{shown} {broken}"
        elif kind == "length":
            if not isinstance(value, (str, list)):
                problem = f"must be a string or an array to check its length, got {json_type(value)}"
            else:
                broken = _bounds(rule, _length(value))
                if broken is not None:
                    problem = f"length {_length(value)} {broken}"
        elif kind == "pattern":
            if not isinstance(value, str):
                problem = f"must be a string to match a pattern, got {json_type(value)}"
            else:
                compiled: re.Pattern[str] = rule.params[1]
                if compiled.fullmatch(value) is None:
                    shown = REDACTED if is_secret(rule.tokens) else quote(value)
                    problem = f"{shown} does not match the pattern {quote(rule.params[0])}"
        elif kind == "enum":
            values: list[JSONValue] = rule.params[0]
            if not any(json_equal(value, v) for v in values):
                shown = REDACTED if is_secret(rule.tokens) else fmt_value(redact(value))
                problem = f"{shown} is not one of {fmt_value(values)}"
        elif kind == "custom":
            assert rule.predicate is not None
            try:
                ok = bool(rule.predicate(value))
            except InfraError:
                raise
            except Exception as exc:  # noqa: BLE001 -- a user predicate's failure is a violation, named
                ok = False
                problem = f"{rule.message} (the check raised {type(exc).__name__})"
            if not ok and problem is None:
                problem = rule.message
        if problem is not None:
            out.append({"path": rule.path, "rule": kind, "message": f"{rule.path}: {problem}"})
    return out


def violations_error(violations: list[Violation]) -> InfraError:
    """One ``InfraError(config)`` listing every violation (context ``{"violations": [...]}``)."""
    n = len(violations)
    head = f"invalid configuration ({n} violation{'s' if n != 1 else ''}): "
    return InfraError.config(head + "; ".join(str(v["message"]) for v in violations), violations=violations)
