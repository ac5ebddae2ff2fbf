import { RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { walkArtifacts } from '../artifacts/artifacts-api.js';
import { toMetricSeries } from '../metrics/map-metric-series.js';
import { fetchMetricHistory } from '../metrics/metrics-api.js';
import { runIdInput } from '../metrics/metrics-inputs.js';
import { parseRunId } from '../runs/run-id.js';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';

/** Metric histories read at most (one request each); further keys are counted, not read. */
const MAX_HISTORIES = 50;
const HISTORY_CONCURRENCY = 4;
/** Top-level artifact entries shown. */
const MAX_ARTIFACTS = 50;

const HistoryStatsSchema = z.object({
  points: z.number().describe('Values logged.'),
  lastStep: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  first: z.number().optional(),
  last: z.number().optional(),
  nonFinite: z.number().optional().describe('NaN/Infinity values, left out of min/max.'),
  historyCapped: z.boolean().optional(),
});

/** mlflow_summarize_run: a run with its history shape per metric and its top-level artifacts. */
export const summarizeRunTool = defineMlflowTool({
  name: 'mlflow_summarize_run',
  title: 'Summarize an MLflow run',
  description: 'One MLflow run with metric history stats and top-level artifacts.',
  namespace: 'mlflow',
  toolsets: ['summaries'],
  access: 'read',
  inputSchema: z.object({
    runId: runIdInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: z.object({
    run: RunSchema,
    history: z
      .record(z.string(), HistoryStatsSchema)
      .describe('Per metric key, over its whole history.'),
    historyOmitted: z
      .array(z.string())
      .optional()
      .describe(`Metric keys beyond the first ${MAX_HISTORIES} whose histories were not read.`),
    artifacts: z.object({
      items: z.array(
        z.object({ path: z.string(), isDir: z.boolean(), sizeBytes: z.number().optional() }),
      ),
      truncated: z.boolean().optional(),
    }),
  }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    const run = await client.getRun(runId, { signal, includeSystemTags: input.includeSystemTags });
    const keys = Object.keys(run.metrics ?? {}).sort();
    const read = keys.slice(0, MAX_HISTORIES);
    const [stats, tree] = await Promise.all([
      mapWithConcurrency(read, HISTORY_CONCURRENCY, async (key) => {
        const { points, capped } = await fetchMetricHistory(client, { runId, key }, { signal });
        const series = toMetricSeries(points, {
          runId,
          key,
          maxPoints: 2,
          includeTimestamps: false,
          historyCapped: capped,
        });
        const lastStep = points.reduce((most, point) => Math.max(most, point.step ?? 0), 0);
        const entry: z.infer<typeof HistoryStatsSchema> = { points: series.totalPoints, lastStep };
        if (series.stats) {
          const { min, max, first, last } = series.stats;
          Object.assign(entry, { min, max, first, last });
        }
        if (series.nonFinite) entry.nonFinite = series.nonFinite.count;
        if (capped) entry.historyCapped = true;
        return [key, entry] as const;
      }),
      walkArtifacts(client, { runId, maxDepth: 1, maxEntries: MAX_ARTIFACTS }, { signal }),
    ]);
    return {
      run,
      history: Object.fromEntries(stats),
      ...(keys.length > MAX_HISTORIES ? { historyOmitted: keys.slice(MAX_HISTORIES) } : {}),
      artifacts: {
        items: tree.items.map(({ path, isDir, sizeBytes }) => ({
          path,
          isDir,
          ...(sizeBytes !== undefined ? { sizeBytes } : {}),
        })),
        ...(tree.truncated ? { truncated: true } : {}),
      },
    };
  },
});
