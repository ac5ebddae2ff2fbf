import {
  type Artifact,
  type CallOptions,
  type CappedBytes,
  decodeCursor,
  InvalidInputError,
  MlopsError,
  NotFoundError,
  type Page,
  readCapped,
} from '@mlops-mcp/core';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { resumedPage } from '../shared/resumable-page.js';
import { parseArtifactPath } from './artifact-path.js';
import { ListArtifactsResponseSchema } from './artifacts-api-types.js';
import { mapArtifact } from './map-artifact.js';

/** Directories listed in parallel while walking a tree. */
const LIST_CONCURRENCY = 4;

/**
 * One directory level of a run's artifacts (`path` '' or undefined = the root), resumable with
 * `cursor`. Wire as `Tracking.listArtifacts`. The path is validated before any request.
 */
export async function listArtifacts(
  mlflow: MlflowContext,
  runId: string,
  path: string | undefined,
  options?: CallOptions & { cursor?: string | undefined },
): Promise<Page<Artifact>> {
  const dir = parseArtifactPath(path ?? '');
  const { token, skip = 0 } = decodeCursor(options?.cursor);
  const response = await mlflow.http.request({
    method: 'GET',
    path: `${MLFLOW_API}/artifacts/list`,
    query: { run_id: runId, path: dir || undefined, page_token: token },
    signal: options?.signal,
    schema: ListArtifactsResponseSchema,
    operation: 'list artifacts',
  });
  const items = response.files.slice(skip).map((file) => mapArtifact(runId, file, mlflow.baseUrl));
  return resumedPage(items, response.next_page_token, token, skip);
}

export interface ArtifactTree {
  /** Entries in breadth-first order: a directory's children follow all shallower entries. */
  items: Artifact[];
  /** True when `maxEntries` left entries out. */
  truncated: boolean;
  /** Directories at `maxDepth` (or past the entry cap) whose contents were not listed. */
  unlisted: string[];
}

/**
 * Lists a run's artifacts under `path` breadth-first, `maxDepth` levels deep (1 = just that
 * directory), stopping at `maxEntries` entries, and says what it left out.
 */
export async function walkArtifacts(
  mlflow: MlflowContext,
  params: { runId: string; path?: string | undefined; maxDepth: number; maxEntries: number },
  options?: CallOptions,
): Promise<ArtifactTree> {
  const items: Artifact[] = [];
  const unlisted: string[] = [];
  let truncated = false;
  let level = [parseArtifactPath(params.path ?? '')];
  for (let depth = 1; level.length > 0 && !truncated; depth++) {
    const listings = await mapWithConcurrency(level, LIST_CONCURRENCY, (dir) =>
      listWholeDirectory(mlflow, params.runId, dir, params.maxEntries, options),
    );
    const next: string[] = [];
    for (const artifact of listings.flat()) {
      if (items.length >= params.maxEntries) {
        truncated = true;
        break;
      }
      items.push(artifact);
      if (artifact.isDir) (depth < params.maxDepth ? next : unlisted).push(artifact.path);
    }
    if (truncated) unlisted.push(...next);
    level = next;
  }
  return { items, truncated, unlisted };
}

/** All entries of one directory, following MLflow's page tokens up to `cap` entries. */
async function listWholeDirectory(
  mlflow: MlflowContext,
  runId: string,
  dir: string,
  cap: number,
  options?: CallOptions,
): Promise<Artifact[]> {
  const entries: Artifact[] = [];
  let cursor: string | undefined;
  do {
    const page = await listArtifacts(mlflow, runId, dir, { ...options, cursor });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && entries.length <= cap);
  return entries;
}

/**
 * Downloads at most `maxBytes` of one artifact file through the tracking server's artifact
 * proxy (`/get-artifact`, which works for every artifact store the server can read), asking
 * for a byte range so a large file is never transferred whole.
 */
export async function readArtifactBytes(
  mlflow: MlflowContext,
  params: { runId: string; path: string; maxBytes: number },
  options?: CallOptions,
): Promise<CappedBytes> {
  const path = parseArtifactPath(params.path);
  if (path === '') {
    throw new InvalidInputError('Reading an artifact needs the path of a file.', {
      field: 'path',
      hint: "List the run's files with mlflow_list_artifacts and pass one of their paths.",
    });
  }
  try {
    return await readCapped(
      mlflow.http,
      {
        path: 'get-artifact',
        query: { path, run_uuid: params.runId },
        signal: options?.signal,
        operation: 'read artifact',
      },
      params.maxBytes,
    );
  } catch (error) {
    throw clarifyReadError(error, params.runId, path);
  }
}

/** MLflow's artifact errors name internal storage paths; restate them in the caller's terms. */
function clarifyReadError(error: unknown, runId: string, path: string): unknown {
  if (!MlopsError.isInstance(error)) return error;
  if (error.kind === 'invalid_input' && /directory/i.test(error.message)) {
    return new InvalidInputError(`"${path}" is a directory of run ${runId}, not a file.`, {
      backend: 'mlflow',
      field: 'path',
      hint: `List it with mlflow_list_artifacts (runId ${runId}, path "${path}") and read one of its files.`,
    });
  }
  if (error.kind === 'not_found' && /artifact/i.test(error.message)) {
    return new NotFoundError(`Run ${runId} has no artifact "${path}".`, {
      backend: 'mlflow',
      field: 'path',
      hint: 'mlflow_list_artifacts shows the paths this run logged.',
    });
  }
  return error;
}
