/**
 * Layering: fold the sources' objects with RFC 7396 merge-patch semantics (as `mergePatchApply`
 * layer after layer onto `{}`), recording which layer wrote each path last (for `explain`).
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { mergeInto } from "../json/merge.js";
import { isPlainObject } from "./text.js";

/** Path (keys joined by U+0000) → index of the layer that last wrote the value or object there. */
export type Origins = Map<string, number>;
export const SEP = "\u0000";

function drop(origins: Origins, path: string, old: JsonValue | undefined): void {
  origins.delete(path);
  if (isPlainObject(old)) for (const [k, v] of Object.entries(old)) drop(origins, path + SEP + k, v);
}

function merge(target: JsonObject, patch: JsonObject, idx: number, prefix: string, origins: Origins): void {
  for (const [k, v] of Object.entries(patch)) {
    const p = prefix === "" ? SEP + k : prefix + SEP + k;
    const has = Object.hasOwn(target, k);
    if (v === null) {
      if (has) {
        drop(origins, p, target[k]);
        delete target[k];
      }
    } else if (isPlainObject(v)) {
      let cur = has ? target[k] : undefined;
      if (!isPlainObject(cur)) {
        if (has) drop(origins, p, cur);
        cur = {};
        target[k] = cur;
      }
      origins.set(p, idx);
      merge(cur as JsonObject, v, idx, p, origins);
    } else {
      const old = has ? target[k] : undefined;
      if (isPlainObject(old)) drop(origins, p, old);
      target[k] = v;
      origins.set(p, idx);
    }
  }
}

/**
 * The merged object of `layers` (lowest first), without origins: what `build()` needs — the json
 * module's own merge walk, applied in place to owned, validated layers. The result shares arrays
 * and scalars with the layers (never objects), and must not be mutated in place.
 */
export function mergeData(layers: readonly JsonObject[]): JsonObject {
  const result: JsonObject = {};
  for (const layer of layers) mergeInto(result, layer);
  return result;
}

/** The merged object of `layers` (lowest first) and the origin of every path in it. */
export function mergeLayers(layers: readonly JsonObject[]): [JsonObject, Origins] {
  const result: JsonObject = {};
  const origins: Origins = new Map();
  layers.forEach((layer, i) => merge(result, layer, i, "", origins));
  return [result, origins];
}

/** The origins key of a path's segments. */
export function originKey(tokens: readonly string[]): string {
  return tokens.length ? SEP + tokens.join(SEP) : "";
}
