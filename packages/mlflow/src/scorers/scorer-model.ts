import { z } from 'zod';

/** What the scorer tools return about a registered scorer version. */

export const ScorerTypeSchema = z
  .enum(['builtin', 'judge', 'custom_code', 'third_party', 'ensemble', 'memory_judge', 'unknown'])
  .describe(
    'builtin: an MLflow scorer class (Guidelines, Correctness...); judge: an LLM judge made with ' +
      'make_judge; custom_code: a @scorer Python function; third_party, ensemble, memory_judge: ' +
      'those scorer kinds.',
  );

export const ScorerSchema = z.object({
  name: z.string(),
  version: z.number(),
  experimentId: z.string(),
  id: z.string().optional().describe('Scorer id (same for every version of a name).'),
  type: ScorerTypeSchema,
  builtinClass: z.string().optional().describe('For builtin scorers, e.g. "Guidelines".'),
  model: z.string().optional().describe('Judge model URI, e.g. "openai:/gpt-4o-mini".'),
  description: z.string().optional(),
  guidelines: z.array(z.string()).optional().describe('Rules a Guidelines judge checks.'),
  instructions: z.string().optional().describe("A judge's instructions (first 500 characters)."),
  functionName: z.string().optional().describe('For custom_code scorers, the Python function.'),
  createdAt: z.string().optional().describe('ISO 8601, when this version was registered.'),
});
export type Scorer = z.infer<typeof ScorerSchema>;
