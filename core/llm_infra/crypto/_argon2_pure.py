"""Pure-Python Argon2id (RFC 9106, version 0x13): the implementation Pyodide runs.

H (and the variable-length H') is BLAKE2b from :mod:`hashlib`, which CPython and Pyodide both
build in (no OpenSSL needed). The memory matrix is one ``bytearray`` of m' KiB — 19 MiB at the
OWASP parameters, not the 120 MB a list of Python integers per block would take. The XORs of the
compression function G (R = X ^ Y, and G ^ the overwritten block) are done on whole 1 KiB blocks
read as one little-endian integer each — a few C-level operations instead of 128-word loops, which
made a hash about 15% faster — and only R is unpacked into 128 words, for the generated, unrolled
permutation :func:`._argon2_blamka.permute`. Lanes are filled one after the other (the result does
not depend on the order, and Python threads would not run them in parallel anyway).

Not constant-time (Argon2id's first half-pass is data-independent by design; the rest, like every
Argon2d implementation, is not). Callers validate parameters first (:mod:`._argon2`).

    >>> argon2id(b"password", b"somesalt", 1, 8, 1, 8, b"", b"").hex()
    'e755ed69be270f28'
"""

from __future__ import annotations

import hashlib
import struct

from ._argon2_blamka import compress, permute

__all__ = ["argon2id", "h_prime"]

_VERSION = 0x13
_TYPE_ID = 2
_SYNC_POINTS = 4
_BLOCK = struct.Struct("<128Q")
_ZERO = (0,) * 128
_M64 = 0xFFFFFFFFFFFFFFFF


def h_prime(data: bytes, length: int) -> bytes:
    """H' (RFC 9106 §3.3): BLAKE2b stretched to ``length`` bytes."""
    prefixed = length.to_bytes(4, "little") + data
    if length <= 64:
        return hashlib.blake2b(prefixed, digest_size=length).digest()
    r = -(-length // 32) - 2
    v = hashlib.blake2b(prefixed).digest()
    out = [v[:32]]
    for _ in range(r - 1):
        v = hashlib.blake2b(v).digest()
        out.append(v[:32])
    out.append(hashlib.blake2b(v, digest_size=length - 32 * r).digest())
    return b"".join(out)


def _h0(password: bytes, salt: bytes, time_cost: int, memory_kib: int, parallelism: int, length: int,
        secret: bytes, ad: bytes) -> bytes:
    h = hashlib.blake2b(struct.pack("<6I", parallelism, length, memory_kib, time_cost, _VERSION, _TYPE_ID))
    for part in (password, salt, secret, ad):
        h.update(len(part).to_bytes(4, "little"))
        h.update(part)
    return h.digest()


def argon2id(password: bytes, salt: bytes, time_cost: int, memory_kib: int, parallelism: int, length: int,
             secret: bytes, ad: bytes) -> bytes:
    """The Argon2id tag; every argument already validated against RFC 9106 §3.1."""
    lanes = parallelism
    h0 = _h0(password, salt, time_cost, memory_kib, lanes, length, secret, ad)
    lane_len = memory_kib // (_SYNC_POINTS * lanes) * _SYNC_POINTS  # m' / p columns
    seg_len = lane_len // _SYNC_POINTS
    mem = bytearray(1024 * lane_len * lanes)
    for lane in range(lanes):
        for col in (0, 1):
            off = (lane * lane_len + col) * 1024
            mem[off:off + 1024] = h_prime(h0 + struct.pack("<2I", col, lane), 1024)
    m_blocks = lane_len * lanes
    for r in range(time_cost):
        for s in range(_SYNC_POINTS):
            for lane in range(lanes):
                _fill_segment(mem, r, s, lane, lanes, lane_len, seg_len, m_blocks, time_cost)
    last = [0] * 128
    for lane in range(lanes):
        block = _BLOCK.unpack_from(mem, (lane * lane_len + lane_len - 1) * 1024)
        last = [a ^ b for a, b in zip(last, block, strict=True)]
    return h_prime(_BLOCK.pack(*last), length)


def _fill_segment(mem: bytearray, r: int, s: int, lane: int, lanes: int, lane_len: int, seg_len: int,
                  m_blocks: int, time_cost: int) -> None:
    # blocks are handled as 8192-bit integers (word k = bits 64k .. 64k+63, little-endian)
    unpack = _BLOCK.unpack
    pack = _BLOCK.pack
    from_bytes = int.from_bytes
    independent = r == 0 and s < 2  # Argon2id: data-independent addressing in the first half-pass
    start = 2 if r == 0 and s == 0 else 0
    lane_base = lane * lane_len
    col = s * seg_len + start
    prev_off = (lane_base + (col - 1 if col else lane_len - 1)) * 1024
    prev = from_bytes(mem[prev_off:prev_off + 1024], "little")
    addresses: list[int] = []
    address_input: list[int] = []
    if independent:
        address_input = [r, lane, s, m_blocks, time_cost, _TYPE_ID, 0] + [0] * 121
    start_pos = 0 if r == 0 or s == _SYNC_POINTS - 1 else (s + 1) * seg_len
    # the reference area when the reference lane is another lane (same for the whole segment
    # except at index 0, where the other lanes' last block is not finished yet)
    other_area = s * seg_len if r == 0 else lane_len - seg_len
    same_base = other_area - 1
    for i in range(start, seg_len):
        if independent:
            if i % 128 == 0 or (i == start and start == 2):
                address_input[6] += 1
                addresses = compress(_ZERO, compress(_ZERO, address_input))
            rand = addresses[i % 128]
        else:
            rand = prev & _M64  # the first word of the previous block
        j1 = rand & 0xFFFFFFFF
        ref_lane = lane if r == 0 and s == 0 else (rand >> 32) % lanes
        if ref_lane == lane:
            area = same_base + i
        else:
            area = other_area - (1 if i == 0 else 0)
        rel = area - 1 - ((area * ((j1 * j1) >> 32)) >> 32)
        ref_off = (ref_lane * lane_len + (start_pos + rel) % lane_len) * 1024
        block = prev ^ from_bytes(mem[ref_off:ref_off + 1024], "little")  # R = X ^ Y
        block ^= from_bytes(pack(*permute(unpack(block.to_bytes(1024, "little")))), "little")  # G = Z ^ R
        off = (lane_base + s * seg_len + i) * 1024
        if r:
            block ^= from_bytes(mem[off:off + 1024], "little")  # version 0x13: XOR the block overwritten
        mem[off:off + 1024] = block.to_bytes(1024, "little")
        prev = block
