import { z } from 'zod';

/**
 * One status vocabulary per kind of entity. Adapters map the backend's own status into it and
 * keep the original beside it as `rawStatus`, so nothing is lost in translation.
 */
export const RunStatusSchema = z.enum([
  'scheduled',
  'running',
  'finished',
  'failed',
  'killed',
  'unknown',
]);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const TraceStatusSchema = z.enum(['ok', 'error', 'running', 'unknown']);
export type TraceStatus = z.infer<typeof TraceStatusSchema>;

export const FlowRunStatusSchema = z.enum([
  'scheduled',
  'pending',
  'running',
  'completed',
  'failed',
  'crashed',
  'cancelled',
  'paused',
  'unknown',
]);
export type FlowRunStatus = z.infer<typeof FlowRunStatusSchema>;
