/** A line diff of two pretty-printed JSON values (LCS; outputs here are small). */

export interface DiffLine {
  text: string;
  /** `same` in both; `gone` only on the left (expected); `new` only on the right (got). */
  kind: "same" | "gone" | "new";
}

export function pretty(value: unknown): string {
  return value === undefined ? "(nothing)" : JSON.stringify(value, null, 2);
}

/** Left and right columns with each line marked; an LCS over lines (O(n·m), capped). */
export function lineDiff(left: string, right: string): { left: DiffLine[]; right: DiffLine[] } {
  const a = left.split("\n");
  const b = right.split("\n");
  if (a.length * b.length > 250_000) {
    return {
      left: a.map((text, i) => ({ text, kind: b[i] === text ? "same" : "gone" })),
      right: b.map((text, i) => ({ text, kind: a[i] === text ? "same" : "new" })),
    };
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const outL: DiffLine[] = [];
  const outR: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      outL.push({ text: a[i]!, kind: "same" });
      outR.push({ text: b[j]!, kind: "same" });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      outR.push({ text: b[j]!, kind: "new" });
      j++;
    } else {
      outL.push({ text: a[i]!, kind: "gone" });
      i++;
    }
  }
  return { left: outL, right: outR };
}
