import { type CallOptions, withHints } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API_V3, type MlflowContext } from '../shared/context.js';
import { requireTraceApi } from '../traces/traces-api.js';
import {
  GetScorerResponseSchema,
  type MlflowScorer,
  ScorerListResponseSchema,
} from './scorers-api-types.js';

/**
 * MLflow 3.x registered scorers (`/api/3.0/mlflow/scorers/...`; handlers `_list_scorers`,
 * `_list_scorer_versions`, `_get_scorer`, `_delete_scorer`). Scorers are LLM judges or code checks
 * registered to an experiment with `scorer.register(experiment_id=...)`, versioned by name.
 */

const API = `${MLFLOW_API_V3}/scorers`;

const NOT_FOUND_HINT =
  'Check the experiment id and scorer name; mlflow_list_scorers lists the scorers of an ' +
  'experiment and mlflow_list_scorer_versions their versions.';

/**
 * The latest version of every scorer of the given experiments, or of every active experiment
 * when none is given. One id goes as `experiment_id`, so an unknown experiment is a not_found;
 * several go as `experiment_ids`, where MLflow skips unknown ones.
 */
export async function listScorers(
  mlflow: MlflowContext,
  experimentIds: readonly string[],
  options: CallOptions = {},
): Promise<MlflowScorer[]> {
  await requireTraceApi(mlflow, options);
  const query =
    experimentIds.length === 1
      ? { experiment_id: experimentIds[0] }
      : experimentIds.length > 1
        ? { experiment_ids: [...experimentIds] }
        : {};
  const response = await withScorerHints(
    mlflow.http.request({
      method: 'GET',
      path: `${API}/list`,
      query,
      idempotent: true,
      signal: options.signal,
      schema: ScorerListResponseSchema,
      operation: 'list scorers',
    }),
  );
  return response.scorers;
}

/** Every version of one scorer, as MLflow orders them. */
export async function listScorerVersions(
  mlflow: MlflowContext,
  params: { experimentId: string; name: string },
  options: CallOptions = {},
): Promise<MlflowScorer[]> {
  await requireTraceApi(mlflow, options);
  const response = await withScorerHints(
    mlflow.http.request({
      method: 'GET',
      path: `${API}/versions`,
      query: { experiment_id: params.experimentId, name: params.name },
      idempotent: true,
      signal: options.signal,
      schema: ScorerListResponseSchema,
      operation: 'list scorer versions',
    }),
  );
  return response.scorers;
}

/** One version of a scorer, the latest when `version` is undefined. */
export async function getScorer(
  mlflow: MlflowContext,
  params: { experimentId: string; name: string; version?: number | undefined },
  options: CallOptions = {},
): Promise<MlflowScorer> {
  await requireTraceApi(mlflow, options);
  const response = await withScorerHints(
    mlflow.http.request({
      method: 'GET',
      path: `${API}/get`,
      query: { experiment_id: params.experimentId, name: params.name, version: params.version },
      signal: options.signal,
      schema: GetScorerResponseSchema,
      operation: 'get scorer',
    }),
  );
  return response.scorer;
}

/**
 * Deletes one version of a scorer, or all of them when `version` is undefined. MLflow reads the
 * parameters of this DELETE from a JSON body only (a query string is ignored).
 */
export async function deleteScorer(
  mlflow: MlflowContext,
  params: { experimentId: string; name: string; version?: number | undefined },
  options: CallOptions = {},
): Promise<void> {
  await requireTraceApi(mlflow, options);
  await withScorerHints(
    mlflow.http.request({
      method: 'DELETE',
      path: `${API}/delete`,
      body: { experiment_id: params.experimentId, name: params.name, version: params.version },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'delete scorer',
    }),
  );
}

/** Re-raises MLflow's errors with advice about scorers instead of the run-centred default. */
function withScorerHints<T>(call: Promise<T>): Promise<T> {
  return withHints(call, {
    not_found: NOT_FOUND_HINT,
    invalid_input: 'Experiment ids are numbers such as "12"; scorer names are case-sensitive.',
  });
}
