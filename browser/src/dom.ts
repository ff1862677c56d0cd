/** Tiny DOM helpers: build elements without innerHTML (no markup injection from results). */

type Child = Node | string | null | undefined | false;

/** `h("p", {class: "x"}, "text", child)` — attributes set with setAttribute, children appended. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Show a message in the page's alert region (role=alert): errors are never silent. */
export function alertMessage(text: string): void {
  const box = document.getElementById("alerts");
  if (box === null) return;
  box.hidden = false;
  box.append(h("p", {}, text));
}

export function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} kB`;
}
