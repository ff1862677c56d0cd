/**
 * IDs: UUID v4/v7, ULID, NanoID and Snowflake — the same bits as Python's `llm_infra.ids`.
 *
 * Every generator takes an injectable clock (integer Unix milliseconds) and random source
 * (`random(n)` → `n` bytes), so tests and the conformance vectors pin its output; by default it reads
 * `Date.now()` and a per-generator pool filled by `crypto.getRandomValues`. Nothing is read at
 * import time. UUIDs and ULIDs are strings; Snowflake IDs are `bigint` (decimal strings in JSON).
 * Bad input throws `InfraError("validation")` naming the field.
 *
 * @example
 * ```ts
 * import { uuid7, parseUuid, ulid, decodeUlid, nanoid, SnowflakeGenerator } from "@llm-dev-ops/infra/id";
 * parseUuid(uuid7()).version;                    // 7
 * decodeUlid(ulid()).timestampMs;                // ≈ Date.now()
 * nanoid().length;                               // 21
 * new SnowflakeGenerator({ datacenterId: 1, workerId: 1 }).nextString(); // e.g. "1868207164374962176"
 * ```
 * @module
 */
export { type Clock, type RandomSource } from "./_base.js";
export {
  Uuid4Generator,
  Uuid7Generator,
  encodeUuid4,
  encodeUuid7,
  parseUuid,
  uuid4,
  uuid7,
  uuidFromBigInt,
  uuidFromBytes,
  uuidToBigInt,
  uuidToBytes,
  type UuidGeneratorOptions,
  type UuidInfo,
  type UuidVariant,
} from "./uuid.js";
export {
  UlidGenerator,
  decodeUlid,
  encodeUlid,
  monotonicUlid,
  ulid,
  ulidTimestamp,
  ulidToUuid,
  uuidToUlid,
  type UlidGeneratorOptions,
  type UlidParts,
} from "./ulid.js";
export { URL_ALPHABET, customAlphabet, customRandom, nanoid, type NanoidFunction } from "./nanoid.js";
export {
  SnowflakeGenerator,
  TWITTER_EPOCH_MS,
  decodeSnowflake,
  encodeSnowflake,
  type SnowflakeGeneratorOptions,
  type SnowflakeParts,
} from "./snowflake.js";
