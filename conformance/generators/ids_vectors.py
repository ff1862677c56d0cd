"""Generate conformance/vectors/ids/*.json.

Nothing here imports ``llm_infra``: every expectation comes from a source independent of the code
under test —

* RFC 9562 Appendix A/B examples and §5.9/5.10 Nil/Max (transcribed below), checked with stdlib
  ``uuid``; random UUIDs formatted by stdlib ``uuid`` (v4: ``UUID(bytes=..., version=4)``) and
  the ``uuid6`` package (v7: ``uuid6.UUID(int=..., version=7)``);
* the ULID specification's and ulid/javascript's examples (transcribed below), and the
  ``python-ulid`` package for every other ULID encoding, decoding and UUID conversion;
* npm ``nanoid``'s own ``customRandom``, run by ``node nanoid_reference.mjs`` (this directory)
  over the same byte streams;
* for the generator sequences (``ids.*.sequence``), small reference implementations written here
  from docs/ids.md's algorithm text, with IDs formatted by stdlib ``uuid`` / ``python-ulid``; the
  ULID ones are also checked against the ULID spec's and ulid/javascript's monotonic examples.

Random inputs come from ``random.Random(SEED)``: fixed seeds, reproducible output.

Run: python conformance/generators/ids_vectors.py   (needs node and the npm workspace)
"""

from __future__ import annotations

import json
import random
import subprocess
import uuid
from pathlib import Path

import ulid as pyulid  # python-ulid
import uuid6
from _common import write

SEED = 20261203
HERE = Path(__file__).resolve().parent
MAX48 = (1 << 48) - 1
GREGORIAN_OFFSET = 0x01B21DD213814000
URL_ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict"
RFC = "RFC 9562 (https://www.rfc-editor.org/rfc/rfc9562)"
ULID_SPEC = "ULID spec (github.com/ulid/spec README, d0c7170)"
ULID_JS = "ulid/javascript tests (github.com/ulid/javascript, 11c2067)"

