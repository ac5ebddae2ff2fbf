import {
  AuthError,
  type HttpFailure,
  InvalidInputError,
  type MlopsError,
  NotFoundError,
} from '@mlops-mcp/core';
import { WeaveErrorBodySchema } from './weave-api-types.js';

/**
 * Maps the trace server's error answers to typed errors. Its bodies carry the message under
 * `reason` (weave's error registry, trace_server/errors.py) or, for a body that failed request
 * validation, FastAPI's `detail` list. Auth messages never repeat the key.
 */
export function mapWeaveError(failure: HttpFailure): MlopsError | undefined {
  const base = { backend: 'wandb' as const, status: failure.status };
  const reason = reasonOf(failure.json);
  if (failure.status === 401) {
    return new AuthError('The Weave trace server rejected the W&B API key (HTTP 401).', {
      ...base,
      hint: 'Check WANDB_API_KEY (or the key `wandb login` stored in ~/.netrc) for this W&B host.',
    });
  }
  if (failure.status === 403) {
    return new AuthError(`The W&B API key may not ${failure.operation} here (HTTP 403).`, {
      ...base,
      hint: 'The key works but has no access to this entity/project; check the project name and team membership.',
    });
  }
  if (failure.status === 404) {
    return new NotFoundError(`Weave ${failure.operation}: ${reason || 'not found'}.`, {
      ...base,
      hint: 'Check the project and the id or name; wandb_search_calls and wandb_list_objects list valid ones.',
    });
  }
  if (failure.status === 400 || failure.status === 413 || failure.status === 422) {
    return new InvalidInputError(
      `Weave rejected ${failure.operation}: ${reason || 'bad request'}.`,
      {
        ...base,
        hint:
          failure.status === 413
            ? 'The request is too large; send less.'
            : 'Fix the input named in the message; query operators are $and $or $not $eq $gt $gte $lt $lte $in $contains over $getField/$literal/$convert.',
      },
    );
  }
  return undefined;
}

function reasonOf(json: unknown): string {
  const parsed = WeaveErrorBodySchema.safeParse(json);
  if (!parsed.success) return '';
  const { reason, message, detail } = parsed.data;
  if (reason) return reason.slice(0, 500);
  if (message) return message.slice(0, 500);
  if (typeof detail === 'string') return detail.slice(0, 500);
  const first = detail?.[0];
  if (!first) return '';
  const where = first.loc?.filter((part) => typeof part === 'string' || typeof part === 'number');
  return `${where?.length ? `${where.join('.')}: ` : ''}${first.msg}`.slice(0, 500);
}
