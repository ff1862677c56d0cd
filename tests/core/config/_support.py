"""Shared strategies and independent reference models for the config tests (stdlib + hypothesis only).

The references are written from the documented contract, not from the implementation: a textbook
RFC 7396 fold, a brute-force ``explain`` over the layers, and the documented env-variable mapping.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from hypothesis import strategies as st

from llm_infra.config import ConfigBuilder
from llm_infra.errors import ErrorKind, InfraError

MAX_SAFE = 2**53 - 1

# A few keys, so that layers collide often; one with a dot and one with a backslash to exercise
# the dot-path escaping of explain.
KEYS = st.sampled_from(["a", "b", "c", "port", "host", "x.y", "k\\z"])
LEAVES = st.one_of(
    st.booleans(),
    st.integers(min_value=-MAX_SAFE, max_value=MAX_SAFE),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
    st.lists(st.one_of(st.none(), st.integers(-5, 5), st.text(max_size=3)), max_size=3),
)


def _layer_values(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.dictionaries(KEYS, children, max_size=4)


#: A value inside a layer: ``None`` (a deletion), a leaf, or a nested object.
LAYER_VALUES = st.recursive(st.one_of(st.none(), LEAVES), _layer_values, max_leaves=12)
#: One source's document (a merge patch).
LAYERS = st.dictionaries(KEYS, LAYER_VALUES, max_size=4)


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 §2, as the pseudo-code reads (returns a new value; inputs are not modified)."""
    if isinstance(patch, dict):
        result = dict(target) if isinstance(target, dict) else {}
        for k, v in patch.items():
            if v is None:
                result.pop(k, None)
            else:
                result[k] = merge_patch(result.get(k), v)
        return result
    return patch


def fold(layers: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The textbook layering: every layer applied as a merge patch, lowest first, onto ``{}``."""
    out: Any = {}
    for layer in layers:
        out = merge_patch(out, layer)
    return out  # type: ignore[no-any-return]


_ABSENT = object()


def value_at(doc: Any, tokens: Sequence[str]) -> Any:
    """The value at ``tokens`` walking objects only (``_ABSENT`` when some step is missing)."""
    node = doc
    for t in tokens:
        if not isinstance(node, dict) or t not in node:
            return _ABSENT
        node = node[t]
    return node


def last_holder(layers: Sequence[Mapping[str, Any]], tokens: Sequence[str]) -> int:
    """Index of the last layer that writes a (non-null) value at ``tokens`` — explain's brute force."""
    for i in range(len(layers) - 1, -1, -1):
        v = value_at(layers[i], tokens)
        if v is not _ABSENT and v is not None:
            return i
    raise AssertionError(f"no layer holds {tokens!r}")


def walk(doc: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every (path, value) of a resolved document, objects included; arrays are not entered."""
    for k, v in doc.items():
        p = (*prefix, k)
        yield p, v
        if isinstance(v, dict):
            yield from walk(v, p)


def build_memory(layers: Sequence[Mapping[str, Any]], labels: Sequence[str] | None = None) -> Any:
    """A config of ``layers`` as memory sources labelled ``L0``, ``L1``… (or ``labels``)."""
    b = ConfigBuilder()
    for i, layer in enumerate(layers):
        b.add_memory(layer, label=labels[i] if labels else f"L{i}")
    return b.build()


def expect_infra(exc: BaseException, kind: ErrorKind = ErrorKind.CONFIG) -> InfraError:
    """``exc`` as an InfraError of ``kind`` (an assertion failure otherwise)."""
    assert isinstance(exc, InfraError), f"expected InfraError, got {type(exc).__name__}: {exc}"
    assert exc.kind is kind, f"expected kind {kind.value}, got {exc.kind.value}: {exc.message}"
    return exc


def violations(err: InfraError) -> list[dict[str, Any]]:
    """The ``{"path", "rule", "message"}`` list of a rule or typed-loading error."""
    found = err.context["violations"]
    assert isinstance(found, list)
    return [dict(v) for v in found if isinstance(v, dict)]
