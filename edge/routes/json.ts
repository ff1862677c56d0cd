/** Edge routes of the json module (TypeScript SDK). Bodies are read by the library's strict `parse`
 * (duplicate keys, NaN, lone surrogates are 400 serialization errors). The Python twins are in json.py. */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { applyPatch, canonicalize, diff, mergePatchApply, parse, pointerGet, type PatchOperation } from "@llm-dev-ops/infra/json";
import { type RouteRequest, route } from "../src/router.js";

async function strictBody(req: RouteRequest): Promise<JsonValue> {
  return parse(await req.raw.text());
}

async function members(req: RouteRequest, ...names: string[]): Promise<JsonObject> {
  const body = await strictBody(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw InfraError.validation("body must be a JSON object", { field: "body" });
  for (const name of names) if (!Object.hasOwn(body, name)) throw InfraError.validation(`body.${name} is required`, { field: name });
  return body;
}

export default [
  route("POST", "/json/diff", "RFC 6902 patch from one document to another: {from, to} → {patch}", async (req) => {
    const b = await members(req, "from", "to");
    return { patch: diff(b["from"] as JsonValue, b["to"] as JsonValue) as unknown as JsonValue };
  }),
  route("POST", "/json/patch", "Apply an RFC 6902 patch (atomic): {document, patch} → {document}", async (req) => {
    const b = await members(req, "document", "patch");
    if (!Array.isArray(b["patch"])) throw InfraError.validation("body.patch must be an array of operations", { field: "patch" });
    return { document: applyPatch(b["document"] as JsonValue, b["patch"] as unknown as PatchOperation[]) };
  }),
  route("POST", "/json/merge-patch", "Apply an RFC 7396 merge patch: {document, patch} → {document}", async (req) => {
    const b = await members(req, "document", "patch");
    return { document: mergePatchApply(b["document"] as JsonValue, b["patch"] as JsonValue) };
  }),
  route("POST", "/json/canonicalize", "RFC 8785 canonical JSON of the body (any JSON document) → {canonical}", async (req) => {
    return { canonical: canonicalize(await strictBody(req)) };
  }),
  route("POST", "/json/pointer", "Resolve an RFC 6901 pointer: {document, pointer} → {value}", async (req) => {
    const b = await members(req, "document", "pointer");
    if (typeof b["pointer"] !== "string") throw InfraError.validation("body.pointer must be a string", { field: "pointer" });
    return { value: pointerGet(b["document"] as JsonValue, b["pointer"]) };
  }),
];
