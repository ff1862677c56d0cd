/** Vector ops of the config module: `config.resolve`, `config.check`, `config.get`, `config.explain` (as Python's). */
import type { JsonObject, JsonValue } from "../../_internal/json-value.js";
import { type Config, ConfigBuilder, DEFAULT_SECRET_KEYS } from "../../config/index.js";
import { InfraError } from "../../errors/index.js";
import { opt, reqList, reqStr } from "../inputs.js";
import type { Handler } from "../registry.js";

function isObj(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function build(input: JsonObject): Config {
  const keys = opt(input, "secret_keys");
  const b = new ConfigBuilder({ secretKeys: keys === undefined || keys === null ? DEFAULT_SECRET_KEYS : (keys as string[]) });
  reqList(input, "sources").forEach((s, i) => {
    if (!isObj(s)) throw InfraError.validation(`input.sources[${i}] must be an object`, { field: `sources[${i}]` });
    const t = s["type"];
    const label = (s["label"] as string | null | undefined) || undefined;
    const priority = (s["priority"] as number | null | undefined) ?? undefined;
    if (t === "memory" || t === "defaults") {
      const data = s["data"];
      if (!isObj(data)) throw InfraError.validation(`input.sources[${i}].data must be an object`, { field: `sources[${i}].data` });
      if (t === "memory") b.addMemory(data, { label: label ?? "memory", priority });
      else b.addDefaults(data, { label: label ?? "defaults" });
    } else if (t === "json" || t === "toml") {
      const text = reqStr(s, "text");
      if (t === "json") b.addJson(text, { label: label ?? "json", priority });
      else b.addToml(text, { label: label ?? "toml", priority });
    } else if (t === "env") {
      const vars = s["vars"];
      if (!isObj(vars)) throw InfraError.validation(`input.sources[${i}].vars must be an object`, { field: `sources[${i}].vars` });
      b.addEnv({
        prefix: (s["prefix"] as string | undefined) ?? "",
        separator: (s["separator"] as string | undefined) ?? "__",
        vars: vars as Record<string, string>,
        label,
        priority,
      });
    } else {
      throw InfraError.validation(`input.sources[${i}].type ${JSON.stringify(t)} is unknown`, { field: `sources[${i}].type` });
    }
  });
  const rules = opt(input, "rules");
  if (rules !== undefined && rules !== null) b.addRules(rules as unknown[]);
  return b.build();
}

type Getter = (cfg: Config, path: string, ...fallback: unknown[]) => JsonValue;
const GETTERS: Record<string, Getter> = {
  any: (c, p, ...f) => c.get(p, ...(f as [JsonValue?])) as JsonValue,
  int: (c, p, ...f) => c.getInt(p, ...(f as [number?])),
  float: (c, p, ...f) => c.getFloat(p, ...(f as [number?])),
  bool: (c, p, ...f) => c.getBool(p, ...(f as [boolean?])),
  str: (c, p, ...f) => c.getStr(p, ...(f as [string?])),
  duration: (c, p, ...f) => c.getDuration(p, ...(f as [number?])),
  list: (c, p, ...f) => c.getList(p, ...(f as [JsonValue[]?])),
};

export const configOps: Record<string, Handler> = {
  "config.resolve": (input) => ({ config: build(input).toObject({ redact: opt(input, "redact") === true }) }),
  "config.check": (input): JsonObject => {
    let cfg: Config;
    try {
      cfg = build(input);
    } catch (e) {
      if (!(e instanceof InfraError)) throw e;
      const error: JsonObject = { kind: e.kind, context: e.context };
      if (!Object.hasOwn(e.context, "line")) error["message"] = e.message;
      return { ok: false, error };
    }
    return { ok: true, config: cfg.toObject({ redact: opt(input, "redact") === true }) };
  },
  "config.get": (input) => {
    const cfg = build(input);
    const kind = opt(input, "as") ?? "any";
    const getter = typeof kind === "string" && Object.hasOwn(GETTERS, kind) ? GETTERS[kind] : undefined;
    if (getter === undefined) throw InfraError.validation(`input.as must be one of ${Object.keys(GETTERS).join(", ")}`, { field: "as" });
    const path = reqStr(input, "path");
    return Object.hasOwn(input, "default") ? { value: getter(cfg, path, input["default"]) } : { value: getter(cfg, path) };
  },
  "config.explain": (input) => {
    const cfg = build(input);
    return { origins: cfg.explainAll(), sources: [...cfg.sources] };
  },
};
