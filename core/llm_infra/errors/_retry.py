"""Exponential backoff: ``RetryPolicy`` and the ``retry`` / ``aretry`` loops.

The delay before retry ``n`` (0-based) is computed the same way in Python and TypeScript,
so the conformance vectors (``errors.retry.delays``) can pin it to the millisecond:

1. ``base_0 = min(initial_ms, max_ms)``; ``base_n = min(base_{n-1} * multiplier, max_ms)`` —
   repeated multiplication, never ``pow`` (libm and V8 may differ in the last bit);
2. jitter with a random ``r`` in ``[0, 1)``: ``none`` → ``base``; ``full`` → ``r * base``;
   ``equal`` → ``base / 2 + r * (base / 2)``; ``none`` draws no random number;
3. round half up to whole milliseconds: ``floor(x + 0.5)``.

A server's hint wins when it asks for more: an error whose context carries ``retry_after_ms``
(milliseconds) or ``retry_after`` (seconds, as in HTTP ``Retry-After``) is retried no sooner
than that. A hint longer than ``max_ms`` ends the loop — the caller gets the error at once rather
than an unbounded wait.

Only retryable errors are retried unless ``should_retry`` says otherwise; other exceptions are
classified with :meth:`InfraError.from_exception` (so ``TimeoutError`` and ``ConnectionError``
are retried) but re-raised unchanged.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

from ._error import InfraError

__all__ = ["Jitter", "RetryPolicy", "aretry", "retry", "retry_after_ms"]

T = TypeVar("T")
Jitter = Literal["none", "full", "equal"]
_JITTERS: tuple[str, ...] = ("none", "full", "equal")


def _system_random() -> float:
    """A float in [0, 1) from the OS CSPRNG; read only when called, never at import time."""
    return (int.from_bytes(os.urandom(7), "big") >> 3) * 2.0**-53


def _round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def _check_number(name: str, value: object, minimum: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InfraError.validation(f"RetryPolicy.{name} must be a finite number, got {value!r}", field=name)
    if value < minimum:
        raise InfraError.validation(f"RetryPolicy.{name} must be >= {minimum}, got {value!r}", field=name)
    return float(value)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to wait between attempts.

    ``max_attempts`` counts every attempt, the first included (``1`` = no retry).

        >>> policy = RetryPolicy(initial_ms=100, multiplier=2, max_ms=1000, max_attempts=5, jitter="none")
        >>> policy.delays()
        [100, 200, 400, 800]
        >>> RetryPolicy(initial_ms=100, max_attempts=3, jitter="full").delays([0.5, 0.25])
        [50, 50]
    """

    initial_ms: float = 100.0
    multiplier: float = 2.0
    max_ms: float = 10_000.0
    max_attempts: int = 3
    jitter: Jitter = "full"

    def __post_init__(self) -> None:
        _check_number("initial_ms", self.initial_ms, 0)
        _check_number("multiplier", self.multiplier, 1)
        _check_number("max_ms", self.max_ms, 0)
        attempts = self.max_attempts
        if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 1:
            raise InfraError.validation(
                f"RetryPolicy.max_attempts must be an integer >= 1, got {attempts!r}", field="max_attempts"
            )
        if self.jitter not in _JITTERS:
            raise InfraError.validation(
                f"RetryPolicy.jitter must be one of none, full, equal, got {self.jitter!r}", field="jitter"
            )

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> RetryPolicy:
        """Build a policy from its JSON form (the keys are the field names)."""
        if not isinstance(data, Mapping):
            raise InfraError.validation("retry policy must be an object", field="policy")
        unknown = sorted(set(data) - {"initial_ms", "multiplier", "max_ms", "max_attempts", "jitter"})
        if unknown:
            raise InfraError.validation(f"unknown retry policy field {unknown[0]!r}", field=unknown[0])
        return cls(**data)  # type: ignore[arg-type]  # every field is re-checked in __post_init__

    def bases(self) -> Iterator[float]:
        """The un-jittered delays (ms, unrounded) before each retry, ``max_attempts - 1`` of them."""
        base = min(float(self.initial_ms), float(self.max_ms))
        for _ in range(self.max_attempts - 1):
            yield base
            base = min(base * self.multiplier, float(self.max_ms))

    def apply_jitter(self, base_ms: float, random: Callable[[], float]) -> int:
        """One delay in whole milliseconds from an un-jittered base."""
        if self.jitter == "none":
            return _round_half_up(base_ms)
        r = random()
        if isinstance(r, bool) or not isinstance(r, (int, float)) or not 0.0 <= r < 1.0:
            raise InfraError.validation(f"random source must return a float in [0, 1), got {r!r}", field="random")
        if self.jitter == "full":
            return _round_half_up(r * base_ms)
        half = base_ms / 2
        return _round_half_up(half + r * half)

    def delays(self, random: Callable[[], float] | Iterable[float] | None = None) -> list[int]:
        """Every delay (ms) this policy would wait, drawing jitter from ``random``.

        ``random`` is a ``() -> float`` source or a finite sequence of floats in ``[0, 1)``
        (the conformance vectors give one); the default is the OS CSPRNG.
        """
        source = _as_source(random)
        return [self.apply_jitter(base, source) for base in self.bases()]


