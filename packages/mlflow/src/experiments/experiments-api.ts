import {
  type CallOptions,
  type Experiment,
  InvalidInputError,
  type KindHints,
  MlopsError,
  rehint,
  withHints,
} from '@mlops-mcp/core';
import { EmptyResponseSchema, GetExperimentResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext, type MlflowReadOptions } from '../shared/context.js';
import { toKeyValues } from '../shared/key-values.js';
import { CreateExperimentResponseSchema } from './experiments-api-types.js';
import { mapExperiment } from './map-experiment.js';

/**
 * MLflow experiment endpoints beyond search/get (which the adapter has): lookup by name,
 * create, rename, delete, restore and experiment tags. Writes are sent once, never retried.
 */

const FIND_IT =
  'Find experiment ids with mlflow_search_experiments or mlflow_get_experiment_by_name.';

/** The experiment writes that answer with nothing: the name of each and advice on failure. */
const EXPERIMENT_POSTS = {
  delete: {
    operation: 'delete experiment',
    hints: {
      not_found: `MLflow only deletes active experiments: this id does not exist or is already deleted (mlflow_get_experiment shows its lifecycle). ${FIND_IT}`,
    },
  },
  restore: {
    operation: 'restore experiment',
    hints: {
      not_found:
        'MLflow only restores deleted experiments: this id does not exist or is already active (mlflow_get_experiment shows its lifecycle). Deleted ones are listed by mlflow_search_experiments with includeDeleted.',
    },
  },
  'set-experiment-tag': {
    operation: 'set experiment tag',
    hints: {
      not_found: FIND_IT,
      invalid_input:
        'Tags can only be set on active experiments, with keys of letters, digits, _ - . : / and spaces.',
    },
  },
  'delete-experiment-tag': {
    operation: 'delete experiment tag',
    hints: {
      not_found:
        'Either the experiment id or the tag key does not exist; mlflow_get_experiment lists the experiment and its tags.',
      invalid_input: 'Tags can only be deleted from active experiments.',
    },
  },
} satisfies Record<string, { operation: string; hints: KindHints }>;

/** A POST to `experiments/<endpoint>` that answers with nothing; failures get its hints. */
async function postToExperiment(
  client: MlflowContext,
  endpoint: keyof typeof EXPERIMENT_POSTS,
  body: Record<string, unknown>,
  options: CallOptions,
): Promise<void> {
  const { operation, hints } = EXPERIMENT_POSTS[endpoint];
  await withHints(
    client.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/experiments/${endpoint}`,
      body,
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation,
    }),
    hints,
  );
}

/** Looks an experiment up by its exact name (active or deleted). */
export async function getExperimentByName(
  client: MlflowContext,
  name: string,
  options: MlflowReadOptions = {},
): Promise<Experiment> {
  const response = await withHints(
    client.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/experiments/get-by-name`,
      query: { experiment_name: name },
      signal: options.signal,
      schema: GetExperimentResponseSchema,
      operation: 'get experiment by name',
    }),
    {
      not_found:
        'Names are exact and case-sensitive; mlflow_search_experiments with filter "name LIKE \'%part%\'" finds near matches.',
    },
  );
  return mapExperiment(response.experiment, {
    baseUrl: client.baseUrl,
    includeSystemTags: options.includeSystemTags ?? false,
  });
}

export interface CreateExperimentParams {
  name: string;
  artifactLocation?: string | undefined;
  tags?: Record<string, string> | undefined;
}

