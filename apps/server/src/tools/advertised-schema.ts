import type { AnyToolDefinition } from '@mlops-mcp/core';
import { z } from 'zod';

type Json = Record<string, unknown>;

/**
 * Keywords that only guard the seam (lengths and counts): `parseToolInput` still enforces them
 * and names the limit when one is crossed, so listing them would cost every session tokens to
 * describe calls that almost never happen.
 */
const GUARD_KEYWORDS = new Set(['$schema', 'minLength', 'maxLength', 'minItems', 'maxItems']);

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not', 'propertyNames']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', '$defs', 'definitions', 'patternProperties']);

const isEmptyObject = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 0;

/** A default that says nothing beyond "optional": off, or an empty list. */
const isSilentDefault = (value: unknown) =>
  value === false || (Array.isArray(value) && value.length === 0);

/**
 * A JSON Schema as a model should read it: the same properties, types, enums, bounds on numbers
 * and meaningful defaults, without the guard-rail keywords above, an integer's `minimum` of 0 or 1
 * (what a count or offset is anyway), the date-time regex beside `format: date-time`,
 * `propertyNames: {type: string}` and `additionalProperties: {}` (both true of any JSON object),
 * bounds of ±1e15 and beyond, and defaults of `false` or `[]`.
 */
export function leanJsonSchema(schema: Json): Json {
  const lean: Json = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (GUARD_KEYWORDS.has(keyword)) continue;
    if (keyword === 'pattern' && schema.format !== undefined) continue;
    if (keyword === 'default' && isSilentDefault(value)) continue;
    if (keyword === 'minimum' && (value === 0 || value === 1) && schema.type === 'integer')
      continue;
    if (keyword === 'additionalProperties' && isEmptyObject(value)) continue;
    if (isUnboundedBound(keyword, value)) continue;
    if (SCHEMA_KEYWORDS.has(keyword) && isObject(value)) {
      const child = leanJsonSchema(value);
      if (keyword === 'propertyNames' && isPlainStringSchema(child)) continue;
      lean[keyword] = child;
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      lean[keyword] = value.map((item) => (isObject(item) ? leanJsonSchema(item) : item));
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObject(value)) {
      lean[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, item]) => [
          name,
          isObject(item) ? leanJsonSchema(item) : item,
        ]),
      );
    } else {
      lean[keyword] = value;
    }
  }
  return lean;
}

/**
 * A numeric bound no input comes near: zod's `int()` adds ±(2^53 - 1), epoch-ms inputs the
 * largest date (8.64e15). The seam still enforces them.
 */
function isUnboundedBound(keyword: string, value: unknown): boolean {
  return (
    (keyword === 'minimum' || keyword === 'maximum') &&
    typeof value === 'number' &&
    Math.abs(value) >= 1e15
  );
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainStringSchema(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 1 && value.type === 'string';
}

const advertised = new WeakMap<z.ZodType, Json>();

/**
 * The input schema `tools/list` advertises for a tool (lean, see `leanJsonSchema`), converted
 * once per schema and frozen: every server of the process shares it.
 */
export function advertisedInputSchema(tool: AnyToolDefinition): Json {
  let json = advertised.get(tool.inputSchema);
  if (json === undefined) {
    json = deepFreeze(leanJsonSchema(z.toJSONSchema(tool.inputSchema, { io: 'input' }) as Json));
    advertised.set(tool.inputSchema, json);
  }
  return json;
}

/** Freezes a value and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
