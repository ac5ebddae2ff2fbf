import {
  AuthError,
  type HttpFailure,
  InvalidInputError,
  type MlopsError,
  NotFoundError,
} from '@mlops-mcp/core';
import { MlflowErrorSchema } from './api-types.js';

/** Maps MLflow's `error_code` to typed errors with advice an agent can act on. */
export function mapMlflowError(failure: HttpFailure): MlopsError | undefined {
  const parsed = MlflowErrorSchema.safeParse(failure.json);
  if (!parsed.success) return undefined;
  const { error_code: code, message = '' } = parsed.data;
  const base = { backend: 'mlflow' as const, status: failure.status };
  switch (code) {
    case 'RESOURCE_DOES_NOT_EXIST':
      return new NotFoundError(`MLflow: ${message}`, {
        ...base,
        hint: 'Check the id; search tools (mlflow_search_runs, mlflow_search_experiments) list valid ids.',
      });
    case 'INVALID_PARAMETER_VALUE':
    case 'BAD_REQUEST':
    case 'INVALID_STATE':
    case 'RESOURCE_ALREADY_EXISTS':
      return new InvalidInputError(`MLflow rejected ${failure.operation}: ${message}`, {
        ...base,
        hint: "Fix the input named in the message. Filter syntax: metrics.acc > 0.9 and params.lr = '0.01' and tags.team = 'x' (strings in single quotes).",
      });
    case 'PERMISSION_DENIED':
    case 'UNAUTHENTICATED':
      return new AuthError(`MLflow denied ${failure.operation}.`, {
        ...base,
        hint: "Check MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD and the user's permissions.",
      });
    default:
      return undefined;
  }
}
