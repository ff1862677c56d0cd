"""One generator, 1,000,000 IDs: all distinct (and, for the monotonic ones, in creation order).

The full count runs everywhere, Pyodide included (about 4 s per test there, 2 s on CPython).
"""

from __future__ import annotations

import itertools

import pytest

from llm_infra.ids import UlidGenerator, Uuid7Generator

N = 1_000_000


@pytest.mark.slow
def test_a_million_monotonic_ulids_are_unique_and_ordered() -> None:
    gen = UlidGenerator()
    ids = [gen.next() for _ in range(N)]
    assert len(set(ids)) == N
    assert all(a < b for a, b in itertools.pairwise(ids))


@pytest.mark.slow
def test_a_million_random_ulids_are_unique() -> None:
    gen = UlidGenerator(monotonic=False)
    assert len({gen.next() for _ in range(N)}) == N


@pytest.mark.slow
def test_a_million_uuid7s_are_unique_and_ordered() -> None:
    gen = Uuid7Generator()
    ids = [gen.next_str() for _ in range(N)]
    assert len(set(ids)) == N
    assert all(a < b for a, b in itertools.pairwise(ids))
    objects = [gen.next() for _ in range(N // 10)]  # the uuid.UUID path too
    assert len(set(objects)) == N // 10 and objects == sorted(objects)
    assert str(objects[0]) > ids[-1]