# RFC 9562 Appendix A/B and §5.9/§5.10, as printed (name, text, version, unix ms or None).
RFC_UUIDS = [
    ("a1-v1", "C232AB00-9414-11EC-B3C8-9F6BDECED846", 1, 1645557742000),
    ("a2-v3", "5df41881-3aed-3515-88a7-2f4a814cf09e", 3, None),
    ("a3-v4", "919108f7-52d1-4320-9bac-f847db4148a8", 4, None),
    ("a4-v5", "2ed6657d-e927-568b-95e1-2665a8aea6a2", 5, None),
    ("a5-v6", "1EC9414C-232A-6B00-B3C8-9F6BDECED846", 6, 1645557742000),
    ("a6-v7", "017F22E2-79B0-7CC3-98C4-DC0C0C07398F", 7, 1645557742000),
    ("b1-v8-time", "2489E9AD-2EE2-8E00-8EC9-32D5F69181C0", 8, None),
    ("b2-v8-name", "5c146b14-3c52-8afd-938a-375d0df1fbf6", 8, None),
    ("nil", "00000000-0000-0000-0000-000000000000", 0, None),
    ("max", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", 15, None),
]

rng = random.Random(SEED)


def rbytes(n: int) -> bytes:
    return rng.randbytes(n)


def case(cid: str, inp: dict, expect: dict | None = None, *, error: str | None = None, note: str | None = None) -> dict:
    c: dict = {"id": cid, "input": inp}
    if error is not None:
        c["error"] = {"kind": error}
    else:
        c["expect"] = expect
    if note:
        c["note"] = note
    return c


def err(cid: str, inp: dict, note: str | None = None, kind: str = "validation") -> dict:
    return case(cid, inp, error=kind, note=note)


# -- UUID reference ------------------------------------------------------------------------------


def ref_uuid4(b: bytes) -> str:
    return str(uuid.UUID(bytes=b, version=4))


def ref_uuid7(ms: int, b: bytes) -> str:
    u = uuid6.UUID(int=(ms << 80) | int.from_bytes(b, "big"), version=7)
    return str(u)


def ref_parse(text: str) -> dict:
    u = uuid.UUID(text)
    names = {uuid.RESERVED_NCS: "ncs", uuid.RFC_4122: "rfc9562", uuid.RESERVED_MICROSOFT: "microsoft",
             uuid.RESERVED_FUTURE: "future"}
    variant = names[u.variant]
    version = (u.int >> 76) & 0xF
    ts = None
    if variant == "rfc9562" and version == 7:
        ts = u.int >> 80
    elif variant == "rfc9562" and version == 1:
        ts = (u.time - GREGORIAN_OFFSET) // 10_000  # stdlib reassembles the v1 time fields
    elif variant == "rfc9562" and version == 6:
        # RFC 9562 §5.6: time_high (32) | time_mid (16) | ver | time_low (12)
        t60 = ((u.int >> 80) << 12) | ((u.int >> 64) & 0xFFF)
        ts = (t60 - GREGORIAN_OFFSET) // 10_000
    return {"version": version, "variant": variant, "timestamp_ms": ts, "hex": u.hex}


def with_bits(version: int, variant_byte: int, body: int | None = None) -> str:
    n = body if body is not None else int.from_bytes(rbytes(16), "big")
    n = (n & ~(0xF << 76)) | (version << 76)
    n = (n & ~(0xFF << 56)) | (variant_byte << 56)
    return str(uuid.UUID(int=n))


def v1_text(t60: int, rest: int = 0x9F6BDECED846 | (0xB3C8 << 48)) -> str:
    n = ((t60 & 0xFFFFFFFF) << 96) | (((t60 >> 32) & 0xFFFF) << 80) | (1 << 76) | ((t60 >> 48) << 64) | rest
    return str(uuid.UUID(int=n))


def v6_text(t60: int, rest: int = 0x9F6BDECED846 | (0xB3C8 << 48)) -> str:
    n = ((t60 >> 12) << 80) | (6 << 76) | ((t60 & 0xFFF) << 64) | rest
    return str(uuid.UUID(int=n))


def uuid_vectors() -> None:
    rfc_a3 = bytes.fromhex("919108f752d133205bacf847db4148a8")
    cases = [case("rfc9562-a3", {"random": rfc_a3.hex()}, {"uuid": ref_uuid4(rfc_a3)},
                  note="RFC 9562 A.3: 16 random bytes, version and variant bits overwritten")]
    assert cases[0]["expect"]["uuid"] == "919108f7-52d1-4320-9bac-f847db4148a8"
    for cid, b in [("zeros", bytes(16)), ("ones", b"\xff" * 16)]:
        cases.append(case(cid, {"random": b.hex()}, {"uuid": ref_uuid4(b)}))
    for i in range(12):
        b = rbytes(16)
        cases.append(case(f"random-{i}", {"random": b.hex()}, {"uuid": ref_uuid4(b)}))
    cases += [
        err("short-15", {"random": "00" * 15}), err("long-17", {"random": "00" * 17}), err("empty", {"random": ""}),
        err("not-hex", {"random": "zz" * 16}), err("odd-hex", {"random": "0" * 31}), err("missing", {}),
        err("number", {"random": 5}),
    ]
    write("ids", "uuid4_encode", "ids.uuid4.encode",
          f"{RFC} A.3; other cases formatted by CPython's uuid.UUID(bytes=..., version=4)", cases)

    rfc_a6 = bytes.fromhex("7cc398c4dc0c0c07398f")
    cases = [
        case("rfc9562-a6", {"timestamp_ms": 1645557742000, "random": rfc_a6.hex()}, {"uuid": ref_uuid7(1645557742000, rfc_a6)},
             note="RFC 9562 A.6: bytes 6..15 of the example (version/variant bits already set)"),
        case("rfc9562-a6-bits-overwritten", {"timestamp_ms": 1645557742000, "random": "0cc318c4dc0c0c07398f"},
             {"uuid": ref_uuid7(1645557742000, rfc_a6)}, note="version nibble 0 and variant 00 in the input are overwritten"),
        case("ts-zero", {"timestamp_ms": 0, "random": "00" * 10}, {"uuid": ref_uuid7(0, bytes(10))}),
        case("ts-max", {"timestamp_ms": MAX48, "random": "ff" * 10}, {"uuid": ref_uuid7(MAX48, b"\xff" * 10)},
             note="largest 48-bit timestamp: 10889-08-02"),
    ]
    assert cases[0]["expect"]["uuid"] == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"
    for i in range(12):
        ms, b = rng.randrange(MAX48 + 1), rbytes(10)
        cases.append(case(f"random-{i}", {"timestamp_ms": ms, "random": b.hex()}, {"uuid": ref_uuid7(ms, b)}))
    cases += [
        err("ts-2^48", {"timestamp_ms": MAX48 + 1, "random": "00" * 10}), err("ts-negative", {"timestamp_ms": -1, "random": "00" * 10}),
        err("ts-fraction", {"timestamp_ms": 1.5, "random": "00" * 10}), err("ts-string", {"timestamp_ms": "1", "random": "00" * 10}),
        err("random-9-bytes", {"timestamp_ms": 1, "random": "00" * 9}), err("random-11-bytes", {"timestamp_ms": 1, "random": "00" * 11}),
        err("missing-ts", {"random": "00" * 10}),
    ]
    write("ids", "uuid7_encode", "ids.uuid7.encode",
          f"{RFC} A.6; other cases formatted by the uuid6 package's UUID(int=..., version=7)", cases)

    cases = []
    for cid, text, version, ms in RFC_UUIDS:
        exp = ref_parse(text)
        assert exp["version"] == version and exp["timestamp_ms"] == ms, (cid, exp)
        cases.append(case(f"rfc9562-{cid}", {"text": text}, exp))
    a6 = RFC_UUIDS[5][1]
    for cid, text in [("lowercase", a6.lower()), ("mixed-case", "017f22E2-79b0-7Cc3-98C4-dc0c0C07398f"),
                      ("braces", "{" + a6 + "}"), ("urn", "urn:uuid:" + a6.lower()),
                      ("no-hyphens", a6.replace("-", "").lower()), ("no-hyphens-upper", a6.replace("-", ""))]:
        cases.append(case(f"form-{cid}", {"text": text}, ref_parse(text)))
    for cid, vb in [("ncs-00", 0x00), ("ncs-7f", 0x7F), ("rfc-80", 0x80), ("rfc-bf", 0xBF), ("microsoft-c0", 0xC0),
                    ("microsoft-df", 0xDF), ("future-e0", 0xE0), ("future-ff", 0xFF)]:
        text = with_bits(7, vb)
        cases.append(case(f"variant-{cid}-v7", {"text": text}, ref_parse(text),
                          note="a timestamp only for the RFC 9562 variant"))
    for v in range(16):
        text = with_bits(v, 0x80 | rng.randrange(64))
        cases.append(case(f"version-{v}", {"text": text}, ref_parse(text)))
    for cid, t60 in [("gregorian-start", 0), ("unix-epoch", GREGORIAN_OFFSET), ("before-unix-floor", GREGORIAN_OFFSET - 1),
                     ("after-unix-floor", GREGORIAN_OFFSET + 9_999), ("max", (1 << 60) - 1), ("random", rng.randrange(1 << 60))]:
        for ver, make in [("v1", v1_text), ("v6", v6_text)]:
            text = make(t60)
            cases.append(case(f"{ver}-{cid}", {"text": text}, ref_parse(text),
                              note="100-ns Gregorian time to Unix ms, floored (negative before 1970)"))
    cases += [
        err("empty", {"text": ""}), err("short-35", {"text": a6[:-1]}), err("long-37", {"text": a6 + "0"}),
        err("non-hex", {"text": "g" + a6[1:]}), err("number", {"text": 5}), err("null", {"text": None}),
        err("spaces-36", {"text": " " * 36}), err("hex-31", {"text": "0" * 31}), err("hex-33", {"text": "0" * 33}),
        err("missing", {}),
    ]
    write("ids", "uuid_parse", "ids.uuid.parse",
          f"{RFC} Appendix A/B examples (printed versions and unix_ts_ms), Nil/Max §5.9/5.10; fields of the other "
          "cases computed with CPython's uuid (version nibble, variant, v1 .time) and RFC 9562 §5.6's v6 layout", cases)

    # Text CPython's uuid.UUID() accepts but this library rejects on purpose (a UUID has one shape).
    digits = a6.replace("-", "").lower()
    strict = [
        ("hyphens-moved", digits[:7] + "-" + digits[7:11] + "-" + digits[11:15] + "-" + digits[15:19] + "-" + digits[19:],
         "CPython removes every hyphen wherever it is"),
        ("hyphens-extra", a6.lower().replace("-", "--", 1), "CPython removes every hyphen"),
        ("braces-no-hyphens", "{" + digits + "}", "only the hyphenated form may be braced"),
        ("double-braces", "{{" + a6 + "}}", "CPython strips any number of braces"),
        ("unbalanced-brace", "{" + a6, "CPython strips braces one-sidedly"),
        ("uuid-prefix", "uuid:" + a6, "CPython drops 'uuid:' anywhere"),
        ("urn-no-hyphens", "urn:uuid:" + digits, "the URN form is hyphenated (RFC 9562 §4)"),
        ("underscore", digits[:4] + "_" + digits[5:], "int(..., 16) accepts digit separators"),
        ("plus-sign", "+" + digits[1:], "int(..., 16) accepts a sign"),
        ("leading-space", " " + digits[1:], "int(..., 16) strips whitespace"),
        ("fullwidth-digit", "０" + a6[1:], "int(..., 16) accepts any Unicode decimal digit"),
    ]
    for _cid, text, _why in strict:
        uuid.UUID(text)  # CPython accepts it: that is the point of this file
    urn_upper = "URN:UUID:" + a6
    try:
        uuid.UUID(urn_upper)
        raise AssertionError("CPython now accepts an uppercase URN prefix")
    except ValueError:
        pass
    expect_upper = ref_parse(a6)
    write("ids", "uuid_parse_strict", "ids.uuid.parse",
          "Where CPython's uuid.UUID() (and so crosscheck.py, which uses it) differs by design: it accepts every "
          "'strict-' case, which is rejected here (UUID text is 8-4-4-4-12 hex, optionally braced or after urn:uuid:, "
          "or 32 hex digits, nothing else), and it rejects an uppercase URN prefix, which URN syntax (RFC 8141 §3.1) "
          "makes case-insensitive; that case's fields are CPython's for the same UUID without the prefix",
          [err(f"strict-{cid}", {"text": text}, why) for cid, text, why in strict]
          + [case("urn-uppercase-prefix", {"text": urn_upper}, expect_upper, note="'urn' and 'uuid' are case-insensitive")])

    cases = [case("zeros", {"bytes": "00" * 16}, {"uuid": str(uuid.UUID(bytes=bytes(16)))}),
             case("ones", {"bytes": "ff" * 16}, {"uuid": str(uuid.UUID(bytes=b"\xff" * 16))})]
    for i in range(6):
        b = rbytes(16)
        cases.append(case(f"random-{i}", {"bytes": b.hex()}, {"uuid": str(uuid.UUID(bytes=b))}))
    cases += [err("short", {"bytes": "00" * 15}), err("long", {"bytes": "00" * 17}), err("not-hex", {"bytes": "xx"})]
    write("ids", "uuid_from_bytes", "ids.uuid.from_bytes", "CPython's uuid.UUID(bytes=...)", cases)

    cases = []
    for cid, text in [("rfc-a6", a6), ("lower", a6.lower()), ("braces", "{" + a6 + "}"), ("urn", "urn:uuid:" + a6),
                      ("no-hyphens", digits), ("nil", "00000000-0000-0000-0000-000000000000")]:
        cases.append(case(cid, {"uuid": text}, {"bytes": uuid.UUID(text).bytes.hex()}))
    for i in range(4):
        text = str(uuid.UUID(bytes=rbytes(16)))
        cases.append(case(f"random-{i}", {"uuid": text}, {"bytes": uuid.UUID(text).bytes.hex()}))
    cases += [err("bad", {"uuid": "not-a-uuid"}), err("number", {"uuid": 1})]
    write("ids", "uuid_to_bytes", "ids.uuid.to_bytes", "CPython's uuid.UUID(text).bytes", cases)

    cases = [case("zero", {"int": "0"}, {"uuid": str(uuid.UUID(int=0))}),
             case("one", {"int": "1"}, {"uuid": str(uuid.UUID(int=1))}),
             case("max", {"int": str((1 << 128) - 1)}, {"uuid": str(uuid.UUID(int=(1 << 128) - 1))})]
    for i in range(4):
        n = int.from_bytes(rbytes(16), "big")
        cases.append(case(f"random-{i}", {"int": str(n)}, {"uuid": str(uuid.UUID(int=n))}))
    cases += [err("2^128", {"int": str(1 << 128)}), err("negative", {"int": "-1"}), err("leading-zero", {"int": "01"}),
              err("fraction", {"int": "1.0"}), err("json-number", {"int": 1})]
    write("ids", "uuid_from_int", "ids.uuid.from_int", "CPython's uuid.UUID(int=...); the int is a decimal string", cases)

    cases = []
    for cid, text in [("rfc-a6", a6), ("max", "ffffffff-ffff-ffff-ffff-ffffffffffff"), ("nil", "00000000000000000000000000000000")]:
        cases.append(case(cid, {"uuid": text}, {"int": str(uuid.UUID(text).int)}))
    for i in range(4):
        text = str(uuid.UUID(bytes=rbytes(16))).upper()
        cases.append(case(f"random-{i}", {"uuid": text}, {"int": str(uuid.UUID(text).int)}))
    cases += [err("bad", {"uuid": "{}"})]
    write("ids", "uuid_to_int", "ids.uuid.to_int", "CPython's uuid.UUID(text).int, as a decimal string", cases)


# -- generator sequences: reference implementations of docs/ids.md ---------------------------------


class ScriptEndError(Exception):
    pass


def expand(script: list) -> list:
    out = []
    for item in script:
        out.extend([item[0]] * item[1] if isinstance(item, list) else [item])
    return out


class Reader:
    def __init__(self, script: list, stream: bytes) -> None:
        self.clock, self.reads, self.stream, self.pos = expand(script), 0, stream, 0

    def now(self) -> object:
        if self.reads >= len(self.clock):
            raise ScriptEndError
        self.reads += 1
        return self.clock[self.reads - 1]

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.stream):
            raise ScriptEndError
        self.pos += n
        return self.stream[self.pos - n:self.pos]


