/** Any value JSON can carry. Shared by every module of the SDK. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object (string keys). */
export interface JsonObject {
  [key: string]: JsonValue;
}
