/**
 * Validation rules, checked after layering; every violation is reported at once in one
 * `InfraError("config")` whose context is `{violations: [{path, rule, message}]}` — the same
 * paths, rules, order and messages as Python's `llm_infra.config`.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { jsonEqual, pathParse } from "../json/index.js";
import { compilePortable } from "./pattern.js";
import { fmtValue, isPlainObject, jsonType, quote, REDACTED } from "./text.js";

/** The type names the `type` rule accepts. */
export const TYPES = ["string", "integer", "number", "boolean", "object", "array", "null"] as const;
const KEYS: Record<string, string[]> = {
  required: [], type: ["type"], range: ["min", "max"], length: ["min", "max"],
  pattern: ["pattern"], enum: ["values"], one_of: ["values"],
};
const RULE_NAMES = "required, type, range, length, pattern, enum, one_of";

/** One violation of a rule. */
export interface Violation {
  path: string;
  rule: string;
  message: string;
}

/** A declared rule. */
export interface Rule {
  rule: string;
  path: string;
  tokens: readonly string[];
  params: readonly unknown[];
  predicate?: (value: JsonValue) => boolean;
  message?: string;
}

const MISSING = Symbol("missing");

function isNum(v: unknown): v is number {
  return typeof v === "number";
}

function where(index: number, rule: string, path: string): string {
  return `rules[${index}] (${rule} on ${quote(path)})`;
}

/** A checked rule (`index` only names it in errors). */
export function makeRule(rule: string, path: string, params: Record<string, unknown>, index: number,
  predicate?: (value: JsonValue) => boolean, message = ""): Rule {
  if (typeof path !== "string") throw InfraError.config(`rules[${index}]: path must be a string`, { field: `rules[${index}].path` });
  let tokens: string[];
  try {
    tokens = pathParse(path);
  } catch (e) {
    if (e instanceof InfraError) throw InfraError.config(`${where(index, rule, path)}: ${e.message}`, { field: `rules[${index}].path` });
    throw e;
  }
  const w = where(index, rule, path);
  const get = (k: string): unknown => (Object.hasOwn(params, k) ? params[k] : undefined) ?? undefined;
  switch (rule) {
    case "required":
      return { rule, path, tokens, params: [] };
    case "type": {
      const t = get("type");
      if (typeof t !== "string" || !(TYPES as readonly string[]).includes(t)) {
        throw InfraError.config(`${w}: type must be one of ${TYPES.join(", ")}`, { field: `rules[${index}].type` });
      }
      return { rule, path, tokens, params: [t] };
    }
    case "range":
    case "length": {
      const lo = get("min") ?? null;
      const hi = get("max") ?? null;
      for (const [name, b] of [["min", lo], ["max", hi]] as const) {
        const ok = b === null || (rule === "range" ? isNum(b) : isNum(b) && Number.isInteger(b) && b >= 0);
        if (!ok) {
          throw InfraError.config(`${w}: ${name} must be ${rule === "range" ? "a number" : "a non-negative integer"}`, { field: `rules[${index}].${name}` });
        }
      }
      if (lo === null && hi === null) throw InfraError.config(`${w}: give min, max or both`, { field: `rules[${index}]` });
      return { rule, path, tokens, params: [lo, hi] };
    }
    case "pattern": {
      const p = get("pattern");
      if (typeof p !== "string") throw InfraError.config(`${w}: pattern must be a string`, { field: `rules[${index}].pattern` });
      let re: RegExp;
      try {
        re = compilePortable(p);
      } catch (e) {
        if (e instanceof InfraError) throw InfraError.config(`${w}: ${e.message}`, { field: `rules[${index}].pattern` });
        throw e;
      }
      return { rule, path, tokens, params: [p, re] };
    }
    case "enum":
    case "one_of": {
      const values = get("values");
      if (!Array.isArray(values) || values.length === 0) {
        throw InfraError.config(`${w}: values must be a non-empty array`, { field: `rules[${index}].values` });
      }
      return { rule: "enum", path, tokens, params: [values.slice()] };
    }
    case "custom":
      if (typeof predicate !== "function") throw InfraError.config(`${w}: the predicate must be callable`, { field: `rules[${index}]` });
      return { rule, path, tokens, params: [], predicate, message: message || "failed a custom check" };
    default:
      throw InfraError.config(`rules[${index}]: unknown rule ${quote(String(rule))} (${RULE_NAMES})`, { field: `rules[${index}].rule` });
  }
}

