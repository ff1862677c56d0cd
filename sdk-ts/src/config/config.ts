/**
 * `Config` (the resolved configuration) and `ConfigBuilder` — the same behaviour as Python's
 * `llm_infra.config.Config` / `ConfigBuilder`, in camelCase.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { clone, formatNumber, pathFormat, pathParse } from "../json/index.js";
import { envDocument } from "./env.js";
import { mergeData, mergeLayers, type Origins, originKey, SEP } from "./merge.js";
import { checkRules, lookup, makeRule, MISSING, type Rule, ruleFromJSON, violationsError } from "./rules.js";
import { loadText, toConfigDocument } from "./sources.js";
import { asciiLower, fmtValue, isPlainObject, jsonType, MAX_SAFE, quote, REDACTED } from "./text.js";

/** Key substrings (ASCII case-insensitive) whose values are secrets, redacted as `***`. */
export const DEFAULT_SECRET_KEYS: readonly string[] = Object.freeze([
  "password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "credential",
]);
const TRUE = new Set(["true", "yes", "on", "1"]);
const FALSE = new Set(["false", "no", "off", "0"]);
const INT_TEXT = /^[+-]?[0-9]+$/;
const FLOAT_TEXT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const DURATION_PART = /([0-9]+)(?:\.([0-9]{1,3}))?(ms|s|m|h|d)/y;
const UNIT_MS: Record<string, bigint> = { ms: 1n, s: 1000n, m: 60000n, h: 3600000n, d: 86400000n };

class SecretMatcher {
  readonly keys: readonly string[];
  constructor(keys: readonly string[] = DEFAULT_SECRET_KEYS) {
    if (typeof keys === "string" || !Array.isArray(keys) || !keys.every((k) => typeof k === "string" && k !== "")) {
      throw InfraError.config("secret keys must be a list of non-empty strings", { field: "secret_keys" });
    }
    this.keys = keys.map(asciiLower);
  }
  key(key: string): boolean {
    const low = asciiLower(key);
    return this.keys.some((k) => low.includes(k));
  }
  path(tokens: readonly string[]): boolean {
    return tokens.some((t) => this.key(t));
  }
  redact(value: JsonValue): JsonValue {
    if (Array.isArray(value)) return value.map((v) => this.redact(v));
    if (isPlainObject(value)) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.key(k) ? REDACTED : this.redact(v);
      return out;
    }
    return value;
  }
}

function notSet(path: string): InfraError {
  return InfraError.config(`config value ${quote(path)} is not set`, { path });
}

function badValue(path: string, want: string, value: JsonValue, secret: boolean): InfraError {
  return InfraError.config(`config value ${quote(path)} must be ${want}, got ${jsonType(value)} ${secret ? REDACTED : fmtValue(value)}`, { path });
}

/**
 * Milliseconds of a duration: a number of seconds, or text like `1h30m`, `250ms`, `1.5s`.
 *
 * @example
 * ```ts
 * import { parseDuration } from "@llm-dev-ops/infra/config";
 * parseDuration("1h30m"); // 5400000
 * parseDuration(2.5);     // 2500
 * ```
 */
