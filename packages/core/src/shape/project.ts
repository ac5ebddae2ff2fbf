/**
 * Keeps only the named fields of an object. A name may be dotted one level deep to keep a single
 * key of a map, e.g. `metrics.loss` keeps `{ metrics: { loss } }`.
 */
export function projectFields<T extends Record<string, unknown>>(
  value: T,
  fields: readonly string[],
): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const dot = field.indexOf('.');
    if (dot === -1) {
      if (field in value) out[field] = value[field];
      continue;
    }
    const head = field.slice(0, dot);
    const tail = field.slice(dot + 1);
    const inner = value[head];
    if (inner === null || typeof inner !== 'object' || !(tail in inner)) continue;
    if (out[head] === undefined) out[head] = {};
    const target = out[head] as Record<string, unknown>;
    target[tail] = (inner as Record<string, unknown>)[tail];
  }
  return out as Partial<T>;
}
