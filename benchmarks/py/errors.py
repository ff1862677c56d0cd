"""errors: the retry loop's own overhead (no real sleeping) vs tenacity, the usual Python peer.

Both retry a function that fails twice with a retryable error and then succeeds, with exponential
backoff and a no-op sleep, so what is timed is the bookkeeping around each attempt.
"""

from __future__ import annotations

from benchmarks._harness import Case, Impl, version_of
from llm_infra.errors import InfraError, RetryPolicy, retry


def _flaky() -> object:
    state = {"n": 0}

    def fn() -> str:
        state["n"] += 1
        if state["n"] % 3:
            raise InfraError.timeout("slow")
        return "ok"

    return fn


def cases(runtime: str) -> list[Case]:
    policy = RetryPolicy(initial_ms=1, multiplier=2, max_ms=100, max_attempts=3, jitter="full")
    ours_fn = _flaky()

    def ours() -> None:
        retry(ours_fn, policy, sleep=lambda s: None)  # type: ignore[arg-type]

    peer = None
    try:
        import tenacity

        peer_fn = _flaky()
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(3),
            wait=tenacity.wait_random_exponential(multiplier=0.001, max=0.1),
            retry=tenacity.retry_if_exception(lambda e: isinstance(e, InfraError) and e.retryable),
            sleep=lambda s: None,
            reraise=True,
        )

        def theirs() -> None:
            retrying(peer_fn)  # type: ignore[arg-type]

        peer = Impl(version_of("tenacity"), theirs)
    except ImportError:
        pass

    error = InfraError.http("upstream failed", status=503, url="https://api.example/v1",
                            cause=InfraError.timeout("read timed out", after_ms=30000))
    text = error.to_json()
    return [
        Case("errors", "retry: 2 failures then success", Impl("llm_infra.errors.retry", ours), peer),
        Case("errors", "InfraError JSON round trip (2-level chain)",
             Impl("llm_infra.errors", lambda: InfraError.from_json(text).to_json()), None),
    ]
