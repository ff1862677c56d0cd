"""The json benchmark document: ~1,100 keys over 40 nested sections, and a copy with 50 changes.

Built from a xorshift32 stream so that ``benchmarks/ts/json.bench.mjs`` builds exactly the same
pair (same draws, same order): the patch sizes printed by both sides are for the same documents.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["count_keys", "documents"]

WORDS = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta", "lambda", "zeta"]


def _stream(seed: int) -> Any:
    state = seed & 0xFFFFFFFF or 1

    def draw(n: int) -> int:
        nonlocal state
        x = state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        state = x
        return x % n

    return draw


def documents(seed: int = 20260412) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(before, after)``: the document and the same document with 50 edits (no new nulls)."""
    r = _stream(seed)

    def scalar(nulls: bool = True) -> Any:
        c = r(6)
        if c == 4 and not nulls:
            c = 5
        if c == 0:
            return r(1_000_000)
        if c == 1:
            return f"{WORDS[r(10)]}-{r(1000)}"
        if c == 2:
            return r(100_000) / 64
        if c == 3:
            return r(2) == 1
        if c == 4:
            return None
        return WORDS[r(10)] * (1 + r(3))

    doc: dict[str, Any] = {}
    for s in range(40):
        section: dict[str, Any] = {}
        for k in range(16):
            c = r(10)
            if c < 6:
                v: Any = scalar()
            elif c < 8:
                v = [scalar() if r(2) else r(100) for _ in range(r(8))]
            else:
                v = {"id": r(10_000), "name": WORDS[r(10)], "enabled": r(2) == 1,
                     "tags": [WORDS[r(10)] for _ in range(r(4))]}
            section[f"{WORDS[k % 10]}_{k}"] = v
        doc[f"service_{s:02d}"] = section
    after = copy.deepcopy(doc)
    names = list(after)
    for i in range(50):
        sec = after[names[r(len(names))]]
        keys = list(sec)
        c = r(10)
        if c < 5:
            sec[keys[r(len(keys))]] = scalar(False)
        elif c < 7:
            sec[f"new_{i}"] = scalar(False)
        elif c < 8:
            del sec[keys[r(len(keys))]]
        else:
            arrays = [k for k in keys if isinstance(sec[k], list)]
            if arrays:
                arr = sec[arrays[r(len(arrays))]]
                at = 0 if r(2) else r(len(arr) + 1)
                arr.insert(at, scalar(False))
            else:
                sec[keys[r(len(keys))]] = [scalar(False)]
    return doc, after


def count_keys(v: Any) -> int:
    if isinstance(v, dict):
        return len(v) + sum(count_keys(x) for x in v.values())
    if isinstance(v, list):
        return sum(count_keys(x) for x in v)
    return 0
