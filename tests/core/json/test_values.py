"""clone and json_equal: validated deep copies and JSON equality."""

from __future__ import annotations

import collections

import pytest
from hypothesis import given

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import MAX_DEPTH, clone, json_equal

from ._strategies import VALUES


@given(VALUES)
def test_clone_is_equal_and_independent(value: object) -> None:
    copy = clone(value)
    assert json_equal(copy, value)

    def containers(v: object) -> list[int]:
        if isinstance(v, dict):
            return [id(v), *(i for x in v.values() for i in containers(x))]
        if isinstance(v, list):
            return [id(v), *(i for x in v for i in containers(x))]
        return []

    assert not set(containers(copy)) & set(containers(value))


def test_clone_normalises_subclasses() -> None:
    out = clone(collections.OrderedDict(a=[1]))
    assert type(out) is dict and out == {"a": [1]}


@pytest.mark.parametrize("bad", [{"a": (1,)}, {"a": {1, 2}}, {"a": float("nan")}, {2: "x"}, {"a": object()}, [b"x"]])
def test_clone_rejects_non_json(bad: object) -> None:
    with pytest.raises(InfraError) as exc:
        clone(bad)
    assert exc.value.kind is ErrorKind.VALIDATION
    assert "path" in exc.value.context


def test_depth() -> None:
    v: object = 1
    for _ in range(MAX_DEPTH):
        v = {"a": v}
    clone(v)
    with pytest.raises(InfraError) as exc:
        clone([v])
    assert exc.value.kind is ErrorKind.VALIDATION
    with pytest.raises(InfraError):
        json_equal([v], [v])


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (1, 1.0, True),
        (True, 1, False),
        (1, True, False),
        (False, 0, False),
        (None, False, False),
        ("1", 1, False),
        ([], {}, False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True),
        ([1, 2], [2, 1], False),
        (0, -0.0, True),
        ({"a": [True]}, {"a": [1]}, False),
        (collections.OrderedDict(a=1), {"a": 1.0}, True),
        (2**53 + 1, 2**53, False),
    ],
)
def test_json_equal(a: object, b: object, equal: bool) -> None:
    assert json_equal(a, b) is equal
    assert json_equal(b, a) is equal
