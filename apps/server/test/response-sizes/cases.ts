import type { MlflowAttachmentSeed } from '@mlops-mcp/testkit';
import type { AllBackends } from '../all-backends.js';

/** What a case's arguments may draw on: the seeded backends and the results of earlier cases. */
export interface CaseContext {
  backends: AllBackends;
  attachments: MlflowAttachmentSeed;
  /** A local HTTP endpoint that accepts webhook deliveries. */
  hookUrl: string;
  /** The structured result of an earlier case (throws if that case did not run or failed). */
  got(tool: string): Record<string, unknown>;
}

/** One measured call: the tool, and the arguments an agent would typically pass on seeded data. */
export interface ResponseCase {
  tool: string;
  args(context: CaseContext): Record<string, unknown>;
}

const W_PROJECT = 'llm-finetune';

/** Field `name` of an earlier result, as a string. */
const field = (result: Record<string, unknown>, name: string): string => {
  const value = result[name];
  if (typeof value !== 'string')
    throw new Error(`no string "${name}" in ${JSON.stringify(result)}`);
  return value;
};

const firstItem = (result: Record<string, unknown>): Record<string, unknown> => {
  const items = result.items as Record<string, unknown>[] | undefined;
  if (!items?.[0]) throw new Error(`no items in ${JSON.stringify(result).slice(0, 300)}`);
  return items[0];
};

/** Seed shorthands. */
const m = (x: CaseContext) => x.backends.mlflow.seed;
const traces = (x: CaseContext) =>
  m(x).extras.traces as {
    experimentId: string;
    scratchExperimentId: string;
    okTraceIds: string[];
    scratchTraceIds: string[];
    dataset: { id: string };
    assessments: { correctTrue: string };
  };
const metrics = (x: CaseContext) =>
  m(x).extras.metrics as { runId: string; longKey: string; csvPath: string };
const registry = (x: CaseContext) =>
  m(x).extras.registry as {
    experimentId: string;
    loggedModels: { id: string }[];
    prompt: { name: string };
  };
const scorers = (x: CaseContext) => m(x).extras.scorers as { experimentId: string };
const experiment = (x: CaseContext, name: string) => {
  const found = m(x).experiments.find((e) => e.name === name);
  if (!found) throw new Error(`no seeded experiment ${name}`);
  return found.id;
};
/** The two finished llama-finetune runs a user would compare. */
const llamaRuns = (x: CaseContext) =>
  m(x)
    .runs.filter(
      (run) => run.experimentId === experiment(x, 'llama-finetune') && run.status === 'FINISHED',
    )
    .slice(0, 2)
    .map((run) => run.id);
const p = (x: CaseContext) => x.backends.prefect.seed;
const wv = (x: CaseContext) => x.backends.weave.seed;
const wRun = (x: CaseContext, id: string) =>
  `wandb://${x.backends.standin.entity}/${W_PROJECT}/runs/${id}`;
const created = (x: CaseContext, tool: string) => field(x.got(tool), 'id');

/** Names made unique per measurement, so writes never collide with seeded data. */
const SUFFIX = Date.now().toString(36);
const NEW_EXPERIMENT = `response-sizes-${SUFFIX}`;
const NEW_MODEL = `response-sizes-model-${SUFFIX}`;
const NEW_PROMPT = `response-sizes-prompt-${SUFFIX}`;

/**
 * Every tool once, in order. Reads come first and see the seeded data as seeded; a few writes
 * run before them to create what only a write can (a webhook, a prompt optimization job); the
 * other writes then work on objects they create themselves, so nothing seeded is lost before
 * it is measured.
 */
