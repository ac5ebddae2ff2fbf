import type { CallOptions, HttpMethod } from '@mlops-mcp/core';
import type { z } from 'zod';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { assertRegisteredModel } from './registered-models-api.js';
import { type RegistryHints, withRegistryHints } from './registry-hints.js';

/** One write to a registry endpoint (`registered-models/*`, `model-versions/*`). */
export interface RegistryWrite<T> {
  method: Exclude<HttpMethod, 'GET'>;
  /** The endpoint under MLFLOW_API, e.g. `model-versions/update`. */
  endpoint: string;
  body: Record<string, unknown>;
  schema: z.ZodType<T>;
  operation: string;
  /** Advice per error kind (see withRegistryHints); without it MLflow's error passes as is. */
  hints?: RegistryHints;
}

/** Sends one registry write, once (never retried), and returns its validated answer. */
export function sendRegistryWrite<T>(
  mlflow: MlflowContext,
  write: RegistryWrite<T>,
  options: CallOptions,
): Promise<T> {
  const call = mlflow.http.request({
    method: write.method,
    path: `${MLFLOW_API}/${write.endpoint}`,
    body: write.body,
    signal: options.signal,
    schema: write.schema,
    operation: write.operation,
  });
  return write.hints ? withRegistryHints(call, write.hints) : call;
}

/**
 * Sends a write to registered model `name` once it is known to be a model, not a prompt
 * (a prompt is not_found, as MlflowClient hides prompts from registry calls).
 */
export async function writeRegisteredModel<T>(
  mlflow: MlflowContext,
  name: string,
  write: RegistryWrite<T>,
  options: CallOptions,
): Promise<T> {
  await assertRegisteredModel(mlflow, name, options);
  return sendRegistryWrite(mlflow, write, options);
}
