import { InvalidInputError, MetricValueSchema, type Run, RunStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { parseRunId } from '../runs/run-id.js';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';

const Column = <T extends z.ZodType>(value: T) =>
  z.array(value.nullable()).describe('One entry per run, in `runs` order; null = not logged.');

/** mlflow_compare_runs: what differs between a few runs, side by side. */
export const compareRunsTool = defineMlflowTool({
  name: 'mlflow_compare_runs',
  title: 'Compare MLflow runs',
  description:
    "Compare 2-10 MLflow runs: params and tags that differ, every metric's latest value per run.",
  namespace: 'mlflow',
  toolsets: ['summaries'],
  access: 'read',
  inputSchema: z.object({
    runIds: z.array(z.string().min(1).max(200)).min(2).max(10),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: z.object({
    runs: z.array(
      z.object({
        id: z.string(),
        name: z.string().optional(),
        experimentId: z.string(),
        status: RunStatusSchema,
      }),
    ),
    params: z.object({
      differing: z.record(z.string(), Column(z.string())).describe('Params whose values differ.'),
      identical: z
        .record(z.string(), z.string())
        .describe('Params every run logged with the same value.'),
      identicalCount: z.number(),
    }),
    metrics: z.record(z.string(), Column(MetricValueSchema)).describe('Latest value per run.'),
    tags: z.object({
      differing: z.record(z.string(), Column(z.string())),
      identicalCount: z.number(),
    }),
  }),
  async handler(input, { client, signal }) {
    const ids = [...new Set(input.runIds.map((id) => parseRunId(id, 'runIds')))];
    if (ids.length < 2) {
      throw new InvalidInputError('Comparing needs at least two different runs.', {
        field: 'runIds',
        hint: 'Pass 2-10 distinct run ids from mlflow_search_runs.',
      });
    }
    const runs = await mapWithConcurrency(ids, 4, (id) =>
      client.getRun(id, { signal, includeSystemTags: input.includeSystemTags }),
    );
    const params = splitByAgreement(runs, (run) => run.params ?? {});
    const tags = splitByAgreement(runs, (run) => run.tags ?? {});
    const metricKeys = [...new Set(runs.flatMap((run) => Object.keys(run.metrics ?? {})))].sort();
    return {
      runs: runs.map((run) => ({
        id: run.id,
        ...(run.name ? { name: run.name } : {}),
        experimentId: run.experimentId,
        status: run.status,
      })),
      params: {
        differing: params.differing,
        identical: params.identical,
        identicalCount: Object.keys(params.identical).length,
      },
      metrics: Object.fromEntries(
        metricKeys.map((key) => [key, runs.map((run) => run.metrics?.[key] ?? null)]),
      ),
      tags: { differing: tags.differing, identicalCount: Object.keys(tags.identical).length },
    };
  },
});

/** Splits the union of keys into those every run has with one value and the rest, as columns. */
function splitByAgreement(
  runs: readonly Run[],
  pick: (run: Run) => Record<string, string>,
): { differing: Record<string, (string | null)[]>; identical: Record<string, string> } {
  const maps = runs.map(pick);
  const keys = [...new Set(maps.flatMap((map) => Object.keys(map)))].sort();
  const differing: Record<string, (string | null)[]> = {};
  const identical: Record<string, string> = {};
  for (const key of keys) {
    const column = maps.map((map) => map[key] ?? null);
    const first = column[0];
    if (first !== null && first !== undefined && column.every((value) => value === first)) {
      identical[key] = first;
    } else differing[key] = column;
  }
  return { differing, identical };
}
