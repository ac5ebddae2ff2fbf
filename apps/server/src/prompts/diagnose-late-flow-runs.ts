import { z } from 'zod';
import { hasTool, type PromptContext } from './prompt-context.js';
import { type PromptStep, renderPlan } from './prompt-step.js';
import { resolveWindow, type WindowStart, windowInput } from './time-window.js';
import type { WorkflowPrompt } from './workflow-prompt.js';

/** Where to look for late runs, as parsed from the prompt arguments. */
interface LateScope {
  deployment?: string | undefined;
  workPool?: string | undefined;
  since: WindowStart;
}

const ARGS = z.object({
  deployment: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('Deployment id or "<flow name>/<deployment name>"; omit for every deployment.'),
  workPool: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Work pool name; omit for every pool.'),
  window: windowInput('24h'),
});

/** `diagnose_late_flow_runs`, when Prefect's flow-run search is selected. */
export function diagnoseLateFlowRunsPrompt(
  ctx: PromptContext,
): WorkflowPrompt<typeof ARGS> | undefined {
  if (!hasTool(ctx, 'prefect_diagnose_late_runs') && !hasTool(ctx, 'prefect_list_flow_runs')) {
    return undefined;
  }
  return {
    name: 'diagnose_late_flow_runs',
    title: 'Diagnose late Prefect flow runs',
    description:
      'Find Prefect flow runs that are Late (due but not started) for a deployment or work pool and explain why: no worker, paused pool/queue/deployment, or a full concurrency limit.',
    argsSchema: ARGS,
    render: ({ deployment, workPool, window }) => {
      const scope = { deployment, workPool, since: resolveWindow(window, new Date()) };
      const steps = hasTool(ctx, 'prefect_diagnose_late_runs')
        ? diagnosedSteps(scope)
        : manualSteps(scope);
      return renderPlan(ctx, { goal: goal(scope), steps, report: REPORT });
    },
  };
}

const REPORT =
  'For each late run (or group of them): the cause (no online worker in the pool, a paused pool, queue or deployment, a full ' +
  'pool, queue, deployment or global limit, or runs stuck holding slots), the evidence, and the fix (e.g. start a worker with ' +
  '`prefect worker start --pool <pool>`, resume the queue, free or raise the limit). Say which runs will start once it is fixed.';

function goal({ deployment, workPool, since }: LateScope): string {
  const where = [deployment && `deployment ${deployment}`, workPool && `work pool ${workPool}`]
    .filter(Boolean)
    .join(' in ');
  return `Diagnose the late Prefect flow runs of ${where || 'every deployment'} due ${since.phrase}.`;
}

function scopeArgs({ deployment, workPool }: LateScope): Record<string, unknown> {
  return { ...(deployment ? { deployment } : {}), ...(workPool ? { workPool } : {}) };
}

/** With Prefect's own diagnosis tool: one call names the blocker of each run, then confirm it. */
function diagnosedSteps(scope: LateScope): PromptStep[] {
  return [
    {
      tool: 'prefect_diagnose_late_runs',
      args: { ...scopeArgs(scope), since: scope.since.iso },
      why: 'Find the late runs and what blocks each, grouped by cause.',
    },
    {
      tool: 'prefect_get_work_pool',
      args: { name: scope.workPool ?? '<work pool named in the diagnosis>' },
      why: "Confirm the pool's side of it: workers with their last heartbeats, paused queues, slots in use.",
    },
    {
      tool: 'prefect_get_overview',
      args: { since: scope.since.iso },
      why: 'Check whether the problem is wider: other late runs, failures, pools without an online worker.',
    },
  ];
}

/** Without it: the same checks, one tool at a time. */
function manualSteps({ deployment, workPool, since }: LateScope): PromptStep[] {
  const pool = workPool ?? '<work pool of the late runs>';
  return [
    {
      tool: 'prefect_list_flow_runs',
      args: {
        stateNames: ['Late'],
        ...(deployment ? { deployments: [deployment] } : {}),
        ...(workPool ? { workPools: [workPool] } : {}),
        since: since.iso,
      },
      why: 'List the runs that are Late (due but not started); each carries its work pool, queue and how late it is.',
    },
    ...(deployment
      ? [
          {
            tool: 'prefect_get_deployment',
            args: { deployment },
            why: 'Check the deployment: paused, status (NOT_READY = no worker polled recently), work pool and queue, concurrency limit.',
          },
        ]
      : []),
    {
      tool: 'prefect_get_work_pool',
      args: { name: pool },
      why: "Check the pool: status (NOT_READY = no online worker, PAUSED), each worker's last heartbeat, paused queues, and slots in use against the pool and queue limits.",
    },
    {
      tool: 'prefect_list_concurrency_limits',
      args: { atCapacityOnly: true },
      why: 'See whether a global, tag or deployment concurrency limit is full.',
    },
    {
      tool: 'prefect_list_flow_runs',
      args: { stateTypes: ['RUNNING', 'PENDING'], workPools: [pool] },
      why: 'If a limit is full, find the runs holding its slots (long-running or stuck ones).',
    },
    {
      tool: 'prefect_get_overview',
      args: { since: since.iso },
      why: 'Check whether the problem is wider: other late runs, failures, pools without an online worker.',
    },
  ];
}
