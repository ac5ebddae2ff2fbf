import { z } from 'zod';
import { PROMPT_NAME_PATTERN } from './prompt-tags.js';

/** Input fields the prompt tools share, described once. */

export const promptNameInput = z
  .string()
  .min(1)
  .max(256)
  .regex(PROMPT_NAME_PATTERN, "Prompt names use letters, digits, '_', '-' and '.'.");
