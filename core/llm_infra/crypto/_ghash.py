"""Pure-Python GHASH (NIST SP 800-38D §6.4), the universal hash of AES-GCM.

Why hand-written: see ``_aes`` (Pyodide installs wheels only; no pure GCM wheel exists).

A block is a 128-bit integer read big-endian, so the coefficient of x^i sits at bit 127-i (the
"reflected" order of the specification, where multiplying by x is a right shift). Three ways to
multiply by the hash key H, picked by the amount of data:

* **4-bit tables** (32 tables x 16 entries, built in microseconds) for short inputs;
* **8-bit tables** (16 x 256) once an instance has hashed enough data to repay building them;
* **lanes** for long inputs: the blocks are dealt round-robin to L interleaved streams, each a
  Horner evaluation with key H^L — the same linear map for all of them, so the streams run
  bit-sliced (one integer per coefficient, one bit per stream) and a step costs about 4,300
  big-integer XORs whatever L is (the 128x128 bit matrix of H^L is applied "four Russians" style:
  XOR combinations of each group of 4 input planes are formed once and looked up per output).
  The L stream results are then combined by an ordinary GHASH over L blocks.

Not constant-time (table look-ups indexed by secret data; Python big integers).

    >>> from llm_infra.crypto._ghash import Ghash
    >>> g = Ghash(int("66e94bd4ef8a2c3b884cfa59ca342b2e", 16))
    >>> hex(g.update(0, bytes.fromhex("0388dace60b6a392f328c2b971b2fe78" + "0" * 16 + "0000000000000080")))
    '0xf38cbb1ad69223dcc3457ae5b6b0f885'
"""

from __future__ import annotations

from functools import reduce
from operator import xor

from ._aes import bytes_to_planes, planes_to_bytes

__all__ = ["LANES_MIN_BLOCKS", "TABLE8_MIN_BLOCKS", "Ghash", "gf_mul"]

_R = 0xE1 << 120  # x^128 = x^7 + x^2 + x + 1, reflected
#: An instance builds its 8-bit tables once it has hashed this many blocks in total.
TABLE8_MIN_BLOCKS = 256
#: Inputs of at least this many blocks are hashed in bit-sliced lanes.
LANES_MIN_BLOCKS = 8192


def _times_x_powers(h: int) -> list[int]:
    """``[h, h·x, h·x^2, ..., h·x^127]``."""
    out = [h]
    for _ in range(127):
        h = (h >> 1) ^ _R if h & 1 else h >> 1
        out.append(h)
    return out


def gf_mul(a: int, b: int) -> int:
    """a·b in GF(2^128) with GCM's bit order (the reference algorithm of SP 800-38D §6.3)."""
    z = 0
    for i in range(127, -1, -1):
        if (a >> i) & 1:
            z ^= b
        b = (b >> 1) ^ _R if b & 1 else b >> 1
    return z


