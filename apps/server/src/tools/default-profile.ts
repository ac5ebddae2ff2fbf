/**
 * The tools listed when no toolset or tool is named: the questions people ask most, within 4k
 * model-visible tokens (test/profiles.test.ts). What they leave out is one toolset away and the
 * server's instructions say how: the charts (`charts`), run summaries (`summaries`), the Prefect
 * overview and single flow run (`orchestration`, `flow-runs`), `--toolsets all` for everything.
 * Write tools are added whenever writes are enabled, since enabling them is already an explicit
 * choice.
 */
export const DEFAULT_PROFILE: readonly string[] = [
  // Across backends: the first calls of most sessions.
  'mlops_overview',
  'mlops_what_failed',
  'mlops_search_runs',
  'mlops_compare_runs',
  'mlops_search_traces',
  'mlops_find_lineage',
  // MLflow: find and read runs, their metrics and files; traces; what is in production.
  'mlflow_search_experiments',
  'mlflow_search_runs',
  'mlflow_get_run',
  'mlflow_get_metric_history',
  'mlflow_list_artifacts',
  'mlflow_read_artifact',
  'mlflow_search_traces',
  'mlflow_get_trace',
  'mlflow_get_model_version_by_alias',
  // W&B: runs, history, a diagnosis; Weave traces.
  'wandb_search_runs',
  'wandb_get_run',
  'wandb_get_metric_history',
  'wandb_diagnose_run',
  'wandb_search_traces',
  'wandb_get_trace',
  'wandb_summarize_traces',
  // Prefect: flow runs, their logs, and the support questions.
  'prefect_list_flow_runs',
  'prefect_get_flow_run_logs',
  'prefect_diagnose_flow_run',
  'prefect_diagnose_late_runs',
  'prefect_diagnose_automation',
];
