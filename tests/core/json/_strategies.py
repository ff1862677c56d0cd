"""Hypothesis strategies for JSON values (shared by the json tests; stdlib + hypothesis only)."""

from __future__ import annotations

from hypothesis import strategies as st

# Keys that exercise escaping, UTF-16 ordering (astral vs U+E000..U+FFFF) and integer-like keys.
KEYS = st.one_of(
    st.sampled_from(["", "a", "b", "0", "10", "-", "~", "/", "a/b", "m~n", "é", "\ue000", "\U0001f600", "a.b", "\\"]),
    st.text(max_size=4),
).filter(lambda k: k not in ("__proto__", "constructor", "prototype") and not any("\ud800" <= c <= "\udfff" for c in k))

NUMBERS = st.one_of(
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    NUMBERS,
    st.text(max_size=8).filter(lambda s: not any("\ud800" <= c <= "\udfff" for c in s)),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=6), st.dictionaries(KEYS, children, max_size=6)),
    max_leaves=30,
)
DOCS = st.dictionaries(KEYS, VALUES, max_size=6)


@st.composite
def near(draw: st.DrawFn, value: object, depth: int = 0) -> object:
    """A value close to ``value``: a few inserts, deletes and edits (what real diffs look like)."""
    if depth < 4 and isinstance(value, list) and draw(st.booleans()):
        out = list(value)
        for _ in range(draw(st.integers(0, 3))):
            choice = draw(st.integers(0, 2))
            if choice == 0 and out:
                del out[draw(st.integers(0, len(out) - 1))]
            elif choice == 1:
                out.insert(draw(st.integers(0, len(out))), draw(VALUES))
            elif out:
                i = draw(st.integers(0, len(out) - 1))
                out[i] = draw(near(out[i], depth + 1))
        return out
    if depth < 4 and isinstance(value, dict) and draw(st.booleans()):
        out2 = dict(value)
        for k in list(out2):
            choice = draw(st.integers(0, 3))
            if choice == 0:
                del out2[k]
            elif choice == 1:
                out2[k] = draw(near(out2[k], depth + 1))
        if draw(st.booleans()):
            out2[draw(KEYS)] = draw(VALUES)
        return out2
    return draw(VALUES) if draw(st.booleans()) else value


PAIRS = VALUES.flatmap(lambda a: st.tuples(st.just(a), st.one_of(near(a), VALUES)))
