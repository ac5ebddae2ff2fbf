import type { Agent } from '../../task.js';

/** A run as mlops_search_runs lists it. */
export interface CrossRunItem {
  id: string;
  uri: string;
  name?: string;
  experimentId?: string;
  status: string;
  startedAt?: string;
  metrics?: Record<string, number>;
}

/** A run as mlflow_search_runs lists it. */
export interface MlflowRunItem {
  id: string;
  name?: string;
  experimentId: string;
  status: string;
  params?: Record<string, string>;
  metrics?: Record<string, number>;
  tags?: Record<string, string>;
}

/** mlops_search_runs over one experiment (by the name the user said); its items. */
export async function crossRuns(
  agent: Agent,
  args: Record<string, unknown>,
): Promise<{ items: CrossRunItem[]; structured: Record<string, unknown> }> {
  const { structured, isError, text } = await agent.call('mlops_search_runs', args);
  if (isError) throw new Error(`mlops_search_runs failed: ${text.slice(0, 500)}`);
  return { items: structured.items as CrossRunItem[], structured };
}

/** The run of that name among the items, or an error naming what was listed. */
export function byName<T extends { name?: string }>(items: readonly T[], name: string): T {
  const found = items.find((item) => item.name === name);
  if (!found) {
    throw new Error(`no run named ${name} among ${items.map((item) => item.name).join(', ')}`);
  }
  return found;
}

/** The id of the experiment with exactly this name, via mlflow_search_experiments. */
export async function experimentId(agent: Agent, name: string): Promise<string> {
  const { structured, isError, text } = await agent.call('mlflow_search_experiments', {
    filter: `name = '${name}'`,
  });
  if (isError) throw new Error(`mlflow_search_experiments failed: ${text.slice(0, 500)}`);
  const [experiment] = structured.items as { id: string }[];
  if (!experiment) throw new Error(`no experiment named ${name}`);
  return experiment.id;
}

/** mlflow_search_runs; its items. */
export async function mlflowRuns(
  agent: Agent,
  args: Record<string, unknown>,
): Promise<MlflowRunItem[]> {
  const { structured, isError, text } = await agent.call('mlflow_search_runs', args);
  if (isError) throw new Error(`mlflow_search_runs failed: ${text.slice(0, 500)}`);
  return structured.items as MlflowRunItem[];
}
