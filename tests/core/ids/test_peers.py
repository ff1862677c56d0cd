"""Agreement with the well-known Python peers: python-ulid and uuid6 (CPython; not installed in Pyodide)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.ids import decode_ulid, encode_ulid, parse_uuid, ulid, ulid_to_uuid, uuid7_str, uuid_to_ulid

_ABSENT = "a test reference of the dev venv (not installed in Pyodide or the wheel-test venvs)"
pyulid = pytest.importorskip("ulid", reason=f"python-ulid is {_ABSENT}")
uuid6 = pytest.importorskip("uuid6", reason=f"uuid6 is {_ABSENT}")


@given(st.integers(0, (1 << 48) - 1), st.binary(min_size=10, max_size=10))
def test_ulid_text_matches_python_ulid(ms: int, raw: bytes) -> None:
    theirs = pyulid.ULID.from_bytes(ms.to_bytes(6, "big") + raw)
    text = encode_ulid(ms, raw)
    assert text == str(theirs)
    assert ulid_to_uuid(text) == theirs.to_uuid()
    assert uuid_to_ulid(theirs.to_uuid()) == text


def test_each_reads_the_others_ulids() -> None:
    for _ in range(200):
        ours = ulid()
        assert pyulid.ULID.from_str(ours).milliseconds == decode_ulid(ours).timestamp_ms
        theirs = str(pyulid.ULID())
        assert decode_ulid(theirs).random == bytes(pyulid.ULID.from_str(theirs))[6:]


def test_uuid7_agrees_with_uuid6() -> None:
    for _ in range(200):
        ours = uuid7_str()
        assert uuid6.UUID(ours).version == 7 and uuid6.UUID(ours).time == parse_uuid(ours).timestamp_ms
        theirs = uuid6.uuid7()
        info = parse_uuid(str(theirs))
        assert (info.version, info.variant, info.timestamp_ms) == (7, "rfc9562", theirs.time)
        v6 = uuid6.uuid6()
        assert parse_uuid(str(v6)).timestamp_ms == (v6.time - 0x01B21DD213814000) // 10_000
        assert parse_uuid(str(uuid.uuid1())).version == 1
