/**
 * Serialises like Python's `json.dumps`, which is how W&B's JSONString fields (config,
 * summaryMetrics, history lines) are written: non-finite numbers come out as bare `NaN`,
 * `Infinity` and `-Infinity`, which strict JSON parsers reject. The adapter must cope.
 */
export function pythonJsonDumps(value: unknown): string {
  const marked = JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'number' && !Number.isFinite(inner)) {
      return Number.isNaN(inner)
        ? '__py_NaN__'
        : inner > 0
          ? '__py_Infinity__'
          : '__py_-Infinity__';
    }
    return inner;
  });
  return marked.replace(/"__py_(NaN|Infinity|-Infinity)__"/g, '$1');
}

/**
 * For the `JSON` scalar (sampledHistory), which travels inside the HTTP response and so must be
 * strict JSON: non-finite numbers become the strings "NaN", "Infinity", "-Infinity".
 */
export function strictJsonValue(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  if (Array.isArray(value)) return value.map(strictJsonValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, strictJsonValue(inner)]),
    );
  }
  return value;
}

/**
 * A W&B DateTime in its zone-less form (UTC): "2025-03-01T12:00:00". W&B has sent this form as
 * well as one ending in "Z"; the stand-in sends the harder one for clients.
 */
export function wandbDateTime(millis: number): string {
  return new Date(millis).toISOString().slice(0, 19);
}
