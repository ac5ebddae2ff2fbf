import { z } from 'zod';

/** Input fields the scorer tools share, described once. */

export const scorerExperimentIdInput = z.string().min(1).max(200);

export const scorerNameInput = z.string().min(1).max(256).describe('Case-sensitive.');

export const scorerVersionInput = z.number().int().min(1).max(1_000_000);
