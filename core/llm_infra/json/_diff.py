"""``diff(a, b)``: an RFC 6902 patch that turns ``a`` into ``b`` — one algorithm, identical in TS.

The algorithm (docs/json.md has the long form, with examples):

1. **Equal values** (JSON equality: ``1 == 1.0``, ``true != 1``) produce nothing.
2. **Different kinds** (object vs array vs scalar), or different scalars: one ``replace``.
3. **Objects**: the keys that differ — only in ``a`` (``remove``), only in ``b`` (``add``), or in
   both with different values (recurse) — are visited in UTF-16 code-unit order, so the patch does
   not depend on key insertion order (which JavaScript engines reorder for integer-like keys).
4. **Arrays**: strip the longest common prefix and suffix, then run Myers' O(ND) shortest edit
   script on the middle. Each run of edits between matched elements pairs its first deletions
   with its first insertions position by position (each pair is diffed recursively, so a changed
   element becomes a nested patch or one ``replace``), then removes the surplus old elements or
   adds the surplus new ones. Indexes are those of the array as patched so far, ascending, so the
   operations apply in order. An insert at the front is one ``add /0``. If the edit script needs
   more than :data:`MAX_ARRAY_WORK` steps, the middle is paired position by position instead
   (always correct, possibly longer).
5. **Smaller of nested or whole**: for every pair of containers, when the nested patch has two or
   more operations and costs more than replacing the container whole, one ``replace`` is emitted
   instead. Cost: 1 per operation plus 1 per JSON value it carries (``remove`` costs 1).
6. **Reserved names**: when a changed key of an object is ``__proto__``, ``constructor`` or
   ``prototype`` (which JSON Pointers may not use), the whole object is replaced instead.

Every operation is ``{"op", "path", "value"}`` (``remove``: ``{"op", "path"}``); values are deep
copies of parts of ``b``. ``apply_patch(a, diff(a, b))`` equals ``b`` for every pair of JSON values.
"""

from __future__ import annotations

from typing import Any

from .._json_types import JSONObject, JSONValue
from ..errors import InfraError
from ._values import (
    FORBIDDEN_NAMES,
    MAX_DEPTH,
    NotJSON,
    clone_fast,
    diagnose,
    equal_at,
    escape_token,
    nodes_upto,
    sort_keys,
)

__all__ = ["MAX_ARRAY_WORK", "diff"]

#: Upper bound on the steps (edit-graph moves plus element comparisons) the array algorithm may
#: spend on the middle part of one array; beyond it, elements are paired by position.
MAX_ARRAY_WORK = 1 << 18

_ATOMS = frozenset({str, int, bool, type(None), float})


def diff(a: JSONValue, b: JSONValue) -> list[JSONObject]:
    """The RFC 6902 patch that turns ``a`` into ``b`` (see the module docs for the algorithm).

        >>> diff({"a": 1, "b": [1, 2]}, {"a": 1, "b": [0, 1, 2], "c": True})
        [{'op': 'add', 'path': '/b/0', 'value': 0}, {'op': 'add', 'path': '/c', 'value': True}]
        >>> diff([1, 2, 3], [1, 2, 3])
        []
    """
    differ = _Differ()
    try:
        differ.value(a, b, "", 0)
    except NotJSON:
        diagnose(a)
        diagnose(b)
        raise InfraError.internal("diff rejected values that diagnose accepts") from None
    return differ.ops


def _same(x: object, y: object, depth: int) -> bool:
    """JSON equality of two array elements (the cheap cases first)."""
    if x is y:
        return True
    tx = type(x)
    if tx is type(y) and tx in _ATOMS:
        return bool(x == y)
    return equal_at(x, y, depth)


