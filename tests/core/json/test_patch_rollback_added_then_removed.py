"""Regression: an in-place patch that adds a key, removes it, then fails must roll back to the original.

Found by ``test_patch.py::test_atomic_in_both_modes`` (hypothesis): the key order of an object is
saved at its first removal, which may come after the patch added keys; the rollback then met a key
that no longer existed (Python: ``KeyError``; TypeScript: the key came back as ``undefined``).
"""

from __future__ import annotations

import pytest

from llm_infra.errors import InfraError
from llm_infra.json import apply_patch

PATCHES = [
    [{"op": "add", "path": "/", "value": None}, {"op": "remove", "path": "/"},
     {"op": "add", "path": "//", "value": None}],
    [{"op": "add", "path": "/x", "value": 1}, {"op": "remove", "path": "/a"}, {"op": "test", "path": "/x", "value": 2}],
    [{"op": "add", "path": "/x", "value": 1}, {"op": "move", "from": "/x", "path": "/y"},
     {"op": "remove", "path": "/q"}],
]


@pytest.mark.parametrize("patch", PATCHES)
def test_failed_in_place_patch_restores_keys_and_order(patch: list) -> None:
    doc = {"a": 1, "b": {"c": 2}}
    with pytest.raises(InfraError):
        apply_patch(doc, patch, in_place=True)
    assert doc == {"a": 1, "b": {"c": 2}}
    assert list(doc) == ["a", "b"]
