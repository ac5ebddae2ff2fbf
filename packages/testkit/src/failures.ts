import { MlopsError } from '@mlops-mcp/core';
import type { z } from 'zod';

/** The error `call` rejects with, whatever it is; throws (failing the test) when it resolves. */
export async function rejection(call: Promise<unknown>): Promise<MlopsError & z.ZodError> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as MlopsError & z.ZodError,
  );
}

/** The MlopsError `call` rejects with; throws when it resolves or fails with anything else. */
export async function failure(call: Promise<unknown>): Promise<MlopsError> {
  const error = await rejection(call);
  if (!MlopsError.isInstance(error))
    throw new Error(`expected an MlopsError, got ${String(error)}`);
  return error;
}

/** Paths of the schema issues of a rejected input, e.g. ["tags.mlflow.note"]. */
export const issuePaths = (error: z.ZodError) => error.issues.map((issue) => issue.path.join('.'));
