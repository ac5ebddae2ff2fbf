import { isoFromMillis } from '@mlops-mcp/core';

type MillisValue = number | string | undefined | null;

/** Sets `createdAt` and `updatedAt` on `target` from MLflow's epoch millis, each only when known. */
export function setTimestamps(
  target: { createdAt?: string; updatedAt?: string },
  created: MillisValue,
  updated: MillisValue,
): void {
  const createdAt = isoFromMillis(created);
  if (createdAt) target.createdAt = createdAt;
  const updatedAt = isoFromMillis(updated);
  if (updatedAt) target.updatedAt = updatedAt;
}
