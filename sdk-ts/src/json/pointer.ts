/**
 * JSON Pointer (RFC 6901): parse, format, get, and the add / replace / remove primitives — the
 * same strict rules, messages' fields and error kinds as Python's `llm_infra.json`.
 *
 * `~1` is decoded before `~0`; a `~` not followed by `0`/`1` is an error; array indexes are `0`
 * or digits without a leading zero; `-` is only meaningful as the final token of an *add*.
 * A malformed pointer or index is `validation`; a well-formed pointer naming nothing is `not_found`.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { checkName, clone, escapeToken, FORBIDDEN_NAMES, setOwn, typeName } from "./values.js";

/** Options of the mutating functions. */
export interface InPlaceOptions {
  /** Modify the given document instead of a copy (still atomic). Always use the return value. */
  inPlace?: boolean;
}

const BAD_TILDE = /~(?![01])/;
const INDEX = /^(?:0|[1-9][0-9]*)$/;
const CACHE_SIZE = 4096;
const cache = new Map<string, readonly string[]>();

/** Parsed tokens of `pointer` (cached); malformed pointers throw `InfraError("validation")`. */
export function tokensOf(pointer: unknown): readonly string[] {
  if (typeof pointer !== "string") {
    throw InfraError.validation(`a JSON Pointer must be a string, got ${typeName(pointer)}`, { field: "pointer" });
  }
  const hit = cache.get(pointer);
  if (hit !== undefined) return hit;
  const tokens = parseUncached(pointer);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(pointer, tokens);
  return tokens;
}

function parseUncached(pointer: string): readonly string[] {
  if (pointer === "") return Object.freeze([]);
  if (pointer[0] !== "/") {
    throw InfraError.validation(`JSON Pointer '${pointer}' must be empty or start with '/'`, { pointer });
  }
  const raw = pointer.slice(1).split("/");
  const tokens: string[] = [];
  for (const t of raw) {
    if (t.includes("~")) {
      if (BAD_TILDE.test(t)) {
        throw InfraError.validation(`JSON Pointer '${pointer}': token '${t}' has a '~' not followed by '0' or '1'`, {
          pointer,
          token: t,
        });
      }
      tokens.push(t.replace(/~1/g, "/").replace(/~0/g, "~")); // ~1 first: "~01" is "~1", not "/"
    } else {
      tokens.push(t);
    }
  }
  for (const t of tokens) if (FORBIDDEN_NAMES.has(t)) checkName(t, "pointer token", `'${pointer}'`);
  return Object.freeze(tokens);
}

/**
 * The reference tokens of `pointer`, unescaped.
 *
 * @example
 * ```ts
 * import { pointerParse } from "@llm-dev-ops/infra/json";
 * pointerParse("/a~1b/m~0n/0"); // ["a/b", "m~n", "0"]
 * pointerParse("");             // []
 * ```
 */
export function pointerParse(pointer: string): string[] {
  return [...tokensOf(pointer)];
}

/**
 * The pointer for `tokens` (each escaped: `~` → `~0`, `/` → `~1`).
 *
 * @example
 * ```ts
 * import { pointerFormat } from "@llm-dev-ops/infra/json";
 * pointerFormat(["a/b", "m~n", "0"]); // "/a~1b/m~0n/0"
 * ```
 */
export function pointerFormat(tokens: readonly string[]): string {
  if (!Array.isArray(tokens)) {
    throw InfraError.validation(`pointer tokens must be a list of strings, got ${typeName(tokens)}`, { field: "tokens" });
  }
  let out = "";
  tokens.forEach((t: unknown, i) => {
    if (typeof t !== "string") {
      throw InfraError.validation(`pointer token ${i} must be a string, got ${typeName(t)}`, { field: `tokens[${i}]` });
    }
    checkName(t, "pointer token", `tokens[${i}]`);
    out += "/" + escapeToken(t);
  });
  return out;
}

