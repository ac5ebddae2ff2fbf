import { InvalidInputError, NotFoundError, RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { finiteMetric } from '../metrics/metric-stats-across-runs.js';
import { metricKeyInput } from '../metrics/metrics-inputs.js';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  MAX_IMPLICIT_EXPERIMENTS,
  searchedExperimentIdsInput,
  searchedExperimentIdsOutput,
} from '../shared/searched-experiments.js';
import {
  directionInput,
  experimentIdInput,
  metricColumn,
  toExperimentId,
} from './summaries-inputs.js';

/** Candidates fetched: MLflow sorts NaN and missing values last, so the best is among the first. */
const CANDIDATES = 20;

/** mlflow_get_best_run: the single best run by one metric, with its params and metrics. */
export const getBestRunTool = defineMlflowTool({
  name: 'mlflow_get_best_run',
  title: 'Get the best MLflow run by a metric',
  description: 'The best MLflow run by one metric, with its params, metrics and the runner-up.',
  namespace: 'mlflow',
  toolsets: ['summaries'],
  access: 'read',
  inputSchema: z.object({
    experimentIds: searchedExperimentIdsInput(experimentIdInput),
    metric: metricKeyInput,
    direction: directionInput,
    filter: z.string().max(2000).optional(),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: z.object({
    metric: z.string(),
    direction: directionInput,
    value: z.number().describe("The best run's latest value of the metric."),
    run: RunSchema,
    runnerUp: z
      .object({ id: z.string(), name: z.string().optional(), value: z.number() })
      .optional(),
    experimentIds: searchedExperimentIdsOutput,
  }),
  async handler(input, { client, signal }) {
    const column = metricColumn(input.metric);
    const experimentIds = input.experimentIds?.length
      ? input.experimentIds.map((id) => toExperimentId(id, 'experimentIds'))
      : await client.listExperimentIds(MAX_IMPLICIT_EXPERIMENTS, { signal });
    if (experimentIds.length === 0) {
      throw new InvalidInputError('There are no active experiments to search.', {
        field: 'experimentIds',
      });
    }
    const page = await client.searchRuns(
      {
        experimentIds,
        filter: input.filter,
        orderBy: [`${column} ${input.direction.toUpperCase()}`, 'attributes.start_time DESC'],
        limit: CANDIDATES,
      },
      { signal, includeSystemTags: input.includeSystemTags },
    );
    const ranked = page.items
      .map((run) => ({ run, value: finiteMetric(run, input.metric) }))
      .filter((entry) => entry.value !== undefined);
    const [best, second] = ranked;
    if (!best || best.value === undefined) {
      throw new NotFoundError(
        `No run${input.filter ? ' matching the filter' : ''} in experiments ${experimentIds.slice(0, 10).join(', ')} has a numeric "${input.metric}".`,
        {
          backend: 'mlflow',
          field: 'metric',
          hint: "Check the key (mlflow_get_run lists a run's metrics) and the experiments.",
        },
      );
    }
    return {
      metric: input.metric,
      direction: input.direction,
      value: best.value,
      run: best.run,
      ...(second && second.value !== undefined
        ? {
            runnerUp: {
              id: second.run.id,
              ...(second.run.name ? { name: second.run.name } : {}),
              value: second.value,
            },
          }
        : {}),
      experimentIds,
    };
  },
});
