/**
 * A tiny JSON router for the edge worker: `route(method, path, summary, handler)` entries, typed
 * query helpers, and one error contract shared with the Python side (`llm_infra_edge.py`):
 * a handler returns a JSON value (HTTP 200) or throws an `InfraError`, which becomes
 * `{"error": <InfraError JSON>}` with the HTTP status of its kind (`STATUS_OF_KIND`).
 *
 * @example
 * ```ts
 * import { route } from "../src/router.js";
 * export default [route("GET", "/hello", "Greets.", (req) => ({ hello: req.string("name", "world") }))];
 * ```
 * @module
 */
import type { JsonValue } from "@llm-dev-ops/infra";
import { type ErrorKind, InfraError } from "@llm-dev-ops/infra/errors";

/** HTTP status per error kind (the same table in `llm_infra_edge.py`). */
export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = Object.freeze({
  config: 400,
  validation: 400,
  serialization: 400,
  schema: 400,
  crypto: 400,
  auth: 401,
  not_found: 404,
  timeout: 504,
  http: 502,
  external: 502,
  message_queue: 503,
  io: 500,
  vector: 500,
  internal: 500,
});

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function parseNumber(name: string, text: string): number {
  const n = NUMBER.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isFinite(n)) throw InfraError.validation(`query parameter ${name} must be a number, got ${JSON.stringify(text)}`, { field: name });
  return n;
}

/** What a handler sees of a request. Query helpers throw `InfraError(validation)` naming the parameter. */
export class RouteRequest {
  readonly url: URL;
  constructor(readonly raw: Request) {
    this.url = new URL(raw.url);
  }
  get method(): string {
    return this.raw.method;
  }
  private param(name: string): string | null {
    return this.url.searchParams.get(name);
  }
  private missing(name: string): InfraError {
    return InfraError.validation(`query parameter ${name} is required`, { field: name });
  }
  /** A string parameter (`fallback` when absent; required without one). */
  string(name: string, fallback?: string): string {
    const v = this.param(name);
    if (v !== null) return v;
    if (fallback === undefined) throw this.missing(name);
    return fallback;
  }
  /** A number parameter written as a JSON number. */
  number(name: string, fallback?: number): number {
    const v = this.param(name);
    if (v !== null) return parseNumber(name, v);
    if (fallback === undefined) throw this.missing(name);
    return fallback;
  }
  /** A comma-separated list of numbers (`""` is the empty list). */
  numbers(name: string, fallback?: number[]): number[] {
    const v = this.param(name);
    if (v === null) {
      if (fallback === undefined) throw this.missing(name);
      return fallback;
    }
    return v.split(",").filter((p) => p.trim() !== "").map((p) => parseNumber(name, p));
  }
  /** The JSON body; anything else is `InfraError(serialization)`. */
  async json(): Promise<JsonValue> {
    const text = await this.raw.text();
    try {
      return JSON.parse(text) as JsonValue;
    } catch (e) {
      throw InfraError.serialization(`request body is not JSON: ${(e as Error).message}`, { field: "body" });
    }
  }
}

export type RouteHandler = (req: RouteRequest) => JsonValue | Promise<JsonValue>;

export interface Route {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly summary: string;
  readonly handler: RouteHandler;
}

/** One route (the entries a `edge/routes/<module>.ts` file exports as its default array). */
export function route(method: Route["method"], path: string, summary: string, handler: RouteHandler): Route {
  if (!path.startsWith("/") || path.startsWith("/py/") || path === "/py") {
    throw new Error(`route path ${path} must start with / and not with /py (that prefix is the Python service's)`);
  }
  return { method, path, summary, handler };
}

export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

/** The response for a thrown value: an `InfraError` keeps its kind; anything else is `internal`. */
export function errorResponse(e: unknown): Response {
  const err = InfraError.from(e);
  return json({ error: err.toJSON() }, STATUS_OF_KIND[err.kind]);
}

/** Find the route for `request` and run it: 404 for an unknown path, 405 for a known path and another method. */
export async function dispatch(routes: readonly Route[], request: Request): Promise<Response> {
  const url = new URL(request.url);
  const matching = routes.filter((r) => r.path === url.pathname);
  const hit = matching.find((r) => r.method === request.method);
  try {
    if (hit === undefined) {
      if (matching.length > 0) {
        const allowed = matching.map((r) => r.method).join(", ");
        const err = InfraError.validation(`${request.method} is not allowed on ${url.pathname} (allowed: ${allowed})`, { field: "method" });
        return json({ error: err.toJSON() }, 405);
      }
      throw InfraError.notFound(`no route ${request.method} ${url.pathname}`, { path: url.pathname });
    }
    return json(await hit.handler(new RouteRequest(request)));
  } catch (e) {
    return errorResponse(e);
  }
}
