"""ids: string IDs from our pure-Python generators vs the usual packages.

Peers: stdlib ``uuid``, ``uuid6`` (UUIDv7), ``python-ulid`` (ULID; its ``ULID()`` is strictly
monotonic, like our ``monotonic_ulid()``), ``nanoid`` (PyPI) and, for reference only, the Rust
``uuid-utils`` (CPython). Pure peers also run inside Pyodide (``benchmarks/pyodide-peers.txt``).
Every case makes one ID per call, as text — what services store and send.
"""

from __future__ import annotations

import uuid

from benchmarks._harness import Case, Impl, version_of
from llm_infra import ids

ALNUM36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def _peer(dist: str, make: object) -> Impl | None:
    try:
        fn = make()  # type: ignore[operator]
    except ImportError:
        return None
    return Impl(version_of(dist), fn)


def _uuid6_v7() -> object:
    import uuid6

    return lambda: str(uuid6.uuid7())


def _uuid6_v7_object() -> object:
    import uuid6

    return uuid6.uuid7


def _uuid_utils(name: str) -> object:
    import uuid_utils

    fn = getattr(uuid_utils, name)
    return lambda: str(fn())


def _python_ulid_monotonic() -> object:
    import ulid

    return lambda: str(ulid.ULID())


def _python_ulid_random() -> object:
    import ulid

    gen = ulid.ULIDGenerator(policy=ulid.PureRandomPolicy())
    return lambda: str(gen.generate())


def _python_ulid_parse() -> object:
    import ulid

    text = str(ulid.ULID())
    return lambda: ulid.ULID.from_str(text).milliseconds


def _pypi_nanoid(alphabet: str | None = None, size: int = 21) -> object:
    def make() -> object:
        import nanoid

        if alphabet is None:
            return nanoid.generate
        return lambda: nanoid.generate(alphabet, size)

    return make


def cases(runtime: str) -> list[Case]:
    snowflake = ids.SnowflakeGenerator(1, 1)
    alnum16 = ids.custom_alphabet(ALNUM36, 16)
    ulid_text = ids.ulid()
    uuid_text = ids.uuid7_str()
    out = [
        Case("ids", "uuid7 string", Impl("llm_infra.ids.uuid7_str", ids.uuid7_str), _peer("uuid6", _uuid6_v7)),
        Case("ids", "uuid7 uuid.UUID", Impl("llm_infra.ids.uuid7", ids.uuid7), _peer("uuid6", _uuid6_v7_object)),
        Case("ids", "uuid4 string", Impl("llm_infra.ids.uuid4_str", ids.uuid4_str),
             Impl("stdlib uuid", lambda: str(uuid.uuid4()))),
        Case("ids", "uuid4 uuid.UUID", Impl("llm_infra.ids.uuid4", ids.uuid4), Impl("stdlib uuid", uuid.uuid4)),
        Case("ids", "ulid string, monotonic", Impl("llm_infra.ids.monotonic_ulid", ids.monotonic_ulid),
             _peer("python-ulid", _python_ulid_monotonic)),
        Case("ids", "ulid string, random", Impl("llm_infra.ids.ulid", ids.ulid),
             _peer("python-ulid", _python_ulid_random)),
        Case("ids", "nanoid (21, URL alphabet)", Impl("llm_infra.ids.nanoid", ids.nanoid),
             _peer("nanoid", _pypi_nanoid())),
        Case("ids", "nanoid (16, 36 symbols)", Impl("llm_infra.ids.custom_alphabet", alnum16),
             _peer("nanoid", _pypi_nanoid(ALNUM36, 16))),
        Case("ids", "ulid decode", Impl("llm_infra.ids.ulid_timestamp", lambda: ids.ulid_timestamp(ulid_text)),
             _peer("python-ulid", _python_ulid_parse)),
        Case("ids", "uuid parse", Impl("llm_infra.ids.parse_uuid", lambda: ids.parse_uuid(uuid_text)),
             Impl("stdlib uuid", lambda: uuid.UUID(uuid_text))),
        Case("ids", "snowflake string", Impl("llm_infra.ids.SnowflakeGenerator", snowflake.next_str), None,
             notes={"cap": "4096 IDs per ms by design"}),
    ]
    if runtime == "cpython":  # native reference points (Rust), never a target
        for name, ours in (("uuid7", ids.uuid7_str), ("uuid4", ids.uuid4_str)):
            peer = _peer("uuid-utils", lambda n=name: _uuid_utils(n))
            if peer is not None:
                out.append(Case("ids", f"{name} string vs Rust (reference)", Impl(f"llm_infra.ids.{name}_str", ours),
                                peer))
    return out
