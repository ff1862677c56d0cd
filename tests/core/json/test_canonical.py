"""RFC 8785 canonical JSON and ECMAScript number formatting, in pure Python."""

from __future__ import annotations

import collections
import enum
import json
import random
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import MAX_DEPTH, canonical_bytes, canonicalize, format_number, parse

from ._strategies import VALUES

APPENDIX_B = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


@pytest.mark.parametrize(("bits", "text"), APPENDIX_B)
def test_rfc8785_appendix_b(bits: str, text: str) -> None:
    (value,) = struct.unpack(">d", bytes.fromhex(bits))
    assert format_number(value) == text
    assert canonicalize([value]) == f"[{text}]"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (-0.0, "0"),
        (0, "0"),
        (100.0, "100"),
        (1e16, "10000000000000000"),
        (1.5e16, "15000000000000000"),
        (1e20, "100000000000000000000"),
        (1e21, "1e+21"),
        (1.5e21, "1.5e+21"),
        (123e18, "123000000000000000000"),
        (0.0001, "0.0001"),
        (1e-5, "0.00001"),
        (1e-6, "0.000001"),
        (1e-7, "1e-7"),
        (1.25e-7, "1.25e-7"),
        (1e-100, "1e-100"),
        (2**53, "9007199254740992"),
        (2**53 + 1, "9007199254740992"),
        (-(2**53) - 1, "-9007199254740992"),
        (2**64, "18446744073709552000"),
        (10**21, "1e+21"),
        (12345678901234567890, "12345678901234567000"),
    ],
)
def test_ecmascript_layout(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf"), 10**400, True, "1", None])
def test_format_number_rejects(bad: object) -> None:
    with pytest.raises(InfraError) as exc:
        format_number(bad)  # type: ignore[arg-type]
    assert exc.value.kind is ErrorKind.VALIDATION


def test_round_trips_through_float_for_many_doubles() -> None:
    # The ES layout moves digits around; the value must survive (a cheap, always-available check:
    # the byte-exact comparison with JSON.stringify is in tests/tooling and the vectors).
    rng = random.Random(8785)
    for _ in range(20000):
        (value,) = struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))
        if value != value or value in (float("inf"), float("-inf")):
            continue
        text = format_number(value)
        assert float(text) == value, (value, text)
        assert "e" not in text or "e+" in text or "e-" in text


def test_strings_escape_exactly_what_jcs_escapes() -> None:
    s = '\u0000\u0008\t\n\u000b\u000c\r\u001f "\\/\u007f\u0080\u2028\u2029€\U0001f600'
    assert canonicalize(s) == '"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f \\"\\\\/\u007f\u0080\u2028\u2029€\U0001f600"'


def test_keys_sorted_by_utf16_code_units() -> None:
    doc = {"\u20ac": 1, "\r": 2, "\ufb33": 3, "1": 4, "\U0001f600": 5, "\u0080": 6, "\u00f6": 7}
    assert canonicalize(doc) == '{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\U0001f600":5,"\ufb33":3}'
    # code-point order would put U+FB33 before U+1F600; UTF-16 puts the surrogate pair D83D.. first
    assert canonicalize({"\ufb33": 1, "\U0001f600": 2}).index("\U0001f600") < canonicalize(
        {"\ufb33": 1, "\U0001f600": 2}
    ).index("\ufb33")


def test_rfc8785_section_3_2_2_example() -> None:
    text = (
        '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], '
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}'
    )
    assert canonicalize(parse(text)) == (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    )


def test_bytes_are_utf8() -> None:
    assert canonical_bytes({"€": [1.0]}) == '{"€":[1]}'.encode()


class Color(enum.IntEnum):
    RED = 1


class Name(str, enum.Enum):  # noqa: UP042 -- the point: str() of this mixin is not its value
    ADA = "ada"


def test_subclasses_are_encoded_as_their_base_type() -> None:
    assert canonicalize(collections.OrderedDict([("b", Color.RED), ("a", Name.ADA)])) == '{"a":"ada","b":1}'


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ({"a": [1, float("nan")]}, "/a/1"),
        ({"a": float("inf")}, "/a"),
        ({"a": (1, 2)}, "/a"),
        ({"a": {1: 2}}, "/a"),
        ({"a": "\ud800"}, "/a"),
        ({"k\udc00": 1}, "/k\udc00"),
        ({"a": {1, 2}}, "/a"),
        ({"a": b"x"}, "/a"),
        ({"a": 10**400}, "/a"),
    ],
)
def test_errors_name_the_path(value: object, path: str) -> None:
    with pytest.raises(InfraError) as exc:
        canonicalize(value)
    assert exc.value.kind is ErrorKind.VALIDATION
    assert exc.value.context["path"] == path


def test_depth_bound_and_cycles() -> None:
    ok: object = []
    for _ in range(MAX_DEPTH - 1):
        ok = [ok]
    assert canonicalize(ok) == "[" * MAX_DEPTH + "]" * MAX_DEPTH
    with pytest.raises(InfraError) as exc:
        canonicalize([ok])
    assert exc.value.kind is ErrorKind.VALIDATION
    cyclic: list[object] = []
    cyclic.append(cyclic)
    with pytest.raises(InfraError) as exc:
        canonicalize(cyclic)
    assert exc.value.kind is ErrorKind.VALIDATION


@given(VALUES)
def test_idempotent_and_parseable(value: object) -> None:
    text = canonicalize(value)
    assert canonicalize(parse(text)) == text
    assert canonicalize(json.loads(text)) == text


@given(
    st.dictionaries(
        st.text(max_size=3).filter(lambda s: not any("\ud800" <= c <= "\udfff" for c in s)), VALUES, max_size=8
    ),
    st.randoms(use_true_random=False),
)
def test_key_order_independent(doc: dict[str, object], rnd: random.Random) -> None:
    items = list(doc.items())
    rnd.shuffle(items)
    assert canonicalize(dict(items)) == canonicalize(doc)
