"""NanoID: npm nanoid's customRandom byte for byte, the pooled CSPRNG path, validation."""

from __future__ import annotations

import math

import pytest

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.ids import URL_ALPHABET, custom_alphabet, custom_random, nanoid
from llm_infra.ids import _nanoid as impl
from tests.core.ids._util import Stream, seeded

DIGITS = "0123456789"


def test_power_of_two_alphabet_reads_size_bytes_backwards() -> None:
    stream = Stream(bytes(range(64)))
    gen = custom_random(URL_ALPHABET, 5, stream)
    assert gen() == "".join(URL_ALPHABET[b & 63] for b in (4, 3, 2, 1, 0))
    assert gen(3) == "".join(URL_ALPHABET[b & 63] for b in (7, 6, 5))  # a call's size: that many bytes
    assert stream.calls == [5, 3]


def test_other_alphabets_read_steps_backwards_and_skip_above_the_cutoff() -> None:
    # 10 symbols: cutoff 250, step = ceil(1.6 * 256 * 4 / 250) = 7
    assert math.ceil((1.6 * 256 * 4) / 250) == 7
    stream = Stream(bytes([1, 2, 250, 3, 255, 13, 251, 9, 8, 7, 6, 5, 4, 3]))
    gen = custom_random(DIGITS, 4, stream)
    # first step, last to first: 251 skip, 13 -> 3, 255 skip, 3, 250 skip, 2, 1 -> "3321"
    assert gen() == "3321"
    assert stream.calls == [7]
    stream = Stream(bytes([250] * 7 + [0, 1, 2, 3, 4, 5, 6]))
    assert custom_random(DIGITS, 4, stream)() == "6543"  # a step of rejects, then another step
    assert stream.calls == [7, 7]


def test_size_override_keeps_the_default_step() -> None:
    stream = seeded(11)
    gen = custom_random(DIGITS, 2, stream)  # step = ceil(1.6 * 256 * 2 / 250) = 4
    out = gen(30)
    assert len(out) == 30 and set(out) <= set(DIGITS)
    assert set(stream.calls) == {4}


def test_size_zero_reads_nothing() -> None:
    stream = Stream(b"")
    assert custom_random(DIGITS, 0, stream)() == "" and custom_random(URL_ALPHABET, 5, stream)(0) == ""
    assert stream.calls == []


def test_default_size_zero_does_not_hang_on_a_later_size() -> None:
    # npm would loop forever here (step 0); the step is at least one byte
    gen = custom_random(DIGITS, 0, seeded(12))
    assert len(gen(5)) == 5


def test_unicode_alphabets() -> None:
    greek = "αβγδεζηθικλμνξοπρστυφχψω"
    out = custom_random(greek, 50, seeded(13))()
    assert len(out) == 50 and set(out) <= set(greek)
    cjk = "".join(chr(0x4E00 + i) for i in range(256))
    assert custom_random(cjk, 4, Stream(bytes([0, 1, 2, 255])))() == cjk[255] + cjk[2] + cjk[1] + cjk[0]


def test_pooled_path_maps_bytes_without_bias(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSPRNG path: accepted bytes map to alphabet[b % n] in order; bytes >= cutoff are dropped."""
    pools = [bytes([0, 1, 250, 2, 255, 13] * 700)]
    monkeypatch.setattr(impl.os, "urandom", lambda n: pools[0][:n] if n <= len(pools[0]) else bytes(n))
    assert custom_alphabet(DIGITS, 4)() == "0123"
    assert custom_alphabet("0123456789abcdef", 6)() == "01a2fd"  # 16 symbols: b & 15, nothing dropped
    greek = "αβγδεζηθικλμνξοπρστυφχψω"  # 24 symbols: cutoff 240; not latin-1
    assert custom_alphabet(greek, 4)() == greek[0] + greek[1] + greek[2] + greek[13]


def test_pooled_path_refills_for_long_ids() -> None:
    gen = custom_alphabet(DIGITS, 10_000)
    out = gen()
    assert len(out) == 10_000 and set(out) == set(DIGITS)
    counts = [out.count(d) for d in DIGITS]
    assert min(counts) > 800  # every symbol appears about 1000 times (a very loose sanity bound)


def test_nanoid_defaults() -> None:
    ids = {nanoid() for _ in range(5000)}
    assert len(ids) == 5000 and all(len(i) == 21 and set(i) <= set(URL_ALPHABET) for i in ids)
    assert len(nanoid(1)) == 1 and len(nanoid(100)) == 100 and nanoid(0) == ""


@pytest.mark.parametrize("alphabet", ["", "a", "abca", "".join(chr(0x4E00 + i) for i in range(257)), "ab\U0001f600",
                                      "ab\ud800", None, ["a", "b"]])
def test_bad_alphabets(alphabet: object) -> None:
    for make in (lambda: custom_alphabet(alphabet), lambda: custom_random(alphabet, 5, seeded(1))):  # type: ignore[arg-type]
        with pytest.raises(InfraError) as exc:
            make()
        assert exc.value.kind is ErrorKind.VALIDATION and exc.value.context["field"] == "alphabet"


@pytest.mark.parametrize("size", [-1, 1.5, "5", None, True, (1 << 20) + 1])
def test_bad_sizes(size: object) -> None:
    with pytest.raises(InfraError) as exc:
        custom_alphabet(DIGITS, size)  # type: ignore[arg-type]
    assert exc.value.context["field"] == "size"
    if size is None:  # a call without a size (None) means the default size
        assert len(custom_alphabet(DIGITS, 3)(size)) == 3 and len(nanoid(size)) == 21  # type: ignore[arg-type]
        return
    with pytest.raises(InfraError):
        custom_alphabet(DIGITS)(size)  # type: ignore[arg-type]
    with pytest.raises(InfraError):
        nanoid(size)  # type: ignore[arg-type]


def test_bad_random_sources() -> None:
    with pytest.raises(InfraError) as exc:
        custom_random(DIGITS, 5, b"not callable")  # type: ignore[arg-type]
    assert exc.value.context["field"] == "random"
    with pytest.raises(InfraError) as exc:
        custom_random(DIGITS, 5, lambda n: b"\x00" * (n - 1))()
    assert exc.value.context["field"] == "random"


def test_repr_and_properties() -> None:
    gen = custom_alphabet(DIGITS, 7)
    assert (gen.alphabet, gen.size) == (DIGITS, 7) and "size=7" in repr(gen)
