import { z } from 'zod';
import type { PromptContext } from './prompt-context.js';
import { type PromptPlan, renderPlan } from './prompt-step.js';
import {
  backendInput,
  backendsWith,
  experimentInput,
  mlflowScope,
  wandbScope,
  withExperiments,
} from './scope-inputs.js';
import { resolveWindow, type WindowStart, windowInput } from './time-window.js';
import type { WorkflowPrompt } from './workflow-prompt.js';

const REPORT =
  'Report: how many traces failed in the window; the distinct errors grouped with counts and one example trace each (its ref.uri); ' +
  'the span or call where each error started; the likely root cause and a concrete fix. If nothing failed, say so.';

/** The window argument, the same whichever backends are enabled. */
const WINDOW = windowInput('24h');

/** `debug_failed_traces`, when MLflow or Weave trace search is selected. */
export function debugFailedTracesPrompt(ctx: PromptContext): WorkflowPrompt | undefined {
  const [first, ...rest] = backendsWith(ctx, {
    mlflow: 'mlflow_search_traces',
    wandb: 'wandb_search_traces',
  });
  if (!first) return undefined;
  const argsSchema = z.object({
    backend: backendInput([first, ...rest]),
    experiment: experimentInput,
    window: WINDOW,
  });
  return {
    name: 'debug_failed_traces',
    title: 'Debug failed traces',
    description:
      'Find the LLM/agent traces that failed in a time window, open the failing ones and explain the root causes.',
    argsSchema,
    render: ({ backend, experiment, window }: z.output<typeof argsSchema>) => {
      const since = resolveWindow(window, new Date());
      return renderPlan(
        ctx,
        backend === 'mlflow' ? mlflowPlan(experiment, since) : wandbPlan(experiment, since),
      );
    },
  };
}

function mlflowPlan(experiment: string | undefined, since: WindowStart): PromptPlan {
  const scope = mlflowScope(experiment);
  const inWindow = `trace.timestamp_ms > ${since.millis}`;
  return {
    goal: `Debug the failed MLflow traces of ${experiment ? `experiment ${experiment}` : 'every active experiment'} ${since.phrase}.`,
    steps: [
      ...scope.steps,
      {
        tool: 'mlflow_search_traces',
        args: withExperiments(scope, {
          filter: `trace.status = 'ERROR' AND ${inWindow}`,
          limit: 20,
        }),
        why: 'List the traces that ended in error in the window, newest first; group them by error preview.',
      },
      {
        tool: 'mlflow_get_trace',
        args: { traceId: '<traceId of up to 3 error traces with different errors>' },
        why: "Open each: the exception that failed it is at the top (error, errors); find the span where it started and read that span's inputs.",
        or: [
          {
            tool: 'mlflow_get_trace_info',
            args: { traceId: '<traceId of up to 3 error traces with different errors>' },
            why: 'Open each: status, request and response previews, tags and assessments.',
          },
        ],
      },
      {
        tool: 'mlflow_search_traces',
        args: withExperiments(scope, { filter: `trace.status = 'OK' AND ${inWindow}`, limit: 5 }),
        why: 'Get a few successful traces of the same window to contrast their requests with the failing ones.',
      },
    ],
    report: REPORT,
  };
}

function wandbPlan(project: string | undefined, since: WindowStart): PromptPlan {
  const scope = wandbScope(project);
  return {
    goal: `Debug the failed Weave traces of ${project ? `W&B project ${project}` : 'the default W&B project'} ${since.phrase}.`,
    steps: [
      {
        tool: 'wandb_summarize_traces',
        args: { ...scope, status: 'error', startedAfter: since.iso },
        why: 'Count the failed traces by op and get the most frequent error messages, each with an example call.',
      },
      {
        tool: 'wandb_search_traces',
        args: { ...scope, status: 'error', startedAfter: since.iso, limit: 20 },
        why: 'List the failed traces, newest first.',
      },
      {
        tool: 'wandb_get_trace',
        args: { ...scope, traceId: '<traceId of up to 3 failed traces with different errors>' },
        why: 'Open each as a call tree: errors are listed up front; find the call where the failure started.',
      },
      {
        tool: 'wandb_get_call',
        args: { ...scope, callId: '<id of the call where the error started>' },
        why: 'Read the inputs and output of that call to see what it was given.',
      },
    ],
    report: REPORT,
  };
}
