"""json: apply, diff, merge, canonicalize and parse on a ~1,100-key document with 50 changes.

Peers: jsonpatch (apply, make_patch), jsonpointer, json_merge_patch (PyPI) and the stdlib's
C-accelerated ``json`` (``dumps(sort_keys=True)`` is not RFC 8785, it is the speed reference the
issue names). Every case does the same work on both sides: ``apply`` and ``merge`` return a new
document (the peers are given the deep copy they would need not to touch their input), and the
patch sizes of ``diff`` are printed next to the peer's. (This module shadows nothing: it is
imported as ``benchmarks.py.json``, and ``import json`` inside it is the standard library.)
"""

from __future__ import annotations

import copy
import json
from typing import Any

from benchmarks._harness import Case, Impl, version_of
from benchmarks.py._json_doc import count_keys, documents
from llm_infra.json import (
    apply_patch,
    canonicalize,
    diff,
    merge_patch_apply,
    merge_patch_create,
    parse,
    pointer_get,
)

MODULE = "json"


def _size(patch: Any) -> str:
    return f"{len(patch)} ops / {len(json.dumps(patch, separators=(',', ':'), ensure_ascii=False))} B"


def cases(runtime: str) -> list[Case]:
    before, after = documents()
    patch = diff(before, after)
    merge = merge_patch_create(before, after)
    text = json.dumps(before)
    pointers = [op["path"] for op in patch if op["op"] == "replace"]
    keys = f"{count_keys(before)} keys, {len(patch)} changes"
    out: list[Case] = []
    try:
        import jsonpatch
        import jsonpointer
    except ImportError:
        jsonpatch = jsonpointer = None  # type: ignore[assignment]
    try:
        import json_merge_patch
    except ImportError:
        json_merge_patch = None  # type: ignore[assignment]

    jp_apply = jp_diff = jp_ptr = None
    notes: dict[str, Any] = {"document": keys, "ours": _size(patch)}
    if jsonpatch is not None:
        their_patch = jsonpatch.make_patch(before, after).patch
        notes["peer"] = _size(their_patch)
        jp_apply = Impl(version_of("jsonpatch"), lambda: jsonpatch.apply_patch(before, patch))
        jp_diff = Impl(f"{version_of('jsonpatch')} make_patch", lambda: jsonpatch.make_patch(before, after))
        jp_ptr = Impl(version_of("jsonpointer"), lambda: [jsonpointer.resolve_pointer(after, p) for p in pointers])
    out.append(Case(MODULE, "apply 50-op patch (new document)", Impl("llm_infra.json.apply_patch",
                                                                     lambda: apply_patch(before, patch)), jp_apply,
                    notes={"document": keys}))
    out.append(Case(MODULE, "diff", Impl("llm_infra.json.diff", lambda: diff(before, after)), jp_diff, notes=notes))
    out.append(Case(MODULE, f"pointer get x{len(pointers)}",
                    Impl("llm_infra.json.pointer_get", lambda: [pointer_get(after, p) for p in pointers]), jp_ptr))

    jm_new = jm_in = jm_create = None
    target = copy.deepcopy(before)
    peer_target = copy.deepcopy(before)
    mnotes: dict[str, Any] = {"ours": f"{len(json.dumps(merge))} B"}
    if json_merge_patch is not None:
        name = version_of("json-merge-patch")
        jm_new = Impl(f"{name} (on a deep copy)", lambda: json_merge_patch.merge(copy.deepcopy(before), merge))
        jm_in = Impl(name, lambda: json_merge_patch.merge(peer_target, merge))
        jm_create = Impl(f"{name} create_patch", lambda: json_merge_patch.create_patch(before, after))
        mnotes["peer"] = f"{len(json.dumps(json_merge_patch.create_patch(before, after)))} B"
    out.append(Case(MODULE, "merge patch apply (new document)",
                    Impl("llm_infra.json.merge_patch_apply", lambda: merge_patch_apply(before, merge)), jm_new))
    out.append(Case(MODULE, "merge patch apply (in place)",
                    Impl("llm_infra.json.merge_patch_apply(in_place)",
                         lambda: merge_patch_apply(target, merge, in_place=True)), jm_in))
    ours_create = Impl("llm_infra.json.merge_patch_create", lambda: merge_patch_create(before, after))
    out.append(Case(MODULE, "merge patch create", ours_create, jm_create, notes=mnotes))
    out.append(Case(MODULE, "canonicalize (RFC 8785) vs json.dumps(sort_keys=True)",
                    Impl("llm_infra.json.canonicalize", lambda: canonicalize(before)),
                    Impl("json.dumps(sort_keys=True) (stdlib, C)", lambda: json.dumps(before, sort_keys=True))))
    out.append(Case(MODULE, "strict parse vs json.loads", Impl("llm_infra.json.parse", lambda: parse(text)),
                    Impl("json.loads (stdlib, C)", lambda: json.loads(text))))
    return out
