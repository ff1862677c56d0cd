/** Playground tool (TypeScript side): decode a UUID, a ULID or a Snowflake ID (fields and timestamp). */
import type { JsonValue } from "@llm-dev-ops/infra";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { TWITTER_EPOCH_MS, decodeSnowflake, decodeUlid, parseUuid, ulidToUuid, uuidToUlid } from "@llm-dev-ops/infra/id";
import { hexOf, isoOfMs } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

const KINDS = ["uuid", "ulid", "snowflake"] as const;

export default defineTool({
  title: "IDs: decode a UUID, ULID or Snowflake",
  summary: "Version, variant and embedded time of a UUID (any version), the timestamp and random bits of a ULID, the fields of a Snowflake ID.",
  fields: [
    { name: "kind", label: "Kind", type: "select", value: "uuid", options: KINDS },
    { name: "id", label: "ID", type: "text", value: "017F22E2-79B0-7CC3-98C4-DC0C0C07398F", help: "UUID: hyphenated or 32 hex digits. Snowflake: its decimal digits." },
    { name: "epoch_ms", label: "Snowflake epoch (Unix ms)", type: "number", value: String(TWITTER_EPOCH_MS) },
  ],
  run(input): JsonValue {
    const kind = String(input["kind"]);
    const id = String(input["id"]).trim();
    const time = (ms: number | null): JsonValue => (ms === null ? null : isoOfMs(ms));
    if (kind === "uuid") {
      const u = parseUuid(id);
      return { uuid: u.uuid, version: u.version, variant: u.variant, timestamp_ms: u.timestampMs, time: time(u.timestampMs), hex: u.hex, as_ulid: uuidToUlid(u.uuid) };
    }
    if (kind === "ulid") {
      const u = decodeUlid(id);
      return { timestamp_ms: u.timestampMs, time: time(u.timestampMs), random: hexOf(u.random), as_uuid: ulidToUuid(id) };
    }
    if (kind === "snowflake") {
      const s = decodeSnowflake(id, input["epoch_ms"] as number);
      return { timestamp_ms: s.timestampMs, time: time(s.timestampMs), datacenter_id: s.datacenterId, worker_id: s.workerId, sequence: s.sequence };
    }
    throw InfraError.validation(`kind must be one of ${KINDS.join(", ")}`, { field: "kind" });
  },
});