export const RESPONSE_CASES: readonly ResponseCase[] = [
  // Writes whose objects later reads need.
  {
    tool: 'mlflow_create_webhook',
    args: (x) => ({
      name: `sizes-hook-${SUFFIX}`,
      url: `${x.hookUrl}/hook`,
      events: ['model_version.created', 'model_version_alias.created'],
      description: 'Notify the deploy service of new versions',
    }),
  },
  {
    tool: 'mlflow_create_prompt_optimization_job',
    args: (x) => ({
      experimentId: registry(x).experimentId,
      sourcePromptUri: `prompts:/${registry(x).prompt.name}/1`,
      scorers: ['Correctness'],
    }),
  },
  // Cancelled at once: the job runner fails it soon anyway (it cannot reach an LLM here).
  {
    tool: 'mlflow_cancel_prompt_optimization_job',
    args: (x) => ({ jobId: created(x, 'mlflow_create_prompt_optimization_job') }),
  },

  // Cross-backend.
  { tool: 'mlops_overview', args: () => ({}) },
  { tool: 'mlops_what_failed', args: () => ({}) },
  { tool: 'mlops_search_runs', args: () => ({}) },
  {
    tool: 'mlops_compare_runs',
    args: (x) => ({
      runs: [
        ...llamaRuns(x).map((id) => `mlflow://runs/${id}`),
        wRun(x, x.backends.standin.runs.healthyA),
      ],
    }),
  },
  { tool: 'mlops_search_traces', args: () => ({}) },
  {
    tool: 'mlops_find_lineage',
    args: (x) => ({ uri: `prefect://flow-runs/${p(x).flowRuns.completed}` }),
  },
  {
    tool: 'mlops_plot_metrics',
    args: (x) => ({ runs: llamaRuns(x).map((id) => `mlflow://runs/${id}`), keys: ['train/loss'] }),
  },
  {
    tool: 'mlops_plot_trace',
    args: (x) => ({ trace: `mlflow://traces/${traces(x).okTraceIds[0]}` }),
  },
  // Code mode: a typical aggregate, and a keyword lookup of the API.
  {
    tool: 'mlops_execute',
    args: () => ({
      code:
        'const page = await mlflow.searchRuns({ limit: 100 });\n' +
        'const byStatus = {};\n' +
        'for (const run of page.items) byStatus[run.status] = (byStatus[run.status] ?? 0) + 1;\n' +
        'return byStatus;',
    }),
  },
  { tool: 'mlops_api', args: () => ({ query: 'search runs', backend: 'mlflow' }) },

  // MLflow reads.
  { tool: 'mlflow_search_experiments', args: () => ({}) },
  {
    tool: 'mlflow_get_experiment',
    args: (x) => ({ experimentId: experiment(x, 'llama-finetune') }),
  },
  { tool: 'mlflow_get_experiment_by_name', args: () => ({ name: 'llama-finetune' }) },
  {
    tool: 'mlflow_search_runs',
    args: (x) => ({ experimentIds: [experiment(x, 'llama-finetune')] }),
  },
  { tool: 'mlflow_get_run', args: (x) => ({ runId: llamaRuns(x)[0] }) },
  {
    tool: 'mlflow_get_metric_history',
    args: (x) => ({ runId: metrics(x).runId, key: metrics(x).longKey }),
  },
  {
    tool: 'mlflow_get_metric_histories',
    args: (x) => ({ runIds: llamaRuns(x), keys: ['train/loss'] }),
  },
  { tool: 'mlflow_list_artifacts', args: (x) => ({ runId: metrics(x).runId }) },
  {
    tool: 'mlflow_read_artifact',
    args: (x) => ({ runId: metrics(x).runId, path: metrics(x).csvPath }),
  },
  {
    tool: 'mlflow_summarize_experiment',
    args: (x) => ({ experimentId: experiment(x, 'llama-finetune'), metric: 'train/loss' }),
  },
  { tool: 'mlflow_summarize_run', args: (x) => ({ runId: llamaRuns(x)[0] }) },
  {
    tool: 'mlflow_get_best_run',
    args: (x) => ({
      metric: 'train/loss',
      direction: 'asc',
      experimentIds: [experiment(x, 'llama-finetune')],
    }),
  },
  { tool: 'mlflow_compare_runs', args: (x) => ({ runIds: llamaRuns(x) }) },
  { tool: 'mlflow_find_runs_by_tag', args: (x) => ({ value: m(x).invocationId }) },
  {
    tool: 'mlflow_search_traces',
    args: (x) => ({ experimentIds: [traces(x).experimentId] }),
  },
  { tool: 'mlflow_get_trace_info', args: (x) => ({ traceId: traces(x).okTraceIds[0] }) },
  { tool: 'mlflow_get_trace', args: (x) => ({ traceId: traces(x).okTraceIds[0] }) },
  {
    tool: 'mlflow_get_assessment',
    args: (x) => ({
      traceId: traces(x).okTraceIds[0],
      assessmentId: traces(x).assessments.correctTrue,
    }),
  },
  {
    tool: 'mlflow_search_evaluation_datasets',
    args: (x) => ({ experimentIds: [traces(x).experimentId] }),
  },
  {
    tool: 'mlflow_get_evaluation_dataset',
    args: (x) => ({ datasetId: traces(x).dataset.id }),
  },
  {
    tool: 'mlflow_query_trace_metrics',
    args: (x) => ({ experimentIds: [traces(x).experimentId], metric: 'latency' }),
  },
  { tool: 'mlflow_list_scorers', args: (x) => ({ experimentIds: [scorers(x).experimentId] }) },
  {
    tool: 'mlflow_list_scorer_versions',
    args: (x) => ({ experimentId: scorers(x).experimentId, name: 'polite' }),
  },
  {
    tool: 'mlflow_get_scorer',
    args: (x) => ({ experimentId: scorers(x).experimentId, name: 'polite' }),
  },
  { tool: 'mlflow_search_registered_models', args: () => ({}) },
  { tool: 'mlflow_get_registered_model', args: (x) => ({ name: m(x).registeredModel }) },
  {
    tool: 'mlflow_search_model_versions',
    args: (x) => ({ filter: `name='${m(x).registeredModel}'` }),
  },
  {
    tool: 'mlflow_get_model_version',
    args: (x) => ({ name: m(x).registeredModel, version: '1' }),
  },
  {
    tool: 'mlflow_get_model_version_by_alias',
    args: (x) => ({ name: m(x).registeredModel, alias: 'champion' }),
  },
  { tool: 'mlflow_get_latest_model_versions', args: (x) => ({ name: m(x).registeredModel }) },
  {
    tool: 'mlflow_get_model_version_download_uri',
    args: (x) => ({ name: m(x).registeredModel, version: '1' }),
  },
  {
    tool: 'mlflow_search_logged_models',
    args: (x) => ({ experimentIds: [registry(x).experimentId] }),
  },
  {
    tool: 'mlflow_get_logged_model',
    args: (x) => ({ modelId: registry(x).loggedModels[0]!.id }),
  },
  { tool: 'mlflow_search_prompts', args: () => ({}) },
  { tool: 'mlflow_get_prompt', args: (x) => ({ name: registry(x).prompt.name }) },
  {
    tool: 'mlflow_get_prompt_version',
    args: (x) => ({ name: registry(x).prompt.name, version: '2' }),
  },
  { tool: 'mlflow_list_webhooks', args: () => ({}) },
  {
    tool: 'mlflow_get_webhook',
    args: (x) => ({ webhookId: created(x, 'mlflow_create_webhook') }),
  },
  { tool: 'mlflow_list_trace_attachments', args: (x) => ({ traceId: x.attachments.attached }) },
  {
    tool: 'mlflow_get_trace_attachment',
    args: (x) => ({ traceId: x.attachments.attached, attachmentId: x.attachments.note }),
  },
  {
    tool: 'mlflow_get_prompt_optimization_job',
    args: (x) => ({ jobId: created(x, 'mlflow_create_prompt_optimization_job') }),
  },
  {
    tool: 'mlflow_search_prompt_optimization_jobs',
    args: (x) => ({ experimentId: registry(x).experimentId }),
  },

  // W&B runs (GraphQL) in the stand-in's llm-finetune project.
  { tool: 'wandb_get_viewer', args: () => ({}) },
  { tool: 'wandb_list_projects', args: () => ({}) },
  { tool: 'wandb_get_project', args: () => ({ project: W_PROJECT }) },
  { tool: 'wandb_search_runs', args: () => ({ project: W_PROJECT }) },
  {
    tool: 'wandb_get_run',
    args: (x) => ({ run: x.backends.standin.runs.healthyA, project: W_PROJECT }),
  },
  {
    tool: 'wandb_get_metric_history',
    args: (x) => ({ run: x.backends.standin.runs.healthyA, project: W_PROJECT, keys: ['loss'] }),
  },
  {
    tool: 'wandb_get_system_metrics',
    args: (x) => ({ run: x.backends.standin.runs.healthyA, project: W_PROJECT }),
  },
  {
    tool: 'wandb_compare_runs',
    args: (x) => ({
      runs: [x.backends.standin.runs.healthyA, x.backends.standin.runs.healthyB],
      project: W_PROJECT,
    }),
  },
  {
    tool: 'wandb_diagnose_run',
    args: (x) => ({ run: x.backends.standin.runs.diverged, project: W_PROJECT }),
  },
  {
    tool: 'wandb_list_run_files',
    args: (x) => ({ run: x.backends.standin.runs.healthyA, project: W_PROJECT }),
  },
  { tool: 'wandb_list_artifacts', args: () => ({ project: W_PROJECT }) },
  {
    tool: 'wandb_get_artifact',
    args: () => ({ artifact: 'llama-sft:best', project: W_PROJECT }),
  },
  {
    tool: 'wandb_list_registry',
    args: (x) => ({ organization: x.backends.standin.organization }),
  },
  { tool: 'wandb_list_sweeps', args: () => ({ project: W_PROJECT }) },
  { tool: 'wandb_get_sweep', args: () => ({ sweep: 'swplr001', project: W_PROJECT }) },
  { tool: 'wandb_list_reports', args: () => ({ project: W_PROJECT }) },
  {
    tool: 'wandb_get_report',
    args: (x) => ({ report: field(firstItem(x.got('wandb_list_reports')), 'id') }),
  },

  // Weave traces in the seeded agent-traces project (the configured WANDB_PROJECT).
  { tool: 'wandb_search_traces', args: () => ({}) },
  { tool: 'wandb_get_trace', args: (x) => ({ callId: wv(x).errorTraceIds[0] }) },
  { tool: 'wandb_summarize_traces', args: () => ({}) },
  { tool: 'wandb_search_calls', args: () => ({}) },
  { tool: 'wandb_get_call', args: (x) => ({ callId: wv(x).agentTraces[0]!.id }) },
  { tool: 'wandb_get_call_stats', args: () => ({}) },
  { tool: 'wandb_list_feedback', args: () => ({}) },
  { tool: 'wandb_list_objects', args: () => ({}) },
  { tool: 'wandb_get_object', args: (x) => ({ name: wv(x).objects.dataset[0]!.name }) },

  // Prefect reads.
  { tool: 'prefect_get_overview', args: () => ({}) },
  { tool: 'prefect_get_server_info', args: () => ({}) },
  { tool: 'prefect_list_flows', args: () => ({}) },
  { tool: 'prefect_get_flow', args: (x) => ({ flowId: p(x).flows['nightly-etl'] }) },
  { tool: 'prefect_list_deployments', args: () => ({}) },
  { tool: 'prefect_get_deployment', args: () => ({ deployment: 'nightly-etl/prod' }) },
  { tool: 'prefect_list_flow_runs', args: () => ({}) },
  { tool: 'prefect_get_flow_run', args: (x) => ({ flowRunId: p(x).flowRuns.failed }) },
  { tool: 'prefect_list_task_runs', args: (x) => ({ flowRunId: p(x).flowRuns.failed }) },
  { tool: 'prefect_get_flow_run_logs', args: (x) => ({ flowRunId: p(x).flowRuns.failed }) },
  { tool: 'prefect_list_work_pools', args: () => ({}) },
  { tool: 'prefect_get_work_pool', args: (x) => ({ name: p(x).workPools.limited }) },
  { tool: 'prefect_list_concurrency_limits', args: () => ({}) },
  { tool: 'prefect_list_automations', args: () => ({}) },
  { tool: 'prefect_get_automation', args: (x) => ({ automationId: p(x).automation.id }) },
  { tool: 'prefect_list_events', args: () => ({}) },
  { tool: 'prefect_list_variables', args: () => ({}) },
  { tool: 'prefect_list_blocks', args: () => ({}) },
  { tool: 'prefect_diagnose_flow_run', args: (x) => ({ flowRunId: p(x).flowRuns.failed }) },
  { tool: 'prefect_diagnose_late_runs', args: () => ({}) },
  { tool: 'prefect_diagnose_automation', args: (x) => ({ automation: p(x).automation.id }) },

  // MLflow writes, on objects they create.
  { tool: 'mlflow_create_experiment', args: () => ({ name: NEW_EXPERIMENT }) },
  {
    tool: 'mlflow_update_experiment',
    args: (x) => ({
      experimentId: created(x, 'mlflow_create_experiment'),
      newName: `${NEW_EXPERIMENT}-renamed`,
    }),
  },
  {
    tool: 'mlflow_set_experiment_tag',
    args: (x) => ({
      experimentId: created(x, 'mlflow_create_experiment'),
      key: 'team',
      value: 'llm',
    }),
  },
  {
    tool: 'mlflow_delete_experiment_tag',
    args: (x) => ({ experimentId: created(x, 'mlflow_create_experiment'), key: 'team' }),
  },
  {
    tool: 'mlflow_create_run',
    args: (x) => ({
      experimentId: created(x, 'mlflow_create_experiment'),
      runName: 'sft-lr3e-4',
      tags: { stage: 'dev' },
    }),
  },
  {
    tool: 'mlflow_log_param',
    args: (x) => ({ runId: created(x, 'mlflow_create_run'), key: 'lr', value: '0.0003' }),
  },
  {
    tool: 'mlflow_log_metric',
    args: (x) => ({ runId: created(x, 'mlflow_create_run'), key: 'loss', value: 0.91, step: 1 }),
  },
  {
    tool: 'mlflow_log_batch',
    args: (x) => ({
      runId: created(x, 'mlflow_create_run'),
      metrics: [
        { key: 'loss', value: 0.82, step: 2 },
        { key: 'loss', value: 0.74, step: 3 },
        { key: 'accuracy', value: 0.61, step: 3 },
      ],
      params: { batch_size: '32', optimizer: 'adamw' },
      tags: { dataset: 'ultrachat_200k' },
    }),
  },
  {
    tool: 'mlflow_log_inputs',
    args: (x) => ({
      runId: created(x, 'mlflow_create_run'),
      datasets: [
        {
          name: 'ultrachat_200k',
          sourceType: 'hugging_face',
          source: 'HuggingFaceH4/ultrachat_200k',
        },
      ],
    }),
  },
  {
    tool: 'mlflow_set_run_tag',
    args: (x) => ({ runId: created(x, 'mlflow_create_run'), key: 'reviewed', value: 'yes' }),
  },
  {
    tool: 'mlflow_delete_run_tag',
    args: (x) => ({ runId: created(x, 'mlflow_create_run'), key: 'reviewed' }),
  },
  {
    tool: 'mlflow_update_run',
    args: (x) => ({ runId: created(x, 'mlflow_create_run'), status: 'FINISHED' }),
  },
  { tool: 'mlflow_delete_run', args: (x) => ({ runId: created(x, 'mlflow_create_run') }) },
  { tool: 'mlflow_restore_run', args: (x) => ({ runId: created(x, 'mlflow_create_run') }) },
  {
    tool: 'mlflow_set_trace_tag',
    args: (x) => ({ traceId: traces(x).okTraceIds[1], key: 'reviewed', value: 'yes' }),
  },
  {
    tool: 'mlflow_delete_trace_tag',
    args: (x) => ({ traceId: traces(x).okTraceIds[1], key: 'reviewed' }),
  },
  {
    tool: 'mlflow_log_feedback',
    args: (x) => ({
      traceId: traces(x).okTraceIds[1],
      name: 'helpfulness',
      value: 4,
      rationale: 'Answers the question; misses one caveat.',
    }),
  },
  {
    tool: 'mlflow_log_expectation',
    args: (x) => ({
      traceId: traces(x).okTraceIds[1],
      name: 'expected_answer',
      value: 'MLflow tracks experiments, models and traces.',
    }),
  },
  {
    tool: 'mlflow_update_assessment',
    args: (x) => ({
      traceId: traces(x).okTraceIds[1],
      assessmentId: created(x, 'mlflow_log_feedback'),
      rationale: 'Answers the question fully.',
      value: 5,
    }),
  },
  {
    tool: 'mlflow_delete_assessment',
    args: (x) => ({
      traceId: traces(x).okTraceIds[1],
      assessmentId: created(x, 'mlflow_log_expectation'),
    }),
  },
  {
    tool: 'mlflow_delete_traces',
    args: (x) => ({
      experimentId: traces(x).scratchExperimentId,
      traceIds: traces(x).scratchTraceIds,
    }),
  },
  {
    tool: 'mlflow_delete_scorer',
    args: (x) => ({ experimentId: scorers(x).experimentId, name: 'scratch_probe', version: 1 }),
  },
  { tool: 'mlflow_create_registered_model', args: () => ({ name: NEW_MODEL }) },
  {
    tool: 'mlflow_update_registered_model',
    args: () => ({
      name: NEW_MODEL,
      description: 'LoRA fine-tune of Llama 3 8B for support chat.',
    }),
  },
  {
    tool: 'mlflow_create_model_version',
    args: (x) => ({
      name: NEW_MODEL,
      source: `runs:/${created(x, 'mlflow_create_run')}/model`,
      runId: created(x, 'mlflow_create_run'),
    }),
  },
  {
    tool: 'mlflow_update_model_version',
    args: () => ({ name: NEW_MODEL, version: '1', description: 'First candidate.' }),
  },
  {
    tool: 'mlflow_set_registered_model_alias',
    args: () => ({ name: NEW_MODEL, alias: 'candidate', version: '1' }),
  },
  {
    tool: 'mlflow_delete_registered_model_alias',
    args: () => ({ name: NEW_MODEL, alias: 'candidate' }),
  },
  {
    tool: 'mlflow_set_registered_model_tag',
    args: () => ({ name: NEW_MODEL, key: 'owner', value: 'llm-team' }),
  },
  {
    tool: 'mlflow_delete_registered_model_tag',
    args: () => ({ name: NEW_MODEL, key: 'owner' }),
  },
  {
    tool: 'mlflow_set_model_version_tag',
    args: () => ({ name: NEW_MODEL, version: '1', key: 'validated', value: 'true' }),
  },
  {
    tool: 'mlflow_delete_model_version_tag',
    args: () => ({ name: NEW_MODEL, version: '1', key: 'validated' }),
  },
  {
    tool: 'mlflow_transition_model_version_stage',
    args: () => ({ name: NEW_MODEL, version: '1', stage: 'Staging' }),
  },
  {
    tool: 'mlflow_rename_registered_model',
    args: () => ({ name: NEW_MODEL, newName: `${NEW_MODEL}-v2` }),
  },
  {
    tool: 'mlflow_delete_model_version',
    args: () => ({ name: `${NEW_MODEL}-v2`, version: '1' }),
  },
  { tool: 'mlflow_delete_registered_model', args: () => ({ name: `${NEW_MODEL}-v2` }) },
  {
    tool: 'mlflow_create_logged_model',
    args: (x) => ({
      experimentId: created(x, 'mlflow_create_experiment'),
      name: 'llama-3-8b-lora',
      sourceRunId: created(x, 'mlflow_create_run'),
    }),
  },
  {
    tool: 'mlflow_log_logged_model_params',
    args: (x) => ({
      modelId: created(x, 'mlflow_create_logged_model'),
      params: { lora_rank: '16', lora_alpha: '32' },
    }),
  },
  {
    tool: 'mlflow_set_logged_model_tags',
    args: (x) => ({
      modelId: created(x, 'mlflow_create_logged_model'),
      tags: { framework: 'peft' },
    }),
  },
  {
    tool: 'mlflow_delete_logged_model_tag',
    args: (x) => ({ modelId: created(x, 'mlflow_create_logged_model'), key: 'framework' }),
  },
  {
    tool: 'mlflow_finalize_logged_model',
    args: (x) => ({ modelId: created(x, 'mlflow_create_logged_model'), status: 'READY' }),
  },
  {
    tool: 'mlflow_delete_logged_model',
    args: (x) => ({ modelId: created(x, 'mlflow_create_logged_model') }),
  },
  {
    tool: 'mlflow_register_prompt',
    args: () => ({
      name: NEW_PROMPT,
      template: 'Summarise {{document}} in {{words}} words for a {{audience}} reader.',
      commitMessage: 'First version',
    }),
  },
  {
    tool: 'mlflow_set_prompt_alias',
    args: () => ({ name: NEW_PROMPT, alias: 'production', version: '1' }),
  },
  {
    tool: 'mlflow_update_webhook',
    args: (x) => ({
      webhookId: created(x, 'mlflow_create_webhook'),
      description: 'Notify the deploy service of new versions and aliases',
    }),
  },
  {
    tool: 'mlflow_test_webhook',
    args: (x) => ({ webhookId: created(x, 'mlflow_create_webhook') }),
  },
  {
    tool: 'mlflow_delete_webhook',
    args: (x) => ({ webhookId: created(x, 'mlflow_create_webhook') }),
  },
  {
    tool: 'mlflow_delete_prompt_optimization_job',
    args: (x) => ({ jobId: created(x, 'mlflow_create_prompt_optimization_job') }),
  },
  {
    tool: 'mlflow_delete_experiment',
    args: (x) => ({ experimentId: created(x, 'mlflow_create_experiment') }),
  },
  {
    tool: 'mlflow_restore_experiment',
    args: (x) => ({ experimentId: created(x, 'mlflow_create_experiment') }),
  },

  // W&B writes.
  {
    tool: 'wandb_update_run',
    args: (x) => ({
      run: x.backends.standin.runs.healthyA,
      project: W_PROJECT,
      addTags: ['reviewed'],
      notes: 'Baseline for the lr sweep.',
    }),
  },
  {
    tool: 'wandb_create_report',
    args: () => ({
      title: 'LR sweep findings',
      project: W_PROJECT,
      description: 'What the lr-search sweep showed.',
    }),
  },
  {
    tool: 'wandb_add_feedback',
    args: (x) => ({ callId: wv(x).errorTraceIds[0], note: 'Retrieval returned nothing.' }),
  },

  // Prefect writes.
  { tool: 'prefect_create_flow_run', args: () => ({ deployment: 'nightly-etl/prod' }) },
  {
    tool: 'prefect_cancel_flow_run',
    args: (x) => ({ flowRunId: created(x, 'prefect_create_flow_run') }),
  },
  { tool: 'prefect_pause_deployment', args: () => ({ deployment: 'train-model/gpu' }) },
  { tool: 'prefect_resume_deployment', args: () => ({ deployment: 'train-model/gpu' }) },
];
