"""JSON Pointer (RFC 6901): parse, format, get and the add/replace/remove primitives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import (
    pointer_add,
    pointer_format,
    pointer_get,
    pointer_parse,
    pointer_remove,
    pointer_replace,
)

from ._strategies import DOCS, KEYS

RFC_DOC = {"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, 'k"l': 6, " ": 7, "m~n": 8}


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("", RFC_DOC),
        ("/foo", ["bar", "baz"]),
        ("/foo/0", "bar"),
        ("/", 0),
        ("/a~1b", 1),
        ("/c%d", 2),
        ("/e^f", 3),
        ("/g|h", 4),
        ("/i\\j", 5),
        ('/k"l', 6),
        ("/ ", 7),
        ("/m~0n", 8),
    ],
)
def test_rfc6901_section5(pointer: str, expected: object) -> None:
    assert pointer_get(RFC_DOC, pointer) == expected


def test_tilde_one_is_decoded_before_tilde_zero() -> None:
    assert pointer_parse("/~01") == ["~1"]
    assert pointer_get({"~1": "right", "/": "wrong"}, "/~01") == "right"
    assert pointer_format(["~1"]) == "/~01"


@pytest.mark.parametrize("pointer", ["a", "a/b", "/~2", "/a~", "/~~1", "/~a"])
def test_malformed_pointers_are_validation_errors(pointer: str) -> None:
    with pytest.raises(InfraError) as exc:
        pointer_parse(pointer)
    assert exc.value.kind is ErrorKind.VALIDATION
    assert exc.value.context["pointer"] == pointer


def test_non_string_pointer() -> None:
    with pytest.raises(InfraError) as exc:
        pointer_get({}, 1)  # type: ignore[arg-type]
    assert exc.value.kind is ErrorKind.VALIDATION


@pytest.mark.parametrize(
    ("doc", "pointer", "kind", "token"),
    [
        ({"a": 1}, "/b", ErrorKind.NOT_FOUND, "b"),
        ({"a": {"b": 1}}, "/a/c/d", ErrorKind.NOT_FOUND, "c"),
        ({"a": [1, 2]}, "/a/2", ErrorKind.NOT_FOUND, "2"),
        ({"a": [1, 2]}, "/a/-", ErrorKind.NOT_FOUND, "-"),
        ({"a": 1}, "/a/b", ErrorKind.NOT_FOUND, "b"),
        ({"a": [1, 2]}, "/a/01", ErrorKind.VALIDATION, "01"),
        ({"a": [1, 2]}, "/a/-1", ErrorKind.VALIDATION, "-1"),
        ({"a": [1, 2]}, "/a/x", ErrorKind.VALIDATION, "x"),
        ({"a": [1, 2]}, "/a/\u0661", ErrorKind.VALIDATION, "\u0661"),  # an Arabic-Indic digit is not an index
    ],
)
def test_get_errors_name_pointer_and_token(doc: object, pointer: str, kind: ErrorKind, token: str) -> None:
    with pytest.raises(InfraError) as exc:
        pointer_get(doc, pointer)  # type: ignore[arg-type]
    assert exc.value.kind is kind
    assert exc.value.context["pointer"] == pointer
    assert exc.value.context["token"] == token
    assert repr(pointer) in exc.value.message


def test_get_default_only_for_absent_values() -> None:
    assert pointer_get({"a": None}, "/a", 5) is None
    assert pointer_get({"a": 1}, "/b", 5) == 5
    assert pointer_get({"a": [1]}, "/a/7", None) is None
    with pytest.raises(InfraError) as exc:
        pointer_get({"a": [1]}, "/a/01", None)
    assert exc.value.kind is ErrorKind.VALIDATION


def test_get_returns_a_reference() -> None:
    doc = {"a": {"b": [1]}}
    assert pointer_get(doc, "/a") is doc["a"]


@pytest.mark.parametrize("name", ["__proto__", "constructor", "prototype"])
def test_reserved_names_are_rejected_everywhere(name: str) -> None:
    doc = {name: {"x": 1}}
    for call in (
        lambda: pointer_get(doc, f"/{name}/x"),
        lambda: pointer_add(doc, f"/{name}/y", 1),
        lambda: pointer_replace(doc, f"/{name}", 1),
        lambda: pointer_remove(doc, f"/a/{name}"),
        lambda: pointer_parse(f"/{name}"),
        lambda: pointer_format([name]),
    ):
        with pytest.raises(InfraError) as exc:
            call()
        assert exc.value.kind is ErrorKind.VALIDATION
        assert name in exc.value.message


def test_add_semantics() -> None:
    assert pointer_add([1, 2], "/-", 3) == [1, 2, 3]
    assert pointer_add([1, 2], "/0", 0) == [0, 1, 2]
    assert pointer_add([1, 2], "/2", 3) == [1, 2, 3]
    assert pointer_add({"a": 1}, "/a", 2) == {"a": 2}
    assert pointer_add({"a": 1}, "", [1]) == [1]
    assert pointer_add({"-": 0}, "/-", 1) == {"-": 1}  # '-' is an ordinary key in objects
    with pytest.raises(InfraError) as exc:
        pointer_add([1, 2], "/3", 0)
    assert exc.value.kind is ErrorKind.NOT_FOUND
    with pytest.raises(InfraError) as exc:
        pointer_add({}, "/a/b", 0)
    assert exc.value.kind is ErrorKind.NOT_FOUND


def test_replace_and_remove_semantics() -> None:
    assert pointer_replace({"a": {"b": 1}}, "/a/b", [2]) == {"a": {"b": [2]}}
    assert pointer_replace([1], "", 5) == 5
    assert pointer_remove({"a": [1, 2, 3]}, "/a/1") == {"a": [1, 3]}
    for call in (
        lambda: pointer_replace({"a": 1}, "/b", 0),
        lambda: pointer_replace([1], "/-", 0),
        lambda: pointer_remove({"a": 1}, "/b"),
        lambda: pointer_remove([1], "/-"),
    ):
        with pytest.raises(InfraError) as exc:
            call()
        assert exc.value.kind is ErrorKind.NOT_FOUND
    with pytest.raises(InfraError) as exc:
        pointer_remove({"a": 1}, "")
    assert exc.value.kind is ErrorKind.VALIDATION


def test_primitives_copy_and_do_not_mutate_unless_in_place() -> None:
    doc = {"a": [1, 2]}
    value = {"v": [1]}
    out = pointer_add(doc, "/b", value)
    assert doc == {"a": [1, 2]}
    value["v"].append(2)
    assert out == {"a": [1, 2], "b": {"v": [1]}}, "the inserted value is a copy"
    assert out["a"] is not doc["a"], "the result shares nothing with the input"
    same = pointer_remove(doc, "/a/0", in_place=True)
    assert same is doc and doc == {"a": [2]}


def test_in_place_failure_changes_nothing() -> None:
    doc = {"a": [1, 2]}
    with pytest.raises(InfraError):
        pointer_add(doc, "/a/9", 0, in_place=True)
    with pytest.raises(InfraError):
        pointer_add(doc, "/b", float("nan"), in_place=True)
    assert doc == {"a": [1, 2]}


@given(st.lists(KEYS, max_size=5))
def test_format_parse_round_trip(tokens: list[str]) -> None:
    assert pointer_parse(pointer_format(tokens)) == tokens


@given(DOCS)
def test_every_pointer_of_a_document_resolves(doc: dict[str, object]) -> None:
    def walk(v: object, tokens: list[str]) -> None:
        assert pointer_get(doc, pointer_format(tokens)) is v or pointer_get(doc, pointer_format(tokens)) == v
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, [*tokens, k])
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, [*tokens, str(i)])

    walk(doc, [])
