import { z } from 'zod';
import { advertisedInputOf } from '../tools/tool-listing.js';
import { hasTool, type PromptContext } from './prompt-context.js';
import { type PromptPlan, type PromptStep, renderPlan } from './prompt-step.js';
import { resolveWindow, type WindowStart, windowInput } from './time-window.js';
import type { WorkflowPrompt } from './workflow-prompt.js';

/** Tools whose presence means a backend can answer "what failed"; any one registers the prompt. */
const ENTRY_TOOLS = [
  'mlops_what_failed',
  'prefect_get_overview',
  'mlflow_search_runs',
  'mlflow_search_traces',
  'wandb_search_runs',
  'wandb_summarize_traces',
  'prefect_list_flow_runs',
];

const REPORT =
  'Summarize per backend: what failed (name, when, ref.url), the error, the likely cause and what to do about it; then what is ' +
  'still failing or at risk now. Say "nothing failed" for a backend when so, and name any backend you could not reach.';

const ARGS = z.object({ window: windowInput('12h') });

/** `what_failed_overnight`, when any backend with failure-finding tools is enabled. */
export function whatFailedOvernightPrompt(
  ctx: PromptContext,
): WorkflowPrompt<typeof ARGS> | undefined {
  if (!ENTRY_TOOLS.some((tool) => hasTool(ctx, tool))) return undefined;
  return {
    name: 'what_failed_overnight',
    title: 'What failed overnight',
    description:
      'Everything that failed in a window across every enabled backend (runs, traces, flow runs), with the errors and likely causes.',
    argsSchema: ARGS,
    render: ({ window }) => {
      const since = resolveWindow(window, new Date());
      const steps = hasTool(ctx, 'mlops_what_failed')
        ? crossBackendSteps(ctx, since)
        : [...mlflowSteps(since), ...wandbSteps(since), ...prefectSteps(since)];
      const plan: PromptPlan = {
        goal: `Find everything that failed ${since.phrase} across the enabled backends.`,
        steps,
        report: REPORT,
      };
      return renderPlan(ctx, plan);
    },
  };
}

/**
 * The cross-backend tools do the fan-out; per-backend tools then explain each failure. Their
 * inputs are kept to the keys each tool declares, since those tools evolve apart from prompts.
 */
function crossBackendSteps(ctx: PromptContext, since: WindowStart): PromptStep[] {
  return [
    {
      tool: 'mlops_overview',
      args: declaredArgs(ctx, 'mlops_overview', { since: since.label }),
      why: 'Check every backend is reachable (a backend that is down hides its failures) and get the counts.',
    },
    {
      tool: 'mlops_what_failed',
      args: declaredArgs(ctx, 'mlops_what_failed', { since: since.label }),
      why: 'List everything that failed in the window across the backends.',
    },
    {
      tool: 'mlflow_get_run',
      args: { runId: '<id of each failed MLflow run>' },
      why: 'For failed MLflow runs: read the last metrics and tags to see where each stopped.',
    },
    {
      tool: 'mlflow_get_trace',
      args: { traceId: '<id of each failed MLflow trace, up to 3>' },
      why: 'For failed MLflow traces: the exception and the span where it started.',
    },
    {
      tool: 'wandb_diagnose_run',
      args: { run: '<ref.uri of each failed W&B run>' },
      why: 'For failed or crashed W&B runs: crash, NaN loss, stale heartbeat or GPU memory.',
    },
    prefectFlowRunStep('For failed or crashed Prefect flow runs'),
  ];
}

/** Explains failed flow runs: Prefect's diagnosis when listed, else the error logs. */
function prefectFlowRunStep(lead: string): PromptStep {
  const flowRunId = '<id of each failed or crashed flow run>';
  return {
    tool: 'prefect_diagnose_flow_run',
    args: { flowRunId },
    why: `${lead}: the failed tasks, the error log tail and the cause named.`,
    or: [
      {
        tool: 'prefect_get_flow_run_logs',
        args: { flowRunId, minLevel: 'ERROR' },
        why: `${lead}: the error logs, traceback first.`,
      },
    ],
  };
}

function declaredArgs(
  ctx: PromptContext,
  toolName: string,
  args: Record<string, unknown>,
): Record<string, unknown> {
  const tool = ctx.tools.find((candidate) => candidate.name === toolName);
  const declared = ((tool && advertisedInputOf(tool).properties) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(args).filter(([key]) => key in declared));
}

function mlflowSteps(since: WindowStart): PromptStep[] {
  return [
    {
      tool: 'mlflow_search_runs',
      args: {
        filter: `attributes.status = 'FAILED' AND attributes.start_time > ${since.millis}`,
        orderBy: ['attributes.start_time DESC'],
        limit: 50,
        fields: ['name', 'status', 'experimentId', 'startedAt', 'endedAt'],
      },
      why: 'MLflow: the runs that failed in the window, in every active experiment.',
    },
    {
      tool: 'mlflow_get_run',
      args: { runId: '<id of each failed MLflow run>' },
      why: 'MLflow: read the last metrics and tags of each to see where it stopped.',
    },
    {
      tool: 'mlflow_search_traces',
      args: {
        filter: `trace.status = 'ERROR' AND trace.timestamp_ms > ${since.millis}`,
        limit: 50,
      },
      why: 'MLflow: the GenAI traces that ended in error in the window; group them by error.',
    },
  ];
}

function wandbSteps(since: WindowStart): PromptStep[] {
  const failedSince = {
    $and: [{ state: { $in: ['failed', 'crashed'] } }, { createdAt: { $gt: since.naiveUtc } }],
  };
  return [
    {
      tool: 'wandb_search_runs',
      args: {
        filters: JSON.stringify(failedSince),
        limit: 50,
        fields: ['name', 'status', 'rawStatus'],
      },
      why: 'W&B: the runs of the default project (WANDB_PROJECT; pass project for others) that failed or crashed in the window.',
    },
    {
      tool: 'wandb_diagnose_run',
      args: { run: '<ref.uri of each failed W&B run>' },
      why: 'W&B: explain each: crash, NaN loss, stale heartbeat or GPU memory.',
    },
    {
      tool: 'wandb_summarize_traces',
      args: { status: 'error', startedAfter: since.iso },
      why: 'W&B Weave: failed traces in the window by op, with the most frequent errors.',
    },
  ];
}

function prefectSteps(since: WindowStart): PromptStep[] {
  return [
    {
      tool: 'prefect_get_overview',
      args: { since: since.iso },
      why: 'Prefect: flow runs by state in the window, late runs, latest failures, pools without workers.',
    },
    {
      tool: 'prefect_list_flow_runs',
      args: {
        stateTypes: ['FAILED', 'CRASHED'],
        since: since.iso,
        timeField: 'start_time',
        limit: 50,
      },
      why: 'Prefect: every flow run that failed or crashed in the window, with its state message.',
    },
    prefectFlowRunStep('Prefect: explain each'),
  ];
}
