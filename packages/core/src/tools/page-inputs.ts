import { z } from 'zod';

/**
 * The paging inputs every list tool shares. They carry no description: the server's
 * `instructions` explain `limit` and `cursor` once for every tool, instead of each tool's
 * `tools/list` entry repeating it.
 */
export const limitInput = (defaultLimit: number, max: number) =>
  z.number().int().min(1).max(max).default(defaultLimit);

/** An opaque page token: the `nextCursor` of a previous call with the same other inputs. */
export const cursorInput = z.string().max(4096).optional();
