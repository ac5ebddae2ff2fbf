import { EntityRefSchema, RunStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** One finding about a run's health. */
export const DiagnosisSignSchema = z.object({
  code: z.enum([
    'run_failed',
    'run_crashed',
    'run_killed',
    'stale_heartbeat',
    'non_finite_summary',
    'loss_rising',
    'gpu_memory_near_capacity',
    'no_history',
  ]),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type DiagnosisSign = z.infer<typeof DiagnosisSignSchema>;

/** A run's health check: facts and the signs of trouble found in them. */
export const RunDiagnosisSchema = z.object({
  run: EntityRefSchema,
  name: z.string().optional(),
  status: RunStatusSchema,
  rawStatus: z.string(),
  verdict: z.enum(['healthy', 'warning', 'error']),
  lastStep: z.number().optional().describe('`_step` in the summary.'),
  runtimeSeconds: z.number().optional(),
  heartbeatAgeSeconds: z.number().optional().describe('Seconds since the last heartbeat.'),
  lossKey: z.string().optional().describe('The history key checked for a rising loss.'),
  lossTail: z
    .object({ min: z.number(), minStep: z.number(), lastMean: z.number(), lastStep: z.number() })
    .optional(),
  peakGpuMemoryPercent: z.number().optional(),
  exitCode: z
    .number()
    .optional()
    .describe('Not exposed by W&B GraphQL; the SDK sends it over the file-stream API only.'),
  signs: z.array(DiagnosisSignSchema),
});
export type RunDiagnosis = z.infer<typeof RunDiagnosisSchema>;