def valid_ms(v: object) -> bool:
    return type(v) is int and 0 <= v <= MAX48


def ref_uuid7_sequence(script: list, stream: bytes, count: int, skip: int = 0) -> dict:
    """RFC 9562 §6.2 Method 1 with a 42-bit counter (rand_a + top 30 bits of rand_b), docs/ids.md."""
    r = Reader(script, stream)
    last, counter, out, error = -1, 0, [], None

    def fresh(ms: int) -> tuple[int, int, int]:
        b = r.take(10)
        u = uuid.UUID(ref_uuid7(ms, b))  # the first ID of a millisecond is ids.uuid7.encode(ms, random)
        return ms, ((u.int >> 64) & 0xFFF) << 30 | ((u.int >> 32) & 0x3FFFFFFF), u.int & 0xFFFFFFFF

    for i in range(skip + count):
        now = r.now()
        if not valid_ms(now):
            error = "validation"
            break
        if now > last:
            last, counter, tail = fresh(now)
        elif counter + 1 > (1 << 42) - 1:
            if last == MAX48:
                error = "validation"
                break
            last, counter, tail = fresh(last + 1)
        else:
            counter += 1
            tail = int.from_bytes(r.take(4), "big")
        n = (last << 80) | (7 << 76) | ((counter >> 30) << 64) | (2 << 62) | ((counter & 0x3FFFFFFF) << 32) | tail
        u = uuid.UUID(int=n)
        assert u.version == 7 and u.variant == uuid.RFC_4122
        if i >= skip:
            out.append(str(u))
    return {"uuids": out, "clock_reads": r.reads, "random_bytes_read": r.pos, "error": error}


