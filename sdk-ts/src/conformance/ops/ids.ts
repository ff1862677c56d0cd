/**
 * Vector ops of the id module (the same set as Python's `llm_infra.conformance.ops.ids`): the catalog
 * ops plus `ids.uuid.{from_bytes,to_bytes,from_int,to_int}`, `ids.ulid.{timestamp,to_uuid,from_uuid}`
 * and the generator sequences `ids.{uuid4,uuid7,ulid,nanoid,snowflake}.sequence`, which drive a
 * generator with a scripted clock (`clock`: numbers, or `[value, times]` runs) and a byte stream
 * (`random`: hex) and report what it made, its clock reads, the random bytes it took and the kind of
 * the error that stopped it (`null` if none).
 */
import type { JsonObject, JsonValue } from "../../_internal/json-value.js";
import { InfraError } from "../../errors/index.js";
import {
  SnowflakeGenerator,
  UlidGenerator,
  Uuid4Generator,
  Uuid7Generator,
  customRandom,
  decodeSnowflake,
  decodeUlid,
  encodeSnowflake,
  encodeUlid,
  encodeUuid4,
  encodeUuid7,
  parseUuid,
  ulidTimestamp,
  ulidToUuid,
  uuidFromBigInt,
  uuidFromBytes,
  uuidToBigInt,
  uuidToBytes,
  uuidToUlid,
} from "../../id/index.js";
import { bytesToHex, opt, req, reqBytes, reqInt, reqList, reqStr } from "../inputs.js";
import type { Handler } from "../registry.js";

/** The vector's clock script or byte stream ran out: a broken vector, not a generator error. */
class ScriptEnd extends Error {}

class ScriptClock {
  readonly values: JsonValue[] = [];
  reads = 0;

  constructor(input: JsonObject) {
    reqList(input, "clock").forEach((item, i) => {
      if (Array.isArray(item)) {
        const times = item[1];
        if (item.length !== 2 || typeof times !== "number" || !Number.isInteger(times) || times < 0) {
          throw InfraError.validation(`input.clock[${i}] must be a value or [value, times]`, { field: "clock" });
        }
        for (let k = 0; k < times; k++) this.values.push(item[0]!);
      } else {
        this.values.push(item);
      }
    });
  }

  readonly read = (): number => {
    if (this.reads >= this.values.length) throw new ScriptEnd(`the clock script ended after ${this.reads} reads`);
    return this.values[this.reads++] as number; // the generator checks it
  };
}

class Stream {
  pos = 0;
  constructor(readonly data: Uint8Array) {}

  readonly take = (n: number): Uint8Array => {
    if (this.pos + n > this.data.length) {
      throw new ScriptEnd(`the random stream ended: ${n} bytes asked at offset ${this.pos} of ${this.data.length}`);
    }
    this.pos += n;
    return this.data.slice(this.pos - n, this.pos);
  };
}

function decimal(input: JsonObject, name: string): bigint {
  const text = reqStr(input, name);
  if (!/^(?:0|[1-9][0-9]{0,39})$/.test(text)) throw InfraError.validation(`input.${name} must be a decimal string`, { field: name });
  return BigInt(text);
}

function sequence(input: JsonObject, make: () => string): [string[], string | null] {
  const count = reqInt(input, "count");
  const skip = opt(input, "skip") === undefined ? 0 : reqInt(input, "skip");
  const out: string[] = [];
  try {
    for (let i = 0; i < skip + count; i++) {
      const value = make();
      if (i >= skip) out.push(value);
    }
  } catch (e) {
    if (e instanceof InfraError) return [out, e.kind];
    if (e instanceof ScriptEnd) throw InfraError.validation(`vector input too short: ${e.message}`);
    throw e;
  }
  return [out, null];
}

/** An absent field takes the default; a present `null` stays `null` (and is rejected), as in Python. */
function orDefault(value: JsonValue | undefined, fallback: JsonValue): JsonValue {
  return value === undefined ? fallback : value;
}

function rethrowScript<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScriptEnd) throw InfraError.validation(`random: ${e.message}`, { field: "random" });
    throw e;
  }
}

