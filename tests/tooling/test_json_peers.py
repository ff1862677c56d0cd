"""json against the well-known Python peers (jsonpatch, jsonpointer, json_merge_patch), CPython only.

The core tests run in Pyodide too, where these peers are not installed; they live here so nothing
is skipped anywhere.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import json_merge_patch
import jsonpatch
import jsonpointer

from llm_infra.errors import InfraError
from llm_infra.json import apply_patch, diff, json_equal, merge_patch_apply, pointer_get
from tests.tooling.test_json_cross_runtime import _near, _random_value


def _pointers(doc: Any, prefix: str = "") -> list[str]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _pointers(v, prefix + "/" + k.replace("~", "~0").replace("/", "~1"))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _pointers(v, f"{prefix}/{i}")
    return out


def _reserved(p: str) -> bool:
    return any(t in ("__proto__", "constructor", "prototype") for t in p.split("/"))


def test_pointer_get_agrees_with_jsonpointer() -> None:
    rng = random.Random(1)
    for _ in range(500):
        doc = _random_value(rng)
        for p in _pointers(doc):
            if not _reserved(p):
                assert json_equal(pointer_get(doc, p), jsonpointer.resolve_pointer(doc, p))


def test_diff_patches_apply_with_jsonpatch_and_are_no_larger_than_make_patch() -> None:
    rng = random.Random(2)
    ours_bytes = theirs_bytes = ours_ops = theirs_ops = 0
    for i in range(1500):
        a = _random_value(rng)
        b = _near(rng, a) if i % 5 else _random_value(rng)
        patch = diff(a, b)
        assert json_equal(jsonpatch.apply_patch(copy.deepcopy(a), patch), b)
        theirs = jsonpatch.make_patch(a, b).patch
        ours_bytes += len(json.dumps(patch, separators=(",", ":")))
        theirs_bytes += len(json.dumps(theirs, separators=(",", ":")))
        ours_ops += len(patch)
        theirs_ops += len(theirs)
    assert ours_bytes <= theirs_bytes, (ours_bytes, theirs_bytes)
    assert ours_ops <= theirs_ops * 1.05, (ours_ops, theirs_ops)


def test_apply_agrees_with_jsonpatch_on_its_own_patches() -> None:
    rng = random.Random(3)
    for i in range(1500):
        a = _random_value(rng)
        b = _near(rng, a) if i % 5 else _random_value(rng)
        theirs = jsonpatch.make_patch(a, b).patch  # patches we did not write: moves, copies, other orders
        if any(_reserved(op["path"]) or _reserved(op.get("from", "")) for op in theirs):
            continue
        try:
            expected = jsonpatch.apply_patch(copy.deepcopy(a), theirs)
        except jsonpatch.JsonPatchException:
            continue  # make_patch occasionally emits patches its own apply rejects
        assert json_equal(apply_patch(a, theirs), expected)


def test_merge_apply_agrees_with_json_merge_patch() -> None:
    rng = random.Random(4)
    checked = 0
    for _ in range(1500):
        target = {"k": _random_value(rng), "j": _random_value(rng), "n": None}
        patch = {"k": _random_value(rng), rng.choice(["j", "n", "z"]): rng.choice([None, 1, {"x": None}])}
        try:
            ours = merge_patch_apply(target, patch)
        except InfraError as exc:
            assert "reserved" in exc.message
            continue
        assert json_equal(ours, json_merge_patch.merge(copy.deepcopy(target), copy.deepcopy(patch)))
        checked += 1
    assert checked > 1000
