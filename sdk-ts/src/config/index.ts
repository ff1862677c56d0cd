/**
 * Layered configuration — JSON/TOML text, files through a reader you pass, environment variables
 * from an explicit mapping, in-memory objects and defaults — merged with RFC 7396 semantics,
 * validated, explained and redacted exactly as Python's `llm_infra.config` (the `config.*`
 * conformance vectors prove it). See docs/config.md.
 *
 * @example
 * ```ts
 * import { ConfigBuilder } from "@llm-dev-ops/infra/config";
 * const cfg = new ConfigBuilder()
 *   .addDefaults({ server: { port: 8000, timeout: "30s" } })
 *   .addJson('{"server": {"port": 9000}}', { label: "prod.json" })
 *   .addEnv({ prefix: "APP_", vars: { APP_SERVER__PORT: "9443" } })
 *   .range("server.port", 1, 65535)
 *   .build();
 * cfg.getInt("server.port");          // 9443
 * cfg.getDuration("server.timeout");  // 30000
 * cfg.explain("server.port");         // "env:APP_"
 * ```
 * @module
 */
export { Config, ConfigBuilder, DEFAULT_SECRET_KEYS, parseDuration, type SourceOptions } from "./config.js";
export { coerceEnvValue } from "./env.js";
export { translatePattern } from "./pattern.js";
export { TYPES, type Violation } from "./rules.js";