/** How errors name a reference: a JSON Pointer or a dot path, and its text. */
export class Ref {
  constructor(
    readonly text: string,
    readonly kind: "pointer" | "path" = "pointer",
  ) {}

  label(): string {
    return this.kind === "pointer" ? `JSON Pointer '${this.text}'` : `path '${this.text}'`;
  }

  prefix(tokens: readonly string[], n: number): string {
    if (n === 0) return "the root";
    const head = tokens.slice(0, n);
    if (this.kind === "pointer") return `'${head.map((t) => "/" + escapeToken(t)).join("")}'`;
    return `'${head.map((t) => t.replace(/\\/g, "\\\\").replace(/\./g, "\\.")).join(".")}'`;
  }

  error(kind: "validation" | "not_found", problem: string, context: Record<string, unknown> = {}): InfraError {
    return new InfraError(kind, `${this.label()}: ${problem}`, { context: { [this.kind]: this.text, ...context } });
  }
}

/** The array index named by `token`: `0 <= index < length` (`<= length` when `endOk`). */
export function arrayIndex(token: string, length: number, ref: Ref, tokens: readonly string[], i: number, endOk: boolean): number {
  if (INDEX.test(token)) {
    const idx = Number(token);
    if (idx < length || (endOk && idx === length)) return idx;
    const valid = endOk ? `0..${length}` : length > 0 ? `0..${length - 1}` : "none, the array is empty";
    throw ref.error("not_found", `index ${token} is out of range for the array at ${ref.prefix(tokens, i)} (length ${length}; valid: ${valid})`, {
      token,
      length,
    });
  }
  if (token === "-") {
    if (endOk) return length;
    throw ref.error(
      "not_found",
      `'-' names the element after the last of the array at ${ref.prefix(tokens, i)}, which does not exist ` +
        "(it is only valid as the target of an add)",
      { token },
    );
  }
  throw ref.error(
    "validation",
    `token '${token}' is not an index for the array at ${ref.prefix(tokens, i)} (digits without leading zeros, or '-' to append)`,
    { token },
  );
}

function noMember(ref: Ref, tokens: readonly string[], i: number): InfraError {
  return ref.error("not_found", `no member '${tokens[i]}' in the object at ${ref.prefix(tokens, i)}`, { token: tokens[i] });
}

function notContainer(node: unknown, ref: Ref, tokens: readonly string[], i: number): InfraError {
  return ref.error("not_found", `cannot look up '${tokens[i]}' in the ${typeName(node)} at ${ref.prefix(tokens, i)}`, {
    token: tokens[i],
  });
}

/** The value at `tokens[0..n)`; errors as for a get. */
export function walk(doc: unknown, tokens: readonly string[], n: number, ref: Ref): JsonValue {
  let node = doc;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (Array.isArray(node)) {
      node = node[arrayIndex(t, node.length, ref, tokens, i, false)];
    } else if (typeof node === "object" && node !== null) {
      if (!Object.hasOwn(node, t)) throw noMember(ref, tokens, i);
      node = (node as JsonObject)[t];
    } else {
      throw notContainer(node, ref, tokens, i);
    }
  }
  return node as JsonValue;
}

/** One undo record of an in-place patch. */
export type LogEntry =
  | { kind: "set"; obj: JsonObject; key: string; had: boolean; old: JsonValue | undefined }
  | { kind: "ins"; arr: JsonValue[]; idx: number }
  | { kind: "rep"; arr: JsonValue[]; idx: number; old: JsonValue }
  | { kind: "del"; obj: JsonObject; key: string; old: JsonValue }
  | { kind: "pop"; arr: JsonValue[]; idx: number; old: JsonValue }
  | { kind: "root"; old: JsonValue }
  | { kind: "order"; obj: JsonObject; keys: string[] };

/** The undo log of an in-place patch, and the objects whose key order it has saved. */
export interface Log {
  entries: LogEntry[];
  seen: Set<object>;
}

function isObjectNode(node: unknown): node is JsonObject {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}