def _tables(basis: list[int], width: int) -> list[list[int]]:
    """``T[q][v]`` = (the element whose ``width``-bit digit ``q``, from the top, is ``v``) · H."""
    tables = []
    for q in range(128 // width):
        t = [0] * (1 << width)
        for v in range(1, 1 << width):
            low = v & -v
            t[v] = t[v ^ low] ^ basis[width * q + width - low.bit_length()]
        tables.append(t)
    return tables


class Ghash:
    """GHASH under one hash key ``h`` (the block E_K(0^128) as an integer)."""

    __slots__ = ("_basis", "_blocks_seen", "_h", "_lanes", "_t4", "_t8")

    def __init__(self, h: int) -> None:
        self._h = h
        self._basis: list[int] | None = None
        self._t4: list[list[int]] | None = None
        self._t8: list[list[int]] | None = None
        self._lanes: dict[int, list[tuple[int, ...]]] = {}
        self._blocks_seen = 0

    def _get_basis(self) -> list[int]:
        if self._basis is None:
            self._basis = _times_x_powers(self._h)
        return self._basis

    def update(self, y: int, data: bytes) -> int:
        """Continue GHASH from state ``y`` over ``data`` (a whole number of blocks)."""
        n = len(data) // 16
        self._blocks_seen += n
        if n >= LANES_MIN_BLOCKS:
            return self._lanes_update(y, data, n)
        if self._t8 is None and self._blocks_seen >= TABLE8_MIN_BLOCKS:
            self._t8 = _tables(self._get_basis(), 8)
        if self._t8 is not None:
            return self._update8(y, data)
        return self._update4(y, data)

    def _update8(self, y: int, data: bytes) -> int:
        assert self._t8 is not None
        t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15 = self._t8
        frm = int.from_bytes
        for i in range(0, len(data), 16):
            b = (y ^ frm(data[i:i + 16], "big")).to_bytes(16, "big")
            y = (t0[b[0]] ^ t1[b[1]] ^ t2[b[2]] ^ t3[b[3]] ^ t4[b[4]] ^ t5[b[5]] ^ t6[b[6]] ^ t7[b[7]]
                 ^ t8[b[8]] ^ t9[b[9]] ^ t10[b[10]] ^ t11[b[11]] ^ t12[b[12]] ^ t13[b[13]] ^ t14[b[14]] ^ t15[b[15]])
        return y

    def _update4(self, y: int, data: bytes) -> int:
        if self._t4 is None:
            self._t4 = _tables(self._get_basis(), 4)
        t = self._t4
        frm = int.from_bytes
        for i in range(0, len(data), 16):
            b = (y ^ frm(data[i:i + 16], "big")).to_bytes(16, "big")
            y = 0
            for q in range(16):
                v = b[q]
                y ^= t[2 * q][v >> 4] ^ t[2 * q + 1][v & 15]
        return y

    # -- lanes ----------------------------------------------------------------------------------

    def _lane_matrix(self, lanes: int) -> list[tuple[int, ...]]:
        """For output coefficient d, the flat indices ``16g + nibble`` of the four-Russians look-ups."""
        rows = self._lanes.get(lanes)
        if rows is None:
            k = self._h
            # H^lanes by repeated squaring (lanes is a power of two)
            e = 1
            while e < lanes:
                k = gf_mul(k, k)
                e *= 2
            cols = _times_x_powers(k)  # column c: x^c · K
            rows = []
            for d in range(128):
                bit = 127 - d
                idx = []
                for g in range(32):
                    nib = (((cols[4 * g] >> bit) & 1) | (((cols[4 * g + 1] >> bit) & 1) << 1)
                           | (((cols[4 * g + 2] >> bit) & 1) << 2) | (((cols[4 * g + 3] >> bit) & 1) << 3))
                    if nib:
                        idx.append(16 * g + nib)
                rows.append(tuple(idx))
            self._lanes[lanes] = rows
        return rows

    def _lanes_update(self, y: int, data: bytes, n: int, lanes: int = 0) -> int:
        if not lanes:  # about sqrt(64 n): measured optimum between the steps and the final combination
            lanes = 1 << max(8, min(13, (n.bit_length() + 7) // 2))
        rows = self._lane_matrix(lanes)
        # Horner with a zero prefix is unchanged, so pad in front to whole steps; fold y into block 1
        pad = -n % lanes
        first = (y ^ int.from_bytes(data[:16], "big")).to_bytes(16, "big")
        buf = bytes(16 * pad) + first + data[16:]
        steps = (n + pad) // lanes
        z: list[int] | None = None
        getter = None
        for s in range(steps):
            chunk = buf[16 * lanes * s:16 * lanes * (s + 1)]
            x = _coefficient_planes(chunk, lanes)
            if z is None:
                z = x
                continue
            # z = z·K ^ x, bit-sliced: combinations of each group of 4 coefficient planes ...
            flat: list[int] = []
            for g in range(0, 128, 4):
                a, b, c, d = z[g], z[g + 1], z[g + 2], z[g + 3]
                ab = a ^ b
                cd = c ^ d
                abcd = ab ^ cd
                flat += (0, a, b, ab, c, a ^ c, b ^ c, ab ^ c, d, a ^ d, b ^ d, ab ^ d, cd, a ^ cd, b ^ cd, abcd)
            getter = flat.__getitem__
            # ... then each output plane is the XOR of one combination per group
            z = [reduce(xor, map(getter, rows[o]), x[o]) for o in range(128)]
        assert z is not None
        # the L stream results, in stream order, are combined by GHASH over L blocks
        return self._update8_or_4(0, _planes_to_blocks(z, lanes))

    def _update8_or_4(self, y: int, data: bytes) -> int:
        if self._t8 is None:
            self._t8 = _tables(self._get_basis(), 8)
        return self._update8(y, data)


def _coefficient_planes(chunk: bytes, lanes: int) -> list[int]:
    """Blocks -> 128 integers: integer ``c`` holds the coefficient of x^c of every block (bit i = block i)."""
    planes: list[int] = []
    for p in range(16):
        bits = bytes_to_planes(chunk[p::16], lanes)  # bits[b] = bit b (LSB first) of byte p
        planes += (bits[7], bits[6], bits[5], bits[4], bits[3], bits[2], bits[1], bits[0])
    return planes


def _planes_to_blocks(planes: list[int], lanes: int) -> bytes:
    out = bytearray(16 * lanes)
    for p in range(16):
        c = planes[8 * p:8 * p + 8]
        out[p::16] = planes_to_bytes([c[7], c[6], c[5], c[4], c[3], c[2], c[1], c[0]], lanes)
    return bytes(out)
