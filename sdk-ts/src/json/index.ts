/**
 * JSON for infrastructure — pointers, dot paths, JSON Patch and diff, merge patch, canonical JSON
 * — with the same results, byte for byte, as Python's `llm_infra.json` (the conformance vectors
 * prove it).
 *
 * - JSON Pointer (RFC 6901): `pointerParse`, `pointerFormat`, `pointerGet`, `pointerAdd`,
 *   `pointerReplace`, `pointerRemove`.
 * - Dot paths (`"db.hosts.0"`, `\.` escapes a dot): `pathGet`, `pathSet`, `pathParse`, `pathFormat`.
 * - JSON Patch (RFC 6902): `applyPatch` (atomic; non-mutating unless `{ inPlace: true }`) and
 *   `diff` (one documented algorithm; `applyPatch(a, diff(a, b))` equals `b`).
 * - JSON Merge Patch (RFC 7396): `mergePatchApply`, `mergePatchCreate`.
 * - Canonical JSON (RFC 8785): `canonicalize` → string, `canonicalBytes` → UTF-8 bytes, `formatNumber`.
 * - Values: strict `parse`, `jsonEqual`, `clone` (validated deep copy), `MAX_DEPTH`, `FORBIDDEN_NAMES`.
 *
 * Numbers are IEEE-754 doubles here: integers beyond ±2^53 lose precision (Python keeps them
 * exact), so carry such values as strings when both sides must agree. See docs/json.md.
 *
 * @example
 * ```ts
 * import { applyPatch, canonicalize, diff, pathGet } from "@llm-dev-ops/infra/json";
 * const before = { name: "api", replicas: 2, ports: [80] };
 * const after = { name: "api", replicas: 3, ports: [443, 80] };
 * const patch = diff(before, after);
 * // [{ op: "add", path: "/ports/0", value: 443 }, { op: "replace", path: "/replicas", value: 3 }]
 * applyPatch(before, patch);  // equals `after`; `before` is unchanged
 * canonicalize(after);        // '{"name":"api","ports":[443,80],"replicas":3}'
 * pathGet(after, "ports.1");  // 80
 * ```
 * @module
 */
export type { JsonObject, JsonValue } from "../_internal/json-value.js";
export { canonicalBytes, canonicalize, formatNumber } from "./canonical.js";
export { diff, MAX_ARRAY_WORK } from "./diff.js";
export { mergePatchApply, mergePatchCreate } from "./merge.js";
export { parse } from "./parse.js";
export { applyPatch, type PatchOperation } from "./patch.js";
export { pathFormat, pathGet, pathParse, pathSet } from "./path.js";
export { type InPlaceOptions, pointerAdd, pointerFormat, pointerGet, pointerParse, pointerRemove, pointerReplace } from "./pointer.js";
export { clone, FORBIDDEN_NAMES, jsonEqual, MAX_DEPTH } from "./values.js";