/** RFC 6902 add of an owned `value`; returns the (possibly new) root. */
export function primAdd(root: JsonValue, tokens: readonly string[], value: JsonValue, ref: Ref, log?: Log): JsonValue {
  if (tokens.length === 0) {
    log?.entries.push({ kind: "root", old: root });
    return value;
  }
  const n = tokens.length - 1;
  const parent = walk(root, tokens, n, ref);
  const last = tokens[n]!;
  if (Array.isArray(parent)) {
    const idx = arrayIndex(last, parent.length, ref, tokens, n, true);
    parent.splice(idx, 0, value);
    log?.entries.push({ kind: "ins", arr: parent, idx });
  } else if (isObjectNode(parent)) {
    const had = Object.hasOwn(parent, last);
    log?.entries.push({ kind: "set", obj: parent, key: last, had, old: had ? parent[last] : undefined });
    setOwn(parent, last, value);
  } else {
    throw notContainer(parent, ref, tokens, n);
  }
  return root;
}

/** RFC 6902 replace (the target must exist); returns the (possibly new) root. */
export function primReplace(root: JsonValue, tokens: readonly string[], value: JsonValue, ref: Ref, log?: Log): JsonValue {
  if (tokens.length === 0) {
    log?.entries.push({ kind: "root", old: root });
    return value;
  }
  const n = tokens.length - 1;
  const parent = walk(root, tokens, n, ref);
  const last = tokens[n]!;
  if (Array.isArray(parent)) {
    const idx = arrayIndex(last, parent.length, ref, tokens, n, false);
    log?.entries.push({ kind: "rep", arr: parent, idx, old: parent[idx]! });
    parent[idx] = value;
  } else if (isObjectNode(parent)) {
    if (!Object.hasOwn(parent, last)) throw noMember(ref, tokens, n);
    log?.entries.push({ kind: "set", obj: parent, key: last, had: true, old: parent[last] });
    setOwn(parent, last, value);
  } else {
    throw notContainer(parent, ref, tokens, n);
  }
  return root;
}

/** RFC 6902 remove; returns the removed value. Removing the root is an error. */
export function primRemove(root: JsonValue, tokens: readonly string[], ref: Ref, log?: Log): JsonValue {
  if (tokens.length === 0) throw ref.error("validation", "cannot remove the whole document: a JSON document must have a value");
  const n = tokens.length - 1;
  const parent = walk(root, tokens, n, ref);
  const last = tokens[n]!;
  if (Array.isArray(parent)) {
    const idx = arrayIndex(last, parent.length, ref, tokens, n, false);
    const old = parent.splice(idx, 1)[0]!;
    log?.entries.push({ kind: "pop", arr: parent, idx, old });
    return old;
  }
  if (isObjectNode(parent)) {
    if (!Object.hasOwn(parent, last)) throw noMember(ref, tokens, n);
    if (log !== undefined && !log.seen.has(parent)) {
      // Remember the key order once, so that a rollback restores it exactly.
      log.seen.add(parent);
      log.entries.push({ kind: "order", obj: parent, keys: Object.keys(parent) });
    }
    const old = parent[last]!;
    delete parent[last];
    log?.entries.push({ kind: "del", obj: parent, key: last, old });
    return old;
  }
  throw notContainer(parent, ref, tokens, n);
}

