"""RetryPolicy delays and the retry / aretry loops."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import ErrorKind, InfraError, RetryPolicy, aretry, retry, retry_after_ms
from tests.conftest import run_coro

policies = st.builds(
    RetryPolicy,
    initial_ms=st.floats(0, 10_000),
    multiplier=st.floats(1, 10),
    max_ms=st.floats(0, 100_000),
    max_attempts=st.integers(1, 30),
    jitter=st.sampled_from(["none", "full", "equal"]),
)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"initial_ms": -1}, "initial_ms"),
        ({"initial_ms": float("inf")}, "initial_ms"),
        ({"initial_ms": "1"}, "initial_ms"),
        ({"multiplier": 0.99}, "multiplier"),
        ({"max_ms": -0.5}, "max_ms"),
        ({"max_attempts": 0}, "max_attempts"),
        ({"max_attempts": 1.0}, "max_attempts"),
        ({"max_attempts": True}, "max_attempts"),
        ({"jitter": "bogus"}, "jitter"),
    ],
)
def test_policy_validation_names_the_field(kwargs: dict, field: str) -> None:
    with pytest.raises(InfraError) as info:
        RetryPolicy(**kwargs)
    assert info.value.kind is ErrorKind.VALIDATION and info.value.context["field"] == field


def test_from_dict() -> None:
    p = RetryPolicy.from_dict({"initial_ms": 5, "max_attempts": 2, "jitter": "none"})
    assert p == RetryPolicy(initial_ms=5, max_attempts=2, jitter="none")
    with pytest.raises(InfraError) as info:
        RetryPolicy.from_dict({"initial": 5})
    assert info.value.context["field"] == "initial"
    with pytest.raises(InfraError):
        RetryPolicy.from_dict([])  # type: ignore[arg-type]


def test_delays_none_and_cap() -> None:
    p = RetryPolicy(initial_ms=100, multiplier=2, max_ms=1000, max_attempts=7, jitter="none")
    assert p.delays() == [100, 200, 400, 800, 1000, 1000]
    assert RetryPolicy(max_attempts=1).delays() == []


def test_delays_jitter_uses_one_draw_per_delay() -> None:
    draws: list[float] = []

    def rnd() -> float:
        draws.append(0.5)
        return 0.5

    assert RetryPolicy(initial_ms=100, max_attempts=4, jitter="full").delays(rnd) == [50, 100, 200]
    assert len(draws) == 3
    assert RetryPolicy(initial_ms=100, max_attempts=3, jitter="equal").delays([0.0, 0.5]) == [50, 150]
    assert RetryPolicy(initial_ms=100, max_attempts=3, jitter="none").delays(rnd) == [100, 200]
    assert len(draws) == 3  # "none" draws nothing


def test_round_half_up_not_bankers() -> None:
    assert RetryPolicy(initial_ms=101, multiplier=1, max_attempts=2, jitter="full").delays([0.5]) == [51]
    assert RetryPolicy(initial_ms=2.5, multiplier=1, max_attempts=2, jitter="none").delays() == [3]


@pytest.mark.parametrize("bad", [1.0, -0.1, float("nan"), "0.5", True])
def test_random_out_of_range_is_rejected(bad: object) -> None:
    with pytest.raises(InfraError) as info:
        RetryPolicy(jitter="full").delays(lambda: bad)  # type: ignore[arg-type,return-value]
    assert info.value.context["field"] == "random"


def test_random_stream_exhausted() -> None:
    with pytest.raises(InfraError, match="exhausted"):
        RetryPolicy(max_attempts=3, jitter="full").delays([0.1])


@given(policies, st.lists(st.floats(0, 1, exclude_max=True), min_size=30, max_size=30))
def test_delays_are_bounded(policy: RetryPolicy, stream: list[float]) -> None:
    delays = policy.delays(stream)
    assert len(delays) == policy.max_attempts - 1
    cap = min(policy.max_ms, max(policy.initial_ms, policy.max_ms))
    assert all(0 <= d <= cap + 0.5 for d in delays)
    if policy.jitter == "none":
        assert delays == sorted(delays)


def test_default_random_source_is_in_range() -> None:
    values = RetryPolicy(initial_ms=1000, max_attempts=50, max_ms=1000, jitter="full").delays()
    assert all(0 <= v <= 1000 for v in values) and len(set(values)) > 1


class Flaky:
    def __init__(self, errors: list[BaseException], value: str = "ok") -> None:
        self.errors = list(errors)
        self.calls = 0
        self.value = value

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return self.value


def no_sleep(log: list[float]) -> Callable[[float], None]:
    return log.append


def test_retry_until_success() -> None:
    slept: list[float] = []
    seen: list[tuple[int, str, float]] = []
    fn = Flaky([InfraError.timeout("a"), TimeoutError("b")])
    result = retry(
        fn, RetryPolicy(initial_ms=10, max_attempts=3, jitter="none"), sleep=no_sleep(slept),
        on_retry=lambda n, e, d: seen.append((n, e.kind.value, d)),
    )
    assert result == "ok" and fn.calls == 3
    assert slept == [0.01, 0.02]
    assert seen == [(1, "timeout", 10.0), (2, "timeout", 20.0)]


def test_retry_reraises_last_error_unchanged() -> None:
    last = TimeoutError("third")
    fn = Flaky([TimeoutError("1"), TimeoutError("2"), last])
    with pytest.raises(TimeoutError) as info:
        retry(fn, RetryPolicy(max_attempts=3, jitter="none"), sleep=lambda s: None)
    assert info.value is last and fn.calls == 3


def test_non_retryable_errors_are_not_retried() -> None:
    fn = Flaky([InfraError.validation("bad")])
    with pytest.raises(InfraError):
        retry(fn, RetryPolicy(max_attempts=5), sleep=lambda s: None)
    assert fn.calls == 1
    fn = Flaky([ValueError("bad")])
    with pytest.raises(ValueError):
        retry(fn, RetryPolicy(max_attempts=5), sleep=lambda s: None)
    assert fn.calls == 1


def test_should_retry_overrides_the_hint() -> None:
    fn = Flaky([InfraError.validation("bad"), InfraError.validation("bad")])
    assert retry(fn, RetryPolicy(max_attempts=3), should_retry=lambda e: True, sleep=lambda s: None) == "ok"
    fn = Flaky([InfraError.timeout("t")])
    with pytest.raises(InfraError):
        retry(fn, RetryPolicy(max_attempts=3), should_retry=lambda e: False, sleep=lambda s: None)
    assert fn.calls == 1


def test_base_exceptions_are_never_retried() -> None:
    fn = Flaky([KeyboardInterrupt()])
    with pytest.raises(KeyboardInterrupt):
        retry(fn, RetryPolicy(max_attempts=3), sleep=lambda s: None)
    assert fn.calls == 1


def test_retry_after_hint_is_honoured() -> None:
    slept: list[float] = []
    fn = Flaky([InfraError.http("busy", status=429, retry_after=2), InfraError.http("busy", status=503,
                                                                                     retry_after_ms=5)])
    policy = RetryPolicy(initial_ms=100, max_ms=10_000, max_attempts=3, jitter="none")
    assert retry(fn, policy, sleep=no_sleep(slept)) == "ok"
    assert slept == [2.0, 0.2]  # the hint (2 s) wins over 100 ms; 200 ms wins over a 5 ms hint


def test_retry_after_longer_than_max_gives_up() -> None:
    fn = Flaky([InfraError.http("busy", status=429, retry_after=60)])
    with pytest.raises(InfraError):
        retry(fn, RetryPolicy(max_ms=1000, max_attempts=5), sleep=lambda s: None)
    assert fn.calls == 1


def test_retry_after_ms_parsing() -> None:
    assert retry_after_ms(InfraError.http("x", retry_after_ms=250)) == 250
    assert retry_after_ms(InfraError.http("x", retry_after=1.5)) == 1500
    assert retry_after_ms(InfraError.http("x", retry_after="soon")) is None
    assert retry_after_ms(InfraError.http("x", retry_after=-1)) is None
    assert retry_after_ms(InfraError.http("x")) is None


def test_aretry() -> None:
    slept: list[float] = []
    calls = 0

    async def fn() -> int:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise InfraError.timeout("t")
        return calls

    async def sleep(s: float) -> None:
        slept.append(s)

    result = run_coro(aretry(fn, RetryPolicy(initial_ms=1, max_attempts=3, jitter="none"), sleep=sleep))
    assert result == 3 and slept == [0.001, 0.002]


def test_aretry_default_sleep_and_exhaustion() -> None:
    async def fail() -> None:
        raise InfraError.timeout("always")

    with pytest.raises(InfraError):
        run_coro(aretry(fail, RetryPolicy(initial_ms=0, max_attempts=2, jitter="none")))
