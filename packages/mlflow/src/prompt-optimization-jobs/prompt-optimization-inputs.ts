import { z } from 'zod';

/** Input fields the prompt optimization job tools share, described once. */

export const jobIdInput = z.string().min(1).max(128);

export const jobExperimentIdInput = z.string().min(1).max(200);