/** Undo every logged mutation, newest first. */
export function rollback(log: Log): void {
  const orders: Array<{ obj: JsonObject; keys: string[] }> = [];
  for (let i = log.entries.length - 1; i >= 0; i--) {
    const e = log.entries[i]!;
    switch (e.kind) {
      case "set":
        if (e.had) setOwn(e.obj, e.key, e.old!);
        else delete e.obj[e.key];
        break;
      case "ins":
        e.arr.splice(e.idx, 1);
        break;
      case "rep":
        e.arr[e.idx] = e.old;
        break;
      case "del":
        setOwn(e.obj, e.key, e.old);
        break;
      case "pop":
        e.arr.splice(e.idx, 0, e.old);
        break;
      case "order":
        orders.push({ obj: e.obj, keys: e.keys });
        break;
      case "root":
        break;
    }
  }
  for (const { obj, keys: saved } of orders) {
    // The order was saved at the first removal, possibly after this patch had added keys that the
    // rollback above has taken out again: restore the order of the keys still there.
    const keys = saved.filter((k) => Object.hasOwn(obj, k));
    const values = keys.map((k) => obj[k]!);
    for (const k of keys) delete obj[k];
    keys.forEach((k, i) => setOwn(obj, k, values[i]!));
  }
  log.entries.length = 0;
}

/**
 * The value `pointer` names in `doc` (a reference into `doc`, not a copy). When nothing is there,
 * return `fallback` if one was passed, else throw `InfraError("not_found")`; a malformed pointer
 * always throws `InfraError("validation")`.
 *
 * @example
 * ```ts
 * import { pointerGet } from "@llm-dev-ops/infra/json";
 * const doc = { foo: ["bar", "baz"], "a/b": 1 };
 * pointerGet(doc, "/foo/1");       // "baz"
 * pointerGet(doc, "/a~1b");        // 1
 * pointerGet(doc, "/nope", null);  // null
 * ```
 */
export function pointerGet(doc: JsonValue, pointer: string): JsonValue;
export function pointerGet<T>(doc: JsonValue, pointer: string, fallback: T): JsonValue | T;
export function pointerGet(doc: JsonValue, pointer: string, ...fallback: unknown[]): unknown {
  const tokens = tokensOf(pointer);
  try {
    return walk(doc, tokens, tokens.length, new Ref(pointer));
  } catch (e) {
    if (fallback.length > 0 && e instanceof InfraError && e.kind === "not_found") return fallback[0];
    throw e;
  }
}

function target(doc: JsonValue, options?: InPlaceOptions): JsonValue {
  return options?.inPlace === true ? doc : clone(doc);
}

/**
 * RFC 6902 *add*: insert into an array (`-` appends), set an object member, or replace the root.
 * Returns the new document; `doc` is untouched unless `{ inPlace: true }`. `value` is copied.
 *
 * @example
 * ```ts
 * import { pointerAdd } from "@llm-dev-ops/infra/json";
 * pointerAdd({ a: [1, 3] }, "/a/1", 2); // { a: [1, 2, 3] }
 * ```
 */
export function pointerAdd(doc: JsonValue, pointer: string, value: JsonValue, options?: InPlaceOptions): JsonValue {
  const tokens = tokensOf(pointer);
  const owned = clone(value);
  return primAdd(target(doc, options), tokens, owned, new Ref(pointer));
}

/**
 * RFC 6902 *replace*: the target must exist. Same copy rules as {@link pointerAdd}.
 *
 * @example
 * ```ts
 * import { pointerReplace } from "@llm-dev-ops/infra/json";
 * pointerReplace({ a: { b: 1 } }, "/a/b", [2]); // { a: { b: [2] } }
 * ```
 */
export function pointerReplace(doc: JsonValue, pointer: string, value: JsonValue, options?: InPlaceOptions): JsonValue {
  const tokens = tokensOf(pointer);
  const owned = clone(value);
  return primReplace(target(doc, options), tokens, owned, new Ref(pointer));
}

/**
 * RFC 6902 *remove*: the target must exist; the root cannot be removed. Returns the new document.
 *
 * @example
 * ```ts
 * import { pointerRemove } from "@llm-dev-ops/infra/json";
 * pointerRemove({ a: [1, 2, 3] }, "/a/0"); // { a: [2, 3] }
 * ```
 */
export function pointerRemove(doc: JsonValue, pointer: string, options?: InPlaceOptions): JsonValue {
  const tokens = tokensOf(pointer);
  const root = target(doc, options);
  primRemove(root, tokens, new Ref(pointer));
  return root;
}
