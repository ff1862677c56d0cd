/**
 * `diff(a, b)`: the RFC 6902 patch that turns `a` into `b` — the same algorithm as Python's
 * `llm_infra.json.diff`, step for step, so both produce the same operations in the same order.
 *
 * 1. Equal values (JSON equality) produce nothing; different kinds or scalars: one `replace`.
 * 2. Objects: changed keys (removed, added, or both with different values → recurse) in UTF-16
 *    code-unit order.
 * 3. Arrays: common prefix and suffix stripped; Myers' O(ND) edit script on the middle; each run
 *    of edits pairs deletions with insertions by position (recursing), then removes or adds the
 *    surplus; ascending indexes of the array as patched so far. Over {@link MAX_ARRAY_WORK} steps
 *    the middle is paired by position instead.
 * 4. A container whose nested patch has 2+ operations and costs more than replacing it whole
 *    (1 per operation + 1 per JSON value carried) is replaced whole.
 * 5. A changed reserved key (`__proto__`, `constructor`, `prototype`) replaces its whole object.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import type { PatchOperation } from "./patch.js";
import { cloneFast, diagnose, equalAt, escapeToken, FORBIDDEN_NAMES, isPlainObject, MAX_DEPTH, NotJson, nodesUpto, sortKeys } from "./values.js";

/**
 * Upper bound on the steps (edit-graph moves plus element comparisons) the array algorithm may
 * spend on the middle of one array; beyond it elements are paired by position.
 *
 * @example
 * ```ts
 * import { MAX_ARRAY_WORK } from "@llm-dev-ops/infra/json";
 * MAX_ARRAY_WORK; // 262144
 * ```
 */
export const MAX_ARRAY_WORK = 1 << 18;

function isAtom(v: unknown): boolean {
  return typeof v !== "object" || v === null;
}

function same(x: unknown, y: unknown, depth: number): boolean {
  if (x === y) return true;
  return equalAt(x, y, depth);
}

function scalarEqual(a: unknown, b: unknown): boolean {
  return a === b && isAtom(a);
}

class Differ {
  readonly ops: PatchOperation[] = [];
  cost = 0;

  private valued(op: "add" | "replace", path: string, value: unknown): void {
    let ownedValue: JsonValue;
    let n: number;
    if (typeof value === "string" || typeof value === "boolean" || value === null) {
      ownedValue = value;
      n = 1;
    } else {
      ownedValue = cloneFast(value);
      n = nodesUpto(ownedValue, Number.MAX_SAFE_INTEGER);
    }
    this.ops.push({ op, path, value: ownedValue });
    this.cost += 1 + n;
  }

  private remove(path: string): void {
    this.ops.push({ op: "remove", path });
    this.cost += 1;
  }

  value(a: unknown, b: unknown, path: string, depth: number): void {
    if (a === b) return;
    const aObj = typeof a === "object" && a !== null;
    const bObj = typeof b === "object" && b !== null;
    if ((aObj && !Array.isArray(a) && !isPlainObject(a)) || (bObj && !Array.isArray(b) && !isPlainObject(b))) throw new NotJson();
    if (aObj && bObj && Array.isArray(a) === Array.isArray(b)) {
      this.container(a as JsonValue, b as JsonValue, path, depth, !Array.isArray(a));
    } else if (!scalarEqual(a, b)) {
      this.valued("replace", path, b);
    }
  }

  private container(a: JsonValue, b: JsonValue, path: string, depth: number, isObject: boolean): void {
    if (depth >= MAX_DEPTH) {
      throw InfraError.validation(`JSON value nested deeper than ${MAX_DEPTH} levels at ${path === "" ? "(root)" : path}`, {
        path,
        max_depth: MAX_DEPTH,
      });
    }
    const startOps = this.ops.length;
    const startCost = this.cost;
    const ok = isObject ? this.object(a as JsonObject, b as JsonObject, path, depth + 1) : this.array(a as JsonValue[], b as JsonValue[], path, depth + 1);
    if (!ok) {
      this.ops.length = startOps;
      this.cost = startCost;
      this.valued("replace", path, b);
      return;
    }
    if (this.ops.length - startOps >= 2) {
      const nested = this.cost - startCost;
      const limit = nested - 1;
      if (nodesUpto(b, limit) < limit) {
        this.ops.length = startOps;
        this.cost = startCost;
        this.valued("replace", path, b);
      }
    }
  }

