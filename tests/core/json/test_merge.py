"""RFC 7396 merge patch: apply (RFC examples, copies, in place) and create (round trip, null rule)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import json_equal, merge_patch_apply, merge_patch_create

from ._strategies import PAIRS, VALUES

RFC_APPENDIX_A = [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    (["a", "b"], ["c", "d"], ["c", "d"]),
    ({"a": "b"}, ["c"], ["c"]),
    ({"a": "foo"}, None, None),
    ({"a": "foo"}, "bar", "bar"),
    ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
    ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
]


@pytest.mark.parametrize(("target", "patch", "expected"), RFC_APPENDIX_A)
def test_rfc7396_appendix_a(target: object, patch: object, expected: object) -> None:
    snapshot = copy.deepcopy(target)
    assert merge_patch_apply(target, patch) == expected  # type: ignore[arg-type]
    assert target == snapshot


def test_nulls_in_arrays_are_kept_and_values_copied() -> None:
    patch = {"a": [None, {"b": None}]}
    out = merge_patch_apply({}, patch)
    assert out == {"a": [None, {"b": None}]}
    patch["a"].append(1)
    assert out == {"a": [None, {"b": None}]}


def test_in_place_validates_the_whole_patch_first() -> None:
    target = {"a": {"b": 1}, "z": 1}
    with pytest.raises(InfraError):
        merge_patch_apply(target, {"a": {"b": None}, "y": float("nan")}, in_place=True)
    assert target == {"a": {"b": 1}, "z": 1}
    with pytest.raises(InfraError):
        merge_patch_apply(target, {"z": None, "q": {"__proto__": {"x": 1}}}, in_place=True)
    assert target == {"a": {"b": 1}, "z": 1}
    out = merge_patch_apply(target, {"a": {"b": None, "c": 2}}, in_place=True)
    assert out is target and target == {"a": {"c": 2}, "z": 1}


@pytest.mark.parametrize("name", ["__proto__", "constructor", "prototype"])
def test_reserved_member_names(name: str) -> None:
    with pytest.raises(InfraError) as exc:
        merge_patch_apply({}, {"a": {name: {"polluted": True}}})
    assert exc.value.kind is ErrorKind.VALIDATION
    assert merge_patch_apply({}, {"a": [{name: 1}]}) == {"a": [{name: 1}]}, "data inside a replaced value is fine"
    with pytest.raises(InfraError):
        merge_patch_create({}, {name: 1})


def test_create() -> None:
    assert merge_patch_create({"a": 1, "b": {"c": 2, "d": 3}}, {"b": {"c": 2, "d": 4}, "e": [None]}) == {
        "a": None,
        "b": {"d": 4},
        "e": [None],
    }
    assert merge_patch_create({"a": [1]}, {"a": [1]}) == {}
    assert merge_patch_create({"a": 1}, 7) == 7
    assert merge_patch_create(7, {"a": [None]}) == {"a": [None]}
    assert merge_patch_create({"a": None, "b": 1}, {"a": None, "b": 2}) == {"b": 2}


@pytest.mark.parametrize(
    ("a", "b", "path"), [({"a": 1}, {"a": None}, "/a"), ({}, {"x": {"y": None}}, "/x/y"), (1, {"n": None}, "/n")]
)
def test_create_cannot_set_null(a: object, b: object, path: str) -> None:
    with pytest.raises(InfraError) as exc:
        merge_patch_create(a, b)  # type: ignore[arg-type]
    assert exc.value.kind is ErrorKind.VALIDATION
    assert exc.value.context["path"] == path


@given(PAIRS)
def test_create_apply_round_trip_where_defined(pair: tuple[object, object]) -> None:
    a, b = pair
    try:
        patch = merge_patch_create(a, b)  # type: ignore[arg-type]
    except InfraError as exc:
        assert exc.kind is ErrorKind.VALIDATION and "null" in exc.message
        return
    assert json_equal(merge_patch_apply(a, patch), b)  # type: ignore[arg-type]


@given(VALUES, VALUES)
def test_apply_never_fails_on_json_and_is_idempotent(target: object, patch: object) -> None:
    once = merge_patch_apply(target, patch)  # type: ignore[arg-type]
    assert json_equal(merge_patch_apply(once, patch), once)  # type: ignore[arg-type]