class _Differ:
    __slots__ = ("cost", "ops")

    def __init__(self) -> None:
        self.ops: list[JSONObject] = []
        self.cost = 0

    # -- emitting -----------------------------------------------------------------------------

    def _valued(self, op: str, path: str, value: object) -> None:
        if type(value) in _ATOMS and type(value) is not float:
            owned: Any = value
            n = 1
        else:
            owned = clone_fast(value)
            n = nodes_upto(owned, 1 << 62)
        self.ops.append({"op": op, "path": path, "value": owned})
        self.cost += 1 + n

    def _remove(self, path: str) -> None:
        self.ops.append({"op": "remove", "path": path})
        self.cost += 1

    # -- walking ------------------------------------------------------------------------------

    def value(self, a: object, b: object, path: str, depth: int) -> None:
        """Emit the operations that turn ``a`` (at ``path``) into ``b``."""
        if a is b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            self._container(a, b, path, depth, is_object=True)
        elif isinstance(a, list) and isinstance(b, list):
            self._container(a, b, path, depth, is_object=False)
        elif not _scalar_equal(a, b):
            self._valued("replace", path, b)

    def _container(self, a: Any, b: Any, path: str, depth: int, *, is_object: bool) -> None:
        if depth >= MAX_DEPTH:
            raise InfraError.validation(
                f"JSON value nested deeper than {MAX_DEPTH} levels at {path or '(root)'}",
                path=path, max_depth=MAX_DEPTH,
            )
        start_ops = len(self.ops)
        start_cost = self.cost
        ok = self._object(a, b, path, depth + 1) if is_object else self._array(a, b, path, depth + 1)
        if not ok:  # a reserved key changed: replace the whole object
            del self.ops[start_ops:]
            self.cost = start_cost
            self._valued("replace", path, b)
            return
        if len(self.ops) - start_ops >= 2:
            nested = self.cost - start_cost
            limit = nested - 1  # replacing costs 1 + nodes(b); it wins when nodes(b) < nested - 1
            if nodes_upto(b, limit) < limit:
                del self.ops[start_ops:]
                self.cost = start_cost
                self._valued("replace", path, b)

    def _object(self, a: dict[str, Any], b: dict[str, Any], path: str, depth: int) -> bool:
        changed: list[str] = []
        for k, va in a.items():
            if type(k) is not str:
                raise NotJSON
            if k in b:
                vb = b[k]
                if va is vb:
                    continue
                ta = type(va)
                if ta is type(vb):
                    if ta in _ATOMS and va == vb:
                        continue
                elif _scalar_equal(va, vb):
                    continue
            changed.append(k)
        for k in b:
            if k not in a:
                if type(k) is not str:
                    raise NotJSON
                changed.append(k)
        if not changed:
            return True
        if not FORBIDDEN_NAMES.isdisjoint(changed):
            # A reserved key cannot be a pointer token: if its value really differs, replace the object.
            for k in FORBIDDEN_NAMES.intersection(changed):
                if k not in a or k not in b or not equal_at(a[k], b[k], depth):
                    return False
                changed.remove(k)
            if not changed:
                return True
        for k in sort_keys(changed):
            p = path + "/" + escape_token(k)
            if k not in b:
                self._remove(p)
            elif k not in a:
                self._valued("add", p, b[k])
            else:
                self.value(a[k], b[k], p, depth)
        return True

    def _array(self, a: list[Any], b: list[Any], path: str, depth: int) -> bool:
        n, m = len(a), len(b)
        lim = min(n, m)
        s = 0
        while s < lim and _same(a[s], b[s], depth):
            s += 1
        e = 0
        while e < lim - s and _same(a[n - 1 - e], b[m - 1 - e], depth):
            e += 1
        xs = a[s : n - e]
        ys = b[s : m - e]
        if not xs and not ys:
            return True
        hunks = _hunks(xs, ys, depth) if xs and ys else None
        if hunks is None:
            hunks = [(0, len(xs), 0, len(ys))]
        pos = s
        done = 0
        prefix = path + "/"
        for a0, a1, b0, b1 in hunks:
            pos += a0 - done
            dels = a1 - a0
            ins = b1 - b0
            pairs = min(dels, ins)
            for j in range(pairs):
                self.value(xs[a0 + j], ys[b0 + j], prefix + str(pos), depth)
                pos += 1
            for _ in range(dels - pairs):
                self._remove(prefix + str(pos))
            for j in range(pairs, ins):
                self._valued("add", prefix + str(pos), ys[b0 + j])
                pos += 1
            done = a1
        return True


