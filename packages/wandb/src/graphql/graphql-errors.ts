import {
  AuthError,
  BackendError,
  type HttpFailure,
  InvalidInputError,
  type MlopsError,
  NotFoundError,
  UnsupportedCapabilityError,
} from '@mlops-mcp/core';
import { GraphqlEnvelopeSchema, type GraphqlError } from './graphql-envelope.js';

const base = { backend: 'wandb' as const };

/** What the agent should do when W&B rejects the key; never repeats the key itself. */
export const WANDB_KEY_HINT =
  'Set WANDB_API_KEY to a valid key (or run `wandb login`, which writes ~/.netrc); keys are at ' +
  'https://wandb.ai/authorize (or <your server>/authorize).';

/**
 * Maps W&B's HTTP failures for the shared HttpClient: 401/403 become an AuthError that says the
 * key was rejected without printing it; a GraphQL `errors` body on a 4xx/5xx is mapped like one
 * on a 200. Returns undefined for the client's default mapping (retries, 5xx, 429).
 */
export function mapWandbHttpFailure(failure: HttpFailure): MlopsError | undefined {
  if (failure.status === 401 || failure.status === 403) {
    return new AuthError(`W&B rejected the API key (HTTP ${failure.status}).`, {
      ...base,
      status: failure.status,
      hint: WANDB_KEY_HINT,
    });
  }
  if (failure.status >= 500) return undefined;
  const envelope = GraphqlEnvelopeSchema.safeParse(failure.json);
  const errors = envelope.success ? envelope.data.errors : undefined;
  if (errors?.length) return mapGraphqlErrors(errors, failure.operation, failure.status);
  return undefined;
}

/**
 * Maps a GraphQL `errors` list to one typed error, from the first message: W&B reports missing
 * entities, permissions and schema mismatches only in message text, so the text decides.
 */
export function mapGraphqlErrors(
  errors: readonly GraphqlError[],
  operation: string,
  status?: number,
): MlopsError {
  const message = errors[0]?.message.slice(0, 500) ?? 'unknown error';
  const options = { ...base, status };
  if (/not found|could not find|does not exist|no such/i.test(message)) {
    return new NotFoundError(`W&B ${operation}: ${message}`, {
      ...options,
      hint: 'Check the entity, project and id; wandb_list_projects and wandb_search_runs list valid ones.',
    });
  }
  if (/permission|not authorized|unauthorized|forbidden|access denied/i.test(message)) {
    return new AuthError(`W&B denied ${operation}: ${message}`, {
      ...options,
      hint: 'The API key works but its user cannot see this entity or project; check team membership.',
    });
  }
  if (/cannot query field|unknown argument|unknown type|cannot represent/i.test(message)) {
    return new UnsupportedCapabilityError(
      `This W&B server does not support ${operation}: ${message}`,
      {
        ...options,
        hint: 'The server may be an older W&B Server release; the other wandb_* tools still work.',
      },
    );
  }
  if (/invalid|must be|expected|malformed|parse/i.test(message)) {
    return new InvalidInputError(`W&B rejected ${operation}: ${message}`, {
      ...options,
      hint: 'Fix the input named in the message (filters, order, names).',
    });
  }
  return new BackendError(`W&B ${operation} failed: ${message}`, options);
}
