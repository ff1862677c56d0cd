"""Errors and retries — layer 0 of llm-infra, depended on by every other module.

Everything llm-infra raises is an :class:`InfraError`, with an :class:`ErrorKind` callers can
switch on, a JSON-safe ``context`` and a ``retryable`` hint that :func:`retry` / :func:`aretry`
follow. The JSON form (``to_dict`` / ``from_dict``) is identical in the TypeScript SDK.

    >>> from llm_infra.errors import InfraError, ErrorKind, RetryPolicy, retry
    >>> err = InfraError.validation("port out of range", field="db.port")
    >>> err.kind is ErrorKind.VALIDATION
    True
    >>> RetryPolicy(initial_ms=100, max_attempts=4, jitter="none").delays()
    [100, 200, 400]
"""

from ._error import MAX_CAUSE_DEPTH, InfraError
from ._kinds import ErrorKind
from ._retry import Jitter, RetryPolicy, aretry, retry, retry_after_ms

__all__ = [
    "MAX_CAUSE_DEPTH",
    "ErrorKind",
    "InfraError",
    "Jitter",
    "RetryPolicy",
    "aretry",
    "retry",
    "retry_after_ms",
]