def _scalar_equal(a: object, b: object) -> bool:
    """JSON equality of two values of which at least one is not a container."""
    ta = type(a)
    if ta is type(b):
        return ta in _ATOMS and bool(a == b)
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return str.__str__(a) == str.__str__(b)
    return False


def _hunks(xs: list[Any], ys: list[Any], depth: int) -> list[tuple[int, int, int, int]] | None:
    """Myers' greedy shortest edit script as runs of edits ``(a0, a1, b0, b1)``, or ``None`` over budget.

    At each distance ``d`` the diagonals ``k = -d, -d+2, …, d`` are extended; a diagonal is reached
    from ``k+1`` (an insertion) when ``k == -d`` or (``k != d`` and ``V[k-1] < V[k+1]``), else from
    ``k-1`` (a deletion). The TypeScript implementation is the same, step for step.
    """
    n, m = len(xs), len(ys)
    max_d = n + m
    off = max_d + 1
    v = [0] * (2 * max_d + 3)
    trace: list[list[int]] = []
    work = 0
    final_d = -1
    for d in range(max_d + 1):
        for k in range(-d, d + 1, 2):
            work += 1
            if k == -d or (k != d and v[off + k - 1] < v[off + k + 1]):
                x = v[off + k + 1]
            else:
                x = v[off + k - 1] + 1
            y = x - k
            while x < n and y < m and _same(xs[x], ys[y], depth):
                x += 1
                y += 1
                work += 1
            v[off + k] = x
            if x >= n and y >= m:
                final_d = d
                break
        trace.append(v[off - d - 1 : off + d + 2])
        if final_d >= 0:
            break
        if work > MAX_ARRAY_WORK:
            return None
    # Walk back from (n, m), collecting the edits; snapshot t of step d-1 covers k in [-d, d].
    edits: list[tuple[int, int]] = []  # (x, y) of each edit: (x, -1) deletes xs[x], (-1, y) inserts ys[y]
    x, y = n, m
    for d in range(final_d, 0, -1):
        t = trace[d - 1]
        base = d  # index of k = 0 in t (t spans k = -(d-1)-1 .. (d-1)+1)
        k = x - y
        if k == -d or (k != d and t[base + k - 1] < t[base + k + 1]):
            pk = k + 1
        else:
            pk = k - 1
        px = t[base + pk]
        py = px - pk
        if pk == k + 1:  # came down: insertion of ys[py]
            edits.append((-1, py))
        else:  # came right: deletion of xs[px]
            edits.append((px, -1))
        x, y = px, py
    edits.reverse()
    # Group consecutive edits (no matched element between them) into runs.
    hunks: list[tuple[int, int, int, int]] = []
    cur: list[int] | None = None  # [a0, a1, b0, b1]
    ax = ay = 0  # position reached in xs / ys
    for ex, ey in edits:
        if ex >= 0:  # deletion at xs[ex]; first skip the matched run up to it
            gap = ex - ax
            if cur is not None and gap == 0:
                cur[1] = ex + 1
            else:
                if cur is not None:
                    hunks.append((cur[0], cur[1], cur[2], cur[3]))
                ay += gap
                cur = [ex, ex + 1, ay, ay]
            ax = ex + 1
        else:
            gap = ey - ay
            if cur is not None and gap == 0:
                cur[3] = ey + 1
            else:
                if cur is not None:
                    hunks.append((cur[0], cur[1], cur[2], cur[3]))
                ax += gap
                cur = [ax, ax, ey, ey + 1]
            ay = ey + 1
    if cur is not None:
        hunks.append((cur[0], cur[1], cur[2], cur[3]))
    return hunks
