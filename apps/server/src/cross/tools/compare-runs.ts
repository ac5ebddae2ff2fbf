import { InvalidInputError, MetricValueSchema, type Run, type Tracking } from '@mlops-mcp/core';
import { z } from 'zod';
import { type CrossContext, defineCrossTool } from '../cross-context.js';
import { refTarget } from '../ref-target.js';

const MAX_KEYS = 60;

/** The tracking capability and run id a ref uri stands for. */
function runTarget(
  uri: string,
  client: Pick<CrossContext, 'adapters'>,
): { tracking: Tracking; id: string } {
  const { backend, target } = refTarget(uri, client, ['run']);
  if (!backend) {
    throw new InvalidInputError(`"${uri.slice(0, 120)}" is not a run ref uri.`, {
      field: 'runs',
      hint: 'Pass ref.uri values from mlops_search_runs or a backend search, e.g. mlflow://runs/<id>.',
    });
  }
  const tracking = target?.adapter.capabilities.tracking;
  if (!target || !tracking) {
    throw new InvalidInputError(
      `The ${backend} backend is not enabled, so ${uri} cannot be read.`,
      { field: 'runs' },
    );
  }
  return { tracking, id: target.id };
}

function columns<V>(runs: Run[], pick: (run: Run) => Record<string, V> | undefined) {
  const keys = [...new Set(runs.flatMap((run) => Object.keys(pick(run) ?? {})))].sort();
  return keys.map((key) => ({ key, values: runs.map((run) => pick(run)?.[key] ?? null) }));
}

/** mlops_compare_runs: runs from any backends side by side — differing params, all metrics. */
export const crossCompareRunsTool = defineCrossTool({
  name: 'mlops_compare_runs',
  title: 'Compare runs across backends',
  description:
    'Compare 2-10 runs of any backend: params/config that differ, metrics one row per key.',
  namespace: 'mlops',
  needs: ['tracking'],
  toolsets: ['cross', 'runs'],
  access: 'read',
  inputSchema: z.object({
    runs: z.array(z.string().min(1).max(300)).min(2).max(10),
  }),
  outputSchema: z.object({
    runs: z.array(
      z.object({
        uri: z.string(),
        backend: z.string(),
        name: z.string().optional(),
        status: z.string(),
      }),
    ),
    differingParams: z.array(z.object({ key: z.string(), values: z.array(z.string().nullable()) })),
    identicalParams: z.number(),
    metrics: z.array(z.object({ key: z.string(), values: z.array(MetricValueSchema.nullable()) })),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal }) {
    const runs = await Promise.all(
      input.runs.map((uri) => {
        const { tracking, id } = runTarget(uri, client);
        return tracking.getRun(id, { signal });
      }),
    );
    const params = columns(runs, (run) => run.params);
    const differing = params.filter(
      (column) => new Set(column.values.map((v) => JSON.stringify(v))).size > 1,
    );
    const metrics = columns(runs, (run) => run.metrics);
    const truncated = differing.length > MAX_KEYS || metrics.length > MAX_KEYS;
    const output = {
      runs: runs.map((run) => ({
        uri: run.ref.uri,
        backend: run.ref.backend,
        ...(run.name ? { name: run.name } : {}),
        status: run.status,
      })),
      differingParams: differing.slice(0, MAX_KEYS),
      identicalParams: params.length - differing.length,
      metrics: metrics.slice(0, MAX_KEYS),
    };
    return truncated ? { ...output, truncated } : output;
  },
});
