"""Scripted clocks and byte streams for the generator tests."""

from __future__ import annotations

import random
from collections.abc import Iterable


class Ticks:
    """A clock returning the given readings in turn (the last one forever after), counting reads."""

    def __init__(self, values: Iterable[object]) -> None:
        self.values = list(values)
        self.reads = 0

    def __call__(self) -> int:
        value = self.values[min(self.reads, len(self.values) - 1)]
        self.reads += 1
        return value  # type: ignore[return-value]


class Stream:
    """A random source reading a fixed byte string in order, counting what it gave out."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.calls: list[int] = []

    def __call__(self, n: int) -> bytes:
        self.calls.append(n)
        assert self.pos + n <= len(self.data), "stream exhausted"
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


def seeded(seed: int) -> Stream:
    """An endless-enough deterministic stream."""
    return Stream(random.Random(seed).randbytes(1 << 16))
