/** Vector ops of the json module (the same ops and fields as Python's `conformance/ops/json.py`). */
import type { JsonObject, JsonValue } from "../../_internal/json-value.js";
import { InfraError } from "../../errors/index.js";
import {
  applyPatch,
  canonicalize,
  diff,
  formatNumber,
  jsonEqual,
  mergePatchApply,
  mergePatchCreate,
  parse,
  pathFormat,
  pathGet,
  pathParse,
  pathSet,
  pointerAdd,
  pointerFormat,
  pointerGet,
  pointerParse,
  pointerRemove,
  pointerReplace,
} from "../../json/index.js";
import { opt, req, reqBytes, reqList, reqStr } from "../inputs.js";
import type { Handler } from "../registry.js";

export const jsonOps: Record<string, Handler> = {
  "json.pointer.get": (input) => ({ value: pointerGet(req(input, "doc"), reqStr(input, "pointer")) }),
  "json.pointer.parse": (input) => ({ tokens: pointerParse(reqStr(input, "pointer")) }),
  "json.pointer.format": (input) => ({ pointer: pointerFormat(reqList(input, "tokens") as string[]) }),
  "json.pointer.add": (input) => ({ doc: pointerAdd(req(input, "doc"), reqStr(input, "pointer"), req(input, "value")) }),
  "json.pointer.replace": (input) => ({ doc: pointerReplace(req(input, "doc"), reqStr(input, "pointer"), req(input, "value")) }),
  "json.pointer.remove": (input) => ({ doc: pointerRemove(req(input, "doc"), reqStr(input, "pointer")) }),
  "json.path.get": (input) => {
    const fallback = opt(input, "default");
    const doc = req(input, "doc");
    const path = reqStr(input, "path");
    return { value: Object.hasOwn(input, "default") ? pathGet(doc, path, fallback as JsonValue) : pathGet(doc, path) };
  },
  "json.path.set": (input) => ({ doc: pathSet(req(input, "doc"), reqStr(input, "path"), req(input, "value")) }),
  "json.path.parse": (input) => ({ segments: pathParse(reqStr(input, "path")) }),
  "json.path.format": (input) => ({ path: pathFormat(reqList(input, "segments") as string[]) }),
  "json.patch.apply": (input) => ({ doc: applyPatch(req(input, "doc"), req(input, "patch") as JsonValue[]) }),
  "json.diff": (input) => ({ patch: diff(req(input, "from"), req(input, "to")) as unknown as JsonValue[] }),
  "json.merge_patch.apply": (input) => ({ doc: mergePatchApply(req(input, "target"), req(input, "patch")) }),
  "json.merge_patch.create": (input) => ({ patch: mergePatchCreate(req(input, "from"), req(input, "to")) }),
  "json.canonicalize": (input) => ({ text: canonicalize(parse(reqStr(input, "text"))) }),
  "json.parse": (input) => ({ value: parse(reqStr(input, "text")) }),
  "json.equal": (input) => ({ equal: jsonEqual(req(input, "a"), req(input, "b")) }),
  "json.number.format": (input): JsonObject => {
    const bits = reqBytes(input, "bits");
    if (bits.length !== 8) throw InfraError.validation("input.bits must be 8 bytes (16 hex digits)", { field: "bits" });
    return { text: formatNumber(new DataView(bits.buffer, bits.byteOffset, 8).getFloat64(0, false)) };
  },
};
