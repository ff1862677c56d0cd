"""The pure AES (FIPS 197) and GHASH building blocks of AES-GCM: known answers and path equivalence.

The T-table and bit-sliced AES, and the 4-bit, 8-bit and lane GHASH, are separate implementations
of the same functions; each is compared with the others and with the definitions.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import _aes, _ghash
from llm_infra.crypto._aes import AES, bytes_to_planes, planes_to_bytes, sbox
from llm_infra.crypto._ghash import Ghash, gf_mul

# FIPS 197 Appendix C: plaintext 00112233..ff under key 000102..; AES-128, -192, -256
FIPS197 = [
    ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
    ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
    ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
]
PLAIN = bytes.fromhex("00112233445566778899aabbccddeeff")


def test_sbox_from_its_definition() -> None:
    s = sbox()
    assert len(set(s)) == 256  # a permutation
    assert (s[0x00], s[0x01], s[0x53], s[0xFF]) == (0x63, 0x7C, 0xED, 0x16)


def test_bitsliced_sbox_circuit_on_all_256_inputs() -> None:
    planes = bytes_to_planes(bytes(range(256)), 256)
    out = planes_to_bytes(list(_aes._sub_byte(*planes)), 256)
    assert out == bytes(v ^ 0x63 for v in sbox())  # the circuit omits the affine constant (folded into keys)


@given(st.binary(max_size=200))
def test_plane_transposition_round_trips(column: bytes) -> None:
    planes = bytes_to_planes(column, len(column))
    for i, byte in enumerate(column):
        assert all(((planes[b] >> i) & 1) == ((byte >> b) & 1) for b in range(8))
    assert planes_to_bytes(planes, len(column)) == column


@pytest.mark.parametrize(("key", "expected"), FIPS197)
def test_fips197_appendix_c(key: str, expected: str) -> None:
    aes = AES(bytes.fromhex(key))
    assert aes.encrypt_block(PLAIN).hex() == expected


@pytest.mark.parametrize(("key", "expected"), FIPS197)
def test_bitsliced_cipher_matches_fips197(key: str, expected: str) -> None:
    aes = AES(bytes.fromhex(key))
    # a one-block "keystream" whose counter block is the FIPS plaintext, forced down the bit-sliced path
    stream = aes._keystream_bitsliced(PLAIN[:12], int.from_bytes(PLAIN[12:], "big"), 1)
    assert stream.hex() == expected


@settings(max_examples=30)
@given(st.sampled_from([16, 24, 32]), st.integers(1, 300), st.integers(0, 2**32 - 1), st.randoms())
def test_bitsliced_keystream_equals_t_tables(klen: int, blocks: int, counter: int, rnd: random.Random) -> None:
    aes = AES(rnd.randbytes(klen))
    prefix = rnd.randbytes(12)
    tables = b"".join(aes.encrypt_block(prefix + ((counter + i) & 0xFFFFFFFF).to_bytes(4, "big"))
                      for i in range(blocks))
    assert aes._keystream_bitsliced(prefix, counter, blocks) == tables
    assert aes.ctr_keystream(prefix, counter, blocks) == tables


def test_keystream_wraps_the_32_bit_counter() -> None:
    aes = AES(bytes(32))
    stream = aes.ctr_keystream(bytes(12), 0xFFFFFFFE, 200)  # bit-sliced, wraps after two blocks
    assert stream[32:48] == aes.encrypt_block(bytes(16))
    assert stream[:16] == aes.encrypt_block(bytes(12) + b"\xff\xff\xff\xfe")


def test_aes_against_pyaes() -> None:
    pyaes = pytest.importorskip("pyaes")
    for klen in (16, 24, 32):
        key = os.urandom(klen)
        block = os.urandom(16)
        assert AES(key).encrypt_block(block) == bytes(pyaes.AES(key).encrypt(list(block)))


def test_aes_against_cryptography() -> None:
    pytest.importorskip("cryptography")
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    for klen in (16, 24, 32):
        key = os.urandom(klen)
        prefix = os.urandom(12)
        enc = Cipher(algorithms.AES(key), modes.CTR(prefix + (5).to_bytes(4, "big"))).encryptor()
        assert AES(key).ctr_keystream(prefix, 5, 2000) == enc.update(bytes(16 * 2000))


def _reference_ghash(h: int, y: int, data: bytes) -> int:
    for i in range(0, len(data), 16):
        y = gf_mul(y ^ int.from_bytes(data[i:i + 16], "big"), h)
    return y


def test_gf_mul_identity_and_commutativity() -> None:
    one = 1 << 127  # the field's 1 in GCM's reflected bit order
    rnd = random.Random(7)
    for _ in range(20):
        a, b = rnd.getrandbits(128), rnd.getrandbits(128)
        assert gf_mul(a, one) == a
        assert gf_mul(a, b) == gf_mul(b, a)


@settings(max_examples=25)
@given(st.integers(1, 600), st.randoms())
def test_ghash_tables_agree(blocks: int, rnd: random.Random) -> None:
    h, y = rnd.getrandbits(128), rnd.getrandbits(128)
    data = rnd.randbytes(16 * blocks)
    g = Ghash(h)
    expected = _reference_ghash(h, y, data)
    assert g._update4(y, data) == expected
    g._t8 = _ghash._tables(g._get_basis(), 8)
    assert g._update8(y, data) == expected


@pytest.mark.parametrize(("blocks", "lanes"), [(256, 256), (300, 256), (4096, 1024), (8192, 0), (20000, 0)])
def test_ghash_lanes_agree(blocks: int, lanes: int) -> None:
    rnd = random.Random(blocks)
    h, y = rnd.getrandbits(128), rnd.getrandbits(128)
    data = rnd.randbytes(16 * blocks)
    expected = _reference_ghash(h, y, data) if blocks <= 4096 else Ghash(h)._update8_or_4(y, data)
    assert Ghash(h)._lanes_update(y, data, blocks, lanes) == expected


def test_ghash_update_picks_the_lane_path_for_long_inputs() -> None:
    h = random.Random(1).getrandbits(128)
    data = bytes(range(256)) * (16 * _ghash.LANES_MIN_BLOCKS // 256)
    g = Ghash(h)
    assert g.update(0, data) == Ghash(h)._update8_or_4(0, data)
    assert g._lanes  # the bit-sliced matrix was built
