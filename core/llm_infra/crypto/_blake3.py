"""Pure-Python BLAKE3 (hash, keyed hash, derive_key, XOF, streaming), written from the specification.

Why hand-written: the core must run in Pyodide, where ``micropip`` installs wheels only, and no
pure-Python BLAKE3 wheel exists (the ``blake3`` package is a compiled extension). On CPython the
``blake3`` package is used instead when installed (see ``_backend``); results are byte-identical.

Speed comes from BLAKE3's chunk parallelism. The chunks of a message are independent until the
tree is built, so the compressions of up to :data:`LANES_MAX` chunks run at once: word *k* of
every chunk is packed into one Python integer, one 64-bit lane per chunk (the value in the low
32 bits, the high 32 bits absorbing carries and shifted-out bits, masked after every step). A
single big-integer ``+``, ``^``, ``>>`` then advances every chunk; the tree's parent nodes are
reduced level by level the same way. Small inputs take the same code with one lane.

Not constant-time: timing depends on the input length only, but Python big-integer arithmetic
gives no guarantees; with secret keys prefer the native backend where one is installed.

    >>> from llm_infra.crypto._blake3 import Blake3
    >>> Blake3(b"abc").hexdigest()
    '6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["BLOCK_LEN", "CHUNK_LEN", "KEY_LEN", "LANES_MAX", "OUT_LEN", "Blake3", "derive_key_context_key"]

OUT_LEN = 32
KEY_LEN = 32
BLOCK_LEN = 64
CHUNK_LEN = 1024
#: Chunks compressed together per batch (64-bit lanes of one integer per state word).
LANES_MAX = 512
# A stream buffers up to this many bytes (whole chunks) before compressing them together.
_FLUSH_AT = 64 * CHUNK_LEN

CHUNK_START = 1 << 0
CHUNK_END = 1 << 1
PARENT = 1 << 2
ROOT = 1 << 3
KEYED_HASH = 1 << 4
DERIVE_KEY_CONTEXT = 1 << 5
DERIVE_KEY_MATERIAL = 1 << 6

IV = (0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19)
_PERMUTATION = (2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8)
# the message word order of each of the 7 rounds (the permutation applied 0..6 times)
_SCHEDULE: list[tuple[int, ...]] = []
_order = tuple(range(16))
for _ in range(7):
    _SCHEDULE.append(_order)
    _order = tuple(_order[i] for i in _PERMUTATION)
del _order

_ONES: dict[int, int] = {}  # lanes -> 1 in every 64-bit lane


def _ones(lanes: int) -> int:
    """An integer with the value 1 in each of ``lanes`` 64-bit lanes (cached)."""
    v = _ONES.get(lanes)
    if v is None:
        v = int.from_bytes(b"\x01\x00\x00\x00\x00\x00\x00\x00" * lanes, "little")
        if len(_ONES) < 64:
            _ONES[lanes] = v
    return v


def _compress(cv: Sequence[int], m: Sequence[int], t_lo: int, t_hi: int, block_len: int, flags: int,
              mask: int, iv: Sequence[int]) -> list[int]:
    """The BLAKE3 compression function on lane-packed words; returns the 16 output words.

    Every argument is lane-packed (a plain 32-bit value when ``mask`` is ``0xFFFFFFFF``); ``iv``
    holds the four IV words broadcast to the lanes.
    """
    s0, s1, s2, s3, s4, s5, s6, s7 = cv
    s8, s9, s10, s11 = iv
    s12, s13, s14, s15 = t_lo, t_hi, block_len, flags
    for order in _SCHEDULE:
        (m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15) = (m[i] for i in order)
        # columns
        s0 = (s0 + s4 + m0) & mask
        s12 ^= s0
        s12 = ((s12 >> 16) | (s12 << 16)) & mask
        s8 = (s8 + s12) & mask
        s4 ^= s8
        s4 = ((s4 >> 12) | (s4 << 20)) & mask
        s0 = (s0 + s4 + m1) & mask
        s12 ^= s0
        s12 = ((s12 >> 8) | (s12 << 24)) & mask
        s8 = (s8 + s12) & mask
        s4 ^= s8
        s4 = ((s4 >> 7) | (s4 << 25)) & mask

        s1 = (s1 + s5 + m2) & mask
        s13 ^= s1
        s13 = ((s13 >> 16) | (s13 << 16)) & mask
        s9 = (s9 + s13) & mask
        s5 ^= s9
        s5 = ((s5 >> 12) | (s5 << 20)) & mask
        s1 = (s1 + s5 + m3) & mask
        s13 ^= s1
        s13 = ((s13 >> 8) | (s13 << 24)) & mask
        s9 = (s9 + s13) & mask
        s5 ^= s9
        s5 = ((s5 >> 7) | (s5 << 25)) & mask

        s2 = (s2 + s6 + m4) & mask
        s14 ^= s2
        s14 = ((s14 >> 16) | (s14 << 16)) & mask
        s10 = (s10 + s14) & mask
        s6 ^= s10
        s6 = ((s6 >> 12) | (s6 << 20)) & mask
        s2 = (s2 + s6 + m5) & mask
        s14 ^= s2
        s14 = ((s14 >> 8) | (s14 << 24)) & mask
        s10 = (s10 + s14) & mask
        s6 ^= s10
        s6 = ((s6 >> 7) | (s6 << 25)) & mask

        s3 = (s3 + s7 + m6) & mask
        s15 ^= s3
        s15 = ((s15 >> 16) | (s15 << 16)) & mask
        s11 = (s11 + s15) & mask
        s7 ^= s11
        s7 = ((s7 >> 12) | (s7 << 20)) & mask
        s3 = (s3 + s7 + m7) & mask
        s15 ^= s3
        s15 = ((s15 >> 8) | (s15 << 24)) & mask
        s11 = (s11 + s15) & mask
        s7 ^= s11
        s7 = ((s7 >> 7) | (s7 << 25)) & mask
        # diagonals
        s0 = (s0 + s5 + m8) & mask
        s15 ^= s0
        s15 = ((s15 >> 16) | (s15 << 16)) & mask
        s10 = (s10 + s15) & mask
        s5 ^= s10
        s5 = ((s5 >> 12) | (s5 << 20)) & mask
        s0 = (s0 + s5 + m9) & mask
        s15 ^= s0
        s15 = ((s15 >> 8) | (s15 << 24)) & mask
        s10 = (s10 + s15) & mask
        s5 ^= s10
        s5 = ((s5 >> 7) | (s5 << 25)) & mask

        s1 = (s1 + s6 + m10) & mask
        s12 ^= s1
        s12 = ((s12 >> 16) | (s12 << 16)) & mask
        s11 = (s11 + s12) & mask
        s6 ^= s11
        s6 = ((s6 >> 12) | (s6 << 20)) & mask
        s1 = (s1 + s6 + m11) & mask
        s12 ^= s1
        s12 = ((s12 >> 8) | (s12 << 24)) & mask
        s11 = (s11 + s12) & mask
        s6 ^= s11
        s6 = ((s6 >> 7) | (s6 << 25)) & mask

        s2 = (s2 + s7 + m12) & mask
        s13 ^= s2
        s13 = ((s13 >> 16) | (s13 << 16)) & mask
        s8 = (s8 + s13) & mask
        s7 ^= s8
        s7 = ((s7 >> 12) | (s7 << 20)) & mask
        s2 = (s2 + s7 + m13) & mask
        s13 ^= s2
        s13 = ((s13 >> 8) | (s13 << 24)) & mask
        s8 = (s8 + s13) & mask
        s7 ^= s8
        s7 = ((s7 >> 7) | (s7 << 25)) & mask

        s3 = (s3 + s4 + m14) & mask
        s14 ^= s3
        s14 = ((s14 >> 16) | (s14 << 16)) & mask
        s9 = (s9 + s14) & mask
        s4 ^= s9
        s4 = ((s4 >> 12) | (s4 << 20)) & mask
        s3 = (s3 + s4 + m15) & mask
        s14 ^= s3
        s14 = ((s14 >> 8) | (s14 << 24)) & mask
        s9 = (s9 + s14) & mask
        s4 ^= s9
        s4 = ((s4 >> 7) | (s4 << 25)) & mask
    return [
        s0 ^ s8, s1 ^ s9, s2 ^ s10, s3 ^ s11, s4 ^ s12, s5 ^ s13, s6 ^ s14, s7 ^ s15,
        s8 ^ cv[0], s9 ^ cv[1], s10 ^ cv[2], s11 ^ cv[3], s12 ^ cv[4], s13 ^ cv[5], s14 ^ cv[6], s15 ^ cv[7],
    ]


_IV4 = IV[:4]
_M32 = 0xFFFFFFFF


def _words(block: bytes | memoryview) -> list[int]:
    """16 little-endian words of one (zero-padded) block."""
    b = bytes(block).ljust(BLOCK_LEN, b"\0")
    return [int.from_bytes(b[i:i + 4], "little") for i in range(0, BLOCK_LEN, 4)]


def _words_to_bytes(words: list[int]) -> bytes:
    return b"".join(w.to_bytes(4, "little") for w in words)


# -- lane packing --------------------------------------------------------------------------------

def _pack_chunk_words(data: bytes | memoryview, lanes: int) -> list[list[int]]:
    """The message words of ``lanes`` whole chunks, lane-packed: ``[block][word]`` -> integer.

    Byte ``i`` of word ``k`` of block ``j`` of chunk ``c`` is ``data[c*1024 + 64j + 4k + i]``; a
    strided slice collects it from every chunk at C speed, and four of them fill the low half
    of each 8-byte lane.
    """
    raw = bytes(data[: lanes * CHUNK_LEN])
    size = 8 * lanes
    out: list[list[int]] = []
    for j in range(16):
        row: list[int] = []
        for k in range(16):
            buf = bytearray(size)
            base = 64 * j + 4 * k
            buf[0::8] = raw[base::CHUNK_LEN]
            buf[1::8] = raw[base + 1::CHUNK_LEN]
            buf[2::8] = raw[base + 2::CHUNK_LEN]
            buf[3::8] = raw[base + 3::CHUNK_LEN]
            row.append(int.from_bytes(buf, "little"))
        out.append(row)
    return out


def _lane_slice(value: int, lanes: int, start: int, step: int, count: int) -> int:
    """Lanes ``start, start+step, ...`` (``count`` of them) of a lane-packed integer."""
    items = memoryview(value.to_bytes(8 * lanes, "little")).cast("Q")
    return int.from_bytes(items[start:start + step * count:step].tobytes(), "little") if count else 0


def _counter_lanes(first: int, lanes: int) -> tuple[int, int]:
    """Chunk counters ``first .. first+lanes-1`` split into low and high words, lane-packed."""
    lo = bytearray(8 * lanes)
    hi = bytearray(8 * lanes)
    for i in range(lanes):
        c = first + i
        lo[8 * i:8 * i + 4] = (c & _M32).to_bytes(4, "little")
        hi[8 * i:8 * i + 4] = (c >> 32).to_bytes(4, "little")
    return int.from_bytes(lo, "little"), int.from_bytes(hi, "little")


def _unpack_cvs(cv: list[int], lanes: int) -> list[list[int]]:
    """Lane-packed chaining values -> one 8-word list per lane."""
    cols = [memoryview(w.to_bytes(8 * lanes, "little")).cast("Q").tolist() for w in cv]
    return [[cols[k][i] for k in range(8)] for i in range(lanes)]


# -- the tree --------------------------------------------------------------------------------

def _chunk_cvs_lanes(key: list[int], data: bytes | memoryview, lanes: int, counter: int, flags: int) -> list[int]:
    """Chaining values of ``lanes`` whole, non-root chunks starting at chunk ``counter`` (lane-packed)."""
    one = _ones(lanes)
    mask = _M32 * one
    iv = [w * one for w in _IV4]
    cv = [w * one for w in key]
    t_lo, t_hi = _counter_lanes(counter, lanes)
    blen = BLOCK_LEN * one
    blocks = _pack_chunk_words(data, lanes)
    for j, m in enumerate(blocks):
        f = flags | (CHUNK_START if j == 0 else 0) | (CHUNK_END if j == 15 else 0)
        cv = _compress(cv, m, t_lo, t_hi, blen, f * one, mask, iv)[:8]
    return cv


def _reduce_lanes(key: list[int], cv: list[int], lanes: int, flags: int) -> list[int]:
    """Reduce a complete subtree of ``lanes`` (a power of two) lane-packed CVs to its top CV."""
    while lanes > 1:
        half = lanes // 2
        m = [_lane_slice(w, lanes, 0, 2, half) for w in cv] + [_lane_slice(w, lanes, 1, 2, half) for w in cv]
        one = _ones(half)
        cv = _compress([w * one for w in key], m, 0, 0, BLOCK_LEN * one, (flags | PARENT) * one, _M32 * one,
                       [w * one for w in _IV4])[:8]
        lanes = half
    return cv


class _Output:
    """A node that may become the root: everything needed to compress it again with any counter."""

    __slots__ = ("block", "block_len", "counter", "cv", "flags")

    def __init__(self, cv: list[int], block: list[int], counter: int, block_len: int, flags: int) -> None:
        self.cv = cv
        self.block = block
        self.counter = counter
        self.block_len = block_len
        self.flags = flags

    def chaining_value(self) -> list[int]:
        return _compress(self.cv, self.block, self.counter & _M32, self.counter >> 32, self.block_len,
                         self.flags, _M32, _IV4)[:8]

    def root_bytes(self, length: int) -> bytes:
        """``length`` bytes of extended output; the output blocks are compressed in lanes."""
        blocks = -(-length // BLOCK_LEN)
        if blocks == 0:
            return b""
        one = _ones(blocks)
        out = _compress([w * one for w in self.cv], [w * one for w in self.block], *_counter_lanes(0, blocks),
                        self.block_len * one, (self.flags | ROOT) * one, _M32 * one, [w * one for w in _IV4])
        cols = [memoryview(w.to_bytes(8 * blocks, "little")).cast("Q").tolist() for w in out]
        return b"".join(
            b"".join(cols[k][i].to_bytes(4, "little") for k in range(16)) for i in range(blocks)
        )[:length]


def _parent(left: list[int], right: list[int], key: list[int], flags: int) -> _Output:
    return _Output(key, left + right, 0, BLOCK_LEN, flags | PARENT)


def _chunk_output(key: list[int], chunk: bytes, counter: int, flags: int) -> _Output:
    """The output node of one chunk (1..1024 bytes, or the empty message's single empty chunk)."""
    cv = key
    nblocks = max(1, -(-len(chunk) // BLOCK_LEN))
    for j in range(nblocks - 1):
        f = flags | (CHUNK_START if j == 0 else 0)
        cv = _compress(cv, _words(chunk[64 * j:64 * j + 64]), counter & _M32, counter >> 32, BLOCK_LEN, f,
                       _M32, _IV4)[:8]
    last = chunk[64 * (nblocks - 1):]
    f = flags | (CHUNK_START if nblocks == 1 else 0) | CHUNK_END
    return _Output(cv, _words(last), counter, len(last), f)


class Blake3:
    """A BLAKE3 hasher: ``update()`` any number of times, then ``digest(length)``; pure Python.

    ``key`` (32 bytes) selects keyed hashing; ``context_key`` (the 32-byte output of
    :func:`derive_key_context_key`) selects key derivation. ``digest`` does not consume the
    state: more data may follow, and ``copy()`` forks it.
    """

    __slots__ = ("_buf", "_chunks", "_flags", "_key", "_stack")

    def __init__(self, data: bytes | bytearray | memoryview = b"", *, key: bytes | None = None,
                 context_key: bytes | None = None, _flags: int | None = None) -> None:
        if key is not None:
            self._key = _words(key)[:8]
            self._flags = KEYED_HASH
        elif context_key is not None:
            self._key = _words(context_key)[:8]
            self._flags = DERIVE_KEY_MATERIAL
        else:
            self._key = list(IV)
            self._flags = 0
        if _flags is not None:
            self._flags = _flags
        self._buf = bytearray()
        self._chunks = 0  # whole chunks absorbed into the stack so far
        self._stack: list[list[int]] = []
        if data:
            self.update(data)

    def copy(self) -> Blake3:
        other = Blake3.__new__(Blake3)
        other._key = self._key
        other._flags = self._flags
        other._buf = bytearray(self._buf)
        other._chunks = self._chunks
        other._stack = list(self._stack)
        return other

    def update(self, data: bytes | bytearray | memoryview) -> Blake3:
        view = memoryview(data).cast("B")
        if self._buf:
            fill = min(len(view), _FLUSH_AT - len(self._buf))
            self._buf += view[:fill]
            view = view[fill:]
            if not view:
                return self
            # more data follows, so every buffered chunk (the buffer is full: whole chunks) is not the last
            self._absorb(bytes(self._buf), _FLUSH_AT // CHUNK_LEN)
            self._buf.clear()
        if len(view) > CHUNK_LEN:
            # whole chunks straight from the caller's buffer, keeping at least one byte back:
            # the last chunk may turn out to be the root
            n = (len(view) - 1) // CHUNK_LEN
            self._absorb(view, n)
            view = view[n * CHUNK_LEN:]
        self._buf += view
        return self

    def _absorb(self, data: bytes | memoryview, n: int) -> None:
        """Absorb ``n`` whole chunks (never the last chunk of the message) into the CV stack."""
        view = memoryview(data)
        pos = 0
        while n:
            lanes = min(n, LANES_MAX)
            cvs = _chunk_cvs_lanes(self._key, view[pos * CHUNK_LEN:], lanes, self._chunks, self._flags)
            # split the batch into complete subtrees aligned on the chunk counter
            start = 0
            while start < lanes:
                size = 1
                while start + 2 * size <= lanes and (self._chunks % (2 * size)) == 0:
                    size *= 2
                sub = [_lane_slice(w, lanes, start, 1, size) for w in cvs] if lanes > 1 else cvs
                top = _reduce_lanes(self._key, sub, size, self._flags)
                self._push(top, size)
                start += size
            pos += lanes
            n -= lanes

    def _push(self, cv: list[int], chunks: int) -> None:
        """Push the CV of a complete subtree of ``chunks`` chunks, merging the subtrees it completes.

        As in the reference implementation the merge is eager: a chunk only reaches the stack
        when more input follows it, so no node merged here can be the root.
        """
        self._chunks += chunks
        total = self._chunks // chunks
        while total & 1 == 0:
            cv = _parent(self._stack.pop(), cv, self._key, self._flags).chaining_value()
            total >>= 1
        self._stack.append(cv)

    def _output(self) -> _Output:
        state = self
        if len(self._buf) > CHUNK_LEN:  # the buffer's chunks but the last join the tree first
            state = self.copy()
            n = (len(self._buf) - 1) // CHUNK_LEN
            state._absorb(bytes(self._buf[: n * CHUNK_LEN]), n)
            del state._buf[: n * CHUNK_LEN]
        out = _chunk_output(self._key, bytes(state._buf), state._chunks, self._flags)
        for left in reversed(state._stack):
            out = _parent(left, out.chaining_value(), self._key, self._flags)
        return out

    def digest(self, length: int = OUT_LEN) -> bytes:
        """``length`` bytes of output (any length: BLAKE3 is an extendable-output function)."""
        return self._output().root_bytes(length)

    def hexdigest(self, length: int = OUT_LEN) -> str:
        return self.digest(length).hex()


def derive_key_context_key(context: bytes) -> bytes:
    """The 32-byte key that ``derive_key`` hashes the key material with, from the context string."""
    return Blake3(context, _flags=DERIVE_KEY_CONTEXT).digest(KEY_LEN)