/** Creates an experiment and returns its id. A taken name is an InvalidInputError on `name`. */
export async function createExperiment(
  client: MlflowContext,
  params: CreateExperimentParams,
  options: CallOptions = {},
): Promise<string> {
  try {
    const response = await client.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/experiments/create`,
      body: {
        name: params.name,
        artifact_location: params.artifactLocation,
        tags: params.tags ? toKeyValues(params.tags) : undefined,
      },
      signal: options.signal,
      schema: CreateExperimentResponseSchema,
      operation: 'create experiment',
    });
    return response.experiment_id;
  } catch (error) {
    const explained = await explainTakenName(client, error, params.name, 'name', options);
    throw withKindHints(explained, {
      invalid_input:
        'Fix the field named in the message: names are at most 500 characters, artifact locations are URIs (s3://bucket/path, file:///path), tag keys use letters, digits, _ - . : / and spaces.',
    });
  }
}

/** Renames an active experiment. A taken name is an InvalidInputError on `newName`. */
export async function renameExperiment(
  client: MlflowContext,
  experimentId: string,
  newName: string,
  options: CallOptions = {},
): Promise<void> {
  try {
    await client.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/experiments/update`,
      body: { experiment_id: experimentId, new_name: newName },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'rename experiment',
    });
  } catch (error) {
    const explained = await explainTakenName(client, error, newName, 'newName', options);
    throw withKindHints(explained, {
      not_found: FIND_IT,
      invalid_input:
        'Only active experiments can be renamed (restore a deleted one first with mlflow_restore_experiment).',
    });
  }
}

/** Marks an active experiment (and its runs) deleted; mlflow_restore_experiment undoes it. */
export async function deleteExperiment(
  client: MlflowContext,
  experimentId: string,
  options: CallOptions = {},
): Promise<void> {
  const body = { experiment_id: experimentId };
  await postToExperiment(client, 'delete', body, options);
}

/** Brings a deleted experiment (and the runs deleted with it) back. */
export async function restoreExperiment(
  client: MlflowContext,
  experimentId: string,
  options: CallOptions = {},
): Promise<void> {
  const body = { experiment_id: experimentId };
  await postToExperiment(client, 'restore', body, options);
}

/** Sets (or overwrites) one tag on an active experiment. */
export async function setExperimentTag(
  client: MlflowContext,
  experimentId: string,
  key: string,
  value: string,
  options: CallOptions = {},
): Promise<void> {
  const body = { experiment_id: experimentId, key, value };
  await postToExperiment(client, 'set-experiment-tag', body, options);
}

/** Deletes one tag of an active experiment; a missing key is a NotFoundError. */
export async function deleteExperimentTag(
  client: MlflowContext,
  experimentId: string,
  key: string,
  options: CallOptions = {},
): Promise<void> {
  const body = { experiment_id: experimentId, key };
  await postToExperiment(client, 'delete-experiment-tag', body, options);
}

/**
 * MLflow answers a taken experiment name with a raw SQL integrity error (and a deleted
 * experiment keeps its name). When `name` turns out to exist, replace that with an error that
 * says which experiment holds it and what to do; otherwise return `error` as it was.
 */
async function explainTakenName(
  client: MlflowContext,
  error: unknown,
  name: string,
  field: string,
  options: CallOptions,
): Promise<unknown> {
  if (!MlopsError.isInstance(error) || error.kind !== 'invalid_input') return error;
  let holder: Experiment;
  try {
    holder = await getExperimentByName(client, name, options);
  } catch {
    return error;
  }
  const deleted = holder.lifecycle === 'deleted';
  return new InvalidInputError(
    `An MLflow experiment named "${name}" already exists (id ${holder.id}${deleted ? ', deleted' : ''}).`,
    {
      backend: 'mlflow',
      status: error.status,
      field,
      cause: error,
      hint: deleted
        ? `A deleted experiment keeps its name: restore it with mlflow_restore_experiment (experimentId "${holder.id}") or choose another name.`
        : `Use the existing experiment (experimentId "${holder.id}") or choose another name.`,
    },
  );
}

/** Rehints `error` unless explainTakenName already rewrote it (it names the field at fault). */
function withKindHints(error: unknown, hints: KindHints): unknown {
  if (MlopsError.isInstance(error) && error.field) return error;
  return rehint(error, hints);
}