def ref_ulid_sequence(script: list, stream: bytes, count: int, monotonic: bool = True, skip: int = 0) -> dict:
    """The ULID spec's monotonic factory (an earlier clock keeps the last timestamp), docs/ids.md."""
    r = Reader(script, stream)
    last, rand, out, error = -1, 0, [], None
    for i in range(skip + count):
        now = r.now()
        if not valid_ms(now):
            error = "validation"
            break
        if now > last or not monotonic:
            b = r.take(10)
            if monotonic:
                last, rand = now, int.from_bytes(b, "big")
            text = str(pyulid.ULID.from_bytes(now.to_bytes(6, "big") + b))
        else:
            if rand == (1 << 80) - 1:
                error = "internal"
                break
            rand += 1
            text = str(pyulid.ULID.from_bytes(last.to_bytes(6, "big") + rand.to_bytes(10, "big")))
        if i >= skip:
            out.append(text)
    return {"ulids": out, "clock_reads": r.reads, "random_bytes_read": r.pos, "error": error}


def ref_snowflake_sequence(script: list, epoch: int, dc: int, worker: int, max_backward: int, count: int,
                           skip: int = 0) -> dict:
    """Twitter's Snowflake with the regression check first and bounded waits, docs/ids.md."""
    r = Reader(script, b"")
    last, seq, out, error = -1, 0, [], None

    class StopError(Exception):
        def __init__(self, kind: str) -> None:
            self.kind = kind

    def read() -> int:
        v = r.now()
        if type(v) is not int or v < epoch or v - epoch > (1 << 41) - 1:
            raise StopError("validation")
        return v

    try:
        for i in range(skip + count):
            now = read()
            if now < last:
                if last - now > max_backward:
                    raise StopError("external")
                while now < last:
                    now = read()
            if now == last:
                seq = (seq + 1) & 4095
                if seq == 0:
                    while now <= last:
                        now = read()
            else:
                seq = 0
            last = now
            if i >= skip:
                out.append(str(((now - epoch) << 22) | (dc << 17) | (worker << 12) | seq))
    except StopError as stop:
        error = stop.kind
    return {"ids": out, "clock_reads": r.reads, "error": error}


