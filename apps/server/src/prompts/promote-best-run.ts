import { z } from 'zod';
import { directionInput, metricInput, mlflowMetricColumn } from './metric-inputs.js';
import { hasTool, type PromptContext } from './prompt-context.js';
import { type PromptPlan, READ_ONLY_VARIABLE, renderPlan } from './prompt-step.js';
import { experimentInput, mlflowScope, withExperiments } from './scope-inputs.js';
import type { WorkflowPrompt } from './workflow-prompt.js';

/** The promotion request, as parsed from the prompt arguments. */
interface Promotion {
  experiment?: string | undefined;
  metric: string;
  direction: 'asc' | 'desc';
  model: string;
  alias: string;
}

const ARGS = z.object({
  experiment: experimentInput.describe(
    'MLflow experiment id or exact name; omit to search every active experiment.',
  ),
  metric: metricInput,
  direction: directionInput,
  model: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .describe('Registered model name to register the run under (created when missing).'),
  alias: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'An alias is letters, digits, "_" or "-".')
    .default('champion')
    .describe('Alias to point at the new version; default "champion".'),
});

/** `promote_best_run`, when MLflow's best-run search is selected. */
export function promoteBestRunPrompt(ctx: PromptContext): WorkflowPrompt<typeof ARGS> | undefined {
  if (!hasTool(ctx, 'mlflow_get_best_run') && !hasTool(ctx, 'mlflow_search_runs')) {
    return undefined;
  }
  return {
    name: 'promote_best_run',
    title: 'Promote the best MLflow run',
    description: `Find the best MLflow run by a metric, register its model and point an alias (e.g. champion) at it. The registry writes need ${READ_ONLY_VARIABLE}=false.`,
    argsSchema: ARGS,
    render: (args) => renderPlan(ctx, plan(args, ctx.readOnly)),
  };
}

function plan(request: Promotion, readOnly: boolean): PromptPlan {
  const scope = mlflowScope(request.experiment);
  const { model, alias } = request;
  const best = '<id of the best run>';
  return {
    goal: `Promote the MLflow run with the ${request.direction === 'desc' ? 'highest' : 'lowest'} ${request.metric}${request.experiment ? ` in experiment ${request.experiment}` : ''} to registered model "${model}" with alias "${alias}".`,
    steps: [
      ...scope.steps,
      {
        tool: 'mlflow_get_best_run',
        args: withExperiments(scope, {
          metric: request.metric,
          direction: request.direction,
          filter: "attributes.status = 'FINISHED'",
        }),
        why: 'Find the best finished run and the runner-up; check the margin between them is meaningful.',
        or: [
          {
            tool: 'mlflow_search_runs',
            args: withExperiments(scope, {
              filter: "attributes.status = 'FINISHED'",
              orderBy: [`${mlflowMetricColumn(request.metric)} ${request.direction.toUpperCase()}`],
              limit: 2,
            }),
            why: 'Find the best finished run (first) and the runner-up (second); check the margin between them is meaningful.',
          },
        ],
      },
      {
        tool: 'mlflow_list_artifacts',
        args: { runId: best },
        why: 'Find the directory holding the logged model (usually "model", with an MLmodel file). If there is none, stop: the run logged no model.',
      },
      {
        tool: 'mlflow_search_model_versions',
        args: { filter: `run_id = '${best}'` },
        why: 'Check whether this run is already registered; if so, reuse that version instead of creating another.',
      },
      {
        tool: 'mlflow_get_registered_model',
        args: { name: model },
        why: `See whether "${model}" exists and which version "${alias}" points at now (not_found means it must be created).`,
        or: [
          {
            tool: 'mlflow_get_model_version_by_alias',
            args: { name: model, alias },
            why: `See which version "${alias}" points at now (not_found: the model or the alias does not exist yet).`,
          },
        ],
      },
      {
        tool: 'mlflow_create_registered_model',
        args: { name: model },
        why: `Only if "${model}" does not exist: create it.`,
        write: true,
      },
      {
        tool: 'mlflow_create_model_version',
        args: { name: model, source: `runs:/${best}/<model directory>`, runId: best },
        why: 'Only if the run is not registered yet: register its model as a new version.',
        write: true,
      },
      {
        tool: 'mlflow_set_registered_model_alias',
        args: { name: model, alias, version: '<the version number>' },
        why: `Point "${alias}" at that version (this moves it off the version it points at now).`,
        write: true,
      },
      {
        tool: 'mlflow_get_model_version_by_alias',
        args: { name: model, alias },
        why: `Confirm "${alias}" now resolves to the new version and its source run.`,
      },
    ],
    notes: [
      `Writes need ${READ_ONLY_VARIABLE}=false: the gateway lists no write tool otherwise. ${
        readOnly
          ? `This gateway is read-only now, so do the read steps, then tell the user to restart it with ${READ_ONLY_VARIABLE}=false to promote; do not look for another way to write.`
          : 'This gateway has writes enabled; registry changes affect everyone who loads the model by alias.'
      }`,
      'Before any write, show the user the best run, its metric, the runner-up and the version the alias points at now, and ask them to confirm.',
    ],
    report:
      'Report the promoted run (name, id, metric value, margin over the runner-up), the model version created or reused, and the version the alias pointed at before.',
  };
}