export function parseDuration(value: unknown, path = "value", options: { redact?: boolean } = {}): number {
  const redact = options.redact ?? false;
  let ms: number;
  if (typeof value === "boolean") throw InfraError.config(`config value ${quote(path)} must be a duration, got boolean`, { path });
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw InfraError.config(`config value ${quote(path)} must be a non-negative duration`, { path });
    ms = Math.floor(value * 1000 + 0.5);
  } else if (typeof value === "string") {
    if (FLOAT_TEXT.test(value) && !value.startsWith("+") && !value.startsWith("-")) return parseDuration(Number(value), path, { redact });
    const shown = redact ? REDACTED : quote(value);
    if (value === "") throw InfraError.config(`config value ${quote(path)} is not a duration: ${shown}`, { path });
    let pos = 0;
    let total = 0n;
    while (pos < value.length) {
      DURATION_PART.lastIndex = pos;
      const m = DURATION_PART.exec(value);
      if (m === null) {
        throw InfraError.config(`config value ${quote(path)} is not a duration: ${shown} (use e.g. 1h30m, 250ms, 30s, 2m, 1d)`, { path });
      }
      const frac = m[2] ?? "";
      const scale = 10n ** BigInt(frac.length);
      const units = (BigInt(m[1] as string) * scale + (frac ? BigInt(frac) : 0n)) * (UNIT_MS[m[3] as string] as bigint);
      total += (2n * units + scale) / (2n * scale);
      pos = DURATION_PART.lastIndex;
    }
    if (total > BigInt(MAX_SAFE)) throw InfraError.config(`config value ${quote(path)} is a duration beyond 2^53 - 1 ms`, { path });
    ms = Number(total);
  } else {
    throw InfraError.config(`config value ${quote(path)} must be a duration, got ${jsonType(value)}`, { path });
  }
  if (ms > MAX_SAFE) throw InfraError.config(`config value ${quote(path)} is a duration beyond 2^53 - 1 ms`, { path });
  return ms;
}

const UNSET = Symbol("unset");

/**
 * A resolved configuration: read values by dot path, typed, explained and redacted.
 *
 * @example
 * ```ts
 * import { ConfigBuilder } from "@llm-dev-ops/infra/config";
 * const cfg = new ConfigBuilder()
 *   .addDefaults({ db: { port: 5432, password: "x" } })
 *   .addEnv({ prefix: "APP_", vars: { APP_DB__PORT: "6543", APP_DEBUG: "yes" } })
 *   .build();
 * cfg.getInt("db.port");           // 6543
 * cfg.getBool("debug");            // true
 * cfg.explain("db.port");          // "env:APP_"
 * cfg.toObject({ redact: true });  // { db: { port: 6543, password: "***" }, debug: "yes" }
 * ```
 */
export class Config {
  readonly #data: JsonObject;
  #origins: Origins | (() => Origins);
  readonly #labels: readonly string[];
  readonly #secrets: SecretMatcher;

  /** @internal Built by {@link ConfigBuilder.build}; `origins` may be computed on first use. */
  constructor(data: JsonObject, origins: Origins | (() => Origins), labels: readonly string[], secrets: SecretMatcher) {
    this.#data = data;
    this.#origins = origins;
    this.#labels = labels;
    this.#secrets = secrets;
  }

  #value(path: string, fallback: unknown[]): JsonValue | typeof UNSET {
    const v = lookup(this.#data, pathParse(path));
    if (v === MISSING) {
      if (fallback.length === 0) throw notSet(path);
      return UNSET;
    }
    return v;
  }

  /** Where each path came from (worked out on the first `explain`: builds need not pay for it). */
  #originMap(): Origins {
    if (typeof this.#origins === "function") this.#origins = this.#origins();
    return this.#origins;
  }

