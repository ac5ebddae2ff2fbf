import { z } from 'zod';

/** The tracking and orchestration backends this project speaks to. */
export const BackendIdSchema = z.enum(['mlflow', 'wandb', 'prefect']);
export type BackendId = z.infer<typeof BackendIdSchema>;

/** Kinds of entity a ref can point at; each has one URI form per backend. */
export const EntityKindSchema = z.enum([
  'experiment',
  'run',
  'artifact',
  'registered-model',
  'model-version',
  'trace',
  'span',
  'flow',
  'flow-run',
  'deployment',
]);
export type EntityKind = z.infer<typeof EntityKindSchema>;

/**
 * A pointer to one entity on one backend. `uri` is stable and can be handed to any tool that
 * takes a ref (for example a run found by `mlops_search_runs` into `mlflow_get_run`).
 */
export const EntityRefSchema = z.object({
  backend: BackendIdSchema,
  kind: EntityKindSchema,
  id: z.string(),
  uri: z.string(),
  url: z.string().optional(),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;

const PLURAL: Record<EntityKind, string> = {
  experiment: 'experiments',
  run: 'runs',
  artifact: 'artifacts',
  'registered-model': 'registered-models',
  'model-version': 'model-versions',
  trace: 'traces',
  span: 'spans',
  flow: 'flows',
  'flow-run': 'flow-runs',
  deployment: 'deployments',
};

/**
 * Builds the stable URI of an entity: `<backend>://<scope/>*<kinds>/<id>`, e.g.
 * `mlflow://runs/abc`, `wandb://acme/llm/runs/x1`, `prefect://flow-runs/<uuid>`.
 * `scope` holds the path segments a backend needs before the kind (W&B entity and project).
 */
export function entityUri(
  backend: BackendId,
  kind: EntityKind,
  id: string,
  scope: readonly string[] = [],
): string {
  const parts = [...scope, PLURAL[kind], id].map((part) => encodeURIComponent(part));
  return `${backend}://${parts.join('/')}`;
}

/** Builds a full ref with its URI. */
export function makeRef(
  backend: BackendId,
  kind: EntityKind,
  id: string,
  options: { scope?: readonly string[]; url?: string | undefined } = {},
): EntityRef {
  const ref: EntityRef = { backend, kind, id, uri: entityUri(backend, kind, id, options.scope) };
  if (options.url !== undefined) ref.url = options.url;
  return ref;
}

/**
 * Parses a `<backend>://<scope/>*<kinds>/<id>` uri whatever its backend, including one this
 * project does not ship (an adapter a library user adds); undefined for anything else.
 */
export function parseRefUri(
  uri: string,
): { backend: string; kind: EntityKind; id: string; scope: string[] } | undefined {
  const match = /^([a-z]+):\/\/(.+)$/.exec(uri);
  if (!match) return undefined;
  const segments = match[2]!.split('/').map((segment) => decodeURIComponent(segment));
  if (segments.length < 2) return undefined;
  const id = segments.at(-1)!;
  const plural = segments.at(-2)!;
  const kind = (Object.keys(PLURAL) as EntityKind[]).find((k) => PLURAL[k] === plural);
  if (!kind || id === '') return undefined;
  return { backend: match[1]!, kind, id, scope: segments.slice(0, -2) };
}

/** Parses a URI built by `entityUri`; returns undefined for anything else. */
export function parseEntityUri(
  uri: string,
): { backend: BackendId; kind: EntityKind; id: string; scope: string[] } | undefined {
  const backend = BackendIdSchema.safeParse(/^([a-z]+):\/\//.exec(uri)?.[1]);
  if (!backend.success) return undefined;
  const parsed = parseRefUri(uri);
  return parsed && { ...parsed, backend: backend.data };
}