export const idsOps: Record<string, Handler> = {
  "ids.uuid4.encode": (input) => ({ uuid: encodeUuid4(reqBytes(input, "random")) }),
  "ids.uuid7.encode": (input) => ({ uuid: encodeUuid7(reqInt(input, "timestamp_ms"), reqBytes(input, "random")) }),
  "ids.uuid.parse": (input) => {
    const info = parseUuid(req(input, "text") as string);
    return { version: info.version, variant: info.variant, timestamp_ms: info.timestampMs, hex: info.hex };
  },
  "ids.uuid.from_bytes": (input) => ({ uuid: uuidFromBytes(reqBytes(input, "bytes")) }),
  "ids.uuid.to_bytes": (input) => ({ bytes: bytesToHex(uuidToBytes(req(input, "uuid") as string)) }),
  "ids.uuid.from_int": (input) => ({ uuid: uuidFromBigInt(decimal(input, "int")) }),
  "ids.uuid.to_int": (input) => ({ int: uuidToBigInt(req(input, "uuid") as string).toString() }),
  "ids.uuid4.sequence": (input) => {
    const stream = new Stream(reqBytes(input, "random"));
    const gen = new Uuid4Generator({ random: stream.take });
    const [uuids, error] = sequence(input, () => gen.next());
    return { uuids, random_bytes_read: stream.pos, error };
  },
  "ids.uuid7.sequence": (input) => {
    const clock = new ScriptClock(input);
    const stream = new Stream(reqBytes(input, "random"));
    const gen = new Uuid7Generator({ clock: clock.read, random: stream.take });
    const [uuids, error] = sequence(input, () => gen.next());
    return { uuids, clock_reads: clock.reads, random_bytes_read: stream.pos, error };
  },

  "ids.ulid.encode": (input) => ({ ulid: encodeUlid(reqInt(input, "timestamp_ms"), reqBytes(input, "random")) }),
  "ids.ulid.decode": (input) => {
    const parts = decodeUlid(req(input, "ulid") as string);
    return { timestamp_ms: parts.timestampMs, random: bytesToHex(parts.random) };
  },
  "ids.ulid.timestamp": (input) => ({ timestamp_ms: ulidTimestamp(req(input, "ulid") as string) }),
  "ids.ulid.to_uuid": (input) => ({ uuid: ulidToUuid(req(input, "ulid") as string) }),
  "ids.ulid.from_uuid": (input) => ({ ulid: uuidToUlid(req(input, "uuid") as string) }),
  "ids.ulid.sequence": (input) => {
    const clock = new ScriptClock(input);
    const stream = new Stream(reqBytes(input, "random"));
    const gen = new UlidGenerator({ clock: clock.read, random: stream.take, monotonic: orDefault(opt(input, "monotonic"), true) as boolean });
    const [ulids, error] = sequence(input, () => gen.next());
    return { ulids, clock_reads: clock.reads, random_bytes_read: stream.pos, error };
  },

  "ids.nanoid.generate": (input) => {
    const stream = new Stream(reqBytes(input, "random"));
    const gen = customRandom(req(input, "alphabet") as string, req(input, "size") as number, stream.take);
    return { id: rethrowScript(() => gen()) };
  },
  "ids.nanoid.sequence": (input) => {
    const stream = new Stream(reqBytes(input, "random"));
    const gen = customRandom(req(input, "alphabet") as string, req(input, "size") as number, stream.take);
    const ids = rethrowScript(() => reqList(input, "calls").map((size) => (size === null ? gen() : gen(size as number))));
    return { ids, random_bytes_read: stream.pos };
  },

  "ids.snowflake.encode": (input) => {
    const id = encodeSnowflake({
      timestampMs: req(input, "timestamp_ms") as number,
      datacenterId: req(input, "datacenter_id") as number,
      workerId: req(input, "worker_id") as number,
      sequence: req(input, "sequence") as number,
    }, req(input, "epoch_ms") as number);
    return { id: id.toString() };
  },
  "ids.snowflake.decode": (input) => {
    const p = decodeSnowflake(reqStr(input, "id"), req(input, "epoch_ms") as number);
    return { timestamp_ms: p.timestampMs, datacenter_id: p.datacenterId, worker_id: p.workerId, sequence: p.sequence };
  },
  "ids.snowflake.sequence": (input) => {
    const clock = new ScriptClock(input);
    const gen = new SnowflakeGenerator({
      datacenterId: req(input, "datacenter_id") as number,
      workerId: req(input, "worker_id") as number,
      epochMs: req(input, "epoch_ms") as number,
      clock: clock.read,
      maxBackwardMs: orDefault(opt(input, "max_backward_ms"), 10) as number,
    });
    const [ids, error] = sequence(input, () => gen.nextString());
    return { ids, clock_reads: clock.reads, error };
  },
};
