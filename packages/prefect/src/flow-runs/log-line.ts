import { truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectLog } from '../shared/prefect-api-types.js';

/** Python logging level names, as Prefect stores levels as numbers. */
export const LOG_LEVELS = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 } as const;
export type LogLevelName = keyof typeof LOG_LEVELS;

/** One log line of a flow run. */
export const PrefectLogLineSchema = z.object({
  timestamp: z.string(),
  level: z.string(),
  message: z.string(),
  truncated: z.boolean().optional().describe('True when the message was cut to maxMessageChars'),
  logger: z.string().optional(),
  taskRunId: z.string().optional(),
});
export type PrefectLogLine = z.infer<typeof PrefectLogLineSchema>;

/** Name of a numeric level: the standard name, or "LEVEL <n>" for custom levels. */
export function levelName(level: number): string {
  const found = Object.entries(LOG_LEVELS).find(([, value]) => value === level);
  return found ? found[0] : `LEVEL ${level}`;
}

/** Maps one Prefect log, cutting a long message to `maxChars` and saying so. */
export function mapLogLine(raw: PrefectLog, maxChars: number): PrefectLogLine {
  const { text, truncated } = truncateText(raw.message, maxChars);
  const line: PrefectLogLine = {
    timestamp: raw.timestamp,
    level: levelName(raw.level),
    message: text,
  };
  if (truncated) line.truncated = true;
  if (raw.name) line.logger = raw.name;
  if (raw.task_run_id) line.taskRunId = raw.task_run_id;
  return line;
}
