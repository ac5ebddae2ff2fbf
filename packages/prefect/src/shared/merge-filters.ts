import { InvalidInputError } from '@mlops-mcp/core';

/**
 * Deep-merges the filter built from a tool's simple fields with the structured `filter` the
 * caller passed. A leaf set both ways is an InvalidInputError naming it, rather than one side
 * silently winning.
 */
export function mergeFilters(
  simple: Record<string, unknown>,
  structured: Record<string, unknown> | undefined,
  path = 'filter',
): Record<string, unknown> {
  if (!structured) return simple;
  const out: Record<string, unknown> = { ...simple };
  for (const [key, value] of Object.entries(structured)) {
    if (value === undefined) continue;
    const existing = out[key];
    if (existing === undefined) {
      out[key] = value;
    } else if (isObject(existing) && isObject(value)) {
      out[key] = mergeFilters(existing, value, `${path}.${key}`);
    } else {
      throw new InvalidInputError(
        `${path}.${key} is set both by a simple input field and in filter; set it one way.`,
        { field: `${path}.${key}` },
      );
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops undefined values and objects left empty, so request bodies carry only what is set. */
export function compact(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    if (isObject(inner)) {
      const nested = compact(inner);
      if (nested) out[key] = nested;
    } else {
      out[key] = inner;
    }
  }
  return Object.keys(out).length ? out : undefined;
}