  private object(a: JsonObject, b: JsonObject, path: string, depth: number): boolean {
    const changed: string[] = [];
    for (const k of Object.keys(a)) {
      if (Object.hasOwn(b, k)) {
        const va = a[k];
        const vb = b[k];
        if (va === vb) continue;
      }
      changed.push(k);
    }
    for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) changed.push(k);
    if (changed.length === 0) return true;
    for (let i = changed.length - 1; i >= 0; i--) {
      // A reserved key cannot be a pointer token: if its value really differs, replace the object.
      const k = changed[i]!;
      if (!FORBIDDEN_NAMES.has(k)) continue;
      if (!Object.hasOwn(a, k) || !Object.hasOwn(b, k) || !equalAt(a[k], b[k], depth)) return false;
      changed.splice(i, 1);
    }
    if (changed.length === 0) return true;
    for (const k of sortKeys(changed)) {
      const p = path + "/" + escapeToken(k);
      if (!Object.hasOwn(b, k)) this.remove(p);
      else if (!Object.hasOwn(a, k)) this.valued("add", p, b[k]);
      else this.value(a[k], b[k], p, depth);
    }
    return true;
  }

  private array(a: JsonValue[], b: JsonValue[], path: string, depth: number): boolean {
    const n = a.length;
    const m = b.length;
    const lim = Math.min(n, m);
    let s = 0;
    while (s < lim && same(a[s], b[s], depth)) s++;
    let e = 0;
    while (e < lim - s && same(a[n - 1 - e], b[m - 1 - e], depth)) e++;
    const xs = a.slice(s, n - e);
    const ys = b.slice(s, m - e);
    if (xs.length === 0 && ys.length === 0) return true;
    const hunks = (xs.length > 0 && ys.length > 0 ? editRuns(xs, ys, depth) : null) ?? [[0, xs.length, 0, ys.length]];
    let pos = s;
    let done = 0;
    const prefix = path + "/";
    for (const [a0, a1, b0, b1] of hunks) {
      pos += a0 - done;
      const dels = a1 - a0;
      const ins = b1 - b0;
      const pairs = Math.min(dels, ins);
      for (let j = 0; j < pairs; j++) {
        this.value(xs[a0 + j], ys[b0 + j], prefix + pos, depth);
        pos++;
      }
      for (let j = pairs; j < dels; j++) this.remove(prefix + pos);
      for (let j = pairs; j < ins; j++) {
        this.valued("add", prefix + pos, ys[b0 + j]);
        pos++;
      }
      done = a1;
    }
    return true;
  }
}

type Run = [number, number, number, number];

/** Myers' greedy shortest edit script as runs `[a0, a1, b0, b1]`, or `null` over budget (see Python). */
function editRuns(xs: JsonValue[], ys: JsonValue[], depth: number): Run[] | null {
  const n = xs.length;
  const m = ys.length;
  const maxD = n + m;
  const off = maxD + 1;
  const v = new Array<number>(2 * maxD + 3).fill(0);
  const trace: number[][] = [];
  let work = 0;
  let finalD = -1;
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      work++;
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && same(xs[x], ys[y], depth)) {
        x++;
        y++;
        work++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        finalD = d;
        break;
      }
    }
    trace.push(v.slice(off - d - 1, off + d + 2));
    if (finalD >= 0) break;
    if (work > MAX_ARRAY_WORK) return null;
  }
  const edits: Array<[number, number]> = []; // [x, -1] deletes xs[x], [-1, y] inserts ys[y]
  let x = n;
  let y = m;
  for (let d = finalD; d > 0; d--) {
    const t = trace[d - 1]!;
    const base = d;
    const k = x - y;
    const pk = k === -d || (k !== d && t[base + k - 1]! < t[base + k + 1]!) ? k + 1 : k - 1;
    const px = t[base + pk]!;
    const py = px - pk;
    edits.push(pk === k + 1 ? [-1, py] : [px, -1]);
    x = px;
    y = py;
  }
  edits.reverse();
  const runs: Run[] = [];
  let cur: Run | null = null;
  let ax = 0;
  let ay = 0;
  for (const [ex, ey] of edits) {
    if (ex >= 0) {
      const gap = ex - ax;
      if (cur !== null && gap === 0) {
        cur[1] = ex + 1;
      } else {
        if (cur !== null) runs.push(cur);
        ay += gap;
        cur = [ex, ex + 1, ay, ay];
      }
      ax = ex + 1;
    } else {
      const gap = ey - ay;
      if (cur !== null && gap === 0) {
        cur[3] = ey + 1;
      } else {
        if (cur !== null) runs.push(cur);
        ax += gap;
        cur = [ax, ax, ey, ey + 1];
      }
      ay = ey + 1;
    }
  }
  if (cur !== null) runs.push(cur);
  return runs;
}

/**
 * The RFC 6902 patch that turns `a` into `b` (see the module docs for the algorithm); the same
 * operations, in the same order, as Python's `diff`. `applyPatch(a, diff(a, b))` equals `b`.
 *
 * @example
 * ```ts
 * import { diff } from "@llm-dev-ops/infra/json";
 * diff({ a: 1, b: [1, 2] }, { a: 1, b: [0, 1, 2], c: true });
 * // [{ op: "add", path: "/b/0", value: 0 }, { op: "add", path: "/c", value: true }]
 * ```
 */
export function diff(a: JsonValue, b: JsonValue): PatchOperation[] {
  const d = new Differ();
  try {
    d.value(a, b, "", 0);
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
    diagnose(a);
    diagnose(b);
    throw InfraError.internal("diff rejected values that diagnose accepts");
  }
  return d.ops;
}
