// config: resolve + validate a 200-key configuration from 3 sources, against the baseline the issue
// names: smol-toml (the TOML parser the SDK itself uses) plus a plain recursive object merge, with no
// validation, no provenance and no env coercion beyond JSON.parse. Same data as benchmarks/py/config.py:
// 20 sections x 10 keys; defaults (200 keys), a TOML text (100 keys), 20 APP_<SECTION>__<KEY> variables;
// ours also checks 330 rules (200 type, 80 range, 60 pattern). Before timing, both results are compared.
import { parse as parseToml } from "smol-toml";
import { ConfigBuilder } from "@llm-dev-ops/infra/config";
import { versionOf } from "../drivers/harness.mjs";

const SECTIONS = Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(2, "0")}`);
const KEYS = {
  k0: ["integer", 100], k1: ["integer", 101], k2: ["integer", 102], k3: ["integer", 103],
  k4: ["string", "value-4"], k5: ["string", "value-5"], k6: ["string", "value-6"],
  k7: ["boolean", true], k8: ["boolean", false], k9: ["number", 0.5],
};

function defaults() {
  return Object.fromEntries(SECTIONS.map((s) => [s, Object.fromEntries(Object.entries(KEYS).map(([k, [, d]]) => [k, d]))]));
}

function tomlText() {
  const lines = [];
  SECTIONS.forEach((s, n) => {
    lines.push(`[${s}]`);
    for (let i = 0; i < 4; i++) lines.push(`k${i} = ${1000 + n * 10 + i}`);
    lines.push(`k4 = "file-${s}"`, "");
  });
  return lines.join("\n");
}

function env() {
  return Object.fromEntries(SECTIONS.map((s, n) => [`APP_${s.toUpperCase()}__K0`, String(5000 + n)]));
}

function merge(target, patch) {
  for (const [k, v] of Object.entries(patch)) {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const cur = target[k];
      target[k] = merge(cur !== null && typeof cur === "object" && !Array.isArray(cur) ? cur : {}, v);
    } else if (v === null) delete target[k];
    else target[k] = v;
  }
  return target;
}

function baseline(defaultsDoc, text, vars) {
  const out = merge({}, structuredClone(defaultsDoc));
  merge(out, parseToml(text));
  const fromEnv = {};
  for (const [name, raw] of Object.entries(vars)) {
    if (!name.startsWith("APP_")) continue;
    const parts = name.slice(4).toLowerCase().split("__");
    let node = fromEnv;
    for (const p of parts.slice(0, -1)) node = node[p] ??= {};
    let value;
    try { value = JSON.parse(raw); } catch { value = raw; }
    node[parts[parts.length - 1]] = value;
  }
  return merge(out, fromEnv);
}

export async function cases() {
  const files = { "service.toml": tomlText() };
  const vars = env();
  const builder = new ConfigBuilder()
    .addDefaults(defaults())
    .addFile("service.toml", (p) => files[p])
    .addEnv({ prefix: "APP_", vars });
  for (const s of SECTIONS) {
    for (const [k, [type]] of Object.entries(KEYS)) {
      const path = `${s}.${k}`;
      builder.expectType(path, type);
      if (type === "integer") builder.range(path, 0, 100000);
      else if (type === "string") builder.pattern(path, "[a-z0-9.-]+");
    }
  }
  const defaultsDoc = defaults();
  const ours = JSON.stringify(builder.build().toObject());
  const theirs = JSON.stringify(baseline(defaultsDoc, files["service.toml"], vars));
  if (ours !== theirs) throw new Error(`config bench: results differ\n${ours}\n${theirs}`);
  const notes = { sources: "defaults 200 keys + TOML file 100 + env 20", rules: "330 on ours, none on the baseline" };
  return [
    {
      module: "config", name: "resolve + validate 200 keys, 3 sources", notes,
      ours: { name: "@llm-dev-ops/infra ConfigBuilder.build()", fn: () => builder.build() },
      peer: {
        name: `${await versionOf("smol-toml")} + object merge`,
        fn: () => baseline(defaultsDoc, files["service.toml"], vars),
      },
    },
  ];
}
