import { STANDIN_FIXED_RUNS } from '@mlops-mcp/testkit';
import type { Backends } from './backends.js';

/** A named tool call on the seeded data. */
export interface Task {
  /** What an agent would be asking, e.g. "MLflow: search runs". */
  name: string;
  tool: string;
  args: Record<string, unknown>;
}

const WANDB_PROJECT = 'llm-finetune';

/**
 * The calls whose gateway overhead is measured: one plain read per backend API, all in the
 * default tool profile; the direct arm sends the same backend requests.
 */
export function overheadTasks(backends: Backends): Task[] {
  const { mlflow, weave, wandb } = backends;
  return [
    {
      name: 'MLflow search runs',
      tool: 'mlflow_search_runs',
      args: { experimentIds: mlflow.seed.experiments.map((e) => e.id), limit: 25 },
    },
    {
      name: 'MLflow get run',
      tool: 'mlflow_get_run',
      args: { runId: mlflow.seed.runs[0]!.id },
    },
    { name: 'Prefect list flow runs', tool: 'prefect_list_flow_runs', args: { limit: 25 } },
    {
      name: 'Weave calls query',
      tool: 'wandb_search_traces',
      args: { entity: weave.seed.entity, project: weave.seed.project, limit: 25 },
    },
    {
      name: 'W&B run query (stand-in)',
      tool: 'wandb_get_run',
      args: { entity: wandb.entity, project: WANDB_PROJECT, run: STANDIN_FIXED_RUNS.healthyA },
    },
  ];
}

/** Questions an agent asks of the seeded data, for response-token counts. */
export function tokenTasks(backends: Backends): Task[] {
  const { mlflow, prefect, weave, wandb } = backends;
  const experimentIds = mlflow.seed.experiments.map((e) => e.id);
  const finished = mlflow.seed.runs.filter((run) => run.status === 'FINISHED');
  const weaveScope = { entity: weave.seed.entity, project: weave.seed.project };
  const wandbScope = { entity: wandb.entity, project: WANDB_PROJECT };
  const failedTrace = weave.seed.agentTraces.find((trace) => trace.error !== null)!;
  return [
    {
      name: 'MLflow: which runs failed?',
      tool: 'mlflow_search_runs',
      args: { experimentIds, filter: "attributes.status = 'FAILED'" },
    },
    {
      name: 'MLflow: 25 runs of all experiments',
      tool: 'mlflow_search_runs',
      args: { experimentIds, limit: 25 },
    },
    { name: 'MLflow: one run in full', tool: 'mlflow_get_run', args: { runId: finished[0]!.id } },
    {
      name: 'MLflow: summarize a run',
      tool: 'mlflow_summarize_run',
      args: { runId: finished[0]!.id },
    },
    {
      name: 'MLflow: compare two runs',
      tool: 'mlflow_compare_runs',
      args: { runIds: [finished[0]!.id, finished[1]!.id] },
    },
    {
      name: 'Prefect: which flow runs failed?',
      tool: 'prefect_list_flow_runs',
      args: { stateTypes: ['FAILED', 'CRASHED'] },
    },
    {
      name: 'Prefect: logs of the failed run',
      tool: 'prefect_get_flow_run_logs',
      args: { flowRunId: prefect.seed.flowRuns.failed },
    },
    { name: 'Prefect: how is the workspace doing?', tool: 'prefect_get_overview', args: {} },
    {
      name: 'Weave: which traces failed?',
      tool: 'wandb_search_traces',
      args: { ...weaveScope, status: 'error' },
    },
    {
      name: 'Weave: one failed trace as a tree',
      tool: 'wandb_get_trace',
      args: { ...weaveScope, traceId: failedTrace.traceId },
    },
    {
      name: 'W&B: 25 runs of a project',
      tool: 'wandb_search_runs',
      args: { ...wandbScope, limit: 25 },
    },
    {
      name: 'W&B: one run in full',
      tool: 'wandb_get_run',
      args: { ...wandbScope, run: STANDIN_FIXED_RUNS.healthyA },
    },
    {
      name: 'W&B: why did this run die?',
      tool: 'wandb_diagnose_run',
      args: { ...wandbScope, run: STANDIN_FIXED_RUNS.diverged },
    },
  ];
}
