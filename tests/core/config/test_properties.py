"""Property tests of layering: RFC 7396 fold, left-fold grouping, explain, priorities."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.config import ConfigBuilder
from llm_infra.json import path_format

from ._support import LAYERS, build_memory, fold, last_holder, merge_patch, value_at, walk

LAYER_LISTS = st.lists(LAYERS, min_size=1, max_size=5)


def _has_null_member(doc: Any) -> bool:
    if isinstance(doc, dict):
        return any(v is None or _has_null_member(v) for v in doc.values())
    if isinstance(doc, list):
        return any(_has_null_member(v) for v in doc if isinstance(v, (dict, list)))
    return False


@settings(max_examples=100)
@given(LAYER_LISTS)
def test_layering_is_the_rfc7396_fold(layers: list[dict[str, Any]]) -> None:
    cfg = build_memory(layers)
    assert cfg.to_dict() == fold(layers)
    # A resolved configuration never holds a null member (nulls only delete); arrays keep theirs.
    assert not _has_null_member(cfg.to_dict())


@settings(max_examples=100)
@given(LAYER_LISTS, st.data())
def test_grouping_a_prefix_changes_nothing(layers: list[dict[str, Any]], data: st.DataObject) -> None:
    """resolve([A, B, C]) == resolve([resolve([A, B]) as memory, C]) for every split point."""
    k = data.draw(st.integers(1, len(layers)), label="split")
    whole = build_memory(layers)
    head = build_memory(layers[:k]).to_dict()
    grouped = ConfigBuilder().add_memory(head, label="head")
    for i, layer in enumerate(layers[k:]):
        grouped.add_memory(layer, label=f"tail{i}")
    assert grouped.build() == whole
    assert grouped.build().to_dict() == whole.to_dict()


@settings(max_examples=100)
@given(LAYERS, LAYERS, LAYERS)
def test_three_sources_equal_two_then_one(a: dict[str, Any], b: dict[str, Any], c: dict[str, Any]) -> None:
    ab = ConfigBuilder().add_memory(a).add_memory(b).build()
    left = ConfigBuilder().add_memory(ab.to_dict()).add_memory(c).build()
    assert ConfigBuilder().add_memory(a).add_memory(b).add_memory(c).build().to_dict() == left.to_dict()


def test_grouping_a_suffix_is_not_the_same() -> None:
    """The documented limit: a resolved suffix has forgotten its deletions (and its replacements)."""
    a, b, c = {"a": 1, "k": {"y": 1}}, {"a": None, "k": 1}, {"k": {"x": 2}}
    left = build_memory([a, b, c]).to_dict()
    assert left == {"k": {"x": 2}}
    bc = build_memory([b, c]).to_dict()
    assert bc == {"k": {"x": 2}}
    suffix_grouped = build_memory([a, bc]).to_dict()
    assert suffix_grouped == {"a": 1, "k": {"y": 1, "x": 2}}
    assert suffix_grouped != left


@settings(max_examples=100)
@given(LAYERS, LAYERS)
def test_merge_patch_member_by_member(lower: dict[str, Any], upper: dict[str, Any]) -> None:
    """null deletes, arrays and scalars replace whole, objects merge deeply, untouched keys stay."""
    merged = build_memory([lower, upper]).to_dict()
    base = build_memory([lower]).to_dict()
    for k in set(lower) | set(upper):
        if k not in upper:
            assert merged.get(k) == base.get(k)
            assert (k in merged) == (k in base)
            continue
        v = upper[k]
        if v is None:
            assert k not in merged
        elif isinstance(v, dict):
            below = base.get(k)
            expected = merge_patch(below if isinstance(below, dict) else {}, v)
            assert merged[k] == expected
            if isinstance(below, dict):
                for sub in below:
                    if sub not in v:
                        assert merged[k][sub] == below[sub]
        else:
            assert merged[k] == v  # a scalar or an array: replaced whole, whatever was below


@settings(max_examples=100)
@given(LAYER_LISTS)
def test_explain_names_the_last_source_that_holds_the_value(layers: list[dict[str, Any]]) -> None:
    cfg = build_memory(layers)
    leaves = cfg.explain_all()
    for tokens, value in walk(cfg.to_dict()):
        path = path_format(list(tokens))
        label = cfg.explain(path)
        i = last_holder(layers, tokens)
        assert label == f"L{i}", (path, layers)
        held = value_at(layers[i], tokens)
        if isinstance(value, dict):
            assert isinstance(held, dict)  # an object: the last source that touched it
        else:
            assert held == value  # a leaf: the source holds exactly this value
        if not isinstance(value, dict) or not value:
            assert leaves[path] == label
        if isinstance(value, list) and value:
            assert cfg.explain(path + ".0") == label  # an element is explained by its array
    assert set(leaves) == {path_format(list(t)) for t, v in walk(cfg.to_dict()) if not isinstance(v, dict) or not v}


@settings(max_examples=100)
@given(st.lists(st.tuples(LAYERS, st.sampled_from([None, -1, 0, 0.5, 1, 2])), min_size=1, max_size=5), LAYERS)
def test_priorities_order_the_layers_and_defaults_stay_lowest(
    sources: list[tuple[dict[str, Any], float | None]], defaults: dict[str, Any]
) -> None:
    b = ConfigBuilder()
    for i, (layer, prio) in enumerate(sources):
        b.add_memory(layer, label=f"L{i}", priority=prio)
    b.add_defaults(defaults, label="D")  # added last, still the lowest layer
    cfg = b.build()
    order = sorted(range(len(sources)), key=lambda i: (sources[i][1] or 0, i))  # stable: ties by order added
    layers = [defaults] + [sources[i][0] for i in order]
    labels = ["D"] + [f"L{i}" for i in order]
    assert cfg.sources == tuple(labels)
    assert cfg.to_dict() == fold(layers)
    for tokens, _ in walk(cfg.to_dict()):
        assert cfg.explain(path_format(list(tokens))) == labels[last_holder(layers, tokens)]


@settings(max_examples=100)
@given(LAYER_LISTS)
def test_section_keeps_values_and_origins(layers: list[dict[str, Any]]) -> None:
    cfg = build_memory(layers)
    for tokens, value in walk(cfg.to_dict()):
        if not isinstance(value, dict):
            continue
        sec = cfg.section(path_format(list(tokens)))
        assert sec.to_dict() == value
        for sub, _ in walk(value):
            assert sec.explain(path_format(list(sub))) == cfg.explain(path_format([*tokens, *sub]))


@settings(max_examples=100)
@given(LAYER_LISTS)
def test_reading_never_aliases_the_configuration(layers: list[dict[str, Any]]) -> None:
    cfg = build_memory(layers)
    before = cfg.to_dict()
    for tokens, value in walk(cfg.to_dict()):
        got = cfg.get(path_format(list(tokens)))
        assert got == value
        if isinstance(got, dict):
            got["__mutated__"] = 1
        elif isinstance(got, list):
            got.append("mutated")
    snapshot = cfg.to_dict()
    snapshot["__mutated__"] = True
    assert cfg.to_dict() == before