  #secret(path: string): boolean {
    return this.#secrets.path(pathParse(path));
  }

  #bad(path: string, want: string, value: JsonValue): InfraError {
    return badValue(path, want, this.#secrets.redact(value), this.#secret(path));
  }

  /** Whether `path` holds a value. */
  has(path: string): boolean {
    return lookup(this.#data, pathParse(path)) !== MISSING;
  }

  /** The value at `path` (a copy); `fallback` when missing, else `InfraError("config")`. */
  get<T = JsonValue>(path: string, ...fallback: [T?]): JsonValue | T {
    const v = this.#value(path, fallback);
    if (v === UNSET) return fallback[0] as T;
    return clone(v);
  }

  /** An integer: a JSON integer or integer text (`"8080"`); booleans are refused. */
  getInt(path: string, ...fallback: [number?]): number {
    const v = this.#value(path, fallback);
    if (v === UNSET) return fallback[0] as number;
    if (typeof v === "number" && Number.isInteger(v)) return v;
    if (typeof v === "string" && INT_TEXT.test(v) && Math.abs(Number(v)) <= MAX_SAFE) return Number(v) + 0;
    throw this.#bad(path, "an integer", v);
  }

  /** A number: a JSON number or decimal text (`"0.5"`, `"1e3"`); booleans are refused. */
  getFloat(path: string, ...fallback: [number?]): number {
    const v = this.#value(path, fallback);
    if (v === UNSET) return fallback[0] as number;
    if (typeof v === "number") return v;
    if (typeof v === "string" && FLOAT_TEXT.test(v) && Number.isFinite(Number(v))) return Number(v);
    throw this.#bad(path, "a number", v);
  }

  /** A boolean: `true`/`false`, or (any case) `true yes on 1` / `false no off 0`; numbers 1 and 0 too. */
  getBool(path: string, ...fallback: [boolean?]): boolean {
    const v = this.#value(path, fallback);
    if (v === UNSET) return fallback[0] as boolean;
    if (typeof v === "boolean") return v;
    let text: string | null = null;
    if (typeof v === "string") text = v;
    else if (v === 0 || v === 1) text = v === 1 ? "1" : "0";
    if (text !== null) {
      const low = asciiLower(text);
      if (TRUE.has(low)) return true;
      if (FALSE.has(low)) return false;
    }
    throw this.#bad(path, "a boolean (true/yes/on/1 or false/no/off/0)", v);
  }

  /** A string; numbers and booleans in their JSON spelling. */
  getStr(path: string, ...fallback: [string?]): string {
    const v = this.#value(path, fallback);
    if (v === UNSET) return fallback[0] as string;
    if (typeof v === "string") return v;
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return formatNumber(v);
    throw this.#bad(path, "a string", v);
  }

  /** A duration in milliseconds (see {@link parseDuration}). */
  getDuration(path: string, ...fallback: [number?]): number {
    const v = this.#value(path, fallback);
    if (v === UNSET) return fallback[0] as number;
    return parseDuration(v, path, { redact: this.#secret(path) });
  }

  /** An array (a copy), or a comma-separated string split into trimmed, non-empty items. */
  getList(path: string, ...fallback: [JsonValue[]?]): JsonValue[] {
    const v = this.#value(path, fallback);
    if (v === UNSET) return fallback[0] as JsonValue[];
    if (Array.isArray(v)) return clone(v) as JsonValue[];
    if (typeof v === "string") return v.split(",").map((s) => s.replace(/^[ \t]+|[ \t]+$/g, "")).filter((s) => s !== "");
    throw this.#bad(path, "an array or a comma-separated string", v);
  }

  /** The object at `path` as a `Config` of its own. */
  section(path: string): Config {
    const tokens = pathParse(path);
    const v = this.#value(path, []);
    if (!isPlainObject(v)) throw InfraError.config(`config value ${quote(path)} is not a section (an object), got ${jsonType(v)}`, { path });
    const prefix = originKey(tokens);
    const origins: Origins = new Map();
    for (const [k, i] of this.#originMap()) if (k.startsWith(prefix + SEP)) origins.set(k.slice(prefix.length), i);
    return new Config(v, origins, this.#labels, this.#secrets);
  }

  /** The label of the source that set the value at `path` last (for an object: touched it last). */
  explain(path: string): string {
    const tokens = pathParse(path);
    if (tokens.length === 0) throw InfraError.validation("explain needs a non-empty path", { field: "path" });
    if (lookup(this.#data, tokens) === MISSING) throw notSet(path);
    for (let i = tokens.length; i > 0; i--) {
      const idx = this.#originMap().get(originKey(tokens.slice(0, i)));
      if (idx !== undefined) return this.#labels[idx] as string;
    }
    throw InfraError.internal(`no origin recorded for ${quote(path)}`, { path });
  }

  /** Every leaf value's dot path → the label of its source (arrays are leaves). */
  explainAll(): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (p: string[], v: JsonValue): void => {
      if (isPlainObject(v) && (Object.keys(v).length > 0 || p.length === 0)) {
        for (const [k, x] of Object.entries(v)) walk([...p, k], x);
      } else {
        out[pathFormat(p)] = this.#labels[this.#originMap().get(originKey(p)) as number] as string;
      }
    };
    walk([], this.#data);
    return out;
  }

  /** The labels of the sources, lowest priority first. */
  get sources(): readonly string[] {
    return this.#labels;
  }

  /** A deep copy of the whole configuration; `{redact: true}` replaces secrets by `***`. */
  toObject(options: { redact?: boolean } = {}): JsonObject {
    return (options.redact ? this.#secrets.redact(this.#data) : clone(this.#data)) as JsonObject;
  }

  /** The redacted configuration (so `JSON.stringify(config)` never leaks a secret). */
  toJSON(): JsonObject {
    return this.toObject({ redact: true });
  }

  /** The object at `path` (default: everything) as a plain object typed `T` (a copy, not checked). */
  load<T = JsonObject>(path = ""): T {
    return (path === "" ? clone(this.#data) : this.get(path)) as T;
  }
}

/** Options shared by the sources. */
export interface SourceOptions {
  /** Name shown by `explain` and in errors. */
  label?: string;
  /** Higher wins; ties by the order added (default 0). */
  priority?: number;
}

interface Source {
  kind: string;
  label: string;
  priority: number;
  order: number;
  load: () => JsonObject | null;
}

/**
 * Declare sources (later wins, or numeric `priority`) and rules, then `build()`.
 *
 * @example
 * ```ts
 * import { ConfigBuilder } from "@llm-dev-ops/infra/config";
 * const cfg = new ConfigBuilder()
 *   .addDefaults({ db: { host: "localhost", port: 5432 } })
 *   .addToml('[db]\nhost = "db.internal"')
 *   .addEnv({ prefix: "APP_", vars: { APP_DB__PORT: "6432" } })
 *   .require("db.host").range("db.port", 1, 65535)
 *   .build();
 * cfg.get("db"); // { host: "db.internal", port: 6432 }
 * ```
 */
export class ConfigBuilder {
  readonly #sources: Source[] = [];
  readonly #rules: Rule[] = [];
  readonly #secrets: SecretMatcher;

  constructor(options: { secretKeys?: readonly string[] } = {}) {
    this.#secrets = new SecretMatcher(options.secretKeys ?? DEFAULT_SECRET_KEYS);
  }

  #add(kind: string, label: string, load: () => JsonObject | null, priority: number | undefined | null): this {
    if (priority !== undefined && priority !== null && (typeof priority !== "number" || !Number.isFinite(priority))) {
      throw InfraError.config(`source ${quote(label)}: priority must be a finite number`, { field: "priority" });
    }
    this.#sources.push({ kind, label, load, priority: priority ?? 0, order: this.#sources.length });
    return this;
  }

  /** An in-memory object (copied and checked now; `null` members delete lower values). */
  addMemory(data: Record<string, unknown>, options: SourceOptions = {}): this {
    const label = options.label ?? "memory";
    const doc = toConfigDocument(data, label);
    return this.#add("memory", label, () => doc, options.priority);
  }

  /** Default values: always below every other source. */
  addDefaults(data: Record<string, unknown>, options: { label?: string } = {}): this {
    const label = options.label ?? "defaults";
    const doc = toConfigDocument(data, label);
    return this.#add("defaults", label, () => doc, undefined);
  }

  /** JSON text (strict). */
  addJson(text: string, options: SourceOptions = {}): this {
    const label = options.label ?? "json";
    return this.#add("json", label, () => loadText("json", text, label), options.priority);
  }

  /** TOML text (smol-toml). */
  addToml(text: string, options: SourceOptions = {}): this {
    const label = options.label ?? "toml";
    return this.#add("toml", label, () => loadText("toml", text, label), options.priority);
  }

  /**
   * A JSON or TOML file read through `readFile` (no file system of its own: pass e.g. a virtual FS
   * reader); `readFile` returns the text, or `null`/`undefined` when the file does not exist.
   */
  addFile(path: string, readFile: (path: string) => string | null | undefined,
    options: SourceOptions & { format?: "json" | "toml"; required?: boolean } = {}): this {
    const lower = path.toLowerCase();
    const fmt = options.format ?? (lower.endsWith(".json") ? "json" : lower.endsWith(".toml") ? "toml" : undefined);
    if (fmt === undefined) {
      throw InfraError.config(`config file ${quote(path)}: cannot tell the format from the name (give format=json|toml)`, { source: path });
    }
    const required = options.required ?? true;
    return this.#add("file", options.label ?? path, () => {
      const text = readFile(path);
      if (text === null || text === undefined) {
        if (required) throw InfraError.config(`config file ${quote(path)} not found`, { source: path });
        return null;
      }
      return loadText(fmt, text, path);
    }, options.priority);
  }

  /** Environment variables `prefix` + `A__B` → `a.b`, from the explicit `vars` mapping. */
  addEnv(options: SourceOptions & { prefix?: string; separator?: string; vars: Readonly<Record<string, string>> }): this {
    const prefix = options.prefix ?? "";
    const label = options.label ?? `env:${prefix}`;
    const vars = { ...options.vars };
    return this.#add("env", label, () => toConfigDocument(envDocument(vars, prefix, options.separator ?? "__"), label, true), options.priority);
  }

  #rule(rule: string, path: string, params: Record<string, unknown>, predicate?: (v: JsonValue) => boolean, message = ""): this {
    this.#rules.push(makeRule(rule, path, params, this.#rules.length, predicate, message));
    return this;
  }

  /** Each path must hold a value. */
  require(...paths: string[]): this {
    for (const p of paths) this.#rule("required", p, {});
    return this;
  }
  /** The value must be of JSON `type` (string, integer, number, boolean, object, array, null). */
  expectType(path: string, type: string): this {
    return this.#rule("type", path, { type });
  }
  /** A number within `min`..`max` (inclusive; `null` for no bound). */
  range(path: string, min: number | null = null, max: number | null = null): this {
    return this.#rule("range", path, { min, max });
  }
  /** A string (code points) or array whose length is within `min`..`max`. */
  length(path: string, min: number | null = null, max: number | null = null): this {
    return this.#rule("length", path, { min, max });
  }
  /** A string that matches the portable regular expression completely. */
  pattern(path: string, pattern: string): this {
    return this.#rule("pattern", path, { pattern });
  }
  /** A value JSON-equal to one of `values` (rule name `enum`). */
  oneOf(path: string, values: readonly JsonValue[]): this {
    return this.#rule("enum", path, { values: [...values] });
  }
  /** A custom predicate on the value (skipped when missing). */
  check(path: string, predicate: (value: JsonValue) => boolean, message = "failed a custom check"): this {
    return this.#rule("custom", path, {}, predicate, message);
  }
  /** Rules in their JSON form, e.g. `[{rule: "range", path: "db.port", min: 1}]`. */
  addRules(rules: readonly unknown[]): this {
    if (!Array.isArray(rules)) throw InfraError.config("rules must be an array of rule objects", { field: "rules" });
    for (const spec of rules) this.#rules.push(ruleFromJSON(spec, this.#rules.length));
    return this;
  }

  /** Read every source, layer them, check every rule; one `InfraError("config")` lists all violations. */
  build(): Config {
    const ordered = [...this.#sources].sort((a, b) =>
      Number(a.kind !== "defaults") - Number(b.kind !== "defaults") || a.priority - b.priority || a.order - b.order);
    const layers: JsonObject[] = [];
    const labels: string[] = [];
    for (const s of ordered) {
      const doc = s.load();
      if (doc !== null) {
        layers.push(doc);
        labels.push(s.label);
      }
    }
    const data = mergeData(layers);
    if (this.#rules.length) {
      const violations = checkRules(data, this.#rules, (t) => this.#secrets.path(t), (v) => this.#secrets.redact(v));
      if (violations.length) throw violationsError(violations);
    }
    return new Config(data, () => mergeLayers(layers)[1], labels, this.#secrets);
  }
}
