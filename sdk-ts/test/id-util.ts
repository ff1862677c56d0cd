// Scripted clocks, byte streams and small helpers for the id tests.
import { InfraError } from "@llm-dev-ops/infra/errors";

/** A clock returning the given readings in turn (the last one forever after), counting reads. */
export class Ticks {
  reads = 0;
  constructor(readonly values: unknown[]) {}
  readonly read = (): number => {
    const v = this.values[Math.min(this.reads, this.values.length - 1)];
    this.reads++;
    return v as number;
  };
}

/** A random source reading a fixed byte string in order, recording each request. */
export class Stream {
  pos = 0;
  readonly calls: number[] = [];
  constructor(readonly data: Uint8Array) {}
  readonly take = (n: number): Uint8Array => {
    this.calls.push(n);
    if (this.pos + n > this.data.length) throw new Error("stream exhausted");
    this.pos += n;
    return this.data.slice(this.pos - n, this.pos);
  };
}

/** Deterministic bytes (mulberry32). */
export function seeded(seed: number, n: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 255;
  }
  return out;
}

export function bytes(hexText: string): Uint8Array {
  return Uint8Array.from(hexText.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function hex(data: Uint8Array): string {
  return Array.from(data, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** An assert.throws predicate: an InfraError of kind validation naming `field`. */
export function isValidation(field: string): (e: unknown) => boolean {
  return (e) => e instanceof InfraError && e.kind === "validation" && e.context["field"] === field;
}