def sequence_vectors() -> None:
    t = 1645557742000
    # --- UUIDv4 ---
    stream = rbytes(16 * 5)
    cases = [case("five", {"random": stream.hex(), "count": 5},
                  {"uuids": [ref_uuid4(stream[i:i + 16]) for i in range(0, 80, 16)], "random_bytes_read": 80, "error": None}),
             case("five-object-form", {"random": stream.hex(), "count": 5, "form": "object"},
                  {"uuids": [ref_uuid4(stream[i:i + 16]) for i in range(0, 80, 16)], "random_bytes_read": 80, "error": None}),
             err("stream-too-short", {"random": stream[:40].hex(), "count": 3}, "a broken vector input, not a generator error")]
    write("ids", "uuid4_sequence", "ids.uuid4.sequence",
          "Uuid4Generator over a byte stream: 16 bytes per ID, each formatted by CPython's uuid.UUID(bytes=..., version=4)",
          cases)

    # --- UUIDv7 ---
    def u7(cid: str, script: list, stream: bytes, count: int, note: str, skip: int = 0, form: str | None = None) -> dict:
        inp: dict = {"clock": script, "random": stream.hex(), "count": count}
        if skip:
            inp["skip"] = skip
        if form:
            inp["form"] = form
        return case(cid, inp, ref_uuid7_sequence(script, stream, count, skip), note=note)

    counter_max = bytes.fromhex("7fff" + "bfffffff") + rbytes(4)  # rand_a and rand_b's top 30 bits all ones
    cases = [
        u7("frozen-clock", [[t, 8]], rbytes(10 + 7 * 4), 8, "same ms: counter + 1, 4 fresh bytes per ID"),
        u7("frozen-clock-object-form", [[t, 4]], rbytes(10 + 3 * 4), 4, "the uuid.UUID path", form="object"),
        u7("advancing-clock", [t, t + 1, t + 2, t + 10], rbytes(40), 4, "each new ms: 10 fresh bytes, like uuid7.encode"),
        u7("mixed", [t, t, t + 1, t + 1, t + 1, t + 2], rbytes(10 + 4 + 10 + 8 + 10), 6, "new ms resets the counter"),
        u7("clock-backwards", [t, t - 5, t - 100, t, t + 1], rbytes(10 + 12 + 10), 5,
           "an earlier reading keeps the last timestamp and counts on"),
        u7("counter-rollover", [t, t, t + 1, t + 1, t], counter_max + rbytes(10 + 12), 5,
           "counter 2^42-1 then + 1: borrow t+1 with fresh bytes; the clock reaching t+1 counts on"),
        u7("rollover-at-max-timestamp", [MAX48, MAX48], counter_max, 2,
           "no 49th bit to borrow: validation error, the first ID stands"),
        u7("clock-fraction", [t, 1.5], rbytes(10), 2, "a non-integer clock reading is a validation error"),
        u7("clock-negative", [-1], b"", 1, "before 1970"),
        u7("clock-2^48", [MAX48 + 1], b"", 1, "past the 48-bit range"),
        u7("clock-string", ["1645557742000"], b"", 1, "clock readings are numbers"),
        u7("clock-null", [None], b"", 1, "clock readings are numbers"),
        u7("frozen-1000-last-3", [[t, 1000]], rbytes(10 + 999 * 4), 3, "the 998th to 1000th ID of one ms", skip=997),
        u7("first-is-encode", [t], bytes.fromhex("7cc398c4dc0c0c07398f"), 1, "the first ID equals RFC 9562 A.6 at its ms"),
        err("stream-too-short", {"clock": [t, t], "random": "00" * 12, "count": 2}, "a broken vector input"),
        err("clock-script-too-short", {"clock": [t], "random": "00" * 20, "count": 2}, "a broken vector input"),
    ]
    assert cases[-3]["expect"]["uuids"] == ["017f22e2-79b0-7cc3-98c4-dc0c0c07398f"]
    write("ids", "uuid7_sequence", "ids.uuid7.sequence",
          "Uuid7Generator with a scripted clock and byte stream; expectations from the reference implementation in "
          "conformance/generators/ids_vectors.py (RFC 9562 §6.2 Method 1 as docs/ids.md specifies it), IDs formatted "
          "by CPython's uuid and the uuid6 package", cases)

    # --- ULID ---
    def ul(cid: str, script: list, stream: bytes, count: int, note: str, monotonic: bool = True, skip: int = 0,
           expect_ulids: list | None = None) -> dict:
        inp: dict = {"clock": script, "random": stream.hex(), "count": count}
        if not monotonic:
            inp["monotonic"] = False
        if skip:
            inp["skip"] = skip
        exp = ref_ulid_sequence(script, stream, count, monotonic, skip)
        if expect_ulids is not None:
            assert exp["ulids"] == expect_ulids, (cid, exp)
        return case(cid, inp, exp, note=note)

    yy = bytes(pyulid.ULID.from_str("01ARYZ6S41YYYYYYYYYYYYYYYY"))[6:]
    spec1 = bytes(pyulid.ULID.from_str("01BX5ZZKBKACTAV9WEVGEMMVRY"))
    spec2 = bytes(pyulid.ULID.from_str("01BX5ZZKBKZZZZZZZZZZZZZZZX"))
    t_spec = int.from_bytes(spec1[:6], "big")
    cases = [
        ul("ulid-js-monotonic-stubbed-prng", [1469918176385, 1469918176385, 100000000, 10000, 1469918176386], yy + yy, 5,
           f"{ULID_JS} monotonicFactory with a PRNG stuck at 0.96 (random part all 'Y'): an earlier seed time keeps "
           "the last timestamp and increments", expect_ulids=["01ARYZ6S41YYYYYYYYYYYYYYYY", "01ARYZ6S41YYYYYYYYYYYYYYYZ",
                                                               "01ARYZ6S41YYYYYYYYYYYYYYZ0", "01ARYZ6S41YYYYYYYYYYYYYYZ1",
                                                               "01ARYZ6S42YYYYYYYYYYYYYYYY"]),
        ul("ulid-spec-monotonic", [[t_spec, 4]], spec1[6:], 4, f"{ULID_SPEC} 'Monotonicity' example: + 1 with carry",
           expect_ulids=["01BX5ZZKBKACTAV9WEVGEMMVRY", "01BX5ZZKBKACTAV9WEVGEMMVRZ", "01BX5ZZKBKACTAV9WEVGEMMVS0",
                         "01BX5ZZKBKACTAV9WEVGEMMVS1"]),
        ul("ulid-spec-overflow", [[t_spec, 4]], spec2[6:], 4,
           f"{ULID_SPEC}: the random component overflows within the millisecond: the 4th call fails (internal, "
           "retryable) and never carries into the timestamp",
           expect_ulids=["01BX5ZZKBKZZZZZZZZZZZZZZZX", "01BX5ZZKBKZZZZZZZZZZZZZZZY", "01BX5ZZKBKZZZZZZZZZZZZZZZZ"]),
        ul("frozen-clock", [[t, 6]], rbytes(10), 6, "one read of 10 bytes, then + 1"),
        ul("advancing-clock", [t, t + 1, t + 3], rbytes(30), 3, "10 fresh bytes per new ms"),
        ul("clock-backwards", [t, t - 1, t - 1000, t + 1, t], rbytes(20), 5, "earlier readings keep the last timestamp"),
        ul("not-monotonic", [t, t, t - 1], rbytes(30), 3, "monotonic=false: the clock as read, 10 fresh bytes every ID",
           monotonic=False),
        ul("clock-fraction", [t, t + 0.5], rbytes(10), 2, "non-integer readings are validation errors"),
        ul("clock-negative", [-1], b"", 1, "before 1970"),
        ul("clock-2^48", [MAX48 + 1], b"", 1, "past the 48-bit range"),
        ul("frozen-500-last-2", [[t, 500]], rbytes(10), 2, "the 499th and 500th ID of one ms", skip=498),
        err("monotonic-not-bool", {"clock": [t], "random": "00" * 10, "count": 1, "monotonic": "yes"}),
        err("stream-too-short", {"clock": [t], "random": "00" * 9, "count": 1}, "a broken vector input"),
    ]
    write("ids", "ulid_sequence", "ids.ulid.sequence",
          f"UlidGenerator with a scripted clock and byte stream: {ULID_JS} and {ULID_SPEC} monotonic examples verbatim; "
          "the rest from the reference implementation in conformance/generators/ids_vectors.py (docs/ids.md), ULIDs "
          "encoded by python-ulid", cases)

    # --- Snowflake ---
    ep = 1288834974657

    def sf(cid: str, script: list, count: int, note: str, *, epoch: int = ep, dc: int = 1, worker: int = 2,
           max_backward: int = 10, skip: int = 0) -> dict:
        inp: dict = {"epoch_ms": epoch, "datacenter_id": dc, "worker_id": worker, "max_backward_ms": max_backward,
                     "clock": script, "count": count}
        if skip:
            inp["skip"] = skip
        return case(cid, inp, ref_snowflake_sequence(script, epoch, dc, worker, max_backward, count, skip), note=note)

    t = ep + 123_456_789
    cases = [
        sf("same-ms", [[t, 5]], 5, "sequence 0..4"),
        sf("new-ms-resets", [t, t, t + 1, t + 1, t + 7], 5, "sequence back to 0 on each new ms"),
        sf("exhaustion-waits", [[t, 4096], [t, 3], t + 1], 2, "4096 IDs in one ms, then the 4097th polls the clock until t+1",
           skip=4095),
        sf("backwards-within-bound-waits", [t, t - 3, t - 2, t - 1, t, t + 1], 3,
           "3 ms back (bound 10): polls until the clock is back at t, then the same-ms branch"),
        sf("backwards-at-bound-waits", [t, t - 10, t + 2], 2, "exactly max_backward_ms behind still waits"),
        sf("backwards-beyond-bound-raises", [t, t - 11], 2, "11 ms back: external error, retryable; the first ID stands"),
        sf("zero-bound-raises", [t, t - 1], 2, "max_backward_ms 0: any regression raises", max_backward=0),
        sf("regression-checked-before-same-ms", [t, t, t - 1, t, t], 4,
           "after a 1 ms regression the wait ends at t, then sequence 2"),
        sf("epoch-boundary", [ep, ep], 2, "the epoch itself is timestamp 0", dc=0, worker=0),
        sf("max-fields", [[t, 2]], 2, "datacenter 31, worker 31", dc=31, worker=31),
        sf("max-timestamp", [ep + (1 << 41) - 1], 1, "the last millisecond of the 41-bit range", dc=31, worker=31),
        sf("clock-before-epoch", [ep - 1], 1, "before the epoch: validation error"),
        sf("clock-past-41-bits", [ep + (1 << 41)], 1, "past the 41-bit range: validation error"),
        sf("clock-fraction", [t, t + 0.5], 2, "non-integer reading"),
        sf("custom-epoch", [1_700_000_000_000, 1_700_000_000_001], 2, "epoch 2023-11-14T22:13:20Z", epoch=1_700_000_000_000),
        sf("unix-epoch", [1_645_557_742_000], 1, "epoch 0", epoch=0),
        err("datacenter-32", {"epoch_ms": ep, "datacenter_id": 32, "worker_id": 0, "clock": [t], "count": 1}),
        err("worker-negative", {"epoch_ms": ep, "datacenter_id": 0, "worker_id": -1, "clock": [t], "count": 1}),
        err("max-backward-negative", {"epoch_ms": ep, "datacenter_id": 0, "worker_id": 0, "max_backward_ms": -1,
                                      "clock": [t], "count": 1}),
        err("max-backward-too-large", {"epoch_ms": ep, "datacenter_id": 0, "worker_id": 0, "max_backward_ms": 60_001,
                                       "clock": [t], "count": 1}, "the bound is at most 60000 ms"),
        err("epoch-negative", {"epoch_ms": -1, "datacenter_id": 0, "worker_id": 0, "clock": [t], "count": 1}),
        err("clock-script-too-short", {"epoch_ms": ep, "datacenter_id": 0, "worker_id": 0, "clock": [t, t - 1], "count": 2},
            "the wait needs more readings than the script has: a broken vector input"),
    ]
    exhaust = cases[2]["expect"]
    assert exhaust["clock_reads"] == 4096 + 3 + 1 and exhaust["ids"][1].endswith(str(((t + 1 - ep) << 22) | (1 << 17) | (2 << 12)))
    write("ids", "snowflake_sequence", "ids.snowflake.sequence",
          "SnowflakeGenerator with a scripted clock; expectations from the reference implementation in "
          "conformance/generators/ids_vectors.py (Twitter's layout; docs/ids.md's regression, exhaustion and wait rules)",
          cases)


