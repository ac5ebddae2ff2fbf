import { z } from 'zod';
import { keyInput, keyValueMapInput } from '../runs/run-write-inputs.js';

/** Input fields the experiment tools share, with MLflow's limits. */

/** MLflow's limits for experiment names and tag values. */
export const MAX_EXPERIMENT_NAME_LENGTH = 500;
export const MAX_EXPERIMENT_TAG_VALUE_LENGTH = 20_000;

export const experimentIdInput = z.string().min(1).max(200);

export const experimentNameInput = z
  .string()
  .min(1)
  .max(MAX_EXPERIMENT_NAME_LENGTH)
  .refine((name) => name.trim() === name, 'Experiment names may not start or end with spaces.');

export const experimentTagKeyInput = keyInput('Experiment tag', 'refuse');

export const experimentTagValueInput = z.string().max(MAX_EXPERIMENT_TAG_VALUE_LENGTH);

export const experimentTagsInput = keyValueMapInput({
  what: 'Experiment tag',
  max: 100,
  maxValueLength: MAX_EXPERIMENT_TAG_VALUE_LENGTH,
  reserved: 'refuse',
});
