"""Layering: fold the sources' objects with RFC 7396 merge-patch semantics, remembering who set what.

The semantics are exactly ``llm_infra.json.merge_patch_apply`` applied layer after layer to ``{}``
(objects merge recursively, a ``null`` member deletes, anything else — arrays included — replaces
whole); this module repeats the walk only to record, for every object and value it writes, the
index of the layer that wrote it last (``explain``).

Layering is a left fold, so grouping a *prefix* changes nothing:
``resolve([a, b, c]) == resolve([resolve([a, b]), c])``. Grouping a suffix does change results
when the suffix deletes (``null``) or replaces by a non-object what an earlier layer set: a
resolved config holds no ``null`` members, and ``resolve([{"x": 5}, {"x": {"q": 2}}])`` has
forgotten that ``x`` was replaced, so the grouped result keeps what ``a`` had under ``x``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._json_types import JSONObject
from ..json._merge import merge_into

__all__ = ["Origins", "merge_data", "merge_layers"]

#: Path (tuple of keys) → index of the layer that last wrote the value or object there.
Origins = dict[tuple[str, ...], int]


def merge_data(layers: Sequence[JSONObject]) -> JSONObject:
    """The merged object of ``layers`` without origins: what ``build()`` needs (origins come lazily).

    The layers are owned, validated documents, so this is ``llm_infra.json``'s own merge walk
    applied in place; as with :func:`merge_layers`, arrays and scalars are shared with the layers,
    objects never are.
    """
    result: dict[str, Any] = {}
    for layer in layers:
        merge_into(result, layer)
    return result


def merge_layers(layers: Sequence[JSONObject]) -> tuple[JSONObject, Origins]:
    """The merged object of ``layers`` (lowest first) and the origin of every path in it.

    The layers must be owned, validated JSON objects (the sources produce them); the result may
    share arrays with them and must not be mutated in place.
    """
    result: dict[str, Any] = {}
    origins: Origins = {}
    for i, layer in enumerate(layers):
        _merge(result, layer, i, (), origins)
    return result, origins


def _drop(origins: Origins, path: tuple[str, ...], old: object) -> None:
    origins.pop(path, None)
    if type(old) is dict:
        for k, v in old.items():
            _drop(origins, (*path, k), v)


def _merge(target: dict[str, Any], patch: dict[str, Any], idx: int, prefix: tuple[str, ...], origins: Origins) -> None:
    for k, v in patch.items():
        p = (*prefix, k)
        if v is None:
            if k in target:
                _drop(origins, p, target.pop(k))
        elif type(v) is dict:
            cur = target.get(k)
            if type(cur) is not dict:
                if k in target:
                    _drop(origins, p, cur)
                cur = target[k] = {}
            origins[p] = idx
            _merge(cur, v, idx, p, origins)
        else:
            old = target.get(k)
            if type(old) is dict:
                _drop(origins, p, old)
            target[k] = v
            origins[p] = idx
