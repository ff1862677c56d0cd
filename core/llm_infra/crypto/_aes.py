"""Pure-Python AES encryption (FIPS 197) for AES-GCM: one block, or a CTR keystream in bulk.

Why hand-written: the core must run in Pyodide, where ``micropip`` installs wheels only; ``pyaes``
is published only as an sdist, and no pure-Python AES-GCM wheel exists. On CPython the
``cryptography`` package replaces this when installed (see ``_gcm``); results are byte-identical.
Only the forward cipher exists here: GCM never decrypts a block.

Two implementations of the same cipher, picked by the number of blocks:

* **T-tables** (the FIPS 197 §5.1 round as four table look-ups per column), for the hash key,
  the tag mask and short messages;
* **bit-slicing** for long keystreams: the counter blocks are transposed so that one Python
  integer holds bit *b* of state byte *p* of every block (one bit per block), and the round
  function becomes a boolean circuit over those 128 integers. SubBytes is the Boyar–Peralta
  depth-16 circuit (eprint 2011/332, 113 gates, without its four output NOTs: the affine
  constant 0x63 is folded into the round keys, which MixColumns and ShiftRows leave intact);
  ShiftRows is a renaming; MixColumns is XORs. One big-integer operation then advances every
  block at once, which is why this is an order of magnitude faster than table look-ups per block.

Not constant-time: the T-table path indexes tables with secret data (cache timing), and Python
gives no timing guarantees at all. With secret keys on a shared machine prefer the native backend.

    >>> from llm_infra.crypto._aes import AES
    >>> AES(bytes(range(16))).encrypt_block(bytes.fromhex("00112233445566778899aabbccddeeff")).hex()
    '69c4e0d86a7b0430d8cdb78070b4c55a'
"""

from __future__ import annotations

from array import array
from functools import cache

__all__ = ["AES", "BITSLICE_MIN_BLOCKS", "sbox"]

#: Keystreams of at least this many blocks are computed bit-sliced; shorter ones with T-tables.
BITSLICE_MIN_BLOCKS = 96
#: Blocks per bit-sliced batch (the integers are this many bits wide).
_BATCH_BLOCKS = 1 << 16

_ROUNDS = {16: 10, 24: 12, 32: 14}


def _xtime(a: int) -> int:
    a <<= 1
    return a ^ 0x11B if a & 0x100 else a


def _gf_mul(a: int, b: int) -> int:
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = _xtime(a)
        b >>= 1
    return r


@cache
def sbox() -> bytes:
    """The AES S-box, computed from its definition (FIPS 197 §5.1.1): inverse in GF(2^8), then affine."""
    out = bytearray(256)
    for x in range(256):
        inv = 0
        if x:
            inv = next(y for y in range(1, 256) if _gf_mul(x, y) == 1)
        s = inv
        for shift in (1, 2, 3, 4):
            s ^= ((inv << shift) | (inv >> (8 - shift))) & 0xFF
        out[x] = s ^ 0x63
    return bytes(out)


@cache
def _tables() -> tuple[list[int], list[int], list[int], list[int], list[int]]:
    """The four encryption T-tables (S-box and MixColumns combined) and the S-box shifted to the top byte."""
    s = sbox()
    t0 = []
    for x in range(256):
        v = s[x]
        v2 = _xtime(v)
        t0.append((v2 << 24) | (v << 16) | (v << 8) | (v2 ^ v))
    t1 = [((w >> 8) | (w << 24)) & 0xFFFFFFFF for w in t0]
    t2 = [((w >> 16) | (w << 16)) & 0xFFFFFFFF for w in t0]
    t3 = [((w >> 24) | (w << 8)) & 0xFFFFFFFF for w in t0]
    return t0, t1, t2, t3, [v << 24 for v in s]


def _expand_key(key: bytes) -> list[int]:
    """The round-key words w[0 .. 4(Nr+1)-1] (FIPS 197 §5.2)."""
    s = sbox()
    nk = len(key) // 4
    words = [int.from_bytes(key[4 * i:4 * i + 4], "big") for i in range(nk)]
    rcon = 1
    for i in range(nk, 4 * (_ROUNDS[len(key)] + 1)):
        t = words[-1]
        if i % nk == 0:
            t = ((t << 8) | (t >> 24)) & 0xFFFFFFFF  # RotWord
            t = (s[t >> 24] << 24) | (s[(t >> 16) & 255] << 16) | (s[(t >> 8) & 255] << 8) | s[t & 255]
            t ^= rcon << 24
            rcon = _xtime(rcon)
        elif nk > 6 and i % nk == 4:
            t = (s[t >> 24] << 24) | (s[(t >> 16) & 255] << 16) | (s[(t >> 8) & 255] << 8) | s[t & 255]
        words.append(words[i - nk] ^ t)
    return words


