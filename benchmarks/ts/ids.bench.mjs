// ids: string IDs from @llm-dev-ops/infra/id vs the usual npm packages and crypto.randomUUID.
// Peers: uuid (v7, v4), ulid (monotonicFactory; ulid() for fresh randomness), nanoid, crypto.randomUUID.
import { v4 as uuidV4, v7 as uuidV7 } from "uuid";
import { decodeTime, monotonicFactory, ulid as npmUlid } from "ulid";
import { customAlphabet as npmCustomAlphabet, nanoid as npmNanoid } from "nanoid";
import {
  SnowflakeGenerator,
  customAlphabet,
  monotonicUlid,
  nanoid,
  parseUuid,
  ulid,
  ulidTimestamp,
  uuid4,
  uuid7,
} from "@llm-dev-ops/infra/id";
import { versionOf } from "../drivers/harness.mjs";

const ALNUM36 = "0123456789abcdefghijklmnopqrstuvwxyz";

export async function cases() {
  const [uuidPkg, ulidPkg, nanoidPkg] = await Promise.all([versionOf("uuid"), versionOf("ulid"), versionOf("nanoid")]);
  const npmMonotonic = monotonicFactory();
  const ours36 = customAlphabet(ALNUM36, 16);
  const theirs36 = npmCustomAlphabet(ALNUM36, 16);
  const snowflake = new SnowflakeGenerator({ datacenterId: 1, workerId: 1 });
  const ulidText = ulid();
  const uuidText = uuid7();
  const pair = (name, oursName, oursFn, peerName, peerFn, notes) => ({
    module: "ids", name, ours: { name: oursName, fn: oursFn }, peer: peerFn ? { name: peerName, fn: peerFn } : null, notes,
  });
  return [
    pair("uuid7 string", "@llm-dev-ops/infra uuid7", uuid7, `${uuidPkg} v7`, uuidV7),
    pair("uuid4 string", "@llm-dev-ops/infra uuid4", uuid4, "crypto.randomUUID", () => crypto.randomUUID()),
    pair("uuid4 string vs uuid", "@llm-dev-ops/infra uuid4", uuid4, `${uuidPkg} v4`, uuidV4),
    pair("ulid string, monotonic", "@llm-dev-ops/infra monotonicUlid", monotonicUlid, `${ulidPkg} monotonicFactory`, npmMonotonic),
    { ...pair("ulid string, random", "@llm-dev-ops/infra ulid", ulid, `${ulidPkg} ulid`, npmUlid), budgetScale: 0.5 },
    pair("nanoid (21, URL alphabet)", "@llm-dev-ops/infra nanoid", () => nanoid(), `${nanoidPkg} nanoid`, () => npmNanoid()),
    pair("nanoid (16, 36 symbols)", "@llm-dev-ops/infra customAlphabet", ours36, `${nanoidPkg} customAlphabet`, theirs36),
    pair("ulid decode", "@llm-dev-ops/infra ulidTimestamp", () => ulidTimestamp(ulidText), `${ulidPkg} decodeTime`, () => decodeTime(ulidText)),
    pair("uuid parse", "@llm-dev-ops/infra parseUuid", () => parseUuid(uuidText), null, null),
    pair("snowflake string", "@llm-dev-ops/infra SnowflakeGenerator", () => snowflake.nextString(), null, null,
      { cap: "4096 IDs per ms by design" }),
  ];
}
