import {
  ExperimentSchema,
  RankedBySchema,
  type Run,
  RunStatusSchema,
  resolveMetricDirection,
} from '@mlops-mcp/core';
import { z } from 'zod';
import {
  finiteMetric,
  MetricSpreadSchema,
  metricSpreads,
} from '../metrics/metric-stats-across-runs.js';
import { metricKeyInput } from '../metrics/metrics-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { directionInput, experimentIdInput, toExperimentId } from './summaries-inputs.js';

/** Runs read at most to count and rank; bigger experiments are summarised from the newest. */
const SCAN_CAP = 5_000;
const PAGE_SIZE = 1_000;
/** Metrics reported at most, most widely logged first. */
const MAX_METRICS = 100;
/** Runs without the ranked metric named at most (newest first). */
const MAX_UNRANKED_NAMED = 10;

const TopRunsSchema = RankedBySchema.extend({
  metric: z.string(),
  runsWithMetric: z.number(),
  runsWithoutMetric: z
    .object({
      count: z.number(),
      runs: z.array(z.object({ id: z.string(), name: z.string().optional() })),
    })
    .optional()
    .describe(
      `Runs left out of the ranking (no finite value); the newest ${MAX_UNRANKED_NAMED} named.`,
    ),
  runs: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      status: RunStatusSchema,
      value: z.number(),
      params: z.record(z.string(), z.string()),
    }),
  ),
});

/** mlflow_summarize_experiment: one answer for "how is this experiment going?". */
export const summarizeExperimentTool = defineMlflowTool({
  name: 'mlflow_summarize_experiment',
  title: 'Summarize an MLflow experiment',
  description:
    'One MLflow experiment at a glance: runs by status, metric spreads, top runs by a metric (reads up to 5000 runs).',
  namespace: 'mlflow',
  toolsets: ['summaries'],
  access: 'read',
  inputSchema: z.object({
    experimentId: experimentIdInput,
    metric: metricKeyInput.optional().describe('Rank runs by this metric.'),
    direction: directionInput.optional().describe('Default: from the metric name, else desc.'),
    top: z.number().int().min(1).max(20).default(5).describe('How many top runs to return.'),
    filter: z.string().max(2000).optional(),
  }),
  outputSchema: z.object({
    experiment: ExperimentSchema,
    runCount: z.number().describe('Runs read (all runs unless scanTruncated).'),
    scanTruncated: z
      .boolean()
      .optional()
      .describe(
        `True when the experiment has more than ${SCAN_CAP} matching runs; only the newest were read.`,
      ),
    statusCounts: z
      .partialRecord(RunStatusSchema, z.number())
      .describe('Runs per status; statuses with no runs are left out.'),
    metrics: z
      .record(z.string(), MetricSpreadSchema)
      .describe('Latest values across runs, per metric.'),
    metricsOmitted: z
      .number()
      .optional()
      .describe('Further metrics not shown (least widely logged).'),
    topRuns: TopRunsSchema.optional(),
  }),
  async handler(input, { client, signal }) {
    const experimentId = toExperimentId(input.experimentId, 'experimentId');
    const experiment = await client.getExperiment(experimentId, { signal });
    const runs: Run[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.searchRuns(
        {
          experimentIds: [experimentId],
          filter: input.filter,
          orderBy: ['attributes.start_time DESC'],
          limit: PAGE_SIZE,
          cursor,
        },
        { signal },
      );
      runs.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && runs.length < SCAN_CAP);

    const statusCounts: Partial<Record<Run['status'], number>> = {};
    for (const run of runs) statusCounts[run.status] = (statusCounts[run.status] ?? 0) + 1;
    const spreads = [...metricSpreads(runs).entries()];

    let topRuns: z.infer<typeof TopRunsSchema> | undefined;
    const metric = input.metric;
    if (metric !== undefined) {
      const rankedBy = resolveMetricDirection(metric, input.direction);
      const sign = rankedBy.direction === 'asc' ? 1 : -1;
      const scored = runs.map((run) => ({ run, value: finiteMetric(run, metric) }));
      const ranked = scored
        .filter((entry): entry is { run: Run; value: number } => entry.value !== undefined)
        .sort((a, b) => sign * (a.value - b.value));
      const unranked = scored.filter((entry) => entry.value === undefined);
      topRuns = {
        metric,
        ...rankedBy,
        runsWithMetric: ranked.length,
        ...(unranked.length > 0
          ? {
              runsWithoutMetric: {
                count: unranked.length,
                runs: unranked.slice(0, MAX_UNRANKED_NAMED).map(({ run }) => ({
                  id: run.id,
                  ...(run.name ? { name: run.name } : {}),
                })),
              },
            }
          : {}),
        runs: ranked.slice(0, input.top).map(({ run, value }) => ({
          id: run.id,
          ...(run.name ? { name: run.name } : {}),
          status: run.status,
          value,
          params: run.params ?? {},
        })),
      };
    }
    return {
      experiment,
      runCount: runs.length,
      ...(cursor ? { scanTruncated: true } : {}),
      statusCounts,
      metrics: Object.fromEntries(spreads.slice(0, MAX_METRICS)),
      ...(spreads.length > MAX_METRICS ? { metricsOmitted: spreads.length - MAX_METRICS } : {}),
      ...(topRuns ? { topRuns } : {}),
    };
  },
});