class AES:
    """The AES forward cipher under one 16-, 24- or 32-byte key (the caller checks the length)."""

    __slots__ = ("_bitslice_keys", "_rounds", "_w")

    def __init__(self, key: bytes) -> None:
        self._rounds = _ROUNDS[len(key)]
        self._w = _expand_key(key)
        self._bitslice_keys: list[list[bool]] | None = None

    # -- one block at a time: T-tables ----------------------------------------------------------

    def _encrypt_words(self, s0: int, s1: int, s2: int, s3: int) -> tuple[int, int, int, int]:
        t0, t1, t2, t3, sb = _tables()
        w = self._w
        s0 ^= w[0]
        s1 ^= w[1]
        s2 ^= w[2]
        s3 ^= w[3]
        k = 4
        for _ in range(self._rounds - 1):
            s0, s1, s2, s3 = (
                t0[s0 >> 24] ^ t1[(s1 >> 16) & 255] ^ t2[(s2 >> 8) & 255] ^ t3[s3 & 255] ^ w[k],
                t0[s1 >> 24] ^ t1[(s2 >> 16) & 255] ^ t2[(s3 >> 8) & 255] ^ t3[s0 & 255] ^ w[k + 1],
                t0[s2 >> 24] ^ t1[(s3 >> 16) & 255] ^ t2[(s0 >> 8) & 255] ^ t3[s1 & 255] ^ w[k + 2],
                t0[s3 >> 24] ^ t1[(s0 >> 16) & 255] ^ t2[(s1 >> 8) & 255] ^ t3[s2 & 255] ^ w[k + 3],
            )
            k += 4
        # final round: SubBytes and ShiftRows only
        return (
            (sb[s0 >> 24] | (sb[(s1 >> 16) & 255] >> 8) | (sb[(s2 >> 8) & 255] >> 16) | (sb[s3 & 255] >> 24)) ^ w[k],
            (sb[s1 >> 24] | (sb[(s2 >> 16) & 255] >> 8) | (sb[(s3 >> 8) & 255] >> 16) | (sb[s0 & 255] >> 24))
            ^ w[k + 1],
            (sb[s2 >> 24] | (sb[(s3 >> 16) & 255] >> 8) | (sb[(s0 >> 8) & 255] >> 16) | (sb[s1 & 255] >> 24))
            ^ w[k + 2],
            (sb[s3 >> 24] | (sb[(s0 >> 16) & 255] >> 8) | (sb[(s1 >> 8) & 255] >> 16) | (sb[s2 & 255] >> 24))
            ^ w[k + 3],
        )

    def encrypt_block(self, block: bytes) -> bytes:
        """One 16-byte block."""
        r = self._encrypt_words(*(int.from_bytes(block[i:i + 4], "big") for i in range(0, 16, 4)))
        return b"".join(v.to_bytes(4, "big") for v in r)

    # -- CTR keystream ------------------------------------------------------------------------

    def ctr_keystream(self, prefix: bytes, counter: int, blocks: int) -> bytes:
        """``blocks`` keystream blocks ``E(prefix ‖ counter + i mod 2^32)`` (GCM's inc32 counter)."""
        if blocks >= BITSLICE_MIN_BLOCKS:
            out = bytearray()
            done = 0
            while done < blocks:
                n = min(blocks - done, _BATCH_BLOCKS)
                out += self._keystream_bitsliced(prefix, (counter + done) & 0xFFFFFFFF, n)
                done += n
            return bytes(out)
        p0, p1, p2 = (int.from_bytes(prefix[i:i + 4], "big") for i in (0, 4, 8))
        enc = self._encrypt_words
        parts = []
        for i in range(blocks):
            r = enc(p0, p1, p2, (counter + i) & 0xFFFFFFFF)
            parts.append(((r[0] << 96) | (r[1] << 64) | (r[2] << 32) | r[3]).to_bytes(16, "big"))
        return b"".join(parts)

    def _keystream_bitsliced(self, prefix: bytes, counter: int, n: int) -> bytes:
        keys = self._bitslice_keys
        if keys is None:
            keys = self._bitslice_keys = _bitslice_round_keys(self._w, self._rounds)
        ones = (1 << n) - 1
        # the counter blocks, bit-sliced: bytes 0..11 are the same in every block ...
        x: list[int] = []
        for p in range(12):
            byte = prefix[p]
            x.extend(ones if (byte >> b) & 1 else 0 for b in range(8))
        # ... bytes 12..15 hold the 32-bit big-endian block counter
        if counter + n <= 1 << 32:
            ctrs = array("I", range(counter, counter + n))
        else:  # inc32 wraps around within this batch
            ctrs = array("I", range(counter, 1 << 32))
            ctrs.extend(range(counter + n - (1 << 32)))
        if ctrs.itemsize != 4:  # pragma: no cover - 'I' is 32-bit on every supported platform
            raise RuntimeError("array('I') is not 32-bit here")
        raw = ctrs.tobytes()
        little = array("H", [1]).tobytes()[0] == 1
        for p in range(12, 16):
            k = 15 - p if little else p - 12  # byte of the native 32-bit integer holding block byte p
            x.extend(bytes_to_planes(raw[k::4], n))
        state = _encrypt_bitsliced(x, keys, ones)
        out = bytearray(16 * n)
        for p in range(16):
            out[p::16] = planes_to_bytes(state[8 * p:8 * p + 8], n)
        return bytes(out)


