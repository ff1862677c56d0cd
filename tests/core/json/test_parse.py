"""Strict parse: RFC 8259 grammar with the I-JSON restrictions; error kinds shared with TypeScript."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import MAX_DEPTH, canonicalize, parse

from ._strategies import VALUES


def test_values() -> None:
    assert parse('{"a": [1, 2.5, -0, true, false, null, "x"]}') == {"a": [1, 2.5, 0, True, False, None, "x"]}
    assert parse(b'{"\xc3\xa9": 1}') == {"é": 1}
    assert parse("12345678901234567890") == 12345678901234567890, "integers stay exact in Python"
    assert parse('"\\ud83d\\ude00"') == "\U0001f600"
    assert parse('{"__proto__": 1}') == {"__proto__": 1}


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',
        "[NaN]",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e400",
        "1" + "0" * 400,
        '"\\ud800"',
        '"\\udc00\\ud800"',
        "\ufeff{}",
        "[1,]",
        "[01]",
        "{'a': 1}",
        '"a\tb"',
        '"\\x"',
        '{"a": "b',
        "{} {}",
        "",
        "tru",
        '"\ud800"',
    ],
)
def test_rejected_as_serialization(text: str) -> None:
    with pytest.raises(InfraError) as exc:
        parse(text)
    assert exc.value.kind is ErrorKind.SERIALIZATION


def test_bad_utf8_and_wrong_type() -> None:
    with pytest.raises(InfraError) as exc:
        parse(b"\xff")
    assert exc.value.kind is ErrorKind.SERIALIZATION
    with pytest.raises(InfraError) as exc:
        parse(1)  # type: ignore[arg-type]
    assert exc.value.kind is ErrorKind.VALIDATION


def test_depth() -> None:
    assert parse("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    for text in (
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
        '{"a":' * 300 + "1" + "}" * 300,
        "[" * 300 + "x",
        "[" * 100000,
    ):
        with pytest.raises(InfraError) as exc:
            parse(text)
        assert exc.value.kind is ErrorKind.VALIDATION
    # brackets inside strings do not count
    assert parse(json.dumps(["[" * 1000, "{" * 1000])) == ["[" * 1000, "{" * 1000]


def test_error_positions() -> None:
    with pytest.raises(InfraError) as exc:
        parse('{\n  "a": 1,\n}')
    assert exc.value.context["line"] == 3


@given(VALUES)
def test_parse_of_canonical_text_round_trips(value: object) -> None:
    assert canonicalize(parse(canonicalize(value))) == canonicalize(value)


@given(st.text(max_size=40))
def test_fuzz_text(text: str) -> None:
    try:
        parse(text)
    except InfraError as exc:
        assert exc.kind in (ErrorKind.SERIALIZATION, ErrorKind.VALIDATION)


@given(st.binary(max_size=40))
def test_fuzz_bytes(data: bytes) -> None:
    try:
        parse(data)
    except InfraError as exc:
        assert exc.kind in (ErrorKind.SERIALIZATION, ErrorKind.VALIDATION)
