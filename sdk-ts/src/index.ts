/**
 * `@llm-dev-ops/infra`: errors, config, json, crypto and ids that behave byte-for-byte like the
 * Python core (`llm_infra`), written against Web standards only (Node, browsers, edge runtimes).
 *
 * Import a module through its subpath (`@llm-dev-ops/infra/errors`, `/json`, `/id`, `/crypto`,
 * `/config`); this root re-exports the error vocabulary every module shares.
 * @module
 */
export * from "./errors/index.js";
export type { JsonObject, JsonValue } from "./_internal/json-value.js";
