import { z } from 'zod';

/** Input fields the logged-model tools share, described once. */

export const loggedModelIdInput = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/, 'Logged model ids look like m-<32 hex>.');

export const experimentIdInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'Experiment ids are like "1" or "123456789".');
