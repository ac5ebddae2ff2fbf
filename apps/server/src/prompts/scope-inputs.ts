import { z } from 'zod';
import { hasTool, type PromptContext } from './prompt-context.js';
import type { PromptStep } from './prompt-step.js';

/** Backends with experiments and runs (Prefect orchestrates, it does not track). */
export type TrackingBackend = 'mlflow' | 'wandb';

/** The tracking backends whose workflow tool is selected, in a fixed order. */
export function backendsWith(
  ctx: PromptContext,
  tools: Readonly<Record<TrackingBackend, string>>,
): TrackingBackend[] {
  return (['mlflow', 'wandb'] as const).filter((backend) => hasTool(ctx, tools[backend]));
}

/** The `backend` argument: one of the enabled backends, defaulting to it when it is the only one. */
export function backendInput(backends: readonly [TrackingBackend, ...TrackingBackend[]]) {
  const choice = z.enum(backends as [TrackingBackend, ...TrackingBackend[]]);
  const described = `Which backend: ${backends.join(' or ')}.`;
  return backends.length === 1
    ? choice.default(backends[0]).describe(`${described} Default ${backends[0]}.`)
    : choice.describe(described);
}

/** The experiment (MLflow) or project (W&B) argument. */
export const experimentInput = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .optional()
  .describe(
    'MLflow experiment id or exact name, or W&B project as "<entity>/<project>" or "<project>". ' +
      'Omit for every active MLflow experiment or the default W&B project (WANDB_PROJECT).',
  );

/** MLflow experiment ids for tool inputs, plus the lookup step a name needs first. */
export interface MlflowScope {
  steps: PromptStep[];
  /** Undefined means every active experiment (the tools' default). */
  experimentIds?: string[];
}

/** Resolves the experiment argument for MLflow: an id is used as is, a name is looked up first. */
export function mlflowScope(experiment: string | undefined): MlflowScope {
  if (experiment === undefined) return { steps: [] };
  if (/^\d+$/.test(experiment)) return { steps: [], experimentIds: [experiment] };
  const why = `Look up the id of experiment "${experiment}".`;
  const quote = experiment.includes("'") ? '"' : "'";
  return {
    steps: [
      {
        tool: 'mlflow_get_experiment_by_name',
        args: { name: experiment },
        why,
        or: [
          {
            tool: 'mlflow_search_experiments',
            args: { filter: `name = ${quote}${experiment}${quote}` },
            why,
          },
        ],
      },
    ],
    experimentIds: [`<id of experiment "${experiment}">`],
  };
}

/** Splits a W&B "<entity>/<project>" argument into the tools' entity and project inputs. */
export function wandbScope(project: string | undefined): { entity?: string; project?: string } {
  if (project === undefined) return {};
  const slash = project.indexOf('/');
  if (slash === -1) return { project };
  return { entity: project.slice(0, slash), project: project.slice(slash + 1) };
}

/** Adds `experimentIds` to a tool input only when the scope names experiments. */
export function withExperiments(
  scope: MlflowScope,
  args: Record<string, unknown>,
): Record<string, unknown> {
  return scope.experimentIds ? { experimentIds: scope.experimentIds, ...args } : args;
}
