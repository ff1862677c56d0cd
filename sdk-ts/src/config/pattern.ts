/**
 * Portable regular expressions for the `pattern` rule — the same subset and translation as
 * Python's `llm_infra.config._pattern`, compiled with the `u` flag and matched against the whole value.
 * @module
 */
import { InfraError } from "../errors/index.js";
import { quote } from "./text.js";

const META = new Set("\\.[](){}*+?|^$/");
const CLASS_ESC: Record<string, string> = { d: "0-9", w: "A-Za-z0-9_", s: " \\t\\n\\r\\x0c\\x0b" };
const ESC: Record<string, string> = {
  d: "[0-9]", D: "[^0-9]", w: "[A-Za-z0-9_]", W: "[^A-Za-z0-9_]",
  s: "[ \\t\\n\\r\\x0c\\x0b]", S: "[^ \\t\\n\\r\\x0c\\x0b]", n: "\\n", r: "\\r", t: "\\t",
};
const QUANT = /\{(\d+)(,(\d*))?\}/y;

function bad(pattern: string, pos: number, what: string): InfraError {
  return InfraError.config(`pattern ${quote(pattern)}: ${what} at offset ${pos} (outside the portable subset)`, { pattern, offset: pos });
}

function lit(c: string, inClass = false): string {
  return META.has(c) || (inClass && c === "-") ? "\\" + c : c;
}

function punct(e: string): boolean {
  const c = e.charCodeAt(0);
  return e.length === 1 && c >= 0x20 && c < 0x7f && !/[A-Za-z0-9]/.test(e);
}

function pyRepr(c: string): string {
  return c === "'" ? `"'"` : `'${c}'`;
}

/**
 * The portable `pattern` as regex source that Python `re` and JavaScript `RegExp` (flag `u`) read alike.
 *
 * @example
 * ```ts
 * import { translatePattern } from "@llm-dev-ops/infra/config";
 * translatePattern("^\\d+$"); // "[0-9]+"
 * ```
 */
export function translatePattern(pattern: string): string {
  if (typeof pattern !== "string") throw InfraError.config("a pattern must be a string", { field: "pattern" });
  // Iterate by code point so offsets match Python's.
  const cps = Array.from(pattern);
  const at = (k: number): string => cps[k] ?? "";
  const startsWith = (s: string, k: number): boolean => cps.slice(k, k + s.length).join("") === s;
  const out: string[] = [];
  let i = 0;
  const n = cps.length;
  let end = n;
  if (at(0) === "^") i = 1;
  if (end > i && pattern.endsWith("$") && !pattern.endsWith("\\$")) end -= 1;
  let depth = 0;
  let canRepeat = false;
  while (i < end) {
    const c = at(i);
    if (c === "\\") {
      if (i + 1 >= end) throw bad(pattern, i, "a trailing backslash");
      const e = at(i + 1);
      if (Object.hasOwn(ESC, e)) out.push(ESC[e] as string);
      else if (punct(e)) out.push(lit(e));
      else throw bad(pattern, i, `the escape \\${e}`);
      i += 2;
      canRepeat = true;
    } else if (c === ".") {
      out.push("[^\\n]");
      i += 1;
      canRepeat = true;
    } else if (c === "[") {
      let j = i + 1;
      const parts = ["["];
      if (j < end && at(j) === "^") {
        parts.push("^");
        j += 1;
      }
      let first = true;
      for (;;) {
        if (j >= end) throw bad(pattern, i, "an unterminated class");
        const d = at(j);
        if (d === "]" && !first) break;
        if (d === "\\") {
          if (j + 1 >= end) throw bad(pattern, j, "a trailing backslash");
          const e = at(j + 1);
          if (Object.hasOwn(CLASS_ESC, e)) parts.push(CLASS_ESC[e] as string);
          else if (e === "n" || e === "r" || e === "t") parts.push("\\" + e);
          else if (punct(e)) parts.push(lit(e, true));
          else throw bad(pattern, j, `the escape \\${e} in a class`);
          j += 2;
        } else if (d === "[" || d === "]") {
          throw bad(pattern, j, `an unescaped ${pyRepr(d)} in a class`);
        } else if (j + 2 < end && at(j + 1) === "-" && !"]\\[".includes(at(j + 2))) {
          const lo = d;
          const hi = at(j + 2);
          if ((lo.codePointAt(0) as number) > (hi.codePointAt(0) as number)) throw bad(pattern, j, "a reversed range");
          parts.push(lit(lo, true) + "-" + lit(hi, true));
          j += 3;
        } else {
          parts.push(lit(d, true));
          j += 1;
        }
        first = false;
      }
      parts.push("]");
      out.push(parts.join(""));
      i = j + 1;
      canRepeat = true;
    } else if (c === "(") {
      if (startsWith("(?:", i)) {
        out.push("(?:");
        i += 3;
      } else if (startsWith("(?", i)) {
        throw bad(pattern, i, "a special group");
      } else {
        out.push("(");
        i += 1;
      }
      depth += 1;
      canRepeat = false;
    } else if (c === ")") {
      if (depth === 0) throw bad(pattern, i, "an unbalanced ')'");
      depth -= 1;
      out.push(")");
      i += 1;
      canRepeat = true;
    } else if (c === "|") {
      out.push("|");
      i += 1;
      canRepeat = false;
    } else if (c === "*" || c === "+" || c === "?" || c === "{") {
      if (!canRepeat) throw bad(pattern, i, "a quantifier with nothing to repeat");
      if (c === "{") {
        const rest = cps.slice(i, end).join("");
        QUANT.lastIndex = 0;
        const m = QUANT.exec(rest);
        if (m === null) throw bad(pattern, i, "a '{' that is not a quantifier");
        if (m[3] && Number(m[3]) < Number(m[1])) throw bad(pattern, i, "a quantifier range out of order");
        out.push(m[0]);
        i += m[0].length;
      } else {
        out.push(c);
        i += 1;
      }
      if (i < end && at(i) === "?") {
        out.push("?");
        i += 1;
      }
      canRepeat = false;
    } else if (c === "^" || c === "$" || c === "]" || c === "}") {
      throw bad(pattern, i, `an unescaped ${pyRepr(c)}`);
    } else {
      out.push(lit(c));
      i += 1;
      canRepeat = true;
    }
  }
  if (depth) throw bad(pattern, n, "an unclosed '('");
  return out.join("");
}

/** A RegExp that matches exactly the values the portable `pattern` matches completely. */
export function compilePortable(pattern: string): RegExp {
  const src = translatePattern(pattern);
  try {
    return new RegExp(`^(?:${src})$`, "u");
  } catch (e) {
    throw InfraError.config(`pattern ${quote(pattern)}: ${(e as Error).message}`, { pattern });
  }
}
