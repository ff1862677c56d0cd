"""NanoID: short random IDs over an alphabet, compatible with npm ``nanoid`` 5.1.16.

``custom_random(alphabet, size, random)`` is npm ``nanoid``'s ``customRandom``, step for step, so
the same byte stream gives the same ID in Python and TypeScript:

* ``n = len(alphabet)``, ``cutoff = 256 - 256 % n``.
* ``cutoff == 256`` (``n`` a power of two): each round reads ``size`` bytes and walks them from the
  last to the first, taking ``alphabet[b & (n - 1)]``.
* otherwise each round reads ``step = ceil(1.6 * 256 * default_size / cutoff)`` bytes (IEEE
  doubles, that order) and walks them from the last to the first, skipping bytes ``>= cutoff``
  and taking ``alphabet[b % n]``; it stops as soon as ``size`` characters are taken.
* ``size`` 0 gives ``""`` without reading.

``nanoid()`` and ``custom_alphabet()`` draw from a pooled ``os.urandom`` instead (the same
distribution, without npm's byte order). Alphabets have 2..256 distinct characters from the
Basic Multilingual Plane (one UTF-16 unit each, so a character is the same thing in both
languages); anything else is ``InfraError(validation)``.
"""

from __future__ import annotations

import math
import os
import threading

from ._base import POOL_BYTES, RandomSource, bad, check_int, check_str, preview, read_random, track_for_fork

__all__ = ["URL_ALPHABET", "NanoidGenerator", "custom_alphabet", "custom_random", "nanoid"]

#: npm ``nanoid``'s ``urlAlphabet``: the 64 URL-safe characters, in its order.
URL_ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict"

_MAX_SIZE = 1 << 20


def _check_alphabet(alphabet: object) -> str:
    a = check_str(alphabet, "alphabet")
    if not 2 <= len(a) <= 256:
        bad("alphabet", f"must have 2 to 256 characters, got {len(a)}", length=len(a))
    if len(set(a)) != len(a):
        dup = next(ch for i, ch in enumerate(a) if ch in a[:i])
        bad("alphabet", f"has a repeated character {dup!r}")
    for i, ch in enumerate(a):
        if ord(ch) > 0xFFFF or 0xD800 <= ord(ch) <= 0xDFFF:
            bad("alphabet", f"character {ch!r} at position {i} is outside the Basic Multilingual Plane", position=i)
    return a


def _check_size(size: object, field: str = "size") -> int:
    return check_int(size, field, 0, _MAX_SIZE)


