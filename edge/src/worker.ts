/**
 * The edge worker (a workerd / Cloudflare Workers ES module worker) exposing the TypeScript SDK over
 * HTTP. `makeWorker(routes)` gets every route of `edge/routes/*.ts` (the build discovers them) and adds:
 *
 * - `GET /` — the route list;
 * - `POST /conformance/run` — `{files: [{file, text}]}` → the SDK's conformance runner inside workerd
 *   (the CLI's `workerd` runtime);
 * - `/py/*` — forwarded to the Python service (Pyodide inside workerd, `py-worker.mjs`) through the
 *   `PY` service binding, when the config has one.
 */
import type { JsonObject } from "@llm-dev-ops/infra";
import { runText } from "@llm-dev-ops/infra/conformance";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { dispatch, errorResponse, json, type Route, route } from "./router.js";

/** Bindings of the worker (config.capnp): `PY` is the Python service, absent in the TypeScript-only config. */
export interface Env {
  PY?: { fetch(request: Request): Promise<Response> };
}

function conformanceRoute(): Route {
  return route("POST", "/conformance/run", "Run vector files ({files: [{file, text}]}) with the SDK's conformance runner.", async (req) => {
    const body = (await req.json()) as { files?: unknown };
    if (!Array.isArray(body.files)) throw InfraError.validation("body.files must be an array of {file, text}", { field: "files" });
    const results = [];
    for (const [i, f] of (body.files as { file?: unknown; text?: unknown }[]).entries()) {
      if (typeof f?.file !== "string" || typeof f.text !== "string") {
        throw InfraError.validation(`body.files[${i}] must be {file: string, text: string}`, { field: `files[${i}]` });
      }
      results.push((await runText(f.text, f.file)) as unknown as JsonObject);
    }
    return { runtime: "workerd", results };
  });
}

export function makeWorker(routes: readonly Route[]): { fetch(request: Request, env: Env): Promise<Response> } {
  const all: Route[] = [...routes, conformanceRoute()];
  const index = route("GET", "/", "This list.", () => ({
    service: "llm-infra edge worker",
    runtime: "workerd",
    routes: all.map((r) => ({ method: r.method, path: r.path, summary: r.summary })),
    python: "GET /py/ lists the Python-backed routes",
  }));
  all.push(index);
  return {
    async fetch(request: Request, env: Env): Promise<Response> {
      const { pathname } = new URL(request.url);
      if (pathname === "/py" || pathname.startsWith("/py/")) {
        if (env.PY === undefined) {
          return errorResponse(InfraError.notFound("this worker has no Python service (the TypeScript-only config)", { path: pathname }));
        }
        try {
          return await env.PY.fetch(request);
        } catch (e) {
          return errorResponse(InfraError.external(`the Python service failed: ${e instanceof Error ? e.message : String(e)}`));
        }
      }
      return dispatch(all, request);
    },
  };
}

export { json };
