/** Edge routes of the config module (TypeScript SDK): layer sources, check rules, explain. The Python twin is in config.py.
 * The body is read by the library's strict `parse` (duplicate keys, NaN are 400 serialization errors). */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";
import { ConfigBuilder } from "@llm-dev-ops/infra/config";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { parse } from "@llm-dev-ops/infra/json";
import { type RouteRequest, route } from "../src/router.js";

/** The members each source type takes (the first one is required). */
const SOURCE_KEYS: Readonly<Record<string, readonly string[]>> = {
  defaults: ["data", "label"],
  memory: ["data", "label", "priority"],
  json: ["text", "label", "priority"],
  toml: ["text", "label", "priority"],
  env: ["vars", "prefix", "separator", "label", "priority"],
};
const KINDS = Object.keys(SOURCE_KEYS).join(", ");

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function optionalString(src: JsonObject, name: string, where: string): string | undefined {
  const v = src[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw InfraError.validation(`body.${where}.${name} must be a string`, { field: `${where}.${name}` });
  return v;
}

/** Add `body.sources[i]` to `builder`, checking the members the library does not check itself. */
function addSource(builder: ConfigBuilder, src: JsonValue | undefined, i: number): void {
  const where = `sources[${i}]`;
  if (!isObject(src)) throw InfraError.validation(`body.${where} must be an object`, { field: where });
  const kind = src["type"];
  const keys = typeof kind === "string" && Object.hasOwn(SOURCE_KEYS, kind) ? SOURCE_KEYS[kind] : undefined;
  if (keys === undefined) throw InfraError.validation(`body.${where}.type must be one of ${KINDS}`, { field: `${where}.type` });
  const extra = Object.keys(src).filter((k) => k !== "type" && !keys.includes(k)).sort();
  if (extra.length) {
    throw InfraError.validation(`body.${where}: unknown member ${JSON.stringify(extra[0])} for a ${kind} source (${keys.join(", ")})`, { field: `${where}.${extra[0]}` });
  }
  const main = keys[0] as string;
  if (!Object.hasOwn(src, main)) throw InfraError.validation(`body.${where}.${main} is required for a ${kind} source`, { field: `${where}.${main}` });
  const label = optionalString(src, "label", where);
  const priority = src["priority"] as number | undefined;
  const options = { ...(label !== undefined ? { label } : {}), ...(priority !== undefined ? { priority } : {}) };
  if (kind === "defaults" || kind === "memory") {
    const data = src["data"] as Record<string, unknown>; // the library refuses anything but an object, naming the source
    if (kind === "defaults") builder.addDefaults(data, options);
    else builder.addMemory(data, options);
  } else if (kind === "json" || kind === "toml") {
    const text = optionalString(src, "text", where) as string;
    if (kind === "json") builder.addJson(text, options);
    else builder.addToml(text, options);
  } else {
    const vars = src["vars"];
    if (!isObject(vars)) throw InfraError.validation(`body.${where}.vars must be an object of strings`, { field: `${where}.vars` });
    for (const [name, value] of Object.entries(vars)) {
      if (typeof value !== "string") {
        throw InfraError.validation(`body.${where}.vars: the value of ${JSON.stringify(name)} must be a string`, { field: `${where}.vars` });
      }
    }
    const prefix = optionalString(src, "prefix", where);
    const separator = optionalString(src, "separator", where);
    builder.addEnv({ ...options, vars: vars as Record<string, string>, ...(prefix !== undefined ? { prefix } : {}), ...(separator !== undefined ? { separator } : {}) });
  }
}

export default [
  route("POST", "/config/resolve", "Layer sources and check rules: {sources: [{type: defaults|memory (data) | json|toml (text) | env (vars, prefix?, separator?), label?, priority?}], rules?} → {config (secrets redacted), explain (leaf path → source), sources}; a failing rule is 400 config with context.violations", async (req: RouteRequest) => {
    const body = parse(await req.raw.text());
    if (!isObject(body)) throw InfraError.validation("body must be a JSON object", { field: "body" });
    const sources = body["sources"];
    if (!Array.isArray(sources)) throw InfraError.validation("body.sources must be an array of sources", { field: "sources" });
    const builder = new ConfigBuilder();
    sources.forEach((src, i) => addSource(builder, src, i));
    const rules = body["rules"] ?? [];
    if (!Array.isArray(rules)) throw InfraError.validation("body.rules must be an array of rule objects", { field: "rules" });
    builder.addRules(rules);
    const cfg = builder.build();
    return { config: cfg.toObject({ redact: true }), explain: cfg.explainAll(), sources: [...cfg.sources] };
  }),
];
