import { z } from 'zod';

/** What a non-finite number becomes, since JSON (and so tool output) cannot hold one. */
export type NonFiniteToken = 'NaN' | 'Infinity' | '-Infinity';

/**
 * Parses one of W&B's `JSONString` values (config, summaryMetrics, history lines). They are
 * written by Python's `json.dumps`, which emits bare `NaN`, `Infinity` and `-Infinity` (and the
 * SDK reads them back with `json.loads`, which accepts them: wandb/apis/public/runs.py
 * `_convert_to_dict`); `JSON.parse` rejects those, so they are turned into the strings "NaN",
 * "Infinity" and "-Infinity" first, outside string literals only. Returns undefined for null,
 * empty or unparseable text.
 */
export function parseJsonString(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(quoteNonFinite(text));
    } catch {
      return undefined;
    }
  }
}

/** Parses a JSONString that should hold an object; anything else becomes `{}`. */
export function parseJsonObject(text: string | null | undefined): Record<string, unknown> {
  const value = parseJsonString(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Rewrites bare NaN / Infinity / -Infinity tokens as JSON strings, leaving string contents alone. */
function quoteNonFinite(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      continue;
    }
    const token = ['-Infinity', 'Infinity', 'NaN'].find((t) => text.startsWith(t, i));
    if (token) {
      out += `"${token}"`;
      i += token.length - 1;
      continue;
    }
    out += char;
  }
  return out;
}

/** A history or summary value as W&B may send it: a number, or a non-finite marker. */
export const NumericValueSchema = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);

/** Converts a parsed value to a number when it is one (non-finite markers included). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return undefined;
}
