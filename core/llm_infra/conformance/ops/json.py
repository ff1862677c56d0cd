"""Vector ops of ``llm_infra.json``: pointers, dot paths, patch, diff, merge patch, canonical JSON.

DESIGN.md catalog: ``json.pointer.get``, ``json.path.get``, ``json.patch.apply``, ``json.diff``,
``json.merge_patch.apply``, ``json.merge_patch.create``, ``json.canonicalize``. Added here:
``json.pointer.{parse,format,add,replace,remove}``, ``json.path.{parse,format,set}``,
``json.parse``, ``json.equal`` and ``json.number.format`` (input ``bits``: the IEEE-754 double as
16 hex digits, big-endian, so every runtime formats exactly the same double).
"""

from __future__ import annotations

import struct

from ..._json_types import JSONObject
from ...errors import InfraError
from ...json import (
    apply_patch,
    canonicalize,
    diff,
    format_number,
    json_equal,
    merge_patch_apply,
    merge_patch_create,
    parse,
    path_format,
    path_get,
    path_parse,
    path_set,
    pointer_add,
    pointer_format,
    pointer_get,
    pointer_parse,
    pointer_remove,
    pointer_replace,
)
from .._registry import register
from ._inputs import req, req_bytes, req_list, req_str


@register("json.pointer.get")
def pointer_get_op(inp: JSONObject) -> JSONObject:
    return {"value": pointer_get(req(inp, "doc"), req_str(inp, "pointer"))}


@register("json.pointer.parse")
def pointer_parse_op(inp: JSONObject) -> JSONObject:
    return {"tokens": list(pointer_parse(req_str(inp, "pointer")))}


@register("json.pointer.format")
def pointer_format_op(inp: JSONObject) -> JSONObject:
    return {"pointer": pointer_format(req_list(inp, "tokens"))}  # type: ignore[arg-type]


@register("json.pointer.add")
def pointer_add_op(inp: JSONObject) -> JSONObject:
    return {"doc": pointer_add(req(inp, "doc"), req_str(inp, "pointer"), req(inp, "value"))}


@register("json.pointer.replace")
def pointer_replace_op(inp: JSONObject) -> JSONObject:
    return {"doc": pointer_replace(req(inp, "doc"), req_str(inp, "pointer"), req(inp, "value"))}


@register("json.pointer.remove")
def pointer_remove_op(inp: JSONObject) -> JSONObject:
    return {"doc": pointer_remove(req(inp, "doc"), req_str(inp, "pointer"))}


@register("json.path.get")
def path_get_op(inp: JSONObject) -> JSONObject:
    if "default" in inp:
        return {"value": path_get(req(inp, "doc"), req_str(inp, "path"), inp["default"])}
    return {"value": path_get(req(inp, "doc"), req_str(inp, "path"))}


@register("json.path.set")
def path_set_op(inp: JSONObject) -> JSONObject:
    return {"doc": path_set(req(inp, "doc"), req_str(inp, "path"), req(inp, "value"))}


@register("json.path.parse")
def path_parse_op(inp: JSONObject) -> JSONObject:
    return {"segments": list(path_parse(req_str(inp, "path")))}


@register("json.path.format")
def path_format_op(inp: JSONObject) -> JSONObject:
    return {"path": path_format(req_list(inp, "segments"))}  # type: ignore[arg-type]


@register("json.patch.apply")
def patch_apply_op(inp: JSONObject) -> JSONObject:
    return {"doc": apply_patch(req(inp, "doc"), req(inp, "patch"))}  # type: ignore[arg-type]


@register("json.diff")
def diff_op(inp: JSONObject) -> JSONObject:
    return {"patch": list(diff(req(inp, "from"), req(inp, "to")))}


@register("json.merge_patch.apply")
def merge_apply_op(inp: JSONObject) -> JSONObject:
    return {"doc": merge_patch_apply(req(inp, "target"), req(inp, "patch"))}


@register("json.merge_patch.create")
def merge_create_op(inp: JSONObject) -> JSONObject:
    return {"patch": merge_patch_create(req(inp, "from"), req(inp, "to"))}


@register("json.canonicalize")
def canonicalize_op(inp: JSONObject) -> JSONObject:
    return {"text": canonicalize(parse(req_str(inp, "text")))}


@register("json.parse")
def parse_op(inp: JSONObject) -> JSONObject:
    return {"value": parse(req_str(inp, "text"))}


@register("json.equal")
def equal_op(inp: JSONObject) -> JSONObject:
    return {"equal": json_equal(req(inp, "a"), req(inp, "b"))}


@register("json.number.format")
def number_format_op(inp: JSONObject) -> JSONObject:
    bits = req_bytes(inp, "bits")
    if len(bits) != 8:
        raise InfraError.validation("input.bits must be 8 bytes (16 hex digits)", field="bits")
    return {"text": format_number(struct.unpack(">d", bits)[0])}
