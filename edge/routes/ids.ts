/** Edge routes of the ids module (TypeScript SDK). The Python twins are in ids.py (under /py). */
import { TWITTER_EPOCH_MS, decodeSnowflake, decodeUlid, nanoid, parseUuid, ulid, uuid4, uuid7, customAlphabet } from "@llm-dev-ops/infra/id";
import { hexEncode } from "@llm-dev-ops/infra/crypto";
import { route } from "../src/router.js";

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export default [
  route("GET", "/id/ulid", "A new ULID.", () => ({ ulid: ulid() })),
  route("GET", "/id/uuid7", "A new UUIDv7 (time-ordered).", () => ({ uuid: uuid7() })),
  route("GET", "/id/uuid4", "A new UUIDv4 (random).", () => ({ uuid: uuid4() })),
  route("GET", "/id/nanoid", "A new NanoID: ?size=21&alphabet=", (req) => {
    const size = req.number("size", 21);
    const alphabet = req.string("alphabet", "");
    return { nanoid: alphabet === "" ? nanoid(size) : customAlphabet(alphabet, size)() };
  }),
  route("GET", "/id/ulid/decode", "A ULID's timestamp (ms, ISO) and random bits: ?ulid=", (req) => {
    const { timestampMs, random } = decodeUlid(req.string("ulid"));
    return { timestamp_ms: timestampMs, time: iso(timestampMs), random: hexEncode(random) };
  }),
  route("GET", "/id/uuid/parse", "A UUID's version, variant and timestamp: ?uuid=", (req) => {
    const u = parseUuid(req.string("uuid"));
    return { uuid: u.uuid, version: u.version, variant: u.variant, timestamp_ms: u.timestampMs, time: iso(u.timestampMs) };
  }),
  route("GET", "/id/snowflake/decode", "A Snowflake ID's fields: ?id=&epoch_ms=", (req) => {
    const s = decodeSnowflake(req.string("id"), req.number("epoch_ms", TWITTER_EPOCH_MS));
    return { timestamp_ms: s.timestampMs, time: iso(s.timestampMs), datacenter_id: s.datacenterId, worker_id: s.workerId, sequence: s.sequence };
  }),
];
