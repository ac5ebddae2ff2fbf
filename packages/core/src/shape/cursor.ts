import { InvalidInputError } from '../errors.js';

/**
 * Our cursor wraps the backend's own page token plus how many items of that page were already
 * returned, so a page cut short to fit the token budget can resume exactly where it stopped.
 */
export interface CursorState {
  /** The backend's page token for the page to fetch (absent = first page). */
  token?: string | undefined;
  /** Items of that page already returned. */
  skip?: number | undefined;
}

/** Encodes a cursor state as an opaque base64url string. */
export function encodeCursor(state: CursorState): string {
  const compact: Record<string, unknown> = {};
  if (state.token) compact.t = state.token;
  if (state.skip) compact.s = state.skip;
  return Buffer.from(JSON.stringify(compact), 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; a malformed one is an InvalidInputError on `cursor`. */
export function decodeCursor(cursor: string | undefined): CursorState {
  if (cursor === undefined || cursor === '') return {};
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('shape');
    const { t, s } = value as { t?: unknown; s?: unknown };
    if (t !== undefined && typeof t !== 'string') throw new Error('token');
    if (s !== undefined && (!Number.isInteger(s) || (s as number) < 0)) throw new Error('skip');
    return { token: t as string | undefined, skip: s as number | undefined };
  } catch {
    throw new InvalidInputError('The cursor is not one this server issued.', {
      field: 'cursor',
      hint: 'Pass back the nextCursor value from a previous result unchanged, or omit it to start over.',
    });
  }
}
