/** Playground tool (TypeScript side): generate IDs from one clock reading and one stream of random bytes. */
import type { JsonValue } from "@llm-dev-ops/infra";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { SnowflakeGenerator, URL_ALPHABET, UlidGenerator, Uuid4Generator, Uuid7Generator, customRandom } from "@llm-dev-ops/infra/id";
import { bytesOfHex, hexOf, integer } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

const KINDS = ["uuid7", "uuid4", "ulid", "nanoid", "snowflake"] as const;

/** Fresh random bytes and the clock, read once when the page loads: both sides then get the same input. */
const loadedAt = Date.now();
const seedHex = hexOf(crypto.getRandomValues(new Uint8Array(256)));

export default defineTool({
  title: "IDs: generate UUIDv7 / UUIDv4 / ULID / NanoID / Snowflake",
  summary: "IDs from the same clock reading and the same random bytes in both languages (the page drew the bytes once; edit them, or the clock, to see the IDs change).",
  fields: [
    { name: "kind", label: "Kind", type: "select", value: "uuid7", options: KINDS },
    { name: "count", label: "How many (1–10)", type: "number", value: "3" },
    { name: "timestamp_ms", label: "Clock (Unix ms)", type: "number", value: String(loadedAt), help: "Every ID reads this clock: same-millisecond IDs count up." },
    { name: "alphabet", label: "NanoID alphabet", type: "text", value: URL_ALPHABET, help: "NanoID only: 2–256 distinct characters." },
    { name: "size", label: "NanoID size", type: "number", value: "21" },
    { name: "datacenter_id", label: "Snowflake datacenter (0–31)", type: "number", value: "1" },
    { name: "worker_id", label: "Snowflake worker (0–31)", type: "number", value: "7" },
    { name: "random", label: "Random bytes (hex), read in order", type: "textarea", value: seedHex, help: "Snowflake reads none." },
  ],
  run(input) {
    const kind = String(input["kind"]);
    const count = integer(input["count"], "count", 1, 10);
    const ms = input["timestamp_ms"] as number;
    const stream = bytesOfHex(input["random"], "random");
    let used = 0;
    const random = (n: number): Uint8Array => {
      if (used + n > stream.length) {
        throw InfraError.validation(`random: the ${stream.length} bytes given are used up (${used} read, ${n} more needed); add bytes or lower the count`, { field: "random" });
      }
      used += n;
      return stream.slice(used - n, used);
    };
    const clock = () => ms;
    let next: () => string;
    if (kind === "uuid7") {
      const g = new Uuid7Generator({ clock, random });
      next = () => g.next();
    } else if (kind === "uuid4") {
      const g = new Uuid4Generator({ random });
      next = () => g.next();
    } else if (kind === "ulid") {
      const g = new UlidGenerator({ clock, random });
      next = () => g.next();
    } else if (kind === "nanoid") {
      next = customRandom(String(input["alphabet"]), input["size"] as number, random);
    } else if (kind === "snowflake") {
      const g = new SnowflakeGenerator({ datacenterId: input["datacenter_id"] as number, workerId: input["worker_id"] as number, clock });
      next = () => g.nextString();
    } else {
      throw InfraError.validation(`kind must be one of ${KINDS.join(", ")}`, { field: "kind" });
    }
    const ids: JsonValue[] = [];
    for (let i = 0; i < count; i++) ids.push(next());
    return { kind, ids, random_bytes_read: used };
  },
});