/** The rule a JSON object such as `{"rule": "range", "path": "db.port", "min": 1}` declares. */
export function ruleFromJSON(spec: unknown, index: number): Rule {
  if (!isPlainObject(spec)) throw InfraError.config(`rules[${index}] must be an object`, { field: `rules[${index}]` });
  const rule = spec["rule"];
  if (typeof rule !== "string" || !Object.hasOwn(KEYS, rule)) {
    throw InfraError.config(`rules[${index}]: unknown rule ${quote(String(rule))} (${RULE_NAMES})`, { field: `rules[${index}].rule` });
  }
  const allowed = new Set(["rule", "path", ...(KEYS[rule] as string[])]);
  const extra = Object.keys(spec).filter((k) => !allowed.has(k)).sort();
  if (extra.length) {
    throw InfraError.config(`rules[${index}]: unknown key ${quote(extra[0] as string)} for rule ${rule}`, { field: `rules[${index}].${extra[0]}` });
  }
  return makeRule(rule, spec["path"] as string, spec, index);
}

/** The value at `tokens`, or `MISSING`. */
export function lookup(doc: JsonValue, tokens: readonly string[]): JsonValue | typeof MISSING {
  let node: JsonValue = doc;
  for (const t of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(t) || Number(t) >= node.length) return MISSING;
      node = node[Number(t)] as JsonValue;
    } else if (isPlainObject(node)) {
      if (!Object.hasOwn(node, t)) return MISSING;
      node = node[t] as JsonValue;
    } else {
      return MISSING;
    }
  }
  return node;
}
export { MISSING };

/** Which bound `value` breaks, as the message's tail (`null`: within bounds). */
function bounds(rule: Rule, value: number): string | null {
  const [lo, hi] = rule.params as [number | null, number | null];
  if (lo !== null && value < lo) return `is below the minimum ${fmtValue(lo)}`;
  if (hi !== null && value > hi) return `is above the maximum ${fmtValue(hi)}`;
  return null;
}

/**
 * Every violation of `rules` in `doc`, in declaration order. Messages (and the secret check that
 * decides whether a value may be shown) are worked out only for the rules that fail; `redact`
 * replaces the secrets inside an object or array a message shows.
 */
export function checkRules(doc: JsonObject, rules: readonly Rule[], isSecret: (tokens: readonly string[]) => boolean,
  redact: (value: JsonValue) => JsonValue = (v) => v): Violation[] {
  const out: Violation[] = [];
  for (const rule of rules) {
    const value = lookup(doc, rule.tokens);
    if (value === MISSING) {
      if (rule.rule === "required") out.push({ path: rule.path, rule: "required", message: `${rule.path}: is required but not set` });
      continue;
    }
    const shown = (): string | null => (isSecret(rule.tokens) ? REDACTED : null);
    let problem: string | null = null;
    switch (rule.rule) {
      case "type": {
        const t = jsonType(value);
        const want = rule.params[0] as string;
        if (!(t === want || (want === "number" && t === "integer"))) problem = `must be of type ${want}, got ${t}`;
        break;
      }
      case "range":
        if (typeof value !== "number") problem = `must be a number to check its range, got ${jsonType(value)}`;
        else {
          const broken = bounds(rule, value);
          if (broken !== null) problem = `${shown() ?? fmtValue(value)} ${broken}`;
        }
        break;
      case "length":
        if (typeof value !== "string" && !Array.isArray(value)) {
          problem = `must be a string or an array to check its length, got ${jsonType(value)}`;
        } else {
          const n = typeof value === "string" ? Array.from(value).length : value.length;
          const broken = bounds(rule, n);
          if (broken !== null) problem = `length ${n} ${broken}`;
        }
        break;
      case "pattern":
        if (typeof value !== "string") problem = `must be a string to match a pattern, got ${jsonType(value)}`;
        else if (!(rule.params[1] as RegExp).test(value)) problem = `${shown() ?? quote(value)} does not match the pattern ${quote(rule.params[0] as string)}`;
        break;
      case "enum":
        if (!(rule.params[0] as JsonValue[]).some((v) => jsonEqual(value, v))) {
          problem = `${shown() ?? fmtValue(redact(value))} is not one of ${fmtValue(rule.params[0])}`;
        }
        break;
      case "custom": {
        let ok: boolean;
        try {
          ok = Boolean(rule.predicate?.(value));
        } catch (e) {
          if (e instanceof InfraError) throw e;
          ok = false;
          problem = `${rule.message} (the check raised ${(e as Error)?.name ?? "an error"})`;
        }
        if (!ok && problem === null) problem = rule.message ?? "failed a custom check";
        break;
      }
    }
    if (problem !== null) out.push({ path: rule.path, rule: rule.rule, message: `${rule.path}: ${problem}` });
  }
  return out;
}

/** One `InfraError("config")` listing every violation. */
export function violationsError(violations: Violation[]): InfraError {
  const n = violations.length;
  const head = `invalid configuration (${n} violation${n !== 1 ? "s" : ""}): `;
  return InfraError.config(head + violations.map((v) => v.message).join("; "), { violations });
}
