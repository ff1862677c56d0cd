"""Fuzzing: random documents, patches, pointers and merge patches give results or InfraErrors only."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.errors import InfraError
from llm_infra.json import (
    apply_patch,
    canonicalize,
    diff,
    merge_patch_apply,
    merge_patch_create,
    path_get,
    path_set,
    pointer_add,
    pointer_get,
    pointer_remove,
)

from ._strategies import VALUES

# Anything at all, including what JSON cannot carry.
JUNK = st.recursive(
    st.one_of(
        VALUES,
        st.floats(),
        st.binary(max_size=3),
        st.tuples(st.integers()),
        st.sets(st.integers(), max_size=2),
        st.text(max_size=4),
        st.sampled_from(["__proto__", "constructor", "~", "/", "-", "01"]),
    ),
    lambda c: st.one_of(
        st.lists(c, max_size=4), st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), c, max_size=4)
    ),
    max_leaves=20,
)
POINTERS = st.one_of(
    st.text(max_size=12),
    st.lists(st.sampled_from(["a", "0", "-", "~0", "~1", "~", "01", "", "b"]), max_size=4).map(
        lambda t: "/" + "/".join(t)
    ),
)
OPS = st.fixed_dictionaries(
    {"op": st.sampled_from(["add", "remove", "replace", "move", "copy", "test", "bogus"]), "path": POINTERS},
    optional={"value": JUNK, "from": POINTERS},
)
PATCHES = st.one_of(st.lists(st.one_of(OPS, JUNK), max_size=5), JUNK)


def _only_infra_errors(fn: object, *args: object, **kwargs: object) -> None:
    with contextlib.suppress(InfraError):
        fn(*args, **kwargs)  # type: ignore[operator]


@settings(max_examples=300)
@given(JUNK, PATCHES, st.booleans())
def test_apply_patch(doc: object, patch: object, in_place: bool) -> None:
    _only_infra_errors(apply_patch, doc, patch, in_place=in_place)


@given(JUNK, POINTERS, JUNK)
def test_pointers(doc: object, pointer: str, value: object) -> None:
    _only_infra_errors(pointer_get, doc, pointer)
    _only_infra_errors(pointer_add, doc, pointer, value)
    _only_infra_errors(pointer_remove, doc, pointer)


@given(JUNK, st.text(max_size=12), JUNK)
def test_paths(doc: object, path: str, value: object) -> None:
    _only_infra_errors(path_get, doc, path, None)
    _only_infra_errors(path_set, doc, path, value)


@given(JUNK, JUNK)
def test_diff_merge_canonicalize(a: object, b: object) -> None:
    _only_infra_errors(diff, a, b)
    _only_infra_errors(merge_patch_apply, a, b)
    _only_infra_errors(merge_patch_apply, a, b, in_place=True)
    _only_infra_errors(merge_patch_create, a, b)
    _only_infra_errors(canonicalize, a)