def _as_source(random: Callable[[], float] | Iterable[float] | None) -> Callable[[], float]:
    if random is None:
        return _system_random
    if callable(random):
        return random
    stream = iter(random)

    def take() -> float:
        try:
            return next(stream)
        except StopIteration:
            raise InfraError.validation("random stream exhausted", field="random") from None

    return take


def retry_after_ms(error: InfraError) -> float | None:
    """A server's wait hint in ms from ``context["retry_after_ms"]`` or ``["retry_after"]`` (seconds)."""
    for key, scale in (("retry_after_ms", 1.0), ("retry_after", 1000.0)):
        value = error.context.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
            return float(value) * scale
    return None


def _next_delay(
    policy: RetryPolicy, attempt: int, bases: Iterator[float], exc: BaseException,
    should_retry: Callable[[InfraError], bool] | None, random: Callable[[], float],
) -> float | None:
    """The delay (ms) before the next attempt, or ``None`` to give up and re-raise ``exc``."""
    if attempt >= policy.max_attempts:
        return None
    error = InfraError.from_exception(exc)
    wanted = should_retry(error) if should_retry is not None else error.retryable
    if not wanted:
        return None
    delay = float(policy.apply_jitter(next(bases), random))
    hint = retry_after_ms(error)
    if hint is not None:
        if hint > policy.max_ms:
            return None
        delay = max(delay, float(_round_half_up(hint)))
    return delay


def retry(
    fn: Callable[[], T],
    policy: RetryPolicy | None = None,
    *,
    should_retry: Callable[[InfraError], bool] | None = None,
    sleep: Callable[[float], object] = time.sleep,
    random: Callable[[], float] = _system_random,
    on_retry: Callable[[int, InfraError, float], object] | None = None,
) -> T:
    """Call ``fn`` until it succeeds or the policy says stop; re-raise the last exception.

    ``sleep`` takes seconds (``time.sleep`` compatible); ``on_retry(attempt, error, delay_ms)``
    runs before each wait. ``KeyboardInterrupt`` and other ``BaseException``s are never retried.

        >>> calls = []
        >>> def flaky():
        ...     calls.append(1)
        ...     if len(calls) < 3:
        ...         raise InfraError.timeout("slow")
        ...     return "ok"
        >>> retry(flaky, RetryPolicy(max_attempts=3, jitter="none"), sleep=lambda s: None)
        'ok'
    """
    policy = policy if policy is not None else RetryPolicy()
    bases = policy.bases()
    attempt = 0
    while True:
        attempt += 1
        try:
            return fn()
        except Exception as exc:
            delay = _next_delay(policy, attempt, bases, exc, should_retry, random)
            if delay is None:
                raise
            if on_retry is not None:
                on_retry(attempt, InfraError.from_exception(exc), delay)
            sleep(delay / 1000.0)


async def aretry(
    fn: Callable[[], Awaitable[T]],
    policy: RetryPolicy | None = None,
    *,
    should_retry: Callable[[InfraError], bool] | None = None,
    sleep: Callable[[float], Awaitable[object]] | None = None,
    random: Callable[[], float] = _system_random,
    on_retry: Callable[[int, InfraError, float], object] | None = None,
) -> T:
    """The ``async`` twin of :func:`retry`: ``fn`` returns an awaitable, ``sleep`` is awaited.

    ``sleep`` defaults to ``asyncio.sleep``. ``asyncio.CancelledError`` is a ``BaseException``
    and is never retried.
    """
    if sleep is None:
        import asyncio  # imported on first use: keeps `import llm_infra` light

        sleep = asyncio.sleep
    policy = policy if policy is not None else RetryPolicy()
    bases = policy.bases()
    attempt = 0
    while True:
        attempt += 1
        try:
            return await fn()
        except Exception as exc:
            delay = _next_delay(policy, attempt, bases, exc, should_retry, random)
            if delay is None:
                raise
            if on_retry is not None:
                on_retry(attempt, InfraError.from_exception(exc), delay)
            await sleep(delay / 1000.0)
