import {
  AuthError,
  BackendError,
  type HttpFailure,
  InvalidInputError,
  type MlopsError,
  NotFoundError,
} from '@mlops-mcp/core';
import { PrefectErrorSchema } from './prefect-api-types.js';
import { CsrfRejectedError } from './prefect-http.js';

const base = (failure: HttpFailure) => ({ backend: 'prefect' as const, status: failure.status });

/**
 * Maps Prefect's error bodies to typed errors. Prefect answers HTTPExceptions as
 * `{"detail": "..."}` and request validation failures (422) as
 * `{"exception_message": ..., "exception_detail": [{"loc": ["body", ...], "msg": ...}]}`
 * (prefect/server/api/server.py, validation_exception_handler); the latter becomes an
 * invalid_input naming the field that failed.
 */
export function mapPrefectError(failure: HttpFailure): MlopsError | undefined {
  const parsed = PrefectErrorSchema.safeParse(failure.json);
  if (!parsed.success) return undefined;
  const { detail, exception_detail: issues } = parsed.data;
  const message = typeof detail === 'string' ? detail : undefined;

  const first = issues?.[0];
  if (first) {
    const path = (first.loc ?? []).filter((part, i) => !(i === 0 && part === 'body')).join('.');
    return new InvalidInputError(
      `Prefect rejected ${failure.operation}: ${path ? `${path}: ` : ''}${first.msg ?? 'invalid value'}.`,
      {
        ...base(failure),
        field: path || undefined,
        hint: 'Fix the named field; ids are UUIDs and times ISO 8601 with a time zone.',
      },
    );
  }
  if (failure.status === 403 && message && /CSRF|client identifier/i.test(message)) {
    return new CsrfRejectedError(
      `Prefect's CSRF protection refused ${failure.operation}: ${message}`,
      {
        ...base(failure),
        hint: 'The gateway fetches a CSRF token and retries by itself; if this persists, check that /csrf-token is reachable.',
      },
    );
  }
  switch (failure.status) {
    case 401:
    case 403:
      return new AuthError(`Prefect denied ${failure.operation} (HTTP ${failure.status}).`, {
        ...base(failure),
        hint: 'Check PREFECT_API_KEY (Prefect Cloud) or PREFECT_API_AUTH_STRING (self-hosted) and the workspace URL.',
      });
    case 404:
      return new NotFoundError(`Prefect: ${message ?? `${failure.operation}: not found`}.`, {
        ...base(failure),
        hint: notFoundHint(failure.operation),
      });
    case 409:
      return new InvalidInputError(
        `Prefect refused ${failure.operation}: ${message ?? 'conflict'}.`,
        {
          ...base(failure),
          hint: 'The object already exists or is in a state that does not allow this.',
        },
      );
    case 400:
    case 422:
      return new InvalidInputError(
        `Prefect rejected ${failure.operation}: ${message ?? 'invalid input'}.`,
        {
          ...base(failure),
        },
      );
    default:
      if (message && failure.status < 500) {
        return new BackendError(
          `Prefect ${failure.operation} failed (HTTP ${failure.status}): ${message}`,
          base(failure),
        );
      }
      return undefined;
  }
}

/** Which listing tool yields valid ids for the object an operation is about. */
function notFoundHint(operation: string): string {
  if (/task run/.test(operation)) return 'Find task run ids with prefect_list_task_runs.';
  if (/flow run/.test(operation)) return 'Find flow run ids with prefect_list_flow_runs.';
  if (/deployment/.test(operation)) {
    return 'Find deployments with prefect_list_deployments; by name it is "<flow name>/<deployment name>".';
  }
  if (/work pool/.test(operation)) return 'Find work pool names with prefect_list_work_pools.';
  if (/automation/.test(operation)) return 'Find automation ids with prefect_list_automations.';
  if (/flow/.test(operation)) return 'Find flow ids with prefect_list_flows.';
  return 'Check the id or name; the prefect_list_* tools list valid ones.';
}
