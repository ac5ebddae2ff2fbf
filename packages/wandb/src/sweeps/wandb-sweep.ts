import { z } from 'zod';

/** A hyperparameter sweep. */
export const WandbSweepSchema = z.object({
  id: z.string().describe('Sweep id (the short name in its URL); runs carry it as `sweep`.'),
  name: z.string().optional(),
  state: z.string().optional().describe('RUNNING, PAUSED, CANCELED or FINISHED.'),
  method: z.string().optional().describe('grid, random or bayes.'),
  description: z.string().optional(),
  bestLoss: z.number().optional(),
  runCount: z.number().optional(),
  runCountExpected: z.number().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  url: z.string(),
});
export type WandbSweep = z.infer<typeof WandbSweepSchema>;