# -- ULID ------------------------------------------------------------------------------------------


def ulid_vectors() -> None:
    def enc(ms: int, b: bytes) -> str:
        return str(pyulid.ULID.from_bytes(ms.to_bytes(6, "big") + b))

    def dec(text: str) -> dict:
        u = pyulid.ULID.from_str(text)
        return {"timestamp_ms": u.milliseconds, "random": bytes(u)[6:].hex()}

    named = [("spec-example-1", "01ARZ3NDEKTSV4RRFFQ69G5FAV", ULID_SPEC), ("spec-example-2", "01AN4Z07BY79KA1307SR9X4MV3", ULID_SPEC),
             ("js-example", "01ARYZ6S41TSV4RRFFQ69G5FAV", ULID_JS), ("spec-max", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ", ULID_SPEC),
             ("js-min", "00000000000000000000000000", ULID_JS)]
    cases = []
    for cid, text, src in named:
        parts = dec(text)
        ms, b = parts["timestamp_ms"], bytes.fromhex(parts["random"])
        assert enc(ms, b) == text
        cases.append(case(cid, {"timestamp_ms": ms, "random": b.hex()}, {"ulid": text}, note=src))
    assert cases[0]["input"]["timestamp_ms"] == 1469922850259 and cases[3]["input"]["timestamp_ms"] == MAX48
    ms = 1469918176385
    b = rbytes(10)
    assert enc(ms, b)[:10] == "01ARYZ6S41"  # ulid/javascript encodeTime(1469918176385, 10)
    cases.append(case("js-encode-time", {"timestamp_ms": ms, "random": b.hex()}, {"ulid": enc(ms, b)},
                      note=f"{ULID_JS}: encodeTime(1469918176385) = 01ARYZ6S41"))
    for i in range(12):
        ms, b = rng.randrange(MAX48 + 1), rbytes(10)
        cases.append(case(f"random-{i}", {"timestamp_ms": ms, "random": b.hex()}, {"ulid": enc(ms, b)}))
    cases += [err("ts-2^48", {"timestamp_ms": MAX48 + 1, "random": "00" * 10}), err("ts-negative", {"timestamp_ms": -1, "random": "00" * 10}),
              err("ts-fraction", {"timestamp_ms": 0.5, "random": "00" * 10}), err("random-9-bytes", {"timestamp_ms": 0, "random": "00" * 9}),
              err("random-11-bytes", {"timestamp_ms": 0, "random": "00" * 11})]
    write("ids", "ulid_encode", "ids.ulid.encode",
          f"{ULID_SPEC} and {ULID_JS} examples; other cases encoded by python-ulid (ULID.from_bytes)", cases)

    cases = []
    for cid, text, src in named:
        cases.append(case(cid, {"ulid": text}, dec(text), note=src))
    for cid, text in [("lowercase", "01an4z07by79ka1307sr9x4mv3"), ("mixed-case", "01ArZ3nDeKtSv4RrFfQ69g5FaV"),
                      ("lowercase-max", "7zzzzzzzzzzzzzzzzzzzzzzzzz")]:
        cases.append(case(cid, {"ulid": text}, dec(text), note="decoding is case-insensitive"))
    for i in range(8):
        text = enc(rng.randrange(MAX48 + 1), rbytes(10))
        cases.append(case(f"random-{i}", {"ulid": text}, dec(text)))
    good = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
    bad = [("short-25", good[:-1]), ("long-27", good + "0"), ("empty", ""), ("letter-I", "01ARZ3NDEKTSV4RRFFQ69G5FAI"),
           ("letter-L", "01ARZ3NDEKTSV4RRFFQ69G5FAL"), ("letter-O", "01ARZ3NDEKTSV4RRFFQ69G5FAO"),
           ("letter-U", "01ARZ3NDEKTSV4RRFFQ69G5FAU"), ("hyphen", "01ARZ3NDEK-SV4RRFFQ69G5FAV"),
           ("space", " 1ARZ3NDEKTSV4RRFFQ69G5FAV"), ("non-ascii", "01ARZ3NDEKTSV4RRFFQ69G5FAÄ"),
           ("fullwidth", "０1ARZ3NDEKTSV4RRFFQ69G5FAV"), ("overflow-8", "80000000000000000000000000"),
           ("overflow-z", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    for cid, text in bad:
        try:
            pyulid.ULID.from_str(text)
            raise AssertionError(f"python-ulid accepts {text!r}")
        except ValueError:
            pass
        cases.append(err(cid, {"ulid": text}))
    cases += [err("number", {"ulid": 1}), err("null", {"ulid": None})]
    write("ids", "ulid_decode", "ids.ulid.decode",
          f"{ULID_SPEC} and {ULID_JS} examples; other cases decoded by python-ulid (ULID.from_str), which also "
          "rejects every invalid one (spec: reject values above 7ZZZZZZZZZZZZZZZZZZZZZZZZZ)", cases)

    cases = [case("js-decode-time", {"ulid": "01ARYZ6S41TSV4RRFFQ69G5FAV"}, {"timestamp_ms": 1469918176385}, note=ULID_JS)]
    for cid, text, src in named:
        cases.append(case(cid, {"ulid": text}, {"timestamp_ms": pyulid.ULID.from_str(text).milliseconds}, note=src))
    cases += [err("overflow", {"ulid": "80000000000000000000000000"}), err("short", {"ulid": "01ARYZ6S41"})]
    write("ids", "ulid_timestamp", "ids.ulid.timestamp", f"{ULID_JS} decodeTime; others from python-ulid .milliseconds", cases)

    cases = []
    for cid, text, u in [("js-1", "01ARYZ6S41TSV4RRFFQ69G5FAV", "01563DF3-6481-D676-4C61-EFB99302BD5B"),
                         ("js-2", "01JQ4T23H220KM7X0B3V1109DQ", "0195C9A1-0E22-1027-43F4-0B1EC21025B7")]:
        assert str(pyulid.ULID.from_str(text).to_uuid()) == u.lower()
        cases.append(case(cid, {"ulid": text}, {"uuid": u.lower()}, note=f"{ULID_JS} ulidToUUID"))
    for cid, text in [("max", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ"), ("min", "00000000000000000000000000"), ("lowercase", "01arz3ndektsv4rrffq69g5fav")]:
        cases.append(case(cid, {"ulid": text}, {"uuid": str(pyulid.ULID.from_str(text).to_uuid())}))
    for i in range(4):
        text = enc(rng.randrange(MAX48 + 1), rbytes(10))
        cases.append(case(f"random-{i}", {"ulid": text}, {"uuid": str(pyulid.ULID.from_str(text).to_uuid())}))
    cases += [err("overflow", {"ulid": "80000000000000000000000000"}), err("bad-char", {"ulid": "01ARYZ6S41TSV4RRFFQ69G5FAU"})]
    write("ids", "ulid_to_uuid", "ids.ulid.to_uuid",
          f"{ULID_JS} ulidToUUID examples; others from python-ulid ULID.to_uuid (the same 128 bits, lowercase text)", cases)

    cases = []
    for cid, u, text in [("js-1", "0195C9A4-2E32-C014-5F4F-A7CEF5BE83D5", "01JQ4T8BHJR0A5YKX7SVTVX0YN"),
                         ("js-2", "0195C9A4-74CC-5149-BCC4-0A556A0CF19D", "01JQ4T8X6CA54VSH0AANN0SWCX")]:
        assert str(pyulid.ULID.from_uuid(uuid.UUID(u))) == text
        cases.append(case(cid, {"uuid": u}, {"ulid": text}, note=f"{ULID_JS} uuidToULID"))
    for cid, u in [("max", "ffffffff-ffff-ffff-ffff-ffffffffffff"), ("nil-braces", "{00000000-0000-0000-0000-000000000000}"),
                   ("urn", "urn:uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f"), ("no-hyphens", "017f22e279b07cc398c4dc0c0c07398f")]:
        cases.append(case(cid, {"uuid": u}, {"ulid": str(pyulid.ULID.from_uuid(uuid.UUID(u)))}))
    for i in range(4):
        u = str(uuid.UUID(bytes=rbytes(16)))
        cases.append(case(f"random-{i}", {"uuid": u}, {"ulid": str(pyulid.ULID.from_uuid(uuid.UUID(u)))}))
    cases += [err("bad", {"uuid": "01ARYZ6S41TSV4RRFFQ69G5FAV"}), err("number", {"uuid": 7})]
    write("ids", "ulid_from_uuid", "ids.ulid.from_uuid",
          f"{ULID_JS} uuidToULID examples; others from python-ulid ULID.from_uuid", cases)


# -- NanoID: npm nanoid's customRandom itself --------------------------------------------------------


def npm_nanoid(jobs: list[dict]) -> list[dict]:
    proc = subprocess.run(["node", str(HERE / "nanoid_reference.mjs")], input=json.dumps(jobs), capture_output=True,
                          text=True, check=True, cwd=HERE)
    return json.loads(proc.stdout)


def nanoid_vectors() -> None:
    digits = "0123456789"
    lower36 = "0123456789abcdefghijklmnopqrstuvwxyz"
    alnum62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    greek = "αβγδεζηθικλμνξοπρστυφχψω"
    bmp256 = "".join(chr(0x4E00 + i) for i in range(256))
    bmp255 = bmp256[:255]
    bmp129 = "".join(chr(0x0400 + i) for i in range(129))
    specs = [
        ("url-21", URL_ALPHABET, 21), ("url-1", URL_ALPHABET, 1), ("url-2", URL_ALPHABET, 2), ("url-64", URL_ALPHABET, 64),
        ("url-100", URL_ALPHABET, 100), ("hex-16", "0123456789abcdef", 16), ("binary-8", "01", 8),
        ("cjk-256-10", bmp256, 10), ("digits-10", digits, 10), ("digits-1", digits, 1), ("lower36-21", lower36, 21),
        ("alnum62-21", alnum62, 21), ("abc-12", "abc", 12), ("greek-24-15", greek, 15), ("cjk-255-10", bmp255, 10),
        ("cyrillic-129-30", bmp129, 30), ("alnum62-200", alnum62, 200), ("size-0", alnum62, 0),
    ]
    jobs = []
    for _cid, alphabet, size in specs:
        jobs.append({"alphabet": alphabet, "size": size, "random": rbytes(1000 + 8 * size).hex()})
    # a stream mostly above the cutoff forces several rounds (cutoff 248 for 62 symbols)
    heavy = bytes(rng.choice(range(248, 256)) if rng.random() < 0.9 else rng.randrange(248) for _ in range(400))
    specs.append(("alnum62-rejection-heavy", alnum62, 8))
    jobs.append({"alphabet": alnum62, "size": 8, "random": heavy.hex()})
    results = npm_nanoid(jobs)
    version = results[0]["version"]
    cases = []
    for (cid, alphabet, size), job, res in zip(specs, jobs, results, strict=True):
        used = bytes.fromhex(job["random"])[: res["consumed"]]
        cases.append(case(cid, {"random": used.hex(), "alphabet": alphabet, "size": size}, {"id": res["ids"][0]},
                          note=f"npm nanoid {version} customRandom read {res['consumed']} bytes"))
    url21 = cases[0]["input"]
    cases += [
        err("stream-one-byte-short", {**url21, "random": url21["random"][:-2]}, "the stream is consumed exactly as npm does"),
        err("alphabet-empty", {"random": "00" * 64, "alphabet": "", "size": 5}),
        err("alphabet-one", {"random": "00" * 64, "alphabet": "a", "size": 5}),
        err("alphabet-duplicate", {"random": "00" * 64, "alphabet": "abca", "size": 5}, "a repeated symbol would bias the IDs"),
        err("alphabet-257", {"random": "00" * 64, "alphabet": "".join(chr(0x4E00 + i) for i in range(257)), "size": 5}),
        err("alphabet-astral", {"random": "00" * 64, "alphabet": "ab\U0001F600", "size": 5},
            "outside the BMP: one symbol would be two UTF-16 units in JavaScript"),
        err("alphabet-not-string", {"random": "00" * 64, "alphabet": ["a", "b"], "size": 5}),
        err("size-negative", {"random": "00" * 64, "alphabet": "abc", "size": -1}),
        err("size-fraction", {"random": "00" * 64, "alphabet": "abc", "size": 1.5}),
        err("size-string", {"random": "00" * 64, "alphabet": "abc", "size": "5"}),
        err("size-too-large", {"random": "00" * 64, "alphabet": "abc", "size": (1 << 20) + 1}, "at most 2^20 characters"),
    ]
    write("ids", "nanoid_generate", "ids.nanoid.generate",
          f"npm nanoid {version} customRandom run over each byte stream by conformance/generators/nanoid_reference.mjs "
          "(the stream is cut to exactly the bytes it read)", cases)

    seq_specs = [("url-sizes", URL_ALPHABET, 21, [None, 5, 40, None, 0, 1]),
                 ("alnum62-sizes", alnum62, 10, [None, 3, 50, None, 0]),
                 ("digits-sizes", digits, 4, [None, 12, 1])]
    jobs = [{"alphabet": a, "size": s, "calls": calls, "random": rbytes(1200).hex()} for _, a, s, calls in seq_specs]
    results = npm_nanoid(jobs)
    cases = []
    for (cid, alphabet, size, calls), job, res in zip(seq_specs, jobs, results, strict=True):
        used = bytes.fromhex(job["random"])[: res["consumed"]]
        cases.append(case(cid, {"random": used.hex(), "alphabet": alphabet, "size": size, "calls": calls},
                          {"ids": res["ids"], "random_bytes_read": res["consumed"]},
                          note="a call's size overrides the default; the step stays the default size's (npm semantics)"))
    write("ids", "nanoid_sequence", "ids.nanoid.sequence",
          f"npm nanoid {version} customRandom, one generator called with each size in turn "
          "(conformance/generators/nanoid_reference.mjs)", cases)


# -- Snowflake ---------------------------------------------------------------------------------------


def snowflake_vectors() -> None:
    ep = 1288834974657

    def enc(ts: int, epoch: int, dc: int, worker: int, seq: int) -> dict:
        return {"id": str(((ts - epoch) << 22) | (dc << 17) | (worker << 12) | seq)}

    fields = [
        ("epoch-zero-fields", ep, ep, 0, 0, 0), ("epoch-max-fields", ep, ep, 31, 31, 4095),
        ("max-timestamp", ep + (1 << 41) - 1, ep, 31, 31, 4095), ("max-timestamp-zero-fields", ep + (1 << 41) - 1, ep, 0, 0, 0),
        ("one-of-each", ep + 1, ep, 1, 1, 1), ("unix-epoch", 1645557742000, 0, 3, 7, 99),
        ("unix-epoch-max", (1 << 41) - 1, 0, 31, 31, 4095), ("custom-epoch", 1_700_000_000_123, 1_700_000_000_000, 9, 17, 2048),
        ("max-epoch", MAX48 + 5, MAX48, 1, 2, 3),
    ]
    for i in range(8):
        epoch = rng.choice([ep, 0, 1_420_070_400_000])
        fields.append((f"random-{i}", epoch + rng.randrange(1 << 41), epoch, rng.randrange(32), rng.randrange(32), rng.randrange(4096)))
    cases = []
    for cid, ts, epoch, dc, worker, seq in fields:
        inp = {"timestamp_ms": ts, "epoch_ms": epoch, "datacenter_id": dc, "worker_id": worker, "sequence": seq}
        cases.append(case(cid, inp, enc(ts, epoch, dc, worker, seq)))
    assert cases[2]["expect"]["id"] == str((1 << 63) - 1)
    base = {"timestamp_ms": ep + 5, "epoch_ms": ep, "datacenter_id": 1, "worker_id": 1, "sequence": 1}
    cases += [
        err("before-epoch", {**base, "timestamp_ms": ep - 1}, "the epoch boundary: one ms early"),
        err("timestamp-2^41", {**base, "timestamp_ms": ep + (1 << 41)}, "42 bits would reach the sign bit"),
        err("datacenter-32", {**base, "datacenter_id": 32}), err("datacenter-negative", {**base, "datacenter_id": -1}),
        err("worker-32", {**base, "worker_id": 32}), err("worker-negative", {**base, "worker_id": -1}),
        err("sequence-4096", {**base, "sequence": 4096}), err("sequence-negative", {**base, "sequence": -1}),
        err("timestamp-fraction", {**base, "timestamp_ms": ep + 0.5}), err("sequence-string", {**base, "sequence": "1"}),
    ]
    write("ids", "snowflake_encode", "ids.snowflake.encode",
          "Twitter Snowflake layout: (timestamp_ms - epoch_ms) << 22 | datacenter_id << 17 | worker_id << 12 | sequence, "
          "computed here with Python integers; edges at the epoch, the 41-bit limit (2^63 - 1) and every field's maximum",
          cases)

    cases = [case("bool-datacenter", {**base, "datacenter_id": True}, error="validation",
                  note="a JSON boolean is not an integer (Python's bool is an int, so crosscheck.py accepts it)"),
             case("epoch-above-48-bits", {**base, "epoch_ms": MAX48 + 1, "timestamp_ms": MAX48 + 2}, error="validation",
                  note="epochs are 48-bit Unix milliseconds"),
             case("epoch-negative", {**base, "epoch_ms": -1, "timestamp_ms": 5}, error="validation",
                  note="epochs are 48-bit Unix milliseconds")]
    write("ids", "snowflake_encode_strict", "ids.snowflake.encode",
          "Strictness cases the crosscheck formula does not model (booleans, the epoch's range): rejected here by design",
          cases)

    cases = []
    for cid, ts, epoch, dc, worker, seq in fields:
        ident = enc(ts, epoch, dc, worker, seq)["id"]
        n = int(ident)
        assert ((n >> 22) + epoch, (n >> 17) & 31, (n >> 12) & 31, n & 4095) == (ts, dc, worker, seq)
        cases.append(case(cid, {"id": ident, "epoch_ms": epoch},
                          {"timestamp_ms": ts, "datacenter_id": dc, "worker_id": worker, "sequence": seq}))
    cases.append(case("zero", {"id": "0", "epoch_ms": ep}, {"timestamp_ms": ep, "datacenter_id": 0, "worker_id": 0, "sequence": 0}))
    cases += [err("not-decimal", {"id": "abc", "epoch_ms": ep}), err("empty", {"id": "", "epoch_ms": ep}),
              err("exponent", {"id": "1e3", "epoch_ms": ep}), err("hex", {"id": "0x10", "epoch_ms": ep})]
    write("ids", "snowflake_decode", "ids.snowflake.decode",
          "The inverse of the Snowflake layout, computed here with Python integers from each encode case", cases)

    strict = [("negative", "-1", "int() reads a sign"), ("2^63", str(1 << 63), "IDs are below 2^63"),
              ("leading-zero", "01", "one decimal form per ID"), ("leading-space", " 1", "int() strips whitespace"),
              ("plus", "+1", "int() reads a sign"), ("underscore", "1_000", "int() reads digit separators"),
              ("arabic-indic", "١٢", "int() reads any Unicode decimal digit"), ("20-digits", "1" * 20, "above 2^63"),
              ("json-number", 5, "IDs cross JSON as decimal strings, never numbers")]
    write("ids", "snowflake_decode_strict", "ids.snowflake.decode",
          "Strictness cases: Python's int() (and so crosscheck.py) reads all of these; a Snowflake ID is 0 or digits "
          "without a leading zero, below 2^63, as a JSON string",
          [err(f"strict-{cid}", {"id": text, "epoch_ms": 0}, why) for cid, text, why in strict])


if __name__ == "__main__":
    uuid_vectors()
    ulid_vectors()
    nanoid_vectors()
    snowflake_vectors()
    sequence_vectors()