# -- transposition between bytes and bit planes -------------------------------------------------

@cache
def _swar_masks(words: int) -> tuple[int, int, int]:
    def rep(m: int) -> int:
        return int.from_bytes(m.to_bytes(8, "little") * words, "little")

    return rep(0x00AA00AA00AA00AA), rep(0x0000CCCC0000CCCC), rep(0x00000000F0F0F0F0)


def _transpose8(x: int, words: int) -> int:
    """Transpose every 8x8 bit matrix (byte r = row r, bit c = column c) of a ``words``-word integer."""
    m1, m2, m3 = _swar_masks(words)
    t = (x ^ (x >> 7)) & m1
    x ^= t ^ (t << 7)
    t = (x ^ (x >> 14)) & m2
    x ^= t ^ (t << 14)
    t = (x ^ (x >> 28)) & m3
    return x ^ t ^ (t << 28)


def bytes_to_planes(column: bytes | bytearray, n: int) -> list[int]:
    """``n`` bytes -> 8 integers; bit ``i`` of integer ``b`` is bit ``b`` of byte ``i``."""
    words = -(-n // 8)
    x = _transpose8(int.from_bytes(bytes(column).ljust(8 * words, b"\0"), "little"), words)
    t = x.to_bytes(8 * words, "little")
    return [int.from_bytes(t[b::8], "little") for b in range(8)]


def planes_to_bytes(planes: list[int], n: int) -> bytes:
    """The inverse of :func:`bytes_to_planes`: 8 integers -> ``n`` bytes."""
    words = -(-n // 8)
    buf = bytearray(8 * words)
    for b in range(8):
        buf[b::8] = planes[b].to_bytes(words, "little")
    return _transpose8(int.from_bytes(buf, "little"), words).to_bytes(8 * words, "little")[:n]


# -- the bit-sliced cipher --------------------------------------------------------------------

def _bitslice_round_keys(w: list[int], rounds: int) -> list[list[bool]]:
    """Per round, the 128 key bits in plane order (8p + b); rounds >= 1 absorb the S-box constant 0x63."""
    out = []
    for r in range(rounds + 1):
        bits: list[bool] = []
        for p in range(16):
            byte = (w[4 * r + p // 4] >> (24 - 8 * (p % 4))) & 255
            if r:
                byte ^= 0x63
            bits.extend(bool((byte >> b) & 1) for b in range(8))
        out.append(bits)
    return out


def _sub_byte(x0: int, x1: int, x2: int, x3: int, x4: int, x5: int, x6: int, x7: int) -> tuple[int, ...]:
    """S(x) ^ 0x63 on bit planes (x0 = least significant bit): Boyar–Peralta, output NOTs dropped."""
    u0, u1, u2, u3, u4, u5, u6, u7 = x7, x6, x5, x4, x3, x2, x1, x0
    # top linear layer
    t1 = u0 ^ u3
    t2 = u0 ^ u5
    t3 = u0 ^ u6
    t4 = u3 ^ u5
    t5 = u4 ^ u6
    t6 = t1 ^ t5
    t7 = u1 ^ u2
    t8 = u7 ^ t6
    t9 = u7 ^ t7
    t10 = t6 ^ t7
    t11 = u1 ^ u5
    t12 = u2 ^ u5
    t13 = t3 ^ t4
    t14 = t6 ^ t11
    t15 = t5 ^ t11
    t16 = t5 ^ t12
    t17 = t9 ^ t16
    t18 = u3 ^ u7
    t19 = t7 ^ t18
    t20 = t1 ^ t19
    t21 = u6 ^ u7
    t22 = t7 ^ t21
    t23 = t2 ^ t22
    t24 = t2 ^ t10
    t25 = t20 ^ t17
    t26 = t3 ^ t16
    t27 = t1 ^ t12
    d = u7
    # shared non-linear middle: inversion in GF(2^4)^2
    m1 = t13 & t6
    m6 = t3 & t16
    m11 = t1 & t15
    m13 = (t4 & t27) ^ m11
    m15 = (t2 & t10) ^ m11
    m20 = t14 ^ m1 ^ (t23 & t8) ^ m13
    m21 = (t19 & d) ^ m1 ^ t24 ^ m15
    m22 = t26 ^ m6 ^ (t22 & t9) ^ m13
    m23 = (t20 & t17) ^ m6 ^ m15 ^ t25
    m25 = m22 & m20
    m37 = m21 ^ ((m20 ^ m21) & (m23 ^ m25))
    m38 = m20 ^ m25 ^ (m21 | (m20 & m23))
    m39 = m23 ^ ((m22 ^ m23) & (m21 ^ m25))
    m40 = m22 ^ m25 ^ (m23 | (m21 & m22))
    m41 = m38 ^ m40
    m42 = m37 ^ m39
    m43 = m37 ^ m38
    m44 = m39 ^ m40
    m45 = m42 ^ m41
    m46 = m44 & t6
    m47 = m40 & t8
    m48 = m39 & d
    m49 = m43 & t16
    m50 = m38 & t9
    m51 = m37 & t17
    m52 = m42 & t15
    m53 = m45 & t27
    m54 = m41 & t10
    m55 = m44 & t13
    m56 = m40 & t23
    m57 = m39 & t19
    m58 = m43 & t3
    m59 = m38 & t22
    m60 = m37 & t20
    m61 = m42 & t1
    m62 = m45 & t4
    m63 = m41 & t2
    # bottom linear layer
    l0 = m61 ^ m62
    l1 = m50 ^ m56
    l2 = m46 ^ m48
    l3 = m47 ^ m55
    l4 = m54 ^ m58
    l5 = m49 ^ m61
    l6 = m62 ^ l5
    l7 = m46 ^ l3
    l8 = m51 ^ m59
    l9 = m52 ^ m53
    l10 = m53 ^ l4
    l11 = m60 ^ l2
    l12 = m48 ^ m51
    l13 = m50 ^ l0
    l14 = m52 ^ m61
    l15 = m55 ^ l1
    l16 = m56 ^ l0
    l17 = m57 ^ l1
    l18 = m58 ^ l8
    l19 = m63 ^ l4
    l20 = l0 ^ l1
    l21 = l1 ^ l7
    l22 = l3 ^ l12
    l23 = l18 ^ l2
    l24 = l15 ^ l9
    l25 = l6 ^ l10
    l26 = l7 ^ l9
    l27 = l8 ^ l10
    l28 = l11 ^ l14
    l29 = l11 ^ l17
    return (l6 ^ l23, l13 ^ l27, l25 ^ l29, l20 ^ l22, l6 ^ l21, l19 ^ l28, l16 ^ l26, l6 ^ l24)


# ShiftRows as a renaming of byte positions: new byte p (column p//4, row p%4) comes from SHIFT[p]
_SHIFT = tuple(4 * ((p // 4 + p % 4) % 4) + p % 4 for p in range(16))


def _encrypt_bitsliced(x: list[int], keys: list[list[bool]], ones: int) -> list[int]:
    """The cipher on 128 bit planes (plane 8p + b = bit b of state byte p); returns the output planes."""
    x = [v ^ ones if k else v for v, k in zip(x, keys[0], strict=True)]
    rounds = len(keys) - 1
    sub = _sub_byte
    for r in range(1, rounds + 1):
        s = [sub(*x[8 * p:8 * p + 8]) for p in range(16)]
        s = [s[_SHIFT[p]] for p in range(16)]
        if r < rounds:
            mixed: list[int] = []
            for c in range(4):
                a0, a1, a2, a3 = s[4 * c], s[4 * c + 1], s[4 * c + 2], s[4 * c + 3]
                t = [a0[b] ^ a1[b] ^ a2[b] ^ a3[b] for b in range(8)]
                for ai, aj in ((a0, a1), (a1, a2), (a2, a3), (a3, a0)):
                    # out_i = a_i ^ t ^ xtime(a_i ^ a_{i+1})
                    d0, d1, d2, d3, d4, d5, d6, d7 = (ai[b] ^ aj[b] for b in range(8))
                    mixed += (
                        ai[0] ^ t[0] ^ d7, ai[1] ^ t[1] ^ d0 ^ d7, ai[2] ^ t[2] ^ d1, ai[3] ^ t[3] ^ d2 ^ d7,
                        ai[4] ^ t[4] ^ d3 ^ d7, ai[5] ^ t[5] ^ d4, ai[6] ^ t[6] ^ d5, ai[7] ^ t[7] ^ d6,
                    )
            flat = mixed
        else:
            flat = [v for byte in s for v in byte]
        x = [v ^ ones if k else v for v, k in zip(flat, keys[r], strict=True)]
    return x