class NanoidGenerator:
    """A NanoID function for one alphabet and default size: ``gen()`` or ``gen(size)``.

    Build one with :func:`custom_alphabet` (OS CSPRNG) or :func:`custom_random` (your bytes,
    npm's algorithm). Thread-safe.

    >>> gen = custom_random("0123456789abcdef", 8, lambda n: bytes(range(n)))
    >>> gen()
    '76543210'
    """

    __slots__ = ("__weakref__", "_alphabet", "_buf", "_chars", "_cutoff", "_lock", "_pos", "_random",
                 "_reject", "_size", "_step", "_table")

    def __init__(self, alphabet: str, size: int, random: RandomSource | None) -> None:
        self._alphabet = _check_alphabet(alphabet)
        self._size = _check_size(size)
        if random is not None and not callable(random):
            bad("random", f"must be a callable random(n) -> bytes, got {type(random).__name__}")
        self._random = random
        n = len(self._alphabet)
        self._cutoff = 256 - 256 % n
        self._step = max(1, math.ceil((1.6 * 256 * self._size) / self._cutoff))
        # CSPRNG path: bytes.translate maps accepted bytes to alphabet indexes and deletes the rest
        self._table = bytes((b % n) if b < self._cutoff else 0 for b in range(256))
        self._reject = bytes(range(self._cutoff, 256))
        latin1 = max(map(ord, self._alphabet)) < 256
        self._chars = bytes(ord(self._alphabet[t]) for t in self._table) if latin1 else None
        self._lock = threading.Lock()
        self._buf = b""
        self._pos = 0
        if random is None:
            track_for_fork(self)

    @property
    def alphabet(self) -> str:
        return self._alphabet

    @property
    def size(self) -> int:
        return self._size

    def __call__(self, size: int | None = None) -> str:
        """A new ID of ``size`` characters (default: the generator's size)."""
        n = self._size if size is None else _check_size(size)
        if n == 0:
            return ""
        if self._random is not None:
            return self._npm(n)
        return self._pooled(n)

    def _pooled(self, size: int) -> str:
        out = b""
        with self._lock:
            while len(out) < size:
                want = size - len(out)
                take = want if self._cutoff == 256 else max(want, math.ceil(want * 256 / self._cutoff * 1.25))
                p = self._pos
                buf = self._buf
                if p + take > len(buf):
                    buf = self._buf = os.urandom(max(POOL_BYTES, take))
                    p = 0
                self._pos = p + take
                chunk = buf[p : p + take]
                out += chunk if self._cutoff == 256 else chunk.translate(None, self._reject)
        out = out[:size]
        if self._chars is not None:
            return out.translate(self._chars).decode("latin-1")
        a = self._alphabet
        table = self._table
        return "".join([a[table[b]] for b in out])

    def _npm(self, size: int) -> str:
        a = self._alphabet
        n = len(a)
        source = self._random
        assert source is not None
        chars: list[str] = []
        with self._lock:
            if self._cutoff == 256:
                mask = n - 1
                while True:
                    data = read_random(source, size)
                    for i in range(size - 1, -1, -1):
                        chars.append(a[data[i] & mask])
                        if len(chars) >= size:
                            return "".join(chars)
            cutoff = self._cutoff
            step = self._step
            while True:
                data = read_random(source, step)
                for i in range(step - 1, -1, -1):
                    b = data[i]
                    if b < cutoff:
                        chars.append(a[b % n])
                        if len(chars) >= size:
                            return "".join(chars)

    def __repr__(self) -> str:
        return f"NanoidGenerator(alphabet={preview(self._alphabet)}, size={self._size})"

    def _after_fork(self) -> None:
        self._lock = threading.Lock()
        self._buf = b""
        self._pos = 0


def custom_random(alphabet: str, size: int, random: RandomSource) -> NanoidGenerator:
    """npm ``nanoid``'s ``customRandom``: IDs from your ``random(n) -> bytes`` (see the module doc).

    >>> custom_random("abc", 4, lambda n: bytes([0, 1, 2, 255] * n)[:n])()
    'cbac'
    """
    if not callable(random):
        bad("random", f"must be a callable random(n) -> bytes, got {type(random).__name__}")
    return NanoidGenerator(alphabet, size, random)


def custom_alphabet(alphabet: str, size: int = 21) -> NanoidGenerator:
    """A NanoID function over ``alphabet`` drawing from the OS CSPRNG.

    >>> hex_id = custom_alphabet("0123456789abcdef", 12)
    >>> len(hex_id()), set(hex_id()) <= set("0123456789abcdef")
    (12, True)
    """
    return NanoidGenerator(alphabet, size, None)


_default: NanoidGenerator | None = None
_create_lock = threading.Lock()


def _url() -> NanoidGenerator:
    global _default
    with _create_lock:
        if _default is None:
            _default = NanoidGenerator(URL_ALPHABET, 21, None)
        return _default


def nanoid(size: int = 21) -> str:
    """A URL-safe random ID (``URL_ALPHABET``, 21 characters: 126 random bits) from the OS CSPRNG.

    >>> len(nanoid()), len(nanoid(10))
    (21, 10)
    """
    gen = _default or _url()
    return gen() if type(size) is int and size == 21 else gen(size)
