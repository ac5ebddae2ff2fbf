import { z } from 'zod';
import { writableTagKeyInput } from '../shared/common-inputs.js';
import { AssessmentSourceTypeSchema } from './trace-model.js';

/** Input fields the trace and assessment tools share, described once. */

export const traceIdInput = z.string().min(1).max(300);

export const experimentIdInput = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An MLflow experiment id, e.g. "12".');

export const assessmentIdInput = z.string().min(1).max(128);

export const assessmentNameInput = z.string().min(1).max(250).describe('e.g. "correctness".');

const MAX_VALUE_CHARS = 20_000;

/** Any JSON value a feedback or expectation can hold. */
export const assessmentValueInput = z
  .union([
    z.boolean(),
    z.number(),
    z.string().max(MAX_VALUE_CHARS),
    z.array(z.unknown()),
    z.record(z.string(), z.unknown()),
  ])
  .refine(
    (value) => (JSON.stringify(value) ?? '').length <= MAX_VALUE_CHARS,
    `The value may be at most ${MAX_VALUE_CHARS} characters of JSON.`,
  );

export const sourceTypeInput = AssessmentSourceTypeSchema;

export const sourceIdInput = z.string().min(1).max(250);

export const assessmentMetadataInput = z
  .record(z.string().min(1).max(250), z.string().max(5000))
  .refine((value) => Object.keys(value).length <= 50, 'At most 50 metadata entries.')
  .optional();

export const traceTagKeyInput = writableTagKeyInput.describe('Tag key.');

export const previewCharsInput = (defaultChars: number) =>
  z.number().int().min(0).max(10_000).default(defaultChars).describe('0 drops previews.');
