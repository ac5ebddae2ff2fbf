/**
 * One backend entity served as a resource: its URI template (the same URIs `entityUri` builds
 * for `ref.uri`), the tool that reads it and how template variables become that tool's input.
 */
export interface EntityTemplate {
  /** Resource template name in resources/templates/list. */
  name: string;
  uriTemplate: string;
  title: string;
  description: string;
  /** The read tool behind the resource; no template when its backend is off or the tool excluded. */
  tool: string;
  args(variables: Readonly<Record<string, string>>): Record<string, unknown>;
  /**
   * A search listing a few recent entities for resources/list (each item's `ref.uri`); omitted
   * where listing would need a scope the gateway does not have or is not worth a backend call.
   */
  recent?: { tool: string; args: Record<string, unknown> };
}

/** How many entities a template lists in resources/list. */
export const RECENT_LIMIT = 10;

/** Every entity resource the gateway can serve, in resources/templates/list order. */
export const ENTITY_TEMPLATES: readonly EntityTemplate[] = [
  {
    name: 'mlflow-run',
    uriTemplate: 'mlflow://runs/{runId}',
    title: 'MLflow run',
    description:
      'One MLflow run (status, timing, params, latest metrics, tags), as mlflow_get_run.',
    tool: 'mlflow_get_run',
    args: (v) => ({ runId: v.runId }),
    recent: {
      tool: 'mlflow_search_runs',
      args: {
        limit: RECENT_LIMIT,
        orderBy: ['attributes.start_time DESC'],
        fields: ['name', 'status'],
      },
    },
  },
  {
    name: 'mlflow-experiment',
    uriTemplate: 'mlflow://experiments/{experimentId}',
    title: 'MLflow experiment',
    description: 'One MLflow experiment (name, lifecycle, tags), as mlflow_get_experiment.',
    tool: 'mlflow_get_experiment',
    args: (v) => ({ experimentId: v.experimentId }),
  },
  {
    name: 'mlflow-trace',
    uriTemplate: 'mlflow://traces/{traceId}',
    title: 'MLflow trace',
    description: 'One MLflow trace with its spans and assessments, as mlflow_get_trace.',
    tool: 'mlflow_get_trace',
    args: (v) => ({ traceId: v.traceId }),
  },
  {
    name: 'mlflow-registered-model',
    uriTemplate: 'mlflow://registered-models/{name}',
    title: 'MLflow registered model',
    description:
      'One registered model (aliases, latest versions, tags), as mlflow_get_registered_model.',
    tool: 'mlflow_get_registered_model',
    args: (v) => ({ name: v.name }),
  },
  {
    name: 'wandb-run',
    uriTemplate: 'wandb://{entity}/{project}/runs/{runId}',
    title: 'W&B run',
    description: 'One W&B run (state, config, summary metrics, tags), as wandb_get_run.',
    tool: 'wandb_get_run',
    args: (v) => ({ run: v.runId, entity: v.entity, project: v.project }),
  },
  {
    name: 'wandb-trace',
    uriTemplate: 'wandb://{entity}/{project}/traces/{traceId}',
    title: 'Weave trace',
    description: 'One Weave trace as a call tree with errors up front, as wandb_get_trace.',
    tool: 'wandb_get_trace',
    args: (v) => ({ traceId: v.traceId, entity: v.entity, project: v.project }),
  },
  {
    name: 'prefect-flow-run',
    uriTemplate: 'prefect://flow-runs/{flowRunId}',
    title: 'Prefect flow run',
    description:
      'One Prefect flow run (state, message, timing, pool, parameters), as prefect_get_flow_run.',
    tool: 'prefect_get_flow_run',
    args: (v) => ({ flowRunId: v.flowRunId }),
    recent: { tool: 'prefect_list_flow_runs', args: { limit: RECENT_LIMIT } },
  },
  {
    name: 'prefect-deployment',
    uriTemplate: 'prefect://deployments/{deploymentId}',
    title: 'Prefect deployment',
    description:
      'One Prefect deployment (schedules, paused, pool, parameters), as prefect_get_deployment.',
    tool: 'prefect_get_deployment',
    args: (v) => ({ deployment: v.deploymentId }),
  },
];
