import { z } from 'zod';
import { directionInput, metricInput, mlflowMetricColumn } from './metric-inputs.js';
import type { PromptContext } from './prompt-context.js';
import { type PromptPlan, type PromptStep, renderPlan } from './prompt-step.js';
import {
  backendInput,
  backendsWith,
  experimentInput,
  mlflowScope,
  wandbScope,
  withExperiments,
} from './scope-inputs.js';
import type { WorkflowPrompt } from './workflow-prompt.js';

/** The top-N comparison request, as parsed from the prompt arguments. */
interface TopRuns {
  experiment?: string | undefined;
  metric: string;
  direction: 'asc' | 'desc';
  n: number;
}

const REPORT =
  'Report a table of the runs ranked by the metric with the params (config) that differ, then which settings seem to drive ' +
  'the metric, how big the margins are, and what to try next.';

/** The `n` argument, the same whichever backends are enabled. */
const N_INPUT = z
  .string()
  .regex(/^([2-9]|10)$/, 'n is a whole number from 2 to 10.')
  .default('5')
  .describe('How many runs to compare, 2-10.');

/** `compare_top_runs`, when MLflow or W&B run search is selected. */
export function compareTopRunsPrompt(ctx: PromptContext): WorkflowPrompt | undefined {
  const [first, ...rest] = backendsWith(ctx, {
    mlflow: 'mlflow_search_runs',
    wandb: 'wandb_search_runs',
  });
  if (!first) return undefined;
  const argsSchema = z.object({
    backend: backendInput([first, ...rest]),
    experiment: experimentInput,
    metric: metricInput,
    direction: directionInput,
    n: N_INPUT,
  });
  return {
    name: 'compare_top_runs',
    title: 'Compare the top runs',
    description:
      'Find the N best runs of an experiment (MLflow) or project (W&B) by one metric and compare their params, metrics and curves.',
    argsSchema,
    render: ({ backend, n, ...rest }: z.output<typeof argsSchema>) => {
      const request = { ...rest, n: Number(n) };
      return renderPlan(ctx, backend === 'mlflow' ? mlflowPlan(request) : wandbPlan(request));
    },
  };
}

/** The cross-backend comparison, for gateways that list it instead of the backend's own. */
function compareAcross(request: TopRuns): PromptStep {
  return {
    tool: 'mlops_compare_runs',
    args: { runs: [`<ref.uri of each of the ${request.n} runs>`] },
    why: 'Compare them side by side: the params (config) that differ and every metric per run.',
  };
}

function rank(request: TopRuns): string {
  return `${request.direction === 'desc' ? 'highest' : 'lowest'} ${request.metric}`;
}

function mlflowPlan(request: TopRuns): PromptPlan {
  const scope = mlflowScope(request.experiment);
  const column = mlflowMetricColumn(request.metric);
  const runIds = [`<ids of the ${request.n} runs>`];
  return {
    goal: `Compare the ${request.n} MLflow runs with the ${rank(request)} in ${request.experiment ? `experiment ${request.experiment}` : 'every active experiment'}.`,
    steps: [
      ...scope.steps,
      {
        tool: 'mlflow_search_runs',
        args: withExperiments(scope, {
          orderBy: [`${column} ${request.direction.toUpperCase()}`],
          limit: request.n,
          fields: ['name', 'status', 'experimentId', `metrics.${request.metric}`],
        }),
        why: `Find the ${request.n} runs with the ${rank(request)} (runs that never logged it sort last: leave them out).`,
      },
      {
        tool: 'mlflow_compare_runs',
        args: { runIds },
        why: 'Compare them side by side: the params that differ, every metric per run, the tags that differ.',
        or: [compareAcross(request)],
      },
      {
        tool: 'mlflow_get_metric_histories',
        args: { runIds, keys: [request.metric] },
        why: `Compare how ${request.metric} evolved: was the best still improving, did others plateau or diverge?`,
        or: [
          {
            tool: 'mlflow_get_metric_history',
            args: { runId: '<id of each run>', key: request.metric },
            why: `Compare how ${request.metric} evolved in each: was the best still improving, did others plateau or diverge?`,
          },
        ],
      },
    ],
    report: REPORT,
  };
}

function wandbPlan(request: TopRuns): PromptPlan {
  const scope = wandbScope(request.experiment);
  const key = `summary_metrics.${request.metric}`;
  return {
    goal: `Compare the ${request.n} W&B runs with the ${rank(request)} in ${request.experiment ? `project ${request.experiment}` : 'the default project'}.`,
    steps: [
      {
        tool: 'wandb_search_runs',
        args: {
          ...scope,
          filters: JSON.stringify({ [key]: { $exists: true } }),
          order: `${request.direction === 'desc' ? '-' : '+'}${key}`,
          limit: request.n,
          fields: ['name', 'status', `summary.${request.metric}`],
        },
        why: `Find the ${request.n} runs with the ${rank(request)}.`,
      },
      {
        tool: 'wandb_compare_runs',
        args: { ...scope, runs: [`<ids of the ${request.n} runs>`] },
        why: 'Compare them: the config keys whose values differ and the summary metrics side by side.',
        or: [compareAcross(request)],
      },
      {
        tool: 'wandb_get_metric_history',
        args: { ...scope, run: '<id of each run>', keys: [request.metric] },
        why: `Compare how ${request.metric} evolved in each: was the best still improving, did others plateau or diverge?`,
      },
    ],
    report: REPORT,
  };
}
