"""JSON equality as the vector format defines it, and a short description of a difference."""

from __future__ import annotations

import json
import math

from ..errors import InfraError

__all__ = ["dump_json", "json_equal"]


def json_equal(a: object, b: object) -> bool:
    """Exact JSON equality: same keys, same values; ``1 == 1.0``; ``true`` never equals ``1``.

        >>> json_equal({"a": [1, 2.0]}, {"a": [1.0, 2]}), json_equal(True, 1), json_equal({}, [])
        (True, False, False)
    """
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if (isinstance(a, float) and not math.isfinite(a)) or (isinstance(b, float) and not math.isfinite(b)):
            return False
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=False))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    return False


def dump_json(value: object, limit: int = 600) -> str:
    """Compact, key-sorted JSON for failure messages, cut to ``limit`` characters."""
    try:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        text = f"<not JSON: {InfraError.from_exception(exc).message}> {value!r}"
    return text if len(text) <= limit else text[: limit - 1] + "…"
