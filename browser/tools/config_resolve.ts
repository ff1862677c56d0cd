/** Playground tool (TypeScript side): layer defaults, TOML and environment variables, check rules, explain each value. */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";
import { ConfigBuilder } from "@llm-dev-ops/infra/config";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { parse } from "@llm-dev-ops/infra/json";
import { documentOf, optional } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

/** `text` with spaces and tabs removed at both ends (the same set as Python's `strip(" \t")`). */
function trimBlank(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, "");
}

/**
 * `NAME=value` lines → the variables of the env source (as `os.environ` would hold them).
 * Blank lines and `#` comments are skipped; the value is everything after the first `=`, as typed.
 */
function envVars(text: JsonValue | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  const seen: Record<string, number> = {};
  String(text ?? "").split("\n").forEach((raw, i) => {
    const n = i + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const bare = trimBlank(line);
    if (bare === "" || bare.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq < 0) throw InfraError.validation(`env: line ${n}: expected NAME=value, got ${JSON.stringify(line)}`, { field: "env", line: n });
    const name = trimBlank(line.slice(0, eq));
    if (name === "") throw InfraError.validation(`env: line ${n}: the name before "=" is empty`, { field: "env", line: n });
    if (Object.hasOwn(seen, name)) {
      throw InfraError.validation(`env: line ${n}: ${JSON.stringify(name)} is already set on line ${seen[name]}`, { field: "env", line: n });
    }
    seen[name] = n;
    vars[name] = line.slice(eq + 1);
  });
  return vars;
}

export default defineTool({
  title: "Config: resolve layered sources",
  summary: "Defaults (JSON), a TOML file and environment variables, layered lowest first (objects merge, null deletes), then the rules: the resolved config with secrets redacted and the source of every value — or one config error listing every violation.",
  fields: [
    { name: "defaults", label: "Defaults (JSON)", type: "textarea", rows: 9, half: true, value: '{\n  "server": {"host": "0.0.0.0", "port": 8000, "timeout": "30s"},\n  "db": {"host": "localhost", "port": 5432, "password": "dev"},\n  "features": ["search"]\n}' },
    { name: "toml", label: "app.toml (TOML)", type: "textarea", rows: 9, half: true, value: '[server]\nport = 9000\n\n[db]\nhost = "db.internal"\npool = 10' },
    { name: "env", label: "Environment (NAME=value lines)", type: "textarea", rows: 5, half: true, value: "APP_DB__PORT=6432\nAPP_DB__PASSWORD=s3cret\nAPP_DEBUG=true\nHOME=/root", help: "Names starting with the prefix; __ nests (APP_DB__PORT → db.port); values that are JSON become JSON." },
    { name: "prefix", label: "Environment prefix", type: "text", value: "APP_" },
    { name: "rules", label: "Rules (JSON array)", type: "textarea", rows: 6, value: '[\n  {"rule": "required", "path": "db.host"},\n  {"rule": "range", "path": "db.port", "min": 1, "max": 65535},\n  {"rule": "type", "path": "debug", "type": "boolean"},\n  {"rule": "enum", "path": "features", "values": [["search"], ["search", "chat"]]}\n]', help: "required, type, range, length, pattern, enum — each {rule, path, …}; empty: no rules." },
  ],
  run(input) {
    const builder = new ConfigBuilder();
    if (optional(input["defaults"]) !== undefined) {
      builder.addDefaults(documentOf(input["defaults"], "defaults", parse) as Record<string, unknown>);
    }
    if (optional(input["toml"]) !== undefined) builder.addToml(String(input["toml"]), { label: "app.toml" });
    if (optional(input["env"]) !== undefined) builder.addEnv({ prefix: String(input["prefix"] ?? ""), vars: envVars(input["env"]) });
    if (optional(input["rules"]) !== undefined) {
      const rules = documentOf(input["rules"], "rules", parse);
      if (!Array.isArray(rules)) throw InfraError.validation("rules must be a JSON array of rule objects", { field: "rules" });
      builder.addRules(rules);
    }
    const cfg = builder.build();
    const out: JsonObject = { config: cfg.toObject({ redact: true }), explain: cfg.explainAll(), sources: [...cfg.sources] };
    return out;
  },
});
